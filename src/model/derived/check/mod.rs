//! The connection check (SPEC §4, §9): can a web app reach host:port over a protocol through
//! its VNet integration? One pipeline for both kinds, as far as they share it: direction and
//! protocol, tier, then the stages of the kind (gateway, point-to-site, certificate, name
//! resolution and route for the gateway-required kind; region, subnet, Route All, name
//! resolution, route table, NSG and the way on for the regional kind), then the target's
//! firewall. Every step evaluated, in order, until the first broken link (R22), each with its
//! sentence and, for a failure, its fix. Steps borrow from the subscription, so a check
//! allocates little and the reachability matrix stays fast.
//!
//! One stage family a file: `protocol`, `tier`, `gateway_required`, `regional`, `dns`,
//! `tunnel`, `firewall`. A step is a `finding` that passed or the `problem` it stopped at
//! (`step`); only a problem has a fix (`fix`); `dangling` is a reference to nothing, `record`
//! how a stage stops, `hop` the path taken.

mod dangling;
mod dns;
mod finding;
mod firewall;
mod fix;
mod gateway_required;
mod hop;
mod problem;
mod protocol;
mod record;
mod regional;
mod step;
mod tier;
mod tunnel;

use crate::model::derived::integration::IntegrationKind;
use crate::model::entities::host::{PortRule, Protocol};
use crate::model::entities::ids::WebAppId;
use crate::model::entities::subscription::Subscription;
use crate::model::entities::web_app::Integration;
pub use dangling::{Dangling, SubnetReference};
pub use finding::Finding;
pub use fix::Fix;
pub use hop::Hop;
pub use problem::Problem;
use record::{record, stop, Next};
pub use step::{Stage, Step};
pub use tunnel::ReturnRange;

/// What the check is asked: a host name or IPv4 address, a port, a protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Target<'a> {
    pub host: &'a str,
    pub port: u16,
    pub protocol: Protocol,
}

/// The answer: every step evaluated, in order, and the path as far as it got.
#[derive(Clone, Debug, PartialEq)]
pub struct Report<'a> {
    pub steps: Vec<Step<'a>>,
    pub path: Vec<Hop<'a>>,
}

impl<'a> Report<'a> {
    /// Reached only when every step passed and the last is the target's open port: a chain
    /// the check did not follow to the host cannot end there.
    pub fn reachable(&self) -> bool {
        self.steps.iter().all(Step::passed)
            && matches!(
                self.steps.last(),
                Some(Step::Passed(Finding::PortOpen { .. }))
            )
    }

    /// R39: the network lets the traffic through to a host whose firewall the lab does not
    /// know, or an NSG rule the lab could not read may decide it.
    pub fn undecided(&self) -> bool {
        matches!(
            self.steps.last(),
            Some(Step::Failed(
                Problem::PortsUnknown { .. }
                    | Problem::NsgRuleUnread { .. }
                    | Problem::RouteUnread { .. }
            ))
        )
    }

    /// The first broken link, if any.
    pub fn failure(&self) -> Option<&Problem<'a>> {
        self.steps.iter().find_map(Step::problem)
    }
}

/// Runs the check from `app` to `target`; stops at the first failed step (R22).
pub fn run<'a>(subscription: &'a Subscription, app: WebAppId, target: Target<'a>) -> Report<'a> {
    let mut report = Report {
        steps: Vec::with_capacity(8),
        path: Vec::new(),
    };
    let _ = evaluate(subscription, app, target, &mut report);
    report
}

/// Whether `app` reaches `target` now: the verdict alone, for the matrix.
pub fn reachable(subscription: &Subscription, app: WebAppId, target: Target<'_>) -> bool {
    run(subscription, app, target).reachable()
}

/// The pipeline: the shared stages, the kind's own, the firewall.
fn evaluate<'a>(
    subscription: &'a Subscription,
    app_id: WebAppId,
    target: Target<'a>,
    report: &mut Report<'a>,
) -> Next {
    let Some(app) = subscription.web_apps.get(&app_id) else {
        return stop(report, Problem::Dangling(Dangling::WebApp { app: app_id }));
    };
    report.path.push(Hop::WebApp(&app.name));
    let regional = match app.integration() {
        Some(Integration::Regional(regional)) => Some(regional),
        Some(Integration::GatewayRequired(_)) | None => None,
    };
    let kind = match regional {
        Some(_) => IntegrationKind::Regional,
        None => IntegrationKind::GatewayRequired,
    };
    let (step, protocol) = protocol::step(kind, target);
    record(report, step)?;
    tier::stage(subscription, app, kind, report)?;
    let (address, host) = match regional {
        Some(regional) => {
            regional::evaluate(subscription, app, regional, target, protocol, report)?
        }
        None => gateway_required::evaluate(subscription, app, target, report)?,
    };
    let rule = PortRule {
        protocol,
        port: target.port,
    };
    firewall::stage(host, address, rule, report)
}
