//! The ARM deployment template of a subscription (R38): every resource of SPEC §11's table at
//! its apiVersion, in dependency order, with ids written as `resourceId(…)` and what ARM cannot
//! say under `metadata.vnetLab`. The same state writes the same bytes: serde_json's maps sort
//! their keys, and resources follow the lab's ordered maps.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use serde::ser::SerializeSeq;
use serde_json::{json, Map, Value};

use crate::exchange::arm::writer::{Document, Resources};
use crate::exchange::arm::MAX_TEMPLATE_BYTES;
use crate::exchange::gateway_subnet::added_gateway_subnet;
use crate::exchange::names;
use crate::exchange::relays::{relay_namespaces, RelayNamespace};
use crate::exchange::services::service;
use crate::exchange::sku::{plan_kind, sku_name, sku_tier};
use crate::model::entities::network::{Routing, Subnet, VirtualNetwork, GATEWAY_SUBNET};
use crate::model::entities::region::Region;
use crate::model::entities::routing::NextHop;
use crate::model::entities::security::{Destination, RuleProtocol};
use crate::model::Subscription;

pub const SCHEMA: &str =
    "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
pub const CONTENT_VERSION: &str = "1.0.0.0";

/// The apiVersions of SPEC §11's table.
pub const WEB_API: &str = "2024-11-01";
pub const NETWORK_API: &str = "2024-05-01";
pub const PRIVATE_DNS_API: &str = "2024-06-01";
pub const RELAY_API: &str = "2024-01-01";
/// The authorization rule Azure creates with every relay namespace (Listen, Send, Manage).
const RELAY_ROOT_KEY: &str = "RootManageSharedAccessKey";

pub const SERVER_FARMS: &str = "Microsoft.Web/serverfarms";
pub const SITES: &str = "Microsoft.Web/sites";
pub const SITE_VNET_CONNECTIONS: &str = "Microsoft.Web/sites/virtualNetworkConnections";
pub const SITE_RELAYS: &str = "Microsoft.Web/sites/hybridConnectionNamespaces/relays";
pub const RELAY_NAMESPACES: &str = "Microsoft.Relay/namespaces";
pub const RELAY_HYBRID_CONNECTIONS: &str = "Microsoft.Relay/namespaces/hybridConnections";
pub const VIRTUAL_NETWORKS: &str = "Microsoft.Network/virtualNetworks";
pub const SUBNETS: &str = "Microsoft.Network/virtualNetworks/subnets";
pub const PEERINGS: &str = "Microsoft.Network/virtualNetworks/virtualNetworkPeerings";
pub const NSGS: &str = "Microsoft.Network/networkSecurityGroups";
pub const ROUTE_TABLES: &str = "Microsoft.Network/routeTables";
pub const NAT_GATEWAYS: &str = "Microsoft.Network/natGateways";
pub const PUBLIC_IPS: &str = "Microsoft.Network/publicIPAddresses";
pub const GATEWAYS: &str = "Microsoft.Network/virtualNetworkGateways";
pub const LOCAL_GATEWAYS: &str = "Microsoft.Network/localNetworkGateways";
pub const CONNECTIONS: &str = "Microsoft.Network/connections";
pub const ZONES: &str = "Microsoft.Network/privateDnsZones";
pub const ZONE_LINKS: &str = "Microsoft.Network/privateDnsZones/virtualNetworkLinks";
pub const ZONE_A: &str = "Microsoft.Network/privateDnsZones/A";
pub const PRIVATE_ENDPOINTS: &str = "Microsoft.Network/privateEndpoints";
pub const NICS: &str = "Microsoft.Network/networkInterfaces";

/// A string in an ARM expression: single-quoted, a quote doubled.
fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// `[resourceId('Type', 'name', …)]`.
pub fn resource_id(resource_type: &str, names: &[&str]) -> String {
    format!("[{}]", resource_id_call(resource_type, names))
}

/// `resourceId('Type', 'name', …)`, to use inside a larger expression.
fn resource_id_call(resource_type: &str, names: &[&str]) -> String {
    let names: Vec<String> = names.iter().map(|name| quoted(name)).collect();
    format!(
        "resourceId({}, {})",
        quoted(resource_type),
        names.join(", ")
    )
}

