//! One test (at least) per rule of SPEC.md, named after it: `cargo test r07_` runs one rule's.
#![cfg(not(target_arch = "wasm32"))]

#[path = "model/support.rs"]
mod support;

use std::net::Ipv4Addr;
use strum::VariantArray;

use support::*;
use vnet_lab::model::derived::check::{Finding, Hop, Problem, ReturnRange, Stage, Step};
use vnet_lab::model::derived::hybrid::hybrid_answer;
use vnet_lab::model::derived::integration::IntegrationKind;
use vnet_lab::model::derived::status::{
    connection_status, missing_conditions, plan_networks, virtual_network_tile, ConnectionStatus,
    MissingCondition, OutOfSyncReason, SyncChange, Validity, VirtualNetworkTile,
};
use vnet_lab::model::entities::clock::{Step as ClockStep, GATEWAY_PROVISIONING};
use vnet_lab::model::entities::host::{PortRule, Protocol, Role};
use vnet_lab::model::entities::network::Routing;
use vnet_lab::model::entities::region::Region;
use vnet_lab::model::entities::tier::{Tier, TierFamily};
use vnet_lab::model::{ClockTarget, Command, CommandError, HostRef, Subscription};

/// A Standard plan `plan` with one web app `app`, in an otherwise empty subscription.
fn standard_app(
    s: &mut Subscription,
    plan_name: &str,
    app_name: &str,
) -> vnet_lab::model::entities::ids::WebAppId {
    if s.plans.values().all(|p| p.name != plan_name) {
        ok(
            s,
            Command::CreatePlan {
                region: Region::WestEurope,
                name: plan_name.into(),
                tier: Tier::S1,
            },
        );
    }
    let plan = plan(s, plan_name);
    ok(
        s,
        Command::CreateWebApp {
            name: app_name.into(),
            plan,
        },
    );
    app(s, app_name)
}

/// A VNet `name` (10.n.0.0/16) with a ready Dynamic gateway and P2S pool 172.16.n.0/24.
fn eligible_vnet(
    s: &mut Subscription,
    name: &str,
    n: u8,
) -> vnet_lab::model::entities::ids::VnetId {
    ok(
        s,
        Command::CreateVirtualNetwork {
            region: Region::WestEurope,
            name: name.into(),
            address_space: format!("10.{n}.0.0/16"),
            dns_servers: String::new(),
        },
    );
    let id = vnet(s, name);
    ok(
        s,
        Command::CreateGateway {
            vnet: id,
            routing: Routing::Dynamic,
        },
    );
    ok(
        s,
        Command::AdvanceClock {
            seconds: GATEWAY_PROVISIONING,
        },
    );
    ok(
        s,
        Command::EnablePointToSite {
            vnet: id,
            pool: format!("172.16.{n}.0/24"),
        },
    );
    id
}

#[test]
fn r01_only_standard_and_premium_plans_can_connect() {
    for &tier in Tier::VARIANTS {
        let expected = matches!(tier.family(), TierFamily::Standard | TierFamily::Premium);
        assert_eq!(tier.allows_vnet_integration(), expected, "{tier}");
    }
    let mut s = sample();
    let blog = app(&s, "contoso-blog");
    let corp = vnet(&s, "corpVnet");
    let error = refused(
        &mut s,
        Command::ConnectWebApp {
            app: blog,
            vnet: corp,
        },
    );
    assert!(matches!(
        error,
        CommandError::TierTooLow { tier: Tier::B1, .. }
    ));
    assert!(
        error.to_string().contains("needs Standard or Premium"),
        "{error}"
    );
}

#[test]
fn r01_premium_v3_v4_and_elastic_premium_plans_are_premium_and_can_connect() {
    let premium: Vec<String> = TierFamily::Premium.tiers().map(|t| t.to_string()).collect();
    for shown in [
        "Premium P1",
        "Premium v3 P0v3",
        "Premium v3 P1v3",
        "Premium v3 P5mv3",
        "Premium v4 P1v4",
        "Premium v4 P5mv4",
        "Elastic Premium EP1",
        "Elastic Premium EP3",
    ] {
        assert!(
            premium.iter().any(|t| t == shown),
            "the Premium card lists {shown}: {premium:?}"
        );
    }
    // Every tier is on exactly one card of the picker.
    let listed: usize = TierFamily::VARIANTS.iter().map(|f| f.tiers().count()).sum();
    assert_eq!(listed, Tier::VARIANTS.len());
    for tier in TierFamily::Premium.tiers() {
        assert!(
            tier.allows_vnet_integration() && tier.allows_regional_integration(),
            "{tier}"
        );
        assert_eq!(
            tier.hybrid_connection_limit().to_string(),
            "220 Hybrid Connections per web app",
            "{tier}"
        );
    }
    let mut s = sample();
    let blog = app(&s, "contoso-blog");
    let corp = vnet(&s, "corpVnet");
    let basic = plan(&s, "contoso-basic");
    ok(
        &mut s,
        Command::ScalePlan {
            plan: basic,
            tier: Tier::EP1,
        },
    );
    ok(
        &mut s,
        Command::ConnectWebApp {
            app: blog,
            vnet: corp,
        },
    );
    ok(
        &mut s,
        Command::ScalePlan {
            plan: basic,
            tier: Tier::P1v3,
        },
    );
    assert_eq!(
        virtual_network_tile(&s, blog),
        VirtualNetworkTile::Available
    );
}

