//! The stages of regional VNet Integration (SPEC §9): region and subnet, Route All scope, name
//! resolution (R32), the effective route (R31), the network security group (R30), then the way
//! on (the VNet, a peering, site-to-site with the return route for the integration subnet, or
//! the internet).

use std::net::Ipv4Addr;

use super::dns;
use super::firewall::{vm_host, Found};
use super::record::{record, stop, Next};
use super::tunnel::{self, ReturnRange};
use super::{Dangling, Finding, Hop, Problem, Report, SubnetReference, Target};
use crate::model::command::HostRef;
use crate::model::derived::effective::{
    deciding_rule, effective_routes, inbound_rule_for, inbound_rule_matching, matching_route,
    priority_above, system_routes, virtual_network_tag, EffectiveNextHop, EffectiveRoute, Flow,
    RouteSource,
};
use crate::model::derived::regional::instance_address;
use crate::model::derived::status::MissingCondition;
use crate::model::entities::host::Protocol;
use crate::model::entities::network::{Subnet, VirtualNetwork};
use crate::model::entities::security::{Access, Direction};
use crate::model::entities::subscription::Subscription;
use crate::model::entities::web_app::{RegionalIntegration, WebApp};
use crate::model::input::addressing::is_private_address;

/// What one regional check looks at.
struct Context<'a> {
    subscription: &'a Subscription,
    app: &'a WebApp,
    regional: &'a RegionalIntegration,
    vnet: &'a VirtualNetwork,
    subnet: &'a Subnet,
    /// The VNet whose Azure DNS answers the app's names (R32): its own, or a DNS server's.
    resolver: &'a VirtualNetwork,
}

/// From the integration to the host: the address the name resolved to, and the host there.
pub(super) fn evaluate<'a>(
    subscription: &'a Subscription,
    app: &'a WebApp,
    regional: &'a RegionalIntegration,
    target: Target<'a>,
    protocol: Protocol,
    report: &mut Report<'a>,
) -> Next<(Ipv4Addr, Found<'a>)> {
    let Some(vnet) = subscription.virtual_networks.get(&regional.vnet) else {
        return stop(
            report,
            Problem::Dangling(Dangling::VirtualNetwork {
                app: app.id,
                vnet: regional.vnet,
            }),
        );
    };
    let Some(subnet) = vnet.subnet(&regional.subnet) else {
        return stop(
            report,
            Problem::Dangling(Dangling::Subnet {
                app: app.id,
                vnet: &vnet.name,
                subnet: &regional.subnet,
            }),
        );
    };
    record(
        report,
        Finding::RegionalIntegration {
            vnet: &vnet.name,
            region: vnet.region,
            subnet: &subnet.name,
            prefix: subnet.prefix,
        },
    )?;
    record(
        report,
        Finding::RouteAllScope {
            route_all: regional.route_all,
        },
    )?;

    let context = Context {
        subscription,
        app,
        regional,
        vnet,
        subnet,
        resolver: vnet,
    };
    let (address, resolver) = dns::regional(subscription, app, vnet, target.host, report)?;
    let flow = Flow {
        address,
        protocol,
        port: target.port,
    };
    let context = Context {
        resolver,
        ..context
    };
    let host = deliver(&context, flow, report)?;
    Next::Continue((address, host))
}

/// The problem of a reference of the integration subnet that does not resolve.
fn dangling<'a>(context: &Context<'a>, what: SubnetReference) -> Problem<'a> {
    Problem::Dangling(Dangling::OfSubnet {
        vnet: context.vnet.id,
        vnet_name: &context.vnet.name,
        subnet: &context.subnet.name,
        what,
    })
}

/// Every VNet the integration VNet reaches without a gateway: itself and its peers (R33).
pub(super) fn reachable_vnets<'a>(
    subscription: &'a Subscription,
    vnet: &'a VirtualNetwork,
) -> impl Iterator<Item = &'a VirtualNetwork> + Clone {
    std::iter::once(vnet).chain(
        vnet.peerings
            .iter()
            .filter_map(|peer| subscription.virtual_networks.get(peer)),
    )
}

