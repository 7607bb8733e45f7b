// R39, R40: an ARM template comes in through the top bar's Import with a report first; Cancel
// and a refused file leave the lab as it was. The samples are read in place from ../shared.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { finish, openPage, root, screenshot, useServedApp, waitForApp } from "./support.mjs";

const app = useServedApp();
const samples = join(root, "../shared/arm-samples");

async function chooseFile(page, name, content) {
  await page.locator("input[type=file]").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(content) });
}

async function open() {
  const session = await openPage(app.browser);
  await session.page.goto(`${app.server.url}/#/web-apps`);
  await waitForApp(session.page);
  return session;
}

test("R39: the quickstart's report names its finding; Import replaces the lab and the check runs from the imported app", async () => {
  const session = await open();
  const { page } = session;
  const file = "quickstart_app-service-regional-vnet-integration.azuredeploy.json";
  await chooseFile(page, file, readFileSync(join(samples, file)));
  const report = page.getByRole("dialog", { name: `Import ${file}` });
  await report.getByText("1 × web app").waitFor();
  await report.getByText(/vnetRouteAllEnabled does not exist on Microsoft.Web\/sites at apiVersion 2021-01-01/).waitFor();
  await report.getByText("properties.vnetRouteAllEnabled").first().waitFor();
  await report.getByText(/uniqueString: /).first().waitFor();
  await screenshot(page, "r39-import-report");
  await report.getByRole("button", { name: "Import", exact: true }).click();
  await page.locator(".notice-success", { hasText: `Imported ${file}` }).waitFor();
  assert.equal(await page.getByRole("link", { name: "contoso-standard" }).count(), 0, "replaced");
  await page.goto(`${app.server.url}/#/web-apps`);
  const link = page.locator("main table a").first();
  const name = await link.textContent();
  await link.click();
  await page.locator("h1", { hasText: name }).waitFor();
  await page.locator(".console-input").fill("tcpping 10.0.0.10:443");
  await page.getByRole("button", { name: "Run" }).click();
  await page.locator(".console-output").getByText(/10\.0\.0\.10/).last().waitFor();
  await finish(session, "r39-imported");
});

test("R39: parameters without a default are asked in a typed form; Cancel changes nothing", async () => {
  const session = await open();
  const { page } = session;
  const file = "quickstart_site-to-site-vpn.azuredeploy.json";
  await chooseFile(page, file, readFileSync(join(samples, file)));
  const report = page.getByRole("dialog", { name: `Import ${file}` });
  await report.getByText("Parameters without a default").waitFor();
  await report.getByText("CIDR block for VM subnet, subset of azureVNetAddressPrefix address space").waitFor();
  assert.equal(await report.getByLabel("adminPasswordOrKey").count(), 0, "an unused securestring is not asked");
  assert.ok(await report.getByRole("button", { name: "Import", exact: true }).isDisabled());
  await report.getByLabel("localAddressPrefix").fill("192.168.0.0/16");
  await report.getByLabel("localGatewayIpAddress").fill("203.0.113.10");
  await report.getByRole("button", { name: "Use these values" }).click();
  await report.getByRole("alert").getByText("subnetPrefix needs a value").waitFor();
  await report.getByLabel("subnetPrefix").fill("10.3.0.0/24");
  await report.getByRole("button", { name: "Use these values" }).click();
  await report.getByText("1 × virtual machine").waitFor();
  await report.getByText("1 × site-to-site connection").waitFor();
  await screenshot(page, "r39-import-parameters");
  await report.getByRole("button", { name: "Cancel" }).click();
  await report.waitFor({ state: "detached" });
  await page.getByRole("link", { name: "contoso-orders" }).waitFor();
  await finish(session, "r39-import-cancelled");
});

test("R39: a refused template names the problem and leaves the lab as it was", async () => {
  const session = await open();
  const { page } = session;
  await chooseFile(page, "broken.json", '{"$schema": "x", "resources": [{"name": "no-type"}]}');
  await page.locator(".notice", { hasText: "resources[0] has no \"type\"" }).waitFor();
  assert.equal(await page.getByRole("dialog").count(), 0);
  await page.getByRole("link", { name: "contoso-orders" }).waitFor();
  await finish(session, "r39-import-refused");
});
