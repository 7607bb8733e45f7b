//! Name resolution, the stage both kinds share with their own rule: the DNS servers of the
//! last sync (R19) for the gateway-required kind; `WEBSITE_DNS_SERVER`, the VNet's servers or
//! Azure DNS with its linked private zones (R32) for the regional one.

use std::net::Ipv4Addr;

use super::record::{record, stop, Next};
use super::regional::reachable_vnets;
use super::{Finding, Problem, Report};
use crate::model::derived::in_effect::dns_in_effect;
use crate::model::entities::host::Host;
use crate::model::entities::ids::WebAppId;
use crate::model::entities::network::VirtualNetwork;
use crate::model::entities::subscription::Subscription;
use crate::model::entities::web_app::WebApp;

/// R19: an address is used as it is; a name needs a DNS server in effect (as of the last sync).
pub(super) fn gateway_required<'a>(
    subscription: &'a Subscription,
    app: WebAppId,
    vnet: &'a VirtualNetwork,
    dns_servers: &[Ipv4Addr],
    host: &'a str,
    report: &mut Report<'a>,
) -> Next<Ipv4Addr> {
    if let Ok(address) = host.parse::<Ipv4Addr>() {
        record(report, Finding::IsAddress { address })?;
        return Next::Continue(address);
    }
    // A public service's name is public DNS's to answer, with or without the VNet's servers.
    if let Some(public) = subscription
        .internet_hosts
        .values()
        .find(|internet| internet.host.is_known_as(host))
    {
        record(
            report,
            Finding::ResolvedByAzureDns {
                name: host,
                address: public.host.address,
                zone: None,
                forwarded_by: None,
            },
        )?;
        return Next::Continue(public.host.address);
    }
    let sync_would_help = vnet.dns_servers.as_slice() != dns_servers;
    if dns_servers.is_empty() {
        return stop(
            report,
            Problem::NoDnsServer {
                name: host,
                app,
                sync_would_help,
            },
        );
    }
    let linked = vnet
        .site_to_site
        .iter()
        .filter_map(|id| subscription.local_networks.get(id));
    let answer = dns_servers.iter().find_map(|server| {
        let dns_host = vnet.vm_at(*server).map(|vm| &vm.host).or_else(|| {
            linked
                .clone()
                .find_map(|local| local.server_at(*server))
                .map(|s| &s.host)
        })?;
        dns_host.resolve(host).map(|address| (address, *server))
    });
    match answer {
        Some((address, server)) => {
            record(
                report,
                Finding::Resolved {
                    name: host,
                    address,
                    server,
                },
            )?;
            Next::Continue(address)
        }
        None => stop(
            report,
            Problem::NotResolved {
                name: host,
                app,
                sync_would_help,
            },
        ),
    }
}

/// What Azure DNS (168.63.129.16) answers to a resource in `vnet`: private zones linked to it,
/// a private endpoint's name through its `privatelink` zone (else its public address), and
/// public names.
enum AzureDnsAnswer<'a> {
    Zone(Ipv4Addr, &'a str),
    Public(Ipv4Addr),
    /// A private endpoint's name without a linked zone.
    PrivateEndpointPublic(Ipv4Addr, String),
    Unknown,
}

fn azure_dns<'a>(
    subscription: &'a Subscription,
    vnet: &VirtualNetwork,
    name: &str,
) -> AzureDnsAnswer<'a> {
    let linked = || {
        subscription
            .private_dns_zones
            .values()
            .filter(|zone| zone.links.contains(&vnet.id))
    };
    if let Some((address, zone)) = linked().find_map(|zone| zone.resolve(name).map(|a| (a, zone))) {
        return AzureDnsAnswer::Zone(address, &zone.name);
    }
    if let Some(endpoint) = subscription
        .private_endpoints
        .values()
        .find(|endpoint| endpoint.host.name.eq_ignore_ascii_case(name))
    {
        let private_name = endpoint.private_link_name();
        return match linked().find_map(|zone| zone.resolve(&private_name).map(|a| (a, zone))) {
            Some((address, zone)) => AzureDnsAnswer::Zone(address, &zone.name),
            None => AzureDnsAnswer::PrivateEndpointPublic(
                endpoint.public_address,
                private_name
                    .split_once('.')
                    .map_or(private_name.clone(), |(_, zone)| zone.to_string()),
            ),
        };
    }
    match subscription
        .internet_hosts
        .values()
        .find(|host| host.host.is_known_as(name))
    {
        Some(host) => AzureDnsAnswer::Public(host.host.address),
        None => AzureDnsAnswer::Unknown,
    }
}

