//! The web app's console, like Kudu's: type `tcpping host:port`, `ping` or `nslookup` (R18).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::model::derived::console::answer;
use crate::model::entities::ids::WebAppId;
use crate::ui::lab::use_lab;
use crate::ui::route::{CheckQuery, Route};

/// The output's lines; a typed command is kept with its prompt, "> ".
const PROMPT: &str = "> ";

#[component]
pub fn Console(app: WebAppId) -> impl IntoView {
    let lab = use_lab();
    let line = RwSignal::new(String::new());
    let output = RwSignal::new(vec!["Type help for the commands.".to_string()]);
    let last_check = RwSignal::new(String::new());
    let log = NodeRef::<leptos::html::Div>::new();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let typed = line.get_untracked();
        let reply = lab.subscription.with_untracked(|s| answer(s, app, &typed));
        if let Some(request) = reply.check {
            last_check.set(
                Route::Check(CheckQuery {
                    app,
                    host: request.host,
                    port: request.port,
                    protocol: request.protocol,
                })
                .href(),
            );
        }
        output.update(|output| {
            output.push(format!("{PROMPT}{typed}"));
            output.extend(reply.lines);
        });
        line.set(String::new());
        // The newest lines are at the bottom: keep them in view once they are drawn.
        request_animation_frame(move || {
            if let Some(log) = log.get_untracked() {
                log.set_scroll_top(log.scroll_height());
            }
        });
    };
    view! {
        <section class="tile" aria-labelledby="console-title">
            <h3 id="console-title">"Console"</h3>
            <div class="console-output" node_ref=log role="log" aria-live="polite" tabindex="0" aria-label="Console output">
                <For
                    each=move || output.get().into_iter().enumerate()
                    key=|(position, _)| *position as u64
                    children=|(_, text)| {
                        let class = if text.starts_with(PROMPT) { "console-line" } else { "" };
                        view! { <p class=class>{text}</p> }
                    }
                />
            </div>
            {move || Some(last_check.get()).filter(|href| !href.is_empty()).map(|href| view! {
                <p><a href=href>"Open the last check in the connection check"</a></p>
            })}
            <form class="console-form" on:submit=submit>
                <label>"Command " <input type="text" class="console-input" bind:value=line placeholder="tcpping 10.1.1.5:1433" autocomplete="off" spellcheck="false" /></label>
                <button type="submit">"Run"</button>
            </form>
        </section>
    }
}
