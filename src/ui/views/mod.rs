//! One view per route.

mod activity_log;
mod address_ranges;
mod compare;
mod connection_check;
mod console;
mod hybrid_connections;
mod local_networks;
mod matrix;
mod plans;
mod progress;
mod share;
mod tier_picker;
mod virtual_network;
mod virtual_networks;
mod web_app;
mod web_apps;

use leptos::prelude::*;

pub use address_ranges::AddressRangesTab;
pub use progress::Progress;

use crate::ui::route::{Route, Section};

#[component]
pub fn View(route: Route) -> impl IntoView {
    match route {
        Route::Section(Section::WebApps) => web_apps::WebApps().into_any(),
        Route::Section(Section::Plans) => plans::Plans().into_any(),
        Route::Section(Section::VirtualNetworks) => virtual_networks::VirtualNetworks().into_any(),
        Route::Section(Section::LocalNetworks) => local_networks::LocalNetworks().into_any(),
        Route::Section(Section::ActivityLog) => activity_log::ActivityLog().into_any(),
        Route::Section(Section::HybridConnections) => {
            hybrid_connections::HybridConnections().into_any()
        }
        Route::Section(Section::Compare) => compare::Compare().into_any(),
        Route::Section(Section::ConnectionCheck) => {
            view! { <connection_check::ConnectionCheck query=None /> }.into_any()
        }
        Route::Check(query) => {
            view! { <connection_check::ConnectionCheck query=Some(query) /> }.into_any()
        }
        Route::Matrix => matrix::ReachabilityMatrix().into_any(),
        Route::Share(data) => view! { <share::SharedSubscription data=data /> }.into_any(),
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
