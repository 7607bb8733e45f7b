//! From the template's resources to the lab's own commands (R39), one file per Azure type,
//! applied in dependency order to a copy of the subscription. Commands look resources up by
//! id, so each step finds what an earlier one created by its name.

mod controls;
mod gateways;
mod lab_facts;
mod machines;
pub mod networks;
mod plans;
mod private_dns;
mod relays;
mod rule_source;
mod security_rules;
pub mod sites;

use std::net::Ipv4Addr;

use strum::VariantArray;

use super::props::{last_name, name_after, text};
use super::report::Report;
use super::template::{Resource, Skipped};
use crate::exchange::arm::lab_metadata::VnetLab;
use crate::model::entities::region::Region;
use crate::model::{Command, Subscription};

/// Every type the lab reads, lowercase; other types are listed and skipped.
pub const SUPPORTED_TYPES: &[&str] = &[
    "microsoft.web/serverfarms",
    "microsoft.web/sites",
    "microsoft.web/sites/config",
    "microsoft.web/sites/networkconfig",
    "microsoft.web/sites/virtualnetworkconnections",
    "microsoft.web/sites/hybridconnectionnamespaces/relays",
    "microsoft.relay/namespaces",
    "microsoft.relay/namespaces/hybridconnections",
    "microsoft.network/virtualnetworks",
    "microsoft.network/virtualnetworks/subnets",
    "microsoft.network/virtualnetworks/virtualnetworkpeerings",
    "microsoft.network/networksecuritygroups",
    "microsoft.network/networksecuritygroups/securityrules",
    "microsoft.network/routetables",
    "microsoft.network/routetables/routes",
    "microsoft.network/natgateways",
    "microsoft.network/publicipaddresses",
    "microsoft.network/virtualnetworkgateways",
    "microsoft.network/localnetworkgateways",
    "microsoft.network/connections",
    "microsoft.network/privatednszones",
    "microsoft.network/privatednszones/virtualnetworklinks",
    "microsoft.network/privatednszones/a",
    "microsoft.network/privateendpoints",
    "microsoft.network/privateendpoints/privatednszonegroups",
    "microsoft.network/networkinterfaces",
    "microsoft.compute/virtualmachines",
];

pub fn is_supported(resource_type: &str) -> bool {
    SUPPORTED_TYPES
        .iter()
        .any(|t| t.eq_ignore_ascii_case(resource_type))
}

pub struct Mapper<'r> {
    pub resources: &'r [Resource],
    pub children: sites::Children<'r>,
    /// `metadata.vnetLab` of the lab's own export: what the resources cannot say.
    pub facts: Option<&'r VnetLab>,
    /// Plans to scale to their own tier once everything is in place.
    pub scale_down: Vec<(&'r Resource, crate::model::entities::tier::Tier)>,
    pub lab: Subscription,
    pub report: Report,
}

/// Maps every supported resource; the first refusal names the resource and the property.
pub fn map(
    resources: &[Resource],
    lab: Subscription,
    report: Report,
    facts: Option<&VnetLab>,
) -> Result<(Subscription, Report), String> {
    let mut mapper = Mapper {
        resources,
        children: sites::Children::of(resources),
        facts,
        scale_down: Vec::new(),
        lab,
        report,
    };
    mapper.plans()?;
    mapper.network_controls()?;
    mapper.virtual_networks()?;
    mapper.drop_added_gateway_subnets()?;
    mapper.peerings()?;
    mapper.local_networks()?;
    mapper.gateways()?;
    mapper.connections()?;
    mapper.machines()?;
    mapper.sites()?;
    mapper.private_dns()?;
    mapper.relays()?;
    mapper.lab_facts()?;
    mapper.scale_plans_down();
    Ok((mapper.lab, mapper.report))
}

