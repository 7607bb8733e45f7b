//! The saved form: every way stored or imported data can be bad gets a message naming the
//! problem, and good data reads back exactly.
#![cfg(not(target_arch = "wasm32"))]

use serde::{Deserialize, Serialize};
use vnet_lab::model::Subscription;
use vnet_lab::store::{
    decode, encode, from_fragment, to_fragment, DecodeError, Decoded, ShareError,
    MAX_DOCUMENT_BYTES, MAX_SHARE_CHARS, SCHEMA_VERSION,
};

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct State {
    plans: Vec<Plan>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Plan {
    name: String,
    apps: u32,
}

impl vnet_lab::store::Document for State {}

fn state() -> State {
    State {
        plans: vec![Plan {
            name: "<script>alert('x')</script> 🚀 מערכת".into(),
            apps: 2,
        }],
    }
}

#[test]
fn a_saved_state_reads_back_equal_with_its_revision() {
    let text = encode(&state(), 7);
    assert_eq!(
        decode::<State>(&text),
        Ok(Decoded {
            state: state(),
            revision: 7
        })
    );
}

#[test]
fn not_json_is_refused_with_the_position() {
    let error = decode::<State>("{\"schema\": 1,").unwrap_err();
    assert!(matches!(error, DecodeError::NotJson { .. }));
    assert!(error.to_string().contains("line 1"), "{error}");
}

#[test]
fn a_document_without_schema_is_not_a_saved_subscription() {
    let error = decode::<State>("{\"plans\": []}").unwrap_err();
    assert_eq!(error, DecodeError::NoSchemaVersion);
    assert!(error.to_string().contains("\"schema\""));
}

#[test]
fn a_newer_schema_is_refused_and_named() {
    let text = format!(
        "{{\"schema\": {}, \"revision\": 1, \"subscription\": {{}}}}",
        SCHEMA_VERSION + 1
    );
    let error = decode::<State>(&text).unwrap_err();
    assert_eq!(
        error,
        DecodeError::NewerSchema {
            found: SCHEMA_VERSION + 1
        }
    );
    assert!(error.to_string().contains("newer version"));
}

#[test]
fn an_older_unknown_schema_is_refused() {
    let text = "{\"schema\": 0, \"revision\": 1, \"subscription\": {}}";
    assert_eq!(
        decode::<State>(text),
        Err(DecodeError::UnknownSchema { found: 0 })
    );
}

#[test]
fn a_wrong_field_is_named_by_its_json_path() {
    let text = format!("{{\"schema\": {SCHEMA_VERSION}, \"revision\": 3, \"subscription\": {{\"plans\": [{{\"name\": \"a\", \"apps\": \"two\"}}]}}}}");
    let error = decode::<State>(&text).unwrap_err();
    match &error {
        DecodeError::WrongField { path, .. } => assert_eq!(path, "subscription.plans[0].apps"),
        other => panic!("expected a wrong field, got {other:?}"),
    }
    assert!(
        error.to_string().contains("\"subscription.plans[0].apps\""),
        "{error}"
    );
}

#[test]
fn a_huge_document_is_refused_before_parsing() {
    let text = " ".repeat(MAX_DOCUMENT_BYTES + 1);
    assert_eq!(
        decode::<State>(&text),
        Err(DecodeError::TooLarge {
            bytes: MAX_DOCUMENT_BYTES + 1
        })
    );
}

#[test]
fn deep_nesting_is_refused_cleanly_not_by_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(
        decode::<State>(&deep),
        Err(DecodeError::NotJson { .. })
    ));
    let inside =
        format!("{{\"schema\": {SCHEMA_VERSION}, \"revision\": 1, \"subscription\": {deep}}}");
    // The header reads past it; the types of the subscription refuse it within two levels.
    assert!(matches!(
        decode::<State>(&inside),
        Err(DecodeError::WrongField { path, .. }) if path.starts_with("subscription[0]")
    ));
}

