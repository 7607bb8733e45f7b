//! Options of choices the lab offers in several views, typed by id and derived from the state.

use crate::model::entities::ids::{LocalNetworkId, PlanId, VnetId, WebAppId};
use crate::model::entities::region::Region;
use leptos::prelude::*;
use strum::VariantArray;

use crate::ui::lab::Lab;
use crate::ui::widgets::choice::{Choice, Options};

pub fn web_apps(lab: Lab) -> Options<WebAppId> {
    Options::derive(lab, |s| {
        s.web_apps
            .values()
            .map(|app| (app.id, app.name.clone()))
            .collect()
    })
}

pub fn plans(lab: Lab) -> Options<PlanId> {
    Options::derive(lab, |s| {
        s.plans
            .values()
            .map(|plan| (plan.id, format!("{} ({})", plan.name, plan.tier)))
            .collect()
    })
}

pub fn local_networks(lab: Lab) -> Options<LocalNetworkId> {
    Options::derive(lab, |s| {
        s.local_networks
            .values()
            .map(|local| (local.id, local.name.clone()))
            .collect()
    })
}

/// Azure's regions, by the names the portal shows.
pub fn regions() -> Options<Region> {
    Options::fixed(
        Region::VARIANTS
            .iter()
            .map(|&region| (region, region.display_name().to_string()))
            .collect(),
    )
}

pub fn virtual_networks(lab: Lab) -> Options<VnetId> {
    Options::derive(lab, |s| {
        s.virtual_networks
            .values()
            .map(|vnet| (vnet.id, format!("{} ({})", vnet.name, vnet.region)))
            .collect()
    })
}

/// The subnets of the VNet `vnet` picks, by name: those that can hold a private endpoint first,
/// so the form starts at one, then the others, whose refusal says why.
pub fn endpoint_subnets(lab: Lab, vnet: Choice<VnetId>) -> Options<String> {
    let subscription = lab.subscription;
    Options::new(move || {
        let vnet = vnet.value();
        subscription.with(|s| {
            vnet.and_then(|vnet| s.virtual_networks.get(&vnet))
                .map_or_else(Vec::new, |v| {
                    let mut subnets: Vec<_> = v.subnets.iter().collect();
                    subnets.sort_by_key(|subnet| !subnet.holds_private_endpoints());
                    subnets
                        .into_iter()
                        .map(|subnet| {
                            let words = format!("{} ({})", subnet.name, subnet.prefix);
                            (subnet.name.clone(), words)
                        })
                        .collect()
                })
        })
    })
}
