//! R39: the lab's own export round-trips. import(export(S)) has S's names, properties and check
//! verdicts, read from the resources and `metadata.vnetLab`, and exporting it again writes the
//! same template.

use serde_json::Value;

use super::*;
use crate::model::derived::check::{self, Target};
use crate::model::derived::endpoints::known_endpoints;
use crate::model::entities::clock::Instant;

const NOW: Instant = Instant(1_764_806_400);

fn round_trip(lab: &Subscription) -> Subscription {
    let exported = crate::exchange::arm::template_text(lab);
    let prepared = prepare(&exported, &Subscription::empty(), &Options::at(NOW))
        .unwrap_or_else(|e| panic!("{e}"));
    prepared.subscription.expect("no parameter is asked")
}

/// Everything the lab holds, by names, one line a fact, sorted: ids left out (an import hands
/// them out anew), as is the activity log (an import starts its own).
fn facts(lab: &Subscription) -> Vec<String> {
    let vnet = |id| {
        lab.virtual_networks
            .get(&id)
            .map_or("?", |v| v.name.as_str())
    };
    let local = |id| lab.local_networks.get(&id).map_or("?", |l| l.name.as_str());
    let mut lines = vec![format!("clock {:?}", lab.clock)];
    for plan in lab.plans.values() {
        lines.push(format!(
            "plan {} {:?} {:?} x{}",
            plan.name, plan.tier, plan.region, plan.instances
        ));
    }
    for app in lab.web_apps.values() {
        let connection = app.connection.as_ref().map(|c| {
            let synced: Vec<&str> = c.synced.site_to_site.iter().map(|l| local(*l)).collect();
            format!(
                "{} synced {:?} {synced:?}",
                vnet(c.vnet),
                c.synced.dns_servers
            )
        });
        let regional = app
            .regional
            .as_ref()
            .map(|r| format!("{}/{} {}", vnet(r.vnet), r.subnet, r.route_all));
        lines.push(format!(
            "app {} on {} {connection:?} {regional:?} dns {:?}",
            app.name, lab.plans[&app.plan].name, app.dns_server
        ));
    }
    for network in lab.virtual_networks.values() {
        let peers: Vec<&str> = network.peerings.iter().map(|p| vnet(*p)).collect();
        let links: Vec<&str> = network.site_to_site.iter().map(|l| local(*l)).collect();
        lines.push(format!(
            "vnet {} {:?} {:?} dns {:?} peers {peers:?} s2s {links:?} gateway {:?}",
            network.name,
            network.region,
            network.address_space,
            network.dns_servers,
            network.gateway
        ));
        for subnet in &network.subnets {
            let nsg = subnet
                .network_security_group
                .map(|id| &lab.network_security_groups[&id].name);
            let table = subnet.route_table.map(|id| &lab.route_tables[&id].name);
            let nat = subnet.nat_gateway.map(|id| &lab.nat_gateways[&id].name);
            lines.push(format!(
                "  subnet {} {} {:?} {nsg:?} {table:?} {nat:?}",
                subnet.name, subnet.prefix, subnet.delegation
            ));
        }
        for vm in &network.virtual_machines {
            lines.push(format!(
                "  vm {} {:?} {:?}",
                network.name, vm.subnet, vm.host
            ));
        }
    }
    for local in lab.local_networks.values() {
        lines.push(format!(
            "local {} {:?} {} routes {:?}",
            local.name, local.address_space, local.vpn_device, local.routes
        ));
        for server in &local.servers {
            lines.push(format!("  server {:?}", server.host));
        }
    }
    for hybrid in lab.hybrid_connections.values() {
        let agent = hybrid.agent.as_ref().map(|a| {
            let server = lab.local_networks[&a.local_network]
                .servers
                .iter()
                .find(|s| s.id == a.server)
                .map(|s| s.host.name.clone());
            format!(
                "{} {server:?} running {}",
                local(a.local_network),
                a.running
            )
        });
        lines.push(format!(
            "hybrid {} of {} {}:{} agent {agent:?}",
            hybrid.name, lab.web_apps[&hybrid.app].name, hybrid.host, hybrid.port
        ));
    }
    for nsg in lab.network_security_groups.values() {
        lines.push(format!("nsg {} {:?} {:?}", nsg.name, nsg.region, nsg.rules));
    }
    for table in lab.route_tables.values() {
        lines.push(format!(
            "route table {} {:?} {:?}",
            table.name, table.region, table.routes
        ));
    }
    for nat in lab.nat_gateways.values() {
        lines.push(format!(
            "nat {} {:?} {}",
            nat.name, nat.region, nat.public_ip
        ));
    }
    for zone in lab.private_dns_zones.values() {
        let links: Vec<&str> = zone.links.iter().map(|l| vnet(*l)).collect();
        lines.push(format!("zone {} {:?} {links:?}", zone.name, zone.records));
    }
    for endpoint in lab.private_endpoints.values() {
        lines.push(format!(
            "endpoint {}/{} {:?} public {}",
            vnet(endpoint.vnet),
            endpoint.subnet,
            endpoint.host,
            endpoint.public_address
        ));
    }
    for issued in &lab.certificates {
        lines.push(format!(
            "certificate for {} {:?}",
            vnet(issued.vnet),
            issued.certificate
        ));
    }
    for internet in lab.internet_hosts.values() {
        lines.push(format!("internet {:?}", internet.host));
    }
    lines.sort();
    lines
}

