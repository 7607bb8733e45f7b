//! A long operation's progress in simulated time, with a fast-forward: the countdown that
//! follows each tick of the clock, while what is around it stays as it is.

use leptos::prelude::*;

use crate::model::entities::clock::{describe_duration, Operation};
use crate::model::{ClockTarget, Command, Subscription};
use crate::ui::lab::use_lab;

#[component]
pub fn Progress(label: &'static str, operation: Operation) -> impl IntoView {
    let lab = use_lab();
    let now = lab.derive(Subscription::now);
    view! {
        <div class="progress">
            <label>
                {label}
                <progress max="100" value=move || (operation.progress(now.get()) * 100.0).round() as u32></progress>
            </label>
            <span role="status">{move || format!("{} left in simulated time", describe_duration(operation.seconds_left(now.get())))}</span>
            <button
                type="button"
                class="secondary"
                on:click=move |_| {
                    let seconds = operation.seconds_left(now.get_untracked());
                    if seconds > 0 {
                        let _ = lab.run(Command::MoveClock { to: ClockTarget::Ahead { seconds } });
                    }
                }
            >
                "Fast-forward"
            </button>
        </div>
    }
}
