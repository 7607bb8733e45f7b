//! The `az` commands that create, change and delete each kind of resource, shared by the
//! exported script (R38) and the activity log's lines (R42). Commands and flags are spelled
//! as the Azure CLI 2.91 reference spells them; `tests/exchange_az_cli.rs` runs them through
//! its parser.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;

use crate::exchange::arm::template::{
    gateway_sku, next_hop_type, nsg_destination, nsg_ports, nsg_protocol, user_metadata, vpn_type,
    WEB_API,
};
use crate::exchange::az_cli::word::{AzCommand, Line, Part, Var, Word};
use crate::exchange::names;
use crate::exchange::services::service;
use crate::exchange::sku::{cli_sku, PlanGroup};
use crate::model::entities::hybrid::HybridConnection;
use crate::model::entities::local_network::LocalNetwork;
use crate::model::entities::network::{
    Gateway, PointToSite, Subnet, VirtualNetwork, GATEWAY_SUBNET,
};
use crate::model::entities::private_dns::PrivateEndpoint;
use crate::model::entities::region::Region;
use crate::model::entities::routing::{NatGateway, NextHop, RouteTable, UserRoute};
use crate::model::entities::security::{NetworkSecurityGroup, SecurityRule};
use crate::model::entities::web_app::{Plan, WebApp};
use crate::model::Subscription;

/// Where commands say their region: as `"${LOCATION}"` when it is the script's, else by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Az {
    pub location: Option<Region>,
}

/// An id under the resource group: `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/
/// ${RESOURCE_GROUP}/providers/<path>`.
pub fn resource_id(path: &str) -> Word {
    Word(vec![
        Part::Text("/subscriptions/".into()),
        Part::Var(Var::SubscriptionId),
        Part::Text("/resourceGroups/".into()),
        Part::Var(Var::ResourceGroup),
        Part::Text(format!("/providers/{path}")),
    ])
}

fn delete(group: &[&str], name: &str) -> AzCommand {
    AzCommand::new(group).group().arg("--name", name)
}

impl Az {
    fn location(&self, region: Region) -> Word {
        if self.location == Some(region) {
            Word::var(Var::Location)
        } else {
            Word::text(region.arm_name())
        }
    }

    pub fn group_create(&self) -> AzCommand {
        AzCommand::new(&["group", "create"])
            .word("--name", Word::var(Var::ResourceGroup))
            .word("--location", Word::var(Var::Location))
    }

    pub fn nsg_create(&self, nsg: &NetworkSecurityGroup) -> AzCommand {
        AzCommand::new(&["network", "nsg", "create"])
            .group()
            .arg("--name", &nsg.name)
            .word("--location", self.location(nsg.region))
    }

    pub fn nsg_delete(&self, nsg: &str) -> AzCommand {
        delete(&["network", "nsg", "delete"], nsg)
    }

    pub fn nsg_rule_create(&self, nsg: &str, rule: &SecurityRule) -> AzCommand {
        AzCommand::new(&["network", "nsg", "rule", "create"])
            .group()
            .arg("--nsg-name", nsg)
            .arg("--name", &rule.name)
            .arg("--priority", rule.priority.to_string())
            .arg("--direction", rule.direction.to_string())
            .arg("--access", rule.access.to_string())
            .arg("--protocol", nsg_protocol(rule.protocol))
            .arg("--source-address-prefixes", "*")
            .arg("--source-port-ranges", "*")
            .arg(
                "--destination-address-prefixes",
                nsg_destination(rule.destination),
            )
            .arg("--destination-port-ranges", nsg_ports(rule.ports))
    }

    pub fn nsg_rule_delete(&self, nsg: &str, rule: &str) -> AzCommand {
        AzCommand::new(&["network", "nsg", "rule", "delete"])
            .group()
            .arg("--nsg-name", nsg)
            .arg("--name", rule)
    }

    pub fn route_table_create(&self, table: &RouteTable) -> AzCommand {
        AzCommand::new(&["network", "route-table", "create"])
            .group()
            .arg("--name", &table.name)
            .word("--location", self.location(table.region))
    }

