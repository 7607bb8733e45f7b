//! The portal-like frame: top bar, left navigation, breadcrumbs, the current view, notifications.

use leptos::prelude::*;

use crate::ui::route::Route;
use crate::ui::shell::{Breadcrumbs, Navigation, NotificationArea, TopBar};
use crate::ui::views::View;

fn route_from_location() -> Route {
    Route::from_hash(&window().location().hash().unwrap_or_default())
}

#[component]
pub fn App() -> impl IntoView {
    let route = RwSignal::new(route_from_location());
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(route_from_location());
    });
    on_cleanup(move || listener.remove());

    // The document title follows the view, so history entries and tabs are told apart.
    Effect::new(move |_| {
        document().set_title(&format!("{} · VNet Integration Lab", route.read().title()));
    });

    view! {
        <div class="shell">
            <TopBar />
            <Navigation route=route />
            <main id="main" class="main" tabindex="-1">
                <Breadcrumbs route=route />
                {move || view! { <View route=route.get() /> }}
            </main>
            <NotificationArea />
        </div>
    }
}
