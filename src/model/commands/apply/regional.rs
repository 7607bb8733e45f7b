//! Regional VNet Integration (SPEC §9): connecting to a delegated subnet, Route All, subnet
//! delegation and deletion, peering, and the address rules of scaling a plan (R25–R29, R33).

use super::lookup::SubnetLookup;
use crate::model::command::Event;
use crate::model::commands::error::CommandError;
use crate::model::derived::migration;
use crate::model::derived::regional::{
    plan_subnets, prefix_holding, region_problem, subnet_label, subnet_problems, IntegrationSubnet,
};
use crate::model::entities::ids::{PlanId, VnetId, WebAppId};
use crate::model::entities::network::Delegation;
use crate::model::entities::subscription::Subscription;
use crate::model::entities::web_app::{RegionalIntegration, MAX_INSTANCES};
use crate::model::input::addressing::overlaps;

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

    fn subnet_named(&self, vnet: VnetId, subnet: &str) -> Result<(String, String), CommandError> {
        let network = self.vnet(vnet)?;
        let found = network.subnet_or_refuse(subnet)?;
        Ok((network.name.clone(), found.name.clone()))
    }

    pub(super) fn delete_subnet(
        &mut self,
        vnet: VnetId,
        subnet: &str,
    ) -> Result<Event, CommandError> {
        let (vnet_name, subnet) = self.subnet_named(vnet, subnet)?;
        let what = format!("The subnet {subnet} of {vnet_name}");
        self.check_no_regional_integration(vnet, Some(&subnet), what.clone())?;
        let network = self.vnet(vnet)?;
        let mut users: Vec<String> = network
            .virtual_machines
            .iter()
            .filter(|vm| vm.subnet == subnet)
            .map(|vm| vm.host.name.clone())
            .chain(
                self.private_endpoints
                    .values()
                    .filter(|endpoint| endpoint.vnet == vnet && endpoint.subnet == subnet)
                    .map(|endpoint| format!("the private endpoint of {}", endpoint.host.name)),
            )
            .collect();
        if network
            .subnet(&subnet)
            .is_some_and(|s| s.is_gateway_subnet())
            && network.gateway.is_some()
        {
            users.push(format!("the gateway of {vnet_name}"));
        }
        CommandError::unless_unused(what, users)?;
        self.vnet_mut(vnet)?.subnets.retain(|s| s.name != subnet);
        Ok(Event::new(format!(
            "Deleted the subnet {subnet} of {vnet_name}"
        )))
    }

    pub(super) fn delegate_subnet(
        &mut self,
        vnet: VnetId,
        subnet: &str,
    ) -> Result<Event, CommandError> {
        let (vnet_name, subnet) = self.subnet_named(vnet, subnet)?;
        let entry = self
            .vnet_mut(vnet)?
            .subnet_mut(&subnet)
            .expect("found above");
        if entry.delegation.is_some() {
            return Err(CommandError::AlreadyDelegated { subnet });
        }
        entry.delegation = Some(Delegation::ServerFarms);
        Ok(Event::new(format!(
            "Delegated the subnet {subnet} of {vnet_name} to {}",
            Delegation::ServerFarms
        )))
    }

    pub(super) fn remove_subnet_delegation(
        &mut self,
        vnet: VnetId,
        subnet: &str,
    ) -> Result<Event, CommandError> {
        let (vnet_name, subnet) = self.subnet_named(vnet, subnet)?;
        self.check_no_regional_integration(
            vnet,
            Some(&subnet),
            format!("The delegation of the subnet {subnet} of {vnet_name}"),
        )?;
        let entry = self
            .vnet_mut(vnet)?
            .subnet_mut(&subnet)
            .expect("found above");
        if entry.delegation.take().is_none() {
            return Err(CommandError::NotDelegated { subnet });
        }
        Ok(Event::new(format!(
            "Removed the delegation of the subnet {subnet} of {vnet_name}"
        )))
    }

    /// R33: both sides are peered at once; overlapping address spaces cannot be peered.
    pub(super) fn peer_virtual_networks(
        &mut self,
        vnet: VnetId,
        remote: VnetId,
    ) -> Result<Event, CommandError> {
        let local = self.vnet(vnet)?;
        let other = self.vnet(remote)?;
        if vnet == remote {
            return Err(CommandError::PeeringToItself {
                vnet: local.name.clone(),
            });
        }
        if local.peerings.contains(&remote) {
            return Err(CommandError::AlreadyPeered {
                vnet: local.name.clone(),
                remote: other.name.clone(),
            });
        }
        for own in &local.address_space {
            if let Some(theirs) = other.address_space.iter().find(|p| overlaps(own, p)) {
                return Err(CommandError::OverlappingPrefixes {
                    owner: format!("{} and {}", local.name, other.name),
                    a: *own,
                    b: *theirs,
                });
            }
        }
        let scope = if local.region == other.region {
            format!("in {}", local.region)
        } else {
            format!("global peering, {} to {}", local.region, other.region)
        };
        let event = Event::new(format!(
            "Peered {} with {} ({scope})",
            local.name, other.name
        ));
        self.vnet_mut(vnet)?.peerings.push(remote);
        self.vnet_mut(remote)?.peerings.push(vnet);
        Ok(event)
    }

    pub(super) fn remove_peering(
        &mut self,
        vnet: VnetId,
        remote: VnetId,
    ) -> Result<Event, CommandError> {
        let local = self.vnet(vnet)?;
        let other_name = self.vnet(remote)?.name.clone();
        if !local.peerings.contains(&remote) {
            return Err(CommandError::NotPeered {
                vnet: local.name.clone(),
                remote: other_name,
            });
        }
        let event = Event::new(format!(
            "Removed the peering between {} and {other_name}",
            local.name
        ));
        self.vnet_mut(vnet)?.peerings.retain(|p| *p != remote);
        self.vnet_mut(remote)?.peerings.retain(|p| *p != vnet);
        Ok(event)
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
            done.push(self.execute(step.command.clone())?.summary);
        }
        Ok(Event::new(format!(
            "Moved {name} to regional VNet Integration with {}: {}",
            plan.target_vnet,
            done.join("; ")
        )))
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
