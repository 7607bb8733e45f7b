//! The subscription's known endpoints: every open port of every VM and on-premises server. The
//! reachability matrix and the comparison panel run both answers against each (R24).

use std::net::Ipv4Addr;

use crate::model::entities::host::{Host, PortRule};
use crate::model::entities::subscription::Subscription;

/// Where an endpoint lives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location<'a> {
    VirtualNetwork(&'a str),
    LocalNetwork(&'a str),
    Internet,
}

impl Location<'_> {
    /// The network's name, as the matrix's network filter shows it.
    pub fn name(&self) -> &str {
        match self {
            Location::VirtualNetwork(name) | Location::LocalNetwork(name) => name,
            Location::Internet => "Internet",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint<'a> {
    pub host: &'a Host,
    pub rule: PortRule,
    pub location: Location<'a>,
}

impl<'a> Endpoint<'a> {
    /// The name a Hybrid Connection would use: its first host name, else its address.
    pub fn name(&self) -> String {
        self.host
            .host_names
            .first()
            .cloned()
            .unwrap_or_else(|| self.host.address.to_string())
    }

    pub fn address(&self) -> Ipv4Addr {
        self.host.address
    }
}

pub fn known_endpoints(subscription: &Subscription) -> Vec<Endpoint<'_>> {
    let in_vnets = subscription.virtual_networks.values().flat_map(|vnet| {
        vnet.virtual_machines.iter().flat_map(move |vm| {
            vm.host.open_ports.iter().map(move |rule| Endpoint {
                host: &vm.host,
                rule: *rule,
                location: Location::VirtualNetwork(&vnet.name),
            })
        })
    });
    let on_premises = subscription.local_networks.values().flat_map(|local| {
        local.servers.iter().flat_map(move |server| {
            server.host.open_ports.iter().map(move |rule| Endpoint {
                host: &server.host,
                rule: *rule,
                location: Location::LocalNetwork(&local.name),
            })
        })
    });
    let private_endpoints = subscription
        .private_endpoints
        .values()
        .flat_map(|endpoint| {
            let vnet = subscription
                .virtual_networks
                .get(&endpoint.vnet)
                .map_or("", |vnet| vnet.name.as_str());
            endpoint.host.open_ports.iter().map(move |rule| Endpoint {
                host: &endpoint.host,
                rule: *rule,
                location: Location::VirtualNetwork(vnet),
            })
        });
    let internet = subscription.internet_hosts.values().flat_map(|host| {
        host.host.open_ports.iter().map(move |rule| Endpoint {
            host: &host.host,
            rule: *rule,
            location: Location::Internet,
        })
    });
    in_vnets
        .chain(private_endpoints)
        .chain(on_premises)
        .chain(internet)
        .collect()
}