#[test]
fn r02_tile_below_standard_offers_the_pricing_tier_picker_which_scales_the_plan() {
    let mut s = sample();
    let blog = app(&s, "contoso-blog");
    assert_eq!(
        virtual_network_tile(&s, blog),
        VirtualNetworkTile::NeedsHigherTier { tier: Tier::B1 }
    );
    let basic = plan(&s, "contoso-basic");
    ok(
        &mut s,
        Command::ScalePlan {
            plan: basic,
            tier: TierFamily::Standard.entry_tier(),
        },
    );
    assert_eq!(
        virtual_network_tile(&s, blog),
        VirtualNetworkTile::Available
    );
    assert_eq!(s.plans[&basic].tier, Tier::S1);
}

#[test]
fn r03_sixth_distinct_vnet_is_refused_listing_the_five() {
    let mut s = Subscription::empty();
    let names = ["net-a", "net-b", "net-c", "net-d", "net-e", "net-f"];
    for (i, name) in names.iter().enumerate() {
        eligible_vnet(&mut s, name, i as u8 + 1);
        standard_app(&mut s, "plan-one", &format!("app-{i}"));
    }
    for (i, name) in names[..5].iter().enumerate() {
        let (a, v) = (app(&s, &format!("app-{i}")), vnet(&s, name));
        ok(&mut s, Command::ConnectWebApp { app: a, vnet: v });
    }
    let (sixth_app, sixth_vnet) = (app(&s, "app-5"), vnet(&s, "net-f"));
    let error = refused(
        &mut s,
        Command::ConnectWebApp {
            app: sixth_app,
            vnet: sixth_vnet,
        },
    );
    let message = error.to_string();
    for name in &names[..5] {
        assert!(message.contains(name), "{message}");
    }
    assert!(message.contains("5 virtual networks"), "{message}");
    // Any number of the plan's apps may share the five.
    let net_a = vnet(&s, "net-a");
    ok(
        &mut s,
        Command::ConnectWebApp {
            app: sixth_app,
            vnet: net_a,
        },
    );
    assert_eq!(plan_networks(&s, plan(&s, "plan-one")).len(), 5);
}

#[test]
fn r04_a_connected_app_must_disconnect_before_connecting_elsewhere() {
    let mut s = sample();
    let web = app(&s, "contoso-web");
    let other = eligible_vnet(&mut s, "otherVnet", 50);
    let error = refused(
        &mut s,
        Command::ConnectWebApp {
            app: web,
            vnet: other,
        },
    );
    assert!(matches!(error, CommandError::AlreadyConnected { .. }));
    assert!(
        error
            .to_string()
            .contains("Disconnect it from corpVnet first"),
        "{error}"
    );
    ok(&mut s, Command::DisconnectWebApp { app: web });
    ok(
        &mut s,
        Command::ConnectWebApp {
            app: web,
            vnet: other,
        },
    );
}

#[test]
fn r05_scaling_down_disables_and_scaling_up_restores_connections_unchanged() {
    let mut s = sample();
    let web = app(&s, "contoso-web");
    let standard = plan(&s, "contoso-standard");
    let before = s.web_apps[&web].connection.clone();
    ok(
        &mut s,
        Command::ScalePlan {
            plan: standard,
            tier: Tier::B2,
        },
    );
    assert_eq!(
        connection_status(&s, web),
        ConnectionStatus::DisabledByTier { tier: Tier::B2 }
    );
    assert_eq!(s.web_apps[&web].connection, before, "kept while disabled");
    assert!(!run(&s, web, tcp("10.1.1.5", 1433)).reachable());
    ok(
        &mut s,
        Command::ScalePlan {
            plan: standard,
            tier: Tier::P1,
        },
    );
    assert_eq!(connection_status(&s, web), ConnectionStatus::Connected);
    assert_eq!(s.web_apps[&web].connection, before);
}

#[test]
fn r06_plan_view_lists_each_vnet_with_its_apps() {
    let mut s = sample();
    let (api, web, corp) = (
        app(&s, "contoso-api"),
        app(&s, "contoso-web"),
        vnet(&s, "corpVnet"),
    );
    ok(
        &mut s,
        Command::ConnectWebApp {
            app: api,
            vnet: corp,
        },
    );
    let networks = plan_networks(&s, plan(&s, "contoso-standard"));
    assert_eq!(networks.len(), 1);
    assert_eq!(networks[0].vnet, corp);
    assert_eq!(networks[0].apps, vec![web, api]);
}

#[test]
fn r07_static_gateway_cannot_enable_p2s() {
    let mut s = sample();
    let cant = vnet(&s, "cantConnectVnet");
    let error = refused(
        &mut s,
        Command::EnablePointToSite {
            vnet: cant,
            pool: "172.17.0.0/24".into(),
        },
    );
    assert_eq!(
        error,
        CommandError::StaticRoutingCannotEnablePointToSite {
            vnet: "cantConnectVnet".into()
        }
    );
    assert!(error.to_string().contains("Static routing"), "{error}");
}

