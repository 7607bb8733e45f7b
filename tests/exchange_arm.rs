//! R38: the ARM template of the sample subscription and of a generated one.

use std::collections::BTreeSet;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use serde_json::Value;
use sha1::{Digest, Sha1};
use vnet_lab::exchange::arm::lab_metadata::{VnetLab, FORMAT};
use vnet_lab::exchange::arm::{template, template_text};
use vnet_lab::model::Subscription;

fn resources(template: &Value) -> &Vec<Value> {
    template["resources"]
        .as_array()
        .expect("resources is an array")
}

fn find<'a>(template: &'a Value, resource_type: &str, name: &str) -> &'a Value {
    resources(template)
        .iter()
        .find(|r| r["type"] == resource_type && r["name"] == name)
        .unwrap_or_else(|| panic!("the template has no {resource_type} named {name}"))
}

fn thumbprint(der: &[u8]) -> String {
    Sha1::digest(der)
        .iter()
        .map(|byte| format!("{byte:02X}"))
        .collect()
}

#[test]
fn r38_template_has_the_schema_content_version_and_the_table_api_versions() {
    let t = template(&Subscription::sample());
    assert_eq!(
        t["$schema"],
        "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
    );
    assert_eq!(t["contentVersion"], "1.0.0.0");
    let expected = [
        ("Microsoft.Web/serverfarms", "2024-11-01"),
        ("Microsoft.Web/sites", "2024-11-01"),
        (
            "Microsoft.Web/sites/virtualNetworkConnections",
            "2024-11-01",
        ),
        (
            "Microsoft.Web/sites/hybridConnectionNamespaces/relays",
            "2024-11-01",
        ),
        ("Microsoft.Relay/namespaces", "2024-01-01"),
        ("Microsoft.Relay/namespaces/hybridConnections", "2024-01-01"),
        ("Microsoft.Network/virtualNetworks", "2024-05-01"),
        (
            "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
            "2024-05-01",
        ),
        ("Microsoft.Network/networkSecurityGroups", "2024-05-01"),
        ("Microsoft.Network/publicIPAddresses", "2024-05-01"),
        ("Microsoft.Network/virtualNetworkGateways", "2024-05-01"),
        ("Microsoft.Network/localNetworkGateways", "2024-05-01"),
        ("Microsoft.Network/connections", "2024-05-01"),
        ("Microsoft.Network/privateDnsZones", "2024-06-01"),
        (
            "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
            "2024-06-01",
        ),
        ("Microsoft.Network/privateDnsZones/A", "2024-06-01"),
        ("Microsoft.Network/privateEndpoints", "2024-05-01"),
        ("Microsoft.Network/networkInterfaces", "2024-05-01"),
    ];
    for (resource_type, api) in expected {
        let of_type: Vec<_> = resources(&t)
            .iter()
            .filter(|r| r["type"] == resource_type)
            .collect();
        assert!(
            !of_type.is_empty(),
            "the sample's template has a {resource_type}"
        );
        for r in of_type {
            assert_eq!(r["apiVersion"], api, "{resource_type} {}", r["name"]);
        }
    }
    for r in resources(&t) {
        if let Some(location) = r["location"].as_str() {
            assert!(
                location == "global"
                    || location
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()),
                "a short region name, not {location}"
            );
        }
    }
}

#[test]
fn r38_plans_sites_and_regional_integration_carry_their_values() {
    let t = template(&Subscription::sample());
    let standard = find(&t, "Microsoft.Web/serverfarms", "contoso-standard");
    assert_eq!(standard["sku"]["name"], "S1");
    assert_eq!(standard["sku"]["tier"], "Standard");
    assert_eq!(standard["sku"]["capacity"], 1);
    assert_eq!(standard["location"], "westeurope");
    let premium = find(&t, "Microsoft.Web/serverfarms", "contoso-premium");
    assert_eq!(premium["sku"]["name"], "P1v2");
    assert_eq!(premium["sku"]["capacity"], 3);

    let orders = find(&t, "Microsoft.Web/sites", "contoso-orders");
    assert_eq!(
        orders["properties"]["serverFarmId"],
        "[resourceId('Microsoft.Web/serverfarms', 'contoso-premium')]"
    );
    assert_eq!(
        orders["properties"]["virtualNetworkSubnetId"],
        "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'appVnet', 'apps')]"
    );
    // Route All: sites 2024-11-01 has outboundVnetRouting, not vnetRouteAllEnabled.
    assert_eq!(
        orders["properties"]["outboundVnetRouting"]["applicationTraffic"],
        true
    );
    assert!(orders["properties"].get("vnetRouteAllEnabled").is_none());
    assert_eq!(
        orders["dependsOn"],
        serde_json::json!([
            "[resourceId('Microsoft.Network/virtualNetworks', 'appVnet')]",
            "[resourceId('Microsoft.Web/serverfarms', 'contoso-premium')]"
        ])
    );
}

