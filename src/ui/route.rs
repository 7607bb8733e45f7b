//! Hash routing: every view has a URL such as `#/virtual-networks`.
//!
//! The hash is used (not the path) so `dist/` works from any static file server, at the root or
//! under a sub-path, with no fallback rule: a reload of a deep link asks the server for
//! `index.html` only, and the back button moves between hashes.

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

/// Where the user is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Section(Section),
    /// A hash that names no view; kept so the page can say which one.
    NotFound(String),
}

impl Route {
    /// Parses `location.hash`. An empty hash is the home view, the web apps list.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let slug = path.split(['/', '?']).next().unwrap_or_default();
        if slug.is_empty() {
            return Route::Section(Section::WebApps);
        }
        Section::ALL
            .into_iter()
            .find(|section| section.slug() == slug)
            .map_or_else(|| Route::NotFound(path.to_string()), Route::Section)
    }

    /// The navigation entry to highlight.
    pub fn section(&self) -> Option<Section> {
        match self {
            Route::Section(section) => Some(*section),
            Route::NotFound(_) => None,
        }
    }

    pub fn title(&self) -> String {
        match self {
            Route::Section(section) => section.title().to_string(),
            Route::NotFound(_) => "Not found".to_string(),
        }
    }
}
