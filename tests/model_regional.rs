//! Regional VNet Integration (SPEC §9): R25–R29's first half, R33, R34, each refusal's message.

#[path = "model/support.rs"]
mod support;

use support::*;
use vnet_lab::model::derived::check::{Finding, Problem, Stage, Step};
use vnet_lab::model::derived::console::answer;
use vnet_lab::model::derived::integration::IntegrationKind;
use vnet_lab::model::derived::regional::{
    free_prefix, integration_subnets, plan_subnets, subnet_problems, SubnetProblem,
};
use vnet_lab::model::derived::status::{connection_status, ConnectionStatus};
use vnet_lab::model::entities::host::Protocol;
use vnet_lab::model::entities::network::Delegation;
use vnet_lab::model::entities::region::Region;
use vnet_lab::model::entities::tier::{Tier, TierFamily};
use vnet_lab::model::{Command, CommandError, Subscription};

fn connect(s: &mut Subscription, app: &str, vnet_name: &str, subnet: &str) -> Command {
    Command::ConnectRegional {
        app: support::app(s, app),
        vnet: vnet(s, vnet_name),
        subnet: subnet.into(),
        route_all: true,
    }
}

fn new_subnet(s: &mut Subscription, vnet_name: &str, name: &str, prefix: &str) {
    let vnet = vnet(s, vnet_name);
    ok(
        s,
        Command::AddSubnet {
            vnet,
            name: name.into(),
            prefix: prefix.into(),
        },
    );
}

/// `contoso-api` (Standard, West Europe) on a new subnet of corpVnet, which has the gateway
/// and the site-to-site link to onPremHQ.
fn api_on_corp(s: &mut Subscription) {
    let api = app(s, "contoso-api");
    let corp = vnet(s, "corpVnet");
    ok(
        s,
        Command::ConnectRegionalToNewSubnet {
            app: api,
            vnet: corp,
            subnet: "integration".into(),
            prefix: "10.1.2.0/26".into(),
            route_all: false,
        },
    );
}

fn failed_stage(s: &Subscription, app_name: &str, host: &str, port: u16) -> Option<Stage> {
    run(s, app(s, app_name), tcp(host, port))
        .failure()
        .map(Problem::stage)
}

#[test]
fn r25_regional_integration_needs_basic_or_higher() {
    let mut s = sample();
    let basic = plan(&s, "contoso-basic");
    ok(
        &mut s,
        Command::ScalePlan {
            plan: basic,
            tier: Tier::F1,
        },
    );
    new_subnet(&mut s, "appVnet", "blog", "10.3.9.0/28");
    let command = connect(&mut s, "contoso-blog", "appVnet", "blog");
    let error = refused(&mut s, command);
    assert_eq!(
        error.to_string(),
        "The plan contoso-basic is in the Free F1 tier; regional VNet Integration needs Basic, Standard or Premium. Scale the plan up to Basic or higher first."
    );
    ok(
        &mut s,
        Command::ScalePlan {
            plan: basic,
            tier: Tier::B1,
        },
    );
    let command = connect(&mut s, "contoso-blog", "appVnet", "blog");
    ok(&mut s, command);
}

#[test]
fn r25_a_vnet_in_another_region_is_refused_naming_both_regions_and_the_fixes() {
    let mut s = sample();
    let command = connect(&mut s, "contoso-api", "northVnet", "services");
    let error = refused(&mut s, command);
    assert_eq!(
        error.to_string(),
        "northVnet is in North Europe, but the plan contoso-standard is in West Europe; regional VNet Integration needs a virtual network in the plan's region. Integrate with a VNet in West Europe that is peered to northVnet, or use gateway-required VNet Integration to reach northVnet."
    );
}

#[test]
fn r25_scaling_to_free_disables_the_regional_integration_and_back_restores_it() {
    let mut s = sample();
    let premium = plan(&s, "contoso-premium");
    let orders = app(&s, "contoso-orders");
    assert_eq!(connection_status(&s, orders), ConnectionStatus::Connected);
    ok(
        &mut s,
        Command::ScalePlan {
            plan: premium,
            tier: Tier::D1,
        },
    );
    assert_eq!(
        connection_status(&s, orders),
        ConnectionStatus::RegionalDisabledByTier { tier: Tier::D1 }
    );
    let report = run(&s, orders, tcp("10.4.1.4", 443));
    let failure = report.failure().unwrap();
    assert!(matches!(
        failure,
        Problem::TierTooLow {
            kind: IntegrationKind::Regional,
            ..
        }
    ));
    assert_eq!(
        failure.to_string(),
        "The plan contoso-premium is in the Shared D1 tier; regional VNet Integration needs Basic, Standard or Premium, so the integration is disabled."
    );
    let fix = failure.fix();
    assert_eq!(
        fix.advice,
        "Scale the plan contoso-premium to Basic or higher."
    );
    assert_eq!(
        fix.command,
        Some(Command::ScalePlan {
            plan: premium,
            tier: TierFamily::Basic.entry_tier(),
        })
    );
    ok(
        &mut s,
        Command::ScalePlan {
            plan: premium,
            tier: Tier::P1,
        },
    );
    let report = run(&s, orders, tcp("10.4.1.4", 443));
    assert!(report.reachable());
    assert_eq!(
        report.steps[1].to_string(),
        "The plan is in the Premium P1 tier, which includes regional VNet Integration."
    );
}

