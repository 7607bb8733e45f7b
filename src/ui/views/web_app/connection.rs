//! The connection view (R12–R14): VNet, status, certificate thumbprint, P2S range, DNS servers
//! and routes in effect; Sync, Disconnect and the certificate's files.

use leptos::prelude::*;

use crate::model::derived::retirement::Retirement;
use crate::model::derived::status::{connection_status, ConnectionStatus, Validity};
use crate::model::entities::clock::Operation;
use crate::model::entities::ids::{VnetId, WebAppId};
use crate::model::input::text::join;
use crate::model::{Command, Subscription};
use crate::ui::browser::clipboard::copy_text;
use crate::ui::browser::download::download;
use crate::ui::lab::use_lab;
use crate::ui::route::{Route, Section, VnetTab};
use crate::ui::widgets::progress::Progress;
use crate::ui::widgets::status_badge::StatusBadge;
use crate::ui::widgets::validity_badge::ValidityBadge;

#[derive(Clone, PartialEq)]
struct Connection {
    vnet: VnetId,
    vnet_name: String,
    thumbprint: String,
    pool: String,
    dns: String,
    routes: Vec<String>,
    /// The gateway's provisioning while it lasts.
    operation: Option<Operation>,
}

fn connection(s: &Subscription, app: WebAppId) -> Option<Connection> {
    let connection = s.web_apps.get(&app)?.connection.as_ref()?;
    let vnet = s.virtual_networks.get(&connection.vnet)?;
    let pool = vnet.point_to_site.as_ref().map_or_else(
        || "point-to-site not enabled".into(),
        |p| p.pool.to_string(),
    );
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
    Some(Connection {
        vnet: vnet.id,
        vnet_name: vnet.name.clone(),
        thumbprint: connection.thumbprint.clone(),
        pool,
        dns: join(&connection.synced.dns_servers, ", "),
        routes,
        operation: vnet
            .gateway
            .as_ref()
            .filter(|g| !g.is_ready(s.now()))
            .map(|g| g.provisioning),
    })
}

#[component]
pub fn ConnectionView(app: WebAppId) -> impl IntoView {
    let lab = use_lab();
    let status = lab.derive(move |s| connection_status(s, app));
    // Changes as the clock crosses into the certificate's warning or past its expiry (R13).
    let validity = lab.derive(move |s| {
        let thumbprint = &s.web_apps.get(&app)?.connection.as_ref()?.thumbprint;
        s.certificate(thumbprint).map(|c| Validity::of(c, s.now()))
    });
    let expiry_warning = move || {
        validity
            .get()
            .and_then(|validity| validity.warning())
            .map(|warning| view! { <p class="banner banner-warn" role="status">{warning}</p> })
    };
    let details = lab.derive(move |s| connection(s, app));
    // The status changes with the clock (time left); only its own nodes follow it.
    let banner = move || match status.get() {
        status @ (ConnectionStatus::SyncRequired { .. } | ConnectionStatus::OutOfSync { .. }) => {
            Some(view! { <p class="banner banner-warn" role="status">{status.to_string()}</p> })
        }
        _ => None,
    };
    let status_words = move || {
        let status = status.get();
        let sentence = status.to_string();
        view! { <StatusBadge status=status />" "<span class="muted">{sentence}</span> }
    };
    // R41: changes only when the simulated day does.
    let retirement = lab.derive(|s| Retirement::at(s.now()));
    let retirement_words = move || {
        match retirement.get() {
        Retirement::Retired => view! { <span class="badge badge-warn">"Retired"</span>" "<span class="muted">"since 31 March 2027; the lab still rehearses it"</span> }.into_any(),
        days @ Retirement::DaysLeft(_) => view! { <span>{days.short()}</span> }.into_any(),
    }
    };
    let body = move |c: Connection| {
        let copied = c.thumbprint.clone();
        let dns = if c.dns.is_empty() {
            "None: use IP addresses".to_string()
        } else {
            c.dns
        };
        view! {
            <dl class="facts">
                <dt>"Virtual network"</dt>
                <dd><a href=Route::VirtualNetwork(c.vnet, VnetTab::Overview).href()>{c.vnet_name}</a></dd>
                <dt>"Status"</dt>
                <dd>{status_words}</dd>
                <dt>"Retirement"</dt>
                <dd class="retirement">{retirement_words}</dd>
                <dt>"Certificate thumbprint"</dt>
                <dd>
                    <code class="thumbprint">{c.thumbprint.clone()}</code>
                    <button type="button" class="secondary" on:click=move |_| copy_text(&copied)>"Copy"</button>
                </dd>
                <dt>"Certificate validity"</dt>
                <dd>{move || validity.get().map(|validity| view! { <ValidityBadge validity=validity /> })}</dd>
                <dt>"Point-to-site address range"</dt>
                <dd><code>{c.pool}</code>" "<a href=Route::VirtualNetwork(c.vnet, VnetTab::AddressRanges).href()>"See every range and the routes they need"</a></dd>
                <dt>"DNS servers in effect"</dt>
                <dd>{dns}</dd>
                <dt>"Routes"</dt>
                <dd><ul class="plain">{c.routes.into_iter().map(|r| view! { <li><code>{r}</code></li> }).collect_view()}</ul></dd>
            </dl>
            {c.operation.map(|operation| view! { <Progress label="Gateway provisioning" operation=operation /> })}
            <div class="actions">
                <button type="button" on:click=move |_| { let _ = lab.run(Command::SyncConnection { app }); }>"Sync connection"</button>
                <button type="button" class="secondary" on:click=move |_| { let _ = lab.run(Command::DisconnectWebApp { app }); }>"Disconnect"</button>
                <CertificateDownloads thumbprint=c.thumbprint />
            </div>
            <p><a href=Section::Migration.href()>"Plan the move to regional VNet Integration"</a>", which Microsoft recommends over this gateway-required kind."</p>
        }
    };
    view! {
        {banner}
        {expiry_warning}
        {move || details.get().map(&body)}
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
