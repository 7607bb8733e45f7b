use leptos::prelude::*;
use strum::IntoEnumIterator;

use crate::ui::route::{Route, Section};

/// The left navigation: one entry per section, the current one marked for assistive technology.
#[component]
pub fn Navigation(route: RwSignal<Route>) -> impl IntoView {
    let entries = Section::iter()
        .map(|section| {
            let current = move || (route.read().section() == Some(section)).then_some("page");
            view! {
                <li>
                    <a href=section.href() aria-current=current>
                        {section.title()}
                    </a>
                </li>
            }
        })
        .collect_view()
        .into_any();
    view! {
        <nav class="side-nav" aria-label="Services">
            <ul>{entries}</ul>
        </nav>
    }
}
