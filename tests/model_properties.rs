//! Random command sequences: after every step the invariants hold.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use strum::VariantArray;

use proptest::prelude::*;
use vnet_lab::model::derived::check;
use vnet_lab::model::derived::matrix::columns;
use vnet_lab::model::derived::migration;
use vnet_lab::model::derived::regional::{integration_subnets, plan_subnets};
use vnet_lab::model::derived::status::plan_networks;
use vnet_lab::model::entities::clock::Step;
use vnet_lab::model::entities::host::{PortRule, Protocol};
use vnet_lab::model::entities::network::Delegation;
use vnet_lab::model::entities::network::Routing;
use vnet_lab::model::entities::region::Region;
use vnet_lab::model::entities::tier::Tier;
use vnet_lab::model::entities::web_app::MAX_VNETS_PER_PLAN;
use vnet_lab::model::input::addressing::first_overlap;
use vnet_lab::model::{ClockTarget, Command, HostRef, Subscription};

/// A command with its targets picked by index among what exists when it runs.
#[derive(Clone, Debug)]
enum Action {
    CreatePlan(u8, usize),
    Scale(usize, usize),
    CreateApp(u8, usize),
    CreateVnet(u8, String, String),
    Subnet(usize, String),
    Gateway(usize, bool),
    EnableP2s(usize, String),
    Connect(usize, usize),
    Disconnect(usize),
    NewVnetAndConnect(usize, u8, String),
    Sync(usize),
    DeleteCertificate(usize),
    RevokeCertificate(usize),
    AddDns(usize, String),
    Advance(i64),
    MoveClock(Step),
    OpenPort(usize, u16),
    CreateLocal(u8, String),
    Link(usize, usize),
    Route(usize, String),
    Hybrid(usize, u8),
    ScaleOut(usize, u8),
    Regional(usize, usize, usize, bool),
    RegionalNewSubnet(usize, usize, String),
    RouteAll(usize, bool),
    Peer(usize, usize),
    DeleteSubnet(usize, usize),
}

fn prefix() -> impl Strategy<Value = String> {
    prop_oneof![
        (
            0u8..4,
            0u8..3,
            prop_oneof![Just(16u8), Just(24u8), Just(20u8)]
        )
            .prop_map(|(a, b, l)| format!("10.{a}.{}.0/{l}", b * 16)),
        (16u8..18, 0u8..4).prop_map(|(b, c)| format!("172.{b}.{c}.0/24")),
        (0u8..3).prop_map(|c| format!("192.168.{c}.0/24")),
        Just("10.0.0.1/16".to_string()),
        Just("300.1.0.0/16".to_string()),
        Just("8.8.8.0/24".to_string()),
    ]
}

