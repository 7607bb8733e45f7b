//! The activity log: every successful command of the subscription, and this session's refusals.

use leptos::prelude::*;

use crate::model::entities::subscription::CliEquivalent;
use crate::ui::derived::Derived;
use crate::ui::lab::use_lab;
use crate::ui::widgets::listing::Listing;
use crate::ui::widgets::table::{Cell, Table};

/// R42: the az command(s) of the change, copyable, or why Azure has none.
fn az_cell(az: Option<&CliEquivalent>) -> Cell {
    match az {
        Some(CliEquivalent::Commands(lines)) => Cell::Copyable(lines.clone()),
        Some(CliEquivalent::None(reason)) => Cell::text(reason),
        None => Cell::text(""),
    }
}

fn entry(at: String, failed: bool, text: &str, az: Option<&CliEquivalent>) -> Vec<Cell> {
    let (class, words) = if failed {
        ("badge badge-bad", "Failed")
    } else {
        ("badge badge-ok", "Succeeded")
    };
    vec![
        Cell::Text(at),
        Cell::Badge(class, words, String::new()),
        Cell::text(text),
        az_cell(az),
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
                .map(|r| entry(r.at.to_string(), true, &r.text, None))
                .collect::<Vec<_>>()
        });
        let logged = lab.subscription.with(|s| {
            s.activity
                .iter()
                .rev()
                .map(|a| entry(a.at.to_string(), false, &a.text, a.az.as_ref()))
                .collect::<Vec<_>>()
        });
        [refused, logged].concat()
    });
    view! {
        <h1>"Activity log"</h1>
        <p class="view-purpose">"Every command run in this lab and its result, newest first. Refused commands changed nothing; they are listed for this session. Beside each change, the az command that makes it in Azure (set RESOURCE_GROUP and SUBSCRIPTION_ID first)."</p>
        <Table head=&["Time (simulated)", "Result", "Operation", "Azure CLI"] rows=rows listing=Listing::new("entry", "entries", "operation") />
    }
}
