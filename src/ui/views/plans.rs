//! App Service plans: list, create, and the plan view with Scale and its VNets "n of 5" (R5, R6).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::model::derived::status::plan_networks;
use crate::model::entities::ids::PlanId;
use crate::model::entities::region::Region;
use crate::model::entities::tier::Tier;
use crate::model::entities::web_app::MAX_VNETS_PER_PLAN;
use crate::model::Command;
use crate::ui::lab::use_lab;
use crate::ui::route::{Route, VnetTab};
use crate::ui::views::tier_picker::TierPicker;
use crate::ui::widgets::FormError;

#[component]
pub fn Plans() -> impl IntoView {
    let lab = use_lab();
    let rows = move || {
        lab.subscription.with(|s| {
            s.plans
                .values()
                .map(|plan| {
                    let apps = s.web_apps.values().filter(|a| a.plan == plan.id).count();
                    let vnets = plan_networks(s, plan.id).len();
                    view! {
                        <tr>
                            <td><a href=Route::Plan(plan.id).href()>{plan.name.clone()}</a></td>
                            <td>{plan.tier.to_string()}</td>
                            <td>{apps}</td>
                            <td>{format!("{vnets} of {MAX_VNETS_PER_PLAN}")}</td>
                        </tr>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    let name = RwSignal::new(String::new());
    let tier = RwSignal::new(Tier::S1);
    let region = RwSignal::new(Region::default());
    let error = RwSignal::new(None);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        error.set(lab.submit(Command::CreatePlan {
            name: name.get_untracked(),
            tier: tier.get_untracked(),
            region: region.get_untracked(),
        }));
    };
    view! {
        <h1>"App Service plans"</h1>
        <p class="view-purpose">"The pricing tier decides whether VNet Integration is available; a plan's web apps use at most five virtual networks together."</p>
        <table tabindex="0">
            <thead><tr><th>"Name"</th><th>"Pricing tier"</th><th>"Web apps"</th><th>"Virtual networks"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <form class="panel" on:submit=submit>
            <h2>"Create an App Service plan"</h2>
            <label>"Name" <input type="text" bind:value=name placeholder="contoso-premium" /></label>
            <label>
                "Pricing tier"
                <select on:change=move |ev| {
                    if let Some(t) = Tier::ALL.into_iter().find(|t| format!("{t:?}") == event_target_value(&ev)) { tier.set(t) }
                }>
                    {Tier::ALL.into_iter().map(|t| view! { <option value=format!("{t:?}") selected=t == Tier::S1>{t.to_string()}</option> }).collect_view().into_any()}
                </select>
            </label>
            <label>
                "Region"
                <select on:change=move |ev| {
                    if let Some(r) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| Region::ALL.get(i)) { region.set(*r) }
                }>
                    {Region::ALL.into_iter().enumerate().map(|(i, r)| view! { <option value=i.to_string() selected=r == Region::default()>{r.display_name()}</option> }).collect_view().into_any()}
                </select>
            </label>
            <FormError error=error />
            <button type="submit">"Create"</button>
        </form>
    }
}

#[component]
pub fn PlanView(plan: PlanId) -> impl IntoView {
    let lab = use_lab();
    let details = move || {
        lab.subscription
            .with(|s| s.plans.get(&plan).map(|p| (p.name.clone(), p.tier)))
    };
    let networks = move || {
        lab.subscription.with(|s| {
            let networks = plan_networks(s, plan);
            let count = networks.len();
            let rows = networks
                .into_iter()
                .map(|network| {
                    let vnet = s.virtual_networks.get(&network.vnet).map(|v| v.name.clone()).unwrap_or_default();
                    let apps: Vec<String> = network.apps.iter().filter_map(|a| s.web_apps.get(a)).map(|a| a.name.clone()).collect();
                    view! {
                        <tr>
                            <td><a href=Route::VirtualNetwork(network.vnet, VnetTab::Overview).href()>{vnet}</a></td>
                            <td>{apps.join(", ")}</td>
                        </tr>
                    }
                })
                .collect_view().into_any();
            (count, rows)
        })
    };
    move || match details() {
        None => view! { <h1>"Plan not found"</h1><p>"It may have been deleted."</p> }.into_any(),
        Some((name, tier)) => {
            let (count, rows) = networks();
            view! {
                <h1>{name}</h1>
                <dl class="facts">
                    <dt>"Pricing tier"</dt>
                    <dd>{tier.to_string()}{(!tier.allows_vnet_integration()).then_some(" — VNet connections of this plan's apps are disabled until it is Standard or higher")}</dd>
                </dl>
                <h2>{format!("Virtual networks used: {count} of {MAX_VNETS_PER_PLAN}")}</h2>
                <table tabindex="0">
                    <thead><tr><th>"Virtual network"</th><th>"Web apps using it"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                <h2>"Scale"</h2>
                <TierPicker plan=plan />
            }
            .into_any()
        }
    }
}
