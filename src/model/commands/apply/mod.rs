//! Applying a command: it succeeds, changing the state and logging an activity, or fails with a
//! [`CommandError`] and changes nothing.

mod associations;
mod certificates;
mod clock;
mod gateway_integration;
mod gateways;
mod hybrid_connections;
mod internet_hosts;
mod local_networks;
mod lookup;
mod machines;
mod nat_gateways;
mod network_security_groups;
mod peerings;
mod plans;
mod private_dns;
mod private_endpoints;
mod regional_integration;
mod route_tables;
mod virtual_networks;
mod web_apps;

use super::command::{Command, Event};
use super::error::CommandError;
use crate::model::entities::subscription::{Activity, Subscription};

impl Subscription {
    /// Applies `command`. On failure the subscription is exactly as before.
    pub fn apply(&mut self, command: Command) -> Result<Event, CommandError> {
        // Work on a copy and keep it only on success: no half-applied command can exist.
        let mut next = self.clone();
        let event = next.apply_unguarded(command)?;
        *self = next;
        Ok(event)
    }

    /// Applies `command` without the copy [`Subscription::apply`] keeps: on failure this
    /// subscription may be half-changed, so only a caller that then drops it may use this. An
    /// import is all or nothing as a whole, over hundreds of commands: one copy, not one each.
    pub fn apply_unguarded(&mut self, command: Command) -> Result<Event, CommandError> {
        // The clock ticking is not a change to log; what finishes meanwhile is.
        let logged = !matches!(command, Command::AdvanceClock { .. });
        let event = self.execute(command)?;
        // What finished happened before the command's own entry, at its own time.
        self.activity.extend(event.finished.iter().cloned());
        if logged {
            self.activity.push(Activity {
                at: self.now(),
                text: event.summary.clone(),
                az: None,
            });
        }
        Ok(event)
    }

