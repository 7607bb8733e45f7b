//! What a web app's VNet Integration puts in effect (SPEC §9), decided once so the check and the
//! portal's tile read the same answer: which tile the portal shows, the DNS servers in effect
//! (R32) and the address public traffic leaves by (R29).

use std::net::Ipv4Addr;

use crate::model::entities::ids::{NatGatewayId, VnetId, WebAppId};
use crate::model::entities::network::{Subnet, VirtualNetwork};
use crate::model::entities::subscription::Subscription;
use crate::model::entities::tier::Tier;
use crate::model::entities::web_app::{Integration, RegionalIntegration, WebApp};

/// Azure DNS, the resolver every VNet has (R32).
pub const AZURE_DNS: Ipv4Addr = Ipv4Addr::new(168, 63, 129, 16);

/// What the VNet Integration tile offers a web app, by its integration and plan (SPEC §9).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntegrationTile {
    /// A gateway-required connection to this VNet is in use; the tile only points to it.
    GatewayRequired(VnetId),
    /// The plan's tier has no regional integration (R24); the tile names it.
    NeedsBasic(Tier),
    /// A regional integration is in use.
    Integrated,
    /// No integration yet: the VNet and subnet picker.
    Picker,
}

/// The tile for `app`, or None when the app or its plan is missing.
pub fn integration_tile(subscription: &Subscription, app: WebAppId) -> Option<IntegrationTile> {
    let web_app = subscription.web_apps.get(&app)?;
    let plan = subscription.plan_of(web_app)?;
    Some(match web_app.integration() {
        Some(Integration::GatewayRequired(connection)) => {
            IntegrationTile::GatewayRequired(connection.vnet)
        }
        Some(Integration::Regional(_)) => IntegrationTile::Integrated,
        None if !plan.tier.allows_regional_integration() => IntegrationTile::NeedsBasic(plan.tier),
        None => IntegrationTile::Picker,
    })
}

/// R32: who answers a regionally integrated app's names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DnsInEffect {
    /// The `WEBSITE_DNS_SERVER` app setting, first.
    AppSetting(Ipv4Addr),
    /// Else the VNet's custom DNS servers: its first two.
    VnetServers(Vec<Ipv4Addr>),
    /// Else Azure DNS, with the private DNS zones linked to the VNet.
    AzureDns,
}

impl DnsInEffect {
    /// The custom servers asked, in order; none when Azure DNS answers directly.
    pub fn servers(&self) -> Vec<Ipv4Addr> {
        match self {
            DnsInEffect::AppSetting(server) => vec![*server],
            DnsInEffect::VnetServers(servers) => servers.clone(),
            DnsInEffect::AzureDns => Vec::new(),
        }
    }
}

/// R32: `WEBSITE_DNS_SERVER`, else the VNet's first two custom DNS servers, else Azure DNS.
pub fn dns_in_effect(app: &WebApp, vnet: &VirtualNetwork) -> DnsInEffect {
    match (app.dns_server, vnet.dns_servers.as_slice()) {
        (Some(server), _) => DnsInEffect::AppSetting(server),
        (None, []) => DnsInEffect::AzureDns,
        (None, servers) => DnsInEffect::VnetServers(servers.iter().take(2).copied().collect()),
    }
}

/// R29: the NAT gateway public traffic leaves by; only with Route All does that traffic enter
/// the VNet, so without it the app keeps its shared outbound addresses.
pub fn outbound_nat_gateway(
    regional: &RegionalIntegration,
    subnet: &Subnet,
) -> Option<NatGatewayId> {
    subnet.nat_gateway.filter(|_| regional.route_all)
}
