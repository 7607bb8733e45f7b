//! Why a command was refused. Every message says what is wrong and how to fix it.

use std::fmt;

use ipnet::Ipv4Net;

use crate::model::derived::regional::SubnetProblem;
use crate::model::derived::status::MissingCondition;
use crate::model::entities::certificate::IssueError;
use crate::model::entities::clock::{Instant, LATEST};
use crate::model::entities::region::Region;
use crate::model::entities::tier::{HybridConnectionLimit, Tier, TierFamily};
use crate::model::input::addressing::AddressError;
use crate::model::input::date_time::DateTimeProblem;
use crate::model::input::names::NameProblem;
use crate::model::input::rules::RuleFieldError;
use crate::model::input::text::join;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommandError {
    InvalidName {
        kind: &'static str,
        name: String,
        problem: NameProblem,
    },
    DuplicateName {
        kind: &'static str,
        name: String,
    },
    NotFound {
        kind: &'static str,
        id: String,
    },
    Address(AddressError),
    EmptyAddressSpace {
        owner: String,
    },
    OverlappingPrefixes {
        owner: String,
        a: Ipv4Net,
        b: Ipv4Net,
    },
    SubnetOutsideAddressSpace {
        subnet: Ipv4Net,
        vnet: String,
    },
    OverlappingSubnets {
        a: String,
        b: String,
    },
    PoolNotPrivate {
        pool: Ipv4Net,
    },
    PoolOverlaps {
        pool: Ipv4Net,
        other: Ipv4Net,
        owner: String,
    },
    TooManyDnsServers {
        vnet: String,
    },
    DuplicateDnsServer {
        address: String,
        vnet: String,
    },
    AddressOutsideSubnet {
        address: String,
        subnet: String,
        prefix: Ipv4Net,
    },
    AddressOutsideNetwork {
        address: String,
        network: String,
    },
    AddressInUse {
        address: String,
        host: String,
    },
    /// R1
    TierTooLow {
        plan: String,
        tier: Tier,
    },
    /// R3
    TooManyVirtualNetworks {
        plan: String,
        in_use: Vec<String>,
    },
    /// R4
    AlreadyConnected {
        app: String,
        vnet: String,
    },
    /// R8
    NotEligible {
        vnet: String,
        missing: Vec<MissingCondition>,
    },
    /// R7
    StaticRoutingCannotEnablePointToSite {
        vnet: String,
    },
    NoGateway {
        vnet: String,
    },
    GatewayExists {
        vnet: String,
    },
    PointToSiteAlreadyEnabled {
        vnet: String,
        pool: Ipv4Net,
    },
    PointToSiteNotEnabled {
        vnet: String,
    },
    /// R10
    VirtualMachineCannotMove {
        vm: String,
    },
    NotConnected {
        app: String,
    },
    CertificateNotOnNetwork {
        thumbprint: String,
        vnet: String,
    },
    AlreadyLinked {
        vnet: String,
        local_network: String,
    },
    NotLinked {
        vnet: String,
        local_network: String,
    },
    RouteExists {
        prefix: Ipv4Net,
        local_network: String,
    },
    NoSuchRoute {
        prefix: String,
        local_network: String,
    },
    PortAlreadyOpen {
        rule: String,
        host: String,
    },
    PortNotOpen {
        rule: String,
        host: String,
    },
    InvalidPort {
        text: String,
    },
    InvalidEndpoint {
        text: String,
    },
    /// R23
    HybridConnectionLimit {
        limit: HybridConnectionLimit,
        tier: Tier,
        lifted_by: Option<TierFamily>,
    },
    NotAWindowsServer {
        server: String,
    },
    NoRelayAgent {
        connection: String,
    },
    StillInUse {
        what: String,
        by: Vec<String>,
    },
    NotADnsServer {
        vm: String,
    },
    ClockBackwards,
    /// The time controls move the clock only forward.
    ClockNotLater {
        to: Instant,
        now: Instant,
    },
    ClockPastEnd,
    BadDateTime {
        text: String,
        problem: DateTimeProblem,
    },
    InvalidSpeed,
    CertificateNotIssued {
        subject: String,
        reason: IssueError,
    },
    /// R25
    RegionalTierTooLow {
        plan: String,
        tier: Tier,
    },
    /// R25
    RegionMismatch {
        vnet: String,
        vnet_region: Region,
        plan: String,
        plan_region: Region,
    },
    /// R26–R28
    SubnetNotEligible {
        subnet: String,
        vnet: String,
        problems: Vec<SubnetProblem>,
    },
    NoSuchSubnet {
        subnet: String,
        vnet: String,
        subnets: Vec<String>,
    },
    /// R27: the service association link keeps the subnet (and its VNet) until the
    /// integration is removed.
    IntegrationSubnetInUse {
        what: String,
        apps: Vec<String>,
    },
    /// R28
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
    TierChangeBeyondCapacity {
        plan: String,
        subnet: String,
        prefix: Ipv4Net,
        capacity: u32,
        needed: u32,
        holding: Option<u8>,
    },
    InvalidInstanceCount {
        instances: u8,
    },
    AlreadyDelegated {
        subnet: String,
    },
    NotDelegated {
        subnet: String,
    },
    PeeringToItself {
        vnet: String,
    },
    AlreadyPeered {
        vnet: String,
        remote: String,
    },
    NotPeered {
        vnet: String,
        remote: String,
    },
    /// R29: Route All belongs to regional integration.
    NotRegional {
        app: String,
    },
    RuleField(RuleFieldError),
    /// R30: two rules of one direction cannot share a priority.
    DuplicatePriority {
        priority: u16,
        rule: String,
        nsg: String,
    },
    /// NSGs, route tables and NAT gateways serve subnets of their own region.
    OtherRegion {
        resource: String,
        region: Region,
        vnet: String,
        vnet_region: Region,
    },
    /// R31
    NoApplianceAddress {
        route: String,
    },
    NotPublic {
        what: String,
        address: String,
    },
    NotPrivate {
        what: String,
        address: String,
    },
    InvalidDnsName {
        text: String,
    },
    DelegatedSubnet {
        subnet: String,
    },
    AlreadyLinkedZone {
        zone: String,
        vnet: String,
    },
    ZoneNotLinked {
        zone: String,
        vnet: String,
    },
    DuplicateRecord {
        name: String,
        zone: String,
    },
    /// R35
    NotGatewayRequired {
        app: String,
    },
    MigrationBlocked {
        app: String,
        reason: String,
    },
}

