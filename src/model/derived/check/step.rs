//! What a step of the check is: its variants, the stage each belongs to, whether it passed,
//! and its sentence.

use std::fmt;
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::Dangling;
use crate::model::command::HostRef;
use crate::model::derived::effective::{EffectiveRoute, Flow};
use crate::model::derived::status::{MissingCondition, OutOfSyncReason};
use crate::model::entities::host::{PortRule, Protocol};
use crate::model::entities::ids::{LocalNetworkId, PlanId, VnetId, WebAppId};
use crate::model::entities::ids::{NsgId, PrivateDnsZoneId, RouteTableId};
use crate::model::entities::network::Routing;
use crate::model::entities::region::Region;
use crate::model::entities::security::SecurityRule;
use crate::model::entities::tier::Tier;
use crate::model::input::text::join;

/// One evaluated step: what was found.
#[derive(Clone, Debug, PartialEq)]
pub enum Step<'a> {
    /// R15: outbound TCP or UDP from the web app.
    Outbound {
        protocol: Protocol,
    },
    /// R18
    PingUnsupported,
    /// R16
    SmbUnsupported,
    /// R17
    AuthenticationUnsupported {
        port: u16,
    },
    TierAllows {
        tier: Tier,
    },
    /// R1, R5
    TierTooLow {
        plan: PlanId,
        plan_name: &'a str,
        tier: Tier,
    },
    Connected {
        vnet: &'a str,
    },
    NotConnected,
    GatewayReady {
        vnet: &'a str,
    },
    /// R22: the gateway or point-to-site is not (or no longer) there.
    GatewayNotReady {
        vnet: VnetId,
        vnet_name: &'a str,
        missing: Vec<MissingCondition>,
        routing: Option<Routing>,
    },
    CertificateInSync {
        thumbprint: &'a str,
    },
    /// R13
    CertificateOutOfSync {
        app: WebAppId,
        reason: OutOfSyncReason,
    },
    IsAddress {
        address: Ipv4Addr,
    },
    Resolved {
        name: &'a str,
        address: Ipv4Addr,
        server: Ipv4Addr,
    },
    /// R19: no DNS server in effect; names do not resolve.
    NoDnsServer {
        name: &'a str,
        app: WebAppId,
        sync_would_help: bool,
    },
    NotResolved {
        name: &'a str,
        app: WebAppId,
        sync_would_help: bool,
    },
    InVirtualNetwork {
        vnet: &'a str,
        subnet: Option<(&'a str, Ipv4Net)>,
    },
    ThroughTunnel {
        local: &'a str,
    },
    /// R21: no site-to-site connection to the network holding the address.
    NotLinked {
        address: Ipv4Addr,
        vnet: VnetId,
        local: Option<(LocalNetworkId, &'a str)>,
    },
    /// R14, R21: linked after the app last synced.
    LinkNotSynced {
        app: WebAppId,
        local: &'a str,
    },
    /// R21: the on-premises side has no route back to the point-to-site pool.
    NoRouteBack {
        local: LocalNetworkId,
        local_name: &'a str,
        pool: Ipv4Net,
    },
    Unroutable {
        address: Ipv4Addr,
    },
    PortOpen {
        host: &'a str,
        rule: PortRule,
    },
    /// R20
    PortClosed {
        host: HostRef,
        host_name: &'a str,
        rule: PortRule,
    },
    NoHost {
        address: Ipv4Addr,
    },
    /// R39: every network step passed, but the host came from a template that cannot say which
    /// ports it opens: neither reachable nor blocked.
    PortsUnknown {
        host: HostRef,
        host_name: &'a str,
        rule: PortRule,
    },
    /// R34: regional integration carries SMB.
    SmbThroughRegional,
    /// R34: outbound port 25 is blocked.
    SmtpBlocked,
    /// R25
    RegionalTierAllows {
        tier: Tier,
    },
    /// R25: Free and Shared have no regional integration.
    RegionalTierTooLow {
        plan: PlanId,
        plan_name: &'a str,
        tier: Tier,
    },
    /// R25, R26: the integration in use, its region and subnet.
    RegionalIntegration {
        vnet: &'a str,
        region: Region,
        subnet: &'a str,
        prefix: Ipv4Net,
    },
    /// R29: which destinations enter the VNet.
    RouteAllScope {
        route_all: bool,
    },
    /// R29: a public destination with Route All off leaves by the shared outbound addresses.
    OutsideRouteAll {
        app: WebAppId,
        address: Ipv4Addr,
    },
    /// R29: to the internet, not through the VNet.
    ToInternet {
        address: Ipv4Addr,
        route_all: bool,
    },
    /// R32: no DNS server (custom, or Azure DNS) knows the name.
    RegionalNotResolved {
        name: &'a str,
        servers: Vec<Ipv4Addr>,
    },
    /// R33
    ThroughPeering {
        vnet: &'a str,
        subnet: Option<(&'a str, Ipv4Net)>,
    },
    /// R33: the on-premises side routes the integration subnet back.
    ThroughTunnelToSubnet {
        local: &'a str,
        subnet: Ipv4Net,
    },
    /// R33: no route back for the integration subnet's range.
    NoRouteBackToSubnet {
        local: LocalNetworkId,
        local_name: &'a str,
        subnet: Ipv4Net,
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
    /// R32: nothing answers at the DNS servers in effect.
    DnsServerSilent {
        name: &'a str,
        app: WebAppId,
        /// The server is `WEBSITE_DNS_SERVER`'s, not the VNet's.
        app_setting: bool,
        servers: Vec<Ipv4Addr>,
    },
    /// R31: the effective route that matched.
    RouteMatched {
        route: EffectiveRoute,
    },
    /// R31: next hop None.
    RouteDrops {
        route: EffectiveRoute,
        route_table: Option<RouteTableId>,
    },
    /// R31: nothing answers at the virtual appliance's address.
    ApplianceUnreachable {
        address: Ipv4Addr,
    },
    ThroughAppliance {
        address: Ipv4Addr,
        name: &'a str,
    },
    /// R31: a route sends the address to the gateway, which has no route to it.
    GatewayHasNoRoute {
        address: Ipv4Addr,
    },
    /// R31: a private address sent to the internet is dropped there.
    PrivateToInternet {
        address: Ipv4Addr,
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
    /// R30: the outbound rule that denied it, and an inbound rule a person may have meant.
    NsgDenies {
        nsg: NsgId,
        nsg_name: &'a str,
        rule: SecurityRule,
        flow: Flow,
        inbound: Option<String>,
        /// A free priority just above the deny, for the fix's Allow.
        allow_priority: Option<u16>,
    },
    /// R29: with Route All on, internet traffic leaves by the NAT gateway when there is one.
    LeavesByNat {
        name: &'a str,
        public_ip: Ipv4Addr,
    },
    /// SPEC §4: a reference to something the subscription does not hold; the chain stops there.
    Dangling(Dangling<'a>),
    /// R32: the public face of a service reached by its private endpoint refuses.
    PublicAccessDenied {
        name: &'a str,
        vnet: VnetId,
        vnet_name: &'a str,
        zone_name: String,
        unlinked_zone: Option<PrivateDnsZoneId>,
        /// A zone linked to that VNet holds the name: the app used the public address itself.
        zone_linked: bool,
        private_address: Ipv4Addr,
    },
}

/// The part of the chain a step belongs to, in the order they are evaluated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Protocol,
    Tier,
    Connection,
    Gateway,
    Certificate,
    RouteAll,
    NameResolution,
    RouteTable,
    SecurityGroup,
    Route,
    Firewall,
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Stage::Protocol => "Direction and protocol",
            Stage::Tier => "Pricing tier",
            Stage::Connection => "VNet connection",
            Stage::Gateway => "Gateway and point-to-site",
            Stage::Certificate => "Certificate",
            Stage::RouteAll => "Route All scope",
            Stage::RouteTable => "Effective route",
            Stage::SecurityGroup => "Network security group",
            Stage::NameResolution => "Name resolution",
            Stage::Route => "Route",
            Stage::Firewall => "Firewall",
        })
    }
}

impl Step<'_> {
    pub fn stage(&self) -> Stage {
        use Step::*;
        match self {
            Outbound { .. }
            | PingUnsupported
            | SmbUnsupported
            | AuthenticationUnsupported { .. }
            | SmbThroughRegional
            | SmtpBlocked => Stage::Protocol,
            TierAllows { .. }
            | TierTooLow { .. }
            | RegionalTierAllows { .. }
            | RegionalTierTooLow { .. } => Stage::Tier,
            Connected { .. } | NotConnected | RegionalIntegration { .. } => Stage::Connection,
            RouteAllScope { .. }
            | OutsideRouteAll { .. }
            | ToInternet {
                route_all: false, ..
            } => Stage::RouteAll,
            ToInternet {
                route_all: true, ..
            } => Stage::Route,
            RegionalNotResolved { .. }
            | DnsServerSilent { .. }
            | ResolvedByAzureDns { .. }
            | ResolvedToPublicAddress { .. } => Stage::NameResolution,
            RouteMatched { .. }
            | RouteDrops { .. }
            | ApplianceUnreachable { .. }
            | ThroughAppliance { .. }
            | GatewayHasNoRoute { .. }
            | PrivateToInternet { .. } => Stage::RouteTable,
            NsgAllows { .. } | InboundRuleIgnored { .. } | NsgDenies { .. } => Stage::SecurityGroup,
            LeavesByNat { .. } | PublicAccessDenied { .. } => Stage::Route,
            ThroughPeering { .. } | ThroughTunnelToSubnet { .. } | NoRouteBackToSubnet { .. } => {
                Stage::Route
            }
            GatewayReady { .. } | GatewayNotReady { .. } => Stage::Gateway,
            CertificateInSync { .. } | CertificateOutOfSync { .. } => Stage::Certificate,
            IsAddress { .. } | Resolved { .. } | NoDnsServer { .. } | NotResolved { .. } => {
                Stage::NameResolution
            }
            InVirtualNetwork { .. }
            | ThroughTunnel { .. }
            | NotLinked { .. }
            | LinkNotSynced { .. }
            | NoRouteBack { .. }
            | Unroutable { .. } => Stage::Route,
            PortOpen { .. } | PortClosed { .. } | NoHost { .. } | PortsUnknown { .. } => {
                Stage::Firewall
            }
            Dangling(dangling) => dangling.stage(),
        }
    }

    pub fn passed(&self) -> bool {
        use Step::*;
        matches!(
            self,
            Outbound { .. }
                | TierAllows { .. }
                | Connected { .. }
                | GatewayReady { .. }
                | CertificateInSync { .. }
                | IsAddress { .. }
                | Resolved { .. }
                | InVirtualNetwork { .. }
                | ThroughTunnel { .. }
                | PortOpen { .. }
                | SmbThroughRegional
                | RegionalTierAllows { .. }
                | RegionalIntegration { .. }
                | RouteAllScope { .. }
                | ToInternet { .. }
                | ThroughPeering { .. }
                | ThroughTunnelToSubnet { .. }
                | ResolvedByAzureDns { .. }
                | ResolvedToPublicAddress { .. }
                | RouteMatched { .. }
                | ThroughAppliance { .. }
                | NsgAllows { .. }
                | InboundRuleIgnored { .. }
                | LeavesByNat { .. }
        )
    }
}

