//! A web app's VNet Integration of either kind, as one answer that every list, overview and card
//! shows, and what each kind asks of a virtual network (R8, R25, R26). A web app uses at most
//! one integration at a time, so no view may say a regionally integrated app is unconnected.

use std::fmt;

use ipnet::Ipv4Net;

use crate::model::derived::regional::{
    free_prefix, subnet_shortfalls, MAX_SUBNETS_PER_PLAN, SMALLEST_PREFIX,
};
use crate::model::derived::status::{missing_conditions, MissingCondition};
use crate::model::entities::ids::{VnetId, WebAppId};
use crate::model::entities::network::VirtualNetwork;
use crate::model::entities::region::Region;
use crate::model::entities::subscription::Subscription;
use crate::model::entities::tier::{HybridConnectionLimit, Tier, TierFamily};
use crate::model::entities::web_app::{Integration, WebApp, MAX_VNETS_PER_PLAN};
use crate::model::input::text::join;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IntegrationKind {
    /// The 2015 kind, over the VNet gateway's point-to-site (sections 2–6).
    GatewayRequired,
    /// Today's kind, in a delegated subnet (section 9).
    Regional,
}

impl fmt::Display for IntegrationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IntegrationKind::GatewayRequired => "gateway-required",
            IntegrationKind::Regional => "regional",
        })
    }
}

/// Where one web app is integrated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppIntegration {
    pub app: WebAppId,
    pub kind: IntegrationKind,
    pub vnet: VnetId,
    /// The integration subnet; only regional integration has one.
    pub subnet: Option<String>,
}

/// The web app's integration of either kind, if it has one.
pub fn app_integration(app: &WebApp) -> Option<AppIntegration> {
    Some(match app.integration()? {
        Integration::GatewayRequired(connection) => AppIntegration {
            app: app.id,
            kind: IntegrationKind::GatewayRequired,
            vnet: connection.vnet,
            subnet: None,
        },
        Integration::Regional(regional) => AppIntegration {
            app: app.id,
            kind: IntegrationKind::Regional,
            vnet: regional.vnet,
            subnet: Some(regional.subnet.clone()),
        },
    })
}

/// "appVnet/apps (regional)" or "corpVnet (gateway-required)": where the web app is integrated,
/// as the Web apps list names it.
pub fn integration_label(subscription: &Subscription, app: &WebApp) -> Option<String> {
    let integration = app_integration(app)?;
    let vnet = subscription.virtual_networks.get(&integration.vnet)?;
    Some(match &integration.subnet {
        Some(subnet) => format!("{}/{subnet} ({})", vnet.name, integration.kind),
        None => format!("{} ({})", vnet.name, integration.kind),
    })
}

/// Every web app integrated with `vnet`, of either kind, in the order of the web apps.
pub fn integrated_apps(subscription: &Subscription, vnet: VnetId) -> Vec<AppIntegration> {
    subscription
        .web_apps
        .values()
        .filter_map(app_integration)
        .filter(|integration| integration.vnet == vnet)
        .collect()
}

/// "contoso-orders (regional, subnet apps)": one integrated app, as a VNet's overview names it.
pub fn integrated_app_label(subscription: &Subscription, integration: &AppIntegration) -> String {
    let name = subscription
        .web_apps
        .get(&integration.app)
        .map_or("", |app| app.name.as_str());
    match &integration.subnet {
        Some(subnet) => format!("{name} ({}, subnet {subnet})", integration.kind),
        None => format!("{name} ({})", integration.kind),
    }
}

/// Where a plan of the VNet's region could integrate regionally (R25, R26): the subnets that
/// could take an integration, and a free prefix for a new one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionalUsability {
    pub region: Region,
    pub subnets: Vec<String>,
    pub new_subnet: Option<Ipv4Net>,
}

impl fmt::Display for RegionalUsability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut places: Vec<String> = self
            .subnets
            .iter()
            .map(|subnet| format!("subnet {subnet}"))
            .collect();
        if let Some(prefix) = self.new_subnet {
            places.push(format!("a new subnet such as {prefix}"));
        }
        if places.is_empty() {
            write!(
                f,
                "No: no subnet is /28 or larger and empty, and the address space has no room for \
                 one; add address space or empty a subnet"
            )
        } else {
            write!(
                f,
                "Yes, from plans in {} (Basic or higher), in {}",
                self.region,
                join(places, " or ")
            )
        }
    }
}

pub fn regional_usability(subscription: &Subscription, vnet: &VirtualNetwork) -> RegionalUsability {
    RegionalUsability {
        region: vnet.region,
        subnets: vnet
            .subnets
            .iter()
            .filter(|subnet| subnet_shortfalls(subscription, vnet, subnet).is_empty())
            .map(|subnet| subnet.name.clone())
            .collect(),
        new_subnet: free_prefix(vnet, SMALLEST_PREFIX),
    }
}

/// Whether a VNet can be picked for each kind of integration: what the Virtual networks list
/// and a VNet's overview show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Usability {
    pub regional: RegionalUsability,
    /// What the VNet misses for gateway-required integration (R8); empty when it can be picked.
    pub gateway_required: Vec<MissingCondition>,
}

impl Usability {
    /// "Yes" or "No: …" for gateway-required integration.
    pub fn gateway_required_answer(&self) -> String {
        if self.gateway_required.is_empty() {
            "Yes".to_string()
        } else {
            format!("No: {}", join(&self.gateway_required, "; "))
        }
    }
}

impl fmt::Display for Usability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Regional: {}. Gateway-required: {}.",
            self.regional,
            self.gateway_required_answer()
        )
    }
}

pub fn usability(subscription: &Subscription, vnet: &VirtualNetwork) -> Usability {
    Usability {
        regional: regional_usability(subscription, vnet),
        gateway_required: missing_conditions(subscription, vnet),
    }
}

/// What a pricing-tier card says a family allows, from the rules themselves: regional
/// integration from Basic (R25), gateway-required from Standard (R1), and the Hybrid
/// Connections limit (R23).
pub fn tier_allows(family: TierFamily) -> String {
    let tier = family.entry_tier();
    let regional = format!("regional (up to {MAX_SUBNETS_PER_PLAN} subnets per plan)");
    let gateway =
        format!("gateway-required (up to {MAX_VNETS_PER_PLAN} virtual networks per plan)");
    let integration = match (
        tier.allows_regional_integration(),
        tier.allows_vnet_integration(),
    ) {
        (true, true) => format!("VNet Integration: {regional} and {gateway}"),
        (true, false) => format!("VNet Integration: {regional} only"),
        (false, true) => format!("VNet Integration: {gateway} only"),
        (false, false) => "No VNet Integration".to_string(),
    };
    let hybrid = match family.hybrid_connection_limit() {
        HybridConnectionLimit::None => "No Hybrid Connections".to_string(),
        limit => limit.to_string(),
    };
    format!("{integration}. {hybrid}.")
}

/// What a plan's tier keeps from its apps' integrations, if anything: gateway-required
/// connections below Standard (R5), regional ones below Basic (R25).
pub fn tier_note(tier: Tier) -> Option<&'static str> {
    match (
        tier.allows_regional_integration(),
        tier.allows_vnet_integration(),
    ) {
        (true, true) => None,
        (true, false) => Some(
            "gateway-required VNet connections of this plan's apps are disabled until it is \
             Standard or higher; regional VNet Integration works from Basic",
        ),
        (false, _) => Some(
            "VNet Integration of this plan's apps is disabled: regional needs Basic or higher, \
             gateway-required Standard or higher",
        ),
    }
}