/// A literal value: one starting with `[` would be read as an expression, so it is escaped.
fn literal(text: &str) -> String {
    if text.starts_with('[') {
        format!("[{text}")
    } else {
        text.to_string()
    }
}

fn id(resource_type: &str, names: &[&str]) -> Value {
    json!({ "id": resource_id(resource_type, names) })
}

/// One resource; `depends` as `(type, names)`, sorted and without repeats.
fn resource(
    resource_type: &str,
    api_version: &str,
    name: &str,
    location: Option<&str>,
    depends: Vec<String>,
    mut body: Map<String, Value>,
) -> Value {
    body.insert("type".into(), json!(resource_type));
    body.insert("apiVersion".into(), json!(api_version));
    body.insert("name".into(), json!(literal(name)));
    if let Some(location) = location {
        body.insert("location".into(), json!(location));
    }
    let mut depends = depends;
    depends.sort();
    depends.dedup();
    if !depends.is_empty() {
        body.insert("dependsOn".into(), json!(depends));
    }
    Value::Object(body)
}

fn properties(properties: Value) -> Map<String, Value> {
    let mut body = Map::new();
    body.insert("properties".into(), properties);
    body
}

fn with_sku(mut body: Map<String, Value>, sku: Value) -> Map<String, Value> {
    body.insert("sku".into(), sku);
    body
}

/// The template as a JSON value.
pub fn template(subscription: &Subscription) -> Value {
    serde_json::to_value(Document::of(subscription)).unwrap_or(Value::Null)
}

/// The template as the file downloads it: indented, ending in a newline. A subscription whose
/// indented template would be over the 5 MB the import reads is written without indentation
/// (a third of the bytes are spaces), so the lab's own export always comes back.
pub fn template_text(subscription: &Subscription) -> String {
    written_template(subscription).0
}

/// [`template_text`], and how many resources it declares (for ARM's limits, [`super::limits`]).
pub fn written_template(subscription: &Subscription) -> (String, usize) {
    let document = Document::of(subscription);
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    if text.len() >= MAX_TEMPLATE_BYTES {
        text = serde_json::to_string(&document).unwrap_or_default();
    }
    text.push('\n');
    (text, document.written.get())
}

/// Every resource, in dependency order.
pub(super) fn every_resource(
    subscription: &Subscription,
    resources: &mut Resources<impl SerializeSeq>,
) {
    network_controls(subscription, resources);
    virtual_networks(subscription, resources);
    gateways(subscription, resources);
    machines_and_endpoints(subscription, resources);
    private_dns(subscription, resources);
    apps(subscription, resources);
    hybrid_connections(subscription, resources);
}

/// The parameter of the site-to-site connections' pre-shared key: a secret the lab never holds.
pub const SHARED_KEY: &str = "vpnSharedKey";

/// The template's `parameters`: the VPN's shared key, when a site-to-site connection needs it.
pub(super) fn parameters(subscription: &Subscription) -> Option<Value> {
    let site_to_site = subscription
        .virtual_networks
        .values()
        .any(|vnet| vnet.gateway.is_some() && !vnet.site_to_site.is_empty());
    site_to_site.then(|| {
        json!({ SHARED_KEY: {
            "type": "securestring",
            "metadata": { "description": "The pre-shared key of the site-to-site connections: the key your on-premises VPN device is set up with" },
        }})
    })
}

fn location(region: Region) -> Option<&'static str> {
    Some(region.arm_name())
}

