use leptos::prelude::*;

use crate::model::derived::status::missing_conditions;
use crate::model::entities::ids::VnetId;
use crate::ui::lab::use_lab;
use crate::ui::views::virtual_network::list;

#[derive(Clone, PartialEq)]
struct Facts {
    region: &'static str,
    space: String,
    dns: String,
    vms: usize,
    apps: String,
    missing: String,
}

#[component]
pub fn Overview(vnet: VnetId) -> impl IntoView {
    let lab = use_lab();
    let facts = lab.derive(move |s| {
        let v = s.virtual_networks.get(&vnet)?;
        let apps = s
            .web_apps
            .values()
            .filter(|a| a.connection.as_ref().is_some_and(|c| c.vnet == vnet))
            .map(|a| &a.name);
        Some(Facts {
            region: v.region.display_name(),
            space: list(&v.address_space),
            dns: list(&v.dns_servers),
            vms: v.virtual_machines.len(),
            apps: list(apps),
            missing: list(missing_conditions(s, v)),
        })
    });
    let draw = |facts: Facts| {
        view! {
            <dl class="facts">
                <dt>"Region"</dt><dd>{facts.region}</dd>
                <dt>"Address space"</dt><dd>{facts.space}</dd>
                <dt>"DNS servers"</dt><dd>{facts.dns}</dd>
                <dt>"Virtual machines"</dt><dd>{facts.vms}</dd>
                <dt>"Connected web apps"</dt><dd>{facts.apps}</dd>
                <dt>"Missing for VNet Integration"</dt><dd>{facts.missing}</dd>
            </dl>
        }
    };
    move || facts.get().map(&draw)
}