    pub fn route_table_delete(&self, table: &str) -> AzCommand {
        delete(&["network", "route-table", "delete"], table)
    }

    pub fn route_create(&self, table: &str, route: &UserRoute) -> AzCommand {
        let command = AzCommand::new(&["network", "route-table", "route", "create"])
            .group()
            .arg("--route-table-name", table)
            .arg("--name", &route.name)
            .arg("--address-prefix", route.prefix.to_string())
            .arg("--next-hop-type", next_hop_type(route.next_hop));
        match route.next_hop {
            NextHop::VirtualAppliance(address) => {
                command.arg("--next-hop-ip-address", address.to_string())
            }
            NextHop::VirtualNetworkGateway | NextHop::Internet | NextHop::None => command,
        }
    }

    pub fn route_delete(&self, table: &str, route: &str) -> AzCommand {
        AzCommand::new(&["network", "route-table", "route", "delete"])
            .group()
            .arg("--route-table-name", table)
            .arg("--name", route)
    }

    pub fn public_ip_create(&self, name: &str, region: Region) -> AzCommand {
        AzCommand::new(&["network", "public-ip", "create"])
            .group()
            .arg("--name", name)
            .word("--location", self.location(region))
            .arg("--sku", "Standard")
            .arg("--allocation-method", "Static")
            .arg("--version", "IPv4")
    }

    pub fn public_ip_delete(&self, name: &str) -> AzCommand {
        delete(&["network", "public-ip", "delete"], name)
    }

    /// The NAT gateway and, before it, its public IP (Azure picks the address).
    pub fn nat_gateway_create(&self, nat: &NatGateway) -> Vec<AzCommand> {
        let ip = names::nat_ip(&nat.name);
        vec![
            self.public_ip_create(&ip, nat.region),
            AzCommand::new(&["network", "nat", "gateway", "create"])
                .group()
                .arg("--name", &nat.name)
                .word("--location", self.location(nat.region))
                .arg("--public-ip-addresses", ip),
        ]
    }

    pub fn nat_gateway_delete(&self, nat: &str) -> Vec<AzCommand> {
        vec![
            delete(&["network", "nat", "gateway", "delete"], nat),
            self.public_ip_delete(&names::nat_ip(nat)),
        ]
    }

    pub fn vnet_create(&self, vnet: &VirtualNetwork) -> AzCommand {
        let command = AzCommand::new(&["network", "vnet", "create"])
            .group()
            .arg("--name", &vnet.name)
            .word("--location", self.location(vnet.region))
            .args(
                "--address-prefixes",
                vnet.address_space.iter().map(ToString::to_string),
            );
        if vnet.dns_servers.is_empty() {
            command
        } else {
            command.args(
                "--dns-servers",
                vnet.dns_servers.iter().map(ToString::to_string),
            )
        }
    }

    pub fn vnet_delete(&self, vnet: &str) -> AzCommand {
        delete(&["network", "vnet", "delete"], vnet)
    }

    /// The VNet's DNS servers set to the list it now has; none takes Azure DNS again.
    pub fn vnet_dns_servers(&self, vnet: &VirtualNetwork) -> AzCommand {
        let command = AzCommand::new(&["network", "vnet", "update"])
            .group()
            .arg("--name", &vnet.name);
        if vnet.dns_servers.is_empty() {
            command.arg("--remove", "dhcpOptions.dnsServers")
        } else {
            command.args(
                "--dns-servers",
                vnet.dns_servers.iter().map(ToString::to_string),
            )
        }
    }

    pub fn subnet_create(
        &self,
        subscription: &Subscription,
        vnet: &str,
        subnet: &Subnet,
    ) -> AzCommand {
        let mut command = AzCommand::new(&["network", "vnet", "subnet", "create"])
            .group()
            .arg("--vnet-name", vnet)
            .arg("--name", &subnet.name)
            .arg("--address-prefixes", subnet.prefix.to_string());
        if let Some(delegation) = subnet.delegation {
            command = command.arg("--delegations", delegation.to_string());
        }
        if let Some(nsg) = subnet
            .network_security_group
            .and_then(|nsg| subscription.network_security_groups.get(&nsg))
        {
            command = command.arg("--network-security-group", &nsg.name);
        }
        if let Some(table) = subnet
            .route_table
            .and_then(|table| subscription.route_tables.get(&table))
        {
            command = command.arg("--route-table", &table.name);
        }
        if let Some(nat) = subnet
            .nat_gateway
            .and_then(|nat| subscription.nat_gateways.get(&nat))
        {
            command = command.arg("--nat-gateway", &nat.name);
        }
        command
    }

