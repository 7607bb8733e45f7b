//! The simulated clock's calendar is the `time` crate's; the time controls read what a person
//! types strictly, and say what is wrong and how to write it (SPEC §5).
#![cfg(not(target_arch = "wasm32"))]

use vnet_lab::model::entities::clock::{Instant, Step};
use vnet_lab::model::input::date_time::{parse_date_time, DateTimeProblem};

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
fn steps_are_calendar_steps() {
    let start = Instant(1_427_187_600);
    let after = |step: Step| step.after(start).unwrap().to_string();
    assert_eq!(after(Step::Hours(1)), "2015-03-24 10:00 UTC");
    assert_eq!(after(Step::Days(1)), "2015-03-25 09:00 UTC");
    assert_eq!(after(Step::Days(30)), "2015-04-23 09:00 UTC");
    // 2016 is a leap year: one year on is the same date, not 365 days on.
    assert_eq!(after(Step::Years(1)), "2016-03-24 09:00 UTC");
    assert_eq!(Step::Days(30).to_string(), "30 days");
    assert_eq!(Step::Hours(1).to_string(), "1 hour");
}

#[test]
fn months_keep_the_day_or_take_the_months_last() {
    let august_31 = parse_date_time("2015-08-31 12:00").unwrap();
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

#[test]
fn dates_are_read_as_people_write_them() {
    let expected = "2023-02-22 09:00 UTC";
    for text in [
        "2023-02-22 09:00",
        " 2023-02-22T09:00 ",
        "2023-02-22 09:00 UTC",
        "2023-02-22T09:00:00Z",
        "2023-2-22 9:00",
    ] {
        assert_eq!(
            parse_date_time(text).map(|t| t.to_string()),
            Ok(expected.to_string()),
            "{text}"
        );
    }
    assert_eq!(
        parse_date_time("2023-02-22").unwrap().to_string(),
        "2023-02-22 00:00 UTC"
    );
}

#[test]
fn a_wrong_date_says_what_is_wrong() {
    let problem = |text: &str| parse_date_time(text).unwrap_err();
    for shapeless in [
        "",
        "tomorrow",
        "22/02/2023 09:00",
        "23-02-22 09:00",
        "2023-02-22 09",
        "2023-02-22 09:00:00:00",
        "2023-02-22 -9:00",
    ] {
        assert_eq!(problem(shapeless), DateTimeProblem::Shape, "{shapeless}");
    }
    assert_eq!(
        problem("2023-13-01 09:00"),
        DateTimeProblem::NoSuchMonth(13)
    );
    assert_eq!(
        problem("2023-02-29 09:00").to_string(),
        "there is no day 29 in February 2023, which has 28 days"
    );
    assert_eq!(problem("2023-02-22 24:00"), DateTimeProblem::Hour(24));
    assert_eq!(problem("2023-02-22 09:60"), DateTimeProblem::Minute(60));
    assert_eq!(problem("2023-02-22 09:00:61"), DateTimeProblem::Second(61));
}

mod time_controls {
    use vnet_lab::model::entities::clock::{Step, GATEWAY_PROVISIONING, LATEST};
    use vnet_lab::model::entities::network::Routing;
    use vnet_lab::model::{ClockTarget, Command, CommandError, Subscription};

    fn move_clock(s: &mut Subscription, to: ClockTarget) -> Result<String, CommandError> {
        s.apply(Command::MoveClock { to })
            .map(|event| event.summary)
    }

    fn refused(s: &mut Subscription, to: ClockTarget) -> String {
        let before = s.clone();
        let error = move_clock(s, to).expect_err("refused");
        assert_eq!(*s, before, "a refused move changed the state");
        error.to_string()
    }

    fn last_log_line(s: &Subscription) -> String {
        let activity = s.activity.last().unwrap();
        format!("{} {}", activity.at, activity.text)
    }

    #[test]
    fn each_move_is_logged_and_the_tick_is_not() {
        let mut s = Subscription::sample();
        let logged = s.activity.len();
        s.apply(Command::AdvanceClock { seconds: 60 }).unwrap();
        assert_eq!(s.activity.len(), logged, "the tick logs nothing");
        move_clock(&mut s, ClockTarget::At("2020-01-31 09:30".into())).unwrap();
        assert_eq!(
            last_log_line(&s),
            "2020-01-31 09:30 UTC Moved the clock to 2020-01-31 09:30 UTC"
        );
        for (step, line) in [
            (
                Step::Hours(1),
                "2020-01-31 10:30 UTC Moved the clock on by 1 hour, to 2020-01-31 10:30 UTC",
            ),
            (
                Step::Days(1),
                "2020-02-01 10:30 UTC Moved the clock on by 1 day, to 2020-02-01 10:30 UTC",
            ),
            (
                Step::Days(30),
                "2020-03-02 10:30 UTC Moved the clock on by 30 days, to 2020-03-02 10:30 UTC",
            ),
            (
                Step::Years(1),
                "2021-03-02 10:30 UTC Moved the clock on by 1 year, to 2021-03-02 10:30 UTC",
            ),
        ] {
            move_clock(&mut s, ClockTarget::By(step)).unwrap();
            assert_eq!(last_log_line(&s), line);
        }
        assert_eq!(s.activity.len(), logged + 5);
    }

    #[test]
    fn fast_forward_is_logged_after_what_it_finished() {
        let mut s = Subscription::sample();
        let vnet = s.vnet_named("cantConnectVnet").unwrap().id;
        s.apply(Command::DeleteGateway { vnet }).unwrap();
        s.apply(Command::CreateGateway {
            vnet,
            routing: Routing::Dynamic,
        })
        .unwrap();
        let logged = s.activity.len();
        let summary = move_clock(
            &mut s,
            ClockTarget::Ahead {
                seconds: GATEWAY_PROVISIONING,
            },
        )
        .unwrap();
        assert!(
            summary.starts_with("Fast-forwarded the clock by 30 min, to "),
            "{summary}"
        );
        let texts: Vec<&str> = s.activity[logged..]
            .iter()
            .map(|a| a.text.as_str())
            .collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert_eq!(
            texts[0],
            "The Dynamic routing gateway of cantConnectVnet is ready"
        );
        assert_eq!(texts[1], summary);
        assert_eq!(
            refused(&mut s, ClockTarget::Ahead { seconds: 0 }),
            CommandError::ClockBackwards.to_string()
        );
    }

    #[test]
    fn an_operation_in_flight_finishes_at_its_own_simulated_time() {
        let mut s = Subscription::sample();
        let vnet = s.vnet_named("cantConnectVnet").unwrap().id;
        s.apply(Command::DeleteGateway { vnet }).unwrap();
        let started = s.now();
        s.apply(Command::CreateGateway {
            vnet,
            routing: Routing::Dynamic,
        })
        .unwrap();
        let event = s
            .apply(Command::MoveClock {
                to: ClockTarget::By(Step::Days(1)),
            })
            .unwrap();
        let ready = started.plus(GATEWAY_PROVISIONING);
        assert_eq!(event.finished.len(), 1);
        assert_eq!(event.finished[0].at, ready);
        let log = &s.activity[s.activity.len() - 2..];
        assert_eq!(
            (log[0].at, log[0].text.as_str()),
            (
                ready,
                "The Dynamic routing gateway of cantConnectVnet is ready"
            )
        );
        assert_eq!(log[1].at, started.plus(86_400));
        assert!(s.virtual_networks[&vnet]
            .gateway
            .as_ref()
            .unwrap()
            .is_ready(s.now()));
    }

    #[test]
    fn a_typed_date_that_cannot_be_read_says_what_is_wrong_and_how_to_write_it() {
        let mut s = Subscription::sample();
        let message = refused(&mut s, ClockTarget::At("2023-02-30 09:00".into()));
        assert_eq!(
            message,
            "“2023-02-30 09:00” cannot be read as a date and time: there is no day 30 in February \
             2023, which has 28 days. Write it as YYYY-MM-DD HH:MM in UTC, for example 2023-02-22 09:00."
        );
        let message = refused(&mut s, ClockTarget::At("next week".into()));
        assert!(
            message.starts_with("“next week” cannot be read as a date and time: a date is"),
            "{message}"
        );
        assert!(
            message.ends_with("Write it as YYYY-MM-DD HH:MM in UTC, for example 2023-02-22 09:00.")
        );
    }

    #[test]
    fn the_clock_never_moves_back_nor_past_the_calendar() {
        let mut s = Subscription::sample();
        move_clock(&mut s, ClockTarget::At("2016-01-01 12:00".into())).unwrap();
        assert_eq!(
            refused(&mut s, ClockTarget::At("2016-01-01 11:59".into())),
            "The simulated clock only moves forward: 2016-01-01 11:59 UTC is not after the \
             simulated now, 2016-01-01 12:00 UTC. Give a later date and time."
        );
        refused(&mut s, ClockTarget::At("2016-01-01 12:00".into()));
        move_clock(&mut s, ClockTarget::At("9999-12-31 23:00".into())).unwrap();
        let message = refused(&mut s, ClockTarget::By(Step::Years(1)));
        assert!(
            message.contains("cannot go past 9999-12-31 23:59 UTC"),
            "{message}"
        );
        refused(&mut s, ClockTarget::By(Step::Hours(1)));
        assert!(s
            .apply(Command::AdvanceClock {
                seconds: 59 * 60 + 59
            })
            .is_ok());
        assert_eq!(s.now(), LATEST);
        assert_eq!(
            s.apply(Command::AdvanceClock { seconds: 1 }),
            Err(CommandError::ClockPastEnd)
        );
    }

    #[test]
    fn thirty_days_before_a_certificate_expires_in_one_move() {
        let mut s = Subscription::sample();
        let thumbprint = s.certificates[0].certificate.thumbprint.clone();
        let summary = move_clock(
            &mut s,
            ClockTarget::BeforeExpiry {
                thumbprint: thumbprint.clone(),
                days: 30,
            },
        )
        .unwrap();
        assert_eq!(
            summary,
            format!(
                "Moved the clock to 2023-02-22 09:30 UTC, 30 days before the certificate \
                 {thumbprint} of corpVnet-WebApps expires"
            )
        );
        // Now within 30 days: the same move would go back.
        let message = refused(
            &mut s,
            ClockTarget::BeforeExpiry {
                thumbprint,
                days: 30,
            },
        );
        assert!(message.contains("only moves forward"), "{message}");
        let message = refused(
            &mut s,
            ClockTarget::BeforeExpiry {
                thumbprint: "0000".into(),
                days: 30,
            },
        );
        assert!(message.contains("No certificate 0000"), "{message}");
    }

    #[test]
    fn an_issue_past_the_last_x509_date_is_refused_with_its_reason() {
        let mut s = Subscription::sample();
        move_clock(&mut s, ClockTarget::At("9995-01-01 00:00".into())).unwrap();
        let web = s.web_app_named("contoso-web").unwrap().id;
        let error = s.apply(Command::SyncConnection { app: web }).unwrap_err();
        assert!(
            error.to_string().starts_with("No certificate could be issued for corpVnet-WebApps: a certificate issued at 9995-01-01 00:00 UTC would not end by 9999-12-31"),
            "{error}"
        );
    }
}

#[test]
fn the_expiry_shortcut_picks_the_certificate_in_use_that_expires_first() {
    use vnet_lab::model::derived::status::certificate_expiring_next;
    use vnet_lab::model::entities::clock::Step;
    use vnet_lab::model::{ClockTarget, Command, Subscription};

    let mut s = Subscription::sample();
    let next = |s: &Subscription| certificate_expiring_next(s, 30).map(|c| c.thumbprint.clone());
    let in_use = |s: &Subscription| -> Vec<(Instant, String)> {
        let mut in_use: Vec<_> = s
            .web_apps
            .values()
            .filter_map(|app| app.connection.as_ref())
            .map(|c| {
                (
                    s.certificate(&c.thumbprint).unwrap().not_after,
                    c.thumbprint.clone(),
                )
            })
            .collect();
        in_use.sort();
        in_use
    };
    let first = in_use(&s)[0].1.clone();
    assert_eq!(next(&s), Some(first.clone()), "the first to expire");
    s.apply(Command::MoveClock {
        to: ClockTarget::BeforeExpiry {
            thumbprint: first.clone(),
            days: 30,
        },
    })
    .unwrap();
    assert_ne!(
        next(&s),
        Some(first),
        "within 30 days of its expiry: not offered"
    );
    s.apply(Command::MoveClock {
        to: ClockTarget::By(Step::Years(1)),
    })
    .unwrap();
    assert_eq!(next(&s), None, "every certificate in use has expired");
    let web = s.web_app_named("contoso-web").unwrap().id;
    s.apply(Command::SyncConnection { app: web }).unwrap();
    let renewed = s.web_apps[&web]
        .connection
        .as_ref()
        .unwrap()
        .thumbprint
        .clone();
    assert_eq!(next(&s), Some(renewed));
}
