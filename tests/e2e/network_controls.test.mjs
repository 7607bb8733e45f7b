// The network controls of regional integration (SPEC §9): NSGs, route tables, NAT gateways,
// private DNS zones, private endpoints, internet hosts and VNet peerings, each view accessible,
// and the flows that change them through the model.
import { test } from "node:test";
import assert from "node:assert/strict";
import { accessibilityViolations, finish, openPage, useServedApp, waitForApp } from "./support.mjs";

const app = useServedApp();

/** A fresh page on the sample, at `hash`, once `heading` shows. */
async function open(hash, heading) {
  const session = await openPage(app.browser);
  await session.page.goto(`${app.server.url}/${hash}`);
  await waitForApp(session.page);
  await session.page.locator("h1", { hasText: heading }).first().waitFor();
  return session;
}

/** The `<select>` whose label starts with `words`. */
const select = (scope, words) =>
  scope.locator("label").filter({ hasText: new RegExp(`^${words}`) }).locator("select");

/** The body row of `scope` (a page or a table) whose first cell is exactly `name`. */
function row(scope, name) {
  // The inner locator of `has` is relative to the row: it is built from the page.
  const page = typeof scope.page === "function" ? scope.page() : scope;
  const cell = page.locator("td:first-child", { hasText: new RegExp(`^${name}$`) });
  return scope.locator("tbody tr").filter({ has: cell });
}

/** Runs the connection check from `webApp` to `host`:`port` over TCP. */
async function check(page, webApp, host, port) {
  await page.locator(".side-nav a", { hasText: "Connection check" }).click();
  await page.getByRole("combobox", { name: "Web app" }).selectOption({ label: webApp });
  await page.getByRole("textbox", { name: "Host name or IP" }).fill(host);
  await page.getByRole("textbox", { name: "Port" }).fill(String(port));
  await page.getByRole("button", { name: "Run check" }).click();
}

const verdict = (page) => page.getByRole("status", { name: "Verdict" });

async function axe(page, name) {
  assert.deepEqual(await accessibilityViolations(page), [], `axe on ${name}`);
}

test("every network control view and the Peerings tab open, accessible", async () => {
  const session = await open("#/network-security-groups", "Network security groups");
  const { page } = session;
  await axe(page, "network security groups");
  await page.getByRole("link", { name: "apps-nsg" }).click();
  await page.locator("h1", { hasText: "apps-nsg" }).waitFor();
  await axe(page, "apps-nsg");
  for (const [entry, expected] of [
    ["Route tables", "Route tables"],
    ["NAT gateways", "NAT gateways"],
    ["Private endpoints", "contoso-sql.database.windows.net"],
    ["Internet hosts", "api.fabrikam.com"],
    ["Private DNS zones", "privatelink.database.windows.net"],
  ]) {
    await page.locator(".side-nav a", { hasText: entry }).click();
    await page.locator("h1", { hasText: entry }).waitFor();
    await page.getByText(expected).first().waitFor();
    await axe(page, entry);
  }
  await page.getByRole("link", { name: "privatelink.database.windows.net" }).click();
  await page.locator("h1", { hasText: "privatelink.database.windows.net" }).waitFor();
  await page.getByText("contoso-sql", { exact: true }).waitFor();
  await axe(page, "the private DNS zone");

  await page.locator(".side-nav a", { hasText: "Virtual networks" }).click();
  await page.getByRole("link", { name: "appVnet", exact: true }).click();
  await page.locator("dd", { hasText: /^West Europe$/ }).waitFor();
  await page.locator(".tabs a", { hasText: "Peerings" }).click();
  await page.locator("h2", { hasText: "Peerings" }).waitFor();
  const north = row(page, "northVnet");
  await north.waitFor();
  assert.match(await north.textContent(), /North Europe.*Global peering/);
  await finish(session, "network-controls-peerings");
});