impl From<RuleFieldError> for CommandError {
    fn from(error: RuleFieldError) -> Self {
        CommandError::RuleField(error)
    }
}

/// "; a /27 would hold them" when a larger subnet would.
fn holding_hint(holding: &Option<u8>) -> String {
    match holding {
        Some(len) => format!(" A /{len} would hold them."),
        None => String::new(),
    }
}

impl From<AddressError> for CommandError {
    fn from(error: AddressError) -> Self {
        CommandError::Address(error)
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

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use CommandError::*;
        match self {
            InvalidName { kind, name, problem } => write!(f, "The {kind} name “{name}” is not valid: {problem}. Choose another name."),
            DuplicateName { kind, name } => write!(f, "A {kind} named “{name}” already exists. Choose another name."),
            NotFound { kind, id } => write!(f, "No {kind} {id} exists any more; it may have been deleted in another tab. Reload the view."),
            // A question ("did you mean 10.0.0.0/16?") ends the sentence already.
            Address(error @ AddressError::HostBitsSet { .. }) => write!(f, "{error}"),
            Address(error) => write!(f, "{error}."),
            EmptyAddressSpace { owner } => write!(f, "{owner} needs at least one address prefix, such as 10.1.0.0/16."),
            OverlappingPrefixes { owner, a, b } => write!(f, "The address prefixes {a} and {b} of {owner} overlap. Remove one or pick ranges that do not overlap."),
            SubnetOutsideAddressSpace { subnet, vnet } => write!(f, "The subnet {subnet} is not inside the address space of {vnet}. Pick a prefix inside it, or add to the address space first."),
            OverlappingSubnets { a, b } => write!(f, "The subnets {a} and {b} overlap. Pick a prefix that overlaps no other subnet."),
            PoolNotPrivate { pool } => write!(f, "The point-to-site pool {pool} is not in a private range. Use a prefix inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16, such as 172.16.0.0/24."),
            PoolOverlaps { pool, other, owner } => write!(f, "The point-to-site pool {pool} overlaps {other} of {owner}. Pick a pool that overlaps neither the VNet nor any linked local network, such as 172.16.0.0/24."),
            TooManyDnsServers { vnet } => write!(f, "{vnet} already has 12 DNS servers, the most a virtual network can have. Remove one first."),
            DuplicateDnsServer { address, vnet } => write!(f, "{address} is already a DNS server of {vnet}."),
            AddressOutsideSubnet { address, subnet, prefix } => write!(f, "The address {address} is not inside the subnet {subnet} ({prefix}). Pick an address inside it."),
            AddressOutsideNetwork { address, network } => write!(f, "The address {address} is not inside the address space of {network}. Pick an address inside it."),
            AddressInUse { address, host } => write!(f, "The address {address} is already used by {host}. Pick a free address."),
            TierTooLow { plan, tier } => write!(f, "The plan {plan} is in the {tier} tier; VNet Integration needs Standard or Premium. Scale the plan up to Standard first."),
            TooManyVirtualNetworks { plan, in_use } => write!(f, "The plan {plan} already uses 5 virtual networks, the most a plan can use: {}. Connect to one of them, or disconnect every web app of the plan from one of them first.", join(in_use, ", ")),
            AlreadyConnected { app, vnet } => write!(f, "The web app {app} is already connected to {vnet}; a web app is connected to one virtual network at a time. Disconnect it from {vnet} first."),
            NotEligible { vnet, missing } => {
                write!(f, "{vnet} cannot be used for VNet Integration: {}.", join(missing, "; "))
            }
            StaticRoutingCannotEnablePointToSite { vnet } => write!(f, "Point-to-site cannot be enabled on {vnet}: its gateway uses Static routing, and point-to-site needs a Dynamic routing gateway. Delete the gateway and create a Dynamic one."),
            NoGateway { vnet } => write!(f, "{vnet} has no gateway. Create a Dynamic routing gateway first."),
            GatewayExists { vnet } => write!(f, "{vnet} already has a gateway. Delete it first to create another."),
            PointToSiteAlreadyEnabled { vnet, pool } => write!(f, "Point-to-site is already enabled on {vnet} with the pool {pool}."),
            PointToSiteNotEnabled { vnet } => write!(f, "Point-to-site is not enabled on {vnet}. Enable it on the VNet's point-to-site tab first."),
            VirtualMachineCannotMove { vm } => write!(f, "The virtual machine {vm} cannot move: a virtual machine joins a virtual network only when it is created. Create a new virtual machine in the other network instead."),
            NotConnected { app } => write!(f, "The web app {app} is not connected to a virtual network. Connect it from its Virtual network tile."),
            CertificateNotOnNetwork { thumbprint, vnet } => write!(f, "No certificate with thumbprint {thumbprint} is uploaded to {vnet}."),
            AlreadyLinked { vnet, local_network } => write!(f, "{vnet} is already linked to {local_network}."),
            NotLinked { vnet, local_network } => write!(f, "{vnet} has no site-to-site connection to {local_network}."),
            RouteExists { prefix, local_network } => write!(f, "{local_network} already routes {prefix} through the tunnel."),
            NoSuchRoute { prefix, local_network } => write!(f, "{local_network} has no route for “{prefix}”."),
            PortAlreadyOpen { rule, host } => write!(f, "{rule} is already open on {host}."),
            PortNotOpen { rule, host } => write!(f, "{rule} is not open on {host}."),
            InvalidPort { text } => write!(f, "“{text}” is not a port: write a number from 1 to 65535."),
            InvalidEndpoint { text } => write!(f, "“{text}” is not an endpoint: write host:port, such as sql.contoso.com:1433."),
            HybridConnectionLimit { limit, tier, lifted_by } => match lifted_by {
                Some(family) => write!(f, "The {tier} tier allows {limit}, and that limit is reached. Scale the plan to {family} for more."),
                None => write!(f, "The {tier} tier allows {limit}, and that limit is reached. Remove one first."),
            },
            NotAWindowsServer { server } => write!(f, "{server} is not a Windows Server; the Hybrid Connection Manager runs only on Windows Server. Pick a Windows Server that can reach the endpoint."),
            NoRelayAgent { connection } => write!(f, "The Hybrid Connection {connection} has no relay agent. Install the Hybrid Connection Manager first."),
            StillInUse { what, by } => write!(f, "{what} is still used by {}. Remove those first.", join(by, ", ")),
            NotADnsServer { vm } => write!(f, "{vm} is not a DNS server, so it has no records."),
            ClockBackwards => write!(f, "The simulated clock only moves forward. Give a positive number of seconds."),
            ClockNotLater { to, now } => write!(f, "The simulated clock only moves forward: {to} is not after the simulated now, {now}. Give a later date and time."),
            ClockPastEnd => write!(f, "The simulated clock cannot go past {LATEST}, the end of its calendar. Move it by a smaller step."),
            BadDateTime { text, problem } => write!(f, "“{text}” cannot be read as a date and time: {problem}. Write it as YYYY-MM-DD HH:MM in UTC, for example 2023-02-22 09:00."),
            CertificateNotIssued { subject, reason } => write!(f, "No certificate could be issued for {subject}: {reason}."),
            InvalidSpeed => write!(f, "The clock speed must be from 1× to 3600×."),
            RegionalTierTooLow { plan, tier } => write!(f, "The plan {plan} is in the {tier} tier; regional VNet Integration needs Basic, Standard or Premium. Scale the plan up to Basic or higher first."),
            RegionMismatch { vnet, vnet_region, plan, plan_region } => write!(f, "{vnet} is in {vnet_region}, but the plan {plan} is in {plan_region}; regional VNet Integration needs a virtual network in the plan's region. Integrate with a VNet in {plan_region} that is peered to {vnet}, or use gateway-required VNet Integration to reach {vnet}."),
            SubnetNotEligible { subnet, vnet, problems } => write!(f, "The subnet {subnet} of {vnet} cannot be used for regional VNet Integration: {}. Pick an eligible subnet or create a new one.", join(problems, "; ")),
            NoSuchSubnet { subnet, vnet, subnets } if subnets.is_empty() => write!(f, "{vnet} has no subnet named “{subnet}”, and no subnets at all. Create one first."),
            NoSuchSubnet { subnet, vnet, subnets } => write!(f, "{vnet} has no subnet named “{subnet}”. Pick one of {}.", join(subnets, ", ")),
            IntegrationSubnetInUse { what, apps } => write!(f, "{what} is used by the regional VNet Integration of {} (a service association link holds it). Disconnect those web apps first.", join(apps, ", ")),
            ScaleOutBeyondCapacity { plan, instances, subnet, prefix, capacity, needed, holding } => write!(f, "The plan {plan} cannot scale out to {instances} instances: its integration subnet {subnet} ({prefix}) has {capacity} usable addresses (Azure reserves 5), and it would need {needed}.{} Integrate the plan's apps with a larger subnet first.", holding_hint(holding)),
            TierChangeBeyondCapacity { plan, subnet, prefix, capacity, needed, holding } => write!(f, "The plan {plan} cannot change its tier: while a tier change runs, its instances need twice their addresses ({needed} in all), and its integration subnet {subnet} ({prefix}) has {capacity} usable addresses.{} Scale in first, or integrate the plan's apps with a larger subnet.", holding_hint(holding)),
            InvalidInstanceCount { instances } => write!(f, "A plan runs from 1 to 30 instances, not {instances}."),
            AlreadyDelegated { subnet } => write!(f, "The subnet {subnet} is already delegated to Microsoft.Web/serverFarms."),
            NotDelegated { subnet } => write!(f, "The subnet {subnet} is not delegated."),
            PeeringToItself { vnet } => write!(f, "{vnet} cannot be peered with itself. Pick another virtual network."),
            AlreadyPeered { vnet, remote } => write!(f, "{vnet} is already peered with {remote}."),
            NotPeered { vnet, remote } => write!(f, "{vnet} is not peered with {remote}."),
            RuleField(error) => write!(f, "{error}."),
            DuplicatePriority { priority, rule, nsg } => write!(f, "The rule {rule} of {nsg} already has priority {priority} in this direction. Pick another priority from 100 to 4096."),
            OtherRegion { resource, region, vnet, vnet_region } => write!(f, "{resource} is in {region} and {vnet} in {vnet_region}; it can serve only subnets of its own region. Create one in {vnet_region}."),
            NoApplianceAddress { route } => write!(f, "The route {route} sends traffic to a virtual appliance, so it needs the appliance's IP address, such as 10.3.0.4."),
            NotPublic { what, address } => write!(f, "{address} is a private (RFC 1918) address; {what} needs a public address, such as 20.61.15.7."),
            NotPrivate { what, address } => write!(f, "{address} is not a private (RFC 1918) address; {what} needs one inside the subnet."),
            InvalidDnsName { text } => write!(f, "“{text}” is not a DNS name: write labels of letters, digits and hyphens separated by dots, such as contoso-sql.database.windows.net."),
            DelegatedSubnet { subnet } => write!(f, "The subnet {subnet} is delegated to Microsoft.Web/serverFarms, so it holds only App Service integrations. Pick another subnet."),
            AlreadyLinkedZone { zone, vnet } => write!(f, "The private DNS zone {zone} is already linked to {vnet}."),
            ZoneNotLinked { zone, vnet } => write!(f, "The private DNS zone {zone} is not linked to {vnet}."),
            DuplicateRecord { name, zone } => write!(f, "The zone {zone} already has a record named {name}. Remove it first to change its address."),
            NotGatewayRequired { app } => write!(f, "The web app {app} does not use gateway-required VNet Integration, so there is nothing to migrate."),
            MigrationBlocked { app, reason } => write!(f, "The web app {app} cannot move yet: {reason}"),
            NotRegional { app } => write!(f, "The web app {app} has no regional VNet Integration, and Route All applies only to it. Connect the web app by regional integration first."),
        }
    }
}

impl std::error::Error for CommandError {}
