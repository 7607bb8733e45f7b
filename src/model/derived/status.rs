//! Status derived from the state, never stored: a connection's status, a VNet's eligibility for
//! integration (R8), a plan's VNets (R6).

use std::fmt;

use crate::model::entities::certificate::Certificate;
use crate::model::entities::clock::{describe_duration, Instant, DAY};
use crate::model::entities::ids::{PlanId, VnetId, WebAppId};
use crate::model::entities::network::{Routing, VirtualNetwork};
use crate::model::entities::subscription::Subscription;
use crate::model::entities::tier::Tier;
use crate::model::entities::web_app::VnetConnection;
use crate::model::input::text::join;

/// A condition a VNet misses to be picked for integration (R8).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MissingCondition {
    NoGateway,
    StaticRoutingGateway,
    GatewayProvisioning { seconds_left: i64 },
    PointToSiteNotEnabled,
}

impl fmt::Display for MissingCondition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MissingCondition::NoGateway => {
                write!(f, "it has no gateway: create a Dynamic routing gateway")
            }
            MissingCondition::StaticRoutingGateway => write!(
                f,
                "its gateway uses Static routing: point-to-site needs a Dynamic routing gateway"
            ),
            MissingCondition::GatewayProvisioning { seconds_left } => write!(
                f,
                "its gateway is still provisioning ({} left)",
                describe_duration(*seconds_left)
            ),
            MissingCondition::PointToSiteNotEnabled => write!(
                f,
                "point-to-site is not enabled: enable it with a client address pool"
            ),
        }
    }
}

/// Every condition `vnet` misses to be picked for integration; empty when it can be (R8).
pub fn missing_conditions(
    subscription: &Subscription,
    vnet: &VirtualNetwork,
) -> Vec<MissingCondition> {
    let now = subscription.now();
    let mut missing = Vec::new();
    match &vnet.gateway {
        None => missing.push(MissingCondition::NoGateway),
        Some(gateway) => {
            if gateway.routing == Routing::Static {
                missing.push(MissingCondition::StaticRoutingGateway);
            }
            if !gateway.is_ready(now) {
                missing.push(MissingCondition::GatewayProvisioning {
                    seconds_left: gateway.provisioning.seconds_left(now),
                });
            }
        }
    }
    if vnet.point_to_site.is_none() {
        missing.push(MissingCondition::PointToSiteNotEnabled);
    }
    missing
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutOfSyncReason {
    CertificateMissing,
    CertificateRevoked,
    CertificateExpired,
}

impl fmt::Display for OutOfSyncReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            OutOfSyncReason::CertificateMissing => {
                "the web app's certificate is no longer uploaded to the virtual network"
            }
            OutOfSyncReason::CertificateRevoked => {
                "the web app's certificate was revoked on the virtual network"
            }
            OutOfSyncReason::CertificateExpired => "the web app's certificate has expired",
        })
    }
}

/// What changed on the VNet since the app last synced (R14).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncChange {
    DnsServers,
    SiteToSite,
}

impl fmt::Display for SyncChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SyncChange::DnsServers => "the DNS servers changed",
            SyncChange::SiteToSite => "the site-to-site connections changed",
        })
    }
}

/// A web app's connection status, in the order R22 checks the chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConnectionStatus {
    NotConnected,
    /// R5: kept, but unused while the plan is below Standard.
    DisabledByTier {
        tier: Tier,
    },
    /// R25: a regional integration, kept but unused while the plan is Free or Shared.
    RegionalDisabledByTier {
        tier: Tier,
    },
    /// The gateway is provisioning (R9) or point-to-site is no longer there (R22).
    GatewayNotReady {
        missing: Vec<MissingCondition>,
    },
    /// R13: carries no traffic until synced.
    OutOfSync {
        reason: OutOfSyncReason,
    },
    /// R14: traffic flows, but with what was in effect at the last sync.
    SyncRequired {
        changes: Vec<SyncChange>,
    },
    Connected,
}

impl ConnectionStatus {
    /// The status in one or two words, as the portal shows it.
    pub fn label(&self) -> &'static str {
        match self {
            ConnectionStatus::NotConnected => "Not connected",
            ConnectionStatus::DisabledByTier { .. }
            | ConnectionStatus::RegionalDisabledByTier { .. } => "Disabled",
            ConnectionStatus::GatewayNotReady { .. } => "Waiting for gateway",
            ConnectionStatus::OutOfSync { .. } => "Out of sync",
            ConnectionStatus::SyncRequired { .. } => "Sync required",
            ConnectionStatus::Connected => "Connected",
        }
    }

    /// Whether traffic flows through the connection.
    pub fn carries_traffic(&self) -> bool {
        matches!(
            self,
            ConnectionStatus::Connected | ConnectionStatus::SyncRequired { .. }
        )
    }
}