    /// The `GatewaySubnet` Azure's gateway needs (see `exchange::gateway_subnet`).
    pub fn gateway_subnet_create(&self, vnet: &str, prefix: ipnet::Ipv4Net) -> AzCommand {
        AzCommand::new(&["network", "vnet", "subnet", "create"])
            .group()
            .arg("--vnet-name", vnet)
            .arg("--name", GATEWAY_SUBNET)
            .arg("--address-prefixes", prefix.to_string())
    }

    pub fn subnet_update(&self, vnet: &str, subnet: &str) -> AzCommand {
        AzCommand::new(&["network", "vnet", "subnet", "update"])
            .group()
            .arg("--vnet-name", vnet)
            .arg("--name", subnet)
    }

    pub fn subnet_delete(&self, vnet: &str, subnet: &str) -> AzCommand {
        AzCommand::new(&["network", "vnet", "subnet", "delete"])
            .group()
            .arg("--vnet-name", vnet)
            .arg("--name", subnet)
    }

    /// One side of a peering; Azure needs both.
    pub fn peering_create(&self, vnet: &str, remote: &str) -> AzCommand {
        AzCommand::new(&["network", "vnet", "peering", "create"])
            .group()
            .arg("--name", names::link(vnet, remote))
            .arg("--vnet-name", vnet)
            .arg("--remote-vnet", remote)
            .arg("--allow-vnet-access", "true")
    }

    pub fn peering_delete(&self, vnet: &str, remote: &str) -> AzCommand {
        AzCommand::new(&["network", "vnet", "peering", "delete"])
            .group()
            .arg("--name", names::link(vnet, remote))
            .arg("--vnet-name", vnet)
    }

    /// The gateway's public IP, then the gateway itself with its point-to-site pool (if any).
    /// Without `--no-wait` the command returns once the gateway is provisioned (30 minutes or
    /// more), so what needs it (certificates, connections) can follow.
    pub fn gateway_create(
        &self,
        vnet: &VirtualNetwork,
        gateway: &Gateway,
        point_to_site: Option<&PointToSite>,
    ) -> Vec<AzCommand> {
        let ip = names::gateway_ip(&vnet.name);
        let mut command = AzCommand::new(&["network", "vnet-gateway", "create"])
            .group()
            .arg("--name", names::gateway(&vnet.name))
            .word("--location", self.location(vnet.region))
            .arg("--vnet", &vnet.name)
            .arg("--public-ip-addresses", &ip)
            .arg("--gateway-type", "Vpn")
            .arg("--vpn-type", vpn_type(gateway.routing))
            .arg("--sku", gateway_sku(gateway.routing));
        if let Some(p2s) = point_to_site {
            command = command
                .arg("--address-prefixes", p2s.pool.to_string())
                .arg("--client-protocol", "SSTP");
        }
        vec![self.public_ip_create(&ip, vnet.region), command]
    }

    pub fn gateway_delete(&self, vnet: &str) -> Vec<AzCommand> {
        vec![
            delete(
                &["network", "vnet-gateway", "delete"],
                &names::gateway(vnet),
            ),
            self.public_ip_delete(&names::gateway_ip(vnet)),
        ]
    }

    pub fn point_to_site_set(&self, vnet: &str, p2s: &PointToSite) -> AzCommand {
        AzCommand::new(&["network", "vnet-gateway", "update"])
            .group()
            .arg("--name", names::gateway(vnet))
            .arg("--address-prefixes", p2s.pool.to_string())
            .arg("--client-protocol", "SSTP")
    }

    pub fn point_to_site_remove(&self, vnet: &str) -> AzCommand {
        AzCommand::new(&["network", "vnet-gateway", "update"])
            .group()
            .arg("--name", names::gateway(vnet))
            .arg("--remove", "vpnClientConfiguration")
    }

