//! Regional VNet Integration, derived from the state (SPEC §9): which subnets each plan uses and
//! how many addresses they take (R27, R28), which subnets a web app may pick and why not (R26),
//! and the free prefixes a new integration subnet could take.

use std::fmt;
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use crate::model::entities::ids::{PlanId, VnetId, WebAppId};
use crate::model::entities::network::{usable_addresses, Delegation, Subnet, VirtualNetwork};
use crate::model::entities::region::Region;
use crate::model::entities::subscription::Subscription;
use crate::model::entities::web_app::Plan;
use crate::model::input::addressing::overlaps;

/// The smallest integration subnet: a /28 (R26).
pub const SMALLEST_PREFIX: u8 = 28;
/// From this size up a subnet may serve several plans (R27's multi-plan subnet join).
pub const MULTI_PLAN_PREFIX: u8 = 26;
/// How many integration subnets one plan may use (R27).
pub const MAX_SUBNETS_PER_PLAN: usize = 2;

/// One subnet used by regional integration, and who uses it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntegrationSubnet {
    pub vnet: VnetId,
    pub subnet: String,
    pub prefix: Ipv4Net,
    /// The plans whose apps integrate here, each with its instance count.
    pub plans: Vec<(PlanId, u8)>,
    pub apps: Vec<WebAppId>,
}

impl IntegrationSubnet {
    /// Addresses in use: one per instance of every plan on the subnet (R28).
    pub fn in_use(&self) -> u32 {
        self.plans.iter().map(|(_, n)| u32::from(*n)).sum()
    }

    pub fn capacity(&self) -> u32 {
        usable_addresses(self.prefix.prefix_len())
    }
}

/// Every subnet some web app integrates with, in VNet and subnet order.
pub fn integration_subnets(subscription: &Subscription) -> Vec<IntegrationSubnet> {
    let mut subnets: Vec<IntegrationSubnet> = Vec::new();
    for app in subscription.web_apps.values() {
        let Some(regional) = &app.regional else {
            continue;
        };
        let Some(prefix) = subscription
            .virtual_networks
            .get(&regional.vnet)
            .and_then(|vnet| vnet.subnet(&regional.subnet))
            .map(|subnet| subnet.prefix)
        else {
            continue;
        };
        let instances = subscription.plans.get(&app.plan).map_or(1, |p| p.instances);
        let index = match subnets
            .iter()
            .position(|s| s.vnet == regional.vnet && s.subnet == regional.subnet)
        {
            Some(index) => index,
            None => {
                subnets.push(IntegrationSubnet {
                    vnet: regional.vnet,
                    subnet: regional.subnet.clone(),
                    prefix,
                    plans: Vec::new(),
                    apps: Vec::new(),
                });
                subnets.len() - 1
            }
        };
        let entry = &mut subnets[index];
        entry.apps.push(app.id);
        if !entry.plans.iter().any(|(plan, _)| *plan == app.plan) {
            entry.plans.push((app.plan, instances));
        }
    }
    subnets.sort_by(|a, b| (a.vnet, &a.subnet).cmp(&(b.vnet, &b.subnet)));
    subnets
}

/// The integration subnets one plan uses (at most two, R27).
pub fn plan_subnets(subscription: &Subscription, plan: PlanId) -> Vec<IntegrationSubnet> {
    integration_subnets(subscription)
        .into_iter()
        .filter(|subnet| subnet.plans.iter().any(|(p, _)| *p == plan))
        .collect()
}

/// The integration subnet of one VNet's subnet, if an integration uses it.
pub fn subnet_usage(
    subscription: &Subscription,
    vnet: VnetId,
    subnet: &str,
) -> Option<IntegrationSubnet> {
    integration_subnets(subscription)
        .into_iter()
        .find(|s| s.vnet == vnet && s.subnet == subnet)
}

/// The smallest prefix length whose subnet holds `addresses` (R28), if one does.
pub fn prefix_holding(addresses: u32) -> Option<u8> {
    (0..=SMALLEST_PREFIX)
        .rev()
        .find(|len| usable_addresses(*len) >= addresses)
}

