//! The move from gateway-required to regional integration (SPEC §10): the plan (R35), its
//! prediction proven by applying it (R36), the downtime warning and strategies (R37).

#[path = "model/support.rs"]
mod support;

use support::*;
use vnet_lab::model::derived::check;
use vnet_lab::model::derived::matrix::columns;
use vnet_lab::model::derived::migration::{
    overview, plan, required_prefix, subnet_for, DOWNTIME_WARNING, STRATEGIES,
};
use vnet_lab::model::entities::region::Region;
use vnet_lab::model::{Command, CommandError, Subscription};

/// Every (endpoint, reached) of `app`, by the matrix's targets.
fn reachability(
    s: &Subscription,
    app: vnet_lab::model::entities::ids::WebAppId,
) -> Vec<(String, bool)> {
    columns(s)
        .iter()
        .map(|column| (column.label(), check::reachable(s, app, column.target())))
        .collect()
}

#[test]
fn r35_same_region_plan_keeps_the_vnet_sizes_the_subnet_and_replaces_the_route() {
    let s = sample();
    let web = app(&s, "contoso-web");
    let p = plan(&s, web).unwrap();
    assert!(!p.cross_region);
    assert_eq!(p.target_vnet, "corpVnet");
    assert_eq!(
        p.subnet,
        Some(("integration".to_string(), "10.1.0.64/26".parse().unwrap()))
    );
    assert!(!p.route_all);
    let whats: Vec<&str> = p.steps.iter().map(|step| step.what.as_str()).collect();
    assert_eq!(
        whats,
        [
            "Disconnect contoso-web from corpVnet (gateway-required)",
            "Connect contoso-web by regional integration to corpVnet/integration (10.1.0.64/26), Route All off",
            "On onPremHQ, add the route 10.1.0.64/26 via the VPN tunnel",
        ]
    );
    assert!(p.steps.iter().all(|step| !step.why.is_empty()));
}

#[test]
fn r35_the_pool_route_is_replaced_when_no_other_app_needs_it() {
    let mut s = sample();
    let hq = local(&s, "onPremHQ");
    ok(
        &mut s,
        Command::AddRoute {
            local_network: hq,
            prefix: "172.16.0.0/24".into(),
        },
    );
    let web = app(&s, "contoso-web");
    let p = plan(&s, web).unwrap();
    let whats: Vec<&str> = p.steps.iter().map(|step| step.what.as_str()).collect();
    assert_eq!(
        &whats[2..],
        [
            "On onPremHQ, add the route 10.1.0.64/26 via the VPN tunnel",
            "On onPremHQ, remove the route 172.16.0.0/24",
        ]
    );
    // With another gateway-required app on corpVnet, the pool's route stays.
    let api = app(&s, "contoso-api");
    let corp = vnet(&s, "corpVnet");
    ok(
        &mut s,
        Command::ConnectWebApp {
            app: api,
            vnet: corp,
        },
    );
    let p = plan(&s, web).unwrap();
    assert!(!p
        .steps
        .iter()
        .any(|step| step.what.contains("remove the route")));
}

#[test]
fn r35_cross_region_plan_creates_a_peered_vnet_in_the_plans_region() {
    let s = sample();
    let reports = app(&s, "contoso-reports");
    let p = plan(&s, reports).unwrap();
    assert!(p.cross_region);
    assert_eq!(p.source_vnet, "northVnet");
    assert_eq!(p.target_vnet, "northVnet-westeurope");
    let commands = p.commands(&s);
    assert!(matches!(
        commands[0],
        Command::CreateVirtualNetwork {
            region: Region::WestEurope,
            ..
        }
    ));
    assert!(matches!(commands[1], Command::PeerVirtualNetworks { .. }));
    assert!(matches!(commands[2], Command::DisconnectWebApp { .. }));
    assert!(matches!(
        commands[3],
        Command::ConnectRegionalToNewSubnet { .. }
    ));
}

