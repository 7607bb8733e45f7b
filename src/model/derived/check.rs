//! The connection check (SPEC §4): can a web app reach host:port over a protocol through its
//! VNet connection? Every step evaluated, in order, until the first broken link (R22), each with
//! its sentence and, for a failure, its fix. Steps borrow from the subscription, so a check
//! allocates little and the reachability matrix stays fast.

mod regional;

use std::fmt;
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use crate::model::commands::command::{ClockTarget, Command, HostRef, SecurityRuleInput};
use crate::model::derived::effective::{EffectiveRoute, Flow, RouteSource};
use crate::model::derived::status::{
    certificate_problem, missing_conditions, MissingCondition, OutOfSyncReason,
};
use crate::model::entities::host::{Host, PortRule, Protocol};
use crate::model::entities::ids::{LocalNetworkId, PlanId, VnetId, WebAppId};
use crate::model::entities::ids::{NsgId, PrivateDnsZoneId, RouteTableId};
use crate::model::entities::network::{Routing, VirtualNetwork};
use crate::model::entities::region::Region;
use crate::model::entities::security::{Access, Direction, RuleProtocol, SecurityRule};
use crate::model::entities::subscription::Subscription;
use crate::model::entities::tier::{Tier, TierFamily};
use crate::model::entities::web_app::Integration;
use crate::model::input::addressing::is_private_address;
use crate::model::input::text::join;

/// What the check is asked: a host name or IPv4 address, a port, a protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Target<'a> {
    pub host: &'a str,
    pub port: u16,
    pub protocol: Protocol,
}

/// Ports of authentication systems (Kerberos, LDAP, global catalog, kpasswd): R17.
const AUTHENTICATION_PORTS: [u16; 6] = [88, 389, 464, 636, 3268, 3269];
const SMB_PORT: u16 = 445;

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
    /// R32: the public face of a service reached by its private endpoint refuses.
    PublicAccessDenied {
        name: &'a str,
        vnet: VnetId,
        vnet_name: &'a str,
        zone_name: String,
        unlinked_zone: Option<PrivateDnsZoneId>,
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

/// How to mend a failed step: advice, and the one command that applies it where there is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub advice: String,
    pub command: Option<Command>,
}

fn advice(text: impl Into<String>) -> Option<Fix> {
    Some(Fix {
        advice: text.into(),
        command: None,
    })
}

