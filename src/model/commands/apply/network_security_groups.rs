//! `Microsoft.Network/networkSecurityGroups` and their security rules (R30).

use super::associations::Association;
use super::lookup::not_found;
use super::lookup::resource_name;
use crate::model::command::{Event, SecurityRuleInput, Toward};
use crate::model::commands::error::CommandError;
use crate::model::entities::ids::{NsgId, VnetId};
use crate::model::entities::region::Region;
use crate::model::entities::security::{NetworkSecurityGroup, SecurityRule, UnreadRule};
use crate::model::entities::subscription::Subscription;
use crate::model::input::rules::{parse_destination, parse_ports, parse_priority};

impl Subscription {
    pub(super) fn nsg_mut(&mut self, id: NsgId) -> Result<&mut NetworkSecurityGroup, CommandError> {
        self.network_security_groups
            .get_mut(&id)
            .ok_or_else(|| not_found("network security group", id))
    }

    pub(super) fn create_network_security_group(
        &mut self,
        name: &str,
        region: Region,
    ) -> Result<Event, CommandError> {
        let name = resource_name(
            "network security group",
            name,
            self.network_security_groups
                .values()
                .map(|n| n.name.as_str()),
        )?;
        let id = NsgId(self.allocate_id());
        let event = Event::new(format!(
            "Created the network security group {name} in {region}"
        ));
        self.network_security_groups.insert(
            id,
            NetworkSecurityGroup {
                id,
                name,
                region,
                rules: Vec::new(),
                unread_rules: Vec::new(),
            },
        );
        Ok(event)
    }

    pub(super) fn delete_network_security_group(
        &mut self,
        nsg: NsgId,
    ) -> Result<Event, CommandError> {
        let name = self.nsg_mut(nsg)?.name.clone();
        let users = self.subnets_using(|subnet| subnet.network_security_group == Some(nsg));
        CommandError::unless_unused(format!("The network security group {name}"), users)?;
        self.network_security_groups.remove(&nsg);
        Ok(Event::new(format!(
            "Deleted the network security group {name}"
        )))
    }

    /// R30: a new or edited rule; two rules of one direction never share a priority.
    pub(super) fn set_security_rule(
        &mut self,
        nsg: NsgId,
        input: SecurityRuleInput,
        replacing: Option<String>,
    ) -> Result<Event, CommandError> {
        let group = self.nsg_mut(nsg)?;
        let group_name = group.name.clone();
        if let Some(old) = &replacing {
            group
                .rule(old)
                .ok_or_else(|| not_found("security rule", old))?;
        }
        let others = || {
            group.rules.iter().filter(|rule| {
                replacing
                    .as_ref()
                    .is_none_or(|old| !rule.name.eq_ignore_ascii_case(old))
            })
        };
        let name = resource_name(
            "security rule",
            &input.name,
            others().map(|rule| rule.name.as_str()),
        )?;
        let rule = SecurityRule {
            name,
            priority: parse_priority(&input.priority)?,
            direction: input.direction,
            access: input.access,
            protocol: input.protocol,
            destination: parse_destination(&input.destination)?,
            ports: parse_ports(&input.ports)?,
        };
        if let Some(clash) = others()
            .find(|other| other.direction == rule.direction && other.priority == rule.priority)
        {
            return Err(CommandError::DuplicatePriority {
                priority: rule.priority,
                rule: clash.name.clone(),
                nsg: group_name,
            });
        }
        let event = Event::new(format!(
            "{} the {} rule {rule} in {group_name}",
            if replacing.is_some() {
                "Changed"
            } else {
                "Added"
            },
            rule.direction.to_string().to_lowercase(),
        ));
        if let Some(old) = &replacing {
            group.rules.retain(|r| !r.name.eq_ignore_ascii_case(old));
        }
        group.rules.push(rule);
        group.sort_rules();
        Ok(event)
    }

    pub(super) fn remove_security_rule(
        &mut self,
        nsg: NsgId,
        name: &str,
    ) -> Result<Event, CommandError> {
        let group = self.nsg_mut(nsg)?;
        let before = group.rules.len() + group.unread_rules.len();
        group
            .rules
            .retain(|rule| !rule.name.eq_ignore_ascii_case(name));
        group
            .unread_rules
            .retain(|rule| !rule.name.eq_ignore_ascii_case(name));
        if group.rules.len() + group.unread_rules.len() == before {
            return Err(not_found(
                "security rule",
                format!("{name} in {}", group.name),
            ));
        }
        Ok(Event::new(format!(
            "Removed the rule {name} from {}",
            group.name
        )))
    }

    /// R39: notes a rule of a template that the lab's rules cannot hold.
    pub(super) fn note_unread_rule(
        &mut self,
        nsg: NsgId,
        rule: UnreadRule,
    ) -> Result<Event, CommandError> {
        let group = self.nsg_mut(nsg)?;
        let name = rule.name.clone();
        let taken = group.rules.iter().map(|r| r.name.as_str());
        let taken: Vec<&str> = taken
            .chain(group.unread_rules.iter().map(|r| r.name.as_str()))
            .collect();
        resource_name("security rule", &name, taken.into_iter())?;
        let event = Event::new(format!(
            "Noted the rule {name} of {}, which the lab cannot hold: {}",
            group.name, rule.why
        ));
        group.unread_rules.push(rule);
        Ok(event)
    }

    pub(super) fn move_security_rule(
        &mut self,
        nsg: NsgId,
        name: &str,
        toward: Toward,
    ) -> Result<Event, CommandError> {
        let group = self.nsg_mut(nsg)?;
        let rule = group
            .rule(name)
            .ok_or_else(|| not_found("security rule", format!("{name} in {}", group.name)))?
            .clone();
        // The rules of its direction, in evaluation order (kept sorted by priority).
        let order: Vec<usize> = (0..group.rules.len())
            .filter(|at| group.rules[*at].direction == rule.direction)
            .collect();
        let place = order
            .iter()
            .position(|at| group.rules[*at].name == rule.name)
            .expect("the rule is among its direction's rules");
        let neighbour = match toward {
            Toward::Earlier => place.checked_sub(1),
            Toward::Later => Some(place + 1).filter(|next| *next < order.len()),
        };
        let Some(neighbour) = neighbour.map(|at| order[at]) else {
            return Err(CommandError::RuleAtEnd {
                rule: rule.name,
                nsg: group.name.clone(),
                direction: rule.direction,
                first: toward == Toward::Earlier,
            });
        };
        let other = group.rules[neighbour].clone();
        let mine = order[place];
        group.rules[mine].priority = other.priority;
        group.rules[neighbour].priority = rule.priority;
        group.sort_rules();
        let place = match toward {
            Toward::Earlier => "above",
            Toward::Later => "below",
        };
        Ok(Event::new(format!(
            "Moved the rule {} {place} {} in {} ({} now has priority {}, {} has {})",
            rule.name, other.name, group.name, rule.name, other.priority, other.name, rule.priority
        )))
    }

    pub(super) fn associate_network_security_group(
        &mut self,
        vnet: VnetId,
        subnet: &str,
        nsg: Option<NsgId>,
    ) -> Result<Event, CommandError> {
        self.associate(vnet, subnet, Association::Nsg(nsg))
    }
}
