//! The subnets of a VNet: delegation (R26), who integrates there and its addresses (R27, R28),
//! and the network controls on each (R29–R31). The model decides what is allowed.

use leptos::prelude::*;

use crate::model::derived::regional::subnet_usage;
use crate::model::entities::ids::{NatGatewayId, NsgId, RouteTableId, VnetId};
use crate::model::entities::region::Region;
use crate::model::{Command, Subscription};
use crate::ui::lab::{use_lab, Lab};
use crate::ui::views::virtual_network::list;
use crate::ui::widgets::choice::Options;
use crate::ui::widgets::choice::{Choice, Select};
use crate::ui::widgets::form::{Form, TextInput};
use crate::ui::widgets::keyed::shown;

/// A subnet as shown; drawn anew when it changes, and only then.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Row {
    name: String,
    prefix: String,
    delegation: String,
    delegated: bool,
    integration: String,
    addresses: String,
    controls: [(&'static str, String); 3],
}

/// What the subnet is associated with: the name, or "None".
fn named<T>(id: Option<T>, name: impl FnOnce(T) -> Option<String>) -> String {
    id.and_then(name).unwrap_or_else(|| "None".to_string())
}

fn rows(s: &Subscription, vnet: VnetId) -> Vec<Row> {
    let Some(v) = s.virtual_networks.get(&vnet) else {
        return Vec::new();
    };
    v.subnets
        .iter()
        .map(|subnet| {
            let usage = subnet_usage(s, vnet, &subnet.name);
            let integration = usage.as_ref().map_or_else(
                || "None".to_string(),
                |usage| {
                    let plans = usage
                        .plans
                        .iter()
                        .filter_map(|(plan, _)| s.plans.get(plan))
                        .map(|plan| format!("plan {}", plan.name));
                    let apps = usage
                        .apps
                        .iter()
                        .filter_map(|app| s.web_apps.get(app))
                        .map(|app| app.name.clone());
                    list(plans.chain(apps))
                },
            );
            let in_use = usage.as_ref().map_or(0, |usage| usage.in_use());
            Row {
                name: subnet.name.clone(),
                prefix: subnet.prefix.to_string(),
                delegation: subnet
                    .delegation
                    .map_or_else(|| "None".to_string(), |d| d.to_string()),
                delegated: subnet.delegation.is_some(),
                integration,
                addresses: format!("{in_use} of {}", subnet.usable_addresses()),
                controls: [
                    (
                        "NSG",
                        named(subnet.network_security_group, |id| {
                            Some(s.network_security_groups.get(&id)?.name.clone())
                        }),
                    ),
                    (
                        "Route table",
                        named(subnet.route_table, |id| {
                            Some(s.route_tables.get(&id)?.name.clone())
                        }),
                    ),
                    (
                        "NAT gateway",
                        named(subnet.nat_gateway, |id| {
                            Some(s.nat_gateways.get(&id)?.name.clone())
                        }),
                    ),
                ],
            }
        })
        .collect()
}

#[component]
pub fn Subnets(vnet: VnetId) -> impl IntoView {
    let lab = use_lab();
    let space = lab.derive(move |s| {
        s.virtual_networks
            .get(&vnet)
            .map(|v| list(&v.address_space))
    });
    let rows = lab.derive(move |s| rows(s, vnet));
    // The subnet whose network controls are open in its panel, below the table.
    let editing = RwSignal::new(None::<String>);
    let row = move |row: Row| {
        let (delegate, delete, edit) = (row.name.clone(), row.name.clone(), row.name.clone());
        let toggle = if row.delegated {
            (
                "Remove delegation",
                format!("Remove delegation of {}", row.name),
            )
        } else {
            (
                "Delegate",
                format!("Delegate {} to Microsoft.Web/serverFarms", row.name),
            )
        };
        let delegated = row.delegated;
        let controls = row
            .controls
            .into_iter()
            .map(|(what, name)| view! { <li>{what}": "{name}</li> })
            .collect_view();
        view! {
            <tr>
                <td data-label="Subnet">{row.name.clone()}</td>
                <td data-label="Prefix"><code>{row.prefix}</code></td>
                <td data-label="Delegation">{row.delegation}</td>
                <td data-label="Regional integration">{row.integration}</td>
                <td data-label="Addresses in use">{row.addresses}</td>
                <td data-label="Network controls"><ul class="plain">{controls}</ul></td>
                <td data-label="Actions">
                    <div class="row-actions">
                        <button
                            type="button"
                            class="secondary"
                            aria-label=format!("Edit network controls of {}", row.name)
                            on:click=move |_| editing.set(Some(edit.clone()))
                        >
                            "Edit network controls"
                        </button>
                        <button
                            type="button"
                            class="secondary"
                            aria-label=toggle.1
                            on:click=move |_| {
                                let subnet = delegate.clone();
                                let _ = lab.run(if delegated {
                                    Command::RemoveSubnetDelegation { vnet, subnet }
                                } else {
                                    Command::DelegateSubnet { vnet, subnet }
                                });
                            }
                        >
                            {toggle.0}
                        </button>
                        <button
                            type="button"
                            class="secondary"
                            aria-label=format!("Delete subnet {}", row.name)
                            on:click=move |_| { let _ = lab.run(Command::DeleteSubnet { vnet, subnet: delete.clone() }); }
                        >
                            "Delete"
                        </button>
                    </div>
                </td>
            </tr>
        }
    };
    let name = RwSignal::new(String::new());
    let prefix = RwSignal::new(String::new());
    let submit = move || {
        lab.submit(Command::AddSubnet {
            vnet,
            name: name.get_untracked(),
            prefix: prefix.get_untracked(),
        })
    };
    // Opened for one subnet, the panel is built once: a tick or its own Set leaves it alone.
    let panel = move || {
        editing
            .get()
            .map(|subnet| view! { <NetworkControls vnet=vnet subnet=subnet editing=editing /> })
    };
    view! {
        <p>"Address space: " <code class="cidr">{move || space.get()}</code></p>
        <table tabindex="0" class="subnets">
            <thead>
                <tr>
                    <th>"Subnet"</th><th>"Prefix"</th><th>"Delegation"</th><th>"Regional integration"</th>
                    <th>"Addresses in use"</th><th>"Network controls"</th><th>"Actions"</th>
                </tr>
            </thead>
            <tbody>
                <For each=move || rows.get() key=shown children=row />
            </tbody>
        </table>
        {panel}
        <Form button="Add subnet" inline=true submit=submit>
            <TextInput label="New subnet name" value=name placeholder="Frontend" />
            <TextInput label="Prefix" value=prefix placeholder="10.1.2.0/24" />
        </Form>
    }
}

/// The options of one kind of control in the VNet's region, "None" first.
fn in_region<T: Copy + PartialEq + Send + Sync + 'static>(
    lab: Lab,
    vnet: VnetId,
    of: impl Fn(&Subscription, Region) -> Vec<(T, String)> + Send + Sync + 'static,
) -> Options<Option<T>> {
    Options::derive(lab, move |s| {
        let mut options = vec![(None, "None".to_string())];
        if let Some(region) = s.virtual_networks.get(&vnet).map(|v| v.region) {
            options.extend(of(s, region).into_iter().map(|(id, name)| (Some(id), name)));
        }
        options
    })
}

