//! How to mend a problem: advice, and the one command that applies it where there is one.
//! Every problem is matched by name, so a new one cannot lack its fix; a finding has none.

use super::tier::needs;
use super::{Dangling, Problem, SubnetReference};
use crate::model::command::{ClockTarget, Command, SecurityRuleInput};
use crate::model::derived::effective::{EffectiveRoute, Flow, RouteSource};
use crate::model::derived::status::MissingCondition;
use crate::model::entities::host::Protocol;
use crate::model::entities::ids::{NsgId, VnetId};
use crate::model::entities::network::Routing;
use crate::model::entities::security::{Access, Direction, RuleProtocol, SecurityRule};
use crate::model::input::text::join;

/// How to mend a problem: advice, and the one command that applies it where there is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub advice: String,
    pub command: Option<Command>,
}

fn advice(text: impl Into<String>) -> Fix {
    Fix {
        advice: text.into(),
        command: None,
    }
}

fn action(text: impl Into<String>, command: Command) -> Fix {
    Fix {
        advice: text.into(),
        command: Some(command),
    }
}

impl Problem<'_> {
    pub fn fix(&self) -> Fix {
        use Problem::*;
        match self {
            PingUnsupported => advice("Run the connection check with TCP and the port the service listens on (tcpping host:port)."),
            SmbUnsupported => advice("Use an API over HTTPS (such as Azure Storage) instead of mounting a drive."),
            AuthenticationUnsupported { .. } => advice("Authenticate in the application itself (SQL authentication, tokens) instead of joining the domain or using Kerberos."),
            SmtpBlocked => advice("Send mail through an authenticated relay on port 587 (such as an email service) instead of port 25."),
            TierTooLow { kind, plan, plan_name, .. } => {
                let needs = needs(*kind);
                action(format!("Scale the plan {plan_name} to {}.", needs.scale_to), Command::ScalePlan { plan: *plan, tier: needs.lowest.entry_tier() })
            }
            NotConnected => advice("Connect the web app to a virtual network from its Virtual network tile."),
            GatewayNotReady { vnet, vnet_name, missing, routing } => gateway_fix(*vnet, vnet_name, missing, *routing),
            CertificateOutOfSync { app, .. } | NoDnsServer { app, sync_would_help: true, .. } | NotResolved { app, sync_would_help: true, .. } | LinkNotSynced { app, .. } => {
                action("Sync the connection.", Command::SyncConnection { app: *app })
            }
            OutsideRouteAll { app, .. } => action("Turn Route All on, so all outbound traffic enters the virtual network.", Command::SetRouteAll { app: *app, enabled: true }),
            NoDnsServer { sync_would_help: false, .. } => advice("Use the IP address, or add a DNS server to the virtual network and sync the connection."),
            NotResolved { name, sync_would_help: false, .. } => advice(format!("Use the IP address, or add an A record for {name} on the VNet's DNS server.")),
            RegionalNotResolved { name, servers } if servers.is_empty() => advice(format!("Use the IP address, or add a DNS server that knows {name} to the virtual network.")),
            RegionalNotResolved { name, .. } => advice(format!("Use the IP address, or add an A record for {name} on the VNet's DNS server.")),
            DnsServerSilent { app, app_setting: true, .. } => action("Remove WEBSITE_DNS_SERVER, or set it to the address of a DNS server that answers.", Command::SetDnsServerSetting { app: *app, address: String::new() }),
            DnsServerSilent { servers, app_setting: false, .. } => advice(format!("Create the DNS server at {} in the virtual network or a peered one, or correct the VNet's DNS servers.", join(servers, " or "))),
            RouteDrops { route_table: Some(table), route: EffectiveRoute { source: RouteSource::User { route, .. }, .. } } => action(format!("Remove the route {route}, or give it another next hop."), Command::RemoveUserRoute { route_table: *table, name: route.clone() }),
            // Only a user route has the next hop None; without its table there is no command.
            RouteDrops { route, .. } => advice(format!("Remove the route {} ({}), or give it another next hop.", route.prefix, route.source)),
            ApplianceUnreachable { address } => advice(format!("Create the virtual appliance at {address} in the virtual network or a peered one, or change the route's next hop.")),
            GatewayHasNoRoute { address } => advice(format!("Send {address} to the virtual network instead of the gateway: remove the route, or link a local network holding it by site-to-site VPN.")),
            PrivateToInternet { address } => advice(format!("Remove the route that sends {address} to the internet, or point it at a virtual appliance that reaches it.")),
            NsgDenies { nsg, rule, flow, allow_priority: Some(priority), .. } => nsg_fix(*nsg, rule, *flow, *priority),
            NsgDenies { nsg_name, rule, allow_priority: None, .. } => advice(format!("Free a priority above {} in {nsg_name} and add an outbound Allow rule there.", rule.name)),
            NsgRuleUnread { nsg_name, rule } => advice(format!("In {nsg_name}, write {} as rules the lab can read (one destination and one port range each, a prefix rather than a service tag), then remove {}.", rule.name, rule.name)),
            RouteUnread { route_table, route } => advice(format!("In {route_table}, give {} its next hop's address (the virtual appliance or firewall it sends to), as a route the lab can read, then remove {}.", route.name, route.name)),
            NotLinked { vnet, local, local_name, .. } => action(format!("Link the virtual network to {local_name} with a site-to-site VPN, then sync."), Command::LinkSiteToSite { vnet: *vnet, local_network: *local }),
            Unroutable { .. } => advice("Use an address inside the virtual network or inside a local network linked to it by site-to-site VPN."),
            NoRouteBack { local, local_name, range } => action(format!("On {local_name}, add the route {} via the VPN tunnel.", range.prefix()), Command::AddRoute { local_network: *local, prefix: range.prefix().to_string() }),
            PublicAccessDenied { zone_linked: true, name, zone_name, vnet_name, private_address, .. } => advice(format!("Connect by the name {name}: the private DNS zone {zone_name}, linked to {vnet_name}, resolves it to the private endpoint's address {private_address}.")),
            PublicAccessDenied { unlinked_zone: Some(zone), vnet, vnet_name, zone_name, .. } => action(format!("Link the private DNS zone {zone_name} to {vnet_name}."), Command::LinkPrivateDnsZone { zone: *zone, vnet: *vnet }),
            PublicAccessDenied { name, vnet_name, zone_name, private_address, .. } => advice(format!("Create the private DNS zone {zone_name} with an A record for {} → {private_address}, and link it to {vnet_name}.", name.split('.').next().unwrap_or(name))),
            NoHost { .. } => advice("No virtual machine or server has this address; check it."),
            PortClosed { host, host_name, rule } => action(format!("Open {rule} on the firewall of {host_name}."), Command::OpenPort { host: *host, rule: *rule }),
            PortsUnknown { host, host_name, rule } => action(format!("Add the ports {host_name} opens, such as {rule}, so the lab can tell."), Command::OpenPort { host: *host, rule: *rule }),
            Dangling(dangling) => dangling.fix(),
        }
    }
}