    fn execute(&mut self, command: Command) -> Result<Event, CommandError> {
        use Command::*;
        match command {
            CreatePlan { name, tier, region } => self.create_plan(name, tier, region),
            ScaleOutPlan { plan, instances } => self.scale_out_plan(plan, instances),
            DeletePlan { plan } => self.delete_plan(plan),
            ScalePlan { plan, tier } => self.scale_plan(plan, tier),
            CreateWebApp { name, plan } => self.create_web_app(name, plan),
            DeleteWebApp { app } => self.delete_web_app(app),
            CreateVirtualNetwork {
                name,
                region,
                address_space,
                dns_servers,
            } => self
                .create_virtual_network(&name, region, &address_space, &dns_servers)
                .map(|vnet| {
                    Event::new(format!(
                        "Created the virtual network {}",
                        self.virtual_networks[&vnet].name
                    ))
                }),
            DeleteVirtualNetwork { vnet } => self.delete_virtual_network(vnet),
            AddSubnet { vnet, name, prefix } => self.add_subnet(vnet, name, &prefix),
            DeleteSubnet { vnet, subnet } => self.delete_subnet(vnet, &subnet),
            DelegateSubnet { vnet, subnet } => self.delegate_subnet(vnet, &subnet),
            RemoveSubnetDelegation { vnet, subnet } => self.remove_subnet_delegation(vnet, &subnet),
            PeerVirtualNetworks { vnet, remote } => self.peer_virtual_networks(vnet, remote),
            RemovePeering { vnet, remote } => self.remove_peering(vnet, remote),
            AddDnsServer { vnet, address } => self.add_dns_server(vnet, &address),
            RemoveDnsServer { vnet, address } => self.remove_dns_server(vnet, &address),
            CreateGateway { vnet, routing } => self.create_gateway(vnet, routing),
            DeleteGateway { vnet } => self.delete_gateway(vnet),
            EnablePointToSite { vnet, pool } => self.enable_point_to_site(vnet, &pool),
            DisablePointToSite { vnet } => self.disable_point_to_site(vnet),
            LinkSiteToSite {
                vnet,
                local_network,
            } => self.link_site_to_site(vnet, local_network),
            UnlinkSiteToSite {
                vnet,
                local_network,
            } => self.unlink_site_to_site(vnet, local_network),
            CreateVirtualMachine {
                vnet,
                subnet,
                name,
                address,
                host_names,
                role,
            } => self.create_virtual_machine(vnet, &subnet, name, &address, &host_names, role),
            MoveVirtualMachine { vnet, vm, .. } => self.move_virtual_machine(vnet, vm),
            DeleteVirtualMachine { vnet, vm } => self.delete_virtual_machine(vnet, vm),
            OpenPort { host, rule } => self.set_port(host, rule, true),
            ClosePort { host, rule } => self.set_port(host, rule, false),
            AddDnsRecord {
                vnet,
                vm,
                name,
                address,
            } => self.add_dns_record(vnet, vm, &name, &address),
            CreateLocalNetwork {
                name,
                address_space,
                vpn_device,
            } => self.create_local_network(name, &address_space, &vpn_device),
            DeleteLocalNetwork { local_network } => self.delete_local_network(local_network),
            AddServer {
                local_network,
                name,
                address,
                host_names,
                role,
            } => self.add_server(local_network, name, &address, &host_names, role),
            AddRoute {
                local_network,
                prefix,
            } => self.add_route(local_network, &prefix),
            RemoveRoute {
                local_network,
                prefix,
            } => self.remove_route(local_network, &prefix),
            ConnectWebApp { app, vnet } => self.connect_web_app(app, vnet),
            DisconnectWebApp { app } => self.disconnect_web_app(app),
            ConnectRegional {
                app,
                vnet,
                subnet,
                route_all,
            } => self.connect_regional(app, vnet, &subnet, route_all),
            ConnectRegionalToNewSubnet {
                app,
                vnet,
                subnet,
                prefix,
                route_all,
            } => {
                self.add_subnet(vnet, subnet.clone(), &prefix)?;
                self.connect_regional(app, vnet, &subnet, route_all)
            }
            SetRouteAll { app, enabled } => self.set_route_all(app, enabled),
            MigrateToRegional { app } => self.migrate_to_regional(app),
            CreateNetworkSecurityGroup { name, region } => {
                self.create_network_security_group(&name, region)
            }
            DeleteNetworkSecurityGroup { nsg } => self.delete_network_security_group(nsg),
            SetSecurityRule {
                nsg,
                rule,
                replacing,
            } => self.set_security_rule(nsg, rule, replacing),
            RemoveSecurityRule { nsg, name } => self.remove_security_rule(nsg, &name),
            NoteUnreadRule { nsg, rule } => self.note_unread_rule(nsg, rule),
            MoveSecurityRule { nsg, name, toward } => self.move_security_rule(nsg, &name, toward),
            AssociateNetworkSecurityGroup { vnet, subnet, nsg } => {
                self.associate_network_security_group(vnet, &subnet, nsg)
            }
            CreateRouteTable { name, region } => self.create_route_table(&name, region),
            DeleteRouteTable { route_table } => self.delete_route_table(route_table),
            SetUserRoute {
                route_table,
                name,
                prefix,
                next_hop,
                appliance,
                replacing,
            } => self.set_user_route(route_table, &name, &prefix, next_hop, &appliance, replacing),
            RemoveUserRoute { route_table, name } => self.remove_user_route(route_table, &name),
            NoteUnreadRoute { route_table, route } => self.note_unread_route(route_table, route),
            AssociateRouteTable {
                vnet,
                subnet,
                route_table,
            } => self.associate_route_table(vnet, &subnet, route_table),
            CreateNatGateway {
                name,
                region,
                public_ip,
            } => self.create_nat_gateway(&name, region, &public_ip),
            DeleteNatGateway { nat_gateway } => self.delete_nat_gateway(nat_gateway),
            AssociateNatGateway {
                vnet,
                subnet,
                nat_gateway,
            } => self.associate_nat_gateway(vnet, &subnet, nat_gateway),
            CreateInternetHost { name, address } => self.create_internet_host(&name, &address),
            DeleteInternetHost { host } => self.delete_internet_host(host),
            CreatePrivateEndpoint {
                vnet,
                subnet,
                target,
                address,
                public_address,
            } => self.create_private_endpoint(vnet, &subnet, &target, &address, &public_address),
            DeletePrivateEndpoint { endpoint } => self.delete_private_endpoint(endpoint),
            CreatePrivateDnsZone { name } => self.create_private_dns_zone(&name),
            DeletePrivateDnsZone { zone } => self.delete_private_dns_zone(zone),
            AddZoneRecord {
                zone,
                name,
                address,
            } => self.add_zone_record(zone, &name, &address),
            RemoveZoneRecord { zone, name } => self.remove_zone_record(zone, &name),
            LinkPrivateDnsZone { zone, vnet } => self.link_private_dns_zone(zone, vnet, true),
            UnlinkPrivateDnsZone { zone, vnet } => self.link_private_dns_zone(zone, vnet, false),
            SetDnsServerSetting { app, address } => self.set_dns_server_setting(app, &address),
            CreateVirtualNetworkAndConnect {
                app,
                name,
                address_space,
                dns_servers,
            } => self.create_virtual_network_and_connect(app, &name, &address_space, &dns_servers),
            SyncConnection { app } => self.sync_connection(app),
            DeleteCertificate { vnet, thumbprint } => self.delete_certificate(vnet, &thumbprint),
            RevokeCertificate { vnet, thumbprint } => self.revoke_certificate(vnet, &thumbprint),
            AdvanceClock { seconds } => self.advance_clock(seconds),
            MoveClock { to } => self.move_clock(to),
            SetClockSpeed { speed } => self.set_clock_speed(speed),
            AddHybridConnection {
                app,
                name,
                endpoint,
            } => self.add_hybrid_connection(app, name, &endpoint),
            DeleteHybridConnection { connection } => self.delete_hybrid_connection(connection),
            InstallRelayAgent {
                connection,
                local_network,
                server,
            } => self.install_relay_agent(connection, local_network, server),
            SetRelayAgentRunning {
                connection,
                running,
            } => self.set_relay_agent_running(connection, running),
        }
    }
}
