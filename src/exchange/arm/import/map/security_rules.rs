//! One security rule of a `networkSecurityGroups` (inline) or a `securityRules` resource (R30).
//! Azure states a destination and its ports singular or plural; the lab's rule holds one of
//! each. A rule the lab cannot hold as Azure means it is noted on its NSG with the reason,
//! never widened to any, so the check says it cannot tell where that rule could decide.

use serde_json::Value;

use super::rule_source::source_unheld;
use super::{describe, is_service_tag, within, Mapper};
use crate::exchange::arm::import::props::{at, text, unknown_why};
use crate::exchange::arm::import::template::Resource;
use crate::model::commands::command::SecurityRuleInput;
use crate::model::entities::ids::NsgId;
use crate::model::entities::security::{Access, Direction, RuleProtocol, UnreadRule};
use crate::model::input::rules::parse_destination;
use crate::model::Command;

/// A rule field as the template states it: the singular, or else the plural.
pub(super) enum Stated {
    One(String),
    Several(Vec<String>),
    Absent,
}

fn as_text(value: &Value) -> String {
    value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_string)
}

/// The singular when it is not empty (AVM writes `""` beside a plural), else the plural: one
/// value is that value.
pub(super) fn stated(rule: &Value, singular: &str, plural: &str) -> Stated {
    if let Some(one) = at(rule, &format!("properties.{singular}"))
        .map(as_text)
        .filter(|t| !t.trim().is_empty())
    {
        return Stated::One(one);
    }
    match at(rule, &format!("properties.{plural}")) {
        None => Stated::Absent,
        Some(Value::Array(values)) => {
            let mut values: Vec<String> = values
                .iter()
                .map(as_text)
                .filter(|t| !t.trim().is_empty())
                .collect();
            match values.len() {
                0 => Stated::Absent,
                1 => Stated::One(values.remove(0)),
                _ => Stated::Several(values),
            }
        }
        // A value known only at deployment, in place of the array.
        Some(other) => Stated::One(as_text(other)),
    }
}

/// What a rule's fields are for the lab, or why it cannot hold them.
enum Read {
    Held {
        protocol: RuleProtocol,
        destination: String,
        ports: String,
    },
    Unheld(String),
}

/// What the check loses with the rule: it answers from the NSG's other rules.
fn consequence(access: Access, nsg: &str) -> String {
    let differs = match access {
        Access::Deny => "it may let through traffic that Azure blocks",
        Access::Allow => "it may block traffic that Azure lets through",
    };
    format!(
        "Without this {access:?} rule the check may answer differently from Azure for the network security group “{nsg}”: {differs}"
    )
}

impl Mapper<'_> {
    /// `path` is the rule's JSON path in `resource`, empty when the rule is the resource.
    pub(super) fn security_rule(
        &mut self,
        resource: &Resource,
        group: &str,
        rule: &Value,
        path: &str,
    ) -> Result<(), String> {
        let name = text(rule, "name").unwrap_or_default().to_string();
        let label = format!("{group}/{name}");
        let Some(nsg) = self
            .lab
            .network_security_groups
            .values()
            .find(|g| g.name == group)
            .map(|g| g.id)
        else {
            self.skip_part(
                resource,
                &label,
                path,
                format!("its network security group “{group}” is neither in the template nor in the lab"),
            );
            return Ok(());
        };
        let field = |key: &str| {
            text(rule, &format!("properties.{key}"))
                .unwrap_or("*")
                .to_string()
        };
        let direction = match field("direction").to_ascii_lowercase().as_str() {
            "inbound" => Direction::Inbound,
            "outbound" => Direction::Outbound,
            other => {
                return Err(format!(
                    "{} at {}: “{other}” is neither Inbound nor Outbound",
                    describe(resource),
                    within(path, "properties.direction")
                ))
            }
        };
        let access = match field("access").to_ascii_lowercase().as_str() {
            "allow" => Access::Allow,
            "deny" => Access::Deny,
            other => {
                return Err(format!(
                    "{} at {}: “{other}” is neither Allow nor Deny",
                    describe(resource),
                    within(path, "properties.access")
                ))
            }
        };
        let held = match rule_fields(resource, rule, path)? {
            Read::Held {
                protocol,
                destination,
                ports,
            } => match direction {
                Direction::Outbound => {
                    match source_unheld(rule, &self.guarded_subnets(group, nsg), group) {
                        Some(why) => Err(why),
                        None => Ok((protocol, destination, ports)),
                    }
                }
                // The check reads inbound rules only to say they have no effect on the app (R30).
                Direction::Inbound => Ok((protocol, destination, ports)),
            },
            Read::Unheld(why) => Err(why),
        };
        let (protocol, destination, ports) = match held {
            Ok(fields) => fields,
            Err(why) => {
                let unread = Unread {
                    nsg,
                    group,
                    name,
                    direction,
                    access,
                    why,
                };
                return self.note_unread(resource, rule, &label, path, unread);
            }
        };
        let priority = at(rule, "properties.priority")
            .map(as_text)
            .unwrap_or_default();
        let input = SecurityRuleInput {
            name,
            priority,
            direction,
            access,
            protocol,
            destination,
            ports,
        };
        self.run(
            resource,
            if path.is_empty() { "properties" } else { path },
            Command::SetSecurityRule {
                nsg,
                rule: input,
                replacing: None,
            },
        )
    }
}

