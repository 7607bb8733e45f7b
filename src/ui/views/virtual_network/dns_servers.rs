use leptos::prelude::*;

use crate::model::entities::ids::VnetId;
use crate::model::Command;
use crate::ui::lab::use_lab;
use crate::ui::widgets::form::{Form, TextInput};
use crate::ui::widgets::table::{Action, Cell, Table};

#[component]
pub fn DnsServers(vnet: VnetId) -> impl IntoView {
    let lab = use_lab();
    let servers = lab.derive(move |s| {
        s.virtual_networks.get(&vnet).map_or_else(Vec::new, |v| {
            v.dns_servers
                .iter()
                .map(|address| {
                    let remove = Command::RemoveDnsServer {
                        vnet,
                        address: address.to_string(),
                    };
                    let label = format!("Remove {address}");
                    vec![
                        Cell::code(address),
                        Cell::Actions(vec![Action::new("Remove", label, remove)]),
                    ]
                })
                .collect()
        })
    });
    let address = RwSignal::new(String::new());
    let submit = move || {
        lab.submit(Command::AddDnsServer {
            vnet,
            address: address.get_untracked(),
        })
    };
    view! {
        <p>"Web apps use the DNS servers of their last sync: adding one marks their connections sync required. At most 12."</p>
        <Table head=&["DNS server", "Actions"] rows=servers />
        <Form button="Add DNS server" inline=true submit=submit>
            <TextInput label="DNS server" value=address placeholder="10.1.1.4" />
        </Form>
    }
}
