//! Network controls on the integration subnet (SPEC §9): Route All's scope (R29), NSG rules
//! (R30), route tables (R31), DNS order and private zones (R32), NAT; each with its message.

#[path = "model/support.rs"]
mod support;

use support::*;
use vnet_lab::model::commands::command::{NextHopKind, SecurityRuleInput, Toward};
use vnet_lab::model::derived::check::{Finding, Problem, Stage, Step, Target};
use vnet_lab::model::derived::effective::{effective_rules, EffectiveNextHop, RouteSource};
use vnet_lab::model::entities::host::{PortRule, Protocol, Role};
use vnet_lab::model::entities::ids::{NsgId, PrivateDnsZoneId, RouteTableId};
use vnet_lab::model::entities::region::Region;
use vnet_lab::model::entities::security::{Access, Direction, RuleProtocol};
use vnet_lab::model::{Command, CommandError, HostRef, Subscription};

fn nsg(s: &Subscription) -> NsgId {
    *s.network_security_groups.keys().next().unwrap()
}

fn zone(s: &Subscription) -> PrivateDnsZoneId {
    *s.private_dns_zones.keys().next().unwrap()
}

fn rule(
    name: &str,
    priority: &str,
    direction: Direction,
    access: Access,
    destination: &str,
    ports: &str,
) -> SecurityRuleInput {
    SecurityRuleInput {
        name: name.into(),
        priority: priority.into(),
        direction,
        access,
        protocol: RuleProtocol::Tcp,
        destination: destination.into(),
        ports: ports.into(),
    }
}

fn orders(s: &Subscription) -> vnet_lab::model::entities::ids::WebAppId {
    app(s, "contoso-orders")
}

fn failure(s: &Subscription, host: &str, port: u16) -> Option<String> {
    run(s, orders(s), tcp(host, port))
        .failure()
        .map(ToString::to_string)
}

/// A route table on the integration subnet `apps`.
fn route_table(s: &mut Subscription) -> RouteTableId {
    ok(
        s,
        Command::CreateRouteTable {
            name: "apps-routes".into(),
            region: Region::WestEurope,
        },
    );
    let table = *s.route_tables.keys().next().unwrap();
    let app_vnet = vnet(s, "appVnet");
    ok(
        s,
        Command::AssociateRouteTable {
            vnet: app_vnet,
            subnet: "apps".into(),
            route_table: Some(table),
        },
    );
    table
}

fn user_route(
    s: &mut Subscription,
    table: RouteTableId,
    name: &str,
    prefix: &str,
    next_hop: NextHopKind,
    appliance: &str,
) {
    ok(
        s,
        Command::SetUserRoute {
            route_table: table,
            name: name.into(),
            prefix: prefix.into(),
            next_hop,
            appliance: appliance.into(),
            replacing: None,
        },
    );
}

#[test]
fn r30_the_sample_sql_vm_is_blocked_by_the_deny_rule_which_is_named() {
    let s = sample();
    let report = run(&s, orders(&s), tcp("10.3.2.4", 1433));
    let step = report.failure().unwrap();
    assert_eq!(step.stage(), Stage::SecurityGroup);
    assert_eq!(
        step.to_string(),
        "The network security group apps-nsg denies it: outbound rule DenySqlToData (200): Deny TCP to 10.3.2.0/24 port 1433."
    );
}

#[test]
fn r30_outbound_rules_by_priority_first_match_wins_and_the_fix_adds_an_allow_above() {
    let mut s = sample();
    let fix = run(&s, orders(&s), tcp("10.3.2.4", 1433))
        .failure()
        .unwrap()
        .fix();
    assert_eq!(
        fix.advice,
        "Add an outbound rule that allows TCP 1433 to 10.3.2.4 with priority 199, above DenySqlToData."
    );
    ok(&mut s, fix.command.unwrap());
    let report = run(&s, orders(&s), tcp("10.3.2.4", 1433));
    assert!(report.reachable(), "{:?}", report.failure());
    assert!(report.steps.iter().any(|step| step.to_string()
        == "The network security group apps-nsg allows it: outbound rule Allow-TCP-1433 (199): Allow TCP to 10.3.2.4/32 port 1433."));
    // A Deny at a lower number wins over the Allow.
    let group = nsg(&s);
    ok(
        &mut s,
        Command::SetSecurityRule {
            nsg: group,
            rule: rule(
                "DenyAllSql",
                "150",
                Direction::Outbound,
                Access::Deny,
                "VirtualNetwork",
                "1433",
            ),
            replacing: None,
        },
    );
    assert!(failure(&s, "10.3.2.4", 1433)
        .unwrap()
        .contains("DenyAllSql (150)"));
}

