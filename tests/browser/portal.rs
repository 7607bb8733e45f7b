use leptos::prelude::*;
use vnet_lab::model::derived::status::missing_conditions;
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
    assert!(text_of(&app, ".progress [role=status]").starts_with("30 min left"));
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
    // The first badge that is not the retirement notice's (R41): the connection's status.
    assert!(text_of(&app, ":not(.retirement) > .badge").contains("Connected"));
}

#[wasm_bindgen_test]
async fn picker_greys_out_an_ineligible_vnet_with_each_reason() {
    open_web_app("contoso-api");
    let app = mount_app();
    settle().await;
    let rows = app
        .query_selector_all("[aria-labelledby=vnet-tile-title] .picker-row.picker-disabled")
        .unwrap();
    // The sample's ineligible VNets, as the model finds them.
    let sample = Subscription::sample();
    let ineligible: Vec<&str> = sample
        .virtual_networks
        .values()
        .filter(|vnet| !missing_conditions(&sample, vnet).is_empty())
        .map(|vnet| vnet.name.as_str())
        .collect();
    assert_eq!(rows.length() as usize, ineligible.len(), "{ineligible:?}");
    let texts: Vec<String> = (0..rows.length())
        .map(|i| rows.get(i).unwrap().text_content().unwrap())
        .collect();
    let text = texts
        .iter()
        .find(|text| text.contains("cantConnectVnet"))
        .expect("cantConnectVnet is greyed out");
    assert!(text.contains("its gateway uses Static routing"), "{text}");
    assert!(text.contains("point-to-site is not enabled"), "{text}");
    assert!(
        texts.iter().all(|text| !text.contains("corpVnet")),
        "corpVnet can be picked"
    );
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

#[wasm_bindgen_test]
async fn time_controls_keep_the_typed_date_across_ticks_and_explain_a_bad_one() {
    open_web_app("contoso-api");
    let app = mount_app();
    settle().await;
    // A gateway provisioning keeps the clock ticking every real second.
    create_vnet(&app, "apiVnet", "10.20.0.0/16").await;
    let field = || -> web_sys::HtmlInputElement {
        app.query_selector(".time-controls input[type=text]")
            .unwrap()
            .expect("the date field")
            .unchecked_into()
    };
    let typed = field();
    typed.set_value("2015-02-30 10:00");
    typed
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    let now = text_of(&app, ".clock span");
    TimeoutFuture::new(1_100).await;
    settle().await;
    assert_ne!(text_of(&app, ".clock span"), now, "the clock ticked");
    assert!(
        field().is_same_node(Some(&typed)),
        "the tick rebuilt the field"
    );
    assert_eq!(field().value(), "2015-02-30 10:00");

    let go: web_sys::HtmlElement = app
        .query_selector(".time-controls button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    go.click();
    settle().await;
    let error = text_of(&app, ".time-controls .form-error");
    assert!(
        error.contains("there is no day 30 in February 2015, which has 28 days"),
        "{error}"
    );
    assert_eq!(field().value(), "2015-02-30 10:00", "the typed text stays");

    // Nothing left in flight: this app's tick would move the next test's clock too.
    let fast_forward: web_sys::HtmlElement = app
        .query_selector(".progress button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    fast_forward.click();
    settle().await;
    assert!(app.query_selector("progress").unwrap().is_none());
}
