// Browser benchmark of every view (issue 11): each route of the app, opened with the sample
// subscription stored, then with the large generated one (1,000 web apps, 5,000 VMs…), in the
// release build in headless Chromium. Prints, per view, the time to render and the number of
// elements on the page with each, and their ratio; asserts nothing.
//
// The routes are found by following the app's own links from the navigation (an id in a path
// becomes {id}), so a renamed or added view is measured without a change here; the share link
// and a path that names no view are added by hand.
//
// A view's time runs from setting location.hash to the last change of <main> with layout done
// (each change forces layout), once <main> has been quiet for QUIET_MS; each view is opened from
// a light one (the "not found" view), so tearing down the previous view is not counted.
//
//   ./scripts/bench-browser            (builds what is missing first)
import { largeSubscription, launchBrowser, openPage, serveDist } from "../../tests/e2e/support.mjs";

const STATE_KEY = "vnet-integration-lab/state";
const RUNS = 3;
const QUIET_MS = 300;
const RESET = "#/benchmark-reset";

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** `#/virtual-networks/12/gateway` → `#/virtual-networks/{id}/gateway`. */
function pattern(hash) {
  const parts = hash.slice(2).split("/");
  if (parts[0] === "connection-check" && parts.length > 2) return "#/connection-check/{app}/{host}/{port}/{protocol}";
  return "#/" + parts.map((part) => (/^\d+$/.test(part) ? "{id}" : part)).join("/");
}

/**
 * Sets the hash and waits until <main> has been quiet for QUIET_MS. Returns the time from the
 * change of hash to the last change of <main>, layout included, and the page's element count.
 */
function open(page, hash) {
  return page.evaluate(
    ([hash, quiet]) =>
      new Promise((done) => {
        const main = document.querySelector("main");
        const start = performance.now();
        let last;
        const observer = new MutationObserver(() => {
          void document.body.offsetHeight;
          last = performance.now();
        });
        observer.observe(main, { subtree: true, childList: true, characterData: true, attributes: true });
        location.hash = hash;
        const poll = setInterval(() => {
          if (last === undefined || performance.now() - last < quiet) return;
          clearInterval(poll);
          observer.disconnect();
          done({ ms: last - start, elements: document.getElementsByTagName("*").length });
        }, 20);
      }),
    [hash, QUIET_MS],
  );
}

/** Opens the page with `document` stored; the time from navigation to the settled first view. */
async function firstLoad(browser, url, document) {
  const session = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  await session.page.addInitScript(
    ([key, value]) => {
      localStorage.setItem(key, value);
      // The last change of the page once the app has replaced index.html's frame.
      window.benchmarkLastChange = 0;
      let parsed = false;
      new MutationObserver(() => {
        if (document.getElementById("boot")) parsed = true;
        if (!parsed || document.getElementById("boot")) return;
        void document.body.offsetHeight;
        window.benchmarkLastChange = performance.now();
      }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    },
    [STATE_KEY, document],
  );
  await session.page.goto(url);
  await session.page.locator("#boot").waitFor({ state: "detached", timeout: 120_000 });
  const ms = await session.page.evaluate(
    (quiet) =>
      new Promise((done) => {
        const poll = setInterval(() => {
          if (performance.now() - window.benchmarkLastChange < quiet) return;
          clearInterval(poll);
          done(window.benchmarkLastChange);
        }, 20);
      }),
    QUIET_MS,
  );
  return { session, ms };
}

/** Every route reachable by links from the navigation, one per pattern, plus share and not found. */
async function discover(page, document) {
  const routes = new Map();
  const queue = await page.locator(".side-nav a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  while (queue.length) {
    const hash = queue.shift();
    if (routes.has(pattern(hash))) continue;
    routes.set(pattern(hash), hash);
    await open(page, RESET);
    await open(page, hash);
    const links = await page
      .locator("main a[href^='#/']")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    for (const href of links) {
      if (href !== "#/" && !queue.some((queued) => pattern(queued) === pattern(href))) queue.push(href);
    }
  }
  routes.set("#/share/{document}", `#/share/${Buffer.from(document).toString("base64url")}`);
  routes.set("#/{no such view}", "#/no-such-view");
  return routes;
}

async function measure(browser, url, document) {
  const loads = [];
  let session;
  for (let run = 0; run < RUNS; run++) {
    await session?.context.close();
    const opened = await firstLoad(browser, url, document);
    session = opened.session;
    loads.push(opened.ms);
  }
  const { page, problems, context } = session;
  const routes = await discover(page, document);
  const views = new Map();
  for (const [name, hash] of routes) {
    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      await open(page, RESET);
      runs.push(await open(page, hash));
    }
    views.set(name, { ms: median(runs.map((r) => r.ms)), elements: runs.at(-1).elements });
  }
  if (problems.length) throw new Error(problems.join("\n"));
  await context.close();
  return { load: median(loads), views };
}

const large = largeSubscription({ release: true });
const server = await serveDist();
const browser = await launchBrowser();
let sample;
let big;
try {
  // The sample as a stored document: what "Reset to sample" saves.
  const { page, context } = await openPage(browser);
  page.on("dialog", (dialog) => dialog.accept());
  await page.goto(`${server.url}/`);
  await page.locator("#boot").waitFor({ state: "detached" });
  await page.getByRole("button", { name: "Reset to sample" }).click();
  const stored = await page.waitForFunction((key) => localStorage.getItem(key), STATE_KEY);
  const sampleDocument = await stored.jsonValue();
  await context.close();

  sample = await measure(browser, `${server.url}/`, sampleDocument);
  big = await measure(browser, `${server.url}/`, large);
} finally {
  await browser.close();
  await server.close();
}

const row = (name, a, b) =>
  [
    name.padEnd(54),
    a.ms.toFixed(1).padStart(9),
    String(a.elements ?? "").padStart(9),
    b.ms.toFixed(1).padStart(9),
    String(b.elements ?? "").padStart(9),
    (b.ms / a.ms).toFixed(1).padStart(7),
  ].join(" ");
console.log(`every view, sample subscription vs large (median of ${RUNS}, ms to render, elements on the page)`);
console.log(["view".padEnd(54), "sample ms", " elements", " large ms", " elements", "  ratio"].join(" "));
console.log(row("first load (navigation to the settled web apps list)", { ms: sample.load }, { ms: big.load }));
for (const [name, view] of sample.views) {
  const other = big.views.get(name);
  if (other) console.log(row(name, view, other));
  else console.log(`${name.padEnd(54)} ${view.ms.toFixed(1).padStart(9)} ${String(view.elements).padStart(9)}  (not reached with the large subscription)`);
}
for (const [name, view] of big.views) {
  if (!sample.views.has(name)) console.log(`${name.padEnd(54)} (not reached with the sample) ${view.ms.toFixed(1)} ms, ${view.elements} elements`);
}
