//! R39 on the six shared samples (read in place, never copied) and on malformed inputs.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::*;
use crate::model::entities::clock::Instant;
use crate::model::entities::network::{Delegation, Routing};
use crate::model::entities::tier::{Tier, TierFamily};

const NOW: Instant = Instant(1_764_806_400);

fn sample(file: &str) -> String {
    let path = format!(
        "{}/../shared/arm-samples/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn options(parameters: &[(&str, Value)]) -> Options {
    let mut options = Options::at(NOW);
    options.parameters = parameters
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect::<BTreeMap<_, _>>();
    options
}

fn import(text: &str, parameters: &[(&str, Value)]) -> (Report, Subscription) {
    let prepared = prepare(text, &Subscription::empty(), &options(parameters))
        .unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<&str> = prepared
        .report
        .parameters
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    let subscription = prepared
        .subscription
        .unwrap_or_else(|| panic!("asks for {names:?}"));
    (prepared.report, subscription)
}

fn refused(text: &str) -> String {
    match prepare(text, &Subscription::empty(), &Options::at(NOW)) {
        Err(message) => message,
        Ok(prepared) => panic!("imported: {:?}", prepared.report),
    }
}

pub const QUICKSTART: &str = "quickstart_app-service-regional-vnet-integration.azuredeploy.json";
pub const PRIVATE_ENDPOINT: &str =
    "bicep-samples_101_webapp-privateendpoint-vnet-injection.main.json";
pub const NAT: &str = "bicep-samples_101_nat-gateway-vnet.main.json";
pub const SITE_TO_SITE: &str = "quickstart_site-to-site-vpn.azuredeploy.json";
pub const RELAY: &str = "avm_web_site_hybrid-connection-namespace_relay.main.json";
pub const PEERING: &str = "bicep-samples_201_vnet-to-vnet-peering.main.json";

#[test]
fn r39_quickstart_imports_a_regionally_integrated_app_with_route_all() {
    let (report, lab) = import(&sample(QUICKSTART), &[]);
    assert_eq!(lab.now(), NOW);
    let plan = lab.plans.values().next().unwrap();
    assert_eq!(plan.tier, Tier::S1);
    let app = lab.web_apps.values().next().unwrap();
    assert_eq!(
        app.name.len(),
        13,
        "uniqueString(resourceGroup().id) is 13 characters"
    );
    assert!(plan.name.starts_with(&app.name));
    let regional = app.regional.as_ref().expect("regional integration");
    assert!(regional.route_all);
    let vnet = &lab.virtual_networks[&regional.vnet];
    assert_eq!(vnet.name, format!("{}vnet", app.name));
    let subnet = vnet.subnet(&regional.subnet).unwrap();
    assert_eq!(subnet.prefix.to_string(), "10.0.0.0/24");
    assert_eq!(subnet.delegation, Some(Delegation::ServerFarms));
    assert_eq!(report.count("web app"), 1);
    assert_eq!(report.count("VNet integration"), 1);
    assert!(report
        .placeholders
        .iter()
        .any(|p| p.function == "uniqueString" && p.value == app.name));
    assert!(report.parameters.is_empty());
}

#[test]
fn r39_private_endpoint_sample_reads_separate_subnets_network_config_and_app_settings() {
    let (report, lab) = import(&sample(PRIVATE_ENDPOINT), &[]);
    let vnet = lab.vnet_named("vnet1").unwrap();
    let names: Vec<&str> = vnet.subnets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Subnet1", "Subnet2"]);
    assert_eq!(
        vnet.subnet("Subnet2").unwrap().delegation,
        Some(Delegation::ServerFarms)
    );
    let plan = lab.plans.values().next().unwrap();
    assert_eq!(
        (plan.name.as_str(), plan.tier),
        ("serverfarm", Tier::P1),
        "P1v2 is a Premium plan"
    );
    let site2 = lab
        .web_apps
        .values()
        .find(|a| a.name.starts_with("webapp2-"))
        .unwrap();
    let regional = site2
        .regional
        .as_ref()
        .expect("networkConfig integrates site2");
    assert_eq!(regional.subnet, "Subnet2");
    assert!(
        regional.route_all,
        "WEBSITE_VNET_ROUTE_ALL=1 in sites/config appsettings"
    );
    assert_eq!(site2.dns_server, Some("168.63.129.16".parse().unwrap()));
    let site1 = lab
        .web_apps
        .values()
        .find(|a| a.name.starts_with("webapp1-"))
        .unwrap();
    assert!(site1.integration().is_none());
    let endpoint = lab.private_endpoints.values().next().unwrap();
    assert_eq!(
        endpoint.host.name,
        format!("{}.azurewebsites.net", site1.name)
    );
    assert_eq!(endpoint.subnet, "Subnet1");
    assert_eq!(
        endpoint.host.address.to_string(),
        "10.200.1.4",
        "the first free address after Azure's five"
    );
    let zone = lab.private_dns_zones.values().next().unwrap();
    assert_eq!(zone.name, "privatelink.azurewebsites.net");
    assert_eq!(zone.links, [vnet.id]);
    assert_eq!(
        zone.records,
        [(site1.name.clone(), endpoint.host.address)],
        "the zone group makes the A record"
    );
    assert_eq!(
        report
            .unsupported_types
            .get("Microsoft.Web/sites/hostNameBindings"),
        Some(&2)
    );
    assert!(report.skipped.iter().any(|s| s
        .reason
        .contains("network security group inline without an id")));
    assert!(report
        .placeholders
        .iter()
        .any(|p| p.function.starts_with("dynamic private IP")));
}

#[test]
fn r39_nat_gateway_sample_associates_the_gateway_and_lists_its_public_ip() {
    let (report, lab) = import(&sample(NAT), &[]);
    let nat = lab.nat_gateways.values().next().unwrap();
    assert_eq!(nat.name, "myNATgateway");
    let vnet = lab.vnet_named("myVnet").unwrap();
    assert_eq!(
        vnet.subnets.len(),
        1,
        "the subnet written inline and as a resource is one subnet"
    );
    assert_eq!(vnet.subnets[0].nat_gateway, Some(nat.id));
    assert!(report
        .placeholders
        .iter()
        .any(|p| p.value == nat.public_ip.to_string()));
}

#[test]
fn r39_site_to_site_sample_asks_only_for_modelled_parameters() {
    let prepared = prepare(
        &sample(SITE_TO_SITE),
        &Subscription::empty(),
        &Options::at(NOW),
    )
    .unwrap();
    assert!(prepared.subscription.is_none());
    let asked: Vec<&str> = prepared
        .report
        .parameters
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(
        asked,
        [
            "localAddressPrefix",
            "localGatewayIpAddress",
            "subnetPrefix"
        ]
    );
    let given = [
        ("localGatewayIpAddress", json!("203.0.113.10")),
        ("localAddressPrefix", json!("192.168.0.0/16")),
        ("subnetPrefix", json!("10.3.0.0/24")),
    ];
    let (report, lab) = import(&sample(SITE_TO_SITE), &given);
    let vnet = lab.vnet_named("azureVnet").unwrap();
    let gateway = vnet.gateway.as_ref().unwrap();
    assert_eq!(gateway.routing, Routing::Dynamic);
    assert!(gateway.is_ready(lab.now()), "an imported gateway is Ready");
    let local = lab.local_network_named("localGateway").unwrap();
    assert_eq!(vnet.site_to_site, [local.id]);
    let nsg = lab.network_security_groups.values().next().unwrap();
    assert_eq!(
        vnet.subnet("Subnet1").unwrap().network_security_group,
        Some(nsg.id)
    );
    assert_eq!(nsg.rules[0].name, "default-allow-22");
    let vm = &vnet.virtual_machines[0];
    assert_eq!(
        (vm.host.name.as_str(), vm.host.address.to_string().as_str()),
        ("node-1", "10.3.0.4")
    );
    assert_eq!(report.count("virtual machine"), 1);
}

#[test]
fn r39_relay_sample_asks_for_its_parameters_and_skips_an_app_it_does_not_declare() {
    let prepared = prepare(&sample(RELAY), &Subscription::empty(), &Options::at(NOW)).unwrap();
    let asked: Vec<&str> = prepared
        .report
        .parameters
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(asked, ["appName", "hybridConnectionResourceId"]);
    let description = prepared.report.parameters[0]
        .description
        .as_deref()
        .unwrap();
    assert!(description.contains("parent web site"));
    let id = "/subscriptions/1/resourceGroups/rg/providers/Microsoft.Relay/namespaces/ns/hybridConnections/hc";
    let given = options(&[
        ("appName", json!("contoso")),
        ("hybridConnectionResourceId", json!(id)),
    ]);
    let error = prepare(&sample(RELAY), &Subscription::empty(), &given).unwrap_err();
    assert!(error.contains("Nothing importable remains"), "{error}");
    assert!(
        error.contains("its web app contoso is neither in the template nor in the lab"),
        "{error}"
    );
}

#[test]
fn r39_peering_sample_peers_both_sides_once() {
    let (report, lab) = import(&sample(PEERING), &[]);
    let one = lab.vnet_named("vNet1").unwrap();
    let two = lab.vnet_named("vNet2").unwrap();
    assert_eq!(one.peerings, [two.id]);
    assert_eq!(two.peerings, [one.id]);
    assert_eq!(report.count("peering"), 1);
}

#[test]
fn r39_malformed_inputs_are_refused_with_the_reason() {
    assert!(refused("{\"resources\": [").contains("The file is not JSON"));
    assert!(refused("{\"plans\": []}").contains("not an ARM template"));
    let big = format!(
        "{{\"resources\": [], \"pad\": \"{}\"}}",
        "x".repeat(6 * 1024 * 1024)
    );
    assert!(refused(&big).contains("up to 5 MB"));
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(refused(&deep).contains("more than 128 deep"));
    let untyped = r#"{"resources": [{"name": "x"}]}"#;
    assert!(refused(untyped).contains("resources[0] has no \"type\""));
    let undefined =
        r#"{"resources": [{"type": "Microsoft.Web/serverfarms", "name": "[parameters('nope')]"}]}"#;
    assert!(refused(undefined).contains("resources[0].name: the parameter “nope” is not declared"));
    let variable = r#"{"resources": [{"type": "Microsoft.Web/serverfarms", "name": "plan", "location": "[variables('where')]"}]}"#;
    let message = refused(variable);
    assert!(
        message.contains(
            "(Microsoft.Web/serverfarms “plan”) at location: the variable “where” is not declared"
        ),
        "{message}"
    );
}

#[test]
fn r39_an_unknown_function_is_named_with_its_resource_and_property() {
    let text = r#"{"resources": [{"type": "Microsoft.Web/serverfarms", "name": "plan", "sku": {"name": "S1"},
        "tags": {"zones": "[string(pickZones('Microsoft.Compute', 'virtualMachines', 'westeurope'))]"}}]}"#;
    let (report, _) = import(text, &[]);
    let unsupported = &report.unsupported_functions[0];
    assert_eq!(
        (unsupported.function.as_str(), unsupported.path.as_str()),
        ("pickZones", "tags.zones")
    );
    assert!(unsupported
        .resource
        .contains("Microsoft.Web/serverfarms “plan”"));
}

