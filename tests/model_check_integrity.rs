//! SPEC §4: the check never answers reachable for a chain it could not follow. Each test breaks
//! one reference behind the model's back, as an edited document could, and asks for a failed
//! last step that names what is missing.

#[path = "model/support.rs"]
mod support;

use support::*;
use vnet_lab::model::derived::check::{Dangling, Problem, Report, Stage, SubnetReference};
use vnet_lab::model::entities::ids::{NatGatewayId, PlanId, RouteTableId, VnetId, WebAppId};
use vnet_lab::model::{Command, Subscription};

/// The problem of the failed last step of a report that must not say reachable.
fn stopped_at<'a>(report: &'a Report<'a>) -> &'a Problem<'a> {
    assert!(!report.reachable(), "reachable: {:?}", report.steps);
    let last = report.steps.last().expect("a step says why");
    assert!(!last.passed(), "the last step passed: {last:?}");
    let problem = last.problem().expect("a failed step has its problem");
    assert_eq!(
        report.failure(),
        Some(problem),
        "the check went on after a failure"
    );
    problem
}

fn integration_subnet(s: &mut Subscription) -> &mut vnet_lab::model::entities::network::Subnet {
    let app_vnet = vnet(s, "appVnet");
    s.virtual_networks
        .get_mut(&app_vnet)
        .unwrap()
        .subnet_mut("apps")
        .unwrap()
}

#[test]
fn check_never_reachable_for_a_web_app_not_in_the_subscription() {
    let s = sample();
    let report = run(&s, WebAppId(9_999), tcp("10.4.1.4", 443));
    let last = stopped_at(&report);
    assert_eq!(
        last,
        &Problem::Dangling(Dangling::WebApp {
            app: WebAppId(9_999)
        })
    );
    assert_eq!(
        last.to_string(),
        "The web app 9999 is not in the subscription, so there is nothing to check."
    );
}

#[test]
fn check_never_reachable_without_the_plan_of_the_web_app() {
    let mut s = sample();
    let orders = app(&s, "contoso-orders");
    let web = app(&s, "contoso-web");
    s.web_apps.get_mut(&orders).unwrap().plan = PlanId(9_001);
    s.web_apps.get_mut(&web).unwrap().plan = PlanId(9_002);
    let report = run(&s, orders, tcp("10.4.1.4", 443));
    let last = stopped_at(&report);
    assert_eq!(last.stage(), Stage::Tier);
    assert_eq!(
        last.to_string(),
        "The web app contoso-orders names the App Service plan 9001, which is not in the subscription, so its pricing tier is unknown."
    );
    let report = run(&s, web, tcp("10.1.1.5", 1433));
    assert_eq!(
        stopped_at(&report).to_string(),
        "The web app contoso-web names the App Service plan 9002, which is not in the subscription, so its pricing tier is unknown."
    );
}

#[test]
fn check_never_reachable_without_the_integration_vnet_of_either_kind() {
    let mut s = sample();
    let orders = app(&s, "contoso-orders");
    let web = app(&s, "contoso-web");
    assert!(run(&s, orders, tcp("10.4.1.4", 443)).reachable());
    s.web_apps
        .get_mut(&orders)
        .unwrap()
        .regional
        .as_mut()
        .unwrap()
        .vnet = VnetId(9_003);
    s.web_apps
        .get_mut(&web)
        .unwrap()
        .connection
        .as_mut()
        .unwrap()
        .vnet = VnetId(9_004);
    let report = run(&s, orders, tcp("10.4.1.4", 443));
    let last = stopped_at(&report);
    assert_eq!(last.stage(), Stage::Connection);
    assert_eq!(
        last.to_string(),
        "The web app's integration names the virtual network 9003, which is not in the subscription, so the connection cannot be followed."
    );
    let fix = last.fix();
    assert_eq!(fix.command, Some(Command::DisconnectWebApp { app: orders }));
    let report = run(&s, web, tcp("10.1.1.5", 1433));
    assert_eq!(
        stopped_at(&report).to_string(),
        "The web app's integration names the virtual network 9004, which is not in the subscription, so the connection cannot be followed."
    );
}

