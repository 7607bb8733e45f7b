//! On-premises networks, reached from a VNet through a site-to-site VPN tunnel.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;
use serde::{Deserialize, Serialize};

use crate::model::entities::host::Host;
use crate::model::entities::ids::{LocalNetworkId, ServerId};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Server {
    pub id: ServerId,
    pub host: Host,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalNetwork {
    pub id: LocalNetworkId,
    pub name: String,
    pub address_space: Vec<Ipv4Net>,
    pub vpn_device: Ipv4Addr,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub servers: Vec<Server>,
    /// Prefixes the on-premises routers send back through the VPN tunnel (R21).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<Ipv4Net>,
}

impl LocalNetwork {
    pub fn contains(&self, address: Ipv4Addr) -> bool {
        self.address_space.iter().any(|net| net.contains(&address))
    }

    pub fn server_at(&self, address: Ipv4Addr) -> Option<&Server> {
        self.servers
            .iter()
            .find(|server| server.host.address == address)
    }

    /// Whether replies to `pool` go back through the tunnel.
    pub fn routes_back(&self, pool: &Ipv4Net) -> bool {
        self.routes.iter().any(|route| route.contains(pool))
    }
}
