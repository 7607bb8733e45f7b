//! The VNet Integration tile of today's portal (SPEC §9): pick a VNet of the plan's region (the
//! others greyed with their region, R25), then an eligible subnet (the others greyed with every
//! reason, R26–R28) or a new one with a /26 proposed; once integrated, the subnet, Route All
//! (R29), `WEBSITE_DNS_SERVER` (R32), the effective rules (R30, R31) and Disconnect.

use leptos::prelude::*;

use crate::model::derived::effective::effective_rules;
use crate::model::derived::in_effect::{
    dns_in_effect, integration_tile, outbound_nat_gateway, DnsInEffect, IntegrationTile, AZURE_DNS,
};
use crate::model::derived::regional::{
    free_prefix, region_problem, subnet_problems, MULTI_PLAN_PREFIX,
};
use crate::model::entities::ids::{VnetId, WebAppId};
use crate::model::input::text::join;
use crate::model::{Command, Subscription};
use crate::ui::lab::use_lab;
use crate::ui::route::{Route, Section, VnetTab};
use crate::ui::widgets::form::{Form, TextInput};
use crate::ui::widgets::keyed::shown;

/// What the tile shows, by the web app's integration and plan.
#[derive(Clone, PartialEq)]
enum Tile {
    GatewayRequired { vnet: String },
    NeedsBasic { tier: String },
    Integrated,
    Picker,
}

fn tile(s: &Subscription, app: WebAppId) -> Option<Tile> {
    Some(match integration_tile(s, app)? {
        IntegrationTile::GatewayRequired(vnet) => Tile::GatewayRequired {
            vnet: s
                .virtual_networks
                .get(&vnet)
                .map(|v| v.name.clone())
                .unwrap_or_default(),
        },
        IntegrationTile::Integrated => Tile::Integrated,
        IntegrationTile::NeedsBasic(tier) => Tile::NeedsBasic {
            tier: tier.to_string(),
        },
        IntegrationTile::Picker => Tile::Picker,
    })
}

#[component]
pub fn RegionalTile(app: WebAppId) -> impl IntoView {
    let lab = use_lab();
    let shown_tile = lab.derive(move |s| tile(s, app));
    let body = move || {
        match shown_tile.get()? {
        Tile::GatewayRequired { vnet } => Some(view! {
            <p>{format!("This web app uses gateway-required integration with {vnet}. A web app uses one integration at a time; ")}
                <a href=Section::Migration.href()>"plan its move to regional integration"</a>"."</p>
        }.into_any()),
        Tile::NeedsBasic { tier } => Some(view! {
            <p class="banner banner-warn" role="status">{format!("Regional VNet Integration needs the Basic, Standard or Premium tier; this web app's plan is {tier}. Scale the plan in its Scale section.")}</p>
        }.into_any()),
        Tile::Integrated => Some(view! { <RegionalConnection app=app /> }.into_any()),
        Tile::Picker => Some(view! { <RegionalPicker app=app /> }.into_any()),
    }
    };
    view! {
        <section class="tile" aria-labelledby="regional-tile-title">
            <h3 id="regional-tile-title">"VNet Integration (regional)"</h3>
            {body}
        </section>
    }
}

/// A VNet in the regional picker.
#[derive(Clone, PartialEq, Eq, Hash)]
struct VnetCandidate {
    id: VnetId,
    name: String,
    region: String,
    /// Why it cannot be picked: another region.
    refused: Option<String>,
}

/// A subnet of the picked VNet, with every reason it cannot serve the plan.
#[derive(Clone, PartialEq, Eq, Hash)]
struct SubnetCandidate {
    name: String,
    prefix: String,
    delegated: bool,
    reasons: Vec<String>,
}

