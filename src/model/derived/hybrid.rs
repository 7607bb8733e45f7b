//! What a Hybrid Connection would do for a target (R23), beside the VNet answer (R24): derived
//! from the subscription, so it lives here rather than beside the entity.

use crate::model::entities::host::Protocol;
use crate::model::entities::ids::WebAppId;
use crate::model::entities::subscription::Subscription;
use crate::model::entities::tier::{HybridConnectionLimit, Tier};

/// What a Hybrid Connection would do for a target (R23), beside the VNet answer (R24).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HybridAnswer<'a> {
    Reaches {
        connection: &'a str,
        agent_host: &'a str,
    },
    /// Hybrid Connections carry TCP only.
    NotTcp,
    /// The plan's tier allows none (Free, Shared).
    TierAllowsNone {
        tier: Tier,
    },
    /// No Hybrid Connection of the app names this host:port (traffic is matched by host name).
    NoHybridConnection,
    NoRelayAgent {
        connection: &'a str,
    },
    AgentStopped {
        connection: &'a str,
    },
    AgentCannotReach {
        connection: &'a str,
        agent_host: &'a str,
    },
}

impl HybridAnswer<'_> {
    pub fn reaches(&self) -> bool {
        matches!(self, HybridAnswer::Reaches { .. })
    }
}

impl std::fmt::Display for HybridAnswer<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HybridAnswer::Reaches { connection, agent_host } => write!(f, "Reaches it through the Hybrid Connection {connection} (relay agent on {agent_host})."),
            HybridAnswer::NotTcp => write!(f, "Hybrid Connections carry TCP only."),
            HybridAnswer::TierAllowsNone { tier } => write!(f, "The {tier} tier allows no Hybrid Connections; Basic allows 5 per plan."),
            HybridAnswer::NoHybridConnection => write!(f, "No Hybrid Connection of the web app names this host and port; add one (by DNS name)."),
            HybridAnswer::NoRelayAgent { connection } => write!(f, "The Hybrid Connection {connection} has no relay agent: install the Hybrid Connection Manager on a Windows Server that can reach the endpoint."),
            HybridAnswer::AgentStopped { connection } => write!(f, "The relay agent of {connection} is not running: start it."),
            HybridAnswer::AgentCannotReach { connection, agent_host } => write!(f, "The relay agent of {connection} on {agent_host} cannot reach the endpoint: install it on a server in the endpoint's network."),
        }
    }
}

/// The Hybrid Connection answer for `app` to `host:port` over `protocol`.
pub fn hybrid_answer<'a>(
    subscription: &'a Subscription,
    app: WebAppId,
    host: &str,
    port: u16,
    protocol: Protocol,
) -> HybridAnswer<'a> {
    if protocol != Protocol::Tcp {
        return HybridAnswer::NotTcp;
    }
    if let Some(plan) = subscription
        .web_apps
        .get(&app)
        .and_then(|app| subscription.plan_of(app))
    {
        if plan.tier.hybrid_connection_limit() == HybridConnectionLimit::None {
            return HybridAnswer::TierAllowsNone { tier: plan.tier };
        }
    }
    let Some(connection) = subscription.hybrid_connections.values().find(|hybrid| {
        hybrid.app == app && hybrid.port == port && hybrid.host.eq_ignore_ascii_case(host)
    }) else {
        return HybridAnswer::NoHybridConnection;
    };
    let Some(agent) = &connection.agent else {
        return HybridAnswer::NoRelayAgent {
            connection: &connection.name,
        };
    };
    if !agent.running {
        return HybridAnswer::AgentStopped {
            connection: &connection.name,
        };
    }
    let Some(network) = subscription.local_networks.get(&agent.local_network) else {
        return HybridAnswer::NoRelayAgent {
            connection: &connection.name,
        };
    };
    let agent_host = network
        .servers
        .iter()
        .find(|server| server.id == agent.server)
        .map_or("the agent's host", |server| server.host.name.as_str());
    let reachable = network.servers.iter().any(|server| {
        (server.host.is_known_as(host) || host.parse() == Ok(server.host.address))
            && server.host.is_open(Protocol::Tcp, port)
    });
    if reachable {
        HybridAnswer::Reaches {
            connection: &connection.name,
            agent_host,
        }
    } else {
        HybridAnswer::AgentCannotReach {
            connection: &connection.name,
            agent_host,
        }
    }
}
