//! A web app and its Networking section: the Virtual network tile (R2), the VNet picker (R8,
//! R9) and, once connected, the connection view (R12–R14).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::model::derived::status::{
    connection_status, missing_conditions, virtual_network_tile, ConnectionStatus, Validity,
    VirtualNetworkTile,
};
use crate::model::entities::ids::WebAppId;
use crate::model::input::text::join;
use crate::model::Command;
use crate::ui::lab::use_lab;
use crate::ui::route::{Route, VnetTab};
use crate::ui::views::console::Console;
use crate::ui::views::tier_picker::TierPicker;
use crate::ui::views::Progress;
use crate::ui::widgets::{copy_text, download, FormError, StatusBadge, ValidityBadge};

#[component]
pub fn WebAppView(app: WebAppId) -> impl IntoView {
    let lab = use_lab();
    let exists = lab.derive(move |s| s.web_apps.contains_key(&app));
    view! {
        <Show when=move || exists.get() fallback=|| view! { <h1>"Web app not found"</h1><p>"It may have been deleted. Pick one in the web apps list."</p> }>
            <WebAppDetails app=app />
        </Show>
    }
}

#[component]
fn WebAppDetails(app: WebAppId) -> impl IntoView {
    let lab = use_lab();
    let name = move || {
        lab.subscription.with(|s| {
            s.web_apps
                .get(&app)
                .map(|a| a.name.clone())
                .unwrap_or_default()
        })
    };
    let host = move || {
        lab.subscription.with(|s| {
            s.web_apps
                .get(&app)
                .map(|a| a.host_name())
                .unwrap_or_default()
        })
    };
    let plan = lab.derive(move |s| {
        s.web_apps
            .get(&app)
            .and_then(|a| s.plan_of(a))
            .map(|p| (p.id, format!("{} ({})", p.name, p.tier)))
    });
    let tile = lab.derive(move |s| virtual_network_tile(s, app));
    let connected =
        lab.derive(move |s| s.web_apps.get(&app).is_some_and(|a| a.connection.is_some()));
    view! {
        <h1>{name}</h1>
        <p class="view-purpose">{host}</p>
        <dl class="facts">
            <dt>"App Service plan"</dt>
            <dd>{move || plan.get().map(|(id, text)| view! { <a href=Route::Plan(id).href()>{text}</a> })}</dd>
        </dl>
        <h2>"Networking"</h2>
        <section class="tile" aria-labelledby="vnet-tile-title">
            <h3 id="vnet-tile-title">"Virtual network"</h3>
            {move || match tile.get() {
                VirtualNetworkTile::NeedsHigherTier { tier } => {
                    let plan_id = plan.get_untracked().map(|(id, _)| id);
                    view! {
                        <p class="banner banner-warn" role="status">
                            {format!("VNet Integration needs the Standard or Premium tier; this web app's plan is {tier}. Choose Standard or higher to scale the plan.")}
                        </p>
                        {plan_id.map(|plan| view! { <TierPicker plan=plan /> })}
                    }
                    .into_any()
                }
                VirtualNetworkTile::Available if connected.get() => view! { <ConnectionView app=app /> }.into_any(),
                VirtualNetworkTile::Available => view! { <VnetPicker app=app /> }.into_any(),
            }}
        </section>
        <Console app=app />
    }
}

/// R8: eligible networks selectable, the others greyed out with every missing condition.
#[component]
fn VnetPicker(app: WebAppId) -> impl IntoView {
    let lab = use_lab();
    let rows = move || {
        lab.subscription.with(|s| {
            s.virtual_networks
                .values()
                .map(|vnet| {
                    let missing = missing_conditions(s, vnet);
                    let id = vnet.id;
                    let eligible = missing.is_empty();
                    view! {
                        <li class="picker-row" class:picker-disabled=!eligible>
                            <div>
                                <strong>{vnet.name.clone()}</strong>
                                <span class="muted">{" "}{join(&vnet.address_space, ", ")}</span>
                                {(!eligible).then(|| view! {
                                    <ul class="reasons" aria-label=format!("Why {} cannot be picked", vnet.name)>
                                        {missing.iter().map(|m| view! { <li>{m.to_string()}</li> }).collect_view().into_any()}
                                    </ul>
                                })}
                            </div>
                            <button
                                type="button"
                                disabled=!eligible
                                aria-label=format!("Connect to {}", vnet.name)
                                on:click=move |_| { let _ = lab.run(Command::ConnectWebApp { app, vnet: id }); }
                            >
                                "Connect"
                            </button>
                        </li>
                    }
                })
                .collect_view().into_any()
        })
    };
    view! {
        <p>"Not connected. Pick a virtual network with point-to-site enabled and a ready Dynamic routing gateway, or create a new one."</p>
        <ul class="picker" aria-label="Virtual networks">{rows}</ul>
        <CreateVnetForApp app=app />
    }
}

/// R9: a new VNet with a Dynamic gateway and point-to-site, provisioned in 30 simulated minutes.
#[component]
fn CreateVnetForApp(app: WebAppId) -> impl IntoView {
    let lab = use_lab();
    let name = RwSignal::new(String::new());
    let space = RwSignal::new("10.10.0.0/16".to_string());
    let dns = RwSignal::new(String::new());
    let error = RwSignal::new(None);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        error.set(lab.submit(Command::CreateVirtualNetworkAndConnect {
            app,
            name: name.get_untracked(),
            address_space: space.get_untracked(),
            dns_servers: dns.get_untracked(),
        }));
    };
    view! {
        <form class="panel" on:submit=submit>
            <h4>"Create new virtual network"</h4>
            <label>"Name" <input type="text" bind:value=name placeholder="appVnet" /></label>
            <label>"Address space" <input type="text" bind:value=space /></label>
            <span class="hint">"CIDR prefixes separated by commas, such as 10.10.0.0/16"</span>
            <label>"DNS servers (optional)" <input type="text" bind:value=dns placeholder="10.10.0.4" /></label>
            <FormError error=error />
            <button type="submit">"Create and connect"</button>
        </form>
    }
}

