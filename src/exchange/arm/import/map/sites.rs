//! `Microsoft.Web/sites` (a `functionapp` too) and where a template states its integration:
//! `virtualNetworkSubnetId`, a `sites/networkConfig` or `sites/config` named `virtualNetwork`,
//! or `sites/virtualNetworkConnections`; Route All and `WEBSITE_DNS_SERVER` from every spelling.

use std::collections::HashMap;

use serde_json::Value;

use super::{split_child, Mapper};
use crate::exchange::arm::import::props::{at, flag, items, last_name, name_after, text};
use crate::exchange::arm::import::template::Resource;
use crate::model::Command;

/// The integration one place of a template states.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stated {
    Regional { vnet: String, subnet: String },
    GatewayRequired { vnet: String },
}

/// One place that states a site's integration.
pub struct Statement<'r> {
    pub resource: &'r Resource,
    pub path: String,
    pub stated: Stated,
    /// `sites/virtualNetworkConnections` with `isSwift`: Azure refuses it (R40).
    pub swift_connection: bool,
}

/// Every resource by its type and its parent's name, both lowercase, in template order: built
/// once, so each site finds its children (`sites/config`, …) without a scan of every resource.
pub struct Children<'r>(HashMap<(String, String), Vec<&'r Resource>>);

impl<'r> Children<'r> {
    pub fn of(resources: &'r [Resource]) -> Self {
        let mut index: HashMap<(String, String), Vec<&'r Resource>> = HashMap::new();
        for resource in resources {
            let key = (
                resource.resource_type.to_ascii_lowercase(),
                split_child(&resource.name).0.to_ascii_lowercase(),
            );
            index.entry(key).or_default().push(resource);
        }
        Self(index)
    }

    fn of_site(
        &self,
        site: &Resource,
        child_type: &str,
    ) -> impl Iterator<Item = &'r Resource> + '_ {
        let key = (
            format!("{}/{child_type}", site.resource_type).to_ascii_lowercase(),
            site.name.to_ascii_lowercase(),
        );
        self.0.get(&key).into_iter().flatten().copied()
    }
}

fn regional(subnet_id: &str) -> Option<Stated> {
    Some(Stated::Regional {
        vnet: name_after(subnet_id, "virtualNetworks")?.to_string(),
        subnet: name_after(subnet_id, "subnets")?.to_string(),
    })
}

/// Every place the template states `site`'s integration.
pub fn statements<'r>(children: &Children<'r>, site: &'r Resource) -> Vec<Statement<'r>> {
    let mut found = Vec::new();
    if let Some(stated) = text(&site.body, "properties.virtualNetworkSubnetId").and_then(regional) {
        found.push(Statement {
            resource: site,
            path: "properties.virtualNetworkSubnetId".into(),
            stated,
            swift_connection: false,
        });
    }
    for child_type in ["networkConfig", "config"] {
        for child in children.of_site(site, child_type) {
            if split_child(&child.name)
                .1
                .eq_ignore_ascii_case("virtualNetwork")
            {
                if let Some(stated) =
                    text(&child.body, "properties.subnetResourceId").and_then(regional)
                {
                    found.push(Statement {
                        resource: child,
                        path: "properties.subnetResourceId".into(),
                        stated,
                        swift_connection: false,
                    });
                }
            }
        }
    }
    for child in children.of_site(site, "virtualNetworkConnections") {
        let id = text(&child.body, "properties.vnetResourceId").unwrap_or_default();
        let swift = flag(&child.body, "properties.isSwift").unwrap_or(false);
        let stated = if swift || name_after(id, "subnets").is_some() {
            regional(id)
        } else {
            name_after(id, "virtualNetworks").map(|vnet| Stated::GatewayRequired {
                vnet: vnet.to_string(),
            })
        };
        if let Some(stated) = stated {
            found.push(Statement {
                resource: child,
                path: "properties.vnetResourceId".into(),
                stated,
                swift_connection: swift,
            });
        }
    }
    found
}

/// One place that states Route All, and what it says.
pub struct RouteAll<'r> {
    pub resource: &'r Resource,
    pub path: String,
    pub enabled: bool,
}

fn setting(value: &Value) -> Option<bool> {
    match value {
        Value::String(s) => Some(s.trim() == "1" || s.eq_ignore_ascii_case("true")),
        Value::Number(n) => Some(n.as_i64() == Some(1)),
        Value::Bool(b) => Some(*b),
        _ => None,
    }
}