/// A condition a subnet misses to be picked for a plan's regional integration (R26–R28).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SubnetProblem {
    /// Smaller than /28.
    TooSmall {
        prefix: Ipv4Net,
    },
    GatewaySubnet,
    HasVirtualMachines {
        count: usize,
    },
    HasPrivateEndpoints {
        count: usize,
    },
    /// Used by another plan and smaller than /26 (R27).
    UsedByAnotherPlan {
        plan: String,
        prefix: Ipv4Net,
    },
    /// The plan already uses its two integration subnets (R27).
    PlanHasTwoSubnets {
        plan: String,
        subnets: Vec<String>,
    },
    /// Not enough free addresses for the plan's instances (R28).
    NotEnoughAddresses {
        needed: u32,
        free: u32,
        /// The prefix length that would hold every plan on the subnet.
        holding: Option<u8>,
    },
}

impl fmt::Display for SubnetProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SubnetProblem::TooSmall { prefix } => write!(
                f,
                "it is a /{}; an integration subnet must be /28 or larger",
                prefix.prefix_len()
            ),
            SubnetProblem::GatewaySubnet => {
                write!(f, "it is the GatewaySubnet, which only the VPN gateway uses")
            }
            SubnetProblem::HasVirtualMachines { count } => write!(
                f,
                "it is not empty: {count} virtual machine{} in it; an integration subnet must be empty",
                if *count == 1 { " is" } else { "s are" }
            ),
            SubnetProblem::HasPrivateEndpoints { count } => write!(
                f,
                "it is not empty: {count} private endpoint{} in it; an integration subnet must be empty",
                if *count == 1 { " is" } else { "s are" }
            ),
            SubnetProblem::UsedByAnotherPlan { plan, prefix } => write!(
                f,
                "the plan {plan} already uses it, and a /{} serves one plan; only a /26 or larger serves several",
                prefix.prefix_len()
            ),
            SubnetProblem::PlanHasTwoSubnets { plan, subnets } => write!(
                f,
                "the plan {plan} already uses two integration subnets ({}), the most a plan can use",
                subnets.join(", ")
            ),
            SubnetProblem::NotEnoughAddresses {
                needed,
                free,
                holding,
            } => {
                write!(
                    f,
                    "it has {free} free address{} and the plan's {needed} instance{} need{} one each",
                    if *free == 1 { "" } else { "es" },
                    if *needed == 1 { "" } else { "s" },
                    if *needed == 1 { "s" } else { "" },
                )?;
                match holding {
                    Some(len) => write!(f, "; a /{len} would hold them"),
                    None => Ok(()),
                }
            }
        }
    }
}

/// Why `vnet` cannot be picked for the regional integration of an app on `plan` (R25).
pub fn region_problem(plan: &Plan, vnet: &VirtualNetwork) -> Option<(Region, Region)> {
    (plan.region != vnet.region).then_some((vnet.region, plan.region))
}

/// Every condition `subnet` of `vnet` misses to serve `plan`'s regional integration; empty when
/// it can. An empty undelegated subnet qualifies: connecting delegates it (R26).
pub fn subnet_problems(
    subscription: &Subscription,
    plan: &Plan,
    vnet: &VirtualNetwork,
    subnet: &Subnet,
) -> Vec<SubnetProblem> {
    let mut problems = subnet_shortfalls(subscription, vnet, subnet);
    problems.extend(plan_problems(subscription, plan, vnet, subnet));
    problems
}

/// What keeps `subnet` from serving any plan's regional integration: its size and what is in
/// it (R26); empty when some plan in the VNet's region could integrate there.
pub fn subnet_shortfalls(
    subscription: &Subscription,
    vnet: &VirtualNetwork,
    subnet: &Subnet,
) -> Vec<SubnetProblem> {
    let mut problems = Vec::new();
    if subnet.prefix.prefix_len() > SMALLEST_PREFIX {
        problems.push(SubnetProblem::TooSmall {
            prefix: subnet.prefix,
        });
    }
    if subnet.is_gateway_subnet() {
        problems.push(SubnetProblem::GatewaySubnet);
    }
    let count = vnet
        .virtual_machines
        .iter()
        .filter(|vm| vm.subnet == subnet.name)
        .count();
    if count > 0 {
        problems.push(SubnetProblem::HasVirtualMachines { count });
    }
    let endpoints = subscription
        .private_endpoints
        .values()
        .filter(|endpoint| endpoint.vnet == vnet.id && endpoint.subnet == subnet.name)
        .count();
    if endpoints > 0 {
        problems.push(SubnetProblem::HasPrivateEndpoints { count: endpoints });
    }
    problems
}

