//! The Azure CLI script of a subscription (R38): bash, the resource group and location as
//! variables at the top, then one command per resource in dependency order, in blocks each
//! named by a comment.

use std::fmt::Write;

use crate::exchange::arm::template::local_network_region;
use crate::exchange::az_cli::commands::plan_lines;
use crate::exchange::az_cli::resources::Az;
use crate::exchange::az_cli::word::{Line, Part, Var};
use crate::exchange::gateway_subnet::added_gateway_subnet;
use crate::exchange::names;
use crate::exchange::relays::{relay_namespaces, RelayNamespace};
use crate::model::derived::migration::MigrationPlan;
use crate::model::entities::region::Region;
use crate::model::Subscription;

/// What a block builds, and its commands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub comment: String,
    pub commands: Vec<Line>,
}

/// The resource group the script creates unless `RESOURCE_GROUP` is set.
pub const DEFAULT_RESOURCE_GROUP: &str = "vnet-lab-rg";

/// The script's location: the first plan's region, else the first VNet's, else West Europe.
pub fn script_location(subscription: &Subscription) -> Region {
    subscription
        .plans
        .values()
        .map(|plan| plan.region)
        .chain(
            subscription
                .virtual_networks
                .values()
                .map(|vnet| vnet.region),
        )
        .next()
        .unwrap_or_default()
}

/// The lines that set the variables the commands use. The VPN's shared key is asked for only
/// when a site-to-site connection needs it.
pub fn preamble(location: Region, blocks: &[Block]) -> String {
    let mut text = format!(
        "RESOURCE_GROUP=\"${{RESOURCE_GROUP:-{DEFAULT_RESOURCE_GROUP}}}\"\n\
         LOCATION=\"${{LOCATION:-{}}}\"\n\
         SUBSCRIPTION_ID=\"$(az account show --query id --output tsv)\"\n",
        location.arm_name(),
    );
    if uses(blocks, Var::SharedKey) {
        text.push_str(
            "VPN_SHARED_KEY=\"${VPN_SHARED_KEY:?set VPN_SHARED_KEY to the key your on-premises VPN device shares}\"\n",
        );
    }
    text
}

fn uses(blocks: &[Block], var: Var) -> bool {
    blocks
        .iter()
        .flat_map(|block| &block.commands)
        .any(|line| match line {
            Line::Az(command) => command
                .words
                .iter()
                .any(|word| word.0.contains(&Part::Var(var))),
            Line::DecodeFile { .. } => false,
        })
}

/// Writes `blocks` after the shebang, `set -euo pipefail` and the preamble.
pub fn render(title: &str, location: Region, blocks: &[Block]) -> String {
    let mut text = String::from("#!/usr/bin/env bash\n");
    for line in title.lines() {
        let _ = writeln!(text, "# {line}");
    }
    text.push_str("set -euo pipefail\n\n");
    text.push_str(&preamble(location, blocks));
    for block in blocks {
        let _ = write!(text, "\n# {}\n", block.comment.replace('\n', " "));
        for command in &block.commands {
            let _ = writeln!(text, "{command}");
        }
    }
    text
}

/// The script that builds the subscription in an empty resource group.
pub fn script(subscription: &Subscription) -> String {
    let location = script_location(subscription);
    render(
        "VNet Integration Lab: this subscription as Azure CLI commands (az 2.91), in dependency order.\n\
         Set RESOURCE_GROUP and LOCATION to choose where; run `az login` first.",
        location,
        &blocks(subscription, location),
    )
}

fn push<L: Into<Line>>(blocks: &mut Vec<Block>, comment: String, commands: Vec<L>) {
    blocks.push(Block {
        comment,
        commands: commands.into_iter().map(Into::into).collect(),
    });
}