#[test]
fn r26_undelegated_subnet_is_delegated_on_connect() {
    let mut s = sample();
    new_subnet(&mut s, "corpVnet", "integration", "10.1.2.0/26");
    let command = connect(&mut s, "contoso-api", "corpVnet", "integration");
    let event = ok(&mut s, command);
    assert!(event
        .summary
        .contains("delegated the subnet integration to Microsoft.Web/serverFarms"));
    let corp = &s.virtual_networks[&vnet(&s, "corpVnet")];
    assert_eq!(
        corp.subnet("integration").unwrap().delegation,
        Some(Delegation::ServerFarms)
    );
    assert!(s
        .activity
        .last()
        .unwrap()
        .text
        .contains("delegated the subnet integration"));
}

#[test]
fn r26_every_missing_condition_of_a_subnet_is_named() {
    let mut s = sample();
    new_subnet(&mut s, "corpVnet", "tiny", "10.1.3.0/29");
    let standard = s.plans[&plan(&s, "contoso-standard")].clone();
    let corp = s.virtual_networks[&vnet(&s, "corpVnet")].clone();
    let problems = |name: &str| subnet_problems(&s, &standard, &corp, corp.subnet(name).unwrap());
    assert_eq!(
        problems("tiny"),
        vec![SubnetProblem::TooSmall {
            prefix: "10.1.3.0/29".parse().unwrap()
        }]
    );
    assert_eq!(
        problems("GatewaySubnet"),
        vec![SubnetProblem::GatewaySubnet]
    );
    assert_eq!(
        problems("Backend"),
        vec![SubnetProblem::HasVirtualMachines { count: 2 }]
    );
    let command = connect(&mut s, "contoso-api", "corpVnet", "Backend");
    let error = refused(&mut s, command);
    assert_eq!(
        error.to_string(),
        "The subnet Backend of corpVnet cannot be used for regional VNet Integration: it is not empty: 2 virtual machines are in it; an integration subnet must be empty. Pick an eligible subnet or create a new one."
    );
    let command = connect(&mut s, "contoso-api", "corpVnet", "tiny");
    let error = refused(&mut s, command);
    assert!(error
        .to_string()
        .contains("it is a /29; an integration subnet must be /28 or larger"));
    let command = connect(&mut s, "contoso-api", "corpVnet", "nothing");
    let error = refused(&mut s, command);
    assert_eq!(
        error.to_string(),
        "corpVnet has no subnet named “nothing”. Pick one of GatewaySubnet, Backend, tiny."
    );
}

#[test]
fn r26_a_web_app_has_one_integration_of_either_kind() {
    let mut s = sample();
    new_subnet(&mut s, "appVnet", "more", "10.3.4.0/26");
    let command = connect(&mut s, "contoso-web", "appVnet", "more");
    let error = refused(&mut s, command);
    assert_eq!(
        error.to_string(),
        "The web app contoso-web is already connected to corpVnet; a web app is connected to one virtual network at a time. Disconnect it from corpVnet first."
    );
    let orders = app(&s, "contoso-orders");
    let corp = vnet(&s, "corpVnet");
    let error = refused(
        &mut s,
        Command::ConnectWebApp {
            app: orders,
            vnet: corp,
        },
    );
    assert!(matches!(error, CommandError::AlreadyConnected { .. }));
    ok(&mut s, Command::DisconnectWebApp { app: orders });
    assert!(s.web_apps[&orders].regional.is_none());
}