/// One subnet's network controls, each choice starting at what the subnet has now; the choices
/// are of the VNet's region, and None removes the association.
#[component]
fn NetworkControls(
    vnet: VnetId,
    subnet: String,
    editing: RwSignal<Option<String>>,
) -> impl IntoView {
    let lab = use_lab();
    let current = lab.subscription.with_untracked(|s| {
        s.virtual_networks
            .get(&vnet)
            .and_then(|v| v.subnet(&subnet))
            .map(|found| {
                (
                    found.network_security_group,
                    found.route_table,
                    found.nat_gateway,
                )
            })
    });
    let (current_nsg, current_table, current_nat) = current.unwrap_or_default();
    let nsg = Choice::new(in_region::<NsgId>(lab, vnet, |s, region| {
        s.network_security_groups
            .values()
            .filter(|n| n.region == region)
            .map(|n| (n.id, n.name.clone()))
            .collect()
    }))
    .starting_at(current_nsg);
    let table = Choice::new(in_region::<RouteTableId>(lab, vnet, |s, region| {
        s.route_tables
            .values()
            .filter(|t| t.region == region)
            .map(|t| (t.id, t.name.clone()))
            .collect()
    }))
    .starting_at(current_table);
    let gateway = Choice::new(in_region::<NatGatewayId>(lab, vnet, |s, region| {
        s.nat_gateways
            .values()
            .filter(|g| g.region == region)
            .map(|g| (g.id, g.name.clone()))
            .collect()
    }))
    .starting_at(current_nat);
    let (for_nsg, for_table, for_nat) = (subnet.clone(), subnet.clone(), subnet.clone());
    let submit_nsg = move || {
        lab.submit(Command::AssociateNetworkSecurityGroup {
            vnet,
            subnet: for_nsg.clone(),
            nsg: nsg.value_untracked().flatten(),
        })
    };
    let submit_table = move || {
        lab.submit(Command::AssociateRouteTable {
            vnet,
            subnet: for_table.clone(),
            route_table: table.value_untracked().flatten(),
        })
    };
    let submit_nat = move || {
        lab.submit(Command::AssociateNatGateway {
            vnet,
            subnet: for_nat.clone(),
            nat_gateway: gateway.value_untracked().flatten(),
        })
    };
    let heading = format!("Network controls of {subnet}");
    let label = heading.clone();
    view! {
        <section class="panel" aria-label=label>
            <h3>{heading}</h3>
            <p>"Choices are of the virtual network's region; None removes the association."</p>
            <Form button="Set NSG" inline=true submit=submit_nsg>
                <Select label="Network security group" choice=nsg />
            </Form>
            <Form button="Set route table" inline=true submit=submit_table>
                <Select label="Route table" choice=table />
            </Form>
            <Form button="Set NAT gateway" inline=true submit=submit_nat>
                <Select label="NAT gateway" choice=gateway />
            </Form>
            <button type="button" class="secondary" on:click=move |_| editing.set(None)>"Close"</button>
        </section>
    }
}
