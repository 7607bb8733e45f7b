//! What Network Watcher shows for a VM, computed for a web app's integration subnet (R30, R31):
//! its NSG's rules in evaluation order, the effective routes with the source of each, and the
//! two decisions the check takes from them: the route that matches an address, the rule that
//! decides a flow.

use std::fmt;
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use crate::model::entities::host::Protocol;
use crate::model::entities::network::{Subnet, VirtualNetwork};
use crate::model::entities::routing::NextHop;
use crate::model::entities::security::{
    Access, Destination, Direction, NetworkSecurityGroup, RuleProtocol, SecurityRule, ServiceTag,
};
use crate::model::entities::subscription::Subscription;
use crate::model::entities::web_app::{Integration, WebApp};
use crate::model::input::addressing::is_private_address;

/// Where an effective route comes from, as Azure's effective routes list names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RouteSource {
    /// Azure's own: the VNet, its peerings, the internet.
    Default,
    /// Learned by the VPN gateway: a local network behind site-to-site.
    VirtualNetworkGateway,
    /// A user route of the subnet's route table, by name.
    User { table: String, route: String },
}

/// Where an effective route sends traffic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EffectiveNextHop {
    VirtualNetwork,
    VNetPeering,
    VirtualNetworkGateway,
    Internet,
    VirtualAppliance(Ipv4Addr),
    None,
}

impl fmt::Display for EffectiveNextHop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EffectiveNextHop::VirtualNetwork => f.write_str("Virtual network"),
            EffectiveNextHop::VNetPeering => f.write_str("VNet peering"),
            EffectiveNextHop::VirtualNetworkGateway => f.write_str("Virtual network gateway"),
            EffectiveNextHop::Internet => f.write_str("Internet"),
            EffectiveNextHop::VirtualAppliance(address) => {
                write!(f, "Virtual appliance {address}")
            }
            EffectiveNextHop::None => f.write_str("None (drop)"),
        }
    }
}

impl fmt::Display for RouteSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RouteSource::Default => f.write_str("Default"),
            RouteSource::VirtualNetworkGateway => f.write_str("Virtual network gateway"),
            RouteSource::User { table, route } => write!(f, "User ({table}/{route})"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EffectiveRoute {
    pub source: RouteSource,
    pub prefix: Ipv4Net,
    pub next_hop: EffectiveNextHop,
}

/// The address ranges of the `VirtualNetwork` service tag for a VNet: its space, its peers'
/// spaces, and the on-premises spaces behind its gateway.
pub fn virtual_network_tag(subscription: &Subscription, vnet: &VirtualNetwork) -> Vec<Ipv4Net> {
    let mut ranges = vnet.address_space.clone();
    for peer in vnet
        .peerings
        .iter()
        .filter_map(|id| subscription.virtual_networks.get(id))
    {
        ranges.extend(&peer.address_space);
    }
    if vnet.gateway.is_some() {
        for local in vnet
            .site_to_site
            .iter()
            .filter_map(|id| subscription.local_networks.get(id))
        {
            ranges.extend(&local.address_space);
        }
    }
    ranges
}

/// The system routes of a subnet of `vnet`: Azure's defaults and what the gateway learned.
pub fn system_routes(subscription: &Subscription, vnet: &VirtualNetwork) -> Vec<EffectiveRoute> {
    let route = |source: RouteSource, prefix: Ipv4Net, next_hop| EffectiveRoute {
        source,
        prefix,
        next_hop,
    };
    let mut routes: Vec<EffectiveRoute> = vnet
        .address_space
        .iter()
        .map(|prefix| {
            route(
                RouteSource::Default,
                *prefix,
                EffectiveNextHop::VirtualNetwork,
            )
        })
        .collect();
    for peer in vnet
        .peerings
        .iter()
        .filter_map(|id| subscription.virtual_networks.get(id))
    {
        routes.extend(
            peer.address_space
                .iter()
                .map(|prefix| route(RouteSource::Default, *prefix, EffectiveNextHop::VNetPeering)),
        );
    }
    if vnet.gateway.is_some() {
        for local in vnet
            .site_to_site
            .iter()
            .filter_map(|id| subscription.local_networks.get(id))
        {
            routes.extend(local.address_space.iter().map(|prefix| {
                route(
                    RouteSource::VirtualNetworkGateway,
                    *prefix,
                    EffectiveNextHop::VirtualNetworkGateway,
                )
            }));
        }
    }
    routes.push(route(
        RouteSource::Default,
        Ipv4Net::default(),
        EffectiveNextHop::Internet,
    ));
    routes
}

/// The subnet's effective routes: the system routes, then its route table's user routes.
pub fn effective_routes(
    subscription: &Subscription,
    vnet: &VirtualNetwork,
    subnet: &Subnet,
) -> Vec<EffectiveRoute> {
    let mut routes = system_routes(subscription, vnet);
    if let Some(table) = subnet
        .route_table
        .and_then(|id| subscription.route_tables.get(&id))
    {
        routes.extend(table.routes.iter().map(|user| EffectiveRoute {
            source: RouteSource::User {
                table: table.name.clone(),
                route: user.name.clone(),
            },
            prefix: user.prefix,
            next_hop: match user.next_hop {
                NextHop::VirtualAppliance(address) => EffectiveNextHop::VirtualAppliance(address),
                NextHop::VirtualNetworkGateway => EffectiveNextHop::VirtualNetworkGateway,
                NextHop::Internet => EffectiveNextHop::Internet,
                NextHop::None => EffectiveNextHop::None,
            },
        }));
    }
    routes
}

/// R31: the longest prefix containing `address`; on a tie a user route wins over a system one.
pub fn matching_route(routes: &[EffectiveRoute], address: Ipv4Addr) -> Option<&EffectiveRoute> {
    routes
        .iter()
        .filter(|route| route.prefix.contains(&address))
        .max_by_key(|route| {
            (
                route.prefix.prefix_len(),
                matches!(route.source, RouteSource::User { .. }),
            )
        })
}

/// One flow an NSG rule is asked about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flow {
    pub address: Ipv4Addr,
    pub protocol: Protocol,
    pub port: u16,
}

