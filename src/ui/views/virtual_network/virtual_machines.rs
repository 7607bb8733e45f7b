use leptos::prelude::*;

use crate::model::entities::host::Role;
use crate::model::entities::ids::VnetId;
use crate::model::{Command, HostRef};
use crate::ui::lab::use_lab;
use crate::ui::views::virtual_network::list;
use crate::ui::widgets::choice::{Choice, Options, Select};
use crate::ui::widgets::form::{Form, TextInput};
use crate::ui::widgets::listing::Listing;
use crate::ui::widgets::open_port::OpenPortForm;
use crate::ui::widgets::table::{Cell, Table};

/// The roles a new VM may take, "None" first.
fn roles() -> Vec<(Option<Role>, String)> {
    let roles = [
        Role::DnsServer {
            records: Vec::new(),
        },
        Role::SqlServer,
        Role::FileServer,
        Role::DomainController,
        Role::WindowsServer,
    ];
    let mut options = vec![(None, "None".to_string())];
    options.extend(roles.map(|role| {
        let words = role.to_string();
        (Some(role), words)
    }));
    options
}

#[component]
pub fn VirtualMachines(vnet: VnetId) -> impl IntoView {
    let lab = use_lab();
    let vms = lab.derive(move |s| {
        s.virtual_networks.get(&vnet).map_or_else(Vec::new, |v| {
            v.virtual_machines
                .iter()
                .map(|vm| {
                    let role = vm.host.role.as_ref().map(ToString::to_string);
                    vec![
                        Cell::text(&vm.host.name),
                        Cell::code(vm.host.address),
                        Cell::text(&vm.subnet),
                        Cell::Text(role.unwrap_or_default()),
                        Cell::Text(list(&vm.host.open_ports)),
                    ]
                })
                .collect()
        })
    });
    let hosts = Options::derive(lab, move |s| {
        s.virtual_networks.get(&vnet).map_or_else(Vec::new, |v| {
            v.virtual_machines
                .iter()
                .map(|vm| (HostRef::VirtualMachine(vnet, vm.id), vm.host.name.clone()))
                .collect()
        })
    });
    view! {
        <p>"A virtual machine joins a virtual network only when it is created; it cannot be moved into another one."</p>
        <Table head=&["Name", "Private IP", "Subnet", "Role", "Open ports"] rows=vms listing=Listing::new("virtual machine", "virtual machines", "name") />
        <h3>"Firewall"</h3>
        <OpenPortForm kind="Virtual machine" hosts=hosts />
        <CreateVirtualMachine vnet=vnet />
    }
}

#[component]
fn CreateVirtualMachine(vnet: VnetId) -> impl IntoView {
    let lab = use_lab();
    let subnets = Options::derive(lab, move |s| {
        s.virtual_networks.get(&vnet).map_or_else(Vec::new, |v| {
            v.subnets
                .iter()
                .map(|subnet| {
                    let words = format!("{} ({})", subnet.name, subnet.prefix);
                    (subnet.name.clone(), words)
                })
                .collect()
        })
    });
    let subnet = Choice::new(subnets);
    let role = Choice::new(Options::fixed(roles()));
    let name = RwSignal::new(String::new());
    let address = RwSignal::new(String::new());
    let host_names = RwSignal::new(String::new());
    // Without a subnet the model's refusal says what is missing.
    let submit = move || {
        lab.submit(Command::CreateVirtualMachine {
            vnet,
            subnet: subnet.value_untracked().unwrap_or_default(),
            name: name.get_untracked(),
            address: address.get_untracked(),
            host_names: host_names.get_untracked(),
            role: role.value_untracked().flatten(),
        })
    };
    view! {
        <Form button="Create" submit=submit>
            <h3>"Create a virtual machine"</h3>
            <Select label="Subnet" choice=subnet />
            <TextInput label="Name" value=name placeholder="web01" />
            <TextInput label="Private IP" value=address placeholder="10.1.1.10" />
            <TextInput label="Host names (optional)" value=host_names placeholder="web01.corp.contoso.com" />
            <Select label="Role" choice=role />
        </Form>
    }
}