#[test]
fn a_bad_cidr_in_a_real_subscription_is_named_by_its_path() {
    let sample = vnet_lab::model::Subscription::sample();
    let text = encode(&sample, 1).replace("\"10.1.0.0/16\"", "\"10.1.0.0/33\"");
    let error = decode::<vnet_lab::model::Subscription>(&text).unwrap_err();
    let corp = sample.vnet_named("corpVnet").unwrap().id;
    match &error {
        DecodeError::WrongField { path, reason } => {
            assert_eq!(
                path,
                &format!("subscription.virtual_networks.{corp}.address_space[0]")
            );
            assert!(reason.contains("invalid IP address syntax"), "{reason}");
        }
        other => panic!("expected a wrong field, got {other:?}"),
    }
}

#[test]
fn a_missing_field_is_named_with_its_parent_path() {
    let sample = vnet_lab::model::Subscription::sample();
    let text = encode(&sample, 1).replacen(",\"speed\":60", "", 1);
    let error = decode::<vnet_lab::model::Subscription>(&text).unwrap_err();
    assert!(
        error.to_string().contains("\"subscription.clock\""),
        "{error}"
    );
    assert!(
        error.to_string().contains("missing field `speed`"),
        "{error}"
    );
}

#[test]
fn a_share_link_carries_the_sample_and_reads_back_equal() {
    let sample = Subscription::sample();
    let document = encode(&sample, 3);
    let data = to_fragment(&document).expect("the sample fits in a link");
    assert!(data.len() <= MAX_SHARE_CHARS);
    assert!(data
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    let read = decode::<Subscription>(&from_fragment(&data).unwrap()).unwrap();
    assert_eq!(read.state, sample);
}

#[test]
fn too_large_a_subscription_for_a_link_is_refused_naming_the_export() {
    let large = encode(
        &vnet_lab::model::fixtures::generate::large_subscription(),
        1,
    );
    let error = to_fragment(&large).unwrap_err();
    assert!(matches!(error, ShareError::TooLarge { .. }));
    assert!(error.to_string().contains("export it as a file"));
}

#[test]
fn a_damaged_link_is_named_so() {
    assert_eq!(from_fragment("not base64!"), Err(ShareError::NotALink));
}

#[test]
fn r13_a_subscription_saved_before_rcgen_loads_with_its_certificate_byte_for_byte() {
    use vnet_lab::model::derived::status::{connection_status, ConnectionStatus};
    use vnet_lab::model::entities::certificate::thumbprint_of;
    use vnet_lab::model::Command;

    // The sample as the lab stored it when it wrote unsigned certificates valid one year.
    let text = include_str!("fixtures/saved-before-rcgen.json");
    let mut s = decode::<Subscription>(text).expect("loads").state;
    let certificates = |text: &str| {
        serde_json::from_str::<serde_json::Value>(text).unwrap()["subscription"]["certificates"]
            .clone()
    };
    assert_eq!(
        certificates(&encode(&s, 1)),
        certificates(text),
        "the certificates, field for field"
    );
    let old = s.certificates[0].certificate.clone();
    assert_eq!(old.thumbprint, "17497B55936E717FA702A3BA317CE8A0F26E7CA0");
    assert_eq!(thumbprint_of(&old.der), old.thumbprint);
    let web = s.web_app_named("contoso-web").unwrap().id;
    assert_eq!(connection_status(&s, web), ConnectionStatus::Connected);

    // It runs out after its year; Sync renews it with a certificate of today's kind.
    s.apply(Command::AdvanceClock {
        seconds: old.not_after.0 - s.now().0 + 1,
    })
    .unwrap();
    assert!(matches!(
        connection_status(&s, web),
        ConnectionStatus::OutOfSync { .. }
    ));
    s.apply(Command::SyncConnection { app: web }).unwrap();
    let renewed = s.certificates.last().unwrap().certificate.clone();
    assert_ne!(renewed.thumbprint, old.thumbprint);
    assert_eq!(
        renewed.not_after,
        renewed.not_before.plus_months(8 * 12).unwrap()
    );
    assert_eq!(connection_status(&s, web), ConnectionStatus::Connected);
}

#[test]
fn a_document_saved_before_regional_integration_loads_with_its_defaults() {
    let text = include_str!("fixtures/schema1-before-regional.json");
    let decoded = decode::<Subscription>(text).expect("an older document still loads");
    assert_eq!(decoded.revision, 7);
    let s = decoded.state;
    use vnet_lab::model::entities::region::Region;
    assert!(s
        .plans
        .values()
        .all(|p| p.region == Region::WestEurope && p.instances == 1));
    assert!(s
        .virtual_networks
        .values()
        .all(|v| v.region == Region::WestEurope && v.peerings.is_empty()));
    assert!(s.web_apps.values().all(|app| app.regional.is_none()));
    let web = s.web_app_named("contoso-web").unwrap();
    assert!(
        web.connection.is_some(),
        "the gateway-required connection is kept"
    );
}

/// The sample with more ports opened, as schema 1 wrote it (`fixtures/schema1-sample.json`):
/// every kind of entity and field the lab had when schema 2 came.
#[test]
fn a_schema_1_document_of_the_sample_keeps_loading() {
    use std::net::Ipv4Addr;
    use vnet_lab::model::entities::host::{PortRule, Protocol, Role};
    use vnet_lab::model::entities::network::Delegation;
    use vnet_lab::model::entities::region::Region;

    let text = include_str!("fixtures/schema1-sample.json");
    let decoded = decode::<Subscription>(text).expect("a schema-1 document still loads");
    assert_eq!(decoded.revision, 12);
    let s = decoded.state;
    let rule = |protocol, port| PortRule { protocol, port };

    assert_eq!(s.plans.len(), 3);
    let premium = s
        .plans
        .values()
        .find(|p| p.name == "contoso-premium")
        .unwrap();
    assert_eq!(
        (premium.tier.to_string().as_str(), premium.instances),
        ("Premium P1", 3)
    );
    let orders = s.web_app_named("contoso-orders").unwrap();
    let regional = orders.regional.as_ref().expect("regional integration kept");
    assert_eq!(
        (regional.subnet.as_str(), regional.route_all),
        ("apps", true)
    );
    assert!(s.web_app_named("contoso-web").unwrap().connection.is_some());

    let corp = s.vnet_named("corpVnet").unwrap();
    let [dns01, sql01] = &corp.virtual_machines[..] else {
        panic!("corpVnet has dns01 and sql01");
    };
    assert_eq!(
        (dns01.subnet.as_str(), dns01.host.address),
        ("Backend", Ipv4Addr::new(10, 1, 1, 4))
    );
    assert_eq!(dns01.host.open_ports, [rule(Protocol::Udp, 53)]);
    assert_eq!(
        dns01.host.resolve("sql01.corp.contoso.com"),
        Some(Ipv4Addr::new(10, 1, 1, 5))
    );
    assert_eq!(
        sql01.host.open_ports,
        [
            rule(Protocol::Tcp, 1433),
            rule(Protocol::Tcp, 1434),
            rule(Protocol::Tcp, 1435),
            rule(Protocol::Udp, 1434)
        ]
    );
    assert_eq!(sql01.host.role, Some(Role::SqlServer));
    assert!(!corp.point_to_site.as_ref().unwrap().certificates[0].revoked);
    assert!(s.vnet_named("cantConnectVnet").unwrap().subnets.is_empty());

    let app_vnet = s.vnet_named("appVnet").unwrap();
    let north = s.vnet_named("northVnet").unwrap();
    assert_eq!(
        app_vnet.subnets[0].delegation,
        Some(Delegation::ServerFarms)
    );
    assert_eq!(app_vnet.subnets[1].delegation, None);
    assert_eq!(app_vnet.peerings, [north.id]);
    assert_eq!(
        (north.region, north.virtual_machines[0].host.role.clone()),
        (Region::NorthEurope, None)
    );
    assert!(north.virtual_machines[0].host.host_names.is_empty());

    let hq = s.local_network_named("onPremHQ").unwrap();
    assert_eq!(
        hq.servers[0].host.open_ports,
        [
            rule(Protocol::Tcp, 8080),
            rule(Protocol::Tcp, 8081),
            rule(Protocol::Smb, 445)
        ]
    );
    assert!(hq.routes.is_empty());
    let hybrid = s.hybrid_connections.values().next().unwrap();
    assert!(hybrid.agent.as_ref().is_some_and(|agent| agent.running));
    assert_eq!(
        s.certificates[0].certificate.thumbprint,
        "17497B55936E717FA702A3BA317CE8A0F26E7CA0"
    );
    assert_eq!(s.activity.len(), 6);
    assert_eq!(s.next_id, 20);
}

fn wrong_field(text: &str) -> (String, String) {
    match decode::<Subscription>(text) {
        Err(DecodeError::WrongField { path, reason }) => (path, reason),
        other => panic!("expected a wrong field, got {other:?}"),
    }
}

#[test]
fn migration_v1_to_v2_writes_port_rules_as_text_and_reads_back_equal() {
    let v1 = decode::<Subscription>(include_str!("fixtures/schema1-sample.json")).unwrap();
    let v2 = encode(&v1.state, v1.revision);
    assert!(
        v2.starts_with(&format!("{{\"schema\":{SCHEMA_VERSION},")),
        "{v2}"
    );
    assert!(v2.contains("\"open_ports\":[\"tcp:1433\",\"tcp:1434\",\"tcp:1435\",\"udp:1434\"]"));
    assert!(
        !v2.contains("\"protocol\""),
        "no port rule is an object any more"
    );
    assert_eq!(decode::<Subscription>(&v2), Ok(v1));
}

#[test]
fn migration_v1_to_v2_names_a_bad_port_rule_by_its_path_in_the_v1_file() {
    let text = include_str!("fixtures/schema1-sample.json");
    let bad = text.replacen(
        "{\"protocol\":\"Tcp\",\"port\":1435}",
        "{\"protocol\":\"Tcpx\",\"port\":1435}",
        1,
    );
    let (path, reason) = wrong_field(&bad);
    assert_eq!(
        path,
        "subscription.virtual_networks.8.virtual_machines[1].host.open_ports[2]"
    );
    assert!(reason.contains("unknown variant `Tcpx`"), "{reason}");

    let zero = text.replacen(
        "{\"protocol\":\"Tcp\",\"port\":8081}",
        "{\"protocol\":\"Tcp\",\"port\":0}",
        1,
    );
    let (path, reason) = wrong_field(&zero);
    assert_eq!(
        path,
        "subscription.local_networks.6.servers[0].host.open_ports[1]"
    );
    assert!(reason.contains("from 1 to 65535"), "{reason}");
}

#[test]
fn migration_v1_to_v2_keeps_the_json_path_of_any_other_bad_field() {
    let text = include_str!("fixtures/schema1-sample.json").replacen(
        "\"address\":\"10.1.1.5\"",
        "\"address\":\"10.1.1.500\"",
        1,
    );
    let (path, reason) = wrong_field(&text);
    assert_eq!(
        path,
        "subscription.virtual_networks.8.virtual_machines[1].host.address"
    );
    assert!(reason.contains("invalid IPv4 address syntax"), "{reason}");
}

#[test]
fn a_bad_port_rule_says_how_to_write_one() {
    let text = encode(&Subscription::sample(), 1).replacen("\"tcp:1433\"", "\"tcp 1433\"", 1);
    let (path, reason) = wrong_field(&text);
    assert!(path.ends_with(".host.open_ports[0]"), "{path}");
    assert!(reason.contains("“tcp 1433” is not a port rule"), "{reason}");
    assert!(reason.contains("as tcp:1433"), "{reason}");
}

#[test]
fn an_exported_v1_file_imports_and_a_v1_share_link_opens() {
    let text = include_str!("fixtures/schema1-sample.json");
    let imported = decode::<Subscription>(text).unwrap();
    let data = to_fragment(text).expect("the sample fits in a link");
    assert_eq!(
        decode::<Subscription>(&from_fragment(&data).unwrap()),
        Ok(imported)
    );
}

#[test]
fn schema_2_leaves_out_every_field_at_its_default() {
    let text = encode(&Subscription::sample(), 1);
    for default in [
        "null",
        "false",
        "[]",
        "\"WestEurope\"",
        "\"instances\":1}",
        "\"subnet\":\"Backend\"",
    ] {
        assert!(!text.contains(default), "{default} in {text}");
    }
    assert!(text.contains("\"instances\":3"), "{text}");
    assert!(text.contains("\"NorthEurope\""), "{text}");
    assert_eq!(
        decode::<Subscription>(&text).map(|decoded| decoded.state),
        Ok(Subscription::sample())
    );
}

#[test]
fn a_virtual_machine_outside_the_subnet_its_address_is_in_keeps_its_subnet() {
    let mut s = Subscription::sample();
    let corp = s.vnet_named("corpVnet").unwrap().id;
    let vnet = s.virtual_networks.get_mut(&corp).unwrap();
    vnet.virtual_machines[0].subnet = "GatewaySubnet".into();
    let text = encode(&s, 1);
    assert_eq!(
        text.matches("\"subnet\":\"GatewaySubnet\"").count(),
        1,
        "{text}"
    );
    assert!(!text.contains("\"subnet\":\"Backend\""), "{text}");
    assert_eq!(
        decode::<Subscription>(&text).map(|decoded| decoded.state),
        Ok(s)
    );
}

#[test]
fn a_virtual_machine_without_subnet_in_no_subnet_is_named() {
    let text = encode(&Subscription::sample(), 1);
    for (address, vnet) in [("10.1.1.5", "corpVnet"), ("10.4.1.4", "northVnet")] {
        let moved = address.replacen(".1.", ".9.", 1);
        let bad = text.replacen(
            &format!("\"address\":\"{address}\""),
            &format!("\"address\":\"{moved}\""),
            1,
        );
        let (path, reason) = wrong_field(&bad);
        // serde_json places an error found after a VNet was read at its end, or at the end of
        // the map when it is the last: the message names the VM and the VNet.
        assert!(path.starts_with("subscription.virtual_networks"), "{path}");
        assert!(
            reason.contains(&format!(
                "none of the subnets of {vnet} holds its address {moved}"
            )),
            "{reason}"
        );
        assert!(reason.contains("add its \"subnet\""), "{reason}");
    }
}

mod random_hosts {
    use std::net::Ipv4Addr;
    use strum::VariantArray;

    use proptest::prelude::*;
    use vnet_lab::model::entities::host::{Host, PortRule, Protocol, Role};
    use vnet_lab::model::entities::ids::{ServerId, VmId};
    use vnet_lab::model::entities::local_network::Server;
    use vnet_lab::model::entities::network::VirtualMachine;
    use vnet_lab::model::entities::region::Region;
    use vnet_lab::model::Subscription;
    use vnet_lab::store::{decode, encode};

    /// Addresses in corpVnet's Backend subnet half the time, anywhere else otherwise.
    fn address() -> impl Strategy<Value = Ipv4Addr> {
        prop_oneof![
            any::<u8>().prop_map(|last| Ipv4Addr::new(10, 1, 1, last)),
            any::<u32>().prop_map(Ipv4Addr::from),
        ]
    }

    fn host() -> impl Strategy<Value = Host> {
        let rule = (prop::sample::select(Protocol::VARIANTS.to_vec()), 1u16..)
            .prop_map(|(protocol, port)| PortRule { protocol, port });
        let role = prop_oneof![
            Just(Role::SqlServer),
            Just(Role::WindowsServer),
            prop::collection::vec(("[a-z]{1,6}", address()), 0..3)
                .prop_map(|records| Role::DnsServer { records }),
        ];
        (
            "[a-z][a-z0-9-]{0,8}",
            address(),
            prop::collection::vec("[a-z]{1,6}\\.contoso\\.local", 0..3),
            prop::collection::vec(rule, 0..5),
            prop::option::of(role),
        )
            .prop_map(|(name, address, host_names, open_ports, role)| Host {
                name,
                address,
                host_names,
                open_ports,
                role,
                ports_unknown: false,
            })
    }

    proptest! {
        /// Any hosts, in or out of the subnet their address is in, and the fields schema 2 may
        /// leave out, at their default or not: the stored document reads back equal. (Each in a
        /// subnet of its VNet, with a fresh id, and the relay agent on one of the servers, as
        /// `validate` asks.)
        #[test]
        fn any_hosts_read_back_equal_from_schema_2(
            machines in prop::collection::vec(
                (prop::sample::select(vec!["Backend", "GatewaySubnet"]), host()),
                0..6,
            ),
            servers in prop::collection::vec(host(), 0..4),
            region in prop::sample::select(Region::VARIANTS.to_vec()),
            revoked in any::<bool>(),
        ) {
            let mut s = Subscription::sample();
            let first = s.next_id;
            let corp = s.vnet_named("corpVnet").unwrap().id;
            let vnet = s.virtual_networks.get_mut(&corp).unwrap();
            vnet.virtual_machines = machines
                .into_iter()
                .zip(first..)
                .map(|((subnet, host), id)| VirtualMachine { id: VmId(id), subnet: subnet.into(), host })
                .collect();
            vnet.region = region;
            vnet.point_to_site.as_mut().unwrap().certificates[0].revoked = revoked;
            let after_machines = first + vnet.virtual_machines.len() as u32;
            let hq = s.local_network_named("onPremHQ").unwrap().id;
            let servers: Vec<Server> = servers
                .into_iter()
                .zip(after_machines..)
                .map(|(host, id)| Server { id: ServerId(id), host })
                .collect();
            s.next_id = after_machines + servers.len() as u32;
            for hybrid in s.hybrid_connections.values_mut() {
                if hybrid.agent.as_ref().is_some_and(|agent| agent.local_network == hq) {
                    match servers.first() {
                        Some(server) => hybrid.agent.as_mut().unwrap().server = server.id,
                        None => hybrid.agent = None,
                    }
                }
            }
            s.local_networks.get_mut(&hq).unwrap().servers = servers;
            let read = decode::<Subscription>(&encode(&s, 4)).map(|decoded| decoded.state);
            prop_assert_eq!(read, Ok(s));
        }
    }
}

/// The sample of the network controls, with the same ports opened, as schema 1 wrote it when
/// schema 2 came (`fixtures/schema1-network-controls.json`): private endpoints and internet
/// hosts have port rules too.
#[test]
fn migration_v1_to_v2_reads_the_network_controls_and_every_host_s_port_rules() {
    use vnet_lab::model::entities::host::{PortRule, Protocol};

    let text = include_str!("fixtures/schema1-network-controls.json");
    let decoded = decode::<Subscription>(text).expect("a schema-1 document still loads");
    assert_eq!(decoded.revision, 21);
    let s = decoded.state;
    let tcp = |port| PortRule {
        protocol: Protocol::Tcp,
        port,
    };

    let nsg = s.network_security_groups.values().next().unwrap();
    assert_eq!((nsg.name.as_str(), nsg.rules.len()), ("apps-nsg", 1));
    assert_eq!(
        nsg.rules[0].ports.map(|range| (range.from, range.to)),
        Some((1433, 1433))
    );
    let app_vnet = s.vnet_named("appVnet").unwrap();
    assert_eq!(app_vnet.subnets[0].network_security_group, Some(nsg.id));
    assert_eq!(app_vnet.subnets[2].route_table, None);
    assert!(s.route_tables.is_empty() && s.nat_gateways.is_empty());

    let endpoint = s.private_endpoints.values().next().unwrap();
    assert_eq!(endpoint.subnet, "endpoints");
    assert_eq!(endpoint.host.open_ports, [tcp(1433)]);
    let zone = s.private_dns_zones.values().next().unwrap();
    assert_eq!(
        zone.resolve("contoso-sql.privatelink.database.windows.net"),
        Some(endpoint.host.address)
    );
    let internet = s.internet_hosts.values().next().unwrap();
    assert_eq!(internet.host.open_ports, [tcp(443)]);
    assert!(s.web_apps.values().all(|app| app.dns_server.is_none()));

    let corp = s.vnet_named("corpVnet").unwrap();
    assert_eq!(corp.virtual_machines[1].host.open_ports.len(), 4);
    let hq = s.local_network_named("onPremHQ").unwrap();
    assert_eq!(hq.servers[0].host.open_ports.len(), 3);

    // The internet host's rule is the last of its kind in the file; a VM has one too.
    let rule = "{\"protocol\":\"Tcp\",\"port\":443}";
    let at = text.rfind(rule).unwrap();
    let bad = [
        &text[..at],
        "{\"protocol\":\"Tcp\",\"port\":\"443\"}",
        &text[at + rule.len()..],
    ]
    .concat();
    let (path, reason) = wrong_field(&bad);
    assert_eq!(
        path,
        format!(
            "subscription.internet_hosts.{}.host.open_ports[0]",
            internet.id
        )
    );
    assert!(reason.contains("expected u16"), "{reason}");
}
