//! Virtual networks: address space, subnets, DNS, gateway, point-to-site, site-to-site, VMs.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::lookup::{host_names, resource_name};
use crate::model::command::{Event, HostRef};
use crate::model::commands::error::CommandError;
use crate::model::derived::integration::{integrated_app_label, integrated_apps};
use crate::model::entities::clock::{Operation, GATEWAY_PROVISIONING};
use crate::model::entities::host::{Host, PortRule, Role};
use crate::model::entities::ids::{LocalNetworkId, VmId, VnetId};
use crate::model::entities::network::{
    Gateway, PointToSite, Routing, Subnet, VirtualMachine, VirtualNetwork, MAX_DNS_SERVERS,
};
use crate::model::entities::region::Region;
use crate::model::entities::subscription::Subscription;
use crate::model::input::addressing::{
    first_overlap, is_private, overlaps, parse_address, parse_addresses, parse_prefix,
    parse_prefixes,
};

/// An address space as typed: at least one prefix, none overlapping another (R11).
pub(super) fn address_space(owner: &str, text: &str) -> Result<Vec<Ipv4Net>, CommandError> {
    let prefixes = parse_prefixes(text)?;
    if prefixes.is_empty() {
        return Err(CommandError::EmptyAddressSpace {
            owner: owner.to_string(),
        });
    }
    if let Some((a, b)) = first_overlap(&prefixes) {
        return Err(CommandError::OverlappingPrefixes {
            owner: owner.to_string(),
            a,
            b,
        });
    }
    Ok(prefixes)
}

impl Subscription {
    pub(super) fn create_virtual_network(
        &mut self,
        name: &str,
        region: Region,
        address_space_text: &str,
        dns_servers: &str,
    ) -> Result<VnetId, CommandError> {
        let name = resource_name(
            "virtual network",
            name,
            self.virtual_networks
                .values()
                .map(|vnet| vnet.name.as_str()),
        )?;
        let address_space = address_space(&name, address_space_text)?;
        let dns_servers = parse_addresses(dns_servers)?;
        if dns_servers.len() > MAX_DNS_SERVERS {
            return Err(CommandError::TooManyDnsServers { vnet: name });
        }
        if let Some(duplicate) = dns_servers
            .iter()
            .enumerate()
            .find(|(i, a)| dns_servers[..*i].contains(a))
        {
            return Err(CommandError::DuplicateDnsServer {
                address: duplicate.1.to_string(),
                vnet: name,
            });
        }
        let id = VnetId(self.allocate_id());
        self.virtual_networks.insert(
            id,
            VirtualNetwork {
                id,
                name,
                address_space,
                subnets: Vec::new(),
                dns_servers,
                gateway: None,
                point_to_site: None,
                site_to_site: Vec::new(),
                virtual_machines: Vec::new(),
                region,
                peerings: Vec::new(),
            },
        );
        Ok(id)
    }

    pub(super) fn delete_virtual_network(&mut self, vnet: VnetId) -> Result<Event, CommandError> {
        let network = self.vnet(vnet)?;
        let name = network.name.clone();
        let apps: Vec<String> = integrated_apps(self, vnet)
            .iter()
            .map(|integration| integrated_app_label(self, integration))
            .collect();
        if !apps.is_empty() {
            return Err(CommandError::VirtualNetworkIntegrated { vnet: name, apps });
        }
        if !network.site_to_site.is_empty() {
            let local_networks = network
                .site_to_site
                .iter()
                .filter_map(|id| self.local_networks.get(id))
                .map(|local| local.name.clone())
                .collect();
            return Err(CommandError::GatewayHasConnections {
                vnet: name,
                local_networks,
            });
        }
        let peers: Vec<String> = self
            .virtual_networks
            .values()
            .filter(|other| other.peerings.contains(&vnet))
            .map(|other| other.name.clone())
            .collect();
        if !peers.is_empty() {
            return Err(CommandError::VirtualNetworkPeered { vnet: name, peers });
        }
        let endpoints: Vec<String> = self
            .private_endpoints
            .values()
            .filter(|endpoint| endpoint.vnet == vnet)
            .map(|endpoint| format!("the private endpoint of {}", endpoint.host.name))
            .collect();
        CommandError::unless_unused(format!("The virtual network {name}"), endpoints)?;
        self.virtual_networks.remove(&vnet);
        for zone in self.private_dns_zones.values_mut() {
            zone.links.retain(|linked| *linked != vnet);
        }
        Ok(Event::new(format!("Deleted the virtual network {name}")))
    }

