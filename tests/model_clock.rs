//! The simulated clock's calendar: the model's own date arithmetic agrees with the `time` crate.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use vnet_lab::model::entities::clock::Instant;

proptest! {
    #[test]
    fn utc_dates_agree_with_the_time_crate(seconds in 0i64..253_402_300_800) {
        let ours = Instant(seconds).to_utc();
        let theirs = time::OffsetDateTime::from_unix_timestamp(seconds).unwrap();
        prop_assert_eq!(
            (ours.year, ours.month, ours.day, ours.hour, ours.minute, ours.second),
            (
                i64::from(theirs.year()),
                u8::from(theirs.month()),
                theirs.day(),
                theirs.hour(),
                theirs.minute(),
                theirs.second()
            )
        );
    }
}

#[test]
fn the_sample_starts_on_the_seed_documents_day() {
    assert_eq!(
        Instant(1_427_187_600).to_utc_string(),
        "2015-03-24 09:00 UTC"
    );
    assert_eq!(Instant(951_782_400).to_utc_string(), "2000-02-29 00:00 UTC");
}
