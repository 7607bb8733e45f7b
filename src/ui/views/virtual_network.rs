//! One virtual network, tab by tab: subnets, DNS, gateway (R7), point-to-site, site-to-site,
//! virtual machines (R10) and the Certificates tab (R12, R13).

use std::fmt::Display;

use leptos::prelude::*;

use crate::model::derived::status::{missing_conditions, Validity};
use crate::model::entities::host::Role;
use crate::model::entities::ids::{LocalNetworkId, VnetId};
use crate::model::entities::network::{Routing, VirtualNetwork};
use crate::model::entities::subscription::Subscription;
use crate::model::input::text::join;
use crate::model::{Command, HostRef};
use crate::ui::lab::use_lab;
use crate::ui::route::{Route, VnetTab};
use crate::ui::views::{AddressRangesTab, Progress};
use crate::ui::widgets::{FormError, OneFieldForm, OpenPortForm, ValidityBadge};

#[component]
pub fn VirtualNetworkView(vnet: VnetId, tab: VnetTab) -> impl IntoView {
    let lab = use_lab();
    let name = move || {
        lab.subscription
            .with(|s| s.virtual_networks.get(&vnet).map(|v| v.name.clone()))
    };
    let tabs = move || {
        VnetTab::ALL
        .into_iter()
        .map(|t| view! { <li><a href=Route::VirtualNetwork(vnet, t).href() aria-current=(t == tab).then_some("page")>{t.title()}</a></li> })
        .collect_view().into_any()
    };
    move || match name() {
        None => view! { <h1>"Virtual network not found"</h1><p>"It may have been deleted."</p> }
            .into_any(),
        Some(name) => view! {
            <h1>{name}</h1>
            <nav class="tabs" aria-label="Virtual network sections"><ul>{tabs()}</ul></nav>
            <h2>{tab.title()}</h2>
            {match tab {
                VnetTab::Overview => view! { <Overview vnet=vnet /> }.into_any(),
                VnetTab::Subnets => view! { <Subnets vnet=vnet /> }.into_any(),
                VnetTab::DnsServers => view! { <DnsServers vnet=vnet /> }.into_any(),
                VnetTab::Gateway => view! { <GatewayTab vnet=vnet /> }.into_any(),
                VnetTab::PointToSite => view! { <PointToSiteTab vnet=vnet /> }.into_any(),
                VnetTab::SiteToSite => view! { <SiteToSite vnet=vnet /> }.into_any(),
                VnetTab::VirtualMachines => view! { <VirtualMachines vnet=vnet /> }.into_any(),
                VnetTab::Certificates => view! { <Certificates vnet=vnet /> }.into_any(),
                VnetTab::AddressRanges => view! { <AddressRangesTab vnet=vnet /> }.into_any(),
            }}
        }
        .into_any(),
    }
}

/// Reads the VNet reactively; `None` once it is gone.
fn with_vnet<T>(
    vnet: VnetId,
    f: impl Fn(&Subscription, &VirtualNetwork) -> T,
) -> impl Fn() -> Option<T> {
    let lab = use_lab();
    move || {
        lab.subscription
            .with(|s| s.virtual_networks.get(&vnet).map(|v| f(s, v)))
    }
}

/// The items separated by commas, or "None".
fn list<T: Display>(items: impl IntoIterator<Item = T>) -> String {
    let text = join(items, ", ");
    if text.is_empty() {
        "None".into()
    } else {
        text
    }
}

#[component]
fn Overview(vnet: VnetId) -> impl IntoView {
    let facts = with_vnet(vnet, move |s, v| {
        let missing = missing_conditions(s, v);
        let apps: Vec<String> = s
            .web_apps
            .values()
            .filter(|a| a.connection.as_ref().is_some_and(|c| c.vnet == vnet))
            .map(|a| a.name.clone())
            .collect();
        (
            list(&v.address_space),
            list(&v.dns_servers),
            list(missing.iter()),
            list(apps),
            v.virtual_machines.len(),
        )
    });
    move || {
        facts().map(|(space, dns, missing, apps, vms)| {
            view! {
                <dl class="facts">
                    <dt>"Address space"</dt><dd>{space}</dd>
                    <dt>"DNS servers"</dt><dd>{dns}</dd>
                    <dt>"Virtual machines"</dt><dd>{vms}</dd>
                    <dt>"Connected web apps"</dt><dd>{apps}</dd>
                    <dt>"Missing for VNet Integration"</dt><dd>{missing}</dd>
                </dl>
            }
        })
    }
}

