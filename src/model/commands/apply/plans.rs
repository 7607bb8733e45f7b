//! Plans and web apps.

use super::lookup::{resource_name, web_app_name};
use crate::model::command::Event;
use crate::model::commands::error::CommandError;
use crate::model::entities::ids::{PlanId, WebAppId};
use crate::model::entities::region::Region;
use crate::model::entities::subscription::Subscription;
use crate::model::entities::tier::Tier;
use crate::model::entities::web_app::{Plan, WebApp};

impl Subscription {
    pub(super) fn create_plan(
        &mut self,
        name: String,
        tier: Tier,
        region: Region,
    ) -> Result<Event, CommandError> {
        let name = resource_name(
            "plan",
            &name,
            self.plans.values().map(|plan| plan.name.as_str()),
        )?;
        let id = PlanId(self.allocate_id());
        let event = Event::new(format!(
            "Created the App Service plan {name} ({tier}) in {region}"
        ));
        self.plans.insert(
            id,
            Plan {
                id,
                name,
                tier,
                region,
                instances: 1,
            },
        );
        Ok(event)
    }

    pub(super) fn delete_plan(&mut self, plan: PlanId) -> Result<Event, CommandError> {
        let name = self.plan(plan)?.name.clone();
        let apps: Vec<String> = self
            .web_apps
            .values()
            .filter(|app| app.plan == plan)
            .map(|app| app.name.clone())
            .collect();
        CommandError::unless_unused(format!("The plan {name}"), apps)?;
        self.plans.remove(&plan);
        Ok(Event::new(format!("Deleted the App Service plan {name}")))
    }

    /// R2, R5: connections are kept either way; their status follows the tier.
    pub(super) fn scale_plan(&mut self, plan: PlanId, tier: Tier) -> Result<Event, CommandError> {
        let before = self.plan(plan)?.tier;
        if before != tier {
            self.check_tier_change_capacity(plan)?;
        }
        let regional = self
            .web_apps
            .values()
            .filter(|app| app.plan == plan && app.regional.is_some())
            .count();
        let connected = self
            .web_apps
            .values()
            .filter(|app| app.plan == plan && app.connection.is_some())
            .count();
        let entry = self.plans.get_mut(&plan).expect("checked above");
        entry.tier = tier;
        let mut summary = format!("Scaled the plan {} from {before} to {tier}", entry.name);
        if connected > 0 {
            match (before.allows_vnet_integration(), tier.allows_vnet_integration()) {
                (true, false) => summary.push_str(&format!("; {connected} VNet connection(s) disabled until it is Standard or higher again")),
                (false, true) => summary.push_str(&format!("; {connected} VNet connection(s) re-established")),
                _ => {}
            }
        }
        if regional > 0 {
            match (before.allows_regional_integration(), tier.allows_regional_integration()) {
                (true, false) => summary.push_str(&format!("; {regional} regional integration(s) disabled until it is Basic or higher again")),
                (false, true) => summary.push_str(&format!("; {regional} regional integration(s) re-established")),
                _ => {}
            }
        }
        Ok(Event::new(summary))
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
}
