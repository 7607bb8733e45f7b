//! The ARM deployment template the lab exports (R38).

pub mod lab_metadata;
