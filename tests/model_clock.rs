//! The simulated clock's calendar is the `time` crate's.
#![cfg(not(target_arch = "wasm32"))]

use vnet_lab::model::entities::clock::Instant;

#[test]
fn the_sample_starts_on_the_seed_documents_day() {
    assert_eq!(
        Instant(1_427_187_600).to_utc_string(),
        "2015-03-24 09:00 UTC"
    );
    assert_eq!(Instant(951_782_400).to_utc_string(), "2000-02-29 00:00 UTC");
}

#[test]
fn an_instant_outside_the_calendar_still_reads() {
    assert_eq!(
        Instant(i64::MAX).to_string(),
        format!("{} s from 1970-01-01 00:00 UTC", i64::MAX)
    );
}

#[test]
fn months_keep_the_day_or_take_the_months_last() {
    let august_31 = Instant(1_441_022_400); // 2015-08-31 12:00
    assert_eq!(
        august_31.plus_months(6).unwrap().to_string(),
        "2016-02-29 12:00 UTC"
    );
    assert_eq!(
        august_31.plus_months(-6).unwrap().to_string(),
        "2015-02-28 12:00 UTC"
    );
    assert_eq!(Instant(253_402_300_799).plus_months(1), None);
}
