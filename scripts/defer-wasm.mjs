// Trunk post_build hook: the wasm is fetched once index.html's prerendered frame has been painted,
// instead of preloaded beside the stylesheet. On a slow network the 280 KB download no longer
// shares the first round trips with the render-blocking stylesheet, and the first paint (the
// default view's heading, the largest paint) does not wait for it; the app starts one frame
// later. Trunk's preload link goes; its integrity hash moves to the loader's fetch, so the wasm
// is still checked. A hidden page paints nothing, so there the fetch starts at once.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const file = join(process.env.TRUNK_STAGING_DIR ?? "dist", "index.html");
let html = readFileSync(file, "utf8");
const fail = (what) => {
  console.error(`defer-wasm: ${file} has no ${what}; has trunk's loader changed?`);
  process.exit(1);
};

const preload = html.match(/<link\b[^>]*\.wasm\b[^>]*>/)?.[0] ?? fail("preload link of the wasm");
const attribute = (name) => preload.match(new RegExp(`\\b${name}="?([^" >]+)"?`))?.[1];
const integrity = attribute("integrity");
html = html.replace(preload, "");

const init = /init\(\{ module_or_path: '([^']+\.wasm)' \}\)/;
const url = html.match(init)?.[1] ?? fail("init({ module_or_path: '….wasm' }) in the loader");
const options = integrity ? `, { integrity: '${integrity}' }` : "";
const painted = "new Promise((painted) => document.hidden ? painted() : requestAnimationFrame(() => setTimeout(painted)))";
html = html.replace(init, `init({ module_or_path: ${painted}.then(() => fetch('${url}'${options})) })`);
writeFileSync(file, html);
console.log(`defer-wasm: ${url} is fetched after the first paint${integrity ? ", integrity kept" : ""}`);
