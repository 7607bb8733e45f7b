//! The activity log: every successful command of the subscription, and this session's refusals.

use leptos::prelude::*;

use crate::ui::lab::use_lab;

#[component]
pub fn ActivityLog() -> impl IntoView {
    let lab = use_lab();
    let refusals = move || {
        lab.refusals.with(|refusals| {
            refusals
                .iter()
                .rev()
                .map(|r| view! { <tr><td>{r.at.to_string()}</td><td><span class="badge badge-bad">"Failed"</span></td><td>{r.text.clone()}</td></tr> })
                .collect_view().into_any()
        })
    };
    let entries = move || {
        lab.subscription.with(|s| {
            s.activity
                .iter()
                .rev()
                .map(|a| view! { <tr><td>{a.at.to_string()}</td><td><span class="badge badge-ok">"Succeeded"</span></td><td>{a.text.clone()}</td></tr> })
                .collect_view().into_any()
        })
    };
    view! {
        <h1>"Activity log"</h1>
        <p class="view-purpose">"Every command run in this lab and its result, newest first. Refused commands changed nothing; they are listed for this session."</p>
        <table tabindex="0">
            <thead><tr><th>"Time (simulated)"</th><th>"Result"</th><th>"Operation"</th></tr></thead>
            <tbody>{refusals}{entries}</tbody>
        </table>
    }
}
