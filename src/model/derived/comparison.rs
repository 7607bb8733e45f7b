//! The comparison panel's computed part (R24): for each known endpoint, which web apps each of
//! gateway-required VNet Integration, regional VNet Integration and Hybrid Connections reaches
//! now, and, where none does, the change that would make it reach. It asks each app what the matrix's cells ask (`Column::target`,
//! `Column::hybrid_answer`), so the two views always agree.

use crate::model::derived::check::{self, Report};
use crate::model::derived::endpoints::Location;
use crate::model::derived::hybrid::HybridAnswer;
use crate::model::derived::matrix::{self, Column};
use crate::model::entities::host::{PortRule, Protocol};
use crate::model::entities::subscription::Subscription;
use crate::model::entities::web_app::{Integration, WebApp};

/// One of the two ways, for one endpoint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reach {
    /// The web apps it reaches the endpoint from now, by name.
    pub now: Vec<String>,
    /// When `now` is empty: what would change that, or why nothing can.
    pub change: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EndpointComparison {
    /// The host's name and address, as "hq-app01 (192.168.1.10)".
    pub host: String,
    pub rule: PortRule,
    pub network: String,
    pub gateway_required: Reach,
    pub regional: Reach,
    pub hybrid: Reach,
}

/// Which integration a web app's check answers for.
fn is_regional(app: &WebApp) -> bool {
    matches!(app.integration(), Some(Integration::Regional(_)))
}

/// Every known endpoint with its three answers. Each runs every web app's check, so a view of
/// many endpoints asks [`compare_endpoint`] for the ones it shows.
pub fn compare(subscription: &Subscription) -> Vec<EndpointComparison> {
    matrix::columns(subscription)
        .iter()
        .map(|column| compare_endpoint(subscription, column))
        .collect()
}

/// One endpoint (a column of the matrix) with its three answers.
pub fn compare_endpoint(subscription: &Subscription, column: &Column<'_>) -> EndpointComparison {
    // Each app's two answers, run once, give both who reaches it and what would change.
    let answers: Vec<(&WebApp, Report, HybridAnswer)> = subscription
        .web_apps
        .values()
        .map(|app| {
            let report = check::run(subscription, app.id, column.target());
            (app, report, column.hybrid_answer(subscription, app.id))
        })
        .collect();
    let names = |reaches: &dyn Fn(&WebApp, &Report, &HybridAnswer) -> bool| -> Vec<String> {
        answers
            .iter()
            .filter(|(app, report, answer)| reaches(app, report, answer))
            .map(|(app, ..)| app.name.clone())
            .collect()
    };
    let gateway_required = names(&|app, report, _| !is_regional(app) && report.reachable());
    let regional = names(&|app, report, _| is_regional(app) && report.reachable());
    let hybrid = names(&|_, _, answer| answer.reaches());
    let (regional_answers, gateway_answers): (Vec<_>, Vec<_>) =
        answers.iter().partition(|(app, ..)| is_regional(app));
    EndpointComparison {
        host: format!("{} ({})", column.endpoint.host.name, column.address),
        rule: column.endpoint.rule,
        network: column.network().to_string(),
        gateway_required: Reach {
            change: gateway_required
                .is_empty()
                .then(|| vnet_change(&gateway_answers, GATEWAY_REQUIRED_START)),
            now: gateway_required,
        },
        regional: Reach {
            change: regional
                .is_empty()
                .then(|| vnet_change(&regional_answers, REGIONAL_START)),
            now: regional,
        },
        hybrid: Reach {
            change: hybrid
                .is_empty()
                .then(|| hybrid_change(subscription, column, &answers)),
            now: hybrid,
        },
    }
}

const GATEWAY_REQUIRED_START: &str =
    "Create a web app in a Standard or Premium plan and connect it to a virtual network.";
const REGIONAL_START: &str = "Integrate a web app of a Basic, Standard or Premium plan by regional VNet Integration with an empty subnet of a virtual network in its plan's region that reaches this endpoint.";

/// The fix of the web app whose check gets furthest; `start` when no app has this kind.
fn vnet_change(answers: &[&(&WebApp, Report, HybridAnswer)], start: &str) -> String {
    let furthest = answers
        .iter()
        .max_by_key(|(app, report, _)| (report.steps.len(), std::cmp::Reverse(app.id)));
    let Some((app, report, _)) = furthest else {
        return start.into();
    };
    match report.failure() {
        Some(problem) => format!("From {}: {}", app.name, problem.fix().advice),
        None => format!("From {}: it reaches it.", app.name),
    }
}

/// How close a Hybrid Connection answer is to reaching: lower is closer.
fn distance(answer: &HybridAnswer<'_>) -> u8 {
    match answer {
        HybridAnswer::Reaches { .. } => 0,
        HybridAnswer::AgentStopped { .. } => 1,
        HybridAnswer::NoRelayAgent { .. } | HybridAnswer::AgentCannotReach { .. } => 2,
        HybridAnswer::NoHybridConnection => 3,
        HybridAnswer::TierAllowsNone { .. } | HybridAnswer::NotTcp => 4,
    }
}

fn hybrid_change(
    subscription: &Subscription,
    column: &Column<'_>,
    answers: &[(&WebApp, Report, HybridAnswer)],
) -> String {
    let rule = column.endpoint.rule;
    if rule.protocol != Protocol::Tcp {
        return format!("Cannot: Hybrid Connections carry TCP only, and this endpoint is {rule}.");
    }
    let Location::LocalNetwork(local_name) = column.endpoint.location else {
        return "Not in this lab: a relay agent must run on a Windows Server that reaches the VM, and the lab installs agents on local networks' servers; VNet Integration is the way to a VM here.".into();
    };
    let closest = answers
        .iter()
        .min_by_key(|(app, _, answer)| (distance(answer), app.id));
    let Some((app, _, answer)) = closest else {
        return "Create a web app in a Basic, Standard or Premium plan, then add a Hybrid Connection to it.".into();
    };
    if let HybridAnswer::NoHybridConnection = *answer {
        let agent = subscription
            .local_network_named(local_name)
            .and_then(|local| {
                local
                    .servers
                    .iter()
                    .find(|server| server.host.runs_windows_server())
            })
            .map_or_else(
                || format!("a Windows Server you add to {local_name}"),
                |server| server.host.name.clone(),
            );
        return format!(
            "From {}: add a Hybrid Connection to {}:{} and install its relay agent on {agent}.",
            app.name, column.name, rule.port
        );
    }
    format!("From {}: {answer}", app.name)
}
