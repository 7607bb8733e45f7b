//! One App Service plan: its tier, the VNets its apps use "n of 5" (R6), and Scale (R5).

use leptos::prelude::*;

use crate::model::derived::integration::tier_note;
use crate::model::derived::regional::{plan_subnets, subnet_label, MAX_SUBNETS_PER_PLAN};
use crate::model::derived::status::plan_networks;
use crate::model::entities::ids::PlanId;
use crate::model::entities::web_app::MAX_VNETS_PER_PLAN;
use crate::model::input::text::join;
use crate::model::Command;
use crate::ui::lab::use_lab;
use crate::ui::route::{Route, VnetTab};
use crate::ui::views::resource;
use crate::ui::widgets::form::{Form, TextInput};
use crate::ui::widgets::retirement::RetirementNotice;
use crate::ui::widgets::table::{Cell, Table};
use crate::ui::widgets::tier_picker::TierPicker;

#[component]
pub fn PlanView(plan: PlanId) -> impl IntoView {
    let lab = use_lab();
    let name = lab.derive(move |s| s.plans.get(&plan).map(|p| p.name.clone()));
    let tier = lab.derive(move |s| s.plans.get(&plan).map(|p| p.tier));
    let region = lab.derive(move |s| s.plans.get(&plan).map(|p| p.region.to_string()));
    let instances = lab.derive(move |s| s.plans.get(&plan).map(|p| p.instances));
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
        tier.get().map(|tier| match tier_note(tier) {
            Some(note) => format!("{tier} — {note}"),
            None => tier.to_string(),
        })
    };
    let used = move || {
        format!(
            "Gateway-required virtual networks used: {} of {MAX_VNETS_PER_PLAN}",
            networks.with(Vec::len)
        )
    };
    let page = move |name: String| {
        view! {
            <h1>{name}</h1>
            <dl class="facts">
                <dt>"Pricing tier"</dt>
                <dd>{tier}</dd>
                <dt>"Region"</dt>
                <dd>{move || region.get()}</dd>
                <dt>"Instances"</dt>
                <dd>{move || instances.get()}</dd>
            </dl>
            <IntegrationSubnets plan=plan />
            <ScaleOut plan=plan />
            <h2>{used}</h2>
            {move || networks.with(|n| !n.is_empty()).then(|| view! { <RetirementNotice /> })}
            <Table head=&["Virtual network", "Web apps using it"] rows=networks />
            <h2>"Scale"</h2>
            <TierPicker plan=plan />
        }
    };
    resource("Plan", "It may have been deleted.", name, page)
}

/// The plan's regional integration subnets: addresses in use of capacity, and what a tier
/// change would need while it runs (R27, R28).
#[component]
fn IntegrationSubnets(plan: PlanId) -> impl IntoView {
    let lab = use_lab();
    let rows = lab.derive(move |s| {
        let instances = s.plans.get(&plan).map_or(1, |p| u32::from(p.instances));
        plan_subnets(s, plan)
            .iter()
            .map(|used| {
                let during = used.in_use() - instances + 2 * instances;
                vec![
                    Cell::Link(
                        Route::VirtualNetwork(used.vnet, VnetTab::Subnets).href(),
                        subnet_label(s, used),
                    ),
                    Cell::code(used.prefix),
                    Cell::Text(format!("{} of {}", used.in_use(), used.capacity())),
                    Cell::Text(if during <= used.capacity() {
                        format!("{during} addresses: fits")
                    } else {
                        format!("{during} addresses: refused, more than {}", used.capacity())
                    }),
                ]
            })
            .collect::<Vec<_>>()
    });
    let count = move || {
        format!(
            "Regional integration subnets: {} of {MAX_SUBNETS_PER_PLAN}",
            rows.with(Vec::len)
        )
    };
    view! {
        <h2>{count}</h2>
        <Table head=&["Subnet", "Prefix", "Addresses in use", "A tier change needs"] rows=rows />
    }
}

/// Scale out: the instance count, 1 to 30 (R28); refusals and warnings come from the model.
#[component]
fn ScaleOut(plan: PlanId) -> impl IntoView {
    let lab = use_lab();
    let count = RwSignal::new(String::new());
    let submit = move || {
        let text = count.get_untracked();
        let instances = text.trim().parse::<u8>().map_err(|_| {
            format!(
                "“{}” is not an instance count: write a number from 1 to 30.",
                text.trim()
            )
        })?;
        lab.submit(Command::ScaleOutPlan { plan, instances })
    };
    view! {
        <h2>"Scale out"</h2>
        <Form button="Scale out" inline=true submit=submit>
            <TextInput label="Instances (1 to 30)" value=count placeholder="3" numeric=true />
        </Form>
    }
}
