//! Says when what is on screen is not what is saved, and offers the kept data.

use leptos::prelude::*;

use crate::ui::browser::download::{download, export_subscription};
use crate::ui::browser::storage::{self, WriteFailure};
use crate::ui::lab::{use_lab, StorageProblem};

#[component]
pub fn StorageBanner() -> impl IntoView {
    let lab = use_lab();
    move || {
        lab.storage_problem.get().map(|problem| match problem {
            StorageProblem::Unreadable { reason, backup_key } => {
                let key = backup_key.clone();
                view! {
                    <div class="banner banner-bad" role="alert">
                        <p>{format!("Your saved lab could not be read: {reason}. It was kept, untouched, under the storage key “{backup_key}”, and the sample subscription is shown instead.")}</p>
                        <button type="button" on:click=move |_| {
                            if let Some(text) = storage::read(&key) {
                                download("vnet-lab-unreadable-state.json", "application/json", text.as_bytes());
                            }
                        }>"Download the kept data"</button>
                    </div>
                }
                .into_any()
            }
            StorageProblem::NotSaved(failure) => {
                let why = match failure {
                    WriteFailure::QuotaExceeded => "the browser's storage for this site is full",
                    WriteFailure::Unavailable => "this browser gives the page no storage (a private window, or storage blocked)",
                };
                view! {
                    <div class="banner banner-bad" role="alert">
                        <p>{format!("Changes are not being saved: {why}. They still apply here, until this page is closed: export the subscription to keep them.")}</p>
                        <button type="button" on:click=move |_| export_subscription(lab)>"Export the subscription"</button>
                    </div>
                }
                .into_any()
            }
        })
    }
}
