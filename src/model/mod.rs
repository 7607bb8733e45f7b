//! The domain model of Azure App Service VNet Integration (SPEC §2–§5). Pure Rust: no browser
//! or UI types, nothing reads the wall clock. Every change is a [`Command`] applied with
//! [`Subscription::apply`]; status is derived in [`status`]; the connection check is [`check`].

pub mod address_ranges;
pub mod addressing;
mod apply;
pub mod certificate;
pub mod check;
pub mod clock;
pub mod command;
pub mod comparison;
pub mod console;
mod der;
pub mod endpoints;
pub mod error;
pub mod generate;
pub mod host;
pub mod hybrid;
pub mod ids;
pub mod local_network;
pub mod matrix;
pub mod names;
pub mod network;
mod sample;
pub mod status;
pub mod subscription;
pub mod text;
pub mod tier;
pub mod web_app;

pub use command::{Command, Event, HostRef};
pub use error::CommandError;
pub use subscription::Subscription;
