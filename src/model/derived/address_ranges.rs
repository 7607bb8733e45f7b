//! The address range view (R21, R33): every address range around one virtual network on one
//! line (its address space and subnets, its integration subnets with their addresses in use, its
//! point-to-site pool, each linked local network), the overlaps among them, and for each local
//! network the routes it needs back: to the point-to-site pool and to every integration subnet.

use ipnet::Ipv4Net;

use crate::model::command::Command;
use crate::model::derived::regional::{integration_subnets, IntegrationSubnet};
use crate::model::entities::ids::{LocalNetworkId, VnetId};
use crate::model::entities::subscription::Subscription;
use crate::model::input::addressing::overlaps;
use crate::model::input::text::join;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeKind {
    AddressSpace,
    Subnet,
    /// A subnet used by regional integration (R28).
    IntegrationSubnet,
    PointToSitePool,
    LocalNetwork,
}

impl RangeKind {
    pub fn label(self) -> &'static str {
        match self {
            RangeKind::AddressSpace => "VNet address space",
            RangeKind::Subnet => "Subnet",
            RangeKind::IntegrationSubnet => "Integration subnet",
            RangeKind::PointToSitePool => "Point-to-site pool",
            RangeKind::LocalNetwork => "Local network",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Range {
    pub kind: RangeKind,
    /// What it belongs to: the VNet, the subnet or the local network's name.
    pub owner: String,
    pub prefix: Ipv4Net,
    /// The ranges of other owners it overlaps, as "onPremHQ 192.168.0.0/16".
    pub overlaps: Vec<String>,
    /// For an integration subnet: addresses in use and usable (R28).
    pub addresses: Option<(u32, u32)>,
}

/// The route a linked local network needs for replies to reach the web apps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteBack {
    pub local: LocalNetworkId,
    pub local_name: String,
    pub present: bool,
    /// The exact line, as "192.168.0.0/16 site: add route 172.16.0.0/24 via the tunnel to corpVnet".
    pub line: String,
    /// The command that adds it, while it is missing.
    pub command: Option<Command>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddressRanges {
    pub ranges: Vec<Range>,
    pub routes: Vec<RouteBack>,
    /// Without a pool no route can be named; the view says to enable point-to-site.
    pub pool: Option<Ipv4Net>,
}

impl AddressRanges {
    /// Every range's first and one-past-last address as positions on an ordinal scale: each
    /// distinct boundary gets the next position, so a /24 beside a /8 stays visible.
    pub fn positions(&self) -> (Vec<(usize, usize)>, usize) {
        let bound = |prefix: &Ipv4Net| {
            (
                u64::from(u32::from(prefix.network())),
                u64::from(u32::from(prefix.broadcast())) + 1,
            )
        };
        let mut boundaries: Vec<u64> = self
            .ranges
            .iter()
            .flat_map(|range| {
                let (start, end) = bound(&range.prefix);
                [start, end]
            })
            .collect();
        boundaries.sort_unstable();
        boundaries.dedup();
        let index = |value: u64| boundaries.partition_point(|b| *b < value);
        let spans = self
            .ranges
            .iter()
            .map(|range| {
                let (start, end) = bound(&range.prefix);
                (index(start), index(end))
            })
            .collect();
        (spans, boundaries.len().saturating_sub(1))
    }
}

/// Which ranges may not overlap: a subnet lies inside its VNet's space by design.
fn group(kind: RangeKind, owner: &str) -> (u8, &str) {
    match kind {
        RangeKind::AddressSpace | RangeKind::Subnet | RangeKind::IntegrationSubnet => (0, ""),
        RangeKind::PointToSitePool => (1, ""),
        RangeKind::LocalNetwork => (2, owner),
    }
}

pub fn address_ranges(subscription: &Subscription, vnet: VnetId) -> Option<AddressRanges> {
    let vnet = subscription.virtual_networks.get(&vnet)?;
    let mut ranges: Vec<Range> = Vec::new();
    let mut push = |kind, owner: &str, prefix, addresses| {
        ranges.push(Range {
            kind,
            owner: owner.to_string(),
            prefix,
            overlaps: Vec::new(),
            addresses,
        })
    };
    for prefix in &vnet.address_space {
        push(RangeKind::AddressSpace, &vnet.name, *prefix, None);
    }
    let integration: Vec<IntegrationSubnet> = integration_subnets(subscription)
        .into_iter()
        .filter(|used| used.vnet == vnet.id)
        .collect();
    for subnet in &vnet.subnets {
        match integration.iter().find(|used| used.subnet == subnet.name) {
            Some(used) => push(
                RangeKind::IntegrationSubnet,
                &subnet.name,
                subnet.prefix,
                Some((used.in_use(), used.capacity())),
            ),
            None => push(RangeKind::Subnet, &subnet.name, subnet.prefix, None),
        }
    }
    let pool = vnet.point_to_site.as_ref().map(|p2s| p2s.pool);
    if let Some(pool) = pool {
        push(RangeKind::PointToSitePool, &vnet.name, pool, None);
    }
    let linked: Vec<_> = vnet
        .site_to_site
        .iter()
        .filter_map(|id| subscription.local_networks.get(id))
        .collect();
    for local in &linked {
        for prefix in &local.address_space {
            push(RangeKind::LocalNetwork, &local.name, *prefix, None);
        }
    }
    let found: Vec<Vec<String>> = ranges
        .iter()
        .map(|range| {
            ranges
                .iter()
                .filter(|other| {
                    group(other.kind, &other.owner) != group(range.kind, &range.owner)
                        && overlaps(&range.prefix, &other.prefix)
                })
                .map(|other| format!("{} {}", other.owner, other.prefix))
                .collect()
        })
        .collect();
    for (range, overlaps) in ranges.iter_mut().zip(found) {
        range.overlaps = overlaps;
    }
    // Replies go back to the point-to-site pool (R21) and to each integration subnet (R33).
    let needed: Vec<Ipv4Net> = pool
        .into_iter()
        .chain(integration.iter().map(|used| used.prefix))
        .collect();
    let routes = linked
        .iter()
        .flat_map(|local| {
            needed.iter().map(|prefix| {
                let present = local.routes_back(prefix);
                let spaces = join(&local.address_space, ", ");
                RouteBack {
                    local: local.id,
                    local_name: local.name.clone(),
                    present,
                    line: if present {
                        format!(
                            "{spaces} site: route {prefix} via the tunnel to {} is present",
                            vnet.name
                        )
                    } else {
                        format!(
                            "{spaces} site: add route {prefix} via the tunnel to {}",
                            vnet.name
                        )
                    },
                    command: (!present).then(|| Command::AddRoute {
                        local_network: local.id,
                        prefix: prefix.to_string(),
                    }),
                }
            })
        })
        .collect();
    Some(AddressRanges {
        ranges,
        routes,
        pool,
    })
}
