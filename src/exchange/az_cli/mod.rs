//! The Azure CLI: the exported script (R38) and the `az` line of every command (R42).

pub mod commands;
pub mod resources;
pub mod script;
pub mod word;

pub use commands::{apply_logged, equivalent, plan_lines};
pub use script::script;