/// The check's verdict from every web app to every known endpoint, by names.
fn verdicts(lab: &Subscription) -> Vec<String> {
    let mut lines = Vec::new();
    for app in lab.web_apps.values() {
        for endpoint in known_endpoints(lab) {
            let host = endpoint.name();
            let target = Target {
                host: &host,
                port: endpoint.rule.port,
                protocol: endpoint.rule.protocol,
            };
            let report = check::run(lab, app.id, target);
            lines.push(format!(
                "{} -> {host} {}: reachable {} undecided {} fails at {:?}",
                app.name,
                endpoint.rule,
                check::reachable(lab, app.id, target),
                report.undecided(),
                report.failure().map(|step| step.stage())
            ));
        }
    }
    lines.sort();
    lines
}

#[test]
fn r39_the_labs_own_export_comes_back_with_every_name_property_and_host() {
    let sample = Subscription::sample();
    let imported = round_trip(&sample);
    assert_eq!(facts(&imported), facts(&sample));
    // The GatewaySubnets the export added are gone again; the lab's own one stays.
    let gateway_subnet = |name: &str| {
        imported
            .vnet_named(name)
            .is_some_and(|v| v.subnets.iter().any(|s| s.is_gateway_subnet()))
    };
    assert!(!gateway_subnet("cantConnectVnet") && !gateway_subnet("northVnet"));
    assert!(gateway_subnet("corpVnet"));
    // The VMs are named after themselves, not their NICs, and their ports are known.
    let sql = imported
        .virtual_networks
        .values()
        .flat_map(|v| &v.virtual_machines)
        .find(|vm| vm.host.name == "sql01")
        .expect("sql01 comes back by its name");
    assert!(!sql.host.ports_unknown);
    assert_eq!(sql.host.open_ports.len(), 1);
}

#[test]
fn r39_the_labs_own_export_comes_back_with_the_same_check_verdicts() {
    let sample = Subscription::sample();
    let imported = round_trip(&sample);
    let expected = verdicts(&sample);
    assert!(expected.len() > 20, "the sample has apps and endpoints");
    assert!(expected.iter().any(|v| v.contains("reachable true")));
    assert!(expected.iter().any(|v| v.contains("reachable false")));
    assert!(!expected.iter().any(|v| v.contains("undecided true")));
    assert_eq!(
        known_endpoints(&imported).len(),
        known_endpoints(&sample).len()
    );
    assert_eq!(verdicts(&imported), expected);
}