fn action(text: impl Into<String>, command: Command) -> Option<Fix> {
    Some(Fix {
        advice: text.into(),
        command: Some(command),
    })
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
            | ResolvedByAzureDns { .. }
            | ResolvedToPublicAddress { .. } => Stage::NameResolution,
            RouteMatched { .. }
            | RouteDrops { .. }
            | ApplianceUnreachable { .. }
            | ThroughAppliance { .. }
            | GatewayHasNoRoute { .. }
            | PrivateToInternet { .. } => Stage::RouteTable,
            NsgAllows { .. } | NsgDenies { .. } => Stage::SecurityGroup,
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
                | LeavesByNat { .. }
        )
    }

    /// The fix of a failed step; `None` for a passed one.
    pub fn fix(&self) -> Option<Fix> {
        use Step::*;
        match self {
            PingUnsupported => advice("Run the connection check with TCP and the port the service listens on (tcpping host:port)."),
            SmbUnsupported => advice("Use an API over HTTPS (such as Azure Storage) instead of mounting a drive."),
            AuthenticationUnsupported { .. } => advice("Authenticate in the application itself (SQL authentication, tokens) instead of joining the domain or using Kerberos."),
            TierTooLow { plan, plan_name, .. } => action(format!("Scale the plan {plan_name} to Standard."), Command::ScalePlan { plan: *plan, tier: TierFamily::Standard.entry_tier() }),
            NotConnected => advice("Connect the web app to a virtual network from its Virtual network tile."),
            GatewayNotReady { vnet, vnet_name, missing, routing } => gateway_fix(*vnet, vnet_name, missing, *routing),
            CertificateOutOfSync { app, .. } | NoDnsServer { app, sync_would_help: true, .. } | NotResolved { app, sync_would_help: true, .. } | LinkNotSynced { app, .. } => {
                action("Sync the connection.", Command::SyncConnection { app: *app })
            }
            NoDnsServer { .. } => advice("Use the IP address, or add a DNS server to the virtual network and sync the connection."),
            NotResolved { name, .. } => advice(format!("Use the IP address, or add an A record for {name} on the VNet's DNS server.")),
            NotLinked { vnet, local: Some((local, local_name)), .. } => action(format!("Link the virtual network to {local_name} with a site-to-site VPN, then sync."), Command::LinkSiteToSite { vnet: *vnet, local_network: *local }),
            NotLinked { local: None, .. } | Unroutable { .. } => advice("Use an address inside the virtual network or inside a local network linked to it by site-to-site VPN."),
            NoRouteBack { local, local_name, pool } => action(format!("On {local_name}, add the route {pool} via the VPN tunnel."), Command::AddRoute { local_network: *local, prefix: pool.to_string() }),
            PortClosed { host, host_name, rule } => action(format!("Open {rule} on the firewall of {host_name}."), Command::OpenPort { host: *host, rule: *rule }),
            PortsUnknown { host, host_name, rule } => action(format!("Add the ports {host_name} opens, such as {rule}, so the lab can tell."), Command::OpenPort { host: *host, rule: *rule }),
            NoHost { .. } => advice("No virtual machine or server has this address; check it."),
            SmtpBlocked => advice("Send mail through an authenticated relay on port 587 (such as an email service) instead of port 25."),
            RegionalTierTooLow { plan, plan_name, .. } => action(format!("Scale the plan {plan_name} to Basic or higher."), Command::ScalePlan { plan: *plan, tier: TierFamily::Basic.entry_tier() }),
            OutsideRouteAll { app, .. } => action("Turn Route All on, so all outbound traffic enters the virtual network.", Command::SetRouteAll { app: *app, enabled: true }),
            RegionalNotResolved { name, servers } if servers.is_empty() => advice(format!("Use the IP address, or add a DNS server that knows {name} to the virtual network.")),
            RegionalNotResolved { name, .. } => advice(format!("Use the IP address, or add an A record for {name} on the VNet's DNS server.")),
            RouteDrops { route_table: Some(table), route: EffectiveRoute { source: RouteSource::User { route, .. }, .. } } => action(format!("Remove the route {route}, or give it another next hop."), Command::RemoveUserRoute { route_table: *table, name: route.clone() }),
            ApplianceUnreachable { address } => advice(format!("Create the virtual appliance at {address} in the virtual network or a peered one, or change the route's next hop.")),
            GatewayHasNoRoute { address } => advice(format!("Send {address} to the virtual network instead of the gateway: remove the route, or link a local network holding it by site-to-site VPN.")),
            PrivateToInternet { address } => advice(format!("Remove the route that sends {address} to the internet, or point it at a virtual appliance that reaches it.")),
            NsgDenies { nsg, rule, flow, allow_priority: Some(priority), .. } => nsg_fix(*nsg, rule, *flow, *priority),
            NsgDenies { nsg_name, rule, .. } => advice(format!("Free a priority above {} in {nsg_name} and add an outbound Allow rule there.", rule.name)),
            PublicAccessDenied { unlinked_zone: Some(zone), vnet, vnet_name, zone_name, .. } => action(format!("Link the private DNS zone {zone_name} to {vnet_name}."), Command::LinkPrivateDnsZone { zone: *zone, vnet: *vnet }),
            PublicAccessDenied { name, vnet_name, zone_name, private_address, .. } => advice(format!("Create the private DNS zone {zone_name} with an A record for {} → {private_address}, and link it to {vnet_name}.", name.split('.').next().unwrap_or(name))),
            NoRouteBackToSubnet { local, local_name, subnet } => action(format!("On {local_name}, add the route {subnet} via the VPN tunnel."), Command::AddRoute { local_network: *local, prefix: subnet.to_string() }),
            _ => None,
        }
    }
}

