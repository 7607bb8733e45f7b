use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::exchange::arm::import::document::looks_like_azure;
use crate::exchange::arm::import::{prepare, Options};
use crate::model::Subscription;
use crate::ui::browser::clipboard::copy_text;
use crate::ui::browser::confirm::confirmed;
use crate::ui::browser::download::{export_script, export_subscription, export_template};
use crate::ui::clock::ClockControl;
use crate::ui::lab::{use_lab, Lab};
use crate::ui::shell::{browser_now, ImportReport, PendingImport, Tone};

/// Reads the chosen file: the lab's own document replaces the subscription once the user
/// agrees; an ARM template or an `az` resource list opens its import report (R39).
fn import(lab: Lab, pending: RwSignal<Option<PendingImport>>, event: leptos::ev::Event) {
    let Some(input) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    input.set_value("");
    leptos::task::spawn_local(async move {
        let text = JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|t| t.as_string());
        let Some(text) = text else {
            lab.notifications.push(
                Tone::Failure,
                "The file could not be read as text; nothing changed.",
            );
            return;
        };
        if looks_like_azure(&text) {
            let options = Options::at(browser_now());
            let first = lab
                .subscription
                .with_untracked(|current| prepare(&text, current, &options));
            match first {
                Err(message) => lab.notifications.push(Tone::Failure, message),
                Ok(prepared) => pending.set(Some(PendingImport {
                    file: file.name(),
                    text: text.into(),
                    asked: prepared.report.parameters,
                })),
            }
            return;
        }
        let read = Lab::read_document(&text, "file");
        match read {
            Err(message) => lab.notifications.push(Tone::Failure, message),
            Ok(subscription) => {
                if confirmed(&format!(
                    "Replace everything in this lab with the subscription in {}?",
                    file.name()
                )) {
                    lab.replace(subscription);
                    lab.notifications
                        .push(Tone::Success, format!("Imported {}", file.name()));
                }
            }
        }
    });
}

/// Copies the share link, or says why the subscription is too large for one.
fn share(lab: Lab) {
    match lab.share_link() {
        Err(message) => lab.notifications.push(Tone::Failure, message),
        Ok(link) => {
            copy_text(&link);
            lab.notifications.push(
                Tone::Success,
                "Share link copied: open it in another browser to see this subscription there.",
            );
        }
    }
}

/// Moves the focus to the view. The hash names routes here, so following `#main` would open the
/// "not found" view: the link only keeps its href for what a link is.
fn skip_to_content(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

#[component]
pub fn TopBar() -> impl IntoView {
    let lab = use_lab();
    let pending = RwSignal::new(None::<PendingImport>);
    view! {
        <ImportReport pending=pending />
        <header class="top-bar">
            <a class="skip-link" href="#main" on:click=skip_to_content>"Skip to content"</a>
            <a class="brand" href="#/">
                <span class="brand-mark" aria-hidden="true"></span>
                "VNet Integration Lab"
            </a>
            <ClockControl />
            <div class="top-bar-actions">
                <details class="export-menu">
                    <summary class="button on-accent">"Export"</summary>
                    <div class="export-formats" role="group" aria-label="Export formats">
                        <button type="button" on:click=move |_| export_subscription(lab)>"Lab JSON (.json)"</button>
                        <button type="button" on:click=move |_| export_template(lab)>"ARM template (.json)"</button>
                        <button type="button" on:click=move |_| export_script(lab)>"Azure CLI script (.sh)"</button>
                    </div>
                </details>
                <button type="button" class="on-accent" on:click=move |_| share(lab)>"Share link"</button>
                <label class="button on-accent">
                    "Import"
                    <input type="file" class="visually-hidden" accept=".json,application/json" on:change=move |event| import(lab, pending, event) />
                </label>
                <button type="button" class="on-accent" on:click=move |_| {
                    if confirmed("Replace everything in this lab with the sample subscription?") {
                        lab.replace(Subscription::sample());
                    }
                }>"Reset to sample"</button>
                <button type="button" class="on-accent" on:click=move |_| {
                    if confirmed("Remove everything from this lab and start empty?") {
                        lab.replace(Subscription::empty());
                    }
                }>"Start empty"</button>
            </div>
        </header>
    }
}
