// Trunk post_build hook: minifies wasm-bindgen's JavaScript glue (trunk leaves it as written),
// then updates the file's Subresource Integrity hash in index.html so the browser still loads it.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR ?? "dist";
const page = join(dir, "index.html");
let html = readFileSync(page, "utf8");
for (const name of readdirSync(dir).filter((file) => file.endsWith(".js"))) {
  const file = join(dir, name);
  const { code } = await minify(readFileSync(file, "utf8"), { module: true, compress: true, mangle: true });
  writeFileSync(file, code);
  const integrity = `sha384-${createHash("sha384").update(code, "utf8").digest("base64")}`;
  html = html.replace(new RegExp(`<link[^>]*${name.replaceAll(".", "\\.")}[^>]*>`, "g"), (tag) =>
    tag.replace(/integrity="?sha384-[A-Za-z0-9+/=]+"?/, `integrity="${integrity}"`),
  );
  console.log(`minify-js: ${name}, integrity updated`);
}
writeFileSync(page, html);
