// Nothing typed is lost: in every view with a form, text typed survives the simulated clock's
// ticks (an operation is in flight) and commands that have nothing to do with it; a refused
// submit keeps the text beside its error; a successful one clears it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { finish, openPage, useServedApp, waitForApp } from "./support.mjs";

const app = useServedApp();
const STATE_KEY = "vnet-integration-lab/state";

/** The simulated now, as saved after the last change. */
const simulatedNow = (page) =>
  page.evaluate((key) => JSON.parse(localStorage.getItem(key)).subscription.clock.now, STATE_KEY);

/**
 * A fresh page on the sample where the clock ticks: contoso-api creates a virtual network whose
 * gateway provisions for 30 simulated minutes; at 1× that outlasts the test.
 */
async function ticking() {
  const session = await openPage(app.browser);
  const { page } = session;
  await page.goto(`${app.server.url}/#/web-apps`);
  await waitForApp(page);
  await page.getByRole("link", { name: "contoso-api", exact: true }).click();
  await page.getByLabel("Name").fill("tickVnet");
  await page.getByLabel("Address space").fill("10.40.0.0/16");
  await page.getByRole("button", { name: "Create and connect" }).click();
  await page.locator("progress").waitFor();
  await page.getByLabel("Speed").selectOption("1");
  return session;
}

/** Opens `hash` in the running app (no reload: the operation stays in flight). */
async function go(page, hash, heading) {
  await page.evaluate((hash) => (location.hash = hash), hash);
  await page.locator("h1", { hasText: heading }).first().waitFor();
}

/** Waits until the simulated clock has ticked twice more. */
async function ticks(page) {
  const start = await simulatedNow(page);
  await page.waitForFunction(
    ([key, until]) => JSON.parse(localStorage.getItem(key)).subscription.clock.now >= until,
    [STATE_KEY, start + 2],
  );
}

/** Runs commands that concern no form: the clock's speed, there and back. */
async function unrelatedCommands(page) {
  await page.getByLabel("Speed").selectOption("60");
  await page.getByLabel("Speed").selectOption("1");
}

async function fill(form, fields) {
  for (const [label, value] of Object.entries(fields)) {
    await form.getByLabel(label, { exact: true }).fill(value);
  }
}

async function assertValues(form, fields, when) {
  for (const [label, value] of Object.entries(fields)) {
    assert.equal(await form.getByLabel(label, { exact: true }).inputValue(), value, `${label} ${when}`);
  }
}

/**
 * The whole rule for one form: typed text survives ticks and unrelated commands (and
 * `alsoRun`, a command of the same view), `refused` keeps its text beside the error, `accepted`
 * clears the text (to `cleared`, each field's first value) unless the form is gone with it.
 */
async function keepsWhatIsTyped(page, form, { typed, alsoRun, refused, accepted, cleared = {} }) {
  await fill(form, typed);
  await ticks(page);
  await unrelatedCommands(page);
  if (alsoRun) await alsoRun();
  await ticks(page);
  await assertValues(form, typed, "after ticks and other commands");

  await fill(form, refused.fields);
  await form.locator("button[type=submit]").click();
  await form.getByRole("alert").getByText(refused.error).waitFor();
  assert.doesNotMatch(await form.getByRole("alert").textContent(), /[.?!]\.$/, "one stop at the end");
  await assertValues(form, { ...typed, ...refused.fields }, "after a refusal");

  if (!accepted) return;
  await fill(form, accepted.fields);
  await form.locator("button[type=submit]").click();
  await accepted.done.waitFor();
  if (accepted.formStays === false) return;
  assert.equal(await form.getByRole("alert").count(), 0, "the refusal is gone");
  const empty = Object.fromEntries(Object.keys({ ...typed, ...accepted.fields }).map((label) => [label, cleared[label] ?? ""]));
  await assertValues(form, empty, "after success");
}

const panel = (page, heading) => page.locator("form", { has: page.getByRole("heading", { name: heading }) });

