use leptos::prelude::*;

use crate::model::entities::ids::VnetId;
use crate::model::Command;
use crate::ui::lab::use_lab;
use crate::ui::route::Route;
use crate::ui::widgets::choice::{Choice, Select};
use crate::ui::widgets::form::Form;
use crate::ui::widgets::options;
use crate::ui::widgets::table::{Action, Cell, Table};

#[component]
pub fn SiteToSite(vnet: VnetId) -> impl IntoView {
    let lab = use_lab();
    let links = lab.derive(move |s| {
        s.virtual_networks.get(&vnet).map_or_else(Vec::new, |v| {
            v.site_to_site
                .iter()
                .filter_map(|id| s.local_networks.get(id))
                .map(|local| {
                    let unlink = Command::UnlinkSiteToSite {
                        vnet,
                        local_network: local.id,
                    };
                    let label = format!("Remove the link to {}", local.name);
                    vec![
                        Cell::Link(Route::LocalNetwork(local.id).href(), local.name.clone()),
                        Cell::Actions(vec![Action::new("Remove", label, unlink)]),
                    ]
                })
                .collect()
        })
    });
    let local = Choice::new(options::local_networks(lab));
    let submit = move || {
        lab.submit(Command::LinkSiteToSite {
            vnet,
            local_network: local.required("Create a local network first.")?,
        })
    };
    view! {
        <Table head=&["Local network", "Actions"] rows=links />
        <Form button="Link by site-to-site VPN" inline=true submit=submit>
            <Select label="Local network" choice=local />
        </Form>
    }
}
