//! App Service plans: the list and creating one; `plan` is one plan's view.

pub mod plan;

use leptos::prelude::*;
use strum::VariantArray;

use crate::model::derived::regional::{plan_subnets, MAX_SUBNETS_PER_PLAN};
use crate::model::derived::status::plan_networks;
use crate::model::entities::tier::Tier;
use crate::model::entities::web_app::MAX_VNETS_PER_PLAN;
use crate::model::{Command, Subscription};
use crate::ui::lab::use_lab;
use crate::ui::route::Route;
use crate::ui::widgets::choice::{Choice, Options, Select};
use crate::ui::widgets::form::{Form, TextInput};
use crate::ui::widgets::listing::Listing;
use crate::ui::widgets::options;
use crate::ui::widgets::table::{Cell, Table};

fn rows(s: &Subscription) -> Vec<Vec<Cell>> {
    s.plans
        .values()
        .map(|plan| {
            let apps = s.web_apps.values().filter(|a| a.plan == plan.id).count();
            let vnets = plan_networks(s, plan.id).len();
            let subnets = plan_subnets(s, plan.id).len();
            vec![
                Cell::Link(Route::Plan(plan.id).href(), plan.name.clone()),
                Cell::text(plan.tier),
                Cell::text(apps),
                Cell::Text(format!("{vnets} of {MAX_VNETS_PER_PLAN}")),
                Cell::Text(format!("{subnets} of {MAX_SUBNETS_PER_PLAN}")),
            ]
        })
        .collect()
}

#[component]
pub fn Plans() -> impl IntoView {
    let lab = use_lab();
    let head = &[
        "Name",
        "Pricing tier",
        "Web apps",
        "Gateway-required VNets",
        "Regional subnets",
    ];
    view! {
        <h1>"App Service plans"</h1>
        <p class="view-purpose">"The pricing tier decides whether VNet Integration is available; a plan's web apps use at most five virtual networks together."</p>
        <Table head=head rows=lab.derive(rows) listing=Listing::new("plan", "plans", "name") />
        <CreatePlan />
    }
}

#[component]
fn CreatePlan() -> impl IntoView {
    let lab = use_lab();
    let name = RwSignal::new(String::new());
    let tiers = Tier::VARIANTS
        .iter()
        .map(|&tier| (tier, tier.to_string()))
        .collect();
    let tier = Choice::new(Options::fixed(tiers)).starting_at(Tier::S1);
    let region = Choice::new(options::regions());
    let submit = move || {
        lab.submit(Command::CreatePlan {
            name: name.get_untracked(),
            tier: tier.required("Pick a pricing tier.")?,
            region: region.required("Pick a region.")?,
        })
    };
    view! {
        <Form button="Create" submit=submit>
            <h2>"Create an App Service plan"</h2>
            <TextInput label="Name" value=name placeholder="contoso-premium" />
            <Select label="Pricing tier" choice=tier />
            <Select label="Region" choice=region />
        </Form>
    }
}
