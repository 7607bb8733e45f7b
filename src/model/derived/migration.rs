//! The move from gateway-required to regional VNet Integration (SPEC §10): for each web app on
//! gateway-required integration, the plan (R35), what it predicts for every endpoint the app
//! reaches (R36), the downtime warning and the guide's strategies (R37), and the order for the
//! whole subscription.

use std::collections::BTreeMap;
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use crate::model::command::Command;
use crate::model::derived::check;
use crate::model::derived::matrix::columns;
use crate::model::derived::regional::{
    free_prefix_in, plan_subnets, prefix_holding, subnet_label, MAX_SUBNETS_PER_PLAN,
    MULTI_PLAN_PREFIX, SMALLEST_PREFIX,
};
use crate::model::entities::ids::{VnetId, WebAppId};
use crate::model::entities::network::{Subnet, VirtualNetwork};
use crate::model::entities::subscription::Subscription;
use crate::model::entities::web_app::WebApp;
use crate::model::input::addressing::{is_private, overlaps};
use crate::model::input::text::join;

/// R37: the move is a disconnect and a connect.
pub const DOWNTIME_WARNING: &str = "Moving is a disconnect followed by a connect: the web app loses access to the virtual network for a few minutes while it happens.";

/// R37: the migration guide's three ways to take that downtime.
pub const STRATEGIES: [(&str, &str); 3] = [
    ("A new App Service plan", "Create a new plan with regional integration from the start, deploy the app there, move the traffic, then delete the old app: no downtime, at the cost of a second plan while both run."),
    ("A staging slot", "Integrate a deployment slot by regional integration, test it, then swap it into production: the swap carries the slot's integration, so the production app switches without a gap."),
    ("Planned downtime", "Disconnect and connect in a maintenance window: the simplest way, with minutes without VNet access."),
];

/// One step of a plan: what it does, the command that does it, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MigrationStep {
    pub what: String,
    pub command: StepCommand,
    pub why: String,
}

/// A step's command. The virtual network a cross-region plan creates has no id before its
/// step runs, so the steps after it name it, and its id is looked up when they run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepCommand {
    /// A command on what exists before the plan runs.
    Ready(Command),
    /// A command on the virtual network an earlier step of the plan creates, by its name.
    OnNewVnet { vnet: String, command: OnNewVnet },
}

/// What a step does to the virtual network the plan creates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OnNewVnet {
    Peer {
        remote: VnetId,
    },
    ConnectToNewSubnet {
        app: WebAppId,
        subnet: String,
        prefix: String,
        route_all: bool,
    },
}

impl StepCommand {
    /// The command to run on `state`, as the steps before leave it; `None` when the virtual
    /// network it names is not there.
    pub fn resolve(&self, state: &Subscription) -> Option<Command> {
        match self {
            StepCommand::Ready(command) => Some(command.clone()),
            StepCommand::OnNewVnet { vnet, command } => {
                let vnet = state.vnet_named(vnet)?.id;
                Some(match command.clone() {
                    OnNewVnet::Peer { remote } => Command::PeerVirtualNetworks { vnet, remote },
                    OnNewVnet::ConnectToNewSubnet {
                        app,
                        subnet,
                        prefix,
                        route_all,
                    } => Command::ConnectRegionalToNewSubnet {
                        app,
                        vnet,
                        subnet,
                        prefix,
                        route_all,
                    },
                })
            }
        }
    }
}

/// What happens to one endpoint the app reaches today, or newly reaches after (R36).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prediction {
    /// As "sql01 (10.1.1.5) TCP 1433".
    pub endpoint: String,
    pub before: bool,
    pub after: bool,
    /// Why it breaks, or what makes it newly reachable.
    pub reason: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MigrationPlan {
    pub app: WebAppId,
    pub app_name: String,
    pub source_vnet: String,
    /// The VNet the app will integrate with; new when the source is in another region.
    pub target_vnet: String,
    pub cross_region: bool,
    /// The integration subnet and its prefix; `None` when nothing fits.
    pub subnet: Option<(String, Ipv4Net)>,
    pub route_all: bool,
    pub dns_servers: Vec<Ipv4Addr>,
    /// Every step in order; applying runs their commands all or nothing.
    pub steps: Vec<MigrationStep>,
    /// When no subnet fits: what to do first.
    pub blocked: Option<String>,
    pub predictions: Vec<Prediction>,
}

