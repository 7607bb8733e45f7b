// Browser benchmark of the reachability matrix (issue 5): the large generated subscription
// (1,000 web apps, 5,000 VMs…), shown as 200 web apps × 500 endpoints (of which the view draws
// the cells on screen), rendered by the release build in headless Chromium and timed in the page;
// then the same table, element for element, built by plain DOM calls in the same page, as the
// reference. Prints both and their ratio; asserts nothing.
//
//   ./scripts/bench-browser            (builds what is missing first)
import { largeSubscription, launchBrowser, openPage, serveDist } from "../../tests/e2e/support.mjs";

const STATE_KEY = "vnet-integration-lab/state";
const RUNS = 5;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const document = largeSubscription({ release: true });
const server = await serveDist();
const browser = await launchBrowser();
const app = [];
const redraw = [];
const plain = [];
let shape = "";
try {
  for (let run = 0; run < RUNS; run++) {
    const { page, problems, context } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [STATE_KEY, document]);
    await page.goto(`${server.url}/#/connection-check/matrix`);
    await page.locator("table.matrix").waitFor({ timeout: 120_000 });
    const summary = page.locator(".matrix-summary");
    app.push(Number(await summary.getAttribute("data-render-ms")));
    // A redraw: scroll down a screen and right a few columns, as a reader would.
    const drawn = await summary.getAttribute("data-render-ms");
    await page.locator(".table-scroll").evaluate((box) => box.scrollTo(box.scrollLeft + 600, box.scrollTop + 700));
    await page.waitForFunction((before) => document.querySelector(".matrix-summary").dataset.renderMs !== before, drawn);
    redraw.push(Number(await summary.getAttribute("data-render-ms")));
    shape = (await summary.textContent()).replace(/ \(rendered.*/, "");
    plain.push(
      await page.evaluate(() => {
        // The rendered table as plain data, then the same elements made again by DOM calls.
        const describe = (node) =>
          node.nodeType === Node.TEXT_NODE
            ? node.textContent
            : {
                tag: node.tagName.toLowerCase(),
                attributes: [...node.attributes].map((a) => [a.name, a.value]),
                children: [...node.childNodes].map(describe),
              };
        const build = (item) => {
          if (typeof item === "string") return document.createTextNode(item);
          const element = document.createElement(item.tag);
          for (const [name, value] of item.attributes) element.setAttribute(name, value);
          for (const child of item.children) element.append(build(child));
          return element;
        };
        const table = describe(document.querySelector("table.matrix"));
        const host = document.createElement("div");
        host.className = "table-scroll";
        document.querySelector("main").append(host);
        const start = performance.now();
        host.append(build(table));
        void host.offsetHeight;
        return performance.now() - start;
      }),
    );
    if (problems.length) throw new Error(problems.join("\n"));
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
const a = median(app);
const p = median(plain);
console.log(`matrix of the large subscription: ${shape}`);
console.log(`app (Leptos view, checks included): ${a.toFixed(1)} ms median of ${RUNS} (goal: under 200 ms)`);
console.log(`app redraw after a scroll: ${median(redraw).toFixed(1)} ms median of ${RUNS}`);
console.log(`plain DOM calls, same rows, same page: ${p.toFixed(1)} ms median of ${RUNS}`);
console.log(`ratio app / plain DOM: first draw ${(a / p).toFixed(2)}, redraw ${(median(redraw) / p).toFixed(2)} (goal: within 2)`);