/// What keeps `subnet` from serving `plan` in particular: other plans on it, the plan's two
/// subnets and free addresses (R27, R28).
fn plan_problems(
    subscription: &Subscription,
    plan: &Plan,
    vnet: &VirtualNetwork,
    subnet: &Subnet,
) -> Vec<SubnetProblem> {
    let mut problems = Vec::new();
    let all = integration_subnets(subscription);
    let usage = all
        .iter()
        .find(|s| s.vnet == vnet.id && s.subnet == subnet.name);
    let plan_uses_it = usage.is_some_and(|u| u.plans.iter().any(|(p, _)| *p == plan.id));
    if let Some(usage) = usage {
        if !plan_uses_it && subnet.prefix.prefix_len() > MULTI_PLAN_PREFIX {
            if let Some((other, _)) = usage.plans.first() {
                problems.push(SubnetProblem::UsedByAnotherPlan {
                    plan: plan_name(subscription, *other),
                    prefix: subnet.prefix,
                });
            }
        }
    }
    if !plan_uses_it {
        let others: Vec<String> = all
            .iter()
            .filter(|s| s.plans.iter().any(|(p, _)| *p == plan.id))
            .map(|s| subnet_label(subscription, s))
            .collect();
        if others.len() >= MAX_SUBNETS_PER_PLAN {
            problems.push(SubnetProblem::PlanHasTwoSubnets {
                plan: plan.name.clone(),
                subnets: others,
            });
        }
        let in_use = usage.map_or(0, IntegrationSubnet::in_use);
        let free = subnet.usable_addresses().saturating_sub(in_use);
        let needed = u32::from(plan.instances);
        if needed > free {
            problems.push(SubnetProblem::NotEnoughAddresses {
                needed,
                free,
                holding: prefix_holding(needed + in_use),
            });
        }
    }
    problems
}

fn plan_name(subscription: &Subscription, plan: PlanId) -> String {
    subscription
        .plans
        .get(&plan)
        .map_or_else(|| plan.to_string(), |p| p.name.clone())
}

/// "appVnet/apps": a subnet as the portal names it.
pub fn subnet_label(subscription: &Subscription, subnet: &IntegrationSubnet) -> String {
    let vnet = subscription
        .virtual_networks
        .get(&subnet.vnet)
        .map_or("", |v| v.name.as_str());
    format!("{vnet}/{}", subnet.subnet)
}

/// Whether the subnet is delegated to App Service.
pub fn is_delegated(subnet: &Subnet) -> bool {
    subnet.delegation == Some(Delegation::ServerFarms)
}

/// The first free prefix of length `len` inside `vnet`'s address space that overlaps no subnet:
/// what the portal proposes for a new integration subnet.
pub fn free_prefix(vnet: &VirtualNetwork, len: u8) -> Option<Ipv4Net> {
    free_prefix_in(&vnet.address_space, &vnet.subnets, len)
}

/// [`free_prefix`] in an address space with these subnets, such as a VNet yet to be created.
pub fn free_prefix_in(space: &[Ipv4Net], subnets: &[Subnet], len: u8) -> Option<Ipv4Net> {
    space
        .iter()
        .filter(|space| space.prefix_len() <= len)
        .flat_map(|space| space.subnets(len).into_iter().flatten())
        .find(|candidate| {
            !subnets
                .iter()
                .any(|subnet| overlaps(&subnet.prefix, candidate))
        })
}

/// The address the web app's traffic comes from inside the VNet: the subnet's first address
/// after Azure's reserved four.
pub fn instance_address(prefix: &Ipv4Net) -> Ipv4Addr {
    Ipv4Addr::from(u32::from(prefix.network()).saturating_add(4))
}
