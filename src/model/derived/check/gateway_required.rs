//! The stages of gateway-required integration (the 2015 kind): connection, gateway and
//! point-to-site (R22), certificate (R13), name resolution (R19), route (R21).

use std::net::Ipv4Addr;

use super::dns;
use super::firewall::{vm_host, Found};
use super::record::{record, stop, Next};
use super::tunnel::{self, ReturnRange};
use super::{Dangling, Finding, Hop, Problem, Report, Target};
use crate::model::command::HostRef;
use crate::model::derived::status::{certificate_problem, missing_conditions, MissingCondition};
use crate::model::entities::ids::WebAppId;
use crate::model::entities::network::{PointToSite, VirtualNetwork};
use crate::model::entities::subscription::Subscription;
use crate::model::entities::web_app::{VnetConnection, WebApp};
use crate::model::input::addressing::is_private_address;

/// From the connection to the host: the address the name resolved to, and the host there.
pub(super) fn evaluate<'a>(
    subscription: &'a Subscription,
    app: &'a WebApp,
    target: Target<'a>,
    report: &mut Report<'a>,
) -> Next<(Ipv4Addr, Found<'a>)> {
    let Some(connection) = app.connection.as_ref() else {
        return stop(report, Problem::NotConnected);
    };
    let Some(vnet) = subscription.virtual_networks.get(&connection.vnet) else {
        return stop(
            report,
            Problem::Dangling(Dangling::VirtualNetwork {
                app: app.id,
                vnet: connection.vnet,
            }),
        );
    };
    record(report, Finding::Connected { vnet: &vnet.name })?;

    let missing = missing_conditions(subscription, vnet);
    if !missing.is_empty() {
        let routing = vnet.gateway.as_ref().map(|gateway| gateway.routing);
        return stop(
            report,
            Problem::GatewayNotReady {
                vnet: vnet.id,
                vnet_name: &vnet.name,
                missing,
                routing,
            },
        );
    }
    let Some(p2s) = vnet.point_to_site.as_ref() else {
        let missing = vec![MissingCondition::PointToSiteNotEnabled];
        let routing = vnet.gateway.as_ref().map(|gateway| gateway.routing);
        return stop(
            report,
            Problem::GatewayNotReady {
                vnet: vnet.id,
                vnet_name: &vnet.name,
                missing,
                routing,
            },
        );
    };
    record(report, Finding::GatewayReady { vnet: &vnet.name })?;

    if let Some(reason) = certificate_problem(subscription, vnet, connection) {
        return stop(
            report,
            Problem::CertificateOutOfSync {
                app: app.id,
                reason,
            },
        );
    }
    record(
        report,
        Finding::CertificateInSync {
            thumbprint: &connection.thumbprint,
        },
    )?;

    let address = dns::gateway_required(
        subscription,
        app.id,
        vnet,
        &connection.synced.dns_servers,
        target.host,
        report,
    )?;
    let host = route(subscription, app.id, vnet, connection, p2s, address, report)?;
    Next::Continue((address, host))
}

/// R21: inside the VNet, or on a linked, synced local network that routes the pool back.
/// Returns the host at the address, if there is one. Only traffic into the VNet or its tunnel
/// is drawn through the point-to-site address and the gateway.
fn route<'a>(
    subscription: &'a Subscription,
    app: WebAppId,
    vnet: &'a VirtualNetwork,
    connection: &'a VnetConnection,
    p2s: &PointToSite,
    address: Ipv4Addr,
    report: &mut Report<'a>,
) -> Next<Found<'a>> {
    let through_gateway = [
        Hop::PointToSiteAddress(p2s.client_address()),
        Hop::Gateway(&vnet.name),
    ];
    if vnet.contains(address) {
        let subnet = vnet.subnet_of(address).map(|s| (s.name.as_str(), s.prefix));
        record(
            report,
            Finding::InVirtualNetwork {
                vnet: &vnet.name,
                subnet,
            },
        )?;
        report.path.extend(through_gateway);
        if let Some((name, prefix)) = subnet {
            report.path.push(Hop::Subnet(name, prefix));
        }
        return Next::Continue(vm_host(vnet, address));
    }
    let holder = subscription
        .local_networks
        .values()
        .find(|local| local.contains(address));
    let Some(local) = holder else {
        // R29's first half holds for the 2015 kind too: public addresses never enter the VNet.
        if !is_private_address(address) {
            record(
                report,
                Finding::ToInternet {
                    address,
                    route_all: false,
                },
            )?;
            report.path.push(Hop::SharedOutbound);
            report.path.push(Hop::Internet);
            return Next::Continue(
                subscription
                    .internet_hosts
                    .values()
                    .find(|internet| internet.host.address == address)
                    .map(|internet| (HostRef::InternetHost(internet.id), &internet.host)),
            );
        }
        return stop(report, Problem::Unroutable { address });
    };
    if !vnet.site_to_site.contains(&local.id) {
        return stop(
            report,
            Problem::NotLinked {
                address,
                vnet: vnet.id,
                local: local.id,
                local_name: &local.name,
            },
        );
    }
    if !connection.synced.site_to_site.contains(&local.id) {
        return stop(
            report,
            Problem::LinkNotSynced {
                app,
                local: &local.name,
            },
        );
    }
    let pool = ReturnRange::PointToSitePool(p2s.pool);
    tunnel::stage(local, pool, through_gateway, address, report)
}
