//! R38's az script and R42's az line of every command.

use std::process::Command as Process;

use vnet_lab::exchange::az_cli::resources::Az;
use vnet_lab::exchange::az_cli::script::{blocks, script, script_location};
use vnet_lab::exchange::az_cli::word::{Line, Part, Var, Word};
use vnet_lab::exchange::az_cli::{apply_logged, equivalent, plan_lines};
use vnet_lab::model::commands::command::{NextHopKind, SecurityRuleInput, Toward};
use vnet_lab::model::derived::migration;
use vnet_lab::model::entities::clock::{Step, GATEWAY_PROVISIONING};
use vnet_lab::model::entities::host::{PortRule, Protocol, Role};
use vnet_lab::model::entities::network::Routing;
use vnet_lab::model::entities::region::Region;
use vnet_lab::model::entities::security::{Access, Direction, RuleProtocol};
use vnet_lab::model::entities::subscription::CliEquivalent;
use vnet_lab::model::entities::tier::Tier;
use vnet_lab::model::{ClockTarget, Command, HostRef, Subscription};

/// Runs `script` with bash from a file, so a long output cannot block its input.
fn bash(script: &str) -> std::process::Output {
    static RUN: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = RUN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = std::env::temp_dir().join(format!("vnet-lab-az-{}-{n}.sh", std::process::id()));
    std::fs::write(&path, script).expect("written");
    let out = Process::new("bash").arg(&path).output().expect("bash runs");
    let _ = std::fs::remove_file(&path);
    out
}

fn vars(var: Var) -> String {
    match var {
        Var::ResourceGroup => "rg".into(),
        Var::Location => "westeurope".into(),
        Var::SubscriptionId => "sub-id".into(),
        Var::SharedKey => "key".into(),
    }
}

/// Runs `script` with `az` a function printing its arguments, one per line of NUL-ended words,
/// and returns them.
fn az_arguments(script: &str) -> Vec<Vec<String>> {
    let harness = format!(
        "az() {{ if [ \"$1\" = account ]; then echo sub-id; return; fi; printf '%s\\0' \"$@\"; printf '\\n'; }}\n\
         export RESOURCE_GROUP=rg LOCATION=westeurope VPN_SHARED_KEY=key\n\
         cd \"$(mktemp -d)\"\n{script}"
    );
    let out = bash(&harness);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .split_terminator("\0\n")
        .map(|line| line.split('\0').map(String::from).collect())
        .collect()
}

fn expected_arguments(lines: &[Line]) -> Vec<Vec<String>> {
    lines
        .iter()
        .filter_map(|line| match line {
            Line::Az(command) => Some(command.argv(&vars)),
            Line::DecodeFile { .. } => None,
        })
        .collect()
}