#[component]
fn Subnets(vnet: VnetId) -> impl IntoView {
    let lab = use_lab();
    let rows = with_vnet(vnet, |_, v| {
        v.subnets.iter().map(|s| view! { <tr><td>{s.name.clone()}</td><td><code>{s.prefix.to_string()}</code></td></tr> }).collect_view().into_any()
    });
    let space = with_vnet(vnet, |_, v| list(&v.address_space));
    let name = RwSignal::new(String::new());
    view! {
        <p>"Address space: " <code>{space}</code></p>
        <table tabindex="0"><thead><tr><th>"Subnet"</th><th>"Prefix"</th></tr></thead><tbody>{rows}</tbody></table>
        <label>"New subnet name" <input type="text" bind:value=name placeholder="Frontend" /></label>
        <OneFieldForm label="Prefix" button="Add subnet" placeholder="10.1.2.0/24" submit=move |prefix| lab.submit(Command::AddSubnet { vnet, name: name.get_untracked(), prefix }) />
    }
}

#[component]
fn DnsServers(vnet: VnetId) -> impl IntoView {
    let lab = use_lab();
    let rows = with_vnet(vnet, move |_, v| {
        v.dns_servers
            .iter()
            .map(|address| {
                let text = address.to_string();
                let label = format!("Remove {text}");
                view! {
                    <li>
                        <code>{text.clone()}</code>" "
                        <button type="button" class="secondary" aria-label=label on:click=move |_| { let _ = lab.run(Command::RemoveDnsServer { vnet, address: text.clone() }); }>"Remove"</button>
                    </li>
                }
            })
            .collect_view().into_any()
    });
    view! {
        <p>"Web apps use the DNS servers of their last sync: adding one marks their connections sync required. At most 12."</p>
        <ul class="plain">{rows}</ul>
        <OneFieldForm label="DNS server" button="Add DNS server" placeholder="10.1.1.4" submit=move |address| lab.submit(Command::AddDnsServer { vnet, address }) />
    }
}

#[component]
fn GatewayTab(vnet: VnetId) -> impl IntoView {
    let lab = use_lab();
    let gateway = lab.derive(move |s| {
        let gateway = s.virtual_networks.get(&vnet)?.gateway.as_ref()?;
        Some((
            gateway.routing,
            gateway.is_ready(s.now()),
            gateway.provisioning,
        ))
    });
    move || {
        match gateway.get() {
        Some((routing, ready, operation)) => view! {
            <p>{format!("{routing} gateway, {}", if ready { "ready" } else { "provisioning" })}</p>
            {(!ready).then(|| view! { <Progress label="Gateway provisioning" operation=operation /> })}
            <button type="button" class="secondary" on:click=move |_| { let _ = lab.run(Command::DeleteGateway { vnet }); }>"Delete gateway"</button>
        }
        .into_any(),
        None => view! {
            <p>"No gateway. Point-to-site needs one with Dynamic routing; creating it takes 30 simulated minutes."</p>
            <div class="actions">
                <button type="button" on:click=move |_| { let _ = lab.run(Command::CreateGateway { vnet, routing: Routing::Dynamic }); }>"Create Dynamic routing gateway"</button>
                <button type="button" class="secondary" on:click=move |_| { let _ = lab.run(Command::CreateGateway { vnet, routing: Routing::Static }); }>"Create Static routing gateway"</button>
            </div>
        }
        .into_any(),
    }
    }
}

#[component]
fn PointToSiteTab(vnet: VnetId) -> impl IntoView {
    let lab = use_lab();
    let pool = with_vnet(vnet, |_, v| {
        v.point_to_site.as_ref().map(|p| p.pool.to_string())
    });
    move || {
        match pool().flatten() {
        Some(pool) => view! {
            <p>"Enabled. Client address pool: " <code>{pool}</code></p>
            <button type="button" class="secondary" on:click=move |_| { let _ = lab.run(Command::DisablePointToSite { vnet }); }>"Disable point-to-site"</button>
        }
        .into_any(),
        None => view! {
            <p>"Not enabled. The pool must be private (10/8, 172.16/12, 192.168/16) and overlap neither the VNet nor a linked local network."</p>
            <OneFieldForm label="Client address pool" button="Enable point-to-site" placeholder="172.16.0.0/24" submit=move |pool| lab.submit(Command::EnablePointToSite { vnet, pool }) />
        }
        .into_any(),
    }
    }
}

