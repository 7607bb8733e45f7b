//! The certificate a web app authenticates with to a VNet's point-to-site gateway (R12, R13).
//! An X.509 certificate written as DER by [`crate::model::entities::der`]; no private key exists, so none is kept.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha1::{Digest, Sha1};

use crate::model::entities::clock::Instant;
use crate::model::entities::der;

/// How long a new certificate is valid.
pub const VALIDITY: i64 = crate::model::entities::clock::YEAR;

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
    /// Issues a self-issued certificate valid from `now` for a year.
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
            // Base64 is ASCII: each byte is its character.
            pem.extend(line.iter().map(|byte| char::from(*byte)));
            pem.push('\n');
        }
        pem.push_str("-----END CERTIFICATE-----\n");
        pem
    }
}

/// RFC 9925's `id-alg-unsigned`: the lab verifies no signature, so it makes none.
const UNSIGNED: [u64; 9] = [1, 3, 6, 1, 5, 5, 7, 6, 36];
/// `id-X25519` (RFC 8410): any 32 bytes are a valid public key of this type.
const X25519: [u64; 4] = [1, 3, 101, 110];
/// `id-at-commonName`
const COMMON_NAME: [u64; 4] = [2, 5, 4, 3];

fn der_time(instant: Instant) -> Vec<u8> {
    let t = instant.to_utc();
    der::time(t.year, t.month, t.day, t.hour, t.minute, t.second)
}

/// A public key nobody holds the private half of, derived from what the certificate names so
/// that issuing stays a pure function of the state.
fn public_key(subject: &str, serial: u64, not_before: Instant) -> Vec<u8> {
    (0u8..2)
        .flat_map(|round| {
            let mut hash = Sha1::new();
            hash.update([round]);
            hash.update(subject.as_bytes());
            hash.update(serial.to_be_bytes());
            hash.update(not_before.0.to_be_bytes());
            hash.finalize()
        })
        .take(32)
        .collect()
}

/// The DER of a self-issued X.509 v3 certificate for `subject` (RFC 5280), unsigned as RFC 9925
/// allows: Azure checks the certificate the web app presents, the lab only shows it.
fn sign(subject: &str, serial: u64, not_before: Instant, not_after: Instant) -> Vec<u8> {
    let name = der::sequence(&[der::set(&[der::sequence(&[
        der::oid(&COMMON_NAME),
        der::utf8_string(subject),
    ])])]);
    let unsigned = der::sequence(&[der::oid(&UNSIGNED)]);
    let version_3 = der::tlv(0xa0, &der::unsigned(2));
    let tbs = der::sequence(&[
        version_3,
        der::unsigned(serial),
        unsigned.clone(),
        name.clone(),
        der::sequence(&[der_time(not_before), der_time(not_after)]),
        name,
        der::sequence(&[
            der::sequence(&[der::oid(&X25519)]),
            der::bit_string(&public_key(subject, serial, not_before)),
        ]),
    ]);
    der::sequence(&[tbs, unsigned, der::bit_string(&[])])
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
