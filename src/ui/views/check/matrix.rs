//! The reachability matrix (SPEC §4, R24): every web app against every known endpoint, each
//! cell both verdicts and a link to its check. Up to 200 × 500 cells, of which only those on
//! screen are drawn (and, without a verdict filter, checked): the table is built as escaped
//! [`Markup`] for the scrolled-to window and redrawn as it scrolls. The time a draw took is shown
//! under the table.

use leptos::html::Div;
use leptos::prelude::*;

use crate::markup::Markup;
use crate::model::derived::matrix::{
    matrix_with, verdicts, Matrix, MatrixFilter, VerdictFilter, Verdicts,
};
use crate::model::Subscription;
use crate::ui::derived::Derived;
use crate::ui::lab::use_lab;
use crate::ui::route::{CheckQuery, Route};
use crate::ui::views::check::CheckTabs;
use crate::ui::widgets::choice::{Choice, Options, Select};

fn mark(reaches: bool) -> &'static str {
    if reaches {
        "✓"
    } else {
        "✗"
    }
}

/// Every cell has the same size, so the scroll position says which rows and columns are seen.
const ROW_HEIGHT: i32 = 34;
const COLUMN_WIDTH: i32 = 190;
/// Rows and columns drawn beyond the edges, so a short scroll shows no gap before the redraw.
const OVERSCAN: i32 = 3;

/// The rows and columns on screen, as `first..end`.
#[derive(Clone, Copy)]
struct VisiblePart {
    rows: (usize, usize),
    columns: (usize, usize),
}

/// What is visible of `m` in a box of `view` (width, height) scrolled to `scroll` (left, top).
fn visible_part(m: &Matrix<'_>, scroll: (i32, i32), view: (i32, i32)) -> VisiblePart {
    let span = |offset: i32, size: i32, cell: i32, count: usize| {
        let first = (offset / cell - OVERSCAN).max(0) as usize;
        let seen = (size / cell + 2 * OVERSCAN + 1) as usize;
        (first.min(count), (first + seen).min(count))
    };
    VisiblePart {
        rows: span(scroll.1, view.1, ROW_HEIGHT, m.apps.len()),
        columns: span(scroll.0, view.0, COLUMN_WIDTH, m.columns.len()),
    }
}

/// Empty cells sized by presentational attributes stand for what is not drawn (the CSP allows
/// no inline styles), so the table keeps its full size and the scroll bars their meaning.
fn spacer(html: &mut Markup, cell: Spacer, width: i32) {
    if width > 0 {
        let (open, close) = match cell {
            Spacer::Head => ("<th aria-hidden=\"true\" width=\"", "\"></th>"),
            Spacer::Data => ("<td aria-hidden=\"true\" width=\"", "\"></td>"),
        };
        html.tag(open).text(width).tag(close);
    }
}

#[derive(Clone, Copy)]
enum Spacer {
    Head,
    Data,
}

/// A row standing for `rows` rows not drawn.
fn gap(html: &mut Markup, columns: usize, rows: usize) {
    if rows > 0 {
        html.tag("<tr aria-hidden=\"true\"><td colspan=\"")
            .text(columns)
            .tag("\" height=\"")
            .text(rows as i32 * ROW_HEIGHT)
            .tag("\"></td></tr>");
    }
}

/// The table's markup for the rows and columns in `seen`; every name goes in as text.
fn table(m: &Matrix<'_>, filter: VerdictFilter, seen: VisiblePart) -> Markup {
    let (first_row, end_row) = seen.rows;
    let (first_column, end_column) = seen.columns;
    let before = first_column as i32 * COLUMN_WIDTH;
    let after = (m.columns.len() - end_column) as i32 * COLUMN_WIDTH;
    let cells = (end_row - first_row) * (end_column - first_column);
    let mut html = Markup::with_capacity(256 * (cells + 1));
    html.tag("<table class=\"matrix\" width=\"")
        .text((m.columns.len() as i32 + 1) * COLUMN_WIDTH)
        .tag("\" aria-rowcount=\"")
        .text(m.apps.len() + 1)
        .tag("\" aria-colcount=\"")
        .text(m.columns.len() + 1)
        .tag("\"><thead><tr aria-rowindex=\"1\"><th scope=\"col\" width=\"")
        .text(COLUMN_WIDTH)
        .tag("\">Web app</th>");
    spacer(&mut html, Spacer::Head, before);
    for column in &m.columns[first_column..end_column] {
        html.tag("<th scope=\"col\" width=\"")
            .text(COLUMN_WIDTH)
            .tag("\">")
            .text(&column.endpoint.host.name)
            .tag("<br><code>")
            .text(&column.address)
            .tag(" ")
            .text(column.endpoint.rule)
            .tag("</code><br><small>")
            .text(column.network())
            .tag("</small></th>");
    }
    spacer(&mut html, Spacer::Head, after);
    html.tag("</tr></thead><tbody>");
    gap(&mut html, end_column - first_column + 3, first_row);
    for row in first_row..end_row {
        let app = m.apps[row];
        html.tag("<tr aria-rowindex=\"")
            .text(row + 2)
            .tag("\"><th scope=\"row\">")
            .text(&app.name)
            .tag("</th>");
        spacer(&mut html, Spacer::Data, before);
        for index in first_column..end_column {
            let column = &m.columns[index];
            let cell = m.cell(row, index);
            let href = Route::Check(CheckQuery {
                app: app.id,
                host: column.address.clone(),
                port: column.endpoint.rule.port,
                protocol: column.endpoint.rule.protocol,
            })
            .href();
            let class = match (cell.vnet, cell.hybrid) {
                _ if !filter.keeps(cell) => "<td class=\"m-dim\"><a href=\"",
                (true, true) => "<td class=\"m-both\"><a href=\"",
                (true, false) => "<td class=\"m-vnet\"><a href=\"",
                (false, true) => "<td class=\"m-hybrid\"><a href=\"",
                (false, false) => "<td class=\"m-none\"><a href=\"",
            };
            html.tag(class)
                .text(href)
                .tag("\">VNet ")
                .tag(mark(cell.vnet))
                .tag(" HC ")
                .tag(mark(cell.hybrid))
                .tag("</a></td>");
        }
        spacer(&mut html, Spacer::Data, after);
        html.tag("</tr>");
    }
    gap(
        &mut html,
        end_column - first_column + 3,
        m.apps.len() - end_row,
    );
    html.tag("</tbody></table>");
    html
}