#[test]
fn r38_gateway_required_connection_and_gateway_carry_the_certificate_der() {
    let sample = Subscription::sample();
    let t = template(&sample);
    let app = sample.web_app_named("contoso-web").expect("sample app");
    let expected = &app
        .connection
        .as_ref()
        .expect("gateway-required")
        .thumbprint;

    let connection = find(
        &t,
        "Microsoft.Web/sites/virtualNetworkConnections",
        "contoso-web/corpVnet",
    );
    assert_eq!(
        connection["properties"]["vnetResourceId"],
        "[resourceId('Microsoft.Network/virtualNetworks', 'corpVnet')]"
    );
    let blob = BASE64
        .decode(
            connection["properties"]["certBlob"]
                .as_str()
                .expect("certBlob"),
        )
        .expect("base64");
    assert_eq!(&thumbprint(&blob), expected);

    let gateway = find(
        &t,
        "Microsoft.Network/virtualNetworkGateways",
        "corpVnet-gateway",
    );
    let p = &gateway["properties"];
    assert_eq!(p["gatewayType"], "Vpn");
    assert_eq!(p["vpnType"], "RouteBased");
    let vpn = &p["vpnClientConfiguration"];
    assert_eq!(vpn["vpnClientProtocols"], serde_json::json!(["SSTP"]));
    assert_eq!(
        vpn["vpnClientAddressPool"]["addressPrefixes"],
        serde_json::json!(["172.16.0.0/24"])
    );
    let root = &vpn["vpnClientRootCertificates"][0];
    assert_eq!(&root["name"], expected.as_str());
    let der = BASE64
        .decode(
            root["properties"]["publicCertData"]
                .as_str()
                .expect("publicCertData"),
        )
        .expect("base64");
    assert_eq!(
        der, blob,
        "the gateway holds the certificate the app presents"
    );
    assert_eq!(
        p["ipConfigurations"][0]["properties"]["subnet"]["id"],
        "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'corpVnet', 'GatewaySubnet')]"
    );
    let policy = find(
        &t,
        "Microsoft.Network/virtualNetworkGateways",
        "cantConnectVnet-gateway",
    );
    assert_eq!(policy["properties"]["vpnType"], "PolicyBased");
}

#[test]
fn r38_revoked_certificates_are_written_by_thumbprint() {
    let mut s = Subscription::sample();
    let app = s.web_app_named("contoso-web").expect("sample app");
    let thumbprint = app
        .connection
        .as_ref()
        .expect("connected")
        .thumbprint
        .clone();
    let vnet = s.vnet_named("corpVnet").expect("sample vnet").id;
    s.apply(vnet_lab::model::Command::RevokeCertificate {
        vnet,
        thumbprint: thumbprint.clone(),
    })
    .expect("revoked");
    let t = template(&s);
    let gateway = find(
        &t,
        "Microsoft.Network/virtualNetworkGateways",
        "corpVnet-gateway",
    );
    let revoked = &gateway["properties"]["vpnClientConfiguration"]["vpnClientRevokedCertificates"];
    assert_eq!(revoked[0]["properties"]["thumbprint"], thumbprint.as_str());
}