/// R29–R31, R33: the way the traffic goes, and the host at its end.
fn deliver<'a>(context: &Context<'a>, flow: Flow, report: &mut Report<'a>) -> Next<Found<'a>> {
    let Context {
        subscription,
        app,
        regional,
        vnet,
        subnet,
        ..
    } = *context;
    let address = flow.address;
    if !is_private_address(address) && !regional.route_all {
        let in_reach = reachable_vnets(subscription, vnet).any(|n| n.contains(address))
            || subscription
                .local_networks
                .values()
                .any(|local| local.contains(address));
        if in_reach {
            return stop(
                report,
                Problem::OutsideRouteAll {
                    app: app.id,
                    address,
                },
            );
        }
        record(
            report,
            Finding::ToInternet {
                address,
                route_all: false,
            },
        )?;
        report.path.push(Hop::SharedOutbound);
        report.path.push(Hop::Internet);
        return internet_host(context, address, report);
    }
    // Only traffic that enters the VNet leaves from the integration subnet (R29).
    report.path.push(Hop::IntegrationSubnet(
        &subnet.name,
        instance_address(&subnet.prefix),
    ));

    if let Some(route_table) = subnet
        .route_table
        .filter(|id| !subscription.route_tables.contains_key(id))
    {
        return stop(
            report,
            dangling(context, SubnetReference::RouteTable(route_table)),
        );
    }
    let routes = effective_routes(subscription, vnet, subnet);
    let Some(route) = matching_route(&routes, address).cloned() else {
        return stop(report, Problem::Unroutable { address });
    };
    if let Some(table) = subnet
        .route_table
        .and_then(|id| subscription.route_tables.get(&id))
    {
        if let Some(unread) = table.unread_routes.iter().find(|unread| {
            unread.prefix.contains(&address)
                && unread.prefix.prefix_len() >= route.prefix.prefix_len()
        }) {
            return stop(
                report,
                Problem::RouteUnread {
                    route_table: &table.name,
                    route: unread,
                },
            );
        }
    }
    if route.next_hop == EffectiveNextHop::None {
        return stop(
            report,
            Problem::RouteDrops {
                route,
                route_table: subnet.route_table,
            },
        );
    }
    record(
        report,
        Finding::RouteMatched {
            route: route.clone(),
        },
    )?;

    if let Some(id) = subnet.network_security_group {
        let Some(nsg) = subscription.network_security_groups.get(&id) else {
            return stop(
                report,
                dangling(context, SubnetReference::NetworkSecurityGroup(id)),
            );
        };
        let tag = virtual_network_tag(subscription, vnet);
        let rule = deciding_rule(nsg, flow, &tag);
        if let Some(unread) = nsg
            .unread_rules
            .iter()
            .filter(|unread| unread.direction == Direction::Outbound)
            .find(|unread| unread.priority < rule.priority)
        {
            return stop(
                report,
                Problem::NsgRuleUnread {
                    nsg_name: &nsg.name,
                    rule: unread,
                },
            );
        }
        match rule.access {
            Access::Allow => {
                record(
                    report,
                    Finding::NsgAllows {
                        nsg: &nsg.name,
                        rule,
                    },
                )?;
                if let Some(inbound) = inbound_rule_matching(nsg, flow, &tag) {
                    record(
                        report,
                        Finding::InboundRuleIgnored {
                            nsg: &nsg.name,
                            rule: inbound.to_string(),
                        },
                    )?;
                }
            }
            Access::Deny => {
                let inbound = inbound_rule_for(nsg, flow, &tag);
                let allow_priority = priority_above(nsg, rule.priority);
                return stop(
                    report,
                    Problem::NsgDenies {
                        nsg: nsg.id,
                        nsg_name: &nsg.name,
                        rule,
                        flow,
                        inbound,
                        allow_priority,
                    },
                );
            }
        }
    }

    if let EffectiveNextHop::VirtualAppliance(appliance) = route.next_hop {
        let Some((_, vm)) = reachable_vnets(subscription, vnet)
            .find_map(|network| network.vm_at(appliance).map(|vm| (network, vm)))
        else {
            return stop(report, Problem::ApplianceUnreachable { address: appliance });
        };
        record(
            report,
            Finding::ThroughAppliance {
                address: appliance,
                name: &vm.host.name,
            },
        )?;
        report.path.push(Hop::Appliance(&vm.host.name, appliance));
        // The appliance forwards by the system routes.
        let system = system_routes(subscription, vnet);
        let Some(onward) = matching_route(&system, address).cloned() else {
            return stop(report, Problem::Unroutable { address });
        };
        return follow(context, &onward, flow, report);
    }
    follow(context, &route, flow, report)
}

