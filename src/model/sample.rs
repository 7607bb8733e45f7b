//! The sample subscription of SPEC §7, built with the same commands a user runs, so it obeys
//! every rule. It shows R8, R12, R19, R21 and R24 without a click.

use std::net::Ipv4Addr;

use super::clock::GATEWAY_PROVISIONING;
use super::command::{Command, HostRef};
use super::host::{PortRule, Protocol, Role};
use super::network::Routing;
use super::subscription::{Activity, Subscription};
use super::tier::Tier;

impl Subscription {
    pub fn sample() -> Subscription {
        let mut s = Subscription::empty();
        let run = |s: &mut Subscription, command: Command| {
            if let Err(error) = s.apply(command) {
                panic!("the sample subscription follows the rules, yet: {error}");
            }
        };
        run(
            &mut s,
            Command::CreatePlan {
                name: "contoso-standard".into(),
                tier: Tier::S1,
            },
        );
        run(
            &mut s,
            Command::CreatePlan {
                name: "contoso-basic".into(),
                tier: Tier::B1,
            },
        );
        let standard = s
            .plans
            .values()
            .find(|p| p.tier == Tier::S1)
            .map(|p| p.id)
            .expect("created");
        let basic = s
            .plans
            .values()
            .find(|p| p.tier == Tier::B1)
            .map(|p| p.id)
            .expect("created");
        for (name, plan) in [
            ("contoso-web", standard),
            ("contoso-api", standard),
            ("contoso-blog", basic),
        ] {
            run(
                &mut s,
                Command::CreateWebApp {
                    name: name.into(),
                    plan,
                },
            );
        }

        run(
            &mut s,
            Command::CreateLocalNetwork {
                name: "onPremHQ".into(),
                address_space: "192.168.0.0/16".into(),
                vpn_device: "131.107.10.1".into(),
            },
        );
        let hq = s
            .local_network_named("onPremHQ")
            .map(|l| l.id)
            .expect("created");
        run(
            &mut s,
            Command::AddServer {
                local_network: hq,
                name: "hq-app01".into(),
                address: "192.168.1.10".into(),
                host_names: "app.contoso.local".into(),
                role: Some(Role::WindowsServer),
            },
        );
        let app01 = s.local_networks[&hq].servers[0].id;
        run(
            &mut s,
            Command::OpenPort {
                host: HostRef::Server(hq, app01),
                rule: PortRule {
                    protocol: Protocol::Tcp,
                    port: 8080,
                },
            },
        );

        // corpVnet: its DNS server VM exists, but the VNet does not use it yet, so names do not
        // resolve from the web apps (R19) until it is added and synced (R14).
        run(
            &mut s,
            Command::CreateVirtualNetwork {
                name: "corpVnet".into(),
                address_space: "10.1.0.0/16".into(),
                dns_servers: String::new(),
            },
        );
        let corp = s.vnet_named("corpVnet").map(|v| v.id).expect("created");
        run(
            &mut s,
            Command::AddSubnet {
                vnet: corp,
                name: "GatewaySubnet".into(),
                prefix: "10.1.0.0/27".into(),
            },
        );
        run(
            &mut s,
            Command::AddSubnet {
                vnet: corp,
                name: "Backend".into(),
                prefix: "10.1.1.0/24".into(),
            },
        );
        run(
            &mut s,
            Command::CreateVirtualMachine {
                vnet: corp,
                subnet: "Backend".into(),
                name: "dns01".into(),
                address: "10.1.1.4".into(),
                host_names: "dns01.corp.contoso.com".into(),
                role: Some(Role::DnsServer {
                    records: vec![
                        ("sql01.corp.contoso.com".into(), Ipv4Addr::new(10, 1, 1, 5)),
                        ("dns01.corp.contoso.com".into(), Ipv4Addr::new(10, 1, 1, 4)),
                        ("app.contoso.local".into(), Ipv4Addr::new(192, 168, 1, 10)),
                    ],
                }),
            },
        );
        run(
            &mut s,
            Command::CreateVirtualMachine {
                vnet: corp,
                subnet: "Backend".into(),
                name: "sql01".into(),
                address: "10.1.1.5".into(),
                host_names: "sql01.corp.contoso.com".into(),
                role: Some(Role::SqlServer),
            },
        );
        let vms: Vec<_> = s.virtual_networks[&corp]
            .virtual_machines
            .iter()
            .map(|vm| vm.id)
            .collect();
        run(
            &mut s,
            Command::OpenPort {
                host: HostRef::VirtualMachine(corp, vms[0]),
                rule: PortRule {
                    protocol: Protocol::Udp,
                    port: 53,
                },
            },
        );
        run(
            &mut s,
            Command::OpenPort {
                host: HostRef::VirtualMachine(corp, vms[1]),
                rule: PortRule {
                    protocol: Protocol::Tcp,
                    port: 1433,
                },
            },
        );

        run(
            &mut s,
            Command::CreateVirtualNetwork {
                name: "cantConnectVnet".into(),
                address_space: "10.2.0.0/16".into(),
                dns_servers: String::new(),
            },
        );
        let cant = s
            .vnet_named("cantConnectVnet")
            .map(|v| v.id)
            .expect("created");
        run(
            &mut s,
            Command::CreateGateway {
                vnet: corp,
                routing: Routing::Dynamic,
            },
        );
        run(
            &mut s,
            Command::CreateGateway {
                vnet: cant,
                routing: Routing::Static,
            },
        );
        run(
            &mut s,
            Command::AdvanceClock {
                seconds: GATEWAY_PROVISIONING,
            },
        );
        run(
            &mut s,
            Command::EnablePointToSite {
                vnet: corp,
                pool: "172.16.0.0/24".into(),
            },
        );
        // Linked, but onPremHQ has no route back to 172.16.0.0/24 (R21).
        run(
            &mut s,
            Command::LinkSiteToSite {
                vnet: corp,
                local_network: hq,
            },
        );

        let web = s
            .web_app_named("contoso-web")
            .map(|a| a.id)
            .expect("created");
        run(
            &mut s,
            Command::ConnectWebApp {
                app: web,
                vnet: corp,
            },
        );

        let blog = s
            .web_app_named("contoso-blog")
            .map(|a| a.id)
            .expect("created");
        run(
            &mut s,
            Command::AddHybridConnection {
                app: blog,
                name: "hq-app".into(),
                endpoint: "app.contoso.local:8080".into(),
            },
        );
        let hybrid = s
            .hybrid_connections
            .keys()
            .next()
            .copied()
            .expect("created");
        run(
            &mut s,
            Command::InstallRelayAgent {
                connection: hybrid,
                local_network: hq,
                server: app01,
            },
        );

        s.activity = vec![Activity {
            at: s.now(),
            text: "Loaded the sample subscription".into(),
        }];
        s
    }
}
