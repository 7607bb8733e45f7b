//! Certificates are real X.509: the thumbprint is an independent SHA-1 of the DER, and the DER
//! parses with the subject and validity the lab shows.
#![cfg(not(target_arch = "wasm32"))]

use vnet_lab::model::certificate::{Certificate, VALIDITY};
use vnet_lab::model::clock::Instant;
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
