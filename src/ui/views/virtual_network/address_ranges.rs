//! The point-to-site range view (R21): every range around a VNet on one picture, overlaps
//! marked, and each linked local network's route back to the pool, present or missing.

use leptos::prelude::*;

use crate::model::derived::address_ranges::{address_ranges, AddressRanges, RangeKind, RouteBack};
use crate::model::entities::ids::VnetId;
use crate::ui::lab::use_lab;
use crate::ui::route::{Route, VnetTab};

const ROW_HEIGHT: usize = 28;
const WIDTH: usize = 1000;

fn kind_class(kind: RangeKind) -> &'static str {
    match kind {
        RangeKind::AddressSpace => "range range-space",
        RangeKind::Subnet => "range range-subnet",
        RangeKind::IntegrationSubnet => "range range-integration",
        RangeKind::PointToSitePool => "range range-pool",
        RangeKind::LocalNetwork => "range range-local",
    }
}

/// One bar a range, in address order on an ordinal scale, overlapping ones dashed in red.
fn picture(data: &AddressRanges) -> impl IntoView {
    let (spans, slots) = data.positions();
    let slot = WIDTH / slots.max(1);
    let height = data.ranges.len() * ROW_HEIGHT + 8;
    let description: Vec<String> = data
        .ranges
        .iter()
        .map(|r| format!("{} {} {}", r.kind.label(), r.owner, r.prefix))
        .collect();
    let bars = data
        .ranges
        .iter()
        .zip(spans)
        .enumerate()
        .map(|(row, (range, (start, end)))| {
            let y = row * ROW_HEIGHT + 4;
            view! {
                <g class=kind_class(range.kind) class:range-overlap=!range.overlaps.is_empty()>
                    <rect x=start * slot y=y width=(end - start) * slot height=ROW_HEIGHT - 6 rx="3" />
                    <text x=start * slot + 6 y=y + 16>{format!("{} {}", range.owner, range.prefix)}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg
            class="range-picture"
            viewBox=format!("0 0 {WIDTH} {height}")
            role="img"
            aria-label=format!("Address ranges: {}", description.join("; "))
        >
            {bars}
        </svg>
    }
}

fn ranges_table(data: &AddressRanges) -> impl IntoView {
    let rows = data
        .ranges
        .iter()
        .map(|range| {
            let overlaps = if range.overlaps.is_empty() {
                view! { "None" }.into_any()
            } else {
                view! { <span class="badge badge-bad">"Overlaps"</span>" "{range.overlaps.join(", ")} }
                    .into_any()
            };
            view! {
                <tr>
                    <td>{range.kind.label()}</td>
                    <td>{range.owner.clone()}</td>
                    <td><code>{range.prefix.to_string()}</code></td>
                    <td>{overlaps}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table tabindex="0">
            <thead><tr><th>"Kind"</th><th>"Owner"</th><th>"Range"</th><th>"Overlaps"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

fn route_back(route: RouteBack) -> impl IntoView {
    let lab = use_lab();
    let (class, word) = if route.present {
        ("badge badge-ok", "Present")
    } else {
        ("badge badge-bad", "Missing")
    };
    view! {
        <li>
            <span class=class>{word}</span>" "<code>{route.line}</code>" "
            <a href=Route::LocalNetwork(route.local).href()>{format!("Open {}", route.local_name)}</a>" "
            {route.command.map(|command| view! {
                <button type="button" on:click=move |_| { let _ = lab.run(command.clone()); }>"Add this route"</button>
            })}
        </li>
    }
}

#[component]
pub fn AddressRangesTab(vnet: VnetId) -> impl IntoView {
    let lab = use_lab();
    let data = lab.derive(move |s| address_ranges(s, vnet));
    let draw = move |data: AddressRanges| {
        let no_routes = data.routes.is_empty();
        let pool_note = data.pool.is_none().then(|| view! {
            <p class="banner banner-warn" role="status">
                "Point-to-site is not enabled, so there is no pool and no route to name. "
                <a href=Route::VirtualNetwork(vnet, VnetTab::PointToSite).href()>"Enable point-to-site"</a>
            </p>
        });
        view! {
            <p>"Web apps connect from addresses in the point-to-site pool: every network they reach must route that pool back, and no two ranges may overlap. Ranges are placed in address order; widths are not to scale."</p>
            {pool_note}
            <div class="picture" tabindex="0">{picture(&data)}</div>
            {ranges_table(&data)}
            <h3>"Routes the local networks need"</h3>
            {no_routes.then(|| view! { <p>"No local network is linked by site-to-site VPN."</p> })}
            <ul class="plain">{data.routes.into_iter().map(route_back).collect_view()}</ul>
        }
    };
    move || data.get().map(&draw)
}
