//! One view per route.

mod activity_log;
mod local_networks;
mod plans;
mod progress;
mod tier_picker;
mod virtual_network;
mod virtual_networks;
mod web_app;
mod web_apps;

use leptos::prelude::*;

pub use progress::Progress;

use crate::ui::route::{Route, Section};

/// What the sections still to come are for, shown at the top of their view.
fn purpose(section: Section) -> &'static str {
    match section {
        Section::HybridConnections => "Hybrid Connections: one host and port over TCP through a relay agent, the alternative to VNet Integration.",
        Section::Compare => "VNet Integration and Hybrid Connections side by side, for this subscription's own endpoints.",
        Section::ConnectionCheck => "Can a web app reach a host and port? Every step of the answer, and what fixes a failure.",
        _ => "",
    }
}

#[component]
pub fn View(route: Route) -> impl IntoView {
    match route {
        Route::Section(Section::WebApps) => web_apps::WebApps().into_any(),
        Route::Section(Section::Plans) => plans::Plans().into_any(),
        Route::Section(Section::VirtualNetworks) => virtual_networks::VirtualNetworks().into_any(),
        Route::Section(Section::LocalNetworks) => local_networks::LocalNetworks().into_any(),
        Route::Section(Section::ActivityLog) => activity_log::ActivityLog().into_any(),
        Route::Section(section) => view! {
            <h1>{section.title()}</h1>
            <p class="view-purpose">{purpose(section)}</p>
        }
        .into_any(),
        Route::WebApp(app) => view! { <web_app::WebAppView app=app /> }.into_any(),
        Route::Plan(plan) => view! { <plans::PlanView plan=plan /> }.into_any(),
        Route::VirtualNetwork(vnet, tab) => {
            view! { <virtual_network::VirtualNetworkView vnet=vnet tab=tab /> }.into_any()
        }
        Route::LocalNetwork(local) => {
            view! { <local_networks::LocalNetworkView local=local /> }.into_any()
        }
        Route::NotFound(path) => view! {
            <h1>"Not found"</h1>
            <p>"There is no view at “" {path} "”. Pick one in the navigation."</p>
        }
        .into_any(),
    }
}
