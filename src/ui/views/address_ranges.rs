//! The point-to-site range view (R21): every range around a VNet on one picture, overlaps
//! marked, and each linked local network's route back to the pool, present or missing.

use leptos::prelude::*;

use crate::model::derived::address_ranges::{address_ranges, AddressRanges, RangeKind};
use crate::model::entities::ids::VnetId;
use crate::ui::html::{badge, code, escape, table};
use crate::ui::lab::use_lab;
use crate::ui::route::{Route, VnetTab};
use crate::ui::widgets::Markup;

const ROW_HEIGHT: usize = 28;
const WIDTH: usize = 1000;

fn kind_class(kind: RangeKind) -> &'static str {
    match kind {
        RangeKind::AddressSpace => "range-space",
        RangeKind::Subnet => "range-subnet",
        RangeKind::IntegrationSubnet => "range-integration",
        RangeKind::PointToSitePool => "range-pool",
        RangeKind::LocalNetwork => "range-local",
    }
}

/// One bar a range, in address order on an ordinal scale, overlapping ones dashed in red.
fn picture(data: &AddressRanges) -> String {
    let (spans, slots) = data.positions();
    let slot = WIDTH / slots.max(1);
    let height = data.ranges.len() * ROW_HEIGHT + 8;
    let description: Vec<String> = data
        .ranges
        .iter()
        .map(|r| format!("{} {} {}", r.kind.label(), r.owner, r.prefix))
        .collect();
    let mut svg = format!(
        "<svg class=\"range-picture\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-label=\"Address ranges: {}\">",
        escape(&description.join("; "))
    );
    for (row, (range, (start, end))) in data.ranges.iter().zip(spans).enumerate() {
        let y = row * ROW_HEIGHT + 4;
        let overlap = if range.overlaps.is_empty() {
            ""
        } else {
            " range-overlap"
        };
        svg.push_str(&format!(
            "<g class=\"range {}{overlap}\"><rect x=\"{}\" y=\"{y}\" width=\"{}\" height=\"{}\" rx=\"3\"/><text x=\"{}\" y=\"{}\">{} {}</text></g>",
            kind_class(range.kind),
            start * slot,
            (end - start) * slot,
            ROW_HEIGHT - 6,
            start * slot + 6,
            y + 16,
            escape(&range.owner),
            range.prefix
        ));
    }
    svg.push_str("</svg>");
    svg
}

fn ranges_table(data: &AddressRanges) -> String {
    table(
        "",
        &["Kind", "Owner", "Range", "Overlaps"],
        data.ranges.iter().map(|range| {
            let overlaps = if range.overlaps.is_empty() {
                "None".to_string()
            } else {
                format!(
                    "{} {}",
                    badge("badge-bad", "Overlaps"),
                    escape(&range.overlaps.join(", "))
                )
            };
            vec![
                range.kind.label().to_string(),
                escape(&range.owner),
                code(&range.prefix.to_string()),
                overlaps,
            ]
        }),
    )
}

#[component]
pub fn AddressRangesTab(vnet: VnetId) -> impl IntoView {
    let lab = use_lab();
    move || {
        let Some(data) = lab.subscription.with(|s| address_ranges(s, vnet)) else {
            return ().into_any();
        };
        let markup = format!(
            "<div class=\"picture\">{}</div>{}",
            picture(&data),
            ranges_table(&data)
        );
        let no_routes = data.routes.is_empty();
        let routes = data
            .routes
            .into_iter()
            .map(|route| {
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
            })
            .collect_view()
            .into_any();
        let pool_note = data.pool.is_none().then(|| view! {
            <p class="banner banner-warn" role="status">
                "Point-to-site is not enabled, so there is no pool and no route to name. "
                <a href=Route::VirtualNetwork(vnet, VnetTab::PointToSite).href()>"Enable point-to-site"</a>
            </p>
        });
        view! {
            <p>"Web apps connect from addresses in the point-to-site pool: every network they reach must route that pool back, and no two ranges may overlap. Ranges are placed in address order; widths are not to scale."</p>
            {pool_note}
            <Markup html=markup />
            <h3>"Routes the local networks need"</h3>
            {no_routes.then(|| view! { <p>"No local network is linked by site-to-site VPN."</p> })}
            <ul class="plain">{routes}</ul>
        }
        .into_any()
    }
}