test("the lists' create forms keep their text while the clock ticks, and clear after their own success", async () => {
  const session = await ticking();
  const { page } = session;

  await go(page, "#/web-apps", "Web apps");
  await keepsWhatIsTyped(page, panel(page, "Create a web app"), {
    typed: { Name: "form-app" },
    alsoRun: async () => {
      await page.getByRole("button", { name: "Delete contoso-blog" }).click();
      await page.getByRole("link", { name: "contoso-blog" }).waitFor({ state: "detached" });
    },
    refused: { fields: { Name: "Form_App" }, error: "is not valid" },
    accepted: { fields: { Name: "form-app" }, done: page.getByRole("link", { name: "form-app", exact: true }) },
  });

  await go(page, "#/plans", "App Service plans");
  await keepsWhatIsTyped(page, panel(page, "Create an App Service plan"), {
    typed: { Name: "form-plan" },
    refused: { fields: { Name: "contoso-standard" }, error: "already exists" },
    accepted: { fields: { Name: "form-plan" }, done: page.getByRole("link", { name: "form-plan" }) },
  });

  await go(page, "#/virtual-networks", "Virtual networks");
  await keepsWhatIsTyped(page, panel(page, "Create a virtual network"), {
    typed: { Name: "formVnet", "Address space": "10.50.0.0/16", "DNS servers (optional)": "10.50.0.4" },
    refused: { fields: { "Address space": "10.50.0.1/16" }, error: "has host bits set; did you mean 10.50.0.0/16?" },
    accepted: { fields: { "Address space": "10.50.0.0/16" }, done: page.getByRole("link", { name: "formVnet" }) },
  });

  await go(page, "#/local-networks", "Local networks");
  await keepsWhatIsTyped(page, panel(page, "Create a local network"), {
    typed: { Name: "branch", "Address space": "192.169.0.0/24", "VPN device address": "131.107.2.2" },
    refused: { fields: { "VPN device address": "131.107.2" }, error: "is not an IPv4 address" },
    accepted: { fields: { "VPN device address": "131.107.2.2" }, done: page.getByRole("link", { name: "branch" }) },
  });
  await finish(session, "forms-lists");
});