#[test]
fn r30_moving_a_rule_swaps_its_priority_with_its_neighbour_in_evaluation_order() {
    let mut s = sample();
    let group = nsg(&s);
    let add = |name: &str, priority: &str, direction| Command::SetSecurityRule {
        nsg: group,
        rule: rule(
            name,
            priority,
            direction,
            Access::Allow,
            "VirtualNetwork",
            "1433",
        ),
        replacing: None,
    };
    ok(&mut s, add("AllowSql", "300", Direction::Outbound));
    ok(&mut s, add("InboundOnly", "250", Direction::Inbound));
    let outbound = |s: &Subscription| -> Vec<(String, u16)> {
        s.network_security_groups[&group]
            .rules
            .iter()
            .filter(|r| r.direction == Direction::Outbound)
            .map(|r| (r.name.clone(), r.priority))
            .collect()
    };
    assert_eq!(
        outbound(&s),
        [
            ("DenySqlToData".to_string(), 200),
            ("AllowSql".to_string(), 300)
        ]
    );
    let moved = ok(
        &mut s,
        Command::MoveSecurityRule {
            nsg: group,
            name: "AllowSql".into(),
            toward: Toward::Earlier,
        },
    );
    assert_eq!(
        moved.summary,
        "Moved the rule AllowSql above DenySqlToData in apps-nsg (AllowSql now has priority 200, DenySqlToData has 300)"
    );
    assert_eq!(
        outbound(&s),
        [
            ("AllowSql".to_string(), 200),
            ("DenySqlToData".to_string(), 300)
        ]
    );
    // Now the Allow is evaluated first, so the SQL VM is reached.
    assert_eq!(failure(&s, "10.3.2.4", 1433), None);
    // The inbound rule is of another order: AllowSql is first among the outbound ones.
    let error = refused(
        &mut s,
        Command::MoveSecurityRule {
            nsg: group,
            name: "AllowSql".into(),
            toward: Toward::Earlier,
        },
    );
    assert_eq!(
        error.to_string(),
        "AllowSql is already evaluated first among the outbound rules of apps-nsg; it cannot move further."
    );
    let error = refused(
        &mut s,
        Command::MoveSecurityRule {
            nsg: group,
            name: "InboundOnly".into(),
            toward: Toward::Later,
        },
    );
    assert!(error.to_string().contains("last among the inbound rules"));
}

#[test]
fn r30_default_rules_are_shown_last_and_cannot_be_removed() {
    let mut s = sample();
    let panel = effective_rules(&s, &s.web_apps[&orders(&s)]).unwrap();
    let (name, outbound, inbound) = panel.nsg.unwrap();
    assert_eq!(name, "apps-nsg");
    let names: Vec<(&str, u16)> = outbound
        .iter()
        .map(|r| (r.name.as_str(), r.priority))
        .collect();
    assert_eq!(
        names,
        [
            ("DenySqlToData", 200),
            ("AllowVnetOutBound", 65000),
            ("AllowInternetOutBound", 65001),
            ("DenyAllOutBound", 65500)
        ]
    );
    assert_eq!(inbound.len(), 3);
    let group = nsg(&s);
    let error = refused(
        &mut s,
        Command::RemoveSecurityRule {
            nsg: group,
            name: "DenyAllOutBound".into(),
        },
    );
    assert!(matches!(
        error,
        CommandError::NotFound {
            kind: "security rule",
            ..
        }
    ));
}

#[test]
fn r30_inbound_rules_have_no_effect_and_the_check_says_so() {
    let mut s = sample();
    let group = nsg(&s);
    ok(
        &mut s,
        Command::SetSecurityRule {
            nsg: group,
            rule: rule(
                "AllowSqlIn",
                "100",
                Direction::Inbound,
                Access::Allow,
                "10.3.2.0/24",
                "1433",
            ),
            replacing: None,
        },
    );
    assert_eq!(
        failure(&s, "10.3.2.4", 1433).unwrap(),
        "The network security group apps-nsg denies it: outbound rule DenySqlToData (200): Deny TCP to 10.3.2.0/24 port 1433. The inbound rule AllowSqlIn matches this traffic, but inbound rules do not apply to the app's outbound traffic."
    );
}