fn network_controls(subscription: &Subscription, resources: &mut Resources<impl SerializeSeq>) {
    for nsg in subscription.network_security_groups.values() {
        let rules: Vec<Value> = nsg
            .rules
            .iter()
            .map(|rule| {
                json!({
                    "name": rule.name,
                    "properties": {
                        "priority": rule.priority,
                        "direction": rule.direction.to_string(),
                        "access": rule.access.to_string(),
                        "protocol": nsg_protocol(rule.protocol),
                        "sourceAddressPrefix": "*",
                        "sourcePortRange": "*",
                        "destinationAddressPrefix": nsg_destination(rule.destination),
                        "destinationPortRange": nsg_ports(rule.ports),
                    }
                })
            })
            .collect();
        resources.push(resource(
            NSGS,
            NETWORK_API,
            &nsg.name,
            location(nsg.region),
            Vec::new(),
            properties(json!({ "securityRules": rules })),
        ));
    }
    for table in subscription.route_tables.values() {
        let routes: Vec<Value> = table
            .routes
            .iter()
            .map(|route| {
                let mut props = Map::new();
                props.insert("addressPrefix".into(), json!(route.prefix.to_string()));
                props.insert("nextHopType".into(), json!(next_hop_type(route.next_hop)));
                if let NextHop::VirtualAppliance(address) = route.next_hop {
                    props.insert("nextHopIpAddress".into(), json!(address.to_string()));
                }
                json!({ "name": route.name, "properties": props })
            })
            .collect();
        resources.push(resource(
            ROUTE_TABLES,
            NETWORK_API,
            &table.name,
            location(table.region),
            Vec::new(),
            properties(json!({ "routes": routes })),
        ));
    }
    for nat in subscription.nat_gateways.values() {
        let ip = names::nat_ip(&nat.name);
        resources.push(public_ip(&ip, nat.region, Some(nat.public_ip.to_string())));
        resources.push(resource(
            NAT_GATEWAYS,
            NETWORK_API,
            &nat.name,
            location(nat.region),
            vec![resource_id(PUBLIC_IPS, &[&ip])],
            with_sku(
                properties(json!({ "publicIpAddresses": [id(PUBLIC_IPS, &[&ip])] })),
                json!({ "name": "Standard" }),
            ),
        ));
    }
}

pub fn nsg_protocol(protocol: RuleProtocol) -> &'static str {
    match protocol {
        RuleProtocol::Tcp => "Tcp",
        RuleProtocol::Udp => "Udp",
        RuleProtocol::Any => "*",
    }
}

pub fn nsg_destination(destination: Destination) -> String {
    match destination {
        Destination::Any => "*".into(),
        Destination::Prefix(prefix) => prefix.to_string(),
        Destination::Tag(tag) => tag.to_string(),
    }
}

pub fn nsg_ports(ports: Option<crate::model::entities::security::PortRange>) -> String {
    match ports {
        None => "*".into(),
        Some(range) if range.from == range.to => range.from.to_string(),
        Some(range) => format!("{}-{}", range.from, range.to),
    }
}

pub fn next_hop_type(next_hop: NextHop) -> &'static str {
    match next_hop {
        NextHop::VirtualAppliance(_) => "VirtualAppliance",
        NextHop::VirtualNetworkGateway => "VirtualNetworkGateway",
        NextHop::Internet => "Internet",
        NextHop::None => "None",
    }
}

fn public_ip(name: &str, region: Region, address: Option<String>) -> Value {
    let mut props = Map::new();
    props.insert("publicIPAllocationMethod".into(), json!("Static"));
    props.insert("publicIPAddressVersion".into(), json!("IPv4"));
    if let Some(address) = address {
        props.insert("ipAddress".into(), json!(address));
    }
    resource(
        PUBLIC_IPS,
        NETWORK_API,
        name,
        location(region),
        Vec::new(),
        with_sku(
            properties(Value::Object(props)),
            json!({ "name": "Standard" }),
        ),
    )
}

fn subnet_value(subscription: &Subscription, vnet: &VirtualNetwork) -> (Vec<Value>, Vec<String>) {
    let mut depends = Vec::new();
    let added = added_gateway_subnet(vnet).map(|prefix| Subnet {
        name: GATEWAY_SUBNET.to_string(),
        prefix,
        delegation: None,
        network_security_group: None,
        route_table: None,
        nat_gateway: None,
    });
    let subnets = vnet
        .subnets
        .iter()
        .chain(added.as_ref())
        .map(|subnet| {
            let mut props = Map::new();
            props.insert("addressPrefix".into(), json!(subnet.prefix.to_string()));
            if let Some(delegation) = subnet.delegation {
                props.insert(
                    "delegations".into(),
                    json!([{ "name": "delegation", "properties": { "serviceName": delegation.to_string() } }]),
                );
            }
            if let Some(nsg) = subnet
                .network_security_group
                .and_then(|nsg| subscription.network_security_groups.get(&nsg))
            {
                props.insert("networkSecurityGroup".into(), id(NSGS, &[&nsg.name]));
                depends.push(resource_id(NSGS, &[&nsg.name]));
            }
            if let Some(table) = subnet
                .route_table
                .and_then(|table| subscription.route_tables.get(&table))
            {
                props.insert("routeTable".into(), id(ROUTE_TABLES, &[&table.name]));
                depends.push(resource_id(ROUTE_TABLES, &[&table.name]));
            }
            if let Some(nat) = subnet
                .nat_gateway
                .and_then(|nat| subscription.nat_gateways.get(&nat))
            {
                props.insert("natGateway".into(), id(NAT_GATEWAYS, &[&nat.name]));
                depends.push(resource_id(NAT_GATEWAYS, &[&nat.name]));
            }
            json!({ "name": subnet.name, "properties": props })
        })
        .collect();
    (subnets, depends)
}

