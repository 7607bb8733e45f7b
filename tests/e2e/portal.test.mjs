// The portal workflow in the release build, one flow per rule it shows. Each flow starts from
// the sample subscription in a fresh browser context, and fails on any console error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { accessibilityViolations, finish, openPage, screenshot, useServedApp, waitForApp } from "./support.mjs";

const app = useServedApp();

/** A fresh page on the sample subscription, at the web app `name`. */
async function openWebApp(name) {
  const session = await openPage(app.browser);
  await session.page.goto(`${app.server.url}/`);
  await waitForApp(session.page);
  await session.page.getByRole("link", { name, exact: true }).click();
  await session.page.locator("h1", { hasText: name }).waitFor();
  return session;
}

const statusOf = (page, app) => page.locator("tr", { hasText: app }).locator(".badge");

test("R8 R12: the picker greys out cantConnectVnet with its reasons; connecting shows the thumbprint", async () => {
  const session = await openWebApp("contoso-api");
  const { page } = session;
  const cant = page.locator(".picker-row", { hasText: "cantConnectVnet" });
  await assert.doesNotReject(cant.getByText("its gateway uses Static routing").waitFor());
  await cant.getByText("point-to-site is not enabled").waitFor();
  assert.equal(await cant.getByRole("button", { name: "Connect to cantConnectVnet" }).isDisabled(), true);
  await screenshot(page, "r08-vnet-picker");
  await page.getByRole("button", { name: "Connect to corpVnet" }).click();
  const thumbprint = (await page.locator("code.thumbprint").textContent()).trim();
  assert.match(thumbprint, /^[0-9A-F]{40}$/);
  await page.getByRole("link", { name: "corpVnet" }).click();
  await page.getByRole("link", { name: "Certificates" }).click();
  await page.locator("td code.thumbprint", { hasText: thumbprint }).waitFor();
  await finish(session, "r12-certificates-tab");
});

test("R9: a new virtual network provisions, then the web app is connected", async () => {
  const session = await openWebApp("contoso-api");
  const { page } = session;
  await page.getByLabel("Name").fill("apiVnet");
  await page.getByLabel("Address space").fill("10.20.0.0/16");
  await page.getByRole("button", { name: "Create and connect" }).click();
  await page.locator(".badge", { hasText: "Waiting for gateway" }).waitFor();
  await page.locator("progress").waitFor();
  await screenshot(page, "r09-provisioning");
  await page.getByRole("button", { name: "Fast-forward" }).click();
  await page.locator(".badge", { hasText: "Connected" }).waitFor();
  await page.locator(".notice", { hasText: "contoso-api is connected to apiVnet" }).waitFor();
  await finish(session, "r09-connected");
});

test("R11 R3: a bad address space is explained, and a sixth network for the plan is refused", async () => {
  const session = await openPage(app.browser);
  const { page } = session;
  await page.goto(`${app.server.url}/#/web-apps`);
  await waitForApp(page);
  for (let i = 1; i <= 5; i += 1) {
    await page.getByLabel("Name").fill(`app-${i}`);
    await page.getByRole("button", { name: "Create" }).click();
    await page.getByRole("link", { name: `app-${i}`, exact: true }).waitFor();
  }
  for (let i = 1; i <= 5; i += 1) {
    await page.goto(`${app.server.url}/#/web-apps`);
    await page.getByRole("link", { name: `app-${i}`, exact: true }).click();
    await page.getByLabel("Name").fill(`net${i}`);
    if (i === 1) {
      await page.getByLabel("Address space").fill("10.30.0.1/16");
      await page.getByRole("button", { name: "Create and connect" }).click();
      await page.getByRole("alert").getByText("has host bits set; did you mean 10.30.0.0/16?").waitFor();
    }
    await page.getByLabel("Address space").fill(`10.${30 + i}.0.0/16`);
    await page.getByRole("button", { name: "Create and connect" }).click();
    if (i < 5) {
      await page.locator(".badge", { hasText: "Waiting for gateway" }).waitFor();
    }
  }
  const refusal = page.locator(".form-error");
  await refusal.getByText("already uses 5 virtual networks").waitFor();
  const text = await refusal.textContent();
  for (const name of ["corpVnet", "net1", "net2", "net3", "net4"]) assert.ok(text.includes(name), text);
  await finish(session, "r03-sixth-network");
});