    /// A root certificate uploaded to the gateway: `--public-cert-data` reads a file of the DER
    /// (the CLI base64-encodes what it reads), so the script writes `<thumbprint>.cer` first.
    pub fn root_cert_create(&self, vnet: &str, thumbprint: &str, der: &[u8]) -> Vec<Line> {
        let file = format!("{thumbprint}.cer");
        vec![
            Line::DecodeFile {
                path: file.clone(),
                base64: BASE64.encode(der),
            },
            Line::Az(
                AzCommand::new(&["network", "vnet-gateway", "root-cert", "create"])
                    .group()
                    .arg("--gateway-name", names::gateway(vnet))
                    .arg("--name", thumbprint)
                    .arg("--public-cert-data", file),
            ),
        ]
    }

    pub fn root_cert_delete(&self, vnet: &str, thumbprint: &str) -> AzCommand {
        AzCommand::new(&["network", "vnet-gateway", "root-cert", "delete"])
            .group()
            .arg("--gateway-name", names::gateway(vnet))
            .arg("--name", thumbprint)
    }

    pub fn revoked_cert_create(&self, vnet: &str, thumbprint: &str) -> AzCommand {
        AzCommand::new(&["network", "vnet-gateway", "revoked-cert", "create"])
            .group()
            .arg("--gateway-name", names::gateway(vnet))
            .arg("--name", thumbprint)
            .arg("--thumbprint", thumbprint)
    }

    pub fn local_gateway_create(&self, local: &LocalNetwork, region: Region) -> AzCommand {
        AzCommand::new(&["network", "local-gateway", "create"])
            .group()
            .arg("--name", &local.name)
            .word("--location", self.location(region))
            .arg("--gateway-ip-address", local.vpn_device.to_string())
            .args(
                "--local-address-prefixes",
                local.address_space.iter().map(ToString::to_string),
            )
    }

    pub fn local_gateway_delete(&self, local: &str) -> AzCommand {
        delete(&["network", "local-gateway", "delete"], local)
    }

    pub fn vpn_connection_create(&self, vnet: &VirtualNetwork, local: &str) -> AzCommand {
        AzCommand::new(&["network", "vpn-connection", "create"])
            .group()
            .arg("--name", names::link(&vnet.name, local))
            .word("--location", self.location(vnet.region))
            .arg("--vnet-gateway1", names::gateway(&vnet.name))
            .arg("--local-gateway2", local)
            .word("--shared-key", Word::var(Var::SharedKey))
    }

    pub fn vpn_connection_delete(&self, vnet: &str, local: &str) -> AzCommand {
        delete(
            &["network", "vpn-connection", "delete"],
            &names::link(vnet, local),
        )
    }

    pub fn nic_create(
        &self,
        vnet: &VirtualNetwork,
        nic: &str,
        subnet: &str,
        address: std::net::Ipv4Addr,
    ) -> AzCommand {
        AzCommand::new(&["network", "nic", "create"])
            .group()
            .arg("--name", nic)
            .word("--location", self.location(vnet.region))
            .arg("--vnet-name", &vnet.name)
            .arg("--subnet", subnet)
            .arg("--private-ip-address", address.to_string())
    }

    pub fn nic_delete(&self, nic: &str) -> AzCommand {
        delete(&["network", "nic", "delete"], nic)
    }

    pub fn private_endpoint_create(
        &self,
        vnet: &VirtualNetwork,
        endpoint: &PrivateEndpoint,
    ) -> AzCommand {
        let name = names::private_endpoint(endpoint);
        let target = service(&endpoint.host.name);
        AzCommand::new(&["network", "private-endpoint", "create"])
            .group()
            .arg("--name", &name)
            .word("--location", self.location(vnet.region))
            .arg("--vnet-name", &vnet.name)
            .arg("--subnet", &endpoint.subnet)
            .word(
                "--private-connection-resource-id",
                resource_id(&format!("{}/{}", target.resource_type, target.name)),
            )
            .arg("--group-id", target.group)
            .arg("--connection-name", &name)
            .args(
                "--ip-config",
                [
                    "name=default".to_string(),
                    format!("group-id={}", target.group),
                    format!("member-name={}", target.group),
                    format!("private-ip-address={}", endpoint.host.address),
                ],
            )
    }

