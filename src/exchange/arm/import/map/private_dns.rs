//! `privateDnsZones` (+ `/virtualNetworkLinks`, `/A`), `privateEndpoints` and their
//! `privateDnsZoneGroups`: a zone group creates the A record of the endpoint's private IP in
//! its zone, as Azure does.

use super::{split_child, Mapper};
use crate::exchange::arm::import::props::{items, last_name, name_after, text, type_of_id};
use crate::model::Command;

/// The public name of the service behind a private endpoint.
fn service_name(service_id: &str) -> String {
    let name = last_name(service_id);
    let suffix = match type_of_id(service_id)
        .unwrap_or_default()
        .to_ascii_lowercase()
        .as_str()
    {
        "microsoft.web/sites" => "azurewebsites.net",
        "microsoft.sql/servers" => "database.windows.net",
        "microsoft.storage/storageaccounts" => "blob.core.windows.net",
        "microsoft.keyvault/vaults" => "vault.azure.net",
        _ => "azure.net",
    };
    format!("{name}.{suffix}").to_ascii_lowercase()
}

impl Mapper<'_> {
    pub(super) fn private_dns(&mut self) -> Result<(), String> {
        for zone in self
            .of_type("Microsoft.Network/privateDnsZones")
            .collect::<Vec<_>>()
        {
            self.run(
                zone,
                "name",
                Command::CreatePrivateDnsZone {
                    name: zone.name.clone(),
                },
            )?;
            self.created("private DNS zone");
        }
        for link in self
            .of_type("Microsoft.Network/privateDnsZones/virtualNetworkLinks")
            .collect::<Vec<_>>()
        {
            let (zone_name, _) = split_child(&link.name);
            let zone = self
                .lab
                .private_dns_zones
                .values()
                .find(|z| z.name.eq_ignore_ascii_case(zone_name))
                .map(|z| z.id);
            let vnet = text(&link.body, "properties.virtualNetwork.id")
                .and_then(|id| name_after(id, "virtualNetworks"))
                .and_then(|name| self.vnet_id(name));
            match (zone, vnet) {
                (Some(zone), Some(vnet)) => {
                    self.run(
                        link,
                        "properties.virtualNetwork.id",
                        Command::LinkPrivateDnsZone { zone, vnet },
                    )?;
                    self.created("private DNS zone link");
                }
                _ => self.skip(
                    link,
                    "its zone or virtual network is neither in the template nor in the lab",
                ),
            }
        }
        for record in self
            .of_type("Microsoft.Network/privateDnsZones/A")
            .collect::<Vec<_>>()
        {
            let (zone_name, name) = split_child(&record.name);
            let Some(zone) = self
                .lab
                .private_dns_zones
                .values()
                .find(|z| z.name.eq_ignore_ascii_case(zone_name))
                .map(|z| z.id)
            else {
                self.skip(
                    record,
                    format!("its zone {zone_name} is neither in the template nor in the lab"),
                );
                continue;
            };
            for (i, a) in items(&record.body, "properties.aRecords")
                .iter()
                .enumerate()
            {
                let address = text(a, "ipv4Address").unwrap_or_default().to_string();
                self.run(
                    record,
                    &format!("properties.aRecords[{i}].ipv4Address"),
                    Command::AddZoneRecord {
                        zone,
                        name: name.to_string(),
                        address,
                    },
                )?;
                self.created("DNS record");
            }
        }
        for endpoint in self
            .of_type("Microsoft.Network/privateEndpoints")
            .collect::<Vec<_>>()
        {
            let subnet_id = text(&endpoint.body, "properties.subnet.id").unwrap_or_default();
            let Some((vnet, vnet_name, subnet)) =
                self.subnet_of(endpoint, subnet_id, "properties.subnet.id")
            else {
                continue;
            };
            let service = items(&endpoint.body, "properties.privateLinkServiceConnections")
                .iter()
                .chain(items(
                    &endpoint.body,
                    "properties.manualPrivateLinkServiceConnections",
                ))
                .find_map(|c| text(c, "properties.privateLinkServiceId"))
                .unwrap_or_default();
            let target = service_name(service);
            let stated = items(&endpoint.body, "properties.ipConfigurations")
                .iter()
                .find_map(|c| text(c, "properties.privateIPAddress"))
                .or_else(|| {
                    items(&endpoint.body, "properties.customDnsConfigs")
                        .iter()
                        .find_map(|c| items(c, "ipAddresses").first().and_then(|a| a.as_str()))
                });
            let address = match stated {
                Some(address) => address.to_string(),
                None => {
                    let free = self
                        .first_free(vnet_name, subnet)
                        .map(|a| a.to_string())
                        .unwrap_or_default();
                    self.note_placeholder(
                        endpoint,
                        "properties.ipConfigurations",
                        "dynamic private IP: the subnet's first free address",
                        &free,
                    );
                    free
                }
            };
            let stated = self
                .facts
                .and_then(|facts| facts.private_endpoints.get(&endpoint.name));
            let public_address = match stated {
                Some(facts) => facts.public_address.to_string(),
                None => {
                    let made_up =
                        format!("198.51.100.{}", self.lab.private_endpoints.len() % 250 + 1);
                    self.note_placeholder(
                        endpoint,
                        "properties.privateLinkServiceConnections",
                        "the service's public address",
                        &made_up,
                    );
                    made_up
                }
            };
            let command = Command::CreatePrivateEndpoint {
                vnet,
                subnet: subnet.to_string(),
                target: target.clone(),
                address: address.clone(),
                public_address,
            };
            self.run(endpoint, "properties.subnet.id", command)?;
            self.created("private endpoint");
            let groups: Vec<_> = self
                .of_type("Microsoft.Network/privateEndpoints/privateDnsZoneGroups")
                .filter(|g| split_child(&g.name).0.eq_ignore_ascii_case(&endpoint.name))
                .collect();
            for group in groups {
                for (i, config) in items(&group.body, "properties.privateDnsZoneConfigs")
                    .iter()
                    .enumerate()
                {
                    let zone_name = text(config, "properties.privateDnsZoneId")
                        .map(last_name)
                        .unwrap_or_default();
                    let Some(zone) = self
                        .lab
                        .private_dns_zones
                        .values()
                        .find(|z| z.name.eq_ignore_ascii_case(zone_name))
                        .map(|z| z.id)
                    else {
                        self.skip(
                            group,
                            format!(
                                "its zone {zone_name} is neither in the template nor in the lab"
                            ),
                        );
                        continue;
                    };
                    let label = target.split('.').next().unwrap_or_default().to_string();
                    let path = format!("properties.privateDnsZoneConfigs[{i}]");
                    self.run(
                        group,
                        &path,
                        Command::AddZoneRecord {
                            zone,
                            name: label,
                            address: address.clone(),
                        },
                    )?;
                    self.created("DNS record");
                }
            }
        }
        Ok(())
    }
}