impl fmt::Display for ConnectionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConnectionStatus::NotConnected => write!(f, "Not connected to a virtual network"),
            ConnectionStatus::DisabledByTier { tier } => write!(f, "Disabled: the plan is in the {tier} tier; scale it to Standard or Premium to use the connection again"),
            ConnectionStatus::RegionalDisabledByTier { tier } => write!(f, "Disabled: the plan is in the {tier} tier; scale it to Basic or higher to use the regional integration again"),
            ConnectionStatus::GatewayNotReady { missing } => {
                write!(f, "Waiting for the gateway: {}", join(missing, "; "))
            }
            ConnectionStatus::OutOfSync { reason } => write!(f, "Out of sync: {reason}; sync the connection"),
            ConnectionStatus::SyncRequired { changes } => {
                write!(f, "Sync required: {}; sync the connection to use them", join(changes, " and "))
            }
            ConnectionStatus::Connected => write!(f, "Connected"),
        }
    }
}

/// The certificate part of R13 for one connection.
pub fn certificate_problem(
    subscription: &Subscription,
    vnet: &VirtualNetwork,
    connection: &VnetConnection,
) -> Option<OutOfSyncReason> {
    let uploaded = match vnet.uploaded(&connection.thumbprint) {
        None => return Some(OutOfSyncReason::CertificateMissing),
        Some(uploaded) => uploaded,
    };
    if uploaded.revoked {
        return Some(OutOfSyncReason::CertificateRevoked);
    }
    match subscription.certificate(&connection.thumbprint) {
        Some(certificate) if !certificate.is_expired(subscription.now()) => None,
        _ => Some(OutOfSyncReason::CertificateExpired),
    }
}

/// How a certificate stands at a given time (R13): the portal warns with fewer than
/// [`WARNING_MONTHS`](crate::model::entities::certificate::WARNING_MONTHS) months left.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Validity {
    Valid { not_after: Instant },
    ExpiresSoon { not_after: Instant, days_left: i64 },
    Expired { not_after: Instant },
}

impl Validity {
    pub fn of(certificate: &Certificate, now: Instant) -> Validity {
        let not_after = certificate.not_after;
        if certificate.is_expired(now) {
            Validity::Expired { not_after }
        } else if now >= certificate.warning_from() {
            Validity::ExpiresSoon {
                not_after,
                days_left: (not_after.0 - now.0) / DAY,
            }
        } else {
            Validity::Valid { not_after }
        }
    }

    /// The warning of the connection view while fewer than 6 months are left (R13).
    pub fn warning(&self) -> Option<String> {
        let Validity::ExpiresSoon {
            not_after,
            days_left,
        } = self
        else {
            return None;
        };
        Some(format!(
            "The certificate expires {}, at {not_after}. Once it has expired the connection \
             is out of sync and carries no traffic; Sync connection then renews it with a new \
             thumbprint.",
            within(*days_left)
        ))
    }

    /// The status in one or two words, as the Certificates tab's badge shows it.
    pub fn label(&self) -> &'static str {
        match self {
            Validity::Valid { .. } => "Valid",
            Validity::ExpiresSoon { .. } => "Expires soon",
            Validity::Expired { .. } => "Expired",
        }
    }
}

impl fmt::Display for Validity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Validity::Valid { not_after } => write!(f, "Valid until {not_after}"),
            Validity::ExpiresSoon {
                not_after,
                days_left,
            } => write!(f, "Expires {}, at {not_after}", within(*days_left)),
            Validity::Expired { not_after } => write!(f, "Expired at {not_after}"),
        }
    }
}

/// "in 30 days", "in 1 day", "within a day".
fn within(days: i64) -> String {
    match days {
        0 => "within a day".to_string(),
        1 => "in 1 day".to_string(),
        days => format!("in {days} days"),
    }
}

