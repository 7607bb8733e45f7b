//! Site-to-site, the stage both kinds end with on-premises: through the tunnel only when the
//! local network routes back the range the app's traffic comes from (R21, R33).

use std::fmt;
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::firewall::Found;
use super::record::{record, stop, Next};
use super::{Finding, Hop, Problem, Report};
use crate::model::command::HostRef;
use crate::model::entities::local_network::LocalNetwork;

/// The range the app's traffic comes from on-premises, which the local network must route back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReturnRange {
    /// R21: the gateway-required kind's point-to-site pool.
    PointToSitePool(Ipv4Net),
    /// R33: the regional kind's integration subnet.
    IntegrationSubnet(Ipv4Net),
}

impl ReturnRange {
    pub fn prefix(&self) -> Ipv4Net {
        match self {
            ReturnRange::PointToSitePool(prefix) | ReturnRange::IntegrationSubnet(prefix) => {
                *prefix
            }
        }
    }
}

impl fmt::Display for ReturnRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReturnRange::PointToSitePool(pool) => write!(f, "the point-to-site pool {pool}"),
            ReturnRange::IntegrationSubnet(subnet) => write!(f, "the integration subnet {subnet}"),
        }
    }
}

/// Through the tunnel to `local` when it routes `range` back, entering by the hops `entry`
/// (the gateway, after the point-to-site address for the gateway-required kind); the server
/// at `address`, if there is one.
pub(super) fn stage<'a>(
    local: &'a LocalNetwork,
    range: ReturnRange,
    entry: impl IntoIterator<Item = Hop<'a>>,
    address: Ipv4Addr,
    report: &mut Report<'a>,
) -> Next<Found<'a>> {
    if !local.routes_back(&range.prefix()) {
        return stop(
            report,
            Problem::NoRouteBack {
                local: local.id,
                local_name: &local.name,
                range,
            },
        );
    }
    record(
        report,
        Finding::ThroughTunnel {
            local: &local.name,
            range,
        },
    )?;
    report.path.extend(entry);
    report.path.push(Hop::Tunnel(&local.name));
    report.path.push(Hop::LocalNetwork(&local.name));
    Next::Continue(
        local
            .server_at(address)
            .map(|server| (HostRef::Server(local.id, server.id), &server.host)),
    )
}
