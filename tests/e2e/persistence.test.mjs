// State that survives (SPEC §8): reload, unreadable and future-version data kept under a backup
// key, a full quota, two tabs, markup in names, an operation in flight across a reload.
import { test } from "node:test";
import assert from "node:assert/strict";
import { accessibilityViolations, finish, openPage, screenshot, useServedApp, waitForApp } from "./support.mjs";

const app = useServedApp();
const STATE_KEY = "vnet-integration-lab/state";
const BACKUP_KEY = "vnet-integration-lab/unreadable-state";

async function open(context, hash = "#/plans") {
  const page = await context.newPage();
  await page.goto(`${app.server.url}/${hash}`);
  await waitForApp(page);
  return page;
}

async function createPlan(page, name) {
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await page.getByRole("link", { name, exact: true }).waitFor();
}

const stored = (page, key) => page.evaluate((key) => localStorage.getItem(key), key);

test("unreadable and future-version data are kept under backup keys, with a banner", async () => {
  const session = await openPage(app.browser);
  const { page } = session;
  await page.goto(`${app.server.url}/#/plans`);
  await waitForApp(page);
  await page.evaluate((key) => localStorage.setItem(key, "{not json"), STATE_KEY);
  await page.reload();
  await waitForApp(page);
  const banner = page.getByRole("alert").filter({ hasText: "Your saved lab could not be read" });
  await banner.waitFor();
  await banner.getByText(BACKUP_KEY).waitFor();
  assert.equal(await stored(page, BACKUP_KEY), "{not json");
  await page.getByRole("link", { name: "contoso-standard" }).waitFor();
  await screenshot(page, "state-unreadable");

  await page.evaluate(
    (key) => localStorage.setItem(key, JSON.stringify({ schema: 99, revision: 1, subscription: {} })),
    STATE_KEY,
  );
  await page.reload();
  await waitForApp(page);
  await page.getByRole("alert").filter({ hasText: "99" }).waitFor();
  assert.equal(await stored(page, BACKUP_KEY), "{not json", "the first backup is never overwritten");
  assert.match(await stored(page, `${BACKUP_KEY}-2`), /"schema":99/);
  await finish(session, "state-future-version");
});

test("a full quota warns that changes are not saved, and the lab keeps working", async () => {
  const session = await openPage(app.browser);
  const { page } = session;
  await page.goto(`${app.server.url}/#/plans`);
  await waitForApp(page);
  await page.evaluate(() => {
    // Ever smaller blocks until not even one character fits.
    let i = 0;
    for (let size = 1024 * 1024; size >= 1; size = Math.floor(size / 4)) {
      const block = "x".repeat(size);
      try {
        for (;;) localStorage.setItem(`filler-${i++}`, block);
      } catch {
        // this size no longer fits
      }
    }
  });
  await createPlan(page, "after-full");
  await page.getByRole("alert").filter({ hasText: "Changes are not being saved" }).waitFor();
  await createPlan(page, "still-working");
  await finish(session, "state-quota-full");
});

test("two tabs see each other's changes and lose neither", async () => {
  const session = await openPage(app.browser);
  const { context } = session;
  const first = session.page;
  await first.goto(`${app.server.url}/#/plans`);
  await waitForApp(first);
  const second = await open(context);
  await createPlan(first, "from-first");
  await second.getByRole("link", { name: "from-first" }).waitFor();
  await createPlan(second, "from-second");
  await first.getByRole("link", { name: "from-second" }).waitFor();
  await first.reload();
  await waitForApp(first);
  await first.getByRole("link", { name: "from-first" }).waitFor();
  await first.getByRole("link", { name: "from-second" }).waitFor();
  await finish(session, "state-two-tabs");
});

test("markup, quotes, emoji and right-to-left text in names are shown as text everywhere", async () => {
  const session = await openPage(app.browser);
  const { page } = session;
  await page.goto(`${app.server.url}/#/plans`);
  await waitForApp(page);
  await createPlan(page, "save-me");
  const tricky = `<img src=x onerror="window.pwned=1">"quoted" 🚀 שלום`;
  await page.evaluate(
    ([key, name]) => {
      const text = localStorage.getItem(key).replaceAll('"contoso-web"', JSON.stringify(name));
      localStorage.setItem(key, text);
    },
    [STATE_KEY, tricky],
  );
  await page.reload();
  for (const hash of ["#/web-apps", "#/connection-check/matrix", "#/compare"]) {
    await page.goto(`${app.server.url}/${hash}`);
    await waitForApp(page);
    await page.getByText(tricky).filter({ visible: true }).first().waitFor();
    await screenshot(page, `state-markup-${hash.slice(2).replaceAll("/", "-")}`);
  }
  await page.goto(`${app.server.url}/#/web-apps`);
  await page.getByRole("link", { name: tricky }).click();
  await page.locator("h1", { hasText: tricky }).waitFor();
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.locator("main img").count(), 0);
  await finish(session, "state-markup-inert");
});

test("a gateway provisioning survives a reload and finishes at its simulated time", async () => {
  const session = await openPage(app.browser);
  const { page } = session;
  await page.goto(`${app.server.url}/#/web-apps`);
  await waitForApp(page);
  await page.getByRole("link", { name: "contoso-api", exact: true }).click();
  await page.getByLabel("Name").fill("reloadVnet");
  await page.getByLabel("Address space").fill("10.30.0.0/16");
  await page.getByRole("button", { name: "Create and connect" }).click();
  await page.locator("progress").waitFor();
  await page.reload();
  await waitForApp(page);
  await page.locator(".badge", { hasText: "Waiting for gateway" }).waitFor();
  await page.locator("progress").waitFor();
  await page.getByRole("button", { name: "Fast-forward" }).click();
  await page.locator(".badge", { hasText: "Connected" }).waitFor();
  await finish(session, "state-operation-after-reload");
});

