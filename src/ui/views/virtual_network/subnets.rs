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
    nsg: String,
    route_table: String,
    nat_gateway: String,
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
                nsg: subnet
                    .network_security_group
                    .and_then(|id| s.network_security_groups.get(&id))
                    .map_or_else(|| "None".to_string(), |n| n.name.clone()),
                route_table: subnet
                    .route_table
                    .and_then(|id| s.route_tables.get(&id))
                    .map_or_else(|| "None".to_string(), |t| t.name.clone()),
                nat_gateway: subnet
                    .nat_gateway
                    .and_then(|id| s.nat_gateways.get(&id))
                    .map_or_else(|| "None".to_string(), |g| g.name.clone()),
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
    let row = move |row: Row| {
        let (delegate, delete) = (row.name.clone(), row.name.clone());
        let toggle = if row.delegated {
            (
                "Remove delegation",
                format!("Remove the delegation of {}", row.name),
            )
        } else {
            (
                "Delegate",
                format!("Delegate {} to Microsoft.Web/serverFarms", row.name),
            )
        };
        let delegated = row.delegated;
        view! {
            <tr>
                <td>{row.name.clone()}</td>
                <td><code>{row.prefix}</code></td>
                <td>{row.delegation}</td>
                <td>{row.integration}</td>
                <td>{row.addresses}</td>
                <td>{row.nsg}</td>
                <td>{row.route_table}</td>
                <td>{row.nat_gateway}</td>
                <td>
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
    view! {
        <p>"Address space: " <code>{move || space.get()}</code></p>
        <table tabindex="0">
            <thead>
                <tr>
                    <th>"Subnet"</th><th>"Prefix"</th><th>"Delegation"</th><th>"Regional integration"</th>
                    <th>"Addresses in use"</th><th>"NSG"</th><th>"Route table"</th><th>"NAT gateway"</th><th>"Actions"</th>
                </tr>
            </thead>
            <tbody>
                <For each=move || rows.get() key=shown children=row />
            </tbody>
        </table>
        <Form button="Add subnet" inline=true submit=submit>
            <TextInput label="New subnet name" value=name placeholder="Frontend" />
            <TextInput label="Prefix" value=prefix placeholder="10.1.2.0/24" />
        </Form>
        <h3>"Network controls"</h3>
        <p>"Choices are of the virtual network's region; None removes the association."</p>
        <Associate vnet=vnet />
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

#[component]
fn Associate(vnet: VnetId) -> impl IntoView {
    let lab = use_lab();
    let subnets = Options::derive(lab, move |s| {
        s.virtual_networks.get(&vnet).map_or_else(Vec::new, |v| {
            v.subnets
                .iter()
                .map(|subnet| (subnet.name.clone(), subnet.name.clone()))
                .collect()
        })
    });
    let nsgs = in_region::<NsgId>(lab, vnet, |s, region| {
        s.network_security_groups
            .values()
            .filter(|n| n.region == region)
            .map(|n| (n.id, n.name.clone()))
            .collect()
    });
    let tables = in_region::<RouteTableId>(lab, vnet, |s, region| {
        s.route_tables
            .values()
            .filter(|t| t.region == region)
            .map(|t| (t.id, t.name.clone()))
            .collect()
    });
    let gateways = in_region::<NatGatewayId>(lab, vnet, |s, region| {
        s.nat_gateways
            .values()
            .filter(|g| g.region == region)
            .map(|g| (g.id, g.name.clone()))
            .collect()
    });
    let (nsg_subnet, table_subnet, nat_subnet) = (
        Choice::new(subnets),
        Choice::new(subnets),
        Choice::new(subnets),
    );
    let (nsg, table, gateway) = (
        Choice::new(nsgs),
        Choice::new(tables),
        Choice::new(gateways),
    );
    const NO_SUBNET: &str = "Add a subnet first.";
    let submit_nsg = move || {
        lab.submit(Command::AssociateNetworkSecurityGroup {
            vnet,
            subnet: nsg_subnet.required(NO_SUBNET)?,
            nsg: nsg.value_untracked().flatten(),
        })
    };
    let submit_table = move || {
        lab.submit(Command::AssociateRouteTable {
            vnet,
            subnet: table_subnet.required(NO_SUBNET)?,
            route_table: table.value_untracked().flatten(),
        })
    };
    let submit_nat = move || {
        lab.submit(Command::AssociateNatGateway {
            vnet,
            subnet: nat_subnet.required(NO_SUBNET)?,
            nat_gateway: gateway.value_untracked().flatten(),
        })
    };
    view! {
        <Form button="Set NSG" inline=true submit=submit_nsg>
            <Select label="Subnet for the NSG" choice=nsg_subnet />
            <Select label="Network security group" choice=nsg />
        </Form>
        <Form button="Set route table" inline=true submit=submit_table>
            <Select label="Subnet for the route table" choice=table_subnet />
            <Select label="Route table" choice=table />
        </Form>
        <Form button="Set NAT gateway" inline=true submit=submit_nat>
            <Select label="Subnet for the NAT gateway" choice=nat_subnet />
            <Select label="NAT gateway" choice=gateway />
        </Form>
    }
}
