//! R40: what a template gets wrong for VNet integration, each with the resource, the property
//! by JSON path, what Azure does with it and the fix. What the template states is read with the
//! same functions the mapping uses; what follows from it is asked of the imported model, with
//! the model's own rules (R26, R29, R30, R32, R41).

use std::collections::HashMap;

use super::map::describe;
use super::map::networks::stated_subnets;
use super::map::sites::{route_all, statements, Children, Stated};
use super::props::text;
use super::report::Finding;
use super::template::Resource;
use crate::model::derived::regional::SMALLEST_PREFIX;
use crate::model::entities::security::Direction;
use crate::model::Subscription;

/// `vnetRouteAllEnabled` came to `Microsoft.Web/sites` at this apiVersion…
const ROUTE_ALL_FLAG_SINCE: &str = "2022-03-01";
/// …and `outboundVnetRouting` replaced the site flags at this one.
const OUTBOUND_ROUTING_SINCE: &str = "2024-11-01";

fn sites(resources: &[Resource]) -> impl Iterator<Item = &Resource> {
    resources
        .iter()
        .filter(|r| r.resource_type.eq_ignore_ascii_case("Microsoft.Web/sites"))
}

/// What the template itself states wrongly, before anything is imported.
pub fn findings(resources: &[Resource]) -> Vec<Finding> {
    let mut found = Vec::new();
    let children = Children::of(resources);
    let subnets = stated_subnets(resources);
    // The first subnet stated under each VNet and name, lowercase: what a site's statement names.
    let mut first_subnet = HashMap::new();
    for subnet in &subnets {
        first_subnet
            .entry((
                subnet.vnet.to_ascii_lowercase(),
                subnet.name.to_ascii_lowercase(),
            ))
            .or_insert(subnet);
    }
    for site in sites(resources) {
        for statement in route_all(&children, site) {
            let flag = statement.path.ends_with("vnetRouteAllEnabled")
                && std::ptr::eq(statement.resource, site);
            let version = site.api_version.as_str();
            if flag && !version.is_empty() && version < ROUTE_ALL_FLAG_SINCE {
                found.push(Finding {
                    resource: describe(site),
                    path: statement.path.clone(),
                    azure: format!(
                        "vnetRouteAllEnabled does not exist on Microsoft.Web/sites at apiVersion {version}: validation does not check it, and the service honours it, so the template works by accident."
                    ),
                    fix: format!(
                        "Use apiVersion {OUTBOUND_ROUTING_SINCE} or later and write properties.outboundVnetRouting.applicationTraffic: true."
                    ),
                });
            } else if flag && version >= OUTBOUND_ROUTING_SINCE {
                found.push(Finding {
                    resource: describe(site),
                    path: statement.path.clone(),
                    azure: format!("At apiVersion {version}, outboundVnetRouting replaced the site's vnetRouteAllEnabled flag."),
                    fix: "Write properties.outboundVnetRouting.applicationTraffic instead.".into(),
                });
            }
        }
        let stated = statements(&children, site);
        for statement in &stated {
            if statement.swift_connection {
                found.push(Finding {
                    resource: describe(statement.resource),
                    path: "properties.isSwift".into(),
                    azure: "Azure refuses a regional integration written as sites/virtualNetworkConnections with isSwift: “use networkConfig”.".into(),
                    fix: "Write properties.virtualNetworkSubnetId on the site, or a sites/networkConfig named virtualNetwork with subnetResourceId.".into(),
                });
            }
            if let Stated::GatewayRequired { vnet } = &statement.stated {
                found.push(Finding {
                    resource: describe(statement.resource),
                    path: statement.path.clone(),
                    azure: format!("Gateway-required VNet Integration with {vnet} retires on 31 March 2027 (R41); after that it stops carrying traffic."),
                    fix: "Move the app to regional VNet Integration: a delegated subnet of /28 or larger in the plan's region (the lab's Migration view plans it).".into(),
                });
            }
        }
        if let Some(first) = stated.first() {
            for other in stated.iter().skip(1).filter(|s| s.stated != first.stated) {
                found.push(Finding {
                    resource: describe(other.resource),
                    path: other.path.clone(),
                    azure: format!(
                        "{} states the integration differently at {}; Azure applies whichever deploys last, so the result depends on the order.",
                        describe(first.resource),
                        first.path
                    ),
                    fix: "State the integration in one place only: properties.virtualNetworkSubnetId on the site.".into(),
                });
            }
        }
        for statement in &stated {
            let Stated::Regional { vnet, subnet } = &statement.stated else {
                continue;
            };
            let Some(written) =
                first_subnet.get(&(vnet.to_ascii_lowercase(), subnet.to_ascii_lowercase()))
            else {
                continue;
            };
            let where_ = if written.path.is_empty() {
                "properties".to_string()
            } else {
                format!("{}.properties", written.path)
            };
            let prefix = text(&written.body, "properties.addressPrefix")
                .and_then(|p| p.parse::<ipnet::Ipv4Net>().ok());
            if let Some(prefix) = prefix.filter(|p| p.prefix_len() > SMALLEST_PREFIX) {
                found.push(Finding {
                    resource: describe(written.resource),
                    path: format!("{where_}.addressPrefix"),
                    azure: format!("The integration subnet {vnet}/{subnet} is a /{}; Azure refuses a regional integration subnet smaller than /28.", prefix.prefix_len()),
                    fix: "Give the subnet a /28 or larger prefix (/26 to share it between plans).".into(),
                });
            }
            let delegated = super::props::items(&written.body, "properties.delegations")
                .iter()
                .any(|d| {
                    text(d, "properties.serviceName")
                        .is_some_and(|s| s.eq_ignore_ascii_case("Microsoft.Web/serverFarms"))
                });
            if !delegated {
                found.push(Finding {
                    resource: describe(written.resource),
                    path: format!("{where_}.delegations"),
                    azure: format!("The integration subnet {vnet}/{subnet} is not delegated to Microsoft.Web/serverFarms: Azure delegates it on connect, and the next deployment of this template removes the delegation and fails."),
                    fix: "Add delegations: [{ name: 'delegation', properties: { serviceName: 'Microsoft.Web/serverFarms' } }] to the subnet.".into(),
                });
            }
        }
    }
    for (i, subnet) in subnets.iter().enumerate() {
        let twice = subnets[..i].iter().any(|earlier| {
            earlier.vnet.eq_ignore_ascii_case(&subnet.vnet)
                && earlier.name.eq_ignore_ascii_case(&subnet.name)
                && earlier.path.is_empty() != subnet.path.is_empty()
        });
        if twice {
            found.push(Finding {
                resource: describe(subnet.resource),
                path: "properties".into(),
                azure: format!(
                    "The subnet {}/{} is written both inline in its VNet and as a separate resource: a redeploy of the VNet removes and re-adds it and fails with InUseSubnetCannotBeDeleted.",
                    subnet.vnet, subnet.name
                ),
                fix: "Write the subnet in one place: inline in the VNet's properties.subnets, or only as a virtualNetworks/subnets resource.".into(),
            });
        }
    }
    found
}

