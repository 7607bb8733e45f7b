//! The VNet's peerings (R33): peered VNets are reached like the VNet itself, across regions too
//! (global peering).

use leptos::prelude::*;

use crate::model::entities::ids::VnetId;
use crate::model::Command;
use crate::ui::lab::use_lab;
use crate::ui::route::{Route, VnetTab};
use crate::ui::widgets::choice::{Choice, Options, Select};
use crate::ui::widgets::form::Form;
use crate::ui::widgets::keyed::shown;

/// A peering as shown.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Peering {
    remote: VnetId,
    name: String,
    region: String,
    global: bool,
}

#[component]
pub fn Peerings(vnet: VnetId) -> impl IntoView {
    let lab = use_lab();
    let peerings = lab.derive(move |s| {
        let Some(v) = s.virtual_networks.get(&vnet) else {
            return Vec::new();
        };
        v.peerings
            .iter()
            .filter_map(|id| s.virtual_networks.get(id))
            .map(|remote| Peering {
                remote: remote.id,
                name: remote.name.clone(),
                region: remote.region.to_string(),
                global: remote.region != v.region,
            })
            .collect()
    });
    let others = Options::derive(lab, move |s| {
        s.virtual_networks
            .values()
            .filter(|other| other.id != vnet)
            .map(|other| (other.id, format!("{} ({})", other.name, other.region)))
            .collect()
    });
    let remote = Choice::new(others);
    let submit = move || {
        lab.submit(Command::PeerVirtualNetworks {
            vnet,
            remote: remote.required("There is no other virtual network to peer with.")?,
        })
    };
    let row = move |peering: Peering| {
        let remote = peering.remote;
        let kind = if peering.global {
            "Global peering"
        } else {
            "Same region"
        };
        view! {
            <tr>
                <td><a href=Route::VirtualNetwork(remote, VnetTab::Overview).href()>{peering.name.clone()}</a></td>
                <td>{peering.region}</td>
                <td>{kind}</td>
                <td>
                    <button
                        type="button"
                        class="secondary"
                        aria-label=format!("Remove the peering with {}", peering.name)
                        on:click=move |_| { let _ = lab.run(Command::RemovePeering { vnet, remote }); }
                    >
                        "Remove"
                    </button>
                </td>
            </tr>
        }
    };
    view! {
        <p>"Peered virtual networks are reached like this one, in the same region or across regions (global peering)."</p>
        <table tabindex="0">
            <thead><tr><th>"Peered virtual network"</th><th>"Region"</th><th>"Kind"</th><th>"Actions"</th></tr></thead>
            <tbody>
                <For each=move || peerings.get() key=shown children=row />
            </tbody>
        </table>
        <Form button="Add peering" inline=true submit=submit>
            <Select label="Virtual network to peer" choice=remote />
        </Form>
    }
}
