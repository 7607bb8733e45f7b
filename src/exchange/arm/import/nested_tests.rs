//! R39 on what `bicep build` writes for modules and loops (nested deployments with an inline
//! template in their inner or outer scope, their outputs, property `copy` loops) and on
//! `reference()` of what the subscription already holds when a template is added to it.

use serde_json::json;

use super::*;
use crate::model::entities::clock::Instant;

const NOW: Instant = Instant(1_764_806_400);

fn prepared(text: &str) -> Result<Prepared, String> {
    prepare(text, &Subscription::empty(), &Options::at(NOW))
}

fn imported(text: &str) -> (Report, Subscription) {
    let prepared = prepared(text).unwrap_or_else(|e| panic!("{e}"));
    let subscription = prepared
        .subscription
        .unwrap_or_else(|| panic!("asks for {:?}", prepared.report.parameters));
    (prepared.report, subscription)
}

/// A module as `bicep build` writes it: inner scope, its own parameters and variables, outputs.
fn network_module(copy: Option<serde_json::Value>) -> serde_json::Value {
    let mut module = json!({
        "type": "Microsoft.Resources/deployments",
        "apiVersion": "2022-09-01",
        "name": "network",
        "properties": {
            "expressionEvaluationOptions": {"scope": "inner"},
            "mode": "Incremental",
            "parameters": {
                "vnetName": {"value": "[format('{0}-vnet', parameters('prefix'))]"},
                "location": {"value": "[parameters('location')]"}
            },
            "template": {
                "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                "contentVersion": "1.0.0.0",
                "parameters": {
                    "vnetName": {"type": "string"},
                    "location": {"type": "string"},
                    "prefix": {"type": "string", "defaultValue": "10.20"}
                },
                "variables": {"space": "[format('{0}.0.0/16', parameters('prefix'))]"},
                "resources": [{
                    "type": "Microsoft.Network/virtualNetworks",
                    "apiVersion": "2024-05-01",
                    "name": "[parameters('vnetName')]",
                    "location": "[parameters('location')]",
                    "properties": {
                        "addressSpace": {"addressPrefixes": ["[variables('space')]"]},
                        "subnets": [{"name": "apps", "properties": {
                            "addressPrefix": "[format('{0}.1.0/24', parameters('prefix'))]",
                            "delegations": [{"name": "web", "properties": {"serviceName": "Microsoft.Web/serverFarms"}}]
                        }}]
                    }
                }],
                "outputs": {
                    "subnetId": {"type": "string", "value": "[reference(resourceId('Microsoft.Network/virtualNetworks', parameters('vnetName')), '2024-05-01').subnets[0].id]"}
                }
            }
        }
    });
    if let Some(copy) = copy {
        module["copy"] = copy;
    }
    module
}

fn app_on_module_subnet() -> serde_json::Value {
    json!({
        "type": "Microsoft.Web/sites", "apiVersion": "2024-11-01", "name": "[format('{0}-app', parameters('prefix'))]",
        "location": "[parameters('location')]",
        "dependsOn": ["[resourceId('Microsoft.Resources/deployments', 'network')]"],
        "properties": {
            "serverFarmId": "[resourceId('Microsoft.Web/serverfarms', 'plan')]",
            "virtualNetworkSubnetId": "[reference(resourceId('Microsoft.Resources/deployments', 'network'), '2022-09-01').outputs.subnetId.value]",
            "outboundVnetRouting": {"applicationTraffic": true}
        }
    })
}

fn template(resources: Vec<serde_json::Value>) -> String {
    json!({
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        "contentVersion": "1.0.0.0",
        "parameters": {
            "prefix": {"type": "string", "defaultValue": "shop"},
            "location": {"type": "string", "defaultValue": "[resourceGroup().location]"}
        },
        "resources": resources
    })
    .to_string()
}

fn plan() -> serde_json::Value {
    json!({"type": "Microsoft.Web/serverfarms", "apiVersion": "2024-11-01", "name": "plan",
           "location": "[parameters('location')]", "sku": {"name": "S1"}})
}

#[test]
fn r39_a_bicep_module_is_read_in_its_inner_scope_and_its_outputs_resolve() {
    let text = template(vec![plan(), network_module(None), app_on_module_subnet()]);
    let (report, lab) = imported(&text);
    let vnet = lab.vnet_named("shop-vnet").expect("the module's VNet");
    assert_eq!(
        vnet.address_space
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["10.20.0.0/16"],
        "the module's own default and variable, not the outer template's"
    );
    let app = lab
        .web_apps
        .values()
        .find(|a| a.name == "shop-app")
        .unwrap();
    let regional = app
        .regional
        .as_ref()
        .expect("integrated through the module's output");
    assert_eq!(regional.vnet, vnet.id);
    assert_eq!(regional.subnet, "apps");
    assert!(regional.route_all);
    assert!(
        report
            .skipped
            .iter()
            .all(|s| s.resource_type != "Microsoft.Resources/deployments"),
        "a module with an inline template is read, not skipped: {:?}",
        report.skipped
    );
    assert!(
        report.unsupported_types.is_empty(),
        "{:?}",
        report.unsupported_types
    );
}

