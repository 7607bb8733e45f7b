//! Components shared by the views, one capability a file.

pub mod choice;
pub mod form;
pub mod keyed;
pub mod listing;
pub mod open_port;
pub mod options;
pub mod progress;
pub mod retirement;
pub mod status_badge;
pub mod table;
pub mod tier_picker;
pub mod validity_badge;
