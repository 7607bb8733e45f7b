//! Why a command was refused. Every message says what is wrong and how to fix it.

use std::fmt;

use ipnet::Ipv4Net;

use crate::model::derived::regional::SubnetProblem;
use crate::model::derived::status::MissingCondition;
use crate::model::entities::certificate::IssueError;
use crate::model::entities::clock::{Instant, LATEST};
use crate::model::entities::region::Region;
use crate::model::entities::security::Direction;
use crate::model::entities::tier::{HybridConnectionLimit, Tier, TierFamily};
use crate::model::input::addressing::AddressError;
use crate::model::input::date_time::DateTimeProblem;
use crate::model::input::names::NameProblem;
use crate::model::input::rules::RuleFieldError;
use crate::model::input::text::join;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CommandError {
    #[error("The {kind} name “{name}” is not valid: {problem}. Choose another name.")]
    InvalidName {
        kind: &'static str,
        name: String,
        problem: NameProblem,
    },
    #[error("A {kind} named “{name}” already exists. Choose another name.")]
    DuplicateName { kind: &'static str, name: String },
    #[error(
        "No {kind} {id} exists any more; it may have been deleted in another tab. Reload the view."
    )]
    NotFound { kind: &'static str, id: String },
    #[error("{}", sentence(.0))]
    Address(#[from] AddressError),
    #[error("{owner} needs at least one address prefix, such as 10.1.0.0/16.")]
    EmptyAddressSpace { owner: String },
    #[error("The address prefixes {a} and {b} of {owner} overlap. Remove one or pick ranges that do not overlap.")]
    OverlappingPrefixes {
        owner: String,
        a: Ipv4Net,
        b: Ipv4Net,
    },
    #[error("The subnet {subnet} is not inside the address space of {vnet}. Pick a prefix inside it, or add to the address space first.")]
    SubnetOutsideAddressSpace { subnet: Ipv4Net, vnet: String },
    #[error("The subnets {a} and {b} overlap. Pick a prefix that overlaps no other subnet.")]
    OverlappingSubnets { a: String, b: String },
    #[error("The point-to-site pool {pool} is not in a private range. Use a prefix inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16, such as 172.16.0.0/24.")]
    PoolNotPrivate { pool: Ipv4Net },
    #[error("The point-to-site pool {pool} overlaps {other} of {owner}. Pick a pool that overlaps neither the VNet nor any linked local network, such as 172.16.0.0/24.")]
    PoolOverlaps {
        pool: Ipv4Net,
        other: Ipv4Net,
        owner: String,
    },
    #[error(
        "{vnet} already has 12 DNS servers, the most a virtual network can have. Remove one first."
    )]
    TooManyDnsServers { vnet: String },
    #[error("{address} is already a DNS server of {vnet}.")]
    DuplicateDnsServer { address: String, vnet: String },
    #[error("The address {address} is not inside the subnet {subnet} ({prefix}). Pick an address inside it.")]
    AddressOutsideSubnet {
        address: String,
        subnet: String,
        prefix: Ipv4Net,
    },
    #[error("The address {address} is not inside the address space of {network}. Pick an address inside it.")]
    AddressOutsideNetwork { address: String, network: String },
    #[error("The address {address} is already used by {host}. Pick a free address.")]
    AddressInUse { address: String, host: String },
    /// R1
    #[error("The plan {plan} is in the {tier} tier; VNet Integration needs Standard or Premium. Scale the plan up to Standard first.")]
    TierTooLow { plan: String, tier: Tier },
    /// R3
    #[error("The plan {plan} already uses 5 virtual networks, the most a plan can use: {}. Connect to one of them, or disconnect every web app of the plan from one of them first.", join(.in_use, ", "))]
    TooManyVirtualNetworks { plan: String, in_use: Vec<String> },
    /// R4
    #[error("The web app {app} is already connected to {vnet}; a web app is connected to one virtual network at a time. Disconnect it from {vnet} first.")]
    AlreadyConnected { app: String, vnet: String },
    /// R8
    #[error("{vnet} cannot be used for VNet Integration: {}.", join(.missing, "; "))]
    NotEligible {
        vnet: String,
        missing: Vec<MissingCondition>,
    },
    /// R7
    #[error("Point-to-site cannot be enabled on {vnet}: its gateway uses Static routing, and point-to-site needs a Dynamic routing gateway. Delete the gateway and create a Dynamic one.")]
    StaticRoutingCannotEnablePointToSite { vnet: String },
    #[error("{vnet} has no gateway. Create a Dynamic routing gateway first.")]
    NoGateway { vnet: String },
    #[error("{vnet} already has a gateway. Delete it first to create another.")]
    GatewayExists { vnet: String },
    #[error("Point-to-site is already enabled on {vnet} with the pool {pool}.")]
    PointToSiteAlreadyEnabled { vnet: String, pool: Ipv4Net },
    #[error(
        "Point-to-site is not enabled on {vnet}. Enable it on the VNet's point-to-site tab first."
    )]
    PointToSiteNotEnabled { vnet: String },
    /// R10
    #[error("The virtual machine {vm} cannot move: a virtual machine joins a virtual network only when it is created. Create a new virtual machine in the other network instead.")]
    VirtualMachineCannotMove { vm: String },
    #[error("The web app {app} is not connected to a virtual network. Connect it from its Virtual network tile.")]
    NotConnected { app: String },
    #[error("No certificate with thumbprint {thumbprint} is uploaded to {vnet}.")]
    CertificateNotOnNetwork { thumbprint: String, vnet: String },
    #[error("{vnet} is already linked to {local_network}.")]
    AlreadyLinked { vnet: String, local_network: String },
    #[error("{vnet} has no site-to-site connection to {local_network}.")]
    NotLinked { vnet: String, local_network: String },
    #[error("{local_network} already routes {prefix} through the tunnel.")]
    RouteExists {
        prefix: Ipv4Net,
        local_network: String,
    },
    /// A route table holds one route per prefix.
    #[error("The route table {route_table} already has a route for {prefix} ({route}). Edit that route, or give this one another prefix.")]
    RouteTablePrefixExists {
        prefix: Ipv4Net,
        route_table: String,
        route: String,
    },
    #[error("{local_network} has no route for “{prefix}”.")]
    NoSuchRoute {
        prefix: String,
        local_network: String,
    },
    #[error("{rule} is already open on {host}.")]
    PortAlreadyOpen { rule: String, host: String },
    #[error("{rule} is not open on {host}.")]
    PortNotOpen { rule: String, host: String },
    #[error("“{text}” is not a port: write a number from 1 to 65535.")]
    InvalidPort { text: String },
    #[error("“{text}” is not an endpoint: write host:port, such as sql.contoso.com:1433.")]
    InvalidEndpoint { text: String },
    /// R23
    #[error("The {tier} tier allows {limit}, and that limit is reached. {}", lift_hint(.lifted_by))]
    HybridConnectionLimit {
        limit: HybridConnectionLimit,
        tier: Tier,
        lifted_by: Option<TierFamily>,
    },
    #[error("{server} is not a Windows Server; the Hybrid Connection Manager runs only on Windows Server. Pick a Windows Server that can reach the endpoint.")]
    NotAWindowsServer { server: String },
    #[error("The Hybrid Connection {connection} has no relay agent. Install the Hybrid Connection Manager first.")]
    NoRelayAgent { connection: String },
    #[error("{what} is still used by {}. Remove those first.", join(.by, ", "))]
    StillInUse { what: String, by: Vec<String> },
    #[error("{vm} is not a DNS server, so it has no records.")]
    NotADnsServer { vm: String },
    #[error("The simulated clock only moves forward. Give a positive number of seconds.")]
    ClockBackwards,
    /// The time controls move the clock only forward.
    #[error("The simulated clock only moves forward: {to} is not after the simulated now, {now}. Give a later date and time.")]
    ClockNotLater { to: Instant, now: Instant },
    #[error("The simulated clock cannot go past {}, the end of its calendar. Move it by a smaller step.", LATEST)]
    ClockPastEnd,
    #[error("“{text}” cannot be read as a date and time: {problem}. Write it as YYYY-MM-DD HH:MM in UTC, for example 2023-02-22 09:00.")]
    BadDateTime {
        text: String,
        problem: DateTimeProblem,
    },
    #[error("The clock speed must be from 1× to 3600×.")]
    InvalidSpeed,
    #[error("No certificate could be issued for {subject}: {reason}.")]
    CertificateNotIssued { subject: String, reason: IssueError },
    /// R25
    #[error("The plan {plan} is in the {tier} tier; regional VNet Integration needs Basic, Standard or Premium. Scale the plan up to Basic or higher first.")]
    RegionalTierTooLow { plan: String, tier: Tier },
    /// R25
    #[error("{vnet} is in {vnet_region}, but the plan {plan} is in {plan_region}; regional VNet Integration needs a virtual network in the plan's region. Integrate with a VNet in {plan_region} that is peered to {vnet}, or use gateway-required VNet Integration to reach {vnet}.")]
    RegionMismatch {
        vnet: String,
        vnet_region: Region,
        plan: String,
        plan_region: Region,
    },
    /// R26–R28
    #[error("The subnet {subnet} of {vnet} cannot be used for regional VNet Integration: {}. Pick an eligible subnet or create a new one.", join(.problems, "; "))]
    SubnetNotEligible {
        subnet: String,
        vnet: String,
        problems: Vec<SubnetProblem>,
    },
    #[error("{vnet} has no subnet named “{subnet}”{}", pick_one(.subnets))]
    NoSuchSubnet {
        subnet: String,
        vnet: String,
        subnets: Vec<String>,
    },
    /// R27: the service association link keeps the subnet (and its VNet) until the
    /// integration is removed.
    #[error("{what} is used by the regional VNet Integration of {} (a service association link holds it). Disconnect those web apps first.", join(.apps, ", "))]
    IntegrationSubnetInUse { what: String, apps: Vec<String> },
    /// R27: a VNet that web apps integrate with, of either kind, is held until they disconnect.
    #[error("The virtual network {vnet} cannot be deleted: the VNet Integration of {} holds it. Disconnect those web apps first.", join(.apps, ", "))]
    VirtualNetworkIntegrated { vnet: String, apps: Vec<String> },
    #[error("The virtual network {vnet} cannot be deleted: its gateway has site-to-site connections to {}. Remove those connections on the Site-to-site tab first.", join(.local_networks, ", "))]
    GatewayHasConnections {
        vnet: String,
        local_networks: Vec<String>,
    },
    #[error("The virtual network {vnet} cannot be deleted: it is peered with {}, whose side of the peering refers to it. Remove those peerings on the Peerings tab first.", join(.peers, ", "))]
    VirtualNetworkPeered { vnet: String, peers: Vec<String> },
    /// Azure keeps the GatewaySubnet for the VPN gateway alone.
    #[error("A private endpoint cannot be placed in the GatewaySubnet of {vnet}: Azure keeps that subnet for the virtual network gateway. Pick another subnet of {vnet}, or add one.")]
    PrivateEndpointInGatewaySubnet { vnet: String },
    /// R28
    #[error("The plan {plan} cannot scale out to {instances} instances: its integration subnet {subnet} ({prefix}) has {capacity} usable addresses (Azure reserves 5), and it would need {needed}.{} Integrate the plan's apps with a larger subnet first.", holding_hint(.holding))]
    ScaleOutBeyondCapacity {
        plan: String,
        instances: u8,
        subnet: String,
        prefix: Ipv4Net,
        capacity: u32,
        needed: u32,
        holding: Option<u8>,
    },
    /// R28
    #[error("The plan {plan} cannot change its tier: while a tier change runs, its instances need twice their addresses ({needed} in all), and its integration subnet {subnet} ({prefix}) has {capacity} usable addresses.{} Scale in first, or integrate the plan's apps with a larger subnet.", holding_hint(.holding))]
    TierChangeBeyondCapacity {
        plan: String,
        subnet: String,
        prefix: Ipv4Net,
        capacity: u32,
        needed: u32,
        holding: Option<u8>,
    },
    #[error("A plan runs from 1 to 30 instances, not {instances}.")]
    InvalidInstanceCount { instances: u8 },
    #[error("The subnet {subnet} is already delegated to Microsoft.Web/serverFarms.")]
    AlreadyDelegated { subnet: String },
    #[error("The subnet {subnet} is not delegated.")]
    NotDelegated { subnet: String },
    #[error("{vnet} cannot be peered with itself. Pick another virtual network.")]
    PeeringToItself { vnet: String },
    #[error("{vnet} is already peered with {remote}.")]
    AlreadyPeered { vnet: String, remote: String },
    #[error("{vnet} is not peered with {remote}.")]
    NotPeered { vnet: String, remote: String },
    /// R29: Route All belongs to regional integration.
    #[error("The web app {app} has no regional VNet Integration, and Route All applies only to it. Connect the web app by regional integration first.")]
    NotRegional { app: String },
    #[error("{}", sentence(.0))]
    RuleField(#[from] RuleFieldError),
    /// R30: two rules of one direction cannot share a priority.
    #[error("The rule {rule} of {nsg} already has priority {priority} in this direction. Pick another priority from 100 to 4096.")]
    DuplicatePriority {
        priority: u16,
        rule: String,
        nsg: String,
    },
    /// R30: a rule moves only among its direction's rules.
    #[error("{rule} is already evaluated {} among the {} rules of {nsg}; it cannot move further.", if *.first { "first" } else { "last" }, .direction.to_string().to_lowercase())]
    RuleAtEnd {
        rule: String,
        nsg: String,
        direction: Direction,
        first: bool,
    },
    /// NSGs, route tables and NAT gateways serve subnets of their own region.
    #[error("{resource} is in {region} and {vnet} in {vnet_region}; it can serve only subnets of its own region. Create one in {vnet_region}.")]
    OtherRegion {
        resource: String,
        region: Region,
        vnet: String,
        vnet_region: Region,
    },
    /// R31
    #[error("The route {route} sends traffic to a virtual appliance, so it needs the appliance's IP address, such as 10.3.0.4.")]
    NoApplianceAddress { route: String },
    #[error("{address} is a private (RFC 1918) address; {what} needs a public address, such as 20.61.15.7.")]
    NotPublic { what: String, address: String },
    #[error("{address} is not a private (RFC 1918) address; {what} needs one inside the subnet.")]
    NotPrivate { what: String, address: String },
    #[error("“{text}” is not a DNS name: write labels of letters, digits and hyphens separated by dots, such as contoso-sql.database.windows.net.")]
    InvalidDnsName { text: String },
    #[error("The subnet {subnet} is delegated to Microsoft.Web/serverFarms, so it holds only App Service integrations. Pick another subnet.")]
    DelegatedSubnet { subnet: String },
    #[error("The private DNS zone {zone} is already linked to {vnet}.")]
    AlreadyLinkedZone { zone: String, vnet: String },
    #[error("The private DNS zone {zone} is not linked to {vnet}.")]
    ZoneNotLinked { zone: String, vnet: String },
    #[error(
        "The zone {zone} already has a record named {name}. Remove it first to change its address."
    )]
    DuplicateRecord { name: String, zone: String },
    /// R35
    #[error("The web app {app} does not use gateway-required VNet Integration, so there is nothing to migrate.")]
    NotGatewayRequired { app: String },
    #[error("The web app {app} cannot move yet: {reason}")]
    MigrationBlocked { app: String, reason: String },
}

