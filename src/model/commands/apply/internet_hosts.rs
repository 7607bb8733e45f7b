//! Hosts on the public internet the app may reach, outside any VNet.

use super::lookup::{dns_name, not_found, public_host};
use crate::model::command::Event;
use crate::model::commands::error::CommandError;
use crate::model::entities::ids::InternetHostId;
use crate::model::entities::private_dns::InternetHost;
use crate::model::entities::subscription::Subscription;
use crate::model::input::addressing::{is_private_address, parse_address};

impl Subscription {
    pub(super) fn create_internet_host(
        &mut self,
        name: &str,
        address: &str,
    ) -> Result<Event, CommandError> {
        let name = dns_name(name)?;
        if self.internet_hosts.values().any(|h| h.host.name == name) {
            return Err(CommandError::DuplicateName {
                kind: "internet host",
                name,
            });
        }
        let address = parse_address(address)?;
        if is_private_address(address) {
            return Err(CommandError::NotPublic {
                what: format!("the internet host {name}"),
                address: address.to_string(),
            });
        }
        let id = InternetHostId(self.allocate_id());
        let event = Event::new(format!("Added the internet host {name} ({address})"));
        self.internet_hosts.insert(
            id,
            InternetHost {
                id,
                host: public_host(name, address),
            },
        );
        Ok(event)
    }

    pub(super) fn delete_internet_host(
        &mut self,
        id: InternetHostId,
    ) -> Result<Event, CommandError> {
        let host = self
            .internet_hosts
            .remove(&id)
            .ok_or_else(|| not_found("internet host", id))?;
        Ok(Event::new(format!(
            "Deleted the internet host {}",
            host.host.name
        )))
    }
}
