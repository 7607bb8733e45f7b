//! `Microsoft.Network/localNetworkGateways` with the on-premises servers and routes behind
//! them, and the site-to-site `connections` that link them to a VNet's gateway.

use super::lookup::{new_host, resource_name};
use super::virtual_networks::address_space;
use crate::model::command::Event;
use crate::model::commands::error::CommandError;
use crate::model::entities::host::Role;
use crate::model::entities::ids::{LocalNetworkId, ServerId, VnetId};
use crate::model::entities::local_network::{LocalNetwork, Server};
use crate::model::entities::subscription::Subscription;
use crate::model::input::addressing::{overlaps, parse_address, parse_prefix};

impl Subscription {
    pub(super) fn link_site_to_site(
        &mut self,
        vnet: VnetId,
        local: LocalNetworkId,
    ) -> Result<Event, CommandError> {
        let network = self.vnet(vnet)?;
        let local_network = self.local(local)?;
        if network.gateway.is_none() {
            return Err(CommandError::NoGateway {
                vnet: network.name.clone(),
            });
        }
        if network.site_to_site.contains(&local) {
            return Err(CommandError::AlreadyLinked {
                vnet: network.name.clone(),
                local_network: local_network.name.clone(),
            });
        }
        for space in &local_network.address_space {
            if let Some(own) = network
                .address_space
                .iter()
                .find(|own| overlaps(own, space))
            {
                return Err(CommandError::OverlappingPrefixes {
                    owner: format!("{} and {}", network.name, local_network.name),
                    a: *own,
                    b: *space,
                });
            }
            if let Some(p2s) = network
                .point_to_site
                .as_ref()
                .filter(|p2s| overlaps(&p2s.pool, space))
            {
                return Err(CommandError::PoolOverlaps {
                    pool: p2s.pool,
                    other: *space,
                    owner: local_network.name.clone(),
                });
            }
        }
        let event = Event::new(format!(
            "Linked {} to the local network {} by site-to-site VPN; its web app connections need a sync",
            network.name, local_network.name
        ));
        self.vnet_mut(vnet)?.site_to_site.push(local);
        Ok(event)
    }

    pub(super) fn unlink_site_to_site(
        &mut self,
        vnet: VnetId,
        local: LocalNetworkId,
    ) -> Result<Event, CommandError> {
        let local_name = self.local(local)?.name.clone();
        let network = self.vnet_mut(vnet)?;
        if !network.site_to_site.contains(&local) {
            return Err(CommandError::NotLinked {
                vnet: network.name.clone(),
                local_network: local_name,
            });
        }
        network.site_to_site.retain(|id| *id != local);
        Ok(Event::new(format!(
            "Removed the site-to-site connection from {} to {local_name}",
            network.name
        )))
    }

    pub(super) fn create_local_network(
        &mut self,
        name: String,
        address_space_text: &str,
        vpn_device: &str,
    ) -> Result<Event, CommandError> {
        let name = resource_name(
            "local network",
            &name,
            self.local_networks
                .values()
                .map(|local| local.name.as_str()),
        )?;
        let address_space = address_space(&name, address_space_text)?;
        let vpn_device = parse_address(vpn_device)?;
        let id = LocalNetworkId(self.allocate_id());
        let event = Event::new(format!("Created the local network {name}"));
        self.local_networks.insert(
            id,
            LocalNetwork {
                id,
                name,
                address_space,
                vpn_device,
                servers: Vec::new(),
                routes: Vec::new(),
            },
        );
        Ok(event)
    }

    pub(super) fn delete_local_network(
        &mut self,
        local: LocalNetworkId,
    ) -> Result<Event, CommandError> {
        let name = self.local(local)?.name.clone();
        let mut users: Vec<String> = self
            .virtual_networks
            .values()
            .filter(|vnet| vnet.site_to_site.contains(&local))
            .map(|vnet| vnet.name.clone())
            .collect();
        users.extend(
            self.hybrid_connections
                .values()
                .filter(|hybrid| {
                    hybrid
                        .agent
                        .as_ref()
                        .is_some_and(|agent| agent.local_network == local)
                })
                .map(|hybrid| format!("the Hybrid Connection {}", hybrid.name)),
        );
        CommandError::unless_unused(format!("The local network {name}"), users)?;
        self.local_networks.remove(&local);
        Ok(Event::new(format!("Deleted the local network {name}")))
    }

    pub(super) fn add_server(
        &mut self,
        local: LocalNetworkId,
        name: String,
        address: &str,
        names: &str,
        role: Option<Role>,
    ) -> Result<Event, CommandError> {
        let network = self.local(local)?;
        let name = resource_name(
            "server",
            &name,
            network.servers.iter().map(|s| s.host.name.as_str()),
        )?;
        let address = parse_address(address)?;
        if !network.contains(address) {
            return Err(CommandError::AddressOutsideNetwork {
                address: address.to_string(),
                network: network.name.clone(),
            });
        }
        if let Some(server) = network.server_at(address) {
            return Err(CommandError::AddressInUse {
                address: address.to_string(),
                host: server.host.name.clone(),
            });
        }
        let id = ServerId(self.allocate_id());
        let network = self.local_mut(local)?;
        let event = Event::new(format!(
            "Added the server {name} ({address}) to {}",
            network.name
        ));
        network.servers.push(Server {
            id,
            host: new_host(name, address, names, role),
        });
        Ok(event)
    }

    /// R21: the route the on-premises side needs back to the point-to-site pool.
    pub(super) fn add_route(
        &mut self,
        local: LocalNetworkId,
        prefix: &str,
    ) -> Result<Event, CommandError> {
        let prefix = parse_prefix(prefix)?;
        let network = self.local_mut(local)?;
        if network.routes.contains(&prefix) {
            return Err(CommandError::RouteExists {
                prefix,
                local_network: network.name.clone(),
            });
        }
        network.routes.push(prefix);
        Ok(Event::new(format!(
            "Added the route {prefix} via the VPN tunnel on {}",
            network.name
        )))
    }

    pub(super) fn remove_route(
        &mut self,
        local: LocalNetworkId,
        prefix: &str,
    ) -> Result<Event, CommandError> {
        let network = self.local_mut(local)?;
        let parsed = parse_prefix(prefix).ok();
        let before = network.routes.len();
        network.routes.retain(|route| Some(*route) != parsed);
        if network.routes.len() == before {
            return Err(CommandError::NoSuchRoute {
                prefix: prefix.trim().to_string(),
                local_network: network.name.clone(),
            });
        }
        Ok(Event::new(format!(
            "Removed the route {} from {}",
            prefix.trim(),
            network.name
        )))
    }
}
