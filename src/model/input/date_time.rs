//! A date and time in UTC as a person types it for the time controls (SPEC §5).

use std::fmt;

use time::{Date, Month, PrimitiveDateTime, Time};

use crate::model::entities::clock::Instant;

/// Why a typed date and time is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateTimeProblem {
    /// Not the shape of a date and time.
    Shape,
    NoSuchMonth(u8),
    NoSuchDay {
        month: Month,
        year: i32,
        day: u8,
    },
    Hour(u8),
    Minute(u8),
    Second(u8),
}

impl fmt::Display for DateTimeProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateTimeProblem::Shape => f.write_str(
                "a date is a 4-digit year, a month and a day joined by “-”, and a time is hours \
                 and minutes joined by “:”",
            ),
            DateTimeProblem::NoSuchMonth(month) => {
                write!(f, "there is no month {month}; months go from 01 to 12")
            }
            DateTimeProblem::NoSuchDay { month, year, day } => write!(
                f,
                "there is no day {day} in {month} {year}, which has {} days",
                month.length(*year)
            ),
            DateTimeProblem::Hour(hour) => {
                write!(f, "hour {hour} does not exist; hours go from 00 to 23")
            }
            DateTimeProblem::Minute(minute) => {
                write!(
                    f,
                    "minute {minute} does not exist; minutes go from 00 to 59"
                )
            }
            DateTimeProblem::Second(second) => {
                write!(
                    f,
                    "second {second} does not exist; seconds go from 00 to 59"
                )
            }
        }
    }
}

/// `2023-02-22 09:00`, also with `T` between date and time, with seconds, or followed by `UTC` or
/// `Z` (so the clock's own display can be pasted back); a date alone means 00:00.
pub fn parse_date_time(text: &str) -> Result<Instant, DateTimeProblem> {
    let text = text.trim();
    let text = ["UTC", "utc", "Z", "z"]
        .iter()
        .find_map(|zone| text.strip_suffix(zone))
        .unwrap_or(text)
        .trim_end();
    let (date, time) = match text.split_once(['T', 't', ' ']) {
        Some((date, time)) => (date, time.trim_start()),
        None => (text, "00:00"),
    };
    let [year, month, day] = numbers::<3>(date, '-').ok_or(DateTimeProblem::Shape)?;
    if date.split('-').next().map(str::len) != Some(4) {
        return Err(DateTimeProblem::Shape);
    }
    let (hour, minute, second) = match (numbers::<2>(time, ':'), numbers::<3>(time, ':')) {
        (Some([hour, minute]), _) => (hour, minute, 0),
        (_, Some([hour, minute, second])) => (hour, minute, second),
        _ => return Err(DateTimeProblem::Shape),
    };
    let small = |n: u16| u8::try_from(n).map_err(|_| DateTimeProblem::Shape);
    let (month, day) = (small(month)?, small(day)?);
    let (hour, minute, second) = (small(hour)?, small(minute)?, small(second)?);
    let month_name = Month::try_from(month).map_err(|_| DateTimeProblem::NoSuchMonth(month))?;
    let year = i32::from(year);
    let date = Date::from_calendar_date(year, month_name, day).map_err(|_| {
        DateTimeProblem::NoSuchDay {
            month: month_name,
            year,
            day,
        }
    })?;
    let time = Time::from_hms(hour, minute, second).map_err(|_| match (hour, minute) {
        (24.., _) => DateTimeProblem::Hour(hour),
        (_, 60..) => DateTimeProblem::Minute(minute),
        _ => DateTimeProblem::Second(second),
    })?;
    Ok(Instant::from_utc(
        PrimitiveDateTime::new(date, time).assume_utc(),
    ))
}

/// Exactly `N` groups of 1 to 4 ASCII digits separated by `separator`.
fn numbers<const N: usize>(text: &str, separator: char) -> Option<[u16; N]> {
    let mut parts = text.split(separator);
    let mut numbers = [0; N];
    for number in &mut numbers {
        let part = parts.next()?;
        if !(1..=4).contains(&part.len()) || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        *number = part.parse().ok()?;
    }
    parts.next().is_none().then_some(numbers)
}
