//! The Azure CLI equivalent of every [`Command`] (R42): what would make the same change in
//! Azure. A command reads its names from the state before it (what it deletes is gone after)
//! and what it made from the state after; one with no equivalent says why. The match is
//! exhaustive, so a new command cannot lack its line.

use std::collections::BTreeSet;

use crate::exchange::arm::template::local_network_region;
use crate::exchange::az_cli::resources::Az;
use crate::exchange::az_cli::word::{AzCommand, Line};
use crate::exchange::gateway_subnet::added_gateway_subnet;
use crate::exchange::names;
use crate::model::commands::command::HostRef;
use crate::model::derived::migration::{self, MigrationPlan};
use crate::model::entities::ids::{NsgId, RouteTableId, VnetId, WebAppId};
use crate::model::entities::network::VirtualNetwork;
use crate::model::entities::subscription::CliEquivalent;
use crate::model::entities::web_app::WebApp;
use crate::model::{Command, CommandError, Event, Subscription};

/// The commands' region is written by name: a line copied from the log has no `$LOCATION`.
const AZ: Az = Az { location: None };

const CLOCK: &str = "None: the simulated clock is the lab's own; Azure runs on real time.";
const HOST_FIREWALL: &str =
    "None: a host's open ports are its own firewall's, configured on the host (or the service), not in Azure.";
const ON_PREMISES: &str =
    "None: on-premises servers and routers are configured on site, not in Azure.";
const RELAY_AGENT: &str = "None: the Hybrid Connection Manager is installed and started on the on-premises server, not with az.";
const INTERNET_HOST: &str = "None: a public host on the internet is not an Azure resource.";
const VM_DNS: &str =
    "None: a DNS server's records are configured in the DNS server on the virtual machine.";
const UNREAD_RULE: &str = "None: the rule is in Azure as its template declares it; the lab only notes that it cannot hold it.";
const UNREAD_ROUTE: &str = "None: the route is in Azure as its template declares it; the lab only notes that it cannot follow it.";
const VM_MOVE: &str =
    "None: Azure cannot move a virtual machine to another virtual network (R10); recreate it.";

/// Applies `command` and records its az equivalent with the activity it logs.
pub fn apply_logged(
    subscription: &mut Subscription,
    command: Command,
) -> Result<Event, CommandError> {
    let before = subscription.clone();
    let logged = !matches!(command, Command::AdvanceClock { .. });
    let event = subscription.apply(command.clone())?;
    if logged {
        let az = equivalent(&before, subscription, &command);
        if let Some(entry) = subscription.activity.last_mut() {
            entry.az = Some(az);
        }
    }
    Ok(event)
}

/// The az equivalent of `command`, which changed `before` into `after`.
pub fn equivalent(before: &Subscription, after: &Subscription, command: &Command) -> CliEquivalent {
    match lines(before, after, command) {
        Ok(lines) => CliEquivalent::Commands(render(&lines)),
        Err(reason) => CliEquivalent::None(reason.to_string()),
    }
}

