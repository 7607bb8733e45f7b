//! The connection check (SPEC §4): pick a web app, a host, a port and a protocol; see the
//! verdict, every step in order with its fix (a button where one command applies it), the path
//! as a picture, and the Hybrid Connection answer beside it (R24).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::model::derived::check::{self, Target};
use crate::model::entities::host::{parse_port, Protocol};
use crate::model::entities::hybrid::hybrid_answer;
use crate::model::entities::ids::WebAppId;
use crate::model::Subscription;
use crate::ui::html::{badge, escape};
use crate::ui::lab::use_lab;
use crate::ui::route::{CheckQuery, Route, VnetTab};
use crate::ui::widgets::{web_app_options, Choice, FormError};
use wasm_bindgen::JsCast;

/// Links between the two parts of the Connection check section.
#[component]
pub fn CheckTabs(matrix: bool) -> impl IntoView {
    let current = |on: bool| on.then_some("page");
    view! {
        <nav class="tabs" aria-label="Connection check sections">
            <ul>
                <li><a href=Route::Section(crate::ui::route::Section::ConnectionCheck).href() aria-current=current(!matrix)>"Check one target"</a></li>
                <li><a href=Route::Matrix.href() aria-current=current(matrix)>"Reachability matrix"</a></li>
            </ul>
        </nav>
    }
}

#[component]
pub fn ConnectionCheck(query: Option<CheckQuery>) -> impl IntoView {
    view! {
        <h1>"Connection check"</h1>
        <p class="view-purpose">"Can a web app reach a host and port? Every step of the answer, and what fixes a failure."</p>
        <CheckTabs matrix=false />
        <CheckForm query=query.clone() />
        {query.map(|query| view! { <CheckResult query=query /> })}
    }
}

#[component]
fn CheckForm(query: Option<CheckQuery>) -> impl IntoView {
    let apps = web_app_options();
    let protocols = Memo::new(|_| {
        Protocol::ALL
            .into_iter()
            .map(|p| (p.to_string(), p.to_string()))
            .collect()
    });
    let first = apps.get_untracked().first().map(|(id, _)| id.clone());
    let app = RwSignal::new(
        query
            .as_ref()
            .map(|q| q.app.to_string())
            .or(first)
            .unwrap_or_default(),
    );
    let host = RwSignal::new(query.as_ref().map(|q| q.host.clone()).unwrap_or_default());
    let port = RwSignal::new(query.as_ref().map_or("1433".into(), |q| q.port.to_string()));
    let protocol = RwSignal::new(
        query
            .as_ref()
            .map_or(Protocol::Tcp, |q| q.protocol)
            .to_string(),
    );
    let error = RwSignal::new(None);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Ok(app) = app.get_untracked().parse() else {
            error.set(Some(
                "There is no web app to check from: create one first.".into(),
            ));
            return;
        };
        let host = host.get_untracked().trim().to_string();
        if host.is_empty() {
            error.set(Some(
                "Type the host name or IP address to reach, such as 10.1.1.5.".into(),
            ));
            return;
        }
        match parse_port(&port.get_untracked()) {
            Err(message) => error.set(Some(message)),
            Ok(port) => {
                error.set(None);
                let query = CheckQuery {
                    app: WebAppId(app),
                    host,
                    port,
                    protocol: Protocol::parse(&protocol.get_untracked()).unwrap_or(Protocol::Tcp),
                };
                let _ = window().location().set_hash(&Route::Check(query).href());
            }
        }
    };
    view! {
        <form class="panel check-form" on:submit=submit>
            <Choice label="Web app" value=app options=apps />
            <label>"Host name or IP " <input type="text" bind:value=host placeholder="10.1.1.5" /></label>
            <label>"Port " <input type="text" inputmode="numeric" bind:value=port /></label>
            <Choice label="Protocol" value=protocol options=protocols />
            <FormError error=error />
            <button type="submit">"Run check"</button>
        </form>
    }
}

impl CheckQuery {
    fn target(&self) -> Target<'_> {
        Target {
            host: &self.host,
            port: self.port,
            protocol: self.protocol,
        }
    }
}

