//! The simulated clock in the browser: while an operation is under way, each real second moves
//! simulated time on by the clock's speed (60× by default), through the model's command. The
//! time controls move it on by a step, to a typed date, or to before a certificate expires.

use gloo_timers::callback::Interval;
use leptos::prelude::*;

use crate::model::derived::status::{certificate_expiring_next, operations_in_progress};
use crate::model::entities::clock::Step;
use crate::model::{ClockTarget, Command};
use crate::ui::lab::{use_lab, Lab};
use crate::ui::widgets::form::{Form, TextInput};

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

const STEPS: [(Step, &str); 4] = [
    (Step::Hours(1), "+1 hour"),
    (Step::Days(1), "+1 day"),
    (Step::Days(30), "+30 days"),
    (Step::Years(1), "+1 year"),
];

/// How many days before a certificate expires the shortcut moves the clock: "it expires next
/// month" (R13) in one click.
const SHORTCUT_DAYS: u32 = 30;

/// The simulated time, the speed control and the time controls, in the top bar.
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
            <TimeControls />
        </div>
    }
}

/// Moves the clock on, each a logged command (SPEC §5); what is in flight finishes at its time.
#[component]
fn TimeControls() -> impl IntoView {
    let lab = use_lab();
    let expiring = lab.derive(|s| {
        certificate_expiring_next(s, SHORTCUT_DAYS)
            .map(|c| (c.thumbprint.clone(), c.subject.clone()))
    });
    let shortcut = move || {
        expiring.get().map(|(thumbprint, subject)| {
            view! {
                <button type="button" class="secondary" on:click=move |_| {
                    let _ = lab.run(Command::MoveClock { to: ClockTarget::BeforeExpiry { thumbprint: thumbprint.clone(), days: SHORTCUT_DAYS } });
                }>{format!("{SHORTCUT_DAYS} days before {subject} expires")}</button>
            }
        })
    };
    let to = RwSignal::new(String::new());
    let submit = move || {
        lab.submit(Command::MoveClock {
            to: ClockTarget::At(to.get_untracked()),
        })
    };
    view! {
        <details class="time-controls">
            <summary>"Move time"</summary>
            <div class="time-panel">
                <div class="time-steps" role="group" aria-label="Move the clock on by">
                    {STEPS.into_iter().map(|(step, label)| view! {
                        <button type="button" class="secondary" title=format!("Move the clock on by {step}") on:click=move |_| {
                            let _ = lab.run(Command::MoveClock { to: ClockTarget::By(step) });
                        }>{label}</button>
                    }).collect_view()}
                </div>
                {shortcut}
                <Form button="Go" inline=true submit=submit>
                    <TextInput label="To (UTC)" value=to placeholder="2023-02-22 09:00" />
                </Form>
            </div>
        </details>
    }
}
