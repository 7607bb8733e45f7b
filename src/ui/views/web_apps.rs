//! The web apps list: name, plan, tier, VNet and connection status; create and delete.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::model::derived::status::connection_status;
use crate::model::entities::ids::PlanId;
use crate::model::Command;
use crate::ui::lab::use_lab;
use crate::ui::route::Route;
use crate::ui::widgets::{FormError, StatusBadge};

#[component]
pub fn WebApps() -> impl IntoView {
    let lab = use_lab();
    let rows = move || {
        lab.subscription.with(|s| {
            s.web_apps
                .values()
                .map(|app| {
                    let plan = s.plan_of(app);
                    let vnet = app
                        .connection
                        .as_ref()
                        .and_then(|c| s.virtual_networks.get(&c.vnet))
                        .map(|v| v.name.clone())
                        .unwrap_or_else(|| "—".into());
                    let id = app.id;
                    view! {
                        <tr>
                            <td><a href=Route::WebApp(id).href()>{app.name.clone()}</a></td>
                            <td>{plan.map(|p| p.name.clone())}</td>
                            <td>{plan.map(|p| p.tier.to_string())}</td>
                            <td>{vnet}</td>
                            <td><StatusBadge status=connection_status(s, id) /></td>
                            <td>
                                <button
                                    type="button"
                                    class="secondary"
                                    aria-label=format!("Delete {}", app.name)
                                    on:click=move |_| { let _ = lab.run(Command::DeleteWebApp { app: id }); }
                                >
                                    "Delete"
                                </button>
                            </td>
                        </tr>
                    }
                })
                .collect_view().into_any()
        })
    };
    view! {
        <h1>"Web apps"</h1>
        <p class="view-purpose">"The web apps of this subscription, their plans and their virtual network connections."</p>
        <table tabindex="0">
            <thead>
                <tr><th>"Name"</th><th>"App Service plan"</th><th>"Pricing tier"</th><th>"Virtual network"</th><th>"Status"</th><th><span class="visually-hidden">"Actions"</span></th></tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <CreateWebApp />
    }
}

#[component]
fn CreateWebApp() -> impl IntoView {
    let lab = use_lab();
    let name = RwSignal::new(String::new());
    let plan = RwSignal::new(String::new());
    let error = RwSignal::new(None);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let chosen = plan.get_untracked().parse().ok().map(PlanId).or_else(|| {
            lab.subscription
                .with_untracked(|s| s.plans.keys().next().copied())
        });
        let Some(chosen) = chosen else {
            error.set(Some("Create an App Service plan first.".into()));
            return;
        };
        error.set(lab.submit(Command::CreateWebApp {
            name: name.get_untracked(),
            plan: chosen,
        }));
        if error.get_untracked().is_none() {
            name.set(String::new());
        }
    };
    view! {
        <form class="panel" on:submit=submit>
            <h2>"Create a web app"</h2>
            <label>"Name" <input type="text" bind:value=name placeholder="contoso-shop" /></label>
            <span class="hint">".azurewebsites.net · 2–60 of a–z, 0–9 and -"</span>
            <label>
                "App Service plan"
                <select on:change=move |ev| plan.set(event_target_value(&ev))>
                    {move || lab.subscription.with(|s| s.plans.values().map(|p| view! { <option value=p.id.to_string()>{format!("{} ({})", p.name, p.tier)}</option> }).collect_view().into_any())}
                </select>
            </label>
            <FormError error=error />
            <button type="submit">"Create"</button>
        </form>
    }
}
