//! Import of ARM templates and of what Azure prints about deployed resources (R39), with the
//! report of what the template gets wrong (R40). [`prepare`] reads and maps everything onto a
//! copy of the subscription and returns it with the report; nothing changes until the caller
//! keeps that copy, so an import is all or nothing.

pub mod document;
pub mod findings;
pub mod live;
pub mod map;
pub mod metadata;
mod parameter_types;
pub mod props;
pub mod report;
pub mod template;

use std::collections::BTreeMap;

use serde_json::Value;

use crate::exchange::arm::expression::{Deployment, Unknown};
use crate::model::entities::clock::{Clock, Instant};
use crate::model::Subscription;
use document::Document;
use report::{Report, UnsupportedFunction};
use template::{Reading, Resource};

/// Whether the import replaces the subscription or adds to it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Replace,
    /// Names must not collide; references may point at what the subscription holds.
    Add,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub mode: Mode,
    pub deployment: Deployment,
    /// Values for parameters, by name, as the report's form gives them.
    pub parameters: BTreeMap<String, Value>,
    /// The browser's time: an imported subscription's clock starts there.
    pub now: Instant,
}

impl Options {
    /// Replace mode, the default deployment context, no parameter values.
    pub fn at(now: Instant) -> Options {
        Options {
            mode: Mode::Replace,
            deployment: Deployment::default(),
            parameters: BTreeMap::new(),
            now,
        }
    }
}

/// What an import would do: the report, and the subscription it makes once every parameter
/// it needs has a value.
#[derive(Clone, Debug, PartialEq)]
pub struct Prepared {
    pub report: Report,
    pub subscription: Option<Subscription>,
}

/// Paths under these are read by no modelled property: a parameter used only there is not asked.
const UNMODELLED: &[&str] = &[
    "properties.osProfile",
    "properties.storageProfile",
    "properties.hardwareProfile",
    "properties.sharedKey",
    "properties.sendKeyValue",
    "properties.sendKeyName",
    "tags",
];

