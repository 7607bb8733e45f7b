//! Network security groups (R30): rules by priority, first match wins; Azure's default rules
//! close each direction's list and cannot be deleted.

use std::fmt;

use ipnet::Ipv4Net;
use serde::{Deserialize, Serialize};

use crate::model::entities::ids::NsgId;
use crate::model::entities::region::Region;

/// Lowest and highest priority a person can give a rule; Azure's defaults use 65000–65500.
pub const PRIORITIES: std::ops::RangeInclusive<u16> = 100..=4096;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::Display)]
pub enum Direction {
    Inbound,
    Outbound,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::Display)]
pub enum Access {
    Allow,
    Deny,
}

/// A rule's protocol, as the portal offers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::Display)]
pub enum RuleProtocol {
    #[strum(to_string = "TCP")]
    Tcp,
    #[strum(to_string = "UDP")]
    Udp,
    Any,
}

/// Azure's service tags a rule may name instead of a prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::Display)]
pub enum ServiceTag {
    /// The VNet's address space, its peered VNets' and the on-premises spaces behind its gateway.
    VirtualNetwork,
    /// Every address outside `VirtualNetwork`.
    Internet,
}

/// The destination of a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Destination {
    Any,
    Prefix(Ipv4Net),
    Tag(ServiceTag),
}

/// A port or an inclusive range of ports; `None` for any port.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PortRange {
    pub from: u16,
    pub to: u16,
}

impl PortRange {
    pub fn contains(&self, port: u16) -> bool {
        (self.from..=self.to).contains(&port)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecurityRule {
    pub name: String,
    pub priority: u16,
    pub direction: Direction,
    pub access: Access,
    pub protocol: RuleProtocol,
    pub destination: Destination,
    /// `None`: any port.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ports: Option<PortRange>,
}

/// A rule a template declared that the lab's rules cannot hold (several destinations in one,
/// a service tag it does not model): the check answers "unknown" for the traffic it could
/// decide, never a verdict made without it (R39).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnreadRule {
    pub name: String,
    pub priority: u16,
    pub direction: Direction,
    pub access: Access,
    /// What the lab could not read, as the import report says it.
    pub why: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkSecurityGroup {
    pub id: NsgId,
    pub name: String,
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub region: Region,
    /// The rules a person added; the defaults are derived by [`default_rules`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<SecurityRule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unread_rules: Vec<UnreadRule>,
}

/// Azure's default rules of one direction, in priority order (65000, 65001, 65500).
pub fn default_rules(direction: Direction) -> [SecurityRule; 3] {
    let rule = |name: &str, priority, access, destination| SecurityRule {
        name: name.to_string(),
        priority,
        direction,
        access,
        protocol: RuleProtocol::Any,
        destination,
        ports: None,
    };
    match direction {
        Direction::Outbound => [
            rule(
                "AllowVnetOutBound",
                65000,
                Access::Allow,
                Destination::Tag(ServiceTag::VirtualNetwork),
            ),
            rule(
                "AllowInternetOutBound",
                65001,
                Access::Allow,
                Destination::Tag(ServiceTag::Internet),
            ),
            rule("DenyAllOutBound", 65500, Access::Deny, Destination::Any),
        ],
        Direction::Inbound => [
            rule(
                "AllowVnetInBound",
                65000,
                Access::Allow,
                Destination::Tag(ServiceTag::VirtualNetwork),
            ),
            rule(
                "AllowAzureLoadBalancerInBound",
                65001,
                Access::Allow,
                Destination::Any,
            ),
            rule("DenyAllInBound", 65500, Access::Deny, Destination::Any),
        ],
    }
}

impl NetworkSecurityGroup {
    /// One direction's rules as Azure evaluates them: by priority, the defaults last.
    pub fn effective_rules(&self, direction: Direction) -> Vec<SecurityRule> {
        let mut rules: Vec<SecurityRule> = self
            .rules
            .iter()
            .filter(|rule| rule.direction == direction)
            .cloned()
            .collect();
        rules.sort_by_key(|rule| rule.priority);
        rules.extend(default_rules(direction));
        rules
    }

    /// Puts the rules back in evaluation order after a change: outbound, then inbound, each by
    /// priority. The editor and a move rely on it.
    pub fn sort_rules(&mut self) {
        self.rules
            .sort_by_key(|rule| (rule.direction == Direction::Inbound, rule.priority));
    }

    pub fn rule(&self, name: &str) -> Option<&SecurityRule> {
        self.rules
            .iter()
            .find(|rule| rule.name.eq_ignore_ascii_case(name))
    }
}

impl fmt::Display for Destination {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Destination::Any => f.write_str("Any"),
            Destination::Prefix(prefix) => prefix.fmt(f),
            Destination::Tag(tag) => tag.fmt(f),
        }
    }
}

impl fmt::Display for PortRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.from == self.to {
            write!(f, "{}", self.from)
        } else {
            write!(f, "{}-{}", self.from, self.to)
        }
    }
}

impl fmt::Display for SecurityRule {
    /// "DenySql (200): Deny TCP to 10.3.2.0/24 port 1433"
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}): {} {} to {} ",
            self.name, self.priority, self.access, self.protocol, self.destination
        )?;
        match self.ports {
            Some(ports) if ports.from == ports.to => write!(f, "port {ports}"),
            Some(ports) => write!(f, "ports {ports}"),
            None => f.write_str("any port"),
        }
    }
}