#[component]
fn RegionalPicker(app: WebAppId) -> impl IntoView {
    let lab = use_lab();
    let picked = RwSignal::new(None::<VnetId>);
    let route_all = RwSignal::new(true);
    let vnets = lab.derive(move |s| {
        let Some(plan) = s.web_apps.get(&app).and_then(|a| s.plan_of(a)) else {
            return Vec::new();
        };
        s.virtual_networks
            .values()
            .map(|v| VnetCandidate {
                id: v.id,
                name: v.name.clone(),
                region: v.region.to_string(),
                refused: region_problem(plan, v).map(|(vnet_region, plan_region)| {
                    format!("it is in {vnet_region}; the plan is in {plan_region}: peer it to a VNet in {plan_region}, or use gateway-required integration")
                }),
            })
            .collect::<Vec<_>>()
    });
    let vnet_row = move |candidate: VnetCandidate| {
        let id = candidate.id;
        let eligible = candidate.refused.is_none();
        let is_picked = move || picked.get() == Some(id);
        view! {
            <li class="picker-row" class:picker-disabled=!eligible>
                <div>
                    <strong>{candidate.name.clone()}</strong>
                    <span class="muted">" "{candidate.region}</span>
                    {candidate.refused.map(|reason| view! { <ul class="reasons" aria-label=format!("Why {} cannot be picked", candidate.name)><li>{reason}</li></ul> })}
                </div>
                <button
                    type="button"
                    disabled=!eligible
                    aria-pressed=move || is_picked().to_string()
                    aria-label=format!("Pick {}", candidate.name)
                    on:click=move |_| picked.set(Some(id))
                >
                    "Pick"
                </button>
            </li>
        }
    };
    view! {
        <p>"Not integrated. Pick a virtual network in the plan's region, then an empty subnet of /28 or larger; an undelegated subnet is delegated to Microsoft.Web/serverFarms when you connect."</p>
        <ul class="picker" aria-label="Virtual networks for regional integration">
            <For each=move || vnets.get() key=shown children=vnet_row />
        </ul>
        <label class="checkbox">
            <input type="checkbox" prop:checked=move || route_all.get() on:change=move |ev| route_all.set(event_target_checked(&ev)) />
            " Route All: send all outbound traffic into the virtual network"
        </label>
        {move || picked.get().map(|vnet| view! { <SubnetPicker app=app vnet=vnet route_all=route_all /> })}
    }
}

