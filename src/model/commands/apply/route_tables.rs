//! `Microsoft.Network/routeTables` and their user routes (R31).

use super::associations::Association;
use super::lookup::not_found;
use super::lookup::resource_name;
use crate::model::command::{Event, NextHopKind};
use crate::model::commands::error::CommandError;
use crate::model::entities::ids::{RouteTableId, VnetId};
use crate::model::entities::region::Region;
use crate::model::entities::routing::{NextHop, RouteTable, UnreadRoute, UserRoute};
use crate::model::entities::subscription::Subscription;
use crate::model::input::addressing::{parse_address, parse_prefix};

impl Subscription {
    pub(super) fn route_table_mut(
        &mut self,
        id: RouteTableId,
    ) -> Result<&mut RouteTable, CommandError> {
        self.route_tables
            .get_mut(&id)
            .ok_or_else(|| not_found("route table", id))
    }

    pub(super) fn create_route_table(
        &mut self,
        name: &str,
        region: Region,
    ) -> Result<Event, CommandError> {
        let name = resource_name(
            "route table",
            name,
            self.route_tables.values().map(|t| t.name.as_str()),
        )?;
        let id = RouteTableId(self.allocate_id());
        let event = Event::new(format!("Created the route table {name} in {region}"));
        self.route_tables.insert(
            id,
            RouteTable {
                id,
                name,
                region,
                routes: Vec::new(),
                unread_routes: Vec::new(),
            },
        );
        Ok(event)
    }

    pub(super) fn delete_route_table(
        &mut self,
        table: RouteTableId,
    ) -> Result<Event, CommandError> {
        let name = self.route_table_mut(table)?.name.clone();
        let users = self.subnets_using(|subnet| subnet.route_table == Some(table));
        CommandError::unless_unused(format!("The route table {name}"), users)?;
        self.route_tables.remove(&table);
        Ok(Event::new(format!("Deleted the route table {name}")))
    }

    /// R31: one route per name and per prefix; a virtual appliance needs its address.
    pub(super) fn set_user_route(
        &mut self,
        table: RouteTableId,
        name: &str,
        prefix: &str,
        kind: NextHopKind,
        appliance: &str,
        replacing: Option<String>,
    ) -> Result<Event, CommandError> {
        let entry = self.route_table_mut(table)?;
        if let Some(old) = &replacing {
            entry
                .routes
                .iter()
                .find(|route| route.name.eq_ignore_ascii_case(old))
                .ok_or_else(|| not_found("route", old))?;
        }
        let keep = |route: &&UserRoute| {
            replacing
                .as_ref()
                .is_none_or(|old| !route.name.eq_ignore_ascii_case(old))
        };
        let name = resource_name(
            "route",
            name,
            entry.routes.iter().filter(keep).map(|r| r.name.as_str()),
        )?;
        let prefix = parse_prefix(prefix)?;
        if let Some(clash) = entry
            .routes
            .iter()
            .filter(keep)
            .find(|r| r.prefix == prefix)
        {
            return Err(CommandError::RouteTablePrefixExists {
                prefix,
                route_table: entry.name.clone(),
                route: clash.name.clone(),
            });
        }
        let next_hop = match kind {
            NextHopKind::VirtualAppliance if appliance.trim().is_empty() => {
                return Err(CommandError::NoApplianceAddress { route: name })
            }
            NextHopKind::VirtualAppliance => NextHop::VirtualAppliance(parse_address(appliance)?),
            NextHopKind::VirtualNetworkGateway => NextHop::VirtualNetworkGateway,
            NextHopKind::Internet => NextHop::Internet,
            NextHopKind::None => NextHop::None,
        };
        let event = Event::new(format!(
            "{} the route {name}: {prefix} to {next_hop}, in {}",
            if replacing.is_some() {
                "Changed"
            } else {
                "Added"
            },
            entry.name
        ));
        if let Some(old) = &replacing {
            entry.routes.retain(|r| !r.name.eq_ignore_ascii_case(old));
        }
        entry.routes.push(UserRoute {
            name,
            prefix,
            next_hop,
        });
        Ok(event)
    }

    pub(super) fn remove_user_route(
        &mut self,
        table: RouteTableId,
        name: &str,
    ) -> Result<Event, CommandError> {
        let entry = self.route_table_mut(table)?;
        let before = entry.routes.len() + entry.unread_routes.len();
        entry
            .routes
            .retain(|route| !route.name.eq_ignore_ascii_case(name));
        entry
            .unread_routes
            .retain(|route| !route.name.eq_ignore_ascii_case(name));
        if entry.routes.len() + entry.unread_routes.len() == before {
            return Err(not_found("route", format!("{name} in {}", entry.name)));
        }
        Ok(Event::new(format!(
            "Removed the route {name} from {}",
            entry.name
        )))
    }

    /// R39: notes a route of a template whose next hop the lab cannot know.
    pub(super) fn note_unread_route(
        &mut self,
        table: RouteTableId,
        route: UnreadRoute,
    ) -> Result<Event, CommandError> {
        let entry = self.route_table_mut(table)?;
        let taken: Vec<&str> = entry
            .routes
            .iter()
            .map(|r| r.name.as_str())
            .chain(entry.unread_routes.iter().map(|r| r.name.as_str()))
            .collect();
        let name = resource_name("route", &route.name, taken.into_iter())?;
        let event = Event::new(format!(
            "Noted the route {name} of {}, which the lab cannot follow: {}",
            entry.name, route.why
        ));
        entry.unread_routes.push(route);
        Ok(event)
    }

    pub(super) fn associate_route_table(
        &mut self,
        vnet: VnetId,
        subnet: &str,
        table: Option<RouteTableId>,
    ) -> Result<Event, CommandError> {
        self.associate(vnet, subnet, Association::RouteTable(table))
    }
}