#[component]
fn SiteToSite(vnet: VnetId) -> impl IntoView {
    let lab = use_lab();
    let links = with_vnet(vnet, move |s, v| {
        v.site_to_site
            .iter()
            .filter_map(|id| s.local_networks.get(id))
            .map(|local| {
                let id = local.id;
                view! {
                    <li>
                        <a href=Route::LocalNetwork(id).href()>{local.name.clone()}</a>" "
                        <button type="button" class="secondary" aria-label=format!("Remove the link to {}", local.name) on:click=move |_| { let _ = lab.run(Command::UnlinkSiteToSite { vnet, local_network: id }); }>"Remove"</button>
                    </li>
                }
            })
            .collect_view().into_any()
    });
    let chosen = RwSignal::new(String::new());
    let error = RwSignal::new(None);
    let link = move |_| {
        let local = chosen
            .get_untracked()
            .parse()
            .ok()
            .map(LocalNetworkId)
            .or_else(|| {
                lab.subscription
                    .with_untracked(|s| s.local_networks.keys().next().copied())
            });
        error.set(match local {
            Some(local_network) => lab.submit(Command::LinkSiteToSite {
                vnet,
                local_network,
            }),
            None => Some("Create a local network first.".into()),
        });
    };
    view! {
        <ul class="plain">{links}</ul>
        <label>
            "Local network"
            <select on:change=move |ev| chosen.set(event_target_value(&ev))>
                {move || lab.subscription.with(|s| s.local_networks.values().map(|l| view! { <option value=l.id.to_string()>{l.name.clone()}</option> }).collect_view().into_any())}
            </select>
        </label>
        <button type="button" on:click=link>"Link by site-to-site VPN"</button>
        <FormError error=error />
    }
}

fn role_from(text: &str) -> Option<Role> {
    match text {
        "dns" => Some(Role::DnsServer {
            records: Vec::new(),
        }),
        "sql" => Some(Role::SqlServer),
        "file" => Some(Role::FileServer),
        "dc" => Some(Role::DomainController),
        "windows" => Some(Role::WindowsServer),
        _ => None,
    }
}

#[component]
fn VirtualMachines(vnet: VnetId) -> impl IntoView {
    let lab = use_lab();
    let rows = with_vnet(vnet, move |_, v| {
        v.virtual_machines
            .iter()
            .map(|vm| {
                let host = HostRef::VirtualMachine(vnet, vm.id);
                view! {
                    <tr>
                        <td>{vm.host.name.clone()}</td>
                        <td><code>{vm.host.address.to_string()}</code></td>
                        <td>{vm.subnet.clone()}</td>
                        <td>{vm.host.role.as_ref().map(ToString::to_string)}</td>
                        <td>{list(&vm.host.open_ports)}</td>
                        <td>
                            <OpenPortForm host=host />
                        </td>
                    </tr>
                }
            })
            .collect_view()
            .into_any()
    });
    let subnet = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let address = RwSignal::new(String::new());
    let host_names = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let error = RwSignal::new(None);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = if subnet.get_untracked().is_empty() {
            lab.subscription.with_untracked(|s| {
                s.virtual_networks
                    .get(&vnet)
                    .and_then(|v| v.subnets.first())
                    .map(|s| s.name.clone())
                    .unwrap_or_default()
            })
        } else {
            subnet.get_untracked()
        };
        error.set(lab.submit(Command::CreateVirtualMachine {
            vnet,
            subnet: chosen,
            name: name.get_untracked(),
            address: address.get_untracked(),
            host_names: host_names.get_untracked(),
            role: role_from(&role.get_untracked()),
        }));
    };
    view! {
        <p>"A virtual machine joins a virtual network only when it is created; it cannot be moved into another one."</p>
        <table tabindex="0">
            <thead><tr><th>"Name"</th><th>"Private IP"</th><th>"Subnet"</th><th>"Role"</th><th>"Open ports"</th><th>"Firewall"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <form class="panel" on:submit=create>
            <h3>"Create a virtual machine"</h3>
            <label>
                "Subnet"
                <select on:change=move |ev| subnet.set(event_target_value(&ev))>
                    {move || lab.subscription.with(|s| s.virtual_networks.get(&vnet).map(|v| v.subnets.iter().map(|s| view! { <option value=s.name.clone()>{format!("{} ({})", s.name, s.prefix)}</option> }).collect_view().into_any()))}
                </select>
            </label>
            <label>"Name" <input type="text" bind:value=name placeholder="web01" /></label>
            <label>"Private IP" <input type="text" bind:value=address placeholder="10.1.1.10" /></label>
            <label>"Host names (optional)" <input type="text" bind:value=host_names placeholder="web01.corp.contoso.com" /></label>
            <label>
                "Role"
                <select on:change=move |ev| role.set(event_target_value(&ev))>
                    <option value="">"None"</option>
                    <option value="dns">"DNS server"</option>
                    <option value="sql">"SQL server"</option>
                    <option value="file">"File server (SMB)"</option>
                    <option value="dc">"Domain controller"</option>
                    <option value="windows">"Windows Server"</option>
                </select>
            </label>
            <FormError error=error />
            <button type="submit">"Create"</button>
        </form>
    }
}