#[test]
fn r39_a_module_in_a_copy_loop_is_deployed_once_per_copy() {
    let mut module = network_module(Some(json!({"name": "networks", "count": 2})));
    module["name"] = json!("[format('network{0}', copyIndex())]");
    module["properties"]["parameters"]["vnetName"] =
        json!({"value": "[format('{0}-vnet{1}', parameters('prefix'), copyIndex())]"});
    module["properties"]["parameters"]["prefix"] =
        json!({"value": "[format('10.3{0}', copyIndex())]"});
    let (_, lab) = imported(&template(vec![module]));
    let mut spaces: Vec<String> = lab
        .virtual_networks
        .values()
        .map(|v| format!("{} {}", v.name, v.address_space[0]))
        .collect();
    spaces.sort();
    assert_eq!(
        spaces,
        ["shop-vnet0 10.30.0.0/16", "shop-vnet1 10.31.0.0/16"]
    );
}

#[test]
fn r39_a_module_without_a_value_for_a_parameter_is_refused_naming_it() {
    let mut module = network_module(None);
    module["properties"]["parameters"]
        .as_object_mut()
        .unwrap()
        .remove("vnetName");
    let message = match prepared(&template(vec![module])) {
        Err(message) => message,
        Ok(prepared) => panic!("imported: {:?}", prepared.report),
    };
    assert!(
        message.contains(
            "the nested deployment “network” (resources[0]) gives no value for its parameter “vnetName”, which has no default: give it in resources[0].properties.parameters"
        ),
        "{message}"
    );
    assert!(message.ends_with("Nothing changed."), "{message}");
}

#[test]
fn r39_a_linked_template_is_skipped_with_the_reason() {
    let linked = json!({
        "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "linked",
        "properties": {"mode": "Incremental", "templateLink": {"uri": "https://example.com/network.json"}}
    });
    let (report, _) = imported(&template(vec![plan(), linked]));
    let skipped = report
        .skipped
        .iter()
        .find(|s| s.name == "linked")
        .expect("the linked deployment is listed");
    assert_eq!(skipped.resource_type, "Microsoft.Resources/deployments");
    assert_eq!(
        skipped.reason,
        "its template is linked (properties.templateLink), and the lab reads no URL: import the linked template on its own"
    );
}

#[test]
fn r39_a_nested_template_in_the_outer_scope_reads_the_outer_parameters() {
    let nested = json!({
        "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "outer",
        "properties": {"mode": "Incremental", "template": {
            "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
            "contentVersion": "1.0.0.0",
            "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2024-05-01",
                           "name": "[format('{0}-nsg', parameters('prefix'))]", "location": "[parameters('location')]"}]
        }}
    });
    let (_, lab) = imported(&template(vec![nested]));
    let names: Vec<&str> = lab
        .network_security_groups
        .values()
        .map(|n| n.name.as_str())
        .collect();
    assert_eq!(names, ["shop-nsg"]);
}

#[test]
fn r39_property_copy_makes_the_named_property_with_copy_index_of_its_loop() {
    let text = json!({
        "parameters": {"ports": {"type": "array", "defaultValue": [443, 1433]}},
        "resources": [{
            "type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2024-05-01",
            "name": "[format('nsg{0}', copyIndex())]", "location": "westeurope",
            "copy": {"name": "nsgs", "count": 2},
            "properties": {"copy": [{
                "name": "securityRules",
                "count": "[length(parameters('ports'))]",
                "input": {
                    "name": "[format('allow-{0}-{1}', parameters('ports')[copyIndex('securityRules')], copyIndex())]",
                    "properties": {
                        "priority": "[copyIndex('securityRules', 100)]",
                        "direction": "Outbound", "access": "Allow", "protocol": "Tcp",
                        "sourceAddressPrefix": "*", "sourcePortRange": "*",
                        "destinationAddressPrefix": "10.0.0.4",
                        "destinationPortRange": "[string(parameters('ports')[copyIndex('securityRules')])]"
                    }
                }
            }]}
        }]
    })
    .to_string();
    let (_, lab) = imported(&text);
    let mut rules: Vec<String> = lab
        .network_security_groups
        .values()
        .flat_map(|nsg| {
            nsg.rules
                .iter()
                .map(move |r| format!("{} {} {}", nsg.name, r.name, r.priority))
        })
        .collect();
    rules.sort();
    assert_eq!(
        rules,
        [
            "nsg0 allow-1433-0 101",
            "nsg0 allow-443-0 100",
            "nsg1 allow-1433-1 101",
            "nsg1 allow-443-1 100"
        ]
    );
}