fn virtual_networks(subscription: &Subscription, resources: &mut Resources<impl SerializeSeq>) {
    for vnet in subscription.virtual_networks.values() {
        let (subnets, depends) = subnet_value(subscription, vnet);
        let mut props = Map::new();
        let prefixes: Vec<String> = vnet.address_space.iter().map(ToString::to_string).collect();
        props.insert(
            "addressSpace".into(),
            json!({ "addressPrefixes": prefixes }),
        );
        if !vnet.dns_servers.is_empty() {
            let servers: Vec<String> = vnet.dns_servers.iter().map(ToString::to_string).collect();
            props.insert("dhcpOptions".into(), json!({ "dnsServers": servers }));
        }
        props.insert("subnets".into(), json!(subnets));
        resources.push(resource(
            VIRTUAL_NETWORKS,
            NETWORK_API,
            &vnet.name,
            location(vnet.region),
            depends,
            properties(Value::Object(props)),
        ));
    }
    for vnet in subscription.virtual_networks.values() {
        for remote in vnet
            .peerings
            .iter()
            .filter_map(|remote| subscription.virtual_networks.get(remote))
        {
            let name = format!("{}/{}", vnet.name, names::link(&vnet.name, &remote.name));
            resources.push(resource(
                PEERINGS,
                NETWORK_API,
                &name,
                None,
                vec![
                    resource_id(VIRTUAL_NETWORKS, &[&vnet.name]),
                    resource_id(VIRTUAL_NETWORKS, &[&remote.name]),
                ],
                properties(json!({
                    "remoteVirtualNetwork": id(VIRTUAL_NETWORKS, &[&remote.name]),
                    "allowVirtualNetworkAccess": true,
                    "allowForwardedTraffic": false,
                    "allowGatewayTransit": false,
                    "useRemoteGateways": false,
                })),
            ));
        }
    }
}

/// A VPN gateway's SKU: Basic for policy-based (static routing), VpnGw1 for route-based.
pub fn gateway_sku(routing: Routing) -> &'static str {
    match routing {
        Routing::Dynamic => "VpnGw1",
        Routing::Static => "Basic",
    }
}

pub fn vpn_type(routing: Routing) -> &'static str {
    match routing {
        Routing::Dynamic => "RouteBased",
        Routing::Static => "PolicyBased",
    }
}

/// The local networks' regions: that of the first VNet linked to each (West Europe if none),
/// since a connection's gateways share a region.
pub fn local_network_region(
    subscription: &Subscription,
    local: crate::model::entities::ids::LocalNetworkId,
) -> Region {
    subscription
        .virtual_networks
        .values()
        .find(|vnet| vnet.site_to_site.contains(&local))
        .map_or(Region::default(), |vnet| vnet.region)
}

