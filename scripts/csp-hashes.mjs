// Trunk post_build hook: puts the SHA-256 of every inline <script> of the built index.html into
// its Content-Security-Policy, in place of INLINE_SCRIPT_HASHES. Trunk's loader is inline, and a
// hash allows exactly it without 'unsafe-inline'.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const file = join(process.env.TRUNK_STAGING_DIR ?? "dist", "index.html");
const html = readFileSync(file, "utf8");
const inline = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
const hashes = [...html.matchAll(inline)].map(
  ([, body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`,
);
if (html.split("INLINE_SCRIPT_HASHES").length !== 2) {
  console.error(`csp-hashes: ${file} must have exactly one INLINE_SCRIPT_HASHES placeholder, in its CSP`);
  process.exit(1);
}
writeFileSync(file, html.replace("INLINE_SCRIPT_HASHES", hashes.join(" ")));
console.log(`csp-hashes: ${hashes.length} inline script(s) allowed by hash`);