fn action() -> impl Strategy<Value = Action> {
    let i = || 0usize..8;
    // Every tier, the Premium v3, v4 and Elastic Premium ones included (R39 keeps their SKU).
    let tier = || 0usize..Tier::VARIANTS.len();
    prop_oneof![
        (0u8..6, tier()).prop_map(|(n, t)| Action::CreatePlan(n, t)),
        (i(), tier()).prop_map(|(p, t)| Action::Scale(p, t)),
        (0u8..12, i()).prop_map(|(n, p)| Action::CreateApp(n, p)),
        (
            0u8..8,
            prefix(),
            prop_oneof![Just(String::new()), Just("10.0.0.4".to_string())]
        )
            .prop_map(|(n, a, d)| Action::CreateVnet(n, a, d)),
        (i(), prefix()).prop_map(|(v, p)| Action::Subnet(v, p)),
        (i(), any::<bool>()).prop_map(|(v, d)| Action::Gateway(v, d)),
        (i(), prefix()).prop_map(|(v, p)| Action::EnableP2s(v, p)),
        (i(), i()).prop_map(|(a, v)| Action::Connect(a, v)),
        i().prop_map(Action::Disconnect),
        (i(), 0u8..8, prefix()).prop_map(|(a, n, p)| Action::NewVnetAndConnect(a, n, p)),
        i().prop_map(Action::Sync),
        i().prop_map(Action::DeleteCertificate),
        i().prop_map(Action::RevokeCertificate),
        (
            i(),
            prop_oneof![Just("10.0.0.4".to_string()), Just("10.0.0.999".to_string())]
        )
            .prop_map(|(v, d)| Action::AddDns(v, d)),
        prop_oneof![Just(60i64), Just(1800), Just(400 * 86_400), Just(0)].prop_map(Action::Advance),
        prop_oneof![
            Just(Step::Hours(1)),
            Just(Step::Days(30)),
            Just(Step::Years(1)),
            Just(Step::Years(8))
        ]
        .prop_map(Action::MoveClock),
        (i(), prop_oneof![Just(1433u16), Just(0)]).prop_map(|(v, p)| Action::OpenPort(v, p)),
        (0u8..4, prefix()).prop_map(|(n, p)| Action::CreateLocal(n, p)),
        (i(), i()).prop_map(|(v, l)| Action::Link(v, l)),
        (i(), prefix()).prop_map(|(l, p)| Action::Route(l, p)),
        (i(), 0u8..30).prop_map(|(a, n)| Action::Hybrid(a, n)),
        (i(), 0u8..32).prop_map(|(p, n)| Action::ScaleOut(p, n)),
        (i(), i(), i(), any::<bool>()).prop_map(|(a, v, n, r)| Action::Regional(a, v, n, r)),
        (
            i(),
            i(),
            prop_oneof![
                (0u8..4, 0u8..16).prop_map(|(a, b)| format!("10.{a}.{}.0/26", b * 16)),
                (0u8..4, 0u8..16).prop_map(|(a, b)| format!("10.{a}.{}.0/28", b * 16)),
                (0u8..4, 0u8..16).prop_map(|(a, b)| format!("10.{a}.{}.0/27", b * 16)),
            ]
        )
            .prop_map(|(a, v, p)| Action::RegionalNewSubnet(a, v, p)),
        (i(), any::<bool>()).prop_map(|(a, r)| Action::RouteAll(a, r)),
        (i(), i()).prop_map(|(v, w)| Action::Peer(v, w)),
        (i(), i()).prop_map(|(v, n)| Action::DeleteSubnet(v, n)),
    ]
}

fn nth<K: Copy, V>(map: &std::collections::BTreeMap<K, V>, i: usize) -> Option<K> {
    (!map.is_empty()).then(|| *map.keys().nth(i % map.len()).expect("in range"))
}

/// The key of the `i`th value (wrapping) of those that `keep`.
fn nth_where<K: Copy, V>(
    map: &std::collections::BTreeMap<K, V>,
    i: usize,
    keep: impl Fn(&V) -> bool,
) -> Option<K> {
    let keys: Vec<K> = map
        .iter()
        .filter(|(_, v)| keep(v))
        .map(|(k, _)| *k)
        .collect();
    (!keys.is_empty()).then(|| keys[i % keys.len()])
}

