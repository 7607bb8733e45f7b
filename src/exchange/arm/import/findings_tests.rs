//! R40: each finding on a template that has it, and not on one that does not.

use serde_json::{json, Value};

use super::report::Finding;
use super::tests::{PEERING, QUICKSTART};
use super::*;

const NOW: Instant = Instant(1_764_806_400);

fn sample(file: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../shared/arm-samples/{file}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

const SUBNET_ID: &str = "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'hub', 'apps')]";

/// A plan, a VNet with a delegated /24 and an app integrated with Route All the 2024-11-01 way:
/// nothing to find.
fn clean() -> Value {
    json!({
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        "resources": [
            {"type": "Microsoft.Web/serverfarms", "apiVersion": "2024-11-01", "name": "plan", "location": "westeurope", "sku": {"name": "S1"}},
            {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "hub", "location": "westeurope",
             "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
               "subnets": [{"name": "apps", "properties": {"addressPrefix": "10.0.1.0/24",
                 "delegations": [{"name": "d", "properties": {"serviceName": "Microsoft.Web/serverFarms"}}]}}]}},
            {"type": "Microsoft.Web/sites", "apiVersion": "2024-11-01", "name": "contoso", "location": "westeurope",
             "properties": {"serverFarmId": "[resourceId('Microsoft.Web/serverfarms', 'plan')]",
               "virtualNetworkSubnetId": SUBNET_ID, "outboundVnetRouting": {"applicationTraffic": true}}}
        ]
    })
}

fn findings_of(template: &Value) -> Vec<Finding> {
    let prepared = prepare(
        &template.to_string(),
        &Subscription::empty(),
        &Options::at(NOW),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    prepared.report.findings
}

fn edit(template: &mut Value, index: usize, path: &str, value: Value) {
    let mut target = &mut template["resources"][index];
    let keys: Vec<&str> = path.split('.').collect();
    for key in &keys[..keys.len() - 1] {
        target = match key.parse::<usize>() {
            Ok(i) => &mut target[i],
            Err(_) => &mut target[*key],
        };
    }
    target[keys[keys.len() - 1]] = value;
}

fn site_mut(template: &mut Value) -> &mut Value {
    &mut template["resources"][2]["properties"]
}

fn about<'f>(findings: &'f [Finding], text: &str) -> Option<&'f Finding> {
    findings.iter().find(|f| f.azure.contains(text))
}

#[test]
fn r40_a_clean_template_has_no_findings() {
    assert_eq!(findings_of(&clean()), []);
    let peering: Value = serde_json::from_str(&sample(PEERING)).unwrap();
    assert_eq!(findings_of(&peering), []);
}

#[test]
fn r40_vnet_route_all_enabled_before_2022_03_01_does_not_exist() {
    let quickstart: Value = serde_json::from_str(&sample(QUICKSTART)).unwrap();
    let findings = findings_of(&quickstart);
    let finding = about(
        &findings,
        "does not exist on Microsoft.Web/sites at apiVersion 2021-01-01",
    )
    .expect("the quickstart's finding");
    assert_eq!(finding.path, "properties.vnetRouteAllEnabled");
    assert!(finding
        .resource
        .contains("resources[2] (Microsoft.Web/sites"));
    assert!(finding
        .fix
        .contains("outboundVnetRouting.applicationTraffic"));
    let mut template = clean();
    site_mut(&mut template)["vnetRouteAllEnabled"] = json!(true);
    let findings = findings_of(&template);
    let finding = about(&findings, "outboundVnetRouting replaced").expect("the flag at 2024-11-01");
    assert_eq!(finding.path, "properties.vnetRouteAllEnabled");
}

