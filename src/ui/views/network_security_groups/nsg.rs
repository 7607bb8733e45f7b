//! One network security group: its rules of each direction in evaluation order, Azure's default
//! rules last (marked, not deletable), and a portal-like form to add or edit a rule (R30).

use leptos::prelude::*;

use crate::model::command::{SecurityRuleInput, Toward};
use crate::model::entities::ids::NsgId;
use crate::model::entities::security::{Access, Destination, Direction, RuleProtocol, UnreadRule};
use crate::model::Command;
use crate::ui::lab::use_lab;
use crate::ui::views::{associated_subnets, resource};
use crate::ui::widgets::choice::{Choice, Options, Select};
use crate::ui::widgets::form::{Form, TextInput};
use crate::ui::widgets::keyed::shown;

/// A rule as shown, and as the form takes it back to edit.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Rule {
    name: String,
    priority: u16,
    direction: Direction,
    access: Access,
    protocol: RuleProtocol,
    destination: String,
    ports: String,
    default: bool,
    /// Whether it is the first or the last of this direction's own rules: where it cannot move.
    first: bool,
    last: bool,
}

/// The rule form's fields, shared with the rows so Edit can fill them.
#[derive(Clone, Copy)]
struct RuleFields {
    name: RwSignal<String>,
    priority: RwSignal<String>,
    destination: RwSignal<String>,
    ports: RwSignal<String>,
    direction: Choice<Direction>,
    access: Choice<Access>,
    protocol: Choice<RuleProtocol>,
    /// The name of the rule being edited, if the form edits one.
    editing: RwSignal<Option<String>>,
}

impl RuleFields {
    fn new() -> RuleFields {
        RuleFields {
            name: RwSignal::new(String::new()),
            priority: RwSignal::new(String::new()),
            destination: RwSignal::new(String::new()),
            ports: RwSignal::new(String::new()),
            direction: Choice::new(Options::fixed(vec![
                (Direction::Outbound, "Outbound".to_string()),
                (Direction::Inbound, "Inbound".to_string()),
            ])),
            access: Choice::new(Options::fixed(vec![
                (Access::Deny, "Deny".to_string()),
                (Access::Allow, "Allow".to_string()),
            ])),
            protocol: Choice::new(Options::fixed(vec![
                (RuleProtocol::Tcp, "TCP".to_string()),
                (RuleProtocol::Udp, "UDP".to_string()),
                (RuleProtocol::Any, "Any".to_string()),
            ])),
            editing: RwSignal::new(None),
        }
    }

    fn fill(&self, rule: &Rule) {
        self.name.set(rule.name.clone());
        self.priority.set(rule.priority.to_string());
        self.destination.set(rule.destination.clone());
        self.ports.set(rule.ports.clone());
        self.direction.pick(rule.direction);
        self.access.pick(rule.access);
        self.protocol.pick(rule.protocol);
        self.editing.set(Some(rule.name.clone()));
    }

    fn clear(&self) {
        for field in [self.name, self.priority, self.destination, self.ports] {
            field.set(String::new());
        }
        self.editing.set(None);
    }
}

#[component]
pub fn NsgView(nsg: NsgId) -> impl IntoView {
    let lab = use_lab();
    let name = lab.derive(move |s| s.network_security_groups.get(&nsg).map(|n| n.name.clone()));
    let facts = lab.derive(move |s| {
        let group = s.network_security_groups.get(&nsg)?;
        Some((
            group.region.display_name(),
            associated_subnets(s, |subnet| subnet.network_security_group == Some(nsg)),
        ))
    });
    let fields = RuleFields::new();
    let page = move |name: String| {
        view! {
            <h1>{name}</h1>
            <p class="view-purpose">"Rules by priority, first match wins. The outbound rules filter a web app's integrated traffic; inbound ones do not."</p>
            <dl class="facts">
                <dt>"Region"</dt><dd>{move || facts.get().map(|(region, _)| region)}</dd>
                <dt>"Associated subnets"</dt><dd>{move || facts.get().map(|(_, subnets)| subnets)}</dd>
            </dl>
            <h2>"Outbound rules"</h2>
            <Rules nsg=nsg direction=Direction::Outbound fields=fields />
            <h2>"Inbound rules"</h2>
            <Rules nsg=nsg direction=Direction::Inbound fields=fields />
            <UnreadRules nsg=nsg />
            <RuleForm nsg=nsg fields=fields />
        }
    };
    resource(
        "Network security group",
        "It may have been deleted.",
        name,
        page,
    )
}

fn move_earlier(nsg: NsgId, name: String) -> Command {
    Command::MoveSecurityRule {
        nsg,
        name,
        toward: Toward::Earlier,
    }
}

fn move_later(nsg: NsgId, name: String) -> Command {
    Command::MoveSecurityRule {
        nsg,
        name,
        toward: Toward::Later,
    }
}

fn remove(nsg: NsgId, name: String) -> Command {
    Command::RemoveSecurityRule { nsg, name }
}

/// A rule's button: its words, its accessible name, whether it is off, and what it does.
fn button(
    words: &'static str,
    label: String,
    disabled: bool,
    act: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <button type="button" class="secondary" aria-label=label disabled=disabled on:click=move |_| act()>
            {words}
        </button>
    }
}