/// Every block of the script, in dependency order.
pub fn blocks(subscription: &Subscription, location: Region) -> Vec<Block> {
    let az = Az {
        location: Some(location),
    };
    let mut blocks = vec![Block {
        comment: "Resource group".into(),
        commands: vec![az.group_create().into()],
    }];
    for nsg in subscription.network_security_groups.values() {
        let mut commands = vec![az.nsg_create(nsg)];
        commands.extend(
            nsg.rules
                .iter()
                .map(|rule| az.nsg_rule_create(&nsg.name, rule)),
        );
        push(
            &mut blocks,
            format!("Network security group {}", nsg.name),
            commands,
        );
    }
    for table in subscription.route_tables.values() {
        let mut commands = vec![az.route_table_create(table)];
        commands.extend(
            table
                .routes
                .iter()
                .map(|route| az.route_create(&table.name, route)),
        );
        push(&mut blocks, format!("Route table {}", table.name), commands);
    }
    for nat in subscription.nat_gateways.values() {
        push(
            &mut blocks,
            format!("NAT gateway {} and its public IP", nat.name),
            az.nat_gateway_create(nat),
        );
    }
    for vnet in subscription.virtual_networks.values() {
        let mut commands = vec![az.vnet_create(vnet)];
        commands.extend(
            vnet.subnets
                .iter()
                .map(|subnet| az.subnet_create(subscription, &vnet.name, subnet)),
        );
        if let Some(prefix) = added_gateway_subnet(vnet) {
            commands.push(az.gateway_subnet_create(&vnet.name, prefix));
        }
        push(
            &mut blocks,
            format!("Virtual network {} and its subnets", vnet.name),
            commands,
        );
    }
    for vnet in subscription.virtual_networks.values() {
        for remote in vnet
            .peerings
            .iter()
            .filter_map(|remote| subscription.virtual_networks.get(remote))
        {
            push(
                &mut blocks,
                format!("Peering from {} to {}", vnet.name, remote.name),
                vec![az.peering_create(&vnet.name, &remote.name)],
            );
        }
    }
    for vnet in subscription.virtual_networks.values() {
        let Some(gateway) = &vnet.gateway else {
            continue;
        };
        let mut commands: Vec<Line> = az
            .gateway_create(vnet, gateway, vnet.point_to_site.as_ref())
            .into_iter()
            .map(Line::Az)
            .collect();
        if let Some(p2s) = &vnet.point_to_site {
            for uploaded in &p2s.certificates {
                if let Some(certificate) = subscription.certificate(&uploaded.thumbprint) {
                    commands.extend(az.root_cert_create(
                        &vnet.name,
                        &uploaded.thumbprint,
                        &certificate.der,
                    ));
                }
                if uploaded.revoked {
                    commands.push(
                        az.revoked_cert_create(&vnet.name, &uploaded.thumbprint)
                            .into(),
                    );
                }
            }
        }
        push(
            &mut blocks,
            format!(
                "VPN gateway {} of {}, its public IP and point-to-site certificates",
                names::gateway(&vnet.name),
                vnet.name
            ),
            commands,
        );
    }
    for local in subscription.local_networks.values() {
        push(
            &mut blocks,
            format!("Local network gateway {}", local.name),
            vec![az.local_gateway_create(local, local_network_region(subscription, local.id))],
        );
    }
    for vnet in subscription
        .virtual_networks
        .values()
        .filter(|vnet| vnet.gateway.is_some())
    {
        for local in vnet
            .site_to_site
            .iter()
            .filter_map(|local| subscription.local_networks.get(local))
        {
            push(
                &mut blocks,
                format!(
                    "Site-to-site connection from {} to {}",
                    vnet.name, local.name
                ),
                vec![az.vpn_connection_create(vnet, &local.name)],
            );
        }
    }
    let nics = names::nics(subscription);
    for vnet in subscription.virtual_networks.values() {
        for vm in &vnet.virtual_machines {
            push(
                &mut blocks,
                format!("Network interface of the virtual machine {}", vm.host.name),
                vec![az.nic_create(vnet, &nics[&(vnet.id, vm.id)], &vm.subnet, vm.host.address)],
            );
        }
    }
    for endpoint in subscription.private_endpoints.values() {
        if let Some(vnet) = subscription.virtual_networks.get(&endpoint.vnet) {
            push(
                &mut blocks,
                format!("Private endpoint of {}", endpoint.host.name),
                vec![az.private_endpoint_create(vnet, endpoint)],
            );
        }
    }
    for zone in subscription.private_dns_zones.values() {
        let mut commands = vec![az.zone_create(&zone.name)];
        commands.extend(
            zone.links
                .iter()
                .filter_map(|vnet| subscription.virtual_networks.get(vnet))
                .map(|vnet| az.zone_link_create(&zone.name, &vnet.name)),
        );
        commands.extend(
            zone.records
                .iter()
                .map(|(record, address)| az.record_add(&zone.name, record, *address)),
        );
        push(
            &mut blocks,
            format!("Private DNS zone {}, its links and records", zone.name),
            commands,
        );
    }
    for plan in subscription.plans.values() {
        push(
            &mut blocks,
            format!("App Service plan {}", plan.name),
            vec![az.plan_create(plan)],
        );
    }
    for app in subscription.web_apps.values() {
        let Some(plan) = subscription.plan_of(app) else {
            continue;
        };
        let mut commands = vec![az.webapp_create(&app.name, &plan.name)];
        if app.dns_server.is_some() {
            commands.push(az.dns_setting(app));
        }
        if let Some(regional) = &app.regional {
            if let Some(vnet) = subscription.virtual_networks.get(&regional.vnet) {
                commands.push(az.regional_add(&app.name, &vnet.name, &regional.subnet));
                commands.push(az.route_all(&app.name, regional.route_all));
            }
        }
        let mut comment = format!("Web app {}", app.name);
        if let Some(connection) = &app.connection {
            if let Some(vnet) = subscription.virtual_networks.get(&connection.vnet) {
                let der = subscription
                    .certificate(&connection.thumbprint)
                    .map(|certificate| certificate.der.as_slice());
                commands.push(az.gateway_required_create(&app.name, &vnet.name, der));
                comment.push_str(&format!(
                    ". Its gateway-required integration with {} has no az webapp command: it is \
                     the ARM resource Microsoft.Web/sites/virtualNetworkConnections, made with az \
                     resource create",
                    vnet.name
                ));
            }
        }
        push(&mut blocks, comment, commands);
    }
    for RelayNamespace {
        app,
        region,
        connections,
    } in relay_namespaces(subscription)
    {
        let mut commands = vec![az.relay_namespace_create(&app.name, region)];
        for hybrid in connections {
            commands.extend(az.hybrid_connection_create(&app.name, hybrid));
        }
        push(
            &mut blocks,
            format!(
                "Hybrid Connections of {} and their relay namespace",
                app.name
            ),
            commands,
        );
    }
    blocks
}

/// A migration plan's steps as a script to run against the real subscription (R42): the az
/// commands of its steps in order, after the same preamble.
pub fn plan_script(subscription: &Subscription, plan: &MigrationPlan) -> String {
    let location = script_location(subscription);
    render(
        &format!(
            "VNet Integration Lab: move {} from gateway-required VNet Integration with {} to regional \
             integration with {}.\nSet RESOURCE_GROUP to the web app's resource group; run `az login` first.",
            plan.app_name, plan.source_vnet, plan.target_vnet
        ),
        location,
        &[Block {
            comment: format!("The plan's steps for {}, in order", plan.app_name),
            commands: plan_lines(subscription, plan),
        }],
    )
}
