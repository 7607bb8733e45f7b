//! Internet hosts: public services web apps call, reached by their public address (R29).

use leptos::prelude::*;

use crate::model::input::text::join;
use crate::model::{Command, HostRef, Subscription};
use crate::ui::lab::use_lab;
use crate::ui::widgets::choice::Options;
use crate::ui::widgets::form::{Form, TextInput};
use crate::ui::widgets::listing::Listing;
use crate::ui::widgets::open_port::OpenPortForm;
use crate::ui::widgets::table::{Action, Cell, Table};

fn rows(s: &Subscription) -> Vec<Vec<Cell>> {
    s.internet_hosts
        .values()
        .map(|host| {
            vec![
                Cell::text(&host.host.name),
                Cell::code(host.host.address),
                Cell::Text(join(&host.host.open_ports, ", ")),
                Cell::Actions(vec![Action::new(
                    "Delete",
                    format!("Delete {}", host.host.name),
                    Command::DeleteInternetHost { host: host.id },
                )]),
            ]
        })
        .collect()
}

#[component]
pub fn InternetHosts() -> impl IntoView {
    let lab = use_lab();
    let hosts = Options::derive(lab, |s| {
        s.internet_hosts
            .values()
            .map(|h| (HostRef::InternetHost(h.id), h.host.name.clone()))
            .collect()
    });
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
        <Table head=&["DNS name", "Public IP", "Open ports", "Actions"] rows=lab.derive(rows) listing=Listing::new("internet host", "internet hosts", "DNS name") />
        <h2>"Firewall"</h2>
        <OpenPortForm kind="Internet host" hosts=hosts />
        <Form button="Create" submit=submit>
            <h2>"Add an internet host"</h2>
            <TextInput label="DNS name" value=name placeholder="api.contoso.com" />
            <TextInput label="Public IP" value=address placeholder="20.61.15.8" />
        </Form>
    }
}