#[test]
fn check_never_reachable_without_the_integration_subnet() {
    let mut s = sample();
    let orders = app(&s, "contoso-orders");
    s.web_apps
        .get_mut(&orders)
        .unwrap()
        .regional
        .as_mut()
        .unwrap()
        .subnet = "gone".into();
    let report = run(&s, orders, tcp("10.4.1.4", 443));
    assert_eq!(
        stopped_at(&report).to_string(),
        "The web app's integration names the subnet gone of appVnet, which appVnet does not have, so the connection cannot be followed."
    );
}

#[test]
fn check_never_reachable_without_the_subnets_network_security_group() {
    let mut s = sample();
    let orders = app(&s, "contoso-orders");
    s.network_security_groups.clear();
    let nsg = integration_subnet(&mut s).network_security_group.unwrap();
    let report = run(&s, orders, tcp("10.4.1.4", 443));
    let last = stopped_at(&report);
    assert_eq!(last.stage(), Stage::SecurityGroup);
    assert_eq!(
        last.to_string(),
        format!("The subnet apps of appVnet names the network security group {nsg}, which is not in the subscription, so its rules are unknown.")
    );
    let fix = last.fix();
    assert_eq!(
        fix.advice,
        "Dissociate the missing network security group from the subnet, or associate one that exists."
    );
    ok(&mut s, fix.command.unwrap());
    assert!(run(&s, orders, tcp("10.4.1.4", 443)).reachable());
}

#[test]
fn check_never_reachable_without_the_subnets_route_table() {
    let mut s = sample();
    let orders = app(&s, "contoso-orders");
    integration_subnet(&mut s).route_table = Some(RouteTableId(9_005));
    let report = run(&s, orders, tcp("10.4.1.4", 443));
    let last = stopped_at(&report);
    assert_eq!(last.stage(), Stage::RouteTable);
    assert_eq!(
        last,
        &Problem::Dangling(Dangling::OfSubnet {
            vnet: vnet(&s, "appVnet"),
            vnet_name: "appVnet",
            subnet: "apps",
            what: SubnetReference::RouteTable(RouteTableId(9_005)),
        })
    );
    assert_eq!(
        last.to_string(),
        "The subnet apps of appVnet names the route table 9005, which is not in the subscription, so its routes are unknown."
    );
}

#[test]
fn check_never_reachable_without_the_subnets_nat_gateway() {
    let mut s = sample();
    let orders = app(&s, "contoso-orders");
    assert!(run(&s, orders, tcp("api.fabrikam.com", 443)).reachable());
    integration_subnet(&mut s).nat_gateway = Some(NatGatewayId(9_006));
    let report = run(&s, orders, tcp("api.fabrikam.com", 443));
    assert_eq!(
        stopped_at(&report).to_string(),
        "The subnet apps of appVnet names the NAT gateway 9006, which is not in the subscription, so its public IP is unknown."
    );
}

#[test]
fn check_never_reachable_on_premises_without_the_gateway() {
    let mut s = sample();
    let api = app(&s, "contoso-api");
    let corp = vnet(&s, "corpVnet");
    ok(
        &mut s,
        Command::ConnectRegionalToNewSubnet {
            app: api,
            vnet: corp,
            subnet: "integration".into(),
            prefix: "10.1.2.0/26".into(),
            route_all: false,
        },
    );
    let hq = local(&s, "onPremHQ");
    ok(
        &mut s,
        Command::AddRoute {
            local_network: hq,
            prefix: "10.1.2.0/26".into(),
        },
    );
    assert!(run(&s, api, tcp("192.168.1.10", 8080)).reachable());
    s.virtual_networks.get_mut(&corp).unwrap().gateway = None;
    let report = run(&s, api, tcp("192.168.1.10", 8080));
    assert_eq!(
        stopped_at(&report).to_string(),
        "corpVnet cannot carry the connection: it has no gateway: create a Dynamic routing gateway."
    );
}