test("a virtual network's tabs keep what is typed in each form", async () => {
  const session = await ticking();
  const { page } = session;
  await go(page, "#/virtual-networks", "Virtual networks");
  await fill(panel(page, "Create a virtual network"), { Name: "formVnet", "Address space": "10.50.0.0/16" });
  await panel(page, "Create a virtual network").getByRole("button", { name: "Create" }).click();
  await page.getByRole("link", { name: "formVnet" }).click();
  const tab = async (name) => {
    await page.locator(".tabs a", { hasText: name }).click();
    await page.locator("h2", { hasText: name }).waitFor();
  };
  const inline = (button) => page.locator("form", { has: page.getByRole("button", { name: button }) });

  await tab("Gateway");
  await page.getByRole("button", { name: "Create Dynamic routing gateway" }).click();
  await page.getByText("Dynamic routing gateway, provisioning").waitFor();

  await tab("Address space and subnets");
  await keepsWhatIsTyped(page, inline("Add subnet"), {
    typed: { "New subnet name": "apps", Prefix: "10.50.1.0/24" },
    refused: { fields: { Prefix: "10.9.0.0/24" }, error: "is not inside the address space" },
    accepted: { fields: { Prefix: "10.50.1.0/24" }, done: page.getByRole("cell", { name: "10.50.1.0/24" }) },
  });

  await tab("DNS servers");
  await keepsWhatIsTyped(page, inline("Add DNS server"), {
    typed: { "DNS server": "10.50.0.4" },
    refused: { fields: { "DNS server": "10.50.0.400" }, error: "is not an IPv4 address" },
    accepted: { fields: { "DNS server": "10.50.0.4" }, done: page.getByRole("button", { name: "Remove 10.50.0.4" }) },
  });

  await tab("Point-to-site");
  await keepsWhatIsTyped(page, inline("Enable point-to-site"), {
    typed: { "Client address pool": "172.16.5.0/24" },
    refused: { fields: { "Client address pool": "8.8.8.0/24" }, error: "is not in a private range" },
    accepted: {
      fields: { "Client address pool": "172.16.5.0/24" },
      done: page.getByText("Enabled. Client address pool"),
      formStays: false,
    },
  });

  await tab("Site-to-site");
  const link = inline("Link by site-to-site VPN");
  await link.getByLabel("Local network").selectOption({ label: "onPremHQ" });
  await ticks(page);
  await unrelatedCommands(page);
  await link.getByRole("button").click();
  await page.getByRole("button", { name: "Remove the link to onPremHQ" }).waitFor();
  await link.getByRole("button").click();
  await link.getByRole("alert").getByText("is already linked to onPremHQ").waitFor();
  assert.equal(await link.getByLabel("Local network").locator("option:checked").textContent(), "onPremHQ");

  await tab("Virtual machines");
  const create = panel(page, "Create a virtual machine");
  await create.getByLabel("Role").selectOption({ label: "SQL server" });
  await keepsWhatIsTyped(page, create, {
    typed: { Name: "db01", "Private IP": "10.50.1.5", "Host names (optional)": "db01.form.local" },
    refused: { fields: { "Private IP": "10.50.2.5" }, error: "is not inside the subnet apps" },
    accepted: { fields: { "Private IP": "10.50.1.5" }, done: page.getByRole("cell", { name: "db01", exact: true }) },
  });
  assert.equal(await create.getByLabel("Role").locator("option:checked").textContent(), "SQL server", "a choice stays");
  const firewall = inline("Open port");
  await firewall.getByLabel("Virtual machine").selectOption({ label: "db01" });
  await keepsWhatIsTyped(page, firewall, {
    typed: { "TCP port": "1433" },
    refused: { fields: { "TCP port": "99999" }, error: "is not a port" },
    accepted: {
      fields: { "TCP port": "1433" },
      done: page.locator("tr", { hasText: "db01" }).getByRole("cell", { name: "TCP 1433" }),
    },
  });
  await finish(session, "forms-vnet-tabs");
});

test("a local network's server, route and firewall forms keep their text", async () => {
  const session = await ticking();
  const { page } = session;
  await go(page, "#/local-networks", "Local networks");
  await page.getByRole("link", { name: "onPremHQ" }).click();
  await page.getByText("Routes on the on-premises routers").waitFor();
  const route = page.locator("form", { has: page.getByRole("button", { name: "Add route" }) });
  await fill(route, { Prefix: "172.16.0.0/24" });

  await keepsWhatIsTyped(page, panel(page, "Add a server"), {
    typed: { Name: "hq-db01", IP: "192.168.1.20", "Host names (optional)": "db.contoso.local" },
    refused: { fields: { IP: "10.0.0.20" }, error: "is not inside the address space of onPremHQ" },
    accepted: { fields: { IP: "192.168.1.20" }, done: page.getByRole("cell", { name: "hq-db01" }) },
  });
  // Adding a server to this very view left the route form as it was.
  await assertValues(route, { Prefix: "172.16.0.0/24" }, "after another form of the view succeeded");

  await keepsWhatIsTyped(page, route, {
    typed: { Prefix: "172.16.0.0/24" },
    refused: { fields: { Prefix: "172.16.0.1/24" }, error: "did you mean 172.16.0.0/24?" },
    accepted: { fields: { Prefix: "172.16.0.0/24" }, done: page.getByRole("button", { name: "Remove the route 172.16.0.0/24" }) },
  });

  const firewall = page.locator("form", { has: page.getByRole("button", { name: "Open port" }) });
  await firewall.getByLabel("Server").selectOption({ label: "hq-db01" });
  await keepsWhatIsTyped(page, firewall, {
    typed: { "TCP port": "1433" },
    refused: { fields: { "TCP port": "port" }, error: "is not a port" },
    accepted: {
      fields: { "TCP port": "1433" },
      done: page.locator("tr", { hasText: "hq-db01" }).getByRole("cell", { name: "TCP 1433" }),
    },
  });
  await finish(session, "forms-local-network");
});

