//! Entry point of the browser app; trunk builds this binary for wasm32.

fn main() {
    // Natively the crate is only its model, exercised by `cargo test`.
    // In the browser the app replaces index.html's prerendered frame after the next frame, in a
    // task of its own: the browser has presented that frame (and recorded it as the largest
    // paint) before it goes, and the wasm's start and the app's first render are two tasks, not
    // one long one.
    #[cfg(target_arch = "wasm32")]
    leptos::prelude::request_animation_frame(|| {
        leptos::prelude::set_timeout(vnet_lab::ui::mount, std::time::Duration::ZERO)
    });
}