#[test]
fn r30_service_tags_virtual_network_and_internet() {
    let mut s = sample();
    let group = nsg(&s);
    ok(
        &mut s,
        Command::SetSecurityRule {
            nsg: group,
            rule: rule(
                "DenyInternet",
                "300",
                Direction::Outbound,
                Access::Deny,
                "Internet",
                "*",
            ),
            replacing: None,
        },
    );
    assert!(failure(&s, "api.fabrikam.com", 443)
        .unwrap()
        .contains("DenyInternet (300)"));
    // The peered northVnet is inside the VirtualNetwork tag, not Internet.
    assert!(run(&s, orders(&s), tcp("10.4.1.4", 443)).reachable());
    ok(
        &mut s,
        Command::SetSecurityRule {
            nsg: group,
            rule: rule(
                "DenyVnet",
                "310",
                Direction::Outbound,
                Access::Deny,
                "VirtualNetwork",
                "443",
            ),
            replacing: None,
        },
    );
    assert!(failure(&s, "10.4.1.4", 443)
        .unwrap()
        .contains("DenyVnet (310)"));
}

#[test]
fn r30_rule_fields_are_parsed_strictly_and_priorities_are_unique() {
    let mut s = sample();
    let group = nsg(&s);
    let cases = [
        (rule("AllowAll", "99", Direction::Outbound, Access::Allow, "*", "*"), "“99” is not a priority: write a number from 100 to 4096; lower numbers are evaluated first."),
        (rule("AllowAll", "150", Direction::Outbound, Access::Allow, "*", "70000"), "“70000” is not a port or range: write a port such as 1433, a range such as 1000-2000, or * for any port."),
        (rule("AllowAll", "150", Direction::Outbound, Access::Allow, "10.3.2.1/24", "*"), "“10.3.2.1/24” is not a destination: write a prefix such as 10.3.2.0/24, an address, the service tag VirtualNetwork or Internet, or * for any (“10.3.2.1/24” has host bits set; did you mean 10.3.2.0/24?)."),
        (rule("AllowAll", "200", Direction::Outbound, Access::Allow, "*", "*"), "The rule DenySqlToData of apps-nsg already has priority 200 in this direction. Pick another priority from 100 to 4096."),
    ];
    for (input, message) in cases {
        let error = refused(
            &mut s,
            Command::SetSecurityRule {
                nsg: group,
                rule: input,
                replacing: None,
            },
        );
        assert_eq!(error.to_string(), message);
    }
    // An edit may keep its own priority; a range of ports reads back.
    ok(
        &mut s,
        Command::SetSecurityRule {
            nsg: group,
            rule: rule(
                "DenySqlToData",
                "200",
                Direction::Outbound,
                Access::Deny,
                "10.3.2.0/24",
                "1433-1434",
            ),
            replacing: Some("DenySqlToData".into()),
        },
    );
    assert_eq!(
        s.network_security_groups[&group].rules[0].to_string(),
        "DenySqlToData (200): Deny TCP to 10.3.2.0/24 ports 1433-1434"
    );
}

#[test]
fn r30_an_nsg_of_another_region_cannot_be_associated() {
    let mut s = sample();
    ok(
        &mut s,
        Command::CreateNetworkSecurityGroup {
            name: "north-nsg".into(),
            region: Region::NorthEurope,
        },
    );
    let north = s
        .network_security_groups
        .values()
        .find(|n| n.name == "north-nsg")
        .unwrap()
        .id;
    let app_vnet = vnet(&s, "appVnet");
    let error = refused(
        &mut s,
        Command::AssociateNetworkSecurityGroup {
            vnet: app_vnet,
            subnet: "apps".into(),
            nsg: Some(north),
        },
    );
    assert_eq!(
        error.to_string(),
        "The network security group north-nsg is in North Europe and appVnet in West Europe; it can serve only subnets of its own region. Create one in West Europe."
    );
    let apps_nsg = nsg(&s);
    let error = refused(
        &mut s,
        Command::DeleteNetworkSecurityGroup { nsg: apps_nsg },
    );
    assert!(error.to_string().contains("is still used by appVnet/apps"));
}