#[test]
fn r38_networks_controls_dns_and_hybrid_connections_carry_their_values() {
    let t = template(&Subscription::sample());
    let app_vnet = find(&t, "Microsoft.Network/virtualNetworks", "appVnet");
    assert_eq!(
        app_vnet["properties"]["addressSpace"]["addressPrefixes"],
        serde_json::json!(["10.3.0.0/16"])
    );
    let apps = &app_vnet["properties"]["subnets"][0];
    assert_eq!(apps["name"], "apps");
    assert_eq!(apps["properties"]["addressPrefix"], "10.3.1.0/26");
    assert_eq!(
        apps["properties"]["delegations"][0]["properties"]["serviceName"],
        "Microsoft.Web/serverFarms"
    );
    assert_eq!(
        apps["properties"]["networkSecurityGroup"]["id"],
        "[resourceId('Microsoft.Network/networkSecurityGroups', 'apps-nsg')]"
    );

    let nsg = find(&t, "Microsoft.Network/networkSecurityGroups", "apps-nsg");
    let rule = &nsg["properties"]["securityRules"][0];
    assert_eq!(rule["name"], "DenySqlToData");
    assert_eq!(rule["properties"]["priority"], 200);
    assert_eq!(rule["properties"]["direction"], "Outbound");
    assert_eq!(rule["properties"]["access"], "Deny");
    assert_eq!(rule["properties"]["protocol"], "Tcp");
    assert_eq!(
        rule["properties"]["destinationAddressPrefix"],
        "10.3.2.0/24"
    );
    assert_eq!(rule["properties"]["destinationPortRange"], "1433");

    let peering = find(
        &t,
        "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
        "appVnet/appVnet-to-northVnet",
    );
    assert_eq!(
        peering["properties"]["remoteVirtualNetwork"]["id"],
        "[resourceId('Microsoft.Network/virtualNetworks', 'northVnet')]"
    );
    assert_eq!(peering["properties"]["allowVirtualNetworkAccess"], true);
    find(
        &t,
        "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
        "northVnet/northVnet-to-appVnet",
    );

    let local = find(&t, "Microsoft.Network/localNetworkGateways", "onPremHQ");
    assert_eq!(local["properties"]["gatewayIpAddress"], "131.107.10.1");
    assert_eq!(
        local["properties"]["localNetworkAddressSpace"]["addressPrefixes"],
        serde_json::json!(["192.168.0.0/16"])
    );
    let link = find(&t, "Microsoft.Network/connections", "corpVnet-to-onPremHQ");
    assert_eq!(link["properties"]["connectionType"], "IPsec");
    assert_eq!(
        link["properties"]["sharedKey"], "[parameters('vpnSharedKey')]",
        "an IPsec connection deploys only with its pre-shared key, a secret the template asks for"
    );
    assert_eq!(t["parameters"]["vpnSharedKey"]["type"], "securestring");
    assert_eq!(
        link["properties"]["localNetworkGateway2"]["id"],
        "[resourceId('Microsoft.Network/localNetworkGateways', 'onPremHQ')]"
    );

    let zone = find(
        &t,
        "Microsoft.Network/privateDnsZones",
        "privatelink.database.windows.net",
    );
    assert_eq!(zone["location"], "global");
    let record = find(
        &t,
        "Microsoft.Network/privateDnsZones/A",
        "privatelink.database.windows.net/contoso-sql",
    );
    assert_eq!(
        record["properties"]["aRecords"][0]["ipv4Address"],
        "10.3.3.4"
    );
    let zone_link = find(
        &t,
        "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
        "privatelink.database.windows.net/appVnet-link",
    );
    assert_eq!(zone_link["properties"]["registrationEnabled"], false);

    let endpoint = find(
        &t,
        "Microsoft.Network/privateEndpoints",
        "contoso-sql-database-windows-net-pe",
    );
    assert_eq!(
        endpoint["properties"]["subnet"]["id"],
        "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'appVnet', 'endpoints')]"
    );
    assert_eq!(
        endpoint["properties"]["privateLinkServiceConnections"][0]["properties"]["groupIds"],
        serde_json::json!(["sqlServer"])
    );
    assert_eq!(
        endpoint["properties"]["ipConfigurations"][0]["properties"]["privateIPAddress"],
        "10.3.3.4"
    );

    let nic = find(&t, "Microsoft.Network/networkInterfaces", "sql01-nic");
    let config = &nic["properties"]["ipConfigurations"][0]["properties"];
    assert_eq!(config["privateIPAddress"], "10.1.1.5");
    assert_eq!(config["privateIPAllocationMethod"], "Static");

    let hyco = find(
        &t,
        "Microsoft.Relay/namespaces/hybridConnections",
        "contoso-blog-relay/hq-app",
    );
    let metadata: Value = serde_json::from_str(
        hyco["properties"]["userMetadata"]
            .as_str()
            .and_then(|text| text.strip_prefix('['))
            .expect("a JSON string, its `[` escaped as `[[`"),
    )
    .expect("userMetadata is JSON");
    assert_eq!(
        metadata,
        serde_json::json!([{ "key": "endpoint", "value": "app.contoso.local:8080" }])
    );
    let relay = find(
        &t,
        "Microsoft.Web/sites/hybridConnectionNamespaces/relays",
        "contoso-blog/contoso-blog-relay/hq-app",
    );
    assert_eq!(relay["properties"]["hostname"], "app.contoso.local");
    assert_eq!(relay["properties"]["port"], 8080);
    assert_eq!(
        relay["properties"]["sendKeyName"],
        "RootManageSharedAccessKey"
    );
    assert_eq!(
        relay["properties"]["sendKeyValue"],
        "[listKeys(format('{0}/authorizationRules/RootManageSharedAccessKey', resourceId('Microsoft.Relay/namespaces', 'contoso-blog-relay')), '2024-01-01').primaryKey]",
        "the app sends through the relay with a key that has Send rights"
    );
}

