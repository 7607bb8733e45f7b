//! The path a connection takes, as boxes joined by arrows; a broken path ends in a
//! crossed-out target.

use leptos::prelude::*;

const BOX_WIDTH: usize = 150;
const BOX_GAP: usize = 30;

#[component]
pub fn PathPicture(
    path: Vec<(&'static str, String)>,
    target: String,
    reachable: bool,
) -> impl IntoView {
    let mut nodes = path;
    if !reachable {
        nodes.push(("Not reached", target));
    }
    let width = (nodes.len() * (BOX_WIDTH + BOX_GAP)).saturating_sub(BOX_GAP);
    let description: Vec<String> = nodes
        .iter()
        .map(|(kind, name)| format!("{kind} {name}"))
        .collect();
    let last = nodes.len().saturating_sub(1);
    let hops = nodes
        .into_iter()
        .enumerate()
        .map(|(index, (kind, name))| {
            let x = index * (BOX_WIDTH + BOX_GAP);
            let link = (index > 0).then(|| {
                view! { <line class="hop-link" x1=x - BOX_GAP x2=x - 4 y1="32" y2="32" /> }
            });
            view! {
                <g class="hop" class:hop-broken=!reachable && index == last>
                    {link}
                    <rect x=x y="4" width=BOX_WIDTH height="56" rx="6" />
                    <text x=x + 8 y="26" class="hop-kind">{kind}</text>
                    <text x=x + 8 y="46">{name}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg
            class="path-picture"
            viewBox=format!("0 0 {width} 64")
            role="img"
            aria-label=format!("Path: {}", description.join(" → "))
        >
            {hops}
        </svg>
    }
}
