//! ARM deployment templates: the expression language and the import (R39, R40).

pub mod expression;
pub mod import;
