use leptos::prelude::*;

#[component]
pub fn TopBar() -> impl IntoView {
    view! {
        <header class="top-bar">
            <a class="skip-link" href="#main">"Skip to content"</a>
            <a class="brand" href="#/">
                <span class="brand-mark" aria-hidden="true"></span>
                "VNet Integration Lab"
            </a>
            <span class="top-bar-note">"Azure App Service VNet Integration, rehearsed in your browser"</span>
        </header>
    }
}
