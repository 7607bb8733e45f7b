//! The relay namespace the export makes for each web app with Hybrid Connections: one per app,
//! in its plan's region, as the portal makes one when the first Hybrid Connection is added.

use crate::model::entities::hybrid::HybridConnection;
use crate::model::entities::region::Region;
use crate::model::entities::subscription::Subscription;
use crate::model::entities::web_app::WebApp;

/// A web app with Hybrid Connections, the region of its namespace, and its connections.
pub struct RelayNamespace<'a> {
    pub app: &'a WebApp,
    pub region: Region,
    pub connections: Vec<&'a HybridConnection>,
}

/// Every web app that has Hybrid Connections, in the order of the web apps.
pub fn relay_namespaces(subscription: &Subscription) -> impl Iterator<Item = RelayNamespace<'_>> {
    subscription.web_apps.values().filter_map(|app| {
        let connections: Vec<_> = subscription
            .hybrid_connections
            .values()
            .filter(|hybrid| hybrid.app == app.id)
            .collect();
        (!connections.is_empty()).then(|| RelayNamespace {
            app,
            region: subscription
                .plan_of(app)
                .map_or(Region::default(), |plan| plan.region),
            connections,
        })
    })
}