    pub fn private_endpoint_delete(&self, endpoint: &PrivateEndpoint) -> AzCommand {
        delete(
            &["network", "private-endpoint", "delete"],
            &names::private_endpoint(endpoint),
        )
    }

    pub fn zone_create(&self, zone: &str) -> AzCommand {
        delete(&["network", "private-dns", "zone", "create"], zone)
    }

    pub fn zone_delete(&self, zone: &str) -> AzCommand {
        delete(&["network", "private-dns", "zone", "delete"], zone).flag("--yes")
    }

    pub fn zone_link_create(&self, zone: &str, vnet: &str) -> AzCommand {
        AzCommand::new(&["network", "private-dns", "link", "vnet", "create"])
            .group()
            .arg("--zone-name", zone)
            .arg("--name", names::zone_link(vnet))
            .arg("--virtual-network", vnet)
            .arg("--registration-enabled", "false")
    }

    pub fn zone_link_delete(&self, zone: &str, vnet: &str) -> AzCommand {
        AzCommand::new(&["network", "private-dns", "link", "vnet", "delete"])
            .group()
            .arg("--zone-name", zone)
            .arg("--name", names::zone_link(vnet))
            .flag("--yes")
    }

    pub fn record_add(&self, zone: &str, record: &str, address: std::net::Ipv4Addr) -> AzCommand {
        AzCommand::new(&["network", "private-dns", "record-set", "a", "add-record"])
            .group()
            .arg("--zone-name", zone)
            .arg("--record-set-name", record)
            .arg("--ipv4-address", address.to_string())
    }

    pub fn record_set_delete(&self, zone: &str, record: &str) -> AzCommand {
        AzCommand::new(&["network", "private-dns", "record-set", "a", "delete"])
            .group()
            .arg("--zone-name", zone)
            .arg("--name", record)
            .flag("--yes")
    }

    /// `az appservice plan create`, or `az functionapp plan create` for an Elastic Premium SKU
    /// (the one whose `--sku` takes `EP1`); both read `--number-of-workers`.
    pub fn plan_create(&self, plan: &Plan) -> AzCommand {
        let [group, plans] = PlanGroup::of(plan.tier).words();
        AzCommand::new(&[group, plans, "create"])
            .group()
            .arg("--name", &plan.name)
            .word("--location", self.location(plan.region))
            .arg("--sku", cli_sku(plan.tier))
            .arg("--number-of-workers", plan.instances.to_string())
    }

    /// The update of the group that takes the plan's new SKU.
    pub fn plan_update(&self, plan: &Plan) -> AzCommand {
        let [group, plans] = PlanGroup::of(plan.tier).words();
        AzCommand::new(&[group, plans, "update"])
            .group()
            .arg("--name", &plan.name)
            .arg("--sku", cli_sku(plan.tier))
            .arg("--number-of-workers", plan.instances.to_string())
    }

    pub fn plan_delete(&self, plan: &str) -> AzCommand {
        delete(&["appservice", "plan", "delete"], plan).flag("--yes")
    }

    pub fn webapp_create(&self, app: &str, plan: &str) -> AzCommand {
        AzCommand::new(&["webapp", "create"])
            .group()
            .arg("--name", app)
            .arg("--plan", plan)
    }

    pub fn webapp_delete(&self, app: &str) -> AzCommand {
        delete(&["webapp", "delete"], app)
    }

    pub fn dns_setting(&self, app: &WebApp) -> AzCommand {
        match app.dns_server {
            Some(address) => AzCommand::new(&["webapp", "config", "appsettings", "set"])
                .group()
                .arg("--name", &app.name)
                .arg("--settings", format!("WEBSITE_DNS_SERVER={address}")),
            None => AzCommand::new(&["webapp", "config", "appsettings", "delete"])
                .group()
                .arg("--name", &app.name)
                .arg("--setting-names", "WEBSITE_DNS_SERVER"),
        }
    }

