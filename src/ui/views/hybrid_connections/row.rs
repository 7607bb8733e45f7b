//! One Hybrid Connection: its endpoint, its relay agent (installed, running or not) and what it
//! reaches now. A row is drawn anew when what it shows changes, and only then.

use leptos::either::Either;
use leptos::prelude::*;

use crate::model::derived::hybrid::hybrid_answer;
use crate::model::entities::host::Protocol;
use crate::model::entities::hybrid::HybridConnection;
use crate::model::entities::ids::{HybridConnectionId, LocalNetworkId, ServerId, WebAppId};
use crate::model::{Command, Subscription};
use crate::ui::derived::Derived;
use crate::ui::lab::use_lab;
use crate::ui::route::Route;
use crate::ui::widgets::choice::{Choice, Options, Select};
use crate::ui::widgets::form::Form;

#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Row {
    id: HybridConnectionId,
    name: String,
    app: (WebAppId, String),
    endpoint: String,
    /// The relay agent's host and whether it runs; `None` while none is installed.
    agent: Option<(String, bool)>,
    reaches: bool,
    status: String,
}

impl Row {
    /// What the list's filter reads.
    pub fn name(&self) -> &str {
        &self.name
    }
}

pub fn row(s: &Subscription, hybrid: &HybridConnection) -> Row {
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
    let app = s.web_apps.get(&hybrid.app).map(|a| a.name.clone());
    Row {
        id: hybrid.id,
        name: hybrid.name.clone(),
        app: (hybrid.app, app.unwrap_or_default()),
        endpoint: hybrid.endpoint(),
        agent,
        reaches: answer.reaches(),
        status: answer.to_string(),
    }
}

pub fn hybrid_row(row: Row, hosts: Options<(LocalNetworkId, ServerId)>) -> impl IntoView {
    let lab = use_lab();
    let id = row.id;
    let (class, word) = if row.reaches {
        ("badge badge-ok", "Connected")
    } else {
        ("badge badge-bad", "Not connected")
    };
    let relay = match row.agent {
        Some((host, running)) => {
            let state = if running { "running" } else { "stopped" };
            let toggle = if running { "Stop agent" } else { "Start agent" };
            view! {
                {format!("{host}, {state}")}" "
                <button type="button" class="secondary" on:click=move |_| { let _ = lab.run(Command::SetRelayAgentRunning { connection: id, running: !running }); }>{toggle}</button>
            }
            .into_any()
        }
        None => view! { <InstallAgent id=id hosts=hosts /> }.into_any(),
    };
    view! {
        <tr>
            <td>{row.name.clone()}</td>
            <td><a href=Route::WebApp(row.app.0).href()>{row.app.1}</a></td>
            <td><code>{row.endpoint}</code></td>
            <td>{relay}</td>
            <td><span class=class>{word}</span>" "<span class="muted">{row.status}</span></td>
            <td>
                <button
                    type="button"
                    class="secondary"
                    aria-label=format!("Delete {}", row.name)
                    on:click=move |_| { let _ = lab.run(Command::DeleteHybridConnection { connection: id }); }
                >
                    "Delete"
                </button>
            </td>
        </tr>
    }
}

#[component]
fn InstallAgent(
    id: HybridConnectionId,
    hosts: Options<(LocalNetworkId, ServerId)>,
) -> impl IntoView {
    let lab = use_lab();
    let host = Choice::new(hosts);
    let submit = move || {
        let (local_network, server) =
            host.required("Add a Windows Server to a local network first.")?;
        lab.submit(Command::InstallRelayAgent {
            connection: id,
            local_network,
            server,
        })
    };
    // Redrawn only when the first Windows Server comes or the last goes, not with each one.
    let none = Derived::new(move || hosts.is_empty());
    let draw = move |none| {
        if none {
            Either::Left(view! {
                <span class="muted">"None. No local network has a Windows Server to install it on: add one to a local network first."</span>
            })
        } else {
            Either::Right(view! {
                <Form button="Install relay agent" inline=true submit=submit>
                    <Select label="Install on" choice=host />
                </Form>
            })
        }
    };
    move || draw(none.get())
}