#[test]
fn r39_language_version_2_reads_symbolic_names_and_skips_existing() {
    let text = r#"{"languageVersion": "2.0", "resources": {
        "net": {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "hub", "location": "West Europe",
            "properties": {"addressSpace": {"addressPrefixes": ["10.1.0.0/16"]}, "subnets": [{"name": "apps", "properties": {"addressPrefix": "10.1.0.0/24"}}]}},
        "old": {"existing": true, "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "elsewhere"},
        "farm": {"type": "microsoft.web/SERVERFARMS", "name": "plan", "sku": {"name": "EP1"}},
        "app": {"type": "Microsoft.Web/sites", "name": "app", "kind": "functionapp", "properties": {"serverFarmId": "[resourceId('Microsoft.Web/serverfarms', 'plan')]",
            "virtualNetworkSubnetId": "[reference('net').subnets[0].id]", "siteConfig": {"vnetRouteAllEnabled": "true"}}}
    }}"#;
    let (report, lab) = import(text, &[]);
    let app = lab.web_app_named("app").unwrap();
    assert!(app.regional.as_ref().unwrap().route_all);
    assert_eq!(lab.plans.values().next().unwrap().tier, Tier::EP1);
    assert!(report
        .skipped
        .iter()
        .any(|s| s.name == "elsewhere" && s.reason.contains("`existing`")));
}

