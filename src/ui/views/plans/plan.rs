//! One App Service plan: its tier, the VNets its apps use "n of 5" (R6), and Scale (R5).

use leptos::prelude::*;

use crate::model::derived::status::plan_networks;
use crate::model::entities::ids::PlanId;
use crate::model::entities::web_app::MAX_VNETS_PER_PLAN;
use crate::model::input::text::join;
use crate::ui::lab::use_lab;
use crate::ui::route::{Route, VnetTab};
use crate::ui::views::resource;
use crate::ui::widgets::table::{Cell, Table};
use crate::ui::widgets::tier_picker::TierPicker;

#[component]
pub fn PlanView(plan: PlanId) -> impl IntoView {
    let lab = use_lab();
    let name = lab.derive(move |s| s.plans.get(&plan).map(|p| p.name.clone()));
    let tier = lab.derive(move |s| s.plans.get(&plan).map(|p| p.tier));
    let networks = lab.derive(move |s| {
        plan_networks(s, plan)
            .into_iter()
            .map(|network| {
                let name = s
                    .virtual_networks
                    .get(&network.vnet)
                    .map(|v| v.name.clone())
                    .unwrap_or_default();
                let apps = network.apps.iter().filter_map(|a| s.web_apps.get(a));
                vec![
                    Cell::Link(
                        Route::VirtualNetwork(network.vnet, VnetTab::Overview).href(),
                        name,
                    ),
                    Cell::Text(join(apps.map(|a| &a.name), ", ")),
                ]
            })
            .collect::<Vec<_>>()
    });
    let tier = move || {
        tier.get().map(|tier| {
            let disabled = if tier.allows_vnet_integration() {
                ""
            } else {
                " — VNet connections of this plan's apps are disabled until it is Standard or higher"
            };
            format!("{tier}{disabled}")
        })
    };
    let used = move || {
        format!(
            "Virtual networks used: {} of {MAX_VNETS_PER_PLAN}",
            networks.with(Vec::len)
        )
    };
    let page = move |name: String| {
        view! {
            <h1>{name}</h1>
            <dl class="facts">
                <dt>"Pricing tier"</dt>
                <dd>{tier}</dd>
            </dl>
            <h2>{used}</h2>
            <Table head=&["Virtual network", "Web apps using it"] rows=networks />
            <h2>"Scale"</h2>
            <TierPicker plan=plan />
        }
    };
    resource("Plan", "It may have been deleted.", name, page)
}
