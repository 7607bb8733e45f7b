//! Mounting the app in a fresh container and waiting for Leptos' effects.

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts the whole app into a new container of the test page.
pub fn mount_app() -> web_sys::HtmlElement {
    let container: web_sys::HtmlElement = document()
        .create_element("div")
        .expect("a div")
        .unchecked_into();
    document()
        .body()
        .expect("a body")
        .append_child(&container)
        .expect("appended");
    let handle = leptos::mount::mount_to(container.clone(), vnet_lab::ui::App);
    handle.forget();
    container
}

/// Effects run asynchronously; one turn of the event loop lets them settle.
pub async fn settle() {
    TimeoutFuture::new(0).await;
}

pub fn text_of(container: &web_sys::HtmlElement, selector: &str) -> String {
    container
        .query_selector(selector)
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
}
