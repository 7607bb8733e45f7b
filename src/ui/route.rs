//! Hash routing: every view has a URL such as `#/virtual-networks/3/subnets`.
//!
//! The hash is used (not the path) so `dist/` works from any static file server, at the root or
//! under a sub-path, with no fallback rule: a reload of a deep link asks the server for
//! `index.html` only, and the back button moves between hashes.

use crate::model::entities::host::Protocol;
use crate::model::entities::ids::{LocalNetworkId, PlanId, VnetId, WebAppId};

/// The sections of the left navigation, in their order there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    WebApps,
    Plans,
    VirtualNetworks,
    LocalNetworks,
    HybridConnections,
    Compare,
    ConnectionCheck,
    ActivityLog,
}

impl Section {
    pub const ALL: [Section; 8] = [
        Section::WebApps,
        Section::Plans,
        Section::VirtualNetworks,
        Section::LocalNetworks,
        Section::HybridConnections,
        Section::Compare,
        Section::ConnectionCheck,
        Section::ActivityLog,
    ];

    /// The path segment after `#/`.
    pub fn slug(self) -> &'static str {
        match self {
            Section::WebApps => "web-apps",
            Section::Plans => "plans",
            Section::VirtualNetworks => "virtual-networks",
            Section::LocalNetworks => "local-networks",
            Section::HybridConnections => "hybrid-connections",
            Section::Compare => "compare",
            Section::ConnectionCheck => "connection-check",
            Section::ActivityLog => "activity-log",
        }
    }

    /// The name shown in the navigation and the breadcrumbs, as the Azure portal words it.
    pub fn title(self) -> &'static str {
        match self {
            Section::WebApps => "Web apps",
            Section::Plans => "App Service plans",
            Section::VirtualNetworks => "Virtual networks",
            Section::LocalNetworks => "Local networks",
            Section::HybridConnections => "Hybrid Connections",
            Section::Compare => "Compare",
            Section::ConnectionCheck => "Connection check",
            Section::ActivityLog => "Activity log",
        }
    }

    pub fn href(self) -> String {
        format!("#/{}", self.slug())
    }
}

/// The tabs of a virtual network's view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VnetTab {
    Overview,
    Subnets,
    DnsServers,
    Gateway,
    PointToSite,
    SiteToSite,
    VirtualMachines,
    Certificates,
    AddressRanges,
}

impl VnetTab {
    pub const ALL: [VnetTab; 9] = [
        VnetTab::Overview,
        VnetTab::Subnets,
        VnetTab::DnsServers,
        VnetTab::Gateway,
        VnetTab::PointToSite,
        VnetTab::SiteToSite,
        VnetTab::VirtualMachines,
        VnetTab::Certificates,
        VnetTab::AddressRanges,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            VnetTab::Overview => "overview",
            VnetTab::Subnets => "subnets",
            VnetTab::DnsServers => "dns-servers",
            VnetTab::Gateway => "gateway",
            VnetTab::PointToSite => "point-to-site",
            VnetTab::SiteToSite => "site-to-site",
            VnetTab::VirtualMachines => "virtual-machines",
            VnetTab::Certificates => "certificates",
            VnetTab::AddressRanges => "address-ranges",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            VnetTab::Overview => "Overview",
            VnetTab::Subnets => "Address space and subnets",
            VnetTab::DnsServers => "DNS servers",
            VnetTab::Gateway => "Gateway",
            VnetTab::PointToSite => "Point-to-site",
            VnetTab::SiteToSite => "Site-to-site",
            VnetTab::VirtualMachines => "Virtual machines",
            VnetTab::Certificates => "Certificates",
            VnetTab::AddressRanges => "P2S address ranges",
        }
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
        let Some(section) = Section::ALL
            .into_iter()
            .find(|section| section.slug() == slug)
        else {
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
            (Section::VirtualNetworks, Some(Ok(id))) => match tab {
                None => Route::VirtualNetwork(VnetId(id), VnetTab::Overview),
                Some(tab) => VnetTab::ALL
                    .into_iter()
                    .find(|t| t.slug() == tab)
                    .map_or_else(
                        || Route::NotFound(path.to_string()),
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
            Route::VirtualNetwork(id, tab) => format!("#/virtual-networks/{id}/{}", tab.slug()),
            Route::LocalNetwork(id) => format!("#/local-networks/{id}"),
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
            Route::Check(_) | Route::Matrix => Some(Section::ConnectionCheck),
            Route::Share(_) | Route::NotFound(_) => None,
        }
    }
}