/// The certificate in use by a connection that expires first, among those more than `days` from
/// expiry: where the time controls' "`days` before it expires" shortcut moves the clock.
pub fn certificate_expiring_next(subscription: &Subscription, days: u32) -> Option<&Certificate> {
    let now = subscription.now();
    subscription
        .web_apps
        .values()
        .filter_map(|app| app.connection.as_ref())
        .filter_map(|connection| subscription.certificate(&connection.thumbprint))
        .filter(|certificate| certificate.not_after.plus(-i64::from(days) * DAY) > now)
        .min_by_key(|certificate| certificate.not_after)
}

/// What changed on the VNet since the connection last synced (R14).
pub fn sync_changes(vnet: &VirtualNetwork, connection: &VnetConnection) -> Vec<SyncChange> {
    let mut changes = Vec::new();
    if vnet.dns_servers != connection.synced.dns_servers {
        changes.push(SyncChange::DnsServers);
    }
    if vnet.site_to_site != connection.synced.site_to_site {
        changes.push(SyncChange::SiteToSite);
    }
    changes
}

/// The status of `app`'s VNet connection (R22's chain, first broken link first).
pub fn connection_status(subscription: &Subscription, app: WebAppId) -> ConnectionStatus {
    let Some(app) = subscription.web_apps.get(&app) else {
        return ConnectionStatus::NotConnected;
    };
    let Some(connection) = &app.connection else {
        return match (&app.regional, subscription.plan_of(app)) {
            (Some(_), Some(plan)) if !plan.tier.allows_regional_integration() => {
                ConnectionStatus::RegionalDisabledByTier { tier: plan.tier }
            }
            (Some(_), _) => ConnectionStatus::Connected,
            (None, _) => ConnectionStatus::NotConnected,
        };
    };
    let Some(vnet) = subscription.virtual_networks.get(&connection.vnet) else {
        return ConnectionStatus::NotConnected;
    };
    if let Some(plan) = subscription.plan_of(app) {
        if !plan.tier.allows_vnet_integration() {
            return ConnectionStatus::DisabledByTier { tier: plan.tier };
        }
    }
    let missing = missing_conditions(subscription, vnet);
    if !missing.is_empty() {
        return ConnectionStatus::GatewayNotReady { missing };
    }
    if let Some(reason) = certificate_problem(subscription, vnet, connection) {
        return ConnectionStatus::OutOfSync { reason };
    }
    let changes = sync_changes(vnet, connection);
    if !changes.is_empty() {
        return ConnectionStatus::SyncRequired { changes };
    }
    ConnectionStatus::Connected
}

/// One VNet a plan uses, and which of its apps use it (R6).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanNetwork {
    pub vnet: VnetId,
    pub apps: Vec<WebAppId>,
}

/// The distinct VNets the plan's apps use, each with its apps; "n of 5" is its length (R3, R6).
pub fn plan_networks(subscription: &Subscription, plan: PlanId) -> Vec<PlanNetwork> {
    let mut networks: Vec<PlanNetwork> = Vec::new();
    for app in subscription
        .web_apps
        .values()
        .filter(|app| app.plan == plan)
    {
        let Some(connection) = &app.connection else {
            continue;
        };
        match networks
            .iter_mut()
            .find(|network| network.vnet == connection.vnet)
        {
            Some(network) => network.apps.push(app.id),
            None => networks.push(PlanNetwork {
                vnet: connection.vnet,
                apps: vec![app.id],
            }),
        }
    }
    networks
}

/// What the Virtual network tile of a web app offers (R2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VirtualNetworkTile {
    /// The plan is below Standard: the tile says so and offers the pricing-tier picker.
    NeedsHigherTier {
        tier: Tier,
    },
    Available,
}

pub fn virtual_network_tile(subscription: &Subscription, app: WebAppId) -> VirtualNetworkTile {
    match subscription
        .web_apps
        .get(&app)
        .and_then(|app| subscription.plan_of(app))
    {
        Some(plan) if !plan.tier.allows_vnet_integration() => {
            VirtualNetworkTile::NeedsHigherTier { tier: plan.tier }
        }
        _ => VirtualNetworkTile::Available,
    }
}

/// Long operations under way: each VNet whose gateway is still provisioning.
pub fn operations_in_progress(
    subscription: &Subscription,
) -> Vec<(&VirtualNetwork, crate::model::entities::clock::Operation)> {
    let now = subscription.now();
    subscription
        .virtual_networks
        .values()
        .filter_map(|vnet| {
            vnet.gateway
                .as_ref()
                .map(|gateway| (vnet, gateway.provisioning))
        })
        .filter(|(_, operation)| !operation.is_done(now))
        .collect()
}
