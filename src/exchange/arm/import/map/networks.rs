//! `virtualNetworks` with their subnets, inline or as `virtualNetworks/subnets` resources (one
//! subnet when both say it), and `virtualNetworkPeerings`, one resource per side.

use serde_json::Value;

use super::{describe, split_child, Mapper};
use crate::exchange::arm::import::props::{at, items, last_name, name_after, text};
use crate::exchange::arm::import::report::Finding;
use crate::exchange::arm::import::template::Resource;
use crate::model::Command;

/// A subnet as the template states it, inline in its VNet or as its own resource.
pub struct StatedSubnet<'r> {
    pub resource: &'r Resource,
    pub vnet: String,
    pub name: String,
    /// The subnet's own JSON, with `properties`.
    pub body: Value,
    pub path: String,
}

/// Every subnet the template states, in order, inline ones first.
pub fn stated_subnets(resources: &[Resource]) -> Vec<StatedSubnet<'_>> {
    let mut subnets = Vec::new();
    for vnet in resources.iter().filter(|r| {
        r.resource_type
            .eq_ignore_ascii_case("Microsoft.Network/virtualNetworks")
    }) {
        for (i, subnet) in items(&vnet.body, "properties.subnets").iter().enumerate() {
            subnets.push(StatedSubnet {
                resource: vnet,
                vnet: vnet.name.clone(),
                name: text(subnet, "name").unwrap_or_default().to_string(),
                body: subnet.clone(),
                path: format!("properties.subnets[{i}]"),
            });
        }
    }
    for subnet in resources.iter().filter(|r| {
        r.resource_type
            .eq_ignore_ascii_case("Microsoft.Network/virtualNetworks/subnets")
    }) {
        let (vnet, name) = split_child(&subnet.name);
        subnets.push(StatedSubnet {
            resource: subnet,
            vnet: vnet.to_string(),
            name: name.to_string(),
            body: subnet.body.clone(),
            path: String::new(),
        });
    }
    subnets
}

fn join(values: &[Value]) -> String {
    values
        .iter()
        .filter_map(Value::as_str)
        .collect::<Vec<_>>()
        .join(" ")
}