/// What follows from the imported subscription, by the model's rules.
pub fn after_import(resources: &[Resource], lab: &Subscription) -> Vec<Finding> {
    let mut found = Vec::new();
    // The first site of each name, lowercase: what each imported app was made from.
    let mut site_named = HashMap::new();
    for site in sites(resources) {
        site_named
            .entry(site.name.to_ascii_lowercase())
            .or_insert(site);
    }
    for app in lab.web_apps.values() {
        let Some(site) = site_named.get(&app.name.to_ascii_lowercase()) else {
            continue;
        };
        let Some(regional) = &app.regional else {
            continue;
        };
        let Some(vnet) = lab.virtual_networks.get(&regional.vnet) else {
            continue;
        };
        let Some(subnet) = vnet.subnet(&regional.subnet) else {
            continue;
        };
        let label = format!("{}/{}", vnet.name, subnet.name);
        if !regional.route_all && (subnet.route_table.is_some() || subnet.nat_gateway.is_some()) {
            let what = if subnet.route_table.is_some() {
                "route table"
            } else {
                "NAT gateway"
            };
            found.push(Finding {
                resource: describe(site),
                path: "properties.outboundVnetRouting.applicationTraffic".into(),
                azure: format!("The integration subnet {label} has a {what}, but Route All is off: the app's public traffic does not enter the VNet, so the {what} never sees it (R29)."),
                fix: "Turn Route All on (outboundVnetRouting.applicationTraffic: true), or drop the association if it is not meant for the app.".into(),
            });
        }
        let inbound = subnet
            .network_security_group
            .and_then(|id| lab.network_security_groups.get(&id))
            .filter(|nsg| {
                nsg.rules
                    .iter()
                    .any(|rule| rule.direction == Direction::Inbound)
            });
        if let Some(nsg) = inbound {
            found.push(Finding {
                resource: format!("Microsoft.Network/networkSecurityGroups “{}”", nsg.name),
                path: "properties.securityRules".into(),
                azure: format!("Inbound rules of {} on the integration subnet {label} have no effect on the app: integration carries only the app's outbound traffic (R30).", nsg.name),
                fix: "Control inbound traffic to the app with access restrictions or a private endpoint; keep only outbound rules here.".into(),
            });
        }
        for endpoint in lab.private_endpoints.values() {
            let name = endpoint.private_link_name();
            let zone = lab
                .private_dns_zones
                .values()
                .find(|zone| zone.resolve(&name).is_some());
            if let Some(zone) = zone.filter(|zone| !zone.links.contains(&vnet.id)) {
                found.push(Finding {
                    resource: format!("Microsoft.Network/privateDnsZones “{}”", zone.name),
                    path: "virtualNetworkLinks".into(),
                    azure: format!(
                        "The zone is not linked to {}, the VNet {} is integrated with: the app resolves {} to its public address and misses the private endpoint (R32).",
                        vnet.name, app.name, endpoint.host.name
                    ),
                    fix: format!("Add a privateDnsZones/virtualNetworkLinks resource linking {} to {}.", zone.name, vnet.name),
                });
            }
        }
    }
    found
}