fn plan_template(sku: &str) -> String {
    format!(
        r#"{{"resources": [{{"type": "Microsoft.Web/serverfarms", "apiVersion": "2024-11-01", "name": "plan",
            "location": "westeurope", "sku": {{"name": "{sku}", "capacity": 2}}}}]}}"#
    )
}

fn exported_sku(lab: &Subscription) -> Value {
    let template = crate::exchange::arm::template::template(lab);
    let plan = template["resources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["type"] == "Microsoft.Web/serverfarms")
        .unwrap()
        .clone();
    json!({ "sku": plan["sku"], "kind": plan["kind"] })
}

#[test]
fn r39_premium_v3_plan_keeps_its_sku() {
    for written in ["P1v3", "P1V3", "p1v3"] {
        let (_, lab) = import(&plan_template(written), &[]);
        let plan = lab.plans.values().next().unwrap();
        assert_eq!((plan.tier, plan.instances), (Tier::P1v3, 2), "{written}");
        assert_eq!(plan.tier.to_string(), "Premium v3 P1v3");
        assert_eq!(
            exported_sku(&lab),
            json!({ "sku": {"name": "P1v3", "tier": "PremiumV3", "capacity": 2}, "kind": null }),
            "{written}"
        );
    }
    for (sku, tier, arm_tier) in [
        ("P1v2", Tier::P1, "PremiumV2"),
        ("P0v3", Tier::P0v3, "Premium0V3"),
        ("P3mv3", Tier::P3mv3, "PremiumMV3"),
        ("P0v4", Tier::P0v4, "PremiumV4"),
        ("P5mv4", Tier::P5mv4, "PremiumMV4"),
    ] {
        let (_, lab) = import(&plan_template(sku), &[]);
        assert_eq!(lab.plans.values().next().unwrap().tier, tier, "{sku}");
        assert_eq!(
            exported_sku(&lab)["sku"],
            json!({"name": sku, "tier": arm_tier, "capacity": 2}),
            "{sku}"
        );
    }
}

#[test]
fn r39_elastic_premium_plan_is_premium_family() {
    let (report, lab) = import(&plan_template("ep2"), &[]);
    let plan = lab.plans.values().next().unwrap();
    assert_eq!(plan.tier, Tier::EP2);
    assert_eq!(plan.tier.family(), TierFamily::Premium);
    assert_eq!(plan.tier.to_string(), "Elastic Premium EP2");
    assert!(plan.tier.allows_vnet_integration() && plan.tier.allows_regional_integration());
    assert_eq!(
        plan.tier.hybrid_connection_limit().to_string(),
        "220 Hybrid Connections per web app"
    );
    assert_eq!(report.count("App Service plan"), 1);
    assert_eq!(
        exported_sku(&lab),
        json!({ "sku": {"name": "EP2", "tier": "ElasticPremium", "capacity": 2}, "kind": "elastic" })
    );
}

#[test]
fn r39_plan_imported_at_its_own_tier() {
    let (_, lab) = import(&plan_template("S1"), &[]);
    assert_eq!(lab.plans.values().next().unwrap().tier, Tier::S1);
    let log: Vec<&str> = lab.activity.iter().map(|a| a.text.as_str()).collect();
    assert!(
        log.contains(&"Created the App Service plan plan (Standard S1) in West Europe"),
        "{log:?}"
    );
    assert!(!log.iter().any(|line| line.contains("Premium")), "{log:?}");
    // The lab's own export is the exception: its plan is made at the top tier, then set to its own.
    let own = crate::exchange::arm::template_text(&lab);
    let (_, again) = import(&own, &[]);
    assert_eq!(again.plans.values().next().unwrap().tier, Tier::S1);
    assert!(again
        .activity
        .iter()
        .any(|a| a.text == "Created the App Service plan plan (Premium P3) in West Europe"));
}

#[test]
fn r39_an_unknown_sku_is_skipped_naming_the_skus_the_lab_takes() {
    for sku in ["P9v3", "Y1", "EP4"] {
        let message = refused(&plan_template(sku));
        assert_eq!(
            message,
            format!(
                "Nothing importable remains: Microsoft.Web/serverfarms “plan”: its SKU “{sku}” (sku.name) is not one the lab models: use one of F1, D1, B1–B3, S1–S3, P1v2–P3v2, P0v3–P3v3, P1mv3–P5mv3, P0v4–P3v4, P1mv4–P5mv4, EP1–EP3. Nothing changed."
            )
        );
    }
}

#[test]
fn r39_japaneast_region_is_read_by_short_and_display_name() {
    use crate::model::entities::region::Region;
    for location in ["japaneast", "Japan East", "JAPANEAST"] {
        let text = format!(
            r#"{{"resources": [{{"type": "Microsoft.Web/serverfarms", "name": "plan", "location": "{location}", "sku": {{"name": "S1"}}}}]}}"#
        );
        let (_, lab) = import(&text, &[]);
        let plan = lab.plans.values().next().unwrap();
        assert_eq!(plan.region, Region::JapanEast, "{location}");
        assert_eq!(
            (plan.region.display_name(), plan.region.arm_name()),
            ("Japan East", "japaneast")
        );
    }
    let message = refused(
        r#"{"resources": [{"type": "Microsoft.Web/serverfarms", "name": "plan", "location": "marsnorth", "sku": {"name": "S1"}}]}"#,
    );
    assert_eq!(
        message,
        "The template cannot be imported: resources[0] (Microsoft.Web/serverfarms “plan”) at location: “marsnorth” is not an Azure public-cloud region: write its short name (westeurope) or the name the portal shows (West Europe). Nothing changed."
    );
}

#[test]
fn r39_every_region_reads_back_from_its_short_and_display_names() {
    use crate::model::entities::region::Region;
    use strum::VariantArray;
    for &region in Region::VARIANTS {
        assert_eq!(map::region_named(region.arm_name()), Some(region));
        assert_eq!(map::region_named(region.display_name()), Some(region));
        assert_eq!(
            region.display_name().replace(' ', "").to_lowercase(),
            region.arm_name(),
            "Azure's short name is its display name squeezed"
        );
    }
    assert_eq!(Region::VARIANTS.len(), 58);
    assert_eq!(
        Region::VARIANTS[..2],
        [Region::WestEurope, Region::NorthEurope]
    );
}

#[test]
fn r39_nested_children_copy_loops_and_conditions() {
    let text = r#"{"parameters": {"count": {"type": "int", "defaultValue": 3}, "withNsg": {"type": "bool", "defaultValue": false}},
      "variables": {"copy": [{"name": "prefixes", "count": "[parameters('count')]", "input": "[format('10.0.{0}.0/24', copyIndex('prefixes'))]"}]},
      "resources": [
        {"type": "Microsoft.Network/virtualNetworks", "name": "vnet", "location": "westeurope",
         "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]}},
         "resources": [{"type": "subnets", "name": "[format('s{0}', copyIndex())]", "copy": {"name": "subnets", "count": "[parameters('count')]"},
                        "properties": {"addressPrefix": "[variables('prefixes')[copyIndex()]]"}}]},
        {"condition": "[parameters('withNsg')]", "type": "Microsoft.Network/networkSecurityGroups", "name": "nsg"}
      ]}"#;
    let (report, lab) = import(text, &[]);
    let vnet = lab.vnet_named("vnet").unwrap();
    let subnets: Vec<String> = vnet
        .subnets
        .iter()
        .map(|s| format!("{} {}", s.name, s.prefix))
        .collect();
    assert_eq!(
        subnets,
        ["s0 10.0.0.0/24", "s1 10.0.1.0/24", "s2 10.0.2.0/24"]
    );
    assert!(lab.network_security_groups.is_empty());
    assert!(report
        .skipped
        .iter()
        .any(|s| s.name == "nsg" && s.reason == "its condition is false"));
}

