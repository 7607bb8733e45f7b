use leptos::prelude::*;

use crate::ui::derived::Derived;
use crate::ui::lab::use_lab;
use crate::ui::route::Route;

#[component]
pub fn Breadcrumbs(route: RwSignal<Route>) -> impl IntoView {
    let lab = use_lab();
    // The section, then the resource's own name where the route names one; a memo, so the
    // clock's ticks leave the trail alone.
    let trail = Derived::new(move || {
        let route = route.get();
        let section = route.section();
        let leaf = lab.subscription.with(|s| match &route {
            Route::WebApp(id) => s.web_apps.get(id).map(|a| a.name.clone()),
            Route::Plan(id) => s.plans.get(id).map(|p| p.name.clone()),
            Route::VirtualNetwork(id, _) => s.virtual_networks.get(id).map(|v| v.name.clone()),
            Route::LocalNetwork(id) => s.local_networks.get(id).map(|l| l.name.clone()),
            Route::NetworkSecurityGroup(id) => {
                s.network_security_groups.get(id).map(|n| n.name.clone())
            }
            Route::RouteTable(id) => s.route_tables.get(id).map(|t| t.name.clone()),
            Route::PrivateDnsZone(id) => s.private_dns_zones.get(id).map(|z| z.name.clone()),
            Route::Check(query) => {
                Some(format!("{}:{} {}", query.host, query.port, query.protocol))
            }
            Route::Matrix => Some("Reachability matrix".into()),
            Route::Share(_) => Some("Shared subscription".into()),
            Route::Section(_) => None,
            Route::NotFound(_) => Some("Not found".into()),
        });
        (section, leaf)
    });
    view! {
        <nav class="breadcrumbs" aria-label="Breadcrumb">
            <ol>
                <li><a href="#/">"Home"</a></li>
                {move || {
                    let (section, leaf) = trail.get();
                    match (section, leaf) {
                        (Some(section), None) => view! { <li aria-current="page">{section.title()}</li> }.into_any(),
                        (Some(section), Some(leaf)) => view! {
                            <li><a href=section.href()>{section.title()}</a></li>
                            <li aria-current="page">{leaf}</li>
                        }
                        .into_any(),
                        (None, leaf) => view! { <li aria-current="page">{leaf}</li> }.into_any(),
                    }
                }}
            </ol>
        </nav>
    }
}