test("a rule added to an NSG takes its place in evaluation order and moves down; priority 99 is refused, the text kept", async () => {
  const session = await open("#/network-security-groups", "Network security groups");
  const { page } = session;
  await page.getByRole("link", { name: "apps-nsg" }).click();
  await page.locator("h1", { hasText: "apps-nsg" }).waitFor();
  const outbound = page.getByRole("table", { name: "Outbound rules in evaluation order" });
  await row(outbound, "200").waitFor();

  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Save rule" }) });
  await form.getByLabel("Rule name").fill("AllowSqlFirst");
  await form.getByLabel("Priority").fill("150");
  await select(form, "Action").selectOption({ label: "Allow" });
  await form.getByLabel("Destination", { exact: true }).fill("10.3.2.0/24");
  await form.getByLabel("Destination ports").fill("1433");
  await form.getByRole("button", { name: "Save rule" }).click();
  await row(outbound, "150").waitFor();
  const order = await outbound.locator("tbody tr td:nth-child(2)").allTextContents();
  assert.deepEqual(order, ["AllowSqlFirst", "DenySqlToData", "AllowVnetOutBound", "AllowInternetOutBound", "DenyAllOutBound"]);
  assert.match(await row(outbound, "65500").textContent(), /Default/);
  assert.equal(await form.getByLabel("Rule name").inputValue(), "");

  // Reordering swaps the two priorities: the Deny is evaluated first again, at 150.
  assert.ok(await outbound.getByRole("button", { name: "Move AllowSqlFirst up (evaluated earlier)" }).isDisabled());
  await outbound.getByRole("button", { name: "Move AllowSqlFirst down (evaluated later)" }).click();
  await outbound.locator("tbody tr").first().filter({ hasText: "DenySqlToData" }).waitFor();
  assert.deepEqual(await outbound.locator("tbody tr td:nth-child(1)").allTextContents(), ["150", "200", "65000", "65001", "65500"]);
  assert.equal(await form.getByLabel("Rule name").inputValue(), "", "the form is not touched by a move");
  await outbound.getByRole("button", { name: "Move AllowSqlFirst up (evaluated earlier)" }).click();
  await row(outbound, "150").filter({ hasText: "AllowSqlFirst" }).waitFor();

  await form.getByLabel("Rule name").fill("TooEarly");
  await form.getByLabel("Priority").fill("99");
  await form.getByLabel("Destination", { exact: true }).fill("*");
  await form.getByLabel("Destination ports").fill("*");
  await form.getByRole("button", { name: "Save rule" }).click();
  const alert = form.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /99/);
  assert.equal(await form.getByLabel("Rule name").inputValue(), "TooEarly");
  assert.equal(await form.getByLabel("Priority").inputValue(), "99");
  assert.equal(await outbound.locator("tbody tr").count(), 5);

  await row(outbound, "150").getByRole("button", { name: "Edit AllowSqlFirst" }).click();
  await page.locator("h2", { hasText: "Edit the rule AllowSqlFirst" }).waitFor();
  assert.equal(await form.getByLabel("Priority").inputValue(), "150");
  await form.getByLabel("Priority").fill("300");
  await form.getByRole("button", { name: "Save rule" }).click();
  await row(outbound, "300").waitFor();
  assert.equal(await row(outbound, "150").count(), 0);
  await finish(session, "network-controls-nsg-rules");
});

test("the private DNS zone is unlinked from appVnet and linked again", async () => {
  const session = await open("#/private-dns-zones", "Private DNS zones");
  const { page } = session;
  await page.getByRole("link", { name: "privatelink.database.windows.net" }).click();
  await page.locator("h1", { hasText: "privatelink.database.windows.net" }).waitFor();
  await page.getByRole("button", { name: "Unlink appVnet" }).click();
  await page.getByRole("button", { name: "Unlink appVnet" }).waitFor({ state: "detached" });
  await select(page, "Virtual network to link").selectOption({ label: "appVnet (West Europe)" });
  await page.getByRole("button", { name: "Link", exact: true }).click();
  await page.getByRole("button", { name: "Unlink appVnet" }).waitFor();
  await finish(session, "network-controls-dns-links");
});

