//! R39: what the lab cannot model is skipped with the reason, never read as something else:
//! NSG rules, routes and plans it cannot hold, and the report's names for skipped parts.

use serde_json::{json, Value};

use super::*;
use crate::model::entities::clock::Instant;
use crate::model::entities::security::{Access, Destination, PortRange};

fn prepared(template: &Value) -> Result<Prepared, String> {
    prepare(
        &template.to_string(),
        &Subscription::empty(),
        &Options::at(Instant(1_764_806_400)),
    )
}

fn imported(template: &Value) -> (Report, Subscription) {
    let prepared = prepared(template).unwrap_or_else(|e| panic!("{e}"));
    (prepared.report, prepared.subscription.expect("complete"))
}

fn reason_for<'r>(report: &'r Report, name: &str) -> &'r template::Skipped {
    report
        .skipped
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("{name} not skipped: {:?}", report.skipped))
}

fn nsg(rules: Value) -> Value {
    json!({"resources": [{
        "type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2024-05-01",
        "name": "apps-nsg", "location": "westeurope", "properties": {"securityRules": rules}
    }]})
}

fn rule(name: &str, priority: u16, access: &str, fields: Value) -> Value {
    let mut properties = json!({"priority": priority, "direction": "Outbound", "access": access,
        "protocol": "Tcp", "sourceAddressPrefix": "*", "sourcePortRange": "*"});
    for (key, value) in fields.as_object().unwrap() {
        properties[key] = value.clone();
    }
    json!({"name": name, "properties": properties})
}

#[test]
fn r39_a_rule_of_several_destinations_is_skipped_never_widened_to_any() {
    let template = nsg(json!([
        rule(
            "deny-two",
            100,
            "Deny",
            json!({"destinationAddressPrefix": "",
            "destinationAddressPrefixes": ["10.9.0.0/24", "10.8.0.0/24"],
            "destinationPortRange": "", "destinationPortRanges": ["443", "8443"]})
        ),
        rule(
            "allow-ports",
            110,
            "Allow",
            json!({"destinationAddressPrefix": "10.7.0.0/24",
            "destinationPortRanges": [443, 8443]})
        ),
    ]));
    let (report, lab) = imported(&template);
    let group = lab.network_security_groups.values().next().unwrap();
    assert!(group.rules.is_empty(), "{:?}", group.rules);
    let deny = reason_for(&report, "apps-nsg/deny-two");
    assert_eq!(deny.path, "resources[0].properties.securityRules[0]");
    assert_eq!(
        deny.reason,
        "it lists several destinations (10.9.0.0/24, 10.8.0.0/24); the lab's rules hold one: \
         split it into rules of one destination each. The lab notes it on the network security group “apps-nsg”, and the check answers “unknown” \
         for traffic this rule could decide."
    );
    assert_eq!(
        reason_for(&report, "apps-nsg/allow-ports").reason,
        "it lists several port ranges (443, 8443); the lab's rules hold one: split it into rules \
         of one port range each. The lab notes it on the network security group “apps-nsg”, and the check answers “unknown” \
         for traffic this rule could decide."
    );
}

#[test]
fn r39_a_rule_is_read_from_its_plural_of_one_value_or_its_singular() {
    let template = nsg(json!([
        rule(
            "deny-one",
            100,
            "Deny",
            json!({"destinationAddressPrefix": "",
            "destinationAddressPrefixes": ["10.9.0.0/24"], "destinationPortRanges": ["443"]})
        ),
        rule(
            "allow-web",
            110,
            "Allow",
            json!({"destinationAddressPrefix": "10.8.0.4",
            "destinationAddressPrefixes": [], "destinationPortRange": "8443"})
        ),
    ]));
    let (report, lab) = imported(&template);
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let rules = &lab.network_security_groups.values().next().unwrap().rules;
    let read: Vec<(&str, Access, Destination, Option<PortRange>)> = rules
        .iter()
        .map(|r| (r.name.as_str(), r.access, r.destination, r.ports))
        .collect();
    assert_eq!(
        read,
        [
            (
                "deny-one",
                Access::Deny,
                Destination::Prefix("10.9.0.0/24".parse().unwrap()),
                Some(PortRange { from: 443, to: 443 })
            ),
            (
                "allow-web",
                Access::Allow,
                Destination::Prefix("10.8.0.4/32".parse().unwrap()),
                Some(PortRange {
                    from: 8443,
                    to: 8443
                })
            ),
        ]
    );
}

