//! A large generated subscription for benchmarks: 200 plans, 1,000 web apps, 100 VNets,
//! 5,000 VMs and 20 local networks. Built directly rather than command by command, which would
//! copy the growing state thousands of times; the rules hold by construction.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::certificate::Certificate;
use super::clock::{Operation, GATEWAY_PROVISIONING};
use super::host::{Host, PortRule, Protocol, Role};
use super::ids::{LocalNetworkId, PlanId, ServerId, VmId, VnetId, WebAppId};
use super::local_network::{LocalNetwork, Server};
use super::network::{
    Gateway, PointToSite, Routing, Subnet, UploadedCertificate, VirtualMachine, VirtualNetwork,
};
use super::subscription::{IssuedCertificate, Subscription};
use super::tier::Tier;
use super::web_app::{Plan, Synced, VnetConnection, WebApp};

pub const PLANS: u32 = 200;
pub const WEB_APPS: u32 = 1_000;
pub const VNETS: u32 = 100;
pub const VMS_PER_VNET: u32 = 50;
pub const LOCAL_NETWORKS: u32 = 20;
pub const SERVERS_PER_LOCAL_NETWORK: u32 = 10;

fn net(a: u8, b: u8, c: u8, length: u8) -> Ipv4Net {
    Ipv4Net::new_assert(Ipv4Addr::new(a, b, c, 0), length)
}

fn host(name: String, address: Ipv4Addr, port: u16, role: Option<Role>) -> Host {
    Host {
        host_names: vec![format!("{name}.contoso.local")],
        name,
        address,
        open_ports: vec![PortRule {
            protocol: Protocol::Tcp,
            port,
        }],
        role,
    }
}

pub fn large_subscription() -> Subscription {
    let mut s = Subscription::empty();
    let now = s.now();
    let mut next = 1u32;
    let mut id = || {
        next += 1;
        next - 1
    };

    let locals: Vec<LocalNetworkId> = (0..LOCAL_NETWORKS)
        .map(|l| {
            let local = LocalNetworkId(id());
            let servers = (0..SERVERS_PER_LOCAL_NETWORK)
                .map(|k| Server {
                    id: ServerId(id()),
                    host: host(
                        format!("hq{l}-srv{k}"),
                        Ipv4Addr::new(192, 168, l as u8, 10 + k as u8),
                        8080,
                        Some(Role::WindowsServer),
                    ),
                })
                .collect();
            s.local_networks.insert(
                local,
                LocalNetwork {
                    id: local,
                    name: format!("onPrem{l}"),
                    address_space: vec![net(192, 168, l as u8, 24)],
                    vpn_device: Ipv4Addr::new(131, 107, 0, l as u8 + 1),
                    servers,
                    // Every other site has its route back, so the matrix has both answers.
                    routes: if l % 2 == 0 {
                        vec![net(172, 16, 0, 12)]
                    } else {
                        Vec::new()
                    },
                },
            );
            local
        })
        .collect();

    let vnets: Vec<VnetId> = (0..VNETS)
        .map(|v| {
            let vnet = VnetId(id());
            let virtual_machines = (0..VMS_PER_VNET)
                .map(|m| VirtualMachine {
                    id: VmId(id()),
                    subnet: "Backend".into(),
                    host: host(
                        format!("vnet{v}-vm{m}"),
                        Ipv4Addr::new(10, v as u8, 1, 4 + m as u8),
                        if m % 3 == 0 { 22 } else { 1433 },
                        None,
                    ),
                })
                .collect();
            let certificate = Certificate::issue(&format!("vnet{v}-WebApps"), u64::from(v), now);
            let thumbprint = certificate.thumbprint.clone();
            s.certificates.push(IssuedCertificate { vnet, certificate });
            s.virtual_networks.insert(
                vnet,
                VirtualNetwork {
                    id: vnet,
                    name: format!("vnet{v}"),
                    address_space: vec![net(10, v as u8, 0, 16)],
                    subnets: vec![Subnet {
                        name: "Backend".into(),
                        prefix: net(10, v as u8, 1, 24),
                    }],
                    dns_servers: Vec::new(),
                    gateway: Some(Gateway {
                        routing: Routing::Dynamic,
                        provisioning: Operation {
                            started: now.plus(-GATEWAY_PROVISIONING),
                            done: now,
                        },
                    }),
                    point_to_site: Some(PointToSite {
                        pool: net(172, 16, v as u8, 24),
                        certificates: vec![UploadedCertificate {
                            thumbprint,
                            revoked: false,
                        }],
                    }),
                    site_to_site: vec![locals[v as usize % locals.len()]],
                    virtual_machines,
                },
            );
            vnet
        })
        .collect();

    let plans: Vec<PlanId> = (0..PLANS)
        .map(|p| {
            let plan = PlanId(id());
            let tier = if p % 10 == 0 { Tier::B1 } else { Tier::S1 };
            s.plans.insert(
                plan,
                Plan {
                    id: plan,
                    name: format!("plan{p}"),
                    tier,
                },
            );
            plan
        })
        .collect();

    for a in 0..WEB_APPS {
        let app = WebAppId(id());
        let vnet = &s.virtual_networks[&vnets[a as usize % vnets.len()]];
        let connection = (a % 4 != 3).then(|| VnetConnection {
            vnet: vnet.id,
            thumbprint: vnet.point_to_site.as_ref().expect("set above").certificates[0]
                .thumbprint
                .clone(),
            synced: Synced {
                dns_servers: Vec::new(),
                site_to_site: vnet.site_to_site.clone(),
            },
        });
        let plan = plans[a as usize / (WEB_APPS / PLANS) as usize];
        s.web_apps.insert(
            app,
            WebApp {
                id: app,
                name: format!("app{a}"),
                plan,
                connection,
            },
        );
    }
    s.next_id = next;
    s
}

/// `count` of the subscription's known endpoints, spread evenly over its VNets and local
/// networks, by address: the columns of the matrix.
pub fn endpoint_addresses(subscription: &Subscription, count: usize) -> Vec<(String, u16)> {
    let endpoints = super::endpoints::known_endpoints(subscription);
    let step = (endpoints.len() / count.max(1)).max(1);
    endpoints
        .into_iter()
        .step_by(step)
        .take(count)
        .map(|endpoint| (endpoint.address().to_string(), endpoint.rule.port))
        .collect()
}

/// Plans, web apps, VNets, VMs and local networks: for a benchmark to print what it measured.
pub fn counts(subscription: &Subscription) -> [usize; 5] {
    [
        subscription.plans.len(),
        subscription.web_apps.len(),
        subscription.virtual_networks.len(),
        subscription
            .virtual_networks
            .values()
            .map(|vnet| vnet.virtual_machines.len())
            .sum(),
        subscription.local_networks.len(),
    ]
}
