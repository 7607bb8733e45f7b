//! What a failed step found: the broken link where the check stops, each with its fix.

use std::fmt;
use std::net::Ipv4Addr;

use super::tier::needs;
use super::{Dangling, ReturnRange, Stage};
use crate::model::command::HostRef;
use crate::model::derived::effective::{EffectiveRoute, Flow};
use crate::model::derived::integration::IntegrationKind;
use crate::model::derived::status::{MissingCondition, OutOfSyncReason};
use crate::model::entities::host::PortRule;
use crate::model::entities::ids::{LocalNetworkId, PlanId, VnetId, WebAppId};
use crate::model::entities::ids::{NsgId, PrivateDnsZoneId, RouteTableId};
use crate::model::entities::network::Routing;
use crate::model::entities::routing::UnreadRoute;
use crate::model::entities::security::{SecurityRule, UnreadRule};
use crate::model::entities::tier::Tier;
use crate::model::input::text::join;

/// The broken link of the chain.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem<'a> {
    /// R18
    PingUnsupported,
    /// R16
    SmbUnsupported,
    /// R17
    AuthenticationUnsupported {
        port: u16,
    },
    /// R34: outbound port 25 is blocked.
    SmtpBlocked,
    /// R1, R5, R25: the plan's tier lacks the kind of integration in use.
    TierTooLow {
        kind: IntegrationKind,
        plan: PlanId,
        plan_name: &'a str,
        tier: Tier,
    },
    NotConnected,
    /// R22: the gateway or point-to-site is not (or no longer) there.
    GatewayNotReady {
        vnet: VnetId,
        vnet_name: &'a str,
        missing: Vec<MissingCondition>,
        routing: Option<Routing>,
    },
    /// R13
    CertificateOutOfSync {
        app: WebAppId,
        reason: OutOfSyncReason,
    },
    /// R29: a public destination with Route All off leaves by the shared outbound addresses.
    OutsideRouteAll {
        app: WebAppId,
        address: Ipv4Addr,
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
    /// R32: no DNS server (custom, or Azure DNS) knows the name.
    RegionalNotResolved {
        name: &'a str,
        servers: Vec<Ipv4Addr>,
    },
    /// R32: nothing answers at the DNS servers in effect.
    DnsServerSilent {
        name: &'a str,
        app: WebAppId,
        /// The server is `WEBSITE_DNS_SERVER`'s, not the VNet's.
        app_setting: bool,
        servers: Vec<Ipv4Addr>,
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
    /// R31: a route sends the address to the gateway, which has no route to it.
    GatewayHasNoRoute {
        address: Ipv4Addr,
    },
    /// R31: a private address sent to the internet is dropped there.
    PrivateToInternet {
        address: Ipv4Addr,
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
    /// R39: a rule the lab could not read comes before the one that decides, so Azure may
    /// decide otherwise: the check says it cannot tell.
    NsgRuleUnread {
        nsg_name: &'a str,
        rule: &'a UnreadRule,
    },
    /// R39: a route the lab could not follow is at least as specific as the one it took, so
    /// Azure may send the traffic there: the check says it cannot tell.
    RouteUnread {
        route_table: &'a str,
        route: &'a UnreadRoute,
    },
    /// R21: no site-to-site connection to the local network holding the address.
    NotLinked {
        address: Ipv4Addr,
        vnet: VnetId,
        local: LocalNetworkId,
        local_name: &'a str,
    },
    /// R14, R21: linked after the app last synced.
    LinkNotSynced {
        app: WebAppId,
        local: &'a str,
    },
    /// R21, R33: the on-premises side has no route back to the range the app's traffic comes
    /// from.
    NoRouteBack {
        local: LocalNetworkId,
        local_name: &'a str,
        range: ReturnRange,
    },
    Unroutable {
        address: Ipv4Addr,
    },
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
    NoHost {
        address: Ipv4Addr,
    },
    /// R20
    PortClosed {
        host: HostRef,
        host_name: &'a str,
        rule: PortRule,
    },
    /// R39: every network step passed, but the host came from a template that cannot say which
    /// ports it opens: neither reachable nor blocked.
    PortsUnknown {
        host: HostRef,
        host_name: &'a str,
        rule: PortRule,
    },
    /// SPEC §4: a reference to something the subscription does not hold; the chain stops there.
    Dangling(Dangling<'a>),
}

impl Problem<'_> {
    pub fn stage(&self) -> Stage {
        use Problem::*;
        match self {
            PingUnsupported | SmbUnsupported | AuthenticationUnsupported { .. } | SmtpBlocked => {
                Stage::Protocol
            }
            TierTooLow { .. } => Stage::Tier,
            NotConnected => Stage::Connection,
            GatewayNotReady { .. } => Stage::Gateway,
            CertificateOutOfSync { .. } => Stage::Certificate,
            OutsideRouteAll { .. } => Stage::RouteAll,
            NoDnsServer { .. }
            | NotResolved { .. }
            | RegionalNotResolved { .. }
            | DnsServerSilent { .. } => Stage::NameResolution,
            RouteDrops { .. }
            | ApplianceUnreachable { .. }
            | GatewayHasNoRoute { .. }
            | PrivateToInternet { .. } => Stage::RouteTable,
            NsgDenies { .. } | NsgRuleUnread { .. } => Stage::SecurityGroup,
            NotLinked { .. }
            | LinkNotSynced { .. }
            | NoRouteBack { .. }
            | Unroutable { .. }
            | RouteUnread { .. }
            | PublicAccessDenied { .. } => Stage::Route,
            NoHost { .. } | PortClosed { .. } | PortsUnknown { .. } => Stage::Firewall,
            Dangling(dangling) => dangling.stage(),
        }
    }
}

impl fmt::Display for Problem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Problem::*;
        match self {
            PingUnsupported => write!(f, "ICMP (ping) does not work from the web app, and neither does nslookup: VNet Integration carries TCP and UDP only."),
            SmbUnsupported => write!(f, "Mounting a remote drive (SMB, TCP 445) is not supported through VNet Integration, even with the port open."),
            AuthenticationUnsupported { port } => write!(f, "Port {port} is an authentication system (Kerberos, LDAP); integration with authentication systems in the VNet, such as domain join, is not supported."),
            SmtpBlocked => write!(f, "Outbound connections on port 25 (SMTP) are blocked from App Service, through the virtual network too."),
            TierTooLow { kind, plan_name, tier, .. } => {
                let needs = needs(*kind);
                write!(f, "The plan {plan_name} is in the {tier} tier; {} needs {}, so the {} is disabled.", needs.feature, needs.tiers, needs.disabled)
            }
            NotConnected => write!(f, "The web app is not connected to a virtual network."),
            GatewayNotReady { vnet_name, missing, .. } => {
                write!(f, "{vnet_name} cannot carry the connection: {}.", join(missing, "; "))
            }
            CertificateOutOfSync { reason, .. } => write!(f, "The connection is out of sync: {reason}. It carries no traffic."),
            OutsideRouteAll { address, .. } => write!(f, "{address} is not a private (RFC 1918) address, and Route All is off, so the traffic leaves by the app's shared outbound addresses instead of entering the virtual network."),
            NoDnsServer { name, sync_would_help: false, .. } => write!(f, "The virtual network has no DNS server, so {name} does not resolve: use an IP address."),
            NoDnsServer { name, sync_would_help: true, .. } => write!(f, "The web app still uses the DNS servers of its last sync (none), so {name} does not resolve."),
            NotResolved { name, sync_would_help: false, .. } => write!(f, "No DNS server of the connection knows {name}."),
            NotResolved { name, sync_would_help: true, .. } => write!(f, "The DNS servers of the web app's last sync do not know {name}; the VNet's DNS servers changed since."),
            RegionalNotResolved { name, servers } if servers.is_empty() => write!(f, "The virtual network has no custom DNS server, so Azure DNS (168.63.129.16) answers, and it does not know {name}."),
            RegionalNotResolved { name, servers } => write!(f, "No DNS server of the virtual network ({}) knows {name}.", join(servers, ", ")),
            DnsServerSilent { name, app_setting: true, servers, .. } => write!(f, "Nothing answers at {}, the DNS server WEBSITE_DNS_SERVER names, so {name} does not resolve.", join(servers, ", ")),
            DnsServerSilent { name, servers, .. } => write!(f, "Nothing answers at the virtual network's DNS servers ({}), so {name} does not resolve.", join(servers, ", ")),
            RouteDrops { route, .. } => write!(f, "The effective route {} ({}) has the next hop None: the traffic is dropped.", route.prefix, route.source),
            ApplianceUnreachable { address } => write!(f, "The route's next hop is the virtual appliance {address}, but nothing in the virtual network or its peers has that address, so the traffic is dropped."),
            GatewayHasNoRoute { address } => write!(f, "A route sends {address} to the virtual network gateway, which has no route to it: no local network linked by site-to-site VPN holds it."),
            PrivateToInternet { address } => write!(f, "A route sends the private address {address} to the internet, where it is not routed: the traffic is dropped."),
            NsgDenies { nsg_name, rule, inbound: None, .. } => write!(f, "The network security group {nsg_name} denies it: outbound rule {rule}."),
            NsgDenies { nsg_name, rule, inbound: Some(inbound), .. } => write!(f, "The network security group {nsg_name} denies it: outbound rule {rule}. The inbound rule {inbound} matches this traffic, but inbound rules do not apply to the app's outbound traffic."),
            NsgRuleUnread { nsg_name, rule } => write!(f, "The network security group {nsg_name} has the {:?} rule {} at priority {}, which the lab could not read ({}); it comes before the rule that decides here, so Azure may decide otherwise, and the lab cannot tell.", rule.access, rule.name, rule.priority, rule.why),
            RouteUnread { route_table, route } => write!(f, "The route table {route_table} has the route {} for {}, whose next hop the lab could not read ({}); it is at least as specific as the route the lab would take, so Azure may send the traffic there, and the lab cannot tell.", route.name, route.prefix, route.why),
            NotLinked { address, local_name, .. } => write!(f, "{address} is on {local_name}, but the virtual network has no site-to-site connection to it."),
            LinkNotSynced { local, .. } => write!(f, "The site-to-site connection to {local} was added after the web app last synced, so the app does not use it yet."),
            NoRouteBack { local_name, range, .. } => write!(f, "{local_name} has no route for {range} back through the tunnel, so replies never reach the web app."),
            Unroutable { address } => write!(f, "{address} is neither in the virtual network nor in a local network linked to it."),
            PublicAccessDenied { name, .. } => write!(f, "{name} refuses connections to its public address: the service is reached by its private endpoint, whose address the web app did not get."),
            NoHost { address } => write!(f, "Nothing answers at {address}: no virtual machine or server has this address."),
            PortClosed { host_name, rule, .. } => write!(f, "The firewall of {host_name} does not allow {rule}."),
            PortsUnknown { host_name, rule, .. } => write!(f, "The network lets {rule} through to {host_name}; its firewall is unknown to the lab, since the template it came from cannot say which ports it opens."),
            Dangling(dangling) => dangling.fmt(f),
        }
    }
}