impl MigrationPlan {
    /// Runs the steps in order on a copy of `subscription`, each command resolved on the state
    /// the steps before it leave; `each` sees every command with the states before and after
    /// it. `None` when a step is refused, after the steps before it were seen.
    pub fn run(
        &self,
        subscription: &Subscription,
        mut each: impl FnMut(&Subscription, &Subscription, &Command),
    ) -> Option<Subscription> {
        let mut state = subscription.clone();
        for step in &self.steps {
            let command = step.command.resolve(&state)?;
            let mut next = state.clone();
            next.apply(command.clone()).ok()?;
            each(&state, &next, &command);
            state = next;
        }
        Some(state)
    }

    /// The steps' commands as running the plan on `subscription` resolves them, up to the
    /// first one refused.
    pub fn commands(&self, subscription: &Subscription) -> Vec<Command> {
        let mut commands = Vec::new();
        self.run(subscription, |_, _, command| commands.push(command.clone()));
        commands
    }
}

/// The prefix length a plan's instances need under R28, with room for a tier change: a /28
/// holds 5 instances, a /27 13, a /26 29.
pub fn required_prefix(instances: u8) -> u8 {
    prefix_holding(2 * u32::from(instances))
        .unwrap_or(0)
        .min(SMALLEST_PREFIX)
}

/// The integration subnet for a plan: a free /26 when one fits, else the smallest free prefix
/// that holds the instances; `None` when the address space has no room.
pub fn subnet_for(vnet: &VirtualNetwork, instances: u8) -> Option<Ipv4Net> {
    subnet_in(&vnet.address_space, &vnet.subnets, instances)
}

/// [`subnet_for`] in an address space with these subnets: a VNet the plan has yet to create.
fn subnet_in(space: &[Ipv4Net], subnets: &[Subnet], instances: u8) -> Option<Ipv4Net> {
    let needed = required_prefix(instances);
    if needed >= MULTI_PLAN_PREFIX {
        if let Some(prefix) = free_prefix_in(space, subnets, MULTI_PLAN_PREFIX) {
            return Some(prefix);
        }
    }
    free_prefix_in(space, subnets, needed)
}

/// A free /16 of 10.0.0.0/8 that overlaps no VNet, local network or point-to-site pool.
fn free_address_space(subscription: &Subscription) -> Option<Ipv4Net> {
    let taken: Vec<Ipv4Net> = subscription
        .virtual_networks
        .values()
        .flat_map(|vnet| {
            vnet.address_space
                .iter()
                .copied()
                .chain(vnet.point_to_site.iter().map(|p2s| p2s.pool))
        })
        .chain(
            subscription
                .local_networks
                .values()
                .flat_map(|local| local.address_space.iter().copied()),
        )
        .collect();
    (0..=255u8)
        .map(|second| Ipv4Net::new_assert(Ipv4Addr::new(10, second, 0, 0), 16))
        .find(|candidate| !taken.iter().any(|other| overlaps(other, candidate)))
}

/// A subnet name not yet used in `vnet`.
fn subnet_name(vnet: Option<&VirtualNetwork>) -> String {
    (1..)
        .map(|n| {
            if n == 1 {
                "integration".to_string()
            } else {
                format!("integration-{n}")
            }
        })
        .find(|name| vnet.is_none_or(|vnet| vnet.subnet(name).is_none()))
        .expect("an unbounded range has a free name")
}

