use leptos::prelude::*;

use crate::model::derived::integration::{integrated_app_label, integrated_apps, usability};
use crate::model::entities::ids::VnetId;
use crate::model::Command;
use crate::ui::browser::confirm::confirmed;
use crate::ui::lab::use_lab;
use crate::ui::route::{Route, Section};
use crate::ui::views::virtual_network::list;
use crate::ui::widgets::form::Form;

#[derive(Clone, PartialEq)]
struct Facts {
    region: &'static str,
    space: String,
    dns: String,
    vms: usize,
    apps: String,
    regional: String,
    gateway_required: String,
}

#[component]
pub fn Overview(vnet: VnetId) -> impl IntoView {
    let lab = use_lab();
    let facts = lab.derive(move |s| {
        let v = s.virtual_networks.get(&vnet)?;
        let apps = integrated_apps(s, vnet);
        let usable = usability(s, v);
        Some(Facts {
            region: v.region.display_name(),
            space: list(&v.address_space),
            dns: list(&v.dns_servers),
            vms: v.virtual_machines.len(),
            apps: list(apps.iter().map(|app| integrated_app_label(s, app))),
            regional: usable.regional.to_string(),
            gateway_required: usable.gateway_required_answer(),
        })
    });
    let draw = |facts: Facts| {
        view! {
            <dl class="facts">
                <dt>"Region"</dt><dd>{facts.region}</dd>
                <dt>"Address space"</dt><dd>{facts.space}</dd>
                <dt>"DNS servers"</dt><dd>{facts.dns}</dd>
                <dt>"Virtual machines"</dt><dd>{facts.vms}</dd>
                <dt>"Connected web apps"</dt><dd>{facts.apps}</dd>
                <dt>"Regional integration"</dt><dd>{facts.regional}</dd>
                <dt>"Gateway-required integration"</dt><dd>{facts.gateway_required}</dd>
            </dl>
        }
    };
    view! {
        {move || facts.get().map(&draw)}
        <DeleteNetwork vnet=vnet />
    }
}

/// Delete, after the browser's confirmation, then show the Virtual networks list; the model
/// refuses it while something holds the network, and the refusal stays beside the button (R27).
#[component]
fn DeleteNetwork(vnet: VnetId) -> impl IntoView {
    let lab = use_lab();
    let name = lab.derive(move |s| s.virtual_networks.get(&vnet).map(|v| v.name.clone()));
    let submit = move || {
        let name = name.get_untracked().unwrap_or_default();
        if !confirmed(&format!("Delete the virtual network {name}?")) {
            return Ok(());
        }
        lab.submit(Command::DeleteVirtualNetwork { vnet })?;
        // The network is gone: its page would only say so, so show the list it was in.
        let _ = window()
            .location()
            .set_hash(&Route::Section(Section::VirtualNetworks).href());
        Ok(())
    };
    view! {
       <Form button="Delete virtual network" inline=true submit=submit>
           <span class="hint">"Refused while a web app, a site-to-site connection or a peering holds it."</span>
       </Form>
    }
}
