//! The certificate a web app authenticates with to a VNet's point-to-site gateway (R12, R13):
//! a self-signed root made by rcgen, as App Service uploads `AppServiceCertificate.cer`.
//!
//! Issuing is a pure function of the state: the Ed25519 key pair is derived from what the
//! certificate names, and Ed25519 signatures are deterministic, so the same state issues the same
//! bytes. The private key is never stored; anyone can derive it again, which is fine for a lab
//! and would not be for Azure.

use std::fmt;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use ed25519_dalek::Signer;
use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, IsCa, KeyIdMethod,
    KeyUsagePurpose, PublicKeyData, SignatureAlgorithm, SigningKey, PKCS_ED25519,
};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha1::{Digest, Sha1};
use sha2::Sha256;

use crate::model::entities::clock::Instant;

/// How long a new certificate is valid, in calendar years, as App Service makes them.
pub const VALIDITY_YEARS: u16 = 8;
/// With fewer calendar months than this left, the portal warns that it will expire.
pub const WARNING_MONTHS: u16 = 6;

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

/// Why a certificate could not be issued.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IssueError {
    /// X.509 dates run from year 0 to 9999; a certificate issued at `at` would not fit.
    OutsideCalendar { at: Instant },
    /// rcgen refused the parameters (its message).
    Refused(String),
}

impl fmt::Display for IssueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IssueError::OutsideCalendar { at } => write!(
                f,
                "a certificate issued at {at} would not end by 9999-12-31, the last date X.509 can \
                 hold; start a new subscription to issue certificates"
            ),
            IssueError::Refused(reason) => write!(f, "rcgen refused it: {reason}"),
        }
    }
}

/// SHA-1 of `der` as 40 upper-case hex digits.
pub fn thumbprint_of(der: &[u8]) -> String {
    Sha1::digest(der)
        .iter()
        .map(|byte| format!("{byte:02X}"))
        .collect()
}

impl Certificate {
    /// Issues a self-signed root for `subject`, valid from `now` for [`VALIDITY_YEARS`].
    pub fn issue(subject: &str, serial: u64, now: Instant) -> Result<Certificate, IssueError> {
        let outside = || IssueError::OutsideCalendar { at: now };
        let not_after = now
            .plus_months(i32::from(VALIDITY_YEARS) * 12)
            .ok_or_else(outside)?;
        let (Some(from), Some(to)) = (now.to_utc(), not_after.to_utc()) else {
            return Err(outside());
        };
        if from.year() < 0 {
            return Err(outside());
        }
        let key = DerivedKey::new(subject, serial, now);
        let mut name = DistinguishedName::new();
        name.push(DnType::CommonName, subject);
        let mut params = CertificateParams::default();
        params.distinguished_name = name;
        params.serial_number = Some(serial.into());
        params.not_before = from;
        params.not_after = to;
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![
            KeyUsagePurpose::DigitalSignature,
            KeyUsagePurpose::KeyCertSign,
        ];
        // RFC 5280 §4.2.1.2, method 1: SHA-1 of the subject's public key bits.
        params.key_identifier_method = KeyIdMethod::PreSpecified(Sha1::digest(key.public).to_vec());
        let der = params
            .self_signed(&key)
            .map_err(|error| IssueError::Refused(error.to_string()))?
            .der()
            .to_vec();
        Ok(Certificate {
            subject: subject.to_string(),
            serial,
            not_before: now,
            not_after,
            thumbprint: thumbprint_of(&der),
            der,
        })
    }

    pub fn is_expired(&self, now: Instant) -> bool {
        now > self.not_after
    }

    /// From when the portal warns: [`WARNING_MONTHS`] before it expires.
    pub fn warning_from(&self) -> Instant {
        self.not_after
            .plus_months(-i32::from(WARNING_MONTHS))
            .unwrap_or(self.not_before)
    }

    /// The `.cer` file's content in PEM form (the DER, base64, in 64-character lines).
    pub fn pem(&self) -> String {
        let config = pem::EncodeConfig::new().set_line_ending(pem::LineEnding::LF);
        pem::encode_config(&pem::Pem::new("CERTIFICATE", self.der.clone()), config)
    }
}

/// The Ed25519 key pair of a certificate, derived from what it names: the seed is SHA-256 of
/// the subject, the serial and the issue time.
struct DerivedKey {
    signing: ed25519_dalek::SigningKey,
    public: [u8; 32],
}

impl DerivedKey {
    fn new(subject: &str, serial: u64, issued: Instant) -> DerivedKey {
        let mut seed = Sha256::new();
        seed.update(b"vnet-lab certificate key\0");
        seed.update((subject.len() as u64).to_be_bytes());
        seed.update(subject.as_bytes());
        seed.update(serial.to_be_bytes());
        seed.update(issued.0.to_be_bytes());
        let signing = ed25519_dalek::SigningKey::from_bytes(&seed.finalize().into());
        let public = signing.verifying_key().to_bytes();
        DerivedKey { signing, public }
    }
}

impl PublicKeyData for DerivedKey {
    fn der_bytes(&self) -> &[u8] {
        &self.public
    }

    fn algorithm(&self) -> &'static SignatureAlgorithm {
        &PKCS_ED25519
    }
}

impl SigningKey for DerivedKey {
    fn sign(&self, message: &[u8]) -> Result<Vec<u8>, rcgen::Error> {
        Ok(self.signing.sign(message).to_bytes().to_vec())
    }
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
