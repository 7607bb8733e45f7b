//! Finding entities by id and checking names, shared by every command.

use std::net::Ipv4Addr;

use crate::model::commands::error::CommandError;
use crate::model::entities::host::{Host, Role};
use crate::model::entities::hybrid::HybridConnection;
use crate::model::entities::ids::{HybridConnectionId, LocalNetworkId, PlanId, VnetId, WebAppId};
use crate::model::entities::local_network::LocalNetwork;
use crate::model::entities::network::{Subnet, VirtualNetwork};
use crate::model::entities::subscription::Subscription;
use crate::model::entities::web_app::{Plan, WebApp};
use crate::model::input::names::{check_resource_name, check_web_app_name};

pub(super) fn not_found(kind: &'static str, id: impl ToString) -> CommandError {
    CommandError::NotFound {
        kind,
        id: id.to_string(),
    }
}

impl Subscription {
    pub(super) fn allocate_id(&mut self) -> u32 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    pub(super) fn plan(&self, id: PlanId) -> Result<&Plan, CommandError> {
        self.plans.get(&id).ok_or_else(|| not_found("plan", id))
    }

    pub(super) fn app(&self, id: WebAppId) -> Result<&WebApp, CommandError> {
        self.web_apps
            .get(&id)
            .ok_or_else(|| not_found("web app", id))
    }

    pub(super) fn app_mut(&mut self, id: WebAppId) -> Result<&mut WebApp, CommandError> {
        self.web_apps
            .get_mut(&id)
            .ok_or_else(|| not_found("web app", id))
    }

    pub(super) fn vnet(&self, id: VnetId) -> Result<&VirtualNetwork, CommandError> {
        self.virtual_networks
            .get(&id)
            .ok_or_else(|| not_found("virtual network", id))
    }

    pub(super) fn vnet_mut(&mut self, id: VnetId) -> Result<&mut VirtualNetwork, CommandError> {
        self.virtual_networks
            .get_mut(&id)
            .ok_or_else(|| not_found("virtual network", id))
    }

    pub(super) fn local(&self, id: LocalNetworkId) -> Result<&LocalNetwork, CommandError> {
        self.local_networks
            .get(&id)
            .ok_or_else(|| not_found("local network", id))
    }

    pub(super) fn local_mut(
        &mut self,
        id: LocalNetworkId,
    ) -> Result<&mut LocalNetwork, CommandError> {
        self.local_networks
            .get_mut(&id)
            .ok_or_else(|| not_found("local network", id))
    }

    pub(super) fn hybrid(&self, id: HybridConnectionId) -> Result<&HybridConnection, CommandError> {
        self.hybrid_connections
            .get(&id)
            .ok_or_else(|| not_found("Hybrid Connection", id))
    }

    pub(super) fn hybrid_mut(
        &mut self,
        id: HybridConnectionId,
    ) -> Result<&mut HybridConnection, CommandError> {
        self.hybrid_connections
            .get_mut(&id)
            .ok_or_else(|| not_found("Hybrid Connection", id))
    }
}

/// A web app name: valid, and not already taken (`<name>.azurewebsites.net` is unique).
pub(super) fn web_app_name(
    subscription: &Subscription,
    name: &str,
) -> Result<String, CommandError> {
    let name = name.trim();
    check_web_app_name(name).map_err(|problem| CommandError::InvalidName {
        kind: "web app",
        name: name.to_string(),
        problem,
    })?;
    if subscription.web_app_named(name).is_some() {
        return Err(CommandError::DuplicateName {
            kind: "web app",
            name: name.to_string(),
        });
    }
    Ok(name.to_string())
}

/// A resource name: valid, and not among `taken` (compared without case, as Azure does).
pub(super) fn resource_name<'a>(
    kind: &'static str,
    name: &str,
    mut taken: impl Iterator<Item = &'a str>,
) -> Result<String, CommandError> {
    let name = name.trim();
    check_resource_name(name).map_err(|problem| CommandError::InvalidName {
        kind,
        name: name.to_string(),
        problem,
    })?;
    if taken.any(|other| other.eq_ignore_ascii_case(name)) {
        return Err(CommandError::DuplicateName {
            kind,
            name: name.to_string(),
        });
    }
    Ok(name.to_string())
}

/// Host names typed as a list, separated by commas or spaces.
pub(super) fn host_names(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|name| !name.is_empty())
        .map(str::to_string)
        .collect()
}

/// A subnet by name, or the refusal that names the VNet's subnets to pick from.
pub(super) trait SubnetLookup {
    fn subnet_or_refuse(&self, name: &str) -> Result<&Subnet, CommandError>;
}

impl SubnetLookup for VirtualNetwork {
    fn subnet_or_refuse(&self, name: &str) -> Result<&Subnet, CommandError> {
        self.subnet(name).ok_or_else(|| CommandError::NoSuchSubnet {
            subnet: name.to_string(),
            vnet: self.name.clone(),
            subnets: self.subnets.iter().map(|s| s.name.clone()).collect(),
        })
    }
}

/// A DNS name as Azure accepts one: dot-separated labels of letters, digits and hyphens.
pub(super) fn dns_name(text: &str) -> Result<String, CommandError> {
    let name = text.trim().trim_end_matches('.').to_ascii_lowercase();
    let valid_label = |label: &str| {
        (1..=63).contains(&label.len())
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    };
    if name.len() > 253 || !name.contains('.') || !name.split('.').all(valid_label) {
        return Err(CommandError::InvalidDnsName {
            text: text.trim().to_string(),
        });
    }
    Ok(name)
}

/// A host with a name and an address and nothing open yet.
pub(super) fn public_host(name: String, address: Ipv4Addr) -> Host {
    new_host(name, address, "", None)
}

/// A host as a command creates it: its typed host names, nothing open yet, its ports known.
pub(super) fn new_host(name: String, address: Ipv4Addr, names: &str, role: Option<Role>) -> Host {
    Host {
        name,
        address,
        host_names: host_names(names),
        open_ports: Vec::new(),
        role,
        ports_unknown: false,
    }
}
