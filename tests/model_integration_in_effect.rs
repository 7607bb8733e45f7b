//! What an integration puts in effect, decided in the model so the portal's tile and the check
//! read the same answer: the tile itself, R32's DNS order and R29's NAT gateway.

#[path = "model/support.rs"]
mod support;

use std::net::Ipv4Addr;

use support::*;
use vnet_lab::model::derived::in_effect::{
    dns_in_effect, integration_tile, outbound_nat_gateway, DnsInEffect, IntegrationTile, AZURE_DNS,
};
use vnet_lab::model::entities::region::Region;
use vnet_lab::model::Command;

fn ip(text: &str) -> Ipv4Addr {
    text.parse().unwrap()
}

#[test]
fn r32_dns_in_effect_is_the_app_setting_then_the_vnets_first_two_servers_then_azure_dns() {
    let mut s = sample();
    let (orders, app_vnet) = (app(&s, "contoso-orders"), vnet(&s, "appVnet"));
    let in_effect = |s: &vnet_lab::model::Subscription| {
        dns_in_effect(&s.web_apps[&orders], &s.virtual_networks[&app_vnet])
    };
    assert_eq!(in_effect(&s), DnsInEffect::AzureDns);
    assert_eq!(in_effect(&s).servers(), Vec::<Ipv4Addr>::new());
    assert_eq!(AZURE_DNS.to_string(), "168.63.129.16");
    for address in ["10.1.1.4", "10.1.1.5", "10.1.1.6"] {
        ok(
            &mut s,
            Command::AddDnsServer {
                vnet: app_vnet,
                address: address.into(),
            },
        );
    }
    assert_eq!(
        in_effect(&s),
        DnsInEffect::VnetServers(vec![ip("10.1.1.4"), ip("10.1.1.5")])
    );
    ok(
        &mut s,
        Command::SetDnsServerSetting {
            app: orders,
            address: "10.3.2.10".into(),
        },
    );
    assert_eq!(in_effect(&s), DnsInEffect::AppSetting(ip("10.3.2.10")));
    assert_eq!(in_effect(&s).servers(), vec![ip("10.3.2.10")]);
    // The check asks the same server: nothing answers there, and it says so.
    let report = run(&s, orders, tcp("contoso-sql.database.windows.net", 1433));
    assert!(report.steps.iter().any(|step| step
        .to_string()
        .starts_with("Nothing answers at 10.3.2.10, the DNS server WEBSITE_DNS_SERVER names")));
}

#[test]
fn r29_a_nat_gateway_carries_public_traffic_only_with_route_all() {
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
    let (orders, app_vnet) = (app(&s, "contoso-orders"), vnet(&s, "appVnet"));
    ok(
        &mut s,
        Command::AssociateNatGateway {
            vnet: app_vnet,
            subnet: "apps".into(),
            nat_gateway: Some(nat),
        },
    );
    let in_effect = |s: &vnet_lab::model::Subscription| {
        let regional = s.web_apps[&orders].regional.as_ref().unwrap();
        let subnet = s.virtual_networks[&app_vnet]
            .subnet(&regional.subnet)
            .unwrap();
        outbound_nat_gateway(regional, subnet)
    };
    assert_eq!(in_effect(&s), Some(nat));
    ok(
        &mut s,
        Command::SetRouteAll {
            app: orders,
            enabled: false,
        },
    );
    assert_eq!(in_effect(&s), None);
    let report = run(&s, orders, tcp("api.fabrikam.com", 443));
    assert!(!report
        .steps
        .iter()
        .any(|step| step.to_string().contains("NAT gateway")));
}

#[test]
fn r24_the_tile_follows_the_integration_and_the_plans_tier() {
    let mut s = sample();
    let orders = app(&s, "contoso-orders");
    assert_eq!(
        integration_tile(&s, orders),
        Some(IntegrationTile::Integrated)
    );
    ok(&mut s, Command::DisconnectWebApp { app: orders });
    assert_eq!(integration_tile(&s, orders), Some(IntegrationTile::Picker));
}
