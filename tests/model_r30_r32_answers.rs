//! The check's answers for an NSG with only an inbound rule matching (R30) and for DNS servers
//! set by `WEBSITE_DNS_SERVER` (R32): the fix follows the server that answered, and a server
//! where nothing listens is named so.

#[path = "model/support.rs"]
mod support;

use support::*;
use vnet_lab::model::commands::command::SecurityRuleInput;
use vnet_lab::model::derived::check::{Finding, Problem, Stage, Step};
use vnet_lab::model::entities::security::{Access, Direction, RuleProtocol};
use vnet_lab::model::{Command, Subscription};

const SQL: &str = "contoso-sql.database.windows.net";

fn set_dns_server(s: &mut Subscription, address: &str) {
    let orders = app(s, "contoso-orders");
    ok(
        s,
        Command::SetDnsServerSetting {
            app: orders,
            address: address.into(),
        },
    );
}

#[test]
fn r30_an_inbound_rule_alone_has_no_effect_on_the_apps_outbound_traffic() {
    let mut s = sample();
    let nsg = *s.network_security_groups.keys().next().unwrap();
    ok(
        &mut s,
        Command::RemoveSecurityRule {
            nsg,
            name: "DenySqlToData".into(),
        },
    );
    ok(
        &mut s,
        Command::SetSecurityRule {
            nsg,
            rule: SecurityRuleInput {
                name: "DenySqlInbound".into(),
                priority: "300".into(),
                direction: Direction::Inbound,
                access: Access::Deny,
                protocol: RuleProtocol::Tcp,
                destination: "10.3.2.0/24".into(),
                ports: "1433".into(),
            },
            replacing: None,
        },
    );
    let report = run(&s, app(&s, "contoso-orders"), tcp("10.3.2.4", 1433));
    assert!(report.reachable(), "{:?}", report.failure());
    let security: Vec<String> = report
        .steps
        .iter()
        .filter(|step| step.stage() == Stage::SecurityGroup)
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        security,
        [
            "The network security group apps-nsg allows it: outbound rule AllowVnetOutBound (65000): Allow Any to VirtualNetwork any port.",
            "The inbound rule DenySqlInbound (300): Deny TCP to 10.3.2.0/24 port 1433 of apps-nsg matches this traffic too, but inbound rules have no effect on the app's outbound traffic.",
        ]
    );
    // With no inbound rule matching, the allow stands alone.
    let report = run(&s, app(&s, "contoso-orders"), tcp("10.4.1.4", 443));
    assert!(!report
        .steps
        .iter()
        .any(|step| matches!(step, Step::Passed(Finding::InboundRuleIgnored { .. }))));
}

#[test]
fn r32_the_private_endpoint_fix_follows_the_dns_server_that_answered() {
    let mut s = sample();
    let (app_vnet, corp) = (vnet(&s, "appVnet"), vnet(&s, "corpVnet"));
    ok(
        &mut s,
        Command::PeerVirtualNetworks {
            vnet: app_vnet,
            remote: corp,
        },
    );
    // corpVnet's DNS server answers, knows no privatelink name, and forwards to Azure DNS from
    // corpVnet, to which the zone is not linked: the public address.
    set_dns_server(&mut s, "10.1.1.4");
    let report = run(&s, app(&s, "contoso-orders"), tcp(SQL, 1433));
    assert!(report.steps.iter().any(|step| step.to_string()
        == "contoso-sql.database.windows.net resolves to its public address 40.68.37.158: the DNS server 10.1.1.4 forwarded it to Azure DNS from corpVnet, where no private DNS zone privatelink.database.windows.net holding its private address is linked."));
    let failure = report.failure().unwrap();
    assert!(matches!(failure, Problem::PublicAccessDenied { .. }));
    let fix = failure.fix();
    assert_eq!(
        fix.advice,
        "Link the private DNS zone privatelink.database.windows.net to corpVnet."
    );
    let zone = *s.private_dns_zones.keys().next().unwrap();
    assert_eq!(
        fix.command,
        Some(Command::LinkPrivateDnsZone { zone, vnet: corp })
    );
    ok(&mut s, fix.command.unwrap());
    let report = run(&s, app(&s, "contoso-orders"), tcp(SQL, 1433));
    assert!(report.reachable(), "{:?}", report.failure());
}

#[test]
fn r32_the_public_address_of_a_private_endpoint_with_a_linked_zone_asks_for_its_name() {
    let s = sample();
    let report = run(&s, app(&s, "contoso-orders"), tcp("40.68.37.158", 1433));
    let fix = report.failure().unwrap().fix();
    assert_eq!(
        fix.advice,
        "Connect by the name contoso-sql.database.windows.net: the private DNS zone privatelink.database.windows.net, linked to appVnet, resolves it to the private endpoint's address 10.3.3.4."
    );
    assert_eq!(fix.command, None);
}

#[test]
fn r32_nothing_answering_at_website_dns_server_is_named_so() {
    let mut s = sample();
    set_dns_server(&mut s, "10.3.2.10");
    let orders = app(&s, "contoso-orders");
    let report = run(&s, orders, tcp(SQL, 1433));
    let failure = report.failure().unwrap();
    assert_eq!(failure.stage(), Stage::NameResolution);
    assert_eq!(
        failure.to_string(),
        "Nothing answers at 10.3.2.10, the DNS server WEBSITE_DNS_SERVER names, so contoso-sql.database.windows.net does not resolve."
    );
    let fix = failure.fix();
    assert_eq!(
        fix.advice,
        "Remove WEBSITE_DNS_SERVER, or set it to the address of a DNS server that answers."
    );
    ok(&mut s, fix.command.unwrap());
    assert_eq!(s.web_apps[&orders].dns_server, None);
    assert!(run(&s, orders, tcp(SQL, 1433)).reachable());
}

#[test]
fn r32_nothing_answering_at_the_vnets_dns_servers_is_named_so() {
    let mut s = sample();
    let app_vnet = vnet(&s, "appVnet");
    ok(
        &mut s,
        Command::AddDnsServer {
            vnet: app_vnet,
            address: "10.3.2.11".into(),
        },
    );
    let report = run(&s, app(&s, "contoso-orders"), tcp(SQL, 1433));
    let failure = report.failure().unwrap();
    assert_eq!(
        failure.to_string(),
        "Nothing answers at the virtual network's DNS servers (10.3.2.11), so contoso-sql.database.windows.net does not resolve."
    );
    assert_eq!(
        failure.fix().advice,
        "Create the DNS server at 10.3.2.11 in the virtual network or a peered one, or correct the VNet's DNS servers."
    );
}
