// Regional integration shown everywhere the gateway-required one is, and the faults a new user
// trips on (issue 18): lists, overview and tier cards; deleting a VNet (R27); axe on every tab
// of every VNet; notifications clear of the navigation; tables that fit; choices that start at
// the current value; the private endpoint's subnet. From the sample, in the release build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { accessibilityViolations, finish, openPage, useServedApp, waitForApp } from "./support.mjs";

const app = useServedApp();

async function open(hash, viewport = { width: 1280, height: 800 }) {
  const session = await openPage(app.browser, { viewport });
  await session.page.goto(`${app.server.url}/${hash}`);
  await waitForApp(session.page);
  return session;
}

/** The body row of the page's table whose first cell is exactly `name`. */
function row(page, name) {
  const cell = page.locator("td:first-child", { hasText: new RegExp(`^${name}$`) });
  return page.locator("tbody tr").filter({ has: cell });
}

async function openVnet(page, name, tab = "Overview") {
  await page.locator(".side-nav a", { hasText: "Virtual networks" }).click();
  await page.getByRole("link", { name, exact: true }).click();
  await page.locator("h1", { hasText: name }).waitFor();
  await page.locator(".tabs a", { hasText: tab }).click();
  await page.locator("h2", { hasText: tab }).waitFor();
}

const facts = (page, term) => page.locator("dt", { hasText: term }).locator("xpath=following-sibling::dd[1]");

test("R25: the lists, appVnet's overview and the tier cards name the regional integration", async () => {
  const session = await open("#/web-apps");
  const { page } = session;
  assert.equal(await row(page, "contoso-orders").locator("td").nth(3).textContent(), "appVnet/apps (regional)");
  assert.equal(await row(page, "contoso-web").locator("td").nth(3).textContent(), "corpVnet (gateway-required)");

  await page.locator(".side-nav a", { hasText: "Virtual networks" }).click();
  const usable = await row(page, "appVnet").locator("td").last().textContent();
  assert.match(usable, /^Regional: Yes, from plans in West Europe \(Basic or higher\), in subnet apps/);
  assert.match(usable, /Gateway-required: No: it has no gateway/);

  await openVnet(page, "appVnet");
  assert.equal(await facts(page, "Connected web apps").textContent(), "contoso-orders (regional, subnet apps)");
  assert.match(await facts(page, "Regional integration").textContent(), /^Yes, from plans in West Europe/);

  await page.locator(".side-nav a", { hasText: "App Service plans" }).click();
  await page.getByRole("link", { name: "contoso-basic", exact: true }).click();
  const basic = page.locator(".tier-card", { has: page.locator("h3", { hasText: /^Basic$/ }) });
  const words = await basic.locator("p").textContent();
  assert.equal(words, "VNet Integration: regional (up to 2 subnets per plan) only. 5 Hybrid Connections per plan.");
  assert.doesNotMatch(await page.locator(".tier-picker").textContent(), /Basic.*No VNet Integration/);
  await finish(session, "regional-everywhere-lists");
});

test("R27: deleting appVnet is refused naming contoso-orders; once nothing holds it, it deletes and the list is shown", async () => {
  const session = await open("#/virtual-networks");
  const { page } = session;
  const questions = [];
  page.on("dialog", (dialog) => {
    questions.push(dialog.message());
    dialog.accept();
  });
  const refusal = page.locator("form", { hasText: "Delete virtual network" }).getByRole("alert");
  const deleteVnet = () => page.getByRole("button", { name: "Delete virtual network" }).click();

  await openVnet(page, "appVnet");
  await deleteVnet();
  await refusal.getByText("The virtual network appVnet cannot be deleted: the VNet Integration of contoso-orders (regional, subnet apps) holds it. Disconnect those web apps first.").waitFor();
  assert.deepEqual(questions, ["Delete the virtual network appVnet?"]);

  await page.locator(".side-nav a", { hasText: "Web apps" }).click();
  await page.getByRole("link", { name: "contoso-orders", exact: true }).click();
  await page.getByRole("button", { name: "Disconnect", exact: true }).click();
  await page.getByRole("button", { name: "Pick appVnet" }).waitFor();

  await openVnet(page, "appVnet");
  await deleteVnet();
  await refusal.getByText("The virtual network appVnet cannot be deleted: it is peered with northVnet").waitFor();
  await page.locator(".tabs a", { hasText: "Peerings" }).click();
  await page.getByRole("button", { name: "Remove the peering with northVnet" }).click();
  await page.getByRole("button", { name: "Remove the peering with northVnet" }).waitFor({ state: "detached" });

  await page.locator(".tabs a", { hasText: "Overview" }).click();
  await deleteVnet();
  await refusal.getByText("contoso-sql.database.windows.net").waitFor();
  await page.locator(".side-nav a", { hasText: "Private endpoints" }).click();
  await page.getByRole("button", { name: "Delete contoso-sql.database.windows.net" }).click();
  await page.getByRole("button", { name: "Delete contoso-sql.database.windows.net" }).waitFor({ state: "detached" });

  await openVnet(page, "appVnet");
  await deleteVnet();
  // Deleted from its own overview, the network's page is not left saying it is gone: the
  // Virtual networks list is shown, without appVnet.
  await page.locator("h1", { hasText: /^Virtual networks$/ }).waitFor();
  await row(page, "corpVnet").waitFor();
  assert.equal(new URL(page.url()).hash, "#/virtual-networks");
  assert.equal(await page.locator("h1", { hasText: "not found" }).count(), 0);
  assert.equal(await row(page, "appVnet").count(), 0);
  await finish(session, "r27-delete-vnet");
});

