//! Every change to a subscription is one of these commands (SPEC §2). Free text fields carry
//! what the user typed, so an error can quote it.

use serde::{Deserialize, Serialize};

use crate::model::entities::clock::Step;
use crate::model::entities::host::{PortRule, Role};
use crate::model::entities::ids::{
    HybridConnectionId, InternetHostId, LocalNetworkId, NatGatewayId, NsgId, PlanId,
    PrivateDnsZoneId, PrivateEndpointId, RouteTableId, ServerId, VmId, VnetId, WebAppId,
};
use crate::model::entities::network::Routing;
use crate::model::entities::region::Region;
use crate::model::entities::routing::UnreadRoute;
use crate::model::entities::security::{Access, Direction, RuleProtocol, UnreadRule};
use crate::model::entities::subscription::Activity;
use crate::model::entities::tier::Tier;

/// A host a firewall command acts on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HostRef {
    VirtualMachine(VnetId, VmId),
    Server(LocalNetworkId, ServerId),
    PrivateEndpoint(PrivateEndpointId),
    InternetHost(InternetHostId),
}

/// A network security rule as typed in the portal's form; the typed parts are parsed strictly.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecurityRuleInput {
    pub name: String,
    /// 100 to 4096.
    pub priority: String,
    pub direction: Direction,
    pub access: Access,
    pub protocol: RuleProtocol,
    /// A CIDR prefix, an address, `VirtualNetwork`, `Internet` or `Any` (`*`).
    pub destination: String,
    /// A port, a range as `1000-2000`, or `Any` (`*`).
    pub ports: String,
}

/// Where a rule moves in its direction's evaluation order (R30).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Toward {
    /// Evaluated sooner: it takes the priority of the rule before it.
    Earlier,
    /// Evaluated later: it takes the priority of the rule after it.
    Later,
}

