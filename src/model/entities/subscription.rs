//! The whole state of the lab: one Azure subscription and the simulated clock.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::entities::certificate::Certificate;
use crate::model::entities::clock::{Clock, Instant, DEFAULT_SPEED};
use crate::model::entities::hybrid::HybridConnection;
use crate::model::entities::ids::{
    HybridConnectionId, InternetHostId, LocalNetworkId, NatGatewayId, NsgId, PlanId,
    PrivateDnsZoneId, PrivateEndpointId, RouteTableId, VnetId, WebAppId,
};
use crate::model::entities::local_network::LocalNetwork;
use crate::model::entities::network::VirtualNetwork;
use crate::model::entities::private_dns::{InternetHost, PrivateDnsZone, PrivateEndpoint};
use crate::model::entities::routing::{NatGateway, RouteTable};
use crate::model::entities::security::NetworkSecurityGroup;
use crate::model::entities::web_app::{Plan, WebApp};

/// A certificate issued for the web apps' connections to one VNet (R12).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedCertificate {
    pub vnet: VnetId,
    pub certificate: Certificate,
}

/// One line of the activity log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub at: Instant,
    pub text: String,
    /// The Azure CLI equivalent of the command (R42), written when it was applied: the names it
    /// uses may be gone later. Entries saved before it, and what finished on its own, have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub az: Option<CliEquivalent>,
}

/// What a command would be in Azure's own CLI (R42).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CliEquivalent {
    /// The `az` commands, one a line, each value quoted for a POSIX shell.
    Commands(String),
    /// Why there is none (the simulated clock, what runs on a host rather than in Azure).
    None(String),
}

/// The subscription. Fields are public to read; every change goes through
/// [`Subscription::apply`], so the rules always hold.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Subscription {
    pub clock: Clock,
    pub plans: BTreeMap<PlanId, Plan>,
    pub web_apps: BTreeMap<WebAppId, WebApp>,
    pub virtual_networks: BTreeMap<VnetId, VirtualNetwork>,
    pub local_networks: BTreeMap<LocalNetworkId, LocalNetwork>,
    pub hybrid_connections: BTreeMap<HybridConnectionId, HybridConnection>,
    /// The network controls of SPEC §9; documents saved before them load empty.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub network_security_groups: BTreeMap<NsgId, NetworkSecurityGroup>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub route_tables: BTreeMap<RouteTableId, RouteTable>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub nat_gateways: BTreeMap<NatGatewayId, NatGateway>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub private_dns_zones: BTreeMap<PrivateDnsZoneId, PrivateDnsZone>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub private_endpoints: BTreeMap<PrivateEndpointId, PrivateEndpoint>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub internet_hosts: BTreeMap<InternetHostId, InternetHost>,
    /// Every certificate issued for web apps, newest last; the private keys were never kept.
    pub certificates: Vec<IssuedCertificate>,
    pub activity: Vec<Activity>,
    /// The next id to hand out; ids are never reused.
    pub next_id: u32,
}

/// When the sample subscription's clock starts: the day the seed document was published.
pub const SAMPLE_START: Instant = Instant(1_427_187_600);

impl Subscription {
    /// A subscription with nothing in it.
    pub fn empty() -> Subscription {
        Subscription {
            clock: Clock {
                now: SAMPLE_START,
                speed: DEFAULT_SPEED,
            },
            plans: BTreeMap::new(),
            web_apps: BTreeMap::new(),
            virtual_networks: BTreeMap::new(),
            local_networks: BTreeMap::new(),
            hybrid_connections: BTreeMap::new(),
            network_security_groups: BTreeMap::new(),
            route_tables: BTreeMap::new(),
            nat_gateways: BTreeMap::new(),
            private_dns_zones: BTreeMap::new(),
            private_endpoints: BTreeMap::new(),
            internet_hosts: BTreeMap::new(),
            certificates: Vec::new(),
            activity: Vec::new(),
            next_id: 1,
        }
    }

    pub fn now(&self) -> Instant {
        self.clock.now
    }

    pub fn certificate(&self, thumbprint: &str) -> Option<&Certificate> {
        self.certificates
            .iter()
            .map(|issued| &issued.certificate)
            .find(|certificate| certificate.thumbprint == thumbprint)
    }

    /// The certificate new connections to `vnet` use: the newest issued for it.
    pub fn certificate_for(&self, vnet: VnetId) -> Option<&Certificate> {
        self.certificates
            .iter()
            .rev()
            .find(|issued| issued.vnet == vnet)
            .map(|issued| &issued.certificate)
    }

    pub fn plan_of(&self, app: &WebApp) -> Option<&Plan> {
        self.plans.get(&app.plan)
    }

    pub fn web_app_named(&self, name: &str) -> Option<&WebApp> {
        self.web_apps.values().find(|app| app.name == name)
    }

    pub fn vnet_named(&self, name: &str) -> Option<&VirtualNetwork> {
        self.virtual_networks
            .values()
            .find(|vnet| vnet.name == name)
    }

    pub fn local_network_named(&self, name: &str) -> Option<&LocalNetwork> {
        self.local_networks
            .values()
            .find(|local| local.name == name)
    }
}
