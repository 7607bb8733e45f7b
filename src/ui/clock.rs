//! The simulated clock in the browser: while an operation is under way, each real second moves
//! simulated time on by the clock's speed (60× by default), through the model's command.

use gloo_timers::callback::Interval;
use leptos::prelude::*;

use crate::model::derived::status::operations_in_progress;
use crate::model::Command;
use crate::ui::lab::{use_lab, Lab};

/// Starts the tick for the page's lifetime.
pub fn start_ticking(lab: Lab) {
    Interval::new(1_000, move || {
        let (busy, speed) = lab
            .subscription
            .with_untracked(|s| (!operations_in_progress(s).is_empty(), s.clock.speed));
        if busy {
            let _ = lab.run(Command::AdvanceClock {
                seconds: i64::from(speed),
            });
        }
    })
    .forget();
}

const SPEEDS: [u32; 4] = [1, 60, 600, 3600];

/// The simulated time and the speed control, in the top bar.
#[component]
pub fn ClockControl() -> impl IntoView {
    let lab = use_lab();
    let now = lab.derive(|s| s.now().to_string());
    let speed = lab.derive(|s| s.clock.speed);
    view! {
        <div class="clock">
            <span title="Simulated time">{move || now.get()}</span>
            <label>
                "Speed"
                <select on:change=move |ev| {
                    if let Ok(speed) = event_target_value(&ev).parse() {
                        let _ = lab.run(Command::SetClockSpeed { speed });
                    }
                }>
                    {SPEEDS.into_iter().map(|s| view! { <option value=s.to_string() selected=move || speed.get() == s>{format!("{s}×")}</option> }).collect_view().into_any()}
                </select>
            </label>
        </div>
    }
}
