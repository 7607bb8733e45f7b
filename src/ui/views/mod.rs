//! One view per route; a view with several parts is a folder, one file a part.

mod activity_log;
mod check;
mod compare;
mod hybrid_connections;
mod internet_hosts;
mod local_networks;
mod migration;
mod nat_gateways;
mod network_security_groups;
mod plans;
mod private_dns_zones;
mod private_endpoints;
mod route_tables;
mod share;
mod virtual_network;
mod virtual_networks;
mod web_app;
mod web_apps;

use leptos::either::Either;
use leptos::prelude::*;

use crate::model::entities::network::Subnet;
use crate::model::input::text::join;
use crate::model::Subscription;
use crate::ui::derived::Derived;
use crate::ui::route::{Route, Section};

#[component]
pub fn View(route: Route) -> impl IntoView {
    match route {
        Route::Section(Section::WebApps) => web_apps::WebApps().into_any(),
        Route::Section(Section::Plans) => plans::Plans().into_any(),
        Route::Section(Section::VirtualNetworks) => virtual_networks::VirtualNetworks().into_any(),
        Route::Section(Section::LocalNetworks) => local_networks::LocalNetworks().into_any(),
        Route::Section(Section::NetworkSecurityGroups) => {
            network_security_groups::NetworkSecurityGroups().into_any()
        }
        Route::Section(Section::RouteTables) => route_tables::RouteTables().into_any(),
        Route::Section(Section::NatGateways) => nat_gateways::NatGateways().into_any(),
        Route::Section(Section::PrivateDnsZones) => private_dns_zones::PrivateDnsZones().into_any(),
        Route::Section(Section::PrivateEndpoints) => {
            private_endpoints::PrivateEndpoints().into_any()
        }
        Route::Section(Section::InternetHosts) => internet_hosts::InternetHosts().into_any(),
        Route::Section(Section::ActivityLog) => activity_log::ActivityLog().into_any(),
        Route::Section(Section::HybridConnections) => {
            hybrid_connections::HybridConnections().into_any()
        }
        Route::Section(Section::Compare) => compare::Compare().into_any(),
        Route::Section(Section::Migration) => migration::Migration().into_any(),
        Route::Section(Section::ConnectionCheck) => {
            view! { <check::ConnectionCheck query=None /> }.into_any()
        }
        Route::Check(query) => view! { <check::ConnectionCheck query=Some(query) /> }.into_any(),
        Route::Matrix => check::matrix::ReachabilityMatrix().into_any(),
        Route::Share(data) => view! { <share::SharedSubscription data=data /> }.into_any(),
        Route::WebApp(app) => view! { <web_app::WebAppView app=app /> }.into_any(),
        Route::Plan(plan) => view! { <plans::plan::PlanView plan=plan /> }.into_any(),
        Route::VirtualNetwork(vnet, tab) => {
            view! { <virtual_network::VirtualNetworkView vnet=vnet tab=tab /> }.into_any()
        }
        Route::LocalNetwork(local) => {
            view! { <local_networks::local_network::LocalNetworkView local=local /> }.into_any()
        }
        Route::NetworkSecurityGroup(nsg) => {
            view! { <network_security_groups::nsg::NsgView nsg=nsg /> }.into_any()
        }
        Route::RouteTable(table) => {
            view! { <route_tables::RouteTableView table=table /> }.into_any()
        }
        Route::PrivateDnsZone(zone) => {
            view! { <private_dns_zones::ZoneView zone=zone /> }.into_any()
        }
        Route::NotFound(path) => view! {
            <h1>"Not found"</h1>
            <p>"There is no view at “" {path} "”. Pick one in the navigation."</p>
        }
        .into_any(),
    }
}

/// A view of one resource: `page` while it exists (named `name`), else what a view shows once
/// the resource is gone (deleted, or in another tab).
fn resource<P, V>(
    what: &'static str,
    hint: &'static str,
    name: Derived<Option<P>>,
    page: impl Fn(P) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    P: Clone + PartialEq + Send + Sync + 'static,
    V: IntoView + 'static,
{
    move || match name.get() {
        Some(name) => Either::Left(page(name)),
        None => Either::Right(view! { <h1>{what}" not found"</h1><p>{hint}</p> }),
    }
}

/// The subnets (as `vnet/subnet`) for which `associated` holds, or "None".
fn associated_subnets(s: &Subscription, associated: impl Fn(&Subnet) -> bool) -> String {
    let names = s.virtual_networks.values().flat_map(|vnet| {
        vnet.subnets
            .iter()
            .filter(|subnet| associated(subnet))
            .map(move |subnet| format!("{}/{}", vnet.name, subnet.name))
    });
    let text = join(names, ", ");
    if text.is_empty() {
        "None".into()
    } else {
        text
    }
}
