//! Hash routing: every view has a URL such as `#/virtual-networks/3/subnets`.
//!
//! The hash is used (not the path) so `dist/` works from any static file server, at the root or
//! under a sub-path, with no fallback rule: a reload of a deep link asks the server for
//! `index.html` only, and the back button moves between hashes.

use strum::{EnumIter, EnumMessage, EnumString, IntoStaticStr};

use crate::model::entities::host::Protocol;
use crate::model::entities::ids::{
    LocalNetworkId, NsgId, PlanId, PrivateDnsZoneId, RouteTableId, VnetId, WebAppId,
};

/// The sections of the left navigation, in their order there. The slug (after `#/`) is the
/// name in kebab case; the message is the title the navigation and breadcrumbs show, as the
/// Azure portal words it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, EnumString, IntoStaticStr, EnumMessage)]
#[strum(serialize_all = "kebab-case")]
pub enum Section {
    #[strum(message = "Web apps")]
    WebApps,
    #[strum(message = "App Service plans")]
    Plans,
    #[strum(message = "Virtual networks")]
    VirtualNetworks,
    #[strum(message = "Local networks")]
    LocalNetworks,
    #[strum(message = "Network security groups")]
    NetworkSecurityGroups,
    #[strum(message = "Route tables")]
    RouteTables,
    #[strum(message = "NAT gateways")]
    NatGateways,
    #[strum(message = "Private DNS zones")]
    PrivateDnsZones,
    #[strum(message = "Private endpoints")]
    PrivateEndpoints,
    #[strum(message = "Internet hosts")]
    InternetHosts,
    #[strum(message = "Hybrid Connections")]
    HybridConnections,
    #[strum(message = "Compare")]
    Compare,
    #[strum(message = "Migrate to regional")]
    Migration,
    #[strum(message = "Connection check")]
    ConnectionCheck,
    #[strum(message = "Activity log")]
    ActivityLog,
}

impl Section {
    pub fn title(self) -> &'static str {
        self.get_message().unwrap_or_default()
    }

    pub fn href(self) -> String {
        format!("#/{}", <&str>::from(self))
    }
}

/// The tabs of a virtual network's view, in their order; slugs and titles as for [`Section`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, EnumString, IntoStaticStr, EnumMessage)]
#[strum(serialize_all = "kebab-case")]
pub enum VnetTab {
    #[strum(message = "Overview")]
    Overview,
    #[strum(message = "Address space and subnets")]
    Subnets,
    #[strum(message = "Peerings")]
    Peerings,
    #[strum(message = "DNS servers")]
    DnsServers,
    #[strum(message = "Gateway")]
    Gateway,
    #[strum(message = "Point-to-site")]
    PointToSite,
    #[strum(message = "Site-to-site")]
    SiteToSite,
    #[strum(message = "Virtual machines")]
    VirtualMachines,
    #[strum(message = "Certificates")]
    Certificates,
    #[strum(message = "P2S address ranges")]
    AddressRanges,
}

impl VnetTab {
    pub fn title(self) -> &'static str {
        self.get_message().unwrap_or_default()
    }
}

/// A connection check to run: `#/connection-check/3/10.1.1.5/1433/tcp`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckQuery {
    pub app: WebAppId,
    pub host: String,
    pub port: u16,
    pub protocol: Protocol,
}

impl CheckQuery {
    fn from_parts<'a>(app: &str, mut rest: impl Iterator<Item = &'a str>) -> Option<CheckQuery> {
        let query = CheckQuery {
            app: WebAppId(app.parse().ok()?),
            // A host is typed freely: it travels percent-encoded, as encodeURIComponent does it.
            host: js_sys::decode_uri_component(rest.next()?).ok()?.into(),
            port: rest.next()?.parse().ok()?,
            protocol: Protocol::parse(rest.next()?)?,
        };
        rest.next().is_none().then_some(query)
    }
}

/// Where the user is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Section(Section),
    WebApp(WebAppId),
    Plan(PlanId),
    VirtualNetwork(VnetId, VnetTab),
    LocalNetwork(LocalNetworkId),
    NetworkSecurityGroup(NsgId),
    RouteTable(RouteTableId),
    PrivateDnsZone(PrivateDnsZoneId),
    Check(CheckQuery),
    Matrix,
    /// A share link: the stored document, base64url (see `store::to_fragment`).
    Share(String),
    /// A hash that names no view; kept so the page can say which one.
    NotFound(String),
}