#[test]
fn r39_property_copy_without_a_name_is_refused_with_the_path() {
    let text = json!({"resources": [{
        "type": "Microsoft.Network/networkSecurityGroups", "name": "nsg", "location": "westeurope",
        "properties": {"copy": [{"count": 1, "input": {"name": "r"}}]}
    }]})
    .to_string();
    let message = match prepared(&text) {
        Err(message) => message,
        Ok(prepared) => panic!("imported: {:?}", prepared.report),
    };
    assert!(
        message
            .contains("properties.copy[0] has no \"name\": name the property the copy loop makes"),
        "{message}"
    );
}

#[test]
fn r39_in_add_mode_reference_reads_what_the_subscription_already_holds() {
    let network = json!({"resources": [{
        "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "hub", "location": "westeurope",
        "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
            "subnets": [{"name": "apps", "properties": {"addressPrefix": "10.0.1.0/24",
                "delegations": [{"name": "web", "properties": {"serviceName": "Microsoft.Web/serverFarms"}}]}}]}
    }]})
    .to_string();
    let (_, first) = imported(&network);
    let apps = json!({"resources": [plan(), {
        "type": "Microsoft.Web/sites", "apiVersion": "2024-11-01", "name": "shop", "location": "westeurope",
        "properties": {
            "serverFarmId": "[resourceId('Microsoft.Web/serverfarms', 'plan')]",
            "virtualNetworkSubnetId": "[reference(resourceId('Microsoft.Network/virtualNetworks', 'hub'), '2024-05-01').subnets[0].id]"
        }
    }], "parameters": {"location": {"type": "string", "defaultValue": "westeurope"}}})
    .to_string();
    let mut add = Options::at(NOW);
    add.mode = Mode::Add;
    let prepared = prepare(&apps, &first, &add).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        prepared.report.placeholders.is_empty(),
        "the VNet is held, so its subnet's id is known: {:?}",
        prepared.report.placeholders
    );
    let lab = prepared.subscription.unwrap();
    let app = lab.web_apps.values().find(|a| a.name == "shop").unwrap();
    let regional = app
        .regional
        .as_ref()
        .expect("integrated with the held VNet");
    assert_eq!(regional.vnet, lab.vnet_named("hub").unwrap().id);
    assert_eq!(regional.subnet, "apps");
}

#[test]
fn r39_a_resource_whose_condition_is_false_is_skipped_even_when_its_name_cannot_be() {
    let text = json!({
        "parameters": {"insights": {"type": "string", "defaultValue": ""}},
        "resources": [plan(), {
            "condition": "[not(empty(parameters('insights')))]",
            "type": "Microsoft.Insights/components", "apiVersion": "2020-02-02",
            "name": "[last(split(json('null'), '/'))]", "location": "westeurope"
        }]
    })
    .to_string()
    .replace("[parameters('location')]", "westeurope");
    let (report, lab) = imported(&text);
    assert_eq!(lab.plans.len(), 1);
    assert!(
        report.skipped.is_empty(),
        "a resource Azure does not deploy, of a type the lab does not model, is not listed: {:?}",
        report.skipped
    );
}

#[test]
fn r39_a_module_given_null_or_one_expression_reads_as_arm_deploys_it() {
    let mut module = network_module(None);
    // A null value is the parameter's default (10.20); a whole expression is evaluated.
    module["properties"]["parameters"]["prefix"] = json!({"value": null});
    module["properties"]["parameters"]["vnetName"] =
        json!("[if(true(), createObject('value', 'expr-vnet'), null())]");
    let (_, lab) = imported(&template(vec![module]));
    let vnet = lab
        .vnet_named("expr-vnet")
        .expect("the name from the expression");
    assert_eq!(vnet.address_space[0].to_string(), "10.20.0.0/16");
}

#[test]
fn r39_outputs_with_copy_and_outputs_that_cannot_be_read() {
    let mut module = network_module(None);
    let outputs = &mut module["properties"]["template"]["outputs"];
    outputs["names"] =
        json!({"type": "array", "copy": {"count": 2, "input": "[format('n{0}', copyIndex())]"}});
    outputs["broken"] = json!({"type": "string", "value": "[split(json('null'), '/')[0]]"});
    let nsg = json!({"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2024-05-01",
        "name": "[reference(resourceId('Microsoft.Resources/deployments', 'network')).outputs.names.value[1]]",
        "location": "westeurope"});
    let (_, lab) = imported(&template(vec![plan(), module, nsg, app_on_module_subnet()]));
    assert!(lab.network_security_groups.values().any(|n| n.name == "n1"));
    assert!(
        lab.web_apps.values().next().unwrap().regional.is_some(),
        "the output that cannot be read leaves subnetId readable"
    );
}

