use leptos::prelude::*;

use crate::model::entities::host::{parse_port, PortRule, Protocol};
use crate::model::{Command, HostRef};
use crate::ui::lab::use_lab;
use crate::ui::widgets::choice::{Choice, Options, Select};
use crate::ui::widgets::form::{Form, TextInput};

/// Opens a TCP port on the firewall of one of `hosts`, VMs or servers (R20).
#[component]
pub fn OpenPortForm(kind: &'static str, hosts: Options<HostRef>) -> impl IntoView {
    let lab = use_lab();
    let host = Choice::new(hosts);
    let port = RwSignal::new(String::new());
    let submit = move || {
        let host = host.required("There is no host here yet: add one first.")?;
        let port = parse_port(&port.get_untracked())?;
        lab.submit(Command::OpenPort {
            host,
            rule: PortRule {
                protocol: Protocol::Tcp,
                port,
            },
        })
    };
    view! {
        <Form button="Open port" inline=true submit=submit>
            <Select label=kind choice=host />
            <TextInput label="TCP port" value=port placeholder="1433" numeric=true />
        </Form>
    }
}