/// The table (the part in `scroll` and `view`) and a sentence on what it holds.
fn render(
    s: &Subscription,
    filter: &MatrixFilter,
    verdicts: Option<&Verdicts>,
    scroll: (i32, i32),
    view: (i32, i32),
) -> (Markup, String) {
    let m = matrix_with(s, filter, verdicts);
    if m.apps.is_empty() || m.columns.is_empty() {
        let why = if s.web_apps.is_empty() {
            "No web apps yet: create one in Web apps."
        } else if m.columns.is_empty() && filter == &MatrixFilter::default() {
            "No known endpoints yet: open a port on a virtual machine or an on-premises server."
        } else {
            "Nothing matches these filters: widen them."
        };
        return (Markup::new(), why.to_string());
    }
    let mut summary = format!("{} web apps × {} endpoints", m.apps.len(), m.columns.len());
    if m.apps_left_out + m.columns_left_out > 0 {
        summary.push_str(&format!(
            " shown; {} more web apps and {} more endpoints match: filter by app or network to see them",
            m.apps_left_out, m.columns_left_out
        ));
    }
    let seen = visible_part(&m, scroll, view);
    (table(&m, filter.verdict, seen), summary)
}

/// Milliseconds with one decimal, without pulling float formatting into the bundle.
fn milliseconds(ms: f64) -> String {
    let tenths = (ms * 10.0).round() as u64;
    format!("{}.{}", tenths / 10, tenths % 10)
}

#[component]
pub fn ReachabilityMatrix() -> impl IntoView {
    let lab = use_lab();
    let apps = Options::derive(lab, |s| {
        let all = (None, "All web apps".to_string());
        let apps = s.web_apps.values().map(|a| (Some(a.id), a.name.clone()));
        std::iter::once(all).chain(apps).collect()
    });
    // The model filters endpoints by the name of their virtual or local network.
    let networks = Options::derive(lab, |s| {
        let all = (None, "All networks".to_string());
        let vnets = s.virtual_networks.values().map(|v| v.name.clone());
        let names = vnets.chain(s.local_networks.values().map(|l| l.name.clone()));
        std::iter::once(all)
            .chain(names.map(|name| (Some(name.clone()), name)))
            .collect()
    });
    let verdict_options = VerdictFilter::ALL
        .map(|v| (v, v.label().to_string()))
        .to_vec();
    let app = Choice::new(apps);
    let network = Choice::new(networks);
    let verdict = Choice::new(Options::fixed(verdict_options));
    let filter = move || MatrixFilter {
        app: app.value().flatten(),
        network: network.value().flatten(),
        verdict: verdict.value().unwrap_or_default(),
    };
    // A verdict filter's checks, run once per state and filter: a scroll only redraws.
    let checked = Derived::new(move || {
        let filter = filter();
        lab.subscription.with(|s| verdicts(s, &filter))
    });
    let container = NodeRef::<Div>::new();
    let summary = RwSignal::new(String::new());
    let elapsed = RwSignal::new(String::new());
    // Scrolling redraws the visible part; the position itself is read from the box.
    let scrolled = Trigger::new();
    Effect::new(move |_| {
        let filter = filter();
        let Some(element) = container.get() else {
            return;
        };
        let performance = window().performance();
        let start = performance.as_ref().map_or(0.0, |p| p.now());
        scrolled.track();
        let scroll = (element.scroll_left(), element.scroll_top());
        // The box is at most as large as the window, and empty before the first draw.
        let size = |value: Result<wasm_bindgen::JsValue, _>| {
            value.ok().and_then(|v| v.as_f64()).unwrap_or(1_000.0) as i32
        };
        let view = (size(window().inner_width()), size(window().inner_height()));
        let (html, text) = checked.with(|verdicts| {
            lab.subscription
                .with(|s| render(s, &filter, verdicts.as_ref(), scroll, view))
        });
        element.set_inner_html(html.as_str());
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
            <Select label="Web app" choice=app />
            <Select label="Network" choice=network />
            <Select label="Verdict" choice=verdict />
        </div>
        <p class="matrix-summary" role="status" data-render-ms=move || elapsed.get()>
            {move || summary.get()}
            {move || format!(" (rendered in {} ms)", elapsed.get())}
        </p>
        <div class="table-scroll" node_ref=container tabindex="0" role="region" aria-label="Reachability matrix"
            on:scroll=move |_| scrolled.notify()></div>
    }
}
