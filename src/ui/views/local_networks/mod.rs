//! Local (on-premises) networks: the list and creating one; `local_network` is one network's
//! view, with its servers and the routes on its routers back to the point-to-site pool (R21).

pub mod local_network;

use leptos::prelude::*;

use crate::model::input::text::join;
use crate::model::{Command, Subscription};
use crate::ui::lab::use_lab;
use crate::ui::route::Route;
use crate::ui::widgets::form::{Form, TextInput};
use crate::ui::widgets::listing::Listing;
use crate::ui::widgets::table::{Cell, Table};

fn rows(s: &Subscription) -> Vec<Vec<Cell>> {
    s.local_networks
        .values()
        .map(|local| {
            vec![
                Cell::Link(Route::LocalNetwork(local.id).href(), local.name.clone()),
                Cell::Text(join(&local.address_space, ", ")),
                Cell::text(local.vpn_device),
                Cell::text(local.servers.len()),
            ]
        })
        .collect()
}

#[component]
pub fn LocalNetworks() -> impl IntoView {
    let lab = use_lab();
    let head = &["Name", "Address space", "VPN device", "Servers"];
    view! {
        <h1>"Local networks"</h1>
        <p class="view-purpose">"On-premises networks reached through site-to-site VPN, and the routes their routers need back to the point-to-site pool."</p>
        <Table head=head rows=lab.derive(rows) listing=Listing::new("local network", "local networks", "name") />
        <CreateLocalNetwork />
    }
}

#[component]
fn CreateLocalNetwork() -> impl IntoView {
    let lab = use_lab();
    let name = RwSignal::new(String::new());
    let space = RwSignal::new(String::new());
    let device = RwSignal::new(String::new());
    let submit = move || {
        lab.submit(Command::CreateLocalNetwork {
            name: name.get_untracked(),
            address_space: space.get_untracked(),
            vpn_device: device.get_untracked(),
        })
    };
    view! {
        <Form button="Create" submit=submit>
            <h2>"Create a local network"</h2>
            <TextInput label="Name" value=name placeholder="branchOffice" />
            <TextInput label="Address space" value=space placeholder="192.169.0.0/24" />
            <TextInput label="VPN device address" value=device placeholder="131.107.2.2" />
        </Form>
    }
}