/// Reads `text` and maps it onto `current` (add mode) or an empty subscription (replace).
pub fn prepare(text: &str, current: &Subscription, options: &Options) -> Result<Prepared, String> {
    let document = document::read(text)?;
    let facts = match &document {
        Document::Template(root) => metadata::read(root)?,
        Document::LiveState(_) => None,
    };
    let reading = match document {
        Document::Template(root) => {
            let held = (options.mode == Mode::Add).then_some(current);
            template::read_template(&root, &options.parameters, &options.deployment, held)
        }
        Document::LiveState(items) => live::read_live(&items),
    }
    .map_err(|problem| refusal("The template cannot be imported", &problem))?;
    let Reading {
        parameters,
        resources,
        skipped,
        placeholders,
    } = reading;
    // A resource Azure would not deploy, of a type the lab does not model either (the AVM
    // modules' locks and telemetry), is no news: listing dozens of them would hide the rest.
    let skipped = skipped
        .into_iter()
        .filter(|s| s.reason != template::CONDITION_FALSE || map::is_supported(&s.resource_type))
        .collect();
    let mut report = Report {
        skipped,
        placeholders,
        ..Report::default()
    };
    let mut asked: Vec<String> = Vec::new();
    let mut supported: Vec<Resource> = Vec::new();
    for resource in resources {
        if !map::is_supported(&resource.resource_type) {
            *report
                .unsupported_types
                .entry(resource.resource_type.clone())
                .or_default() += 1;
            continue;
        }
        for (path, unknown) in &resource.unknowns {
            match unknown {
                Unknown::MissingParameter(name) => {
                    if !UNMODELLED.iter().any(|p| path.starts_with(p)) && !asked.contains(name) {
                        asked.push(name.clone());
                    }
                }
                Unknown::Unsupported(function) => {
                    report.unsupported_functions.push(UnsupportedFunction {
                        resource: map::describe(&resource),
                        path: path.clone(),
                        function: function.clone(),
                    })
                }
                Unknown::Deployment(what) => report.placeholders.push(template::Placeholder {
                    at: format!("{} {path}", map::describe(&resource)),
                    function: what.clone(),
                    value: template::placeholder_text(unknown),
                }),
            }
        }
        supported.push(resource);
    }
    report.parameters = parameters
        .into_iter()
        .filter(|p| asked.contains(&p.name))
        .collect();
    report.findings = findings::findings(&supported);
    if !report.parameters.is_empty() {
        return Ok(Prepared {
            report,
            subscription: None,
        });
    }
    // The lab's own export of an empty lab, or of one with only internet hosts, is whole.
    if supported.is_empty() && facts.is_none() {
        return Err(refusal(
            "The file declares nothing the lab can import",
            &declares_nothing(&report),
        ));
    }
    let start = match options.mode {
        Mode::Replace => {
            let mut empty = Subscription::empty();
            // The lab's own export says when it was: its gateways and certificates are timed by it.
            empty.clock = facts.as_ref().map_or(
                Clock {
                    now: options.now,
                    speed: empty.clock.speed,
                },
                |facts| Clock {
                    now: facts.clock.now,
                    speed: facts.clock.speed,
                },
            );
            empty
        }
        Mode::Add => current.clone(),
    };
    let (subscription, mut report) = map::map(&supported, start, report, facts.as_ref())
        .map_err(|problem| refusal("The template cannot be imported", &problem))?;
    if report.created.is_empty() && facts.is_none() {
        let mut reasons: Vec<String> = report
            .skipped
            .iter()
            .map(|s| format!("{} “{}”: {}", s.resource_type, s.name, s.reason))
            .collect();
        if let Some(types) = type_counts(&report) {
            reasons.push(format!("the lab does not model {types}"));
        }
        if reasons.is_empty() {
            reasons.push("nothing it declares makes a resource in the lab".into());
        }
        return Err(refusal("Nothing importable remains", &reasons.join("; ")));
    }
    // Applied without a copy per command (apply_unguarded): the whole result is checked as
    // every document is before use (SPEC §8), so no import can leave a state commands could not.
    subscription.validate().map_err(|invalid| {
        refusal(
            "The imported subscription is not consistent",
            &invalid.to_string(),
        )
    })?;
    report
        .findings
        .extend(findings::after_import(&supported, &subscription));
    Ok(Prepared {
        report,
        subscription: Some(subscription),
    })
}

/// The unsupported types with how many of each: `Microsoft.Storage/storageAccounts (2), …`.
fn type_counts(report: &Report) -> Option<String> {
    let counts: Vec<String> = report
        .unsupported_types
        .iter()
        .map(|(kind, count)| format!("{kind} ({count})"))
        .collect();
    (!counts.is_empty()).then(|| counts.join(", "))
}

/// Why a file with nothing to map is refused: the refusal replaces the report, so it says
/// itself what the file declares and what was skipped.
fn declares_nothing(report: &Report) -> String {
    let skipped: Vec<String> = report
        .skipped
        .iter()
        .map(|s| format!("{} “{}” ({})", s.resource_type, s.name, s.reason))
        .collect();
    let skipped = (!skipped.is_empty()).then(|| skipped.join("; "));
    match (type_counts(report), skipped) {
        (Some(types), None) => {
            format!("it declares only {types}, which the lab does not model")
        }
        (Some(types), Some(skipped)) => {
            format!("it declares only {types}, which the lab does not model, and skips {skipped}")
        }
        (None, Some(skipped)) => format!("it skips {skipped}"),
        (None, None) => "it declares no resources".into(),
    }
}

/// `lead: problem.` and that nothing changed; a problem that already ends its sentence (the
/// model's messages do) keeps its one period.
fn refusal(lead: &str, problem: &str) -> String {
    let problem = problem.trim_end();
    let end = if problem.ends_with(['.', '!', '?']) {
        ""
    } else {
        "."
    };
    format!("{lead}: {problem}{end} Nothing changed.")
}

#[cfg(test)]
mod findings_tests;
#[cfg(test)]
mod nested_tests;
#[cfg(test)]
mod roundtrip_tests;
#[cfg(test)]
mod skip_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod unread_tests;
