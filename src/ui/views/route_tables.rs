//! Route tables (R31): the list, creating one, and one table's view with its user routes.

use leptos::prelude::*;

use crate::model::command::NextHopKind;
use crate::model::entities::ids::RouteTableId;
use crate::model::entities::routing::{NextHop, UnreadRoute};
use crate::model::{Command, Subscription};
use crate::ui::lab::{use_lab, Lab};
use crate::ui::route::Route;
use crate::ui::views::{associated_subnets, resource};
use crate::ui::widgets::choice::{Choice, Options, Select};
use crate::ui::widgets::form::{Form, TextInput};
use crate::ui::widgets::keyed::shown;
use crate::ui::widgets::listing::Listing;
use crate::ui::widgets::options;
use crate::ui::widgets::table::{Action, Cell, Table};

fn rows(s: &Subscription) -> Vec<Vec<Cell>> {
    s.route_tables
        .values()
        .map(|table| {
            vec![
                Cell::Link(Route::RouteTable(table.id).href(), table.name.clone()),
                Cell::text(table.region),
                Cell::text(table.routes.len()),
                Cell::Text(associated_subnets(s, |subnet| {
                    subnet.route_table == Some(table.id)
                })),
                Cell::Actions(vec![Action::new(
                    "Delete",
                    format!("Delete {}", table.name),
                    Command::DeleteRouteTable {
                        route_table: table.id,
                    },
                )]),
            ]
        })
        .collect()
}

#[component]
pub fn RouteTables() -> impl IntoView {
    let lab = use_lab();
    let name = RwSignal::new(String::new());
    let region = Choice::new(options::regions());
    let submit = move || {
        lab.submit(Command::CreateRouteTable {
            name: name.get_untracked(),
            region: region.required("Pick a region.")?,
        })
    };
    view! {
        <h1>"Route tables"</h1>
        <p class="view-purpose">"User routes on subnets: the longest matching prefix decides the next hop of a web app's integrated traffic."</p>
        <Table head=&["Name", "Region", "Routes", "Associated subnets", "Actions"] rows=lab.derive(rows) listing=Listing::new("route table", "route tables", "name") />
        <Form button="Create" submit=submit>
            <h2>"Create a route table"</h2>
            <TextInput label="Name" value=name placeholder="apps-routes" />
            <Select label="Region" choice=region />
        </Form>
    }
}

/// A user route as shown, and as the form takes it back to edit.
#[derive(Clone, PartialEq, Eq, Hash)]
struct UserRoute {
    name: String,
    prefix: String,
    next_hop: String,
    kind: NextHopKind,
    appliance: String,
}

fn kind_of(next_hop: NextHop) -> (NextHopKind, String) {
    match next_hop {
        NextHop::VirtualAppliance(address) => (NextHopKind::VirtualAppliance, address.to_string()),
        NextHop::VirtualNetworkGateway => (NextHopKind::VirtualNetworkGateway, String::new()),
        NextHop::Internet => (NextHopKind::Internet, String::new()),
        NextHop::None => (NextHopKind::None, String::new()),
    }
}

