//! IPv4 addresses and CIDR prefixes, parsed strictly, and the range rules of R11.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

/// What is wrong with an address or prefix the user typed; the text is quoted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AddressError {
    #[error("“{0}” is not an IPv4 address: write four numbers from 0 to 255 separated by dots, such as 10.1.0.4")]
    NotAnAddress(String),
    #[error("“{0}” has no prefix length: write it in CIDR form, such as {0}/24")]
    NoPrefixLength(String),
    #[error("“{0}” has a prefix length that is not a number from 0 to 32")]
    BadPrefixLength(String),
    #[error("“{text}” has host bits set; did you mean {network}?")]
    HostBitsSet { text: String, network: Ipv4Net },
}

/// Parses a dotted IPv4 address, nothing else (no leading zeros, no shortened forms).
pub fn parse_address(text: &str) -> Result<Ipv4Addr, AddressError> {
    let trimmed = text.trim();
    trimmed
        .parse()
        .map_err(|_| AddressError::NotAnAddress(trimmed.to_string()))
}

/// Parses a CIDR prefix strictly: a valid address, a length 0–32, and no host bits set.
pub fn parse_prefix(text: &str) -> Result<Ipv4Net, AddressError> {
    let trimmed = text.trim();
    let (address, length) = trimmed
        .split_once('/')
        .ok_or_else(|| AddressError::NoPrefixLength(trimmed.to_string()))?;
    let address = parse_address(address)?;
    let bad_length = || AddressError::BadPrefixLength(trimmed.to_string());
    if length.is_empty() || !length.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad_length());
    }
    let length: u8 = length.parse().map_err(|_| bad_length())?;
    let net = Ipv4Net::new(address, length).map_err(|_| bad_length())?;
    if net.trunc() != net {
        return Err(AddressError::HostBitsSet {
            text: trimmed.to_string(),
            network: net.trunc(),
        });
    }
    Ok(net)
}

/// Parses a list of prefixes separated by commas, spaces or new lines.
pub fn parse_prefixes(text: &str) -> Result<Vec<Ipv4Net>, AddressError> {
    split_list(text).map(parse_prefix).collect()
}

/// Parses a list of addresses separated by commas, spaces or new lines.
pub fn parse_addresses(text: &str) -> Result<Vec<Ipv4Addr>, AddressError> {
    split_list(text).map(parse_address).collect()
}

fn split_list(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|part| !part.is_empty())
}

pub fn overlaps(a: &Ipv4Net, b: &Ipv4Net) -> bool {
    a.contains(&b.network()) || b.contains(&a.network())
}

/// The private blocks of RFC 1918, where a point-to-site pool must lie.
pub const PRIVATE_BLOCKS: [Ipv4Net; 3] = [
    Ipv4Net::new_assert(Ipv4Addr::new(10, 0, 0, 0), 8),
    Ipv4Net::new_assert(Ipv4Addr::new(172, 16, 0, 0), 12),
    Ipv4Net::new_assert(Ipv4Addr::new(192, 168, 0, 0), 16),
];

pub fn is_private(net: &Ipv4Net) -> bool {
    PRIVATE_BLOCKS.iter().any(|block| block.contains(net))
}

/// Whether an address is in an RFC 1918 block (R29: what enters the VNet with Route All off).
pub fn is_private_address(address: Ipv4Addr) -> bool {
    PRIVATE_BLOCKS.iter().any(|block| block.contains(&address))
}

/// The first pair of overlapping prefixes in a list, if any.
pub fn first_overlap(prefixes: &[Ipv4Net]) -> Option<(Ipv4Net, Ipv4Net)> {
    prefixes.iter().enumerate().find_map(|(i, a)| {
        prefixes[i + 1..]
            .iter()
            .find(|b| overlaps(a, b))
            .map(|b| (*a, *b))
    })
}