#[test]
fn r35_subnet_sizing_at_each_boundary() {
    assert_eq!(
        [1, 5, 6, 13, 14, 29, 30].map(required_prefix),
        [28, 28, 27, 27, 26, 26, 25]
    );
    let mut s = sample();
    // A VNet with room for exactly one /28, then one /27, then nothing.
    ok(
        &mut s,
        Command::CreateVirtualNetwork {
            name: "tightVnet".into(),
            region: Region::WestEurope,
            address_space: "10.9.0.0/26".into(),
            dns_servers: String::new(),
        },
    );
    let tight = vnet(&s, "tightVnet");
    for (name, prefix) in [("low", "10.9.0.0/27"), ("mid", "10.9.0.32/28")] {
        ok(
            &mut s,
            Command::AddSubnet {
                vnet: tight,
                name: name.into(),
                prefix: prefix.into(),
            },
        );
    }
    let network = &s.virtual_networks[&tight];
    assert_eq!(
        subnet_for(network, 5),
        Some("10.9.0.48/28".parse().unwrap())
    );
    assert_eq!(subnet_for(network, 6), None, "a /27 does not fit");
    ok(
        &mut s,
        Command::DeleteSubnet {
            vnet: tight,
            subnet: "low".into(),
        },
    );
    let network = &s.virtual_networks[&tight];
    assert_eq!(
        subnet_for(network, 13),
        Some("10.9.0.0/27".parse().unwrap())
    );
    assert_eq!(subnet_for(network, 14), None);
    // A roomy VNet gets a /26 even for one instance.
    let corp = &s.virtual_networks[&vnet(&s, "corpVnet")];
    assert_eq!(subnet_for(corp, 1), Some("10.1.0.64/26".parse().unwrap()));
}

#[test]
fn r35_a_full_address_space_blocks_the_plan_and_says_what_to_add() {
    let mut s = sample();
    let corp = vnet(&s, "corpVnet");
    // Fill corpVnet's space with subnets so no /28 is left.
    let mut third = 2u8;
    loop {
        let added = s.apply(Command::AddSubnet {
            vnet: corp,
            name: format!("fill{third}"),
            prefix: format!("10.1.{third}.0/24"),
        });
        if added.is_err() || third == 255 {
            break;
        }
        third += 1;
    }
    ok(
        &mut s,
        Command::AddSubnet {
            vnet: corp,
            name: "fill-low".into(),
            prefix: "10.1.0.32/27".into(),
        },
    );
    ok(
        &mut s,
        Command::AddSubnet {
            vnet: corp,
            name: "fill-mid".into(),
            prefix: "10.1.0.64/26".into(),
        },
    );
    ok(
        &mut s,
        Command::AddSubnet {
            vnet: corp,
            name: "fill-high".into(),
            prefix: "10.1.0.128/25".into(),
        },
    );
    let web = app(&s, "contoso-web");
    let p = plan(&s, web).unwrap();
    assert_eq!(
        p.blocked.as_deref(),
        Some("no free /28 is left in the address space of corpVnet for the plan's 1 instance: add an address range to corpVnet (such as a new /24) and plan again.")
    );
    let error = refused(&mut s, Command::MigrateToRegional { app: web });
    assert!(matches!(error, CommandError::MigrationBlocked { .. }));
}

#[test]
fn r36_applying_the_plan_gives_exactly_the_predicted_reachability() {
    let mut s = sample();
    let web = app(&s, "contoso-web");
    let p = plan(&s, web).unwrap();
    let hq = p
        .predictions
        .iter()
        .find(|prediction| prediction.endpoint.starts_with("hq-app01"))
        .unwrap();
    assert!(
        !hq.before && hq.after,
        "the subnet's route reaches onPremHQ"
    );
    assert!(hq
        .reason
        .as_deref()
        .unwrap()
        .starts_with("Newly reached: today onPremHQ has no route for the point-to-site pool"));
    let before = reachability(&s, web);
    let event = ok(&mut s, Command::MigrateToRegional { app: web });
    assert!(event
        .summary
        .starts_with("Moved contoso-web to regional VNet Integration with corpVnet"));
    assert_eq!(
        s.activity.last().unwrap().text,
        event.summary,
        "one activity for the whole move"
    );
    let after = reachability(&s, web);
    for ((endpoint, was), (_, now)) in before.iter().zip(&after) {
        let predicted = p.predictions.iter().find(|x| {
            x.endpoint.ends_with(endpoint.as_str())
                || x.endpoint.contains(endpoint.split(' ').next().unwrap())
        });
        match predicted {
            Some(prediction) => assert_eq!(
                (prediction.before, prediction.after),
                (*was, *now),
                "{endpoint}"
            ),
            None => assert!(!was && !now, "{endpoint} is predicted unreached both times"),
        }
    }
    // The check to the on-premises server passes through the integration subnet's route.
    let report = run(&s, web, tcp("192.168.1.10", 8080));
    assert!(report.reachable());
    assert!(report.steps.iter().any(|step| step
        .to_string()
        .contains("routes the integration subnet 10.1.0.64/26 back")));
    assert!(plan(&s, web).is_none(), "done: nothing left to migrate");
}