#[test]
fn r31_the_longest_prefix_wins_and_none_drops() {
    let mut s = sample();
    let table = route_table(&mut s);
    user_route(
        &mut s,
        table,
        "drop-north",
        "10.4.0.0/16",
        NextHopKind::None,
        "",
    );
    let report = run(&s, orders(&s), tcp("10.4.1.4", 443));
    let step = report.failure().unwrap();
    assert_eq!(step.stage(), Stage::RouteTable);
    assert_eq!(
        step.to_string(),
        "The effective route 10.4.0.0/16 (User (apps-routes/drop-north)) has the next hop None: the traffic is dropped."
    );
    assert_eq!(
        step.fix().advice,
        "Remove the route drop-north, or give it another next hop."
    );
    // A longer system prefix is not there, but a longer user route for the host wins.
    let onward = "10.4.1.0/24";
    user_route(
        &mut s,
        table,
        "north-services",
        onward,
        NextHopKind::Internet,
        "",
    );
    assert_eq!(
        failure(&s, "10.4.1.4", 443).unwrap(),
        "A route sends the private address 10.4.1.4 to the internet, where it is not routed: the traffic is dropped."
    );
}

#[test]
fn r31_a_virtual_appliance_must_itself_be_reachable() {
    let mut s = sample();
    let table = route_table(&mut s);
    user_route(
        &mut s,
        table,
        "to-firewall",
        "0.0.0.0/0",
        NextHopKind::VirtualAppliance,
        "10.3.4.4",
    );
    assert_eq!(
        failure(&s, "api.fabrikam.com", 443).unwrap(),
        "The route's next hop is the virtual appliance 10.3.4.4, but nothing in the virtual network or its peers has that address, so the traffic is dropped."
    );
    let app_vnet = vnet(&s, "appVnet");
    ok(
        &mut s,
        Command::AddSubnet {
            vnet: app_vnet,
            name: "firewall".into(),
            prefix: "10.3.4.0/26".into(),
        },
    );
    ok(
        &mut s,
        Command::CreateVirtualMachine {
            vnet: app_vnet,
            subnet: "firewall".into(),
            name: "fw01".into(),
            address: "10.3.4.4".into(),
            host_names: String::new(),
            role: None,
        },
    );
    let report = run(&s, orders(&s), tcp("api.fabrikam.com", 443));
    assert!(report.reachable(), "{:?}", report.failure());
    assert!(report.steps.iter().any(|step| matches!(
        step,
        Step::Passed(Finding::ThroughAppliance { name: "fw01", .. })
    )));
    let error = refused(
        &mut s,
        Command::SetUserRoute {
            route_table: table,
            name: "no-address".into(),
            prefix: "10.9.0.0/16".into(),
            next_hop: NextHopKind::VirtualAppliance,
            appliance: " ".into(),
            replacing: None,
        },
    );
    assert_eq!(
        error.to_string(),
        "The route no-address sends traffic to a virtual appliance, so it needs the appliance's IP address, such as 10.3.0.4."
    );
}

#[test]
fn r31_effective_routes_list_system_and_user_routes_with_their_source() {
    let mut s = sample();
    let table = route_table(&mut s);
    user_route(
        &mut s,
        table,
        "to-firewall",
        "0.0.0.0/0",
        NextHopKind::VirtualAppliance,
        "10.3.4.4",
    );
    let panel = effective_rules(&s, &s.web_apps[&orders(&s)]).unwrap();
    let routes: Vec<(String, String, String)> = panel
        .routes
        .iter()
        .map(|r| {
            (
                r.prefix.to_string(),
                r.source.to_string(),
                r.next_hop.to_string(),
            )
        })
        .collect();
    assert!(routes.contains(&(
        "10.3.0.0/16".into(),
        "Default".into(),
        "Virtual network".into()
    )));
    assert!(routes.contains(&(
        "10.4.0.0/16".into(),
        "Default".into(),
        "VNet peering".into()
    )));
    assert!(routes.contains(&("0.0.0.0/0".into(), "Default".into(), "Internet".into())));
    assert!(routes.contains(&(
        "0.0.0.0/0".into(),
        "User (apps-routes/to-firewall)".into(),
        "Virtual appliance 10.3.4.4".into()
    )));
    assert!(panel
        .routes
        .iter()
        .any(|r| matches!(r.source, RouteSource::User { .. })
            && r.next_hop == EffectiveNextHop::VirtualAppliance("10.3.4.4".parse().unwrap())));
}

