//! A document checked whole before it is used (SPEC §8): every reference resolves, names are
//! unique where Azure makes them unique, and what holds for a state built by commands holds.
//! Commands keep all of this true; a document from elsewhere (localStorage, a file, a share
//! link, an imported template) is refused at its first break, named by its JSON path.

use std::collections::BTreeMap;
use std::fmt;

use crate::model::derived::regional::{integration_subnets, plan_subnets};
use crate::model::derived::status::plan_networks;
use crate::model::entities::ids::{PlanId, VnetId};
use crate::model::entities::network::{Delegation, VirtualNetwork};
use crate::model::entities::subscription::Subscription;
use crate::model::entities::web_app::MAX_VNETS_PER_PLAN;
use crate::model::entities::web_app::{Plan, MAX_INSTANCES};
use crate::model::input::addressing::{first_overlap, is_private, overlaps};

/// Why a document is refused: the JSON path of the field inside the subscription (as the saved
/// form writes it: `web_apps.7.regional.subnet`) and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    pub path: String,
    pub reason: String,
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the field \"{}\" is wrong: {}", self.path, self.reason)
    }
}

impl std::error::Error for Invalid {}

type Checked = Result<(), Invalid>;

fn refuse(path: impl Into<String>, reason: impl Into<String>) -> Checked {
    Err(Invalid {
        path: path.into(),
        reason: reason.into(),
    })
}

/// Refuses `path` unless `holds`.
fn ensure(holds: bool, path: impl Into<String>, reason: impl FnOnce() -> String) -> Checked {
    if holds {
        Ok(())
    } else {
        refuse(path, reason())
    }
}

impl Subscription {
    /// Checks the whole document: references, unique names, and the invariants commands keep.
    pub fn validate(&self) -> Checked {
        // References first: the counts of plans and subnets below read through them.
        self.keys_match_ids()?;
        self.unique_names()?;
        for vnet in self.virtual_networks.values() {
            self.network_holds(vnet)?;
        }
        self.web_apps_hold()?;
        self.associations_hold()?;
        self.on_premises_holds()?;
        self.plans_hold()?;
        self.integration_subnets_hold()?;
        ensure(
            self.activity
                .windows(2)
                .all(|pair| pair[0].at <= pair[1].at),
            "activity",
            || {
                "the activity log is not in time order: each line must be at or after the one before it".into()
            },
        )
    }

    /// Each entity under the key of its own id, and every such id below `next_id`, so the next
    /// one created cannot take an existing key (ids are never reused).
    fn keys_match_ids(&self) -> Checked {
        let mut highest = 0;
        let mut check = |collection: &str, key: u32, id: u32| {
            highest = highest.max(key);
            ensure(key == id, format!("{collection}.{key}.id"), || {
                format!("the id is {id} but the entity is kept under {key}: they must be the same")
            })
        };
        for (key, plan) in &self.plans {
            check("plans", key.0, plan.id.0)?;
        }
        for (key, app) in &self.web_apps {
            check("web_apps", key.0, app.id.0)?;
        }
        for (key, vnet) in &self.virtual_networks {
            check("virtual_networks", key.0, vnet.id.0)?;
        }
        for (key, local) in &self.local_networks {
            check("local_networks", key.0, local.id.0)?;
        }
        for (key, hybrid) in &self.hybrid_connections {
            check("hybrid_connections", key.0, hybrid.id.0)?;
        }
        for (key, nsg) in &self.network_security_groups {
            check("network_security_groups", key.0, nsg.id.0)?;
        }
        for (key, table) in &self.route_tables {
            check("route_tables", key.0, table.id.0)?;
        }
        for (key, nat) in &self.nat_gateways {
            check("nat_gateways", key.0, nat.id.0)?;
        }
        for (key, zone) in &self.private_dns_zones {
            check("private_dns_zones", key.0, zone.id.0)?;
        }
        for (key, endpoint) in &self.private_endpoints {
            check("private_endpoints", key.0, endpoint.id.0)?;
        }
        for (key, host) in &self.internet_hosts {
            check("internet_hosts", key.0, host.id.0)?;
        }
        ensure(self.next_id > highest, "next_id", || {
            format!(
                "it is {}, but the id {highest} is in use: ids are never reused, so it must be above every id",
                self.next_id
            )
        })?;
        self.host_ids_hold()
    }

