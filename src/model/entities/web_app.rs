//! App Service plans, web apps and their VNet connections.

use std::net::Ipv4Addr;

use serde::{Deserialize, Serialize};

use crate::model::entities::ids::{LocalNetworkId, PlanId, VnetId, WebAppId};
use crate::model::entities::tier::Tier;

/// How many distinct virtual networks one plan's web apps may use together (R3).
pub const MAX_VNETS_PER_PLAN: usize = 5;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub id: PlanId,
    pub name: String,
    pub tier: Tier,
}

/// What a web app took from the VNet when it last synced (R14).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Synced {
    pub dns_servers: Vec<Ipv4Addr>,
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
    pub connection: Option<VnetConnection>,
}

impl WebApp {
    pub fn host_name(&self) -> String {
        format!("{}.azurewebsites.net", self.name)
    }
}
