//! The connection check for regional VNet Integration (SPEC §9): tier and region, subnet, Route
//! All scope, name resolution, the route (the VNet, a peering, or site-to-site with the return
//! route for the integration subnet), then the target's firewall.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::{firewall, record, vm_host, Hop, Report, Step, Target};
use crate::model::commands::command::HostRef;
use crate::model::derived::regional::instance_address;
use crate::model::derived::status::MissingCondition;
use crate::model::entities::host::{Host, PortRule, Protocol};
use crate::model::entities::network::VirtualNetwork;
use crate::model::entities::subscription::Subscription;
use crate::model::entities::web_app::{RegionalIntegration, WebApp};
use crate::model::input::addressing::is_private_address;

const SMB_PORT: u16 = 445;
const SMTP_PORT: u16 = 25;

/// R34: TCP and UDP, SMB included; no ICMP; no port 25. SMB is TCP 445 at the firewall.
fn protocol_step(target: Target<'_>) -> (Step<'static>, Protocol) {
    match target.protocol {
        Protocol::Icmp => (Step::PingUnsupported, Protocol::Icmp),
        Protocol::Smb => (Step::SmbThroughRegional, Protocol::Tcp),
        Protocol::Tcp if target.port == SMB_PORT => (Step::SmbThroughRegional, Protocol::Tcp),
        Protocol::Tcp | Protocol::Udp if target.port == SMTP_PORT => {
            (Step::SmtpBlocked, target.protocol)
        }
        protocol => (Step::Outbound { protocol }, protocol),
    }
}

pub(super) fn evaluate<'a>(
    subscription: &'a Subscription,
    app: &'a WebApp,
    regional: &'a RegionalIntegration,
    target: Target<'a>,
    report: &mut Report<'a>,
) -> Result<(), ()> {
    let (step, protocol) = protocol_step(target);
    record(report, step)?;

    let plan = subscription.plan_of(app).ok_or(())?;
    record(
        report,
        if plan.tier.allows_regional_integration() {
            Step::RegionalTierAllows { tier: plan.tier }
        } else {
            Step::RegionalTierTooLow {
                plan: plan.id,
                plan_name: &plan.name,
                tier: plan.tier,
            }
        },
    )?;

    let vnet = subscription
        .virtual_networks
        .get(&regional.vnet)
        .ok_or(())?;
    let subnet = vnet.subnet(&regional.subnet).ok_or(())?;
    record(
        report,
        Step::RegionalIntegration {
            vnet: &vnet.name,
            region: vnet.region,
            subnet: &subnet.name,
            prefix: subnet.prefix,
        },
    )?;
    report.path.push(Hop::IntegrationSubnet(
        &subnet.name,
        instance_address(&subnet.prefix),
    ));
    record(
        report,
        Step::RouteAllScope {
            route_all: regional.route_all,
        },
    )?;

    let address = resolve(subscription, vnet, target.host, report)?;
    let host = route(
        subscription,
        app,
        regional,
        vnet,
        subnet.prefix,
        address,
        report,
    )?;
    let rule = PortRule {
        protocol,
        port: target.port,
    };
    firewall(host, address, rule, report)
}

/// Every VNet the integration VNet reaches without a gateway: itself and its peers (R33).
fn reachable_vnets<'a>(
    subscription: &'a Subscription,
    vnet: &'a VirtualNetwork,
) -> impl Iterator<Item = &'a VirtualNetwork> + Clone {
    std::iter::once(vnet).chain(
        vnet.peerings
            .iter()
            .filter_map(|peer| subscription.virtual_networks.get(peer)),
    )
}

/// R32 as far as regional integration without private zones goes: the VNet's first two custom
/// DNS servers answer; without any, Azure DNS answers, which knows no VM names.
fn resolve<'a>(
    subscription: &'a Subscription,
    vnet: &'a VirtualNetwork,
    name: &'a str,
    report: &mut Report<'a>,
) -> Result<Ipv4Addr, ()> {
    if let Ok(address) = name.parse::<Ipv4Addr>() {
        record(report, Step::IsAddress { address })?;
        return Ok(address);
    }
    let servers: Vec<Ipv4Addr> = vnet.dns_servers.iter().take(2).copied().collect();
    let answer = servers.iter().find_map(|server| {
        dns_host(subscription, vnet, *server)?
            .resolve(name)
            .map(|address| (address, *server))
    });
    match answer {
        Some((address, server)) => {
            record(
                report,
                Step::Resolved {
                    name,
                    address,
                    server,
                },
            )?;
            Ok(address)
        }
        None => record(report, Step::RegionalNotResolved { name, servers })
            .map(|()| Ipv4Addr::UNSPECIFIED),
    }
}

