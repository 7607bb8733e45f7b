//! Simulated time. The clock is a value in the state, moved only by a command; nothing in the
//! model reads the wall clock.

use std::fmt;

use serde::{Deserialize, Serialize};
use time::{Date, Month, OffsetDateTime};

/// Seconds since the Unix epoch, in simulated time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Instant(pub i64);

pub const MINUTE: i64 = 60;
pub const HOUR: i64 = 60 * MINUTE;
pub const DAY: i64 = 24 * HOUR;

/// How long a gateway takes to provision (R9).
pub const GATEWAY_PROVISIONING: i64 = 30 * MINUTE;

/// The last instant the clock can show: the end of the `time` crate's calendar.
pub const LATEST: Instant = Instant(253_402_300_799);

/// The lab's clock: the simulated now, and how much faster than real time it runs in the app.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    pub now: Instant,
    pub speed: u32,
}

pub const DEFAULT_SPEED: u32 = 60;

impl Instant {
    pub fn plus(self, seconds: i64) -> Instant {
        Instant(self.0.saturating_add(seconds))
    }

    /// The date and time in UTC; `None` past the calendar's years -9999 to 9999.
    pub fn to_utc(self) -> Option<OffsetDateTime> {
        OffsetDateTime::from_unix_timestamp(self.0).ok()
    }

    pub fn from_utc(moment: OffsetDateTime) -> Instant {
        Instant(moment.unix_timestamp())
    }

    /// The same time of day `months` calendar months later (or earlier, if negative); a day the
    /// month lacks becomes its last day (31 August + 6 months = 28 or 29 February).
    pub fn plus_months(self, months: i32) -> Option<Instant> {
        let moment = self.to_utc()?;
        let index = moment
            .year()
            .checked_mul(12)?
            .checked_add(i32::from(u8::from(moment.month())) - 1)?
            .checked_add(months)?;
        let year = index.div_euclid(12);
        let month = Month::try_from(u8::try_from(index.rem_euclid(12) + 1).ok()?).ok()?;
        let day = moment.day().min(month.length(year));
        let date = Date::from_calendar_date(year, month, day).ok()?;
        Some(Instant::from_utc(moment.replace_date(date)))
    }

    /// The date and time in UTC, as the portal's activity log shows it: `2015-03-24 09:00 UTC`.
    pub fn to_utc_string(self) -> String {
        match self.to_utc() {
            Some(t) => format!(
                "{:04}-{:02}-{:02} {:02}:{:02} UTC",
                t.year(),
                u8::from(t.month()),
                t.day(),
                t.hour(),
                t.minute()
            ),
            None => format!("{} s from 1970-01-01 00:00 UTC", self.0),
        }
    }
}

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_utc_string())
    }
}

/// A step of the time controls (SPEC §5): the clock moves on by it, in calendar terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    Hours(u32),
    Days(u32),
    Years(u16),
}

impl Step {
    /// The instant one step after `from`; `None` past the calendar's end.
    pub fn after(self, from: Instant) -> Option<Instant> {
        match self {
            Step::Hours(hours) => from.0.checked_add(i64::from(hours) * HOUR).map(Instant),
            Step::Days(days) => from.0.checked_add(i64::from(days) * DAY).map(Instant),
            Step::Years(years) => from.plus_months(i32::from(years) * 12),
        }
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (count, unit) = match *self {
            Step::Hours(n) => (n, "hour"),
            Step::Days(n) => (n, "day"),
            Step::Years(n) => (u32::from(n), "year"),
        };
        let plural = if count == 1 { "" } else { "s" };
        write!(f, "{count} {unit}{plural}")
    }
}

/// A long operation: started at one instant, done at another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Operation {
    pub started: Instant,
    pub done: Instant,
}

impl Operation {
    pub fn starting(now: Instant, duration: i64) -> Operation {
        Operation {
            started: now,
            done: now.plus(duration),
        }
    }

    pub fn is_done(&self, now: Instant) -> bool {
        now >= self.done
    }

    /// Seconds left at `now`, never negative.
    pub fn seconds_left(&self, now: Instant) -> i64 {
        (self.done.0 - now.0).max(0)
    }

    /// How far along it is at `now`, from 0 to 1.
    pub fn progress(&self, now: Instant) -> f64 {
        let total = (self.done.0 - self.started.0).max(1) as f64;
        ((now.0 - self.started.0) as f64 / total).clamp(0.0, 1.0)
    }
}

/// "12 min 30 s", "2 h 5 min", "30 min": a duration as a person reads it, without a zero part.
pub fn describe_duration(seconds: i64) -> String {
    let seconds = seconds.max(0);
    let (whole, unit, rest, rest_unit) = if seconds >= HOUR {
        (seconds / HOUR, "h", (seconds % HOUR) / MINUTE, "min")
    } else if seconds >= MINUTE {
        (seconds / MINUTE, "min", seconds % MINUTE, "s")
    } else {
        return format!("{seconds} s");
    };
    if rest == 0 {
        format!("{whole} {unit}")
    } else {
        format!("{whole} {unit} {rest} {rest_unit}")
    }
}