#[test]
fn r39_live_state_of_az_resource_list_imports_the_same_way() {
    let text = r#"{"value": [
      {"id": "/subscriptions/1/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/live", "name": "live", "type": "Microsoft.Network/virtualNetworks",
       "location": "westeurope", "etag": "W/\"x\"", "properties": {"provisioningState": "Succeeded", "resourceGuid": "g",
       "addressSpace": {"addressPrefixes": ["10.9.0.0/16"]},
       "subnets": [{"id": "/subscriptions/1/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/live/subnets/apps", "name": "apps", "properties": {"addressPrefix": "10.9.1.0/24"}}]}}
    ]}"#;
    let (_, lab) = import(text, &[]);
    assert_eq!(lab.vnet_named("live").unwrap().subnets[0].name, "apps");
}

#[test]
fn r39_add_mode_refuses_a_name_that_collides_and_keeps_what_is_there() {
    let (_, first) = import(&sample(PEERING), &[]);
    let mut add = Options::at(NOW);
    add.mode = Mode::Add;
    let error = prepare(&sample(PEERING), &first, &add).unwrap_err();
    assert!(error.contains("vNet1"), "{error}");
    assert!(error.contains("Nothing changed"));
}

#[test]
fn r39_a_vm_from_a_template_has_unknown_ports_and_the_check_says_so() {
    use crate::model::derived::check::{self, Problem, Step, Target};
    use crate::model::entities::host::Protocol;
    let text = r#"{"resources": [
      {"type": "Microsoft.Web/serverfarms", "name": "plan", "sku": {"name": "S1"}},
      {"type": "Microsoft.Network/virtualNetworks", "name": "hub", "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
        "subnets": [{"name": "apps", "properties": {"addressPrefix": "10.0.1.0/24"}}, {"name": "data", "properties": {"addressPrefix": "10.0.2.0/24"}}]}},
      {"type": "Microsoft.Network/networkInterfaces", "name": "sql-nic", "properties": {"ipConfigurations": [{"name": "ip", "properties": {
        "privateIPAllocationMethod": "Static", "privateIPAddress": "10.0.2.10", "subnet": {"id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'hub', 'data')]"}}}]}},
      {"type": "Microsoft.Compute/virtualMachines", "name": "sql-vm", "properties": {"networkProfile": {"networkInterfaces": [{"id": "[resourceId('Microsoft.Network/networkInterfaces', 'sql-nic')]"}]}}},
      {"type": "Microsoft.Web/sites", "name": "contoso", "properties": {"serverFarmId": "[resourceId('Microsoft.Web/serverfarms', 'plan')]",
        "virtualNetworkSubnetId": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'hub', 'apps')]"}}
    ]}"#;
    let (_, lab) = import(text, &[]);
    let vm = &lab.vnet_named("hub").unwrap().virtual_machines[0];
    assert_eq!(
        (vm.host.name.as_str(), vm.host.ports_unknown),
        ("sql-vm", true)
    );
    let app = lab.web_app_named("contoso").unwrap().id;
    let report = check::run(
        &lab,
        app,
        Target {
            host: "10.0.2.10",
            port: 1433,
            protocol: Protocol::Tcp,
        },
    );
    assert!(!report.reachable());
    assert!(report.undecided());
    let last = report.steps.last().unwrap();
    assert!(matches!(last, Step::Failed(Problem::PortsUnknown { .. })));
    assert!(
        report.steps[..report.steps.len() - 1]
            .iter()
            .all(Step::passed),
        "every network step passed"
    );
    assert_eq!(
        last.to_string(),
        "The network lets TCP 1433 through to sql-vm; its firewall is unknown to the lab, since the template it came from cannot say which ports it opens."
    );
    let fix = last.problem().unwrap().fix();
    assert!(format!("{fix:?}").contains("Add the ports sql-vm opens, such as TCP 1433"));
}