#[test]
fn r39_a_rule_to_an_unmodelled_service_tag_is_skipped_and_the_rest_imports() {
    let template = nsg(json!([
        rule(
            "azure-out",
            100,
            "Allow",
            json!({"destinationAddressPrefix": "AzureCloud",
            "destinationPortRange": "443"})
        ),
        rule(
            "sql-out",
            110,
            "Deny",
            json!({"destinationAddressPrefixes": ["Sql.WestEurope"],
            "destinationPortRange": "1433"})
        ),
        rule(
            "vnet-out",
            120,
            "Allow",
            json!({"destinationAddressPrefix": "VirtualNetwork",
            "destinationPortRange": "22"})
        ),
    ]));
    let (report, lab) = imported(&template);
    let rules = &lab.network_security_groups.values().next().unwrap().rules;
    assert_eq!(
        rules.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
        ["vnet-out"]
    );
    assert_eq!(
        reason_for(&report, "apps-nsg/azure-out").reason,
        "its destination is the service tag “AzureCloud”, which the lab does not model (it models \
         VirtualNetwork and Internet). The lab notes it on the network security group “apps-nsg”, and the check answers “unknown” \
         for traffic this rule could decide."
    );
    assert!(reason_for(&report, "apps-nsg/sql-out")
        .reason
        .starts_with("its destination is the service tag “Sql.WestEurope”"));
}