/// R30: an Allow for exactly this flow, just above the rule that denied it.
fn nsg_fix(nsg: NsgId, deny: &SecurityRule, flow: Flow, priority: u16) -> Option<Fix> {
    let protocol = match flow.protocol {
        Protocol::Udp => RuleProtocol::Udp,
        _ => RuleProtocol::Tcp,
    };
    let rule = SecurityRuleInput {
        name: format!("Allow-{}-{}", protocol, flow.port),
        priority: priority.to_string(),
        direction: Direction::Outbound,
        access: Access::Allow,
        protocol,
        destination: flow.address.to_string(),
        ports: flow.port.to_string(),
    };
    action(
        format!("Add an outbound rule that allows {protocol} {} to {} with priority {priority}, above {}.", flow.port, flow.address, deny.name),
        Command::SetSecurityRule { nsg, rule, replacing: None },
    )
}

fn gateway_fix(
    vnet: VnetId,
    name: &str,
    missing: &[MissingCondition],
    routing: Option<Routing>,
) -> Option<Fix> {
    match missing.first() {
        Some(MissingCondition::NoGateway) => action(
            format!("Create a Dynamic routing gateway on {name}."),
            Command::CreateGateway {
                vnet,
                routing: Routing::Dynamic,
            },
        ),
        Some(MissingCondition::StaticRoutingGateway) => advice(format!(
            "Delete the Static routing gateway of {name} and create a Dynamic one."
        )),
        Some(MissingCondition::GatewayProvisioning { seconds_left }) => action(
            "Fast-forward the clock until the gateway is ready.",
            Command::MoveClock {
                to: ClockTarget::Ahead {
                    seconds: *seconds_left,
                },
            },
        ),
        Some(MissingCondition::PointToSiteNotEnabled) if routing == Some(Routing::Dynamic) => {
            action(
                format!("Enable point-to-site on {name} with the pool 172.16.0.0/24."),
                Command::EnablePointToSite {
                    vnet,
                    pool: "172.16.0.0/24".into(),
                },
            )
        }
        _ => advice(format!("Enable point-to-site on {name}.")),
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
            PortsUnknown { host_name, rule, .. } => write!(f, "The network lets {rule} through to {host_name}; its firewall is unknown to the lab, since the template it came from cannot say which ports it opens."),
            NoHost { address } => write!(f, "Nothing answers at {address}: no virtual machine or server has this address."),
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
            ResolvedToPublicAddress { name, address, zone_name } => write!(f, "{name} resolves to its public address {address}: no private DNS zone {zone_name} linked to the virtual network holds its private address."),
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
            PublicAccessDenied { name, .. } => write!(f, "{name} refuses connections to its public address: the service is reached by its private endpoint, whose address the web app did not get."),
        }
    }
}