#[component]
fn ConnectionView(app: WebAppId) -> impl IntoView {
    let lab = use_lab();
    let status = lab.derive(move |s| connection_status(s, app));
    let validity = lab.derive(move |s| {
        let thumbprint = &s.web_apps.get(&app)?.connection.as_ref()?.thumbprint;
        s.certificate(thumbprint).map(|c| Validity::of(c, s.now()))
    });
    let details = lab.derive(move |s| {
        let connection = s.web_apps.get(&app)?.connection.clone()?;
        let vnet = s.virtual_networks.get(&connection.vnet)?;
        let pool = vnet
            .point_to_site
            .as_ref()
            .map(|p| p.pool.to_string())
            .unwrap_or_else(|| "point-to-site not enabled".into());
        let mut routes: Vec<String> = vnet
            .address_space
            .iter()
            .map(|n| format!("{n} (virtual network)"))
            .collect();
        routes.extend(
            connection
                .synced
                .site_to_site
                .iter()
                .filter_map(|id| s.local_networks.get(id))
                .flat_map(|local| {
                    local
                        .address_space
                        .iter()
                        .map(move |n| format!("{n} ({} via site-to-site)", local.name))
                }),
        );
        let dns = join(&connection.synced.dns_servers, ", ");
        let operation = vnet
            .gateway
            .as_ref()
            .filter(|g| !g.is_ready(s.now()))
            .map(|g| g.provisioning);
        Some((
            vnet.id,
            vnet.name.clone(),
            connection.thumbprint,
            pool,
            dns,
            routes,
            operation,
        ))
    });
    move || {
        let Some((vnet, vnet_name, thumbprint, pool, dns, routes, operation)) = details.get()
        else {
            return ().into_any();
        };
        let certificate_files = thumbprint.clone();
        let copied = thumbprint.clone();
        // The status changes with the clock (time left); only its own nodes follow it.
        let banner = move || match status.get() {
            status @ (ConnectionStatus::SyncRequired { .. }
            | ConnectionStatus::OutOfSync { .. }) => {
                Some(view! { <p class="banner banner-warn" role="status">{status.to_string()}</p> })
            }
            _ => None,
        };
        let expiry_warning = move || {
            validity
                .get()
                .and_then(|validity| validity.warning())
                .map(|warning| view! { <p class="banner banner-warn" role="status">{warning}</p> })
        };
        view! {
            {banner}
            {expiry_warning}
            <dl class="facts">
                <dt>"Virtual network"</dt>
                <dd><a href=Route::VirtualNetwork(vnet, VnetTab::Overview).href()>{vnet_name}</a></dd>
                <dt>"Status"</dt>
                <dd>{move || { let status = status.get(); view! { <StatusBadge status=status.clone() />" "<span class="muted">{status.to_string()}</span> } }}</dd>
                <dt>"Certificate thumbprint"</dt>
                <dd>
                    <code class="thumbprint">{thumbprint}</code>
                    <button type="button" class="secondary" on:click=move |_| copy_text(&copied)>"Copy"</button>
                </dd>
                <dt>"Certificate validity"</dt>
                <dd>{move || validity.get().map(|validity| view! { <ValidityBadge validity=validity /> })}</dd>
                <dt>"Point-to-site address range"</dt>
                <dd><code>{pool}</code>" "<a href=Route::VirtualNetwork(vnet, VnetTab::AddressRanges).href()>"See every range and the routes they need"</a></dd>
                <dt>"DNS servers in effect"</dt>
                <dd>{if dns.is_empty() { "None: use IP addresses".to_string() } else { dns }}</dd>
                <dt>"Routes"</dt>
                <dd><ul class="plain">{routes.into_iter().map(|r| view! { <li><code>{r}</code></li> }).collect_view().into_any()}</ul></dd>
            </dl>
            {operation.map(|operation| view! { <Progress label="Gateway provisioning" operation=operation /> })}
            <div class="actions">
                <button type="button" on:click=move |_| { let _ = lab.run(Command::SyncConnection { app }); }>"Sync connection"</button>
                <button type="button" class="secondary" on:click=move |_| { let _ = lab.run(Command::DisconnectWebApp { app }); }>"Disconnect"</button>
                <CertificateDownloads thumbprint=certificate_files />
            </div>
        }
        .into_any()
    }
}

#[component]
fn CertificateDownloads(thumbprint: String) -> impl IntoView {
    let lab = use_lab();
    let certificate = lab
        .subscription
        .with_untracked(|s| s.certificate(&thumbprint).cloned());
    certificate.map(|certificate| {
        let pem = certificate.clone();
        view! {
            <button type="button" class="secondary" on:click=move |_| download(&format!("{}.cer", certificate.thumbprint), "application/pkix-cert", &certificate.der)>"Download .cer"</button>
            <button type="button" class="secondary" on:click=move |_| download(&format!("{}.pem", pem.thumbprint), "application/x-pem-file", pem.pem().as_bytes())>"Download .pem"</button>
        }
    })
}