test("axe finds nothing on any tab of any virtual network", async () => {
  const session = await open("#/virtual-networks");
  const { page } = session;
  const names = await page.locator("main tbody tr td:first-child a").allTextContents();
  assert.ok(names.length >= 4, names.join(", "));
  for (const name of names) {
    await openVnet(page, name);
    const tabs = await page.locator(".tabs a").allTextContents();
    for (const tab of tabs) {
      await page.locator(".tabs a", { hasText: tab }).click();
      await page.locator("h2", { hasText: tab }).waitFor();
      assert.deepEqual(await accessibilityViolations(page), [], `axe on ${name}, ${tab}`);
    }
  }
  await finish(session, "vnet-tabs-axe");
});

for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
  test(`at ${viewport.width} px three notifications in a row leave every navigation link clickable`, async () => {
    const session = await open("#/web-apps", viewport);
    const { page } = session;
    const form = page.locator("form", { hasText: "Create a web app" });
    for (const name of ["quick-one", "quick-two", "quick-three"]) {
      await form.getByLabel("Name").fill(name);
      await form.getByRole("button", { name: "Create" }).click();
      await page.getByRole("link", { name, exact: true }).waitFor();
    }
    const notices = page.locator(".notifications > div");
    assert.ok((await notices.count()) >= 3, "three notifications are there");
    await page.locator(".notifications").getByText("quick-three").waitFor();
    const links = page.locator(".side-nav a");
    for (let i = 0; i < (await links.count()); i++) {
      await links.nth(i).click({ trial: true, timeout: 2000 });
    }
    // Where the navigation stands, at the top of the page, no notification lies over a link.
    await page.evaluate(() => window.scrollTo(0, 0));
    for (let i = 0; i < (await links.count()); i++) {
      const link = links.nth(i);
      const box = await link.boundingBox();
      for (const notice of await notices.all()) {
        const covering = await notice.boundingBox();
        if (covering === null) continue; // not drawn: only the newest shows on a narrow screen
        const apart =
          covering.x >= box.x + box.width ||
          box.x >= covering.x + covering.width ||
          covering.y >= box.y + box.height ||
          box.y >= covering.y + covering.height;
        assert.ok(apart, `a notification covers ${await link.textContent()}`);
      }
    }
    await finish(session, `notifications-clear-of-navigation-${viewport.width}`);
  });

  test(`at ${viewport.width} px no table cell overflows and no CIDR wraps`, async () => {
    const session = await open("#/virtual-networks", viewport);
    const { page } = session;
    const fits = async (what) => {
      const faults = await page.evaluate(() => {
        const found = [];
        for (const cell of document.querySelectorAll("main td, main th")) {
          if (cell.scrollWidth > cell.clientWidth + 1) found.push(`cell overflows: ${cell.textContent}`);
        }
        for (const code of document.querySelectorAll("main code")) {
          if (/\d+\.\d+\.\d+\.\d+\/\d+/.test(code.textContent) && code.getClientRects().length > 1) {
            found.push(`CIDR wraps: ${code.textContent}`);
          }
        }
        const subnets = document.querySelector("table.subnets");
        if (subnets && subnets.scrollWidth > subnets.clientWidth + 1) found.push("the subnets table overflows");
        if (document.documentElement.scrollWidth > window.innerWidth) found.push("the page overflows");
        return found;
      });
      assert.deepEqual(faults, [], what);
    };
    await fits("Virtual networks");
    for (const name of ["appVnet", "corpVnet"]) {
      await openVnet(page, name, "Address space and subnets");
      await row(page, name === "appVnet" ? "apps" : "Backend").waitFor();
      await fits(`${name} subnets`);
    }
    await page.getByRole("button", { name: "Edit network controls of GatewaySubnet" }).click();
    await fits("corpVnet subnets with a subnet's network controls open");
    await page.locator(".side-nav a", { hasText: "App Service plans" }).click();
    await page.getByRole("link", { name: "contoso-premium", exact: true }).click();
    await page.locator("h1", { hasText: "contoso-premium" }).waitFor();
    await fits("the plan contoso-premium");
    await finish(session, `tables-fit-${viewport.width}`);
  });
}