#[test]
fn r39_a_rule_to_an_application_security_group_is_skipped() {
    let template = nsg(json!([rule(
        "to-asg",
        100,
        "Deny",
        json!({
        "destinationAddressPrefix": "", "destinationAddressPrefixes": [],
        "destinationApplicationSecurityGroups": [{"id": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/applicationSecurityGroups/db"}],
        "destinationPortRange": "1433"})
    )]));
    let (report, lab) = imported(&template);
    assert!(lab
        .network_security_groups
        .values()
        .next()
        .unwrap()
        .rules
        .is_empty());
    assert!(reason_for(&report, "apps-nsg/to-asg").reason.starts_with(
        "its destination is an application security group (properties.destinationApplicationSecurityGroups), \
         which the lab does not model: write the group's addresses as destinationAddressPrefix. \
         The lab notes it"
    ));
}

#[test]
fn r39_a_rule_without_destination_or_port_is_refused_naming_the_property() {
    let template = nsg(json!([rule(
        "bare",
        100,
        "Deny",
        json!({"destinationPortRange": "443"})
    )]));
    assert_eq!(
        prepared(&template).unwrap_err(),
        "The template cannot be imported: resources[0] (Microsoft.Network/networkSecurityGroups \
         “apps-nsg”) at properties.securityRules[0].properties.destinationAddressPrefix: the rule \
         states no destination: write destinationAddressPrefix (* for any). Nothing changed."
    );
    let template = json!({"resources": [
        {"type": "Microsoft.Network/networkSecurityGroups", "name": "apps-nsg", "location": "westeurope"},
        {"type": "Microsoft.Network/networkSecurityGroups/securityRules", "name": "apps-nsg/bare",
         "dependsOn": ["apps-nsg"], "properties": {"priority": 100, "direction": "Outbound",
         "access": "Deny", "protocol": "Tcp", "destinationAddressPrefix": "*"}}
    ]});
    assert_eq!(
        prepared(&template).unwrap_err(),
        "The template cannot be imported: resources[1] (Microsoft.Network/networkSecurityGroups/securityRules \
         “apps-nsg/bare”) at properties.destinationPortRange: the rule states no port range: write \
         destinationPortRange (* for any port). Nothing changed."
    );
}

fn route_table(routes: Value) -> Value {
    json!({"resources": [{
        "type": "Microsoft.Network/routeTables", "apiVersion": "2024-05-01",
        "name": "spoke-rt", "location": "westeurope", "properties": {"routes": routes}
    }]})
}

#[test]
fn r39_a_route_whose_next_hop_is_known_only_at_deployment_is_skipped() {
    let template = route_table(json!([
        {"name": "to-firewall", "properties": {"addressPrefix": "0.0.0.0/0", "nextHopType": "VirtualAppliance",
            "nextHopIpAddress": "[reference(resourceId('hub-rg', 'Microsoft.Network/azureFirewalls', 'hub-fw'), '2023-04-01').ipConfigurations[0].properties.privateIPAddress]"}},
        {"name": "to-onprem", "properties": {"addressPrefix": "192.168.0.0/16", "nextHopType": "VirtualNetworkGateway"}},
        {"name": "to-storage", "properties": {"addressPrefix": "Storage", "nextHopType": "Internet"}},
    ]));
    let (report, lab) = imported(&template);
    let table = lab.route_tables.values().next().unwrap();
    assert_eq!(
        table
            .routes
            .iter()
            .map(|r| r.name.as_str())
            .collect::<Vec<_>>(),
        ["to-onprem"]
    );
    let skipped = reason_for(&report, "spoke-rt/to-firewall");
    assert_eq!(skipped.path, "resources[0].properties.routes[0]");
    assert!(
        skipped.reason.starts_with(
            "its next hop (properties.nextHopIpAddress) is known only at deployment (⟨reference("
        ),
        "{}",
        skipped.reason
    );
    assert!(skipped.reason.ends_with(
        "⟩). The lab notes it on the route table “spoke-rt”, and the check answers “unknown” for \
         traffic this route could carry."
    ));
    assert!(reason_for(&report, "spoke-rt/to-storage").reason.starts_with(
        "its address prefix is the service tag “Storage”, which the lab does not model. Without this route"
    ));
}

fn isolated_plan_with_app(sku: Value) -> Value {
    json!({"resources": [
        {"type": "Microsoft.Web/hostingEnvironments", "name": "ase", "location": "westeurope", "kind": "ASEV2"},
        {"type": "Microsoft.Web/serverfarms", "name": "ase-plan", "location": "westeurope", "sku": sku,
         "properties": {"hostingEnvironmentProfile": {"id": "[resourceId('Microsoft.Web/hostingEnvironments', 'ase')]"}}},
        {"type": "Microsoft.Web/serverfarms", "name": "shared-plan", "location": "westeurope", "sku": {"name": "S1"}},
        {"type": "Microsoft.Web/sites", "name": "ase-app", "location": "westeurope",
         "properties": {"serverFarmId": "[resourceId('Microsoft.Web/serverfarms', 'ase-plan')]"}},
        {"type": "Microsoft.Web/sites/config", "name": "ase-app/web", "properties": {"vnetRouteAllEnabled": true}},
        {"type": "Microsoft.Web/sites", "name": "other-app", "location": "westeurope",
         "properties": {"serverFarmId": "[resourceId('Microsoft.Web/serverfarms', 'shared-plan')]"}}
    ]})
}

#[test]
fn r39_an_isolated_plan_is_skipped_and_its_apps_name_it() {
    for sku in [
        json!({"name": "I1", "tier": "Isolated"}),
        json!({"name": "I1v2"}),
        json!({"name": "i2v2", "tier": "IsolatedV2"}),
    ] {
        let written = sku["name"].as_str().unwrap().to_string();
        let (report, lab) = imported(&isolated_plan_with_app(sku));
        assert_eq!(
            lab.plans
                .values()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>(),
            ["shared-plan"]
        );
        assert_eq!(
            lab.web_apps
                .values()
                .map(|a| a.name.as_str())
                .collect::<Vec<_>>(),
            ["other-app"]
        );
        let plan_reason = format!(
            "its SKU “{written}” (sku.name) is an Isolated plan, which runs in an App Service \
             Environment: App Service Environments are not modelled; the lab models F1, D1, \
             B1–B3, S1–S3, P1v2–P3v2, P0v3–P3v3, P1mv3–P5mv3, P0v4–P3v4, P1mv4–P5mv4, EP1–EP3"
        );
        assert_eq!(reason_for(&report, "ase-plan").reason, plan_reason);
        let app_reason =
            format!("its plan “ase-plan” (properties.serverFarmId) is skipped ({plan_reason})");
        assert_eq!(reason_for(&report, "ase-app").reason, app_reason);
        assert_eq!(
            reason_for(&report, "ase-app/web").reason,
            format!("its web app ase-app is skipped ({app_reason})")
        );
        assert_eq!(
            report
                .unsupported_types
                .get("Microsoft.Web/hostingEnvironments"),
            Some(&1)
        );
    }
}

#[test]
fn r39_a_file_of_unmodelled_types_is_refused_listing_them_with_counts() {
    let template = json!({"resources": [
        {"type": "Microsoft.Storage/storageAccounts", "name": "one", "location": "westeurope"},
        {"type": "Microsoft.Storage/storageAccounts", "name": "two", "location": "westeurope"},
        {"type": "Microsoft.Insights/components", "name": "ai", "location": "westeurope"},
        {"condition": false, "type": "Microsoft.Web/serverfarms", "name": "plan"}
    ]});
    assert_eq!(
        prepared(&template).unwrap_err(),
        "The file declares nothing the lab can import: it declares only \
         Microsoft.Insights/components (1), Microsoft.Storage/storageAccounts (2), which the lab \
         does not model, and skips Microsoft.Web/serverfarms “plan” (its condition is false). \
         Nothing changed."
    );
    assert_eq!(
        prepared(&json!({"resources": []})).unwrap_err(),
        "The file declares nothing the lab can import: it declares no resources. Nothing changed."
    );
}

#[test]
fn r39_nothing_importable_remaining_names_the_skips_and_the_unmodelled_types() {
    let template = json!({"resources": [
        {"type": "Microsoft.Web/hostingEnvironments", "name": "ase", "location": "westeurope"},
        {"type": "Microsoft.Web/serverfarms", "name": "plan", "sku": {"name": "I1v2"}}
    ]});
    assert_eq!(
        prepared(&template).unwrap_err(),
        "Nothing importable remains: Microsoft.Web/serverfarms “plan”: its SKU “I1v2” (sku.name) \
         is an Isolated plan, which runs in an App Service Environment: App Service Environments \
         are not modelled; the lab models F1, D1, B1–B3, S1–S3, P1v2–P3v2, P0v3–P3v3, \
         P1mv3–P5mv3, P0v4–P3v4, P1mv4–P5mv4, EP1–EP3; the lab does not model \
         Microsoft.Web/hostingEnvironments (1). Nothing changed."
    );
}

#[test]
fn r39_a_skipped_part_is_named_as_that_part_not_as_its_vnet_or_site() {
    let template = json!({"resources": [
        {"type": "Microsoft.Network/virtualNetworks", "name": "vnet", "location": "westeurope",
         "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
            "subnets": [{"name": "apps", "properties": {"addressPrefix": "10.0.1.0/24",
                "networkSecurityGroup": {"properties": {"securityRules": []}},
                "routeTable": {"id": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/routeTables/gone"}}}],
            "virtualNetworkPeerings": [{"name": "to-hub", "properties": {"remoteVirtualNetwork":
                {"id": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub"}}}]}},
        {"type": "Microsoft.Web/serverfarms", "name": "plan", "location": "westeurope", "sku": {"name": "S1"}},
        {"type": "Microsoft.Web/sites", "name": "app", "location": "westeurope",
         "properties": {"serverFarmId": "[resourceId('Microsoft.Web/serverfarms', 'plan')]",
            "virtualNetworkSubnetId": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/elsewhere/subnets/apps"}}
    ]});
    let (report, lab) = imported(&template);
    assert!(lab.vnet_named("vnet").is_some() && lab.web_app_named("app").is_some());
    let named: Vec<(&str, &str)> = report
        .skipped
        .iter()
        .map(|s| (s.name.as_str(), s.path.as_str()))
        .collect();
    assert_eq!(
        named,
        [
            (
                "vnet/apps (its inline NSG)",
                "resources[0].properties.subnets[0].properties.networkSecurityGroup"
            ),
            (
                "vnet/apps (its route table)",
                "resources[0].properties.subnets[0].properties.routeTable.id"
            ),
            (
                "vnet (its peering with hub)",
                "resources[0].properties.virtualNetworkPeerings[0]"
            ),
            (
                "app (its VNet integration)",
                "resources[2].properties.virtualNetworkSubnetId"
            ),
        ]
    );
    assert_eq!(
        reason_for(&report, "vnet/apps (its route table)").reason,
        "the subnet apps names the route table gone, which is neither in the template nor in the \
         lab, so the lab associates none"
    );
    assert_eq!(
        reason_for(&report, "app (its VNet integration)").reason,
        "the integration at properties.virtualNetworkSubnetId names a virtual network neither in \
         the template nor in the lab"
    );
}

#[test]
fn r39_an_outbound_rule_whose_source_is_not_all_of_its_subnets_is_skipped() {
    let sourced = |name: &str, priority: u16, source: Value| {
        let mut fields =
            json!({"destinationAddressPrefix": "10.9.0.0/24", "destinationPortRange": "443"});
        for (key, value) in source.as_object().unwrap() {
            fields[key] = value.clone();
        }
        rule(name, priority, "Deny", fields)
    };
    let mut inbound = sourced(
        "lb-in",
        100,
        json!({"sourceAddressPrefix": "AzureLoadBalancer"}),
    );
    inbound["properties"]["direction"] = json!("Inbound");
    let mut template = nsg(json!([
        sourced(
            "from-other",
            100,
            json!({"sourceAddressPrefix": "10.5.0.0/24"})
        ),
        sourced(
            "from-vnet-space",
            110,
            json!({"sourceAddressPrefix": "",
            "sourceAddressPrefixes": ["10.0.0.0/16"]})
        ),
        sourced(
            "from-vnet",
            120,
            json!({"sourceAddressPrefix": "VirtualNetwork"})
        ),
        sourced("from-port", 130, json!({"sourcePortRange": "1024-65535"})),
        inbound,
    ]));
    template["resources"].as_array_mut().unwrap().push(json!({
        "type": "Microsoft.Network/virtualNetworks", "name": "vnet", "location": "westeurope",
        "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
            "subnets": [{"name": "apps", "properties": {"addressPrefix": "10.0.1.0/24",
                "networkSecurityGroup": {"id": "[resourceId('Microsoft.Network/networkSecurityGroups', 'apps-nsg')]"}}}]}
    }));
    let (report, lab) = imported(&template);
    let rules = &lab.network_security_groups.values().next().unwrap().rules;
    assert_eq!(
        rules.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
        ["from-vnet-space", "from-vnet", "lb-in"]
    );
    assert_eq!(
        reason_for(&report, "apps-nsg/from-other").reason,
        "its source (10.5.0.0/24) does not hold every address of the subnets “apps-nsg” guards \
         (10.0.1.0/24): Azure applies the rule only to traffic from its source, and the lab's \
         rules apply to all traffic leaving the subnet. The lab notes it on the network security group “apps-nsg”, and the check answers “unknown” \
         for traffic this rule could decide."
    );
    assert!(reason_for(&report, "apps-nsg/from-port")
        .reason
        .starts_with(
        "its source port range is 1024-65535: Azure applies it only to traffic from those ports, \
         and the lab's rules have no source ports (write * for any). The lab notes it"
    ));
    let alone = nsg(json!([sourced(
        "from-other",
        100,
        json!({"sourceAddressPrefix": "10.5.0.0/24"})
    )]));
    let (report, _) = imported(&alone);
    assert!(reason_for(&report, "apps-nsg/from-other").reason.starts_with(
        "its source (10.5.0.0/24) is not any address, and “apps-nsg” guards no subnet of the template:"
    ));
}

#[test]
fn r39_a_local_network_gateway_whose_device_address_is_known_only_at_deployment_is_skipped() {
    let template = json!({"resources": [
        {"type": "Microsoft.Network/virtualNetworks", "name": "spoke", "location": "eastus",
         "properties": {"addressSpace": {"addressPrefixes": ["10.1.0.0/16"]},
                        "subnets": [{"name": "apps", "properties": {"addressPrefix": "10.1.1.0/24"}}]}},
        {"type": "Microsoft.Network/localNetworkGateways", "name": "site-lgw", "location": "eastus",
         "properties": {
            "gatewayIpAddress": "[reference(resourceId('Microsoft.Network/vpnGateways', 'hub-vpn')).ipConfigurations[0].publicIpAddress]",
            "localNetworkAddressSpace": {"addressPrefixes": ["192.168.0.0/16"]}}}
    ]});
    let (report, lab) = imported(&template);
    assert!(lab.local_networks.is_empty());
    assert!(lab.vnet_named("spoke").is_some(), "the rest is imported");
    assert_eq!(
        reason_for(&report, "site-lgw").reason,
        "its VPN device's address or address space is known only at deployment: give the local \
         network gateway its gatewayIpAddress and localNetworkAddressSpace"
    );
}