#[test]
fn r08_ineligible_vnet_names_every_missing_condition() {
    let mut s = sample();
    let cant = s.vnet_named("cantConnectVnet").unwrap();
    assert_eq!(
        missing_conditions(&s, cant),
        vec![
            MissingCondition::StaticRoutingGateway,
            MissingCondition::PointToSiteNotEnabled
        ]
    );
    assert!(missing_conditions(&s, s.vnet_named("corpVnet").unwrap()).is_empty());
    ok(
        &mut s,
        Command::CreateVirtualNetwork {
            region: Region::WestEurope,
            name: "bare".into(),
            address_space: "10.9.0.0/16".into(),
            dns_servers: String::new(),
        },
    );
    let bare = s.vnet_named("bare").unwrap();
    assert_eq!(
        missing_conditions(&s, bare),
        vec![
            MissingCondition::NoGateway,
            MissingCondition::PointToSiteNotEnabled
        ]
    );
    let (api, cant) = (app(&s, "contoso-api"), vnet(&s, "cantConnectVnet"));
    let error = refused(
        &mut s,
        Command::ConnectWebApp {
            app: api,
            vnet: cant,
        },
    );
    assert!(
        error.to_string().contains("Static routing")
            && error.to_string().contains("point-to-site is not enabled"),
        "{error}"
    );
}

#[test]
fn r09_new_vnet_provisions_for_thirty_minutes_then_the_app_is_connected() {
    let mut s = sample();
    let api = app(&s, "contoso-api");
    ok(
        &mut s,
        Command::CreateVirtualNetworkAndConnect {
            app: api,
            name: "apiVnet".into(),
            address_space: "10.20.0.0/16".into(),
            dns_servers: "10.20.0.4".into(),
        },
    );
    let new = s.vnet_named("apiVnet").unwrap();
    assert_eq!(new.gateway.as_ref().unwrap().routing, Routing::Dynamic);
    assert_eq!(
        new.point_to_site.as_ref().unwrap().pool.to_string(),
        "172.16.0.0/24"
    );
    assert!(matches!(
        connection_status(&s, api),
        ConnectionStatus::GatewayNotReady { .. }
    ));
    ok(&mut s, Command::AdvanceClock { seconds: 29 * 60 });
    assert!(matches!(
        connection_status(&s, api),
        ConnectionStatus::GatewayNotReady { .. }
    ));
    let event = ok(&mut s, Command::AdvanceClock { seconds: 60 });
    assert!(
        event
            .finished
            .iter()
            .any(|line| line.text.contains("contoso-api is connected to apiVnet")),
        "{event:?}"
    );
    assert_eq!(connection_status(&s, api), ConnectionStatus::Connected);
}

#[test]
fn r10_a_vm_cannot_move_between_vnets() {
    let mut s = sample();
    let (corp, cant) = (vnet(&s, "corpVnet"), vnet(&s, "cantConnectVnet"));
    let vm = s.virtual_networks[&corp].virtual_machines[0].id;
    let error = refused(
        &mut s,
        Command::MoveVirtualMachine {
            vnet: corp,
            vm,
            to: cant,
        },
    );
    assert!(
        error
            .to_string()
            .contains("joins a virtual network only when it is created"),
        "{error}"
    );
}

#[test]
fn r11_cidrs_are_parsed_strictly_and_quoted() {
    let mut s = Subscription::empty();
    let cases = [
        (
            "10.0.0.1/16",
            "“10.0.0.1/16” has host bits set; did you mean 10.0.0.0/16?",
        ),
        ("10.0.0.256/16", "“10.0.0.256” is not an IPv4 address"),
        (
            "10.0.0.0/33",
            "“10.0.0.0/33” has a prefix length that is not a number from 0 to 32",
        ),
        ("10.0.0.0", "“10.0.0.0” has no prefix length"),
    ];
    for (text, message) in cases {
        let error = refused(
            &mut s,
            Command::CreateVirtualNetwork {
                region: Region::WestEurope,
                name: "v1".into(),
                address_space: text.into(),
                dns_servers: String::new(),
            },
        );
        assert!(error.to_string().contains(message), "{text}: {error}");
    }
    let error = refused(
        &mut s,
        Command::CreateVirtualNetwork {
            region: Region::WestEurope,
            name: "v1".into(),
            address_space: "10.0.0.0/16, 10.0.128.0/17".into(),
            dns_servers: String::new(),
        },
    );
    assert!(matches!(error, CommandError::OverlappingPrefixes { .. }));
    let error = refused(
        &mut s,
        Command::CreateVirtualNetwork {
            region: Region::WestEurope,
            name: "v1".into(),
            address_space: "10.0.0.0/16".into(),
            dns_servers: "10.0.0.300".into(),
        },
    );
    assert!(
        error
            .to_string()
            .contains("“10.0.0.300” is not an IPv4 address"),
        "{error}"
    );
}

#[test]
fn r11_subnets_lie_inside_the_space_without_overlap() {
    let mut s = sample();
    let corp = vnet(&s, "corpVnet");
    let outside = refused(
        &mut s,
        Command::AddSubnet {
            vnet: corp,
            name: "Far".into(),
            prefix: "10.2.0.0/24".into(),
        },
    );
    assert!(matches!(
        outside,
        CommandError::SubnetOutsideAddressSpace { .. }
    ));
    let overlap = refused(
        &mut s,
        Command::AddSubnet {
            vnet: corp,
            name: "Dup".into(),
            prefix: "10.1.1.128/25".into(),
        },
    );
    assert!(overlap.to_string().contains("Backend"), "{overlap}");
}