/// Whether `rule` matches `flow`; `tag` holds the `VirtualNetwork` tag's ranges.
pub fn rule_matches(rule: &SecurityRule, flow: Flow, tag: &[Ipv4Net]) -> bool {
    let protocol = match rule.protocol {
        RuleProtocol::Any => true,
        RuleProtocol::Tcp => matches!(flow.protocol, Protocol::Tcp | Protocol::Smb),
        RuleProtocol::Udp => flow.protocol == Protocol::Udp,
    };
    let in_tag = tag.iter().any(|range| range.contains(&flow.address));
    let destination = match rule.destination {
        Destination::Any => true,
        Destination::Prefix(prefix) => prefix.contains(&flow.address),
        Destination::Tag(ServiceTag::VirtualNetwork) => in_tag,
        Destination::Tag(ServiceTag::Internet) => !in_tag && !is_private_address(flow.address),
    };
    let port = rule.ports.is_none_or(|ports| ports.contains(flow.port));
    protocol && destination && port
}

/// R30: the first outbound rule by priority that matches decides.
pub fn deciding_rule(nsg: &NetworkSecurityGroup, flow: Flow, tag: &[Ipv4Net]) -> SecurityRule {
    nsg.effective_rules(Direction::Outbound)
        .into_iter()
        .find(|rule| rule_matches(rule, flow, tag))
        .expect("DenyAllOutBound matches every flow")
}

/// R30: an inbound rule a person added that matches the flow: it has no effect on the app's
/// outbound traffic, which the check says when it may have been meant to.
pub fn inbound_rule_for(nsg: &NetworkSecurityGroup, flow: Flow, tag: &[Ipv4Net]) -> Option<String> {
    nsg.rules
        .iter()
        .filter(|rule| rule.direction == Direction::Inbound && rule.access == Access::Allow)
        .find(|rule| rule_matches(rule, flow, tag))
        .map(|rule| rule.name.clone())
}

/// R30: the first inbound rule a person added that matches the flow, Allow or Deny: with an
/// outbound Allow deciding, the check says it has no effect.
pub fn inbound_rule_matching<'a>(
    nsg: &'a NetworkSecurityGroup,
    flow: Flow,
    tag: &[Ipv4Net],
) -> Option<&'a SecurityRule> {
    nsg.rules
        .iter()
        .filter(|rule| rule.direction == Direction::Inbound)
        .find(|rule| rule_matches(rule, flow, tag))
}

/// A free priority just above (a lower number than) `priority`, for an Allow to go first.
pub fn priority_above(nsg: &NetworkSecurityGroup, priority: u16) -> Option<u16> {
    let start = priority.min(4097).saturating_sub(1);
    (100..=start).rev().find(|candidate| {
        !nsg.rules
            .iter()
            .any(|rule| rule.direction == Direction::Outbound && rule.priority == *candidate)
    })
}

/// The effective rules panel of a web app with regional integration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EffectiveRules {
    pub vnet: String,
    pub subnet: String,
    /// The NSG's name and its rules in evaluation order: outbound, then inbound.
    pub nsg: Option<(String, Vec<SecurityRule>, Vec<SecurityRule>)>,
    pub routes: Vec<EffectiveRoute>,
}

pub fn effective_rules(subscription: &Subscription, app: &WebApp) -> Option<EffectiveRules> {
    let Some(Integration::Regional(regional)) = app.integration() else {
        return None;
    };
    let vnet = subscription.virtual_networks.get(&regional.vnet)?;
    let subnet = vnet.subnet(&regional.subnet)?;
    let nsg = subnet
        .network_security_group
        .and_then(|id| subscription.network_security_groups.get(&id))
        .map(|nsg| {
            (
                nsg.name.clone(),
                nsg.effective_rules(Direction::Outbound),
                nsg.effective_rules(Direction::Inbound),
            )
        });
    let mut routes = effective_routes(subscription, vnet, subnet);
    routes.sort_by_key(|route| std::cmp::Reverse(route.prefix.prefix_len()));
    Some(EffectiveRules {
        vnet: vnet.name.clone(),
        subnet: subnet.name.clone(),
        nsg,
        routes,
    })
}