#[test]
fn r38_script_is_bash_with_strict_mode_and_variables_at_the_top() {
    let text = script(&Subscription::sample());
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("#!/usr/bin/env bash"));
    assert!(text.contains("\nset -euo pipefail\n"));
    assert!(text.contains("\nRESOURCE_GROUP=\"${RESOURCE_GROUP:-vnet-lab-rg}\"\n"));
    assert!(text.contains("\nLOCATION=\"${LOCATION:-westeurope}\"\n"));
    assert!(text
        .contains("\naz group create --name \"${RESOURCE_GROUP}\" --location \"${LOCATION}\"\n"));
    assert!(text.contains("# Virtual network corpVnet and its subnets\n"));
    assert!(text.contains(
        "no az webapp command: it is the ARM resource Microsoft.Web/sites/virtualNetworkConnections"
    ));
    let out = bash(&format!("set -n\n{text}"));
    assert!(
        out.status.success(),
        "bash -n: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn r38_script_commands_are_the_azure_cli_s() {
    let text = script(&Subscription::sample());
    for expected in [
        "az appservice plan create --resource-group \"${RESOURCE_GROUP}\" --name contoso-standard --location \"${LOCATION}\" --sku S1 --number-of-workers 1",
        "az webapp create --resource-group \"${RESOURCE_GROUP}\" --name contoso-web --plan contoso-standard",
        "az webapp vnet-integration add --resource-group \"${RESOURCE_GROUP}\" --name contoso-orders --vnet appVnet --subnet apps",
        "az webapp config set --resource-group \"${RESOURCE_GROUP}\" --name contoso-orders --vnet-route-all-enabled true",
        "az network vnet subnet create --resource-group \"${RESOURCE_GROUP}\" --vnet-name appVnet --name apps --address-prefixes 10.3.1.0/26 --delegations Microsoft.Web/serverFarms --network-security-group apps-nsg",
        "az network vnet peering create --resource-group \"${RESOURCE_GROUP}\" --name appVnet-to-northVnet --vnet-name appVnet --remote-vnet northVnet --allow-vnet-access true",
        "az network vnet peering create --resource-group \"${RESOURCE_GROUP}\" --name northVnet-to-appVnet --vnet-name northVnet --remote-vnet appVnet --allow-vnet-access true",
        "az network vnet subnet create --resource-group \"${RESOURCE_GROUP}\" --vnet-name northVnet --name GatewaySubnet --address-prefixes 10.4.0.0/27",
        "az network private-dns record-set a add-record --resource-group \"${RESOURCE_GROUP}\" --zone-name privatelink.database.windows.net --record-set-name contoso-sql --ipv4-address 10.3.3.4",
        "az relay hyco create --resource-group \"${RESOURCE_GROUP}\" --namespace-name contoso-blog-relay --name hq-app --requires-client-authorization true --user-metadata '[{\"key\":\"endpoint\",\"value\":\"app.contoso.local:8080\"}]'",
        "az webapp hybrid-connection add --resource-group \"${RESOURCE_GROUP}\" --name contoso-blog --namespace contoso-blog-relay --hybrid-connection hq-app",
        "az network vpn-connection create --resource-group \"${RESOURCE_GROUP}\" --name corpVnet-to-onPremHQ --location \"${LOCATION}\" --vnet-gateway1 corpVnet-gateway --local-gateway2 onPremHQ --shared-key \"${VPN_SHARED_KEY}\"",
    ] {
        assert!(text.contains(&format!("\n{expected}\n")), "the script has: {expected}");
    }
}

#[test]
fn r38_az_script_writes_premium_v3_sku() {
    let mut s = Subscription::empty();
    for (name, tier) in [
        ("v3-plan", Tier::P1v3),
        ("memory-plan", Tier::P2mv4),
        ("elastic-plan", Tier::EP1),
        ("legacy-plan", Tier::P1),
    ] {
        s.apply(Command::CreatePlan {
            name: name.into(),
            tier,
            region: Region::WestEurope,
        })
        .unwrap();
    }
    let text = script(&s);
    for expected in [
        "az appservice plan create --resource-group \"${RESOURCE_GROUP}\" --name v3-plan --location \"${LOCATION}\" --sku P1V3 --number-of-workers 1",
        "az appservice plan create --resource-group \"${RESOURCE_GROUP}\" --name memory-plan --location \"${LOCATION}\" --sku P2MV4 --number-of-workers 1",
        // `az appservice plan create` has no EP among its --sku choices; the functionapp group does.
        "az functionapp plan create --resource-group \"${RESOURCE_GROUP}\" --name elastic-plan --location \"${LOCATION}\" --sku EP1 --number-of-workers 1",
        "az appservice plan create --resource-group \"${RESOURCE_GROUP}\" --name legacy-plan --location \"${LOCATION}\" --sku P1V2 --number-of-workers 1",
    ] {
        assert!(text.contains(&format!("\n{expected}\n")), "the script has: {expected}\n{text}");
    }
    // R42: the activity log's az line of a scale names the same SKU, in the group that takes it.
    let plan = s.plans.values().find(|p| p.name == "v3-plan").unwrap().id;
    let scaled = |s: &mut Subscription, tier: Tier| {
        apply_logged(s, Command::ScalePlan { plan, tier }).unwrap();
        s.activity
            .last()
            .and_then(|a| a.az.clone())
            .expect("logged")
    };
    assert_eq!(
        scaled(&mut s, Tier::P3v3),
        CliEquivalent::Commands("az appservice plan update --resource-group \"${RESOURCE_GROUP}\" --name v3-plan --sku P3V3 --number-of-workers 1".into())
    );
    assert_eq!(
        scaled(&mut s, Tier::EP2),
        CliEquivalent::Commands("az functionapp plan update --resource-group \"${RESOURCE_GROUP}\" --name v3-plan --sku EP2 --number-of-workers 1".into())
    );
}

