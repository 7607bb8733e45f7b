// Take it to Azure (SPEC §11): Export offers the lab's JSON, an ARM template and an az script
// (R38); the activity log shows a command's az line with Copy (R42); gateway-required surfaces
// show the retirement on 31 March 2027 with the days left, and "Retired" after it (R41).
import { test } from "node:test";
import assert from "node:assert/strict";
import { finish, openPage, useServedApp, waitForApp } from "./support.mjs";

const app = useServedApp();

async function exported(page, format) {
  const menu = page.locator("details.export-menu");
  if (!(await menu.evaluate((element) => element.open))) await menu.locator("summary").click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    menu.getByRole("button", { name: format, exact: true }).click(),
  ]);
  const text = Buffer.concat(await (await download.createReadStream()).toArray()).toString();
  return { name: download.suggestedFilename(), text };
}

test("R38: Export offers three formats and each downloads, named after the subscription", async () => {
  const session = await openPage(app.browser);
  const { page } = session;
  await page.goto(`${app.server.url}/#/plans`);
  await waitForApp(page);

  const lab = await exported(page, "Lab JSON (.json)");
  assert.equal(lab.name, "vnet-integration-lab.json");
  assert.equal(JSON.parse(lab.text).schema, 2);

  const arm = await exported(page, "ARM template (.json)");
  assert.equal(arm.name, "vnet-integration-lab.template.json");
  const template = JSON.parse(arm.text);
  assert.equal(template.$schema, "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#");
  assert.equal(template.contentVersion, "1.0.0.0");
  const site = template.resources.find((r) => r.type === "Microsoft.Web/sites" && r.name === "contoso-orders");
  assert.equal(site.properties.outboundVnetRouting.applicationTraffic, true);
  assert.equal(template.metadata.vnetLab.format, 1);

  const cli = await exported(page, "Azure CLI script (.sh)");
  assert.equal(cli.name, "vnet-integration-lab.sh");
  assert.match(cli.text, /^#!\/usr\/bin\/env bash\n/);
  assert.match(cli.text, /\nset -euo pipefail\n/);
  assert.match(cli.text, /\naz webapp vnet-integration add --resource-group "\$\{RESOURCE_GROUP\}" --name contoso-orders --vnet appVnet --subnet apps\n/);
  await finish(session, "r38-export");
});

test("R42: the activity log shows the az line of a command, with Copy", async () => {
  const session = await openPage(app.browser);
  const { page } = session;
  await page.goto(`${app.server.url}/#/plans`);
  await waitForApp(page);
  await page.getByLabel("Name").fill("az-plan");
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await page.getByRole("link", { name: "az-plan", exact: true }).waitFor();
  await page.getByRole("link", { name: "Activity log" }).click();
  const row = page.locator("tr", { hasText: "az-plan" }).first();
  await row.locator("code.az-line", { hasText: "az appservice plan create --resource-group \"${RESOURCE_GROUP}\" --name az-plan" }).waitFor();
  await row.getByRole("button", { name: "Copy" }).waitFor();
  await finish(session, "r42-activity-az");
});

test("R41: the retirement line with days left, and Retired after 31 March 2027", async () => {
  const session = await openPage(app.browser);
  const { page } = session;
  await page.goto(`${app.server.url}/`);
  await waitForApp(page);
  await page.getByRole("link", { name: "contoso-web", exact: true }).click();
  await page.locator("h1", { hasText: "contoso-web" }).waitFor();
  const notice = page.locator(".retirement.banner");
  await notice.getByText(/Gateway-required VNet Integration retires on 31 March 2027: in [\d,]+ days\./).waitFor();

  const controls = page.locator("details.time-controls");
  if (!(await controls.evaluate((element) => element.open))) await controls.locator("summary").click();
  await controls.getByLabel("To (UTC)").fill("2027-03-01 09:00");
  await controls.getByRole("button", { name: "Go", exact: true }).click();
  await notice.getByText("Gateway-required VNet Integration retires on 31 March 2027: in 30 days.").waitFor();
  await page.locator("dd.retirement", { hasText: "Retires 2027-03-31, in 30 days" }).waitFor();

  await controls.getByLabel("To (UTC)").fill("2027-04-01 09:00");
  await controls.getByRole("button", { name: "Go", exact: true }).click();
  await page.locator(".retirement.retired").getByText(/Retired: gateway-required VNet Integration retired on 31 March 2027/).waitFor();
  await page.locator("dd.retirement .badge-warn", { hasText: "Retired" }).waitFor();

  await page.locator(".side-nav").getByRole("link", { name: "Migrate to regional" }).click();
  await page.locator(".apps-to-move", { hasText: "2 web apps are still on gateway-required integration, retired since 31 March 2027." }).waitFor();
  await page.locator(".retirement.retired").first().waitFor();
  await finish(session, "r41-retired");
});
