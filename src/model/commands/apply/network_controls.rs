//! What sits on an integration subnet (SPEC §9): network security groups, route tables, NAT
//! gateways; and what names and addresses the app meets: private DNS zones, private endpoints,
//! internet hosts, `WEBSITE_DNS_SERVER` (R29–R32).

use std::net::Ipv4Addr;

use super::lookup::resource_name;
use super::lookup::SubnetLookup;
use crate::model::command::{Event, NextHopKind, SecurityRuleInput, Toward};
use crate::model::commands::error::CommandError;
use crate::model::entities::host::Host;
use crate::model::entities::ids::{
    InternetHostId, NatGatewayId, NsgId, PrivateDnsZoneId, PrivateEndpointId, RouteTableId, VnetId,
    WebAppId,
};
use crate::model::entities::private_dns::{InternetHost, PrivateDnsZone, PrivateEndpoint};
use crate::model::entities::region::Region;
use crate::model::entities::routing::{NatGateway, NextHop, RouteTable, UserRoute};
use crate::model::entities::security::{NetworkSecurityGroup, SecurityRule};
use crate::model::entities::subscription::Subscription;
use crate::model::input::addressing::{is_private_address, parse_address, parse_prefix};
use crate::model::input::rules::{parse_destination, parse_ports, parse_priority};

fn not_found(kind: &'static str, id: impl ToString) -> CommandError {
    CommandError::NotFound {
        kind,
        id: id.to_string(),
    }
}