    pub fn regional_add(&self, app: &str, vnet: &str, subnet: &str) -> AzCommand {
        AzCommand::new(&["webapp", "vnet-integration", "add"])
            .group()
            .arg("--name", app)
            .arg("--vnet", vnet)
            .arg("--subnet", subnet)
    }

    pub fn regional_remove(&self, app: &str) -> AzCommand {
        AzCommand::new(&["webapp", "vnet-integration", "remove"])
            .group()
            .arg("--name", app)
    }

    pub fn route_all(&self, app: &str, enabled: bool) -> AzCommand {
        AzCommand::new(&["webapp", "config", "set"])
            .group()
            .arg("--name", app)
            .arg("--vnet-route-all-enabled", enabled.to_string())
    }

    /// Gateway-required integration: no `az webapp` command makes it, so it is the ARM
    /// resource `Microsoft.Web/sites/virtualNetworkConnections` named after the VNet.
    pub fn gateway_required_create(&self, app: &str, vnet: &str, der: Option<&[u8]>) -> AzCommand {
        let mut properties = vec![
            Part::Text("{\"vnetResourceId\":\"/subscriptions/".into()),
            Part::Var(Var::SubscriptionId),
            Part::Text("/resourceGroups/".into()),
            Part::Var(Var::ResourceGroup),
            Part::Text(format!(
                "/providers/Microsoft.Network/virtualNetworks/{}\"",
                json_escape(vnet)
            )),
        ];
        if let Some(der) = der {
            properties.push(Part::Text(format!(
                ",\"certBlob\":\"{}\"",
                BASE64.encode(der)
            )));
        }
        properties.push(Part::Text("}".into()));
        AzCommand::new(&["resource", "create"])
            .group()
            .arg("--namespace", "Microsoft.Web")
            .arg("--parent", format!("sites/{app}"))
            .arg("--resource-type", "virtualNetworkConnections")
            .arg("--name", vnet)
            .arg("--api-version", WEB_API)
            .word("--properties", Word(properties))
    }

    pub fn gateway_required_delete(&self, app: &str, vnet: &str) -> AzCommand {
        AzCommand::new(&["resource", "delete"])
            .group()
            .arg("--namespace", "Microsoft.Web")
            .arg("--parent", format!("sites/{app}"))
            .arg("--resource-type", "virtualNetworkConnections")
            .arg("--name", vnet)
            .arg("--api-version", WEB_API)
    }

    pub fn relay_namespace_create(&self, app: &str, region: Region) -> AzCommand {
        AzCommand::new(&["relay", "namespace", "create"])
            .group()
            .arg("--name", names::relay_namespace(app))
            .word("--location", self.location(region))
    }

    pub fn hybrid_connection_create(&self, app: &str, hybrid: &HybridConnection) -> Vec<AzCommand> {
        let namespace = names::relay_namespace(app);
        vec![
            AzCommand::new(&["relay", "hyco", "create"])
                .group()
                .arg("--namespace-name", &namespace)
                .arg("--name", &hybrid.name)
                .arg("--requires-client-authorization", "true")
                .arg("--user-metadata", user_metadata(&hybrid.endpoint())),
            AzCommand::new(&["webapp", "hybrid-connection", "add"])
                .group()
                .arg("--name", app)
                .arg("--namespace", namespace)
                .arg("--hybrid-connection", &hybrid.name),
        ]
    }

    pub fn hybrid_connection_delete(&self, app: &str, hybrid: &str) -> Vec<AzCommand> {
        let namespace = names::relay_namespace(app);
        vec![
            AzCommand::new(&["webapp", "hybrid-connection", "remove"])
                .group()
                .arg("--name", app)
                .arg("--namespace", &namespace)
                .arg("--hybrid-connection", hybrid),
            AzCommand::new(&["relay", "hyco", "delete"])
                .group()
                .arg("--namespace-name", namespace)
                .arg("--name", hybrid),
        ]
    }
}

/// A string's inside in JSON: what `serde_json` writes between the quotes.
fn json_escape(text: &str) -> String {
    let quoted = serde_json::Value::String(text.to_string()).to_string();
    quoted[1..quoted.len() - 1].to_string()
}
