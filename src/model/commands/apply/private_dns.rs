//! `Microsoft.Network/privateDnsZones`: their A records and virtual network links (R32).

use super::lookup::{dns_name, not_found};
use crate::model::command::Event;
use crate::model::commands::error::CommandError;
use crate::model::entities::ids::{PrivateDnsZoneId, VnetId};
use crate::model::entities::private_dns::PrivateDnsZone;
use crate::model::entities::subscription::Subscription;
use crate::model::input::addressing::parse_address;

impl Subscription {
    pub(super) fn zone_mut(
        &mut self,
        id: PrivateDnsZoneId,
    ) -> Result<&mut PrivateDnsZone, CommandError> {
        self.private_dns_zones
            .get_mut(&id)
            .ok_or_else(|| not_found("private DNS zone", id))
    }

    pub(super) fn create_private_dns_zone(&mut self, name: &str) -> Result<Event, CommandError> {
        let name = dns_name(name)?;
        if self.private_dns_zones.values().any(|z| z.name == name) {
            return Err(CommandError::DuplicateName {
                kind: "private DNS zone",
                name,
            });
        }
        let id = PrivateDnsZoneId(self.allocate_id());
        let event = Event::new(format!("Created the private DNS zone {name}"));
        self.private_dns_zones.insert(
            id,
            PrivateDnsZone {
                id,
                name,
                records: Vec::new(),
                links: Vec::new(),
            },
        );
        Ok(event)
    }

    pub(super) fn delete_private_dns_zone(
        &mut self,
        id: PrivateDnsZoneId,
    ) -> Result<Event, CommandError> {
        let zone = self
            .private_dns_zones
            .get(&id)
            .ok_or_else(|| not_found("private DNS zone", id))?;
        let name = zone.name.clone();
        let links: Vec<String> = zone
            .links
            .iter()
            .filter_map(|vnet| self.virtual_networks.get(vnet))
            .map(|vnet| format!("the link to {}", vnet.name))
            .collect();
        CommandError::unless_unused(format!("The private DNS zone {name}"), links)?;
        self.private_dns_zones.remove(&id);
        Ok(Event::new(format!("Deleted the private DNS zone {name}")))
    }

    pub(super) fn add_zone_record(
        &mut self,
        id: PrivateDnsZoneId,
        name: &str,
        address: &str,
    ) -> Result<Event, CommandError> {
        let address = parse_address(address)?;
        let zone = self.zone_mut(id)?;
        let record = name.trim().trim_end_matches('.').to_ascii_lowercase();
        let valid = !record.is_empty()
            && record.split('.').all(|label| {
                !label.is_empty()
                    && label
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            });
        if !valid {
            return Err(CommandError::InvalidDnsName {
                text: name.trim().to_string(),
            });
        }
        if zone.records.iter().any(|(existing, _)| *existing == record) {
            return Err(CommandError::DuplicateRecord {
                name: record,
                zone: zone.name.clone(),
            });
        }
        let event = Event::new(format!(
            "Added the A record {record}.{} → {address}",
            zone.name
        ));
        zone.records.push((record, address));
        Ok(event)
    }

    pub(super) fn remove_zone_record(
        &mut self,
        id: PrivateDnsZoneId,
        name: &str,
    ) -> Result<Event, CommandError> {
        let zone = self.zone_mut(id)?;
        let before = zone.records.len();
        zone.records
            .retain(|(record, _)| !record.eq_ignore_ascii_case(name.trim()));
        if zone.records.len() == before {
            return Err(not_found(
                "DNS record",
                format!("{} in {}", name.trim(), zone.name),
            ));
        }
        Ok(Event::new(format!(
            "Removed the record {} from {}",
            name.trim(),
            zone.name
        )))
    }

    /// R32: Azure DNS answers a zone's records only to the VNets linked to it.
    pub(super) fn link_private_dns_zone(
        &mut self,
        id: PrivateDnsZoneId,
        vnet: VnetId,
        link: bool,
    ) -> Result<Event, CommandError> {
        let vnet_name = self.vnet(vnet)?.name.clone();
        let zone = self.zone_mut(id)?;
        let linked = zone.links.contains(&vnet);
        match (link, linked) {
            (true, true) => Err(CommandError::AlreadyLinkedZone {
                zone: zone.name.clone(),
                vnet: vnet_name,
            }),
            (false, false) => Err(CommandError::ZoneNotLinked {
                zone: zone.name.clone(),
                vnet: vnet_name,
            }),
            (true, false) => {
                zone.links.push(vnet);
                Ok(Event::new(format!(
                    "Linked the private DNS zone {} to {vnet_name}",
                    zone.name
                )))
            }
            (false, true) => {
                zone.links.retain(|v| *v != vnet);
                Ok(Event::new(format!(
                    "Removed the link of the private DNS zone {} to {vnet_name}",
                    zone.name
                )))
            }
        }
    }
}
