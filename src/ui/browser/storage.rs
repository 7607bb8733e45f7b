//! localStorage, with its failures typed: storage can be missing (some private windows) or full.

use leptos::prelude::window;
use wasm_bindgen::JsCast;

/// Why text could not be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteFailure {
    /// The origin's quota is used up; what is in memory is still good.
    QuotaExceeded,
    /// The browser gives no localStorage here (blocked cookies, some private windows).
    Unavailable,
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The text under `key`, or `None` when there is none or storage is unavailable.
pub fn read(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

pub fn write(key: &str, text: &str) -> Result<(), WriteFailure> {
    let storage = local_storage().ok_or(WriteFailure::Unavailable)?;
    storage.set_item(key, text).map_err(|error| {
        let quota = error
            .dyn_ref::<web_sys::DomException>()
            .is_some_and(|exception| exception.name() == "QuotaExceededError");
        if quota {
            WriteFailure::QuotaExceeded
        } else {
            WriteFailure::Unavailable
        }
    })
}

pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        // Removing frees space; a failure leaves the old text, which the next read reports.
        let _ = storage.remove_item(key);
    }
}
