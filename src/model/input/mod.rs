//! What a person types, parsed strictly, and how lists read back.

pub mod addressing;
pub mod date_time;
pub mod names;
pub mod rules;
pub mod text;