/// R35: the plan for one web app on gateway-required integration; `None` for any other app.
pub fn plan(subscription: &Subscription, app: WebAppId) -> Option<MigrationPlan> {
    let web_app = subscription.web_apps.get(&app)?;
    let connection = web_app.connection.as_ref()?;
    let source = subscription.virtual_networks.get(&connection.vnet)?;
    let app_plan = subscription.plan_of(web_app)?;
    let cross_region = source.region != app_plan.region;
    let mut steps = Vec::new();
    let mut blocked = (!app_plan.tier.allows_regional_integration()).then(|| {
        format!(
            "the plan {} is in the {} tier, and regional integration needs Basic or higher: scale the plan up first.",
            app_plan.name, app_plan.tier
        )
    });

    // The target VNet: the same one, or a new one in the plan's region peered to it, which
    // the steps after its creation name.
    let (target, target_name, new_space): (Option<&VirtualNetwork>, String, Option<Ipv4Net>) =
        if cross_region {
            let name = format!("{}-{}", source.name, app_plan.region.arm_name());
            let space = free_address_space(subscription);
            match space {
                Some(space) => {
                    steps.push(MigrationStep {
                        what: format!(
                            "Create the virtual network {name} ({space}) in {}",
                            app_plan.region
                        ),
                        command: StepCommand::Ready(Command::CreateVirtualNetwork {
                            name: name.clone(),
                            region: app_plan.region,
                            address_space: space.to_string(),
                            dns_servers: join(&source.dns_servers, ", "),
                        }),
                        why: format!(
                            "{} is in {} and the plan {} in {}: regional integration needs a VNet in the plan's region (R25).{}",
                            source.name, source.region, app_plan.name, app_plan.region,
                            if source.dns_servers.is_empty() {
                                String::new()
                            } else {
                                format!(" It takes the DNS servers of {} ({}).", source.name, join(&source.dns_servers, ", "))
                            }
                        ),
                    });
                    steps.push(MigrationStep {
                        what: format!("Peer {name} with {}", source.name),
                        command: StepCommand::OnNewVnet {
                            vnet: name.clone(),
                            command: OnNewVnet::Peer { remote: source.id },
                        },
                        why: format!(
                            "Global peering lets the app reach {} like its own VNet (R33).",
                            source.name
                        ),
                    });
                }
                None => {
                    blocked = Some("no /16 of 10.0.0.0/8 is free for a new virtual network: free an address range first.".into());
                }
            }
            (None, name, space)
        } else {
            (Some(source), source.name.clone(), None)
        };
    // The target's address space: the new VNet has nothing else yet.
    let target_space: &[Ipv4Net] = match (target, &new_space) {
        (Some(vnet), _) => &vnet.address_space,
        (None, Some(space)) => std::slice::from_ref(space),
        (None, None) => &[],
    };

    // The integration subnet: the plan's own when it already has one in the target VNet.
    let existing = target.and_then(|vnet| {
        plan_subnets(subscription, app_plan.id)
            .into_iter()
            .find(|used| used.vnet == vnet.id)
    });
    let subnet = match (&existing, target) {
        (Some(used), _) => Some((used.subnet.clone(), used.prefix)),
        (None, Some(vnet)) => {
            subnet_for(vnet, app_plan.instances).map(|prefix| (subnet_name(Some(vnet)), prefix))
        }
        (None, None) => subnet_in(target_space, &[], app_plan.instances)
            .map(|prefix| (subnet_name(None), prefix)),
    };
    let dns_servers: Vec<Ipv4Addr> = source.dns_servers.iter().take(2).copied().collect();
    // Gateway-required integration carried the VNet's ranges only; Route All off keeps the
    // internet where it was, unless the VNet uses public ranges, which only Route All lets in.
    let public_ranges = target_space
        .iter()
        .chain(&source.address_space)
        .any(|space| !is_private(space));
    let route_all = public_ranges;

    let plan_subnet_names: Vec<String> = plan_subnets(subscription, app_plan.id)
        .iter()
        .map(|used| subnet_label(subscription, used))
        .collect();
    if blocked.is_none() && existing.is_none() && plan_subnet_names.len() >= MAX_SUBNETS_PER_PLAN {
        blocked = Some(format!(
            "the plan {} already uses two integration subnets ({}), the most a plan can use (R27): disconnect the apps of one of them first.",
            app_plan.name,
            plan_subnet_names.join(", ")
        ));
    }
    if blocked.is_none() && subnet.is_none() {
        let needed = required_prefix(app_plan.instances);
        blocked = Some(format!(
            "no free /{needed} is left in the address space of {target_name} for the plan's {} instance{}: add an address range to {target_name} (such as a new /24) and plan again.",
            app_plan.instances,
            if app_plan.instances == 1 { "" } else { "s" }
        ));
    }

    if let (Some((name, prefix)), None) = (&subnet, &blocked) {
        steps.push(MigrationStep {
            what: format!("Disconnect {} from {} (gateway-required)", web_app.name, source.name),
            command: StepCommand::Ready(Command::DisconnectWebApp { app }),
            why: "A web app uses one integration at a time (R4); the app has no VNet access from here until the next step.".into(),
        });
        let why_subnet = match &existing {
            Some(_) => format!("The plan {} already integrates with {name}; its apps share it (R27).", app_plan.name),
            None => format!(
                "The smallest free prefix of {target_name} that holds the plan's {} instance{} twice over, as a tier change needs (R28){}; it is delegated to Microsoft.Web/serverFarms on connect (R26).",
                app_plan.instances,
                if app_plan.instances == 1 { "" } else { "s" },
                if prefix.prefix_len() == MULTI_PLAN_PREFIX { ", a /26 where one fits so other plans can join" } else { "" }
            ),
        };
        steps.push(MigrationStep {
            what: format!(
                "Connect {} by regional integration to {target_name}/{name} ({prefix}), Route All {}",
                web_app.name,
                if route_all { "on" } else { "off" }
            ),
            command: match (target, &existing) {
                (Some(vnet), Some(_)) => StepCommand::Ready(Command::ConnectRegional {
                    app,
                    vnet: vnet.id,
                    subnet: name.clone(),
                    route_all,
                }),
                (Some(vnet), None) => StepCommand::Ready(Command::ConnectRegionalToNewSubnet {
                    app,
                    vnet: vnet.id,
                    subnet: name.clone(),
                    prefix: prefix.to_string(),
                    route_all,
                }),
                (None, _) => StepCommand::OnNewVnet {
                    vnet: target_name.clone(),
                    command: OnNewVnet::ConnectToNewSubnet {
                        app,
                        subnet: name.clone(),
                        prefix: prefix.to_string(),
                        route_all,
                    },
                },
            },
            why: format!(
                "{why_subnet} Route All {}: {}",
                if route_all { "on" } else { "off" },
                if route_all {
                    "the VNet uses public ranges, which only Route All lets in (R29)."
                } else {
                    "gateway-required integration carried only the VNet's ranges, so internet traffic stays where it was (R29)."
                }
            ),
        });
        steps.extend(route_steps(
            subscription,
            web_app,
            source,
            *prefix,
            cross_region,
        ));
    }

    let mut result = MigrationPlan {
        app,
        app_name: web_app.name.clone(),
        source_vnet: source.name.clone(),
        target_vnet: target_name,
        cross_region,
        subnet,
        route_all,
        dns_servers,
        steps,
        blocked,
        predictions: Vec::new(),
    };
    result.predictions = predict(subscription, &result);
    Some(result)
}

