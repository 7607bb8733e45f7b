//! The domain model of Azure App Service VNet Integration (SPEC §2–§5). Pure Rust: no browser
//! or UI types, nothing reads the wall clock.
//!
//! # Organization
//!
//! - [`entities`]: what a subscription holds. Plans and web apps, virtual networks with their
//!   subnets, gateway and point-to-site configuration, local networks, hosts, Hybrid
//!   Connections, certificates, tiers, ids and the simulated clock; [`Subscription`] holds them all.
//! - [`command`]: every change a person can ask for, as a [`Command`]: plain data on entities,
//!   so `derived` can name one in a fix or a migration plan without importing `commands`.
//! - [`commands`]: `apply` runs a [`Command`], all or nothing, and returns an
//!   [`Event`] for the activity log or a [`CommandError`] that says what is wrong and how to fix it.
//! - [`derived`]: views of the state, computed and never stored: connection status and
//!   eligibility, the connection check, the console's answers, the reachability matrix, the
//!   comparison panel, the address range view and the list of known endpoints.
//! - [`input`]: what a person types, parsed strictly (CIDR prefixes and addresses, names, dates), and
//!   how lists read back in sentences.
//! - [`validate`]: [`Subscription::validate`], a document checked whole before it is used
//!   (references, unique names, the invariants commands keep), refused as an [`Invalid`] naming
//!   the field by its JSON path.
//! - [`fixtures`]: the sample subscription of SPEC §7 and a large generated one for benchmarks.

pub mod command;
pub mod commands;
pub mod derived;
pub mod entities;
pub mod fixtures;
pub mod input;
pub mod validate;

pub use command::{ClockTarget, Command, Event, HostRef};
pub use commands::error::CommandError;
pub use entities::subscription::Subscription;
pub use validate::Invalid;