/// A rule the lab cannot hold, and why.
struct Unread<'g> {
    nsg: NsgId,
    group: &'g str,
    name: String,
    direction: Direction,
    access: Access,
    why: String,
}

impl Mapper<'_> {
    /// Notes a rule the lab cannot hold on its NSG, so the check answers "unknown" where it
    /// could decide (R39); listed with the skipped, since the lab does not hold it.
    fn note_unread(
        &mut self,
        resource: &Resource,
        rule: &Value,
        label: &str,
        path: &str,
        unread: Unread<'_>,
    ) -> Result<(), String> {
        let Unread {
            nsg,
            group,
            name,
            direction,
            access,
            why,
        } = unread;
        let priority = at(rule, "properties.priority")
            .map(as_text)
            .and_then(|p| p.trim().parse::<u16>().ok());
        let Some(priority) = priority else {
            let reason = format!("{why}. {}.", consequence(access, group));
            self.skip_part(resource, label, path, reason);
            return Ok(());
        };
        self.run(
            resource,
            if path.is_empty() { "properties" } else { path },
            Command::NoteUnreadRule {
                nsg,
                rule: UnreadRule {
                    name,
                    priority,
                    direction,
                    access,
                    why: why.clone(),
                },
            },
        )?;
        let reason = format!(
            "{why}. The lab notes it on the network security group “{group}”, and the check answers “unknown” for traffic this rule could decide."
        );
        self.skip_part(resource, label, path, reason);
        Ok(())
    }
}

/// The protocol, destination and ports, or why the lab cannot hold them; a missing
/// destination or port range refuses, as Azure does.
fn rule_fields(resource: &Resource, rule: &Value, path: &str) -> Result<Read, String> {
    let protocol_text = text(rule, "properties.protocol").unwrap_or("*");
    let protocol = match protocol_text.to_ascii_lowercase().as_str() {
        "tcp" => RuleProtocol::Tcp,
        "udp" => RuleProtocol::Udp,
        "*" | "any" => RuleProtocol::Any,
        _ => {
            return Ok(Read::Unheld(format!(
                "it uses the protocol “{protocol_text}”, which the lab does not model"
            )))
        }
    };
    let destination = match stated(rule, "destinationAddressPrefix", "destinationAddressPrefixes") {
        Stated::One(one) => one,
        Stated::Several(all) => return Ok(Read::Unheld(format!(
            "it lists several destinations ({}); the lab's rules hold one: split it into rules of one destination each",
            all.join(", ")
        ))),
        Stated::Absent if at(rule, "properties.destinationApplicationSecurityGroups").is_some_and(|g| g.as_array().is_none_or(|a| !a.is_empty())) => {
            return Ok(Read::Unheld("its destination is an application security group (properties.destinationApplicationSecurityGroups), which the lab does not model: write the group's addresses as destinationAddressPrefix".into()))
        }
        Stated::Absent => return Err(format!(
            "{} at {}: the rule states no destination: write destinationAddressPrefix (* for any)",
            describe(resource),
            within(path, "properties.destinationAddressPrefix")
        )),
    };
    if let Some(why) = unknown_why(&destination) {
        return Ok(Read::Unheld(format!(
            "its destination is {why} ({destination})"
        )));
    }
    if parse_destination(&destination).is_err() && is_service_tag(destination.trim()) {
        return Ok(Read::Unheld(format!(
            "its destination is the service tag “{}”, which the lab does not model (it models VirtualNetwork and Internet)",
            destination.trim()
        )));
    }
    let ports = match stated(rule, "destinationPortRange", "destinationPortRanges") {
        Stated::One(one) => one,
        Stated::Several(all) => return Ok(Read::Unheld(format!(
            "it lists several port ranges ({}); the lab's rules hold one: split it into rules of one port range each",
            all.join(", ")
        ))),
        Stated::Absent => return Err(format!(
            "{} at {}: the rule states no port range: write destinationPortRange (* for any port)",
            describe(resource),
            within(path, "properties.destinationPortRange")
        )),
    };
    if let Some(why) = unknown_why(&ports) {
        return Ok(Read::Unheld(format!("its port range is {why} ({ports})")));
    }
    Ok(Read::Held {
        protocol,
        destination,
        ports,
    })
}
