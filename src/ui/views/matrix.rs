//! The reachability matrix (SPEC §4, R24): every web app against every known endpoint, each
//! cell both verdicts and a link to its check. Up to 200 × 500 cells: the table is built as
//! escaped markup in one string and set at once, which the browser parses far faster than it
//! could take 100,000 cells node by node. The time it took is shown under the table.

use leptos::html::Div;
use leptos::prelude::*;

use crate::model::ids::WebAppId;
use crate::model::matrix::{matrix, Matrix, MatrixFilter, VerdictFilter};
use crate::model::Subscription;
use crate::ui::html::escape;
use crate::ui::lab::use_lab;
use crate::ui::route::{CheckQuery, Route};
use crate::ui::views::connection_check::CheckTabs;
use crate::ui::widgets::{web_app_options, Choice};

fn mark(reaches: bool) -> &'static str {
    if reaches {
        "✓"
    } else {
        "✗"
    }
}

/// The table's markup, every name escaped.
fn table(m: &Matrix<'_>, filter: VerdictFilter) -> String {
    let mut html = String::with_capacity(64 * (m.cells.len() + m.columns.len()) + 256);
    html.push_str("<table class=\"matrix\"><thead><tr><th scope=\"col\">Web app</th>");
    for column in &m.columns {
        html.push_str(&format!(
            "<th scope=\"col\">{}<br><code>{} {}</code><br><small>{}</small></th>",
            escape(&column.endpoint.host.name),
            column.address,
            column.endpoint.rule,
            escape(column.network())
        ));
    }
    html.push_str("</tr></thead><tbody>");
    for (row, app) in m.apps.iter().enumerate() {
        html.push_str(&format!("<tr><th scope=\"row\">{}</th>", escape(&app.name)));
        for (index, column) in m.columns.iter().enumerate() {
            let cell = m.cell(row, index);
            let href = Route::Check(CheckQuery {
                app: app.id,
                host: column.address.clone(),
                port: column.endpoint.rule.port,
                protocol: column.endpoint.rule.protocol,
            })
            .href();
            let class = match (cell.vnet, cell.hybrid) {
                _ if !filter.keeps(cell) => "m-dim",
                (true, true) => "m-both",
                (true, false) => "m-vnet",
                (false, true) => "m-hybrid",
                (false, false) => "m-none",
            };
            html.push_str(&format!(
                "<td class=\"{class}\"><a href=\"{href}\">VNet {} HC {}</a></td>",
                mark(cell.vnet),
                mark(cell.hybrid)
            ));
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table>");
    html
}

/// The table and a sentence on what it holds.
fn render(s: &Subscription, filter: &MatrixFilter) -> (String, String) {
    let m = matrix(s, filter);
    if m.apps.is_empty() || m.columns.is_empty() {
        let why = if s.web_apps.is_empty() {
            "No web apps yet: create one in Web apps."
        } else if m.columns.is_empty() && filter == &MatrixFilter::default() {
            "No known endpoints yet: open a port on a virtual machine or an on-premises server."
        } else {
            "Nothing matches these filters: widen them."
        };
        return (String::new(), why.to_string());
    }
    let mut summary = format!("{} web apps × {} endpoints", m.apps.len(), m.columns.len());
    if m.apps_left_out + m.columns_left_out > 0 {
        summary.push_str(&format!(
            " shown; {} more web apps and {} more endpoints match: filter by app or network to see them",
            m.apps_left_out, m.columns_left_out
        ));
    }
    (table(&m, filter.verdict), summary)
}

/// Milliseconds with one decimal, without pulling float formatting into the bundle.
fn milliseconds(ms: f64) -> String {
    let tenths = (ms * 10.0).round() as u64;
    format!("{}.{}", tenths / 10, tenths % 10)
}

#[component]
pub fn ReachabilityMatrix() -> impl IntoView {
    let lab = use_lab();
    let app = RwSignal::new(String::new());
    let network = RwSignal::new(String::new());
    let verdict = RwSignal::new(String::new());
    let apps = web_app_options();
    let networks = lab.derive(|s| {
        let vnets = s.virtual_networks.values().map(|v| v.name.clone());
        vnets
            .chain(s.local_networks.values().map(|l| l.name.clone()))
            .map(|name| (name.clone(), name))
            .collect()
    });
    let verdicts = Memo::new(|_| {
        VerdictFilter::ALL
            .into_iter()
            .skip(1)
            .map(|v| (v.label().to_string(), v.label().to_string()))
            .collect()
    });
    let container = NodeRef::<Div>::new();
    let summary = RwSignal::new(String::new());
    let elapsed = RwSignal::new(String::new());
    Effect::new(move |_| {
        let filter = MatrixFilter {
            app: app.get().parse().ok().map(WebAppId),
            network: Some(network.get()).filter(|n| !n.is_empty()),
            verdict: verdict.with(|value| {
                VerdictFilter::ALL
                    .into_iter()
                    .find(|v| v.label() == value)
                    .unwrap_or_default()
            }),
        };
        let Some(element) = container.get() else {
            return;
        };
        let performance = window().performance();
        let start = performance.as_ref().map_or(0.0, |p| p.now());
        let (html, text) = lab.subscription.with(|s| render(s, &filter));
        element.set_inner_html(&html);
        // Reading the layout makes the browser finish it inside the measured time.
        let _ = element.offset_height();
        elapsed.set(performance.map_or_else(String::new, |p| milliseconds(p.now() - start)));
        summary.set(text);
    });
    view! {
        <h1>"Reachability matrix"</h1>
        <p class="view-purpose">"Every web app against every known endpoint. In each cell: VNet Integration (by IP address) and Hybrid Connection (by host name), ✓ reaches, ✗ does not. A cell opens its check."</p>
        <CheckTabs matrix=true />
        <div class="panel filters">
            <Choice label="Web app" value=app options=apps all="All web apps" />
            <Choice label="Network" value=network options=networks all="All networks" />
            <Choice label="Verdict" value=verdict options=verdicts all="Any verdict" />
        </div>
        <p class="matrix-summary" role="status" data-render-ms=move || elapsed.get()>
            {move || summary.get()}
            {move || format!(" (rendered in {} ms)", elapsed.get())}
        </p>
        <div class="table-scroll" node_ref=container tabindex="0" role="region" aria-label="Reachability matrix"></div>
    }
}
