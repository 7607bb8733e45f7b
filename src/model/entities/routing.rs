//! Route tables (R31) and NAT gateways (R29) associated with subnets.

use std::fmt;
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;
use serde::{Deserialize, Serialize};

use crate::model::entities::ids::{NatGatewayId, RouteTableId};
use crate::model::entities::region::Region;

/// Where a route sends the traffic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NextHop {
    /// A firewall or other appliance at this address, which must itself be reachable.
    VirtualAppliance(Ipv4Addr),
    /// The VNet's VPN gateway, and on to site-to-site networks.
    VirtualNetworkGateway,
    Internet,
    /// Drops the traffic.
    None,
}

impl fmt::Display for NextHop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NextHop::VirtualAppliance(address) => write!(f, "Virtual appliance {address}"),
            NextHop::VirtualNetworkGateway => f.write_str("Virtual network gateway"),
            NextHop::Internet => f.write_str("Internet"),
            NextHop::None => f.write_str("None"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRoute {
    pub name: String,
    pub prefix: Ipv4Net,
    pub next_hop: NextHop,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteTable {
    pub id: RouteTableId,
    pub name: String,
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub region: Region,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<UserRoute>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unread_routes: Vec<UnreadRoute>,
}

/// A route a template declared whose next hop the lab cannot know (a firewall's address known
/// only at deployment): the check answers "unknown" for traffic it could carry (R39).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnreadRoute {
    pub name: String,
    pub prefix: Ipv4Net,
    /// What the lab could not read, as the import report says it.
    pub why: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NatGateway {
    pub id: NatGatewayId,
    pub name: String,
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub region: Region,
    /// The public IP address outbound internet traffic leaves from.
    pub public_ip: Ipv4Addr,
}