test("every choice that edits an association starts at the current value", async () => {
  const session = await open("#/virtual-networks");
  const { page } = session;
  await openVnet(page, "appVnet", "Address space and subnets");
  await page.getByRole("button", { name: "Edit network controls of apps" }).click();
  const panel = page.getByRole("region", { name: "Network controls of apps" });
  const shown = (label) => panel.getByLabel(label).evaluate((select) => select.selectedOptions[0].textContent);
  assert.equal(await shown("Network security group"), "apps-nsg");
  assert.equal(await shown("Route table"), "None");
  assert.equal(await shown("NAT gateway"), "None");
  // Set at once keeps what the subnet has.
  await panel.getByRole("button", { name: "Set NSG" }).click();
  await page.locator(".notifications").getByText("Associated the network security group apps-nsg with the subnet appVnet/apps").waitFor();
  assert.match(await row(page, "apps").textContent(), /NSG: apps-nsg/);
  assert.equal(await shown("Network security group"), "apps-nsg");

  // Another subnet's panel starts at that subnet's values.
  await page.getByRole("button", { name: "Edit network controls of data" }).click();
  const data = page.getByRole("region", { name: "Network controls of data" });
  assert.equal(await data.getByLabel("Network security group").evaluate((s) => s.selectedOptions[0].textContent), "None");

  // WEBSITE_DNS_SERVER starts at the setting in force, after a reload too.
  await page.locator(".side-nav a", { hasText: "Web apps" }).click();
  await page.getByRole("link", { name: "contoso-orders", exact: true }).click();
  const setting = page.getByLabel("WEBSITE_DNS_SERVER (empty removes it)");
  assert.equal(await setting.inputValue(), "");
  await setting.fill("10.3.2.10");
  await page.locator("form", { has: setting }).getByRole("button", { name: "Save" }).click();
  await page.getByText("App setting WEBSITE_DNS_SERVER: 10.3.2.10").waitFor();
  assert.equal(await setting.inputValue(), "10.3.2.10");
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.getByLabel("WEBSITE_DNS_SERVER (empty removes it)").inputValue(), "10.3.2.10");
  await finish(session, "choices-start-at-current");
});

test("the private endpoint form starts at a subnet that can hold one, and the GatewaySubnet is refused with the reason", async () => {
  const session = await open("#/private-endpoints");
  const { page } = session;
  const form = page.locator("form", { hasText: "Create a private endpoint" });
  await form.getByLabel("Virtual network").selectOption({ label: "corpVnet (West Europe)" });
  const subnet = form.getByLabel("Subnet");
  assert.equal(await subnet.evaluate((s) => s.selectedOptions[0].textContent), "Backend (10.1.1.0/24)");
  await subnet.selectOption({ label: "GatewaySubnet (10.1.0.0/27)" });
  await form.getByLabel("Target service name").fill("contoso-kv.vault.azure.net");
  await form.getByLabel("Private IP").fill("10.1.0.10");
  await form.getByLabel("Public address").fill("52.1.1.1");
  await form.getByRole("button", { name: "Create" }).click();
  await form.getByRole("alert").getByText("A private endpoint cannot be placed in the GatewaySubnet of corpVnet: Azure keeps that subnet for the virtual network gateway.").waitFor();
  assert.equal(await form.getByLabel("Target service name").inputValue(), "contoso-kv.vault.azure.net");
  await finish(session, "private-endpoint-gateway-subnet");
});

test("a second route for the same prefix names the route table, not a local network", async () => {
  const session = await open("#/route-tables");
  const { page } = session;
  const create = page.locator("form", { hasText: "Create a route table" });
  await create.getByLabel("Name").fill("egress");
  await create.getByRole("button", { name: "Create" }).click();
  await page.getByRole("link", { name: "egress" }).click();
  await page.locator("h1", { hasText: "egress" }).waitFor();
  for (const name of ["default", "again"]) {
    await page.getByLabel("Route name").fill(name);
    await page.getByLabel("Address prefix").fill("0.0.0.0/0");
    await page.locator("label", { hasText: /^Next hop type/ }).locator("select").selectOption({ label: "Internet" });
    await page.getByRole("button", { name: "Save route" }).click();
  }
  await page.getByRole("alert").getByText("The route table egress already has a route for 0.0.0.0/0 (default). Edit that route, or give this one another prefix.").waitFor();
  await finish(session, "route-table-duplicate-prefix");
});
