//! Virtual networks: address space, subnets, DNS, the gateway, point-to-site, VMs.

use std::fmt;
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::entities::clock::{Instant, Operation};
use crate::model::entities::host::Host;
use crate::model::entities::ids::{
    LocalNetworkId, NatGatewayId, NsgId, RouteTableId, VmId, VnetId,
};
use crate::model::entities::region::Region;

/// The most DNS servers a virtual network can have.
pub const MAX_DNS_SERVERS: usize = 12;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Routing {
    Dynamic,
    Static,
}

impl fmt::Display for Routing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Routing::Dynamic => "Dynamic routing",
            Routing::Static => "Static routing",
        })
    }
}

/// The VPN gateway; provisioning or ready is derived from the clock.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gateway {
    pub routing: Routing,
    pub provisioning: Operation,
}

impl Gateway {
    pub fn is_ready(&self, now: Instant) -> bool {
        self.provisioning.is_done(now)
    }
}

/// A certificate uploaded to the point-to-site configuration: its public part only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadedCertificate {
    pub thumbprint: String,
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub revoked: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointToSite {
    /// The client address pool: web apps get their addresses from it.
    pub pool: Ipv4Net,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certificates: Vec<UploadedCertificate>,
}

impl PointToSite {
    /// The address a web app shows inside the VNet, for the path picture.
    pub fn client_address(&self) -> Ipv4Addr {
        self.pool.hosts().nth(1).unwrap_or(self.pool.network())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subnet {
    pub name: String,
    pub prefix: Ipv4Net,
    /// The service the subnet is delegated to (R26).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delegation: Option<Delegation>,
    /// R30
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_security_group: Option<NsgId>,
    /// R31
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route_table: Option<RouteTableId>,
    /// R29: outbound internet traffic leaves by its public IP.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nat_gateway: Option<NatGatewayId>,
}

/// The name of the subnet a VPN gateway lives in.
pub const GATEWAY_SUBNET: &str = "GatewaySubnet";

/// A subnet delegation: the service allowed to put its resources in the subnet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Delegation {
    /// App Service's regional VNet Integration.
    ServerFarms,
}

impl fmt::Display for Delegation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Delegation::ServerFarms => "Microsoft.Web/serverFarms",
        })
    }
}

/// Azure reserves the first four addresses of every subnet and the last (R28).
pub const RESERVED_ADDRESSES: u32 = 5;

impl Subnet {
    /// Addresses left for instances once Azure's five are reserved (R28): 11 for a /28.
    pub fn usable_addresses(&self) -> u32 {
        usable_addresses(self.prefix.prefix_len())
    }

    pub fn is_gateway_subnet(&self) -> bool {
        self.name.eq_ignore_ascii_case(GATEWAY_SUBNET)
    }

    /// Whether a private endpoint may be placed here: not the GatewaySubnet, not delegated.
    pub fn holds_private_endpoints(&self) -> bool {
        !self.is_gateway_subnet() && self.delegation.is_none()
    }
}

