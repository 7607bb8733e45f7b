//! Private DNS zones (R32): Azure DNS answers a zone's records to the VNets linked to it.

use leptos::prelude::*;

use crate::model::entities::ids::{PrivateDnsZoneId, VnetId};
use crate::model::input::text::join;
use crate::model::{Command, Subscription};
use crate::ui::lab::use_lab;
use crate::ui::route::{Route, VnetTab};
use crate::ui::views::resource;
use crate::ui::widgets::choice::{Choice, Select};
use crate::ui::widgets::form::{Form, TextInput};
use crate::ui::widgets::keyed::shown;
use crate::ui::widgets::listing::Listing;
use crate::ui::widgets::options;
use crate::ui::widgets::table::{Action, Cell, Table};

fn rows(s: &Subscription) -> Vec<Vec<Cell>> {
    s.private_dns_zones
        .values()
        .map(|zone| {
            let links = join(
                zone.links
                    .iter()
                    .filter_map(|vnet| s.virtual_networks.get(vnet))
                    .map(|vnet| &vnet.name),
                ", ",
            );
            vec![
                Cell::Link(Route::PrivateDnsZone(zone.id).href(), zone.name.clone()),
                Cell::text(zone.records.len()),
                Cell::Text(if links.is_empty() {
                    "None".into()
                } else {
                    links
                }),
                Cell::Actions(vec![Action::new(
                    "Delete",
                    format!("Delete {}", zone.name),
                    Command::DeletePrivateDnsZone { zone: zone.id },
                )]),
            ]
        })
        .collect()
}

#[component]
pub fn PrivateDnsZones() -> impl IntoView {
    let lab = use_lab();
    let name = RwSignal::new(String::new());
    let submit = move || {
        lab.submit(Command::CreatePrivateDnsZone {
            name: name.get_untracked(),
        })
    };
    view! {
        <h1>"Private DNS zones"</h1>
        <p class="view-purpose">"Zones Azure DNS answers to the virtual networks linked to them, such as a private endpoint's privatelink name."</p>
        <Table head=&["Name", "A records", "Linked virtual networks", "Actions"] rows=lab.derive(rows) listing=Listing::new("private DNS zone", "private DNS zones", "name") />
        <Form button="Create" inline=true submit=submit>
            <TextInput label="New zone name" value=name placeholder="privatelink.blob.core.windows.net" />
        </Form>
    }
}

#[component]
pub fn ZoneView(zone: PrivateDnsZoneId) -> impl IntoView {
    let lab = use_lab();
    let name = lab.derive(move |s| s.private_dns_zones.get(&zone).map(|z| z.name.clone()));
    let records = lab.derive(move |s| {
        s.private_dns_zones.get(&zone).map_or_else(Vec::new, |z| {
            z.records
                .iter()
                .map(|(name, address)| (name.clone(), address.to_string()))
                .collect()
        })
    });
    let links = lab.derive(move |s| {
        s.private_dns_zones.get(&zone).map_or_else(Vec::new, |z| {
            z.links
                .iter()
                .filter_map(|vnet| s.virtual_networks.get(vnet))
                .map(|vnet| (vnet.id, vnet.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let record = move |(name, address): (String, String)| {
        let remove = name.clone();
        view! {
            <tr>
                <td>{name.clone()}</td>
                <td><code>{address}</code></td>
                <td>
                    <button
                        type="button"
                        class="secondary"
                        aria-label=format!("Remove the record {name}")
                        on:click=move |_| { let _ = lab.run(Command::RemoveZoneRecord { zone, name: remove.clone() }); }
                    >
                        "Remove"
                    </button>
                </td>
            </tr>
        }
    };
    let link = move |(vnet, name): (VnetId, String)| {
        view! {
            <li>
                <a href=Route::VirtualNetwork(vnet, VnetTab::Overview).href()>{name.clone()}</a>" "
                <button
                    type="button"
                    class="secondary"
                    aria-label=format!("Unlink {name}")
                    on:click=move |_| { let _ = lab.run(Command::UnlinkPrivateDnsZone { zone, vnet }); }
                >
                    "Unlink"
                </button>
            </li>
        }
    };
    let record_name = RwSignal::new(String::new());
    let address = RwSignal::new(String::new());
    let add_record = move || {
        lab.submit(Command::AddZoneRecord {
            zone,
            name: record_name.get_untracked(),
            address: address.get_untracked(),
        })
    };
    let vnet = Choice::new(options::virtual_networks(lab));
    let add_link = move || {
        lab.submit(Command::LinkPrivateDnsZone {
            zone,
            vnet: vnet.required("Create a virtual network first.")?,
        })
    };
    let page = move |name: String| {
        view! {
            <h1>{name}</h1>
            <p class="view-purpose">"Its A records, answered by Azure DNS (168.63.129.16) to the linked virtual networks only."</p>
            <h2>"A records"</h2>
            <table tabindex="0">
                <thead><tr><th>"Name"</th><th>"Address"</th><th>"Actions"</th></tr></thead>
                <tbody>
                    <For each=move || records.get() key=shown children=record />
                </tbody>
            </table>
            <Form button="Add record" inline=true submit=add_record>
                <TextInput label="Record name" value=record_name placeholder="contoso-sql" />
                <TextInput label="IP address" value=address placeholder="10.3.3.4" />
            </Form>
            <h2>"Virtual network links"</h2>
            <ul class="plain">
                <For each=move || links.get() key=shown children=link />
            </ul>
            <Form button="Link" inline=true submit=add_link>
                <Select label="Virtual network to link" choice=vnet />
            </Form>
        }
    };
    resource("Private DNS zone", "It may have been deleted.", name, page)
}
