use leptos::prelude::{document, WithUntracked};
use wasm_bindgen::JsCast;

use crate::exchange::arm::limits::{over_limits, unwritten_rules};
use crate::exchange::arm::written_template;
use crate::exchange::az_cli::script;
use crate::ui::lab::Lab;
use crate::ui::shell::Tone;

/// Offers `bytes` as a file named `name`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(anchor) = document().create_element("a") {
        let anchor: web_sys::HtmlAnchorElement = anchor.unchecked_into();
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// What every export's file is named after: the lab's subscription.
const SUBSCRIPTION_FILE: &str = "vnet-integration-lab";

/// Offers the whole subscription as a JSON file, to keep or to import elsewhere.
pub fn export_subscription(lab: Lab) {
    download(
        &format!("{SUBSCRIPTION_FILE}.json"),
        "application/json",
        lab.export().as_bytes(),
    );
}

/// Offers the subscription as an ARM deployment template (R38), saying so when it is beyond
/// what ARM deploys.
pub fn export_template(lab: Lab) {
    let (text, resources) = lab.subscription.with_untracked(written_template);
    download(
        &format!("{SUBSCRIPTION_FILE}.template.json"),
        "application/json",
        text.as_bytes(),
    );
    let unwritten = lab.subscription.with_untracked(unwritten_rules);
    for warning in [over_limits(resources, text.len()), unwritten]
        .into_iter()
        .flatten()
    {
        lab.notifications.push(Tone::Warning, warning);
    }
}

/// Offers the subscription as an Azure CLI script (R38).
pub fn export_script(lab: Lab) {
    let text = lab.subscription.with_untracked(script);
    download(
        &format!("{SUBSCRIPTION_FILE}.sh"),
        "application/x-sh",
        text.as_bytes(),
    );
}
