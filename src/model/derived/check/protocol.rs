//! Direction and protocol, the first stage: what each kind carries (R15–R18, R34).

use super::{Kind, Step, Target};
use crate::model::entities::host::Protocol;

/// Ports of authentication systems (Kerberos, LDAP, global catalog, kpasswd): R17.
const AUTHENTICATION_PORTS: [u16; 6] = [88, 389, 464, 636, 3268, 3269];
const SMB_PORT: u16 = 445;
const SMTP_PORT: u16 = 25;

/// The step, and the protocol the firewall sees (SMB is TCP 445 there).
pub(super) fn step(kind: Kind, target: Target<'_>) -> (Step<'static>, Protocol) {
    match kind {
        Kind::GatewayRequired => (gateway_required(target), target.protocol),
        Kind::Regional => regional(target),
    }
}

/// R15–R18: outbound TCP and UDP only; no SMB, no authentication systems.
fn gateway_required(target: Target<'_>) -> Step<'static> {
    match target.protocol {
        Protocol::Icmp => Step::PingUnsupported,
        Protocol::Smb => Step::SmbUnsupported,
        Protocol::Tcp if target.port == SMB_PORT => Step::SmbUnsupported,
        Protocol::Tcp | Protocol::Udp if AUTHENTICATION_PORTS.contains(&target.port) => {
            Step::AuthenticationUnsupported { port: target.port }
        }
        protocol => Step::Outbound { protocol },
    }
}

/// R34: TCP and UDP, SMB included; no ICMP; no port 25.
fn regional(target: Target<'_>) -> (Step<'static>, Protocol) {
    match target.protocol {
        Protocol::Icmp => (Step::PingUnsupported, Protocol::Icmp),
        Protocol::Smb => (Step::SmbThroughRegional, Protocol::Tcp),
        Protocol::Tcp if target.port == SMB_PORT => (Step::SmbThroughRegional, Protocol::Tcp),
        Protocol::Tcp | Protocol::Udp if target.port == SMTP_PORT => {
            (Step::SmtpBlocked, target.protocol)
        }
        protocol => (Step::Outbound { protocol }, protocol),
    }
}
