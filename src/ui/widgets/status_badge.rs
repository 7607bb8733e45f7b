use leptos::prelude::*;

use crate::model::derived::status::ConnectionStatus;

/// The badge's classes for a connection status: its colour says how it stands.
pub fn badge_class(status: &ConnectionStatus) -> &'static str {
    match status {
        ConnectionStatus::Connected => "badge badge-ok",
        ConnectionStatus::NotConnected => "badge badge-neutral",
        ConnectionStatus::SyncRequired { .. } | ConnectionStatus::GatewayNotReady { .. } => {
            "badge badge-warn"
        }
        ConnectionStatus::DisabledByTier { .. }
        | ConnectionStatus::RegionalDisabledByTier { .. }
        | ConnectionStatus::OutOfSync { .. } => "badge badge-bad",
    }
}

/// A connection status in words, coloured by its class; the sentence on hover.
#[component]
pub fn StatusBadge(status: ConnectionStatus) -> impl IntoView {
    view! { <span class=badge_class(&status) title=status.to_string()>{status.label()}</span> }
}