/// "; a /27 would hold them" when a larger subnet would.
fn holding_hint(holding: &Option<u8>) -> String {
    match holding {
        Some(len) => format!(" A /{len} would hold them."),
        None => String::new(),
    }
}

/// An error as a sentence: a question ("did you mean 10.0.0.0/16?") ends one already.
fn sentence(error: &impl fmt::Display) -> String {
    let text = error.to_string();
    if text.ends_with('?') {
        text
    } else {
        format!("{text}.")
    }
}

/// What lifts a tier's Hybrid Connection limit, if a higher tier does.
fn lift_hint(lifted_by: &Option<TierFamily>) -> String {
    match lifted_by {
        Some(family) => format!("Scale the plan to {family} for more."),
        None => "Remove one first.".to_string(),
    }
}

/// The subnets a command could have named instead.
fn pick_one(subnets: &[String]) -> String {
    if subnets.is_empty() {
        ", and no subnets at all. Create one first.".to_string()
    } else {
        format!(". Pick one of {}.", join(subnets, ", "))
    }
}

impl CommandError {
    /// Refuses to delete `what` while `by` (names of what uses it) is not empty.
    pub(crate) fn unless_unused(what: String, by: Vec<String>) -> Result<(), CommandError> {
        if by.is_empty() {
            Ok(())
        } else {
            Err(CommandError::StillInUse { what, by })
        }
    }
}
