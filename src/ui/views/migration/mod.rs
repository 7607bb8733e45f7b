//! Move to regional (SPEC §10): the whole subscription's move, then for each web app on
//! gateway-required integration its plan (R35), its prediction (R36), the downtime warning and
//! the guide's strategies (R37), and Apply; an app moved here shows its prediction beside what
//! it reaches now.

mod plan;

use leptos::prelude::*;

use crate::model::derived::migration::{overview, DOWNTIME_WARNING, STRATEGIES};
use crate::model::derived::retirement::apps_to_move_line;
use crate::model::entities::ids::WebAppId;
use crate::ui::lab::use_lab;
use crate::ui::widgets::keyed::shown;
use crate::ui::widgets::listing::{ListFilter, Listing, Pager};
use crate::ui::widgets::retirement::RetirementNotice;

#[component]
pub fn Migration() -> impl IntoView {
    let lab = use_lab();
    let summary = lab.derive(|s| {
        let view = overview(s);
        let groups: Vec<(String, String)> = view
            .groups
            .iter()
            .map(|(vnet, apps)| (vnet.clone(), apps.join(", ")))
            .collect();
        let idle: Vec<String> = view
            .idle_gateways
            .iter()
            .map(|(vnet, site_to_site)| {
                if *site_to_site {
                    format!("{vnet}: its gateway still carries site-to-site connections")
                } else {
                    format!("{vnet}: its gateway carries nothing else and can be deleted")
                }
            })
            .collect();
        (view.remaining, groups, idle)
    });
    let apps = lab.derive(|s| {
        s.web_apps
            .values()
            .filter(|app| app.connection.is_some())
            .map(|app| (app.id, app.name.clone()))
            .collect::<Vec<(WebAppId, String)>>()
    });
    // Each card predicts the app's reach to every endpoint: five at a time.
    let listing = Listing::new("web app to migrate", "web apps to migrate", "name").per_page(5);
    let (page, counts) = listing.paged(apps, |(_, name)| name.as_str());
    // Apps moved from this view in this session: their prediction stays to be compared.
    let moved = RwSignal::new(Vec::<plan::Moved>::new());
    let strategies = STRATEGIES
        .iter()
        .map(|(name, text)| view! { <dt>{*name}</dt><dd>{*text}</dd> })
        .collect_view();
    let must_move = lab.derive(apps_to_move_line);
    let remaining = move || {
        summary.with(|(remaining, _, _)| match remaining {
            0 => "No web app uses gateway-required integration: every app is on regional integration or none.".to_string(),
            1 => "1 web app uses gateway-required integration.".to_string(),
            n => format!("{n} web apps use gateway-required integration."),
        })
    };
    view! {
        <h1>"Migrate to regional VNet Integration"</h1>
        <p class="view-purpose">"Gateway-required VNet Integration is legacy; Microsoft recommends regional integration. For each web app still on the gateway-required kind: the plan, what it will reach afterwards, and one button that applies it."</p>
        <section aria-labelledby="migration-overview">
            <h2 id="migration-overview">"The whole subscription"</h2>
            <RetirementNotice />
            <p>{remaining}</p>
            <p class="apps-to-move">{move || must_move.get()}</p>
            <h3>"Order to migrate in"</h3>
            <ol>
                <For
                    each=move || summary.with(|(_, groups, _)| groups.clone())
                    key=shown
                    children=|(vnet, apps)| view! { <li>{format!("Apps on {vnet}, together: {apps}")}</li> }
                />
            </ol>
            <h3>"Gateways left without integrations afterwards"</h3>
            <ul>
                <For
                    each=move || summary.with(|(_, _, idle)| idle.clone())
                    key=shown
                    children=|line| view! { <li>{line}</li> }
                />
            </ul>
        </section>
        <p class="banner banner-warn" role="note">{DOWNTIME_WARNING}</p>
        <h2>"Three ways to take the downtime"</h2>
        <dl class="facts">{strategies}</dl>
        <ListFilter listing=listing counts=counts />
        <For
            each=move || page.get()
            key=|(app, _)| *app
            children=move |(app, _)| view! { <plan::PlanCard app=app moved=moved /> }
        />
        <Pager listing=listing counts=counts />
        <For
            each=move || moved.get()
            key=|m| m.app
            children=|m| view! { <plan::MovedCard moved=m /> }
        />
    }
}
