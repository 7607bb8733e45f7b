//! Every change to a subscription is one of these commands (SPEC §2). Free text fields carry
//! what the user typed, so an error can quote it.

use serde::{Deserialize, Serialize};

use crate::model::entities::host::{PortRule, Role};
use crate::model::entities::ids::{
    HybridConnectionId, LocalNetworkId, PlanId, ServerId, VmId, VnetId, WebAppId,
};
use crate::model::entities::network::Routing;
use crate::model::entities::region::Region;
use crate::model::entities::tier::Tier;

/// A host a firewall command acts on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HostRef {
    VirtualMachine(VnetId, VmId),
    Server(LocalNetworkId, ServerId),
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

    AdvanceClock {
        seconds: i64,
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
}

/// What a successful command did, for the activity log and notifications.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub summary: String,
    /// Long operations that finished because of this command (a clock advance).
    pub finished: Vec<String>,
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
