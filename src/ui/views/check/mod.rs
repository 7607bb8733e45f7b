//! The connection check (SPEC §4): one target, or every web app against every known endpoint
//! in the reachability matrix (R24).

mod form;
pub mod matrix;
mod path_picture;
mod result;

use leptos::prelude::*;

use crate::ui::route::{CheckQuery, Route, Section};

/// Links between the two parts of the Connection check section.
#[component]
pub fn CheckTabs(matrix: bool) -> impl IntoView {
    let current = |on: bool| on.then_some("page");
    view! {
        <nav class="tabs" aria-label="Connection check sections">
            <ul>
                <li><a href=Route::Section(Section::ConnectionCheck).href() aria-current=current(!matrix)>"Check one target"</a></li>
                <li><a href=Route::Matrix.href() aria-current=current(matrix)>"Reachability matrix"</a></li>
            </ul>
        </nav>
    }
}

#[component]
pub fn ConnectionCheck(query: Option<CheckQuery>) -> impl IntoView {
    view! {
        <h1>"Connection check"</h1>
        <p class="view-purpose">"Can a web app reach a host and port? Every step of the answer, and what fixes a failure."</p>
        <CheckTabs matrix=false />
        <form::CheckForm query=query.clone() />
        {query.map(|query| view! { <result::CheckResult query=query /> })}
    }
}
