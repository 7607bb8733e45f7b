//! Certificates are real X.509, as App Service makes them (R12, R13): self-signed roots made by
//! rcgen, valid 8 years, whose signature verifies; the thumbprint is an independent SHA-1 of the
//! DER; and OpenSSL, an outside tool, agrees on both.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::Command as Process;

use proptest::prelude::*;
use time::OffsetDateTime;
use vnet_lab::model::entities::certificate::{Certificate, IssueError};
use vnet_lab::model::entities::clock::Instant;
use vnet_lab::model::Subscription;
use x509_parser::extensions::ParsedExtension;

/// 2015-03-24 09:00 UTC, the sample's start.
const START: Instant = Instant(1_427_187_600);
/// 9991-12-31 23:59:59 UTC: 8 years later is the last second X.509 (and `time`) can write.
const LAST_ISSUE: Instant = Instant(253_149_839_999);

fn issue(subject: &str, serial: u64, now: Instant) -> Certificate {
    Certificate::issue(subject, serial, now).expect("inside the calendar")
}

fn independent_sha1_hex(der: &[u8]) -> String {
    ring::digest::digest(&ring::digest::SHA1_FOR_LEGACY_USE_ONLY, der)
        .as_ref()
        .iter()
        .map(|byte| format!("{byte:02X}"))
        .collect()
}

/// The same date and time of day `years` later, by the `time` crate alone (29 February becomes
/// 28 February in a common year).
fn years_later(at: Instant, years: i32) -> i64 {
    let from = OffsetDateTime::from_unix_timestamp(at.0).unwrap();
    let year = from.year() + years;
    let day = from.day().min(from.month().length(year));
    from.replace_day(1)
        .unwrap()
        .replace_year(year)
        .unwrap()
        .replace_day(day)
        .unwrap()
        .unix_timestamp()
}

/// Everything R13 asks of a certificate the lab issued, checked by x509-parser.
fn assert_signed_root_valid_8_years(certificate: &Certificate) {
    assert_eq!(
        certificate.thumbprint,
        independent_sha1_hex(&certificate.der)
    );
    let (rest, parsed) =
        x509_parser::parse_x509_certificate(&certificate.der).expect("valid X.509 DER");
    assert!(rest.is_empty());
    assert_eq!(parsed.version(), x509_parser::x509::X509Version::V3);
    let subject = format!("CN={}", certificate.subject);
    assert_eq!(parsed.subject().to_string(), subject);
    assert_eq!(parsed.issuer().to_string(), subject, "self-issued");
    assert_eq!(
        parsed.tbs_certificate.serial.to_string(),
        certificate.serial.to_string()
    );
    assert_eq!(
        parsed.validity().not_before.timestamp(),
        certificate.not_before.0
    );
    assert_eq!(
        parsed.validity().not_after.timestamp(),
        years_later(certificate.not_before, 8),
        "valid exactly 8 years"
    );
    assert_eq!(
        parsed.validity().not_after.timestamp(),
        certificate.not_after.0
    );
    let constraints = parsed
        .basic_constraints()
        .expect("one basic constraints extension")
        .expect("basic constraints present");
    assert!(constraints.critical);
    assert!(constraints.value.ca, "a root: CA");
    let public_key = &parsed.public_key().subject_public_key.data;
    let key_identifier = parsed
        .extensions()
        .iter()
        .find_map(|extension| match extension.parsed_extension() {
            ParsedExtension::SubjectKeyIdentifier(id) => Some(id.0.to_vec()),
            _ => None,
        })
        .expect("a subject key identifier");
    assert_eq!(
        key_identifier,
        ring::digest::digest(&ring::digest::SHA1_FOR_LEGACY_USE_ONLY, public_key).as_ref(),
        "RFC 5280's method 1: SHA-1 of the public key"
    );
    let key_usage = parsed
        .key_usage()
        .expect("one key usage extension")
        .expect("key usage present");
    assert!(key_usage.value.key_cert_sign());
    assert_eq!(
        parsed.signature_algorithm.algorithm.to_id_string(),
        "1.3.101.112",
        "Ed25519"
    );
    parsed
        .verify_signature(None)
        .expect("signed by its own key");
}

#[test]
fn r13_thumbprint_is_the_sha1_of_the_der_in_upper_case_hex() {
    let certificate = issue("corpVnet-WebApps", 42, START);
    assert_eq!(
        certificate.thumbprint,
        independent_sha1_hex(&certificate.der)
    );
    assert_eq!(certificate.thumbprint.len(), 40);
}

#[test]
fn r13_the_sample_certificate_is_a_signed_root_valid_8_years() {
    let sample = Subscription::sample();
    assert!(!sample.certificates.is_empty());
    for issued in &sample.certificates {
        assert_signed_root_valid_8_years(&issued.certificate);
    }
    let certificate = &sample.certificates[0].certificate;
    assert_eq!(certificate.not_before.to_string(), "2015-03-24 09:30 UTC");
    assert_eq!(certificate.not_after.to_string(), "2023-03-24 09:30 UTC");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any subject a VNet name gives, any serial, any time from 1950 to the last issue date.
    #[test]
    fn r13_every_issued_certificate_is_a_signed_root_valid_8_years(
        name in "[A-Za-z0-9][A-Za-z0-9_.-]{0,62}[A-Za-z0-9_]",
        serial in any::<u64>(),
        seconds in -631_152_000i64..=LAST_ISSUE.0,
    ) {
        let certificate = issue(&format!("{name}-WebApps"), serial, Instant(seconds));
        assert_signed_root_valid_8_years(&certificate);
    }
}

