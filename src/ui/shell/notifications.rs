//! Where notifications appear, as in the portal: a live region, so screen readers announce them.

use leptos::prelude::*;

#[component]
pub fn NotificationArea() -> impl IntoView {
    view! { <section class="notifications" aria-label="Notifications" aria-live="polite"></section> }
}