#[test]
fn r11_point_to_site_pool_is_private_and_overlaps_nothing_linked() {
    let mut s = Subscription::empty();
    ok(
        &mut s,
        Command::CreateVirtualNetwork {
            region: Region::WestEurope,
            name: "v1".into(),
            address_space: "10.1.0.0/16".into(),
            dns_servers: String::new(),
        },
    );
    let v1 = vnet(&s, "v1");
    ok(
        &mut s,
        Command::CreateGateway {
            vnet: v1,
            routing: Routing::Dynamic,
        },
    );
    ok(
        &mut s,
        Command::CreateLocalNetwork {
            name: "site".into(),
            address_space: "192.168.0.0/16".into(),
            vpn_device: "131.107.1.1".into(),
        },
    );
    let site = local(&s, "site");
    ok(
        &mut s,
        Command::LinkSiteToSite {
            vnet: v1,
            local_network: site,
        },
    );
    let public = refused(
        &mut s,
        Command::EnablePointToSite {
            vnet: v1,
            pool: "8.8.8.0/24".into(),
        },
    );
    assert!(matches!(public, CommandError::PoolNotPrivate { .. }));
    let in_vnet = refused(
        &mut s,
        Command::EnablePointToSite {
            vnet: v1,
            pool: "10.1.5.0/24".into(),
        },
    );
    assert!(
        in_vnet.to_string().contains("overlaps 10.1.0.0/16 of v1"),
        "{in_vnet}"
    );
    let on_site = refused(
        &mut s,
        Command::EnablePointToSite {
            vnet: v1,
            pool: "192.168.4.0/24".into(),
        },
    );
    assert!(on_site.to_string().contains("of site"), "{on_site}");
    ok(
        &mut s,
        Command::EnablePointToSite {
            vnet: v1,
            pool: "172.16.0.0/24".into(),
        },
    );
}

#[test]
fn r12_first_connection_makes_a_certificate_later_apps_reuse_it() {
    let mut s = sample();
    let corp = vnet(&s, "corpVnet");
    let web = app(&s, "contoso-web");
    let thumbprint = s.web_apps[&web]
        .connection
        .as_ref()
        .unwrap()
        .thumbprint
        .clone();
    assert_eq!(thumbprint.len(), 40);
    assert!(thumbprint
        .chars()
        .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase()));
    let uploaded = &s.virtual_networks[&corp]
        .point_to_site
        .as_ref()
        .unwrap()
        .certificates;
    assert_eq!(uploaded.len(), 1);
    assert_eq!(uploaded[0].thumbprint, thumbprint);
    let api = app(&s, "contoso-api");
    ok(
        &mut s,
        Command::ConnectWebApp {
            app: api,
            vnet: corp,
        },
    );
    assert_eq!(
        s.web_apps[&api].connection.as_ref().unwrap().thumbprint,
        thumbprint
    );
    // One certificate for corpVnet, shared; the other is northVnet's (SPEC §7's contoso-reports).
    assert_eq!(
        s.certificates
            .iter()
            .filter(|issued| issued.vnet == corp)
            .count(),
        1
    );
    let pem = s.certificate(&thumbprint).unwrap().pem();
    assert!(
        pem.starts_with("-----BEGIN CERTIFICATE-----\n")
            && pem.ends_with("-----END CERTIFICATE-----\n")
    );
}

#[test]
fn r13_deleted_revoked_or_expired_certificate_is_out_of_sync_until_synced() {
    let mut s = sample();
    let (web, corp) = (app(&s, "contoso-web"), vnet(&s, "corpVnet"));
    let thumbprint = s.web_apps[&web]
        .connection
        .as_ref()
        .unwrap()
        .thumbprint
        .clone();

    ok(
        &mut s,
        Command::DeleteCertificate {
            vnet: corp,
            thumbprint: thumbprint.clone(),
        },
    );
    assert_eq!(
        connection_status(&s, web),
        ConnectionStatus::OutOfSync {
            reason: OutOfSyncReason::CertificateMissing
        }
    );
    assert!(
        !run(&s, web, tcp("10.1.1.5", 1433)).reachable(),
        "out of sync carries no traffic"
    );
    ok(&mut s, Command::SyncConnection { app: web });
    assert_eq!(connection_status(&s, web), ConnectionStatus::Connected);
    assert_eq!(
        s.web_apps[&web].connection.as_ref().unwrap().thumbprint,
        thumbprint,
        "re-uploaded, same thumbprint"
    );

    ok(
        &mut s,
        Command::RevokeCertificate {
            vnet: corp,
            thumbprint: thumbprint.clone(),
        },
    );
    assert_eq!(
        connection_status(&s, web),
        ConnectionStatus::OutOfSync {
            reason: OutOfSyncReason::CertificateRevoked
        }
    );
    ok(&mut s, Command::SyncConnection { app: web });
    let renewed = s.web_apps[&web]
        .connection
        .as_ref()
        .unwrap()
        .thumbprint
        .clone();
    assert_ne!(renewed, thumbprint);
    assert_eq!(connection_status(&s, web), ConnectionStatus::Connected);

    // Valid 8 years to the second: at the end it still works, a second later it has expired.
    ok(
        &mut s,
        Command::MoveClock {
            to: ClockTarget::By(ClockStep::Years(8)),
        },
    );
    assert_eq!(connection_status(&s, web), ConnectionStatus::Connected);
    ok(&mut s, Command::AdvanceClock { seconds: 1 });
    assert_eq!(
        connection_status(&s, web),
        ConnectionStatus::OutOfSync {
            reason: OutOfSyncReason::CertificateExpired
        }
    );
    let event = ok(&mut s, Command::SyncConnection { app: web });
    assert!(
        event.summary.contains("new thumbprint"),
        "{}",
        event.summary
    );
    assert_ne!(
        s.web_apps[&web].connection.as_ref().unwrap().thumbprint,
        renewed
    );
    assert_eq!(connection_status(&s, web), ConnectionStatus::Connected);
}

