//! Private endpoints (R32): an Azure service given a private address in a subnet; its name
//! resolves there only through a linked privatelink zone.

use leptos::prelude::*;

use crate::model::entities::ids::PrivateEndpointId;
use crate::model::input::text::join;
use crate::model::{Command, HostRef, Subscription};
use crate::ui::lab::use_lab;
use crate::ui::widgets::choice::{Choice, Options, Select};
use crate::ui::widgets::form::{Form, TextInput};
use crate::ui::widgets::keyed::shown;
use crate::ui::widgets::open_port::OpenPortForm;
use crate::ui::widgets::options;

#[derive(Clone, PartialEq, Eq, Hash)]
struct Row {
    id: PrivateEndpointId,
    target: String,
    place: String,
    address: String,
    public_address: String,
    private_name: String,
    ports: String,
}

fn rows(s: &Subscription) -> Vec<Row> {
    s.private_endpoints
        .values()
        .map(|endpoint| Row {
            id: endpoint.id,
            target: endpoint.host.name.clone(),
            place: format!(
                "{}/{}",
                s.virtual_networks
                    .get(&endpoint.vnet)
                    .map_or("?", |v| v.name.as_str()),
                endpoint.subnet
            ),
            address: endpoint.host.address.to_string(),
            public_address: endpoint.public_address.to_string(),
            private_name: endpoint.private_link_name(),
            ports: join(&endpoint.host.open_ports, ", "),
        })
        .collect()
}

#[component]
pub fn PrivateEndpoints() -> impl IntoView {
    let lab = use_lab();
    let rows = lab.derive(rows);
    let hosts = Options::derive(lab, |s| {
        s.private_endpoints
            .values()
            .map(|e| (HostRef::PrivateEndpoint(e.id), e.host.name.clone()))
            .collect()
    });
    let row = move |row: Row| {
        let id = row.id;
        view! {
            <tr>
                <td>{row.target.clone()}</td>
                <td>{row.place}</td>
                <td><code>{row.address}</code></td>
                <td><code>{row.public_address}</code></td>
                <td>{row.private_name}</td>
                <td>{row.ports}</td>
                <td>
                    <button
                        type="button"
                        class="secondary"
                        aria-label=format!("Delete {}", row.target)
                        on:click=move |_| { let _ = lab.run(Command::DeletePrivateEndpoint { endpoint: id }); }
                    >
                        "Delete"
                    </button>
                </td>
            </tr>
        }
    };
    view! {
        <h1>"Private endpoints"</h1>
        <p class="view-purpose">"Azure services with a private address in a subnet; their names resolve to it only through a linked private DNS zone."</p>
        <table tabindex="0">
            <thead><tr><th>"Service"</th><th>"Subnet"</th><th>"Private IP"</th><th>"Public address"</th><th>"Private link name"</th><th>"Open ports"</th><th>"Actions"</th></tr></thead>
            <tbody>
                <For each=move || rows.get() key=shown children=row />
            </tbody>
        </table>
        <h2>"Firewall"</h2>
        <OpenPortForm kind="Private endpoint" hosts=hosts />
        <CreatePrivateEndpoint />
    }
}

#[component]
fn CreatePrivateEndpoint() -> impl IntoView {
    let lab = use_lab();
    let vnet = Choice::new(options::virtual_networks(lab));
    let subnet = Choice::new(options::subnets(lab, vnet));
    let target = RwSignal::new(String::new());
    let address = RwSignal::new(String::new());
    let public_address = RwSignal::new(String::new());
    let submit = move || {
        lab.submit(Command::CreatePrivateEndpoint {
            vnet: vnet.required("Create a virtual network first.")?,
            subnet: subnet.required("The virtual network has no subnet: add one first.")?,
            target: target.get_untracked(),
            address: address.get_untracked(),
            public_address: public_address.get_untracked(),
        })
    };
    view! {
        <Form button="Create" submit=submit>
            <h2>"Create a private endpoint"</h2>
            <Select label="Virtual network" choice=vnet />
            <Select label="Subnet" choice=subnet />
            <TextInput label="Target service name" value=target placeholder="contoso-files.file.core.windows.net" />
            <TextInput label="Private IP" value=address placeholder="10.3.3.5" />
            <TextInput label="Public address" value=public_address placeholder="52.239.1.10" />
        </Form>
    }
}