#[test]
fn r39_the_top_bar_tells_azure_files_from_the_labs_own() {
    use document::looks_like_azure;
    assert!(looks_like_azure(&sample(QUICKSTART)));
    assert!(looks_like_azure("[{\"id\": \"x\"}]"));
    assert!(looks_like_azure(" { \"value\": [] }"));
    assert!(!looks_like_azure(
        "{\"schema\":2,\"revision\":1,\"subscription\":{}}"
    ));
    assert!(!looks_like_azure(&"[".repeat(1000)));
}

#[test]
fn r39_parameter_values_are_read_by_their_type() {
    let prepared = prepare(
        &sample(SITE_TO_SITE),
        &Subscription::empty(),
        &Options::at(NOW),
    )
    .unwrap();
    let prefix = &prepared.report.parameters[0];
    assert_eq!(prefix.value_of(" 10.0.0.0/16 "), Ok(json!("10.0.0.0/16")));
    assert_eq!(
        prefix.value_of(""),
        Err("localAddressPrefix needs a value".to_string())
    );
    let number = template::Parameter {
        name: "n".into(),
        kind: "int".into(),
        description: None,
        allowed: vec![json!(1), json!(2)],
        has_default: false,
    };
    assert_eq!(number.value_of("2"), Ok(json!(2)));
    assert_eq!(
        number.value_of("3"),
        Err("n must be one of 1, 2".to_string())
    );
    assert!(number.value_of("x").unwrap_err().contains("whole number"));
}

