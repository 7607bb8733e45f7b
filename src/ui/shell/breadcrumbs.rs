use leptos::prelude::*;

use crate::ui::route::Route;

#[component]
pub fn Breadcrumbs(route: RwSignal<Route>) -> impl IntoView {
    view! {
        <nav class="breadcrumbs" aria-label="Breadcrumb">
            <ol>
                <li>
                    <a href="#/">"Home"</a>
                </li>
                <li aria-current="page">{move || route.read().title()}</li>
            </ol>
        </nav>
    }
}
