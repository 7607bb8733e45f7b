//! `metadata.vnetLab`: what an ARM template cannot say about the lab, kept at the template's
//! root where Azure ignores it, so that importing the lab's own export gives the subscription
//! back whole (R38, R39).
//!
//! # The format
//!
//! The object sits at `metadata.vnetLab` of the template's root. Every map is keyed by the
//! **resource name the template uses** (never by a lab id, which an import hands out anew), and
//! every key of a map is sorted, so the same state writes the same bytes. Fields are camelCase;
//! a list or map that would be empty is left out and reads back empty.
//!
//! ```json
//! "metadata": { "vnetLab": {
//!   "format": 1,
//!   "clock": { "now": 1427187600, "speed": 60 },
//!   "virtualMachines": { "sql-vm-nic": { "name": "sql-vm", "hostNames": ["sql.contoso.local"],
//!                        "openPorts": ["tcp:1433"], "role": "SqlServer" } },
//!   "onPremises": { "Contoso-Office": { "servers": [ { "name": "dc01", "address": "192.168.0.10",
//!                   "openPorts": ["tcp:53"], "role": { "DnsServer": { "records": [["crm", "192.168.0.20"]] } } } ],
//!                   "routes": ["10.0.0.0/16"] } },
//!   "hybridConnections": { "crm": { "agent": { "localNetwork": "Contoso-Office", "server": "dc01", "running": true } } },
//!   "privateEndpoints": { "contoso-sql-pe": { "service": { "name": "contoso-sql.database.windows.net",
//!                         "address": "10.0.3.4", "openPorts": ["tcp:1433"] }, "publicAddress": "40.68.37.158" } },
//!   "internetHosts": [ { "name": "api.contoso.com", "address": "20.50.2.3", "openPorts": ["tcp:443"] } ],
//!   "gateways": { "Contoso-VNet-gateway": { "started": 1427187600, "done": 1427189400 } },
//!   "certificates": [ { "virtualNetwork": "Contoso-VNet", "subject": "…", "serial": 1, "notBefore": 1427187600,
//!                       "notAfter": 1679648400, "thumbprint": "AB12…", "der": "MIIB…" } ],
//!   "webApps": { "contoso-crm": { "synced": { "dnsServers": ["10.0.0.4"], "siteToSite": ["Contoso-Office"] } } },
//!   "addedGatewaySubnets": ["North-VNet"]
//! } }
//! ```
//!
//! - `format`: this layout's version, [`FORMAT`]. A reader refuses a newer one.
//! - `clock`: the simulated now (seconds since the Unix epoch, UTC) and its speed (× real time).
//! - `virtualMachines`, keyed by the NIC's name (`<vm>-nic`): the VM's name and what its host
//!   answers: host names, open ports (`protocol:port`, protocol `tcp`, `udp`, `icmp` or `smb`) and
//!   role (`"SqlServer"`, `"FileServer"`, `"DomainController"`, `"WindowsServer"` or
//!   `{"DnsServer":{"records":[[name, address]]}}`). Its address and subnet are the NIC's.
//! - `onPremises`, keyed by the local network gateway's name: the servers of that network, each a
//!   whole host (name, address, host names, open ports, role), and the prefixes its routers send
//!   back through the tunnel (R21).
//! - `hybridConnections`, keyed by the Hybrid Connection's name (the relay's
//!   `hybridConnections` child): where the Hybrid Connection Manager runs (the local network's
//!   name and the server's host name) and whether it is running. No `agent`: none installed.
//! - `privateEndpoints`, keyed by the private endpoint's name: the service behind it as a host
//!   (its DNS name, its private address, its open ports) and the address its public name
//!   resolves to without the private zone.
//! - `internetHosts`: the public hosts apps call, each a whole host, in the lab's order.
//! - `gateways`, keyed by the virtual network gateway's name: when its provisioning started and
//!   is done (an import without it makes the gateway Ready).
//! - `certificates`: every certificate issued for web apps' connections, oldest first, with the
//!   name of the VNet it was issued for and its DER in base64 (a certificate no app uses and no
//!   gateway holds appears nowhere else in the template).
//! - `webApps`, keyed by the site's name: what a gateway-required connection took from its VNet
//!   when it last synced (R14): the DNS servers and the local networks (by name).
//! - `addedGatewaySubnets`: the VNets (by name) whose `GatewaySubnet` the export added because
//!   Azure's gateway needs one and the lab's VNet had none; the import leaves those subnets out.
//!
//! Not carried: the lab's ids and the activity log; an import starts its own.