fn gateways(subscription: &Subscription, resources: &mut Resources<impl SerializeSeq>) {
    for vnet in subscription.virtual_networks.values() {
        let Some(gateway) = &vnet.gateway else {
            continue;
        };
        let name = names::gateway(&vnet.name);
        let ip = names::gateway_ip(&vnet.name);
        resources.push(public_ip(&ip, vnet.region, None));
        let mut props = Map::new();
        props.insert("gatewayType".into(), json!("Vpn"));
        props.insert("vpnType".into(), json!(vpn_type(gateway.routing)));
        let sku = gateway_sku(gateway.routing);
        props.insert("sku".into(), json!({ "name": sku, "tier": sku }));
        props.insert(
            "ipConfigurations".into(),
            json!([{
                "name": "default",
                "properties": {
                    "privateIPAllocationMethod": "Dynamic",
                    "subnet": id(SUBNETS, &[&vnet.name, GATEWAY_SUBNET]),
                    "publicIPAddress": id(PUBLIC_IPS, &[&ip]),
                }
            }]),
        );
        if let Some(p2s) = &vnet.point_to_site {
            let roots: Vec<Value> = p2s
                .certificates
                .iter()
                .filter_map(|uploaded| {
                    let certificate = subscription.certificate(&uploaded.thumbprint)?;
                    Some(json!({
                        "name": uploaded.thumbprint,
                        "properties": { "publicCertData": BASE64.encode(&certificate.der) }
                    }))
                })
                .collect();
            let revoked: Vec<Value> = p2s
                .certificates
                .iter()
                .filter(|uploaded| uploaded.revoked)
                .map(|uploaded| {
                    json!({
                        "name": uploaded.thumbprint,
                        "properties": { "thumbprint": uploaded.thumbprint }
                    })
                })
                .collect();
            props.insert(
                "vpnClientConfiguration".into(),
                json!({
                    "vpnClientAddressPool": { "addressPrefixes": [p2s.pool.to_string()] },
                    "vpnClientProtocols": ["SSTP"],
                    "vpnClientRootCertificates": roots,
                    "vpnClientRevokedCertificates": revoked,
                }),
            );
        }
        resources.push(resource(
            GATEWAYS,
            NETWORK_API,
            &name,
            location(vnet.region),
            vec![
                resource_id(VIRTUAL_NETWORKS, &[&vnet.name]),
                resource_id(PUBLIC_IPS, &[&ip]),
            ],
            properties(Value::Object(props)),
        ));
    }
    for local in subscription.local_networks.values() {
        let prefixes: Vec<String> = local
            .address_space
            .iter()
            .map(ToString::to_string)
            .collect();
        resources.push(resource(
            LOCAL_GATEWAYS,
            NETWORK_API,
            &local.name,
            location(local_network_region(subscription, local.id)),
            Vec::new(),
            properties(json!({
                "gatewayIpAddress": local.vpn_device.to_string(),
                "localNetworkAddressSpace": { "addressPrefixes": prefixes },
            })),
        ));
    }
    for vnet in subscription.virtual_networks.values() {
        if vnet.gateway.is_none() {
            continue;
        }
        let gateway = names::gateway(&vnet.name);
        for local in vnet
            .site_to_site
            .iter()
            .filter_map(|local| subscription.local_networks.get(local))
        {
            resources.push(resource(
                CONNECTIONS,
                NETWORK_API,
                &names::link(&vnet.name, &local.name),
                location(vnet.region),
                vec![
                    resource_id(GATEWAYS, &[&gateway]),
                    resource_id(LOCAL_GATEWAYS, &[&local.name]),
                ],
                properties(json!({
                    "connectionType": "IPsec",
                    "virtualNetworkGateway1": id(GATEWAYS, &[&gateway]),
                    "localNetworkGateway2": id(LOCAL_GATEWAYS, &[&local.name]),
                    "sharedKey": format!("[parameters('{SHARED_KEY}')]"),
                })),
            ));
        }
    }
}

/// `[format('{0}/providers/<type>/<name>', resourceGroup().id)]`: the id of a service the
/// template does not declare, so not a `resourceId` of one of its resources.
pub fn external_id(resource_type: &str, name: &str) -> String {
    format!(
        "[format('{{0}}/providers/{}/{}', resourceGroup().id)]",
        resource_type.replace('\'', "''"),
        name.replace('\'', "''")
            .replace('{', "{{")
            .replace('}', "}}")
    )
}

