// Trunk's post_build hook. Trunk runs the hooks of one stage at the same time, and these steps
// rewrite index.html, so this one hook runs them in order: minify the JS (and its integrity
// hash), fetch the wasm after the first paint, then hash the inline scripts into the CSP.
await import("./minify-js.mjs");
await import("./defer-wasm.mjs");
await import("./csp-hashes.mjs");