#[test]
fn r13_fewer_than_6_months_left_warns_then_expiry_breaks_the_check_until_sync_renews() {
    let mut s = sample();
    let web = app(&s, "contoso-web");
    let thumbprint = s.web_apps[&web]
        .connection
        .as_ref()
        .unwrap()
        .thumbprint
        .clone();
    let validity = |s: &Subscription| Validity::of(s.certificate(&thumbprint).unwrap(), s.now());
    assert!(matches!(validity(&s), Validity::Valid { .. }));

    // The certificate ends 2023-03-24 09:30: typed dates just before and after 6 months left.
    ok(
        &mut s,
        Command::MoveClock {
            to: ClockTarget::At("2022-09-24 09:29".into()),
        },
    );
    assert!(
        matches!(validity(&s), Validity::Valid { .. }),
        "6 months and a minute left"
    );
    ok(
        &mut s,
        Command::MoveClock {
            to: ClockTarget::At("2022-10-24 09:30".into()),
        },
    );
    assert_eq!(
        validity(&s).to_string(),
        "Expires in 151 days, at 2023-03-24 09:30 UTC"
    );
    assert_eq!(validity(&s).label(), "Expires soon");
    assert_eq!(
        validity(&s).warning().unwrap(),
        "The certificate expires in 151 days, at 2023-03-24 09:30 UTC. Once it has expired the \
         connection is out of sync and carries no traffic; Sync connection then renews it with a \
         new thumbprint."
    );
    assert_eq!(connection_status(&s, web), ConnectionStatus::Connected);
    assert!(run(&s, web, tcp("10.1.1.5", 1433)).reachable());

    ok(
        &mut s,
        Command::MoveClock {
            to: ClockTarget::By(ClockStep::Years(1)),
        },
    );
    assert_eq!(validity(&s).to_string(), "Expired at 2023-03-24 09:30 UTC");
    assert_eq!(
        connection_status(&s, web),
        ConnectionStatus::OutOfSync {
            reason: OutOfSyncReason::CertificateExpired
        }
    );
    let report = run(&s, web, tcp("10.1.1.5", 1433));
    assert_eq!(report.failure().unwrap().stage(), Stage::Certificate);

    ok(&mut s, Command::SyncConnection { app: web });
    let renewed = &s.web_apps[&web].connection.as_ref().unwrap().thumbprint;
    assert_ne!(*renewed, thumbprint);
    let certificate = s.certificate(renewed).unwrap();
    assert_eq!(certificate.not_before, s.now());
    assert_eq!(certificate.not_after.to_string(), "2031-10-24 09:30 UTC");
    assert!(run(&s, web, tcp("10.1.1.5", 1433)).reachable());
}

#[test]
fn r14_new_dns_server_or_site_link_requires_a_sync() {
    let mut s = sample();
    let (web, corp) = (app(&s, "contoso-web"), vnet(&s, "corpVnet"));
    ok(
        &mut s,
        Command::AddDnsServer {
            vnet: corp,
            address: "10.1.1.4".into(),
        },
    );
    assert_eq!(
        connection_status(&s, web),
        ConnectionStatus::SyncRequired {
            changes: vec![SyncChange::DnsServers]
        }
    );
    let stale = run(&s, web, tcp("sql01.corp.contoso.com", 1433));
    assert!(
        matches!(
            stale.failure(),
            Some(Problem::NoDnsServer {
                sync_would_help: true,
                ..
            })
        ),
        "{:?}",
        stale.steps
    );
    ok(&mut s, Command::SyncConnection { app: web });
    assert!(run(&s, web, tcp("sql01.corp.contoso.com", 1433)).reachable());

    ok(
        &mut s,
        Command::CreateLocalNetwork {
            name: "branch".into(),
            address_space: "192.169.0.0/24".into(),
            vpn_device: "131.107.2.2".into(),
        },
    );
    let branch = local(&s, "branch");
    ok(
        &mut s,
        Command::AddServer {
            local_network: branch,
            name: "b1".into(),
            address: "192.169.0.5".into(),
            host_names: String::new(),
            role: None,
        },
    );
    ok(
        &mut s,
        Command::AddRoute {
            local_network: branch,
            prefix: "172.16.0.0/24".into(),
        },
    );
    let b1 = s.local_networks[&branch].servers[0].id;
    ok(
        &mut s,
        Command::OpenPort {
            host: HostRef::Server(branch, b1),
            rule: PortRule {
                protocol: Protocol::Tcp,
                port: 80,
            },
        },
    );
    ok(
        &mut s,
        Command::LinkSiteToSite {
            vnet: corp,
            local_network: branch,
        },
    );
    assert_eq!(
        connection_status(&s, web),
        ConnectionStatus::SyncRequired {
            changes: vec![SyncChange::SiteToSite]
        }
    );
    assert!(matches!(
        run(&s, web, tcp("192.169.0.5", 80)).failure(),
        Some(Problem::LinkNotSynced { .. })
    ));
    ok(&mut s, Command::SyncConnection { app: web });
    assert!(run(&s, web, tcp("192.169.0.5", 80)).reachable());
}

