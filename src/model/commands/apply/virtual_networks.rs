//! `Microsoft.Network/virtualNetworks` and their subnets: address space, DNS servers,
//! subnets and their delegation to `Microsoft.Web/serverFarms`.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::lookup::{resource_name, SubnetLookup};
use crate::model::command::Event;
use crate::model::commands::error::CommandError;
use crate::model::derived::integration::{integrated_app_label, integrated_apps};
use crate::model::entities::ids::VnetId;
use crate::model::entities::network::{Delegation, Subnet, VirtualNetwork, MAX_DNS_SERVERS};
use crate::model::entities::region::Region;
use crate::model::entities::subscription::Subscription;
use crate::model::input::addressing::{
    first_overlap, overlaps, parse_address, parse_addresses, parse_prefix, parse_prefixes,
};

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
        // The certificates issued for its connections go with it: no connection can use them.
        self.certificates.retain(|issued| issued.vnet != vnet);
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

    pub(super) fn subnet_named(
        &self,
        vnet: VnetId,
        subnet: &str,
    ) -> Result<(String, String), CommandError> {
        let network = self.vnet(vnet)?;
        let found = network.subnet_or_refuse(subnet)?;
        Ok((network.name.clone(), found.name.clone()))
    }

    pub(super) fn delete_subnet(
        &mut self,
        vnet: VnetId,
        subnet: &str,
    ) -> Result<Event, CommandError> {
        let (vnet_name, subnet) = self.subnet_named(vnet, subnet)?;
        let what = format!("The subnet {subnet} of {vnet_name}");
        self.check_no_regional_integration(vnet, Some(&subnet), what.clone())?;
        let network = self.vnet(vnet)?;
        let mut users: Vec<String> = network
            .virtual_machines
            .iter()
            .filter(|vm| vm.subnet == subnet)
            .map(|vm| vm.host.name.clone())
            .chain(
                self.private_endpoints
                    .values()
                    .filter(|endpoint| endpoint.vnet == vnet && endpoint.subnet == subnet)
                    .map(|endpoint| format!("the private endpoint of {}", endpoint.host.name)),
            )
            .collect();
        if network
            .subnet(&subnet)
            .is_some_and(|s| s.is_gateway_subnet())
            && network.gateway.is_some()
        {
            users.push(format!("the gateway of {vnet_name}"));
        }
        CommandError::unless_unused(what, users)?;
        self.vnet_mut(vnet)?.subnets.retain(|s| s.name != subnet);
        Ok(Event::new(format!(
            "Deleted the subnet {subnet} of {vnet_name}"
        )))
    }

    pub(super) fn delegate_subnet(
        &mut self,
        vnet: VnetId,
        subnet: &str,
    ) -> Result<Event, CommandError> {
        let (vnet_name, subnet) = self.subnet_named(vnet, subnet)?;
        let entry = self
            .vnet_mut(vnet)?
            .subnet_mut(&subnet)
            .expect("found above");
        if entry.delegation.is_some() {
            return Err(CommandError::AlreadyDelegated { subnet });
        }
        entry.delegation = Some(Delegation::ServerFarms);
        Ok(Event::new(format!(
            "Delegated the subnet {subnet} of {vnet_name} to {}",
            Delegation::ServerFarms
        )))
    }

    pub(super) fn remove_subnet_delegation(
        &mut self,
        vnet: VnetId,
        subnet: &str,
    ) -> Result<Event, CommandError> {
        let (vnet_name, subnet) = self.subnet_named(vnet, subnet)?;
        self.check_no_regional_integration(
            vnet,
            Some(&subnet),
            format!("The delegation of the subnet {subnet} of {vnet_name}"),
        )?;
        let entry = self
            .vnet_mut(vnet)?
            .subnet_mut(&subnet)
            .expect("found above");
        if entry.delegation.take().is_none() {
            return Err(CommandError::NotDelegated { subnet });
        }
        Ok(Event::new(format!(
            "Removed the delegation of the subnet {subnet} of {vnet_name}"
        )))
    }
}

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
