//! Azure's own formats (SPEC §11): the ARM template and the Azure CLI script the lab writes, and
//! the templates and resource lists it reads. Pure, like the model: no browser types, tested
//! natively.

pub mod arm;
pub mod az_cli;
pub mod gateway_subnet;
pub mod names;
pub mod relays;
pub mod services;
pub mod sku;
