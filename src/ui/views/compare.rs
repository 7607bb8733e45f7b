//! The comparison panel (R24): gateway-required and regional VNet Integration and Hybrid
//! Connections side by side, the facts and, computed from this subscription, who reaches each
//! endpoint now and what would change it.

use leptos::prelude::*;

use crate::model::derived::comparison::{compare_endpoint, EndpointComparison, Reach};
use crate::model::derived::matrix;
use crate::model::input::text::thousands;
use crate::ui::derived::Derived;
use crate::ui::lab::use_lab;
use crate::ui::route::Route;
use crate::ui::widgets::listing::{ListFilter, Listing, Pager};
use crate::ui::widgets::table::{Cell, Table};

/// The facts of the three, as the seed document and SPEC §3 and §9 give them.
const FACTS: [(&str, &str, &str, &str); 8] = [
    ("What it reaches", "Anything in one virtual network (up to 5 per plan), and on-premises networks linked to it by site-to-site VPN", "Anything in a virtual network of the plan's region, its peered VNets (global peering too) and on-premises networks behind its gateway", "Exactly one host:port per connection"),
    ("Protocols", "TCP and UDP; no ICMP, no SMB drive mounts, no authentication systems", "TCP and UDP, SMB included; no ICMP, no port 25", "TCP only"),
    ("What must be installed, where", "Nothing on the host; the virtual network needs a Dynamic routing gateway with point-to-site, and on-premises routers a route back to the point-to-site pool", "Nothing on the host; an empty subnet delegated to Microsoft.Web/serverFarms, and on-premises routers a route back to that subnet", "The Hybrid Connection Manager (relay agent) on a Windows Server that can reach the endpoint"),
    ("Tiers and limits", "Standard and Premium; 5 virtual networks per plan, 1 per web app", "Basic, Standard and Premium; 2 integration subnets per plan, one address per instance (twice during a tier change)", "Basic 5 per plan, Standard 25 per plan, Premium 220 per web app; none on Free and Shared"),
    ("Direction", "Outbound from the web app only", "Outbound from the web app only; NSGs, route tables and a NAT gateway on the subnet apply to it", "Outbound from the web app only; the agent calls out on port 443, so no inbound opening on-premises"),
    ("Number of endpoints", "Every address in the networks' ranges", "Every address in the networks' ranges; with Route All, the internet too", "One per connection"),
    ("Names", "Need a DNS server on the virtual network (synced), or use IP addresses", "The VNet's DNS servers, WEBSITE_DNS_SERVER, or Azure DNS with private DNS zones linked to the VNet", "The connection is matched by the configured host name: name it by DNS name"),
    ("Setup", "Certificates are made and uploaded for you; sync after changing DNS or site-to-site", "Pick the VNet and subnet; no certificates and no sync", "Add the connection, install and run the agent"),
];

/// Who reaches the endpoint now, the first few by name; or what would change that.
fn reach(reach: Reach) -> Cell {
    const NAMED: usize = 10;
    match reach.change {
        None => {
            let mut from = reach.now[..reach.now.len().min(NAMED)].join(", ");
            if reach.now.len() > NAMED {
                from = format!("{from} and {} more", thousands(reach.now.len() - NAMED));
            }
            Cell::NotedBadge("badge badge-ok", "Reaches now", format!("from {from}"))
        }
        Some(change) => Cell::NotedBadge("badge badge-neutral", "Not now", change),
    }
}

fn row(label: String, row: EndpointComparison) -> Vec<Cell> {
    vec![
        Cell::Text(label),
        Cell::Text(row.network),
        reach(row.gateway_required),
        reach(row.regional),
        reach(row.hybrid),
    ]
}

#[component]
pub fn Compare() -> impl IntoView {
    let lab = use_lab();
    let facts = FACTS
        .iter()
        .map(|(fact, gateway_required, regional, hybrid)| {
            view! { <tr><td><strong>{*fact}</strong></td><td>{*gateway_required}</td><td>{*regional}</td><td>{*hybrid}</td></tr> }
        })
        .collect_view();
    // Every endpoint by its label and position; each row runs every web app's check, so only
    // the page shown (twenty rows) is compared, once per change of the subscription.
    let endpoints = lab.derive(|s| {
        matrix::columns(s)
            .iter()
            .map(|column| column.label())
            .enumerate()
            .collect::<Vec<_>>()
    });
    let listing = Listing::new("endpoint", "endpoints", "endpoint").per_page(20);
    let (page, counts) = listing.paged(endpoints, |(_, label)| label.as_str());
    let rows = Derived::new(move || {
        page.with(|shown| {
            lab.subscription.with(|s| {
                let columns = matrix::columns(s);
                shown
                    .iter()
                    .filter_map(|(at, label)| {
                        let column = columns.get(*at)?;
                        Some(row(label.clone(), compare_endpoint(s, column)))
                    })
                    .collect()
            })
        })
    });
    let head = &[
        "Endpoint",
        "Network",
        "Gateway-required VNet Integration",
        "Regional VNet Integration",
        "Hybrid Connection",
    ];
    view! {
        <h1>"Compare"</h1>
        <p class="view-purpose">"Gateway-required and regional VNet Integration, and Hybrid Connections, side by side. Neither replaces the other: VNet Integration reaches whole networks (regional integration, the kind Azure uses today, in the plan's region and beyond by peering, from Basic up; the gateway-required kind one VNet anywhere through a point-to-site gateway, from Standard up), while a Hybrid Connection reaches one TCP endpoint, needs no VPN, and works from Basic. Pick regional integration for resources in Azure or behind a site-to-site VPN; a Hybrid Connection for one on-premises TCP service without a VPN."</p>
        <h2>"The facts"</h2>
        <table class="facts-table" tabindex="0">
            <thead><tr><th>"Aspect"</th><th>"Gateway-required VNet Integration"</th><th>"Regional VNet Integration"</th><th>"Hybrid Connections"</th></tr></thead>
            <tbody>{facts}</tbody>
        </table>
        <h2>"This subscription's endpoints"</h2>
        <p>"Computed with the same checks as the "<a href=Route::Matrix.href()>"reachability matrix"</a>"."</p>
        <Show
            when=move || counts.with(|counts| counts.total > 0)
            fallback=|| view! { <p>"No known endpoints yet: open a port on a virtual machine or an on-premises server."</p> }
        >
            <ListFilter listing=listing counts=counts />
            <Table head=head rows=rows class="comparison" />
            <Pager listing=listing counts=counts />
        </Show>
    }
}
