//! R41: the retirement of gateway-required VNet Integration on 31 March 2027.

use time::{Date, Month};
use vnet_lab::model::derived::retirement::{apps_to_move, apps_to_move_line, Retirement};
use vnet_lab::model::entities::clock::Instant;
use vnet_lab::model::Subscription;

fn at(year: i32, month: Month, day: u8, hour: u8, minute: u8) -> Retirement {
    let date = Date::from_calendar_date(year, month, day).expect("a date");
    let moment = date.with_hms(hour, minute, 0).expect("a time").assume_utc();
    Retirement::at(Instant::from_utc(moment))
}

#[test]
fn r41_days_left_are_counted_on_the_simulated_clock() {
    assert_eq!(
        at(2026, Month::December, 3, 10, 0),
        Retirement::DaysLeft(118)
    );
    assert_eq!(
        at(2026, Month::December, 3, 10, 0).to_string(),
        "Gateway-required VNet Integration retires on 31 March 2027: in 118 days."
    );
    assert_eq!(
        at(2027, Month::March, 30, 23, 59).to_string(),
        "Gateway-required VNet Integration retires on 31 March 2027: in 1 day."
    );
    assert_eq!(at(2027, Month::March, 31, 23, 59), Retirement::DaysLeft(0));
    assert_eq!(
        at(2026, Month::December, 3, 10, 0).short(),
        "Retires 2027-03-31, in 118 days"
    );
    assert_eq!(at(2027, Month::April, 1, 0, 0).short(), "Retired");
}

#[test]
fn r41_after_the_date_the_integration_is_retired_and_says_the_rehearsal_runs() {
    let after = at(2027, Month::April, 1, 0, 0);
    assert!(after.is_retired());
    assert_eq!(
        after.to_string(),
        "Retired: gateway-required VNet Integration retired on 31 March 2027. The lab still rehearses this connection; in Azure, move it to regional integration."
    );
    assert!(Retirement::at(Instant(i64::MAX)).is_retired());
}

#[test]
fn r41_the_migration_view_counts_the_apps_that_must_move() {
    let sample = Subscription::sample();
    assert_eq!(apps_to_move(&sample), 2);
    assert_eq!(
        apps_to_move_line(&sample),
        "2 web apps must move before 31 March 2027."
    );
    assert_eq!(
        apps_to_move_line(&Subscription::empty()),
        "No web app must move: none uses gateway-required integration."
    );
}