#[test]
fn r40_is_swift_connection_is_refused_by_azure() {
    let mut template = clean();
    template["resources"].as_array_mut().unwrap().push(json!({
        "type": "Microsoft.Web/sites/virtualNetworkConnections", "name": "contoso/swift",
        "properties": {"vnetResourceId": SUBNET_ID, "isSwift": true}
    }));
    let findings = findings_of(&template);
    let finding = about(&findings, "use networkConfig").expect("isSwift");
    assert_eq!(finding.path, "properties.isSwift");
    assert!(
        about(&findings, "states the integration differently").is_none(),
        "both say hub/apps"
    );
}

#[test]
fn r40_two_places_stating_the_integration_differently() {
    let mut template = clean();
    edit(
        &mut template,
        1,
        "properties.subnets",
        json!([
            {"name": "apps", "properties": {"addressPrefix": "10.0.1.0/24", "delegations": [{"name": "d", "properties": {"serviceName": "Microsoft.Web/serverFarms"}}]}},
            {"name": "other", "properties": {"addressPrefix": "10.0.2.0/24", "delegations": [{"name": "d", "properties": {"serviceName": "Microsoft.Web/serverFarms"}}]}}
        ]),
    );
    template["resources"].as_array_mut().unwrap().push(json!({
        "type": "Microsoft.Web/sites/networkConfig", "name": "contoso/virtualNetwork",
        "properties": {"subnetResourceId": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'hub', 'other')]"}
    }));
    let findings = findings_of(&template);
    let finding = about(&findings, "states the integration differently").expect("two places");
    assert_eq!(finding.path, "properties.subnetResourceId");
}

#[test]
fn r40_integration_subnet_too_small_or_undelegated() {
    let mut template = clean();
    edit(
        &mut template,
        1,
        "properties.subnets",
        json!([{"name": "apps", "properties": {"addressPrefix": "10.0.1.0/29"}}]),
    );
    let findings = findings_of(&template);
    let small = about(&findings, "is a /29").expect("too small");
    assert_eq!(small.path, "properties.subnets[0].properties.addressPrefix");
    let undelegated = about(&findings, "not delegated").expect("undelegated");
    assert_eq!(
        undelegated.path,
        "properties.subnets[0].properties.delegations"
    );
}

#[test]
fn r40_subnet_written_inline_and_as_a_resource() {
    let mut template = clean();
    template["resources"].as_array_mut().unwrap().push(json!({
        "type": "Microsoft.Network/virtualNetworks/subnets", "name": "hub/apps",
        "properties": {"addressPrefix": "10.0.1.0/24", "delegations": [{"name": "d", "properties": {"serviceName": "Microsoft.Web/serverFarms"}}]}
    }));
    let findings = findings_of(&template);
    assert!(about(&findings, "InUseSubnetCannotBeDeleted").is_some());
}

#[test]
fn r40_route_table_on_an_integration_subnet_with_route_all_off() {
    let mut template = clean();
    template["resources"].as_array_mut().unwrap().insert(0, json!({
        "type": "Microsoft.Network/routeTables", "name": "egress", "location": "westeurope",
        "properties": {"routes": [{"name": "all", "properties": {"addressPrefix": "0.0.0.0/0", "nextHopType": "Internet"}}]}
    }));
    edit(
        &mut template,
        2,
        "properties.subnets.0.properties.routeTable",
        json!({"id": "[resourceId('Microsoft.Network/routeTables', 'egress')]"}),
    );
    assert!(
        about(&findings_of(&template), "never sees it").is_none(),
        "Route All is on"
    );
    template["resources"][3]["properties"]["outboundVnetRouting"]["applicationTraffic"] =
        json!(false);
    let findings = findings_of(&template);
    let finding = about(&findings, "has a route table, but Route All is off").expect("R29");
    assert_eq!(
        finding.path,
        "properties.outboundVnetRouting.applicationTraffic"
    );
}

