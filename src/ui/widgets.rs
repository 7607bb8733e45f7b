//! Small pieces shared by the views: status words with colour, form errors, file downloads.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::derived::status::{ConnectionStatus, Validity};
use crate::model::entities::host::{parse_port, PortRule, Protocol};
use crate::model::{Command, HostRef};
use crate::ui::lab::use_lab;

/// A connection status in words, coloured by its class.
#[component]
pub fn StatusBadge(status: ConnectionStatus) -> impl IntoView {
    let class = match status {
        ConnectionStatus::Connected => "badge badge-ok",
        ConnectionStatus::NotConnected => "badge badge-neutral",
        ConnectionStatus::SyncRequired { .. } | ConnectionStatus::GatewayNotReady { .. } => {
            "badge badge-warn"
        }
        ConnectionStatus::DisabledByTier { .. }
        | ConnectionStatus::RegionalDisabledByTier { .. }
        | ConnectionStatus::OutOfSync { .. } => "badge badge-bad",
    };
    view! { <span class=class title=status.to_string()>{status.label()}</span> }
}

/// A certificate's validity in words, coloured: fewer than 6 months left warns (R13).
#[component]
pub fn ValidityBadge(validity: Validity) -> impl IntoView {
    let class = match validity {
        Validity::Valid { .. } => "badge badge-ok",
        Validity::ExpiresSoon { .. } => "badge badge-warn",
        Validity::Expired { .. } => "badge badge-bad",
    };
    view! { <span class=class>{validity.label()}</span>" "<span class="muted">{validity.to_string()}</span> }
}

/// The error of the last submit of a form, announced when it appears.
#[component]
pub fn FormError(error: RwSignal<Option<String>>) -> impl IntoView {
    move || {
        error
            .get()
            .map(|text| view! { <p class="form-error" role="alert">{text}</p> })
    }
}

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
pub fn export_subscription(lab: crate::ui::lab::Lab) {
    download(
        "vnet-integration-lab.json",
        "application/json",
        lab.export().as_bytes(),
    );
}

/// Copies `text` to the clipboard (the browser may refuse; the text stays on screen).
pub fn copy_text(text: &str) {
    let _ = window().navigator().clipboard().write_text(text);
}

/// A one-field form: `submit` runs the command for the text and returns its error, if any; the
/// text stays in the field when it fails.
#[component]
pub fn OneFieldForm(
    label: &'static str,
    button: &'static str,
    #[prop(optional)] placeholder: &'static str,
    submit: impl Fn(String) -> Option<String> + Send + Sync + 'static,
) -> impl IntoView {
    let value = RwSignal::new(String::new());
    let error = RwSignal::new(None);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let failed = submit(value.get_untracked());
        if failed.is_none() {
            value.set(String::new());
        }
        error.set(failed);
    };
    view! {
        <form class="inline-form" on:submit=on_submit>
            <label>{label}" "<input type="text" bind:value=value placeholder=placeholder /></label>
            <button type="submit">{button}</button>
            <FormError error=error />
        </form>
    }
}

/// Opens a TCP port on a VM's or server's firewall (R20).
#[component]
pub fn OpenPortForm(host: HostRef) -> impl IntoView {
    let lab = use_lab();
    let submit = move |port: String| match parse_port(&port) {
        Ok(port) => lab.submit(Command::OpenPort {
            host,
            rule: PortRule {
                protocol: Protocol::Tcp,
                port,
            },
        }),
        Err(message) => Some(message),
    };
    view! { <OneFieldForm label="TCP port" button="Open" placeholder="1433" submit=submit /> }
}

/// Options of a select, as (value, label); every list of choices uses this one shape.
pub type Options = Memo<Vec<(String, String)>>;

/// The subscription's web apps as options, by id.
pub fn web_app_options() -> Options {
    use_lab().derive(|s| {
        s.web_apps
            .values()
            .map(|app| (app.id.to_string(), app.name.clone()))
            .collect()
    })
}

/// A labelled select bound to `value`; `all` adds a first option with an empty value.
#[component]
pub fn Choice(
    label: &'static str,
    value: RwSignal<String>,
    options: Options,
    #[prop(optional)] all: Option<&'static str>,
) -> impl IntoView {
    view! {
        <label>{label}" "
            <select on:change=move |ev| value.set(event_target_value(&ev))>
                {all.map(|text| view! { <option value="">{text}</option> })}
                {move || options.get().into_iter().map(|(option, text)| {
                    let selected = value.get_untracked() == option;
                    view! { <option value=option selected=selected>{text}</option> }
                }).collect_view().into_any()}
            </select>
        </label>
    }
}

/// Display-only markup built by [`crate::ui::html`], where every name was escaped. Used where a
/// view has no controls, because a string costs the bundle far less than a typed view.
#[component]
pub fn Markup(html: String) -> impl IntoView {
    view! { <div class="markup" inner_html=html></div> }
}
