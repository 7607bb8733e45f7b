//! The portal-like frame: top bar, left navigation, breadcrumbs, the current view, notifications.

use leptos::prelude::*;

use crate::ui::clock::start_ticking;
use crate::ui::lab::Lab;
use crate::ui::route::Route;
use crate::ui::shell::{Breadcrumbs, Navigation, NotificationArea, StorageBanner, TopBar};
use crate::ui::views::View;

fn route_from_location() -> Route {
    Route::from_hash(&window().location().hash().unwrap_or_default())
}

#[component]
pub fn App() -> impl IntoView {
    let route = RwSignal::new(route_from_location());
    // A view is built anew only when the place changes, never for a change of the state.
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let next = route_from_location();
        if route.with_untracked(|current| *current != next) {
            route.set(next);
        }
    });
    let lab = Lab::load();
    provide_context(lab);
    // Another tab saved a change: show it here too.
    let storage_listener = window_event_listener(leptos::ev::storage, move |_| lab.catch_up());
    on_cleanup(move || {
        listener.remove();
        storage_listener.remove();
    });
    start_ticking(lab);

    view! {
        <div class="shell">
            <TopBar />
            <Navigation route=route />
            <main id="main" class="main" tabindex="-1">
                <Breadcrumbs route=route />
                <StorageBanner />
                {move || view! { <View route=route.get() /> }}
            </main>
            <NotificationArea notifications=lab.notifications />
        </div>
    }
}
