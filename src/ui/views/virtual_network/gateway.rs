use leptos::either::Either;
use leptos::prelude::*;

use crate::model::entities::ids::VnetId;
use crate::model::entities::network::Routing;
use crate::model::Command;
use crate::ui::lab::use_lab;
use crate::ui::widgets::progress::Progress;

#[component]
pub fn GatewayTab(vnet: VnetId) -> impl IntoView {
    let lab = use_lab();
    // Ready or not changes once, when provisioning ends; the countdown is Progress's own.
    let gateway = lab.derive(move |s| {
        let vnet = s.virtual_networks.get(&vnet)?;
        let gateway = vnet.gateway.as_ref();
        Some(gateway.map(|g| (g.routing, g.is_ready(s.now()), g.provisioning)))
    });
    let create = move |routing| {
        move |_| {
            let _ = lab.run(Command::CreateGateway { vnet, routing });
        }
    };
    let draw = move |gateway| match gateway {
        Some((routing, ready, operation)) => Either::Left(view! {
            <p>{format!("{routing} gateway, {}", if ready { "ready" } else { "provisioning" })}</p>
            {(!ready).then(|| view! { <Progress label="Gateway provisioning" operation=operation /> })}
            <button type="button" class="secondary" on:click=move |_| { let _ = lab.run(Command::DeleteGateway { vnet }); }>"Delete gateway"</button>
        }),
        None => Either::Right(view! {
            <p>"No gateway. Point-to-site needs one with Dynamic routing; creating it takes 30 simulated minutes."</p>
            <div class="actions">
                <button type="button" on:click=create(Routing::Dynamic)>"Create Dynamic routing gateway"</button>
                <button type="button" class="secondary" on:click=create(Routing::Static)>"Create Static routing gateway"</button>
            </div>
        }),
    };
    move || gateway.get().map(&draw)
}
