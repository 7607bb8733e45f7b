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
    let text = "{\"schema\": 1, \"revision\": 3, \"subscription\": {\"plans\": [{\"name\": \"a\", \"apps\": \"two\"}]}}";
    let error = decode::<State>(text).unwrap_err();
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
    let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(
        decode::<State>(&text),
        Err(DecodeError::NotJson { .. })
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
