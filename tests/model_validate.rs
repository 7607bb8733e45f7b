//! SPEC §8: a document is checked whole before it is used. Each test breaks one reference or
//! invariant behind the model's back and expects `validate` to refuse it, naming the field by
//! its JSON path; the store refuses the same document on every way in, and changes nothing.

#[path = "model/support.rs"]
mod support;

use support::*;
use vnet_lab::model::entities::ids::{
    LocalNetworkId, NatGatewayId, NsgId, PlanId, RouteTableId, VnetId, WebAppId,
};
use vnet_lab::model::fixtures::generate::large_subscription;
use vnet_lab::model::{Invalid, Subscription};
use vnet_lab::store::{decode, encode, from_fragment, to_fragment, DecodeError};

fn refused_at(s: &Subscription) -> (String, String) {
    let Err(Invalid { path, reason }) = s.validate() else {
        panic!("validated: {s:?}")
    };
    (path, reason)
}

#[test]
fn the_sample_and_the_large_subscription_validate() {
    assert_eq!(sample().validate(), Ok(()));
    assert_eq!(large_subscription().validate(), Ok(()));
}

#[test]
fn validate_names_a_web_apps_missing_plan() {
    let mut s = sample();
    let orders = app(&s, "contoso-orders");
    s.web_apps.get_mut(&orders).unwrap().plan = PlanId(900);
    assert_eq!(
        refused_at(&s),
        (
            format!("web_apps.{orders}.plan"),
            "there is no App Service plan 900: name one of the subscription's".into()
        )
    );
}

#[test]
fn validate_names_a_missing_integration_vnet_of_either_kind() {
    let mut s = sample();
    let web = app(&s, "contoso-web");
    s.web_apps
        .get_mut(&web)
        .unwrap()
        .connection
        .as_mut()
        .unwrap()
        .vnet = VnetId(901);
    assert_eq!(
        refused_at(&s),
        (
            format!("web_apps.{web}.connection.vnet"),
            "there is no virtual network 901: name one of the subscription's".into()
        )
    );
    let mut s = sample();
    let orders = app(&s, "contoso-orders");
    s.web_apps
        .get_mut(&orders)
        .unwrap()
        .regional
        .as_mut()
        .unwrap()
        .vnet = VnetId(902);
    assert_eq!(refused_at(&s).0, format!("web_apps.{orders}.regional.vnet"));
}

#[test]
fn validate_names_a_missing_integration_subnet() {
    let mut s = sample();
    let orders = app(&s, "contoso-orders");
    s.web_apps
        .get_mut(&orders)
        .unwrap()
        .regional
        .as_mut()
        .unwrap()
        .subnet = "gone".into();
    assert_eq!(
        refused_at(&s),
        (
            format!("web_apps.{orders}.regional.subnet"),
            "appVnet has no subnet gone".into()
        )
    );
}

#[test]
fn validate_names_an_undelegated_integration_subnet() {
    let mut s = sample();
    let app_vnet = vnet(&s, "appVnet");
    let orders = app(&s, "contoso-orders");
    let subnet = s
        .virtual_networks
        .get_mut(&app_vnet)
        .unwrap()
        .subnet_mut("apps")
        .unwrap();
    subnet.delegation = None;
    assert_eq!(
        refused_at(&s),
        (
            format!("web_apps.{orders}.regional.subnet"),
            "the subnet apps is not delegated to Microsoft.Web/serverFarms".into()
        )
    );
}

#[test]
fn validate_names_a_connections_unknown_certificate() {
    let mut s = sample();
    let web = app(&s, "contoso-web");
    s.web_apps
        .get_mut(&web)
        .unwrap()
        .connection
        .as_mut()
        .unwrap()
        .thumbprint = "00FF".into();
    assert_eq!(
        refused_at(&s),
        (
            format!("web_apps.{web}.connection.thumbprint"),
            "no certificate issued by the lab has the thumbprint 00FF".into()
        )
    );
}

#[test]
fn validate_names_a_subnets_missing_nsg_route_table_and_nat_gateway() {
    let app_vnet = |s: &Subscription| vnet(s, "appVnet");
    let mut s = sample();
    let id = app_vnet(&s);
    s.virtual_networks.get_mut(&id).unwrap().subnets[0].network_security_group = Some(NsgId(903));
    assert_eq!(
        refused_at(&s),
        (
            format!("virtual_networks.{id}.subnets[0].network_security_group"),
            "there is no network security group 903: name one of the subscription's, or leave the subnet without one".into()
        )
    );
    let mut s = sample();
    s.virtual_networks.get_mut(&id).unwrap().subnets[1].route_table = Some(RouteTableId(904));
    assert_eq!(
        refused_at(&s).0,
        format!("virtual_networks.{id}.subnets[1].route_table")
    );
    let mut s = sample();
    s.virtual_networks.get_mut(&id).unwrap().subnets[2].nat_gateway = Some(NatGatewayId(905));
    assert_eq!(
        refused_at(&s).0,
        format!("virtual_networks.{id}.subnets[2].nat_gateway")
    );
}