/// One hop of the path a connection takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hop<'a> {
    WebApp(&'a str),
    PointToSiteAddress(Ipv4Addr),
    Gateway(&'a str),
    Subnet(&'a str, Ipv4Net),
    Tunnel(&'a str),
    LocalNetwork(&'a str),
    /// The address the app's traffic leaves from in its integration subnet.
    IntegrationSubnet(&'a str, Ipv4Addr),
    Peering(&'a str),
    Appliance(&'a str, Ipv4Addr),
    NatGateway(&'a str, Ipv4Addr),
    Internet,
    Host(&'a str, Ipv4Addr),
}

impl Hop<'_> {
    /// What the hop is, and which one: two lines of the path picture.
    pub fn caption(&self) -> (&'static str, String) {
        match self {
            Hop::WebApp(name) => ("Web app", name.to_string()),
            Hop::PointToSiteAddress(address) => ("P2S address", address.to_string()),
            Hop::Gateway(vnet) => ("Gateway", vnet.to_string()),
            Hop::Subnet(name, prefix) => ("Subnet", format!("{name} {prefix}")),
            Hop::Tunnel(local) => ("Site-to-site tunnel", local.to_string()),
            Hop::LocalNetwork(name) => ("Local network", name.to_string()),
            Hop::IntegrationSubnet(name, address) => {
                ("Integration subnet", format!("{name} {address}"))
            }
            Hop::Peering(vnet) => ("Peering", vnet.to_string()),
            Hop::Appliance(name, address) => ("Virtual appliance", format!("{name} {address}")),
            Hop::NatGateway(name, address) => ("NAT gateway", format!("{name} {address}")),
            Hop::Internet => ("Internet", String::new()),
            Hop::Host(name, address) => ("Host", format!("{name} {address}")),
        }
    }
}

/// The answer: every step evaluated, in order, and the path as far as it got.
#[derive(Clone, Debug, PartialEq)]
pub struct Report<'a> {
    pub steps: Vec<Step<'a>>,
    pub path: Vec<Hop<'a>>,
}

impl Report<'_> {
    pub fn reachable(&self) -> bool {
        self.steps.last().is_some_and(Step::passed)
    }

    /// R39: the network lets the traffic through to a host whose firewall the lab does not know.
    pub fn undecided(&self) -> bool {
        matches!(self.steps.last(), Some(Step::PortsUnknown { .. }))
    }

    /// The first broken link, if any.
    pub fn failure(&self) -> Option<&Step<'_>> {
        self.steps.iter().find(|step| !step.passed())
    }
}

/// Runs the check from `app` to `target`; stops at the first failed step (R22).
pub fn run<'a>(subscription: &'a Subscription, app: WebAppId, target: Target<'a>) -> Report<'a> {
    let mut report = Report {
        steps: Vec::with_capacity(8),
        path: Vec::new(),
    };
    let _ = evaluate(subscription, app, target, &mut report);
    report
}

/// Whether `app` reaches `target` now: the verdict alone, for the matrix.
pub fn reachable(subscription: &Subscription, app: WebAppId, target: Target<'_>) -> bool {
    run(subscription, app, target).reachable()
}

/// Records a step; `Err` stops the evaluation at a failed one.
pub(super) fn record<'a>(report: &mut Report<'a>, step: Step<'a>) -> Result<(), ()> {
    let passed = step.passed();
    report.steps.push(step);
    if passed {
        Ok(())
    } else {
        Err(())
    }
}

fn evaluate<'a>(
    subscription: &'a Subscription,
    app_id: WebAppId,
    target: Target<'a>,
    report: &mut Report<'a>,
) -> Result<(), ()> {
    let app = subscription.web_apps.get(&app_id).ok_or(())?;
    report.path.push(Hop::WebApp(&app.name));
    if let Some(Integration::Regional(regional)) = app.integration() {
        return regional::evaluate(subscription, app, regional, target, report);
    }
    record(report, protocol_step(target))?;

    if let Some(plan) = subscription.plan_of(app) {
        record(
            report,
            if plan.tier.allows_vnet_integration() {
                Step::TierAllows { tier: plan.tier }
            } else {
                Step::TierTooLow {
                    plan: plan.id,
                    plan_name: &plan.name,
                    tier: plan.tier,
                }
            },
        )?;
    }

    let connection = app.connection.as_ref();
    let vnet = connection.and_then(|c| subscription.virtual_networks.get(&c.vnet));
    let (Some(connection), Some(vnet)) = (connection, vnet) else {
        return record(report, Step::NotConnected);
    };
    record(report, Step::Connected { vnet: &vnet.name })?;

    let missing = missing_conditions(subscription, vnet);
    if !missing.is_empty() {
        let routing = vnet.gateway.as_ref().map(|gateway| gateway.routing);
        return record(
            report,
            Step::GatewayNotReady {
                vnet: vnet.id,
                vnet_name: &vnet.name,
                missing,
                routing,
            },
        );
    }
    let pool = vnet
        .point_to_site
        .as_ref()
        .map(|p2s| (p2s.pool, p2s.client_address()))
        .ok_or(())?;
    report.path.push(Hop::PointToSiteAddress(pool.1));
    record(report, Step::GatewayReady { vnet: &vnet.name })?;
    report.path.push(Hop::Gateway(&vnet.name));

    match certificate_problem(subscription, vnet, connection) {
        Some(reason) => record(
            report,
            Step::CertificateOutOfSync {
                app: app_id,
                reason,
            },
        )?,
        None => record(
            report,
            Step::CertificateInSync {
                thumbprint: &connection.thumbprint,
            },
        )?,
    }

    let address = resolve(
        subscription,
        app_id,
        vnet,
        &connection.synced.dns_servers,
        target.host,
        report,
    )?;
    let host = route(
        subscription,
        app_id,
        vnet,
        connection,
        pool.0,
        address,
        report,
    )?;

    let rule = PortRule {
        protocol: target.protocol,
        port: target.port,
    };
    firewall(host, address, rule, report)
}

fn protocol_step(target: Target<'_>) -> Step<'static> {
    match target.protocol {
        Protocol::Icmp => Step::PingUnsupported,
        Protocol::Smb => Step::SmbUnsupported,
        Protocol::Tcp if target.port == SMB_PORT => Step::SmbUnsupported,
        Protocol::Tcp | Protocol::Udp if AUTHENTICATION_PORTS.contains(&target.port) => {
            Step::AuthenticationUnsupported { port: target.port }
        }
        protocol => Step::Outbound { protocol },
    }
}

/// R19: an address is used as it is; a name needs a DNS server in effect (as of the last sync).
fn resolve<'a>(
    subscription: &'a Subscription,
    app: WebAppId,
    vnet: &'a VirtualNetwork,
    dns_servers: &[Ipv4Addr],
    host: &'a str,
    report: &mut Report<'a>,
) -> Result<Ipv4Addr, ()> {
    if let Ok(address) = host.parse::<Ipv4Addr>() {
        record(report, Step::IsAddress { address })?;
        return Ok(address);
    }
    // A public service's name is public DNS's to answer, with or without the VNet's servers.
    if let Some(public) = subscription
        .internet_hosts
        .values()
        .find(|internet| internet.host.is_known_as(host))
    {
        record(
            report,
            Step::ResolvedByAzureDns {
                name: host,
                address: public.host.address,
                zone: None,
                forwarded_by: None,
            },
        )?;
        return Ok(public.host.address);
    }
    let sync_would_help = vnet.dns_servers.as_slice() != dns_servers;
    if dns_servers.is_empty() {
        record(
            report,
            Step::NoDnsServer {
                name: host,
                app,
                sync_would_help,
            },
        )?;
    }
    let linked = vnet
        .site_to_site
        .iter()
        .filter_map(|id| subscription.local_networks.get(id));
    let answer = dns_servers.iter().find_map(|server| {
        let dns_host = vnet.vm_at(*server).map(|vm| &vm.host).or_else(|| {
            linked
                .clone()
                .find_map(|local| local.server_at(*server))
                .map(|s| &s.host)
        })?;
        dns_host.resolve(host).map(|address| (address, *server))
    });
    match answer {
        Some((address, server)) => {
            record(
                report,
                Step::Resolved {
                    name: host,
                    address,
                    server,
                },
            )?;
            Ok(address)
        }
        None => record(
            report,
            Step::NotResolved {
                name: host,
                app,
                sync_would_help,
            },
        )
        .map(|_| Ipv4Addr::UNSPECIFIED),
    }
}

/// The host at `address` inside `vnet`, if there is one.
pub(super) fn vm_host(vnet: &VirtualNetwork, address: Ipv4Addr) -> Option<(HostRef, &Host)> {
    vnet.vm_at(address)
        .map(|vm| (HostRef::VirtualMachine(vnet.id, vm.id), &vm.host))
}

/// R20: the target's firewall decides, and the path ends at the host.
pub(super) fn firewall<'a>(
    host: Option<(HostRef, &'a Host)>,
    address: Ipv4Addr,
    rule: PortRule,
    report: &mut Report<'a>,
) -> Result<(), ()> {
    let Some((host_ref, host)) = host else {
        return record(report, Step::NoHost { address });
    };
    if host.ports_unknown && !host.is_open(rule.protocol, rule.port) {
        return record(
            report,
            Step::PortsUnknown {
                host: host_ref,
                host_name: &host.name,
                rule,
            },
        );
    }
    if host.is_open(rule.protocol, rule.port) {
        record(
            report,
            Step::PortOpen {
                host: &host.name,
                rule,
            },
        )?;
        report.path.push(Hop::Host(&host.name, host.address));
        Ok(())
    } else {
        record(
            report,
            Step::PortClosed {
                host: host_ref,
                host_name: &host.name,
                rule,
            },
        )
    }
}

/// R21: inside the VNet, or on a linked, synced local network that routes the pool back.
/// Returns the host at the address, if there is one.
fn route<'a>(
    subscription: &'a Subscription,
    app: WebAppId,
    vnet: &'a VirtualNetwork,
    connection: &'a crate::model::entities::web_app::VnetConnection,
    pool: Ipv4Net,
    address: Ipv4Addr,
    report: &mut Report<'a>,
) -> Result<Option<(HostRef, &'a Host)>, ()> {
    if vnet.contains(address) {
        let subnet = vnet.subnet_of(address).map(|s| (s.name.as_str(), s.prefix));
        record(
            report,
            Step::InVirtualNetwork {
                vnet: &vnet.name,
                subnet,
            },
        )?;
        if let Some((name, prefix)) = subnet {
            report.path.push(Hop::Subnet(name, prefix));
        }
        return Ok(vm_host(vnet, address));
    }
    let holder = subscription
        .local_networks
        .values()
        .find(|local| local.contains(address));
    let Some(local) = holder else {
        // R29's first half holds for the 2015 kind too: public addresses never enter the VNet.
        if !is_private_address(address) {
            record(
                report,
                Step::ToInternet {
                    address,
                    route_all: false,
                },
            )?;
            report.path.push(Hop::Internet);
            return Ok(subscription
                .internet_hosts
                .values()
                .find(|internet| internet.host.address == address)
                .map(|internet| (HostRef::InternetHost(internet.id), &internet.host)));
        }
        return record(report, Step::Unroutable { address }).map(|_| None);
    };
    if !vnet.site_to_site.contains(&local.id) {
        return record(
            report,
            Step::NotLinked {
                address,
                vnet: vnet.id,
                local: Some((local.id, &local.name)),
            },
        )
        .map(|_| None);
    }
    if !connection.synced.site_to_site.contains(&local.id) {
        return record(
            report,
            Step::LinkNotSynced {
                app,
                local: &local.name,
            },
        )
        .map(|_| None);
    }
    if !local.routes_back(&pool) {
        return record(
            report,
            Step::NoRouteBack {
                local: local.id,
                local_name: &local.name,
                pool,
            },
        )
        .map(|_| None);
    }
    record(report, Step::ThroughTunnel { local: &local.name })?;
    report.path.push(Hop::Tunnel(&local.name));
    report.path.push(Hop::LocalNetwork(&local.name));
    Ok(local
        .server_at(address)
        .map(|server| (HostRef::Server(local.id, server.id), &server.host)))
}