    /// Virtual machines and on-premises servers take their ids from the same counter: each one
    /// below `next_id`, and no two alike.
    fn host_ids_hold(&self) -> Checked {
        let machines = self.virtual_networks.values().flat_map(|vnet| {
            vnet.virtual_machines
                .iter()
                .enumerate()
                .map(move |(i, vm)| {
                    (
                        format!("virtual_networks.{}.virtual_machines[{i}].id", vnet.id),
                        vm.id.0,
                    )
                })
        });
        let servers = self.local_networks.values().flat_map(|local| {
            local.servers.iter().enumerate().map(move |(i, server)| {
                (
                    format!("local_networks.{}.servers[{i}].id", local.id),
                    server.id.0,
                )
            })
        });
        let mut seen: BTreeMap<u32, String> = BTreeMap::new();
        for (path, id) in machines.chain(servers) {
            ensure(id < self.next_id, path.clone(), || {
                format!(
                    "the id {id} is not below next_id ({}): ids are never reused, so the next one created would take it",
                    self.next_id
                )
            })?;
            if let Some(first) = seen.insert(id, path.clone()) {
                return refuse(
                    path,
                    format!("the id {id} is also the id at {first}: ids are unique"),
                );
            }
        }
        Ok(())
    }

    /// Names Azure keeps unique, compared as the commands compare them.
    fn unique_names(&self) -> Checked {
        unique(
            "web_apps",
            self.web_apps.iter().map(|(k, a)| (k.0, a.name.as_str())),
            true,
        )?;
        unique(
            "plans",
            self.plans.iter().map(|(k, p)| (k.0, p.name.as_str())),
            false,
        )?;
        unique(
            "virtual_networks",
            self.virtual_networks
                .iter()
                .map(|(k, v)| (k.0, v.name.as_str())),
            false,
        )?;
        unique(
            "local_networks",
            self.local_networks
                .iter()
                .map(|(k, l)| (k.0, l.name.as_str())),
            false,
        )?;
        // A Hybrid Connection's name is unique among its web app's.
        for app in self.web_apps.keys() {
            unique(
                "hybrid_connections",
                self.hybrid_connections
                    .iter()
                    .filter(|(_, h)| h.app == *app)
                    .map(|(k, h)| (k.0, h.name.as_str())),
                false,
            )?;
        }
        unique(
            "network_security_groups",
            self.network_security_groups
                .iter()
                .map(|(k, n)| (k.0, n.name.as_str())),
            false,
        )?;
        unique(
            "route_tables",
            self.route_tables
                .iter()
                .map(|(k, t)| (k.0, t.name.as_str())),
            false,
        )?;
        unique(
            "nat_gateways",
            self.nat_gateways
                .iter()
                .map(|(k, n)| (k.0, n.name.as_str())),
            false,
        )?;
        unique(
            "private_dns_zones",
            self.private_dns_zones
                .iter()
                .map(|(k, z)| (k.0, z.name.as_str())),
            true,
        )?;
        unique(
            "private_endpoints",
            self.private_endpoints
                .iter()
                .map(|(k, e)| (k.0, e.host.name.as_str())),
            true,
        )?;
        unique(
            "internet_hosts",
            self.internet_hosts
                .iter()
                .map(|(k, h)| (k.0, h.host.name.as_str())),
            true,
        )
    }

    fn plans_hold(&self) -> Checked {
        for (key, plan) in &self.plans {
            let Plan { instances, .. } = plan;
            ensure(
                (1..=MAX_INSTANCES).contains(instances),
                format!("plans.{key}.instances"),
                || format!("{instances} instances: a plan runs from 1 to {MAX_INSTANCES}"),
            )?;
            let networks = plan_networks(self, *key).len();
            ensure(
                networks <= MAX_VNETS_PER_PLAN,
                format!("plans.{key}"),
                || {
                    format!("the web apps of {} use {networks} virtual networks, more than the {MAX_VNETS_PER_PLAN} a plan can use", plan.name)
                },
            )?;
            let subnets = plan_subnets(self, *key).len();
            ensure(subnets <= 2, format!("plans.{key}"), || {
                format!("the web apps of {} use {subnets} integration subnets, more than the two a plan can use", plan.name)
            })?;
        }
        Ok(())
    }

    fn vnet_exists(&self, vnet: VnetId, path: String) -> Checked {
        ensure(self.virtual_networks.contains_key(&vnet), path, || {
            format!("there is no virtual network {vnet}: name one of the subscription's")
        })
    }

    fn plan_exists(&self, plan: PlanId, path: String) -> Checked {
        ensure(self.plans.contains_key(&plan), path, || {
            format!("there is no App Service plan {plan}: name one of the subscription's")
        })
    }

