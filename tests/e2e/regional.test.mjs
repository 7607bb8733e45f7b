// Regional VNet Integration, its network controls and the move to it (SPEC §9, §10), in the
// release build from the sample subscription. No console error, no axe violation.
import { test } from "node:test";
import assert from "node:assert/strict";
import { finish, openPage, screenshot, useServedApp, waitForApp } from "./support.mjs";

const app = useServedApp();

/** A fresh page on the sample subscription at `hash`. */
async function open(hash) {
  const session = await openPage(app.browser);
  await session.page.goto(`${app.server.url}/${hash}`);
  await waitForApp(session.page);
  return session;
}

/** A fresh page at the web app `name`. */
async function openWebApp(name) {
  const session = await open("#/web-apps");
  await session.page.getByRole("link", { name, exact: true }).click();
  await session.page.locator("h1", { hasText: name }).waitFor();
  return session;
}

/** Runs `line` in the web app's console and waits for `expected` in its output. */
async function consoleSays(page, line, expected) {
  const input = page.locator(".console-input");
  await input.fill(line);
  await page.getByRole("button", { name: "Run" }).click();
  await page.locator(".console-output").getByText(expected).last().waitFor();
}

/** Connects the open web app to a new subnet of `vnet` with the proposed (or given) prefix. */
async function connectToNewSubnet(page, vnet, prefix) {
  const tile = page.locator("section.tile", { hasText: "VNet Integration (regional)" });
  await tile.getByRole("button", { name: `Pick ${vnet}` }).click();
  if (prefix) {
    await tile.getByLabel("Subnet prefix").fill(prefix);
  }
  await tile.getByRole("button", { name: "Create subnet and connect" }).click();
  await tile.getByText("delegated to Microsoft.Web/serverFarms").first().waitFor();
  return tile;
}

test("R25 R26: other regions and ineligible subnets are greyed with every reason", async () => {
  const session = await openWebApp("contoso-api");
  const { page } = session;
  const tile = page.locator("section.tile", { hasText: "VNet Integration (regional)" });
  const north = tile.locator(".picker-row", { hasText: "northVnet" });
  await north.getByText("it is in North Europe; the plan is in West Europe").waitFor();
  assert.equal(await north.getByRole("button", { name: "Pick northVnet" }).isDisabled(), true);
  await tile.getByRole("button", { name: "Pick corpVnet" }).click();
  const backend = tile.locator(".picker-row", { hasText: "Backend" });
  await backend.getByText("it is not empty: 2 virtual machines are in it").waitFor();
  assert.equal(await backend.getByRole("button", { name: "Connect to subnet Backend" }).isDisabled(), true);
  await tile.locator(".picker-row", { hasText: "GatewaySubnet" }).getByText("the GatewaySubnet").waitFor();
  assert.equal(await tile.getByLabel("Subnet prefix").inputValue(), "10.1.0.64/26", "a free /26 is proposed");
  await finish(session, "r26-regional-picker");
});

test("R26 R34: a web app connects to a new /26 subnet and reaches a VM, SMB included", async () => {
  const session = await openWebApp("contoso-api");
  const { page } = session;
  const tile = await connectToNewSubnet(page, "corpVnet");
  await tile.getByText("10.1.0.64/26").first().waitFor();
  await page.locator(".notice", { hasText: "delegated the subnet integration to Microsoft.Web/serverFarms" }).waitFor();
  await consoleSays(page, "tcpping 10.1.1.5:1433", "Connected to 10.1.1.5:1433: success.");
  await screenshot(page, "r26-regional-connected");
  await finish(session, "r26-regional-connection");
});

test("R28: scaling out past a /28's capacity is refused with the size that would hold it", async () => {
  const session = await openWebApp("contoso-api");
  const { page } = session;
  await connectToNewSubnet(page, "corpVnet", "10.1.3.0/28");
  await page.getByRole("link", { name: /contoso-standard/ }).first().click();
  await page.locator("h1", { hasText: "contoso-standard" }).waitFor();
  await page.getByText("1 of 11").waitFor();
  const count = page.getByLabel("Instances (1 to 30)");
  await count.fill("12");
  await page.getByRole("button", { name: "Scale out" }).click();
  await page.getByRole("alert").getByText(/cannot scale out to 12 instances.*has 11 usable addresses.*A \/27 would hold them/).waitFor();
  assert.equal(await count.inputValue(), "12", "a refused form keeps its text");
  await count.fill("6");
  await page.getByRole("button", { name: "Scale out" }).click();
  await page.locator(".notice-warning", { hasText: "a later tier change of contoso-standard will be refused" }).waitFor();
  await finish(session, "r28-scale-out");
});

