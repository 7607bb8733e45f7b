//! What a passed step found: a link of the chain that holds. A finding has no fix.

use std::fmt;
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::tier::needs;
use super::{ReturnRange, Stage};
use crate::model::derived::effective::EffectiveRoute;
use crate::model::derived::integration::IntegrationKind;
use crate::model::entities::host::{PortRule, Protocol};
use crate::model::entities::region::Region;
use crate::model::entities::security::SecurityRule;
use crate::model::entities::tier::Tier;

/// A link of the chain that holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Finding<'a> {
    /// R15, R34: outbound TCP or UDP from the web app.
    Outbound {
        protocol: Protocol,
    },
    /// R34: regional integration carries SMB.
    SmbThroughRegional,
    /// R1, R5, R25: the plan's tier includes the kind of integration in use.
    TierAllows {
        kind: IntegrationKind,
        tier: Tier,
    },
    Connected {
        vnet: &'a str,
    },
    /// R25, R26: the integration in use, its region and subnet.
    RegionalIntegration {
        vnet: &'a str,
        region: Region,
        subnet: &'a str,
        prefix: Ipv4Net,
    },
    GatewayReady {
        vnet: &'a str,
    },
    CertificateInSync {
        thumbprint: &'a str,
    },
    /// R29: which destinations enter the VNet.
    RouteAllScope {
        route_all: bool,
    },
    IsAddress {
        address: Ipv4Addr,
    },
    Resolved {
        name: &'a str,
        address: Ipv4Addr,
        server: Ipv4Addr,
    },
    /// R32: Azure DNS answered, from a private zone linked to the VNet or from public DNS,
    /// perhaps for a custom DNS server forwarding to it.
    ResolvedByAzureDns {
        name: &'a str,
        address: Ipv4Addr,
        zone: Option<&'a str>,
        forwarded_by: Option<Ipv4Addr>,
    },
    /// R32: a private endpoint's name, with no linked `privatelink` zone: its public address.
    ResolvedToPublicAddress {
        name: &'a str,
        address: Ipv4Addr,
        zone_name: String,
        /// The custom DNS server that forwarded to Azure DNS, and the VNet it asked from.
        forwarded_by: Option<(Ipv4Addr, &'a str)>,
    },
    /// R31: the effective route that matched.
    RouteMatched {
        route: EffectiveRoute,
    },
    /// R30: the outbound rule that allowed the flow.
    NsgAllows {
        nsg: &'a str,
        rule: SecurityRule,
    },
    /// R30: an inbound rule matches the flow too, and has no effect on it.
    InboundRuleIgnored {
        nsg: &'a str,
        rule: String,
    },
    ThroughAppliance {
        address: Ipv4Addr,
        name: &'a str,
    },
    InVirtualNetwork {
        vnet: &'a str,
        subnet: Option<(&'a str, Ipv4Net)>,
    },
    /// R33
    ThroughPeering {
        vnet: &'a str,
        subnet: Option<(&'a str, Ipv4Net)>,
    },
    /// R21, R33: the on-premises side routes the range the app's traffic comes from back.
    ThroughTunnel {
        local: &'a str,
        range: ReturnRange,
    },
    /// R29: to the internet, through the VNet with Route All on, else not.
    ToInternet {
        address: Ipv4Addr,
        route_all: bool,
    },
    /// R29: with Route All on, internet traffic leaves by the NAT gateway when there is one.
    LeavesByNat {
        name: &'a str,
        public_ip: Ipv4Addr,
    },
    PortOpen {
        host: &'a str,
        rule: PortRule,
    },
}

impl Finding<'_> {
    pub fn stage(&self) -> Stage {
        use Finding::*;
        match self {
            Outbound { .. } | SmbThroughRegional => Stage::Protocol,
            TierAllows { .. } => Stage::Tier,
            Connected { .. } | RegionalIntegration { .. } => Stage::Connection,
            GatewayReady { .. } => Stage::Gateway,
            CertificateInSync { .. } => Stage::Certificate,
            RouteAllScope { .. }
            | ToInternet {
                route_all: false, ..
            } => Stage::RouteAll,
            IsAddress { .. }
            | Resolved { .. }
            | ResolvedByAzureDns { .. }
            | ResolvedToPublicAddress { .. } => Stage::NameResolution,
            RouteMatched { .. } | ThroughAppliance { .. } => Stage::RouteTable,
            NsgAllows { .. } | InboundRuleIgnored { .. } => Stage::SecurityGroup,
            InVirtualNetwork { .. }
            | ThroughPeering { .. }
            | ThroughTunnel { .. }
            | ToInternet {
                route_all: true, ..
            }
            | LeavesByNat { .. } => Stage::Route,
            PortOpen { .. } => Stage::Firewall,
        }
    }
}

impl fmt::Display for Finding<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Finding::*;
        match self {
            Outbound { protocol } => write!(f, "Outbound {protocol} from the web app into the virtual network is supported."),
            SmbThroughRegional => write!(f, "SMB (TCP 445) is carried by regional VNet Integration, unlike the gateway-required kind."),
            TierAllows { kind, tier } => write!(f, "The plan is in the {tier} tier, which includes {}.", needs(*kind).feature),
            Connected { vnet } => write!(f, "The web app is connected to {vnet}."),
            RegionalIntegration { vnet, region, subnet, prefix } => write!(f, "The web app uses regional VNet Integration with {vnet} ({region}), subnet {subnet} ({prefix}), delegated to Microsoft.Web/serverFarms."),
            GatewayReady { vnet } => write!(f, "{vnet} has a ready Dynamic routing gateway with point-to-site enabled."),
            CertificateInSync { thumbprint } => write!(f, "The certificate {thumbprint} is uploaded to the VNet and valid."),
            RouteAllScope { route_all: true } => write!(f, "Route All is on: all outbound traffic enters the virtual network."),
            RouteAllScope { route_all: false } => write!(f, "Route All is off: only traffic to private (RFC 1918) addresses enters the virtual network."),
            IsAddress { address } => write!(f, "{address} is an IP address; no name resolution needed."),
            Resolved { name, address, server } => write!(f, "{name} resolves to {address} (DNS server {server})."),
            ResolvedByAzureDns { name, address, zone: Some(zone), forwarded_by: None } => write!(f, "{name} resolves to {address}: Azure DNS (168.63.129.16) answered from the private DNS zone {zone}, linked to the virtual network."),
            ResolvedByAzureDns { name, address, zone: Some(zone), forwarded_by: Some(server) } => write!(f, "{name} resolves to {address}: the DNS server {server} forwarded it to Azure DNS, which answered from the private DNS zone {zone}."),
            ResolvedByAzureDns { name, address, zone: None, forwarded_by: None } => write!(f, "{name} resolves to its public address {address} (Azure DNS, public name)."),
            ResolvedByAzureDns { name, address, zone: None, forwarded_by: Some(server) } => write!(f, "{name} resolves to its public address {address}: the DNS server {server} forwarded it to Azure DNS."),
            ResolvedToPublicAddress { name, address, zone_name, forwarded_by: None } => write!(f, "{name} resolves to its public address {address}: no private DNS zone {zone_name} linked to the virtual network holds its private address."),
            ResolvedToPublicAddress { name, address, zone_name, forwarded_by: Some((server, vnet)) } => write!(f, "{name} resolves to its public address {address}: the DNS server {server} forwarded it to Azure DNS from {vnet}, where no private DNS zone {zone_name} holding its private address is linked."),
            RouteMatched { route } => write!(f, "The effective route {} ({}) sends it to: {}.", route.prefix, route.source, route.next_hop),
            NsgAllows { nsg, rule } => write!(f, "The network security group {nsg} allows it: outbound rule {rule}."),
            InboundRuleIgnored { nsg, rule } => write!(f, "The inbound rule {rule} of {nsg} matches this traffic too, but inbound rules have no effect on the app's outbound traffic."),
            ThroughAppliance { address, name } => write!(f, "The virtual appliance {name} ({address}) receives the traffic and forwards it."),
            InVirtualNetwork { vnet, subnet: Some((subnet, prefix)) } => write!(f, "The address is in {vnet}, subnet {subnet} ({prefix})."),
            InVirtualNetwork { vnet, subnet: None } => write!(f, "The address is in the address space of {vnet}."),
            ThroughPeering { vnet, subnet: Some((subnet, prefix)) } => write!(f, "The address is in the peered virtual network {vnet}, subnet {subnet} ({prefix}), reached over the peering."),
            ThroughPeering { vnet, subnet: None } => write!(f, "The address is in the peered virtual network {vnet}, reached over the peering."),
            ThroughTunnel { local, range: ReturnRange::PointToSitePool(_) } => write!(f, "The address is on {local}, reached through the site-to-site tunnel, and {local} routes the point-to-site pool back."),
            ThroughTunnel { local, range: range @ ReturnRange::IntegrationSubnet(_) } => write!(f, "The address is on {local}, reached through the VNet's site-to-site tunnel, and {local} routes {range} back."),
            ToInternet { address, route_all: false } => write!(f, "{address} is a public address: the traffic leaves by the app's shared outbound addresses, not through the virtual network."),
            ToInternet { address, route_all: true } => write!(f, "{address} is a public address: with Route All on, the traffic enters the virtual network and leaves it to the internet."),
            LeavesByNat { name, public_ip } => write!(f, "The traffic leaves to the internet from the NAT gateway {name}, public IP {public_ip}."),
            PortOpen { host, rule } => write!(f, "{host} has {rule} open."),
        }
    }
}
