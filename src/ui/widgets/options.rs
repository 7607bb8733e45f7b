//! Options of choices the lab offers in several views, typed by id and derived from the state.

use crate::model::entities::ids::{LocalNetworkId, PlanId, WebAppId};
use crate::model::entities::region::Region;
use crate::ui::derived::Derived;
use crate::ui::lab::Lab;

pub type Options<T> = Derived<Vec<(T, String)>>;

pub fn web_apps(lab: Lab) -> Options<WebAppId> {
    lab.derive(|s| {
        s.web_apps
            .values()
            .map(|app| (app.id, app.name.clone()))
            .collect()
    })
}

pub fn plans(lab: Lab) -> Options<PlanId> {
    lab.derive(|s| {
        s.plans
            .values()
            .map(|plan| (plan.id, format!("{} ({})", plan.name, plan.tier)))
            .collect()
    })
}

pub fn local_networks(lab: Lab) -> Options<LocalNetworkId> {
    lab.derive(|s| {
        s.local_networks
            .values()
            .map(|local| (local.id, local.name.clone()))
            .collect()
    })
}

/// Azure's regions, by the names the portal shows.
pub fn regions() -> Options<Region> {
    Derived::constant(
        Region::ALL
            .map(|region| (region, region.display_name().to_string()))
            .to_vec(),
    )
}
