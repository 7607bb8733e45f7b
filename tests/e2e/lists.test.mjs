// Long lists with the large generated subscription stored (1,000 web apps, 5,000 VMs…): each
// draws one page of 50 rows, has a filter box by name and counts all of its rows (issue 11).
import { test } from "node:test";
import assert from "node:assert/strict";
import { finish, largeSubscription, openPage, useServedApp } from "./support.mjs";

const app = useServedApp();

async function openLarge(hash) {
  const document = largeSubscription();
  const session = await openPage(app.browser, { viewport: { width: 1280, height: 800 } });
  await session.page.addInitScript((value) => localStorage.setItem("vnet-integration-lab/state", value), document);
  await session.page.goto(`${app.server.url}/${hash}`);
  return session;
}

const elements = (page) => page.evaluate(() => document.getElementsByTagName("*").length);
const firstName = (page) => page.locator("main table tbody tr td").first().textContent();

test("the web apps list draws a page of the 1,000, filters by name and pages", async () => {
  const session = await openLarge("#/web-apps");
  const { page } = session;
  await page.getByText("1,000 web apps, 50 shown").waitFor();
  assert.equal(await page.locator("main table tbody tr").count(), 50);
  assert.ok((await elements(page)) < 4000, "at most 4,000 elements");

  const filter = page.getByRole("searchbox", { name: "Filter web apps" });
  await filter.fill("app99");
  await page.getByText("1,000 web apps, 11 match the filter, 11 shown").waitFor();
  const names = await page.locator("main table tbody tr td:first-child").allTextContents();
  assert.ok(names.every((name) => name.includes("app99")), names.join(", "));

  await filter.fill("no such app");
  await page.getByText("No web apps match “no such app”: change or clear the filter.").waitFor();

  await filter.fill("");
  await page.getByText("1,000 web apps, 50 shown").waitFor();
  const first = await firstName(page);
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.getByText("Page 2 of 20").waitFor();
  assert.notEqual(await firstName(page), first, "the second page shows other web apps");
  await page.getByRole("button", { name: "Previous", exact: true }).click();
  await page.getByText("Page 1 of 20").waitFor();
  assert.equal(await firstName(page), first);
  await finish(session, "large-web-apps");
});

test("Compare draws one page of the endpoints and finds one by name", async () => {
  const session = await openLarge("#/compare");
  const { page } = session;
  await page.locator("table.comparison tbody tr").first().waitFor();
  await page.getByText(/^[\d,]+ endpoints, 20 shown$/).waitFor();
  assert.equal(await page.locator("table.comparison tbody tr").count(), 20);
  assert.ok((await elements(page)) < 4000, "at most 4,000 elements");
  await page.getByRole("searchbox", { name: "Filter endpoints" }).fill("vnet0-vm0 (");
  await page.getByText(/^[\d,]+ endpoints, 1 matches the filter, 1 shown$/).waitFor();
  const rows = await page.locator("table.comparison tbody tr td:first-child").allTextContents();
  assert.equal(rows.length, 1);
  assert.match(rows[0], /^vnet0-vm0 \(/);
  await finish(session, "large-compare");
});
