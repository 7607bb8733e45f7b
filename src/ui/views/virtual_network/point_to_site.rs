use leptos::either::Either;
use leptos::prelude::*;

use crate::model::entities::ids::VnetId;
use crate::model::Command;
use crate::ui::lab::use_lab;
use crate::ui::widgets::form::{Form, TextInput};

#[component]
pub fn PointToSiteTab(vnet: VnetId) -> impl IntoView {
    let lab = use_lab();
    let pool = lab.derive(move |s| {
        let vnet = s.virtual_networks.get(&vnet)?;
        Some(vnet.point_to_site.as_ref().map(|p| p.pool.to_string()))
    });
    let draw = move |pool| match pool {
        Some(pool) => Either::Left(view! {
            <p>"Enabled. Client address pool: " <code>{pool}</code></p>
            <button type="button" class="secondary" on:click=move |_| { let _ = lab.run(Command::DisablePointToSite { vnet }); }>"Disable point-to-site"</button>
        }),
        None => Either::Right(view! {
            <p>"Not enabled. The pool must be private (10/8, 172.16/12, 192.168/16) and overlap neither the VNet nor a linked local network."</p>
            <EnablePointToSite vnet=vnet />
        }),
    };
    move || pool.get().map(&draw)
}

#[component]
fn EnablePointToSite(vnet: VnetId) -> impl IntoView {
    let lab = use_lab();
    let pool = RwSignal::new(String::new());
    let submit = move || {
        lab.submit(Command::EnablePointToSite {
            vnet,
            pool: pool.get_untracked(),
        })
    };
    view! {
        <Form button="Enable point-to-site" inline=true submit=submit>
            <TextInput label="Client address pool" value=pool placeholder="172.16.0.0/24" />
        </Form>
    }
}
