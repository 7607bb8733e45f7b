//! What a subnet is associated with: a network security group, a route table, a NAT gateway
//! of the VNet's region (SPEC §9).

use super::lookup::not_found;
use super::lookup::SubnetLookup;
use crate::model::command::Event;
use crate::model::commands::error::CommandError;
use crate::model::entities::ids::{NatGatewayId, NsgId, RouteTableId, VnetId};
use crate::model::entities::region::Region;
use crate::model::entities::subscription::Subscription;

/// What an association command puts on a subnet (`None` takes it off).
pub(super) enum Association {
    Nsg(Option<NsgId>),
    RouteTable(Option<RouteTableId>),
    NatGateway(Option<NatGatewayId>),
}

impl Association {
    fn kind(&self) -> &'static str {
        match self {
            Association::Nsg(_) => "network security group",
            Association::RouteTable(_) => "route table",
            Association::NatGateway(_) => "NAT gateway",
        }
    }

    fn names_one(&self) -> bool {
        matches!(
            self,
            Association::Nsg(Some(_))
                | Association::RouteTable(Some(_))
                | Association::NatGateway(Some(_))
        )
    }
}

impl Subscription {
    /// The subnets a resource is associated with, as "appVnet/apps", for "still in use".
    pub(super) fn subnets_using(
        &self,
        uses: impl Fn(&crate::model::entities::network::Subnet) -> bool,
    ) -> Vec<String> {
        self.virtual_networks
            .values()
            .flat_map(|vnet| {
                vnet.subnets
                    .iter()
                    .filter(|subnet| uses(subnet))
                    .map(move |subnet| format!("{}/{}", vnet.name, subnet.name))
            })
            .collect()
    }

    /// Associates (or, with `None`, dissociates) a resource of the VNet's region with a subnet.
    pub(super) fn associate(
        &mut self,
        vnet: VnetId,
        subnet: &str,
        association: Association,
    ) -> Result<Event, CommandError> {
        let network = self.vnet(vnet)?;
        let (vnet_name, vnet_region) = (network.name.clone(), network.region);
        let subnet_name = network.subnet_or_refuse(subnet)?.name.clone();
        // The resource being associated: its kind, name and region (`None` to dissociate).
        let resource: Option<(&str, String, Region)> = match &association {
            Association::Nsg(Some(id)) => self
                .network_security_groups
                .get(id)
                .map(|nsg| (association.kind(), nsg.name.clone(), nsg.region)),
            Association::RouteTable(Some(id)) => self
                .route_tables
                .get(id)
                .map(|table| (association.kind(), table.name.clone(), table.region)),
            Association::NatGateway(Some(id)) => self
                .nat_gateways
                .get(id)
                .map(|nat| (association.kind(), nat.name.clone(), nat.region)),
            _ => None,
        };
        if association.names_one() && resource.is_none() {
            return Err(not_found(association.kind(), "chosen"));
        }
        if let Some((kind, name, region)) = &resource {
            if *region != vnet_region {
                return Err(CommandError::OtherRegion {
                    resource: format!("The {kind} {name}"),
                    region: *region,
                    vnet: vnet_name,
                    vnet_region,
                });
            }
        }
        let summary = match &resource {
            Some((kind, name, _)) => {
                format!("Associated the {kind} {name} with the subnet {vnet_name}/{subnet_name}")
            }
            None => format!(
                "Removed the {} of the subnet {vnet_name}/{subnet_name}",
                association.kind()
            ),
        };
        let entry = self
            .vnet_mut(vnet)?
            .subnet_mut(&subnet_name)
            .expect("found above");
        match association {
            Association::Nsg(id) => entry.network_security_group = id,
            Association::RouteTable(id) => entry.route_table = id,
            Association::NatGateway(id) => entry.nat_gateway = id,
        }
        Ok(Event::new(summary))
    }
}
