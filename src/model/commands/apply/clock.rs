//! The simulated clock (SPEC §5): its tick, the time controls and its speed.

use crate::model::commands::command::{ClockTarget, Event};
use crate::model::commands::error::CommandError;
use crate::model::entities::clock::{describe_duration, Instant, DAY, LATEST};
use crate::model::entities::subscription::{Activity, Subscription};
use crate::model::input::date_time::parse_date_time;

impl Subscription {
    /// The tick: moves simulated time on by `seconds` and finishes what is due.
    pub(super) fn advance_clock(&mut self, seconds: i64) -> Result<Event, CommandError> {
        let after = self.ahead(seconds)?;
        Ok(self.move_clock_to(after))
    }

    /// The instant `seconds` after now: forward, and within the calendar.
    fn ahead(&self, seconds: i64) -> Result<Instant, CommandError> {
        if seconds <= 0 {
            return Err(CommandError::ClockBackwards);
        }
        Some(self.now().plus(seconds))
            .filter(|after| *after <= LATEST)
            .ok_or(CommandError::ClockPastEnd)
    }

    /// The time controls: moves the clock on to `target`, never back.
    pub(super) fn move_clock(&mut self, target: ClockTarget) -> Result<Event, CommandError> {
        let now = self.now();
        let (to, summary) = match target {
            ClockTarget::By(step) => {
                let to = step
                    .after(now)
                    .filter(|to| *to <= LATEST)
                    .ok_or(CommandError::ClockPastEnd)?;
                (to, format!("Moved the clock on by {step}, to {to}"))
            }
            ClockTarget::Ahead { seconds } => {
                let to = self.ahead(seconds)?;
                let by = describe_duration(seconds);
                (to, format!("Fast-forwarded the clock by {by}, to {to}"))
            }
            ClockTarget::At(text) => {
                let to = parse_date_time(&text)
                    .map_err(|problem| CommandError::BadDateTime { text, problem })?;
                (to, format!("Moved the clock to {to}"))
            }
            ClockTarget::BeforeExpiry { thumbprint, days } => {
                let certificate =
                    self.certificate(&thumbprint)
                        .ok_or_else(|| CommandError::NotFound {
                            kind: "certificate",
                            id: thumbprint.clone(),
                        })?;
                let to = certificate.not_after.plus(-i64::from(days) * DAY);
                let summary = format!(
                    "Moved the clock to {to}, {days} days before the certificate {thumbprint} of {} expires",
                    certificate.subject
                );
                (to, summary)
            }
        };
        if to <= now {
            return Err(CommandError::ClockNotLater { to, now });
        }
        let mut event = self.move_clock_to(to);
        event.summary = summary;
        Ok(event)
    }

    /// Sets the clock to `after` and finishes what was due by then: gateways become ready, and
    /// web apps waiting on them are connected (R9).
    fn move_clock_to(&mut self, after: Instant) -> Event {
        let before = self.now();
        self.clock.now = after;
        let mut event = Event::new(format!("The clock moved on to {after}"));
        event.finished = self.finished_between(before, after);
        event
    }

    /// What finishes after `before` and by `after`, each at its own simulated time, in order.
    fn finished_between(&self, before: Instant, after: Instant) -> Vec<Activity> {
        let mut finished = Vec::new();
        for vnet in self.virtual_networks.values() {
            let Some(gateway) = &vnet.gateway else {
                continue;
            };
            let done = gateway.provisioning.done;
            if before < done && done <= after {
                finished.push(Activity {
                    at: done,
                    text: format!("The {} gateway of {} is ready", gateway.routing, vnet.name),
                    az: None,
                });
                finished.extend(
                    self.web_apps
                        .values()
                        .filter(|app| app.connection.as_ref().is_some_and(|c| c.vnet == vnet.id))
                        .map(|app| Activity {
                            at: done,
                            text: format!("The web app {} is connected to {}", app.name, vnet.name),
                            az: None,
                        }),
                );
            }
        }
        // Stable: what finishes at the same time keeps the order above.
        finished.sort_by_key(|activity| activity.at);
        finished
    }

    pub(super) fn set_clock_speed(&mut self, speed: u32) -> Result<Event, CommandError> {
        if !(1..=3600).contains(&speed) {
            return Err(CommandError::InvalidSpeed);
        }
        self.clock.speed = speed;
        Ok(Event::new(format!("The simulated clock runs at {speed}×")))
    }
}