#[test]
fn r39_a_nullable_parameter_without_default_is_null_and_not_asked() {
    let text = r#"{"languageVersion": "2.0", "parameters": {
        "dnsServer": {"type": "string", "nullable": true, "metadata": {"description": "A custom DNS server"}}},
      "resources": {"net": {"type": "Microsoft.Network/virtualNetworks", "name": "hub",
        "properties": {"addressSpace": {"addressPrefixes": ["10.1.0.0/16"]},
          "dhcpOptions": {"dnsServers": "[if(empty(parameters('dnsServer')), createArray(), createArray(parameters('dnsServer')))]"}}}}}"#;
    let (report, lab) = import(text, &[]);
    assert!(report.parameters.is_empty(), "{:?}", report.parameters);
    assert!(lab.vnet_named("hub").unwrap().dns_servers.is_empty());
    let (_, given) = import(text, &[("dnsServer", json!("10.1.0.4"))]);
    assert_eq!(
        given.vnet_named("hub").unwrap().dns_servers,
        ["10.1.0.4".parse::<std::net::Ipv4Addr>().unwrap()]
    );
    let reading = template::read_template(
        &serde_json::from_str(text).unwrap(),
        &BTreeMap::new(),
        &Default::default(),
        None,
    )
    .unwrap();
    assert!(reading.parameters[0].has_default, "null is its default");
}

