//! The ARM deployment template the lab exports (R38).

mod facts;
pub mod lab_metadata;
pub mod template;

pub use template::{template, template_text};
