// Lighthouse on the release build, as a static host serves it: dist/ compressed with brotli (or
// gzip, as the client asks), audited by Lighthouse's default configuration (mobile, simulated
// slow 4G, 4× CPU slowdown) in Debian's Chromium. Prints the four category scores and the
// metrics; keeps the reports under target/lighthouse/. Asserts nothing.
//
// Runs LIGHTHOUSE_RUNS times (3; Lighthouse's own advice against its variance) and reports the
// median run by performance score; each run's line is printed too, with the machine's benchmark
// index. Lighthouse's 4x CPU slowdown assumes a fast desktop (index 1500 or more); on a slower or
// busy machine LIGHTHOUSE_CPU_SLOWDOWN=1 (say) calibrates it, as Lighthouse's throttling guide says.
//
//   ./scripts/lighthouse [--no-build] [#/route]     (installs Lighthouse here when missing)
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const here = import.meta.dirname;
const root = resolve(here, "../..");
const dist = join(root, "dist");
const reports = join(root, "target/lighthouse");
const route = process.argv[2] ?? "";
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const slowdown = process.env.LIGHTHOUSE_CPU_SLOWDOWN;

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".svg": "image/svg+xml",
};
const compressible = new Set([".html", ".js", ".wasm", ".css", ".svg"]);

// Every file compressed ahead, at the highest level, as a host that precompresses serves it.
const files = new Map();
for (const name of readdirSync(dist)) {
  const body = readFileSync(join(dist, name));
  const compress = compressible.has(extname(name));
  files.set(`/${name}`, {
    type: types[extname(name)] ?? "application/octet-stream",
    identity: body,
    br: compress ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : undefined,
    gzip: compress ? gzipSync(body, { level: 9 }) : undefined,
  });
}

const server = createServer((request, response) => {
  let path = new URL(request.url, "http://x").pathname;
  if (path === "/") path = "/index.html";
  const file = files.get(path);
  if (!file) {
    response.writeHead(404, { "content-type": "text/plain" });
    response.end("not found");
    return;
  }
  const accepted = request.headers["accept-encoding"] ?? "";
  const encoding = ["br", "gzip"].find((name) => file[name] && new RegExp(`\\b${name}\\b`).test(accepted));
  const headers = { "content-type": file.type, vary: "accept-encoding" };
  if (encoding) headers["content-encoding"] = encoding;
  response.writeHead(200, headers);
  response.end(encoding ? file[encoding] : file.identity);
});
await new Promise((done) => server.listen(0, "127.0.0.1", done));
const url = `http://127.0.0.1:${server.address().port}/${route}`;

const flags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const metrics = [
  "largest-contentful-paint",
  "first-contentful-paint",
  "total-blocking-time",
  "cumulative-layout-shift",
  "speed-index",
];
mkdirSync(reports, { recursive: true });
const runs = [];
try {
  for (let run = 1; run <= RUNS; run++) {
    const output = join(reports, `run-${run}`);
    await promisify(execFile)(
      join(here, "node_modules/.bin/lighthouse"),
      [
        url,
        `--chrome-flags=${flags.join(" ")}`,
        ...(slowdown ? [`--throttling.cpuSlowdownMultiplier=${slowdown}`] : []),
        "--output=json",
        "--output=html",
        `--output-path=${output}`,
        "--quiet",
      ],
      { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" } },
    );
    const report = JSON.parse(readFileSync(`${output}.report.json`, "utf8"));
    if (report.runtimeError) throw new Error(`Lighthouse: ${report.runtimeError.message}`);
    const scores = Object.values(report.categories).map((category) => category.score.toFixed(2));
    const values = metrics.map((id) => report.audits[id].displayValue);
    console.log(
      `run ${run}: ${scores.join(" ")} · LCP ${values[0]}, FCP ${values[1]}, TBT ${values[2]}, CLS ${values[3]}, ` +
        `SI ${values[4]} · benchmark index ${Math.round(report.environment.benchmarkIndex)}`,
    );
    runs.push({ report, output });
  }
} finally {
  server.close();
}

runs.sort((a, b) => a.report.categories.performance.score - b.report.categories.performance.score);
const { report, output } = runs[Math.floor(runs.length / 2)];
const { formFactor, throttling } = report.configSettings;
console.log(
  `Lighthouse ${report.lighthouseVersion}, ${formFactor}, CPU slowdown ${throttling.cpuSlowdownMultiplier}x, ${url}: ` +
    `median of ${RUNS} runs`,
);
for (const category of Object.values(report.categories)) {
  console.log(`  ${category.title.padEnd(26)} ${category.score.toFixed(2)}`);
}
for (const id of metrics) {
  const audit = report.audits[id];
  console.log(`  ${audit.title.padEnd(26)} ${audit.displayValue.padStart(8)}  (score ${audit.score.toFixed(2)})`);
}
const below = new Set(
  Object.values(report.categories)
    .flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0))
    .map((ref) => report.audits[ref.id])
    .filter((audit) => audit.score !== null && audit.score < 1),
);
for (const audit of below) console.log(`  below 1: ${audit.id} (${audit.score}) ${audit.displayValue ?? ""}`);
console.log(`report of that run: ${output}.report.html`);
