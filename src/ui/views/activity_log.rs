//! The activity log: every successful command of the subscription, and this session's refusals.

use leptos::prelude::*;

use crate::ui::derived::Derived;
use crate::ui::lab::use_lab;
use crate::ui::widgets::listing::Listing;
use crate::ui::widgets::table::{Cell, Table};

fn entry(at: String, failed: bool, text: &str) -> Vec<Cell> {
    let (class, words) = if failed {
        ("badge badge-bad", "Failed")
    } else {
        ("badge badge-ok", "Succeeded")
    };
    vec![
        Cell::Text(at),
        Cell::Badge(class, words, String::new()),
        Cell::text(text),
    ]
}

#[component]
pub fn ActivityLog() -> impl IntoView {
    let lab = use_lab();
    // Newest first; the refusals of this session above what the subscription logged.
    let rows = Derived::new(move || {
        let refused = lab.refusals.with(|refusals| {
            refusals
                .iter()
                .rev()
                .map(|r| entry(r.at.to_string(), true, &r.text))
                .collect::<Vec<_>>()
        });
        let logged = lab.subscription.with(|s| {
            s.activity
                .iter()
                .rev()
                .map(|a| entry(a.at.to_string(), false, &a.text))
                .collect::<Vec<_>>()
        });
        [refused, logged].concat()
    });
    view! {
        <h1>"Activity log"</h1>
        <p class="view-purpose">"Every command run in this lab and its result, newest first. Refused commands changed nothing; they are listed for this session."</p>
        <Table head=&["Time (simulated)", "Result", "Operation"] rows=rows listing=Listing::new("entry", "entries", "operation") />
    }
}
