//! R40: what a template gets wrong for VNet integration.

use super::report::Finding;
use super::template::Resource;
use crate::model::Subscription;

pub fn findings(_resources: &[Resource]) -> Vec<Finding> {
    Vec::new()
}

pub fn after_import(_resources: &[Resource], _lab: &Subscription) -> Vec<Finding> {
    Vec::new()
}