/// An app setting from `siteConfig.appSettings` or a `sites/config` named `appsettings`.
pub fn app_setting<'r>(
    children: &Children<'r>,
    site: &'r Resource,
    name: &str,
) -> Option<(&'r Resource, String, &'r Value)> {
    for (i, entry) in items(&site.body, "properties.siteConfig.appSettings")
        .iter()
        .enumerate()
    {
        if text(entry, "name").is_some_and(|n| n.eq_ignore_ascii_case(name)) {
            if let Some(value) = at(entry, "value") {
                return Some((
                    site,
                    format!("properties.siteConfig.appSettings[{i}].value"),
                    value,
                ));
            }
        }
    }
    children
        .of_site(site, "config")
        .filter(|c| split_child(&c.name).1.eq_ignore_ascii_case("appsettings"))
        .find_map(|c| {
            at(&c.body, &format!("properties.{name}")).map(|v| (c, format!("properties.{name}"), v))
        })
}

/// Every place the template states Route All for `site`.
pub fn route_all<'r>(children: &Children<'r>, site: &'r Resource) -> Vec<RouteAll<'r>> {
    let mut found = Vec::new();
    for path in [
        "properties.outboundVnetRouting.applicationTraffic",
        "properties.outboundVnetRouting.allTraffic",
        "properties.vnetRouteAllEnabled",
        "properties.siteConfig.vnetRouteAllEnabled",
    ] {
        if let Some(enabled) = flag(&site.body, path) {
            found.push(RouteAll {
                resource: site,
                path: path.into(),
                enabled,
            });
        }
    }
    for web in children
        .of_site(site, "config")
        .filter(|c| split_child(&c.name).1.eq_ignore_ascii_case("web"))
    {
        if let Some(enabled) = flag(&web.body, "properties.vnetRouteAllEnabled") {
            found.push(RouteAll {
                resource: web,
                path: "properties.vnetRouteAllEnabled".into(),
                enabled,
            });
        }
    }
    if let Some((resource, path, value)) = app_setting(children, site, "WEBSITE_VNET_ROUTE_ALL") {
        if let Some(enabled) = setting(value) {
            found.push(RouteAll {
                resource,
                path,
                enabled,
            });
        }
    }
    found
}

impl Mapper<'_> {
    pub(super) fn sites(&mut self) -> Result<(), String> {
        for site in self.of_type("Microsoft.Web/sites").collect::<Vec<_>>() {
            let farm = text(&site.body, "properties.serverFarmId")
                .map(last_name)
                .unwrap_or_default();
            let Some(plan) = self
                .lab
                .plans
                .values()
                .find(|p| p.name.eq_ignore_ascii_case(farm))
                .map(|p| p.id)
            else {
                let absent = self.absent("Microsoft.Web/serverfarms", farm);
                self.skip(
                    site,
                    format!("its plan “{farm}” (properties.serverFarmId) {absent}"),
                );
                continue;
            };
            self.run(
                site,
                "properties.serverFarmId",
                Command::CreateWebApp {
                    name: site.name.clone(),
                    plan,
                },
            )?;
            self.created("web app");
            let Some(app) = self.web_app_id(&site.name) else {
                continue;
            };
            let route_all = route_all(&self.children, site).iter().any(|r| r.enabled);
            if let Some(statement) = statements(&self.children, site).into_iter().next() {
                let resource = statement.resource;
                let command = match &statement.stated {
                    Stated::Regional { vnet, subnet } => {
                        self.vnet_id(vnet).map(|vnet| Command::ConnectRegional {
                            app,
                            vnet,
                            subnet: subnet.clone(),
                            route_all,
                        })
                    }
                    Stated::GatewayRequired { vnet } => self
                        .vnet_id(vnet)
                        .map(|vnet| Command::ConnectWebApp { app, vnet }),
                };
                let part = format!("{} (its VNet integration)", site.name);
                match command {
                    None => self.skip_part(resource, &part, &statement.path, format!("the integration at {} names a virtual network neither in the template nor in the lab", statement.path)),
                    // The template may state an integration the lab's rules refuse: the app is
                    // imported without it, and the report says why. Both connections check
                    // everything before they change anything, so a refusal leaves the lab as it
                    // was without the copy of it `apply` takes, a copy per app.
                    Some(command) => match self.lab.apply_unguarded(command) {
                        Ok(_) => self.created("VNet integration"),
                        Err(error) => self.skip_part(resource, &part, &statement.path, format!("the integration at {} is not made: {error}", statement.path)),
                    },
                }
            }
            if let Some((resource, path, value)) =
                app_setting(&self.children, site, "WEBSITE_DNS_SERVER")
            {
                let address = value.as_str().unwrap_or_default().to_string();
                self.run(
                    resource,
                    &path,
                    Command::SetDnsServerSetting { app, address },
                )?;
            }
        }
        for kind in ["config", "networkConfig", "virtualNetworkConnections"] {
            let wanted = format!("Microsoft.Web/sites/{kind}");
            for child in self.of_type(&wanted).collect::<Vec<_>>() {
                let (site, _) = split_child(&child.name);
                if self.web_app_id(site).is_none() {
                    let absent = self.absent("Microsoft.Web/sites", site);
                    self.skip(child, format!("its web app {site} {absent}"));
                }
            }
        }
        Ok(())
    }
}