#[test]
fn r15_outbound_only_nothing_in_the_vnet_reaches_the_app() {
    let s = sample();
    let web = app(&s, "contoso-web");
    let report = run(&s, web, tcp("10.1.1.5", 1433));
    assert_eq!(
        report.steps[0],
        Step::Passed(Finding::Outbound {
            protocol: Protocol::Tcp
        })
    );
    assert!(report.steps[0].to_string().starts_with("Outbound"));
    // The web app has no address any VM could open a connection to: it is not a host in the VNet.
    let app_address = s
        .vnet_named("corpVnet")
        .unwrap()
        .point_to_site
        .as_ref()
        .unwrap()
        .client_address();
    assert!(s
        .vnet_named("corpVnet")
        .unwrap()
        .vm_at(app_address)
        .is_none());
    let udp = run(
        &s,
        web,
        vnet_lab::model::derived::check::Target {
            host: "10.1.1.4",
            port: 53,
            protocol: Protocol::Udp,
        },
    );
    assert!(udp.reachable(), "{:?}", udp.steps);
}

#[test]
fn r16_smb_is_refused_even_with_the_port_open() {
    let mut s = sample();
    let (web, corp) = (app(&s, "contoso-web"), vnet(&s, "corpVnet"));
    let sql = HostRef::VirtualMachine(corp, s.virtual_networks[&corp].virtual_machines[1].id);
    ok(
        &mut s,
        Command::OpenPort {
            host: sql,
            rule: PortRule {
                protocol: Protocol::Tcp,
                port: 445,
            },
        },
    );
    for target in [
        tcp("10.1.1.5", 445),
        vnet_lab::model::derived::check::Target {
            host: "10.1.1.5",
            port: 445,
            protocol: Protocol::Smb,
        },
    ] {
        let report = run(&s, web, target);
        assert_eq!(report.steps, vec![Step::Failed(Problem::SmbUnsupported)]);
        assert!(report.steps[0]
            .to_string()
            .contains("Mounting a remote drive"));
    }
}

#[test]
fn r17_authentication_systems_are_refused() {
    let s = sample();
    let web = app(&s, "contoso-web");
    let report = run(&s, web, tcp("10.1.1.4", 88));
    assert_eq!(
        report.steps,
        vec![Step::Failed(Problem::AuthenticationUnsupported {
            port: 88
        })]
    );
    assert!(report.steps[0].to_string().contains("domain join"));
    assert!(report.steps[0].problem().map(Problem::fix).is_some());
}

#[test]
fn r18_ping_and_nslookup_do_not_work_and_point_to_the_check() {
    let s = sample();
    let web = app(&s, "contoso-web");
    let report = run(
        &s,
        web,
        vnet_lab::model::derived::check::Target {
            host: "10.1.1.5",
            port: 0,
            protocol: Protocol::Icmp,
        },
    );
    assert_eq!(report.steps, vec![Step::Failed(Problem::PingUnsupported)]);
    assert!(report.steps[0].to_string().contains("nslookup"));
    assert!(report.steps[0]
        .problem()
        .unwrap()
        .fix()
        .advice
        .contains("tcpping"));
}

#[test]
fn r19_without_dns_names_fail_and_addresses_work() {
    let s = sample();
    let web = app(&s, "contoso-web");
    let by_name = run(&s, web, tcp("sql01.corp.contoso.com", 1433));
    assert!(matches!(
        by_name.failure(),
        Some(Problem::NoDnsServer {
            sync_would_help: false,
            ..
        })
    ));
    assert!(by_name
        .failure()
        .unwrap()
        .to_string()
        .contains("use an IP address"));
    assert_eq!(by_name.failure().unwrap().stage(), Stage::NameResolution);
    assert!(run(&s, web, tcp("10.1.1.5", 1433)).reachable());
}

#[test]
fn r20_the_target_firewall_must_have_the_port_open() {
    let mut s = sample();
    let web = app(&s, "contoso-web");
    let report = run(&s, web, tcp("10.1.1.5", 1434));
    let failure = report.failure().unwrap().clone();
    assert!(matches!(failure, Problem::PortClosed { .. }));
    let fix = failure.fix().command.unwrap();
    ok(&mut s, fix);
    assert!(run(&s, web, tcp("10.1.1.5", 1434)).reachable());
}

