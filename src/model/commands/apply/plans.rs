//! `Microsoft.Web/serverfarms`: App Service plans, their tier and their instances (R10, R11, R25).

use super::lookup::resource_name;
use crate::model::command::Event;
use crate::model::commands::error::CommandError;
use crate::model::derived::regional::{
    plan_subnets, prefix_holding, subnet_label, IntegrationSubnet,
};
use crate::model::entities::ids::PlanId;
use crate::model::entities::region::Region;
use crate::model::entities::subscription::Subscription;
use crate::model::entities::tier::Tier;
use crate::model::entities::web_app::{Plan, MAX_INSTANCES};

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

    /// R28: every integration subnet of the plan must hold the new count; past half of a
    /// subnet's addresses a later tier change will be refused, so the event warns.
    pub(super) fn scale_out_plan(
        &mut self,
        plan: PlanId,
        instances: u8,
    ) -> Result<Event, CommandError> {
        let entry = self.plan(plan)?;
        if !(1..=MAX_INSTANCES).contains(&instances) {
            return Err(CommandError::InvalidInstanceCount { instances });
        }
        let before = entry.instances;
        let name = entry.name.clone();
        let mut warnings = Vec::new();
        for subnet in plan_subnets(self, plan) {
            let others = others_in_use(&subnet, plan);
            let needed = others + u32::from(instances);
            let capacity = subnet.capacity();
            let label = subnet_label(self, &subnet);
            if needed > capacity {
                return Err(CommandError::ScaleOutBeyondCapacity {
                    plan: name,
                    instances,
                    subnet: label,
                    prefix: subnet.prefix,
                    capacity,
                    needed,
                    holding: prefix_holding(needed),
                });
            }
            let during_change = others + 2 * u32::from(instances);
            if during_change > capacity {
                warnings.push(format!(
                    "{label} ({}) holds {needed} of its {capacity} usable addresses, but a tier change needs {during_change} while it runs, so a later tier change of {name} will be refused{}",
                    subnet.prefix,
                    prefix_holding(during_change)
                        .map(|len| format!("; a /{len} would allow it"))
                        .unwrap_or_default()
                ));
            }
        }
        self.plans.get_mut(&plan).expect("checked above").instances = instances;
        let mut event = Event::new(format!(
            "Scaled the plan {name} {} from {before} to {instances} instance{}",
            if instances >= before { "out" } else { "in" },
            if instances == 1 { "" } else { "s" }
        ));
        event.warnings = warnings;
        Ok(event)
    }

    /// R28: a tier change runs old and new instances side by side, twice the addresses.
    pub(super) fn check_tier_change_capacity(&self, plan: PlanId) -> Result<(), CommandError> {
        let entry = self.plan(plan)?;
        for subnet in plan_subnets(self, plan) {
            let needed = others_in_use(&subnet, plan) + 2 * u32::from(entry.instances);
            let capacity = subnet.capacity();
            if needed > capacity {
                return Err(CommandError::TierChangeBeyondCapacity {
                    plan: entry.name.clone(),
                    subnet: subnet_label(self, &subnet),
                    prefix: subnet.prefix,
                    capacity,
                    needed,
                    holding: prefix_holding(needed),
                });
            }
        }
        Ok(())
    }
}

/// Addresses other plans take on a shared (multi-plan) subnet.
fn others_in_use(subnet: &IntegrationSubnet, plan: PlanId) -> u32 {
    subnet
        .plans
        .iter()
        .filter(|(p, _)| *p != plan)
        .map(|(_, n)| u32::from(*n))
        .sum()
}
