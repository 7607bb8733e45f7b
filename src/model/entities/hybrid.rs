//! Hybrid Connections: one host:port over TCP through a relay agent (R23).

use serde::{Deserialize, Serialize};

use crate::model::entities::ids::{HybridConnectionId, LocalNetworkId, ServerId, WebAppId};

/// The Hybrid Connection Manager, installed on an on-premises Windows Server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelayAgent {
    pub local_network: LocalNetworkId,
    pub server: ServerId,
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub running: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HybridConnection {
    pub id: HybridConnectionId,
    pub name: String,
    pub app: WebAppId,
    /// The endpoint's host name (or address) as the app uses it: traffic is matched by it.
    pub host: String,
    pub port: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<RelayAgent>,
}

impl HybridConnection {
    pub fn endpoint(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }
}
