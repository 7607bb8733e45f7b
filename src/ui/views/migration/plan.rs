//! One web app's migration plan: every step with its command and reason (R35), each endpoint's
//! prediction (R36), Apply; and, once applied, the prediction beside what the app reaches now.

use leptos::prelude::*;

use crate::exchange::az_cli::script::plan_script;
use crate::model::derived::check;
use crate::model::derived::matrix::columns;
use crate::model::derived::migration::{plan, MigrationPlan, Prediction};
use crate::model::entities::ids::WebAppId;
use crate::model::Command;
use crate::ui::browser::clipboard::copy_text;
use crate::ui::lab::use_lab;
use crate::ui::route::Route;
use crate::ui::shell::Tone;

/// A web app moved from this view, with what its plan predicted.
#[derive(Clone, PartialEq)]
pub struct Moved {
    pub app: WebAppId,
    pub name: String,
    pub predictions: Vec<Prediction>,
}

fn yes_no(reached: bool) -> &'static str {
    if reached {
        "Reached"
    } else {
        "Not reached"
    }
}

#[component]
pub fn PlanCard(app: WebAppId, moved: RwSignal<Vec<Moved>>) -> impl IntoView {
    let lab = use_lab();
    let shown_plan = lab.derive(move |s| plan(s, app));
    let apply = move |p: &MigrationPlan| {
        let record = Moved {
            app,
            name: p.app_name.clone(),
            predictions: p.predictions.clone(),
        };
        if lab.run(Command::MigrateToRegional { app }).is_ok() {
            moved.update(|list| list.push(record));
        }
    };
    let body = move |p: MigrationPlan| {
        let title = format!(
            "{}: from {} to {}",
            p.app_name, p.source_vnet, p.target_vnet
        );
        let facts = view! {
            <dl class="facts">
                <dt>"Target virtual network"</dt>
                <dd>{if p.cross_region { format!("{} (new, peered to {})", p.target_vnet, p.source_vnet) } else { format!("{} (the same VNet)", p.target_vnet) }}</dd>
                <dt>"Integration subnet"</dt>
                <dd>{p.subnet.clone().map_or_else(|| "None fits".to_string(), |(name, prefix)| format!("{name} {prefix}, delegated to Microsoft.Web/serverFarms"))}</dd>
                <dt>"Route All"</dt>
                <dd>{if p.route_all { "On" } else { "Off" }}</dd>
                <dt>"DNS servers carried over"</dt>
                <dd>{if p.dns_servers.is_empty() { "None (Azure DNS)".to_string() } else { p.dns_servers.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ") }}</dd>
            </dl>
        };
        let steps = p
            .steps
            .iter()
            .map(|step| view! { <li><strong>{step.what.clone()}</strong><br /><span class="muted">{step.why.clone()}</span></li> })
            .collect_view();
        let predictions = p
            .predictions
            .iter()
            .map(|prediction| {
                let verdict = match (prediction.before, prediction.after) {
                    (true, true) => "Still reached",
                    (true, false) => "Breaks",
                    (false, true) => "Newly reached",
                    (false, false) => "Not reached",
                };
                view! {
                    <tr>
                        <td>{prediction.endpoint.clone()}</td>
                        <td>{yes_no(prediction.before)}</td>
                        <td><span class=if prediction.after { "badge badge-ok" } else { "badge badge-bad" }>{verdict}</span></td>
                        <td>{prediction.reason.clone().unwrap_or_default()}</td>
                    </tr>
                }
            })
            .collect_view();
        let blocked = p.blocked.clone();
        let applicable = blocked.is_none();
        let plan_to_apply = p.clone();
        let plan_to_copy = p.clone();
        let label = title.clone();
        view! {
            <section class="panel" aria-label=label>
                <h2>{title}</h2>
                <p><a href=Route::WebApp(app).href()>"Open the web app"</a></p>
                {facts}
                {blocked.map(|reason| view! { <p class="banner banner-warn" role="status">{format!("Cannot move yet: {reason}")}</p> })}
                <h3>"Steps"</h3>
                <ol>{steps}</ol>
                <h3>"Prediction"</h3>
                <table tabindex="0">
                    <thead><tr><th>"Endpoint"</th><th>"Today"</th><th>"After the move"</th><th>"Why"</th></tr></thead>
                    <tbody>{predictions}</tbody>
                </table>
                <div class="actions">
                    <button type="button" disabled=!applicable on:click=move |_| apply(&plan_to_apply)>
                        {format!("Apply the plan for {}", p.app_name)}
                    </button>
                    <button type="button" class="secondary" disabled=!applicable on:click=move |_| {
                        copy_text(&lab.subscription.with_untracked(|s| plan_script(s, &plan_to_copy)));
                        lab.notifications.push(Tone::Success, format!("Copied the az script of {}'s move", plan_to_copy.app_name));
                    }>"Copy as az script"</button>
                </div>
            </section>
        }
    };
    move || shown_plan.get().map(&body)
}

/// An app moved here: its prediction beside what it reaches now.
#[component]
pub fn MovedCard(moved: Moved) -> impl IntoView {
    let lab = use_lab();
    let app = moved.app;
    let now = lab.derive(move |s| {
        columns(s)
            .iter()
            .map(|column| (column.label(), check::reachable(s, app, column.target())))
            .collect::<Vec<_>>()
    });
    let predictions = moved.predictions.clone();
    let rows = move || {
        now.with(|now| {
            predictions
                .iter()
                .map(|prediction| {
                    let reached = now
                        .iter()
                        .find(|(key, _)| *key == prediction.endpoint)
                        .is_some_and(|(_, reached)| *reached);
                    let agrees = reached == prediction.after;
                    view! {
                        <tr>
                            <td>{prediction.endpoint.clone()}</td>
                            <td>{yes_no(prediction.after)}</td>
                            <td>{yes_no(reached)}</td>
                            <td><span class=if agrees { "badge badge-ok" } else { "badge badge-bad" }>{if agrees { "As predicted" } else { "Differs: something changed since" }}</span></td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let title = format!("{}: moved to regional integration", moved.name);
    let label = title.clone();
    view! {
        <section class="panel" aria-label=label>
            <h2>{title}</h2>
            <p class="banner banner-ok" role="status">"Done: this web app uses regional VNet Integration now."</p>
            <table tabindex="0">
                <thead><tr><th>"Endpoint"</th><th>"Predicted"</th><th>"Now"</th><th>"Agreement"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
