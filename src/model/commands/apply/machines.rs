//! `Microsoft.Compute/virtualMachines` in a subnet, the ports hosts listen on, and the DNS
//! records a VM's DNS server answers.

use super::lookup::{new_host, resource_name};
use crate::model::command::{Event, HostRef};
use crate::model::commands::error::CommandError;
use crate::model::entities::host::{Host, PortRule, Role};
use crate::model::entities::ids::{VmId, VnetId};
use crate::model::entities::network::VirtualMachine;
use crate::model::entities::subscription::Subscription;
use crate::model::input::addressing::parse_address;

impl Subscription {
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
            host: new_host(name, address, names, role),
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

    pub(super) fn vm(&self, vnet: VnetId, vm: VmId) -> Result<&VirtualMachine, CommandError> {
        self.vnet(vnet)?
            .virtual_machines
            .iter()
            .find(|machine| machine.id == vm)
            .ok_or_else(|| CommandError::NotFound {
                kind: "virtual machine",
                id: vm.to_string(),
            })
    }

    pub(super) fn host_mut(&mut self, host: HostRef) -> Result<&mut Host, CommandError> {
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
