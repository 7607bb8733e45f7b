//! What a subscription holds (SPEC §2).

pub mod certificate;
pub mod clock;
pub mod host;
pub mod hybrid;
pub mod ids;
pub mod local_network;
pub mod network;
pub mod private_dns;
pub mod region;
pub mod routing;
pub mod security;
pub mod subscription;
pub mod tier;
pub mod web_app;

/// For `skip_serializing_if`: the saved form (schema 2) leaves a field out at its default, and
/// `#[serde(default)]` reads it back.
fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}
