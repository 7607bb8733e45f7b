//! The names the exported template and script give what the lab does not name itself: a
//! gateway, its public IP, a NIC, a peering, a link. The import reads them back, so they are
//! written here once (and listed in `metadata.vnetLab`'s documentation).

use std::collections::BTreeMap;

use crate::model::entities::ids::{VmId, VnetId};
use crate::model::entities::private_dns::PrivateEndpoint;
use crate::model::Subscription;

/// The virtual network gateway of a VNet: `<vnet>-gateway`.
pub fn gateway(vnet: &str) -> String {
    format!("{vnet}-gateway")
}

/// The public IP of a VNet's gateway: `<vnet>-gateway-ip`.
pub fn gateway_ip(vnet: &str) -> String {
    format!("{vnet}-gateway-ip")
}

/// The public IP of a NAT gateway: `<nat>-ip`.
pub fn nat_ip(nat: &str) -> String {
    format!("{nat}-ip")
}

/// A site-to-site connection: `<vnet>-to-<local>`; a peering, seen from `vnet`, the same way.
pub fn link(vnet: &str, other: &str) -> String {
    format!("{vnet}-to-{other}")
}

/// A private DNS zone's link to a VNet: `<vnet>-link`.
pub fn zone_link(vnet: &str) -> String {
    format!("{vnet}-link")
}

/// A private endpoint: its service's name with dots as hyphens, and `-pe`.
pub fn private_endpoint(endpoint: &PrivateEndpoint) -> String {
    format!("{}-pe", endpoint.host.name.replace('.', "-"))
}

/// The relay namespace of a web app's Hybrid Connections: `<app>-relay`. App names are
/// unique across Azure, so the namespace's is too.
pub fn relay_namespace(app: &str) -> String {
    format!("{app}-relay")
}

/// The NIC of every virtual machine: `<vm>-nic`, and `-2`, `-3` … for later VMs of the same
/// name, in the lab's order (VNets by id, then VMs as listed).
pub fn nics(subscription: &Subscription) -> BTreeMap<(VnetId, VmId), String> {
    let mut taken = BTreeMap::<String, u32>::new();
    let mut names = BTreeMap::new();
    for vnet in subscription.virtual_networks.values() {
        for vm in &vnet.virtual_machines {
            let base = format!("{}-nic", vm.host.name);
            let count = taken.entry(base.clone()).or_insert(0);
            *count += 1;
            let name = match *count {
                1 => base,
                n => format!("{base}-{n}"),
            };
            names.insert((vnet.id, vm.id), name);
        }
    }
    names
}