/// Usable addresses of a subnet of prefix length `len` (R28).
pub fn usable_addresses(len: u8) -> u32 {
    let size = 1u64 << (32 - u32::from(len.min(32)));
    u32::try_from(size.saturating_sub(u64::from(RESERVED_ADDRESSES))).unwrap_or(u32::MAX)
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct VirtualMachine {
    pub id: VmId,
    /// Saved only when it is not the subnet the address is in; see [`VirtualNetwork`]'s serde.
    #[serde(default)]
    pub subnet: String,
    pub host: Host,
}

/// Saved as its fields, each left out at its default, and its virtual machines without the
/// subnet their address tells (schema 2): the large subscription's 5,000 VMs said "Backend"
/// 5,000 times. `remote = "Self"` makes the derive an inherent `deserialize`, which the
/// `Deserialize` impl below runs before giving each VM without a subnet the one holding it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(remote = "Self")]
pub struct VirtualNetwork {
    pub id: VnetId,
    pub name: String,
    pub address_space: Vec<Ipv4Net>,
    #[serde(default)]
    pub subnets: Vec<Subnet>,
    #[serde(default)]
    pub dns_servers: Vec<Ipv4Addr>,
    #[serde(default)]
    pub gateway: Option<Gateway>,
    #[serde(default)]
    pub point_to_site: Option<PointToSite>,
    /// Local networks linked by a site-to-site VPN connection.
    #[serde(default)]
    pub site_to_site: Vec<LocalNetworkId>,
    #[serde(default)]
    pub virtual_machines: Vec<VirtualMachine>,
    /// Documents saved before regions existed load as West Europe.
    #[serde(default)]
    pub region: Region,
    /// VNets peered with this one (both sides hold the peering).
    #[serde(default)]
    pub peerings: Vec<VnetId>,
}

impl VirtualNetwork {
    pub fn contains(&self, address: Ipv4Addr) -> bool {
        self.address_space.iter().any(|net| net.contains(&address))
    }

    pub fn subnet_of(&self, address: Ipv4Addr) -> Option<&Subnet> {
        self.subnets
            .iter()
            .find(|subnet| subnet.prefix.contains(&address))
    }

    pub fn subnet_mut(&mut self, name: &str) -> Option<&mut Subnet> {
        self.subnets.iter_mut().find(|subnet| subnet.name == name)
    }

    pub fn subnet(&self, name: &str) -> Option<&Subnet> {
        self.subnets.iter().find(|subnet| subnet.name == name)
    }

    pub fn vm_at(&self, address: Ipv4Addr) -> Option<&VirtualMachine> {
        self.virtual_machines
            .iter()
            .find(|vm| vm.host.address == address)
    }

    pub fn uploaded(&self, thumbprint: &str) -> Option<&UploadedCertificate> {
        self.point_to_site
            .as_ref()?
            .certificates
            .iter()
            .find(|certificate| certificate.thumbprint == thumbprint)
    }
}

impl<'de> Deserialize<'de> for VirtualNetwork {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<VirtualNetwork, D::Error> {
        let mut vnet = VirtualNetwork::deserialize(deserializer)?;
        let VirtualNetwork {
            name,
            subnets,
            virtual_machines,
            ..
        } = &mut vnet;
        for vm in virtual_machines
            .iter_mut()
            .filter(|vm| vm.subnet.is_empty())
        {
            let address = vm.host.address;
            let subnet = subnets
                .iter()
                .find(|subnet| subnet.prefix.contains(&address))
                .ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "the virtual machine “{}” has no \"subnet\" and none of the subnets of {name} \
                         holds its address {address}: add its \"subnet\", or correct its address",
                        vm.host.name
                    ))
                })?;
            vm.subnet.clone_from(&subnet.name);
        }
        Ok(vnet)
    }
}

impl Serialize for VirtualNetwork {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Every field named, so a new one cannot be forgotten here.
        let VirtualNetwork {
            id,
            name,
            address_space,
            subnets,
            dns_servers,
            gateway,
            point_to_site,
            site_to_site,
            virtual_machines: _,
            region,
            peerings,
        } = self;
        SavedNetwork {
            id: *id,
            name,
            address_space,
            subnets,
            dns_servers,
            gateway: gateway.as_ref(),
            point_to_site: point_to_site.as_ref(),
            site_to_site,
            virtual_machines: SavedMachines(self),
            region: *region,
            peerings,
        }
        .serialize(serializer)
    }
}

/// A virtual network as saved: the order and names of its fields, and when each is left out.
#[derive(Serialize)]
struct SavedNetwork<'a> {
    id: VnetId,
    name: &'a str,
    address_space: &'a [Ipv4Net],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    subnets: &'a [Subnet],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    dns_servers: &'a [Ipv4Addr],
    #[serde(skip_serializing_if = "Option::is_none")]
    gateway: Option<&'a Gateway>,
    #[serde(skip_serializing_if = "Option::is_none")]
    point_to_site: Option<&'a PointToSite>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    site_to_site: &'a [LocalNetworkId],
    #[serde(skip_serializing_if = "SavedMachines::is_empty")]
    virtual_machines: SavedMachines<'a>,
    #[serde(skip_serializing_if = "super::is_default")]
    region: Region,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    peerings: &'a [VnetId],
}

/// The virtual machines of a network, each with its subnet only where its address does not
/// tell it.
struct SavedMachines<'a>(&'a VirtualNetwork);

impl SavedMachines<'_> {
    fn is_empty(&self) -> bool {
        self.0.virtual_machines.is_empty()
    }
}

impl Serialize for SavedMachines<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let vnet = self.0;
        serializer.collect_seq(vnet.virtual_machines.iter().map(|vm| {
            let told = vnet
                .subnet_of(vm.host.address)
                .is_some_and(|subnet| subnet.name == vm.subnet);
            SavedMachine {
                id: vm.id,
                subnet: (!told).then_some(vm.subnet.as_str()),
                host: &vm.host,
            }
        }))
    }
}

#[derive(Serialize)]
struct SavedMachine<'a> {
    id: VmId,
    #[serde(skip_serializing_if = "Option::is_none")]
    subnet: Option<&'a str>,
    host: &'a Host,
}