/// The import connects each app without the copy `apply` takes (`apply_unguarded`): that is
/// sound only while a refused connection of either kind changes nothing.
#[test]
fn r26_a_refused_connection_of_either_kind_changes_nothing_even_without_a_copy() {
    let mut s = sample();
    let orders = app(&s, "contoso-orders");
    let api = app(&s, "contoso-api");
    let commands = [
        connect(&mut s, "contoso-api", "northVnet", "services"),
        connect(&mut s, "contoso-web", "appVnet", "Backend"),
        connect(&mut s, "contoso-api", "corpVnet", "Backend"),
        Command::ConnectWebApp {
            app: orders,
            vnet: vnet(&s, "corpVnet"),
        },
        Command::ConnectWebApp {
            app: api,
            vnet: vnet(&s, "cantConnectVnet"),
        },
    ];
    let mut errors = Vec::new();
    for command in commands {
        let before = s.clone();
        let error = s
            .apply_unguarded(command.clone())
            .expect_err(&format!("{command:?} should be refused"));
        assert_eq!(s, before, "{command:?} changed the state when refused");
        errors.push(error.to_string());
    }
    assert_eq!(
        errors,
        [
            "northVnet is in North Europe, but the plan contoso-standard is in West Europe; regional VNet Integration needs a virtual network in the plan's region. Integrate with a VNet in West Europe that is peered to northVnet, or use gateway-required VNet Integration to reach northVnet.",
            "The web app contoso-web is already connected to corpVnet; a web app is connected to one virtual network at a time. Disconnect it from corpVnet first.",
            "The subnet Backend of corpVnet cannot be used for regional VNet Integration: it is not empty: 2 virtual machines are in it; an integration subnet must be empty. Pick an eligible subnet or create a new one.",
            "The web app contoso-orders is already connected to appVnet; a web app is connected to one virtual network at a time. Disconnect it from appVnet first.",
            "cantConnectVnet cannot be used for VNet Integration: its gateway uses Static routing: point-to-site needs a Dynamic routing gateway; point-to-site is not enabled: enable it with a client address pool.",
        ]
    );
}

#[test]
fn r27_a_small_subnet_serves_one_plan_and_a_26_serves_several() {
    let mut s = sample();
    new_subnet(&mut s, "appVnet", "small", "10.3.5.0/27");
    let command = connect(&mut s, "contoso-orders", "appVnet", "small");
    let error = refused(&mut s, command);
    assert!(matches!(error, CommandError::AlreadyConnected { .. }));
    let command = connect(&mut s, "contoso-api", "appVnet", "small");
    ok(&mut s, command);
    let basic = plan(&s, "contoso-basic");
    let _ = basic;
    let command = connect(&mut s, "contoso-blog", "appVnet", "small");
    let error = refused(&mut s, command);
    assert_eq!(
        error.to_string(),
        "The subnet small of appVnet cannot be used for regional VNet Integration: the plan contoso-standard already uses it, and a /27 serves one plan; only a /26 or larger serves several. Pick an eligible subnet or create a new one."
    );
    // `apps` is a /26: the Basic plan's app may join the Premium plan's subnet.
    let command = connect(&mut s, "contoso-blog", "appVnet", "apps");
    ok(&mut s, command);
    let apps = integration_subnets(&s)
        .into_iter()
        .find(|u| u.subnet == "apps")
        .unwrap();
    assert_eq!(apps.plans.len(), 2);
    assert_eq!(apps.in_use(), 4);
    assert_eq!(apps.capacity(), 59);
}

#[test]
fn r27_a_plan_uses_at_most_two_integration_subnets() {
    let mut s = sample();
    let standard = plan(&s, "contoso-standard");
    for name in ["one", "two", "three"] {
        ok(
            &mut s,
            Command::CreateWebApp {
                name: format!("contoso-{name}"),
                plan: standard,
            },
        );
    }
    new_subnet(&mut s, "appVnet", "one", "10.3.10.0/28");
    new_subnet(&mut s, "appVnet", "two", "10.3.11.0/28");
    new_subnet(&mut s, "appVnet", "three", "10.3.12.0/28");
    for name in ["one", "two"] {
        let command = connect(&mut s, &format!("contoso-{name}"), "appVnet", name);
        ok(&mut s, command);
    }
    let command = connect(&mut s, "contoso-three", "appVnet", "three");
    let error = refused(&mut s, command);
    assert_eq!(
        error.to_string(),
        "The subnet three of appVnet cannot be used for regional VNet Integration: the plan contoso-standard already uses two integration subnets (appVnet/one, appVnet/two), the most a plan can use. Pick an eligible subnet or create a new one."
    );
    // All its apps may share the two.
    let command = connect(&mut s, "contoso-three", "appVnet", "one");
    ok(&mut s, command);
    assert_eq!(plan_subnets(&s, standard).len(), 2);
}

