//! What to check: a web app, a host, a port and a protocol. Running it opens the check's own
//! URL, so a result can be reloaded, shared and gone back to.

use leptos::prelude::*;
use strum::VariantArray;

use crate::model::entities::host::{parse_port, Protocol};
use crate::ui::lab::use_lab;
use crate::ui::route::{CheckQuery, Route};
use crate::ui::widgets::choice::{Choice, Options, Select};
use crate::ui::widgets::form::{Form, TextInput};
use crate::ui::widgets::options;

#[component]
pub fn CheckForm(query: Option<CheckQuery>) -> impl IntoView {
    let lab = use_lab();
    let app = Choice::new(options::web_apps(lab));
    let protocols = Protocol::VARIANTS
        .iter()
        .map(|&p| (p, p.to_string()))
        .collect();
    let protocol = Choice::new(Options::fixed(protocols));
    let host = RwSignal::new(String::new());
    let port = RwSignal::new("1433".to_string());
    if let Some(query) = query {
        app.starting_at(query.app);
        protocol.starting_at(query.protocol);
        host.set(query.host);
        port.set(query.port.to_string());
    }
    let submit = move || {
        let app = app.required("There is no web app to check from: create one first.")?;
        let host = host.get_untracked().trim().to_string();
        if host.is_empty() {
            return Err("Type the host name or IP address to reach, such as 10.1.1.5.".into());
        }
        let query = CheckQuery {
            app,
            host,
            port: parse_port(&port.get_untracked())?,
            protocol: protocol.value_untracked().unwrap_or(Protocol::Tcp),
        };
        let _ = window().location().set_hash(&Route::Check(query).href());
        Ok(())
    };
    view! {
        <Form button="Run check" query=true class="panel check-form" submit=submit>
            <Select label="Web app" choice=app />
            <TextInput label="Host name or IP" value=host placeholder="10.1.1.5" />
            <TextInput label="Port" value=port numeric=true />
            <Select label="Protocol" choice=protocol />
        </Form>
    }
}