test("a new route table is associated with the data subnet", async () => {
  const session = await open("#/route-tables", "Route tables");
  const { page } = session;
  const create = page.locator("form", { hasText: "Create a route table" });
  await create.getByLabel("Name").fill("data-routes");
  await create.getByRole("button", { name: "Create" }).click();
  await page.getByRole("link", { name: "data-routes" }).waitFor();

  await page.locator(".side-nav a", { hasText: "Virtual networks" }).click();
  await page.getByRole("link", { name: "appVnet", exact: true }).click();
  await page.locator(".tabs a", { hasText: "Address space and subnets" }).click();
  await row(page, "data").waitFor();
  await page.getByRole("button", { name: "Edit network controls of data" }).click();
  await select(page, "Route table").selectOption({ label: "data-routes" });
  await page.getByRole("button", { name: "Set route table" }).click();
  await row(page, "data").filter({ hasText: "data-routes" }).waitFor();
  assert.match(await row(page, "apps").textContent(), /Microsoft\.Web\/serverFarms/);
  await finish(session, "network-controls-route-table");
});

test("R32: with the zone unlinked the endpoint's name resolves to its public address; the fix links it", async () => {
  const session = await open("#/private-dns-zones", "Private DNS zones");
  const { page } = session;
  await page.getByRole("link", { name: "privatelink.database.windows.net" }).click();
  await page.getByRole("button", { name: "Unlink appVnet" }).click();
  await page.getByRole("button", { name: "Unlink appVnet" }).waitFor({ state: "detached" });
  await check(page, "contoso-orders", "contoso-sql.database.windows.net", 1433);
  await verdict(page).getByText("Not reachable").waitFor();
  await page.getByText("resolves to its public address 40.68.37.158").waitFor();
  await page.getByText("Link the private DNS zone privatelink.database.windows.net to appVnet.").waitFor();
  await page.getByRole("button", { name: "Apply fix" }).click();
  await verdict(page).getByText("Reachable", { exact: true }).waitFor();
  await page.getByText("answered from the private DNS zone privatelink.database.windows.net").first().waitFor();
  await finish(session, "r32-zone-link-fix");
});

test("R31: with Route All on, 0.0.0.0/0 to a virtual appliance that is not there drops internet traffic", async () => {
  const session = await open("#/route-tables", "Route tables");
  const { page } = session;
  const create = page.locator("form", { hasText: "Create a route table" });
  await create.getByLabel("Name").fill("egress");
  await create.getByRole("button", { name: "Create" }).click();
  await page.getByRole("link", { name: "egress" }).click();
  await page.locator("h1", { hasText: "egress" }).waitFor();
  await page.getByLabel("Route name").fill("to-firewall");
  await page.getByLabel("Address prefix").fill("0.0.0.0/0");
  await select(page, "Next hop type").selectOption({ label: "Virtual appliance" });
  await page.getByLabel("Next hop address (virtual appliance)").fill("10.3.4.4");
  await page.getByRole("button", { name: "Save route" }).click();
  await row(page, "to-firewall").waitFor();

  await page.locator(".side-nav a", { hasText: "Virtual networks" }).click();
  await page.getByRole("link", { name: "appVnet", exact: true }).click();
  await page.locator(".tabs a", { hasText: "Address space and subnets" }).click();
  await page.getByRole("button", { name: "Edit network controls of apps" }).click();
  await select(page, "Route table").selectOption({ label: "egress" });
  await page.getByRole("button", { name: "Set route table" }).click();
  await row(page, "apps").filter({ hasText: "egress" }).waitFor();

  await check(page, "contoso-orders", "api.fabrikam.com", 443);
  await verdict(page).getByText("Not reachable").waitFor();
  await page.getByText("The route's next hop is the virtual appliance 10.3.4.4, but nothing in the virtual network or its peers has that address").waitFor();
  await finish(session, "r31-appliance-missing");
});
