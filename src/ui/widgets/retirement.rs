//! R41: "Gateway-required VNet Integration retires on 31 March 2027", with the days left on the
//! simulated clock, or "Retired" after the date. Redrawn only when the day changes.

use leptos::prelude::*;

use crate::model::derived::retirement::Retirement;
use crate::ui::lab::use_lab;

#[component]
pub fn RetirementNotice() -> impl IntoView {
    let lab = use_lab();
    let retirement = lab.derive(|s| Retirement::at(s.now()));
    move || {
        let retirement = retirement.get();
        let (class, badge) = if retirement.is_retired() {
            ("banner banner-warn retirement retired", "Retired")
        } else {
            ("banner banner-warn retirement", "Retiring")
        };
        view! {
            <p class=class role="note">
                <span class="badge badge-warn">{badge}</span>" "{retirement.to_string()}
            </p>
        }
    }
}
