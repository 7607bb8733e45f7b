//! VNet Integration Lab.
//!
//! `model` is the domain of Azure App Service VNet Integration: plans, web apps, virtual
//! networks, certificates, routes and the rules of `SPEC.md`. It is pure Rust and tested natively.
//! `store` is its saved form, with a schema version, also pure. `markup` is escaped markup built
//! as text, for the one view that needs its speed. `exchange` writes Azure's formats (the ARM
//! template with its `metadata.vnetLab`, the az CLI script), pure too. `ui` renders the model in
//! the browser with Leptos; it exists only in the wasm32 build.

pub mod exchange;
pub mod markup;
pub mod model;
pub mod store;

#[cfg(target_arch = "wasm32")]
pub mod ui;