    pub(super) fn add_subnet(
        &mut self,
        vnet: VnetId,
        name: String,
        prefix: &str,
    ) -> Result<Event, CommandError> {
        let network = self.vnet(vnet)?;
        let name = resource_name(
            "subnet",
            &name,
            network.subnets.iter().map(|s| s.name.as_str()),
        )?;
        let prefix = parse_prefix(prefix)?;
        if !network
            .address_space
            .iter()
            .any(|space| space.contains(&prefix))
        {
            return Err(CommandError::SubnetOutsideAddressSpace {
                subnet: prefix,
                vnet: network.name.clone(),
            });
        }
        if let Some(other) = network
            .subnets
            .iter()
            .find(|s| overlaps(&s.prefix, &prefix))
        {
            return Err(CommandError::OverlappingSubnets {
                a: format!("{name} ({prefix})"),
                b: format!("{} ({})", other.name, other.prefix),
            });
        }
        let event = Event::new(format!(
            "Added the subnet {name} ({prefix}) to {}",
            network.name
        ));
        self.vnet_mut(vnet)?.subnets.push(Subnet {
            name,
            prefix,
            delegation: None,
            network_security_group: None,
            route_table: None,
            nat_gateway: None,
        });
        Ok(event)
    }

    pub(super) fn add_dns_server(
        &mut self,
        vnet: VnetId,
        address: &str,
    ) -> Result<Event, CommandError> {
        let address = parse_address(address)?;
        let network = self.vnet(vnet)?;
        if network.dns_servers.contains(&address) {
            return Err(CommandError::DuplicateDnsServer {
                address: address.to_string(),
                vnet: network.name.clone(),
            });
        }
        if network.dns_servers.len() >= MAX_DNS_SERVERS {
            return Err(CommandError::TooManyDnsServers {
                vnet: network.name.clone(),
            });
        }
        let event = Event::new(format!(
            "Added the DNS server {address} to {}; its web app connections need a sync",
            network.name
        ));
        self.vnet_mut(vnet)?.dns_servers.push(address);
        Ok(event)
    }

    pub(super) fn remove_dns_server(
        &mut self,
        vnet: VnetId,
        address: &str,
    ) -> Result<Event, CommandError> {
        let address = parse_address(address)?;
        let network = self.vnet_mut(vnet)?;
        let before = network.dns_servers.len();
        network.dns_servers.retain(|server| *server != address);
        if network.dns_servers.len() == before {
            return Err(CommandError::NotFound {
                kind: "DNS server",
                id: address.to_string(),
            });
        }
        Ok(Event::new(format!(
            "Removed the DNS server {address} from {}",
            network.name
        )))
    }

    pub(super) fn create_gateway(
        &mut self,
        vnet: VnetId,
        routing: Routing,
    ) -> Result<Event, CommandError> {
        let now = self.now();
        let network = self.vnet_mut(vnet)?;
        if network.gateway.is_some() {
            return Err(CommandError::GatewayExists {
                vnet: network.name.clone(),
            });
        }
        network.gateway = Some(Gateway {
            routing,
            provisioning: Operation::starting(now, GATEWAY_PROVISIONING),
        });
        Ok(Event::new(format!(
            "Started creating a {routing} gateway for {}; it takes 30 minutes",
            network.name
        )))
    }

