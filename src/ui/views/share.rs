//! A share link opened: what it holds, and opening it here once the user agrees.

use leptos::prelude::*;

use crate::store;
use crate::ui::browser::confirm::confirmed;
use crate::ui::browser::download::export_subscription;
use crate::ui::lab::{use_lab, Lab};
use crate::ui::route::{Route, Section};

#[component]
pub fn SharedSubscription(data: String) -> impl IntoView {
    let lab = use_lab();
    let read = store::from_fragment(&data)
        .map_err(|error| error.to_string())
        .and_then(|document| Lab::read_document(&document, "share link"));
    let body = match read {
        Err(message) => {
            view! { <p class="banner banner-bad" role="alert">{message}</p> }.into_any()
        }
        Ok(shared) => {
            let summary = format!(
                "It holds {} App Service plans, {} web apps, {} virtual networks and {} local networks.",
                shared.plans.len(),
                shared.web_apps.len(),
                shared.virtual_networks.len(),
                shared.local_networks.len()
            );
            let open = move |_| {
                if confirmed("Replace everything in this lab with the shared subscription?") {
                    lab.replace(shared.clone());
                    let _ = window()
                        .location()
                        .set_hash(&Route::Section(Section::WebApps).href());
                }
            };
            view! {
                <p>{summary}</p>
                <p>"Opening it replaces what is in this lab now. Export yours first to keep it."</p>
                <div class="actions">
                    <button type="button" on:click=open>"Open the shared subscription"</button>
                    <button type="button" class="secondary" on:click=move |_| export_subscription(lab)>"Export mine first"</button>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <h1>"Shared subscription"</h1>
        {body}
    }
}