#[test]
fn r38_a_template_without_site_to_site_asks_for_no_shared_key() {
    let mut lab = Subscription::sample();
    for vnet in lab.virtual_networks.values_mut() {
        vnet.site_to_site.clear();
    }
    assert!(template(&lab).get("parameters").is_none());
}

/// Every `[resourceId('T', 'a', 'b')]` in `value`, as (type, "a/b").
fn resource_ids(value: &Value, found: &mut Vec<(String, String)>) {
    match value {
        Value::String(text) => {
            let mut rest = text.as_str();
            while let Some(start) = rest.find("resourceId(") {
                let after = &rest[start + "resourceId(".len()..];
                let end = after.find(')').expect("a closed call");
                let args: Vec<String> = after[..end]
                    .split(", ")
                    .map(|arg| arg.trim_matches('\'').replace("''", "'"))
                    .collect();
                found.push((args[0].clone(), args[1..].join("/")));
                rest = &after[end..];
            }
        }
        Value::Array(items) => items.iter().for_each(|item| resource_ids(item, found)),
        Value::Object(map) => map.values().for_each(|item| resource_ids(item, found)),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

fn declared(template: &Value) -> BTreeSet<(String, String)> {
    let mut declared = BTreeSet::new();
    for r in resources(template) {
        let resource_type = r["type"].as_str().expect("type").to_string();
        let name = r["name"].as_str().expect("name").to_string();
        if resource_type == "Microsoft.Network/virtualNetworks" {
            for subnet in r["properties"]["subnets"].as_array().expect("subnets") {
                declared.insert((
                    "Microsoft.Network/virtualNetworks/subnets".into(),
                    format!("{name}/{}", subnet["name"].as_str().expect("name")),
                ));
            }
        }
        declared.insert((resource_type, name));
    }
    declared
}

fn assert_references_are_declared(subscription: &Subscription) {
    let t = template(subscription);
    let declared = declared(&t);
    let mut ids = Vec::new();
    resource_ids(&t["resources"], &mut ids);
    assert!(!ids.is_empty());
    for id in &ids {
        assert!(
            declared.contains(id),
            "{id:?} names no resource of the template"
        );
    }
    // Each dependsOn names a resource declared before it: resources are in dependency order.
    let mut seen = BTreeSet::new();
    for r in resources(&t) {
        for depends in r["dependsOn"].as_array().into_iter().flatten() {
            let mut one = Vec::new();
            resource_ids(depends, &mut one);
            assert_eq!(one.len(), 1, "{depends} is one resourceId");
            assert!(
                seen.contains(&one[0]),
                "{} depends on {:?}, declared after it",
                r["name"],
                one[0]
            );
        }
        seen.insert((
            r["type"].as_str().expect("type").to_string(),
            r["name"].as_str().expect("name").to_string(),
        ));
        if r["type"] == "Microsoft.Network/virtualNetworks" {
            seen.extend(
                declared
                    .iter()
                    .filter(|(ty, name)| {
                        ty == "Microsoft.Network/virtualNetworks/subnets"
                            && name.starts_with(&format!("{}/", r["name"].as_str().expect("name")))
                    })
                    .cloned(),
            );
        }
    }
}

#[test]
fn r38_every_resource_id_and_depends_on_names_a_resource_declared_before() {
    assert_references_are_declared(&Subscription::sample());
    assert_references_are_declared(&vnet_lab::model::fixtures::generate::large_subscription());
}

#[test]
fn r38_a_gateway_without_a_gateway_subnet_gets_one_and_the_metadata_says_so() {
    let t = template(&Subscription::sample());
    let north = find(&t, "Microsoft.Network/virtualNetworks", "northVnet");
    let subnets = north["properties"]["subnets"].as_array().expect("subnets");
    let gateway = subnets
        .iter()
        .find(|subnet| subnet["name"] == "GatewaySubnet")
        .expect("added");
    assert_eq!(gateway["properties"]["addressPrefix"], "10.4.0.0/27");
    let lab: VnetLab = serde_json::from_value(t["metadata"]["vnetLab"].clone()).expect("metadata");
    assert!(lab.added_gateway_subnets.contains(&"northVnet".to_string()));
    assert!(!lab.added_gateway_subnets.contains(&"corpVnet".to_string()));
}

#[test]
fn r38_metadata_keeps_what_arm_cannot_say() {
    let sample = Subscription::sample();
    let t = template(&sample);
    let lab: VnetLab = serde_json::from_value(t["metadata"]["vnetLab"].clone()).expect("metadata");
    assert_eq!(lab.format, FORMAT);
    assert_eq!(lab.clock.now, sample.clock.now);
    assert_eq!(lab.clock.speed, sample.clock.speed);
    let sql = &lab.virtual_machines["sql01-nic"];
    assert_eq!(sql.name, "sql01");
    assert!(!sql.open_ports.is_empty());
    let hq = &lab.on_premises["onPremHQ"];
    assert!(!hq.servers.is_empty());
    let agent = lab.hybrid_connections["hq-app"]
        .agent
        .as_ref()
        .expect("installed");
    assert_eq!(agent.local_network, "onPremHQ");
    assert_eq!(lab.certificates.len(), sample.certificates.len());
    assert_eq!(
        lab.private_endpoints["contoso-sql-database-windows-net-pe"]
            .service
            .name,
        "contoso-sql.database.windows.net"
    );
    assert!(lab.gateways.contains_key("corpVnet-gateway"));
    assert!(lab.web_apps.contains_key("contoso-web"));
}

#[test]
fn r38_the_same_state_writes_the_same_bytes() {
    let first = template_text(&Subscription::sample());
    let second = template_text(&Subscription::sample());
    assert_eq!(first, second);
    let reparsed: Value = serde_json::from_str(&first).expect("valid JSON");
    let again = serde_json::to_string_pretty(&reparsed).expect("written") + "\n";
    assert_eq!(
        first, again,
        "keys are sorted, so a reader's rewrite is the same text"
    );
}

#[test]
fn r38_the_written_template_is_the_template_value_indented() {
    // The text is written resource by resource, never through `template`'s `Value`; both
    // must say the same, with every key sorted as a reader's rewrite sorts it.
    let subscription = Subscription::sample();
    let written = template_text(&subscription);
    let value = serde_json::to_string_pretty(&template(&subscription)).expect("written") + "\n";
    assert!(written == value, "template_text differs from template");
    let reparsed: Value = serde_json::from_str(&written).expect("valid JSON");
    let again = serde_json::to_string_pretty(&reparsed).expect("written") + "\n";
    assert!(
        written == again,
        "a key of the written template is out of order"
    );
}

#[test]
fn r38_a_template_too_large_for_the_import_indented_is_written_without_indentation() {
    let subscription = vnet_lab::model::fixtures::generate::large_subscription();
    let written = template_text(&subscription);
    assert!(
        written.len() < vnet_lab::exchange::arm::MAX_TEMPLATE_BYTES,
        "{} bytes: the lab's own export of the large subscription must be importable",
        written.len()
    );
    let value = serde_json::to_string(&template(&subscription)).expect("written") + "\n";
    assert!(
        written == value,
        "compact, with the same keys in the same order"
    );
}

#[test]
fn r38_a_template_beyond_what_arm_deploys_says_so_and_the_sample_does_not() {
    use vnet_lab::exchange::arm::limits::over_limits;
    use vnet_lab::exchange::arm::written_template;
    let sample = Subscription::sample();
    let (text, resources) = written_template(&sample);
    assert_eq!(
        resources,
        template(&sample)["resources"].as_array().unwrap().len()
    );
    assert_eq!(over_limits(resources, text.len()), None);
    let large = vnet_lab::model::fixtures::generate::large_subscription();
    let (text, resources) = written_template(&large);
    let warning =
        over_limits(resources, text.len()).expect("the large subscription is beyond ARM's limits");
    assert_eq!(
        warning,
        "The template has 7,370 resources (ARM deploys at most 800 a template): Azure will refuse \
         to deploy it as one. It still imports back into the lab; to build it in Azure, run the \
         Azure CLI script, or split the template into deployments of fewer resources."
    );
    assert!(over_limits(10, 5 * 1024 * 1024)
        .unwrap()
        .contains("5.0 MB (ARM takes templates of up to 4 MB)"));
}