/// R35: every local network the app reached through the tunnel gets the integration subnet's
/// return route; the pool's route goes when no other gateway-required app uses the pool.
fn route_steps(
    subscription: &Subscription,
    web_app: &WebApp,
    source: &VirtualNetwork,
    subnet: Ipv4Net,
    cross_region: bool,
) -> Vec<MigrationStep> {
    let Some(connection) = &web_app.connection else {
        return Vec::new();
    };
    let pool = source.point_to_site.as_ref().map(|p2s| p2s.pool);
    let pool_still_used = subscription.web_apps.values().any(|other| {
        other.id != web_app.id
            && other
                .connection
                .as_ref()
                .is_some_and(|c| c.vnet == source.id)
    });
    let mut steps = Vec::new();
    for local in connection
        .synced
        .site_to_site
        .iter()
        .filter(|id| source.site_to_site.contains(id))
        .filter_map(|id| subscription.local_networks.get(id))
    {
        if cross_region {
            continue;
        }
        if !local.routes_back(&subnet) {
            steps.push(MigrationStep {
                what: format!("On {}, add the route {subnet} via the VPN tunnel", local.name),
                command: StepCommand::Ready(Command::AddRoute {
                    local_network: local.id,
                    prefix: subnet.to_string(),
                }),
                why: format!(
                    "Replies from {} go back to the integration subnet now, not to the point-to-site pool (R33).",
                    local.name
                ),
            });
        }
        if let Some(pool) = pool.filter(|pool| local.routes.contains(pool)) {
            if !pool_still_used {
                steps.push(MigrationStep {
                    what: format!("On {}, remove the route {pool}", local.name),
                    command: StepCommand::Ready(Command::RemoveRoute {
                        local_network: local.id,
                        prefix: pool.to_string(),
                    }),
                    why: "No web app uses the point-to-site pool of the VNet any more: the route it needed is replaced by the integration subnet's.".into(),
                });
            }
        }
    }
    steps
}