#[test]
fn r27_a_subnet_in_use_and_its_vnet_cannot_be_deleted() {
    let mut s = sample();
    let app_vnet = vnet(&s, "appVnet");
    let error = refused(
        &mut s,
        Command::DeleteSubnet {
            vnet: app_vnet,
            subnet: "apps".into(),
        },
    );
    assert_eq!(
        error.to_string(),
        "The subnet apps of appVnet is used by the regional VNet Integration of contoso-orders (a service association link holds it). Disconnect those web apps first."
    );
    let error = refused(&mut s, Command::DeleteVirtualNetwork { vnet: app_vnet });
    assert!(matches!(
        error,
        CommandError::VirtualNetworkIntegrated { .. }
    ));
    let error = refused(
        &mut s,
        Command::RemoveSubnetDelegation {
            vnet: app_vnet,
            subnet: "apps".into(),
        },
    );
    assert!(matches!(error, CommandError::IntegrationSubnetInUse { .. }));
    let orders = app(&s, "contoso-orders");
    ok(&mut s, Command::DisconnectWebApp { app: orders });
    ok(
        &mut s,
        Command::DeleteSubnet {
            vnet: app_vnet,
            subnet: "apps".into(),
        },
    );
}

#[test]
fn r28_a_28_holds_eleven_instances_or_five_if_the_tier_is_to_change() {
    let mut s = sample();
    let api = app(&s, "contoso-api");
    let standard = plan(&s, "contoso-standard");
    new_subnet(&mut s, "appVnet", "small", "10.3.6.0/28");
    let command = connect(&mut s, "contoso-api", "appVnet", "small");
    ok(&mut s, command);
    let _ = api;
    let event = ok(
        &mut s,
        Command::ScaleOutPlan {
            plan: standard,
            instances: 5,
        },
    );
    assert!(event.warnings.is_empty());
    let event = ok(
        &mut s,
        Command::ScaleOutPlan {
            plan: standard,
            instances: 6,
        },
    );
    assert_eq!(
        event.warnings,
        vec!["appVnet/small (10.3.6.0/28) holds 6 of its 11 usable addresses, but a tier change needs 12 while it runs, so a later tier change of contoso-standard will be refused; a /27 would allow it".to_string()]
    );
    let error = refused(
        &mut s,
        Command::ScalePlan {
            plan: standard,
            tier: Tier::S2,
        },
    );
    assert_eq!(
        error.to_string(),
        "The plan contoso-standard cannot change its tier: while a tier change runs, its instances need twice their addresses (12 in all), and its integration subnet appVnet/small (10.3.6.0/28) has 11 usable addresses. A /27 would hold them. Scale in first, or integrate the plan's apps with a larger subnet."
    );
    ok(
        &mut s,
        Command::ScaleOutPlan {
            plan: standard,
            instances: 11,
        },
    );
    let error = refused(
        &mut s,
        Command::ScaleOutPlan {
            plan: standard,
            instances: 12,
        },
    );
    assert_eq!(
        error.to_string(),
        "The plan contoso-standard cannot scale out to 12 instances: its integration subnet appVnet/small (10.3.6.0/28) has 11 usable addresses (Azure reserves 5), and it would need 12. A /27 would hold them. Integrate the plan's apps with a larger subnet first."
    );
}

#[test]
fn r28_capacities_of_27_and_26_and_the_instance_range() {
    use vnet_lab::model::derived::regional::prefix_holding;
    use vnet_lab::model::entities::network::usable_addresses;
    assert_eq!(
        [28, 27, 26].map(usable_addresses),
        [11, 27, 59],
        "a /28, /27 and /26 hold 11, 27 and 59 instances"
    );
    assert_eq!(
        [5, 13, 29].map(|n| usable_addresses(prefix_holding(2 * n).unwrap()) / 2),
        [5, 13, 29],
        "and 5, 13 and 29 if the tier is ever to change"
    );
    let mut s = sample();
    let premium = plan(&s, "contoso-premium");
    for bad in [0, 31] {
        let error = refused(
            &mut s,
            Command::ScaleOutPlan {
                plan: premium,
                instances: bad,
            },
        );
        assert_eq!(
            error.to_string(),
            format!("A plan runs from 1 to 30 instances, not {bad}.")
        );
    }
}