#[test]
fn r36_cross_region_names_what_breaks_and_why() {
    let mut s = sample();
    // contoso-reports reaches onPremHQ through northVnet's gateway today.
    let (north, hq) = (vnet(&s, "northVnet"), local(&s, "onPremHQ"));
    ok(
        &mut s,
        Command::LinkSiteToSite {
            vnet: north,
            local_network: hq,
        },
    );
    let reports = app(&s, "contoso-reports");
    ok(&mut s, Command::SyncConnection { app: reports });
    ok(
        &mut s,
        Command::AddRoute {
            local_network: hq,
            prefix: "172.17.0.0/24".into(),
        },
    );
    assert!(run(&s, reports, tcp("192.168.1.10", 8080)).reachable());
    let p = plan(&s, reports).unwrap();
    let hq_prediction = p
        .predictions
        .iter()
        .find(|prediction| prediction.endpoint.starts_with("hq-app01"))
        .unwrap();
    assert!(hq_prediction.before && !hq_prediction.after);
    assert!(hq_prediction
        .reason
        .as_deref()
        .unwrap()
        .contains("no gateway transit"));
    ok(&mut s, Command::MigrateToRegional { app: reports });
    assert!(!run(&s, reports, tcp("192.168.1.10", 8080)).reachable());
    assert!(
        run(&s, reports, tcp("10.4.1.4", 443)).reachable(),
        "northVnet over the peering"
    );
}

#[test]
fn r37_the_move_is_a_disconnect_connect_with_three_strategies() {
    assert!(DOWNTIME_WARNING.contains("loses access to the virtual network for a few minutes"));
    let names: Vec<&str> = STRATEGIES.iter().map(|(name, _)| *name).collect();
    assert_eq!(
        names,
        [
            "A new App Service plan",
            "A staging slot",
            "Planned downtime"
        ]
    );
}

#[test]
fn the_whole_subscription_view_orders_apps_by_shared_vnet() {
    let mut s = sample();
    let (api, corp) = (app(&s, "contoso-api"), vnet(&s, "corpVnet"));
    ok(
        &mut s,
        Command::ConnectWebApp {
            app: api,
            vnet: corp,
        },
    );
    let view = overview(&s);
    assert_eq!(view.remaining, 3);
    assert_eq!(
        view.groups,
        vec![
            (
                "corpVnet".to_string(),
                vec!["contoso-api".to_string(), "contoso-web".to_string()]
            ),
            ("northVnet".to_string(), vec!["contoso-reports".to_string()]),
        ]
    );
    assert_eq!(
        view.idle_gateways,
        vec![
            ("corpVnet".to_string(), true),
            ("northVnet".to_string(), false)
        ]
    );
    let orders = app(&s, "contoso-orders");
    let error = refused(&mut s, Command::MigrateToRegional { app: orders });
    assert_eq!(
        error.to_string(),
        "The web app contoso-orders does not use gateway-required VNet Integration, so there is nothing to migrate."
    );
}

#[test]
fn r35_a_plan_names_the_vnet_it_creates_so_it_holds_after_another_vnet_is_created() {
    let mut s = sample();
    let reports = app(&s, "contoso-reports");
    let p = plan(&s, reports).unwrap();
    // Another VNet takes the id the plan's new VNet would have had.
    ok(
        &mut s,
        Command::CreateVirtualNetwork {
            name: "laterVnet".into(),
            region: Region::WestEurope,
            address_space: "10.250.0.0/16".into(),
            dns_servers: String::new(),
        },
    );
    let later = vnet(&s, "laterVnet");
    let after = vnet_lab::model::derived::migration::applied(&s, &p).expect("the plan applies");
    let created = after.vnet_named("northVnet-westeurope").unwrap();
    let north = vnet(&s, "northVnet");
    assert_eq!(created.peerings, [north]);
    assert!(after.virtual_networks[&later].peerings.is_empty());
    let regional = after.web_apps[&reports].regional.as_ref().unwrap();
    assert_eq!(
        (regional.vnet, regional.subnet.as_str()),
        (created.id, "integration")
    );
    assert!(matches!(
        p.commands(&s)[1],
        Command::PeerVirtualNetworks { vnet, remote } if vnet == created.id && remote == north
    ));
}