impl<'r> Mapper<'r> {
    pub fn of_type(&self, resource_type: &str) -> impl Iterator<Item = &'r Resource> + use<'r, '_> {
        let resource_type = resource_type.to_string();
        self.resources
            .iter()
            .filter(move |r| r.resource_type.eq_ignore_ascii_case(&resource_type))
    }

    /// The declared resource with this id, ignoring case.
    pub fn declared(&self, id: &str) -> Option<&'r Resource> {
        self.resources
            .iter()
            .find(|r| r.id.eq_ignore_ascii_case(id))
    }

    /// Applies one command; a refusal names the resource and the property it came from.
    pub fn run(
        &mut self,
        resource: &Resource,
        property: &str,
        command: Command,
    ) -> Result<(), String> {
        // A refusal ends the import, which drops this copy: no copy per command is needed.
        self.lab
            .apply_unguarded(command)
            .map(|_| ())
            .map_err(|error| format!("{} at {property}: {error}", describe(resource)))
    }

    pub fn created(&mut self, kind: &'static str) {
        *self.report.created.entry(kind).or_default() += 1;
    }

    pub fn skip(&mut self, resource: &Resource, reason: impl Into<String>) {
        self.report.skipped.push(Skipped {
            path: resource.path.clone(),
            resource_type: resource.resource_type.clone(),
            name: resource.name.clone(),
            reason: reason.into(),
        });
    }

    /// How a reason says that a resource the import needs is missing: skipped (with its own
    /// reason), or not declared at all.
    pub fn absent(&self, resource_type: &str, name: &str) -> String {
        self.report
            .skipped
            .iter()
            .find(|s| {
                s.resource_type.eq_ignore_ascii_case(resource_type)
                    && s.name.eq_ignore_ascii_case(name)
            })
            .map_or_else(
                || "is neither in the template nor in the lab".to_string(),
                |skipped| format!("is skipped ({})", skipped.reason),
            )
    }

    /// Skips a part of `resource` (a rule, a subnet's NSG, an integration): `name` says which
    /// part, so the report does not read as if the whole resource was skipped; `path` is the
    /// part's JSON path in the resource, empty for the resource itself.
    pub fn skip_part(
        &mut self,
        resource: &Resource,
        name: &str,
        path: &str,
        reason: impl Into<String>,
    ) {
        self.report.skipped.push(Skipped {
            path: if path.is_empty() {
                resource.path.clone()
            } else {
                format!("{}.{path}", resource.path)
            },
            resource_type: resource.resource_type.clone(),
            name: name.to_string(),
            reason: reason.into(),
        });
    }

    /// The resource's region, from a display name or a short name.
    pub fn region(&self, resource: &Resource) -> Result<Region, String> {
        match text(&resource.body, "location") {
            None => Ok(Region::default()),
            Some(location) => region_named(location).ok_or_else(|| {
                format!(
                    "{} at location: “{location}” is not an Azure public-cloud region: write its \
                     short name (westeurope) or the name the portal shows (West Europe)",
                    describe(resource)
                )
            }),
        }
    }

    /// The VNet (its lab id and name) and subnet a `…/virtualNetworks/<vnet>/subnets/<subnet>` id
    /// names, or None with the resource skipped for the reason: `property` is where the id was read.
    pub fn subnet_of<'i>(
        &mut self,
        resource: &Resource,
        id: &'i str,
        property: &str,
    ) -> Option<(crate::model::entities::ids::VnetId, &'i str, &'i str)> {
        let (Some(vnet_name), subnet) = (name_after(id, "virtualNetworks"), last_name(id)) else {
            self.skip(resource, format!("its {property} names no subnet"));
            return None;
        };
        let Some(vnet) = self.vnet_id(vnet_name) else {
            self.skip(
                resource,
                format!(
                    "its virtual network {vnet_name} is neither in the template nor in the lab"
                ),
            );
            return None;
        };
        Some((vnet, vnet_name, subnet))
    }

    pub fn vnet_id(&self, name: &str) -> Option<crate::model::entities::ids::VnetId> {
        self.lab.vnet_named(name).map(|v| v.id)
    }

    pub fn web_app_id(&self, name: &str) -> Option<crate::model::entities::ids::WebAppId> {
        self.lab.web_app_named(name).map(|a| a.id)
    }

    /// The first address of `subnet` that nothing holds, after Azure's five reserved: what a
    /// dynamic private IP gets.
    pub fn first_free(&self, vnet: &str, subnet: &str) -> Option<Ipv4Addr> {
        let network = self.lab.vnet_named(vnet)?;
        let prefix = network.subnet(subnet)?.prefix;
        let taken: Vec<Ipv4Addr> = network
            .virtual_machines
            .iter()
            .map(|vm| vm.host.address)
            .chain(self.lab.private_endpoints.values().map(|p| p.host.address))
            .collect();
        prefix
            .hosts()
            .skip(3)
            .take_while(|a| *a != prefix.broadcast())
            .find(|a| !taken.contains(a))
    }

    pub fn note_placeholder(
        &mut self,
        resource: &Resource,
        path: &str,
        function: &str,
        value: &str,
    ) {
        self.report.placeholders.push(super::template::Placeholder {
            at: format!("{} {path}", describe(resource)),
            function: function.into(),
            value: value.into(),
        });
    }
}

/// How the report and refusals name a resource: `resources[2] (Microsoft.Web/sites “app”)`.
pub fn describe(resource: &Resource) -> String {
    format!(
        "{} ({} “{}”)",
        resource.path, resource.resource_type, resource.name
    )
}

pub fn region_named(location: &str) -> Option<Region> {
    let squeezed: String = location.chars().filter(|c| !c.is_whitespace()).collect();
    Region::VARIANTS.iter().copied().find(|region| {
        region.arm_name().eq_ignore_ascii_case(&squeezed)
            || region.display_name().eq_ignore_ascii_case(location.trim())
    })
}

/// The name a child resource has under its parent: `vnet/apps` → (`vnet`, `apps`).
pub fn split_child(name: &str) -> (&str, &str) {
    name.rsplit_once('/').unwrap_or(("", name))
}

pub fn id_name(id: &str) -> &str {
    last_name(id)
}

/// `path.key`, or `key` when the part is the resource itself (`path` empty).
pub fn within(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// A service tag's shape (`AzureCloud`, `Sql.WestEurope`), as against a malformed address.
pub fn is_service_tag(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_alphabetic())
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}
