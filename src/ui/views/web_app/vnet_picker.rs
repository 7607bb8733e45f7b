//! R8: eligible networks selectable, the others greyed out with every missing condition; and
//! "Create new virtual network" (R9).

use leptos::prelude::*;

use crate::model::derived::status::missing_conditions;
use crate::model::entities::ids::{VnetId, WebAppId};
use crate::model::input::text::join;
use crate::model::Command;
use crate::ui::lab::use_lab;
use crate::ui::views::web_app::create_vnet::CreateVnetForApp;
use crate::ui::widgets::keyed::shown;

/// A network as the picker shows it; drawn anew when it changes (a countdown while its gateway
/// provisions), and only then.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Candidate {
    id: VnetId,
    name: String,
    space: String,
    missing: Vec<String>,
}

#[component]
pub fn VnetPicker(app: WebAppId) -> impl IntoView {
    let lab = use_lab();
    let candidates = lab.derive(|s| {
        s.virtual_networks
            .values()
            .map(|v| Candidate {
                id: v.id,
                name: v.name.clone(),
                space: join(&v.address_space, ", "),
                missing: missing_conditions(s, v)
                    .iter()
                    .map(ToString::to_string)
                    .collect(),
            })
            .collect::<Vec<_>>()
    });
    view! {
        <p>"Not connected. Pick a virtual network with point-to-site enabled and a ready Dynamic routing gateway, or create a new one."</p>
        <ul class="picker" aria-label="Virtual networks">
            <For each=move || candidates.get() key=shown children=move |candidate| picker_row(app, candidate) />
        </ul>
        <CreateVnetForApp app=app />
    }
}

fn picker_row(app: WebAppId, candidate: Candidate) -> impl IntoView {
    let lab = use_lab();
    let vnet = candidate.id;
    let eligible = candidate.missing.is_empty();
    let reasons = (!eligible).then(|| {
        view! {
            <ul class="reasons" aria-label=format!("Why {} cannot be picked", candidate.name)>
                {candidate.missing.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
            </ul>
        }
    });
    view! {
        <li class="picker-row" class:picker-disabled=!eligible>
            <div>
                <strong>{candidate.name.clone()}</strong>
                <span class="muted">" "{candidate.space}</span>
                {reasons}
            </div>
            <button
                type="button"
                disabled=!eligible
                aria-label=format!("Connect to {}", candidate.name)
                on:click=move |_| { let _ = lab.run(Command::ConnectWebApp { app, vnet }); }
            >
                "Connect"
            </button>
        </li>
    }
}