#[test]
fn r29_route_all_off_keeps_public_traffic_away_from_nsg_route_table_and_nat() {
    let mut s = sample();
    let table = route_table(&mut s);
    user_route(
        &mut s,
        table,
        "drop-all",
        "0.0.0.0/0",
        NextHopKind::None,
        "",
    );
    let group = nsg(&s);
    ok(
        &mut s,
        Command::SetSecurityRule {
            nsg: group,
            rule: rule(
                "DenyInternet",
                "300",
                Direction::Outbound,
                Access::Deny,
                "Internet",
                "*",
            ),
            replacing: None,
        },
    );
    assert!(
        failure(&s, "api.fabrikam.com", 443).is_some(),
        "Route All on: both apply"
    );
    let orders = orders(&s);
    ok(
        &mut s,
        Command::SetRouteAll {
            app: orders,
            enabled: false,
        },
    );
    let report = run(&s, orders, tcp("api.fabrikam.com", 443));
    assert!(report.reachable(), "{:?}", report.failure());
    assert!(report.steps.iter().any(|step| step.to_string()
        == "20.61.15.7 is a public address: the traffic leaves by the app's shared outbound addresses, not through the virtual network."));
    assert!(!report
        .steps
        .iter()
        .any(|step| matches!(step.stage(), Stage::SecurityGroup | Stage::RouteTable)));
}

#[test]
fn r29_with_route_all_on_internet_traffic_leaves_by_the_nat_gateway() {
    let mut s = sample();
    ok(
        &mut s,
        Command::CreateNatGateway {
            name: "apps-nat".into(),
            region: Region::WestEurope,
            public_ip: "20.73.1.10".into(),
        },
    );
    let nat = *s.nat_gateways.keys().next().unwrap();
    let app_vnet = vnet(&s, "appVnet");
    ok(
        &mut s,
        Command::AssociateNatGateway {
            vnet: app_vnet,
            subnet: "apps".into(),
            nat_gateway: Some(nat),
        },
    );
    let report = run(&s, orders(&s), tcp("api.fabrikam.com", 443));
    assert!(report.reachable());
    assert!(report.steps.iter().any(|step| {
        step.to_string()
        == "The traffic leaves to the internet from the NAT gateway apps-nat, public IP 20.73.1.10."
    }));
    let error = refused(
        &mut s,
        Command::CreateNatGateway {
            name: "private-nat".into(),
            region: Region::WestEurope,
            public_ip: "10.0.0.1".into(),
        },
    );
    assert_eq!(
        error.to_string(),
        "10.0.0.1 is a private (RFC 1918) address; the NAT gateway private-nat needs a public address, such as 20.61.15.7."
    );
}

#[test]
fn r32_a_private_endpoint_resolves_privately_only_through_a_linked_zone() {
    let mut s = sample();
    let name = "contoso-sql.database.windows.net";
    let report = run(&s, orders(&s), tcp(name, 1433));
    assert!(report.reachable(), "{:?}", report.failure());
    assert!(report.steps.iter().any(|step| step.to_string()
        == "contoso-sql.database.windows.net resolves to 10.3.3.4: Azure DNS (168.63.129.16) answered from the private DNS zone privatelink.database.windows.net, linked to the virtual network."));
    let (zone, app_vnet) = (zone(&s), vnet(&s, "appVnet"));
    ok(
        &mut s,
        Command::UnlinkPrivateDnsZone {
            zone,
            vnet: app_vnet,
        },
    );
    let report = run(&s, orders(&s), tcp(name, 1433));
    assert!(report.steps.iter().any(|step| step.to_string()
        == "contoso-sql.database.windows.net resolves to its public address 40.68.37.158: no private DNS zone privatelink.database.windows.net linked to the virtual network holds its private address."));
    let step = report.failure().unwrap();
    assert_eq!(
        step.to_string(),
        "contoso-sql.database.windows.net refuses connections to its public address: the service is reached by its private endpoint, whose address the web app did not get."
    );
    let fix = step.fix();
    assert_eq!(
        fix.advice,
        "Link the private DNS zone privatelink.database.windows.net to appVnet."
    );
    ok(&mut s, fix.command.unwrap());
    assert!(run(&s, orders(&s), tcp(name, 1433)).reachable());
}