fn command(s: &Subscription, action: Action) -> Option<Command> {
    use Action::*;
    Some(match action {
        CreatePlan(n, t) => Command::CreatePlan {
            region: Region::VARIANTS[usize::from(n) % 2],
            name: format!("plan{n}"),
            tier: Tier::VARIANTS[t % Tier::VARIANTS.len()],
        },
        Scale(p, t) => Command::ScalePlan {
            plan: nth(&s.plans, p)?,
            tier: Tier::VARIANTS[t % Tier::VARIANTS.len()],
        },
        CreateApp(n, p) => Command::CreateWebApp {
            name: format!("app{n}"),
            plan: nth(&s.plans, p)?,
        },
        CreateVnet(n, space, dns) => Command::CreateVirtualNetwork {
            region: Region::VARIANTS[usize::from(n) % 3 / 2],
            name: format!("vnet{n}"),
            address_space: space,
            dns_servers: dns,
        },
        Subnet(v, p) => Command::AddSubnet {
            vnet: nth(&s.virtual_networks, v)?,
            name: format!("sub{v}"),
            prefix: p,
        },
        Gateway(v, dynamic) => Command::CreateGateway {
            vnet: nth(&s.virtual_networks, v)?,
            routing: if dynamic {
                Routing::Dynamic
            } else {
                Routing::Static
            },
        },
        EnableP2s(v, pool) => Command::EnablePointToSite {
            vnet: nth(&s.virtual_networks, v)?,
            pool,
        },
        Connect(a, v) => Command::ConnectWebApp {
            app: nth(&s.web_apps, a)?,
            vnet: nth(&s.virtual_networks, v)?,
        },
        Disconnect(a) => Command::DisconnectWebApp {
            app: nth(&s.web_apps, a)?,
        },
        NewVnetAndConnect(a, n, space) => Command::CreateVirtualNetworkAndConnect {
            app: nth(&s.web_apps, a)?,
            name: format!("new{n}"),
            address_space: space,
            dns_servers: String::new(),
        },
        Sync(a) => Command::SyncConnection {
            app: nth(&s.web_apps, a)?,
        },
        DeleteCertificate(v) | RevokeCertificate(v) => {
            let vnet = nth(&s.virtual_networks, v)?;
            let thumbprint = s.virtual_networks[&vnet]
                .point_to_site
                .as_ref()?
                .certificates
                .first()?
                .thumbprint
                .clone();
            if matches!(action, DeleteCertificate(_)) {
                Command::DeleteCertificate { vnet, thumbprint }
            } else {
                Command::RevokeCertificate { vnet, thumbprint }
            }
        }
        AddDns(v, address) => Command::AddDnsServer {
            vnet: nth(&s.virtual_networks, v)?,
            address,
        },
        Advance(seconds) => Command::AdvanceClock { seconds },
        MoveClock(step) => Command::MoveClock {
            to: ClockTarget::By(step),
        },
        OpenPort(v, port) => {
            let vnet = nth(&s.virtual_networks, v)?;
            let vm = s.virtual_networks[&vnet].virtual_machines.first()?.id;
            Command::OpenPort {
                host: HostRef::VirtualMachine(vnet, vm),
                rule: PortRule {
                    protocol: Protocol::Tcp,
                    port,
                },
            }
        }
        CreateLocal(n, space) => Command::CreateLocalNetwork {
            name: format!("site{n}"),
            address_space: space,
            vpn_device: "131.107.0.1".into(),
        },
        Link(v, l) => Command::LinkSiteToSite {
            vnet: nth(&s.virtual_networks, v)?,
            local_network: nth(&s.local_networks, l)?,
        },
        Route(l, prefix) => Command::AddRoute {
            local_network: nth(&s.local_networks, l)?,
            prefix,
        },
        Hybrid(a, n) => Command::AddHybridConnection {
            app: nth(&s.web_apps, a)?,
            name: format!("hc{n}"),
            endpoint: format!("host{n}.contoso.local:{}", 1000 + u16::from(n)),
        },
        ScaleOut(p, instances) => Command::ScaleOutPlan {
            plan: nth(&s.plans, p)?,
            instances,
        },
        Regional(a, v, n, route_all) => {
            let vnet = nth(&s.virtual_networks, v)?;
            let subnets = &s.virtual_networks[&vnet].subnets;
            Command::ConnectRegional {
                app: nth(&s.web_apps, a)?,
                vnet,
                subnet: subnets.get(n % subnets.len().max(1))?.name.clone(),
                route_all,
            }
        }
        RegionalNewSubnet(a, v, prefix) => Command::ConnectRegionalToNewSubnet {
            app: nth(&s.web_apps, a)?,
            vnet: nth(&s.virtual_networks, v)?,
            subnet: format!("int{}", prefix.len() + a),
            prefix,
            route_all: a % 2 == 0,
        },
        RouteAll(a, enabled) => Command::SetRouteAll {
            app: nth(&s.web_apps, a)?,
            enabled,
        },
        Peer(v, w) => Command::PeerVirtualNetworks {
            vnet: nth(&s.virtual_networks, v)?,
            remote: nth(&s.virtual_networks, w)?,
        },
        DeleteSubnet(v, n) => {
            let vnet = nth(&s.virtual_networks, v)?;
            let subnets = &s.virtual_networks[&vnet].subnets;
            Command::DeleteSubnet {
                vnet,
                subnet: subnets.get(n % subnets.len().max(1))?.name.clone(),
            }
        }
    })
}

