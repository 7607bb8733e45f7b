//! `Microsoft.Network/virtualNetworks/virtualNetworkPeerings`: both sides at once.

use crate::model::command::Event;
use crate::model::commands::error::CommandError;
use crate::model::entities::ids::VnetId;
use crate::model::entities::subscription::Subscription;
use crate::model::input::addressing::overlaps;

impl Subscription {
    /// R33: both sides are peered at once; overlapping address spaces cannot be peered.
    pub(super) fn peer_virtual_networks(
        &mut self,
        vnet: VnetId,
        remote: VnetId,
    ) -> Result<Event, CommandError> {
        let local = self.vnet(vnet)?;
        let other = self.vnet(remote)?;
        if vnet == remote {
            return Err(CommandError::PeeringToItself {
                vnet: local.name.clone(),
            });
        }
        if local.peerings.contains(&remote) {
            return Err(CommandError::AlreadyPeered {
                vnet: local.name.clone(),
                remote: other.name.clone(),
            });
        }
        for own in &local.address_space {
            if let Some(theirs) = other.address_space.iter().find(|p| overlaps(own, p)) {
                return Err(CommandError::OverlappingPrefixes {
                    owner: format!("{} and {}", local.name, other.name),
                    a: *own,
                    b: *theirs,
                });
            }
        }
        let scope = if local.region == other.region {
            format!("in {}", local.region)
        } else {
            format!("global peering, {} to {}", local.region, other.region)
        };
        let event = Event::new(format!(
            "Peered {} with {} ({scope})",
            local.name, other.name
        ));
        self.vnet_mut(vnet)?.peerings.push(remote);
        self.vnet_mut(remote)?.peerings.push(vnet);
        Ok(event)
    }

    pub(super) fn remove_peering(
        &mut self,
        vnet: VnetId,
        remote: VnetId,
    ) -> Result<Event, CommandError> {
        let local = self.vnet(vnet)?;
        let other_name = self.vnet(remote)?.name.clone();
        if !local.peerings.contains(&remote) {
            return Err(CommandError::NotPeered {
                vnet: local.name.clone(),
                remote: other_name,
            });
        }
        let event = Event::new(format!(
            "Removed the peering between {} and {other_name}",
            local.name
        ));
        self.vnet_mut(vnet)?.peerings.retain(|p| *p != remote);
        self.vnet_mut(remote)?.peerings.retain(|p| *p != vnet);
        Ok(event)
    }
}
