//! Save and load of the large generated subscription: the stored document is what goes into
//! localStorage after every change. Run: `cargo bench --bench store`. Prints bytes and times.

use std::hint::black_box;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion};
use vnet_lab::model::fixtures::generate::large_subscription;
use vnet_lab::model::Subscription;
use vnet_lab::store::{decode, encode, SCHEMA_VERSION};

fn store(c: &mut Criterion) {
    let subscription = large_subscription();
    let started = Instant::now();
    let document = encode(&subscription, 1);
    let saved = started.elapsed();
    let started = Instant::now();
    let loaded = decode::<Subscription>(&document).expect("the document it wrote");
    let read = started.elapsed();
    assert!(loaded.state == subscription);
    println!(
        "stored document (schema {SCHEMA_VERSION}): {} bytes ({:.2} MB; goal: under 1 MB); save {:.1} ms (goal: under 10 ms), load {:.1} ms (goal: under 20 ms)",
        document.len(),
        document.len() as f64 / 1e6,
        saved.as_secs_f64() * 1e3,
        read.as_secs_f64() * 1e3
    );

    let mut group = c.benchmark_group("store");
    group.sample_size(10);
    group.bench_function("save (encode)", |b| {
        b.iter(|| encode(black_box(&subscription), 1))
    });
    group.bench_function("load (decode)", |b| {
        b.iter(|| decode::<Subscription>(black_box(&document)))
    });
    group.finish();
}

criterion_group!(benches, store);
criterion_main!(benches);
