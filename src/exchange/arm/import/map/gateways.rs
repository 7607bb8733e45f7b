//! `localNetworkGateways`, `virtualNetworkGateways` (point-to-site included) and `connections`:
//! an imported gateway is Ready, and only IPsec connections are site-to-site links.

use serde_json::Value;

use super::{describe, Mapper};
use crate::exchange::arm::import::props::{items, last_name, name_after, text, unknown_why};
use crate::model::entities::clock::Operation;
use crate::model::entities::network::Routing;
use crate::model::Command;

impl Mapper<'_> {
    pub(super) fn local_networks(&mut self) -> Result<(), String> {
        for local in self
            .of_type("Microsoft.Network/localNetworkGateways")
            .collect::<Vec<_>>()
        {
            let address_space = items(
                &local.body,
                "properties.localNetworkAddressSpace.addressPrefixes",
            )
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(" ");
            let vpn_device = text(&local.body, "properties.gatewayIpAddress").unwrap_or_default();
            // The public IP of a gateway made elsewhere (a Virtual WAN hub's) is no device
            // address the lab can route to: the site is skipped, not refused.
            if let Some(why) = unknown_why(vpn_device).or_else(|| unknown_why(&address_space)) {
                self.skip(
                    local,
                    format!("its VPN device's address or address space is {why}: give the local network gateway its gatewayIpAddress and localNetworkAddressSpace"),
                );
                continue;
            }
            let command = Command::CreateLocalNetwork {
                name: local.name.clone(),
                address_space,
                vpn_device: vpn_device.to_string(),
            };
            self.run(local, "properties", command)?;
            self.created("local network");
        }
        Ok(())
    }

    pub(super) fn gateways(&mut self) -> Result<(), String> {
        for gateway in self
            .of_type("Microsoft.Network/virtualNetworkGateways")
            .collect::<Vec<_>>()
        {
            let subnet_id = items(&gateway.body, "properties.ipConfigurations")
                .iter()
                .find_map(|c| text(c, "properties.subnet.id"))
                .unwrap_or_default();
            let Some(vnet) =
                name_after(subnet_id, "virtualNetworks").and_then(|name| self.vnet_id(name))
            else {
                self.skip(gateway, "its GatewaySubnet (properties.ipConfigurations[].properties.subnet.id) is in no virtual network of the template or the lab");
                continue;
            };
            let kind = text(&gateway.body, "properties.gatewayType").unwrap_or("Vpn");
            if !kind.eq_ignore_ascii_case("Vpn") {
                self.skip(
                    gateway,
                    format!("its gatewayType is {kind}: the lab models VPN gateways only"),
                );
                continue;
            }
            let routing = match text(&gateway.body, "properties.vpnType").unwrap_or("RouteBased") {
                t if t.eq_ignore_ascii_case("PolicyBased") => Routing::Static,
                _ => Routing::Dynamic,
            };
            self.run(
                gateway,
                "properties.vpnType",
                Command::CreateGateway { vnet, routing },
            )?;
            self.created("virtual network gateway");
            // A gateway in a template is deployed already: Ready, not 30 simulated minutes away.
            let now = self.lab.now();
            if let Some(created) = self
                .lab
                .virtual_networks
                .get_mut(&vnet)
                .and_then(|v| v.gateway.as_mut())
            {
                created.provisioning = Operation {
                    started: now,
                    done: now,
                };
            }
            let pool = items(
                &gateway.body,
                "properties.vpnClientConfiguration.vpnClientAddressPool.addressPrefixes",
            )
            .first()
            .and_then(Value::as_str);
            if let Some(pool) = pool {
                self.run(
                    gateway,
                    "properties.vpnClientConfiguration.vpnClientAddressPool",
                    Command::EnablePointToSite {
                        vnet,
                        pool: pool.to_string(),
                    },
                )?;
            }
        }
        Ok(())
    }

    pub(super) fn connections(&mut self) -> Result<(), String> {
        for connection in self
            .of_type("Microsoft.Network/connections")
            .collect::<Vec<_>>()
        {
            let kind = text(&connection.body, "properties.connectionType").unwrap_or_default();
            if !kind.eq_ignore_ascii_case("IPsec") {
                self.skip(connection, format!("its connectionType is {kind}: the lab models site-to-site (IPsec) connections only"));
                continue;
            }
            let gateway =
                text(&connection.body, "properties.virtualNetworkGateway1.id").unwrap_or_default();
            let vnet = self
                .declared(gateway)
                .and_then(|g| {
                    items(&g.body, "properties.ipConfigurations")
                        .iter()
                        .find_map(|c| text(c, "properties.subnet.id"))
                })
                .and_then(|id| name_after(id, "virtualNetworks"))
                .and_then(|name| self.vnet_id(name));
            let local = text(&connection.body, "properties.localNetworkGateway2.id")
                .map(last_name)
                .and_then(|name| self.lab.local_network_named(name))
                .map(|l| l.id);
            match (vnet, local) {
                (Some(vnet), Some(local_network)) => {
                    self.run(connection, "properties.localNetworkGateway2.id", Command::LinkSiteToSite { vnet, local_network })?;
                    self.created("site-to-site connection");
                }
                _ => self.skip(connection, format!(
                    "{} links a gateway or local network gateway that is neither in the template nor in the lab",
                    describe(connection)
                )),
            }
        }
        Ok(())
    }
}