#[component]
fn Rules(nsg: NsgId, direction: Direction, fields: RuleFields) -> impl IntoView {
    let lab = use_lab();
    let rules = lab.derive(move |s| {
        let Some(group) = s.network_security_groups.get(&nsg) else {
            return Vec::new();
        };
        let own: Vec<&str> = group
            .rules
            .iter()
            .filter(|rule| rule.direction == direction)
            .map(|rule| rule.name.as_str())
            .collect();
        group
            .effective_rules(direction)
            .into_iter()
            .map(|rule| Rule {
                default: !group.rules.contains(&rule),
                first: own.first() == Some(&rule.name.as_str()),
                last: own.last() == Some(&rule.name.as_str()),
                destination: match rule.destination {
                    Destination::Any => "*".to_string(),
                    other => other.to_string(),
                },
                ports: rule
                    .ports
                    .map_or_else(|| "*".to_string(), |p| p.to_string()),
                name: rule.name,
                priority: rule.priority,
                direction: rule.direction,
                access: rule.access,
                protocol: rule.protocol,
            })
            .collect()
    });
    let row = move |rule: Rule| {
        let actions = if rule.default {
            view! { <span class="badge badge-neutral">"Default"</span> }.into_any()
        } else {
            let name = rule.name.clone();
            let command = move |command: fn(NsgId, String) -> Command| {
                let name = name.clone();
                move || {
                    let _ = lab.run(command(nsg, name.clone()));
                }
            };
            let edit = rule.clone();
            view! {
                {button("Up", format!("Move {} up (evaluated earlier)", rule.name), rule.first, command(move_earlier))}
                {button("Down", format!("Move {} down (evaluated later)", rule.name), rule.last, command(move_later))}
                {button("Edit", format!("Edit {}", rule.name), false, move || fields.fill(&edit))}
                {button("Delete", format!("Delete {}", rule.name), false, command(remove))}
            }
            .into_any()
        };
        view! {
            <tr>
                <td>{rule.priority}</td>
                <td>{rule.name.clone()}</td>
                <td>{rule.protocol.to_string()}</td>
                <td>{rule.destination.clone()}</td>
                <td>{rule.ports.clone()}</td>
                <td>{rule.access.to_string()}</td>
                <td>{actions}</td>
            </tr>
        }
    };
    let label = format!("{direction} rules in evaluation order");
    view! {
        <table tabindex="0" aria-label=label>
            <thead><tr><th>"Priority"</th><th>"Name"</th><th>"Protocol"</th><th>"Destination"</th><th>"Ports"</th><th>"Action"</th><th>"Actions"</th></tr></thead>
            <tbody>
                <For each=move || rules.get() key=shown children=row />
            </tbody>
        </table>
    }
}

/// R39: the rules an imported template declared that the lab could not hold; the check
/// answers that it cannot tell where one of them comes first. Shown only when there are some.
#[component]
fn UnreadRules(nsg: NsgId) -> impl IntoView {
    let lab = use_lab();
    let unread = lab.derive(move |s| {
        s.network_security_groups
            .get(&nsg)
            .map(|group| group.unread_rules.clone())
            .unwrap_or_default()
    });
    let row = move |rule: UnreadRule| {
        let name = rule.name.clone();
        let delete = move || {
            let _ = lab.run(remove(nsg, name.clone()));
        };
        view! {
            <tr>
                <td>{rule.priority}</td>
                <td>{rule.name.clone()}</td>
                <td>{rule.direction.to_string()}</td>
                <td>{rule.access.to_string()}</td>
                <td>{rule.why.clone()}</td>
                <td>{button("Delete", format!("Delete {}", rule.name), false, delete)}</td>
            </tr>
        }
    };
    move || {
        (!unread.get().is_empty()).then(|| {
            view! {
                <h2>"Rules the lab could not read"</h2>
                <p>"Azure holds these as the imported template declared them. Write each as rules the lab can read, then delete it here."</p>
                <table tabindex="0" aria-label="Rules the lab could not read">
                    <thead><tr><th>"Priority"</th><th>"Name"</th><th>"Direction"</th><th>"Action"</th><th>"Why"</th><th>"Actions"</th></tr></thead>
                    <tbody>
                        <For each=move || unread.get() key=|rule| rule.name.clone() children=row />
                    </tbody>
                </table>
            }
        })
    }
}

#[component]
fn RuleForm(nsg: NsgId, fields: RuleFields) -> impl IntoView {
    let lab = use_lab();
    let submit = move || {
        let rule = SecurityRuleInput {
            name: fields.name.get_untracked(),
            priority: fields.priority.get_untracked(),
            direction: fields.direction.required("Pick a direction.")?,
            access: fields.access.required("Pick an action.")?,
            protocol: fields.protocol.required("Pick a protocol.")?,
            destination: fields.destination.get_untracked(),
            ports: fields.ports.get_untracked(),
        };
        lab.submit(Command::SetSecurityRule {
            nsg,
            rule,
            replacing: fields.editing.get_untracked(),
        })?;
        fields.editing.set(None);
        Ok(())
    };
    let heading = move || match fields.editing.get() {
        Some(name) => format!("Edit the rule {name}"),
        None => "Add a rule".to_string(),
    };
    let cancel = move || {
        fields.editing.get().is_some().then(|| {
            view! {
                <button type="button" class="secondary" on:click=move |_| fields.clear()>"Cancel edit"</button>
            }
        })
    };
    view! {
        <Form button="Save rule" submit=submit>
            <h2>{heading}</h2>
            <TextInput label="Rule name" value=fields.name placeholder="AllowSql" />
            <TextInput label="Priority" value=fields.priority placeholder="100 to 4096" numeric=true />
            <Select label="Direction" choice=fields.direction />
            <Select label="Action" choice=fields.access />
            <Select label="Protocol" choice=fields.protocol />
            <TextInput label="Destination" value=fields.destination placeholder="10.3.2.0/24, VirtualNetwork, Internet or *" />
            <TextInput label="Destination ports" value=fields.ports placeholder="1433, 1000-2000 or *" />
            {cancel}
        </Form>
    }
}