#[test]
fn r40_inbound_rules_on_an_integration_subnet() {
    let mut template = clean();
    template["resources"].as_array_mut().unwrap().insert(0, json!({
        "type": "Microsoft.Network/networkSecurityGroups", "name": "apps-nsg", "location": "westeurope",
        "properties": {"securityRules": [{"name": "web", "properties": {"priority": 100, "direction": "Outbound", "access": "Allow",
            "protocol": "Tcp", "destinationAddressPrefix": "*", "destinationPortRange": "443"}}]}
    }));
    edit(
        &mut template,
        2,
        "properties.subnets.0.properties.networkSecurityGroup",
        json!({"id": "[resourceId('Microsoft.Network/networkSecurityGroups', 'apps-nsg')]"}),
    );
    assert!(
        about(&findings_of(&template), "have no effect on the app").is_none(),
        "outbound only"
    );
    template["resources"][0]["properties"]["securityRules"][0]["properties"]["direction"] =
        json!("Inbound");
    assert!(about(&findings_of(&template), "have no effect on the app").is_some());
}

#[test]
fn r40_private_endpoint_zone_not_linked_to_the_apps_vnet() {
    let mut template = clean();
    let more = [
        json!({"type": "Microsoft.Network/virtualNetworks", "name": "data", "location": "westeurope",
               "properties": {"addressSpace": {"addressPrefixes": ["10.1.0.0/16"]}, "subnets": [{"name": "endpoints", "properties": {"addressPrefix": "10.1.0.0/24"}}]}}),
        json!({"type": "Microsoft.Network/privateDnsZones", "name": "privatelink.database.windows.net", "location": "global"}),
        json!({"type": "Microsoft.Network/privateEndpoints", "name": "sql-pe", "location": "westeurope",
               "properties": {"subnet": {"id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'data', 'endpoints')]"},
                 "privateLinkServiceConnections": [{"name": "c", "properties": {"privateLinkServiceId": "[resourceId('Microsoft.Sql/servers', 'contoso-sql')]", "groupIds": ["sqlServer"]}}]}}),
        json!({"type": "Microsoft.Network/privateEndpoints/privateDnsZoneGroups", "name": "sql-pe/default",
               "properties": {"privateDnsZoneConfigs": [{"name": "z", "properties": {"privateDnsZoneId": "[resourceId('Microsoft.Network/privateDnsZones', 'privatelink.database.windows.net')]"}}]}}),
    ];
    template["resources"].as_array_mut().unwrap().extend(more);
    let findings = findings_of(&template);
    let finding = about(&findings, "misses the private endpoint").expect("R32");
    assert!(finding
        .fix
        .contains("linking privatelink.database.windows.net to hub"));
    template["resources"].as_array_mut().unwrap().push(json!({
        "type": "Microsoft.Network/privateDnsZones/virtualNetworkLinks", "name": "privatelink.database.windows.net/hub",
        "properties": {"virtualNetwork": {"id": "[resourceId('Microsoft.Network/virtualNetworks', 'hub')]"}}
    }));
    assert!(about(&findings_of(&template), "misses the private endpoint").is_none());
}

#[test]
fn r40_any_gateway_required_integration_retires() {
    let mut template = clean();
    template["resources"][2]["properties"]
        .as_object_mut()
        .unwrap()
        .remove("virtualNetworkSubnetId");
    template["resources"].as_array_mut().unwrap().push(json!({
        "type": "Microsoft.Web/sites/virtualNetworkConnections", "name": "contoso/hub",
        "properties": {"vnetResourceId": "[resourceId('Microsoft.Network/virtualNetworks', 'hub')]"}
    }));
    let prepared = prepare(
        &template.to_string(),
        &Subscription::empty(),
        &Options::at(NOW),
    )
    .unwrap();
    let finding = about(&prepared.report.findings, "retires on 31 March 2027").expect("R41");
    assert_eq!(finding.path, "properties.vnetResourceId");
    // The VNet has no gateway, so the lab imports the app without the connection, and says why.
    assert!(prepared
        .report
        .skipped
        .iter()
        .any(|s| s.reason.contains("is not made")));
    assert!(about(&findings_of(&clean()), "retires").is_none());
}