impl fmt::Display for Step<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Step::*;
        match self {
            Outbound { protocol } => write!(f, "Outbound {protocol} from the web app into the virtual network is supported."),
            PingUnsupported => write!(f, "ICMP (ping) does not work from the web app, and neither does nslookup: VNet Integration carries TCP and UDP only."),
            SmbUnsupported => write!(f, "Mounting a remote drive (SMB, TCP 445) is not supported through VNet Integration, even with the port open."),
            AuthenticationUnsupported { port } => write!(f, "Port {port} is an authentication system (Kerberos, LDAP); integration with authentication systems in the VNet, such as domain join, is not supported."),
            TierAllows { tier } => write!(f, "The plan is in the {tier} tier, which includes VNet Integration."),
            TierTooLow { plan_name, tier, .. } => write!(f, "The plan {plan_name} is in the {tier} tier; VNet Integration needs Standard or Premium, so the connection is disabled."),
            Connected { vnet } => write!(f, "The web app is connected to {vnet}."),
            NotConnected => write!(f, "The web app is not connected to a virtual network."),
            GatewayReady { vnet } => write!(f, "{vnet} has a ready Dynamic routing gateway with point-to-site enabled."),
            GatewayNotReady { vnet_name, missing, .. } => {
                write!(f, "{vnet_name} cannot carry the connection: {}.", join(missing, "; "))
            }
            CertificateInSync { thumbprint } => write!(f, "The certificate {thumbprint} is uploaded to the VNet and valid."),
            CertificateOutOfSync { reason, .. } => write!(f, "The connection is out of sync: {reason}. It carries no traffic."),
            IsAddress { address } => write!(f, "{address} is an IP address; no name resolution needed."),
            Resolved { name, address, server } => write!(f, "{name} resolves to {address} (DNS server {server})."),
            NoDnsServer { name, sync_would_help: false, .. } => write!(f, "The virtual network has no DNS server, so {name} does not resolve: use an IP address."),
            NoDnsServer { name, sync_would_help: true, .. } => write!(f, "The web app still uses the DNS servers of its last sync (none), so {name} does not resolve."),
            NotResolved { name, sync_would_help: false, .. } => write!(f, "No DNS server of the connection knows {name}."),
            NotResolved { name, sync_would_help: true, .. } => write!(f, "The DNS servers of the web app's last sync do not know {name}; the VNet's DNS servers changed since."),
            InVirtualNetwork { vnet, subnet: Some((subnet, prefix)) } => write!(f, "The address is in {vnet}, subnet {subnet} ({prefix})."),
            InVirtualNetwork { vnet, subnet: None } => write!(f, "The address is in the address space of {vnet}."),
            ThroughTunnel { local } => write!(f, "The address is on {local}, reached through the site-to-site tunnel, and {local} routes the point-to-site pool back."),
            NotLinked { address, local: Some((_, local)), .. } => write!(f, "{address} is on {local}, but the virtual network has no site-to-site connection to it."),
            NotLinked { address, local: None, .. } | Unroutable { address } => write!(f, "{address} is neither in the virtual network nor in a local network linked to it."),
            LinkNotSynced { local, .. } => write!(f, "The site-to-site connection to {local} was added after the web app last synced, so the app does not use it yet."),
            NoRouteBack { local_name, pool, .. } => write!(f, "{local_name} has no route for the point-to-site pool {pool} back through the tunnel, so replies never reach the web app."),
            PortOpen { host, rule } => write!(f, "{host} has {rule} open."),
            PortClosed { host_name, rule, .. } => write!(f, "The firewall of {host_name} does not allow {rule}."),
            NoHost { address } => write!(f, "Nothing answers at {address}: no virtual machine or server has this address."),
            PortsUnknown { host_name, rule, .. } => write!(f, "The network lets {rule} through to {host_name}; its firewall is unknown to the lab, since the template it came from cannot say which ports it opens."),
            SmbThroughRegional => write!(f, "SMB (TCP 445) is carried by regional VNet Integration, unlike the gateway-required kind."),
            SmtpBlocked => write!(f, "Outbound connections on port 25 (SMTP) are blocked from App Service, through the virtual network too."),
            RegionalTierAllows { tier } => write!(f, "The plan is in the {tier} tier, which includes regional VNet Integration."),
            RegionalTierTooLow { plan_name, tier, .. } => write!(f, "The plan {plan_name} is in the {tier} tier; regional VNet Integration needs Basic, Standard or Premium, so the integration is disabled."),
            RegionalIntegration { vnet, region, subnet, prefix } => write!(f, "The web app uses regional VNet Integration with {vnet} ({region}), subnet {subnet} ({prefix}), delegated to Microsoft.Web/serverFarms."),
            RouteAllScope { route_all: true } => write!(f, "Route All is on: all outbound traffic enters the virtual network."),
            RouteAllScope { route_all: false } => write!(f, "Route All is off: only traffic to private (RFC 1918) addresses enters the virtual network."),
            OutsideRouteAll { address, .. } => write!(f, "{address} is not a private (RFC 1918) address, and Route All is off, so the traffic leaves by the app's shared outbound addresses instead of entering the virtual network."),
            ToInternet { address, route_all: false } => write!(f, "{address} is a public address: the traffic leaves by the app's shared outbound addresses, not through the virtual network."),
            ToInternet { address, route_all: true } => write!(f, "{address} is a public address: with Route All on, the traffic enters the virtual network and leaves it to the internet."),
            RegionalNotResolved { name, servers } if servers.is_empty() => write!(f, "The virtual network has no custom DNS server, so Azure DNS (168.63.129.16) answers, and it does not know {name}."),
            RegionalNotResolved { name, servers } => write!(f, "No DNS server of the virtual network ({}) knows {name}.", join(servers, ", ")),
            ThroughPeering { vnet, subnet: Some((subnet, prefix)) } => write!(f, "The address is in the peered virtual network {vnet}, subnet {subnet} ({prefix}), reached over the peering."),
            ThroughPeering { vnet, subnet: None } => write!(f, "The address is in the peered virtual network {vnet}, reached over the peering."),
            ThroughTunnelToSubnet { local, subnet } => write!(f, "The address is on {local}, reached through the VNet's site-to-site tunnel, and {local} routes the integration subnet {subnet} back."),
            NoRouteBackToSubnet { local_name, subnet, .. } => write!(f, "{local_name} has no route for the integration subnet {subnet} back through the tunnel, so replies never reach the web app."),
            ResolvedByAzureDns { name, address, zone: Some(zone), forwarded_by: None } => write!(f, "{name} resolves to {address}: Azure DNS (168.63.129.16) answered from the private DNS zone {zone}, linked to the virtual network."),
            ResolvedByAzureDns { name, address, zone: Some(zone), forwarded_by: Some(server) } => write!(f, "{name} resolves to {address}: the DNS server {server} forwarded it to Azure DNS, which answered from the private DNS zone {zone}."),
            ResolvedByAzureDns { name, address, zone: None, forwarded_by: None } => write!(f, "{name} resolves to its public address {address} (Azure DNS, public name)."),
            ResolvedByAzureDns { name, address, zone: None, forwarded_by: Some(server) } => write!(f, "{name} resolves to its public address {address}: the DNS server {server} forwarded it to Azure DNS."),
            ResolvedToPublicAddress { name, address, zone_name, forwarded_by: None } => write!(f, "{name} resolves to its public address {address}: no private DNS zone {zone_name} linked to the virtual network holds its private address."),
            ResolvedToPublicAddress { name, address, zone_name, forwarded_by: Some((server, vnet)) } => write!(f, "{name} resolves to its public address {address}: the DNS server {server} forwarded it to Azure DNS from {vnet}, where no private DNS zone {zone_name} holding its private address is linked."),
            DnsServerSilent { name, app_setting: true, servers, .. } => write!(f, "Nothing answers at {}, the DNS server WEBSITE_DNS_SERVER names, so {name} does not resolve.", join(servers, ", ")),
            DnsServerSilent { name, servers, .. } => write!(f, "Nothing answers at the virtual network's DNS servers ({}), so {name} does not resolve.", join(servers, ", ")),
            InboundRuleIgnored { nsg, rule } => write!(f, "The inbound rule {rule} of {nsg} matches this traffic too, but inbound rules have no effect on the app's outbound traffic."),
            RouteMatched { route } => write!(f, "The effective route {} ({}) sends it to: {}.", route.prefix, route.source, route.next_hop),
            RouteDrops { route, .. } => write!(f, "The effective route {} ({}) has the next hop None: the traffic is dropped.", route.prefix, route.source),
            ApplianceUnreachable { address } => write!(f, "The route's next hop is the virtual appliance {address}, but nothing in the virtual network or its peers has that address, so the traffic is dropped."),
            ThroughAppliance { address, name } => write!(f, "The virtual appliance {name} ({address}) receives the traffic and forwards it."),
            GatewayHasNoRoute { address } => write!(f, "A route sends {address} to the virtual network gateway, which has no route to it: no local network linked by site-to-site VPN holds it."),
            PrivateToInternet { address } => write!(f, "A route sends the private address {address} to the internet, where it is not routed: the traffic is dropped."),
            NsgAllows { nsg, rule } => write!(f, "The network security group {nsg} allows it: outbound rule {rule}."),
            NsgDenies { nsg_name, rule, inbound: None, .. } => write!(f, "The network security group {nsg_name} denies it: outbound rule {rule}."),
            NsgDenies { nsg_name, rule, inbound: Some(inbound), .. } => write!(f, "The network security group {nsg_name} denies it: outbound rule {rule}. The inbound rule {inbound} matches this traffic, but inbound rules do not apply to the app's outbound traffic."),
            LeavesByNat { name, public_ip } => write!(f, "The traffic leaves to the internet from the NAT gateway {name}, public IP {public_ip}."),
            Dangling(dangling) => dangling.fmt(f),
            PublicAccessDenied { name, .. } => write!(f, "{name} refuses connections to its public address: the service is reached by its private endpoint, whose address the web app did not get."),
        }
    }
}
