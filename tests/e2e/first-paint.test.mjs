// The first paint (issue 11): index.html carries the default view's frame, painted before the
// wasm runs. It must be what the app then renders, in the same place, whatever the stored
// subscription; a deep link must not paint the default view's heading.
import { test } from "node:test";
import assert from "node:assert/strict";
import { accessibilityViolations, openPage, screenshot, useServedApp, waitForApp } from "./support.mjs";

const app = useServedApp();

/** A page whose wasm never arrives: what it shows is index.html's frame alone. */
async function openFrameOnly(browser, options) {
  const session = await openPage(browser, options);
  await session.page.route("**/*.wasm", (route) => route.abort());
  return session;
}

/** The frame as the user sees it: the texts, links and places of what index.html prerenders. */
function frame(page) {
  return page.evaluate(() => {
    const visible = (element) => element.checkVisibility();
    const place = (selector) => {
      const box = document.querySelector(selector).getBoundingClientRect();
      return [box.left, box.top, box.width].map(Math.round);
    };
    const view = [...document.querySelectorAll("main .breadcrumbs, main h1, main .view-purpose")].filter(visible);
    return {
      brand: document.querySelector(".top-bar .brand").textContent,
      actions: [...document.querySelectorAll(".top-bar-actions :is(button, label)")].map((c) => c.textContent.trim()),
      // The current entry as it looks (the prerendered one is not marked for assistive technology).
      navigation: [...document.querySelectorAll(".side-nav a")].map((a) => {
        const look = getComputedStyle(a);
        return [a.textContent, a.getAttribute("href"), `${look.fontWeight} ${look.backgroundColor}`];
      }),
      view: view.map((element) => element.textContent.replace(/\s+/g, " ").trim()),
      places: {
        navigation: place(".side-nav"),
        ...(view.length ? { heading: place("main h1"), purpose: place("main .view-purpose") } : {}),
      },
    };
  });
}

for (const [width, height] of [
  [360, 740], // the narrowest the lab supports
  [412, 823], // Lighthouse's phone
  [800, 600], // the top bar in two rows beside the navigation
  [1280, 800],
]) {
  test(`at ${width} px the prerendered frame is the default view the app renders, in the same place, for any stored state`, async () => {
    const viewport = { width, height };
    const only = await openFrameOnly(app.browser, { viewport });
    await only.page.goto(`${app.server.url}/`);
    const prerendered = await frame(only.page);
    assert.deepEqual(await accessibilityViolations(only.page), [], "axe on the prerendered frame");
    await screenshot(only.page, `first-paint-${width}`);
    await only.context.close();
    assert.equal(prerendered.view.length, 3, "breadcrumbs, heading and purpose are painted");

    const { page, problems, context } = await openPage(app.browser, { viewport });
    page.on("dialog", (dialog) => dialog.accept());
    await page.goto(`${app.server.url}/`);
    await waitForApp(page);
    assert.deepEqual(await frame(page), prerendered, "the sample subscription");
    // Another stored state: the frame holds nothing of the sample.
    await page.getByRole("button", { name: "Start empty" }).click();
    await page.waitForFunction(() => !document.querySelector("main tbody tr"));
    await page.reload();
    await waitForApp(page);
    assert.deepEqual(await frame(page), prerendered, "an empty subscription");
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("a deep link paints the frame without the default view; the inline script reads the hash as the app does", async () => {
  const cases = {
    "": true,
    "#": true,
    "#/": true,
    "#/web-apps": true,
    "#/web-apps/": false,
    "#/web-apps/1": false,
    "#/plans": false,
    "#/virtual-networks/1/gateway": false,
    "#/connection-check/matrix": false,
    "#/no-such-view": false,
  };
  const only = await openFrameOnly(app.browser);
  const { page, problems, context } = await openPage(app.browser);
  for (const [hash, home] of Object.entries(cases)) {
    // From a blank page, so each hash is a load of its own, not a change of hash.
    await only.page.goto("about:blank");
    await only.page.goto(`${app.server.url}/${hash}`);
    const painted = await frame(only.page);
    assert.equal(painted.view.length, home ? 3 : 0, `prerendered view on “${hash}”`);
    const [webApps, plans] = painted.navigation.map(([, , look]) => look);
    assert.equal(webApps !== plans, home, `“Web apps” looks current on “${hash}”`);
    assert.ok(await only.page.getByRole("status").getByText("Loading the lab").isVisible());
    // The app's own reading of the same hash.
    await page.goto("about:blank");
    await page.goto(`${app.server.url}/${hash}`);
    await waitForApp(page);
    const heading = await page.locator("main h1").textContent();
    assert.equal(heading === "Web apps", home, `the app on “${hash}” shows “${heading}”`);
  }
  // A click in the frame's navigation before the app mounts takes the default view away too.
  await only.page.goto(`${app.server.url}/`);
  await only.page.locator(".side-nav a", { hasText: "Compare" }).click();
  await only.page.waitForFunction(() => !document.documentElement.classList.contains("boot-home"));
  const after = await frame(only.page);
  assert.deepEqual(after.view, []);
  assert.equal(after.navigation[0][2], after.navigation[1][2], "no entry looks current");
  assert.deepEqual(problems, []);
  await only.context.close();
  await context.close();
});

test("the largest paint is the prerendered one, before the wasm runs, and nothing shifts", async () => {
  const { page, problems, context } = await openPage(app.browser, { viewport: { width: 412, height: 823 } });
  // The wasm arrives late, as on a slow network, so the first paint surely comes before it.
  await page.route("**/*.wasm", async (route) => {
    await new Promise((done) => setTimeout(done, 500));
    await route.continue();
  });
  await page.addInitScript(() => {
    window.paints = [];
    window.shifts = [];
    new PerformanceObserver((list) => window.paints.push(...list.getEntries())).observe({
      type: "largest-contentful-paint",
      buffered: true,
    });
    new PerformanceObserver((list) => window.shifts.push(...list.getEntries())).observe({
      type: "layout-shift",
      buffered: true,
    });
    let parsed = false;
    new MutationObserver(() => {
      if (document.getElementById("boot")) parsed = true;
      else if (parsed) window.mounted ??= performance.now();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${app.server.url}/`);
  await waitForApp(page);
  await page.waitForTimeout(500);
  const { paints, shifts, mounted } = await page.evaluate(() => ({
    paints: window.paints.map((paint) => ({ at: paint.startTime, text: paint.element?.textContent ?? "(removed)" })),
    shifts: window.shifts.map((shift) => shift.value),
    mounted: window.mounted,
  }));
  const largest = paints.at(-1);
  assert.ok(largest.at < mounted, `largest paint at ${largest.at} ms (${largest.text}), the app mounted at ${mounted} ms`);
  assert.deepEqual(shifts, [], "layout shifts");
  assert.deepEqual(problems, []);
  await context.close();
});
