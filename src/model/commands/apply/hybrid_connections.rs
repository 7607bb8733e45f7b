//! `Microsoft.Relay/namespaces/hybridConnections` on a web app, and the relay agent that
//! serves one from a local network (R15–R18).

use super::lookup::resource_name;
use crate::model::command::Event;
use crate::model::commands::error::CommandError;
use crate::model::entities::hybrid::{HybridConnection, RelayAgent};
use crate::model::entities::ids::{HybridConnectionId, LocalNetworkId, ServerId, WebAppId};
use crate::model::entities::subscription::Subscription;
use crate::model::entities::tier::{HybridConnectionLimit, TierFamily};

impl Subscription {
    pub(super) fn add_hybrid_connection(
        &mut self,
        app: WebAppId,
        name: String,
        endpoint: &str,
    ) -> Result<Event, CommandError> {
        let web_app = self.app(app)?;
        let tier = self.plan(web_app.plan)?.tier;
        let name = resource_name(
            "Hybrid Connection",
            &name,
            self.hybrid_connections
                .values()
                .filter(|h| h.app == app)
                .map(|h| h.name.as_str()),
        )?;
        let (host, port) = parse_endpoint(endpoint)?;
        let limit = tier.hybrid_connection_limit();
        let count = match limit {
            HybridConnectionLimit::None => 0,
            HybridConnectionLimit::PerPlan(_) => self
                .hybrid_connections
                .values()
                .filter(|h| {
                    self.web_apps
                        .get(&h.app)
                        .is_some_and(|a| a.plan == web_app.plan)
                })
                .count(),
            HybridConnectionLimit::PerApp(_) => self
                .hybrid_connections
                .values()
                .filter(|h| h.app == app)
                .count(),
        };
        let allowed = match limit {
            HybridConnectionLimit::None => 0,
            HybridConnectionLimit::PerPlan(n) | HybridConnectionLimit::PerApp(n) => n,
        };
        if count >= allowed {
            let lifted_by = match tier.family() {
                TierFamily::Free | TierFamily::Shared => Some(TierFamily::Basic),
                TierFamily::Basic => Some(TierFamily::Standard),
                TierFamily::Standard => Some(TierFamily::Premium),
                TierFamily::Premium => None,
            };
            return Err(CommandError::HybridConnectionLimit {
                limit,
                tier,
                lifted_by,
            });
        }
        let event = Event::new(format!(
            "Added the Hybrid Connection {name} to {host}:{port} for {}",
            web_app.name
        ));
        let id = HybridConnectionId(self.allocate_id());
        self.hybrid_connections.insert(
            id,
            HybridConnection {
                id,
                name,
                app,
                host,
                port,
                agent: None,
            },
        );
        Ok(event)
    }

    pub(super) fn delete_hybrid_connection(
        &mut self,
        id: HybridConnectionId,
    ) -> Result<Event, CommandError> {
        let name = self.hybrid(id)?.name.clone();
        self.hybrid_connections.remove(&id);
        Ok(Event::new(format!("Deleted the Hybrid Connection {name}")))
    }

    /// The Hybrid Connection Manager runs only on a Windows Server.
    pub(super) fn install_relay_agent(
        &mut self,
        id: HybridConnectionId,
        local: LocalNetworkId,
        server: ServerId,
    ) -> Result<Event, CommandError> {
        self.hybrid(id)?;
        let network = self.local(local)?;
        let host = &network
            .servers
            .iter()
            .find(|entry| entry.id == server)
            .ok_or_else(|| CommandError::NotFound {
                kind: "server",
                id: server.to_string(),
            })?
            .host;
        if !host.runs_windows_server() {
            return Err(CommandError::NotAWindowsServer {
                server: host.name.clone(),
            });
        }
        let host_name = host.name.clone();
        let hybrid = self.hybrid_mut(id)?;
        hybrid.agent = Some(RelayAgent {
            local_network: local,
            server,
            running: true,
        });
        Ok(Event::new(format!(
            "Installed the Hybrid Connection Manager for {} on {host_name}; it connects out on port 443",
            hybrid.name
        )))
    }

    pub(super) fn set_relay_agent_running(
        &mut self,
        id: HybridConnectionId,
        running: bool,
    ) -> Result<Event, CommandError> {
        let hybrid = self.hybrid_mut(id)?;
        let Some(agent) = &mut hybrid.agent else {
            return Err(CommandError::NoRelayAgent {
                connection: hybrid.name.clone(),
            });
        };
        agent.running = running;
        let verb = if running { "Started" } else { "Stopped" };
        Ok(Event::new(format!(
            "{verb} the relay agent of {}",
            hybrid.name
        )))
    }
}

/// `host:port`, with a port from 1 to 65535.
pub fn parse_endpoint(text: &str) -> Result<(String, u16), CommandError> {
    let text = text.trim();
    let invalid = || CommandError::InvalidEndpoint {
        text: text.to_string(),
    };
    let (host, port) = text.rsplit_once(':').ok_or_else(invalid)?;
    if host.is_empty() || host.contains(|c: char| c.is_whitespace() || c == '/' || c == ':') {
        return Err(invalid());
    }
    let port: u16 =
        port.parse()
            .ok()
            .filter(|port| *port > 0)
            .ok_or_else(|| CommandError::InvalidPort {
                text: port.to_string(),
            })?;
    Ok((host.to_ascii_lowercase(), port))
}