#[test]
fn r21_on_premises_needs_the_route_back_to_the_pool() {
    let mut s = sample();
    let web = app(&s, "contoso-web");
    let report = run(&s, web, tcp("192.168.1.10", 8080));
    let failure = report.failure().unwrap().clone();
    assert!(
        matches!(
            failure,
            Problem::NoRouteBack {
                range: ReturnRange::PointToSitePool(_),
                ..
            }
        ),
        "{:?}",
        report.steps
    );
    assert_eq!(
        failure.to_string(),
        "onPremHQ has no route for the point-to-site pool 172.16.0.0/24 back through the tunnel, so replies never reach the web app."
    );
    let fix = failure.fix();
    assert_eq!(
        fix.advice,
        "On onPremHQ, add the route 172.16.0.0/24 via the VPN tunnel."
    );
    ok(&mut s, fix.command.unwrap());
    let report = run(&s, web, tcp("192.168.1.10", 8080));
    assert!(report.reachable(), "{:?}", report.steps);
    assert!(report.steps.iter().any(|step| step.to_string()
        == "The address is on onPremHQ, reached through the site-to-site tunnel, and onPremHQ routes the point-to-site pool back."));
    assert!(report.path.contains(&Hop::Tunnel("onPremHQ")));
    assert_eq!(
        report.path.last(),
        Some(&Hop::Host("hq-app01", Ipv4Addr::new(192, 168, 1, 10)))
    );
}

#[test]
fn r1_the_tier_step_says_whether_the_tier_includes_vnet_integration_and_scales_to_standard() {
    let mut s = sample();
    let (web, standard) = (app(&s, "contoso-web"), plan(&s, "contoso-standard"));
    let report = run(&s, web, tcp("10.1.1.5", 1433));
    assert_eq!(
        report.steps[1],
        Step::Passed(Finding::TierAllows {
            kind: IntegrationKind::GatewayRequired,
            tier: Tier::S1,
        })
    );
    assert_eq!(
        report.steps[1].to_string(),
        "The plan is in the Standard S1 tier, which includes VNet Integration."
    );
    ok(
        &mut s,
        Command::ScalePlan {
            plan: standard,
            tier: Tier::B1,
        },
    );
    let report = run(&s, web, tcp("10.1.1.5", 1433));
    let failure = report.failure().unwrap();
    assert_eq!(
        failure.to_string(),
        "The plan contoso-standard is in the Basic B1 tier; VNet Integration needs Standard or Premium, so the connection is disabled."
    );
    let fix = failure.fix();
    assert_eq!(fix.advice, "Scale the plan contoso-standard to Standard.");
    assert_eq!(
        fix.command,
        Some(Command::ScalePlan {
            plan: standard,
            tier: TierFamily::Standard.entry_tier(),
        })
    );
}

#[test]
fn r22_the_first_broken_link_is_the_answer() {
    let mut s = sample();
    let (web, corp, standard) = (
        app(&s, "contoso-web"),
        vnet(&s, "corpVnet"),
        plan(&s, "contoso-standard"),
    );
    let thumbprint = s.web_apps[&web]
        .connection
        .as_ref()
        .unwrap()
        .thumbprint
        .clone();
    ok(
        &mut s,
        Command::DeleteCertificate {
            vnet: corp,
            thumbprint,
        },
    );
    ok(&mut s, Command::DisablePointToSite { vnet: corp });
    ok(
        &mut s,
        Command::ScalePlan {
            plan: standard,
            tier: Tier::B1,
        },
    );
    let stages = |s: &Subscription| {
        run(s, web, tcp("10.1.1.5", 1433))
            .failure()
            .map(|f| f.stage())
    };
    assert_eq!(stages(&s), Some(Stage::Tier));
    ok(
        &mut s,
        Command::ScalePlan {
            plan: standard,
            tier: Tier::S1,
        },
    );
    assert_eq!(stages(&s), Some(Stage::Gateway));
    let fix = run(&s, web, tcp("10.1.1.5", 1433))
        .failure()
        .unwrap()
        .fix()
        .command
        .unwrap();
    ok(&mut s, fix);
    assert_eq!(stages(&s), Some(Stage::Certificate));
    ok(&mut s, Command::SyncConnection { app: web });
    assert_eq!(stages(&s), None);
    let api = app(&s, "contoso-api");
    assert_eq!(
        run(&s, api, tcp("10.1.1.5", 1433)).failure(),
        Some(&Problem::NotConnected)
    );
}

#[test]
fn r23_hybrid_connection_needs_a_running_agent_and_counts_against_the_tier() {
    let mut s = sample();
    let blog = app(&s, "contoso-blog");
    assert!(hybrid_answer(&s, blog, "app.contoso.local", 8080, Protocol::Tcp).reaches());
    assert!(!hybrid_answer(&s, blog, "app.contoso.local", 8080, Protocol::Udp).reaches());
    let hybrid = *s.hybrid_connections.keys().next().unwrap();
    ok(
        &mut s,
        Command::SetRelayAgentRunning {
            connection: hybrid,
            running: false,
        },
    );
    assert!(!hybrid_answer(&s, blog, "app.contoso.local", 8080, Protocol::Tcp).reaches());
    ok(
        &mut s,
        Command::SetRelayAgentRunning {
            connection: hybrid,
            running: true,
        },
    );
    for i in 1..5 {
        ok(
            &mut s,
            Command::AddHybridConnection {
                app: blog,
                name: format!("extra{i}"),
                endpoint: format!("db{i}.contoso.local:1433"),
            },
        );
    }
    let error = refused(
        &mut s,
        Command::AddHybridConnection {
            app: blog,
            name: "sixth".into(),
            endpoint: "x.contoso.local:80".into(),
        },
    );
    assert_eq!(error.to_string(), "The Basic B1 tier allows 5 Hybrid Connections per plan, and that limit is reached. Scale the plan to Standard for more.");
    let basic = plan(&s, "contoso-basic");
    ok(
        &mut s,
        Command::ScalePlan {
            plan: basic,
            tier: Tier::F1,
        },
    );
    assert!(!hybrid_answer(&s, blog, "app.contoso.local", 8080, Protocol::Tcp).reaches());
    assert_eq!(
        Tier::P1.hybrid_connection_limit().to_string(),
        "220 Hybrid Connections per web app"
    );
}

