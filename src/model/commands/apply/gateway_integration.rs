//! `Microsoft.Web/sites/virtualNetworkConnections`: gateway-required VNet Integration,
//! connecting web apps and syncing their connection (R1, R3, R4, R8, R9, R12–R14).

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use crate::model::command::Event;
use crate::model::commands::error::CommandError;
use crate::model::derived::status::{
    certificate_problem, missing_conditions, plan_networks, OutOfSyncReason,
};
use crate::model::entities::clock::{Operation, GATEWAY_PROVISIONING};
use crate::model::entities::ids::{VnetId, WebAppId};
use crate::model::entities::network::{Gateway, PointToSite, Routing};
use crate::model::entities::subscription::Subscription;
use crate::model::entities::web_app::{Synced, VnetConnection, MAX_VNETS_PER_PLAN};
use crate::model::input::addressing::overlaps;

impl Subscription {
    /// R1, R3, R4: whether `app` may take a connection to `vnet` (`None`: a VNet not yet created).
    pub(super) fn check_can_connect(
        &self,
        app: WebAppId,
        vnet: Option<VnetId>,
    ) -> Result<(), CommandError> {
        let web_app = self.app(app)?;
        let plan = self.plan(web_app.plan)?;
        if !plan.tier.allows_vnet_integration() {
            return Err(CommandError::TierTooLow {
                plan: plan.name.clone(),
                tier: plan.tier,
            });
        }
        self.check_not_integrated(app)?;
        let in_use = plan_networks(self, plan.id);
        let already_used =
            vnet.is_some_and(|vnet| in_use.iter().any(|network| network.vnet == vnet));
        if !already_used && in_use.len() >= MAX_VNETS_PER_PLAN {
            return Err(CommandError::TooManyVirtualNetworks {
                plan: plan.name.clone(),
                in_use: in_use
                    .iter()
                    .filter_map(|n| self.virtual_networks.get(&n.vnet))
                    .map(|v| v.name.clone())
                    .collect(),
            });
        }
        Ok(())
    }

    pub(super) fn synced_now(&self, vnet: VnetId) -> Result<Synced, CommandError> {
        let network = self.vnet(vnet)?;
        Ok(Synced {
            dns_servers: network.dns_servers.clone(),
            site_to_site: network.site_to_site.clone(),
        })
    }

    pub(super) fn attach(&mut self, app: WebAppId, vnet: VnetId) -> Result<String, CommandError> {
        let thumbprint = self.certificate_uploaded_to(vnet)?;
        let synced = self.synced_now(vnet)?;
        self.app_mut(app)?.connection = Some(VnetConnection {
            vnet,
            thumbprint: thumbprint.clone(),
            synced,
        });
        Ok(thumbprint)
    }

    pub(super) fn connect_web_app(
        &mut self,
        app: WebAppId,
        vnet: VnetId,
    ) -> Result<Event, CommandError> {
        self.check_can_connect(app, Some(vnet))?;
        let network = self.vnet(vnet)?;
        let missing = missing_conditions(self, network);
        if !missing.is_empty() {
            return Err(CommandError::NotEligible {
                vnet: network.name.clone(),
                missing,
            });
        }
        let thumbprint = self.attach(app, vnet)?;
        Ok(Event::new(format!(
            "Connected the web app {} to {} with the certificate {thumbprint}",
            self.web_apps[&app].name, self.virtual_networks[&vnet].name
        )))
    }

    /// Removes the web app's integration of either kind.
    pub(super) fn disconnect_web_app(&mut self, app: WebAppId) -> Result<Event, CommandError> {
        let web_app = self.app_mut(app)?;
        let app_name = web_app.name.clone();
        let (vnet, what) = match (web_app.connection.take(), web_app.regional.take()) {
            (Some(connection), _) => (connection.vnet, String::new()),
            (None, Some(regional)) => (
                regional.vnet,
                format!(" (regional integration, subnet {})", regional.subnet),
            ),
            (None, None) => return Err(CommandError::NotConnected { app: app_name }),
        };
        Ok(Event::new(format!(
            "Disconnected the web app {app_name} from {}{what}",
            self.vnet(vnet)?.name
        )))
    }

    /// R9: a new VNet, a Dynamic gateway provisioning for 30 minutes and point-to-site set up;
    /// the app's connection waits for the gateway and works when it is ready.
    pub(super) fn create_virtual_network_and_connect(
        &mut self,
        app: WebAppId,
        name: &str,
        address_space: &str,
        dns_servers: &str,
    ) -> Result<Event, CommandError> {
        self.check_can_connect(app, None)?;
        let region = self.plan(self.app(app)?.plan)?.region;
        let vnet = self.create_virtual_network(name, region, address_space, dns_servers)?;
        let now = self.now();
        let network = self.vnet_mut(vnet)?;
        let pool = free_pool(&network.address_space);
        network.gateway = Some(Gateway {
            routing: Routing::Dynamic,
            provisioning: Operation::starting(now, GATEWAY_PROVISIONING),
        });
        network.point_to_site = Some(PointToSite {
            pool,
            certificates: Vec::new(),
        });
        self.attach(app, vnet)?;
        Ok(Event::new(format!(
            "Creating the virtual network {} with a Dynamic routing gateway and point-to-site pool {pool}; \
             the web app {} is connected when the gateway is ready, in 30 minutes",
            self.virtual_networks[&vnet].name, self.web_apps[&app].name
        )))
    }

    /// R13, R14: re-uploads a deleted certificate or renews a revoked or expired one, and takes
    /// the VNet's DNS servers and site-to-site links as they are now.
    pub(super) fn sync_connection(&mut self, app: WebAppId) -> Result<Event, CommandError> {
        let web_app = self.app(app)?;
        let connection = web_app
            .connection
            .clone()
            .ok_or_else(|| CommandError::NotConnected {
                app: web_app.name.clone(),
            })?;
        let network = self.vnet(connection.vnet)?;
        if network.point_to_site.is_none() {
            return Err(CommandError::PointToSiteNotEnabled {
                vnet: network.name.clone(),
            });
        }
        let problem = certificate_problem(self, network, &connection);
        let thumbprint = self.certificate_uploaded_to(connection.vnet)?;
        let synced = self.synced_now(connection.vnet)?;
        let web_app = self.app_mut(app)?;
        web_app.connection = Some(VnetConnection {
            vnet: connection.vnet,
            thumbprint: thumbprint.clone(),
            synced,
        });
        let what = match problem {
            Some(OutOfSyncReason::CertificateMissing) if thumbprint == connection.thumbprint => {
                format!("; re-uploaded the certificate {thumbprint}")
            }
            Some(_) => format!("; renewed the certificate: new thumbprint {thumbprint}"),
            None => String::new(),
        };
        Ok(Event::new(format!(
            "Synced the connection of {} to the virtual network{what}",
            web_app.name
        )))
    }
}

/// The first /24 of 172.16.0.0/12 that overlaps none of `space`: the pool a new VNet gets.
fn free_pool(space: &[Ipv4Net]) -> Ipv4Net {
    (16..=31u8)
        .flat_map(|second| {
            (0..=255u8)
                .map(move |third| Ipv4Net::new_assert(Ipv4Addr::new(172, second, third, 0), 24))
        })
        .find(|pool| !space.iter().any(|own| overlaps(own, pool)))
        .unwrap_or(Ipv4Net::new_assert(Ipv4Addr::new(172, 16, 0, 0), 24))
}
