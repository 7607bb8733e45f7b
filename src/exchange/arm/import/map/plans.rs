//! `Microsoft.Web/serverfarms`: a plan, its tier from `sku.name` and its instances from
//! `sku.capacity`. Premium v2, v3, v4 and Elastic Premium SKUs are plans of the Premium family,
//! each at its own tier so the export writes the same SKU. A SKU the lab does not model (an
//! Isolated plan of an App Service Environment, Consumption) skips the plan with the reason,
//! and the web apps on it are skipped naming it.

use super::Mapper;
use crate::exchange::arm::import::props::{at, text};
use crate::exchange::arm::import::template::Resource;
use crate::exchange::sku::{tier_of, KNOWN_SKUS};
use crate::model::entities::tier::Tier;
use crate::model::Command;

impl Mapper<'_> {
    pub(super) fn plans(&mut self) -> Result<(), String> {
        for plan in self
            .of_type("Microsoft.Web/serverfarms")
            .collect::<Vec<_>>()
        {
            let sku = text(&plan.body, "sku.name").unwrap_or("S1");
            let Some(tier) = tier_of(sku) else {
                self.skip(plan, unmodelled(plan, sku));
                continue;
            };
            let region = self.region(plan)?;
            // The lab's own export may hold what its plan allowed before a scale down (R2, R5:
            // connections disabled, Hybrid Connections kept): its plans are made at the top
            // tier and given their own after everything else.
            let created_at = if self.facts.is_some() { Tier::P3 } else { tier };
            self.run(
                plan,
                "name",
                Command::CreatePlan {
                    name: plan.name.clone(),
                    tier: created_at,
                    region,
                },
            )?;
            if created_at != tier {
                self.scale_down.push((plan, tier));
            }
            self.created("App Service plan");
            let capacity = at(&plan.body, "sku.capacity")
                .and_then(|c| c.as_u64().or_else(|| c.as_str()?.parse().ok()));
            if let Some(instances) = capacity.filter(|c| *c > 1) {
                let id = self
                    .lab
                    .plans
                    .values()
                    .find(|p| p.name == plan.name)
                    .map(|p| p.id);
                if let Some(id) = id {
                    let instances = u8::try_from(instances).unwrap_or(u8::MAX);
                    self.run(
                        plan,
                        "sku.capacity",
                        Command::ScaleOutPlan {
                            plan: id,
                            instances,
                        },
                    )?;
                }
            }
        }
        Ok(())
    }

    /// The plans made at the top tier for the lab's own export get their own tier as the
    /// state it saved, not as a tier change (whose rules are about the change running, R28):
    /// `validate()` checks the whole result after the import.
    pub(super) fn scale_plans_down(&mut self) {
        for (resource, tier) in std::mem::take(&mut self.scale_down) {
            if let Some(plan) = self
                .lab
                .plans
                .values_mut()
                .find(|p| p.name == resource.name)
            {
                plan.tier = tier;
            }
        }
    }
}

/// Why the lab does not model the plan's SKU, with what it does model.
fn unmodelled(plan: &Resource, sku: &str) -> String {
    let tier = text(&plan.body, "sku.tier").unwrap_or_default();
    let isolated = tier.to_ascii_lowercase().starts_with("isolated")
        || at(&plan.body, "properties.hostingEnvironmentProfile").is_some()
        || is_isolated_sku(sku);
    if isolated {
        format!(
            "its SKU “{sku}” (sku.name) is an Isolated plan, which runs in an App Service \
             Environment: App Service Environments are not modelled; the lab models {KNOWN_SKUS}"
        )
    } else {
        format!("its SKU “{sku}” (sku.name) is not one the lab models: use one of {KNOWN_SKUS}")
    }
}

/// `I1`–`I3` (ASE v2), `I1v2`–`I6v2` and `I1mv2`–`I5mv2` (ASE v3).
fn is_isolated_sku(sku: &str) -> bool {
    let lower = sku.trim().to_ascii_lowercase();
    let Some(rest) = lower.strip_prefix('i') else {
        return false;
    };
    let size = rest.trim_end_matches("v2").trim_end_matches('m');
    !size.is_empty() && size.chars().all(|c| c.is_ascii_digit())
}