#[test]
fn r28_a_subnet_without_room_for_the_plan_is_greyed_with_the_size_that_holds_it() {
    let mut s = sample();
    let premium = plan(&s, "contoso-premium");
    ok(
        &mut s,
        Command::ScaleOutPlan {
            plan: premium,
            instances: 20,
        },
    );
    let mut s2 = s.clone();
    let orders = app(&s2, "contoso-orders");
    ok(&mut s2, Command::DisconnectWebApp { app: orders });
    new_subnet(&mut s2, "appVnet", "small", "10.3.7.0/28");
    let command = connect(&mut s2, "contoso-orders", "appVnet", "small");
    let error = refused(&mut s2, command);
    assert!(
        error
            .to_string()
            .contains("it has 11 free addresses and the plan's 20 instances need one each; a /27 would hold them"),
        "{error}"
    );
}

#[test]
fn r33_a_peered_vnet_is_reached_like_the_vnet_itself_even_across_regions() {
    let mut s = sample();
    let report = run(&s, app(&s, "contoso-orders"), tcp("10.4.1.4", 443));
    assert!(report.reachable(), "{:?}", report.failure());
    assert!(report.steps.iter().any(|step| matches!(
        step,
        Step::Passed(Finding::ThroughPeering {
            vnet: "northVnet",
            ..
        })
    )));
    let (app_vnet, north) = (vnet(&s, "appVnet"), vnet(&s, "northVnet"));
    ok(
        &mut s,
        Command::RemovePeering {
            vnet: app_vnet,
            remote: north,
        },
    );
    // Without the peering only the default route 0.0.0.0/0 matches, and the NSG's
    // DenyAllOutBound refuses a private address outside the VirtualNetwork tag.
    assert_eq!(
        failed_stage(&s, "contoso-orders", "10.4.1.4", 443),
        Some(Stage::SecurityGroup)
    );
    let error = refused(
        &mut s,
        Command::PeerVirtualNetworks {
            vnet: app_vnet,
            remote: app_vnet,
        },
    );
    assert!(matches!(error, CommandError::PeeringToItself { .. }));
    let corp = vnet(&s, "corpVnet");
    ok(
        &mut s,
        Command::PeerVirtualNetworks {
            vnet: app_vnet,
            remote: corp,
        },
    );
    assert!(run(&s, app(&s, "contoso-orders"), tcp("10.1.1.5", 1433)).reachable());
}

#[test]
fn r33_overlapping_vnets_cannot_be_peered() {
    let mut s = sample();
    ok(
        &mut s,
        Command::CreateVirtualNetwork {
            name: "overlapVnet".into(),
            region: Region::WestEurope,
            address_space: "10.3.128.0/17".into(),
            dns_servers: String::new(),
        },
    );
    let (a, b) = (vnet(&s, "appVnet"), vnet(&s, "overlapVnet"));
    let error = refused(&mut s, Command::PeerVirtualNetworks { vnet: a, remote: b });
    assert_eq!(
        error.to_string(),
        "The address prefixes 10.3.0.0/16 and 10.3.128.0/17 of appVnet and overlapVnet overlap. Remove one or pick ranges that do not overlap."
    );
}

#[test]
fn r33_on_premises_needs_the_route_back_for_the_integration_subnet_not_a_pool() {
    let mut s = sample();
    api_on_corp(&mut s);
    let report = run(&s, app(&s, "contoso-api"), tcp("192.168.1.10", 8080));
    let failure = report.failure().expect("no route back yet");
    assert_eq!(
        failure.to_string(),
        "onPremHQ has no route for the integration subnet 10.1.2.0/26 back through the tunnel, so replies never reach the web app."
    );
    let fix = failure.fix();
    assert_eq!(
        fix.advice,
        "On onPremHQ, add the route 10.1.2.0/26 via the VPN tunnel."
    );
    // The point-to-site pool's route does not help a regional integration.
    let hq = local(&s, "onPremHQ");
    ok(
        &mut s,
        Command::AddRoute {
            local_network: hq,
            prefix: "172.16.0.0/24".into(),
        },
    );
    assert!(!run(&s, app(&s, "contoso-api"), tcp("192.168.1.10", 8080)).reachable());
    ok(&mut s, fix.command.unwrap());
    let report = run(&s, app(&s, "contoso-api"), tcp("192.168.1.10", 8080));
    assert!(report.reachable(), "{:?}", report.failure());
    assert!(report.steps.iter().any(|step| step.to_string()
        == "The address is on onPremHQ, reached through the VNet's site-to-site tunnel, and onPremHQ routes the integration subnet 10.1.2.0/26 back."));
}

