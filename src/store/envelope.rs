use std::borrow::Cow;
use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::model::{Invalid, Subscription};

/// The version of the saved form this build writes. It reads every version from 1 up to this
/// one, older ones through the migrations of [`super::migrate`].
pub const SCHEMA_VERSION: u32 = 2;

/// Larger documents are refused before parsing: localStorage holds about 5 MB per origin, and a
/// file this big is not a subscription made by hand.
pub const MAX_DOCUMENT_BYTES: usize = 4 * 1024 * 1024;

/// What the store reads: a document checked whole once it is built (SPEC §8), so a state that
/// breaks a reference or an invariant is refused like a wrong field.
pub trait Document: DeserializeOwned {
    /// Why the document cannot be used; nothing to check by default.
    fn validate(&self) -> Result<(), Invalid> {
        Ok(())
    }
}

impl Document for Subscription {
    fn validate(&self) -> Result<(), Invalid> {
        Subscription::validate(self)
    }
}

#[derive(Serialize)]
struct EnvelopeOut<'a, T> {
    schema: u32,
    revision: u64,
    subscription: &'a T,
}

/// What is read first: the version, the rest of the document skipped rather than built.
#[derive(Deserialize)]
struct Header {
    schema: u32,
}

#[derive(Deserialize)]
struct EnvelopeIn<T> {
    revision: u64,
    subscription: T,
}

/// A document read back: the state and the revision it was saved at.
#[derive(Debug, PartialEq)]
pub struct Decoded<T> {
    pub state: T,
    pub revision: u64,
}

/// Why a document could not be read. Each message says what is wrong and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    TooLarge { bytes: usize },
    NotJson { reason: String },
    NoSchemaVersion,
    NewerSchema { found: u32 },
    UnknownSchema { found: u32 },
    WrongField { path: String, reason: String },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::TooLarge { bytes } => write!(
                f,
                "the document is {bytes} bytes, more than the {MAX_DOCUMENT_BYTES} a subscription can have; \
                 check that this is a file exported by VNet Integration Lab"
            ),
            DecodeError::NotJson { reason } => write!(
                f,
                "the document is not valid JSON ({reason}); use a file exported by VNet Integration Lab"
            ),
            DecodeError::NoSchemaVersion => write!(
                f,
                "the field \"schema\" is missing or not a number, so this is not a saved subscription; \
                 use a file exported by VNet Integration Lab"
            ),
            DecodeError::NewerSchema { found } => write!(
                f,
                "the subscription was saved by a newer version of the lab (schema {found}; this one reads \
                 schemas 1 to {SCHEMA_VERSION}); open it with that version, or start from the sample here"
            ),
            DecodeError::UnknownSchema { found } => write!(
                f,
                "schema {found} is not a version of the lab's saved form (this one reads schemas 1 to \
                 {SCHEMA_VERSION}); use a file exported by VNet Integration Lab"
            ),
            DecodeError::WrongField { path, reason } => write!(
                f,
                "the field \"{path}\" is wrong: {reason}; correct it in the file or export it again"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// The document for `state` at `revision`.
pub fn encode<T: Serialize>(state: &T, revision: u64) -> String {
    serde_json::to_string(&EnvelopeOut {
        schema: SCHEMA_VERSION,
        revision,
        subscription: state,
    })
    .unwrap_or_else(|_| panic!("a subscription always serializes: its maps have string keys"))
}

/// Reads a document back, migrating an older schema first, or says exactly which part of it is
/// wrong (the JSON path of a bad field, found from the error's position or named by
/// [`Document::validate`]). Deeply nested input
/// fails cleanly: at serde_json's recursion limit, or at the first level its type refuses.
pub fn decode<T: Document>(text: &str) -> Result<Decoded<T>, DecodeError> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(DecodeError::TooLarge { bytes: text.len() });
    }
    let not_json = |error: serde_json::Error| DecodeError::NotJson {
        reason: error.to_string(),
    };
    let schema = match serde_json::from_str::<Header>(text) {
        Ok(header) => header.schema,
        // JSON without a numeric "schema", unless it is too deeply nested to be JSON here:
        // skipping has no depth limit, building a value has.
        Err(error) if error.is_data() => {
            return Err(serde_json::from_str::<serde_json::Value>(text)
                .map_or_else(not_json, |_| DecodeError::NoSchemaVersion))
        }
        Err(error) => return Err(not_json(error)),
    };
    let current = match schema {
        SCHEMA_VERSION => Cow::Borrowed(text),
        1 => {
            let mut value = serde_json::from_str(text).map_err(not_json)?;
            super::migrate::v1_to_v2(&mut value)?;
            Cow::Owned(value.to_string())
        }
        found if found > SCHEMA_VERSION => return Err(DecodeError::NewerSchema { found }),
        found => return Err(DecodeError::UnknownSchema { found }),
    };
    read(&current)
}

/// Reads a document of the current schema. Parsed from the text, not from a `Value`, so an error
/// has a position to name; a migration keeps every path, so the name holds for the older file.
fn read<T: Document>(text: &str) -> Result<Decoded<T>, DecodeError> {
    let envelope: EnvelopeIn<T> = serde_json::from_str(text).map_err(|error| {
        let at = super::json_path::offset_of(text, error.line(), error.column());
        let reason = error.to_string();
        let reason = reason
            .split(" at line ")
            .next()
            .unwrap_or(&reason)
            .to_string();
        DecodeError::WrongField {
            path: super::json_path::path_at(text, at),
            reason,
        }
    })?;
    envelope
        .subscription
        .validate()
        .map_err(|invalid| DecodeError::WrongField {
            path: format!("subscription.{}", invalid.path),
            reason: invalid.reason,
        })?;
    Ok(Decoded {
        state: envelope.subscription,
        revision: envelope.revision,
    })
}