#[test]
fn r23_relay_agent_runs_only_on_windows_server() {
    let mut s = sample();
    let blog = app(&s, "contoso-blog");
    let hq = local(&s, "onPremHQ");
    ok(
        &mut s,
        Command::AddServer {
            local_network: hq,
            name: "linux01".into(),
            address: "192.168.1.20".into(),
            host_names: String::new(),
            role: None,
        },
    );
    let linux = s.local_networks[&hq].servers[1].id;
    ok(
        &mut s,
        Command::AddHybridConnection {
            app: blog,
            name: "other".into(),
            endpoint: "linux01:22".into(),
        },
    );
    let other = s
        .hybrid_connections
        .values()
        .find(|h| h.name == "other")
        .unwrap()
        .id;
    let error = refused(
        &mut s,
        Command::InstallRelayAgent {
            connection: other,
            local_network: hq,
            server: linux,
        },
    );
    assert!(matches!(error, CommandError::NotAWindowsServer { .. }));
}

#[test]
fn r24_both_answers_are_computed_for_the_same_endpoint() {
    let s = sample();
    let (web, blog) = (app(&s, "contoso-web"), app(&s, "contoso-blog"));
    // The on-premises server: VNet Integration fails at the route, the Hybrid Connection reaches it.
    assert!(!run(&s, web, tcp("192.168.1.10", 8080)).reachable());
    assert!(hybrid_answer(&s, blog, "app.contoso.local", 8080, Protocol::Tcp).reaches());
    // The SQL VM: VNet Integration reaches it; no Hybrid Connection names it.
    assert!(run(&s, web, tcp("10.1.1.5", 1433)).reachable());
    assert!(!hybrid_answer(&s, web, "sql01.corp.contoso.com", 1433, Protocol::Tcp).reaches());
    // Three endpoints of the 2015 part, two of the regional part, the SQL private endpoint
    // and the internet host (SPEC §7).
    assert_eq!(
        vnet_lab::model::derived::endpoints::known_endpoints(&s).len(),
        7
    );
}

#[test]
fn names_follow_azure_rules_and_duplicates_are_refused() {
    let mut s = sample();
    let standard = plan(&s, "contoso-standard");
    for bad in ["-web", "web-", "Web", "a", "we_b"] {
        let error = refused(
            &mut s,
            Command::CreateWebApp {
                name: bad.into(),
                plan: standard,
            },
        );
        assert!(matches!(error, CommandError::InvalidName { .. }), "{bad}");
    }
    let error = refused(
        &mut s,
        Command::CreateWebApp {
            name: "contoso-web".into(),
            plan: standard,
        },
    );
    assert_eq!(
        error.to_string(),
        "A web app named “contoso-web” already exists. Choose another name."
    );
    let error = refused(
        &mut s,
        Command::CreateVirtualNetwork {
            region: Region::WestEurope,
            name: "corpvnet".into(),
            address_space: "10.7.0.0/16".into(),
            dns_servers: String::new(),
        },
    );
    assert!(matches!(error, CommandError::DuplicateName { .. }));
    let corp = vnet(&s, "corpVnet");
    let sql = s.virtual_networks[&corp].virtual_machines[1].id;
    assert_eq!(
        s.virtual_networks[&corp].virtual_machines[1].host.role,
        Some(Role::SqlServer)
    );
    let dns = refused(
        &mut s,
        Command::AddDnsRecord {
            vnet: corp,
            vm: sql,
            name: "x".into(),
            address: "10.1.1.9".into(),
        },
    );
    assert!(matches!(dns, CommandError::NotADnsServer { .. }));
}

#[test]
fn r21_only_traffic_into_the_vnet_is_drawn_through_the_p2s_address_and_the_gateway() {
    let s = sample();
    let web = app(&s, "contoso-web");
    let report = run(&s, web, tcp("api.fabrikam.com", 443));
    assert!(report.reachable(), "{:?}", report.steps);
    assert_eq!(
        report.path,
        [
            Hop::WebApp("contoso-web"),
            Hop::SharedOutbound,
            Hop::Internet,
            Hop::Host("api.fabrikam.com", Ipv4Addr::new(20, 61, 15, 7)),
        ],
        "public traffic never takes the point-to-site tunnel"
    );
    let report = run(&s, web, tcp("10.1.2.4", 1433));
    assert!(
        matches!(
            report.path[1..3],
            [Hop::PointToSiteAddress(_), Hop::Gateway("corpVnet")]
        ),
        "{:?}",
        report.path
    );
}