    /// A VNet's address space, subnets, point-to-site pool, links, peerings and VMs.
    fn network_holds(&self, vnet: &VirtualNetwork) -> Checked {
        let at = format!("virtual_networks.{}", vnet.id);
        if let Some((a, b)) = first_overlap(&vnet.address_space) {
            return refuse(
                format!("{at}.address_space"),
                format!("{a} and {b} overlap: the prefixes of an address space are disjoint"),
            );
        }
        for (i, subnet) in vnet.subnets.iter().enumerate() {
            let path = format!("{at}.subnets[{i}]");
            ensure(
                vnet.address_space
                    .iter()
                    .any(|space| space.contains(&subnet.prefix)),
                format!("{path}.prefix"),
                || {
                    format!(
                        "{} is outside the address space of {}",
                        subnet.prefix, vnet.name
                    )
                },
            )?;
            if let Some(other) = vnet.subnets[..i]
                .iter()
                .find(|other| overlaps(&other.prefix, &subnet.prefix))
            {
                return refuse(
                    format!("{path}.prefix"),
                    format!(
                        "{} overlaps the subnet {} ({})",
                        subnet.prefix, other.name, other.prefix
                    ),
                );
            }
            if let Some(other) = vnet.subnets[..i]
                .iter()
                .find(|other| other.name.eq_ignore_ascii_case(&subnet.name))
            {
                return refuse(
                    format!("{path}.name"),
                    format!("{} has two subnets named {}", vnet.name, other.name),
                );
            }
            if let Some(nsg) = subnet.network_security_group {
                ensure(
                    self.network_security_groups.contains_key(&nsg),
                    format!("{path}.network_security_group"),
                    || {
                        format!("there is no network security group {nsg}: name one of the subscription's, or leave the subnet without one")
                    },
                )?;
            }
            if let Some(table) = subnet.route_table {
                ensure(
                    self.route_tables.contains_key(&table),
                    format!("{path}.route_table"),
                    || {
                        format!("there is no route table {table}: name one of the subscription's, or leave the subnet without one")
                    },
                )?;
            }
            if let Some(nat) = subnet.nat_gateway {
                ensure(
                    self.nat_gateways.contains_key(&nat),
                    format!("{path}.nat_gateway"),
                    || {
                        format!("there is no NAT gateway {nat}: name one of the subscription's, or leave the subnet without one")
                    },
                )?;
            }
        }
        if let Some(p2s) = &vnet.point_to_site {
            let pool = p2s.pool;
            ensure(
                is_private(&pool),
                format!("{at}.point_to_site.pool"),
                || format!("{pool} is not a private (RFC 1918) range"),
            )?;
            ensure(
                vnet.address_space
                    .iter()
                    .all(|space| !overlaps(space, &pool)),
                format!("{at}.point_to_site.pool"),
                || format!("{pool} overlaps the address space of {}", vnet.name),
            )?;
        }
        for (i, local) in vnet.site_to_site.iter().enumerate() {
            ensure(
                self.local_networks.contains_key(local),
                format!("{at}.site_to_site[{i}]"),
                || format!("there is no local network {local}: name one of the subscription's"),
            )?;
        }
        for (i, vm) in vnet.virtual_machines.iter().enumerate() {
            ensure(
                vnet.subnet(&vm.subnet).is_some(),
                format!("{at}.virtual_machines[{i}].subnet"),
                || {
                    format!(
                        "{} has no subnet {} for the virtual machine {}",
                        vnet.name, vm.subnet, vm.host.name
                    )
                },
            )?;
        }
        for (i, peer) in vnet.peerings.iter().enumerate() {
            let path = format!("{at}.peerings[{i}]");
            ensure(*peer != vnet.id, path.clone(), || {
                format!("{} is peered with itself", vnet.name)
            })?;
            let Some(remote) = self.virtual_networks.get(peer) else {
                return refuse(
                    path,
                    format!("there is no virtual network {peer}: name one of the subscription's"),
                );
            };
            ensure(remote.peerings.contains(&vnet.id), path, || {
                format!(
                    "{} is peered with {}, but {} is not peered back: a peering has both sides",
                    vnet.name, remote.name, remote.name
                )
            })?;
        }
        Ok(())
    }

    /// Each web app's plan and its integration, of either kind.
    fn web_apps_hold(&self) -> Checked {
        for (key, app) in &self.web_apps {
            let at = format!("web_apps.{key}");
            self.plan_exists(app.plan, format!("{at}.plan"))?;
            ensure(
                app.connection.is_none() || app.regional.is_none(),
                format!("{at}.regional"),
                || {
                    format!("{} has both a gateway-required connection and a regional integration: a web app uses one at a time", app.name)
                },
            )?;
            if let Some(connection) = &app.connection {
                self.vnet_exists(connection.vnet, format!("{at}.connection.vnet"))?;
                ensure(
                    self.certificate(&connection.thumbprint).is_some(),
                    format!("{at}.connection.thumbprint"),
                    || {
                        format!(
                            "no certificate issued by the lab has the thumbprint {}",
                            connection.thumbprint
                        )
                    },
                )?;
            }
            if let Some(regional) = &app.regional {
                self.vnet_exists(regional.vnet, format!("{at}.regional.vnet"))?;
                let vnet = &self.virtual_networks[&regional.vnet];
                let Some(subnet) = vnet.subnet(&regional.subnet) else {
                    return refuse(
                        format!("{at}.regional.subnet"),
                        format!("{} has no subnet {}", vnet.name, regional.subnet),
                    );
                };
                ensure(
                    subnet.delegation == Some(Delegation::ServerFarms),
                    format!("{at}.regional.subnet"),
                    || {
                        format!(
                            "the subnet {} is not delegated to {}",
                            subnet.name,
                            Delegation::ServerFarms
                        )
                    },
                )?;
                let plan = &self.plans[&app.plan];
                ensure(
                    vnet.region == plan.region,
                    format!("{at}.regional.vnet"),
                    || {
                        format!("{} is in {}, but the plan {} is in {}: regional integration needs the plan's region", vnet.name, vnet.region, plan.name, plan.region)
                    },
                )?;
            }
        }
        Ok(())
    }

