//! The comparison panel (R24): VNet Integration and Hybrid Connections side by side, the facts
//! and, computed from this subscription, who reaches each endpoint now and what would change it.

use leptos::either::Either;
use leptos::prelude::*;

use crate::model::derived::comparison::{compare, EndpointComparison, Reach};
use crate::ui::lab::use_lab;
use crate::ui::route::Route;

/// The facts of the two features, as the seed document and SPEC §3 give them.
const FACTS: [(&str, &str, &str); 8] = [
    ("What it reaches", "Anything in one virtual network (up to 5 per plan), and on-premises networks linked to it by site-to-site VPN", "Exactly one host:port per connection"),
    ("Protocols", "TCP and UDP; no ICMP, no SMB drive mounts, no authentication systems", "TCP only"),
    ("What must be installed, where", "Nothing on the host; the virtual network needs a Dynamic routing gateway with point-to-site, and on-premises routers a route back to the point-to-site pool", "The Hybrid Connection Manager (relay agent) on a Windows Server that can reach the endpoint"),
    ("Tiers and limits", "Standard and Premium; 5 virtual networks per plan, 1 per web app", "Basic 5 per plan, Standard 25 per plan, Premium 220 per web app; none on Free and Shared"),
    ("Direction", "Outbound from the web app only", "Outbound from the web app only; the agent calls out on port 443, so no inbound opening on-premises"),
    ("Number of endpoints", "Every address in the networks' ranges", "One per connection"),
    ("Names", "Need a DNS server on the virtual network (synced), or use IP addresses", "The connection is matched by the configured host name: name it by DNS name"),
    ("Setup", "Certificates are made and uploaded for you; sync after changing DNS or site-to-site", "Add the connection, install and run the agent"),
];

fn reach(reach: Reach) -> impl IntoView {
    match reach.change {
        None => view! {
            <span class="badge badge-ok">"Reaches now"</span>" from "{reach.now.join(", ")}
        }
        .into_any(),
        Some(change) => {
            view! { <span class="badge badge-neutral">"Not now"</span>" "{change} }.into_any()
        }
    }
}

#[component]
pub fn Compare() -> impl IntoView {
    let lab = use_lab();
    let facts = FACTS
        .iter()
        .map(|(fact, vnet, hybrid)| {
            view! { <tr><td><strong>{*fact}</strong></td><td>{*vnet}</td><td>{*hybrid}</td></tr> }
        })
        .collect_view();
    let rows = lab.derive(compare);
    let endpoints = move |rows: Vec<EndpointComparison>| {
        if rows.is_empty() {
            return Either::Left(
                view! { <p>"No known endpoints yet: open a port on a virtual machine or an on-premises server."</p> },
            );
        }
        let rows = rows
            .into_iter()
            .map(|row| {
                view! {
                    <tr>
                        <td>{row.host}" "<code>{row.rule.to_string()}</code></td>
                        <td>{row.network}</td>
                        <td>{reach(row.gateway_required)}</td>
                        <td>{reach(row.regional)}</td>
                        <td>{reach(row.hybrid)}</td>
                    </tr>
                }
            })
            .collect_view();
        Either::Right(view! {
            <table class="comparison" tabindex="0">
                <thead><tr><th>"Endpoint"</th><th>"Network"</th><th>"Gateway-required VNet Integration"</th><th>"Regional VNet Integration"</th><th>"Hybrid Connection"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        })
    };
    view! {
        <h1>"Compare"</h1>
        <p class="view-purpose">"VNet Integration and Hybrid Connections side by side. Neither replaces the other: VNet Integration reaches whole networks from Standard and Premium plans; a Hybrid Connection reaches one TCP endpoint, needs no VPN, and works from Basic. Pick VNet Integration for many resources in Azure or behind a site-to-site VPN; pick a Hybrid Connection for one on-premises TCP service, when there is no VPN or the plan is Basic."</p>
        <h2>"The facts"</h2>
        <table class="facts-table" tabindex="0">
            <thead><tr><th>"Aspect"</th><th>"VNet Integration"</th><th>"Hybrid Connections"</th></tr></thead>
            <tbody>{facts}</tbody>
        </table>
        <h2>"This subscription's endpoints"</h2>
        <p>"Computed with the same checks as the "<a href=Route::Matrix.href()>"reachability matrix"</a>"."</p>
        {move || endpoints(rows.get())}
    }
}