#[test]
fn r39_exporting_the_import_of_the_labs_export_writes_the_same_template() {
    let sample = Subscription::sample();
    let first = crate::exchange::arm::template_text(&sample);
    let second = crate::exchange::arm::template_text(&round_trip(&sample));
    assert_eq!(second, first);
}

fn refusal(metadata: Value) -> String {
    let mut template: Value =
        serde_json::from_str(&crate::exchange::arm::template_text(&Subscription::sample()))
            .unwrap();
    template["metadata"]["vnetLab"] = metadata;
    prepare(
        &template.to_string(),
        &Subscription::empty(),
        &Options::at(NOW),
    )
    .expect_err("malformed metadata is refused")
}

#[test]
fn r39_a_malformed_vnet_lab_metadata_is_refused_naming_its_json_path() {
    let sample = Subscription::sample();
    let mut metadata =
        serde_json::to_value(crate::exchange::arm::lab_metadata::VnetLab::of(&sample)).unwrap();
    let nic = metadata["virtualMachines"]
        .as_object()
        .and_then(|m| m.keys().next().cloned())
        .expect("the sample has VMs");
    metadata["virtualMachines"][&nic]["openPorts"][0] = Value::from("tcp:http");
    let message = refusal(metadata);
    assert!(
        message.contains(&format!(
            "metadata.vnetLab.virtualMachines.{nic}.openPorts[0]"
        )),
        "{message}"
    );
    assert!(message.ends_with("Nothing changed."), "{message}");
}

#[test]
fn r39_vnet_lab_metadata_of_a_newer_format_is_refused() {
    let sample = Subscription::sample();
    let mut metadata =
        serde_json::to_value(crate::exchange::arm::lab_metadata::VnetLab::of(&sample)).unwrap();
    metadata["format"] = Value::from(2);
    let message = refusal(metadata);
    assert!(
        message.contains("metadata.vnetLab.format 2 is newer than this lab reads (1)"),
        "{message}"
    );
}

#[test]
fn r39_vnet_lab_metadata_naming_a_local_network_the_template_lacks_is_refused() {
    let sample = Subscription::sample();
    let mut metadata =
        serde_json::to_value(crate::exchange::arm::lab_metadata::VnetLab::of(&sample)).unwrap();
    metadata["onPremises"]["Nowhere"] = serde_json::json!({ "routes": ["10.9.0.0/16"] });
    let message = refusal(metadata);
    assert!(
        message.contains("metadata.vnetLab.onPremises.Nowhere: the local network gateway “Nowhere” is not in the template"),
        "{message}"
    );
}

#[test]
fn r39_the_export_of_a_lab_with_only_internet_hosts_comes_back() {
    let mut lab = Subscription::empty();
    lab.apply(crate::model::Command::CreateInternetHost {
        name: "api.fabrikam.com".into(),
        address: "20.61.15.7".into(),
    })
    .unwrap();
    let imported = round_trip(&lab);
    assert_eq!(facts(&imported), facts(&lab));
    assert_eq!(
        crate::exchange::arm::template_text(&imported),
        crate::exchange::arm::template_text(&lab)
    );
}

#[test]
fn r39_a_plan_at_every_tier_round_trips_with_its_sku() {
    use crate::model::entities::region::Region;
    use crate::model::entities::tier::Tier;
    use crate::model::Command;
    use strum::VariantArray;
    let mut lab = Subscription::empty();
    for &tier in Tier::VARIANTS {
        lab.apply(Command::CreatePlan {
            name: format!("plan-{}", tier.code()),
            tier,
            region: Region::WestEurope,
        })
        .unwrap();
    }
    let imported = round_trip(&lab);
    assert_eq!(facts(&imported), facts(&lab));
    assert!(facts(&imported).contains(&"plan plan-P1v3 P1v3 WestEurope x1".to_string()));
    assert!(facts(&imported).contains(&"plan plan-EP3 EP3 WestEurope x1".to_string()));
    assert_eq!(
        crate::exchange::arm::template_text(&imported),
        crate::exchange::arm::template_text(&lab)
    );
}
