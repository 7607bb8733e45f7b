//! Simulated time. The clock is a value in the state, moved only by a command; nothing in the
//! model reads the wall clock.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Seconds since the Unix epoch, in simulated time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Instant(pub i64);

pub const MINUTE: i64 = 60;
pub const HOUR: i64 = 60 * MINUTE;
pub const DAY: i64 = 24 * HOUR;
pub const YEAR: i64 = 365 * DAY;

/// How long a gateway takes to provision (R9).
pub const GATEWAY_PROVISIONING: i64 = 30 * MINUTE;

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

    /// The date and time in UTC, as the portal's activity log shows it: `2015-03-24 09:00 UTC`.
    pub fn to_utc_string(self) -> String {
        let t = self.to_utc();
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02} UTC",
            t.year, t.month, t.day, t.hour, t.minute
        )
    }

    /// The proleptic Gregorian date and time in UTC (H. Hinnant's `civil_from_days`): a few
    /// lines here cost the bundle less than a date crate.
    pub fn to_utc(self) -> UtcTime {
        let days = self.0.div_euclid(86_400);
        let second_of_day = self.0.rem_euclid(86_400);
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
        let month = if shifted_month < 10 {
            shifted_month + 3
        } else {
            shifted_month - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        UtcTime {
            year,
            month: month as u8,
            day: day as u8,
            hour: (second_of_day / 3_600) as u8,
            minute: (second_of_day % 3_600 / 60) as u8,
            second: (second_of_day % 60) as u8,
        }
    }
}

/// A calendar date and time of day in UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UtcTime {
    pub year: i64,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_utc_string())
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

/// "12 min 30 s", "2 h 5 min": a duration as a person reads it.
pub fn describe_duration(seconds: i64) -> String {
    let seconds = seconds.max(0);
    if seconds >= HOUR {
        format!("{} h {} min", seconds / HOUR, (seconds % HOUR) / MINUTE)
    } else if seconds >= MINUTE {
        format!("{} min {} s", seconds / MINUTE, seconds % MINUTE)
    } else {
        format!("{seconds} s")
    }
}
