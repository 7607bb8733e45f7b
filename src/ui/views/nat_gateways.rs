//! NAT gateways (R29): with Route All on, a web app's internet traffic leaves by the public IP
//! of its integration subnet's NAT gateway.

use leptos::prelude::*;

use crate::model::entities::ids::NatGatewayId;
use crate::model::{Command, Subscription};
use crate::ui::lab::use_lab;
use crate::ui::views::associated_subnets;
use crate::ui::widgets::choice::{Choice, Select};
use crate::ui::widgets::form::{Form, TextInput};
use crate::ui::widgets::keyed::shown;
use crate::ui::widgets::options;

#[derive(Clone, PartialEq, Eq, Hash)]
struct Row {
    id: NatGatewayId,
    name: String,
    region: &'static str,
    public_ip: String,
    subnets: String,
}

fn rows(s: &Subscription) -> Vec<Row> {
    s.nat_gateways
        .values()
        .map(|gateway| Row {
            id: gateway.id,
            name: gateway.name.clone(),
            region: gateway.region.display_name(),
            public_ip: gateway.public_ip.to_string(),
            subnets: associated_subnets(s, |subnet| subnet.nat_gateway == Some(gateway.id)),
        })
        .collect()
}

#[component]
pub fn NatGateways() -> impl IntoView {
    let lab = use_lab();
    let rows = lab.derive(rows);
    let row = move |row: Row| {
        let id = row.id;
        view! {
            <tr>
                <td>{row.name.clone()}</td>
                <td>{row.region}</td>
                <td><code>{row.public_ip}</code></td>
                <td>{row.subnets}</td>
                <td>
                    <button
                        type="button"
                        class="secondary"
                        aria-label=format!("Delete {}", row.name)
                        on:click=move |_| { let _ = lab.run(Command::DeleteNatGateway { nat_gateway: id }); }
                    >
                        "Delete"
                    </button>
                </td>
            </tr>
        }
    };
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
        <table tabindex="0">
            <thead><tr><th>"Name"</th><th>"Region"</th><th>"Public IP"</th><th>"Associated subnets"</th><th>"Actions"</th></tr></thead>
            <tbody>
                <For each=move || rows.get() key=shown children=row />
            </tbody>
        </table>
        <Form button="Create" submit=submit>
            <h2>"Create a NAT gateway"</h2>
            <TextInput label="Name" value=name placeholder="apps-nat" />
            <Select label="Region" choice=region />
            <TextInput label="Public IP" value=public_ip placeholder="20.50.2.10" />
        </Form>
    }
}
