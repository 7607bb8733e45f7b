//! Prints the large generated subscription (the model benchmark's) as the stored document, for
//! the browser benchmarks to load into localStorage: `cargo run --release --example large_subscription`.

fn main() {
    let subscription = vnet_lab::model::fixtures::generate::large_subscription();
    print!("{}", vnet_lab::store::encode(&subscription, 1));
}
