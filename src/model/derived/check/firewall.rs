//! R20: the target's firewall, the last stage of either kind.

use std::net::Ipv4Addr;

use super::record::{record, stop, Next};
use super::{Finding, Hop, Problem, Report};
use crate::model::command::HostRef;
use crate::model::entities::host::{Host, PortRule};
use crate::model::entities::network::VirtualNetwork;

/// The host a route ends at, if there is one.
pub(super) type Found<'a> = Option<(HostRef, &'a Host)>;

/// The host at `address` inside `vnet`, if there is one.
pub(super) fn vm_host(vnet: &VirtualNetwork, address: Ipv4Addr) -> Found<'_> {
    vnet.vm_at(address)
        .map(|vm| (HostRef::VirtualMachine(vnet.id, vm.id), &vm.host))
}

/// R20: the target's firewall decides, and the path ends at the host.
pub(super) fn stage<'a>(
    host: Found<'a>,
    address: Ipv4Addr,
    rule: PortRule,
    report: &mut Report<'a>,
) -> Next {
    let Some((host_ref, host)) = host else {
        return stop(report, Problem::NoHost { address });
    };
    if host.ports_unknown && !host.is_open(rule.protocol, rule.port) {
        return stop(
            report,
            Problem::PortsUnknown {
                host: host_ref,
                host_name: &host.name,
                rule,
            },
        );
    }
    if host.is_open(rule.protocol, rule.port) {
        record(
            report,
            Finding::PortOpen {
                host: &host.name,
                rule,
            },
        )?;
        report.path.push(Hop::Host(&host.name, host.address));
        Next::Continue(())
    } else {
        stop(
            report,
            Problem::PortClosed {
                host: host_ref,
                host_name: &host.name,
                rule,
            },
        )
    }
}
