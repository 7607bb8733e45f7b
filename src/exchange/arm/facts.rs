//! The lab's state that ARM cannot say, gathered into [`VnetLab`] for the template's metadata.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;

use crate::exchange::arm::lab_metadata::{
    AgentFacts, AppFacts, CertificateFacts, EndpointFacts, HostFacts, HybridFacts, LabClock,
    MachineFacts, OnPremises, SyncedFacts, VnetLab, FORMAT,
};
use crate::exchange::gateway_subnet::added_gateway_subnet;
use crate::exchange::names;
use crate::model::Subscription;

impl VnetLab {
    pub fn of(subscription: &Subscription) -> VnetLab {
        let nics = names::nics(subscription);
        let vnet_name = |id| {
            subscription
                .virtual_networks
                .get(&id)
                .map_or(String::new(), |vnet| vnet.name.clone())
        };
        let local_name = |id| {
            subscription
                .local_networks
                .get(&id)
                .map_or(String::new(), |local| local.name.clone())
        };
        VnetLab {
            format: FORMAT,
            clock: LabClock {
                now: subscription.clock.now,
                speed: subscription.clock.speed,
            },
            virtual_machines: subscription
                .virtual_networks
                .values()
                .flat_map(|vnet| {
                    vnet.virtual_machines.iter().map(|vm| {
                        (
                            nics[&(vnet.id, vm.id)].clone(),
                            MachineFacts {
                                name: vm.host.name.clone(),
                                host_names: vm.host.host_names.clone(),
                                open_ports: vm.host.open_ports.clone(),
                                role: vm.host.role.clone(),
                            },
                        )
                    })
                })
                .collect(),
            on_premises: subscription
                .local_networks
                .values()
                .filter(|local| !local.servers.is_empty() || !local.routes.is_empty())
                .map(|local| {
                    (
                        local.name.clone(),
                        OnPremises {
                            servers: local
                                .servers
                                .iter()
                                .map(|server| HostFacts::from(&server.host))
                                .collect(),
                            routes: local.routes.clone(),
                        },
                    )
                })
                .collect(),
            hybrid_connections: subscription
                .hybrid_connections
                .values()
                .map(|hybrid| {
                    let agent = hybrid.agent.as_ref().map(|agent| AgentFacts {
                        local_network: local_name(agent.local_network),
                        server: subscription
                            .local_networks
                            .get(&agent.local_network)
                            .and_then(|local| {
                                local
                                    .servers
                                    .iter()
                                    .find(|server| server.id == agent.server)
                            })
                            .map_or(String::new(), |server| server.host.name.clone()),
                        running: agent.running,
                    });
                    (hybrid.name.clone(), HybridFacts { agent })
                })
                .collect(),
            private_endpoints: subscription
                .private_endpoints
                .values()
                .map(|endpoint| {
                    (
                        names::private_endpoint(endpoint),
                        EndpointFacts {
                            service: HostFacts::from(&endpoint.host),
                            public_address: endpoint.public_address,
                        },
                    )
                })
                .collect(),
            unread_rules: subscription
                .network_security_groups
                .values()
                .filter(|nsg| !nsg.unread_rules.is_empty())
                .map(|nsg| (nsg.name.clone(), nsg.unread_rules.clone()))
                .collect(),
            unread_routes: subscription
                .route_tables
                .values()
                .filter(|table| !table.unread_routes.is_empty())
                .map(|table| (table.name.clone(), table.unread_routes.clone()))
                .collect(),
            internet_hosts: subscription
                .internet_hosts
                .values()
                .map(|internet| HostFacts::from(&internet.host))
                .collect(),
            gateways: subscription
                .virtual_networks
                .values()
                .filter_map(|vnet| {
                    let gateway = vnet.gateway.as_ref()?;
                    Some((names::gateway(&vnet.name), gateway.provisioning))
                })
                .collect(),
            certificates: subscription
                .certificates
                .iter()
                .map(|issued| CertificateFacts {
                    virtual_network: vnet_name(issued.vnet),
                    subject: issued.certificate.subject.clone(),
                    serial: issued.certificate.serial,
                    not_before: issued.certificate.not_before,
                    not_after: issued.certificate.not_after,
                    thumbprint: issued.certificate.thumbprint.clone(),
                    der: BASE64.encode(&issued.certificate.der),
                })
                .collect(),
            web_apps: subscription
                .web_apps
                .values()
                .filter_map(|app| {
                    let connection = app.connection.as_ref()?;
                    Some((
                        app.name.clone(),
                        AppFacts {
                            synced: SyncedFacts {
                                dns_servers: connection.synced.dns_servers.clone(),
                                site_to_site: connection
                                    .synced
                                    .site_to_site
                                    .iter()
                                    .map(|local| local_name(*local))
                                    .collect(),
                            },
                        },
                    ))
                })
                .collect(),
            added_gateway_subnets: subscription
                .virtual_networks
                .values()
                .filter(|vnet| added_gateway_subnet(vnet).is_some())
                .map(|vnet| vnet.name.clone())
                .collect(),
        }
    }
}
