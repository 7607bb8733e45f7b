//! Azure puts a VPN gateway in the VNet's `GatewaySubnet`; the lab's gateway needs none. A VNet
//! with a gateway and no such subnet is exported with one, in the first free /27 (else /28,
//! /29, the smallest Azure takes), and `metadata.vnetLab.addedGatewaySubnets` names it so the
//! import leaves it out again.

use ipnet::Ipv4Net;

use crate::model::derived::regional::free_prefix;
use crate::model::entities::network::VirtualNetwork;

/// The `GatewaySubnet` the export adds to `vnet`, if it adds one.
pub fn added_gateway_subnet(vnet: &VirtualNetwork) -> Option<Ipv4Net> {
    if vnet.gateway.is_none() || vnet.subnets.iter().any(|subnet| subnet.is_gateway_subnet()) {
        return None;
    }
    [27, 28, 29]
        .into_iter()
        .find_map(|len| free_prefix(vnet, len))
}
