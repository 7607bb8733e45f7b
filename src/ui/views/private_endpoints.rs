//! Private endpoints (R32): an Azure service given a private address in a subnet; its name
//! resolves there only through a linked privatelink zone.

use leptos::prelude::*;

use crate::model::input::text::join;
use crate::model::{Command, HostRef, Subscription};
use crate::ui::lab::use_lab;
use crate::ui::widgets::choice::{Choice, Options, Select};
use crate::ui::widgets::form::{Form, TextInput};
use crate::ui::widgets::listing::Listing;
use crate::ui::widgets::open_port::OpenPortForm;
use crate::ui::widgets::options;
use crate::ui::widgets::table::{Action, Cell, Table};

fn rows(s: &Subscription) -> Vec<Vec<Cell>> {
    s.private_endpoints
        .values()
        .map(|endpoint| {
            let vnet = s.virtual_networks.get(&endpoint.vnet);
            vec![
                Cell::text(&endpoint.host.name),
                Cell::Text(format!(
                    "{}/{}",
                    vnet.map_or("?", |v| v.name.as_str()),
                    endpoint.subnet
                )),
                Cell::code(endpoint.host.address),
                Cell::code(endpoint.public_address),
                Cell::Text(endpoint.private_link_name()),
                Cell::Text(join(&endpoint.host.open_ports, ", ")),
                Cell::Actions(vec![Action::new(
                    "Delete",
                    format!("Delete {}", endpoint.host.name),
                    Command::DeletePrivateEndpoint {
                        endpoint: endpoint.id,
                    },
                )]),
            ]
        })
        .collect()
}

#[component]
pub fn PrivateEndpoints() -> impl IntoView {
    let lab = use_lab();
    let hosts = Options::derive(lab, |s| {
        s.private_endpoints
            .values()
            .map(|e| (HostRef::PrivateEndpoint(e.id), e.host.name.clone()))
            .collect()
    });
    view! {
        <h1>"Private endpoints"</h1>
        <p class="view-purpose">"Azure services with a private address in a subnet; their names resolve to it only through a linked private DNS zone."</p>
        <Table head=&["Service", "Subnet", "Private IP", "Public address", "Private link name", "Open ports", "Actions"] rows=lab.derive(rows) listing=Listing::new("private endpoint", "private endpoints", "service") />
        <h2>"Firewall"</h2>
        <OpenPortForm kind="Private endpoint" hosts=hosts />
        <CreatePrivateEndpoint />
    }
}

#[component]
fn CreatePrivateEndpoint() -> impl IntoView {
    let lab = use_lab();
    let vnet = Choice::new(options::virtual_networks(lab));
    let subnet = Choice::new(options::endpoint_subnets(lab, vnet));
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
