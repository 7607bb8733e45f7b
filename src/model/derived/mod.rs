//! Views of the state, computed from it and never stored beside it.

pub mod address_ranges;
pub mod check;
pub mod comparison;
pub mod console;
pub mod effective;
pub mod endpoints;
pub mod matrix;
pub mod migration;
pub mod regional;
pub mod retirement;
pub mod status;
