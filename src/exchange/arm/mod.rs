//! ARM deployment templates: the one the lab exports (R38), the expression language and the
//! import with its report (R39, R40).

pub mod expression;
mod facts;
pub mod import;
pub mod lab_metadata;
pub mod limits;
pub mod template;
mod writer;

pub use template::{template, template_text, written_template};

/// The largest file the import reads (R39), and so the largest the export writes indented.
pub const MAX_TEMPLATE_BYTES: usize = 5 * 1024 * 1024;
