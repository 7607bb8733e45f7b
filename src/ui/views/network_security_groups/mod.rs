//! Network security groups (R30): the list and creating one; `nsg` is one group's view, with
//! its rules in evaluation order and the form to add, edit and reorder them.

pub mod nsg;

use leptos::prelude::*;

use crate::model::{Command, Subscription};
use crate::ui::lab::use_lab;
use crate::ui::route::Route;
use crate::ui::views::associated_subnets;
use crate::ui::widgets::choice::{Choice, Select};
use crate::ui::widgets::form::{Form, TextInput};
use crate::ui::widgets::listing::Listing;
use crate::ui::widgets::options;
use crate::ui::widgets::table::{Action, Cell, Table};

fn rows(s: &Subscription) -> Vec<Vec<Cell>> {
    s.network_security_groups
        .values()
        .map(|nsg| {
            vec![
                Cell::Link(Route::NetworkSecurityGroup(nsg.id).href(), nsg.name.clone()),
                Cell::text(nsg.region),
                Cell::Text(associated_subnets(s, |subnet| {
                    subnet.network_security_group == Some(nsg.id)
                })),
                Cell::text(nsg.rules.len()),
                Cell::Actions(vec![Action::new(
                    "Delete",
                    format!("Delete {}", nsg.name),
                    Command::DeleteNetworkSecurityGroup { nsg: nsg.id },
                )]),
            ]
        })
        .collect()
}

#[component]
pub fn NetworkSecurityGroups() -> impl IntoView {
    let lab = use_lab();
    let name = RwSignal::new(String::new());
    let region = Choice::new(options::regions());
    let submit = move || {
        lab.submit(Command::CreateNetworkSecurityGroup {
            name: name.get_untracked(),
            region: region.required("Pick a region.")?,
        })
    };
    view! {
        <h1>"Network security groups"</h1>
        <p class="view-purpose">"Outbound and inbound rules on subnets, by priority, first match wins; the outbound ones filter a web app's integrated traffic."</p>
        <Table head=&["Name", "Region", "Associated subnets", "Custom rules", "Actions"] rows=lab.derive(rows) listing=Listing::new("network security group", "network security groups", "name") />
        <Form button="Create" submit=submit>
            <h2>"Create a network security group"</h2>
            <TextInput label="Name" value=name placeholder="data-nsg" />
            <Select label="Region" choice=region />
        </Form>
    }
}