#[component]
pub fn RouteTableView(table: RouteTableId) -> impl IntoView {
    let lab = use_lab();
    let name = lab.derive(move |s| s.route_tables.get(&table).map(|t| t.name.clone()));
    let facts = lab.derive(move |s| {
        let t = s.route_tables.get(&table)?;
        Some((
            t.region.display_name(),
            associated_subnets(s, |subnet| subnet.route_table == Some(table)),
        ))
    });
    let routes = lab.derive(move |s| {
        s.route_tables.get(&table).map_or_else(Vec::new, |t| {
            t.routes
                .iter()
                .map(|route| {
                    let (kind, appliance) = kind_of(route.next_hop);
                    UserRoute {
                        name: route.name.clone(),
                        prefix: route.prefix.to_string(),
                        next_hop: route.next_hop.to_string(),
                        kind,
                        appliance,
                    }
                })
                .collect()
        })
    });
    let route_name = RwSignal::new(String::new());
    let prefix = RwSignal::new(String::new());
    let appliance = RwSignal::new(String::new());
    let editing = RwSignal::new(None::<String>);
    let kind = Choice::new(Options::fixed(vec![
        (
            NextHopKind::VirtualAppliance,
            "Virtual appliance".to_string(),
        ),
        (
            NextHopKind::VirtualNetworkGateway,
            "Virtual network gateway".to_string(),
        ),
        (NextHopKind::Internet, "Internet".to_string()),
        (NextHopKind::None, "None".to_string()),
    ]));
    let row = move |route: UserRoute| {
        let (edit, delete) = (route.clone(), route.name.clone());
        view! {
            <tr>
                <td>{route.name.clone()}</td>
                <td><code>{route.prefix.clone()}</code></td>
                <td>{route.next_hop.clone()}</td>
                <td>
                    <button
                        type="button"
                        class="secondary"
                        aria-label=format!("Edit {}", route.name)
                        on:click=move |_| {
                            route_name.set(edit.name.clone());
                            prefix.set(edit.prefix.clone());
                            appliance.set(edit.appliance.clone());
                            kind.pick(edit.kind);
                            editing.set(Some(edit.name.clone()));
                        }
                    >
                        "Edit"
                    </button>
                    {delete_button(lab, table, delete)}
                </td>
            </tr>
        }
    };
    let submit = move || {
        lab.submit(Command::SetUserRoute {
            route_table: table,
            name: route_name.get_untracked(),
            prefix: prefix.get_untracked(),
            next_hop: kind.required("Pick a next hop.")?,
            appliance: appliance.get_untracked(),
            replacing: editing.get_untracked(),
        })?;
        editing.set(None);
        Ok(())
    };
    let heading = move || match editing.get() {
        Some(name) => format!("Edit the route {name}"),
        None => "Add a route".to_string(),
    };
    let page = move |name: String| {
        view! {
            <h1>{name}</h1>
            <p class="view-purpose">"User routes by longest prefix; without one, the system routes apply."</p>
            <dl class="facts">
                <dt>"Region"</dt><dd>{move || facts.get().map(|(region, _)| region)}</dd>
                <dt>"Associated subnets"</dt><dd>{move || facts.get().map(|(_, subnets)| subnets)}</dd>
            </dl>
            <h2>"Routes"</h2>
            <table tabindex="0">
                <thead><tr><th>"Name"</th><th>"Address prefix"</th><th>"Next hop"</th><th>"Actions"</th></tr></thead>
                <tbody>
                    <For each=move || routes.get() key=shown children=row />
                </tbody>
            </table>
            <UnreadRoutes table=table />
            <Form button="Save route" submit=submit>
                <h2>{heading}</h2>
                <TextInput label="Route name" value=route_name placeholder="ToFirewall" />
                <TextInput label="Address prefix" value=prefix placeholder="0.0.0.0/0" />
                <Select label="Next hop type" choice=kind />
                <TextInput label="Next hop address (virtual appliance)" value=appliance placeholder="10.3.4.4" />
            </Form>
        }
    };
    resource("Route table", "It may have been deleted.", name, page)
}

/// R39: the routes an imported template declared whose next hop the lab could not read; the
/// check answers that it cannot tell for traffic they could carry. Shown only when there are.
#[component]
fn UnreadRoutes(table: RouteTableId) -> impl IntoView {
    let lab = use_lab();
    let unread = lab.derive(move |s| {
        s.route_tables
            .get(&table)
            .map(|t| t.unread_routes.clone())
            .unwrap_or_default()
    });
    let row = move |route: UnreadRoute| {
        let delete = route.name.clone();
        view! {
            <tr>
                <td>{route.name.clone()}</td>
                <td><code>{route.prefix.to_string()}</code></td>
                <td>{route.why.clone()}</td>
                <td>
                    {delete_button(lab, table, delete)}
                </td>
            </tr>
        }
    };
    move || {
        (!unread.get().is_empty()).then(|| {
            view! {
                <h2>"Routes the lab could not read"</h2>
                <p>"Azure holds these as the imported template declared them. Add each as a route with its next hop's address, then delete it here."</p>
                <table tabindex="0" aria-label="Routes the lab could not read">
                    <thead><tr><th>"Name"</th><th>"Address prefix"</th><th>"Why"</th><th>"Actions"</th></tr></thead>
                    <tbody>
                        <For each=move || unread.get() key=|route| route.name.clone() children=row />
                    </tbody>
                </table>
            }
        })
    }
}

/// Delete, for a route or a noted one: `RemoveUserRoute` removes either by name.
fn delete_button(lab: Lab, table: RouteTableId, name: String) -> impl IntoView {
    let label = format!("Delete {name}");
    view! {
        <button
            type="button"
            class="secondary"
            aria-label=label
            on:click=move |_| { let _ = lab.run(Command::RemoveUserRoute { route_table: table, name: name.clone() }); }
        >
            "Delete"
        </button>
    }
}