#[test]
fn validate_names_a_zone_link_and_a_private_endpoint_without_their_vnet() {
    let mut s = sample();
    let zone = *s.private_dns_zones.keys().next().unwrap();
    s.private_dns_zones
        .get_mut(&zone)
        .unwrap()
        .links
        .push(VnetId(906));
    assert_eq!(
        refused_at(&s),
        (
            format!("private_dns_zones.{zone}.links[1]"),
            "there is no virtual network 906: name one of the subscription's".into()
        )
    );
    let mut s = sample();
    let endpoint = *s.private_endpoints.keys().next().unwrap();
    s.private_endpoints.get_mut(&endpoint).unwrap().subnet = "nowhere".into();
    assert_eq!(
        refused_at(&s),
        (
            format!("private_endpoints.{endpoint}.subnet"),
            "appVnet has no subnet nowhere".into()
        )
    );
}

#[test]
fn validate_names_a_hybrid_connection_without_its_web_app() {
    let mut s = sample();
    let hybrid = *s.hybrid_connections.keys().next().unwrap();
    s.hybrid_connections.get_mut(&hybrid).unwrap().app = WebAppId(907);
    assert_eq!(
        refused_at(&s),
        (
            format!("hybrid_connections.{hybrid}.app"),
            "there is no web app 907: name one of the subscription's".into()
        )
    );
}

#[test]
fn validate_names_a_one_sided_peering_and_a_missing_site_to_site_network() {
    let mut s = sample();
    let (app_vnet, north) = (vnet(&s, "appVnet"), vnet(&s, "northVnet"));
    s.virtual_networks.get_mut(&north).unwrap().peerings.clear();
    assert_eq!(
        refused_at(&s),
        (
            format!("virtual_networks.{app_vnet}.peerings[0]"),
            "appVnet is peered with northVnet, but northVnet is not peered back: a peering has both sides".into()
        )
    );
    let mut s = sample();
    let corp = vnet(&s, "corpVnet");
    s.virtual_networks.get_mut(&corp).unwrap().site_to_site = vec![LocalNetworkId(908)];
    assert_eq!(
        refused_at(&s),
        (
            format!("virtual_networks.{corp}.site_to_site[0]"),
            "there is no local network 908: name one of the subscription's".into()
        )
    );
}

#[test]
fn validate_names_a_duplicate_name_and_a_reused_id() {
    let mut s = sample();
    let blog = app(&s, "contoso-blog");
    s.web_apps.get_mut(&blog).unwrap().name = "contoso-web".into();
    let web = app(&s, "contoso-web");
    assert_eq!(
        refused_at(&s),
        (
            format!("web_apps.{blog}.name"),
            format!("“contoso-web” is also the name of web_apps.{web}: names are unique")
        )
    );
    let mut s = sample();
    let north = vnet(&s, "northVnet");
    s.virtual_networks.get_mut(&north).unwrap().name = "APPVNET".into();
    assert_eq!(refused_at(&s).0, format!("virtual_networks.{north}.name"));
    let mut s = sample();
    s.next_id = 3;
    assert!(refused_at(&s).0 == "next_id", "{:?}", s.validate());
}

#[test]
fn validate_names_a_subnet_holding_more_instances_than_addresses() {
    let mut s = sample();
    let premium = plan(&s, "contoso-premium");
    let orders = app(&s, "contoso-orders");
    s.plans.get_mut(&premium).unwrap().instances = 30;
    let app_vnet = vnet(&s, "appVnet");
    s.virtual_networks
        .get_mut(&app_vnet)
        .unwrap()
        .subnet_mut("apps")
        .unwrap()
        .prefix = "10.3.1.0/28".parse().unwrap();
    assert_eq!(
        refused_at(&s),
        (
            format!("web_apps.{orders}.regional.subnet"),
            "the subnet apps (10.3.1.0/28) has 11 usable addresses, but its plans run 30 instances"
                .into()
        )
    );
}

/// A sample whose regional integration names a subnet appVnet lacks, as a document.
fn broken_document() -> (Subscription, String) {
    let mut s = sample();
    let orders = app(&s, "contoso-orders");
    s.web_apps
        .get_mut(&orders)
        .unwrap()
        .regional
        .as_mut()
        .unwrap()
        .subnet = "gone".into();
    let text = encode(&s, 5);
    (s, text)
}

fn expect_refused(read: Result<Subscription, DecodeError>) {
    let s = sample();
    let orders = app(&s, "contoso-orders");
    let error = read.expect_err("the broken document is refused");
    assert_eq!(
        error,
        DecodeError::WrongField {
            path: format!("subscription.web_apps.{orders}.regional.subnet"),
            reason: "appVnet has no subnet gone".into()
        }
    );
    assert_eq!(
        error.to_string(),
        format!("the field \"subscription.web_apps.{orders}.regional.subnet\" is wrong: appVnet has no subnet gone; correct it in the file or export it again")
    );
}