#[test]
fn r34_smb_works_port_25_does_not_and_icmp_still_does_not() {
    let mut s = sample();
    api_on_corp(&mut s);
    let corp = vnet(&s, "corpVnet");
    let sql = s.virtual_networks[&corp]
        .vm_at("10.1.1.5".parse().unwrap())
        .unwrap()
        .id;
    ok(
        &mut s,
        Command::OpenPort {
            host: vnet_lab::model::HostRef::VirtualMachine(corp, sql),
            rule: vnet_lab::model::entities::host::PortRule {
                protocol: Protocol::Tcp,
                port: 445,
            },
        },
    );
    let api = app(&s, "contoso-api");
    assert!(run(&s, api, tcp("10.1.1.5", 445)).reachable());
    // The same port through the gateway-required kind is refused (R16).
    let web = app(&s, "contoso-web");
    assert!(matches!(
        run(&s, web, tcp("10.1.1.5", 445)).failure(),
        Some(Problem::SmbUnsupported)
    ));
    let report = run(&s, api, tcp("10.1.1.5", 25));
    assert_eq!(
        report.failure().unwrap().to_string(),
        "Outbound connections on port 25 (SMTP) are blocked from App Service, through the virtual network too."
    );
    let ping = vnet_lab::model::derived::check::Target {
        host: "10.1.1.5",
        port: 0,
        protocol: Protocol::Icmp,
    };
    assert!(matches!(
        run(&s, api, ping).failure(),
        Some(Problem::PingUnsupported)
    ));
}

#[test]
fn r34_the_console_answers_as_the_check_does() {
    let mut s = sample();
    api_on_corp(&mut s);
    let api = app(&s, "contoso-api");
    let reply = answer(&s, api, "tcpping 10.1.1.5:1433");
    assert_eq!(reply.lines, vec!["Connected to 10.1.1.5:1433: success."]);
    let reply = answer(&s, api, "nameresolver sql01.corp.contoso.com");
    assert_eq!(
        reply.lines[0],
        "The virtual network has no custom DNS server, so Azure DNS (168.63.129.16) answers, and it does not know sql01.corp.contoso.com."
    );
    let corp = vnet(&s, "corpVnet");
    ok(
        &mut s,
        Command::AddDnsServer {
            vnet: corp,
            address: "10.1.1.4".into(),
        },
    );
    let reply = answer(&s, api, "nameresolver sql01.corp.contoso.com");
    assert_eq!(
        reply.lines,
        vec!["sql01.corp.contoso.com resolves to 10.1.1.5 (DNS server 10.1.1.4)."]
    );
    let reply = answer(&s, api, "ping 10.1.1.5");
    assert!(reply.lines[0].starts_with("ping does not work from a web app"));
}

#[test]
fn r29_route_all_off_lets_only_rfc1918_destinations_into_the_vnet() {
    let mut s = sample();
    ok(
        &mut s,
        Command::CreateVirtualNetwork {
            name: "publicVnet".into(),
            region: Region::WestEurope,
            address_space: "20.50.0.0/16".into(),
            dns_servers: String::new(),
        },
    );
    new_subnet(&mut s, "publicVnet", "integration", "20.50.1.0/26");
    new_subnet(&mut s, "publicVnet", "web", "20.50.2.0/24");
    let public_vnet = vnet(&s, "publicVnet");
    ok(
        &mut s,
        Command::CreateVirtualMachine {
            vnet: public_vnet,
            subnet: "web".into(),
            name: "web01".into(),
            address: "20.50.2.4".into(),
            host_names: String::new(),
            role: None,
        },
    );
    let vm = s.virtual_networks[&public_vnet].virtual_machines[0].id;
    ok(
        &mut s,
        Command::OpenPort {
            host: vnet_lab::model::HostRef::VirtualMachine(public_vnet, vm),
            rule: vnet_lab::model::entities::host::PortRule {
                protocol: Protocol::Tcp,
                port: 443,
            },
        },
    );
    let api = app(&s, "contoso-api");
    ok(
        &mut s,
        Command::ConnectRegional {
            app: api,
            vnet: public_vnet,
            subnet: "integration".into(),
            route_all: false,
        },
    );
    let report = run(&s, api, tcp("20.50.2.4", 443));
    let failure = report.failure().unwrap();
    assert_eq!(failure.stage(), Stage::RouteAll);
    assert_eq!(
        failure.to_string(),
        "20.50.2.4 is not a private (RFC 1918) address, and Route All is off, so the traffic leaves by the app's shared outbound addresses instead of entering the virtual network."
    );
    let fix = failure.fix().command.unwrap();
    ok(&mut s, fix);
    assert!(s.web_apps[&api].regional.as_ref().unwrap().route_all);
    assert!(run(&s, api, tcp("20.50.2.4", 443)).reachable());
    let web = app(&s, "contoso-web");
    let error = refused(
        &mut s,
        Command::SetRouteAll {
            app: web,
            enabled: true,
        },
    );
    assert!(matches!(error, CommandError::NotRegional { .. }));
}