    /// Point-to-site needs the gateway, so it goes with it.
    pub(super) fn delete_gateway(&mut self, vnet: VnetId) -> Result<Event, CommandError> {
        let network = self.vnet_mut(vnet)?;
        if network.gateway.take().is_none() {
            return Err(CommandError::NoGateway {
                vnet: network.name.clone(),
            });
        }
        network.point_to_site = None;
        Ok(Event::new(format!(
            "Deleted the gateway of {} and its point-to-site configuration",
            network.name
        )))
    }

    /// The R11 rules for a point-to-site pool on `vnet`.
    pub(super) fn check_pool(
        &self,
        network: &VirtualNetwork,
        pool: Ipv4Net,
    ) -> Result<(), CommandError> {
        if !is_private(&pool) {
            return Err(CommandError::PoolNotPrivate { pool });
        }
        if let Some(space) = network
            .address_space
            .iter()
            .find(|space| overlaps(space, &pool))
        {
            return Err(CommandError::PoolOverlaps {
                pool,
                other: *space,
                owner: network.name.clone(),
            });
        }
        for local in network
            .site_to_site
            .iter()
            .filter_map(|id| self.local_networks.get(id))
        {
            if let Some(space) = local
                .address_space
                .iter()
                .find(|space| overlaps(space, &pool))
            {
                return Err(CommandError::PoolOverlaps {
                    pool,
                    other: *space,
                    owner: local.name.clone(),
                });
            }
        }
        Ok(())
    }

    pub(super) fn enable_point_to_site(
        &mut self,
        vnet: VnetId,
        pool: &str,
    ) -> Result<Event, CommandError> {
        let network = self.vnet(vnet)?;
        match &network.gateway {
            None => {
                return Err(CommandError::NoGateway {
                    vnet: network.name.clone(),
                })
            }
            Some(gateway) if gateway.routing == Routing::Static => {
                return Err(CommandError::StaticRoutingCannotEnablePointToSite {
                    vnet: network.name.clone(),
                })
            }
            Some(_) => {}
        }
        if let Some(existing) = &network.point_to_site {
            return Err(CommandError::PointToSiteAlreadyEnabled {
                vnet: network.name.clone(),
                pool: existing.pool,
            });
        }
        let pool = parse_prefix(pool)?;
        self.check_pool(network, pool)?;
        let network = self.vnet_mut(vnet)?;
        network.point_to_site = Some(PointToSite {
            pool,
            certificates: Vec::new(),
        });
        Ok(Event::new(format!(
            "Enabled point-to-site on {} with the client pool {pool}",
            network.name
        )))
    }

    pub(super) fn disable_point_to_site(&mut self, vnet: VnetId) -> Result<Event, CommandError> {
        let network = self.vnet_mut(vnet)?;
        if network.point_to_site.take().is_none() {
            return Err(CommandError::PointToSiteNotEnabled {
                vnet: network.name.clone(),
            });
        }
        Ok(Event::new(format!(
            "Disabled point-to-site on {}",
            network.name
        )))
    }

    pub(super) fn link_site_to_site(
        &mut self,
        vnet: VnetId,
        local: LocalNetworkId,
    ) -> Result<Event, CommandError> {
        let network = self.vnet(vnet)?;
        let local_network = self.local(local)?;
        if network.gateway.is_none() {
            return Err(CommandError::NoGateway {
                vnet: network.name.clone(),
            });
        }
        if network.site_to_site.contains(&local) {
            return Err(CommandError::AlreadyLinked {
                vnet: network.name.clone(),
                local_network: local_network.name.clone(),
            });
        }
        for space in &local_network.address_space {
            if let Some(own) = network
                .address_space
                .iter()
                .find(|own| overlaps(own, space))
            {
                return Err(CommandError::OverlappingPrefixes {
                    owner: format!("{} and {}", network.name, local_network.name),
                    a: *own,
                    b: *space,
                });
            }
            if let Some(p2s) = network
                .point_to_site
                .as_ref()
                .filter(|p2s| overlaps(&p2s.pool, space))
            {
                return Err(CommandError::PoolOverlaps {
                    pool: p2s.pool,
                    other: *space,
                    owner: local_network.name.clone(),
                });
            }
        }
        let event = Event::new(format!(
            "Linked {} to the local network {} by site-to-site VPN; its web app connections need a sync",
            network.name, local_network.name
        ));
        self.vnet_mut(vnet)?.site_to_site.push(local);
        Ok(event)
    }