/** Chooses a file in the top bar's Import. */
async function importFile(page, name, content) {
  await page.locator("input[type=file]").setInputFiles({
    name,
    mimeType: "application/json",
    buffer: Buffer.from(content),
  });
}

test("export, then import elsewhere; a bad, huge or deeply nested file names the problem and changes nothing", async () => {
  const session = await openPage(app.browser);
  const { page } = session;
  await page.goto(`${app.server.url}/#/plans`);
  await waitForApp(page);
  await createPlan(page, "exported-plan");
  await page.locator("summary", { hasText: "Export" }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Lab JSON (.json)", exact: true }).click(),
  ]);
  const exported = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString());
  const document = JSON.parse(exported);
  assert.equal(document.schema, 2);
  assert.ok(Object.values(document.subscription.plans).some((plan) => plan.name === "exported-plan"));

  const elsewhere = await openPage(app.browser);
  const other = elsewhere.page;
  other.on("dialog", (dialog) => dialog.accept());
  await other.goto(`${app.server.url}/#/plans`);
  await waitForApp(other);

  const wrong = structuredClone(document);
  Object.values(wrong.subscription.plans)[0].tier = "Z9";
  await importFile(other, "wrong.json", JSON.stringify(wrong));
  const notice = other.locator(".notice", { hasText: "The file was not opened and nothing changed" });
  await notice.getByText(/the field "subscription\.plans\.\d+\.tier" is wrong/).waitFor();
  await importFile(other, "huge.json", `{"schema":1,"pad":"${"x".repeat(5 * 1024 * 1024)}"}`);
  await other.locator(".notice", { hasText: "more than the 4194304 a subscription can have" }).waitFor();
  await importFile(other, "deep.json", "[".repeat(100000) + "]".repeat(100000));
  await other.locator(".notice", { hasText: "is not valid JSON" }).waitFor();
  assert.equal(await other.getByRole("link", { name: "exported-plan" }).count(), 0, "nothing changed");
  await other.getByRole("link", { name: "contoso-standard" }).waitFor();
  await screenshot(other, "state-import-refused");

  await importFile(other, "good.json", exported);
  await other.getByRole("link", { name: "exported-plan" }).waitFor();
  await other.reload();
  await waitForApp(other);
  await other.getByRole("link", { name: "exported-plan" }).waitFor();
  await finish(elsewhere, "state-imported");
  await finish(session, "state-exported");
});

test("an exported file edited so an integration names a missing subnet is refused, naming the field, and nothing changes", async () => {
  const session = await openPage(app.browser);
  const { page } = session;
  page.on("dialog", (dialog) => dialog.accept());
  await page.goto(`${app.server.url}/#/plans`);
  await waitForApp(page);
  await page.locator("summary", { hasText: "Export" }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Lab JSON (.json)", exact: true }).click(),
  ]);
  const exported = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString());
  const edited = JSON.parse(exported);
  const [id, orders] = Object.entries(edited.subscription.web_apps).find(([, app]) => app.name === "contoso-orders");
  orders.regional.subnet = "gone";
  await createPlan(page, "kept-plan");
  await importFile(page, "edited.json", JSON.stringify(edited, null, 2));
  const notice = page.locator(".notice", { hasText: "The file was not opened and nothing changed" });
  await notice.getByText(`the field "subscription.web_apps.${id}.regional.subnet" is wrong: appVnet has no subnet gone`).waitFor();
  await page.getByRole("link", { name: "kept-plan" }).waitFor();
  await page.reload();
  await waitForApp(page);
  await page.getByRole("link", { name: "kept-plan" }).waitFor();
  await finish(session, "state-import-dangling-refused");
});

test("a share link opens the same subscription in another browser", async () => {
  const session = await openPage(app.browser);
  const { page, context } = session;
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`${app.server.url}/#/plans`);
  await waitForApp(page);
  await createPlan(page, "shared-plan");
  await page.getByRole("button", { name: "Share link" }).click();
  await page.locator(".notice", { hasText: "Share link copied" }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const shared = JSON.parse(await stored(page, STATE_KEY)).subscription;
  const [plans, apps] = [shared.plans, shared.web_apps].map((entities) => Object.keys(entities).length);
  assert.match(link, /#\/share\/[A-Za-z0-9_-]+$/);

  const elsewhere = await openPage(app.browser);
  const other = elsewhere.page;
  other.on("dialog", (dialog) => dialog.accept());
  await other.goto(link);
  await waitForApp(other);
  await other.getByText(`It holds ${plans} App Service plans, ${apps} web apps`).waitFor();
  assert.deepEqual(await accessibilityViolations(other), [], "axe on the shared subscription");
  await other.getByRole("button", { name: "Open the shared subscription" }).click();
  await other.locator("h1", { hasText: "Web apps" }).waitFor();
  await other.getByRole("link", { name: "App Service plans" }).click();
  await other.getByRole("link", { name: "shared-plan" }).waitFor();

  await other.goto(`${app.server.url}/#/share/not*base64`);
  await other.getByRole("alert").filter({ hasText: "This share link is damaged" }).waitFor();
  await finish(elsewhere, "state-share-link-damaged");
  await finish(session, "state-share-link");
});
