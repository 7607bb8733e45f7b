//! R41: Microsoft retires gateway-required VNet Integration on 31 March 2027. Every
//! gateway-required surface says so with the time left on the simulated clock; after the date
//! the connection is retired (a warning: the lab still rehearses it).

use std::fmt;

use time::{Date, Month};

use crate::model::entities::clock::Instant;
use crate::model::Subscription;

/// The sentence every gateway-required surface shows.
pub const RETIREMENT_LINE: &str = "Gateway-required VNet Integration retires on 31 March 2027";

/// The retirement day, 31 March 2027 (UTC).
pub fn retirement_date() -> Date {
    Date::from_calendar_date(2027, Month::March, 31).expect("a real date")
}

/// Where the simulated clock stands against the date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retirement {
    /// Whole calendar days from today to 31 March 2027: 0 on the day itself.
    DaysLeft(i64),
    /// The clock is past 31 March 2027.
    Retired,
}

impl Retirement {
    pub fn at(now: Instant) -> Retirement {
        // Past the calendar's end the date is long gone.
        let Some(today) = now.to_utc().map(|moment| moment.date()) else {
            return Retirement::Retired;
        };
        let days = (retirement_date() - today).whole_days();
        if days < 0 {
            Retirement::Retired
        } else {
            Retirement::DaysLeft(days)
        }
    }

    pub fn is_retired(self) -> bool {
        self == Retirement::Retired
    }

    /// As a connection's facts say it: "Retires 2027-03-31, in 118 days" or "Retired".
    pub fn short(self) -> String {
        match self {
            Retirement::DaysLeft(0) => "Retires 2027-03-31, today".into(),
            Retirement::DaysLeft(1) => "Retires 2027-03-31, in 1 day".into(),
            Retirement::DaysLeft(days) => format!("Retires 2027-03-31, in {days} days"),
            Retirement::Retired => "Retired".into(),
        }
    }
}

impl fmt::Display for Retirement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Retirement::DaysLeft(0) => write!(f, "{RETIREMENT_LINE}: today."),
            Retirement::DaysLeft(1) => write!(f, "{RETIREMENT_LINE}: in 1 day."),
            Retirement::DaysLeft(days) => write!(f, "{RETIREMENT_LINE}: in {days} days."),
            Retirement::Retired => write!(
                f,
                "Retired: gateway-required VNet Integration retired on 31 March 2027. The lab \
                 still rehearses this connection; in Azure, move it to regional integration."
            ),
        }
    }
}

/// How many web apps must move off gateway-required integration before the date.
pub fn apps_to_move(subscription: &Subscription) -> usize {
    subscription
        .web_apps
        .values()
        .filter(|app| app.connection.is_some())
        .count()
}

/// The Migration view's count: "3 web apps must move before 31 March 2027."
pub fn apps_to_move_line(subscription: &Subscription) -> String {
    let retired = Retirement::at(subscription.now()).is_retired();
    match (apps_to_move(subscription), retired) {
        (0, _) => "No web app must move: none uses gateway-required integration.".into(),
        (1, false) => "1 web app must move before 31 March 2027.".into(),
        (n, false) => format!("{n} web apps must move before 31 March 2027."),
        (1, true) => {
            "1 web app is still on gateway-required integration, retired since 31 March 2027."
                .into()
        }
        (n, true) => format!(
            "{n} web apps are still on gateway-required integration, retired since 31 March 2027."
        ),
    }
}
