use leptos::prelude::document;
use wasm_bindgen::JsCast;

use crate::ui::lab::Lab;

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

/// Offers the whole subscription as a JSON file, to keep or to import elsewhere.
pub fn export_subscription(lab: Lab) {
    download(
        "vnet-integration-lab.json",
        "application/json",
        lab.export().as_bytes(),
    );
}
