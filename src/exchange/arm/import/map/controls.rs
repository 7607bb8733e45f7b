//! `networkSecurityGroups` (+ `/securityRules`), `routeTables` (+ `/routes`), `natGateways`
//! with their `publicIPAddresses`: created before the VNets whose subnets use them.

use ipnet::Ipv4Net;
use serde_json::Value;

use super::{is_service_tag, split_child, Mapper};
use crate::exchange::arm::import::props::{items, text, unknown_why};
use crate::exchange::arm::import::template::Resource;
use crate::model::commands::command::NextHopKind;
use crate::model::entities::routing::UnreadRoute;
use crate::model::Command;

impl Mapper<'_> {
    pub(super) fn network_controls(&mut self) -> Result<(), String> {
        for nsg in self
            .of_type("Microsoft.Network/networkSecurityGroups")
            .collect::<Vec<_>>()
        {
            let region = self.region(nsg)?;
            self.run(
                nsg,
                "name",
                Command::CreateNetworkSecurityGroup {
                    name: nsg.name.clone(),
                    region,
                },
            )?;
            self.created("network security group");
            for (i, rule) in items(&nsg.body, "properties.securityRules")
                .iter()
                .enumerate()
            {
                self.security_rule(
                    nsg,
                    &nsg.name,
                    rule,
                    &format!("properties.securityRules[{i}]"),
                )?;
            }
        }
        for rule in self
            .of_type("Microsoft.Network/networkSecurityGroups/securityRules")
            .collect::<Vec<_>>()
        {
            let (group, name) = split_child(&rule.name);
            let mut body = rule.body.clone();
            if let Value::Object(object) = &mut body {
                object.insert("name".into(), Value::String(name.to_string()));
            }
            self.security_rule(rule, group, &body, "")?;
        }
        for table in self
            .of_type("Microsoft.Network/routeTables")
            .collect::<Vec<_>>()
        {
            let region = self.region(table)?;
            self.run(
                table,
                "name",
                Command::CreateRouteTable {
                    name: table.name.clone(),
                    region,
                },
            )?;
            self.created("route table");
            for (i, route) in items(&table.body, "properties.routes").iter().enumerate() {
                self.route(
                    table,
                    &table.name,
                    route,
                    &format!("properties.routes[{i}]"),
                )?;
            }
        }
        for route in self
            .of_type("Microsoft.Network/routeTables/routes")
            .collect::<Vec<_>>()
        {
            let (table, name) = split_child(&route.name);
            let mut body = route.body.clone();
            if let Value::Object(object) = &mut body {
                object.insert("name".into(), Value::String(name.to_string()));
            }
            self.route(route, table, &body, "")?;
        }
        for nat in self
            .of_type("Microsoft.Network/natGateways")
            .collect::<Vec<_>>()
        {
            let region = self.region(nat)?;
            let public_ip = self.public_ip(nat, "properties.publicIpAddresses");
            self.run(
                nat,
                "properties.publicIpAddresses",
                Command::CreateNatGateway {
                    name: nat.name.clone(),
                    region,
                    public_ip,
                },
            )?;
            self.created("NAT gateway");
        }
        Ok(())
    }

    /// The address of the first public IP a resource lists; one allocated at deployment is a
    /// listed placeholder from the documentation range.
    pub(super) fn public_ip(&mut self, resource: &Resource, path: &str) -> String {
        let declared = items(&resource.body, path)
            .first()
            .and_then(|ip| text(ip, "id"))
            .and_then(|id| self.declared(id));
        if let Some(address) = declared.and_then(|ip| text(&ip.body, "properties.ipAddress")) {
            return address.to_string();
        }
        let placeholder = format!("203.0.113.{}", self.report.placeholders.len() % 250 + 1);
        self.note_placeholder(
            resource,
            path,
            "public IP address allocated at deployment",
            &placeholder,
        );
        placeholder
    }

    /// `path` is the route's JSON path in `resource`, empty when the route is the resource.
    fn route(
        &mut self,
        resource: &Resource,
        table: &str,
        route: &Value,
        path: &str,
    ) -> Result<(), String> {
        let name = text(route, "name").unwrap_or_default().to_string();
        let label = format!("{table}/{name}");
        let Some(route_table) = self
            .lab
            .route_tables
            .values()
            .find(|t| t.name == table)
            .map(|t| t.id)
        else {
            self.skip_part(
                resource,
                &label,
                path,
                format!("its route table “{table}” is neither in the template nor in the lab"),
            );
            return Ok(());
        };
        let hop = text(route, "properties.nextHopType").unwrap_or_default();
        let prefix = text(route, "properties.addressPrefix")
            .unwrap_or_default()
            .to_string();
        let appliance = text(route, "properties.nextHopIpAddress")
            .unwrap_or_default()
            .to_string();
        let next_hop = match held_route(hop, &prefix, &appliance) {
            Ok(next_hop) => next_hop,
            Err(why) => {
                // A known prefix is noted, so the check cannot take another route past it.
                if let Ok(net) = prefix.trim().parse::<Ipv4Net>() {
                    self.run(
                        resource,
                        if path.is_empty() { "properties" } else { path },
                        Command::NoteUnreadRoute {
                            route_table,
                            route: UnreadRoute {
                                name,
                                prefix: net.trunc(),
                                why: why.clone(),
                            },
                        },
                    )?;
                    self.skip_part(
                        resource,
                        &label,
                        path,
                        format!(
                            "{why}. The lab notes it on the route table “{table}”, and the check \
                             answers “unknown” for traffic this route could carry."
                        ),
                    );
                    return Ok(());
                }
                self.skip_part(
                    resource,
                    &label,
                    path,
                    format!(
                        "{why}. Without this route the check may answer differently from Azure \
                         for the route table “{table}”: it takes the table's other routes or the \
                         system routes."
                    ),
                );
                return Ok(());
            }
        };
        let command = Command::SetUserRoute {
            route_table,
            name,
            prefix,
            next_hop,
            appliance,
            replacing: None,
        };
        self.run(
            resource,
            if path.is_empty() { "properties" } else { path },
            command,
        )
    }
}

/// The route's next hop, or why the lab cannot hold the route as Azure means it.
fn held_route(hop: &str, prefix: &str, appliance: &str) -> Result<NextHopKind, String> {
    let next_hop = match hop.to_ascii_lowercase().as_str() {
        "virtualappliance" => NextHopKind::VirtualAppliance,
        "virtualnetworkgateway" => NextHopKind::VirtualNetworkGateway,
        "internet" => NextHopKind::Internet,
        "none" => NextHopKind::None,
        _ => {
            return Err(format!(
                "it has the next hop “{hop}”, which the lab does not model"
            ))
        }
    };
    if matches!(next_hop, NextHopKind::VirtualAppliance) {
        if let Some(why) = unknown_why(appliance) {
            return Err(format!(
                "its next hop (properties.nextHopIpAddress) is {why} ({appliance})"
            ));
        }
    }
    if let Some(why) = unknown_why(prefix) {
        return Err(format!("its address prefix is {why} ({prefix})"));
    }
    if is_service_tag(prefix.trim()) {
        return Err(format!(
            "its address prefix is the service tag “{}”, which the lab does not model",
            prefix.trim()
        ));
    }
    Ok(next_hop)
}
