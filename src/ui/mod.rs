//! The browser app: renders the model and sends it commands. No rule is decided here.

mod app;
mod clock;
pub mod html;
pub mod lab;
pub mod route;
mod shell;
mod storage;
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
