//! R39: a rule the lab cannot hold is noted on its NSG, and a route whose next hop it cannot
//! read on its route table, so the check answers "unknown" where they could decide instead of
//! a verdict made without them; the notes round-trip, and the export warns that the template
//! leaves them out.

use serde_json::{json, Value};

use super::*;
use crate::exchange::arm::limits::unwritten_rules;
use crate::exchange::arm::template_text;
use crate::model::derived::check::{self, Problem, Step, Target};
use crate::model::entities::clock::Instant;
use crate::model::entities::host::Protocol;
use crate::model::entities::security::{Access, Direction, UnreadRule};
use crate::model::Command;

const NOW: Instant = Instant(1_764_806_400);

/// An app on `apps`, whose NSG denies two ranges in one rule at priority 200 and allows the
/// data subnet's SQL at 100; a VM at 10.0.2.10 (data) and one at 10.9.0.4.
fn template() -> Value {
    let rule = |name: &str, priority: u16, access: &str, fields: Value| {
        let mut properties = json!({"priority": priority, "direction": "Outbound", "access": access,
            "protocol": "Tcp", "sourceAddressPrefix": "*", "sourcePortRange": "*"});
        for (key, value) in fields.as_object().unwrap() {
            properties[key] = value.clone();
        }
        json!({"name": name, "properties": properties})
    };
    let nic = |name: &str, subnet: &str, address: &str| {
        json!({"type": "Microsoft.Network/networkInterfaces", "name": name, "properties": {"ipConfigurations": [{"name": "ip", "properties": {
            "privateIPAllocationMethod": "Static", "privateIPAddress": address,
            "subnet": {"id": format!("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'hub', '{subnet}')]")}}}]}})
    };
    json!({"resources": [
        {"type": "Microsoft.Web/serverfarms", "name": "plan", "sku": {"name": "S1"}},
        {"type": "Microsoft.Network/networkSecurityGroups", "name": "apps-nsg", "properties": {"securityRules": [
            rule("sql-in-data", 100, "Allow", json!({"destinationAddressPrefix": "10.0.2.0/24", "destinationPortRange": "1433"})),
            rule("deny-two", 200, "Deny", json!({"destinationAddressPrefixes": ["10.9.0.0/24", "10.8.0.0/24"], "destinationPortRange": "*"}))
        ]}},
        {"type": "Microsoft.Network/virtualNetworks", "name": "hub", "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16", "10.9.0.0/16"]},
          "subnets": [
            {"name": "apps", "properties": {"addressPrefix": "10.0.1.0/24",
              "networkSecurityGroup": {"id": "[resourceId('Microsoft.Network/networkSecurityGroups', 'apps-nsg')]"},
              "delegations": [{"name": "d", "properties": {"serviceName": "Microsoft.Web/serverFarms"}}]}},
            {"name": "data", "properties": {"addressPrefix": "10.0.2.0/24"}},
            {"name": "far", "properties": {"addressPrefix": "10.9.0.0/24"}}]}},
        nic("sql-nic", "data", "10.0.2.10"),
        nic("far-nic", "far", "10.9.0.4"),
        {"type": "Microsoft.Web/sites", "name": "contoso", "properties": {"serverFarmId": "[resourceId('Microsoft.Web/serverfarms', 'plan')]",
          "virtualNetworkSubnetId": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'hub', 'apps')]",
          "outboundVnetRouting": {"allTraffic": true}}}
    ]})
}

/// `text` imported into an empty lab, whole.
fn import_text(text: &str) -> Subscription {
    prepare(text, &Subscription::empty(), &Options::at(NOW))
        .unwrap_or_else(|e| panic!("{e}"))
        .subscription
        .expect("complete")
}

fn imported() -> Subscription {
    import_text(&template().to_string())
}

fn check_to<'a>(lab: &'a Subscription, host: &'a str, port: u16) -> check::Report<'a> {
    let app = lab.web_app_named("contoso").unwrap().id;
    check::run(
        lab,
        app,
        Target {
            host,
            port,
            protocol: Protocol::Tcp,
        },
    )
}

#[test]
fn r39_a_rule_the_lab_cannot_hold_is_noted_and_the_check_cannot_tell_past_it() {
    let lab = imported();
    let nsg = lab.network_security_groups.values().next().unwrap();
    assert_eq!(
        nsg.unread_rules,
        [UnreadRule {
            name: "deny-two".into(),
            priority: 200,
            direction: Direction::Outbound,
            access: Access::Deny,
            why: "it lists several destinations (10.9.0.0/24, 10.8.0.0/24); the lab's rules hold \
                  one: split it into rules of one destination each"
                .into(),
        }]
    );
    // Decided by the rule at 100, before the unread one: the check answers as Azure does.
    let decided = check_to(&lab, "10.0.2.10", 1433);
    assert!(!decided
        .steps
        .iter()
        .any(|step| matches!(step, Step::Failed(Problem::NsgRuleUnread { .. }))));
    // Decided by Azure's defaults at 65000, after the unread Deny: never "reachable".
    let past = check_to(&lab, "10.9.0.4", 443);
    assert!(!past.reachable());
    assert!(past.undecided());
    let problem = past.failure().expect("a failed step");
    assert_eq!(
        problem.to_string(),
        "The network security group apps-nsg has the Deny rule deny-two at priority 200, which \
         the lab could not read (it lists several destinations (10.9.0.0/24, 10.8.0.0/24); the \
         lab's rules hold one: split it into rules of one destination each); it comes before the \
         rule that decides here, so Azure may decide otherwise, and the lab cannot tell."
    );
    assert_eq!(
        problem.fix().advice,
        "In apps-nsg, write deny-two as rules the lab can read (one destination and one port \
         range each, a prefix rather than a service tag), then remove deny-two."
    );
}

