//! `networkInterfaces` and `Microsoft.Compute/virtualMachines`: a virtual machine with the
//! NIC's private IP in its subnet, named after the VM that uses the NIC (a NIC without a VM is
//! one too). A dynamic IP takes the subnet's first free address, listed as a placeholder.

use super::Mapper;
use crate::exchange::arm::import::props::{items, text};
use crate::model::command::HostRef;
use crate::model::Command;

impl Mapper<'_> {
    pub(super) fn machines(&mut self) -> Result<(), String> {
        let vms: Vec<_> = self.of_type("Microsoft.Compute/virtualMachines").collect();
        for nic in self
            .of_type("Microsoft.Network/networkInterfaces")
            .collect::<Vec<_>>()
        {
            let Some(config) = items(&nic.body, "properties.ipConfigurations").first() else {
                self.skip(nic, "it has no properties.ipConfigurations");
                continue;
            };
            let subnet_id = text(config, "properties.subnet.id").unwrap_or_default();
            let Some((vnet, vnet_name, subnet)) =
                self.subnet_of(nic, subnet_id, "ipConfigurations[0].properties.subnet.id")
            else {
                continue;
            };
            let name = vms
                .iter()
                .find(|vm| {
                    items(&vm.body, "properties.networkProfile.networkInterfaces")
                        .iter()
                        .filter_map(|n| text(n, "id"))
                        .any(|id| id.eq_ignore_ascii_case(&nic.id))
                })
                .map_or_else(|| nic.name.clone(), |vm| vm.name.clone());
            let path = "properties.ipConfigurations[0].properties.privateIPAddress";
            let address = match text(config, "properties.privateIPAddress") {
                Some(address) => address.to_string(),
                None => {
                    let free = self
                        .first_free(vnet_name, subnet)
                        .map(|a| a.to_string())
                        .unwrap_or_default();
                    self.note_placeholder(
                        nic,
                        path,
                        "dynamic private IP: the subnet's first free address",
                        &free,
                    );
                    free
                }
            };
            let facts = self
                .facts
                .and_then(|facts| facts.virtual_machines.get(&nic.name));
            let name = facts.map_or(name, |facts| facts.name.clone());
            let command = Command::CreateVirtualMachine {
                vnet,
                subnet: subnet.to_string(),
                name: name.clone(),
                address,
                host_names: facts.map_or(String::new(), |f| f.host_names.join(",")),
                role: facts.and_then(|f| f.role.clone()),
            };
            self.run(nic, path, command)?;
            self.created("virtual machine");
            let Some(vm) = self.lab.virtual_networks.get_mut(&vnet).and_then(|v| {
                v.virtual_machines
                    .iter_mut()
                    .rfind(|vm| vm.host.name == name)
            }) else {
                continue;
            };
            match facts {
                Some(facts) => {
                    let host = HostRef::VirtualMachine(vnet, vm.id);
                    let path = format!("metadata.vnetLab.virtualMachines.{}.openPorts", nic.name);
                    for rule in &facts.open_ports {
                        self.run(nic, &path, Command::OpenPort { host, rule: *rule })?;
                    }
                }
                // A template cannot say which ports the VM opens: the check says so (R39).
                None => vm.host.ports_unknown = true,
            }
        }
        for vm in vms {
            let has_nic = items(&vm.body, "properties.networkProfile.networkInterfaces")
                .iter()
                .filter_map(|n| text(n, "id"))
                .any(|id| self.declared(id).is_some());
            if !has_nic {
                self.skip(vm, "its network interface is not in the template, so the lab cannot tell its address");
            }
        }
        Ok(())
    }
}