#[component]
fn SubnetPicker(app: WebAppId, vnet: VnetId, route_all: RwSignal<bool>) -> impl IntoView {
    let lab = use_lab();
    let subnets = lab.derive(move |s| {
        let (Some(plan), Some(network)) = (
            s.web_apps.get(&app).and_then(|a| s.plan_of(a)),
            s.virtual_networks.get(&vnet),
        ) else {
            return Vec::new();
        };
        network
            .subnets
            .iter()
            .map(|subnet| SubnetCandidate {
                name: subnet.name.clone(),
                prefix: subnet.prefix.to_string(),
                delegated: subnet.delegation.is_some(),
                reasons: subnet_problems(s, plan, network, subnet)
                    .iter()
                    .map(ToString::to_string)
                    .collect(),
            })
            .collect::<Vec<_>>()
    });
    let name = lab
        .subscription
        .with_untracked(|s| s.virtual_networks.get(&vnet).map(|v| v.name.clone()))
        .unwrap_or_default();
    let proposal = lab.subscription.with_untracked(|s| {
        s.virtual_networks
            .get(&vnet)
            .and_then(|v| free_prefix(v, MULTI_PLAN_PREFIX))
            .map(|p| p.to_string())
            .unwrap_or_default()
    });
    let subnet_row = move |candidate: SubnetCandidate| {
        let eligible = candidate.reasons.is_empty();
        let subnet = candidate.name.clone();
        let label = format!("Connect to subnet {}", candidate.name);
        view! {
            <li class="picker-row" class:picker-disabled=!eligible>
                <div>
                    <strong>{candidate.name.clone()}</strong>
                    <span class="muted">" "{candidate.prefix}{candidate.delegated.then_some(" · delegated to Microsoft.Web/serverFarms")}</span>
                    {(!eligible).then(|| view! {
                        <ul class="reasons" aria-label=format!("Why subnet {} cannot be picked", candidate.name)>
                            {candidate.reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                        </ul>
                    })}
                </div>
                <button
                    type="button"
                    disabled=!eligible
                    aria-label=label
                    on:click=move |_| {
                        let _ = lab.run(Command::ConnectRegional {
                            app,
                            vnet,
                            subnet: subnet.clone(),
                            route_all: route_all.get_untracked(),
                        });
                    }
                >
                    "Connect"
                </button>
            </li>
        }
    };
    let subnet_name = RwSignal::new(String::from("integration"));
    let prefix = RwSignal::new(proposal);
    let submit = move || {
        lab.submit(Command::ConnectRegionalToNewSubnet {
            app,
            vnet,
            subnet: subnet_name.get_untracked(),
            prefix: prefix.get_untracked(),
            route_all: route_all.get_untracked(),
        })
    };
    view! {
        <h4>{format!("Subnets of {name}")}</h4>
        <ul class="picker" aria-label=format!("Subnets of {name}")>
            <For each=move || subnets.get() key=shown children=subnet_row />
        </ul>
        <Form button="Create subnet and connect" submit=submit>
            <h4>"Or create a new subnet"</h4>
            <TextInput label="Subnet name" value=subnet_name placeholder="integration" />
            <TextInput label="Subnet prefix (a /26 is proposed from the free space)" value=prefix placeholder="10.3.4.0/26" />
        </Form>
    }
}

/// The integration in use, as the tile shows it.
#[derive(Clone, PartialEq)]
struct Regional {
    vnet: VnetId,
    vnet_name: String,
    region: String,
    subnet: String,
    prefix: String,
    route_all: bool,
    outbound: String,
    dns: String,
    website_dns_server: String,
}

fn regional(s: &Subscription, app: WebAppId) -> Option<Regional> {
    let web_app = s.web_apps.get(&app)?;
    let integration = web_app.regional.as_ref()?;
    let vnet = s.virtual_networks.get(&integration.vnet)?;
    let subnet = vnet.subnet(&integration.subnet)?;
    let nat = outbound_nat_gateway(integration, subnet).and_then(|id| s.nat_gateways.get(&id));
    let dns = match dns_in_effect(web_app, vnet) {
        DnsInEffect::AppSetting(server) => format!("{server} (WEBSITE_DNS_SERVER)"),
        DnsInEffect::AzureDns => {
            format!("Azure DNS ({AZURE_DNS}), with the private DNS zones linked to the VNet")
        }
        DnsInEffect::VnetServers(servers) => format!(
            "{} (the VNet's custom DNS servers)",
            join(servers.iter(), ", ")
        ),
    };
    Some(Regional {
        vnet: vnet.id,
        vnet_name: vnet.name.clone(),
        region: vnet.region.to_string(),
        subnet: subnet.name.clone(),
        prefix: subnet.prefix.to_string(),
        route_all: integration.route_all,
        outbound: match nat {
            Some(nat) => format!("{} (NAT gateway {})", nat.public_ip, nat.name),
            None => "The web app's shared outbound addresses".into(),
        },
        dns,
        website_dns_server: web_app
            .dns_server
            .map(|a| a.to_string())
            .unwrap_or_default(),
    })
}

#[component]
fn RegionalConnection(app: WebAppId) -> impl IntoView {
    let lab = use_lab();
    let details = lab.derive(move |s| regional(s, app));
    let body = move |r: Regional| {
        let route_all = r.route_all;
        view! {
            <dl class="facts">
                <dt>"Virtual network"</dt>
                <dd><a href=Route::VirtualNetwork(r.vnet, VnetTab::Overview).href()>{r.vnet_name}</a>" "<span class="muted">{r.region}</span></dd>
                <dt>"Integration subnet"</dt>
                <dd>{r.subnet}" "<code>{r.prefix}</code>" · delegated to Microsoft.Web/serverFarms"</dd>
                <dt>"Route All"</dt>
                <dd>{if route_all { "On: all outbound traffic enters the virtual network" } else { "Off: only private (RFC 1918) destinations enter the virtual network" }}</dd>
                <dt>"Internet traffic leaves from"</dt>
                <dd>{r.outbound}</dd>
                <dt>"DNS"</dt>
                <dd>{r.dns}</dd>
            </dl>
            <div class="actions">
                <button type="button" on:click=move |_| { let _ = lab.run(Command::SetRouteAll { app, enabled: !route_all }); }>
                    {if route_all { "Turn Route All off" } else { "Turn Route All on" }}
                </button>
                <button type="button" class="secondary" on:click=move |_| { let _ = lab.run(Command::DisconnectWebApp { app }); }>"Disconnect"</button>
            </div>
        }
    };
    view! {
        {move || details.get().map(&body)}
        <DnsServerSetting app=app />
        <EffectiveRules app=app />
    }
}

/// The web app's Configuration: the `WEBSITE_DNS_SERVER` app setting (R32).
#[component]
fn DnsServerSetting(app: WebAppId) -> impl IntoView {
    let lab = use_lab();
    let current = lab.derive(move |s| {
        s.web_apps
            .get(&app)
            .and_then(|a| a.dns_server)
            .map_or_else(|| "Not set".to_string(), |a| a.to_string())
    });
    // The field starts at the setting in force, so Save at once keeps it rather than removing it.
    let address = RwSignal::new(lab.subscription.with_untracked(|s| {
        s.web_apps
            .get(&app)
            .and_then(|a| a.dns_server)
            .map_or_else(String::new, |a| a.to_string())
    }));
    let submit = move || {
        lab.submit(Command::SetDnsServerSetting {
            app,
            address: address.get_untracked(),
        })
    };
    view! {
        <h4>"Configuration"</h4>
        <p>"App setting WEBSITE_DNS_SERVER: "<code>{move || current.get()}</code></p>
        <Form button="Save" inline=true query=true submit=submit>
            <TextInput label="WEBSITE_DNS_SERVER (empty removes it)" value=address placeholder="10.3.5.4" />
        </Form>
    }
}

/// One row of an effective rules table.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Row(Vec<String>);

/// The effective rules panel as shown: the subnet, its NSG's name and rules, its routes.
#[derive(Clone, PartialEq)]
struct Panel {
    subnet: String,
    nsg: Option<(String, Vec<Row>)>,
    routes: Vec<Row>,
}

/// The integration subnet's NSG rules in evaluation order and its effective routes, as Network
/// Watcher shows them for a VM (R30, R31).
#[component]
fn EffectiveRules(app: WebAppId) -> impl IntoView {
    let lab = use_lab();
    let panel = lab.derive(move |s| {
        let web_app = s.web_apps.get(&app)?;
        let rules = effective_rules(s, web_app)?;
        let nsg = rules.nsg.map(|(name, outbound, inbound)| {
            let row = |direction: &str, r: &crate::model::entities::security::SecurityRule| {
                Row(vec![
                    direction.to_string(),
                    r.priority.to_string(),
                    r.name.clone(),
                    r.access.to_string(),
                    r.protocol.to_string(),
                    r.destination.to_string(),
                    r.ports.map_or_else(|| "Any".to_string(), |p| p.to_string()),
                ])
            };
            let rows: Vec<Row> = outbound
                .iter()
                .map(|r| row("Outbound", r))
                .chain(
                    inbound
                        .iter()
                        .map(|r| row("Inbound (no effect on the app)", r)),
                )
                .collect();
            (name, rows)
        });
        let routes: Vec<Row> = rules
            .routes
            .iter()
            .map(|r| {
                Row(vec![
                    r.source.to_string(),
                    r.prefix.to_string(),
                    r.next_hop.to_string(),
                ])
            })
            .collect();
        Some(Panel {
            subnet: rules.subnet,
            nsg,
            routes,
        })
    });
    let table = |caption: String, head: &'static [&'static str], rows: Vec<Row>| {
        view! {
            <table tabindex="0">
                <caption>{caption}</caption>
                <thead><tr>{head.iter().map(|h| view! { <th>{*h}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|Row(cells)| view! { <tr>{cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr> }).collect_view()}
                </tbody>
            </table>
        }
    };
    let body = move |Panel {
                         subnet,
                         nsg,
                         routes,
                     }: Panel| {
        view! {
            <h4>"Effective rules"</h4>
            {match nsg {
                Some((name, rows)) => table(
                    format!("Network security group {name} on subnet {subnet}, in evaluation order"),
                    &["Direction", "Priority", "Name", "Access", "Protocol", "Destination", "Ports"],
                    rows,
                ).into_any(),
                None => view! { <p>{format!("No network security group on subnet {subnet}: nothing filters the app's outbound traffic.")}</p> }.into_any(),
            }}
            {table(
                format!("Effective routes of subnet {subnet}"),
                &["Source", "Prefix", "Next hop"],
                routes,
            )}
        }
    };
    move || panel.get().map(&body)
}
