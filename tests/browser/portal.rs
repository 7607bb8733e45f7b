use leptos::prelude::*;
use vnet_lab::model::Subscription;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use gloo_timers::future::TimeoutFuture;

use super::support::{mount_app, settle, text_of};

fn open_web_app(name: &str) {
    let id = Subscription::sample()
        .web_app_named(name)
        .expect("in the sample")
        .id;
    let storage = window().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    window()
        .location()
        .set_hash(&format!("#/web-apps/{id}"))
        .unwrap();
}

/// Fills the web app's "Create new virtual network" form and submits it.
async fn create_vnet(app: &web_sys::HtmlElement, name: &str, space: &str) -> web_sys::NodeList {
    let inputs = app.query_selector_all(".panel input[type=text]").unwrap();
    let set = |index: u32, value: &str| {
        let input: web_sys::HtmlInputElement = inputs.get(index).unwrap().unchecked_into();
        input.set_value(value);
        input
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
    };
    set(0, name);
    set(1, space);
    let submit: web_sys::HtmlElement = app
        .query_selector(".panel button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    submit.click();
    settle().await;
    inputs
}

#[wasm_bindgen_test]
async fn progress_follows_the_simulated_clock_and_fast_forward_finishes_it() {
    open_web_app("contoso-api");
    let app = mount_app();
    settle().await;
    create_vnet(&app, "apiVnet", "10.20.0.0/16").await;
    let progress = || app.query_selector("progress").unwrap();
    let value = |bar: web_sys::Element| bar.get_attribute("value").unwrap_or_default();
    assert_eq!(value(progress().expect("a progress bar")), "0");
    assert!(text_of(&app, ".progress [role=status]").starts_with("30 min 0 s left"));
    // One real second is a simulated minute at the default 60× speed.
    TimeoutFuture::new(1_100).await;
    settle().await;
    assert_ne!(value(progress().expect("still provisioning")), "0");
    assert!(text_of(&app, ".progress [role=status]").starts_with("29 min"));
    let fast_forward: web_sys::HtmlElement = app
        .query_selector(".progress button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    fast_forward.click();
    settle().await;
    assert!(progress().is_none(), "the operation finished");
    assert!(text_of(&app, ".badge").contains("Connected"));
}

#[wasm_bindgen_test]
async fn picker_greys_out_an_ineligible_vnet_with_each_reason() {
    open_web_app("contoso-api");
    let app = mount_app();
    settle().await;
    let rows = app
        .query_selector_all(".picker-row.picker-disabled")
        .unwrap();
    assert_eq!(rows.length(), 1);
    let text = rows.get(0).unwrap().text_content().unwrap();
    assert!(text.contains("cantConnectVnet"), "{text}");
    assert!(text.contains("its gateway uses Static routing"), "{text}");
    assert!(text.contains("point-to-site is not enabled"), "{text}");
}

#[wasm_bindgen_test]
async fn create_vnet_form_shows_the_model_message_and_keeps_the_input() {
    open_web_app("contoso-api");
    let app = mount_app();
    settle().await;
    let inputs = create_vnet(&app, "apiVnet", "10.20.0.1/16").await;
    let error = app
        .query_selector(".form-error")
        .unwrap()
        .expect("an error is shown")
        .text_content()
        .unwrap();
    assert!(
        error.contains("“10.20.0.1/16” has host bits set; did you mean 10.20.0.0/16?"),
        "{error}"
    );
    assert!(
        error.ends_with("10.20.0.0/16?"),
        "one stop at the end: {error}"
    );
    let kept: web_sys::HtmlInputElement = inputs.get(1).unwrap().unchecked_into();
    assert_eq!(kept.value(), "10.20.0.1/16");
}
