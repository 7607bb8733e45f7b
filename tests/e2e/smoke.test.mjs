// Smoke test of the release build: every view loads, from the root and from a sub-path,
// with no console error, no failed request and no axe-core violation.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  SUB_PATH,
  accessibilityViolations,
  openPage,
  screenshot,
  useServedApp,
  waitForApp,
} from "./support.mjs";

const app = useServedApp();

test("every navigation entry shows its view, accessible, with a screenshot of each", async () => {
  const { page, problems, context } = await openPage(app.browser);
  await page.goto(`${app.server.url}/`);
  await waitForApp(page);
  const entries = await page.locator(".side-nav a").allTextContents();
  assert.equal(entries.length, 15, `navigation entries: ${entries.join(", ")}`);
  for (const entry of entries) {
    await page.locator(".side-nav a", { hasText: entry }).click();
    await page.locator("h1", { hasText: entry }).waitFor();
    assert.equal(await page.locator(".side-nav a[aria-current=page]").textContent(), entry);
    assert.deepEqual(await accessibilityViolations(page), [], `axe on ${entry}`);
    const slug = entry.toLowerCase().replaceAll(" ", "-");
    await screenshot(page, `shell-${slug}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("a deep link under a sub-path survives a reload, and back returns to it", async () => {
  const { page, problems, context } = await openPage(app.browser);
  await page.goto(`${app.server.url}${SUB_PATH}#/virtual-networks`);
  await page.locator("h1", { hasText: "Virtual networks" }).waitFor();
  await page.reload();
  await page.locator("h1", { hasText: "Virtual networks" }).waitFor();
  await page.locator(".side-nav a", { hasText: "Compare" }).click();
  await page.locator("h1", { hasText: "Compare" }).waitFor();
  await page.goBack();
  await page.locator("h1", { hasText: "Virtual networks" }).waitFor();
  assert.match(page.url(), /\/nested\/lab\/#\/virtual-networks$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("an unknown view says so and keeps the navigation", async () => {
  const { page, problems, context } = await openPage(app.browser);
  await page.goto(`${app.server.url}/#/no-such-view`);
  await page.locator("h1", { hasText: "Not found" }).waitFor();
  await waitForApp(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the page paints a static shell before the wasm and carries a strict CSP", async () => {
  const html = await (await fetch(`${app.server.url}/`)).text();
  assert.match(html, /id="?boot"?[ >]/);
  assert.match(html, /VNet Integration Lab/);
  // The release build's html is minified: attributes come in any order, quotes where needed.
  const meta = html.match(/<meta [^>]*Content-Security-Policy[^>]*>/)?.[0] ?? "";
  const csp = meta.match(/content="([^"]+)"/)?.[1];
  assert.ok(csp, "a Content-Security-Policy meta tag");
  assert.doesNotMatch(csp, /'unsafe-inline'/);
  assert.doesNotMatch(csp.replaceAll("'wasm-unsafe-eval'", ""), /unsafe-eval/);
  assert.match(csp, /'sha256-[A-Za-z0-9+/=]+'/, "the inline loader is allowed by its hash");
  assert.doesNotMatch(csp, /INLINE_SCRIPT_HASHES/);
});

test("at 360 px wide nothing overflows the page, and every view stays accessible", async () => {
  const { page, problems, context } = await openPage(app.browser, { viewport: { width: 360, height: 740 } });
  for (const hash of ["#/web-apps", "#/plans", "#/virtual-networks", "#/local-networks", "#/activity-log"]) {
    await page.goto(`${app.server.url}/${hash}`);
    await waitForApp(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `${hash} is ${width} px wide`);
    assert.deepEqual(await accessibilityViolations(page), [], `axe on ${hash} at 360 px`);
    await screenshot(page, `narrow-${hash.slice(2)}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("at 360 px a thumbprint in a check step, the path and range pictures and every tab stay inside the page", async () => {
  const { page, problems, context } = await openPage(app.browser, { viewport: { width: 360, height: 740 } });
  const fits = async (what) => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `${what} is ${width} px wide`);
    assert.deepEqual(await accessibilityViolations(page), [], `axe on ${what} at 360 px`);
  };
  await page.goto(`${app.server.url}/#/connection-check`);
  await waitForApp(page);
  await page.getByRole("combobox", { name: "Web app" }).selectOption({ label: "contoso-web" });
  await page.getByRole("textbox", { name: "Host name or IP" }).fill("10.1.1.5");
  await page.getByRole("button", { name: "Run check" }).click();
  await page.locator(".step", { hasText: /The certificate [0-9A-F]{40} is uploaded/ }).waitFor();
  await page.getByRole("img", { name: /^Path: / }).waitFor();
  await fits("a check with its thumbprint and path");
  await screenshot(page, "narrow-connection-check");
  await page.getByRole("link", { name: "See the point-to-site address ranges of corpVnet" }).click();
  await page.getByRole("img", { name: /^Address ranges: / }).waitFor();
  await fits("the range view");
  await screenshot(page, "narrow-address-ranges");
  for (const tab of await page.locator(".tabs a").allTextContents()) {
    await page.locator(".tabs a", { hasText: tab }).click();
    await page.locator("h2", { hasText: tab }).waitFor();
    await fits(`the ${tab} tab`);
  }
  await page.goto(`${app.server.url}/#/web-apps`);
  await page.getByRole("link", { name: "contoso-web", exact: true }).click();
  await page.locator("code.thumbprint").waitFor();
  await fits("a connected web app");
  await screenshot(page, "narrow-web-app");
  for (const hash of ["#/hybrid-connections", "#/compare", "#/connection-check/matrix"]) {
    await page.goto(`${app.server.url}/${hash}`);
    await page.locator("h1").first().waitFor();
    await fits(hash);
    await screenshot(page, `narrow-${hash.slice(2).replaceAll("/", "-")}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("the keyboard reaches the navigation with a visible focus, and Enter opens a view", async () => {
  const { page, problems, context } = await openPage(app.browser);
  await page.goto(`${app.server.url}/#/web-apps`);
  await waitForApp(page);
  for (let presses = 0; presses < 20; presses += 1) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => ({
      text: document.activeElement?.textContent?.trim(),
      outline: getComputedStyle(document.activeElement).outlineStyle,
    }));
    assert.notEqual(focused.outline, "none", `focus on “${focused.text}” is visible`);
    if (focused.text === "App Service plans") break;
  }
  await page.keyboard.press("Enter");
  await page.locator("h1", { hasText: "App Service plans" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("Skip to content moves the focus to the view and stays on it", async () => {
  const { page, problems, context } = await openPage(app.browser);
  await page.goto(`${app.server.url}/#/plans`);
  await waitForApp(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  assert.ok(await skip.evaluate((link) => link === document.activeElement), "the first Tab reaches it");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id === "main");
  assert.equal(new URL(page.url()).hash, "#/plans");
  await page.locator("h1", { hasText: "App Service plans" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