#[test]
fn r32_dns_order_website_dns_server_then_custom_servers_then_azure_dns() {
    let mut s = sample();
    let app_vnet = vnet(&s, "appVnet");
    ok(
        &mut s,
        Command::AddSubnet {
            vnet: app_vnet,
            name: "dns".into(),
            prefix: "10.3.5.0/28".into(),
        },
    );
    ok(
        &mut s,
        Command::CreateVirtualMachine {
            vnet: app_vnet,
            subnet: "dns".into(),
            name: "appdns01".into(),
            address: "10.3.5.4".into(),
            host_names: String::new(),
            role: Some(Role::DnsServer {
                records: vec![(
                    "orders-sql01.contoso.internal".into(),
                    "10.3.2.4".parse().unwrap(),
                )],
            }),
        },
    );
    let sql_name = "orders-sql01.contoso.internal";
    // Azure DNS knows no VM names.
    assert_eq!(
        failure(&s, sql_name, 1433).unwrap(),
        "The virtual network has no custom DNS server, so Azure DNS (168.63.129.16) answers, and it does not know orders-sql01.contoso.internal."
    );
    // WEBSITE_DNS_SERVER comes first.
    let orders = orders(&s);
    ok(
        &mut s,
        Command::SetDnsServerSetting {
            app: orders,
            address: "10.3.5.4".into(),
        },
    );
    let report = run(&s, orders, tcp(sql_name, 1433));
    assert!(report.steps.iter().any(|step| step.to_string()
        == "orders-sql01.contoso.internal resolves to 10.3.2.4 (DNS server 10.3.5.4)."));
    // The custom server forwards what it does not hold to Azure DNS, from its own VNet.
    let report = run(&s, orders, tcp("contoso-sql.database.windows.net", 1433));
    assert!(report.steps.iter().any(|step| step.to_string()
        == "contoso-sql.database.windows.net resolves to 10.3.3.4: the DNS server 10.3.5.4 forwarded it to Azure DNS, which answered from the private DNS zone privatelink.database.windows.net."));
    // Without the app setting, the VNet's custom DNS servers answer.
    ok(
        &mut s,
        Command::SetDnsServerSetting {
            app: orders,
            address: String::new(),
        },
    );
    ok(
        &mut s,
        Command::AddDnsServer {
            vnet: app_vnet,
            address: "10.3.5.4".into(),
        },
    );
    assert!(run(&s, orders, tcp(sql_name, 1433))
        .steps
        .iter()
        .any(|step| matches!(step, Step::Passed(Finding::Resolved { .. }))));
    let error = refused(
        &mut s,
        Command::SetDnsServerSetting {
            app: orders,
            address: "10.3.5".into(),
        },
    );
    assert!(error
        .to_string()
        .starts_with("“10.3.5” is not an IPv4 address"));
}

#[test]
fn r32_a_private_zone_answers_only_the_vnets_linked_to_it() {
    let mut s = sample();
    let zone = zone(&s);
    ok(
        &mut s,
        Command::AddZoneRecord {
            zone,
            name: "reports".into(),
            address: "10.3.2.4".into(),
        },
    );
    let error = refused(
        &mut s,
        Command::AddZoneRecord {
            zone,
            name: "reports".into(),
            address: "10.3.2.5".into(),
        },
    );
    assert_eq!(
        error.to_string(),
        "The zone privatelink.database.windows.net already has a record named reports. Remove it first to change its address."
    );
    let target = Target {
        host: "reports.privatelink.database.windows.net",
        port: 1433,
        protocol: Protocol::Tcp,
    };
    assert!(run(&s, orders(&s), target)
        .steps
        .iter()
        .any(|step| matches!(
            step,
            Step::Passed(Finding::ResolvedByAzureDns { zone: Some(_), .. })
        )));
    // contoso-api on corpVnet is not linked.
    let api = app(&s, "contoso-api");
    let corp = vnet(&s, "corpVnet");
    ok(
        &mut s,
        Command::ConnectRegionalToNewSubnet {
            app: api,
            vnet: corp,
            subnet: "integration".into(),
            prefix: "10.1.2.0/26".into(),
            route_all: true,
        },
    );
    assert!(matches!(
        run(&s, api, target).failure(),
        Some(Problem::RegionalNotResolved { .. })
    ));
    let error = refused(
        &mut s,
        Command::CreatePrivateDnsZone {
            name: "not a zone".into(),
        },
    );
    assert!(matches!(error, CommandError::InvalidDnsName { .. }));
}