/// Every resource's block comes after those of what it uses.
#[test]
fn r38_script_runs_in_dependency_order() {
    let text = script(&Subscription::sample());
    let at = |needle: &str| text.find(needle).unwrap_or_else(|| panic!("{needle}"));
    assert!(at("az group create") < at("az network nsg create"));
    assert!(at("az network nsg create") < at("--network-security-group apps-nsg"));
    assert!(
        at("az network vnet create --resource-group \"${RESOURCE_GROUP}\" --name northVnet")
            < at("--name appVnet-to-northVnet")
    );
    assert!(at("--vnet-name corpVnet --name GatewaySubnet") < at("az network vnet-gateway create --resource-group \"${RESOURCE_GROUP}\" --name corpVnet-gateway"));
    assert!(
        at("--name corpVnet-gateway --location") < at("--gateway-name corpVnet-gateway --name")
    );
    assert!(at("az network local-gateway create") < at("az network vpn-connection create"));
    assert!(
        at("az network private-dns zone create") < at("az network private-dns link vnet create")
    );
    assert!(at("az appservice plan create --resource-group \"${RESOURCE_GROUP}\" --name contoso-premium") < at("--name contoso-orders --plan contoso-premium"));
    assert!(at("--name contoso-web --plan") < at("--parent sites/contoso-web"));
    assert!(at("az relay namespace create") < at("az relay hyco create"));
    assert!(at("az relay hyco create") < at("az webapp hybrid-connection add"));
}

#[test]
fn r38_every_script_argument_survives_the_shell() {
    for subscription in [
        Subscription::sample(),
        vnet_lab::model::fixtures::generate::large_subscription(),
    ] {
        let location = script_location(&subscription);
        let all: Vec<Line> = blocks(&subscription, location)
            .into_iter()
            .flat_map(|block| block.commands)
            .collect();
        let shell = az_arguments(&script(&subscription));
        // The script's first az call is `az account show`, answered by the harness.
        assert_eq!(shell, expected_arguments(&all));
    }
}

#[test]
fn r38_values_with_spaces_quotes_dollars_and_backticks_survive_the_shell() {
    let awkward = [
        "two words",
        "it's",
        "say \"hi\"",
        "$HOME and ${RESOURCE_GROUP}",
        "`reboot`",
        "$(rm -rf /)",
        "back\\slash",
        "tab\there",
        "new\nline",
        "",
        "*",
        "--not-a-flag",
        "ünïcode ✓",
    ];
    let az = Az {
        location: Some(Region::WestEurope),
    };
    let lines: Vec<Line> = awkward
        .iter()
        .map(|value| {
            Line::Az(az.webapp_create(value, value).word(
                "--mixed",
                Word(vec![
                    Part::Text((*value).to_string()),
                    Part::Var(Var::ResourceGroup),
                    Part::Text((*value).to_string()),
                ]),
            ))
        })
        .collect();
    let text: String = lines.iter().map(|line| format!("{line}\n")).collect();
    assert_eq!(az_arguments(&text), expected_arguments(&lines));
}