    pub(super) fn unlink_site_to_site(
        &mut self,
        vnet: VnetId,
        local: LocalNetworkId,
    ) -> Result<Event, CommandError> {
        let local_name = self.local(local)?.name.clone();
        let network = self.vnet_mut(vnet)?;
        if !network.site_to_site.contains(&local) {
            return Err(CommandError::NotLinked {
                vnet: network.name.clone(),
                local_network: local_name,
            });
        }
        network.site_to_site.retain(|id| *id != local);
        Ok(Event::new(format!(
            "Removed the site-to-site connection from {} to {local_name}",
            network.name
        )))
    }

    /// Refuses an address a VM or a private endpoint of `vnet` already has.
    pub(super) fn address_taken(
        &self,
        vnet: VnetId,
        address: Ipv4Addr,
    ) -> Result<(), CommandError> {
        let network = self.vnet(vnet)?;
        let holder = network.vm_at(address).map(|vm| &vm.host).or_else(|| {
            self.private_endpoints
                .values()
                .find(|endpoint| endpoint.vnet == vnet && endpoint.host.address == address)
                .map(|endpoint| &endpoint.host)
        });
        match holder {
            Some(host) => Err(CommandError::AddressInUse {
                address: address.to_string(),
                host: host.name.clone(),
            }),
            None => Ok(()),
        }
    }

    /// R10: a VM joins a VNet only here.
    pub(super) fn create_virtual_machine(
        &mut self,
        vnet: VnetId,
        subnet: &str,
        name: String,
        address: &str,
        names: &str,
        role: Option<Role>,
    ) -> Result<Event, CommandError> {
        let network = self.vnet(vnet)?;
        let name = resource_name(
            "virtual machine",
            &name,
            network
                .virtual_machines
                .iter()
                .map(|vm| vm.host.name.as_str()),
        )?;
        let subnet = network
            .subnet(subnet)
            .ok_or_else(|| CommandError::NotFound {
                kind: "subnet",
                id: format!("“{subnet}” in {}", network.name),
            })?
            .clone();
        let address = parse_address(address)?;
        if !subnet.prefix.contains(&address) {
            return Err(CommandError::AddressOutsideSubnet {
                address: address.to_string(),
                subnet: subnet.name,
                prefix: subnet.prefix,
            });
        }
        if subnet.delegation.is_some() {
            return Err(CommandError::DelegatedSubnet {
                subnet: subnet.name,
            });
        }
        self.address_taken(vnet, address)?;
        let id = VmId(self.allocate_id());
        let network = self.vnet_mut(vnet)?;
        let event = Event::new(format!(
            "Created the virtual machine {name} ({address}) in {}/{}",
            network.name, subnet.name
        ));
        network.virtual_machines.push(VirtualMachine {
            id,
            subnet: subnet.name,
            host: Host {
                name,
                address,
                host_names: host_names(names),
                open_ports: Vec::new(),
                role,
                ports_unknown: false,
            },
        });
        Ok(event)
    }

    pub(super) fn move_virtual_machine(
        &mut self,
        vnet: VnetId,
        vm: VmId,
    ) -> Result<Event, CommandError> {
        let name = self.vm(vnet, vm)?.host.name.clone();
        Err(CommandError::VirtualMachineCannotMove { vm: name })
    }

    pub(super) fn delete_virtual_machine(
        &mut self,
        vnet: VnetId,
        vm: VmId,
    ) -> Result<Event, CommandError> {
        let name = self.vm(vnet, vm)?.host.name.clone();
        let network = self.vnet_mut(vnet)?;
        network.virtual_machines.retain(|machine| machine.id != vm);
        Ok(Event::new(format!(
            "Deleted the virtual machine {name} from {}",
            network.name
        )))
    }

