//! Internet hosts: public services web apps call, reached by their public address (R29).

use leptos::prelude::*;

use crate::model::entities::ids::InternetHostId;
use crate::model::input::text::join;
use crate::model::{Command, HostRef, Subscription};
use crate::ui::lab::use_lab;
use crate::ui::widgets::choice::Options;
use crate::ui::widgets::form::{Form, TextInput};
use crate::ui::widgets::keyed::shown;
use crate::ui::widgets::open_port::OpenPortForm;

#[derive(Clone, PartialEq, Eq, Hash)]
struct Row {
    id: InternetHostId,
    name: String,
    address: String,
    ports: String,
}

fn rows(s: &Subscription) -> Vec<Row> {
    s.internet_hosts
        .values()
        .map(|host| Row {
            id: host.id,
            name: host.host.name.clone(),
            address: host.host.address.to_string(),
            ports: join(&host.host.open_ports, ", "),
        })
        .collect()
}

#[component]
pub fn InternetHosts() -> impl IntoView {
    let lab = use_lab();
    let rows = lab.derive(rows);
    let hosts = Options::derive(lab, |s| {
        s.internet_hosts
            .values()
            .map(|h| (HostRef::InternetHost(h.id), h.host.name.clone()))
            .collect()
    });
    let row = move |row: Row| {
        let id = row.id;
        view! {
            <tr>
                <td>{row.name.clone()}</td>
                <td><code>{row.address}</code></td>
                <td>{row.ports}</td>
                <td>
                    <button
                        type="button"
                        class="secondary"
                        aria-label=format!("Delete {}", row.name)
                        on:click=move |_| { let _ = lab.run(Command::DeleteInternetHost { host: id }); }
                    >
                        "Delete"
                    </button>
                </td>
            </tr>
        }
    };
    let name = RwSignal::new(String::new());
    let address = RwSignal::new(String::new());
    let submit = move || {
        lab.submit(Command::CreateInternetHost {
            name: name.get_untracked(),
            address: address.get_untracked(),
        })
    };
    view! {
        <h1>"Internet hosts"</h1>
        <p class="view-purpose">"Public services web apps call on the internet, with the ports their firewalls open."</p>
        <table tabindex="0">
            <thead><tr><th>"DNS name"</th><th>"Public IP"</th><th>"Open ports"</th><th>"Actions"</th></tr></thead>
            <tbody>
                <For each=move || rows.get() key=shown children=row />
            </tbody>
        </table>
        <h2>"Firewall"</h2>
        <OpenPortForm kind="Internet host" hosts=hosts />
        <Form button="Create" submit=submit>
            <h2>"Add an internet host"</h2>
            <TextInput label="DNS name" value=name placeholder="api.contoso.com" />
            <TextInput label="Public IP" value=address placeholder="20.61.15.8" />
        </Form>
    }
}