fn machines_and_endpoints(
    subscription: &Subscription,
    resources: &mut Resources<impl SerializeSeq>,
) {
    let nics = names::nics(subscription);
    for vnet in subscription.virtual_networks.values() {
        for vm in &vnet.virtual_machines {
            resources.push(resource(
                NICS,
                NETWORK_API,
                &nics[&(vnet.id, vm.id)],
                location(vnet.region),
                vec![resource_id(VIRTUAL_NETWORKS, &[&vnet.name])],
                properties(json!({
                    "ipConfigurations": [{
                        "name": "ipconfig1",
                        "properties": {
                            "privateIPAllocationMethod": "Static",
                            "privateIPAddress": vm.host.address.to_string(),
                            "subnet": id(SUBNETS, &[&vnet.name, &vm.subnet]),
                        }
                    }]
                })),
            ));
        }
    }
    for endpoint in subscription.private_endpoints.values() {
        let Some(vnet) = subscription.virtual_networks.get(&endpoint.vnet) else {
            continue;
        };
        let name = names::private_endpoint(endpoint);
        let target = service(&endpoint.host.name);
        resources.push(resource(
            PRIVATE_ENDPOINTS,
            NETWORK_API,
            &name,
            location(vnet.region),
            vec![resource_id(VIRTUAL_NETWORKS, &[&vnet.name])],
            properties(json!({
                "subnet": id(SUBNETS, &[&vnet.name, &endpoint.subnet]),
                "privateLinkServiceConnections": [{
                    "name": name,
                    "properties": {
                        "privateLinkServiceId": external_id(target.resource_type, &target.name),
                        "groupIds": [target.group],
                    }
                }],
                "ipConfigurations": [{
                    "name": "default",
                    "properties": {
                        "groupId": target.group,
                        "memberName": target.group,
                        "privateIPAddress": endpoint.host.address.to_string(),
                    }
                }],
            })),
        ));
    }
}

/// A zone's A records by name, each name once, in the order first written.
pub fn record_sets(
    records: &[(String, std::net::Ipv4Addr)],
) -> Vec<(&str, Vec<std::net::Ipv4Addr>)> {
    let mut sets: Vec<(&str, Vec<std::net::Ipv4Addr>)> = Vec::new();
    for (name, address) in records {
        match sets.iter_mut().find(|(set, _)| *set == name) {
            Some((_, addresses)) => addresses.push(*address),
            None => sets.push((name, vec![*address])),
        }
    }
    sets
}

fn private_dns(subscription: &Subscription, resources: &mut Resources<impl SerializeSeq>) {
    for zone in subscription.private_dns_zones.values() {
        resources.push(resource(
            ZONES,
            PRIVATE_DNS_API,
            &zone.name,
            Some("global"),
            Vec::new(),
            properties(json!({})),
        ));
        for vnet in zone
            .links
            .iter()
            .filter_map(|vnet| subscription.virtual_networks.get(vnet))
        {
            resources.push(resource(
                ZONE_LINKS,
                PRIVATE_DNS_API,
                &format!("{}/{}", zone.name, names::zone_link(&vnet.name)),
                Some("global"),
                vec![
                    resource_id(ZONES, &[&zone.name]),
                    resource_id(VIRTUAL_NETWORKS, &[&vnet.name]),
                ],
                properties(json!({
                    "virtualNetwork": id(VIRTUAL_NETWORKS, &[&vnet.name]),
                    "registrationEnabled": false,
                })),
            ));
        }
        for (record, addresses) in record_sets(&zone.records) {
            let a: Vec<Value> = addresses
                .iter()
                .map(|address| json!({ "ipv4Address": address.to_string() }))
                .collect();
            resources.push(resource(
                ZONE_A,
                PRIVATE_DNS_API,
                &format!("{}/{}", zone.name, record),
                None,
                vec![resource_id(ZONES, &[&zone.name])],
                properties(json!({ "ttl": 3600, "aRecords": a })),
            ));
        }
    }
}