/// The result as markup, straight from the check's report: the verdict, the path, each step
/// with its fix, the Hybrid Connection answer. A fix's button carries its step's number for the
/// one click handler of the result.
fn result_markup(s: &Subscription, query: &CheckQuery) -> String {
    let Some(app) = s.web_apps.get(&query.app) else {
        return "<p class=\"banner banner-warn\" role=\"status\">That web app no longer exists: pick another one above.</p>".to_string();
    };
    let report = check::run(s, query.app, query.target());
    let (class, verdict) = if report.reachable() {
        ("verdict-ok", "Reachable")
    } else {
        ("verdict-bad", "Not reachable")
    };
    let path: Vec<(&'static str, String)> = report.path.iter().map(|hop| hop.caption()).collect();
    let mut html = format!(
        "<section class=\"verdict {class}\" role=\"status\" aria-label=\"Verdict\"><strong>{verdict}</strong> {} → {}:{} over {}</section><h2>Path</h2><div class=\"picture\">{}</div><h2>Steps evaluated</h2><ol class=\"steps\">",
        escape(&app.name),
        escape(&query.host),
        query.port,
        query.protocol,
        path_picture(&path, &format!("{}:{}", query.host, query.port), report.reachable())
    );
    for (index, step) in report.steps.iter().enumerate() {
        let (class, word) = if step.passed() {
            ("step-pass", badge("badge-ok", "Passed"))
        } else {
            ("step-fail", badge("badge-bad", "Failed"))
        };
        html.push_str(&format!(
            "<li class=\"step {class}\">{word} <strong>{}</strong>: {}",
            step.stage(),
            escape(&step.to_string())
        ));
        if let Some(fix) = step.fix() {
            let button = if fix.command.is_some() {
                format!(" <button type=\"button\" data-step=\"{index}\">Apply fix</button>")
            } else {
                String::new()
            };
            html.push_str(&format!(
                "<p class=\"fix\">Fix: {}{button}</p>",
                escape(&fix.advice)
            ));
        }
        html.push_str("</li>");
    }
    let hybrid = hybrid_answer(s, query.app, &query.host, query.port, query.protocol);
    let answer = if hybrid.reaches() {
        badge("badge-ok", "Reaches")
    } else {
        badge("badge-neutral", "Does not reach")
    };
    html.push_str(&format!(
        "</ol><h2>Hybrid Connection answer</h2><p>{answer} {}</p>",
        escape(&hybrid.to_string())
    ));
    let vnet = app
        .connection
        .as_ref()
        .and_then(|c| s.virtual_networks.get(&c.vnet));
    if let Some(vnet) = vnet {
        html.push_str(&format!(
            "<p><a href=\"{}\">See the point-to-site address ranges of {}</a></p>",
            Route::VirtualNetwork(vnet.id, VnetTab::AddressRanges).href(),
            escape(&vnet.name)
        ));
    }
    html
}

#[component]
fn CheckResult(query: CheckQuery) -> impl IntoView {
    let lab = use_lab();
    let html = {
        let query = query.clone();
        move || lab.subscription.with(|s| result_markup(s, &query))
    };
    // One handler for every "Apply fix": the button names its step; the fix is read afresh.
    let apply = move |event: leptos::ev::MouseEvent| {
        let step = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.get_attribute("data-step"))
            .and_then(|step| step.parse::<usize>().ok());
        let command = step.and_then(|step| {
            lab.subscription.with_untracked(|s| {
                check::run(s, query.app, query.target())
                    .steps
                    .get(step)?
                    .fix()?
                    .command
            })
        });
        if let Some(command) = command {
            let _ = lab.run(command);
        }
    };
    view! { <div class="check-result" on:click=apply inner_html=html></div> }
}

const BOX_WIDTH: usize = 150;
const BOX_GAP: usize = 30;

/// The path as boxes joined by arrows; a broken path ends in a crossed-out target.
fn path_picture(path: &[(&'static str, String)], target: &str, reachable: bool) -> String {
    let mut nodes: Vec<(&str, &str)> = path
        .iter()
        .map(|(kind, name)| (*kind, name.as_str()))
        .collect();
    if !reachable {
        nodes.push(("Not reached", target));
    }
    let width = nodes.len() * (BOX_WIDTH + BOX_GAP) - BOX_GAP;
    let description: Vec<String> = nodes
        .iter()
        .map(|(kind, name)| format!("{kind} {name}"))
        .collect();
    let mut svg = format!(
        "<svg class=\"path-picture\" viewBox=\"0 0 {width} 64\" role=\"img\" aria-label=\"Path: {}\">",
        escape(&description.join(" → "))
    );
    for (index, (kind, name)) in nodes.iter().enumerate() {
        let x = index * (BOX_WIDTH + BOX_GAP);
        let broken = !reachable && index + 1 == nodes.len();
        svg.push_str(if broken {
            "<g class=\"hop hop-broken\">"
        } else {
            "<g class=\"hop\">"
        });
        if index > 0 {
            svg.push_str(&format!(
                "<line class=\"hop-link\" x1=\"{}\" x2=\"{}\" y1=\"32\" y2=\"32\"/>",
                x - BOX_GAP,
                x - 4
            ));
        }
        svg.push_str(&format!(
            "<rect x=\"{x}\" y=\"4\" width=\"{BOX_WIDTH}\" height=\"56\" rx=\"6\"/><text x=\"{}\" y=\"26\" class=\"hop-kind\">{}</text><text x=\"{}\" y=\"46\">{}</text></g>",
            x + 8, escape(kind), x + 8, escape(name)
        ));
    }
    svg.push_str("</svg>");
    svg
}
