//! `Microsoft.Web/sites/hybridConnectionNamespaces/relays` with
//! `Microsoft.Relay/namespaces/hybridConnections`: the endpoint `host:port` is the relay's
//! `userMetadata` (`[{"key":"endpoint","value":"host:port"}]`), or the site relay's own
//! `hostname` and `port`.

use serde_json::Value;

use super::Mapper;
use crate::exchange::arm::import::props::{at, text};
use crate::model::Command;

impl Mapper<'_> {
    pub(super) fn relays(&mut self) -> Result<(), String> {
        for relay in self
            .of_type("Microsoft.Web/sites/hybridConnectionNamespaces/relays")
            .collect::<Vec<_>>()
        {
            let mut parts = relay.name.split('/');
            let (site, name) = (
                parts.next().unwrap_or_default(),
                parts.nth(1).unwrap_or_default(),
            );
            let Some(app) = self.web_app_id(site) else {
                let absent = self.absent("Microsoft.Web/sites", site);
                self.skip(relay, format!("its web app {site} {absent}"));
                continue;
            };
            let from_metadata = self
                .of_type("Microsoft.Relay/namespaces/hybridConnections")
                .find(|h| {
                    h.name
                        .rsplit('/')
                        .next()
                        .is_some_and(|n| n.eq_ignore_ascii_case(name))
                })
                .and_then(|h| text(&h.body, "properties.userMetadata"))
                .and_then(|m| serde_json::from_str::<Value>(m).ok())
                .and_then(|m| {
                    m.as_array()?
                        .iter()
                        .find(|e| text(e, "key") == Some("endpoint"))
                        .and_then(|e| text(e, "value"))
                        .map(str::to_string)
                });
            let host = text(&relay.body, "properties.hostname");
            let port = at(&relay.body, "properties.port")
                .map(|p| p.as_str().map_or_else(|| p.to_string(), str::to_string));
            let endpoint = from_metadata.or_else(|| Some(format!("{}:{}", host?, port?)));
            let Some(endpoint) = endpoint.filter(|e| !e.contains('⟨')) else {
                self.skip(relay, "its endpoint (properties.hostname and port, or the hybrid connection's userMetadata) is known only at deployment");
                continue;
            };
            self.run(
                relay,
                "properties.hostname",
                Command::AddHybridConnection {
                    app,
                    name: name.to_string(),
                    endpoint,
                },
            )?;
            self.created("Hybrid Connection");
        }
        Ok(())
    }
}