test("R33: a peered VNet's VM is reached, and on-premises only with the subnet's return route", async () => {
  let session = await openWebApp("contoso-orders");
  await consoleSays(session.page, "tcpping 10.4.1.4:443", "Connected to 10.4.1.4:443: success.");
  await session.context.close();

  session = await openWebApp("contoso-api");
  const { page } = session;
  await connectToNewSubnet(page, "corpVnet");
  await consoleSays(page, "tcpping 192.168.1.10:8080", "onPremHQ has no route for the integration subnet 10.1.0.64/26");
  await page.getByRole("link", { name: "Open the last check in the connection check" }).click();
  await page.getByRole("button", { name: "Apply fix" }).click();
  await page.getByRole("status", { name: "Verdict" }).getByText("Reachable", { exact: true }).waitFor();
  await page.getByText("routes the integration subnet 10.1.0.64/26 back").waitFor();
  await finish(session, "r33-route-back");
});

test("R30: the sample's SQL VM is blocked by the NSG rule; the fix adds an Allow above it", async () => {
  const session = await openWebApp("contoso-orders");
  const { page } = session;
  await consoleSays(page, "tcpping 10.3.2.4:1433", "denies it: outbound rule DenySqlToData (200)");
  await page.getByRole("link", { name: "Open the last check in the connection check" }).click();
  await page.getByText("Add an outbound rule that allows TCP 1433 to 10.3.2.4 with priority 199, above DenySqlToData.").waitFor();
  await page.getByRole("button", { name: "Apply fix" }).click();
  await page.getByRole("status", { name: "Verdict" }).getByText("Reachable", { exact: true }).waitFor();
  await page.getByText("allows it: outbound rule Allow-TCP-1433 (199)").waitFor();
  await finish(session, "r30-nsg-fix");
});

test("R32: the private endpoint's name resolves privately through the linked zone; Route All, effective rules", async () => {
  const session = await openWebApp("contoso-orders");
  const { page } = session;
  await consoleSays(page, "nameresolver contoso-sql.database.windows.net", "resolves to 10.3.3.4: Azure DNS (168.63.129.16) answered from the private DNS zone privatelink.database.windows.net");
  const tile = page.locator("section.tile", { hasText: "VNet Integration (regional)" });
  await tile.getByRole("table", { name: /Network security group apps-nsg/ }).getByText("DenyAllOutBound").waitFor();
  await tile.getByRole("table", { name: /Effective routes/ }).getByText("VNet peering").waitFor();
  await tile.getByRole("button", { name: "Turn Route All off" }).click();
  await tile.getByText("Off: only private (RFC 1918) destinations enter the virtual network").waitFor();
  await finish(session, "r32-regional-tile");
});

test("R24: the comparison has the three kinds side by side", async () => {
  const session = await open("#/compare");
  const { page } = session;
  const header = page.locator("table.comparison thead");
  for (const name of ["Gateway-required VNet Integration", "Regional VNet Integration", "Hybrid Connection"]) {
    await header.getByText(name, { exact: true }).waitFor();
  }
  await page.locator("table.comparison tr", { hasText: "contoso-sql.database.windows.net" }).getByText("from contoso-orders").waitFor();
  await finish(session, "r24-compare-three");
});

test("R35 R36 R37: migrate contoso-web, see the prediction, apply it, and reach on-premises", async () => {
  const session = await open("#/migration");
  const { page } = session;
  await page.getByRole("note").getByText("loses access to the virtual network for a few minutes").waitFor();
  for (const strategy of ["A new App Service plan", "A staging slot", "Planned downtime"]) {
    await page.getByText(strategy, { exact: true }).waitFor();
  }
  const card = page.locator("section", { hasText: "contoso-web: from corpVnet to corpVnet" });
  await card.getByText("On onPremHQ, add the route 10.1.0.64/26 via the VPN tunnel").waitFor();
  await card.locator("tr", { hasText: "hq-app01" }).getByText("Newly reached", { exact: true }).waitFor();
  await page.locator("section", { hasText: "contoso-reports: from northVnet to northVnet-westeurope" }).waitFor();
  await screenshot(page, "r35-migration-plan");
  await card.getByRole("button", { name: "Apply the plan for contoso-web" }).click();
  const done = page.locator("section", { hasText: "contoso-web: moved to regional integration" });
  await done.getByText("Done: this web app uses regional VNet Integration now.").waitFor();
  assert.equal(await done.getByText("Differs").count(), 0, "reachability equals the prediction");
  await page.getByText("1 web app uses gateway-required integration.").waitFor();
  await screenshot(page, "r36-migrated");
  await page.goto(`${app.server.url}/#/web-apps`);
  await page.getByRole("link", { name: "contoso-web", exact: true }).click();
  await consoleSays(page, "tcpping 192.168.1.10:8080", "Connected to 192.168.1.10:8080: success.");
  await finish(session, "r36-migrated-reaches-on-premises");
});
