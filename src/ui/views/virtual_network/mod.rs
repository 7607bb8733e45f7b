//! One virtual network, a file a tab: subnets, DNS, gateway (R7), point-to-site, site-to-site,
//! virtual machines (R10), the Certificates tab (R12, R13) and the P2S range view (R21).

mod address_ranges;
mod certificates;
mod dns_servers;
mod gateway;
mod overview;
mod peerings;
mod point_to_site;
mod site_to_site;
mod subnets;
mod virtual_machines;

use leptos::prelude::*;
use strum::IntoEnumIterator;

use crate::model::entities::ids::VnetId;
use crate::model::input::text::join;
use crate::ui::lab::use_lab;
use crate::ui::route::{Route, VnetTab};
use crate::ui::views::resource;

#[component]
pub fn VirtualNetworkView(vnet: VnetId, tab: VnetTab) -> impl IntoView {
    let lab = use_lab();
    let name = lab.derive(move |s| s.virtual_networks.get(&vnet).map(|v| v.name.clone()));
    let tabs = move || {
        VnetTab::iter()
            .map(|t| {
                let current = (t == tab).then_some("page");
                view! { <li><a href=Route::VirtualNetwork(vnet, t).href() aria-current=current>{t.title()}</a></li> }
            })
            .collect_view()
    };
    let body = move || match tab {
        VnetTab::Overview => view! { <overview::Overview vnet=vnet /> }.into_any(),
        VnetTab::Subnets => view! { <subnets::Subnets vnet=vnet /> }.into_any(),
        VnetTab::Peerings => view! { <peerings::Peerings vnet=vnet /> }.into_any(),
        VnetTab::DnsServers => view! { <dns_servers::DnsServers vnet=vnet /> }.into_any(),
        VnetTab::Gateway => view! { <gateway::GatewayTab vnet=vnet /> }.into_any(),
        VnetTab::PointToSite => view! { <point_to_site::PointToSiteTab vnet=vnet /> }.into_any(),
        VnetTab::SiteToSite => view! { <site_to_site::SiteToSite vnet=vnet /> }.into_any(),
        VnetTab::VirtualMachines => {
            view! { <virtual_machines::VirtualMachines vnet=vnet /> }.into_any()
        }
        VnetTab::Certificates => view! { <certificates::Certificates vnet=vnet /> }.into_any(),
        VnetTab::AddressRanges => {
            view! { <address_ranges::AddressRangesTab vnet=vnet /> }.into_any()
        }
    };
    let page = move |name: String| {
        view! {
            <h1>{name}</h1>
            <nav class="tabs" aria-label="Virtual network sections"><ul>{tabs()}</ul></nav>
            <h2>{tab.title()}</h2>
            {body()}
        }
    };
    resource("Virtual network", "It may have been deleted.", name, page)
}

/// The items separated by commas, or "None".
fn list<T: std::fmt::Display>(items: impl IntoIterator<Item = T>) -> String {
    let text = join(items, ", ");
    if text.is_empty() {
        "None".into()
    } else {
        text
    }
}
