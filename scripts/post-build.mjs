// Trunk's post_build hook. Trunk runs the hooks of one stage at the same time, and both steps
// rewrite index.html, so this one hook runs them in order: minify the JS (and its integrity
// hash), then hash the inline loader into the CSP.
await import("./minify-js.mjs");
await import("./csp-hashes.mjs");
