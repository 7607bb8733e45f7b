//! NAT gateways (R29): with Route All on, a web app's internet traffic leaves by the public IP
//! of its integration subnet's NAT gateway.

use leptos::prelude::*;

use crate::model::{Command, Subscription};
use crate::ui::lab::use_lab;
use crate::ui::views::associated_subnets;
use crate::ui::widgets::choice::{Choice, Select};
use crate::ui::widgets::form::{Form, TextInput};
use crate::ui::widgets::listing::Listing;
use crate::ui::widgets::options;
use crate::ui::widgets::table::{Action, Cell, Table};

fn rows(s: &Subscription) -> Vec<Vec<Cell>> {
    s.nat_gateways
        .values()
        .map(|gateway| {
            vec![
                Cell::text(&gateway.name),
                Cell::text(gateway.region),
                Cell::code(gateway.public_ip),
                Cell::Text(associated_subnets(s, |subnet| {
                    subnet.nat_gateway == Some(gateway.id)
                })),
                Cell::Actions(vec![Action::new(
                    "Delete",
                    format!("Delete {}", gateway.name),
                    Command::DeleteNatGateway {
                        nat_gateway: gateway.id,
                    },
                )]),
            ]
        })
        .collect()
}

#[component]
pub fn NatGateways() -> impl IntoView {
    let lab = use_lab();
    let name = RwSignal::new(String::new());
    let public_ip = RwSignal::new(String::new());
    let region = Choice::new(options::regions());
    let submit = move || {
        lab.submit(Command::CreateNatGateway {
            name: name.get_untracked(),
            region: region.required("Pick a region.")?,
            public_ip: public_ip.get_untracked(),
        })
    };
    view! {
        <h1>"NAT gateways"</h1>
        <p class="view-purpose">"With Route All on, internet traffic from an integration subnet leaves by its NAT gateway's public IP."</p>
        <Table head=&["Name", "Region", "Public IP", "Associated subnets", "Actions"] rows=lab.derive(rows) listing=Listing::new("NAT gateway", "NAT gateways", "name") />
        <Form button="Create" submit=submit>
            <h2>"Create a NAT gateway"</h2>
            <TextInput label="Name" value=name placeholder="apps-nat" />
            <Select label="Region" choice=region />
            <TextInput label="Public IP" value=public_ip placeholder="20.50.2.10" />
        </Form>
    }
}