/// Lines as a shell reads them, one a line.
pub fn render(lines: &[Line]) -> String {
    lines
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The az commands of a migration plan's steps in order (R42), each read from the state the
/// steps before it leave.
pub fn plan_lines(subscription: &Subscription, plan: &MigrationPlan) -> Vec<Line> {
    let mut all = Vec::new();
    plan.run(subscription, |before, after, command| {
        all.extend(lines(before, after, command).unwrap_or_default());
    });
    all
}

fn vnet(s: &Subscription, id: VnetId) -> Option<&VirtualNetwork> {
    s.virtual_networks.get(&id)
}

fn vnet_name(s: &Subscription, id: VnetId) -> String {
    vnet(s, id).map_or(String::new(), |vnet| vnet.name.clone())
}

fn app(s: &Subscription, id: WebAppId) -> Option<&WebApp> {
    s.web_apps.get(&id)
}

fn app_name(s: &Subscription, id: WebAppId) -> String {
    app(s, id).map_or(String::new(), |app| app.name.clone())
}

fn az(commands: Vec<AzCommand>) -> Vec<Line> {
    commands.into_iter().map(Line::Az).collect()
}

/// The integration `app` has in `after` (its connection made or renewed).
fn integration_lines(after: &Subscription, app: &WebApp) -> Vec<Line> {
    let mut lines = Vec::new();
    if let Some(regional) = &app.regional {
        let vnet = vnet_name(after, regional.vnet);
        lines.push(AZ.regional_add(&app.name, &vnet, &regional.subnet).into());
        lines.push(AZ.route_all(&app.name, regional.route_all).into());
    }
    if let Some(connection) = &app.connection {
        let der = after
            .certificate(&connection.thumbprint)
            .map(|certificate| certificate.der.as_slice());
        lines.push(
            AZ.gateway_required_create(&app.name, &vnet_name(after, connection.vnet), der)
                .into(),
        );
    }
    lines
}

/// The subnets of `vnet` that differ between the two states, as `subnet create` (new ones) and
/// `subnet update` (delegation, NSG, route table, NAT gateway changed).
fn subnet_changes(before: &Subscription, after: &Subscription, id: VnetId) -> Vec<Line> {
    let (Some(old), Some(new)) = (vnet(before, id), vnet(after, id)) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    for subnet in &new.subnets {
        match old.subnet(&subnet.name) {
            None => lines.push(AZ.subnet_create(after, &new.name, subnet).into()),
            Some(previous) if previous != subnet => {
                let mut update = AZ.subnet_update(&new.name, &subnet.name);
                if previous.delegation != subnet.delegation {
                    update = match subnet.delegation {
                        Some(delegation) => update.arg("--delegations", delegation.to_string()),
                        None => update.arg("--remove", "delegations"),
                    };
                }
                if previous.network_security_group != subnet.network_security_group {
                    update = match subnet
                        .network_security_group
                        .and_then(|nsg| after.network_security_groups.get(&nsg))
                    {
                        Some(nsg) => update.arg("--network-security-group", &nsg.name),
                        None => update.arg("--remove", "networkSecurityGroup"),
                    };
                }
                if previous.route_table != subnet.route_table {
                    update = match subnet
                        .route_table
                        .and_then(|table| after.route_tables.get(&table))
                    {
                        Some(table) => update.arg("--route-table", &table.name),
                        None => update.arg("--remove", "routeTable"),
                    };
                }
                if previous.nat_gateway != subnet.nat_gateway {
                    update = match subnet
                        .nat_gateway
                        .and_then(|nat| after.nat_gateways.get(&nat))
                    {
                        Some(nat) => update.arg("--nat-gateway", &nat.name),
                        None => update.arg("--remove", "natGateway"),
                    };
                }
                lines.push(update.into());
            }
            Some(_) => {}
        }
    }
    for subnet in &old.subnets {
        if new.subnet(&subnet.name).is_none() {
            lines.push(AZ.subnet_delete(&new.name, &subnet.name).into());
        }
    }
    lines
}

/// An NSG's rules that changed: the old ones deleted first, so priorities never collide, then
/// the new ones created.
fn rule_changes(before: &Subscription, after: &Subscription, id: NsgId) -> Vec<Line> {
    let (Some(old), Some(new)) = (
        before.network_security_groups.get(&id),
        after.network_security_groups.get(&id),
    ) else {
        return Vec::new();
    };
    let gone = old.rules.iter().filter(|rule| !new.rules.contains(rule));
    let made = new.rules.iter().filter(|rule| !old.rules.contains(rule));
    gone.map(|rule| AZ.nsg_rule_delete(&old.name, &rule.name).into())
        .chain(made.map(|rule| AZ.nsg_rule_create(&new.name, rule).into()))
        .collect()
}

fn route_changes(before: &Subscription, after: &Subscription, id: RouteTableId) -> Vec<Line> {
    let (Some(old), Some(new)) = (before.route_tables.get(&id), after.route_tables.get(&id)) else {
        return Vec::new();
    };
    let gone = old
        .routes
        .iter()
        .filter(|route| !new.routes.contains(route));
    let made = new
        .routes
        .iter()
        .filter(|route| !old.routes.contains(route));
    gone.map(|route| AZ.route_delete(&old.name, &route.name).into())
        .chain(made.map(|route| AZ.route_create(&new.name, route).into()))
        .collect()
}

/// What `vnet` gained in `after`: its gateway (and point-to-site), then certificates uploaded.
fn gateway_lines(after: &Subscription, id: VnetId) -> Vec<Line> {
    let Some(vnet) = vnet(after, id) else {
        return Vec::new();
    };
    let Some(gateway) = &vnet.gateway else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    if let Some(prefix) = added_gateway_subnet(vnet) {
        lines.push(AZ.gateway_subnet_create(&vnet.name, prefix).into());
    }
    lines.extend(az(AZ.gateway_create(
        vnet,
        gateway,
        vnet.point_to_site.as_ref(),
    )));
    lines
}

fn uploaded_lines(before: &Subscription, after: &Subscription, id: VnetId) -> Vec<Line> {
    let Some(new) = vnet(after, id) else {
        return Vec::new();
    };
    let old: BTreeSet<&str> = vnet(before, id)
        .and_then(|vnet| vnet.point_to_site.as_ref())
        .map(|p2s| {
            p2s.certificates
                .iter()
                .map(|c| c.thumbprint.as_str())
                .collect()
        })
        .unwrap_or_default();
    let mut lines = Vec::new();
    for uploaded in new.point_to_site.iter().flat_map(|p2s| &p2s.certificates) {
        if old.contains(uploaded.thumbprint.as_str()) {
            continue;
        }
        if let Some(certificate) = after.certificate(&uploaded.thumbprint) {
            lines.extend(AZ.root_cert_create(&new.name, &uploaded.thumbprint, &certificate.der));
        }
    }
    lines
}

fn lines(
    before: &Subscription,
    after: &Subscription,
    command: &Command,
) -> Result<Vec<Line>, &'static str> {
    use Command::*;
    let plan_named =
        |s: &Subscription, name: &str| s.plans.values().find(|p| p.name == name).cloned();
    Ok(match command {
        CreatePlan { name, .. } => plan_named(after, name)
            .map(|plan| vec![AZ.plan_create(&plan).into()])
            .unwrap_or_default(),
        DeletePlan { plan } => before
            .plans
            .get(plan)
            .map(|plan| vec![AZ.plan_delete(&plan.name).into()])
            .unwrap_or_default(),
        ScalePlan { plan, .. } | ScaleOutPlan { plan, .. } => after
            .plans
            .get(plan)
            .map(|plan| vec![AZ.plan_update(plan).into()])
            .unwrap_or_default(),
        CreateWebApp { name, plan } => after
            .plans
            .get(plan)
            .map(|plan| vec![AZ.webapp_create(name, &plan.name).into()])
            .unwrap_or_default(),
        DeleteWebApp { app: id } => vec![AZ.webapp_delete(&app_name(before, *id)).into()],
        CreateVirtualNetwork { name, .. } => after
            .vnet_named(name)
            .map(|vnet| vec![AZ.vnet_create(vnet).into()])
            .unwrap_or_default(),
        DeleteVirtualNetwork { vnet: id } => {
            let name = vnet_name(before, *id);
            let mut lines = Vec::new();
            if vnet(before, *id).is_some_and(|vnet| vnet.gateway.is_some()) {
                lines.extend(az(AZ.gateway_delete(&name)));
            }
            lines.push(AZ.vnet_delete(&name).into());
            lines
        }
        AddSubnet { vnet, .. }
        | DeleteSubnet { vnet, .. }
        | DelegateSubnet { vnet, .. }
        | RemoveSubnetDelegation { vnet, .. }
        | AssociateNetworkSecurityGroup { vnet, .. }
        | AssociateRouteTable { vnet, .. }
        | AssociateNatGateway { vnet, .. } => subnet_changes(before, after, *vnet),
        PeerVirtualNetworks { vnet, remote } => {
            let (a, b) = (vnet_name(after, *vnet), vnet_name(after, *remote));
            vec![
                AZ.peering_create(&a, &b).into(),
                AZ.peering_create(&b, &a).into(),
            ]
        }
        RemovePeering { vnet, remote } => {
            let (a, b) = (vnet_name(before, *vnet), vnet_name(before, *remote));
            vec![
                AZ.peering_delete(&a, &b).into(),
                AZ.peering_delete(&b, &a).into(),
            ]
        }
        AddDnsServer { vnet: id, .. } | RemoveDnsServer { vnet: id, .. } => vnet(after, *id)
            .map(|vnet| vec![AZ.vnet_dns_servers(vnet).into()])
            .unwrap_or_default(),
        CreateGateway { vnet, .. } => gateway_lines(after, *vnet),
        DeleteGateway { vnet } => az(AZ.gateway_delete(&vnet_name(before, *vnet))),
        EnablePointToSite { vnet: id, .. } => vnet(after, *id)
            .and_then(|vnet| {
                let p2s = vnet.point_to_site.as_ref()?;
                Some(vec![AZ.point_to_site_set(&vnet.name, p2s).into()])
            })
            .unwrap_or_default(),
        DisablePointToSite { vnet } => {
            vec![AZ.point_to_site_remove(&vnet_name(before, *vnet)).into()]
        }
        LinkSiteToSite {
            vnet: id,
            local_network,
        } => {
            let local = after
                .local_networks
                .get(local_network)
                .map_or(String::new(), |local| local.name.clone());
            vnet(after, *id)
                .map(|vnet| vec![AZ.vpn_connection_create(vnet, &local).into()])
                .unwrap_or_default()
        }
        UnlinkSiteToSite {
            vnet,
            local_network,
        } => {
            let local = before
                .local_networks
                .get(local_network)
                .map_or(String::new(), |local| local.name.clone());
            vec![AZ
                .vpn_connection_delete(&vnet_name(before, *vnet), &local)
                .into()]
        }
        CreateVirtualMachine {
            vnet: id,
            subnet,
            name,
            ..
        } => {
            let nics = names::nics(after);
            vnet(after, *id)
                .and_then(|vnet| {
                    let vm = vnet
                        .virtual_machines
                        .iter()
                        .rev()
                        .find(|vm| &vm.host.name == name)?;
                    let nic = nics.get(&(vnet.id, vm.id))?;
                    Some(vec![AZ
                        .nic_create(vnet, nic, subnet, vm.host.address)
                        .into()])
                })
                .unwrap_or_default()
        }
        MoveVirtualMachine { .. } => return Err(VM_MOVE),
        DeleteVirtualMachine { vnet, vm } => names::nics(before)
            .get(&(*vnet, *vm))
            .map(|nic| vec![AZ.nic_delete(nic).into()])
            .unwrap_or_default(),
        OpenPort { host, .. } | ClosePort { host, .. } => {
            return Err(match host {
                HostRef::VirtualMachine(..) | HostRef::PrivateEndpoint(_) => HOST_FIREWALL,
                HostRef::Server(..) => ON_PREMISES,
                HostRef::InternetHost(_) => INTERNET_HOST,
            })
        }
        AddDnsRecord { .. } => return Err(VM_DNS),
        CreateLocalNetwork { name, .. } => after
            .local_network_named(name)
            .map(|local| {
                vec![AZ
                    .local_gateway_create(local, local_network_region(after, local.id))
                    .into()]
            })
            .unwrap_or_default(),
        DeleteLocalNetwork { local_network } => {
            let Some(local) = before.local_networks.get(local_network) else {
                return Ok(Vec::new());
            };
            let mut lines: Vec<Line> = before
                .virtual_networks
                .values()
                .filter(|vnet| vnet.site_to_site.contains(local_network))
                .map(|vnet| AZ.vpn_connection_delete(&vnet.name, &local.name).into())
                .collect();
            lines.push(AZ.local_gateway_delete(&local.name).into());
            lines
        }
        AddServer { .. } | AddRoute { .. } | RemoveRoute { .. } => return Err(ON_PREMISES),
        ConnectWebApp { app: id, vnet } => {
            // The lab connects once the gateway is ready; Azure needs the certificate uploaded.
            let mut lines = uploaded_lines(before, after, *vnet);
            if let Some(app) = app(after, *id) {
                lines.extend(integration_lines(after, app));
            }
            lines
        }
        ConnectRegional { app: id, .. } => app(after, *id)
            .map(|app| integration_lines(after, app))
            .unwrap_or_default(),
        ConnectRegionalToNewSubnet { app: id, vnet, .. } => {
            let mut lines = subnet_changes(before, after, *vnet);
            if let Some(app) = app(after, *id) {
                lines.extend(integration_lines(after, app));
            }
            lines
        }
        MigrateToRegional { app } => migration::plan(before, *app)
            .map(|plan| plan_lines(before, &plan))
            .unwrap_or_default(),
        SetRouteAll { app, enabled } => {
            vec![AZ.route_all(&app_name(after, *app), *enabled).into()]
        }
        DisconnectWebApp { app: id } => {
            let Some(app) = app(before, *id) else {
                return Ok(Vec::new());
            };
            match (&app.connection, &app.regional) {
                (Some(connection), _) => vec![AZ
                    .gateway_required_delete(&app.name, &vnet_name(before, connection.vnet))
                    .into()],
                (None, Some(_)) => vec![AZ.regional_remove(&app.name).into()],
                (None, None) => Vec::new(),
            }
        }
        CreateVirtualNetworkAndConnect { app: id, name, .. } => {
            let Some(vnet) = after.vnet_named(name) else {
                return Ok(Vec::new());
            };
            let mut lines: Vec<Line> = vec![AZ.vnet_create(vnet).into()];
            lines.extend(
                vnet.subnets
                    .iter()
                    .map(|subnet| Line::from(AZ.subnet_create(after, &vnet.name, subnet))),
            );
            lines.extend(gateway_lines(after, vnet.id));
            lines.extend(uploaded_lines(before, after, vnet.id));
            if let Some(app) = app(after, *id) {
                lines.extend(integration_lines(after, app));
            }
            lines
        }
        SyncConnection { app: id } => {
            let mut lines = app(after, *id)
                .and_then(|app| app.connection.as_ref())
                .map(|connection| uploaded_lines(before, after, connection.vnet))
                .unwrap_or_default();
            if let Some(app) = app(after, *id) {
                lines.extend(integration_lines(after, app));
            }
            lines
        }
        DeleteCertificate { vnet, thumbprint } => {
            vec![AZ
                .root_cert_delete(&vnet_name(before, *vnet), thumbprint)
                .into()]
        }
        RevokeCertificate { vnet, thumbprint } => {
            vec![AZ
                .revoked_cert_create(&vnet_name(before, *vnet), thumbprint)
                .into()]
        }
        AdvanceClock { .. } | MoveClock { .. } | SetClockSpeed { .. } => return Err(CLOCK),
        NoteUnreadRule { .. } => return Err(UNREAD_RULE),
        NoteUnreadRoute { .. } => return Err(UNREAD_ROUTE),
        AddHybridConnection { app: id, name, .. } => {
            let Some(app) = app(after, *id) else {
                return Ok(Vec::new());
            };
            let mut lines = Vec::new();
            let had_namespace = before
                .hybrid_connections
                .values()
                .any(|hybrid| hybrid.app == *id);
            if !had_namespace {
                let region = after
                    .plan_of(app)
                    .map(|plan| plan.region)
                    .unwrap_or_default();
                lines.push(AZ.relay_namespace_create(&app.name, region).into());
            }
            if let Some(hybrid) = after
                .hybrid_connections
                .values()
                .find(|hybrid| hybrid.app == *id && &hybrid.name == name)
            {
                lines.extend(az(AZ.hybrid_connection_create(&app.name, hybrid)));
            }
            lines
        }
        DeleteHybridConnection { connection } => before
            .hybrid_connections
            .get(connection)
            .map(|hybrid| {
                az(AZ.hybrid_connection_delete(&app_name(before, hybrid.app), &hybrid.name))
            })
            .unwrap_or_default(),
        InstallRelayAgent { .. } | SetRelayAgentRunning { .. } => return Err(RELAY_AGENT),
        CreateNetworkSecurityGroup { name, .. } => after
            .network_security_groups
            .values()
            .find(|nsg| &nsg.name == name)
            .map(|nsg| vec![AZ.nsg_create(nsg).into()])
            .unwrap_or_default(),
        DeleteNetworkSecurityGroup { nsg } => before
            .network_security_groups
            .get(nsg)
            .map(|nsg| vec![AZ.nsg_delete(&nsg.name).into()])
            .unwrap_or_default(),
        SetSecurityRule { nsg, .. }
        | RemoveSecurityRule { nsg, .. }
        | MoveSecurityRule { nsg, .. } => rule_changes(before, after, *nsg),
        CreateRouteTable { name, .. } => after
            .route_tables
            .values()
            .find(|table| &table.name == name)
            .map(|table| vec![AZ.route_table_create(table).into()])
            .unwrap_or_default(),
        DeleteRouteTable { route_table } => before
            .route_tables
            .get(route_table)
            .map(|table| vec![AZ.route_table_delete(&table.name).into()])
            .unwrap_or_default(),
        SetUserRoute { route_table, .. } | RemoveUserRoute { route_table, .. } => {
            route_changes(before, after, *route_table)
        }
        CreateNatGateway { name, .. } => after
            .nat_gateways
            .values()
            .find(|nat| &nat.name == name)
            .map(|nat| az(AZ.nat_gateway_create(nat)))
            .unwrap_or_default(),
        DeleteNatGateway { nat_gateway } => before
            .nat_gateways
            .get(nat_gateway)
            .map(|nat| az(AZ.nat_gateway_delete(&nat.name)))
            .unwrap_or_default(),
        CreateInternetHost { .. } | DeleteInternetHost { .. } => return Err(INTERNET_HOST),
        CreatePrivateEndpoint {
            vnet: id, target, ..
        } => {
            let endpoint = after
                .private_endpoints
                .values()
                .find(|endpoint| endpoint.host.name.eq_ignore_ascii_case(target.trim()));
            match (vnet(after, *id), endpoint) {
                (Some(vnet), Some(endpoint)) => {
                    vec![AZ.private_endpoint_create(vnet, endpoint).into()]
                }
                _ => Vec::new(),
            }
        }
        DeletePrivateEndpoint { endpoint } => before
            .private_endpoints
            .get(endpoint)
            .map(|endpoint| vec![AZ.private_endpoint_delete(endpoint).into()])
            .unwrap_or_default(),
        CreatePrivateDnsZone { name } => after
            .private_dns_zones
            .values()
            .find(|zone| zone.name.eq_ignore_ascii_case(name.trim()))
            .map(|zone| vec![AZ.zone_create(&zone.name).into()])
            .unwrap_or_default(),
        DeletePrivateDnsZone { zone } => before
            .private_dns_zones
            .get(zone)
            .map(|zone| vec![AZ.zone_delete(&zone.name).into()])
            .unwrap_or_default(),
        AddZoneRecord { zone, .. } => {
            let (Some(old), Some(new)) = (
                before.private_dns_zones.get(zone),
                after.private_dns_zones.get(zone),
            ) else {
                return Ok(Vec::new());
            };
            new.records
                .iter()
                .filter(|record| !old.records.contains(record))
                .map(|(record, address)| AZ.record_add(&new.name, record, *address).into())
                .collect()
        }
        RemoveZoneRecord { zone, name } => before
            .private_dns_zones
            .get(zone)
            .map(|zone| vec![AZ.record_set_delete(&zone.name, name).into()])
            .unwrap_or_default(),
        LinkPrivateDnsZone { zone, vnet } => after
            .private_dns_zones
            .get(zone)
            .map(|zone| {
                vec![AZ
                    .zone_link_create(&zone.name, &vnet_name(after, *vnet))
                    .into()]
            })
            .unwrap_or_default(),
        UnlinkPrivateDnsZone { zone, vnet } => before
            .private_dns_zones
            .get(zone)
            .map(|zone| {
                vec![AZ
                    .zone_link_delete(&zone.name, &vnet_name(before, *vnet))
                    .into()]
            })
            .unwrap_or_default(),
        SetDnsServerSetting { app: id, .. } => app(after, *id)
            .map(|app| vec![AZ.dns_setting(app).into()])
            .unwrap_or_default(),
    })
}
