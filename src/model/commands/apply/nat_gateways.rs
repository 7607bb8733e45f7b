//! `Microsoft.Network/natGateways` with their public IP (R29).

use super::associations::Association;
use super::lookup::not_found;
use super::lookup::resource_name;
use crate::model::command::Event;
use crate::model::commands::error::CommandError;
use crate::model::entities::ids::{NatGatewayId, VnetId};
use crate::model::entities::region::Region;
use crate::model::entities::routing::NatGateway;
use crate::model::entities::subscription::Subscription;
use crate::model::input::addressing::{is_private_address, parse_address};

impl Subscription {
    pub(super) fn create_nat_gateway(
        &mut self,
        name: &str,
        region: Region,
        public_ip: &str,
    ) -> Result<Event, CommandError> {
        let name = resource_name(
            "NAT gateway",
            name,
            self.nat_gateways.values().map(|n| n.name.as_str()),
        )?;
        let public_ip = parse_address(public_ip)?;
        if is_private_address(public_ip) {
            return Err(CommandError::NotPublic {
                what: format!("the NAT gateway {name}"),
                address: public_ip.to_string(),
            });
        }
        let id = NatGatewayId(self.allocate_id());
        let event = Event::new(format!(
            "Created the NAT gateway {name} with the public IP {public_ip} in {region}"
        ));
        self.nat_gateways.insert(
            id,
            NatGateway {
                id,
                name,
                region,
                public_ip,
            },
        );
        Ok(event)
    }

    pub(super) fn delete_nat_gateway(&mut self, nat: NatGatewayId) -> Result<Event, CommandError> {
        let name = self
            .nat_gateways
            .get(&nat)
            .ok_or_else(|| not_found("NAT gateway", nat))?
            .name
            .clone();
        let users = self.subnets_using(|subnet| subnet.nat_gateway == Some(nat));
        CommandError::unless_unused(format!("The NAT gateway {name}"), users)?;
        self.nat_gateways.remove(&nat);
        Ok(Event::new(format!("Deleted the NAT gateway {name}")))
    }

    pub(super) fn associate_nat_gateway(
        &mut self,
        vnet: VnetId,
        subnet: &str,
        nat: Option<NatGatewayId>,
    ) -> Result<Event, CommandError> {
        self.associate(vnet, subnet, Association::NatGateway(nat))
    }
}
