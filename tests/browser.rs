//! Component tests in headless Chromium (wasm-bindgen-test), for what only a browser shows.
//! Run alone: `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[path = "browser/portal.rs"]
mod portal;
#[path = "browser/routing.rs"]
mod routing;
#[path = "browser/shell.rs"]
mod shell;
#[path = "browser/support.rs"]
mod support;
