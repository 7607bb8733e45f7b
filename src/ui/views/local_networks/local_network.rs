//! One local network: its address space, its servers and their firewalls, and the routes on its
//! routers back through the tunnel (R21).

use leptos::prelude::*;

use crate::model::entities::host::Role;
use crate::model::entities::ids::LocalNetworkId;
use crate::model::input::text::join;
use crate::model::{Command, HostRef};
use crate::ui::lab::use_lab;
use crate::ui::views::resource;
use crate::ui::widgets::choice::Options;
use crate::ui::widgets::form::{Form, TextInput};
use crate::ui::widgets::listing::Listing;
use crate::ui::widgets::open_port::OpenPortForm;
use crate::ui::widgets::table::{Action, Cell, Table};

#[component]
pub fn LocalNetworkView(local: LocalNetworkId) -> impl IntoView {
    let lab = use_lab();
    let name = lab.derive(move |s| s.local_networks.get(&local).map(|l| l.name.clone()));
    let facts = lab.derive(move |s| {
        let network = s.local_networks.get(&local)?;
        Some((
            join(&network.address_space, ", "),
            network.vpn_device.to_string(),
        ))
    });
    let servers = lab.derive(move |s| {
        s.local_networks
            .get(&local)
            .map_or_else(Vec::new, |network| {
                network
                    .servers
                    .iter()
                    .map(|server| {
                        let host = &server.host;
                        let role = host.role.as_ref().map(ToString::to_string);
                        vec![
                            Cell::text(&host.name),
                            Cell::code(host.address),
                            Cell::Text(host.host_names.join(", ")),
                            Cell::Text(role.unwrap_or_default()),
                            Cell::Text(join(&host.open_ports, ", ")),
                        ]
                    })
                    .collect()
            })
    });
    let hosts = Options::derive(lab, move |s| {
        s.local_networks
            .get(&local)
            .map_or_else(Vec::new, |network| {
                network
                    .servers
                    .iter()
                    .map(|server| (HostRef::Server(local, server.id), server.host.name.clone()))
                    .collect()
            })
    });
    let routes = lab.derive(move |s| {
        s.local_networks
            .get(&local)
            .map_or_else(Vec::new, |network| {
                network
                    .routes
                    .iter()
                    .map(|prefix| {
                        let remove = Command::RemoveRoute {
                            local_network: local,
                            prefix: prefix.to_string(),
                        };
                        let label = format!("Remove the route {prefix}");
                        vec![
                            Cell::Code("", format!("{prefix} via the VPN tunnel")),
                            Cell::Actions(vec![Action::new("Remove", label, remove)]),
                        ]
                    })
                    .collect()
            })
    });
    let space = move || facts.get().map(|(space, _)| space);
    let device = move || facts.get().map(|(_, device)| device);
    let page = move |name: String| {
        view! {
                <h1>{name}</h1>
                <dl class="facts">
                    <dt>"Address space"</dt><dd>{space}</dd>
                    <dt>"VPN device"</dt><dd>{device}</dd>
                </dl>
                <h2>"Servers"</h2>
                <Table head=&["Name", "IP", "Host names", "Role", "Open ports"] rows=servers listing=Listing::new("server", "servers", "name") />
            <h3>"Firewall"</h3>
                <OpenPortForm kind="Server" hosts=hosts />
                <AddServer local=local />
                <h2>"Routes on the on-premises routers"</h2>
                <p>"Replies to a web app go to its point-to-site address: the routers need a route for the VNet's pool back through the tunnel."</p>
                <Table head=&["Route", "Actions"] rows=routes />
                <AddRoute local=local />
        }
    };
    resource("Local network", "It may have been deleted.", name, page)
}

#[component]
fn AddServer(local: LocalNetworkId) -> impl IntoView {
    let lab = use_lab();
    let name = RwSignal::new(String::new());
    let address = RwSignal::new(String::new());
    let host_names = RwSignal::new(String::new());
    let windows = RwSignal::new(true);
    let submit = move || {
        lab.submit(Command::AddServer {
            local_network: local,
            name: name.get_untracked(),
            address: address.get_untracked(),
            host_names: host_names.get_untracked(),
            role: windows.get_untracked().then_some(Role::WindowsServer),
        })
    };
    view! {
        <Form button="Add" submit=submit>
            <h3>"Add a server"</h3>
            <TextInput label="Name" value=name placeholder="hq-db01" />
            <TextInput label="IP" value=address placeholder="192.168.1.20" />
            <TextInput label="Host names (optional)" value=host_names placeholder="db.contoso.local" />
            <label><input type="checkbox" bind:checked=windows />" Windows Server (can run the Hybrid Connection Manager)"</label>
        </Form>
    }
}

#[component]
fn AddRoute(local: LocalNetworkId) -> impl IntoView {
    let lab = use_lab();
    let prefix = RwSignal::new(String::new());
    let submit = move || {
        lab.submit(Command::AddRoute {
            local_network: local,
            prefix: prefix.get_untracked(),
        })
    };
    view! {
        <Form button="Add route" inline=true submit=submit>
            <TextInput label="Prefix" value=prefix placeholder="172.16.0.0/24" />
        </Form>
    }
}
