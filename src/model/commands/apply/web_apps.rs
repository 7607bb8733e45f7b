//! `Microsoft.Web/sites`: web apps and their `WEBSITE_DNS_SERVER` setting (R32), and the one
//! integration an app may have.

use std::net::Ipv4Addr;

use super::lookup::web_app_name;
use crate::model::command::Event;
use crate::model::commands::error::CommandError;
use crate::model::entities::ids::{PlanId, VnetId, WebAppId};
use crate::model::entities::subscription::Subscription;
use crate::model::entities::web_app::WebApp;
use crate::model::input::addressing::parse_address;

impl Subscription {
    /// R4: one integration, of either kind, at a time.
    pub(super) fn check_not_integrated(&self, app: WebAppId) -> Result<(), CommandError> {
        let web_app = self.app(app)?;
        match web_app.integrated_vnet() {
            Some(vnet) => Err(CommandError::AlreadyConnected {
                app: web_app.name.clone(),
                vnet: self.vnet(vnet)?.name.clone(),
            }),
            None => Ok(()),
        }
    }

    /// R32: `WEBSITE_DNS_SERVER`; empty text removes the setting.
    pub(super) fn set_dns_server_setting(
        &mut self,
        app: WebAppId,
        address: &str,
    ) -> Result<Event, CommandError> {
        let server: Option<Ipv4Addr> = if address.trim().is_empty() {
            None
        } else {
            Some(parse_address(address)?)
        };
        let web_app = self.app_mut(app)?;
        web_app.dns_server = server;
        Ok(Event::new(match server {
            Some(server) => format!("Set WEBSITE_DNS_SERVER of {} to {server}", web_app.name),
            None => format!("Removed WEBSITE_DNS_SERVER from {}", web_app.name),
        }))
    }

    pub(super) fn create_web_app(
        &mut self,
        name: String,
        plan: PlanId,
    ) -> Result<Event, CommandError> {
        let plan_name = self.plan(plan)?.name.clone();
        let name = web_app_name(self, &name)?;
        let id = WebAppId(self.allocate_id());
        let event = Event::new(format!(
            "Created the web app {name} on the plan {plan_name}"
        ));
        self.web_apps.insert(
            id,
            WebApp {
                id,
                name,
                plan,
                connection: None,
                regional: None,
                dns_server: None,
            },
        );
        Ok(event)
    }

    /// Deleting a web app deletes its Hybrid Connections with it.
    pub(super) fn delete_web_app(&mut self, app: WebAppId) -> Result<Event, CommandError> {
        let name = self.app(app)?.name.clone();
        self.web_apps.remove(&app);
        self.hybrid_connections
            .retain(|_, connection| connection.app != app);
        Ok(Event::new(format!("Deleted the web app {name}")))
    }

    /// R27: refuses while a regional integration uses `vnet` (or only its `subnet`).
    pub(super) fn check_no_regional_integration(
        &self,
        vnet: VnetId,
        subnet: Option<&str>,
        what: String,
    ) -> Result<(), CommandError> {
        let apps: Vec<String> = self
            .web_apps
            .values()
            .filter(|app| {
                app.regional.as_ref().is_some_and(|regional| {
                    regional.vnet == vnet && subnet.is_none_or(|s| regional.subnet == s)
                })
            })
            .map(|app| app.name.clone())
            .collect();
        if apps.is_empty() {
            Ok(())
        } else {
            Err(CommandError::IntegrationSubnetInUse { what, apps })
        }
    }
}
