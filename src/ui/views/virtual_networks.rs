//! Virtual networks: the list and creating one outside the web app flow.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::model::derived::status::missing_conditions;
use crate::model::entities::region::Region;
use crate::model::input::text::join;
use crate::model::Command;
use crate::ui::lab::use_lab;
use crate::ui::route::{Route, VnetTab};
use crate::ui::widgets::FormError;

#[component]
pub fn VirtualNetworks() -> impl IntoView {
    let lab = use_lab();
    let rows = move || {
        lab.subscription.with(|s| {
            s.virtual_networks
                .values()
                .map(|vnet| {
                    let gateway = vnet.gateway.as_ref().map_or("None".to_string(), |g| {
                        format!("{}{}", g.routing, if g.is_ready(s.now()) { ", ready" } else { ", provisioning" })
                    });
                    let missing = missing_conditions(s, vnet);
                    let eligibility = if missing.is_empty() { "Yes".to_string() } else { format!("No: {}", join(&missing, "; ")) };
                    view! {
                        <tr>
                            <td><a href=Route::VirtualNetwork(vnet.id, VnetTab::Overview).href()>{vnet.name.clone()}</a></td>
                            <td>{join(&vnet.address_space, ", ")}</td>
                            <td>{gateway}</td>
                            <td>{vnet.point_to_site.as_ref().map_or("Not enabled".to_string(), |p| p.pool.to_string())}</td>
                            <td>{eligibility}</td>
                        </tr>
                    }
                })
                .collect_view().into_any()
        })
    };
    let name = RwSignal::new(String::new());
    let space = RwSignal::new(String::new());
    let dns = RwSignal::new(String::new());
    let region = RwSignal::new(Region::default());
    let error = RwSignal::new(None);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        error.set(lab.submit(Command::CreateVirtualNetwork {
            name: name.get_untracked(),
            region: region.get_untracked(),
            address_space: space.get_untracked(),
            dns_servers: dns.get_untracked(),
        }));
    };
    view! {
        <h1>"Virtual networks"</h1>
        <p class="view-purpose">"Address space, subnets, DNS servers, the gateway, point-to-site and its certificates."</p>
        <table tabindex="0">
            <thead><tr><th>"Name"</th><th>"Address space"</th><th>"Gateway"</th><th>"Point-to-site pool"</th><th>"Usable for VNet Integration"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <form class="panel" on:submit=submit>
            <h2>"Create a virtual network"</h2>
            <label>"Name" <input type="text" bind:value=name placeholder="dataVnet" /></label>
            <label>
                "Region"
                <select on:change=move |ev| {
                    if let Some(r) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| Region::ALL.get(i)) { region.set(*r) }
                }>
                    {Region::ALL.into_iter().enumerate().map(|(i, r)| view! { <option value=i.to_string() selected=r == Region::default()>{r.display_name()}</option> }).collect_view().into_any()}
                </select>
            </label>
            <label>"Address space" <input type="text" bind:value=space placeholder="10.3.0.0/16" /></label>
            <label>"DNS servers (optional)" <input type="text" bind:value=dns placeholder="10.3.0.4" /></label>
            <FormError error=error />
            <button type="submit">"Create"</button>
        </form>
    }
}