/// R32: `WEBSITE_DNS_SERVER`, else the VNet's first two custom DNS servers, else Azure DNS. A
/// custom server answers its records and forwards the rest to Azure DNS from its own VNet.
/// Returns the address and the VNet whose Azure DNS answers the app's names, so a fix about
/// private DNS zones follows the server that answered.
pub(super) fn regional<'a>(
    subscription: &'a Subscription,
    app: &WebApp,
    vnet: &'a VirtualNetwork,
    name: &'a str,
    report: &mut Report<'a>,
) -> Next<(Ipv4Addr, &'a VirtualNetwork)> {
    let servers = dns_in_effect(app, vnet).servers();
    // The first server that answers at all, with its VNet (none on-premises).
    let answering = servers.iter().find_map(|server| {
        dns_host(subscription, vnet, *server).map(|(vnet, host)| (*server, vnet, host))
    });
    let resolver = match answering {
        Some((_, Some(dns_vnet), _)) => dns_vnet,
        _ => vnet,
    };
    if let Ok(address) = name.parse::<Ipv4Addr>() {
        record(report, Finding::IsAddress { address })?;
        return Next::Continue((address, resolver));
    }
    if !servers.is_empty() && answering.is_none() {
        return stop(
            report,
            Problem::DnsServerSilent {
                name,
                app: app.id,
                app_setting: app.dns_server.is_some(),
                servers,
            },
        );
    }
    let answer = |dns_vnet: &'a VirtualNetwork, forwarded_by: Option<Ipv4Addr>| {
        let (address, finding) = match azure_dns(subscription, dns_vnet, name) {
            AzureDnsAnswer::Zone(address, zone) => (
                address,
                Finding::ResolvedByAzureDns {
                    name,
                    address,
                    zone: Some(zone),
                    forwarded_by,
                },
            ),
            AzureDnsAnswer::Public(address) => (
                address,
                Finding::ResolvedByAzureDns {
                    name,
                    address,
                    zone: None,
                    forwarded_by,
                },
            ),
            AzureDnsAnswer::PrivateEndpointPublic(address, zone_name) => (
                address,
                Finding::ResolvedToPublicAddress {
                    name,
                    address,
                    zone_name,
                    forwarded_by: forwarded_by.map(|server| (server, dns_vnet.name.as_str())),
                },
            ),
            AzureDnsAnswer::Unknown => return None,
        };
        Some((address, finding, dns_vnet))
    };
    let found = if servers.is_empty() {
        answer(vnet, None)
    } else {
        servers.iter().find_map(|server| {
            let (dns_vnet, host) = dns_host(subscription, vnet, *server)?;
            match host.resolve(name) {
                Some(address) => Some((
                    address,
                    Finding::Resolved {
                        name,
                        address,
                        server: *server,
                    },
                    vnet,
                )),
                None => dns_vnet.and_then(|dns_vnet| answer(dns_vnet, Some(*server))),
            }
        })
    };
    let Some((address, finding, resolver)) = found else {
        return stop(report, Problem::RegionalNotResolved { name, servers });
    };
    record(report, finding)?;
    Next::Continue((address, resolver))
}

/// The DNS server at an address and the VNet it is in (none on-premises): in the VNet, a
/// peered VNet, or a linked local network.
fn dns_host<'a>(
    subscription: &'a Subscription,
    vnet: &'a VirtualNetwork,
    server: Ipv4Addr,
) -> Option<(Option<&'a VirtualNetwork>, &'a Host)> {
    reachable_vnets(subscription, vnet)
        .find_map(|network| network.vm_at(server).map(|vm| (Some(network), &vm.host)))
        .or_else(|| {
            vnet.site_to_site
                .iter()
                .filter_map(|id| subscription.local_networks.get(id))
                .find_map(|local| local.server_at(server).map(|s| (None, &s.host)))
        })
}