/// Applies each command with its az line, and returns what each logged.
fn scenario() -> (Subscription, Vec<(String, CliEquivalent)>) {
    let mut s = Subscription::sample();
    let mut log = Vec::new();
    let mut run = |s: &mut Subscription, command: Command| {
        let label = format!("{command:?}");
        apply_logged(s, command.clone()).unwrap_or_else(|e| panic!("{label}: {e}"));
        if !matches!(command, Command::AdvanceClock { .. }) {
            let az = s
                .activity
                .last()
                .and_then(|a| a.az.clone())
                .expect("recorded");
            log.push((label, az));
        }
    };
    run(
        &mut s,
        Command::CreatePlan {
            name: "lab-plan".into(),
            tier: Tier::S1,
            region: Region::WestEurope,
        },
    );
    let plan = s
        .plans
        .values()
        .find(|p| p.name == "lab-plan")
        .expect("plan")
        .id;
    run(
        &mut s,
        Command::ScalePlan {
            plan,
            tier: Tier::P1,
        },
    );
    run(&mut s, Command::ScaleOutPlan { plan, instances: 2 });
    run(
        &mut s,
        Command::CreateWebApp {
            name: "lab-app".into(),
            plan,
        },
    );
    let app = s.web_app_named("lab-app").expect("app").id;
    run(
        &mut s,
        Command::CreateVirtualNetwork {
            name: "labVnet".into(),
            region: Region::WestEurope,
            address_space: "10.20.0.0/16".into(),
            dns_servers: String::new(),
        },
    );
    let vnet = s.vnet_named("labVnet").expect("vnet").id;
    run(
        &mut s,
        Command::AddSubnet {
            vnet,
            name: "web".into(),
            prefix: "10.20.1.0/26".into(),
        },
    );
    run(
        &mut s,
        Command::DelegateSubnet {
            vnet,
            subnet: "web".into(),
        },
    );
    run(
        &mut s,
        Command::RemoveSubnetDelegation {
            vnet,
            subnet: "web".into(),
        },
    );
    run(
        &mut s,
        Command::AddSubnet {
            vnet,
            name: "vms".into(),
            prefix: "10.20.2.0/24".into(),
        },
    );
    run(
        &mut s,
        Command::AddDnsServer {
            vnet,
            address: "10.20.2.4".into(),
        },
    );
    run(
        &mut s,
        Command::RemoveDnsServer {
            vnet,
            address: "10.20.2.4".into(),
        },
    );
    run(
        &mut s,
        Command::CreateVirtualMachine {
            vnet,
            subnet: "vms".into(),
            name: "vm1".into(),
            address: "10.20.2.5".into(),
            host_names: String::new(),
            role: Some(Role::WindowsServer),
        },
    );
    let vm = s.virtual_networks[&vnet].virtual_machines[0].id;
    run(
        &mut s,
        Command::OpenPort {
            host: HostRef::VirtualMachine(vnet, vm),
            rule: PortRule {
                protocol: Protocol::Tcp,
                port: 443,
            },
        },
    );
    run(
        &mut s,
        Command::ClosePort {
            host: HostRef::VirtualMachine(vnet, vm),
            rule: PortRule {
                protocol: Protocol::Tcp,
                port: 443,
            },
        },
    );
    run(
        &mut s,
        Command::CreateVirtualMachine {
            vnet,
            subnet: "vms".into(),
            name: "dns1".into(),
            address: "10.20.2.6".into(),
            host_names: String::new(),
            role: Some(Role::DnsServer { records: vec![] }),
        },
    );
    let dns = s.virtual_networks[&vnet].virtual_machines[1].id;
    run(
        &mut s,
        Command::AddDnsRecord {
            vnet,
            vm: dns,
            name: "x.lab".into(),
            address: "10.20.2.5".into(),
        },
    );
    run(&mut s, Command::DeleteVirtualMachine { vnet, vm });
    let north = s.vnet_named("northVnet").expect("sample").id;
    run(
        &mut s,
        Command::PeerVirtualNetworks {
            vnet,
            remote: north,
        },
    );
    run(
        &mut s,
        Command::RemovePeering {
            vnet,
            remote: north,
        },
    );
    run(
        &mut s,
        Command::CreateNetworkSecurityGroup {
            name: "lab-nsg".into(),
            region: Region::WestEurope,
        },
    );
    let nsg = s
        .network_security_groups
        .values()
        .find(|n| n.name == "lab-nsg")
        .expect("nsg")
        .id;
    let rule = |name: &str, priority: &str| SecurityRuleInput {
        name: name.into(),
        priority: priority.into(),
        direction: Direction::Outbound,
        access: Access::Deny,
        protocol: RuleProtocol::Tcp,
        destination: "10.20.2.0/24".into(),
        ports: "1000-2000".into(),
    };
    run(
        &mut s,
        Command::SetSecurityRule {
            nsg,
            rule: rule("rule-a", "100"),
            replacing: None,
        },
    );
    run(
        &mut s,
        Command::SetSecurityRule {
            nsg,
            rule: rule("rule-b", "200"),
            replacing: None,
        },
    );
    run(
        &mut s,
        Command::MoveSecurityRule {
            nsg,
            name: "rule-b".into(),
            toward: Toward::Earlier,
        },
    );
    run(
        &mut s,
        Command::RemoveSecurityRule {
            nsg,
            name: "rule-a".into(),
        },
    );
    run(
        &mut s,
        Command::AssociateNetworkSecurityGroup {
            vnet,
            subnet: "web".into(),
            nsg: Some(nsg),
        },
    );
    run(
        &mut s,
        Command::AssociateNetworkSecurityGroup {
            vnet,
            subnet: "web".into(),
            nsg: None,
        },
    );
    run(
        &mut s,
        Command::CreateRouteTable {
            name: "lab-routes".into(),
            region: Region::WestEurope,
        },
    );
    let table = s
        .route_tables
        .values()
        .find(|t| t.name == "lab-routes")
        .expect("table")
        .id;
    run(
        &mut s,
        Command::SetUserRoute {
            route_table: table,
            name: "to-fw".into(),
            prefix: "0.0.0.0/0".into(),
            next_hop: NextHopKind::VirtualAppliance,
            appliance: "10.20.2.6".into(),
            replacing: None,
        },
    );
    run(
        &mut s,
        Command::AssociateRouteTable {
            vnet,
            subnet: "web".into(),
            route_table: Some(table),
        },
    );
    run(
        &mut s,
        Command::AssociateRouteTable {
            vnet,
            subnet: "web".into(),
            route_table: None,
        },
    );
    run(
        &mut s,
        Command::RemoveUserRoute {
            route_table: table,
            name: "to-fw".into(),
        },
    );
    run(
        &mut s,
        Command::CreateNatGateway {
            name: "lab-nat".into(),
            region: Region::WestEurope,
            public_ip: "20.1.2.3".into(),
        },
    );
    let nat = s
        .nat_gateways
        .values()
        .find(|n| n.name == "lab-nat")
        .expect("nat")
        .id;
    run(
        &mut s,
        Command::AssociateNatGateway {
            vnet,
            subnet: "web".into(),
            nat_gateway: Some(nat),
        },
    );
    run(
        &mut s,
        Command::AssociateNatGateway {
            vnet,
            subnet: "web".into(),
            nat_gateway: None,
        },
    );
    run(&mut s, Command::DeleteNatGateway { nat_gateway: nat });
    run(&mut s, Command::DeleteRouteTable { route_table: table });
    run(&mut s, Command::DeleteNetworkSecurityGroup { nsg });
    run(
        &mut s,
        Command::DelegateSubnet {
            vnet,
            subnet: "web".into(),
        },
    );
    run(
        &mut s,
        Command::ConnectRegional {
            app,
            vnet,
            subnet: "web".into(),
            route_all: false,
        },
    );
    run(&mut s, Command::SetRouteAll { app, enabled: true });
    run(
        &mut s,
        Command::SetDnsServerSetting {
            app,
            address: "168.63.129.16".into(),
        },
    );
    run(
        &mut s,
        Command::SetDnsServerSetting {
            app,
            address: String::new(),
        },
    );
    run(&mut s, Command::DisconnectWebApp { app });
    run(
        &mut s,
        Command::ConnectRegionalToNewSubnet {
            app,
            vnet,
            subnet: "web2".into(),
            prefix: "10.20.3.0/26".into(),
            route_all: true,
        },
    );
    run(&mut s, Command::DisconnectWebApp { app });
    run(
        &mut s,
        Command::DeleteSubnet {
            vnet,
            subnet: "web2".into(),
        },
    );
    run(
        &mut s,
        Command::CreateGateway {
            vnet,
            routing: Routing::Dynamic,
        },
    );
    run(
        &mut s,
        Command::AdvanceClock {
            seconds: GATEWAY_PROVISIONING,
        },
    );
    run(
        &mut s,
        Command::EnablePointToSite {
            vnet,
            pool: "172.30.0.0/24".into(),
        },
    );
    run(
        &mut s,
        Command::CreateLocalNetwork {
            name: "branch".into(),
            address_space: "192.170.0.0/16".into(),
            vpn_device: "131.107.20.1".into(),
        },
    );
    let branch = s.local_network_named("branch").expect("local").id;
    run(
        &mut s,
        Command::AddServer {
            local_network: branch,
            name: "srv".into(),
            address: "192.170.1.4".into(),
            host_names: "srv.branch.local".into(),
            role: Some(Role::WindowsServer),
        },
    );
    let server = s.local_networks[&branch].servers[0].id;
    run(
        &mut s,
        Command::AddRoute {
            local_network: branch,
            prefix: "172.30.0.0/24".into(),
        },
    );
    run(
        &mut s,
        Command::RemoveRoute {
            local_network: branch,
            prefix: "172.30.0.0/24".into(),
        },
    );
    run(
        &mut s,
        Command::LinkSiteToSite {
            vnet,
            local_network: branch,
        },
    );
    run(&mut s, Command::ConnectWebApp { app, vnet });
    run(&mut s, Command::SyncConnection { app });
    let thumbprint = s.web_apps[&app]
        .connection
        .as_ref()
        .expect("connected")
        .thumbprint
        .clone();
    run(
        &mut s,
        Command::RevokeCertificate {
            vnet,
            thumbprint: thumbprint.clone(),
        },
    );
    run(&mut s, Command::MigrateToRegional { app });
    run(&mut s, Command::DisconnectWebApp { app });
    run(&mut s, Command::DeleteCertificate { vnet, thumbprint });
    run(
        &mut s,
        Command::UnlinkSiteToSite {
            vnet,
            local_network: branch,
        },
    );
    run(&mut s, Command::DisablePointToSite { vnet });
    run(&mut s, Command::DeleteGateway { vnet });
    run(
        &mut s,
        Command::AddHybridConnection {
            app,
            name: "hc1".into(),
            endpoint: "srv.branch.local:1433".into(),
        },
    );
    let hybrid = s
        .hybrid_connections
        .values()
        .find(|h| h.name == "hc1")
        .expect("hc")
        .id;
    run(
        &mut s,
        Command::InstallRelayAgent {
            connection: hybrid,
            local_network: branch,
            server,
        },
    );
    run(
        &mut s,
        Command::SetRelayAgentRunning {
            connection: hybrid,
            running: true,
        },
    );
    run(
        &mut s,
        Command::DeleteHybridConnection { connection: hybrid },
    );
    run(
        &mut s,
        Command::DeleteLocalNetwork {
            local_network: branch,
        },
    );
    run(
        &mut s,
        Command::CreateInternetHost {
            name: "api.example.com".into(),
            address: "20.9.9.9".into(),
        },
    );
    let internet = s.internet_hosts.values().next().expect("host").id;
    run(&mut s, Command::DeleteInternetHost { host: internet });
    run(
        &mut s,
        Command::AddSubnet {
            vnet,
            name: "pe".into(),
            prefix: "10.20.4.0/24".into(),
        },
    );
    run(
        &mut s,
        Command::CreatePrivateEndpoint {
            vnet,
            subnet: "pe".into(),
            target: "lab-sql.database.windows.net".into(),
            address: "10.20.4.4".into(),
            public_address: "40.1.1.1".into(),
        },
    );
    let endpoint = s
        .private_endpoints
        .values()
        .find(|e| e.host.name.starts_with("lab-sql"))
        .expect("pe")
        .id;
    run(
        &mut s,
        Command::CreatePrivateDnsZone {
            name: "privatelink.blob.core.windows.net".into(),
        },
    );
    let zone = s
        .private_dns_zones
        .values()
        .find(|z| z.name.starts_with("privatelink.blob"))
        .expect("zone")
        .id;
    run(
        &mut s,
        Command::AddZoneRecord {
            zone,
            name: "labblob".into(),
            address: "10.20.4.5".into(),
        },
    );
    run(&mut s, Command::LinkPrivateDnsZone { zone, vnet });
    run(&mut s, Command::UnlinkPrivateDnsZone { zone, vnet });
    run(
        &mut s,
        Command::RemoveZoneRecord {
            zone,
            name: "labblob".into(),
        },
    );
    run(&mut s, Command::DeletePrivateDnsZone { zone });
    run(&mut s, Command::DeletePrivateEndpoint { endpoint });
    run(
        &mut s,
        Command::CreateVirtualNetworkAndConnect {
            app,
            name: "newVnet".into(),
            address_space: "10.30.0.0/16".into(),
            dns_servers: String::new(),
        },
    );
    run(
        &mut s,
        Command::MoveClock {
            to: ClockTarget::By(Step::Days(1)),
        },
    );
    run(&mut s, Command::SetClockSpeed { speed: 120 });
    run(&mut s, Command::DisconnectWebApp { app });
    run(&mut s, Command::DeleteWebApp { app });
    run(&mut s, Command::DeletePlan { plan });
    let labvnet = vnet;
    run(&mut s, Command::DeleteVirtualNetwork { vnet: labvnet });
    (s, log)
}

