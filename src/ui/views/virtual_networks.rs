//! Virtual networks: the list and creating one outside the web app flow.

use leptos::prelude::*;

use crate::model::derived::integration::usability;
use crate::model::entities::network::VirtualNetwork;
use crate::model::input::text::join;
use crate::model::{Command, Subscription};
use crate::ui::lab::use_lab;
use crate::ui::route::{Route, VnetTab};
use crate::ui::widgets::choice::{Choice, Select};
use crate::ui::widgets::form::{Form, TextInput};
use crate::ui::widgets::listing::Listing;
use crate::ui::widgets::options;
use crate::ui::widgets::table::{Cell, Table};

/// A network's row; its eligibility counts down while its gateway provisions.
fn row(s: &Subscription, vnet: &VirtualNetwork) -> Vec<Cell> {
    let gateway = vnet.gateway.as_ref().map_or("None".to_string(), |g| {
        let state = if g.is_ready(s.now()) {
            "ready"
        } else {
            "provisioning"
        };
        format!("{}, {state}", g.routing)
    });
    let pool = vnet
        .point_to_site
        .as_ref()
        .map_or("Not enabled".to_string(), |p| p.pool.to_string());
    vec![
        Cell::Link(
            Route::VirtualNetwork(vnet.id, VnetTab::Overview).href(),
            vnet.name.clone(),
        ),
        Cell::Text(join(&vnet.address_space, ", ")),
        Cell::Text(gateway),
        Cell::Text(pool),
        Cell::Text(usability(s, vnet).to_string()),
    ]
}

#[component]
pub fn VirtualNetworks() -> impl IntoView {
    let lab = use_lab();
    let rows = lab.derive(|s| {
        s.virtual_networks
            .values()
            .map(|vnet| row(s, vnet))
            .collect::<Vec<_>>()
    });
    let head = &[
        "Name",
        "Address space",
        "Gateway",
        "Point-to-site pool",
        "Usable for VNet Integration",
    ];
    view! {
        <h1>"Virtual networks"</h1>
        <p class="view-purpose">"Address space, subnets, DNS servers, the gateway, point-to-site and its certificates."</p>
        <Table head=head rows=rows listing=Listing::new("virtual network", "virtual networks", "name") />
        <CreateVirtualNetwork />
    }
}

#[component]
fn CreateVirtualNetwork() -> impl IntoView {
    let lab = use_lab();
    let name = RwSignal::new(String::new());
    let space = RwSignal::new(String::new());
    let dns = RwSignal::new(String::new());
    let region = Choice::new(options::regions());
    let submit = move || {
        lab.submit(Command::CreateVirtualNetwork {
            name: name.get_untracked(),
            region: region.required("Pick a region.")?,
            address_space: space.get_untracked(),
            dns_servers: dns.get_untracked(),
        })
    };
    view! {
        <Form button="Create" submit=submit>
            <h2>"Create a virtual network"</h2>
            <TextInput label="Name" value=name placeholder="dataVnet" />
            <Select label="Region" choice=region />
            <TextInput label="Address space" value=space placeholder="10.3.0.0/16" />
            <TextInput label="DNS servers (optional)" value=dns placeholder="10.3.0.4" />
        </Form>
    }
}