#[test]
fn r39_an_existing_resource_another_module_declares_is_that_resource() {
    let mut text = json!({"languageVersion": "2.0",
    "parameters": {"location": {"type": "string", "defaultValue": "westeurope"}},
    "resources": {
      "plan": plan(),
      "vnet": {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "hub", "location": "westeurope",
               "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
                 "subnets": [{"name": "apps", "properties": {"addressPrefix": "10.0.1.0/24"}}]}},
      "hubRef": {"existing": true, "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "hub"},
      "site": {"type": "Microsoft.Web/sites", "apiVersion": "2024-11-01", "name": "shop", "location": "westeurope",
               "properties": {"serverFarmId": "[resourceId('Microsoft.Web/serverfarms', 'plan')]",
                 "virtualNetworkSubnetId": "[reference('hubRef').subnets[0].id]"}}
    }});
    text["resources"]["plan"]["location"] = json!("westeurope");
    let (report, lab) = imported(&text.to_string());
    assert!(
        report.skipped.iter().all(|s| s.name != "hub"),
        "an existing reference to a VNet the template declares is not skipped: {:?}",
        report.skipped
    );
    let app = lab.web_apps.values().next().unwrap();
    assert_eq!(
        app.regional.as_ref().map(|r| r.subnet.as_str()),
        Some("apps")
    );
}

#[test]
fn r39_a_reference_to_a_deployment_in_another_resource_group_is_the_one_declared() {
    let mut app = app_on_module_subnet();
    app["properties"]["virtualNetworkSubnetId"] = json!(
        "[reference('/subscriptions/1111/resourceGroups/net-rg/providers/Microsoft.Resources/deployments/network', '2022-09-01').outputs.subnetId.value]"
    );
    let (_, lab) = imported(&template(vec![plan(), network_module(None), app]));
    assert!(lab.web_apps.values().next().unwrap().regional.is_some());
}

#[test]
fn r39_a_failing_default_names_its_path_once() {
    let text = json!({
        "parameters": {"name": {"type": "string", "defaultValue": "[split(json('null'), '/')[0]]"}},
        "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "name": "[parameters('name')]", "location": "westeurope"}]
    })
    .to_string();
    let message = prepared(&text).unwrap_err();
    assert_eq!(
        message.matches("resources[0].name:").count(),
        1,
        "{message}"
    );
}

#[test]
fn r39_one_copy_of_a_module_loop_is_named_symbolic_index() {
    let mut module = network_module(Some(json!({"name": "networks", "count": 2})));
    module["name"] = json!("[format('network{0}', copyIndex())]");
    module["properties"]["parameters"]["vnetName"] =
        json!({"value": "[format('{0}-vnet{1}', parameters('prefix'), copyIndex())]"});
    let mut app = app_on_module_subnet();
    app["properties"]["virtualNetworkSubnetId"] =
        json!("[reference('networks[1]').outputs.subnetId.value]");
    let text = json!({"languageVersion": "2.0",
        "parameters": {"prefix": {"type": "string", "defaultValue": "shop"},
                       "location": {"type": "string", "defaultValue": "westeurope"}},
        "resources": {"plan": plan(), "networks": module, "app": app}});
    let (_, lab) = imported(&text.to_string());
    let app = lab.web_apps.values().next().unwrap();
    let vnet = &lab.virtual_networks[&app.regional.as_ref().expect("integrated").vnet];
    assert_eq!(vnet.name, "shop-vnet1");
}

#[test]
fn r39_a_module_named_as_the_vnet_it_deploys_gives_that_vnets_subnets() {
    let mut module = network_module(None);
    module["name"] = json!("shop-vnet");
    module["properties"]["template"]["outputs"]["subnets"] = json!({"type": "array",
        "value": "[reference(resourceId('Microsoft.Network/virtualNetworks', parameters('vnetName')), '2024-05-01').subnets]"});
    let mut app = app_on_module_subnet();
    app["properties"]["virtualNetworkSubnetId"] = json!(
        "[reference(resourceId('Microsoft.Resources/deployments', 'shop-vnet')).outputs.subnets.value[0].id]"
    );
    let (_, lab) = imported(&template(vec![plan(), module, app]));
    let app = lab.web_apps.values().next().unwrap();
    assert_eq!(
        app.regional.as_ref().map(|r| r.subnet.as_str()),
        Some("apps"),
        "the module's output and the VNet it names are two resources, not a cycle"
    );
}