#[test]
fn the_portal_proposes_a_free_26_for_a_new_integration_subnet() {
    let s = sample();
    let app_vnet = &s.virtual_networks[&vnet(&s, "appVnet")];
    assert_eq!(
        free_prefix(app_vnet, 26).map(|p| p.to_string()),
        Some("10.3.0.0/26".to_string())
    );
    let corp = &s.virtual_networks[&vnet(&s, "corpVnet")];
    assert_eq!(
        free_prefix(corp, 26).map(|p| p.to_string()),
        Some("10.1.0.64/26".to_string())
    );
}

#[test]
fn the_sample_shows_regional_integration_without_a_click() {
    let s = sample();
    let orders = app(&s, "contoso-orders");
    let regional = s.web_apps[&orders].regional.as_ref().unwrap();
    assert!(regional.route_all);
    assert_eq!(regional.subnet, "apps");
    let premium = &s.plans[&plan(&s, "contoso-premium")];
    assert_eq!((premium.tier, premium.instances), (Tier::P1, 3));
    assert_eq!(
        s.virtual_networks[&vnet(&s, "northVnet")].region,
        Region::NorthEurope
    );
    assert!(run(&s, orders, tcp("10.4.1.4", 443)).reachable());
}

#[test]
fn r33_the_range_view_shows_integration_subnets_and_the_route_each_needs() {
    use vnet_lab::model::derived::address_ranges::{address_ranges, RangeKind};
    let mut s = sample();
    api_on_corp(&mut s);
    let corp = vnet(&s, "corpVnet");
    let view = address_ranges(&s, corp).unwrap();
    let integration = view
        .ranges
        .iter()
        .find(|r| r.kind == RangeKind::IntegrationSubnet)
        .unwrap();
    assert_eq!(integration.owner, "integration");
    assert_eq!(integration.addresses, Some((1, 59)));
    let lines: Vec<&str> = view.routes.iter().map(|r| r.line.as_str()).collect();
    assert_eq!(
        lines,
        [
            "192.168.0.0/16 site: add route 172.16.0.0/24 via the tunnel to corpVnet",
            "192.168.0.0/16 site: add route 10.1.2.0/26 via the tunnel to corpVnet",
        ]
    );
    ok(&mut s, view.routes[1].command.clone().unwrap());
    let view = address_ranges(&s, corp).unwrap();
    assert!(view.routes[1].present);
}

#[test]
fn r27_a_vnet_integrated_of_either_kind_is_not_deleted_and_the_refusal_names_the_apps() {
    let mut s = sample();
    let app_vnet = vnet(&s, "appVnet");
    let error = refused(&mut s, Command::DeleteVirtualNetwork { vnet: app_vnet });
    assert_eq!(
        error.to_string(),
        "The virtual network appVnet cannot be deleted: the VNet Integration of contoso-orders (regional, subnet apps) holds it. Disconnect those web apps first."
    );
    let north = vnet(&s, "northVnet");
    let error = refused(&mut s, Command::DeleteVirtualNetwork { vnet: north });
    assert_eq!(
        error.to_string(),
        "The virtual network northVnet cannot be deleted: the VNet Integration of contoso-reports (gateway-required) holds it. Disconnect those web apps first."
    );
    assert!(s.virtual_networks.contains_key(&app_vnet));
    assert!(s.virtual_networks.contains_key(&north));
}

#[test]
fn r27_a_vnet_whose_gateway_has_site_to_site_connections_is_not_deleted_until_they_are_removed() {
    let mut s = sample();
    let corp = vnet(&s, "corpVnet");
    let web = app(&s, "contoso-web");
    ok(&mut s, Command::DisconnectWebApp { app: web });
    let error = refused(&mut s, Command::DeleteVirtualNetwork { vnet: corp });
    assert_eq!(
        error.to_string(),
        "The virtual network corpVnet cannot be deleted: its gateway has site-to-site connections to onPremHQ. Remove those connections on the Site-to-site tab first."
    );
    let hq = local(&s, "onPremHQ");
    ok(
        &mut s,
        Command::UnlinkSiteToSite {
            vnet: corp,
            local_network: hq,
        },
    );
    let event = ok(&mut s, Command::DeleteVirtualNetwork { vnet: corp });
    assert_eq!(event.summary, "Deleted the virtual network corpVnet");
    assert!(!s.virtual_networks.contains_key(&corp));
}