#[test]
fn r39_a_parameter_of_a_user_defined_type_shows_that_type_and_its_allowed_values() {
    let text = r##"{"languageVersion": "2.0",
      "definitions": {"instances": {"$ref": "#/definitions/count"},
                      "count": {"type": "int", "allowedValues": [1, 2, 3], "metadata": {"description": "Instances"}}},
      "parameters": {"planSize": {"$ref": "#/definitions/instances", "metadata": {"description": "How many instances the plan runs"}}},
      "resources": {"farm": {"type": "Microsoft.Web/serverfarms", "name": "plan",
        "sku": {"name": "S1", "capacity": "[parameters('planSize')]"}}}}"##;
    let prepared = prepare(text, &Subscription::empty(), &Options::at(NOW)).unwrap();
    assert!(prepared.subscription.is_none(), "the size is asked for");
    let asked = &prepared.report.parameters[0];
    assert_eq!(
        (
            asked.name.as_str(),
            asked.kind.as_str(),
            asked.description.as_deref()
        ),
        ("planSize", "int", Some("How many instances the plan runs"))
    );
    assert_eq!(asked.allowed, [json!(1), json!(2), json!(3)]);
    assert_eq!(
        asked.value_of("5"),
        Err("planSize must be one of 1, 2, 3".to_string())
    );
    let (_, lab) = import(text, &[("planSize", asked.value_of("2").unwrap())]);
    assert_eq!(lab.plans.values().next().unwrap().instances, 2);
}

#[test]
fn r39_a_ref_to_no_definition_is_refused_naming_it() {
    let message = refused(
        r##"{"languageVersion": "2.0", "definitions": {"size": {"type": "int"}},
          "parameters": {"planSize": {"$ref": "#/definitions/sizes"}},
          "resources": {"farm": {"type": "Microsoft.Web/serverfarms", "name": "plan", "sku": {"name": "S1"}}}}"##,
    );
    assert_eq!(
        message,
        "The template cannot be imported: the parameter “planSize” refers to “#/definitions/sizes”, which the template's \"definitions\" does not declare: declare the type there or correct the \"$ref\". Nothing changed."
    );
    let cycle = refused(
        r##"{"languageVersion": "2.0", "definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"$ref": "#/definitions/a"}},
          "parameters": {"p": {"$ref": "#/definitions/a"}}, "resources": {}}"##,
    );
    assert!(
        cycle.contains("the definition “a” refers back to itself (a → b → a): break the cycle"),
        "{cycle}"
    );
}