/// One row of the Certificates tab: what it shows, compared to redraw only what changed.
#[derive(Clone, PartialEq, Eq, Hash)]
struct CertificateRow {
    thumbprint: String,
    subject: Option<String>,
    period: Option<String>,
    revoked: bool,
    validity: Option<Validity>,
}

#[component]
fn Certificates(vnet: VnetId) -> impl IntoView {
    let lab = use_lab();
    // Narrow: the rows change when a certificate is uploaded, revoked or deleted, and when the
    // clock crosses into its warning or past its expiry, not at every tick.
    let rows = lab.derive(move |s| {
        let now = s.now();
        s.virtual_networks
            .get(&vnet)
            .and_then(|v| v.point_to_site.as_ref())
            .map(|p2s| {
                p2s.certificates
                    .iter()
                    .map(|uploaded| {
                        let certificate = s.certificate(&uploaded.thumbprint);
                        CertificateRow {
                            thumbprint: uploaded.thumbprint.clone(),
                            subject: certificate.map(|c| format!("CN={}", c.subject)),
                            period: certificate
                                .map(|c| format!("{} to {}", c.not_before, c.not_after)),
                            revoked: uploaded.revoked,
                            validity: certificate.map(|c| Validity::of(c, now)),
                        }
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    view! {
        <p>"The public parts of the certificates web apps authenticate with. Delete or revoke one to see its connections go out of sync."</p>
        <table tabindex="0">
            <thead><tr><th>"Thumbprint"</th><th>"Subject"</th><th>"Validity (simulated time)"</th><th>"Status"</th><th>"Actions"</th></tr></thead>
            <tbody>
                <For each=move || rows.get() key=|row| row.clone() children=move |row| {
                    let (delete, revoke) = (row.thumbprint.clone(), row.thumbprint.clone());
                    let status = if row.revoked {
                        view! { <span class="badge badge-bad">"Revoked"</span> }.into_any()
                    } else {
                        row.validity.map(|validity| view! { <ValidityBadge validity=validity /> }).into_any()
                    };
                    view! {
                        <tr>
                            <td><code class="thumbprint">{row.thumbprint}</code></td>
                            <td>{row.subject}</td>
                            <td>{row.period}</td>
                            <td>{status}</td>
                            <td>
                                <button type="button" class="secondary" on:click=move |_| { let _ = lab.run(Command::DeleteCertificate { vnet, thumbprint: delete.clone() }); }>"Delete"</button>
                                <button type="button" class="secondary" disabled=row.revoked on:click=move |_| { let _ = lab.run(Command::RevokeCertificate { vnet, thumbprint: revoke.clone() }); }>"Revoke"</button>
                            </td>
                        </tr>
                    }
                } />
            </tbody>
        </table>
    }
}
