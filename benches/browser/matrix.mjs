// Browser benchmark of the reachability matrix (issue 5): the large generated subscription
// (1,000 web apps, 5,000 VMs…), shown as 200 web apps × 500 endpoints, rendered by the release
// build in headless Chromium and timed in the page; then the same table built by plain DOM calls
// in the same page, as the reference. Prints both and their ratio; asserts nothing.
//
//   ./scripts/bench-browser            (builds what is missing first)
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { launchBrowser, openPage, root, serveDist } from "../../tests/e2e/support.mjs";

const STATE_KEY = "vnet-integration-lab/state";
const RUNS = 5;

function largeSubscription() {
  const file = join(root, "target/bench/large-subscription.json");
  if (!existsSync(file)) {
    mkdirSync(join(root, "target/bench"), { recursive: true });
    const json = execFileSync("cargo", ["run", "--release", "--quiet", "--example", "large_subscription"], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    execFileSync("tee", [file], { input: json, stdio: ["pipe", "ignore", "inherit"] });
  }
  return readFileSync(file, "utf8");
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const document = largeSubscription();
const server = await serveDist();
const browser = await launchBrowser();
const app = [];
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
    shape = (await summary.textContent()).replace(/ \(rendered.*/, "");
    plain.push(
      await page.evaluate(() => {
        const table = document.querySelector("table.matrix");
        const head = [...table.tHead.rows[0].cells].map((th) => th.innerHTML);
        const rows = [...table.tBodies[0].rows].map((tr) => [
          tr.cells[0].textContent,
          ...[...tr.cells].slice(1).map((td) => [td.className, td.firstChild.getAttribute("href"), td.textContent]),
        ]);
        const host = document.createElement("div");
        document.querySelector("main").append(host);
        const start = performance.now();
        const copy = document.createElement("table");
        copy.className = "matrix";
        const headRow = copy.createTHead().insertRow();
        for (const html of head) {
          const th = document.createElement("th");
          th.scope = "col";
          // The header holds three lines; build them as nodes too.
          const [name, code, small] = html.split("<br>");
          th.append(name, document.createElement("br"));
          const c = document.createElement("code");
          c.textContent = code?.replace(/<\/?code>/g, "") ?? "";
          const s = document.createElement("small");
          s.textContent = small?.replace(/<\/?small>/g, "") ?? "";
          th.append(c, document.createElement("br"), s);
          headRow.append(th);
        }
        const body = copy.createTBody();
        for (const [app, ...cells] of rows) {
          const tr = document.createElement("tr");
          const th = document.createElement("th");
          th.scope = "row";
          th.textContent = app;
          tr.append(th);
          for (const [className, href, text] of cells) {
            const td = document.createElement("td");
            td.className = className;
            const a = document.createElement("a");
            a.href = href;
            a.textContent = text;
            td.append(a);
            tr.append(td);
          }
          body.append(tr);
        }
        host.append(copy);
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
console.log(`plain DOM calls, same rows, same page: ${p.toFixed(1)} ms median of ${RUNS}`);
console.log(`ratio app / plain DOM: ${(a / p).toFixed(2)} (goal: within 2)`);