#[test]
fn r42_every_command_logs_its_az_equivalent() {
    let (_, log) = scenario();
    let mut script = String::new();
    for (label, az) in &log {
        match az {
            CliEquivalent::Commands(lines) => {
                assert!(
                    lines.starts_with("az ") || lines.starts_with("printf "),
                    "{label}: {lines}"
                );
                script.push_str(&format!(
                    "# {}\n{lines}\n",
                    label.lines().next().unwrap_or("")
                ));
            }
            CliEquivalent::None(reason) => {
                assert!(reason.starts_with("None: "), "{label}: {reason}")
            }
        }
    }
    let out = bash(&format!("set -n\n{script}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    if let Ok(path) = std::env::var("AZ_LINES_OUT") {
        std::fs::write(
            path,
            format!("#!/usr/bin/env bash\nset -euo pipefail\n{script}"),
        )
        .expect("written");
    }
}

#[test]
fn r42_lines_name_what_the_command_changed() {
    let (_, log) = scenario();
    let find = |prefix: &str| {
        log.iter()
            .find(|(label, _)| label.starts_with(prefix))
            .map(|(_, az)| az.clone())
            .unwrap_or_else(|| panic!("{prefix} was run"))
    };
    assert_eq!(
        find("CreatePlan"),
        CliEquivalent::Commands("az appservice plan create --resource-group \"${RESOURCE_GROUP}\" --name lab-plan --location westeurope --sku S1 --number-of-workers 1".into())
    );
    assert_eq!(
        find("DeleteWebApp"),
        CliEquivalent::Commands(
            "az webapp delete --resource-group \"${RESOURCE_GROUP}\" --name lab-app".into()
        )
    );
    let CliEquivalent::Commands(peering) = find("PeerVirtualNetworks") else {
        panic!("az")
    };
    assert_eq!(peering.lines().count(), 2, "both sides: {peering}");
    let CliEquivalent::Commands(moved) = find("MoveSecurityRule") else {
        panic!("az")
    };
    assert!(
        moved
            .lines()
            .take(2)
            .all(|line| line.contains("rule delete")),
        "deleted first: {moved}"
    );
    let CliEquivalent::Commands(connect) = find("ConnectWebApp") else {
        panic!("az")
    };
    assert!(
        connect.contains("az resource create") && connect.contains("virtualNetworkConnections"),
        "{connect}"
    );
    assert_eq!(
        find("MoveClock"),
        CliEquivalent::None(
            "None: the simulated clock is the lab's own; Azure runs on real time.".into()
        )
    );
    assert!(
        matches!(find("InstallRelayAgent"), CliEquivalent::None(reason) if reason.contains("Hybrid Connection Manager"))
    );
    let CliEquivalent::Commands(migrate) = find("MigrateToRegional") else {
        panic!("az")
    };
    assert!(
        migrate.contains("az webapp vnet-integration add"),
        "{migrate}"
    );
}

#[test]
fn r42_a_refused_move_of_a_virtual_machine_says_azure_has_none() {
    let s = Subscription::sample();
    let corp = s.vnet_named("corpVnet").expect("sample");
    let command = Command::MoveVirtualMachine {
        vnet: corp.id,
        vm: corp.virtual_machines[0].id,
        to: corp.id,
    };
    assert!(
        matches!(equivalent(&s, &s, &command), CliEquivalent::None(reason) if reason.contains("cannot move"))
    );
}

#[test]
fn r42_a_migration_plan_is_a_script_of_its_steps_in_order() {
    let s = Subscription::sample();
    let app = s.web_app_named("contoso-web").expect("sample").id;
    let plan = migration::plan(&s, app).expect("gateway-required");
    let lines = plan_lines(&s, &plan);
    assert!(!lines.is_empty());
    let text: Vec<String> = lines.iter().map(ToString::to_string).collect();
    let disconnect = text
        .iter()
        .position(|l| l.starts_with("az resource delete"))
        .expect("disconnect");
    let add = text
        .iter()
        .position(|l| l.starts_with("az webapp vnet-integration add"))
        .expect("connect");
    assert!(disconnect < add, "{text:#?}");
    let words = az_arguments(&text.join("\n"));
    assert_eq!(words, expected_arguments(&lines));
}

#[test]
fn r42_old_activity_entries_load_without_az() {
    let entry: vnet_lab::model::entities::subscription::Activity =
        serde_json::from_str(r#"{"at": 0, "text": "Created the plan p"}"#).expect("loads");
    assert_eq!(entry.az, None);
}
