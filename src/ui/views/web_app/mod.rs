//! A web app and its Networking section: the Virtual network tile (R2) with the VNet picker
//! (R8, R9) or, once connected, the connection view (R12–R14); and its console (R18).

mod connection;
mod console;
mod create_vnet;
mod regional;
mod vnet_picker;

use leptos::either::EitherOf4;
use leptos::prelude::*;

use crate::model::derived::status::{virtual_network_tile, VirtualNetworkTile};
use crate::model::entities::ids::{PlanId, WebAppId};
use crate::model::entities::tier::Tier;
use crate::ui::lab::use_lab;
use crate::ui::route::Route;
use crate::ui::views::resource;
use crate::ui::widgets::retirement::RetirementNotice;
use crate::ui::widgets::tier_picker::TierPicker;

#[component]
pub fn WebAppView(app: WebAppId) -> impl IntoView {
    let lab = use_lab();
    let names = lab.derive(move |s| {
        s.web_apps
            .get(&app)
            .map(|a| (a.name.clone(), a.host_name()))
    });
    let page = move |(name, host): (String, String)| {
        view! {
            <h1>{name}</h1>
            <p class="view-purpose">{host}</p>
            <WebAppDetails app=app />
        }
    };
    resource(
        "Web app",
        "It may have been deleted. Pick one in the web apps list.",
        names,
        page,
    )
}

/// What the Virtual network tile offers now.
#[derive(Clone, PartialEq)]
enum Tile {
    /// R2: the plan is below Standard; the pricing-tier picker scales it.
    NeedsHigherTier(Tier, Option<PlanId>),
    Connected,
    /// A web app uses one integration at a time: the regional one is in its own tile.
    Regional,
    Picker,
}

#[component]
fn WebAppDetails(app: WebAppId) -> impl IntoView {
    let lab = use_lab();
    let plan = lab.derive(move |s| {
        s.web_apps
            .get(&app)
            .and_then(|a| s.plan_of(a))
            .map(|p| (p.id, format!("{} ({})", p.name, p.tier)))
    });
    // Redrawn only when what the tile offers changes: a tick leaves the picker's form alone.
    let tile = lab.derive(move |s| {
        let connected = s.web_apps.get(&app).is_some_and(|a| a.connection.is_some());
        let regional = s.web_apps.get(&app).is_some_and(|a| a.regional.is_some());
        match virtual_network_tile(s, app) {
            VirtualNetworkTile::NeedsHigherTier { tier } => {
                let plan = s.web_apps.get(&app).map(|a| a.plan);
                Tile::NeedsHigherTier(tier, plan)
            }
            VirtualNetworkTile::Available if connected => Tile::Connected,
            _ if regional => Tile::Regional,
            VirtualNetworkTile::Available => Tile::Picker,
        }
    });
    let tile_body = move |tile| match tile {
        Tile::Regional => EitherOf4::D(view! {
            <p>"This web app uses regional VNet Integration, in the tile below; a web app uses one integration at a time."</p>
        }),
        Tile::NeedsHigherTier(tier, plan) => EitherOf4::A(view! {
            <p class="banner banner-warn" role="status">
                {format!("VNet Integration needs the Standard or Premium tier; this web app's plan is {tier}. Choose Standard or higher to scale the plan.")}
            </p>
            {plan.map(|plan| view! { <TierPicker plan=plan /> })}
        }),
        Tile::Connected => EitherOf4::B(view! { <connection::ConnectionView app=app /> }),
        Tile::Picker => EitherOf4::C(view! { <vnet_picker::VnetPicker app=app /> }),
    };
    view! {
        <dl class="facts">
            <dt>"App Service plan"</dt>
            <dd>{move || plan.get().map(|(id, text)| view! { <a href=Route::Plan(id).href()>{text}</a> })}</dd>
        </dl>
        <h2>"Networking"</h2>
        <section class="tile" aria-labelledby="vnet-tile-title">
            <h3 id="vnet-tile-title">"Virtual network"</h3>
            <RetirementNotice />
            {move || tile_body(tile.get())}
        </section>
        <regional::RegionalTile app=app />
        <console::Console app=app />
    }
}
