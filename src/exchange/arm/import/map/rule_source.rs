//! The source of an outbound security rule (R30). The lab's rules have no source: they apply to
//! all traffic leaving the subnet. That is Azure's meaning only when the source holds every
//! address of the subnets the NSG guards; otherwise Azure applies the rule to some of the app's
//! traffic or none, and reading it as any source would change the check's verdict.

use ipnet::Ipv4Net;
use serde_json::Value;

use super::networks::stated_subnets;
use super::security_rules::{stated, Stated};
use super::Mapper;
use crate::exchange::arm::import::props::{at, items, last_name, text};
use crate::model::entities::ids::NsgId;
use crate::model::entities::security::{Destination, ServiceTag};
use crate::model::input::addressing::parse_prefix;
use crate::model::input::rules::parse_destination;

impl Mapper<'_> {
    /// The prefixes of the subnets `group` guards, in the template and in the lab; `None` for a
    /// subnet whose prefix is not known before deployment.
    pub(super) fn guarded_subnets(&self, group: &str, nsg: NsgId) -> Vec<Option<Ipv4Net>> {
        let stated = stated_subnets(self.resources)
            .into_iter()
            .filter(|subnet| {
                text(&subnet.body, "properties.networkSecurityGroup.id")
                    .is_some_and(|id| last_name(id).eq_ignore_ascii_case(group))
            })
            .map(|subnet| {
                text(&subnet.body, "properties.addressPrefix")
                    .or_else(|| {
                        items(&subnet.body, "properties.addressPrefixes")
                            .first()
                            .and_then(Value::as_str)
                    })
                    .and_then(|prefix| parse_prefix(prefix).ok())
            });
        let held = self
            .lab
            .virtual_networks
            .values()
            .flat_map(|vnet| &vnet.subnets)
            .filter(|subnet| subnet.network_security_group == Some(nsg))
            .map(|subnet| Some(subnet.prefix));
        stated.chain(held).collect()
    }
}

/// Why the lab cannot read an outbound rule's source as any source, or None when it can.
pub(super) fn source_unheld(
    rule: &Value,
    guarded: &[Option<Ipv4Net>],
    group: &str,
) -> Option<String> {
    match stated(rule, "sourcePortRange", "sourcePortRanges") {
        Stated::Absent => {}
        Stated::One(ports) if ports.trim() == "*" || ports.trim().eq_ignore_ascii_case("any") => {}
        Stated::One(ports) => return Some(format!(
            "its source port range is {ports}: Azure applies it only to traffic from those ports, and the lab's rules have no source ports (write * for any)"
        )),
        Stated::Several(all) => return Some(format!(
            "its source port ranges are {}: Azure applies it only to traffic from those ports, and the lab's rules have no source ports (write * for any)",
            all.join(", ")
        )),
    }
    let sources = match stated(rule, "sourceAddressPrefix", "sourceAddressPrefixes") {
        Stated::One(one) => vec![one],
        Stated::Several(all) => all,
        Stated::Absent
            if at(rule, "properties.sourceApplicationSecurityGroups")
                .is_some_and(|g| g.as_array().is_none_or(|a| !a.is_empty())) =>
        {
            return Some("its source is an application security group (properties.sourceApplicationSecurityGroups), which the lab does not model: write the group's addresses as sourceAddressPrefix".into())
        }
        Stated::Absent => return None,
    };
    let read: Vec<Option<Destination>> =
        sources.iter().map(|s| parse_destination(s).ok()).collect();
    let covers = |subnet: &Option<Ipv4Net>| {
        read.iter().any(|source| match source {
            Some(Destination::Any) | Some(Destination::Tag(ServiceTag::VirtualNetwork)) => true,
            Some(Destination::Prefix(prefix)) => subnet.is_some_and(|s| prefix.contains(&s)),
            Some(Destination::Tag(ServiceTag::Internet)) | None => false,
        })
    };
    let everywhere = read.iter().any(|source| {
        matches!(
            source,
            Some(Destination::Any) | Some(Destination::Tag(ServiceTag::VirtualNetwork))
        )
    });
    if everywhere || (!guarded.is_empty() && guarded.iter().all(covers)) {
        return None;
    }
    let sources = sources.join(", ");
    let which = if guarded.is_empty() {
        format!("is not any address, and “{group}” guards no subnet of the template")
    } else {
        let subnets: Vec<String> = guarded
            .iter()
            .map(|s| s.map_or_else(|| "one known only at deployment".into(), |s| s.to_string()))
            .collect();
        format!(
            "does not hold every address of the subnets “{group}” guards ({})",
            subnets.join(", ")
        )
    };
    Some(format!(
        "its source ({sources}) {which}: Azure applies the rule only to traffic from its source, and the lab's rules apply to all traffic leaving the subnet"
    ))
}