test("Hybrid Connections keep the typed endpoint and the agent's chosen server", async () => {
  const session = await ticking();
  const { page } = session;
  await go(page, "#/hybrid-connections", "Hybrid Connections");
  const add = panel(page, "Add a Hybrid Connection");
  await add.getByLabel("Web app").selectOption({ label: "contoso-blog" });
  await keepsWhatIsTyped(page, add, {
    typed: { Name: "hq-files", "Endpoint (host:port)": "app.contoso.local:8443" },
    refused: { fields: { "Endpoint (host:port)": "app.contoso.local" }, error: "is not an endpoint" },
    accepted: { fields: { "Endpoint (host:port)": "app.contoso.local:8443" }, done: page.locator("tr", { hasText: "hq-files" }) },
  });
  assert.equal(await add.getByLabel("Web app").locator("option:checked").textContent(), "contoso-blog");
  const row = page.locator("tr", { hasText: "hq-files" });
  const hosts = await row.getByLabel("Install on").locator("option").allTextContents();
  const last = hosts.at(-1);
  await row.getByLabel("Install on").selectOption({ label: last });
  await ticks(page);
  await unrelatedCommands(page);
  await page.locator("tr", { hasText: "hq-app" }).first().getByRole("button", { name: "Stop agent" }).click();
  await ticks(page);
  assert.equal(await row.getByLabel("Install on").locator("option:checked").textContent(), last);
  await row.getByRole("button", { name: "Install relay agent" }).click();
  await row.getByText(`${last.split(" ")[0]}, running`).waitFor();
  await finish(session, "forms-hybrid-connections");
});

test("the connection check's form and a web app's forms keep their text", async () => {
  const session = await ticking();
  const { page } = session;
  await go(page, "#/connection-check", "Connection check");
  const check = page.locator("form.check-form");
  await keepsWhatIsTyped(page, check, {
    typed: { "Host name or IP": "10.1.1.5", Port: "1433" },
    refused: { fields: { Port: "0" }, error: "is not a port" },
  });
  // A check asks rather than creates: its text stays, in the check's own URL.
  await fill(check, { Port: "1433" });
  await check.getByRole("button", { name: "Run check" }).click();
  await page.getByRole("status", { name: "Verdict" }).getByText("Reachable").waitFor();
  await assertValues(check, { "Host name or IP": "10.1.1.5", Port: "1433" }, "after the check ran");

  await go(page, "#/web-apps", "Web apps");
  await panel(page, "Create a web app").getByLabel("Name").fill("form-app");
  await panel(page, "Create a web app").getByRole("button", { name: "Create" }).click();
  await page.getByRole("link", { name: "form-app", exact: true }).click();
  await page.locator("h1", { hasText: "form-app" }).waitFor();
  const console = page.locator("form.console-form");
  await console.getByLabel("Command").fill("tcpping 10.1.1.5:1433");
  await keepsWhatIsTyped(page, panel(page, "Create new virtual network"), {
    typed: { Name: "formAppVnet", "Address space": "10.60.0.0/16" },
    refused: { fields: { "Address space": "10.60.0.1/16" }, error: "did you mean 10.60.0.0/16?" },
    accepted: { fields: { "Address space": "10.60.0.0/16" }, done: page.locator(".badge", { hasText: "Waiting for gateway" }), formStays: false },
  });
  assert.equal(await console.getByLabel("Command").inputValue(), "tcpping 10.1.1.5:1433", "the console's line stays");
  await finish(session, "forms-check-and-web-app");
});