#[test]
fn r27_a_peered_vnet_is_not_deleted_while_the_other_side_refers_to_it() {
    let mut s = sample();
    let north = vnet(&s, "northVnet");
    let app_vnet = vnet(&s, "appVnet");
    let reports = app(&s, "contoso-reports");
    ok(&mut s, Command::DisconnectWebApp { app: reports });
    let error = refused(&mut s, Command::DeleteVirtualNetwork { vnet: north });
    assert_eq!(
        error.to_string(),
        "The virtual network northVnet cannot be deleted: it is peered with appVnet, whose side of the peering refers to it. Remove those peerings on the Peerings tab first."
    );
    ok(
        &mut s,
        Command::RemovePeering {
            vnet: north,
            remote: app_vnet,
        },
    );
    ok(&mut s, Command::DeleteVirtualNetwork { vnet: north });
    assert!(s.virtual_networks[&app_vnet].peerings.is_empty());
}

#[test]
fn r25_the_tier_cards_say_regional_integration_works_from_basic() {
    use vnet_lab::model::derived::integration::tier_allows;
    assert_eq!(
        tier_allows(TierFamily::Free),
        "No VNet Integration. No Hybrid Connections."
    );
    assert_eq!(
        tier_allows(TierFamily::Basic),
        "VNet Integration: regional (up to 2 subnets per plan) only. 5 Hybrid Connections per plan."
    );
    assert_eq!(
        tier_allows(TierFamily::Standard),
        "VNet Integration: regional (up to 2 subnets per plan) and gateway-required (up to 5 virtual networks per plan). 25 Hybrid Connections per plan."
    );
    use vnet_lab::model::derived::integration::tier_note;
    use vnet_lab::model::entities::tier::{Tier, TierFamily};
    assert_eq!(tier_note(Tier::S1), None);
    assert_eq!(
        tier_note(Tier::B1),
        Some("gateway-required VNet connections of this plan's apps are disabled until it is Standard or higher; regional VNet Integration works from Basic")
    );
}

#[test]
fn every_view_gets_one_answer_for_an_integration_of_either_kind() {
    use vnet_lab::model::derived::integration::{
        integrated_app_label, integrated_apps, integration_label, usability,
    };
    let s = sample();
    let orders = &s.web_apps[&app(&s, "contoso-orders")];
    let web = &s.web_apps[&app(&s, "contoso-web")];
    let blog = &s.web_apps[&app(&s, "contoso-blog")];
    assert_eq!(
        integration_label(&s, orders).as_deref(),
        Some("appVnet/apps (regional)")
    );
    assert_eq!(
        integration_label(&s, web).as_deref(),
        Some("corpVnet (gateway-required)")
    );
    assert_eq!(integration_label(&s, blog), None);
    let app_vnet = &s.virtual_networks[&vnet(&s, "appVnet")];
    let apps: Vec<String> = integrated_apps(&s, app_vnet.id)
        .iter()
        .map(|integration| integrated_app_label(&s, integration))
        .collect();
    assert_eq!(apps, ["contoso-orders (regional, subnet apps)"]);
    assert_eq!(
        usability(&s, app_vnet).to_string(),
        "Regional: Yes, from plans in West Europe (Basic or higher), in subnet apps or a new subnet such as 10.3.0.0/28. Gateway-required: No: it has no gateway: create a Dynamic routing gateway; point-to-site is not enabled: enable it with a client address pool."
    );
}

#[test]
fn r29_route_all_off_draws_public_traffic_by_the_shared_outbound_addresses() {
    use vnet_lab::model::derived::check::{run, Hop, Target};
    let mut s = sample();
    let orders = app(&s, "contoso-orders");
    ok(
        &mut s,
        Command::SetRouteAll {
            app: orders,
            enabled: false,
        },
    );
    let target = Target {
        host: "api.fabrikam.com",
        port: 443,
        protocol: Protocol::Tcp,
    };
    let report = run(&s, orders, target);
    assert!(report.reachable(), "{:?}", report.steps);
    assert_eq!(
        report.path[1..3],
        [Hop::SharedOutbound, Hop::Internet],
        "with Route All off the traffic never enters the integration subnet"
    );
    assert_eq!(Hop::SharedOutbound.caption().0, "Shared outbound addresses");

    ok(
        &mut s,
        Command::SetRouteAll {
            app: orders,
            enabled: true,
        },
    );
    let report = run(&s, orders, target);
    assert!(
        matches!(report.path[1], Hop::IntegrationSubnet("apps", _)),
        "{:?}",
        report.path
    );
}
