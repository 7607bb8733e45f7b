//! Network security groups (R30): the list and creating one; `nsg` is one group's view, with
//! its rules in evaluation order and the form to add, edit and reorder them.

pub mod nsg;

use leptos::prelude::*;

use crate::model::entities::ids::NsgId;
use crate::model::{Command, Subscription};
use crate::ui::lab::use_lab;
use crate::ui::route::Route;
use crate::ui::views::associated_subnets;
use crate::ui::widgets::choice::{Choice, Select};
use crate::ui::widgets::form::{Form, TextInput};
use crate::ui::widgets::keyed::shown;
use crate::ui::widgets::options;

#[derive(Clone, PartialEq, Eq, Hash)]
struct Row {
    id: NsgId,
    name: String,
    region: &'static str,
    subnets: String,
    rules: usize,
}

fn rows(s: &Subscription) -> Vec<Row> {
    s.network_security_groups
        .values()
        .map(|nsg| Row {
            id: nsg.id,
            name: nsg.name.clone(),
            region: nsg.region.display_name(),
            subnets: associated_subnets(s, |subnet| subnet.network_security_group == Some(nsg.id)),
            rules: nsg.rules.len(),
        })
        .collect()
}

#[component]
pub fn NetworkSecurityGroups() -> impl IntoView {
    let lab = use_lab();
    let rows = lab.derive(rows);
    let row = move |row: Row| {
        let id = row.id;
        view! {
            <tr>
                <td><a href=Route::NetworkSecurityGroup(id).href()>{row.name.clone()}</a></td>
                <td>{row.region}</td>
                <td>{row.subnets}</td>
                <td>{row.rules}</td>
                <td>
                    <button
                        type="button"
                        class="secondary"
                        aria-label=format!("Delete {}", row.name)
                        on:click=move |_| { let _ = lab.run(Command::DeleteNetworkSecurityGroup { nsg: id }); }
                    >
                        "Delete"
                    </button>
                </td>
            </tr>
        }
    };
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
        <table tabindex="0">
            <thead><tr><th>"Name"</th><th>"Region"</th><th>"Associated subnets"</th><th>"Custom rules"</th><th>"Actions"</th></tr></thead>
            <tbody>
                <For each=move || rows.get() key=shown children=row />
            </tbody>
        </table>
        <Form button="Create" submit=submit>
            <h2>"Create a network security group"</h2>
            <TextInput label="Name" value=name placeholder="data-nsg" />
            <Select label="Region" choice=region />
        </Form>
    }
}
