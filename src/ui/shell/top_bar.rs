use leptos::prelude::*;

use crate::model::Subscription;
use crate::ui::clock::ClockControl;
use crate::ui::lab::use_lab;

fn confirmed(question: &str) -> bool {
    window().confirm_with_message(question).unwrap_or(false)
}

#[component]
pub fn TopBar() -> impl IntoView {
    let lab = use_lab();
    view! {
        <header class="top-bar">
            <a class="skip-link" href="#main">"Skip to content"</a>
            <a class="brand" href="#/">
                <span class="brand-mark" aria-hidden="true"></span>
                "VNet Integration Lab"
            </a>
            <ClockControl />
            <div class="top-bar-actions">
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
