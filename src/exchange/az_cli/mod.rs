//! The Azure CLI: the exported script (R38) and the `az` line of every command (R42).

pub mod resources;
pub mod script;
pub mod word;

pub use script::script;
