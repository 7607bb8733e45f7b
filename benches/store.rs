//! Save and load of the large generated subscription: the stored document is what goes into
//! localStorage after every change. Run: `cargo bench --bench store`. Prints bytes and times.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use vnet_lab::model::fixtures::generate::large_subscription;
use vnet_lab::model::Subscription;
use vnet_lab::store::{decode, encode, SCHEMA_VERSION};

/// Time this process has spent on a CPU (Linux): unlike the wall clock, it holds while other
/// builds share the machine's two cores.
fn on_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/schedstat").ok()?;
    Some(Duration::from_nanos(
        stat.split_whitespace().next()?.parse().ok()?,
    ))
}

/// Milliseconds per run of `task`, on the wall clock and on a CPU, over `runs` runs.
fn per_run(runs: u32, mut task: impl FnMut()) -> (f64, Option<f64>) {
    let (wall, cpu) = (Instant::now(), on_cpu());
    for _ in 0..runs {
        task();
    }
    let ms = |duration: Duration| duration.as_secs_f64() * 1e3 / f64::from(runs);
    let on = on_cpu().zip(cpu).map(|(now, before)| ms(now - before));
    (ms(wall.elapsed()), on)
}

fn store(c: &mut Criterion) {
    let subscription = large_subscription();
    let document = encode(&subscription, 1);
    let loaded = decode::<Subscription>(&document).expect("the document it wrote");
    assert!(loaded.state == subscription);
    let save = per_run(40, || {
        black_box(encode(black_box(&subscription), 1));
    });
    let load = per_run(20, || {
        black_box(decode::<Subscription>(black_box(&document)).ok());
    });
    let on =
        |figure: Option<f64>| figure.map_or(String::new(), |ms| format!(", {ms:.1} ms on a CPU"));
    println!(
        "stored document (schema {SCHEMA_VERSION}): {} bytes ({:.2} MB; goal: under 1 MB); save {:.1} ms{} \
         (goal: under 10 ms), load {:.1} ms{} (goal: under 20 ms)",
        document.len(),
        document.len() as f64 / 1e6,
        save.0,
        on(save.1),
        load.0,
        on(load.1),
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
