//! What Azure Resource Manager refuses to deploy, told before the file leaves the lab: a
//! template of more than 800 resources or of more than 4 MB ("Template limits" in the ARM
//! documentation). The export still writes it whole, since it is also the lab's own file.
//! And what the template cannot carry: the rules an import could not read.

use crate::model::input::text::{join, thousands};
use crate::model::Subscription;

/// The most resources one template may declare.
pub const MAX_RESOURCES: usize = 800;
/// The largest template ARM accepts, in bytes.
pub const MAX_DEPLOYED_BYTES: usize = 4 * 1024 * 1024;

/// Why Azure would refuse to deploy a template of `resources` resources written in `bytes`
/// bytes, and what to do instead; `None` when it is within ARM's limits.
pub fn over_limits(resources: usize, bytes: usize) -> Option<String> {
    let mut over = Vec::new();
    if resources > MAX_RESOURCES {
        over.push(format!(
            "{} resources (ARM deploys at most {MAX_RESOURCES} a template)",
            thousands(resources)
        ));
    }
    if bytes > MAX_DEPLOYED_BYTES {
        over.push(format!(
            "{:.1} MB (ARM takes templates of up to 4 MB)",
            bytes as f64 / (1024.0 * 1024.0)
        ));
    }
    (!over.is_empty()).then(|| {
        format!(
            "The template has {}: Azure will refuse to deploy it as one. It still imports back \
             into the lab; to build it in Azure, run the Azure CLI script, or split the \
             template into deployments of fewer resources.",
            over.join(" and ")
        )
    })
}

/// The rules an import noted but the lab could not hold are not in the template, and an NSG's
/// `securityRules` replace the deployed ones: deploying it would delete them.
pub fn unwritten_rules(subscription: &Subscription) -> Option<String> {
    let rules: Vec<String> = subscription
        .network_security_groups
        .values()
        .flat_map(|nsg| {
            nsg.unread_rules
                .iter()
                .map(move |rule| format!("{} in {}", rule.name, nsg.name))
        })
        .chain(subscription.route_tables.values().flat_map(|table| {
            table
                .unread_routes
                .iter()
                .map(move |route| format!("{} in {}", route.name, table.name))
        }))
        .collect();
    (!rules.is_empty()).then(|| {
        format!(
            "The template leaves out the security rules and routes the lab could not read ({}): \
             deployed as it is, it would remove them from Azure. Add them to the template before \
             deploying it.",
            join(&rules, ", ")
        )
    })
}