fn apps(subscription: &Subscription, resources: &mut Resources<impl SerializeSeq>) {
    for plan in subscription.plans.values() {
        let mut body = with_sku(
            properties(json!({})),
            json!({
                "name": sku_name(plan.tier),
                "tier": sku_tier(plan.tier),
                "capacity": plan.instances,
            }),
        );
        if let Some(kind) = plan_kind(plan.tier) {
            body.insert("kind".into(), json!(kind));
        }
        resources.push(resource(
            SERVER_FARMS,
            WEB_API,
            &plan.name,
            location(plan.region),
            Vec::new(),
            body,
        ));
    }
    for app in subscription.web_apps.values() {
        let Some(plan) = subscription.plan_of(app) else {
            continue;
        };
        let mut props = Map::new();
        let mut depends = vec![resource_id(SERVER_FARMS, &[&plan.name])];
        props.insert(
            "serverFarmId".into(),
            json!(resource_id(SERVER_FARMS, &[&plan.name])),
        );
        if let Some(regional) = &app.regional {
            if let Some(vnet) = subscription.virtual_networks.get(&regional.vnet) {
                props.insert(
                    "virtualNetworkSubnetId".into(),
                    json!(resource_id(SUBNETS, &[&vnet.name, &regional.subnet])),
                );
                props.insert(
                    "outboundVnetRouting".into(),
                    json!({ "applicationTraffic": regional.route_all }),
                );
                depends.push(resource_id(VIRTUAL_NETWORKS, &[&vnet.name]));
            }
        }
        if let Some(dns) = app.dns_server {
            props.insert(
                "siteConfig".into(),
                json!({ "appSettings": [{ "name": "WEBSITE_DNS_SERVER", "value": dns.to_string() }] }),
            );
        }
        resources.push(resource(
            SITES,
            WEB_API,
            &app.name,
            location(plan.region),
            depends,
            properties(Value::Object(props)),
        ));
        if let Some(connection) = &app.connection {
            let Some(vnet) = subscription.virtual_networks.get(&connection.vnet) else {
                continue;
            };
            let mut props = Map::new();
            props.insert(
                "vnetResourceId".into(),
                json!(resource_id(VIRTUAL_NETWORKS, &[&vnet.name])),
            );
            if let Some(certificate) = subscription.certificate(&connection.thumbprint) {
                props.insert("certBlob".into(), json!(BASE64.encode(&certificate.der)));
            }
            let mut depends = vec![
                resource_id(SITES, &[&app.name]),
                resource_id(VIRTUAL_NETWORKS, &[&vnet.name]),
            ];
            if vnet.gateway.is_some() {
                depends.push(resource_id(GATEWAYS, &[&names::gateway(&vnet.name)]));
            }
            resources.push(resource(
                SITE_VNET_CONNECTIONS,
                WEB_API,
                &format!("{}/{}", app.name, vnet.name),
                None,
                depends,
                properties(Value::Object(props)),
            ));
        }
    }
}

/// The relay's `userMetadata`: a JSON string naming the endpoint, as the portal writes it.
pub fn user_metadata(endpoint: &str) -> String {
    json!([{ "key": "endpoint", "value": endpoint }]).to_string()
}

fn hybrid_connections(subscription: &Subscription, resources: &mut Resources<impl SerializeSeq>) {
    for RelayNamespace {
        app,
        region,
        connections,
    } in relay_namespaces(subscription)
    {
        let namespace = names::relay_namespace(&app.name);
        resources.push(resource(
            RELAY_NAMESPACES,
            RELAY_API,
            &namespace,
            location(region),
            Vec::new(),
            with_sku(
                properties(json!({})),
                json!({ "name": "Standard", "tier": "Standard" }),
            ),
        ));
        for hybrid in connections {
            resources.push(resource(
                RELAY_HYBRID_CONNECTIONS,
                RELAY_API,
                &format!("{namespace}/{}", hybrid.name),
                None,
                vec![resource_id(RELAY_NAMESPACES, &[&namespace])],
                properties(json!({
                    "requiresClientAuthorization": true,
                    // A string that starts with `[` and ends with `]` is an expression to ARM;
                    // `[[` keeps it literal, so the deployment stores the JSON as written.
                    "userMetadata": format!("[{}", user_metadata(&hybrid.endpoint())),
                })),
            ));
            resources.push(resource(
                SITE_RELAYS,
                WEB_API,
                &format!("{}/{namespace}/{}", app.name, hybrid.name),
                None,
                vec![
                    resource_id(SITES, &[&app.name]),
                    resource_id(RELAY_HYBRID_CONNECTIONS, &[&namespace, &hybrid.name]),
                ],
                properties(json!({
                    "serviceBusNamespace": namespace,
                    "relayName": hybrid.name,
                    "relayArmUri": resource_id(RELAY_HYBRID_CONNECTIONS, &[&namespace, &hybrid.name]),
                    "hostname": hybrid.host,
                    "port": hybrid.port,
                    // The app sends through the relay with a key that has Send rights: the
                    // namespace's own rule, which every relay namespace is created with.
                    "sendKeyName": RELAY_ROOT_KEY,
                    "sendKeyValue": format!(
                        "[listKeys(format('{{0}}/authorizationRules/{RELAY_ROOT_KEY}', {}), '{RELAY_API}').primaryKey]",
                        resource_id_call(RELAY_NAMESPACES, &[&namespace])
                    ),
                })),
            ));
        }
    }
}
