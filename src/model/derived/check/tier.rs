//! The pricing tier, the second stage: R1 and R5 for the gateway-required kind, R25 for the
//! regional one.

use super::record::{record, stop, Next};
use super::{Dangling, Kind, Report, Step};
use crate::model::entities::subscription::Subscription;
use crate::model::entities::web_app::WebApp;

pub(super) fn stage<'a>(
    subscription: &'a Subscription,
    app: &'a WebApp,
    kind: Kind,
    report: &mut Report<'a>,
) -> Next {
    let Some(plan) = subscription.plan_of(app) else {
        return stop(
            report,
            Step::Dangling(Dangling::Plan {
                app: &app.name,
                plan: app.plan,
            }),
        );
    };
    let (tier, plan_id, plan_name) = (plan.tier, plan.id, plan.name.as_str());
    record(
        report,
        match kind {
            Kind::GatewayRequired if tier.allows_vnet_integration() => Step::TierAllows { tier },
            Kind::GatewayRequired => Step::TierTooLow {
                plan: plan_id,
                plan_name,
                tier,
            },
            Kind::Regional if tier.allows_regional_integration() => {
                Step::RegionalTierAllows { tier }
            }
            Kind::Regional => Step::RegionalTierTooLow {
                plan: plan_id,
                plan_name,
                tier,
            },
        },
    )
}
