//! `metadata.vnetLab`, applied after the resources through the lab's own commands: the
//! on-premises servers and routes, the services' and internet hosts' ports, the relay agents,
//! and what only the saved state says (gateway times, what connections synced, R14). A name
//! the resources do not declare is refused with its JSON path.

use std::collections::BTreeMap;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;

use super::Mapper;
use crate::exchange::arm::import::props::{items, text};
use crate::exchange::arm::lab_metadata::{HostFacts, VnetLab};
use crate::exchange::names;
use crate::model::entities::certificate::Certificate;
use crate::model::entities::host::PortRule;
use crate::model::entities::ids::{LocalNetworkId, NsgId, RouteTableId};
use crate::model::entities::network::UploadedCertificate;
use crate::model::entities::subscription::IssuedCertificate;
use crate::model::{Command, HostRef};

const AT: &str = "metadata.vnetLab";

impl Mapper<'_> {
    pub(super) fn lab_facts(&mut self) -> Result<(), String> {
        let Some(facts) = self.facts else {
            return Ok(());
        };
        self.endpoint_services(facts)?;
        self.on_premises(facts)?;
        self.internet_hosts(facts)?;
        self.unread_rules(facts)?;
        self.unread_routes(facts)?;
        self.relay_agents(facts)?;
        self.gateway_times(facts)?;
        self.certificates(facts)?;
        self.synced(facts)
    }

    /// Applies a command the metadata asks for; a refusal names where it asked.
    fn apply_fact(&mut self, path: &str, command: Command) -> Result<(), String> {
        self.lab
            .apply_unguarded(command)
            .map(|_| ())
            .map_err(|error| format!("{AT}.{path}: {error}"))
    }

    fn open_ports(&mut self, path: &str, host: HostRef, ports: &[PortRule]) -> Result<(), String> {
        for (i, rule) in ports.iter().enumerate() {
            let command = Command::OpenPort { host, rule: *rule };
            self.apply_fact(&format!("{path}.openPorts[{i}]"), command)?;
        }
        Ok(())
    }

    fn unread_rules(&mut self, facts: &VnetLab) -> Result<(), String> {
        let groups: Vec<(String, NsgId)> = (self.lab.network_security_groups.values())
            .map(|nsg| (nsg.name.clone(), nsg.id))
            .collect();
        self.notes(
            "unreadRules",
            "network security group",
            &facts.unread_rules,
            &groups,
            |nsg, rule| Command::NoteUnreadRule { nsg, rule },
        )
    }

    fn unread_routes(&mut self, facts: &VnetLab) -> Result<(), String> {
        let tables: Vec<(String, RouteTableId)> = (self.lab.route_tables.values())
            .map(|table| (table.name.clone(), table.id))
            .collect();
        self.notes(
            "unreadRoutes",
            "route table",
            &facts.unread_routes,
            &tables,
            |route_table, route| Command::NoteUnreadRoute { route_table, route },
        )
    }

    /// What the metadata notes on a resource by name (`key.<name>[i]`), one command each.
    fn notes<Id: Copy, T: Clone>(
        &mut self,
        key: &str,
        kind: &str,
        noted: &BTreeMap<String, Vec<T>>,
        named: &[(String, Id)],
        note: impl Fn(Id, T) -> Command,
    ) -> Result<(), String> {
        for (name, items) in noted {
            let path = format!("{key}.{name}");
            let Some(&(_, id)) = named.iter().find(|(n, _)| n == name) else {
                return Err(format!(
                    "{AT}.{path}: the {kind} “{name}” is not in the template"
                ));
            };
            for (i, item) in items.iter().enumerate() {
                self.apply_fact(&format!("{path}[{i}]"), note(id, item.clone()))?;
            }
        }
        Ok(())
    }

    fn local_network(&self, path: &str, name: &str) -> Result<LocalNetworkId, String> {
        self.lab
            .local_network_named(name)
            .map(|local| local.id)
            .ok_or_else(|| {
                format!("{AT}.{path}: the local network gateway “{name}” is not in the template")
            })
    }

    /// Run before the gateways are created, which would keep the subnet in use.
    pub(super) fn drop_added_gateway_subnets(&mut self) -> Result<(), String> {
        let Some(facts) = self.facts else {
            return Ok(());
        };
        for (i, name) in facts.added_gateway_subnets.iter().enumerate() {
            let path = format!("addedGatewaySubnets[{i}]");
            let vnet = self.vnet_id(name).ok_or_else(|| {
                format!("{AT}.{path}: the virtual network “{name}” is not in the template")
            })?;
            let subnet = "GatewaySubnet".to_string();
            self.apply_fact(&path, Command::DeleteSubnet { vnet, subnet })?;
        }
        Ok(())
    }

    fn endpoint_services(&mut self, facts: &VnetLab) -> Result<(), String> {
        for (name, endpoint) in &facts.private_endpoints {
            let path = format!("privateEndpoints.{name}.service");
            let id = self
                .lab
                .private_endpoints
                .values()
                .find(|e| e.host.name == endpoint.service.name)
                .map(|e| e.id)
                .ok_or_else(|| {
                    format!(
                        "{AT}.{path}: no private endpoint in the template serves “{}”",
                        endpoint.service.name
                    )
                })?;
            self.open_ports(
                &path,
                HostRef::PrivateEndpoint(id),
                &endpoint.service.open_ports,
            )?;
            if let Some(e) = self.lab.private_endpoints.get_mut(&id) {
                // No command names a service's other host names or role: they are the saved state.
                e.host.host_names.clone_from(&endpoint.service.host_names);
                e.host.role.clone_from(&endpoint.service.role);
            }
        }
        Ok(())
    }

    fn on_premises(&mut self, facts: &VnetLab) -> Result<(), String> {
        for (name, network) in &facts.on_premises {
            let path = format!("onPremises.{name}");
            let local_network = self.local_network(&path, name)?;
            for (i, server) in network.servers.iter().enumerate() {
                let at = format!("{path}.servers[{i}]");
                self.apply_fact(
                    &at,
                    Command::AddServer {
                        local_network,
                        name: server.name.clone(),
                        address: server.address.to_string(),
                        host_names: server.host_names.join(","),
                        role: server.role.clone(),
                    },
                )?;
                let id = self
                    .lab
                    .local_networks
                    .get(&local_network)
                    .and_then(|local| local.servers.last())
                    .map(|s| s.id);
                if let Some(id) = id {
                    self.open_ports(&at, HostRef::Server(local_network, id), &server.open_ports)?;
                }
            }
            for (i, prefix) in network.routes.iter().enumerate() {
                let command = Command::AddRoute {
                    local_network,
                    prefix: prefix.to_string(),
                };
                self.apply_fact(&format!("{path}.routes[{i}]"), command)?;
            }
        }
        Ok(())
    }

    fn internet_hosts(&mut self, facts: &VnetLab) -> Result<(), String> {
        for (i, host) in facts.internet_hosts.iter().enumerate() {
            let path = format!("internetHosts[{i}]");
            let HostFacts {
                name,
                address,
                host_names,
                open_ports,
                role,
            } = host;
            let command = Command::CreateInternetHost {
                name: name.clone(),
                address: address.to_string(),
            };
            self.apply_fact(&path, command)?;
            let id = self
                .lab
                .internet_hosts
                .values()
                .find(|h| h.host.name == *name)
                .map(|h| h.id);
            if let Some(id) = id {
                self.open_ports(&path, HostRef::InternetHost(id), open_ports)?;
                if let Some(internet) = self.lab.internet_hosts.get_mut(&id) {
                    // No command names an internet host's other host names or role.
                    internet.host.host_names.clone_from(host_names);
                    internet.host.role.clone_from(role);
                }
            }
        }
        Ok(())
    }

    fn relay_agents(&mut self, facts: &VnetLab) -> Result<(), String> {
        for (name, hybrid) in &facts.hybrid_connections {
            let Some(agent) = &hybrid.agent else {
                continue;
            };
            let path = format!("hybridConnections.{name}.agent");
            let connection = self
                .lab
                .hybrid_connections
                .values()
                .find(|h| h.name == *name)
                .map(|h| h.id)
                .ok_or_else(|| {
                    format!("{AT}.{path}: the Hybrid Connection “{name}” is not in the template")
                })?;
            let local_network =
                self.local_network(&format!("{path}.localNetwork"), &agent.local_network)?;
            let server = self
                .lab
                .local_networks
                .get(&local_network)
                .and_then(|local| local.servers.iter().find(|s| s.host.name == agent.server))
                .map(|s| s.id)
                .ok_or_else(|| {
                    format!(
                        "{AT}.{path}.server: “{}” is not a server of {} in onPremises",
                        agent.server, agent.local_network
                    )
                })?;
            self.apply_fact(
                &path,
                Command::InstallRelayAgent {
                    connection,
                    local_network,
                    server,
                },
            )?;
            let running = self
                .lab
                .hybrid_connections
                .get(&connection)
                .and_then(|h| h.agent.as_ref())
                .is_some_and(|a| a.running);
            if running != agent.running {
                let command = Command::SetRelayAgentRunning {
                    connection,
                    running: agent.running,
                };
                self.apply_fact(&format!("{path}.running"), command)?;
            }
        }
        Ok(())
    }

    /// No command sets when a gateway was provisioned: the import makes it Ready, the
    /// metadata says when it started and is done.
    fn gateway_times(&mut self, facts: &VnetLab) -> Result<(), String> {
        for (name, operation) in &facts.gateways {
            let gateway = self
                .lab
                .virtual_networks
                .values_mut()
                .find(|vnet| names::gateway(&vnet.name) == *name)
                .and_then(|vnet| vnet.gateway.as_mut())
                .ok_or_else(|| format!("{AT}.gateways.{name}: no virtual network gateway of that name is in the template"))?;
            gateway.provisioning = *operation;
        }
        Ok(())
    }

    /// The certificates the export carries replace the ones the import's connections issued
    /// anew: no command uploads a given certificate, and the same ones must come back (R12).
    /// The gateways hold what their `vpnClientRootCertificates` name, revoked as
    /// `vpnClientRevokedCertificates` says; each connection uses its `certBlob`.
    fn certificates(&mut self, facts: &VnetLab) -> Result<(), String> {
        if facts.certificates.is_empty() {
            return Ok(());
        }
        let mut issued = Vec::new();
        for (i, cert) in facts.certificates.iter().enumerate() {
            let path = format!("{AT}.certificates[{i}]");
            let vnet = self.vnet_id(&cert.virtual_network).ok_or_else(|| {
                format!(
                    "{path}.virtualNetwork: “{}” is not in the template",
                    cert.virtual_network
                )
            })?;
            let der = BASE64
                .decode(&cert.der)
                .map_err(|e| format!("{path}.der: not base64 ({e})"))?;
            issued.push(IssuedCertificate {
                vnet,
                certificate: Certificate {
                    subject: cert.subject.clone(),
                    serial: cert.serial,
                    not_before: cert.not_before,
                    not_after: cert.not_after,
                    thumbprint: cert.thumbprint.clone(),
                    der,
                },
            });
        }
        let thumbprint_of = |blob: &str| {
            facts
                .certificates
                .iter()
                .find(|c| c.der == blob)
                .map(|c| c.thumbprint.clone())
        };
        let gateways: Vec<_> = self
            .of_type("Microsoft.Network/virtualNetworkGateways")
            .collect();
        for gateway in gateways {
            let Some(network) = self
                .lab
                .virtual_networks
                .values_mut()
                .find(|v| names::gateway(&v.name) == gateway.name)
            else {
                continue;
            };
            let Some(p2s) = network.point_to_site.as_mut() else {
                continue;
            };
            let config = "properties.vpnClientConfiguration";
            let named = |list: &str| -> Vec<String> {
                items(&gateway.body, &format!("{config}.{list}"))
                    .iter()
                    .filter_map(|c| text(c, "name").map(str::to_string))
                    .collect()
            };
            let revoked = named("vpnClientRevokedCertificates");
            p2s.certificates = named("vpnClientRootCertificates")
                .into_iter()
                .map(|thumbprint| UploadedCertificate {
                    revoked: revoked.contains(&thumbprint),
                    thumbprint,
                })
                .collect();
        }
        let links: Vec<_> = self
            .of_type("Microsoft.Web/sites/virtualNetworkConnections")
            .collect();
        for link in links {
            let site = super::split_child(&link.name).0;
            let thumbprint = text(&link.body, "properties.certBlob").and_then(thumbprint_of);
            let connection = self
                .lab
                .web_apps
                .values_mut()
                .find(|a| a.name.eq_ignore_ascii_case(site))
                .and_then(|a| a.connection.as_mut());
            if let (Some(connection), Some(thumbprint)) = (connection, thumbprint) {
                connection.thumbprint = thumbprint;
            }
        }
        self.lab.certificates = issued;
        Ok(())
    }

    /// What a connection last synced (R14) is the saved state: syncing again would take the
    /// VNet's settings of now, which may have changed since.
    fn synced(&mut self, facts: &VnetLab) -> Result<(), String> {
        for (name, app) in &facts.web_apps {
            let path = format!("webApps.{name}.synced");
            let mut site_to_site = Vec::new();
            for (i, local) in app.synced.site_to_site.iter().enumerate() {
                site_to_site.push(self.local_network(&format!("{path}.siteToSite[{i}]"), local)?);
            }
            // No connection: the import skipped it, with the lab's reason in the report.
            let Some(connection) = self
                .lab
                .web_apps
                .values_mut()
                .find(|a| a.name == *name)
                .and_then(|a| a.connection.as_mut())
            else {
                continue;
            };
            connection
                .synced
                .dns_servers
                .clone_from(&app.synced.dns_servers);
            connection.synced.site_to_site = site_to_site;
        }
        Ok(())
    }
}
