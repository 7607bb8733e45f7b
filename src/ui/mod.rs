//! The browser app: renders the model and sends it commands. No rule is decided here.
//!
//! `lab` holds the running state and runs commands, `derived` the narrow memos views read; `route` maps URLs to views; `shell` is the
//! frame around every view; `views` has one view per route (a folder where a view has parts);
//! `widgets` the components views share; `browser` what the lab asks of the browser (storage,
//! files, the clipboard, dialogs).

mod app;
mod browser;
mod clock;
mod derived;
pub mod lab;
pub mod route;
mod shell;
mod views;
mod widgets;

pub use app::App;

/// Replaces the static loading shell of `index.html` with the running app.
pub fn mount() {
    console_error_panic_hook::set_once();
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(App);
}
