use leptos::prelude::*;

use crate::model::entities::ids::VnetId;
use crate::model::Command;
use crate::ui::lab::use_lab;
use crate::ui::views::virtual_network::list;
use crate::ui::widgets::form::{Form, TextInput};
use crate::ui::widgets::table::{Cell, Table};

#[component]
pub fn Subnets(vnet: VnetId) -> impl IntoView {
    let lab = use_lab();
    let space = lab.derive(move |s| {
        s.virtual_networks
            .get(&vnet)
            .map(|v| list(&v.address_space))
    });
    let subnets = lab.derive(move |s| {
        s.virtual_networks.get(&vnet).map_or_else(Vec::new, |v| {
            v.subnets
                .iter()
                .map(|subnet| vec![Cell::text(&subnet.name), Cell::code(subnet.prefix)])
                .collect()
        })
    });
    let name = RwSignal::new(String::new());
    let prefix = RwSignal::new(String::new());
    let submit = move || {
        lab.submit(Command::AddSubnet {
            vnet,
            name: name.get_untracked(),
            prefix: prefix.get_untracked(),
        })
    };
    view! {
        <p>"Address space: " <code>{move || space.get()}</code></p>
        <Table head=&["Subnet", "Prefix"] rows=subnets />
        <Form button="Add subnet" inline=true submit=submit>
            <TextInput label="New subnet name" value=name placeholder="Frontend" />
            <TextInput label="Prefix" value=prefix placeholder="10.1.2.0/24" />
        </Form>
    }
}
