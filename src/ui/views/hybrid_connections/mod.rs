//! Hybrid Connections (R23): one host:port over TCP per connection, through a relay agent on a
//! Windows Server that reaches the endpoint; counted against the plan's tier.

mod add;
mod row;

use leptos::prelude::*;
use strum::VariantArray;

use crate::model::entities::ids::{LocalNetworkId, ServerId};
use crate::model::entities::tier::TierFamily;
use crate::model::Subscription;
use crate::ui::lab::use_lab;
use crate::ui::widgets::choice::Options;
use crate::ui::widgets::keyed::shown;
use crate::ui::widgets::listing::{ListFilter, Listing, Pager};

/// Every Windows Server that can host the relay agent, typed by where it is.
fn agent_hosts(s: &Subscription) -> Vec<((LocalNetworkId, ServerId), String)> {
    s.local_networks
        .values()
        .flat_map(|local| {
            local
                .servers
                .iter()
                .filter(|server| server.host.runs_windows_server())
                .map(move |server| {
                    let words = format!(
                        "{} ({}, {})",
                        server.host.name, server.host.address, local.name
                    );
                    ((local.id, server.id), words)
                })
        })
        .collect()
}

#[component]
pub fn HybridConnections() -> impl IntoView {
    let lab = use_lab();
    let hosts = Options::derive(lab, agent_hosts);
    let rows = lab.derive(|s| {
        s.hybrid_connections
            .values()
            .map(|hybrid| row::row(s, hybrid))
            .collect::<Vec<_>>()
    });
    let listing = Listing::new("Hybrid Connection", "Hybrid Connections", "name");
    let (page, counts) = listing.paged(rows, row::Row::name);
    let limits = TierFamily::VARIANTS
        .iter()
        .map(|&family| {
            view! { <tr><td>{family.to_string()}</td><td>{family.hybrid_connection_limit().to_string()}</td></tr> }
        })
        .collect_view();
    view! {
        <h1>"Hybrid Connections"</h1>
        <p class="view-purpose">"One host and port over TCP, through a relay agent (the Hybrid Connection Manager) on a Windows Server that can reach the endpoint. The agent only calls out on port 443: no inbound firewall opening on-premises."</p>
        <ListFilter listing=listing counts=counts />
        <table tabindex="0">
            <thead><tr><th>"Name"</th><th>"Web app"</th><th>"Endpoint"</th><th>"Relay agent"</th><th>"Status"</th><th>"Actions"</th></tr></thead>
            <tbody>
                <For
                    each=move || page.get()
                    key=shown
                    children=move |row| row::hybrid_row(row, hosts)
                />
            </tbody>
        </table>
        <Pager listing=listing counts=counts />
        <add::AddHybridConnection />
        <h2>"Limits by pricing tier"</h2>
        <table tabindex="0">
            <thead><tr><th>"Tier"</th><th>"Hybrid Connections"</th></tr></thead>
            <tbody>{limits}</tbody>
        </table>
    }
}
