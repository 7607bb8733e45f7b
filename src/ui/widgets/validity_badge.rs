use leptos::prelude::*;

use crate::model::derived::status::Validity;

/// The badge's classes for a certificate's validity: fewer than 6 months left warns (R13).
pub fn validity_class(validity: &Validity) -> &'static str {
    match validity {
        Validity::Valid { .. } => "badge badge-ok",
        Validity::ExpiresSoon { .. } => "badge badge-warn",
        Validity::Expired { .. } => "badge badge-bad",
    }
}

/// A certificate's validity in words, coloured, and its sentence beside it.
#[component]
pub fn ValidityBadge(validity: Validity) -> impl IntoView {
    view! {
        <span class=validity_class(&validity)>{validity.label()}</span>" "
        <span class="muted">{validity.to_string()}</span>
    }
}