/// The host at a DNS server's address: in the VNet, a peered VNet, or a linked local network.
fn dns_host<'a>(
    subscription: &'a Subscription,
    vnet: &'a VirtualNetwork,
    server: Ipv4Addr,
) -> Option<&'a Host> {
    reachable_vnets(subscription, vnet)
        .find_map(|network| network.vm_at(server).map(|vm| &vm.host))
        .or_else(|| {
            vnet.site_to_site
                .iter()
                .filter_map(|id| subscription.local_networks.get(id))
                .find_map(|local| local.server_at(server).map(|s| &s.host))
        })
}

/// R29, R33: which way the traffic goes, and the host at its end.
fn route<'a>(
    subscription: &'a Subscription,
    app: &'a WebApp,
    regional: &RegionalIntegration,
    vnet: &'a VirtualNetwork,
    subnet: Ipv4Net,
    address: Ipv4Addr,
    report: &mut Report<'a>,
) -> Result<Option<(HostRef, &'a Host)>, ()> {
    let private = is_private_address(address);
    let in_reach = reachable_vnets(subscription, vnet).any(|n| n.contains(address))
        || subscription
            .local_networks
            .values()
            .any(|local| local.contains(address));
    if !private && !regional.route_all {
        if in_reach {
            return record(
                report,
                Step::OutsideRouteAll {
                    app: app.id,
                    address,
                },
            )
            .map(|()| None);
        }
        record(
            report,
            Step::ToInternet {
                address,
                route_all: false,
            },
        )?;
        report.path.push(Hop::Internet);
        return Ok(None);
    }
    if vnet.contains(address) {
        let found = vnet.subnet_of(address).map(|s| (s.name.as_str(), s.prefix));
        record(
            report,
            Step::InVirtualNetwork {
                vnet: &vnet.name,
                subnet: found,
            },
        )?;
        if let Some((name, prefix)) = found {
            report.path.push(Hop::Subnet(name, prefix));
        }
        return Ok(vm_host(vnet, address));
    }
    if let Some(peer) = reachable_vnets(subscription, vnet)
        .skip(1)
        .find(|peer| peer.contains(address))
    {
        let found = peer.subnet_of(address).map(|s| (s.name.as_str(), s.prefix));
        record(
            report,
            Step::ThroughPeering {
                vnet: &peer.name,
                subnet: found,
            },
        )?;
        report.path.push(Hop::Peering(&peer.name));
        if let Some((name, prefix)) = found {
            report.path.push(Hop::Subnet(name, prefix));
        }
        return Ok(vm_host(peer, address));
    }
    let Some(local) = subscription
        .local_networks
        .values()
        .find(|local| local.contains(address))
    else {
        if !private {
            record(
                report,
                Step::ToInternet {
                    address,
                    route_all: true,
                },
            )?;
            report.path.push(Hop::Internet);
            return Ok(None);
        }
        return record(report, Step::Unroutable { address }).map(|()| None);
    };
    if !vnet.site_to_site.contains(&local.id) {
        return record(
            report,
            Step::NotLinked {
                address,
                vnet: vnet.id,
                local: Some((local.id, &local.name)),
            },
        )
        .map(|()| None);
    }
    let now = subscription.now();
    if let Some(gateway) = vnet.gateway.as_ref().filter(|g| !g.is_ready(now)) {
        return record(
            report,
            Step::GatewayNotReady {
                vnet: vnet.id,
                vnet_name: &vnet.name,
                missing: vec![MissingCondition::GatewayProvisioning {
                    seconds_left: gateway.provisioning.seconds_left(now),
                }],
                routing: Some(gateway.routing),
            },
        )
        .map(|()| None);
    }
    if !local.routes_back(&subnet) {
        return record(
            report,
            Step::NoRouteBackToSubnet {
                local: local.id,
                local_name: &local.name,
                subnet,
            },
        )
        .map(|()| None);
    }
    record(
        report,
        Step::ThroughTunnelToSubnet {
            local: &local.name,
            subnet,
        },
    )?;
    report.path.push(Hop::Gateway(&vnet.name));
    report.path.push(Hop::Tunnel(&local.name));
    report.path.push(Hop::LocalNetwork(&local.name));
    Ok(local
        .server_at(address)
        .map(|server| (HostRef::Server(local.id, server.id), &server.host)))
}