/// The hop a route names, on to the host.
fn follow<'a>(
    context: &Context<'a>,
    route: &EffectiveRoute,
    flow: Flow,
    report: &mut Report<'a>,
) -> Next<Found<'a>> {
    let Context {
        subscription,
        vnet,
        subnet,
        ..
    } = *context;
    let address = flow.address;
    match route.next_hop {
        EffectiveNextHop::VirtualNetwork => {
            let found = vnet.subnet_of(address).map(|s| (s.name.as_str(), s.prefix));
            record(
                report,
                Finding::InVirtualNetwork {
                    vnet: &vnet.name,
                    subnet: found,
                },
            )?;
            if let Some((name, prefix)) = found {
                report.path.push(Hop::Subnet(name, prefix));
            }
            Next::Continue(host_in(subscription, vnet, address))
        }
        EffectiveNextHop::VNetPeering => {
            let peer = reachable_vnets(subscription, vnet)
                .skip(1)
                .find(|peer| peer.contains(address));
            let Some(peer) = peer else {
                return stop(report, Problem::Unroutable { address });
            };
            let found = peer.subnet_of(address).map(|s| (s.name.as_str(), s.prefix));
            record(
                report,
                Finding::ThroughPeering {
                    vnet: &peer.name,
                    subnet: found,
                },
            )?;
            report.path.push(Hop::Peering(&peer.name));
            if let Some((name, prefix)) = found {
                report.path.push(Hop::Subnet(name, prefix));
            }
            Next::Continue(host_in(subscription, peer, address))
        }
        EffectiveNextHop::VirtualNetworkGateway => site_to_site(context, address, report),
        EffectiveNextHop::Internet if is_private_address(address) => {
            if let Some(local) = subscription
                .local_networks
                .values()
                .find(|local| local.contains(address))
            {
                if vnet.site_to_site.contains(&local.id) && vnet.gateway.is_none() {
                    return stop(report, no_gateway(vnet));
                }
                if !vnet.site_to_site.contains(&local.id) {
                    return stop(
                        report,
                        Problem::NotLinked {
                            address,
                            vnet: vnet.id,
                            local: local.id,
                            local_name: &local.name,
                        },
                    );
                }
            }
            if matches!(route.source, RouteSource::User { .. }) {
                return stop(report, Problem::PrivateToInternet { address });
            }
            stop(report, Problem::Unroutable { address })
        }
        EffectiveNextHop::Internet => {
            record(
                report,
                Finding::ToInternet {
                    address,
                    route_all: true,
                },
            )?;
            if let Some(id) = subnet.nat_gateway {
                let Some(nat) = subscription.nat_gateways.get(&id) else {
                    return stop(report, dangling(context, SubnetReference::NatGateway(id)));
                };
                record(
                    report,
                    Finding::LeavesByNat {
                        name: &nat.name,
                        public_ip: nat.public_ip,
                    },
                )?;
                report.path.push(Hop::NatGateway(&nat.name, nat.public_ip));
            }
            report.path.push(Hop::Internet);
            internet_host(context, address, report)
        }
        // The system routes an appliance forwards by have neither next hop.
        EffectiveNextHop::VirtualAppliance(_) => stop(report, Problem::Unroutable { address }),
        EffectiveNextHop::None => stop(
            report,
            Problem::RouteDrops {
                route: route.clone(),
                route_table: None,
            },
        ),
    }
}

