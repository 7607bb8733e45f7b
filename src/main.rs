//! Entry point of the browser app; trunk builds this binary for wasm32.

fn main() {
    // Natively the crate is only its model, exercised by `cargo test`.
    #[cfg(target_arch = "wasm32")]
    vnet_lab::ui::mount();
}
