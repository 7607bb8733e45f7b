//! Import of ARM templates (R39): each shared sample (read in place from ../shared), a
//! generated 200-resource template, and the large generated subscription's own export. Run:
//! `cargo bench --bench import`. Goals in the release build: the 200-resource template under
//! 50 ms, the large export under 500 ms.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::{json, Value};
use vnet_lab::exchange::arm::import::{prepare, Options};
use vnet_lab::model::entities::clock::Instant;
use vnet_lab::model::Subscription;

const SAMPLES: [&str; 6] = [
    "quickstart_app-service-regional-vnet-integration.azuredeploy.json",
    "bicep-samples_101_webapp-privateendpoint-vnet-injection.main.json",
    "bicep-samples_101_nat-gateway-vnet.main.json",
    "quickstart_site-to-site-vpn.azuredeploy.json",
    "avm_web_site_hybrid-connection-namespace_relay.main.json",
    "bicep-samples_201_vnet-to-vnet-peering.main.json",
];

/// 200 resources: 40 VNets, each with a plan, a delegated subnet, an NSG and an integrated app.
fn large_template() -> String {
    let mut resources: Vec<Value> = Vec::new();
    for i in 0..40 {
        resources.push(json!({"type": "Microsoft.Web/serverfarms", "name": format!("plan-{i}"), "sku": {"name": "P1v3"}}));
        resources.push(json!({"type": "Microsoft.Network/networkSecurityGroups", "name": format!("nsg-{i}"),
            "properties": {"securityRules": [{"name": "web", "properties": {"priority": 100, "direction": "Outbound", "access": "Allow",
                "protocol": "Tcp", "destinationAddressPrefix": "*", "destinationPortRange": "443"}}]}}));
        resources.push(json!({"type": "Microsoft.Network/virtualNetworks", "name": format!("vnet-{i}"),
            "properties": {"addressSpace": {"addressPrefixes": [format!("10.{i}.0.0/16")]},
              "subnets": [{"name": "apps", "properties": {"addressPrefix": format!("10.{i}.1.0/24"),
                "networkSecurityGroup": {"id": format!("[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-{i}')]")},
                "delegations": [{"name": "d", "properties": {"serviceName": "Microsoft.Web/serverFarms"}}]}}]}}));
        resources.push(json!({"type": "Microsoft.Web/sites", "name": format!("app-{i}"), "apiVersion": "2024-11-01",
            "properties": {"serverFarmId": format!("[resourceId('Microsoft.Web/serverfarms', 'plan-{i}')]"),
              "virtualNetworkSubnetId": format!("[reference(resourceId('Microsoft.Network/virtualNetworks', 'vnet-{i}')).subnets[0].id]"),
              "outboundVnetRouting": {"applicationTraffic": true}}}));
        resources.push(json!({"type": "Microsoft.Network/routeTables", "name": format!("rt-{i}")}));
    }
    json!({"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": resources}).to_string()
}

fn import(c: &mut Criterion) {
    let empty = Subscription::empty();
    let options = Options::at(Instant(1_764_806_400));
    for file in SAMPLES {
        let text = std::fs::read_to_string(format!(
            "{}/../shared/arm-samples/{file}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("the shared samples");
        c.bench_function(&format!("import {file}"), |b| {
            b.iter(|| {
                black_box(prepare(black_box(&text), &empty, &options).expect("the sample reads"))
            })
        });
    }
    let large = large_template();
    let prepared = prepare(&large, &empty, &options).expect("the large template imports");
    assert_eq!(prepared.report.count("web app"), 40);
    c.bench_function("import a 200-resource template", |b| {
        b.iter(|| black_box(prepare(black_box(&large), &empty, &options).expect("it imports")))
    });
}

/// The large generated subscription's own export, as the Export menu writes it: without
/// indentation, which would take it over the 5 MB the import reads.
fn large_export() -> String {
    let lab = vnet_lab::model::fixtures::generate::large_subscription();
    vnet_lab::exchange::arm::template_text(&lab)
}

fn import_large_export(c: &mut Criterion) {
    let empty = Subscription::empty();
    let options = Options::at(Instant(1_764_806_400));
    let export = large_export();
    let prepared = prepare(&export, &empty, &options).expect("the large export imports");
    let apps = prepared
        .subscription
        .as_ref()
        .map_or(0, |s| s.web_apps.len());
    println!(
        "the large subscription's export: {} bytes, {apps} web apps imported",
        export.len()
    );
    let mut group = c.benchmark_group("large export");
    // About a quarter of a second an import: ten samples, not a hundred.
    group.sample_size(10);
    group.bench_function("import the large subscription's own export", |b| {
        b.iter(|| black_box(prepare(black_box(&export), &empty, &options).expect("it imports")))
    });
    group.finish();
}

criterion_group!(benches, import, import_large_export);
criterion_main!(benches);
