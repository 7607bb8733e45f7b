//! Private DNS zones linked to VNets, private endpoints of Azure services, and the public hosts
//! apps call on the internet (R32).

use std::net::Ipv4Addr;

use serde::{Deserialize, Serialize};

use crate::model::entities::host::Host;
use crate::model::entities::ids::{InternetHostId, PrivateDnsZoneId, PrivateEndpointId, VnetId};

/// A private DNS zone: answered by Azure DNS (168.63.129.16) to the VNets linked to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivateDnsZone {
    pub id: PrivateDnsZoneId,
    /// As `privatelink.database.windows.net`.
    pub name: String,
    /// A records: the name relative to the zone (`contoso-sql`) and its address.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<(String, Ipv4Addr)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<VnetId>,
}

impl PrivateDnsZone {
    /// The address this zone holds for the full name `fqdn`, if any.
    pub fn resolve(&self, fqdn: &str) -> Option<Ipv4Addr> {
        let fqdn = fqdn.trim_end_matches('.').to_ascii_lowercase();
        let relative = fqdn
            .strip_suffix(&self.name.to_ascii_lowercase())?
            .strip_suffix('.')?;
        self.records
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(relative))
            .map(|(_, address)| *address)
    }
}

/// A private endpoint: an Azure service (such as an Azure SQL server) given a private address in
/// a subnet. Its public name keeps answering with the public address unless a linked
/// `privatelink` zone says otherwise (R32).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivateEndpoint {
    pub id: PrivateEndpointId,
    pub vnet: VnetId,
    pub subnet: String,
    /// The service's name, as `contoso-sql.database.windows.net`; its address is the private
    /// one and its open ports the service's.
    pub host: Host,
    /// The address the service's public name resolves to without the private zone.
    pub public_address: Ipv4Addr,
}

impl PrivateEndpoint {
    /// The name Azure DNS looks up in the private zone: `contoso-sql.privatelink.database.windows.net`.
    pub fn private_link_name(&self) -> String {
        match self.host.name.split_once('.') {
            Some((label, rest)) => format!("{label}.privatelink.{rest}"),
            None => format!("{}.privatelink", self.host.name),
        }
    }
}

/// A public service on the internet, reached by its public address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InternetHost {
    pub id: InternetHostId,
    /// Its DNS name (as `api.contoso.com`), its public address and open ports.
    pub host: Host,
}