#[test]
fn storage_refuses_a_saved_document_with_a_dangling_reference() {
    let (_, text) = broken_document();
    expect_refused(decode::<Subscription>(&text).map(|decoded| decoded.state));
}

#[test]
fn file_import_refuses_an_exported_file_edited_to_a_missing_subnet() {
    // An exported file as a person edits it: pretty-printed, the subnet renamed by hand.
    let s = sample();
    let value: serde_json::Value = serde_json::from_str(&encode(&s, 5)).unwrap();
    let pretty = serde_json::to_string_pretty(&value)
        .unwrap()
        .replace("\"subnet\": \"apps\"", "\"subnet\": \"gone\"");
    expect_refused(decode::<Subscription>(&pretty).map(|decoded| decoded.state));
}

#[test]
fn share_link_refuses_a_document_with_a_dangling_reference() {
    let (_, text) = broken_document();
    let link = to_fragment(&text).unwrap();
    expect_refused(
        decode::<Subscription>(&from_fragment(&link).unwrap()).map(|decoded| decoded.state),
    );
}

#[test]
fn validate_names_a_virtual_machines_missing_subnet() {
    let mut s = sample();
    let corp = vnet(&s, "corpVnet");
    let network = s.virtual_networks.get_mut(&corp).unwrap();
    let vm = network.virtual_machines[0].host.name.clone();
    network.virtual_machines[0].subnet = "Frontend".into();
    assert_eq!(
        refused_at(&s),
        (
            format!("virtual_networks.{corp}.virtual_machines[0].subnet"),
            format!("corpVnet has no subnet Frontend for the virtual machine {vm}")
        )
    );
}

#[test]
fn validate_names_a_reused_or_future_host_id() {
    let mut s = sample();
    let corp = vnet(&s, "corpVnet");
    let next = s.next_id;
    s.virtual_networks.get_mut(&corp).unwrap().virtual_machines[0].id =
        vnet_lab::model::entities::ids::VmId(next);
    assert_eq!(
        refused_at(&s),
        (
            format!("virtual_networks.{corp}.virtual_machines[0].id"),
            format!("the id {next} is not below next_id ({next}): ids are never reused, so the next one created would take it")
        )
    );
    let mut s = sample();
    let hq = s.local_network_named("onPremHQ").unwrap().id;
    let vm = s.virtual_networks[&corp].virtual_machines[0].id;
    s.local_networks.get_mut(&hq).unwrap().servers[0].id =
        vnet_lab::model::entities::ids::ServerId(vm.0);
    assert_eq!(
        refused_at(&s),
        (
            format!("local_networks.{hq}.servers[0].id"),
            format!(
                "the id {vm} is also the id at virtual_networks.{corp}.virtual_machines[0].id: ids are unique"
            )
        )
    );
}

#[test]
fn validate_names_a_relay_agents_missing_server() {
    let mut s = sample();
    let (hybrid, local) = s
        .hybrid_connections
        .values()
        .find_map(|h| h.agent.as_ref().map(|agent| (h.id, agent.local_network)))
        .expect("the sample runs a relay agent");
    let local_name = s.local_networks[&local].name.clone();
    s.hybrid_connections
        .get_mut(&hybrid)
        .unwrap()
        .agent
        .as_mut()
        .unwrap()
        .server = vnet_lab::model::entities::ids::ServerId(908);
    assert_eq!(
        refused_at(&s),
        (
            format!("hybrid_connections.{hybrid}.agent.server"),
            format!(
                "{local_name} has no server 908 to run the relay agent: name one of its servers"
            )
        )
    );
}

#[test]
fn validate_names_an_issued_certificates_missing_vnet() {
    let mut s = sample();
    s.certificates[0].vnet = VnetId(909);
    assert_eq!(
        refused_at(&s),
        (
            "certificates[0].vnet".into(),
            "there is no virtual network 909: name one of the subscription's".into()
        )
    );
}

#[test]
fn deleting_a_virtual_network_takes_the_certificates_issued_for_it() {
    use vnet_lab::model::entities::region::Region;
    use vnet_lab::model::entities::subscription::IssuedCertificate;
    use vnet_lab::model::Command;
    let mut s = sample();
    ok(
        &mut s,
        Command::CreateVirtualNetwork {
            name: "spareVnet".into(),
            region: Region::WestEurope,
            address_space: "10.250.0.0/16".into(),
            dns_servers: String::new(),
        },
    );
    let spare = vnet(&s, "spareVnet");
    let certificate = s.certificates[0].certificate.clone();
    s.certificates.push(IssuedCertificate {
        vnet: spare,
        certificate,
    });
    let before = s.certificates.len();
    ok(&mut s, Command::DeleteVirtualNetwork { vnet: spare });
    assert_eq!(s.certificates.len(), before - 1);
    assert!(s.certificates.iter().all(|issued| issued.vnet != spare));
    assert_eq!(s.validate(), Ok(()));
}