/// The kind of a route's next hop, as the portal's form offers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NextHopKind {
    VirtualAppliance,
    VirtualNetworkGateway,
    Internet,
    None,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Command {
    CreatePlan {
        name: String,
        tier: Tier,
        region: Region,
    },
    DeletePlan {
        plan: PlanId,
    },
    /// R2, R5: scaling below Standard disables VNet connections; scaling back restores them.
    ScalePlan {
        plan: PlanId,
        tier: Tier,
    },
    /// R28: the plan's instance count, 1 to 30.
    ScaleOutPlan {
        plan: PlanId,
        instances: u8,
    },

    CreateWebApp {
        name: String,
        plan: PlanId,
    },
    DeleteWebApp {
        app: WebAppId,
    },

    /// `address_space` and `dns_servers` as typed: lists separated by commas or spaces.
    CreateVirtualNetwork {
        name: String,
        region: Region,
        address_space: String,
        dns_servers: String,
    },
    DeleteVirtualNetwork {
        vnet: VnetId,
    },
    AddSubnet {
        vnet: VnetId,
        name: String,
        prefix: String,
    },
    /// R27: refused while an integration uses the subnet.
    DeleteSubnet {
        vnet: VnetId,
        subnet: String,
    },
    /// R26: delegates the subnet to Microsoft.Web/serverFarms.
    DelegateSubnet {
        vnet: VnetId,
        subnet: String,
    },
    /// Refused while an integration uses the subnet.
    RemoveSubnetDelegation {
        vnet: VnetId,
        subnet: String,
    },
    /// R33: peers two VNets (both sides), in the same region or across regions.
    PeerVirtualNetworks {
        vnet: VnetId,
        remote: VnetId,
    },
    RemovePeering {
        vnet: VnetId,
        remote: VnetId,
    },
    AddDnsServer {
        vnet: VnetId,
        address: String,
    },
    RemoveDnsServer {
        vnet: VnetId,
        address: String,
    },
    /// Starts provisioning a gateway (30 simulated minutes).
    CreateGateway {
        vnet: VnetId,
        routing: Routing,
    },
    DeleteGateway {
        vnet: VnetId,
    },
    EnablePointToSite {
        vnet: VnetId,
        pool: String,
    },
    DisablePointToSite {
        vnet: VnetId,
    },
    LinkSiteToSite {
        vnet: VnetId,
        local_network: LocalNetworkId,
    },
    UnlinkSiteToSite {
        vnet: VnetId,
        local_network: LocalNetworkId,
    },
    /// A VM joins a VNet only here, at creation (R10). `host_names` separated by commas or spaces.
    CreateVirtualMachine {
        vnet: VnetId,
        subnet: String,
        name: String,
        address: String,
        host_names: String,
        role: Option<Role>,
    },
    /// Always refused (R10); kept so the lab can show why.
    MoveVirtualMachine {
        vnet: VnetId,
        vm: VmId,
        to: VnetId,
    },
    DeleteVirtualMachine {
        vnet: VnetId,
        vm: VmId,
    },
    OpenPort {
        host: HostRef,
        rule: PortRule,
    },
    ClosePort {
        host: HostRef,
        rule: PortRule,
    },
    AddDnsRecord {
        vnet: VnetId,
        vm: VmId,
        name: String,
        address: String,
    },

    CreateLocalNetwork {
        name: String,
        address_space: String,
        vpn_device: String,
    },
    DeleteLocalNetwork {
        local_network: LocalNetworkId,
    },
    AddServer {
        local_network: LocalNetworkId,
        name: String,
        address: String,
        host_names: String,
        role: Option<Role>,
    },
    /// A route on the on-premises routers: `prefix` back through the VPN tunnel (R21).
    AddRoute {
        local_network: LocalNetworkId,
        prefix: String,
    },
    RemoveRoute {
        local_network: LocalNetworkId,
        prefix: String,
    },

    ConnectWebApp {
        app: WebAppId,
        vnet: VnetId,
    },
    /// R25–R28: regional integration with an existing subnet of a VNet in the plan's region.
    ConnectRegional {
        app: WebAppId,
        vnet: VnetId,
        subnet: String,
        route_all: bool,
    },
    /// The portal's "new subnet" in the regional flow: adds the subnet, then connects to it.
    ConnectRegionalToNewSubnet {
        app: WebAppId,
        vnet: VnetId,
        subnet: String,
        prefix: String,
        route_all: bool,
    },
    /// R35, R36: runs the web app's migration plan, all or nothing, as one activity.
    MigrateToRegional {
        app: WebAppId,
    },
    /// R29
    SetRouteAll {
        app: WebAppId,
        enabled: bool,
    },
    /// Removes the web app's integration, of either kind.
    DisconnectWebApp {
        app: WebAppId,
    },
    /// R9: a new VNet with a Dynamic gateway and point-to-site, connected when it is ready.
    CreateVirtualNetworkAndConnect {
        app: WebAppId,
        name: String,
        address_space: String,
        dns_servers: String,
    },
    /// R13, R14: re-upload or renew the certificate and take the VNet's DNS and links again.
    SyncConnection {
        app: WebAppId,
    },
    DeleteCertificate {
        vnet: VnetId,
        thumbprint: String,
    },
    RevokeCertificate {
        vnet: VnetId,
        thumbprint: String,
    },

    /// The clock's own tick and a progress bar's fast-forward: not logged, only what finishes.
    AdvanceClock {
        seconds: i64,
    },
    /// The time controls (SPEC §5): a person moves the clock on; logged.
    MoveClock {
        to: ClockTarget,
    },
    SetClockSpeed {
        speed: u32,
    },

    AddHybridConnection {
        app: WebAppId,
        name: String,
        endpoint: String,
    },
    DeleteHybridConnection {
        connection: HybridConnectionId,
    },
    InstallRelayAgent {
        connection: HybridConnectionId,
        local_network: LocalNetworkId,
        server: ServerId,
    },
    SetRelayAgentRunning {
        connection: HybridConnectionId,
        running: bool,
    },

    CreateNetworkSecurityGroup {
        name: String,
        region: Region,
    },
    DeleteNetworkSecurityGroup {
        nsg: NsgId,
    },
    /// Adds a rule, or replaces the rule named `replacing` (an edit, or a new priority).
    SetSecurityRule {
        nsg: NsgId,
        rule: SecurityRuleInput,
        replacing: Option<String>,
    },
    /// Removes a rule, or a noted unread one, by name.
    RemoveSecurityRule {
        nsg: NsgId,
        name: String,
    },
    /// R39: a rule of an imported template that the lab's rules cannot hold.
    NoteUnreadRule {
        nsg: NsgId,
        rule: UnreadRule,
    },
    /// Swaps the rule's priority with its neighbour's in evaluation order, both at once.
    MoveSecurityRule {
        nsg: NsgId,
        name: String,
        toward: Toward,
    },
    /// `None` dissociates.
    AssociateNetworkSecurityGroup {
        vnet: VnetId,
        subnet: String,
        nsg: Option<NsgId>,
    },
    CreateRouteTable {
        name: String,
        region: Region,
    },
    DeleteRouteTable {
        route_table: RouteTableId,
    },
    /// Adds a route, or replaces the route named `replacing`. `appliance` is the next hop's
    /// address for a virtual appliance, as typed.
    SetUserRoute {
        route_table: RouteTableId,
        name: String,
        prefix: String,
        next_hop: NextHopKind,
        appliance: String,
        replacing: Option<String>,
    },
    /// Removes a route, or a noted unread one, by name.
    RemoveUserRoute {
        route_table: RouteTableId,
        name: String,
    },
    /// R39: a route of an imported template whose next hop the lab cannot know.
    NoteUnreadRoute {
        route_table: RouteTableId,
        route: UnreadRoute,
    },
    AssociateRouteTable {
        vnet: VnetId,
        subnet: String,
        route_table: Option<RouteTableId>,
    },
    CreateNatGateway {
        name: String,
        region: Region,
        public_ip: String,
    },
    DeleteNatGateway {
        nat_gateway: NatGatewayId,
    },
    AssociateNatGateway {
        vnet: VnetId,
        subnet: String,
        nat_gateway: Option<NatGatewayId>,
    },
    /// A public service web apps call; its ports are opened with `OpenPort`.
    CreateInternetHost {
        name: String,
        address: String,
    },
    DeleteInternetHost {
        host: InternetHostId,
    },
    /// `target` is the service's name, as `contoso-sql.database.windows.net`.
    CreatePrivateEndpoint {
        vnet: VnetId,
        subnet: String,
        target: String,
        address: String,
        public_address: String,
    },
    DeletePrivateEndpoint {
        endpoint: PrivateEndpointId,
    },
    CreatePrivateDnsZone {
        name: String,
    },
    DeletePrivateDnsZone {
        zone: PrivateDnsZoneId,
    },
    AddZoneRecord {
        zone: PrivateDnsZoneId,
        name: String,
        address: String,
    },
    RemoveZoneRecord {
        zone: PrivateDnsZoneId,
        name: String,
    },
    LinkPrivateDnsZone {
        zone: PrivateDnsZoneId,
        vnet: VnetId,
    },
    UnlinkPrivateDnsZone {
        zone: PrivateDnsZoneId,
        vnet: VnetId,
    },
    /// The `WEBSITE_DNS_SERVER` app setting; empty text removes it (R32).
    SetDnsServerSetting {
        app: WebAppId,
        address: String,
    },
}

/// Where the time controls move the clock to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClockTarget {
    /// On by a step: an hour, a day, 30 days, a year.
    By(Step),
    /// To a date and time in UTC as typed, such as `2023-02-22 09:00`.
    At(String),
    /// To `days` before the certificate with this thumbprint expires: a way to rehearse R13.
    BeforeExpiry { thumbprint: String, days: u32 },
    /// On by `seconds`: the fast-forward to the end of an operation in progress.
    Ahead { seconds: i64 },
}

/// What a successful command did, for the activity log and notifications.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub summary: String,
    /// Long operations that finished because of this command (a clock advance), each at the
    /// simulated time it finished.
    pub finished: Vec<Activity>,
    /// Allowed, but with a consequence to know (R28: a later tier change will be refused).
    #[serde(default)]
    pub warnings: Vec<String>,
}

impl Event {
    pub fn new(summary: impl Into<String>) -> Event {
        Event {
            summary: summary.into(),
            finished: Vec::new(),
            warnings: Vec::new(),
        }
    }
}
