use leptos::prelude::*;

use crate::model::Command;
use crate::ui::lab::use_lab;
use crate::ui::widgets::choice::{Choice, Select};
use crate::ui::widgets::form::{Form, TextInput};
use crate::ui::widgets::options;

#[component]
pub fn AddHybridConnection() -> impl IntoView {
    let lab = use_lab();
    let app = Choice::new(options::web_apps(lab));
    let name = RwSignal::new(String::new());
    let endpoint = RwSignal::new(String::new());
    let submit = move || {
        lab.submit(Command::AddHybridConnection {
            app: app.required("There is no web app to add it to: create one first.")?,
            name: name.get_untracked(),
            endpoint: endpoint.get_untracked(),
        })
    };
    view! {
        <Form button="Add" submit=submit>
            <h2>"Add a Hybrid Connection"</h2>
            <Select label="Web app" choice=app />
            <TextInput label="Name" value=name placeholder="hq-db" />
            <TextInput label="Endpoint (host:port)" value=endpoint placeholder="db.contoso.local:1433" />
            <span class="hint">"Name the endpoint by its DNS name: the web app's traffic is matched by it."</span>
        </Form>
    }
}
