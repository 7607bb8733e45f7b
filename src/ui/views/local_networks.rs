//! Local (on-premises) networks: address space, servers, and the routes on the on-premises
//! routers back to the point-to-site pool (R21).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::model::entities::host::Role;
use crate::model::entities::ids::LocalNetworkId;
use crate::model::input::text::join;
use crate::model::{Command, HostRef};
use crate::ui::lab::use_lab;
use crate::ui::route::Route;
use crate::ui::widgets::{FormError, OneFieldForm, OpenPortForm};

#[component]
pub fn LocalNetworks() -> impl IntoView {
    let lab = use_lab();
    let rows = move || {
        lab.subscription.with(|s| {
            s.local_networks
                .values()
                .map(|local| {
                    view! {
                        <tr>
                            <td><a href=Route::LocalNetwork(local.id).href()>{local.name.clone()}</a></td>
                            <td>{join(&local.address_space, ", ")}</td>
                            <td>{local.vpn_device.to_string()}</td>
                            <td>{local.servers.len()}</td>
                        </tr>
                    }
                })
                .collect_view().into_any()
        })
    };
    let name = RwSignal::new(String::new());
    let space = RwSignal::new(String::new());
    let device = RwSignal::new(String::new());
    let error = RwSignal::new(None);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        error.set(lab.submit(Command::CreateLocalNetwork {
            name: name.get_untracked(),
            address_space: space.get_untracked(),
            vpn_device: device.get_untracked(),
        }));
    };
    view! {
        <h1>"Local networks"</h1>
        <p class="view-purpose">"On-premises networks reached through site-to-site VPN, and the routes their routers need back to the point-to-site pool."</p>
        <table tabindex="0">
            <thead><tr><th>"Name"</th><th>"Address space"</th><th>"VPN device"</th><th>"Servers"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <form class="panel" on:submit=submit>
            <h2>"Create a local network"</h2>
            <label>"Name" <input type="text" bind:value=name placeholder="branchOffice" /></label>
            <label>"Address space" <input type="text" bind:value=space placeholder="192.169.0.0/24" /></label>
            <label>"VPN device address" <input type="text" bind:value=device placeholder="131.107.2.2" /></label>
            <FormError error=error />
            <button type="submit">"Create"</button>
        </form>
    }
}

#[component]
pub fn LocalNetworkView(local: LocalNetworkId) -> impl IntoView {
    let lab = use_lab();
    let details = move || {
        lab.subscription.with(|s| {
            let network = s.local_networks.get(&local)?;
            let servers = network
                .servers
                .iter()
                .map(|server| {
                    let host = HostRef::Server(local, server.id);
                    view! {
                        <tr>
                            <td>{server.host.name.clone()}</td>
                            <td><code>{server.host.address.to_string()}</code></td>
                            <td>{server.host.host_names.join(", ")}</td>
                            <td>{server.host.role.as_ref().map(ToString::to_string)}</td>
                            <td>{join(&server.host.open_ports, ", ")}</td>
                            <td>
                                <OpenPortForm host=host />
                            </td>
                        </tr>
                    }
                })
                .collect_view().into_any();
            let routes = network
                .routes
                .iter()
                .map(|route| {
                    let prefix = route.to_string();
                    let label = format!("Remove the route {prefix}");
                    view! {
                        <li>
                            <code>{format!("{prefix} via the VPN tunnel")}</code>" "
                            <button type="button" class="secondary" aria-label=label on:click=move |_| { let _ = lab.run(Command::RemoveRoute { local_network: local, prefix: prefix.clone() }); }>"Remove"</button>
                        </li>
                    }
                })
                .collect_view().into_any();
            Some((network.name.clone(), join(&network.address_space, ", "), network.vpn_device.to_string(), servers, routes))
        })
    };
    let server_name = RwSignal::new(String::new());
    let server_address = RwSignal::new(String::new());
    let server_hosts = RwSignal::new(String::new());
    let windows = RwSignal::new(true);
    let error = RwSignal::new(None);
    let add_server = move |ev: SubmitEvent| {
        ev.prevent_default();
        error.set(lab.submit(Command::AddServer {
            local_network: local,
            name: server_name.get_untracked(),
            address: server_address.get_untracked(),
            host_names: server_hosts.get_untracked(),
            role: windows.get_untracked().then_some(Role::WindowsServer),
        }));
    };
    move || {
        match details() {
        None => view! { <h1>"Local network not found"</h1><p>"It may have been deleted."</p> }.into_any(),
        Some((name, spaces, device, servers, routes)) => view! {
            <h1>{name}</h1>
            <dl class="facts">
                <dt>"Address space"</dt><dd>{spaces}</dd>
                <dt>"VPN device"</dt><dd>{device}</dd>
            </dl>
            <h2>"Servers"</h2>
            <table tabindex="0">
                <thead><tr><th>"Name"</th><th>"IP"</th><th>"Host names"</th><th>"Role"</th><th>"Open ports"</th><th>"Firewall"</th></tr></thead>
                <tbody>{servers}</tbody>
            </table>
            <form class="panel" on:submit=add_server>
                <h3>"Add a server"</h3>
                <label>"Name" <input type="text" bind:value=server_name placeholder="hq-db01" /></label>
                <label>"IP" <input type="text" bind:value=server_address placeholder="192.168.1.20" /></label>
                <label>"Host names (optional)" <input type="text" bind:value=server_hosts placeholder="db.contoso.local" /></label>
                <label><input type="checkbox" bind:checked=windows />" Windows Server (can run the Hybrid Connection Manager)"</label>
                <FormError error=error />
                <button type="submit">"Add"</button>
            </form>
            <h2>"Routes on the on-premises routers"</h2>
            <p>"Replies to a web app go to its point-to-site address: the routers need a route for the VNet's pool back through the tunnel."</p>
            <ul class="plain">{routes}</ul>
            <OneFieldForm label="Prefix" button="Add route" placeholder="172.16.0.0/24" submit=move |prefix| lab.submit(Command::AddRoute { local_network: local, prefix }) />
        }
        .into_any(),
    }
    }
}
