//! Direction and protocol, the first stage: what each kind carries (R15–R18, R34).

use super::{Finding, Problem, Step, Target};
use crate::model::derived::integration::IntegrationKind;
use crate::model::entities::host::Protocol;

/// Ports of authentication systems (Kerberos, LDAP, global catalog, kpasswd): R17.
const AUTHENTICATION_PORTS: [u16; 6] = [88, 389, 464, 636, 3268, 3269];
const SMB_PORT: u16 = 445;
const SMTP_PORT: u16 = 25;

/// The step, and the protocol the firewall sees (SMB is TCP 445 there).
pub(super) fn step(kind: IntegrationKind, target: Target<'_>) -> (Step<'static>, Protocol) {
    match kind {
        IntegrationKind::GatewayRequired => (gateway_required(target), target.protocol),
        IntegrationKind::Regional => regional(target),
    }
}

/// R15–R18: outbound TCP and UDP only; no SMB, no authentication systems.
fn gateway_required(target: Target<'_>) -> Step<'static> {
    match target.protocol {
        Protocol::Icmp => Problem::PingUnsupported.into(),
        Protocol::Smb => Problem::SmbUnsupported.into(),
        Protocol::Tcp if target.port == SMB_PORT => Problem::SmbUnsupported.into(),
        Protocol::Tcp | Protocol::Udp if AUTHENTICATION_PORTS.contains(&target.port) => {
            Problem::AuthenticationUnsupported { port: target.port }.into()
        }
        protocol => Finding::Outbound { protocol }.into(),
    }
}

/// R34: TCP and UDP, SMB included; no ICMP; no port 25.
fn regional(target: Target<'_>) -> (Step<'static>, Protocol) {
    match target.protocol {
        Protocol::Icmp => (Problem::PingUnsupported.into(), Protocol::Icmp),
        Protocol::Smb => (Finding::SmbThroughRegional.into(), Protocol::Tcp),
        Protocol::Tcp if target.port == SMB_PORT => {
            (Finding::SmbThroughRegional.into(), Protocol::Tcp)
        }
        Protocol::Tcp | Protocol::Udp if target.port == SMTP_PORT => {
            (Problem::SmtpBlocked.into(), target.protocol)
        }
        protocol => (Finding::Outbound { protocol }.into(), protocol),
    }
}
