//! `Microsoft.Web/sites/networkConfig`: regional VNet Integration into a delegated subnet,
//! Route All, and the migration to it from a gateway-required connection (R21–R28, R35–R37).

use super::lookup::{not_found, SubnetLookup};
use crate::model::command::Event;
use crate::model::commands::error::CommandError;
use crate::model::derived::migration;
use crate::model::derived::regional::{region_problem, subnet_problems};
use crate::model::entities::ids::{VnetId, WebAppId};
use crate::model::entities::network::Delegation;
use crate::model::entities::subscription::Subscription;
use crate::model::entities::web_app::RegionalIntegration;

impl Subscription {
    /// R25–R28: the checks in the order the portal meets them, then the delegation (R26).
    pub(super) fn connect_regional(
        &mut self,
        app: WebAppId,
        vnet: VnetId,
        subnet: &str,
        route_all: bool,
    ) -> Result<Event, CommandError> {
        let web_app = self.app(app)?;
        let plan = self.plan(web_app.plan)?;
        if !plan.tier.allows_regional_integration() {
            return Err(CommandError::RegionalTierTooLow {
                plan: plan.name.clone(),
                tier: plan.tier,
            });
        }
        self.check_not_integrated(app)?;
        let network = self.vnet(vnet)?;
        if let Some((vnet_region, plan_region)) = region_problem(plan, network) {
            return Err(CommandError::RegionMismatch {
                vnet: network.name.clone(),
                vnet_region,
                plan: plan.name.clone(),
                plan_region,
            });
        }
        let chosen = network.subnet_or_refuse(subnet)?;
        let problems = subnet_problems(self, plan, network, chosen);
        if !problems.is_empty() {
            return Err(CommandError::SubnetNotEligible {
                subnet: chosen.name.clone(),
                vnet: network.name.clone(),
                problems,
            });
        }
        let mut summary = format!(
            "Connected the web app {} to {} by regional VNet Integration, subnet {} ({}), Route All {}",
            web_app.name,
            network.name,
            chosen.name,
            chosen.prefix,
            if route_all { "on" } else { "off" }
        );
        if chosen.delegation.is_none() {
            summary.push_str(&format!(
                "; delegated the subnet {} to {}",
                chosen.name,
                Delegation::ServerFarms
            ));
        }
        let subnet_name = chosen.name.clone();
        if let Some(entry) = self.vnet_mut(vnet)?.subnet_mut(&subnet_name) {
            entry.delegation = Some(Delegation::ServerFarms);
        }
        self.app_mut(app)?.regional = Some(RegionalIntegration {
            vnet,
            subnet: subnet_name,
            route_all,
        });
        Ok(Event::new(summary))
    }

    pub(super) fn set_route_all(
        &mut self,
        app: WebAppId,
        enabled: bool,
    ) -> Result<Event, CommandError> {
        let web_app = self.app_mut(app)?;
        let name = web_app.name.clone();
        let regional = web_app
            .regional
            .as_mut()
            .ok_or(CommandError::NotRegional { app: name.clone() })?;
        regional.route_all = enabled;
        Ok(Event::new(if enabled {
            format!(
                "Route All is on for {name}: all its outbound traffic enters the virtual network"
            )
        } else {
            format!("Route All is off for {name}: only traffic to private (RFC 1918) addresses enters the virtual network")
        }))
    }

    /// R35, R36: the plan's commands in order on this (copied) state; one activity for all.
    pub(super) fn migrate_to_regional(&mut self, app: WebAppId) -> Result<Event, CommandError> {
        let name = self.app(app)?.name.clone();
        let plan = migration::plan(self, app)
            .ok_or(CommandError::NotGatewayRequired { app: name.clone() })?;
        if let Some(reason) = plan.blocked {
            return Err(CommandError::MigrationBlocked { app: name, reason });
        }
        let mut done = Vec::new();
        for step in &plan.steps {
            // A step on the VNet the plan creates finds it by name, once created.
            let command = step
                .command
                .resolve(self)
                .ok_or_else(|| not_found("virtual network", &plan.target_vnet))?;
            done.push(self.execute(command)?.summary);
        }
        Ok(Event::new(format!(
            "Moved {name} to regional VNet Integration with {}: {}",
            plan.target_vnet,
            done.join("; ")
        )))
    }
}