impl Route {
    /// Parses `location.hash`. An empty hash is the home view, the web apps list.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.split('/');
        let slug = parts.next().unwrap_or_default();
        if slug.is_empty() {
            return Route::Section(Section::WebApps);
        }
        if slug == "share" {
            return Route::Share(parts.next().unwrap_or_default().to_string());
        }
        let Ok(section) = slug.parse::<Section>() else {
            return Route::NotFound(path.to_string());
        };
        if section == Section::ConnectionCheck {
            return match parts.next() {
                None => Route::Section(section),
                Some("matrix") if parts.next().is_none() => Route::Matrix,
                Some(app) => CheckQuery::from_parts(app, parts)
                    .map_or_else(|| Route::NotFound(path.to_string()), Route::Check),
            };
        }
        let id = parts.next().map(str::parse::<u32>);
        let tab = parts.next();
        match (section, id) {
            (_, None) => Route::Section(section),
            (Section::WebApps, Some(Ok(id))) => Route::WebApp(WebAppId(id)),
            (Section::Plans, Some(Ok(id))) => Route::Plan(PlanId(id)),
            (Section::LocalNetworks, Some(Ok(id))) => Route::LocalNetwork(LocalNetworkId(id)),
            (Section::NetworkSecurityGroups, Some(Ok(id))) => {
                Route::NetworkSecurityGroup(NsgId(id))
            }
            (Section::RouteTables, Some(Ok(id))) => Route::RouteTable(RouteTableId(id)),
            (Section::PrivateDnsZones, Some(Ok(id))) => Route::PrivateDnsZone(PrivateDnsZoneId(id)),
            (Section::VirtualNetworks, Some(Ok(id))) => match tab {
                None => Route::VirtualNetwork(VnetId(id), VnetTab::Overview),
                Some(tab) => tab.parse::<VnetTab>().map_or_else(
                    |_| Route::NotFound(path.to_string()),
                    |tab| Route::VirtualNetwork(VnetId(id), tab),
                ),
            },
            _ => Route::NotFound(path.to_string()),
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::Section(section) => section.href(),
            Route::WebApp(id) => format!("#/web-apps/{id}"),
            Route::Plan(id) => format!("#/plans/{id}"),
            Route::VirtualNetwork(id, tab) => {
                format!("#/virtual-networks/{id}/{}", <&str>::from(tab))
            }
            Route::LocalNetwork(id) => format!("#/local-networks/{id}"),
            Route::NetworkSecurityGroup(id) => format!("#/network-security-groups/{id}"),
            Route::RouteTable(id) => format!("#/route-tables/{id}"),
            Route::PrivateDnsZone(id) => format!("#/private-dns-zones/{id}"),
            Route::Check(query) => format!(
                "#/connection-check/{}/{}/{}/{}",
                query.app,
                String::from(js_sys::encode_uri_component(&query.host)),
                query.port,
                query.protocol.to_string().to_ascii_lowercase()
            ),
            Route::Matrix => "#/connection-check/matrix".into(),
            Route::Share(data) => format!("#/share/{data}"),
            Route::NotFound(path) => format!("#/{path}"),
        }
    }

    /// The navigation entry to highlight.
    pub fn section(&self) -> Option<Section> {
        match self {
            Route::Section(section) => Some(*section),
            Route::WebApp(_) => Some(Section::WebApps),
            Route::Plan(_) => Some(Section::Plans),
            Route::VirtualNetwork(..) => Some(Section::VirtualNetworks),
            Route::LocalNetwork(_) => Some(Section::LocalNetworks),
            Route::NetworkSecurityGroup(_) => Some(Section::NetworkSecurityGroups),
            Route::RouteTable(_) => Some(Section::RouteTables),
            Route::PrivateDnsZone(_) => Some(Section::PrivateDnsZones),
            Route::Check(_) | Route::Matrix => Some(Section::ConnectionCheck),
            Route::Share(_) | Route::NotFound(_) => None,
        }
    }
}