use std::collections::BTreeMap;
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;
use serde::{Deserialize, Serialize};

use crate::model::entities::clock::{Instant, Operation};
use crate::model::entities::host::{Host, PortRule, Role};
use crate::model::entities::routing::UnreadRoute;
use crate::model::entities::security::UnreadRule;

/// The version of the layout below.
pub const FORMAT: u32 = 1;

/// The root of `metadata.vnetLab`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VnetLab {
    pub format: u32,
    pub clock: LabClock,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub virtual_machines: BTreeMap<String, MachineFacts>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub on_premises: BTreeMap<String, OnPremises>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub hybrid_connections: BTreeMap<String, HybridFacts>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub private_endpoints: BTreeMap<String, EndpointFacts>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub internet_hosts: Vec<HostFacts>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub gateways: BTreeMap<String, Operation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certificates: Vec<CertificateFacts>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub web_apps: BTreeMap<String, AppFacts>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub added_gateway_subnets: Vec<String>,
    /// By NSG name: the rules an imported template declared that the lab could not hold
    /// (name, priority, direction, access, why), which Azure holds as declared.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unread_rules: BTreeMap<String, Vec<UnreadRule>>,
    /// By route table name: the routes whose next hop the lab could not read (name, prefix,
    /// why), which Azure holds as declared.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unread_routes: BTreeMap<String, Vec<UnreadRoute>>,
}

/// The simulated clock.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabClock {
    pub now: Instant,
    pub speed: u32,
}

/// A whole host: an on-premises server, an internet host, a private endpoint's service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HostFacts {
    pub name: String,
    pub address: Ipv4Addr,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub host_names: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub open_ports: Vec<PortRule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
}

impl From<&Host> for HostFacts {
    fn from(host: &Host) -> HostFacts {
        HostFacts {
            name: host.name.clone(),
            address: host.address,
            host_names: host.host_names.clone(),
            open_ports: host.open_ports.clone(),
            role: host.role.clone(),
        }
    }
}

impl From<HostFacts> for Host {
    fn from(facts: HostFacts) -> Host {
        Host {
            name: facts.name,
            address: facts.address,
            host_names: facts.host_names,
            open_ports: facts.open_ports,
            role: facts.role,
            // The lab's own export states the ports, so they are known.
            ports_unknown: false,
        }
    }
}

/// What a VM's host answers; its address and subnet are its NIC's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MachineFacts {
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub host_names: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub open_ports: Vec<PortRule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
}

/// An on-premises network behind a local network gateway.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OnPremises {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub servers: Vec<HostFacts>,
    /// Prefixes the on-premises routers send back through the VPN tunnel (R21).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<Ipv4Net>,
}

/// A Hybrid Connection's relay agent, if one is installed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HybridFacts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<AgentFacts>,
}

/// Where the Hybrid Connection Manager runs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AgentFacts {
    /// The local network gateway's name.
    pub local_network: String,
    /// The server's host name in that network.
    pub server: String,
    #[serde(default)]
    pub running: bool,
}

/// The service behind a private endpoint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EndpointFacts {
    pub service: HostFacts,
    pub public_address: Ipv4Addr,
}

/// A certificate issued for the web apps' connections to one VNet (R12).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateFacts {
    pub virtual_network: String,
    pub subject: String,
    pub serial: u64,
    pub not_before: Instant,
    pub not_after: Instant,
    pub thumbprint: String,
    /// The certificate's DER, base64 (standard alphabet, padded).
    pub der: String,
}

/// What a web app's gateway-required connection last synced (R14).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppFacts {
    pub synced: SyncedFacts,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncedFacts {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dns_servers: Vec<Ipv4Addr>,
    /// Local network gateways' names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub site_to_site: Vec<String>,
}
