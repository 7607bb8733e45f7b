//! R9: a new VNet with a Dynamic gateway and point-to-site, provisioned in 30 simulated
//! minutes; the web app is connected when it is ready.

use leptos::prelude::*;

use crate::model::entities::ids::WebAppId;
use crate::model::Command;
use crate::ui::lab::use_lab;
use crate::ui::widgets::form::{Form, TextInput};

#[component]
pub fn CreateVnetForApp(app: WebAppId) -> impl IntoView {
    let lab = use_lab();
    let name = RwSignal::new(String::new());
    let space = RwSignal::new("10.10.0.0/16".to_string());
    let dns = RwSignal::new(String::new());
    let submit = move || {
        lab.submit(Command::CreateVirtualNetworkAndConnect {
            app,
            name: name.get_untracked(),
            address_space: space.get_untracked(),
            dns_servers: dns.get_untracked(),
        })
    };
    view! {
        <Form button="Create and connect" submit=submit>
            <h4>"Create new virtual network"</h4>
            <TextInput label="Name" value=name placeholder="appVnet" />
            <TextInput label="Address space" value=space />
            <span class="hint">"CIDR prefixes separated by commas, such as 10.10.0.0/16"</span>
            <TextInput label="DNS servers (optional)" value=dns placeholder="10.10.0.4" />
        </Form>
    }
}