/// A DNS name as Azure accepts one: dot-separated labels of letters, digits and hyphens.
fn dns_name(text: &str) -> Result<String, CommandError> {
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

/// What an association command puts on a subnet (`None` takes it off).
enum Association {
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
    fn nsg_mut(&mut self, id: NsgId) -> Result<&mut NetworkSecurityGroup, CommandError> {
        self.network_security_groups
            .get_mut(&id)
            .ok_or_else(|| not_found("network security group", id))
    }

    fn route_table_mut(&mut self, id: RouteTableId) -> Result<&mut RouteTable, CommandError> {
        self.route_tables
            .get_mut(&id)
            .ok_or_else(|| not_found("route table", id))
    }

    fn zone_mut(&mut self, id: PrivateDnsZoneId) -> Result<&mut PrivateDnsZone, CommandError> {
        self.private_dns_zones
            .get_mut(&id)
            .ok_or_else(|| not_found("private DNS zone", id))
    }

    /// The subnets a resource is associated with, as "appVnet/apps", for "still in use".
    fn subnets_using(
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

    pub(super) fn create_network_security_group(
        &mut self,
        name: &str,
        region: Region,
    ) -> Result<Event, CommandError> {
        let name = resource_name(
            "network security group",
            name,
            self.network_security_groups
                .values()
                .map(|n| n.name.as_str()),
        )?;
        let id = NsgId(self.allocate_id());
        let event = Event::new(format!(
            "Created the network security group {name} in {region}"
        ));
        self.network_security_groups.insert(
            id,
            NetworkSecurityGroup {
                id,
                name,
                region,
                rules: Vec::new(),
            },
        );
        Ok(event)
    }

    pub(super) fn delete_network_security_group(
        &mut self,
        nsg: NsgId,
    ) -> Result<Event, CommandError> {
        let name = self.nsg_mut(nsg)?.name.clone();
        let users = self.subnets_using(|subnet| subnet.network_security_group == Some(nsg));
        CommandError::unless_unused(format!("The network security group {name}"), users)?;
        self.network_security_groups.remove(&nsg);
        Ok(Event::new(format!(
            "Deleted the network security group {name}"
        )))
    }

    /// R30: a new or edited rule; two rules of one direction never share a priority.
    pub(super) fn set_security_rule(
        &mut self,
        nsg: NsgId,
        input: SecurityRuleInput,
        replacing: Option<String>,
    ) -> Result<Event, CommandError> {
        let group = self.nsg_mut(nsg)?;
        let group_name = group.name.clone();
        if let Some(old) = &replacing {
            group
                .rule(old)
                .ok_or_else(|| not_found("security rule", old))?;
        }
        let others = || {
            group.rules.iter().filter(|rule| {
                replacing
                    .as_ref()
                    .is_none_or(|old| !rule.name.eq_ignore_ascii_case(old))
            })
        };
        let name = resource_name(
            "security rule",
            &input.name,
            others().map(|rule| rule.name.as_str()),
        )?;
        let rule = SecurityRule {
            name,
            priority: parse_priority(&input.priority)?,
            direction: input.direction,
            access: input.access,
            protocol: input.protocol,
            destination: parse_destination(&input.destination)?,
            ports: parse_ports(&input.ports)?,
        };
        if let Some(clash) = others()
            .find(|other| other.direction == rule.direction && other.priority == rule.priority)
        {
            return Err(CommandError::DuplicatePriority {
                priority: rule.priority,
                rule: clash.name.clone(),
                nsg: group_name,
            });
        }
        let event = Event::new(format!(
            "{} the {} rule {rule} in {group_name}",
            if replacing.is_some() {
                "Changed"
            } else {
                "Added"
            },
            rule.direction.to_string().to_lowercase(),
        ));
        if let Some(old) = &replacing {
            group.rules.retain(|r| !r.name.eq_ignore_ascii_case(old));
        }
        group.rules.push(rule);
        group.sort_rules();
        Ok(event)
    }

    pub(super) fn remove_security_rule(
        &mut self,
        nsg: NsgId,
        name: &str,
    ) -> Result<Event, CommandError> {
        let group = self.nsg_mut(nsg)?;
        let before = group.rules.len();
        group
            .rules
            .retain(|rule| !rule.name.eq_ignore_ascii_case(name));
        if group.rules.len() == before {
            return Err(not_found(
                "security rule",
                format!("{name} in {}", group.name),
            ));
        }
        Ok(Event::new(format!(
            "Removed the rule {name} from {}",
            group.name
        )))
    }

    pub(super) fn move_security_rule(
        &mut self,
        nsg: NsgId,
        name: &str,
        toward: Toward,
    ) -> Result<Event, CommandError> {
        let group = self.nsg_mut(nsg)?;
        let rule = group
            .rule(name)
            .ok_or_else(|| not_found("security rule", format!("{name} in {}", group.name)))?
            .clone();
        // The rules of its direction, in evaluation order (kept sorted by priority).
        let order: Vec<usize> = (0..group.rules.len())
            .filter(|at| group.rules[*at].direction == rule.direction)
            .collect();
        let place = order
            .iter()
            .position(|at| group.rules[*at].name == rule.name)
            .expect("the rule is among its direction's rules");
        let neighbour = match toward {
            Toward::Earlier => place.checked_sub(1),
            Toward::Later => Some(place + 1).filter(|next| *next < order.len()),
        };
        let Some(neighbour) = neighbour.map(|at| order[at]) else {
            return Err(CommandError::RuleAtEnd {
                rule: rule.name,
                nsg: group.name.clone(),
                direction: rule.direction,
                first: toward == Toward::Earlier,
            });
        };
        let other = group.rules[neighbour].clone();
        let mine = order[place];
        group.rules[mine].priority = other.priority;
        group.rules[neighbour].priority = rule.priority;
        group.sort_rules();
        let place = match toward {
            Toward::Earlier => "above",
            Toward::Later => "below",
        };
        Ok(Event::new(format!(
            "Moved the rule {} {place} {} in {} ({} now has priority {}, {} has {})",
            rule.name, other.name, group.name, rule.name, other.priority, other.name, rule.priority
        )))
    }

    pub(super) fn create_route_table(
        &mut self,
        name: &str,
        region: Region,
    ) -> Result<Event, CommandError> {
        let name = resource_name(
            "route table",
            name,
            self.route_tables.values().map(|t| t.name.as_str()),
        )?;
        let id = RouteTableId(self.allocate_id());
        let event = Event::new(format!("Created the route table {name} in {region}"));
        self.route_tables.insert(
            id,
            RouteTable {
                id,
                name,
                region,
                routes: Vec::new(),
            },
        );
        Ok(event)
    }

    pub(super) fn delete_route_table(
        &mut self,
        table: RouteTableId,
    ) -> Result<Event, CommandError> {
        let name = self.route_table_mut(table)?.name.clone();
        let users = self.subnets_using(|subnet| subnet.route_table == Some(table));
        CommandError::unless_unused(format!("The route table {name}"), users)?;
        self.route_tables.remove(&table);
        Ok(Event::new(format!("Deleted the route table {name}")))
    }

    /// R31: one route per name and per prefix; a virtual appliance needs its address.
    pub(super) fn set_user_route(
        &mut self,
        table: RouteTableId,
        name: &str,
        prefix: &str,
        kind: NextHopKind,
        appliance: &str,
        replacing: Option<String>,
    ) -> Result<Event, CommandError> {
        let entry = self.route_table_mut(table)?;
        if let Some(old) = &replacing {
            entry
                .routes
                .iter()
                .find(|route| route.name.eq_ignore_ascii_case(old))
                .ok_or_else(|| not_found("route", old))?;
        }
        let keep = |route: &&UserRoute| {
            replacing
                .as_ref()
                .is_none_or(|old| !route.name.eq_ignore_ascii_case(old))
        };
        let name = resource_name(
            "route",
            name,
            entry.routes.iter().filter(keep).map(|r| r.name.as_str()),
        )?;
        let prefix = parse_prefix(prefix)?;
        if let Some(clash) = entry
            .routes
            .iter()
            .filter(keep)
            .find(|r| r.prefix == prefix)
        {
            return Err(CommandError::RouteTablePrefixExists {
                prefix,
                route_table: entry.name.clone(),
                route: clash.name.clone(),
            });
        }
        let next_hop = match kind {
            NextHopKind::VirtualAppliance if appliance.trim().is_empty() => {
                return Err(CommandError::NoApplianceAddress { route: name })
            }
            NextHopKind::VirtualAppliance => NextHop::VirtualAppliance(parse_address(appliance)?),
            NextHopKind::VirtualNetworkGateway => NextHop::VirtualNetworkGateway,
            NextHopKind::Internet => NextHop::Internet,
            NextHopKind::None => NextHop::None,
        };
        let event = Event::new(format!(
            "{} the route {name}: {prefix} to {next_hop}, in {}",
            if replacing.is_some() {
                "Changed"
            } else {
                "Added"
            },
            entry.name
        ));
        if let Some(old) = &replacing {
            entry.routes.retain(|r| !r.name.eq_ignore_ascii_case(old));
        }
        entry.routes.push(UserRoute {
            name,
            prefix,
            next_hop,
        });
        Ok(event)
    }

    pub(super) fn remove_user_route(
        &mut self,
        table: RouteTableId,
        name: &str,
    ) -> Result<Event, CommandError> {
        let entry = self.route_table_mut(table)?;
        let before = entry.routes.len();
        entry
            .routes
            .retain(|route| !route.name.eq_ignore_ascii_case(name));
        if entry.routes.len() == before {
            return Err(not_found("route", format!("{name} in {}", entry.name)));
        }
        Ok(Event::new(format!(
            "Removed the route {name} from {}",
            entry.name
        )))
    }

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

    /// Associates (or, with `None`, dissociates) a resource of the VNet's region with a subnet.
    fn associate(
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

    pub(super) fn associate_network_security_group(
        &mut self,
        vnet: VnetId,
        subnet: &str,
        nsg: Option<NsgId>,
    ) -> Result<Event, CommandError> {
        self.associate(vnet, subnet, Association::Nsg(nsg))
    }

    pub(super) fn associate_route_table(
        &mut self,
        vnet: VnetId,
        subnet: &str,
        table: Option<RouteTableId>,
    ) -> Result<Event, CommandError> {
        self.associate(vnet, subnet, Association::RouteTable(table))
    }

    pub(super) fn associate_nat_gateway(
        &mut self,
        vnet: VnetId,
        subnet: &str,
        nat: Option<NatGatewayId>,
    ) -> Result<Event, CommandError> {
        self.associate(vnet, subnet, Association::NatGateway(nat))
    }

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

    /// R32: `WEBSITE_DNS_SERVER`; empty text removes the setting.
    pub(super) fn set_dns_server_setting(
        &mut self,
        app: WebAppId,
        address: &str,
    ) -> Result<Event, CommandError> {
        let server: Option<Ipv4Addr> = if address.trim().is_empty() {
            None
        } else {
            Some(parse_address(address)?)
        };
        let web_app = self.app_mut(app)?;
        web_app.dns_server = server;
        Ok(Event::new(match server {
            Some(server) => format!("Set WEBSITE_DNS_SERVER of {} to {server}", web_app.name),
            None => format!("Removed WEBSITE_DNS_SERVER from {}", web_app.name),
        }))
    }
}

/// A host with a name and an address and nothing open yet.
fn public_host(name: String, address: Ipv4Addr) -> Host {
    Host {
        name,
        address,
        host_names: Vec::new(),
        open_ports: Vec::new(),
        role: None,
        ports_unknown: false,
    }
}