#[test]
fn r13_issued_on_29_february_it_ends_on_the_last_day_of_february() {
    let leap_day = Instant(3_855_114_000);
    assert_eq!(leap_day.to_string(), "2092-02-29 09:00 UTC");
    let certificate = issue("leap", 1, leap_day);
    assert_eq!(certificate.not_after.to_string(), "2100-02-28 09:00 UTC");
    assert_signed_root_valid_8_years(&certificate);
}

#[test]
fn times_after_2049_are_generalized_times() {
    let now = Instant(2_556_144_000); // 2051-01-01
    let certificate = issue("later", u64::MAX, now);
    let (_, parsed) = x509_parser::parse_x509_certificate(&certificate.der).expect("valid DER");
    assert_eq!(parsed.validity().not_before.timestamp(), now.0);
    assert_eq!(
        parsed.tbs_certificate.serial.to_string(),
        u64::MAX.to_string()
    );
}

#[test]
fn r13_issuing_twice_from_the_same_state_gives_the_same_bytes() {
    assert_eq!(issue("a", 1, START), issue("a", 1, START));
    assert_ne!(
        issue("a", 1, START).thumbprint,
        issue("a", 2, START).thumbprint
    );
    assert_ne!(
        issue("a", 1, START).thumbprint,
        issue("b", 1, START).thumbprint
    );
    assert_ne!(
        issue("a", 1, START).thumbprint,
        issue("a", 1, START.plus(1)).thumbprint
    );
    assert_eq!(Subscription::sample(), Subscription::sample());
}

#[test]
fn r13_no_certificate_past_the_end_of_x509_dates() {
    let last = Certificate::issue("late", 1, LAST_ISSUE).expect("ends on 9999-12-31");
    assert_eq!(last.not_after.to_string(), "9999-12-31 23:59 UTC");
    let too_late = LAST_ISSUE.plus(1);
    let error = Certificate::issue("late", 1, too_late).unwrap_err();
    assert_eq!(error, IssueError::OutsideCalendar { at: too_late });
    assert!(error.to_string().contains("9999-12-31"), "{error}");
    assert!(Certificate::issue("early", 1, Instant(-62_200_000_000)).is_err());
}

#[test]
fn r13_the_warning_starts_6_months_before_expiry() {
    let certificate = issue("corpVnet-WebApps", 7, START);
    assert_eq!(certificate.not_after.to_string(), "2023-03-24 09:00 UTC");
    assert_eq!(
        certificate.warning_from().to_string(),
        "2022-09-24 09:00 UTC"
    );
}

#[test]
fn the_sample_certificate_keeps_no_private_key_and_its_pem_is_the_der() {
    let sample = Subscription::sample();
    let issued = &sample.certificates[0].certificate;
    let json = serde_json::to_string(&sample).unwrap();
    assert!(!json.contains("PRIVATE KEY"));
    let pem = issued.pem();
    assert!(pem.starts_with("-----BEGIN CERTIFICATE-----\n"));
    assert!(pem.ends_with("-----END CERTIFICATE-----\n"));
    assert!(pem.lines().all(|line| line.len() <= 64));
    let (_, parsed) = x509_parser::pem::parse_x509_pem(pem.as_bytes()).expect("PEM");
    assert_eq!(parsed.contents, issued.der);
}

/// Runs Debian's `openssl` with `arguments`; its output, or the test fails saying why.
fn openssl(arguments: &[&str]) -> String {
    let output = Process::new("openssl")
        .args(arguments)
        .output()
        .expect("openssl runs: install Debian's openssl package (scripts/setup.sh does)");
    assert!(
        output.status.success(),
        "openssl {arguments:?} failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn r13_openssl_reads_the_thumbprint_and_verifies_the_certificate_as_self_signed() {
    let sample = Subscription::sample();
    let certificate = &sample.certificates[0].certificate;
    let folder = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("openssl");
    std::fs::create_dir_all(&folder).unwrap();
    let cer = folder.join(format!("{}.cer", certificate.thumbprint));
    let pem = folder.join(format!("{}.pem", certificate.thumbprint));
    std::fs::write(&cer, &certificate.der).unwrap();
    std::fs::write(&pem, certificate.pem()).unwrap();
    let (cer, pem) = (cer.to_str().unwrap(), pem.to_str().unwrap());

    let fingerprint = openssl(&[
        "x509",
        "-inform",
        "der",
        "-in",
        cer,
        "-noout",
        "-fingerprint",
        "-sha1",
    ]);
    let hex = fingerprint
        .trim()
        .split_once('=')
        .map(|(_, hex)| hex.replace(':', ""))
        .unwrap_or_default();
    assert_eq!(hex, certificate.thumbprint, "{fingerprint}");

    // The sample's certificate ran out in 2023 of real time, so the check of dates is off.
    let verified = openssl(&[
        "verify",
        "-x509_strict",
        "-no_check_time",
        "-CAfile",
        pem,
        pem,
    ]);
    assert_eq!(verified.trim(), format!("{pem}: OK"));
}
