// Shared by the Playwright flows: a static server for dist/, the browser, and a page that
// records every console error, uncaught exception and failed request.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, before } from "node:test";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, extname, join, normalize, resolve } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium } from "playwright-core";

export const root = resolve(import.meta.dirname, "../..");
const dist = join(root, "dist");
export const screenshots = join(root, "target/screenshots");

/** Where the app is also served, to prove it works under a sub-path. */
export const SUB_PATH = "/nested/lab/";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
};

/** Serves dist/ on loopback, at the root and under SUB_PATH, like any static file server. */
export async function serveDist() {
  const server = createServer(async (request, response) => {
    let path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    if (path.startsWith(SUB_PATH)) path = "/" + path.slice(SUB_PATH.length);
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(dist, path));
    try {
      if (!file.startsWith(dist)) throw new Error("outside dist");
      const body = await readFile(file);
      response.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
      response.end(body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found");
    }
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, close: () => new Promise((done) => server.close(done)) };
}

/** Debian's Chromium, quiet on this machine's closed network. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * A fresh page whose `problems` lists every console error, page error, failed request and
 * HTTP error it meets; a flow asserts it is empty at the end.
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText;
    // A reload or navigation cancels what the old page still had in flight (the favicon, say):
    // the browser gave up on it, the server did not fail it.
    if (reason === "net::ERR_ABORTED") return;
    problems.push(`request failed: ${request.url()} (${reason})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { page, problems, context };
}

/** Waits until the wasm app has replaced the static shell (which has a navigation too). */
export async function waitForApp(page) {
  await page.locator("#boot").waitFor({ state: "detached" });
  await page.locator(".side-nav a").first().waitFor();
}

export async function screenshot(page, name) {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

/** axe-core's violations on the page as it is now, one line each, for an assertion message. */
export async function accessibilityViolations(page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target).join(", ")})`,
  );
}

/**
 * The large generated subscription (1,000 web apps, 5,000 VMs…) as a stored document, made once
 * by `cargo run --example large_subscription` and kept under target/.
 */
export function largeSubscription({ release = false } = {}) {
  const file = join(root, "target", release ? "bench" : "fixtures", "large-subscription.json");
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const profile = release ? ["--release"] : [];
    const json = execFileSync("cargo", ["run", ...profile, "--quiet", "--example", "large_subscription"], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    writeFileSync(file, json);
  }
  return readFileSync(file, "utf8");
}

/** Ends a flow: axe on the page as it is, a screenshot, no problem met, the context closed. */
export async function finish({ page, problems, context }, name) {
  assert.deepEqual(await accessibilityViolations(page), [], `axe on ${name}`);
  await screenshot(page, name);
  assert.deepEqual(problems, []);
  await context.close();
}

/**
 * Registers the file's before/after hooks: one static server and one browser for its flows.
 * Returns an object whose `server` and `browser` are set once `before` has run.
 */
export function useServedApp() {
  const app = { server: undefined, browser: undefined };
  before(async () => {
    app.server = await serveDist();
    app.browser = await launchBrowser();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
