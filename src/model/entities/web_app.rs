//! App Service plans, web apps and their VNet connections.

use std::net::Ipv4Addr;

use serde::{Deserialize, Serialize};

use crate::model::entities::ids::{LocalNetworkId, PlanId, VnetId, WebAppId};
use crate::model::entities::region::Region;
use crate::model::entities::tier::Tier;

/// How many distinct virtual networks one plan's web apps may use together (R3).
pub const MAX_VNETS_PER_PLAN: usize = 5;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub id: PlanId,
    pub name: String,
    pub tier: Tier,
    /// Documents saved before regions existed load as West Europe.
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub region: Region,
    /// How many instances the plan runs (1–30); each uses one address of an integration
    /// subnet (R28).
    #[serde(default = "one_instance", skip_serializing_if = "is_one_instance")]
    pub instances: u8,
}

/// The most instances a plan can run.
pub const MAX_INSTANCES: u8 = 30;

fn one_instance() -> u8 {
    1
}

fn is_one_instance(instances: &u8) -> bool {
    *instances == one_instance()
}

/// What a web app took from the VNet when it last synced (R14).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Synced {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dns_servers: Vec<Ipv4Addr>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub site_to_site: Vec<LocalNetworkId>,
}

/// A web app's point-to-site connection to a VNet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VnetConnection {
    pub vnet: VnetId,
    /// The certificate the app authenticates with.
    pub thumbprint: String,
    pub synced: Synced,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebApp {
    pub id: WebAppId,
    pub name: String,
    pub plan: PlanId,
    /// Gateway-required integration (the 2015 kind, over point-to-site).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection: Option<VnetConnection>,
    /// Regional integration; never set together with `connection`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regional: Option<RegionalIntegration>,
    /// The `WEBSITE_DNS_SERVER` app setting: the DNS server the app asks first (R32).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dns_server: Option<Ipv4Addr>,
}

/// A web app's regional VNet Integration: its plan's instances take addresses in a delegated
/// subnet of a VNet in the plan's region (SPEC §9).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionalIntegration {
    pub vnet: VnetId,
    /// The integration subnet, by name.
    pub subnet: String,
    /// R29: all outbound traffic enters the VNet, not only RFC 1918 destinations.
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub route_all: bool,
}

/// Which integration a web app uses, if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Integration<'a> {
    GatewayRequired(&'a VnetConnection),
    Regional(&'a RegionalIntegration),
}

impl WebApp {
    pub fn integration(&self) -> Option<Integration<'_>> {
        match (&self.connection, &self.regional) {
            (Some(connection), _) => Some(Integration::GatewayRequired(connection)),
            (None, Some(regional)) => Some(Integration::Regional(regional)),
            (None, None) => None,
        }
    }

    /// The VNet the web app is integrated with, of either kind.
    pub fn integrated_vnet(&self) -> Option<VnetId> {
        match self.integration()? {
            Integration::GatewayRequired(connection) => Some(connection.vnet),
            Integration::Regional(regional) => Some(regional.vnet),
        }
    }

    pub fn host_name(&self) -> String {
        format!("{}.azurewebsites.net", self.name)
    }
}