    /// Issued certificates, zone links, private endpoints and Hybrid Connections.
    fn associations_hold(&self) -> Checked {
        for (i, issued) in self.certificates.iter().enumerate() {
            self.vnet_exists(issued.vnet, format!("certificates[{i}].vnet"))?;
        }
        for (key, zone) in &self.private_dns_zones {
            for (i, vnet) in zone.links.iter().enumerate() {
                self.vnet_exists(*vnet, format!("private_dns_zones.{key}.links[{i}]"))?;
            }
        }
        for (key, endpoint) in &self.private_endpoints {
            let at = format!("private_endpoints.{key}");
            self.vnet_exists(endpoint.vnet, format!("{at}.vnet"))?;
            let vnet = &self.virtual_networks[&endpoint.vnet];
            ensure(
                vnet.subnet(&endpoint.subnet).is_some(),
                format!("{at}.subnet"),
                || format!("{} has no subnet {}", vnet.name, endpoint.subnet),
            )?;
        }
        for (key, hybrid) in &self.hybrid_connections {
            let at = format!("hybrid_connections.{key}");
            ensure(
                self.web_apps.contains_key(&hybrid.app),
                format!("{at}.app"),
                || {
                    format!(
                        "there is no web app {}: name one of the subscription's",
                        hybrid.app
                    )
                },
            )?;
            if let Some(agent) = &hybrid.agent {
                let local = agent.local_network;
                let Some(network) = self.local_networks.get(&local) else {
                    return refuse(
                        format!("{at}.agent.local_network"),
                        format!(
                            "there is no local network {local}: name one of the subscription's"
                        ),
                    );
                };
                let server = agent.server;
                ensure(
                    network.servers.iter().any(|s| s.id == server),
                    format!("{at}.agent.server"),
                    || {
                        format!(
                            "{} has no server {server} to run the relay agent: name one of its servers",
                            network.name
                        )
                    },
                )?;
            }
        }
        Ok(())
    }

    fn on_premises_holds(&self) -> Checked {
        for (key, local) in &self.local_networks {
            if let Some((a, b)) = first_overlap(&local.address_space) {
                return refuse(
                    format!("local_networks.{key}.address_space"),
                    format!("{a} and {b} overlap: the prefixes of an address space are disjoint"),
                );
            }
        }
        Ok(())
    }

    /// R27, R28: a subnet below /26 serves one plan, and holds the instances of its plans.
    fn integration_subnets_hold(&self) -> Checked {
        for subnet in integration_subnets(self) {
            let first = subnet.apps.first().map_or(String::from("web_apps"), |app| {
                format!("web_apps.{app}.regional.subnet")
            });
            ensure(
                subnet.plans.len() == 1 || subnet.prefix.prefix_len() <= 26,
                first.clone(),
                || {
                    format!("the subnet {} ({}) serves {} plans; only a /26 or larger serves more than one", subnet.subnet, subnet.prefix, subnet.plans.len())
                },
            )?;
            ensure(subnet.in_use() <= subnet.capacity(), first, || {
                format!(
                    "the subnet {} ({}) has {} usable addresses, but its plans run {} instances",
                    subnet.subnet,
                    subnet.prefix,
                    subnet.capacity(),
                    subnet.in_use()
                )
            })?;
        }
        Ok(())
    }
}

/// Refuses the second entity of `collection` whose name another already has.
fn unique<'a>(
    collection: &str,
    names: impl Iterator<Item = (u32, &'a str)>,
    exact: bool,
) -> Checked {
    let field = if matches!(collection, "private_endpoints" | "internet_hosts") {
        "host.name"
    } else {
        "name"
    };
    let mut seen: BTreeMap<String, u32> = BTreeMap::new();
    for (key, name) in names {
        let folded = if exact {
            name.to_string()
        } else {
            name.to_ascii_lowercase()
        };
        if let Some(first) = seen.insert(folded, key) {
            return refuse(
                format!("{collection}.{key}.{field}"),
                format!("“{name}” is also the name of {collection}.{first}: names are unique"),
            );
        }
    }
    Ok(())
}
