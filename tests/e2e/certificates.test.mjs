// Certificate expiry rehearsed from the UI alone (R13, SPEC §5): the time controls move the
// simulated clock, the warning shows with fewer than 6 months left, expiry breaks the connection
// until Sync renews the certificate, and the downloaded .cer is the DER the lab holds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash, X509Certificate } from "node:crypto";
import { finish, openPage, screenshot, useServedApp, waitForApp } from "./support.mjs";

const app = useServedApp();
const STATE_KEY = "vnet-integration-lab/state";

/** A fresh page on the sample subscription, at contoso-web's connection view. */
async function openContosoWeb() {
  const session = await openPage(app.browser);
  const { page } = session;
  await page.goto(`${app.server.url}/`);
  await waitForApp(page);
  await page.getByRole("link", { name: "contoso-web", exact: true }).click();
  await page.locator("h1", { hasText: "contoso-web" }).waitFor();
  return session;
}

const thumbprintShown = async (page) => (await page.locator("code.thumbprint").textContent()).trim();

/** Opens the top bar's time controls if they are closed. */
async function openTimeControls(page) {
  const details = page.locator("details.time-controls");
  if (!(await details.evaluate((element) => element.open))) {
    await details.locator("summary").click();
  }
  return details;
}

async function moveClockTo(page, text) {
  const controls = await openTimeControls(page);
  await controls.getByLabel("To (UTC)").fill(text);
  await controls.getByRole("button", { name: "Go", exact: true }).click();
}

test("R13: 5 months before expiry warns; past it the check fails at the certificate until Sync renews it", async () => {
  const session = await openContosoWeb();
  const { page } = session;
  const before = await thumbprintShown(page);
  await page.locator(".badge-ok", { hasText: "Valid" }).waitFor();

  // A date that cannot be read: the message says what is wrong and how to write it; the text stays.
  await moveClockTo(page, "2023-02-30 09:00");
  const controls = page.locator("details.time-controls");
  await controls.getByRole("alert").getByText("there is no day 30 in February 2023").waitFor();
  await controls.getByRole("alert").getByText("Write it as YYYY-MM-DD HH:MM in UTC").waitFor();
  assert.equal(await controls.getByLabel("To (UTC)").inputValue(), "2023-02-30 09:00");

  // The certificate ends 2023-03-24 09:30: five months before it, the warning, in words and colour.
  await moveClockTo(page, "2022-10-24 09:30");
  await page.locator(".clock", { hasText: "2022-10-24 09:30 UTC" }).waitFor();
  await page.locator(".banner-warn", { hasText: "The certificate expires in 151 days, at 2023-03-24 09:30 UTC" }).waitFor();
  await page.locator(".badge-warn", { hasText: "Expires soon" }).waitFor();
  await page.locator(".badge-ok", { hasText: "Connected" }).waitFor();
  await screenshot(page, "r13-expires-soon");
  await page.getByRole("link", { name: "corpVnet" }).click();
  await page.getByRole("link", { name: "Certificates" }).click();
  const row = page.locator("tr", { hasText: before });
  await row.locator(".badge-warn", { hasText: "Expires soon" }).waitFor();
  await row.getByText("Expires in 151 days").waitFor();

  // One year on it has expired: out of sync, and the check stops at the certificate.
  await (await openTimeControls(page)).getByRole("button", { name: "+1 year" }).click();
  await row.locator(".badge-bad", { hasText: "Expired" }).waitFor();
  await page.goto(`${app.server.url}/#/connection-check`);
  await waitForApp(page);
  const runCheck = async () => {
    await page.getByRole("combobox", { name: "Web app" }).selectOption({ label: "contoso-web" });
    await page.getByRole("textbox", { name: "Host name or IP" }).fill("10.1.1.5");
    await page.getByRole("textbox", { name: "Port" }).fill("1433");
    await page.getByRole("button", { name: "Run check" }).click();
  };
  await runCheck();
  const verdict = page.getByRole("status", { name: "Verdict" });
  await verdict.getByText("Not reachable").waitFor();
  const failed = page.locator(".step-fail");
  await failed.getByText("Certificate", { exact: true }).waitFor();
  await failed.getByText("the web app's certificate has expired").waitFor();
  await screenshot(page, "r13-check-fails-at-certificate");

  // Sync renews it: a new thumbprint, and the check passes.
  await page.goto(`${app.server.url}/`);
  await waitForApp(page);
  await page.getByRole("link", { name: "contoso-web", exact: true }).click();
  await page.locator(".badge-bad", { hasText: "Out of sync" }).waitFor();
  await page.getByRole("button", { name: "Sync connection" }).click();
  await page.locator(".badge-ok", { hasText: "Connected" }).waitFor();
  await page.locator(".badge-ok", { hasText: "Valid" }).waitFor();
  const after = await thumbprintShown(page);
  assert.match(after, /^[0-9A-F]{40}$/);
  assert.notEqual(after, before);
  await page.getByText("Valid until 2031-10-24 09:30 UTC").waitFor();
  await page.goto(`${app.server.url}/#/connection-check`);
  await waitForApp(page);
  await runCheck();
  await verdict.getByText("Reachable", { exact: true }).waitFor();

  // Each move of the clock is in the activity log.
  await page.getByRole("link", { name: "Activity log" }).click();
  await page.getByText("Moved the clock to 2022-10-24 09:30 UTC").waitFor();
  await page.getByText("Moved the clock on by 1 year, to 2023-10-24 09:30 UTC").waitFor();
  await finish(session, "r13-renewed");
});

test("R13: 'it expires next month' in two clicks; the downloaded .cer is the DER the lab holds", async () => {
  const session = await openContosoWeb();
  const { page } = session;
  const thumbprint = await thumbprintShown(page);
  await page.locator("details.time-controls summary").click();
  await page.getByRole("button", { name: "30 days before corpVnet-WebApps expires" }).click();
  await page.locator(".banner-warn", { hasText: "The certificate expires in 30 days" }).waitFor();
  await page.locator(".clock", { hasText: "2023-02-22 09:30 UTC" }).waitFor();
  await page.getByRole("button", { name: "30 days before corpVnet-WebApps expires" }).waitFor({ state: "detached" });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download .cer" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `${thumbprint}.cer`);
  const cer = Buffer.concat(await (await download.createReadStream()).toArray());
  assert.equal(createHash("sha1").update(cer).digest("hex").toUpperCase(), thumbprint);

  const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), STATE_KEY));
  const held = stored.subscription.certificates.find((issued) => issued.certificate.thumbprint === thumbprint);
  assert.ok(held, "the lab holds the certificate it shows");
  assert.ok(cer.equals(Buffer.from(held.certificate.der, "base64")), "the .cer is the DER the lab holds");

  // Node's OpenSSL reads it as a self-signed CA whose signature verifies with its own key.
  const x509 = new X509Certificate(cer);
  assert.equal(x509.fingerprint.replaceAll(":", ""), thumbprint);
  assert.equal(x509.subject, "CN=corpVnet-WebApps");
  assert.equal(x509.issuer, x509.subject);
  assert.equal(x509.ca, true);
  assert.equal(x509.verify(x509.publicKey), true);
  await finish(session, "r13-expires-next-month");
});
