//! Older saved forms, rewritten into the current one before it is read. A migration works on the
//! parsed JSON and changes only what its schema changed, so every other field keeps its JSON
//! path: a decode error after it still names the field in the older file.

use serde::Deserialize;
use serde_json::Value;

use super::DecodeError;
use crate::model::entities::host::{PortRule, Protocol};

/// A port rule as schema 1 wrote it: `{"protocol": "Tcp", "port": 1433}`.
#[derive(Deserialize)]
struct PortRuleV1 {
    protocol: Protocol,
    port: u16,
}

/// Where schema 1 kept hosts: in each entity of a collection, in a list or as its own `host`.
const HOSTS: [(&str, Option<&str>); 4] = [
    ("virtual_networks", Some("virtual_machines")),
    ("local_networks", Some("servers")),
    ("private_endpoints", None),
    ("internet_hosts", None),
];

/// Schema 1 → 2: port rules become `tcp:1433`. The fields schema 2 leaves out at their default
/// (`"role": null`, `"revoked": false`, empty lists …) still read, so they stay as written.
/// Parts that are not as schema 1 wrote them are left for the decoder to name.
pub fn v1_to_v2(document: &mut Value) -> Result<(), DecodeError> {
    for (collection, list) in HOSTS {
        let Some(Value::Object(entities)) =
            document.pointer_mut(&format!("/subscription/{collection}"))
        else {
            continue;
        };
        for (key, entity) in entities.iter_mut() {
            let path = format!("subscription.{collection}.{key}");
            let Some(list) = list else {
                port_rules_v2(entity, &path)?;
                continue;
            };
            if let Some(Value::Array(holders)) = entity.get_mut(list) {
                for (index, holder) in holders.iter_mut().enumerate() {
                    port_rules_v2(holder, &format!("{path}.{list}[{index}]"))?;
                }
            }
        }
    }
    Ok(())
}

/// Rewrites the port rules of the host of `holder`, found at `path`.
fn port_rules_v2(holder: &mut Value, path: &str) -> Result<(), DecodeError> {
    let Some(Value::Array(rules)) = holder.pointer_mut("/host/open_ports") else {
        return Ok(());
    };
    for (n, rule) in rules.iter_mut().enumerate() {
        *rule = port_rule_v2(rule).map_err(|reason| DecodeError::WrongField {
            path: format!("{path}.host.open_ports[{n}]"),
            reason,
        })?;
    }
    Ok(())
}

fn port_rule_v2(rule: &Value) -> Result<Value, String> {
    let v1 = PortRuleV1::deserialize(rule).map_err(|error| error.to_string())?;
    if v1.port == 0 {
        return Err("port 0 is not a port: write a number from 1 to 65535".into());
    }
    serde_json::to_value(PortRule {
        protocol: v1.protocol,
        port: v1.port,
    })
    .map_err(|error| error.to_string())
}
