//! Export of the large generated subscription as an ARM template and as an az script (R38).
//! Run: `cargo bench --bench exchange`. Prints bytes and times (goal: each under 200 ms).

use std::hint::black_box;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion};
use vnet_lab::exchange::arm::template_text;
use vnet_lab::exchange::az_cli::script;
use vnet_lab::model::fixtures::generate::large_subscription;

/// Milliseconds per run of `task` over `runs` runs.
fn per_run(runs: u32, mut task: impl FnMut()) -> f64 {
    let start = Instant::now();
    for _ in 0..runs {
        task();
    }
    start.elapsed().as_secs_f64() * 1e3 / f64::from(runs)
}

fn exchange(c: &mut Criterion) {
    let subscription = large_subscription();
    let template = template_text(&subscription);
    let shell = script(&subscription);
    let arm = per_run(10, || {
        black_box(template_text(black_box(&subscription)));
    });
    let cli = per_run(10, || {
        black_box(script(black_box(&subscription)));
    });
    println!(
        "large subscription: ARM template {} bytes in {arm:.1} ms, az script {} bytes in {cli:.1} ms \
         (goal: each under 200 ms)",
        template.len(),
        shell.len(),
    );
    let mut group = c.benchmark_group("exchange");
    group.sample_size(10);
    group.bench_function("ARM template", |b| {
        b.iter(|| template_text(black_box(&subscription)))
    });
    group.bench_function("az script", |b| b.iter(|| script(black_box(&subscription))));
    group.finish();
}

criterion_group!(benches, exchange);
criterion_main!(benches);
