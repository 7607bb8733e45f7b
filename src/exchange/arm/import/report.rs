//! The import report (R39, R40): what the import will create, what it skips and why, the
//! parameters it asks for, the placeholders, and what the template gets wrong.

use std::collections::BTreeMap;

use super::template::{Parameter, Placeholder, Skipped};

/// One thing the template gets wrong for VNet integration (R40).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// As `Microsoft.Web/sites “contoso”`.
    pub resource: String,
    /// The JSON path of the property, from the resource.
    pub path: String,
    /// What Azure does with it.
    pub azure: String,
    pub fix: String,
}

/// A function outside R39's subset, where it was used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnsupportedFunction {
    pub resource: String,
    pub path: String,
    pub function: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// How many of each kind the import creates, by the lab's names (“web app”).
    pub created: BTreeMap<&'static str, usize>,
    pub skipped: Vec<Skipped>,
    /// Types the lab does not model, with how many resources of each.
    pub unsupported_types: BTreeMap<String, usize>,
    pub placeholders: Vec<Placeholder>,
    pub unsupported_functions: Vec<UnsupportedFunction>,
    /// Parameters without a value that a modelled property uses: asked for before importing.
    pub parameters: Vec<Parameter>,
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn count(&self, kind: &str) -> usize {
        self.created.get(kind).copied().unwrap_or(0)
    }
}