/// What the round trip keeps so far: every resource's name and the properties ARM states
/// (metadata.vnetLab is not read back yet, so hosts' ports, on-premises servers and the clock
/// are left out of the comparison).
fn shape(lab: &Subscription) -> Vec<String> {
    let name_of_vnet = |id| {
        lab.virtual_networks
            .get(&id)
            .map_or(String::new(), |v| v.name.clone())
    };
    let mut lines = Vec::new();
    for plan in lab.plans.values() {
        lines.push(format!(
            "plan {} {:?} {:?} x{}",
            plan.name, plan.tier, plan.region, plan.instances
        ));
    }
    for app in lab.web_apps.values() {
        let plan = &lab.plans[&app.plan].name;
        let integration = match (&app.connection, &app.regional) {
            (Some(c), _) => format!("gateway-required {}", name_of_vnet(c.vnet)),
            (None, Some(r)) => format!(
                "regional {}/{} route all {}",
                name_of_vnet(r.vnet),
                r.subnet,
                r.route_all
            ),
            (None, None) => "none".into(),
        };
        lines.push(format!(
            "app {} on {plan}: {integration}, dns {:?}",
            app.name, app.dns_server
        ));
    }
    for vnet in lab.virtual_networks.values() {
        let peers: Vec<String> = vnet.peerings.iter().map(|p| name_of_vnet(*p)).collect();
        lines.push(format!(
            "vnet {} {:?} {:?} dns {:?} peers {peers:?} gateway {:?} p2s {:?}",
            vnet.name,
            vnet.region,
            vnet.address_space,
            vnet.dns_servers,
            vnet.gateway.as_ref().map(|g| g.routing),
            vnet.point_to_site.as_ref().map(|p| p.pool)
        ));
        for subnet in vnet.subnets.iter().filter(|s| !s.is_gateway_subnet()) {
            let nsg = subnet
                .network_security_group
                .map(|id| lab.network_security_groups[&id].name.clone());
            let table = subnet
                .route_table
                .map(|id| lab.route_tables[&id].name.clone());
            let nat = subnet
                .nat_gateway
                .map(|id| lab.nat_gateways[&id].name.clone());
            lines.push(format!(
                "  subnet {} {} {:?} {nsg:?} {table:?} {nat:?}",
                subnet.name, subnet.prefix, subnet.delegation
            ));
        }
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
        let links: Vec<String> = zone.links.iter().map(|l| name_of_vnet(*l)).collect();
        lines.push(format!("zone {} {:?} {links:?}", zone.name, zone.records));
    }
    for local in lab.local_networks.values() {
        lines.push(format!(
            "local {} {:?} {}",
            local.name, local.address_space, local.vpn_device
        ));
    }
    lines.sort();
    lines
}

#[test]
fn r39_the_labs_own_export_comes_back_with_its_resources_names_and_properties() {
    let sample = Subscription::sample();
    let exported = crate::exchange::arm::template_text(&sample);
    let (_, imported) = import(&exported, &[]);
    assert_eq!(shape(&imported), shape(&sample));
}

#[test]
fn r39_a_refusal_whose_problem_ends_its_sentence_has_one_period() {
    let message = refused(
        r#"{"resources": [{"type": "Microsoft.Network/virtualNetworks", "name": "hub",
        "properties": {"addressSpace": {"addressPrefixes": ["10.1.0.0/16"]},
          "subnets": [{"name": "apps", "properties": {"addressPrefix": "10.2.0.0/24"}}]}}]}"#,
    );
    assert_eq!(
        message,
        "The template cannot be imported: resources[0] (Microsoft.Network/virtualNetworks “hub”) at properties.subnets[0].properties.addressPrefix: The subnet 10.2.0.0/24 is not inside the address space of hub. Pick a prefix inside it, or add to the address space first. Nothing changed."
    );
    // A problem without its own period still gets one.
    assert_eq!(
        refused(r#"{"resources": [{"type": "Microsoft.Web/serverfarms", "name": "[parameters('nope')]"}]}"#),
        "The template cannot be imported: resources[0].name: the parameter “nope” is not declared in the template's \"parameters\": declare it or correct the name. Nothing changed."
    );
}
