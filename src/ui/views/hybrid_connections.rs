//! Hybrid Connections (R23): one host:port over TCP per connection, through a relay agent on a
//! Windows Server that reaches the endpoint; counted against the plan's tier.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::model::entities::host::Protocol;
use crate::model::entities::hybrid::hybrid_answer;
use crate::model::entities::ids::{HybridConnectionId, LocalNetworkId, ServerId, WebAppId};
use crate::model::entities::tier::TierFamily;
use crate::model::Command;
use crate::ui::html::table;
use crate::ui::lab::use_lab;
use crate::ui::route::Route;
use crate::ui::widgets::{web_app_options, Choice, FormError, Markup, Options};

/// A row of the list, owned.
struct Row {
    id: HybridConnectionId,
    name: String,
    app: (WebAppId, String),
    endpoint: String,
    agent: Option<(String, bool)>,
    reaches: bool,
    status: String,
}

fn rows(s: &crate::model::Subscription) -> Vec<Row> {
    s.hybrid_connections
        .values()
        .map(|hybrid| {
            let answer = hybrid_answer(s, hybrid.app, &hybrid.host, hybrid.port, Protocol::Tcp);
            let agent = hybrid.agent.as_ref().map(|agent| {
                let host = s
                    .local_networks
                    .get(&agent.local_network)
                    .and_then(|l| l.servers.iter().find(|server| server.id == agent.server))
                    .map_or_else(
                        || "a removed server".to_string(),
                        |server| server.host.name.clone(),
                    );
                (host, agent.running)
            });
            Row {
                id: hybrid.id,
                name: hybrid.name.clone(),
                app: (
                    hybrid.app,
                    s.web_apps
                        .get(&hybrid.app)
                        .map(|a| a.name.clone())
                        .unwrap_or_default(),
                ),
                endpoint: hybrid.endpoint(),
                agent,
                reaches: answer.reaches(),
                status: answer.to_string(),
            }
        })
        .collect()
}

/// Every Windows Server that can host the relay agent, as (value, label).
fn agent_hosts(s: &crate::model::Subscription) -> Vec<(String, String)> {
    s.local_networks
        .values()
        .flat_map(|local| {
            local
                .servers
                .iter()
                .filter(|server| server.host.runs_windows_server())
                .map(move |server| {
                    (
                        format!("{}/{}", local.id, server.id),
                        format!(
                            "{} ({}, {})",
                            server.host.name, server.host.address, local.name
                        ),
                    )
                })
        })
        .collect()
}

#[component]
pub fn HybridConnections() -> impl IntoView {
    let lab = use_lab();
    let hosts: Options = lab.derive(agent_hosts);
    let limits = table(
        "",
        &["Tier", "Hybrid Connections"],
        TierFamily::ALL.into_iter().map(|family| {
            vec![
                family.to_string(),
                family.hybrid_connection_limit().to_string(),
            ]
        }),
    );
    view! {
        <h1>"Hybrid Connections"</h1>
        <p class="view-purpose">"One host and port over TCP, through a relay agent (the Hybrid Connection Manager) on a Windows Server that can reach the endpoint. The agent only calls out on port 443: no inbound firewall opening on-premises."</p>
        <table tabindex="0">
            <thead><tr><th>"Name"</th><th>"Web app"</th><th>"Endpoint"</th><th>"Relay agent"</th><th>"Status"</th><th>"Actions"</th></tr></thead>
            <tbody>
                {move || lab.subscription.with(rows).into_iter().map(|row| view! { <HybridRow row=row hosts=hosts /> }).collect_view().into_any()}
            </tbody>
        </table>
        <AddHybridConnection />
        <h2>"Limits by pricing tier"</h2>
        <Markup html=limits />
    }
}

#[component]
fn HybridRow(row: Row, hosts: Options) -> impl IntoView {
    let lab = use_lab();
    let id = row.id;
    let choice = RwSignal::new(String::new());
    let install = move |_| {
        let value = choice.get_untracked();
        let picked = if value.is_empty() {
            hosts.get_untracked().first().map(|(v, _)| v.clone())
        } else {
            Some(value)
        };
        let Some((local, server)) = picked.as_deref().and_then(|v| v.split_once('/')) else {
            return;
        };
        if let (Ok(local), Ok(server)) = (local.parse(), server.parse()) {
            let _ = lab.run(Command::InstallRelayAgent {
                connection: id,
                local_network: LocalNetworkId(local),
                server: ServerId(server),
            });
        }
    };
    let badge = if row.reaches {
        "badge badge-ok"
    } else {
        "badge badge-bad"
    };
    let word = if row.reaches {
        "Connected"
    } else {
        "Not connected"
    };
    let name = row.name.clone();
    let agent = match row.agent.clone() {
        Some((host, running)) => {
            let toggle = if running { "Stop agent" } else { "Start agent" };
            view! {
                {format!("{host}, {}", if running { "running" } else { "stopped" })}" "
                <button type="button" class="secondary" on:click=move |_| { let _ = lab.run(Command::SetRelayAgentRunning { connection: id, running: !running }); }>{toggle}</button>
            }
            .into_any()
        }
        None if hosts.with_untracked(Vec::is_empty) => view! {
            <span class="muted">"None. No local network has a Windows Server to install it on: add one to a local network first."</span>
        }
        .into_any(),
        None => view! {
            <Choice label="Install on" value=choice options=hosts />" "
            <button type="button" on:click=install>"Install relay agent"</button>
        }
        .into_any(),
    };
    view! {
        <tr>
            <td>{row.name}</td>
            <td><a href=Route::WebApp(row.app.0).href()>{row.app.1}</a></td>
            <td><code>{row.endpoint}</code></td>
            <td>{agent}</td>
            <td><span class=badge>{word}</span>" "<span class="muted">{row.status}</span></td>
            <td><button type="button" class="secondary" aria-label=format!("Delete {name}") on:click=move |_| { let _ = lab.run(Command::DeleteHybridConnection { connection: id }); }>"Delete"</button></td>
        </tr>
    }
}

#[component]
fn AddHybridConnection() -> impl IntoView {
    let lab = use_lab();
    let apps = web_app_options();
    let app = RwSignal::new(
        apps.get_untracked()
            .first()
            .map(|(id, _)| id.clone())
            .unwrap_or_default(),
    );
    let name = RwSignal::new(String::new());
    let endpoint = RwSignal::new(String::new());
    let error = RwSignal::new(None);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Ok(app) = app.get_untracked().parse().map(WebAppId) else {
            error.set(Some(
                "There is no web app to add it to: create one first.".into(),
            ));
            return;
        };
        let failed = lab.submit(Command::AddHybridConnection {
            app,
            name: name.get_untracked(),
            endpoint: endpoint.get_untracked(),
        });
        if failed.is_none() {
            name.set(String::new());
            endpoint.set(String::new());
        }
        error.set(failed);
    };
    view! {
        <form class="panel" on:submit=submit>
            <h2>"Add a Hybrid Connection"</h2>
            <Choice label="Web app" value=app options=apps />
            <label>"Name " <input type="text" bind:value=name placeholder="hq-db" /></label>
            <label>"Endpoint (host:port) " <input type="text" bind:value=endpoint placeholder="db.contoso.local:1433" /></label>
            <span class="hint">"Name the endpoint by its DNS name: the web app's traffic is matched by it."</span>
            <FormError error=error />
            <button type="submit">"Add"</button>
        </form>
    }
}
