//! `Microsoft.Network/virtualNetworkGateways`: the VPN gateway and its point-to-site
//! configuration.

use ipnet::Ipv4Net;

use crate::model::command::Event;
use crate::model::commands::error::CommandError;
use crate::model::entities::clock::{Operation, GATEWAY_PROVISIONING};
use crate::model::entities::ids::VnetId;
use crate::model::entities::network::{Gateway, PointToSite, Routing, VirtualNetwork};
use crate::model::entities::subscription::Subscription;
use crate::model::input::addressing::{is_private, overlaps, parse_prefix};

impl Subscription {
    pub(super) fn create_gateway(
        &mut self,
        vnet: VnetId,
        routing: Routing,
    ) -> Result<Event, CommandError> {
        let now = self.now();
        let network = self.vnet_mut(vnet)?;
        if network.gateway.is_some() {
            return Err(CommandError::GatewayExists {
                vnet: network.name.clone(),
            });
        }
        network.gateway = Some(Gateway {
            routing,
            provisioning: Operation::starting(now, GATEWAY_PROVISIONING),
        });
        Ok(Event::new(format!(
            "Started creating a {routing} gateway for {}; it takes 30 minutes",
            network.name
        )))
    }

    /// Point-to-site needs the gateway, so it goes with it.
    pub(super) fn delete_gateway(&mut self, vnet: VnetId) -> Result<Event, CommandError> {
        let network = self.vnet_mut(vnet)?;
        if network.gateway.take().is_none() {
            return Err(CommandError::NoGateway {
                vnet: network.name.clone(),
            });
        }
        network.point_to_site = None;
        Ok(Event::new(format!(
            "Deleted the gateway of {} and its point-to-site configuration",
            network.name
        )))
    }

    /// The R11 rules for a point-to-site pool on `vnet`.
    pub(super) fn check_pool(
        &self,
        network: &VirtualNetwork,
        pool: Ipv4Net,
    ) -> Result<(), CommandError> {
        if !is_private(&pool) {
            return Err(CommandError::PoolNotPrivate { pool });
        }
        // The VNet's own space, then each local network it reaches by site-to-site.
        let locals = network
            .site_to_site
            .iter()
            .filter_map(|id| self.local_networks.get(id))
            .map(|local| (&local.name, &local.address_space));
        for (owner, spaces) in
            std::iter::once((&network.name, &network.address_space)).chain(locals)
        {
            if let Some(space) = spaces.iter().find(|space| overlaps(space, &pool)) {
                return Err(CommandError::PoolOverlaps {
                    pool,
                    other: *space,
                    owner: owner.clone(),
                });
            }
        }
        Ok(())
    }

    pub(super) fn enable_point_to_site(
        &mut self,
        vnet: VnetId,
        pool: &str,
    ) -> Result<Event, CommandError> {
        let network = self.vnet(vnet)?;
        match &network.gateway {
            None => {
                return Err(CommandError::NoGateway {
                    vnet: network.name.clone(),
                })
            }
            Some(gateway) if gateway.routing == Routing::Static => {
                return Err(CommandError::StaticRoutingCannotEnablePointToSite {
                    vnet: network.name.clone(),
                })
            }
            Some(_) => {}
        }
        if let Some(existing) = &network.point_to_site {
            return Err(CommandError::PointToSiteAlreadyEnabled {
                vnet: network.name.clone(),
                pool: existing.pool,
            });
        }
        let pool = parse_prefix(pool)?;
        self.check_pool(network, pool)?;
        let network = self.vnet_mut(vnet)?;
        network.point_to_site = Some(PointToSite {
            pool,
            certificates: Vec::new(),
        });
        Ok(Event::new(format!(
            "Enabled point-to-site on {} with the client pool {pool}",
            network.name
        )))
    }

    pub(super) fn disable_point_to_site(&mut self, vnet: VnetId) -> Result<Event, CommandError> {
        let network = self.vnet_mut(vnet)?;
        if network.point_to_site.take().is_none() {
            return Err(CommandError::PointToSiteNotEnabled {
                vnet: network.name.clone(),
            });
        }
        Ok(Event::new(format!(
            "Disabled point-to-site on {}",
            network.name
        )))
    }
}
