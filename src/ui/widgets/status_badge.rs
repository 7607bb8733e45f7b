use leptos::prelude::*;

use crate::model::derived::status::{ConnectionStatus, Validity};

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

/// The badge's classes for a certificate's validity: fewer than 6 months left warns (R13).
pub fn validity_class(validity: &Validity) -> &'static str {
    match validity {
        Validity::Valid { .. } => "badge badge-ok",
        Validity::ExpiresSoon { .. } => "badge badge-warn",
        Validity::Expired { .. } => "badge badge-bad",
    }
}

/// A certificate's validity in words, coloured.
#[component]
pub fn ValidityBadge(validity: Validity) -> impl IntoView {
    view! { <span class=validity_class(&validity)>{validity.label()}</span>" "<span class="muted">{validity.to_string()}</span> }
}
