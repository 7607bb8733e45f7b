//! A host a web app may want to reach: a virtual machine in a VNet or a server on-premises.

use std::fmt;
use std::net::Ipv4Addr;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What the connection check is asked to use.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::Display,
    strum::EnumString,
    strum::VariantArray,
)]
#[strum(serialize_all = "UPPERCASE", ascii_case_insensitive)]
pub enum Protocol {
    Tcp,
    Udp,
    Icmp,
    Smb,
}

impl Protocol {
    /// Reads "tcp", "UDP" and the like.
    pub fn parse(text: &str) -> Option<Protocol> {
        text.parse().ok()
    }

    /// The name in a saved port rule: `tcp`.
    pub fn lowercase_name(self) -> &'static str {
        match self {
            Protocol::Tcp => "tcp",
            Protocol::Udp => "udp",
            Protocol::Icmp => "icmp",
            Protocol::Smb => "smb",
        }
    }
}

/// Reads a port as typed in a form; the error quotes it and says what to write.
pub fn parse_port(text: &str) -> Result<u16, String> {
    match text.trim().parse::<u16>() {
        Ok(port) if port > 0 => Ok(port),
        _ => Err(format!(
            "“{}” is not a port: write a number from 1 to 65535.",
            text.trim()
        )),
    }
}

/// A firewall opening: a transport protocol and a port. Saved as `tcp:1433` (schema 2): the
/// large subscription has one on each of its 5,000 VMs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PortRule {
    pub protocol: Protocol,
    pub port: u16,
}

impl fmt::Display for PortRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.protocol, self.port)
    }
}

impl FromStr for PortRule {
    type Err = String;

    /// Reads the saved form, `tcp:1433`; the error quotes the text and says what to write.
    fn from_str(text: &str) -> Result<PortRule, String> {
        text.split_once(':')
            .and_then(|(protocol, port)| {
                Some(PortRule {
                    protocol: Protocol::parse(protocol)?,
                    port: port.parse().ok().filter(|port| *port > 0)?,
                })
            })
            .ok_or_else(|| {
                format!(
                    "“{text}” is not a port rule: write the protocol (tcp, udp, icmp or smb), a colon \
                     and a port from 1 to 65535, as tcp:1433"
                )
            })
    }
}

impl Serialize for PortRule {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!(
            "{}:{}",
            self.protocol.lowercase_name(),
            self.port
        ))
    }
}

impl<'de> Deserialize<'de> for PortRule {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<PortRule, D::Error> {
        String::deserialize(deserializer)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// What a host does, where it matters to the integration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// Answers name queries from its A records (name → address).
    DnsServer {
        records: Vec<(String, Ipv4Addr)>,
    },
    SqlServer,
    FileServer,
    DomainController,
    /// A Windows Server that can run the Hybrid Connection Manager.
    WindowsServer,
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Role::DnsServer { .. } => "DNS server",
            Role::SqlServer => "SQL server",
            Role::FileServer => "File server (SMB)",
            Role::DomainController => "Domain controller",
            Role::WindowsServer => "Windows Server",
        })
    }
}

/// The parts a VM and an on-premises server share.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Host {
    pub name: String,
    pub address: Ipv4Addr,
    /// Names it is known by (in DNS records, or configured in a Hybrid Connection).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub host_names: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub open_ports: Vec<PortRule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Read from an ARM template, which cannot say a VM's open ports (R39): the check says the
    /// network lets traffic through and the firewall is unknown, never reachable or blocked.
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub ports_unknown: bool,
}

impl Host {
    pub fn is_open(&self, protocol: Protocol, port: u16) -> bool {
        self.open_ports
            .iter()
            .any(|rule| rule.protocol == protocol && rule.port == port)
    }

    /// Whether `name` (case-insensitive) is this host's name or one of its host names.
    pub fn is_known_as(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
            || self
                .host_names
                .iter()
                .any(|known| known.eq_ignore_ascii_case(name))
    }

    /// The address a DNS server role gives for `name`.
    pub fn resolve(&self, name: &str) -> Option<Ipv4Addr> {
        match &self.role {
            Some(Role::DnsServer { records }) => records
                .iter()
                .find(|(record, _)| record.eq_ignore_ascii_case(name))
                .map(|(_, address)| *address),
            _ => None,
        }
    }

    /// Windows Servers (and domain controllers, SQL and file servers, which run Windows here)
    /// can host the Hybrid Connection Manager.
    pub fn runs_windows_server(&self) -> bool {
        self.role.is_some() && !matches!(self.role, Some(Role::DnsServer { .. }))
    }
}