/// A VM or a private endpoint at `address` in `vnet`.
fn host_in<'a>(
    subscription: &'a Subscription,
    vnet: &'a VirtualNetwork,
    address: Ipv4Addr,
) -> Found<'a> {
    vm_host(vnet, address).or_else(|| {
        subscription
            .private_endpoints
            .values()
            .find(|endpoint| endpoint.vnet == vnet.id && endpoint.host.address == address)
            .map(|endpoint| (HostRef::PrivateEndpoint(endpoint.id), &endpoint.host))
    })
}

/// A public host at `address`; a service behind a private endpoint refuses its public face.
fn internet_host<'a>(
    context: &Context<'a>,
    address: Ipv4Addr,
    report: &mut Report<'a>,
) -> Next<Found<'a>> {
    let subscription = context.subscription;
    if let Some(host) = subscription
        .internet_hosts
        .values()
        .find(|host| host.host.address == address)
    {
        return Next::Continue(Some((HostRef::InternetHost(host.id), &host.host)));
    }
    let Some(endpoint) = subscription
        .private_endpoints
        .values()
        .find(|endpoint| endpoint.public_address == address)
    else {
        return Next::Continue(None);
    };
    let private_name = endpoint.private_link_name();
    let zone_name = private_name
        .split_once('.')
        .map_or(private_name.clone(), |(_, zone)| zone.to_string());
    // The fix follows the VNet whose Azure DNS answers the app (R32), not always its own.
    let resolver = context.resolver;
    let holding = || {
        subscription
            .private_dns_zones
            .values()
            .filter(|zone| zone.resolve(&private_name).is_some())
    };
    let zone_linked = holding().any(|zone| zone.links.contains(&resolver.id));
    let unlinked_zone = holding()
        .find(|zone| !zone_linked && !zone.links.contains(&resolver.id))
        .map(|zone| zone.id);
    stop(
        report,
        Problem::PublicAccessDenied {
            name: &endpoint.host.name,
            vnet: resolver.id,
            vnet_name: &resolver.name,
            zone_name,
            unlinked_zone,
            zone_linked,
            private_address: endpoint.host.address,
        },
    )
}

/// Site-to-site links without the gateway that carries them.
fn no_gateway(vnet: &VirtualNetwork) -> Problem<'_> {
    Problem::GatewayNotReady {
        vnet: vnet.id,
        vnet_name: &vnet.name,
        missing: vec![MissingCondition::NoGateway],
        routing: None,
    }
}

/// R33: on-premises through the VNet's gateway, only with the return route for the subnet.
fn site_to_site<'a>(
    context: &Context<'a>,
    address: Ipv4Addr,
    report: &mut Report<'a>,
) -> Next<Found<'a>> {
    let Context {
        subscription,
        vnet,
        subnet,
        ..
    } = *context;
    let Some(local) = vnet
        .site_to_site
        .iter()
        .filter_map(|id| subscription.local_networks.get(id))
        .find(|local| local.contains(address))
    else {
        return stop(report, Problem::GatewayHasNoRoute { address });
    };
    let now = subscription.now();
    let Some(gateway) = vnet.gateway.as_ref() else {
        return stop(report, no_gateway(vnet));
    };
    if !gateway.is_ready(now) {
        return stop(
            report,
            Problem::GatewayNotReady {
                vnet: vnet.id,
                vnet_name: &vnet.name,
                missing: vec![MissingCondition::GatewayProvisioning {
                    seconds_left: gateway.provisioning.seconds_left(now),
                }],
                routing: Some(gateway.routing),
            },
        );
    }
    let range = ReturnRange::IntegrationSubnet(subnet.prefix);
    tunnel::stage(local, range, [Hop::Gateway(&vnet.name)], address, report)
}
