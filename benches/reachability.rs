//! The reachability matrix of a large subscription: 1,000 web apps × 1,000 endpoints, one
//! connection check each. Run: `cargo bench --bench reachability`. Prints the time per check.

use std::hint::black_box;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use vnet_lab::model::derived::check::{self, Target};
use vnet_lab::model::entities::host::Protocol;
use vnet_lab::model::fixtures::generate::{counts, endpoint_addresses, large_subscription};
use vnet_lab::model::Subscription;

const ENDPOINTS: usize = 1_000;

fn matrix(subscription: &Subscription, endpoints: &[(String, u16)]) -> usize {
    let mut reachable = 0;
    for app in subscription.web_apps.keys() {
        for (host, port) in endpoints {
            let target = Target {
                host,
                port: *port,
                protocol: Protocol::Tcp,
            };
            reachable += usize::from(check::reachable(subscription, *app, target));
        }
    }
    reachable
}

fn reachability(c: &mut Criterion) {
    let subscription = large_subscription();
    let endpoints = endpoint_addresses(&subscription, ENDPOINTS);
    let checks = subscription.web_apps.len() * endpoints.len();
    let [plans, apps, vnets, vms, locals] = counts(&subscription);
    println!("subscription: {plans} plans, {apps} web apps, {vnets} VNets, {vms} VMs, {locals} local networks");

    let started = Instant::now();
    let reachable = matrix(&subscription, &endpoints);
    let elapsed = started.elapsed();
    println!(
        "matrix: {checks} checks ({reachable} reachable) in {:.1} ms: {:.3} µs per check (goal: under 0.5 µs)",
        elapsed.as_secs_f64() * 1e3,
        elapsed.as_secs_f64() * 1e6 / checks as f64
    );

    let mut group = c.benchmark_group("reachability");
    group.sample_size(10);
    group.throughput(Throughput::Elements(checks as u64));
    group.bench_function("matrix 1000 apps x 1000 endpoints", |b| {
        b.iter(|| matrix(black_box(&subscription), black_box(&endpoints)))
    });
    group.finish();
}

criterion_group!(benches, reachability);
criterion_main!(benches);