/// R36: each endpoint the app reaches today, and each it reaches only after, checked on the
/// subscription as the plan leaves it.
fn predict(subscription: &Subscription, plan: &MigrationPlan) -> Vec<Prediction> {
    if plan.blocked.is_some() {
        return Vec::new();
    }
    let Some(after) = applied(subscription, plan) else {
        return Vec::new();
    };
    let before_columns = columns(subscription);
    let mut predictions = Vec::new();
    for column in &before_columns {
        let target = column.target();
        let before = check::reachable(subscription, plan.app, target);
        let report = check::run(&after, plan.app, target);
        let now = report.reachable();
        if !before && !now {
            continue;
        }
        let reason = match (before, now) {
            (true, false) => Some(breaks_because(plan, &report)),
            (false, true) => Some(newly_because(subscription, plan.app, target)),
            _ => None,
        };
        predictions.push(Prediction {
            endpoint: column.label(),
            before,
            after: now,
            reason,
        });
    }
    predictions
}

fn breaks_because(plan: &MigrationPlan, report: &check::Report<'_>) -> String {
    let step = report
        .failure()
        .map(ToString::to_string)
        .unwrap_or_default();
    if plan.cross_region {
        format!("{step} On-premises networks behind {}'s gateway are not reached from a peered VNet in the lab (no gateway transit): link them to a gateway of {} instead.", plan.source_vnet, plan.target_vnet)
    } else {
        step
    }
}

fn newly_because(before: &Subscription, app: WebAppId, target: check::Target<'_>) -> String {
    match check::run(before, app, target).failure() {
        Some(step) => format!(
            "Newly reached: today {}",
            lowercase_first(&step.to_string())
        ),
        None => "Newly reached.".into(),
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The subscription as applying the plan leaves it, or `None` when a step is refused.
pub fn applied(subscription: &Subscription, plan: &MigrationPlan) -> Option<Subscription> {
    plan.run(subscription, |_, _, _| {})
}

/// The whole subscription's move: what remains, gateways left without integrations, and the
/// order (apps sharing a source VNet together).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MigrationOverview {
    /// Apps on gateway-required integration, grouped by source VNet, in migration order.
    pub groups: Vec<(String, Vec<String>)>,
    pub remaining: usize,
    /// VNets whose gateway would then carry no integration, and whether it still carries
    /// site-to-site connections (else it could go).
    pub idle_gateways: Vec<(String, bool)>,
}

pub fn overview(subscription: &Subscription) -> MigrationOverview {
    let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for app in subscription.web_apps.values() {
        if let Some(vnet) = app
            .connection
            .as_ref()
            .and_then(|c| subscription.virtual_networks.get(&c.vnet))
        {
            groups
                .entry(vnet.name.clone())
                .or_default()
                .push(app.name.clone());
        }
    }
    let remaining = groups.values().map(Vec::len).sum();
    let idle_gateways = groups
        .keys()
        .filter_map(|name| subscription.vnet_named(name))
        .map(|vnet| (vnet.name.clone(), !vnet.site_to_site.is_empty()))
        .collect();
    let mut groups: Vec<(String, Vec<String>)> = groups.into_iter().collect();
    for (_, apps) in &mut groups {
        apps.sort();
    }
    // Bigger groups first: one maintenance window moves the most apps.
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    MigrationOverview {
        groups,
        remaining,
        idle_gateways,
    }
}

/// Every web app on gateway-required integration, with its plan.
pub fn plans(subscription: &Subscription) -> Vec<MigrationPlan> {
    subscription
        .web_apps
        .keys()
        .filter_map(|app| plan(subscription, *app))
        .collect()
}
