//! One view per route.

use leptos::prelude::*;

use crate::ui::route::{Route, Section};

/// What each section is for, shown at the top of its view.
fn purpose(section: Section) -> &'static str {
    match section {
        Section::WebApps => "The web apps of this subscription, their plans and their virtual network connections.",
        Section::Plans => "App Service plans: the pricing tier decides whether VNet Integration is available, and a plan uses at most five virtual networks.",
        Section::VirtualNetworks => "Virtual networks: address space, subnets, DNS servers, the gateway, point-to-site and its certificates.",
        Section::LocalNetworks => "On-premises networks reached through site-to-site VPN, and the routes their routers need back to the point-to-site pool.",
        Section::HybridConnections => "Hybrid Connections: one host and port over TCP through a relay agent, the alternative to VNet Integration.",
        Section::Compare => "VNet Integration and Hybrid Connections side by side, for this subscription's own endpoints.",
        Section::ConnectionCheck => "Can a web app reach a host and port? Every step of the answer, and what fixes a failure.",
        Section::ActivityLog => "Every command run in this lab and its result.",
    }
}

#[component]
pub fn View(route: Route) -> impl IntoView {
    match route {
        Route::Section(section) => view! {
            <h1>{section.title()}</h1>
            <p class="view-purpose">{purpose(section)}</p>
        }
        .into_any(),
        Route::NotFound(path) => view! {
            <h1>"Not found"</h1>
            <p>"There is no view at “" {path} "”. Pick one in the navigation."</p>
        }
        .into_any(),
    }
}
