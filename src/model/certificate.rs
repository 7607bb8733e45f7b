//! The certificate a web app authenticates with to a VNet's point-to-site gateway (R12, R13).
//! Made with rcgen; only the public part (DER) is kept, never the private key.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha1::{Digest, Sha1};

use super::clock::Instant;

/// How long a new certificate is valid.
pub const VALIDITY: i64 = super::clock::YEAR;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certificate {
    /// The subject's common name.
    pub subject: String,
    pub serial: u64,
    pub not_before: Instant,
    pub not_after: Instant,
    /// SHA-1 of the DER in upper-case hex, as Azure shows it; computed once when issued.
    pub thumbprint: String,
    #[serde(serialize_with = "der_to_base64", deserialize_with = "der_from_base64")]
    pub der: Vec<u8>,
}

/// SHA-1 of `der` as 40 upper-case hex digits.
pub fn thumbprint_of(der: &[u8]) -> String {
    Sha1::digest(der)
        .iter()
        .map(|byte| format!("{byte:02X}"))
        .collect()
}

impl Certificate {
    /// Issues a self-signed certificate valid from `now` for a year, and drops its key.
    pub fn issue(subject: &str, serial: u64, now: Instant) -> Certificate {
        let not_after = now.plus(VALIDITY);
        let der = sign(subject, serial, now, not_after);
        Certificate {
            subject: subject.to_string(),
            serial,
            not_before: now,
            not_after,
            thumbprint: thumbprint_of(&der),
            der,
        }
    }

    pub fn is_expired(&self, now: Instant) -> bool {
        now > self.not_after
    }

    /// The `.cer` file's content in PEM form (the DER, base64, in 64-character lines).
    pub fn pem(&self) -> String {
        let body = BASE64.encode(&self.der);
        let mut pem = String::from("-----BEGIN CERTIFICATE-----\n");
        for line in body.as_bytes().chunks(64) {
            pem.push_str(std::str::from_utf8(line).expect("base64 is ASCII"));
            pem.push('\n');
        }
        pem.push_str("-----END CERTIFICATE-----\n");
        pem
    }
}

fn sign(subject: &str, serial: u64, not_before: Instant, not_after: Instant) -> Vec<u8> {
    let date = |instant: Instant| {
        time::OffsetDateTime::from_unix_timestamp(instant.0)
            .expect("the simulated clock stays within years 1970–9999")
    };
    let key = rcgen::KeyPair::generate().expect("ring generates a P-256 key");
    let mut params = rcgen::CertificateParams::default();
    params.distinguished_name = rcgen::DistinguishedName::new();
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, subject);
    params.serial_number = Some(rcgen::SerialNumber::from_slice(&serial.to_be_bytes()));
    params.not_before = date(not_before);
    params.not_after = date(not_after);
    let certificate = params
        .self_signed(&key)
        .expect("a self-signed certificate with a common name always signs");
    certificate.der().to_vec()
}

fn der_to_base64<S: Serializer>(der: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&BASE64.encode(der))
}

fn der_from_base64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
    let text = String::deserialize(deserializer)?;
    BASE64
        .decode(text)
        .map_err(|error| serde::de::Error::custom(format!("not base64 DER: {error}")))
}
