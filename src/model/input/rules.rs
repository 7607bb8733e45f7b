//! The typed parts of network security rules and routes, parsed strictly (R30, R31).

use crate::model::entities::security::{Destination, PortRange, ServiceTag, PRIORITIES};
use crate::model::input::addressing::{parse_address, parse_prefix, AddressError};

/// Why a typed rule field was refused; the text is quoted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RuleFieldError {
    #[error("“{0}” is not a priority: write a number from 100 to 4096; lower numbers are evaluated first")]
    Priority(String),
    #[error("“{0}” is not a port or range: write a port such as 1433, a range such as 1000-2000, or * for any port")]
    Ports(String),
    #[error("“{0}” is not a destination: write a prefix such as 10.3.2.0/24, an address, the service tag VirtualNetwork or Internet, or * for any ({1})")]
    Destination(String, AddressError),
}

pub fn parse_priority(text: &str) -> Result<u16, RuleFieldError> {
    let text = text.trim();
    text.parse::<u16>()
        .ok()
        .filter(|priority| PRIORITIES.contains(priority))
        .ok_or_else(|| RuleFieldError::Priority(text.to_string()))
}

fn is_any(text: &str) -> bool {
    text == "*" || text.eq_ignore_ascii_case("any")
}

/// `*` or `Any`, a port, or `from-to`.
pub fn parse_ports(text: &str) -> Result<Option<PortRange>, RuleFieldError> {
    let text = text.trim();
    if is_any(text) {
        return Ok(None);
    }
    let bad = || RuleFieldError::Ports(text.to_string());
    let port = |part: &str| {
        part.trim()
            .parse::<u16>()
            .ok()
            .filter(|port| *port > 0)
            .ok_or_else(bad)
    };
    let range = match text.split_once('-') {
        Some((from, to)) => PortRange {
            from: port(from)?,
            to: port(to)?,
        },
        None => {
            let single = port(text)?;
            PortRange {
                from: single,
                to: single,
            }
        }
    };
    if range.from > range.to {
        return Err(bad());
    }
    Ok(Some(range))
}

/// `*` or `Any`, a service tag, an address (a /32) or a CIDR prefix.
pub fn parse_destination(text: &str) -> Result<Destination, RuleFieldError> {
    let text = text.trim();
    if is_any(text) {
        return Ok(Destination::Any);
    }
    if text.eq_ignore_ascii_case("VirtualNetwork") {
        return Ok(Destination::Tag(ServiceTag::VirtualNetwork));
    }
    if text.eq_ignore_ascii_case("Internet") {
        return Ok(Destination::Tag(ServiceTag::Internet));
    }
    let parsed = if text.contains('/') {
        parse_prefix(text)
    } else {
        parse_address(text).map(ipnet::Ipv4Net::from)
    };
    parsed
        .map(Destination::Prefix)
        .map_err(|error| RuleFieldError::Destination(text.to_string(), error))
}
