//! `Microsoft.Network/privateEndpoints`: a service reached by a private address in a subnet.

use super::lookup::SubnetLookup;
use super::lookup::{dns_name, not_found, public_host};
use crate::model::command::Event;
use crate::model::commands::error::CommandError;
use crate::model::entities::host::Host;
use crate::model::entities::ids::{PrivateEndpointId, VnetId};
use crate::model::entities::private_dns::PrivateEndpoint;
use crate::model::entities::subscription::Subscription;
use crate::model::input::addressing::{is_private_address, parse_address};

impl Subscription {
    pub(super) fn create_private_endpoint(
        &mut self,
        vnet: VnetId,
        subnet: &str,
        target: &str,
        address: &str,
        public_address: &str,
    ) -> Result<Event, CommandError> {
        let target = dns_name(target)?;
        if self
            .private_endpoints
            .values()
            .any(|p| p.host.name == target)
        {
            return Err(CommandError::DuplicateName {
                kind: "private endpoint",
                name: target,
            });
        }
        let network = self.vnet(vnet)?;
        let chosen = network.subnet_or_refuse(subnet)?.clone();
        if chosen.is_gateway_subnet() {
            return Err(CommandError::PrivateEndpointInGatewaySubnet {
                vnet: network.name.clone(),
            });
        }
        if chosen.delegation.is_some() {
            return Err(CommandError::DelegatedSubnet {
                subnet: chosen.name,
            });
        }
        let address = parse_address(address)?;
        if !chosen.prefix.contains(&address) {
            return Err(CommandError::AddressOutsideSubnet {
                address: address.to_string(),
                subnet: chosen.name,
                prefix: chosen.prefix,
            });
        }
        self.address_taken(vnet, address)?;
        let public_address = parse_address(public_address)?;
        if is_private_address(public_address) {
            return Err(CommandError::NotPublic {
                what: format!("the public address of {target}"),
                address: public_address.to_string(),
            });
        }
        let event = Event::new(format!(
            "Created the private endpoint of {target} at {address} in {}/{}",
            self.vnet(vnet)?.name,
            chosen.name
        ));
        let id = PrivateEndpointId(self.allocate_id());
        self.private_endpoints.insert(
            id,
            PrivateEndpoint {
                id,
                vnet,
                subnet: chosen.name,
                host: Host {
                    address,
                    ..public_host(target, address)
                },
                public_address,
            },
        );
        Ok(event)
    }

    pub(super) fn delete_private_endpoint(
        &mut self,
        id: PrivateEndpointId,
    ) -> Result<Event, CommandError> {
        let endpoint = self
            .private_endpoints
            .remove(&id)
            .ok_or_else(|| not_found("private endpoint", id))?;
        Ok(Event::new(format!(
            "Deleted the private endpoint of {}",
            endpoint.host.name
        )))
    }
}