test("R5: scaling the plan down disables the connection, scaling back up restores it", async () => {
  const session = await openPage(app.browser);
  const { page } = session;
  await page.goto(`${app.server.url}/#/plans`);
  await waitForApp(page);
  await page.getByRole("link", { name: "contoso-standard" }).click();
  await page.getByText("Virtual networks used: 1 of 5").waitFor();
  await page.getByRole("button", { name: "Scale to Basic" }).click();
  await page.getByRole("link", { name: "Web apps" }).first().click();
  await statusOf(page, "contoso-web").getByText("Disabled").waitFor();
  await page.goBack();
  await page.getByRole("button", { name: "Scale to Standard" }).click();
  await page.getByRole("link", { name: "Web apps" }).first().click();
  await statusOf(page, "contoso-web").getByText("Connected").waitFor();
  await finish(session, "r05-scaled-back");
});

test("R13: deleting the certificate on the VNet puts the connection out of sync; sync mends it", async () => {
  const session = await openPage(app.browser);
  const { page } = session;
  await page.goto(`${app.server.url}/#/virtual-networks`);
  await waitForApp(page);
  await page.getByRole("link", { name: "corpVnet" }).click();
  await page.getByRole("link", { name: "Certificates" }).click();
  await page.getByRole("button", { name: "Delete" }).click();
  await page.goto(`${app.server.url}/#/web-apps`);
  await statusOf(page, "contoso-web").getByText("Out of sync").waitFor();
  await page.getByRole("link", { name: "contoso-web" }).click();
  await page.getByRole("status").getByText("no longer uploaded").waitFor();
  await page.getByRole("button", { name: "Sync connection" }).click();
  await page.locator(".badge", { hasText: "Connected" }).waitFor();
  await finish(session, "r13-synced");
});

test("R14: a new DNS server requires a sync, then the app uses it", async () => {
  const session = await openPage(app.browser);
  const { page } = session;
  await page.goto(`${app.server.url}/#/virtual-networks`);
  await waitForApp(page);
  await page.getByRole("link", { name: "corpVnet" }).click();
  await page.getByRole("link", { name: "DNS servers" }).click();
  await page.getByLabel("DNS server").fill("10.1.1.4");
  await page.getByRole("button", { name: "Add DNS server" }).click();
  await page.getByRole("button", { name: "Remove 10.1.1.4" }).waitFor();
  await page.goto(`${app.server.url}/#/web-apps`);
  await page.getByRole("link", { name: "contoso-web" }).click();
  await page.locator(".banner", { hasText: "Sync required" }).waitFor();
  await screenshot(page, "r14-sync-required");
  await page.getByRole("button", { name: "Sync connection" }).click();
  await page.locator(".badge", { hasText: "Connected" }).waitFor();
  await page.getByText("10.1.1.4").first().waitFor();
  await finish(session, "r14-synced");
});

test("R2: a web app below Standard offers the pricing tiers, and choosing Standard scales the plan", async () => {
  const session = await openWebApp("contoso-blog");
  const { page } = session;
  await page.getByText("VNet Integration needs the Standard or Premium tier").waitFor();
  await page.getByRole("button", { name: "Scale to Standard" }).click();
  await page.getByRole("button", { name: "Connect to corpVnet" }).waitFor();
  await finish(session, "r02-tier-picker");
});

test("the state survives a reload", async () => {
  const session = await openWebApp("contoso-api");
  const { page } = session;
  await page.getByRole("button", { name: "Connect to corpVnet" }).click();
  await page.locator(".badge", { hasText: "Connected" }).waitFor();
  await page.reload();
  await page.locator(".badge", { hasText: "Connected" }).waitFor();
  assert.deepEqual(session.problems, []);
  await session.context.close();
});

test("every tab of a virtual network and a local network's view pass axe", async () => {
  const session = await openPage(app.browser);
  const { page } = session;
  await page.goto(`${app.server.url}/#/virtual-networks`);
  await waitForApp(page);
  await page.getByRole("link", { name: "corpVnet" }).click();
  const tabs = await page.locator(".tabs a").allTextContents();
  assert.equal(tabs.length, 10, "overview, subnets, peerings, DNS servers, gateway, point-to-site, site-to-site, VMs, certificates, ranges");
  for (const tab of tabs) {
    await page.locator(".tabs a", { hasText: tab }).click();
    await page.locator("h2", { hasText: tab }).waitFor();
    assert.deepEqual(await accessibilityViolations(page), [], `axe on the ${tab} tab`);
    await screenshot(page, `vnet-${tab.toLowerCase().replaceAll(" ", "-")}`);
  }
  await page.getByRole("link", { name: "Local networks" }).first().click();
  await page.getByRole("link", { name: "onPremHQ" }).click();
  await page.getByText("Routes on the on-premises routers").waitFor();
  await finish(session, "local-network-onpremhq");
});
