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

/// Where schema 1 kept hosts: each entity of the collection lists them, each with its `host`.
const HOSTS: [(&str, &str); 2] = [
    ("virtual_networks", "virtual_machines"),
    ("local_networks", "servers"),
];

/// Schema 1 → 2: port rules become `tcp:1433`. The fields schema 2 leaves out at their default
/// (`"role": null`, `"revoked": false`, empty lists …) still read, so they stay as written.
/// Parts that are not as schema 1 wrote them are left for the decoder to name.
pub fn v1_to_v2(document: &mut Value) -> Result<(), DecodeError> {
    for (collection, hosts) in HOSTS {
        let Some(Value::Object(entities)) =
            document.pointer_mut(&format!("/subscription/{collection}"))
        else {
            continue;
        };
        for (key, entity) in entities.iter_mut() {
            let Some(Value::Array(list)) = entity.get_mut(hosts) else {
                continue;
            };
            for (index, host) in list.iter_mut().enumerate() {
                let Some(Value::Array(rules)) = host.pointer_mut("/host/open_ports") else {
                    continue;
                };
                for (n, rule) in rules.iter_mut().enumerate() {
                    let path = format!(
                        "subscription.{collection}.{key}.{hosts}[{index}].host.open_ports[{n}]"
                    );
                    *rule = port_rule_v2(rule)
                        .map_err(|reason| DecodeError::WrongField { path, reason })?;
                }
            }
        }
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