    fn vm(&self, vnet: VnetId, vm: VmId) -> Result<&VirtualMachine, CommandError> {
        self.vnet(vnet)?
            .virtual_machines
            .iter()
            .find(|machine| machine.id == vm)
            .ok_or_else(|| CommandError::NotFound {
                kind: "virtual machine",
                id: vm.to_string(),
            })
    }

    fn host_mut(&mut self, host: HostRef) -> Result<&mut Host, CommandError> {
        match host {
            HostRef::VirtualMachine(vnet, vm) => self
                .vnet_mut(vnet)?
                .virtual_machines
                .iter_mut()
                .find(|machine| machine.id == vm)
                .map(|machine| &mut machine.host)
                .ok_or_else(|| CommandError::NotFound {
                    kind: "virtual machine",
                    id: vm.to_string(),
                }),
            HostRef::Server(local, server) => self
                .local_mut(local)?
                .servers
                .iter_mut()
                .find(|entry| entry.id == server)
                .map(|entry| &mut entry.host)
                .ok_or_else(|| CommandError::NotFound {
                    kind: "server",
                    id: server.to_string(),
                }),
            HostRef::PrivateEndpoint(endpoint) => self
                .private_endpoints
                .get_mut(&endpoint)
                .map(|entry| &mut entry.host)
                .ok_or_else(|| CommandError::NotFound {
                    kind: "private endpoint",
                    id: endpoint.to_string(),
                }),
            HostRef::InternetHost(id) => self
                .internet_hosts
                .get_mut(&id)
                .map(|entry| &mut entry.host)
                .ok_or_else(|| CommandError::NotFound {
                    kind: "internet host",
                    id: id.to_string(),
                }),
        }
    }

    /// R20: the firewall of a VM or server.
    pub(super) fn set_port(
        &mut self,
        host: HostRef,
        rule: PortRule,
        open: bool,
    ) -> Result<Event, CommandError> {
        if rule.port == 0 {
            return Err(CommandError::InvalidPort { text: "0".into() });
        }
        let host = self.host_mut(host)?;
        let is_open = host.open_ports.contains(&rule);
        match (open, is_open) {
            (true, true) => Err(CommandError::PortAlreadyOpen {
                rule: rule.to_string(),
                host: host.name.clone(),
            }),
            (false, false) => Err(CommandError::PortNotOpen {
                rule: rule.to_string(),
                host: host.name.clone(),
            }),
            (true, false) => {
                host.open_ports.push(rule);
                host.open_ports.sort();
                Ok(Event::new(format!(
                    "Opened {rule} on the firewall of {}",
                    host.name
                )))
            }
            (false, true) => {
                host.open_ports.retain(|open| *open != rule);
                Ok(Event::new(format!(
                    "Closed {rule} on the firewall of {}",
                    host.name
                )))
            }
        }
    }

    pub(super) fn add_dns_record(
        &mut self,
        vnet: VnetId,
        vm: VmId,
        name: &str,
        address: &str,
    ) -> Result<Event, CommandError> {
        let address = parse_address(address)?;
        let name = name.trim().to_ascii_lowercase();
        if name.is_empty() || name.contains(char::is_whitespace) {
            return Err(CommandError::InvalidName {
                kind: "DNS record",
                name,
                problem: crate::model::input::names::NameProblem::Length { min: 1, max: 253 },
            });
        }
        let host = self.host_mut(HostRef::VirtualMachine(vnet, vm))?;
        let Some(Role::DnsServer { records }) = &mut host.role else {
            return Err(CommandError::NotADnsServer {
                vm: host.name.clone(),
            });
        };
        records.retain(|(record, _)| *record != name);
        records.push((name.clone(), address));
        Ok(Event::new(format!(
            "Added the A record {name} → {address} to {}",
            host.name
        )))
    }
}
