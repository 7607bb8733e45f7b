//! The saved form of a subscription: one JSON document with a schema version and a revision,
//! as kept in localStorage and in exported files. Pure Rust, like the model, so every way stored
//! data can be bad is tested natively; `ui` only moves the text in and out of the browser.

mod envelope;
mod json_path;
mod migrate;
mod share;

pub use envelope::{
    decode, encode, DecodeError, Decoded, Document, MAX_DOCUMENT_BYTES, SCHEMA_VERSION,
};
pub use share::{from_fragment, to_fragment, ShareError, MAX_SHARE_CHARS};

/// The localStorage key of the subscription.
pub const STATE_KEY: &str = "vnet-integration-lab/state";

/// Where stored data that could not be read is kept, never overwritten by the app.
pub const BACKUP_KEY: &str = "vnet-integration-lab/unreadable-state";