#[test]
fn internet_hosts_and_private_endpoints_take_ports_and_clean_addresses() {
    let mut s = sample();
    let error = refused(
        &mut s,
        Command::CreateInternetHost {
            name: "intranet.contoso.com".into(),
            address: "192.168.5.5".into(),
        },
    );
    assert!(matches!(error, CommandError::NotPublic { .. }));
    let app_vnet = vnet(&s, "appVnet");
    let error = refused(
        &mut s,
        Command::CreatePrivateEndpoint {
            vnet: app_vnet,
            subnet: "apps".into(),
            target: "contoso-kv.vault.azure.net".into(),
            address: "10.3.1.10".into(),
            public_address: "52.1.1.1".into(),
        },
    );
    assert!(matches!(error, CommandError::DelegatedSubnet { .. }));
    let error = refused(
        &mut s,
        Command::CreatePrivateEndpoint {
            vnet: app_vnet,
            subnet: "endpoints".into(),
            target: "contoso-kv.vault.azure.net".into(),
            address: "10.3.3.4".into(),
            public_address: "52.1.1.1".into(),
        },
    );
    assert_eq!(
        error.to_string(),
        "The address 10.3.3.4 is already used by contoso-sql.database.windows.net. Pick a free address."
    );
    let fabrikam = *s.internet_hosts.keys().next().unwrap();
    let error = refused(
        &mut s,
        Command::OpenPort {
            host: HostRef::InternetHost(fabrikam),
            rule: PortRule {
                protocol: Protocol::Tcp,
                port: 443,
            },
        },
    );
    assert!(matches!(error, CommandError::PortAlreadyOpen { .. }));
}

#[test]
fn r31_a_second_route_for_the_same_prefix_is_refused_naming_the_route_table_and_its_route() {
    let mut s = sample();
    let table = route_table(&mut s);
    user_route(
        &mut s,
        table,
        "default",
        "0.0.0.0/0",
        NextHopKind::Internet,
        "",
    );
    let error = refused(
        &mut s,
        Command::SetUserRoute {
            route_table: table,
            name: "to-firewall".into(),
            prefix: "0.0.0.0/0".into(),
            next_hop: NextHopKind::None,
            appliance: String::new(),
            replacing: None,
        },
    );
    assert!(matches!(error, CommandError::RouteTablePrefixExists { .. }));
    assert_eq!(
        error.to_string(),
        "The route table apps-routes already has a route for 0.0.0.0/0 (default). Edit that route, or give this one another prefix."
    );
}

#[test]
fn a_private_endpoint_is_refused_in_the_gateway_subnet_with_the_reason() {
    let mut s = sample();
    let corp = vnet(&s, "corpVnet");
    let error = refused(
        &mut s,
        Command::CreatePrivateEndpoint {
            vnet: corp,
            subnet: "GatewaySubnet".into(),
            target: "contoso-kv.vault.azure.net".into(),
            address: "10.1.0.10".into(),
            public_address: "52.1.1.1".into(),
        },
    );
    assert!(matches!(
        error,
        CommandError::PrivateEndpointInGatewaySubnet { .. }
    ));
    assert_eq!(
        error.to_string(),
        "A private endpoint cannot be placed in the GatewaySubnet of corpVnet: Azure keeps that subnet for the virtual network gateway. Pick another subnet of corpVnet, or add one."
    );
    let subnets = &s.virtual_networks[&corp].subnets;
    assert!(!subnets[0].holds_private_endpoints());
    assert!(subnets
        .iter()
        .any(|subnet| subnet.holds_private_endpoints()));
}