impl Mapper<'_> {
    pub(super) fn virtual_networks(&mut self) -> Result<(), String> {
        for vnet in self
            .of_type("Microsoft.Network/virtualNetworks")
            .collect::<Vec<_>>()
        {
            let region = self.region(vnet)?;
            let command = Command::CreateVirtualNetwork {
                name: vnet.name.clone(),
                region,
                address_space: join(items(&vnet.body, "properties.addressSpace.addressPrefixes")),
                dns_servers: join(items(&vnet.body, "properties.dhcpOptions.dnsServers")),
            };
            self.run(vnet, "properties.addressSpace.addressPrefixes", command)?;
            self.created("virtual network");
        }
        let mut done: Vec<(String, String)> = Vec::new();
        for subnet in stated_subnets(self.resources) {
            let key = (
                subnet.vnet.to_ascii_lowercase(),
                subnet.name.to_ascii_lowercase(),
            );
            if done.contains(&key) {
                continue;
            }
            done.push(key);
            self.subnet(&subnet)?;
        }
        Ok(())
    }

    fn subnet(&mut self, subnet: &StatedSubnet<'_>) -> Result<(), String> {
        let resource = subnet.resource;
        let at_path = |key: &str| {
            if subnet.path.is_empty() {
                key.to_string()
            } else {
                format!("{}.{key}", subnet.path)
            }
        };
        let Some(vnet) = self.vnet_id(&subnet.vnet) else {
            self.skip(
                resource,
                format!(
                    "its virtual network “{}” is neither in the template nor in the lab",
                    subnet.vnet
                ),
            );
            return Ok(());
        };
        let prefix = text(&subnet.body, "properties.addressPrefix")
            .or_else(|| {
                items(&subnet.body, "properties.addressPrefixes")
                    .first()
                    .and_then(Value::as_str)
            })
            .unwrap_or_default()
            .to_string();
        let name = subnet.name.clone();
        let label = format!("{}/{name}", subnet.vnet);
        self.run(
            resource,
            &at_path("properties.addressPrefix"),
            Command::AddSubnet {
                vnet,
                name: name.clone(),
                prefix,
            },
        )?;
        self.created("subnet");
        let delegated = items(&subnet.body, "properties.delegations")
            .iter()
            .any(|d| {
                text(d, "properties.serviceName")
                    .is_some_and(|s| s.eq_ignore_ascii_case("Microsoft.Web/serverFarms"))
            });
        if delegated {
            self.run(
                resource,
                &at_path("properties.delegations"),
                Command::DelegateSubnet {
                    vnet,
                    subnet: name.clone(),
                },
            )?;
        }
        if let Some(nsg) = at(&subnet.body, "properties.networkSecurityGroup") {
            match text(nsg, "id") {
                Some(id) => {
                    let found = self.lab.network_security_groups.values().find(|g| g.name.eq_ignore_ascii_case(last_name(id))).map(|g| g.id);
                    match found {
                        Some(group) => self.run(resource, &at_path("properties.networkSecurityGroup.id"), Command::AssociateNetworkSecurityGroup { vnet, subnet: name.clone(), nsg: Some(group) })?,
                        None => self.skip_part(resource, &format!("{label} (its network security group)"), &at_path("properties.networkSecurityGroup.id"), format!("the subnet {name} names the network security group {}, which is neither in the template nor in the lab, so the lab associates none", last_name(id))),
                    }
                }
                None => self.skip_part(resource, &format!("{label} (its inline NSG)"), &at_path("properties.networkSecurityGroup"), format!(
                    "the subnet {name} writes a network security group inline without an id ({}): Azure needs a networkSecurityGroups resource referred to by id, so the lab associates none",
                    at_path("properties.networkSecurityGroup")
                )),
            }
        }
        if let Some(id) = text(&subnet.body, "properties.routeTable.id") {
            let found = self
                .lab
                .route_tables
                .values()
                .find(|t| t.name.eq_ignore_ascii_case(last_name(id)))
                .map(|t| t.id);
            match found {
                Some(table) => self.run(resource, &at_path("properties.routeTable.id"), Command::AssociateRouteTable { vnet, subnet: name.clone(), route_table: Some(table) })?,
                None => self.skip_part(resource, &format!("{label} (its route table)"), &at_path("properties.routeTable.id"), format!("the subnet {name} names the route table {}, which is neither in the template nor in the lab, so the lab associates none", last_name(id))),
            }
        }
        if let Some(id) = text(&subnet.body, "properties.natGateway.id") {
            let found = self
                .lab
                .nat_gateways
                .values()
                .find(|n| n.name.eq_ignore_ascii_case(last_name(id)))
                .map(|n| n.id);
            match found {
                Some(nat) => self.run(resource, &at_path("properties.natGateway.id"), Command::AssociateNatGateway { vnet, subnet: name, nat_gateway: Some(nat) })?,
                None => self.skip_part(resource, &format!("{label} (its NAT gateway)"), &at_path("properties.natGateway.id"), format!("the subnet {name} names the NAT gateway {}, which is neither in the template nor in the lab, so the lab associates none", last_name(id))),
            }
        }
        Ok(())
    }

    /// A peering written inside its VNet is skipped by its own name, not the VNet's.
    fn skip_peering(
        &mut self,
        resource: &Resource,
        local: &str,
        remote: &str,
        path: &str,
        reason: String,
    ) {
        if resource
            .resource_type
            .eq_ignore_ascii_case("Microsoft.Network/virtualNetworks")
        {
            let name = format!("{local} (its peering with {remote})");
            self.skip_part(resource, &name, path, reason);
        } else {
            self.skip(resource, reason);
        }
    }

    pub(super) fn peerings(&mut self) -> Result<(), String> {
        let mut sides: Vec<(String, String, &Resource, String)> = Vec::new();
        for vnet in self
            .of_type("Microsoft.Network/virtualNetworks")
            .collect::<Vec<_>>()
        {
            for (i, peering) in items(&vnet.body, "properties.virtualNetworkPeerings")
                .iter()
                .enumerate()
            {
                if let Some(remote) = text(peering, "properties.remoteVirtualNetwork.id")
                    .and_then(|id| name_after(id, "virtualNetworks"))
                {
                    sides.push((
                        vnet.name.clone(),
                        remote.to_string(),
                        vnet,
                        format!("properties.virtualNetworkPeerings[{i}]"),
                    ));
                }
            }
        }
        for peering in self
            .of_type("Microsoft.Network/virtualNetworks/virtualNetworkPeerings")
            .collect::<Vec<_>>()
        {
            let (local, _) = split_child(&peering.name);
            if let Some(remote) = text(&peering.body, "properties.remoteVirtualNetwork.id")
                .and_then(|id| name_after(id, "virtualNetworks"))
            {
                sides.push((
                    local.to_string(),
                    remote.to_string(),
                    peering,
                    "properties.remoteVirtualNetwork.id".into(),
                ));
            }
        }
        let mut peered: Vec<(String, String)> = Vec::new();
        for (local, remote, resource, path) in &sides {
            let (a, b) = (local.to_ascii_lowercase(), remote.to_ascii_lowercase());
            if peered.contains(&(b.clone(), a.clone())) {
                continue;
            }
            let other_side = sides.iter().any(|(l, r, _, _)| {
                l.eq_ignore_ascii_case(remote) && r.eq_ignore_ascii_case(local)
            });
            let (Some(vnet), Some(remote_id)) = (self.vnet_id(local), self.vnet_id(remote)) else {
                let reason = format!("the peering of {local} with {remote} names a virtual network neither in the template nor in the lab");
                self.skip_peering(resource, local, remote, path, reason);
                continue;
            };
            let already = self.lab.virtual_networks[&vnet]
                .peerings
                .contains(&remote_id);
            if !other_side && !already {
                self.report.findings.push(Finding {
                    resource: describe(resource),
                    path: path.clone(),
                    azure: format!("Azure shows the peering of {local} with {remote} as Initiated and carries no traffic until {remote} peers back."),
                    fix: format!("Add the virtualNetworkPeerings resource on {remote} whose remoteVirtualNetwork is {local}."),
                });
                let reason =
                    format!("the peering of {local} with {remote} is declared from one side only");
                self.skip_peering(resource, local, remote, path, reason);
                continue;
            }
            peered.push((a, b));
            if !already {
                self.run(
                    resource,
                    path,
                    Command::PeerVirtualNetworks {
                        vnet,
                        remote: remote_id,
                    },
                )?;
                self.created("peering");
            }
        }
        // Each VNet lists its peerings in the order the template declares its sides, which
        // is the lab's own order in its export; peering two at once cannot keep it alone.
        let order: Vec<(String, String)> = sides
            .iter()
            .map(|(local, remote, _, _)| (local.to_ascii_lowercase(), remote.to_ascii_lowercase()))
            .collect();
        let names: std::collections::BTreeMap<_, _> = self
            .lab
            .virtual_networks
            .values()
            .map(|v| (v.id, v.name.to_ascii_lowercase()))
            .collect();
        for vnet in self.lab.virtual_networks.values_mut() {
            let local = vnet.name.to_ascii_lowercase();
            vnet.peerings.sort_by_key(|remote| {
                order
                    .iter()
                    .position(|(l, r)| *l == local && Some(r) == names.get(remote))
                    .unwrap_or(usize::MAX)
            });
        }
        Ok(())
    }
}