fn check_invariants(s: &Subscription) {
    assert_eq!(
        s.validate(),
        Ok(()),
        "SPEC §8: a state built by commands validates"
    );
    for plan in s.plans.keys() {
        assert!(
            plan_networks(s, *plan).len() <= MAX_VNETS_PER_PLAN,
            "a plan uses more than 5 VNets"
        );
    }
    for vnet in s.virtual_networks.values() {
        assert_eq!(
            first_overlap(&vnet.address_space),
            None,
            "{} has overlapping prefixes",
            vnet.name
        );
        for (i, a) in vnet.subnets.iter().enumerate() {
            assert!(vnet
                .address_space
                .iter()
                .any(|space| space.contains(&a.prefix)));
            assert!(vnet.subnets[i + 1..]
                .iter()
                .all(|b| !vnet_lab::model::input::addressing::overlaps(&a.prefix, &b.prefix)));
        }
        if let Some(p2s) = &vnet.point_to_site {
            assert!(vnet_lab::model::input::addressing::is_private(&p2s.pool));
            assert!(vnet
                .address_space
                .iter()
                .all(|space| !vnet_lab::model::input::addressing::overlaps(space, &p2s.pool)));
        }
    }
    assert!(
        s.activity.windows(2).all(|pair| pair[0].at <= pair[1].at),
        "the activity log is in simulated time order"
    );
    for app in s.web_apps.values() {
        assert!(
            app.connection.is_none() || app.regional.is_none(),
            "{} has two integrations",
            app.name
        );
        if let Some(regional) = &app.regional {
            let vnet = &s.virtual_networks[&regional.vnet];
            let subnet = vnet
                .subnet(&regional.subnet)
                .expect("the integration subnet exists");
            assert_eq!(subnet.delegation, Some(Delegation::ServerFarms));
            assert_eq!(vnet.region, s.plans[&app.plan].region, "R25: same region");
        }
    }
    for subnet in integration_subnets(s) {
        assert!(
            subnet.plans.len() == 1 || subnet.prefix.prefix_len() <= 26,
            "a subnet below /26 serves two plans"
        );
        assert!(
            subnet.in_use() <= subnet.capacity(),
            "instances exceed the subnet's addresses"
        );
    }
    for plan in s.plans.keys() {
        assert!(
            plan_subnets(s, *plan).len() <= 2,
            "a plan uses more than two subnets"
        );
    }
    for vnet in s.virtual_networks.values() {
        for peer in &vnet.peerings {
            assert!(
                s.virtual_networks[peer].peerings.contains(&vnet.id),
                "peering on both sides"
            );
        }
    }
    let names: BTreeSet<&str> = s.web_apps.values().map(|app| app.name.as_str()).collect();
    assert_eq!(names.len(), s.web_apps.len(), "web app names are unique");
    let round_trip = vnet_lab::store::decode::<Subscription>(&vnet_lab::store::encode(s, 1));
    assert_eq!(
        round_trip.map(|decoded| decoded.state).as_ref(),
        Ok(s),
        "the stored document reads back equal"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn invariants_hold_after_every_command(actions in prop::collection::vec(action(), 1..40)) {
        let mut s = Subscription::empty();
        for action in actions {
            let Some(command) = command(&s, action) else { continue };
            let before = s.clone();
            match s.apply(command) {
                Ok(_) => prop_assert_eq!(s.activity.len() >= before.activity.len(), true),
                Err(error) => {
                    prop_assert_eq!(&s, &before, "a refused command changed the state");
                    prop_assert!(!error.to_string().is_empty());
                }
            }
            check_invariants(&s);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// R36: for every app's migration plan, applying it gives exactly the predicted
    /// reachability for every endpoint.
    #[test]
    fn r36_applying_a_migration_plan_yields_its_prediction(actions in prop::collection::vec(action(), 1..60)) {
        let mut s = Subscription::sample();
        for action in actions {
            let Some(command) = command(&s, action) else { continue };
            let _ = s.apply(command);
        }
        for plan in migration::plans(&s) {
            let mut after = s.clone();
            let applied = after.apply(Command::MigrateToRegional { app: plan.app });
            prop_assert_eq!(applied.is_ok(), plan.blocked.is_none(), "{:?}", applied.err());
            if applied.is_err() {
                continue;
            }
            check_invariants(&after);
            for column in columns(&s) {
                let key = column.label();
                let before = check::reachable(&s, plan.app, column.target());
                let now = check::reachable(&after, plan.app, column.target());
                match plan.predictions.iter().find(|p| p.endpoint == key) {
                    Some(p) => prop_assert_eq!((p.before, p.after), (before, now), "{}", key),
                    None => prop_assert!(!before && !now, "{} is missing from the prediction", key),
                }
            }
        }
    }
}

/// A reference broken behind the model's back, as an edited document could hold it; each picks
/// its target by index among what exists.
#[derive(Clone, Debug)]
enum Break {
    IntegrationVnet(usize),
    IntegrationSubnet(usize),
    RemoveVnet(usize),
    Plan(usize),
    SubnetNsg(usize),
    SubnetRouteTable(usize),
    SubnetNatGateway(usize),
    RemoveGateway(usize),
    RemoveZone(usize),
    VmSubnet(usize),
    HostIdReused(usize),
    RelayServer(usize),
    CertificateVnet(usize),
}

fn breakage() -> impl Strategy<Value = Break> {
    let i = || 0usize..8;
    prop_oneof![
        i().prop_map(Break::IntegrationVnet),
        i().prop_map(Break::IntegrationSubnet),
        i().prop_map(Break::RemoveVnet),
        i().prop_map(Break::Plan),
        i().prop_map(Break::SubnetNsg),
        i().prop_map(Break::SubnetRouteTable),
        i().prop_map(Break::SubnetNatGateway),
        i().prop_map(Break::RemoveGateway),
        i().prop_map(Break::RemoveZone),
        i().prop_map(Break::VmSubnet),
        i().prop_map(Break::HostIdReused),
        i().prop_map(Break::RelayServer),
        i().prop_map(Break::CertificateVnet),
    ]
}

/// Every known endpoint by address and by name, owned so the broken state can be asked too.
fn targets(s: &Subscription) -> Vec<(String, u16, Protocol)> {
    columns(s)
        .iter()
        .flat_map(|column| {
            let rule = column.endpoint.rule;
            [column.address.clone(), column.name.clone()]
                .map(|host| (host, rule.port, rule.protocol))
        })
        .collect()
}

fn report_of<'a>(
    s: &'a Subscription,
    app: vnet_lab::model::entities::ids::WebAppId,
    (host, port, protocol): &'a (String, u16, Protocol),
) -> check::Report<'a> {
    check::run(
        s,
        app,
        check::Target {
            host,
            port: *port,
            protocol: *protocol,
        },
    )
}

/// What a break must do: the field `validate` names (None: any, or none at all when the state
/// stays valid), and which reports of the unbroken state must stop being reachable.
struct Expected {
    path: Option<String>,
    refused: bool,
    apps: Vec<vnet_lab::model::entities::ids::WebAppId>,
    /// A report of the unbroken state that went through what was broken.
    through: fn(&check::Report<'_>, &str) -> bool,
    name: String,
}

fn always(_: &check::Report<'_>, _: &str) -> bool {
    true
}

fn break_state(s: &mut Subscription, broken: Break) -> Option<Expected> {
    use vnet_lab::model::entities::ids::{
        NatGatewayId, NsgId, PlanId, RouteTableId, ServerId, VmId, VnetId,
    };
    let fresh = s.next_id + 1_000;
    let integrated: Vec<_> = s
        .web_apps
        .values()
        .filter(|app| app.integration().is_some())
        .map(|app| app.id)
        .collect();
    let regional: Vec<_> = s
        .web_apps
        .values()
        .filter(|app| app.regional.is_some())
        .map(|app| app.id)
        .collect();
    let pick = |list: &[vnet_lab::model::entities::ids::WebAppId], i: usize| {
        (!list.is_empty()).then(|| list[i % list.len()])
    };
    let expected = |path: Option<String>, apps, through, name: String| Expected {
        path,
        refused: true,
        apps,
        through,
        name,
    };
    match broken {
        Break::IntegrationVnet(i) => {
            let app = pick(&integrated, i)?;
            let web_app = s.web_apps.get_mut(&app).unwrap();
            let kind = match (&mut web_app.connection, &mut web_app.regional) {
                (Some(connection), _) => {
                    connection.vnet = VnetId(fresh);
                    "connection"
                }
                (None, Some(regional)) => {
                    regional.vnet = VnetId(fresh);
                    "regional"
                }
                (None, None) => unreachable!("integrated"),
            };
            Some(expected(
                Some(format!("web_apps.{app}.{kind}.vnet")),
                vec![app],
                always,
                String::new(),
            ))
        }
        Break::IntegrationSubnet(i) => {
            let app = pick(&regional, i)?;
            s.web_apps
                .get_mut(&app)
                .unwrap()
                .regional
                .as_mut()
                .unwrap()
                .subnet = "missing-subnet".into();
            Some(expected(
                Some(format!("web_apps.{app}.regional.subnet")),
                vec![app],
                always,
                String::new(),
            ))
        }
        Break::RemoveVnet(i) => {
            let app = pick(&integrated, i)?;
            let vnet = s.web_apps[&app].integrated_vnet().unwrap();
            s.virtual_networks.remove(&vnet);
            Some(expected(None, vec![app], always, String::new()))
        }
        Break::Plan(i) => {
            let app = pick(&integrated, i)?;
            s.web_apps.get_mut(&app).unwrap().plan = PlanId(fresh);
            Some(expected(
                Some(format!("web_apps.{app}.plan")),
                vec![app],
                always,
                String::new(),
            ))
        }
        Break::SubnetNsg(i) | Break::SubnetRouteTable(i) | Break::SubnetNatGateway(i) => {
            let app = pick(&regional, i)?;
            let integration = s.web_apps[&app].regional.clone().unwrap();
            let vnet = s.virtual_networks.get_mut(&integration.vnet).unwrap();
            let index = vnet
                .subnets
                .iter()
                .position(|subnet| subnet.name == integration.subnet)
                .unwrap();
            let subnet = &mut vnet.subnets[index];
            let (field, through): (&str, fn(&check::Report<'_>, &str) -> bool) = match broken {
                Break::SubnetNsg(_) => {
                    subnet.network_security_group = Some(NsgId(fresh));
                    ("network_security_group", |report, _| {
                        report
                            .steps
                            .iter()
                            .any(|step| step.stage() == check::Stage::SecurityGroup)
                    })
                }
                Break::SubnetRouteTable(_) => {
                    subnet.route_table = Some(RouteTableId(fresh));
                    ("route_table", |report, _| {
                        report
                            .steps
                            .iter()
                            .any(|step| step.stage() == check::Stage::RouteTable)
                    })
                }
                _ => {
                    subnet.nat_gateway = Some(NatGatewayId(fresh));
                    ("nat_gateway", |report, _| {
                        report.steps.iter().any(|step| {
                            matches!(
                                step,
                                check::Step::Passed(check::Finding::ToInternet {
                                    route_all: true,
                                    ..
                                })
                            )
                        })
                    })
                }
            };
            let apps = s
                .web_apps
                .values()
                .filter(|other| {
                    other.regional.as_ref().is_some_and(|r| {
                        r.vnet == integration.vnet && r.subnet == integration.subnet
                    })
                })
                .map(|other| other.id)
                .collect();
            let vnet = integration.vnet;
            Some(expected(
                Some(format!("virtual_networks.{vnet}.subnets[{index}].{field}")),
                apps,
                through,
                String::new(),
            ))
        }
        Break::RemoveGateway(i) => {
            let vnet = nth(&s.virtual_networks, i)?;
            let network = s.virtual_networks.get_mut(&vnet).unwrap();
            network.gateway.take()?;
            network.point_to_site = None;
            let name = network.name.clone();
            Some(Expected {
                path: None,
                refused: false,
                apps: s.web_apps.keys().copied().collect(),
                through: |report, name| {
                    report
                        .path
                        .iter()
                        .any(|hop| matches!(hop, check::Hop::Gateway(gateway) if *gateway == name))
                },
                name,
            })
        }
        Break::RemoveZone(i) => {
            let zone = nth(&s.private_dns_zones, i)?;
            let name = s.private_dns_zones.remove(&zone).unwrap().name;
            Some(Expected {
                path: None,
                refused: false,
                apps: s.web_apps.keys().copied().collect(),
                through: |report, name| {
                    report.steps.iter().any(|step| {
                        matches!(step, check::Step::Passed(check::Finding::ResolvedByAzureDns { zone: Some(zone), .. }) if *zone == name)
                    })
                },
                name,
            })
        }
        // References the check does not follow: validate alone must name them.
        Break::VmSubnet(i) => {
            let vnet = nth_where(&s.virtual_networks, i, |v| !v.virtual_machines.is_empty())?;
            let network = s.virtual_networks.get_mut(&vnet).unwrap();
            let index = i % network.virtual_machines.len();
            network.virtual_machines[index].subnet = "missing-subnet".into();
            Some(expected(
                Some(format!(
                    "virtual_networks.{vnet}.virtual_machines[{index}].subnet"
                )),
                Vec::new(),
                always,
                String::new(),
            ))
        }
        Break::HostIdReused(i) => {
            // A VM's id at next_id: the next one created would take it.
            let vnet = nth_where(&s.virtual_networks, i, |v| !v.virtual_machines.is_empty())?;
            let next = s.next_id;
            let network = s.virtual_networks.get_mut(&vnet).unwrap();
            let index = i % network.virtual_machines.len();
            network.virtual_machines[index].id = VmId(next);
            Some(expected(
                Some(format!(
                    "virtual_networks.{vnet}.virtual_machines[{index}].id"
                )),
                Vec::new(),
                always,
                String::new(),
            ))
        }
        Break::RelayServer(i) => {
            let hybrid = nth_where(&s.hybrid_connections, i, |h| h.agent.is_some())?;
            let agent = s
                .hybrid_connections
                .get_mut(&hybrid)
                .unwrap()
                .agent
                .as_mut()
                .unwrap();
            agent.server = ServerId(fresh);
            Some(expected(
                Some(format!("hybrid_connections.{hybrid}.agent.server")),
                Vec::new(),
                always,
                String::new(),
            ))
        }
        Break::CertificateVnet(i) => {
            if s.certificates.is_empty() {
                return None;
            }
            let index = i % s.certificates.len();
            s.certificates[index].vnet = VnetId(fresh);
            Some(expected(
                Some(format!("certificates[{index}].vnet")),
                Vec::new(),
                always,
                String::new(),
            ))
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// SPEC §4, §8: a reference broken behind the model's back is refused by `validate`, naming
    /// the field; and the check on the broken state never answers reachable for a chain that
    /// went through what was broken, its last step a failure.
    #[test]
    fn broken_references_are_refused_and_never_reachable(
        actions in prop::collection::vec(action(), 0..30),
        broken in breakage(),
    ) {
        let mut s = Subscription::sample();
        for action in actions {
            let Some(command) = command(&s, action) else { continue };
            let _ = s.apply(command);
        }
        let original = s.clone();
        let Some(expected) = break_state(&mut s, broken.clone()) else { return Ok(()) };
        match (s.validate(), &expected.path) {
            (Err(invalid), Some(path)) => prop_assert_eq!(&invalid.path, path),
            (Err(invalid), None) => prop_assert!(expected.refused, "{:?} refused: {}", broken, invalid),
            (Ok(()), _) => prop_assert!(!expected.refused, "{:?} validated", broken),
        }
        let round_trip = vnet_lab::store::decode::<Subscription>(&vnet_lab::store::encode(&s, 1));
        prop_assert_eq!(round_trip.is_err(), expected.refused, "the store decides as validate does");
        let targets = targets(&original);
        for app in &expected.apps {
            for target in &targets {
                let before = report_of(&original, *app, target);
                let after = report_of(&s, *app, target);
                if after.reachable() {
                    prop_assert!(before.reachable(), "{:?}: {:?} reachable only once broken", broken, target);
                    prop_assert!(!(expected.through)(&before, &expected.name), "{:?}: {:?} still reachable through what was broken: {:?}", broken, target, after.steps);
                } else {
                    let last = after.steps.last().expect("a step says why");
                    prop_assert!(!last.passed(), "{:?}: the last step passed: {:?}", broken, after.steps);
                }
            }
        }
    }
}

/// The check's verdict from every web app to every known endpoint, by names (ids differ).
fn verdicts_by_name(s: &Subscription) -> Vec<String> {
    let mut lines = Vec::new();
    for app in s.web_apps.values() {
        for endpoint in vnet_lab::model::derived::endpoints::known_endpoints(s) {
            let host = endpoint.name();
            let target = check::Target {
                host: &host,
                port: endpoint.rule.port,
                protocol: endpoint.rule.protocol,
            };
            let report = check::run(s, app.id, target);
            lines.push(format!(
                "{} -> {host} {}: reachable {} undecided {} fails at {:?}",
                app.name,
                endpoint.rule,
                report.reachable(),
                report.undecided(),
                report.failure().map(|step| step.stage())
            ));
        }
    }
    lines.sort();
    lines
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// R39: importing the lab's own ARM export of a command-built subscription gives the same
    /// check verdicts, and exporting that again writes the same template.
    #[test]
    fn r39_a_random_subscription_round_trips_through_its_arm_export(
        from_sample in any::<bool>(),
        actions in prop::collection::vec(action(), 1..40),
    ) {
        use vnet_lab::exchange::arm::import::{prepare, Options};
        use vnet_lab::exchange::arm::template::template_text;
        let mut s = if from_sample { Subscription::sample() } else { Subscription::empty() };
        for action in actions {
            let Some(command) = command(&s, action) else { continue };
            let _ = s.apply(command);
        }
        let exported = template_text(&s);
        let prepared = prepare(&exported, &Subscription::empty(), &Options::at(s.clock.now))
            .map_err(|e| TestCaseError::fail(format!("{e}\n{exported}")))?;
        let imported = prepared.subscription.expect("the lab's export asks no parameter");
        prop_assert_eq!(verdicts_by_name(&imported), verdicts_by_name(&s));
        prop_assert!(prepared.report.skipped.is_empty(), "skipped {:?}", prepared.report.skipped);
        prop_assert_eq!(template_text(&imported), exported);
    }
}