#[test]
fn r39_a_noted_rule_comes_back_with_the_labs_own_export_and_the_export_says_it_is_left_out() {
    let lab = imported();
    let again = import_text(&template_text(&lab));
    let unread = |s: &Subscription| {
        s.network_security_groups
            .values()
            .next()
            .unwrap()
            .unread_rules
            .clone()
    };
    assert_eq!(unread(&again), unread(&lab));
    assert_eq!(template_text(&again), template_text(&lab));
    assert_eq!(
        unwritten_rules(&lab).as_deref(),
        Some(
            "The template leaves out the security rules and routes the lab could not read \
             (deny-two in apps-nsg): deployed as it is, it would remove them from Azure. Add them \
             to the template before deploying it."
        )
    );
    assert_eq!(unwritten_rules(&Subscription::sample()), None);
}

#[test]
fn r39_a_noted_rule_is_removed_by_name_and_its_name_is_taken() {
    let mut lab = imported();
    let nsg = lab.network_security_groups.values().next().unwrap().id;
    let rule = lab.network_security_groups[&nsg].unread_rules[0].clone();
    let error = lab
        .apply(Command::NoteUnreadRule { nsg, rule })
        .unwrap_err()
        .to_string();
    assert!(error.contains("deny-two"), "{error}");
    lab.apply(Command::RemoveSecurityRule {
        nsg,
        name: "deny-two".into(),
    })
    .unwrap();
    assert!(lab.network_security_groups[&nsg].unread_rules.is_empty());
    let report = check_to(&lab, "10.9.0.4", 443);
    assert!(
        matches!(report.failure(), Some(Problem::PortsUnknown { .. })),
        "with the rule removed the NSG decides, and only the VM's firewall is unknown"
    );
}

/// The same app, its subnet forced to a firewall the template does not declare.
fn forced_tunnel() -> Value {
    let mut template = template();
    let resources = template["resources"].as_array_mut().unwrap();
    resources.push(json!({"type": "Microsoft.Network/routeTables", "name": "apps-rt", "properties": {"routes": [
        {"name": "to-firewall", "properties": {"addressPrefix": "0.0.0.0/0", "nextHopType": "VirtualAppliance",
          "nextHopIpAddress": "[reference(resourceId('Microsoft.Network/azureFirewalls', 'hub-fw')).ipConfigurations[0].properties.privateIPAddress]"}}
    ]}}));
    let vnet = resources
        .iter_mut()
        .find(|r| r["type"] == "Microsoft.Network/virtualNetworks")
        .unwrap();
    vnet["properties"]["subnets"][0]["properties"]["routeTable"] =
        json!({"id": "[resourceId('Microsoft.Network/routeTables', 'apps-rt')]"});
    template
}

#[test]
fn r39_a_route_whose_next_hop_is_known_only_at_deployment_is_noted_and_the_check_cannot_tell() {
    let lab = import_text(&forced_tunnel().to_string());
    let table = lab.route_tables.values().next().unwrap();
    assert!(table.routes.is_empty());
    assert_eq!(table.unread_routes.len(), 1);
    assert_eq!(table.unread_routes[0].prefix.to_string(), "0.0.0.0/0");
    // The VNet's own system route is more specific than 0.0.0.0/0: decided as Azure does.
    let inside = check_to(&lab, "10.0.2.10", 1433);
    assert!(matches!(
        inside.failure(),
        Some(Problem::PortsUnknown { .. })
    ));
    // Anything else would follow the firewall route in Azure: never a verdict without it.
    let outside = check_to(&lab, "52.10.20.30", 443);
    assert!(outside.undecided());
    let problem = outside.failure().expect("a failed step");
    assert!(
        problem.to_string().starts_with(
            "The route table apps-rt has the route to-firewall for 0.0.0.0/0, whose next hop the \
             lab could not read (its next hop (properties.nextHopIpAddress) is known only at \
             deployment"
        ),
        "{problem}"
    );
    assert!(problem
        .fix()
        .advice
        .starts_with("In apps-rt, give to-firewall its next hop's address"));
    let again = import_text(&template_text(&lab));
    assert_eq!(
        again.route_tables.values().next().unwrap().unread_routes,
        table.unread_routes
    );
    assert!(unwritten_rules(&lab)
        .unwrap()
        .contains("to-firewall in apps-rt"));
}
