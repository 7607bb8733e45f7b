// Why can't my web app reach it? The connection check, the console, the matrix, the P2S range
// view, Hybrid Connections and the comparison panel, on the sample subscription (SPEC §4, R16,
// R18, R19, R21, R23, R24). No console error in any flow, no axe-core violation on any view.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  accessibilityViolations,
  finish,
  largeSubscription,
  openPage,
  screenshot,
  useServedApp,
  waitForApp,
} from "./support.mjs";

const app = useServedApp();

async function open(hash) {
  const session = await openPage(app.browser);
  await session.page.goto(`${app.server.url}/${hash}`);
  await waitForApp(session.page);
  return session;
}

/** Fills the check form and runs it. */
async function check(page, { app: webApp = "contoso-web", host, port, protocol = "TCP" }) {
  await page.getByRole("combobox", { name: "Web app" }).selectOption({ label: webApp });
  await page.getByRole("textbox", { name: "Host name or IP" }).fill(host);
  await page.getByRole("textbox", { name: "Port" }).fill(String(port));
  await page.getByRole("combobox", { name: "Protocol" }).selectOption(protocol);
  await page.getByRole("button", { name: "Run check" }).click();
}

const verdict = (page) => page.getByRole("status", { name: "Verdict" });

test("R21: the check to the on-premises server fails at the route, and the fix makes it pass", async () => {
  const session = await open("#/connection-check");
  const { page } = session;
  await check(page, { host: "192.168.1.10", port: 8080 });
  await verdict(page).getByText("Not reachable").waitFor();
  const failed = page.locator(".step-fail");
  assert.equal(await failed.count(), 1);
  await failed.getByText("Route", { exact: true }).waitFor();
  await failed.getByText("onPremHQ has no route for the point-to-site pool 172.16.0.0/24").waitFor();
  await page.getByRole("img", { name: /Path: Web app contoso-web/ }).waitFor();
  await screenshot(page, "r21-check-fails-at-route");
  await failed.getByRole("button", { name: "Apply fix" }).click();
  await verdict(page).getByText("Reachable").waitFor();
  assert.equal(await page.locator(".step-fail").count(), 0);
  assert.match(page.url(), /#\/connection-check\/\d+\/192\.168\.1\.10\/8080\/tcp$/);
  await finish(session, "r21-check-passes");
});

test("R19: a name without a DNS server fails, the IP works", async () => {
  const session = await open("#/connection-check");
  const { page } = session;
  await check(page, { host: "sql01.corp.contoso.com", port: 1433 });
  await page.locator(".step-fail", { hasText: "Name resolution" }).waitFor();
  await page.locator(".step-fail", { hasText: "no DNS server" }).waitFor();
  await check(page, { host: "10.1.1.5", port: 1433 });
  await verdict(page).getByText("Reachable").waitFor();
  await finish(session, "r19-check-by-address");
});

test("R16: SMB is refused even with the port open", async () => {
  const session = await open("#/connection-check");
  const { page } = session;
  await check(page, { host: "10.1.1.5", port: 445, protocol: "SMB" });
  await verdict(page).getByText("Not reachable").waitFor();
  await page.locator(".step-fail", { hasText: "Mounting a remote drive (SMB, TCP 445) is not supported" }).waitFor();
  await finish(session, "r16-smb-refused");
});

test("R18: ping and nslookup in the console say so and point to the check; tcpping runs it", async () => {
  const session = await open("#/");
  const { page } = session;
  await page.getByRole("link", { name: "contoso-web", exact: true }).click();
  const input = page.getByLabel("Command");
  await input.fill("ping 10.1.1.5");
  await input.press("Enter");
  const log = page.getByRole("log", { name: "Console output" });
  await log.getByText("ping does not work from a web app").waitFor();
  await log.getByText("or the connection check").waitFor();
  await input.fill("nslookup sql01.corp.contoso.com");
  await input.press("Enter");
  await log.getByText("nslookup does not work from a web app's console.").waitFor();
  await input.fill("tcpping 10.1.1.5:1433");
  await input.press("Enter");
  await log.getByText("Connected to 10.1.1.5:1433: success.").waitFor();
  for (let i = 0; i < 6; i++) {
    await input.fill("help");
    await input.press("Enter");
  }
  await page.waitForFunction(() => {
    const output = document.querySelector(".console-output");
    return output.scrollHeight > output.clientHeight && output.scrollTop + output.clientHeight >= output.scrollHeight - 1;
  });
  await screenshot(page, "r18-console");
  await page.getByRole("link", { name: "Open the last check in the connection check" }).click();
  await verdict(page).getByText("Reachable").waitFor();
  await finish(session, "r18-console-check");
});

test("R23: a Hybrid Connection without its agent fails, with it passes", async () => {
  const session = await open("#/hybrid-connections");
  const { page } = session;
  await page.getByLabel("Web app").selectOption({ label: "contoso-blog" });
  await page.getByLabel("Name").fill("hq-files");
  await page.getByLabel("Endpoint (host:port)").fill("app.contoso.local:8443");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  const row = page.locator("tr", { hasText: "hq-files" });
  await row.getByText("Not connected").waitFor();
  await row.getByText("has no relay agent").waitFor();
  await page.getByLabel("Name").fill("no-port");
  await page.getByLabel("Endpoint (host:port)").fill("app.contoso.local");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await page.getByRole("alert").filter({ hasText: "app.contoso.local" }).waitFor();
  await screenshot(page, "r23-without-agent");
  await row.getByRole("button", { name: "Install relay agent" }).click();
  await row.getByText("hq-app01, running").waitFor();
  await row.getByText("cannot reach the endpoint").waitFor();
  const first = page.locator("tr", { hasText: "hq-app" }).first();
  await first.getByText("Connected", { exact: true }).waitFor();
  await first.getByRole("button", { name: "Stop agent" }).click();
  await page.locator("tr", { hasText: "hq-app" }).first().getByText("is not running").waitFor();
  await finish(session, "r23-hybrid-connections");
});

test("R21: the P2S range view names the missing route, and adding it marks it present", async () => {
  const session = await open("#/web-apps");
  const { page } = session;
  await page.getByRole("link", { name: "contoso-web", exact: true }).click();
  await page.getByRole("link", { name: "See every range and the routes they need" }).click();
  await page.getByRole("img", { name: /Address ranges: .*Point-to-site pool corpVnet 172\.16\.0\.0\/24/ }).waitFor();
  await page.getByText("192.168.0.0/16 site: add route 172.16.0.0/24 via the tunnel to corpVnet").waitFor();
  await screenshot(page, "r21-range-view-missing");
  await page.getByRole("button", { name: "Add this route" }).click();
  await page.getByText("192.168.0.0/16 site: route 172.16.0.0/24 via the tunnel to corpVnet is present").waitFor();
  await finish(session, "r21-range-view-present");
});

/** Every cell of the matrix as { app, endpoint, vnet, hybrid }. */
async function matrixCells(page) {
  return page.evaluate(() => {
    const table = document.querySelector("table.matrix");
    // An endpoint is its host and its port: "sql01 10.1.1.5 TCP 1433".
    const heads = [...table.querySelectorAll("thead th")]
      .slice(1)
      .map((th) => `${th.firstChild.textContent} ${th.querySelector("code").textContent}`);
    return [...table.querySelectorAll("tbody tr")].flatMap((tr) => {
      const app = tr.querySelector("th").textContent;
      return [...tr.querySelectorAll("td")].map((td, i) => ({
        app,
        endpoint: heads[i],
        vnet: td.textContent.includes("VNet ✓"),
        hybrid: td.textContent.includes("HC ✓"),
      }));
    });
  });
}

test("R24: the comparison panel's rows match the matrix, and a cell opens its check", async () => {
  const session = await open("#/connection-check/matrix");
  const { page } = session;
  await page.locator("table.matrix").waitFor();
  const cells = await matrixCells(page);
  assert.equal(cells.length, 35, "5 web apps × 7 endpoints");
  assert.deepEqual(await accessibilityViolations(page), [], "axe on the matrix");
  await screenshot(page, "r24-matrix");
  await page.getByLabel("Verdict").selectOption("Hybrid Connection reaches");
  await page.locator("table.matrix tbody tr").first().waitFor();
  assert.deepEqual((await matrixCells(page)).filter((c) => c.hybrid).map((c) => c.app), ["contoso-blog"]);

  await page.getByRole("link", { name: "Compare" }).click();
  await page.locator("table.comparison").waitFor();
  const rows = await page.locator("table.comparison tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)),
  );
  assert.equal(rows.length, 7);
  for (const [endpoint, , gatewayRequired, regional, hybrid] of rows) {
    // "sql01 (10.1.1.5) TCP 1433", as the matrix's heading reads it.
    const key = endpoint.replace(/[()]/g, "");
    const reached = (pick) => cells.filter((c) => c.endpoint === key && pick(c)).map((c) => c.app);
    const named = (text) => (text.startsWith("Reaches now") ? text.replace("Reaches now from ", "").split(", ") : []);
    // The matrix's VNet answer is the app's own integration, of either kind.
    const either = [...named(gatewayRequired), ...named(regional)].sort();
    assert.deepEqual(either, reached((c) => c.vnet).sort(), `VNet Integration to ${key}`);
    assert.deepEqual(named(hybrid), reached((c) => c.hybrid), `Hybrid Connection to ${key}`);
  }
  await page.getByText("Neither replaces the other").waitFor();
  assert.deepEqual(await accessibilityViolations(page), [], "axe on Compare");
  await screenshot(page, "r24-compare");

  await page.goBack();
  await page.locator("table.matrix a").first().click();
  await verdict(page).waitFor();
  await finish(session, "r24-cell-check");
});

test("a large matrix draws the cells on screen and follows the scroll, headers in sight", async () => {
  const document = largeSubscription();
  const session = await openPage(app.browser, { viewport: { width: 1280, height: 800 } });
  const { page } = session;
  await page.addInitScript((value) => localStorage.setItem("vnet-integration-lab/state", value), document);
  await page.goto(`${app.server.url}/#/connection-check/matrix`);
  await page.locator("table.matrix").waitFor();
  await page.getByText("200 web apps × 500 endpoints shown; 800 more web apps").waitFor();
  const drawn = () =>
    page.evaluate(() => ({
      rows: document.querySelectorAll("table.matrix tbody th").length,
      cells: document.querySelectorAll("table.matrix tbody td a").length,
      first: document.querySelector("table.matrix tbody th").textContent,
    }));
  const before = await drawn();
  assert.ok(before.rows < 60 && before.cells < 2000, `only what is seen: ${JSON.stringify(before)}`);
  assert.equal(before.first, "app0");
  const box = page.locator(".table-scroll");
  await box.evaluate((element) => element.scrollTo(3000, 3400));
  await page.waitForFunction(() => document.querySelector("table.matrix tbody th").textContent !== "app0");
  const after = await drawn();
  assert.match(after.first, /^app9\d$/, "rows near 3,400 px down");
  const header = await page.locator("table.matrix thead th").first().boundingBox();
  const top = await box.boundingBox();
  assert.ok(Math.abs(header.y - top.y) < 2, "the header row stays at the top of the box");
  await finish(session, "r24-matrix-large-scrolled");
});