/// R30: an Allow for exactly this flow, just above the rule that denied it.
fn nsg_fix(nsg: NsgId, deny: &SecurityRule, flow: Flow, priority: u16) -> Fix {
    let protocol = match flow.protocol {
        Protocol::Udp => RuleProtocol::Udp,
        // ICMP and SMB stop at the first stage; SMB that passes it is TCP 445.
        Protocol::Tcp | Protocol::Smb | Protocol::Icmp => RuleProtocol::Tcp,
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
) -> Fix {
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
        Some(MissingCondition::PointToSiteNotEnabled) | None => {
            advice(format!("Enable point-to-site on {name}."))
        }
    }
}

impl Dangling<'_> {
    fn fix(&self) -> Fix {
        match self {
            Dangling::WebApp { .. } => advice("Choose a web app of the subscription."),
            Dangling::Plan { app, .. } => advice(format!("Import a document that holds the plan of {app}, or start from the sample.")),
            Dangling::VirtualNetwork { app, .. } | Dangling::Subnet { app, .. } => action("Disconnect the web app, then connect it to a virtual network and subnet that exist.", Command::DisconnectWebApp { app: *app }),
            Dangling::OfSubnet { vnet, subnet, what, .. } => {
                let subnet = subnet.to_string();
                let (text, command) = match what {
                    SubnetReference::NetworkSecurityGroup(_) => ("network security group", Command::AssociateNetworkSecurityGroup { vnet: *vnet, subnet, nsg: None }),
                    SubnetReference::RouteTable(_) => ("route table", Command::AssociateRouteTable { vnet: *vnet, subnet, route_table: None }),
                    SubnetReference::NatGateway(_) => ("NAT gateway", Command::AssociateNatGateway { vnet: *vnet, subnet, nat_gateway: None }),
                };
                action(format!("Dissociate the missing {text} from the subnet, or associate one that exists."), command)
            }
        }
    }
}
