//! Certificates are real X.509: the thumbprint is an independent SHA-1 of the DER, and the DER
//! parses with the subject and validity the lab shows, unsigned as RFC 9925 defines.
#![cfg(not(target_arch = "wasm32"))]

use vnet_lab::model::entities::certificate::{Certificate, VALIDITY};
use vnet_lab::model::entities::clock::Instant;
use vnet_lab::model::Subscription;

fn independent_sha1_hex(der: &[u8]) -> String {
    ring::digest::digest(&ring::digest::SHA1_FOR_LEGACY_USE_ONLY, der)
        .as_ref()
        .iter()
        .map(|byte| format!("{byte:02X}"))
        .collect()
}

#[test]
fn thumbprint_is_the_sha1_of_the_der_in_upper_case_hex() {
    let certificate = Certificate::issue("corpVnet-WebApps", 42, Instant(1_427_187_600));
    assert_eq!(
        certificate.thumbprint,
        independent_sha1_hex(&certificate.der)
    );
    assert_eq!(certificate.thumbprint.len(), 40);
}

#[test]
fn der_parses_as_x509_with_subject_and_simulated_validity() {
    let now = Instant(1_427_187_600);
    let certificate = Certificate::issue("corpVnet-WebApps", 7, now);
    let (rest, parsed) =
        x509_parser::parse_x509_certificate(&certificate.der).expect("valid X.509 DER");
    assert!(rest.is_empty());
    assert_eq!(parsed.subject().to_string(), "CN=corpVnet-WebApps");
    assert_eq!(parsed.validity().not_before.timestamp(), now.0);
    assert_eq!(parsed.validity().not_after.timestamp(), now.0 + VALIDITY);
    assert_eq!(parsed.tbs_certificate.serial.to_string(), "7");
    assert_eq!(parsed.issuer().to_string(), "CN=corpVnet-WebApps");
    assert_eq!(
        parsed.signature_algorithm.algorithm.to_id_string(),
        "1.3.6.1.5.5.7.6.36",
        "id-alg-unsigned"
    );
    assert!(parsed.signature_value.data.is_empty());
    let key = parsed.public_key();
    assert_eq!(
        key.algorithm.algorithm.to_id_string(),
        "1.3.101.110",
        "X25519"
    );
    assert_eq!(key.subject_public_key.data.len(), 32);
}

#[test]
fn times_after_2049_are_generalized_times() {
    let now = Instant(2_556_144_000); // 2051-01-01
    let certificate = Certificate::issue("later", u64::MAX, now);
    let (_, parsed) = x509_parser::parse_x509_certificate(&certificate.der).expect("valid DER");
    assert_eq!(parsed.validity().not_before.timestamp(), now.0);
    assert_eq!(
        parsed.tbs_certificate.serial.to_string(),
        u64::MAX.to_string()
    );
}

#[test]
fn issuing_is_a_pure_function_of_its_inputs() {
    let now = Instant(1_427_187_600);
    assert_eq!(
        Certificate::issue("a", 1, now),
        Certificate::issue("a", 1, now)
    );
    assert_ne!(
        Certificate::issue("a", 1, now).thumbprint,
        Certificate::issue("a", 2, now).thumbprint
    );
}

#[test]
fn the_sample_certificate_is_consistent_and_keeps_no_private_key() {
    let sample = Subscription::sample();
    let issued = &sample.certificates[0].certificate;
    assert_eq!(issued.thumbprint, independent_sha1_hex(&issued.der));
    let json = serde_json::to_string(&sample).unwrap();
    assert!(!json.contains("PRIVATE KEY"));
    let pem = issued.pem();
    assert!(pem.lines().all(|line| line.len() <= 64));
}
