//! The pricing tier, the second stage: R1 and R5 for the gateway-required kind, R25 for the
//! regional one.

use super::record::{record, stop, Next};
use super::{Dangling, Finding, Problem, Report};
use crate::model::derived::integration::IntegrationKind;
use crate::model::entities::subscription::Subscription;
use crate::model::entities::tier::{Tier, TierFamily};
use crate::model::entities::web_app::WebApp;

/// What a kind of integration asks of the plan's tier, in the words of its step and fix.
pub(super) struct Needs {
    /// The integration, as the sentence names it.
    pub feature: &'static str,
    /// The tiers that include it.
    pub tiers: &'static str,
    /// What a tier too low disables.
    pub disabled: &'static str,
    /// What the fix scales the plan to, and the family whose entry tier that is.
    pub scale_to: &'static str,
    pub lowest: TierFamily,
}

pub(super) fn needs(kind: IntegrationKind) -> Needs {
    match kind {
        IntegrationKind::GatewayRequired => Needs {
            feature: "VNet Integration",
            tiers: "Standard or Premium",
            disabled: "connection",
            scale_to: "Standard",
            lowest: TierFamily::Standard,
        },
        IntegrationKind::Regional => Needs {
            feature: "regional VNet Integration",
            tiers: "Basic, Standard or Premium",
            disabled: "integration",
            scale_to: "Basic or higher",
            lowest: TierFamily::Basic,
        },
    }
}

fn allows(kind: IntegrationKind, tier: Tier) -> bool {
    match kind {
        IntegrationKind::GatewayRequired => tier.allows_vnet_integration(),
        IntegrationKind::Regional => tier.allows_regional_integration(),
    }
}

pub(super) fn stage<'a>(
    subscription: &'a Subscription,
    app: &'a WebApp,
    kind: IntegrationKind,
    report: &mut Report<'a>,
) -> Next {
    let Some(plan) = subscription.plan_of(app) else {
        return stop(
            report,
            Problem::Dangling(Dangling::Plan {
                app: &app.name,
                plan: app.plan,
            }),
        );
    };
    let tier = plan.tier;
    if !allows(kind, tier) {
        return stop(
            report,
            Problem::TierTooLow {
                kind,
                plan: plan.id,
                plan_name: &plan.name,
                tier,
            },
        );
    }
    record(report, Finding::TierAllows { kind, tier })
}
