//! The import report of an ARM template or an `az` resource list (R39, R40), shown before
//! anything changes: the deployment context, the parameters the template needs, what will be
//! created, what is skipped and why, the placeholders and the findings. Import keeps the
//! prepared copy of the subscription; Cancel drops it.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use serde_json::Value;
use strum::VariantArray;

use crate::exchange::arm::import::report::Report;
use crate::exchange::arm::import::template::Parameter;
use crate::exchange::arm::import::{prepare, Mode, Options, Prepared};
use crate::model::entities::clock::Instant;
use crate::model::entities::region::Region;
use crate::ui::lab::use_lab;
use crate::ui::shell::Tone;

/// A file read and waiting for its report to be accepted or cancelled.
#[derive(Clone)]
pub struct PendingImport {
    pub file: String,
    pub text: Arc<str>,
    /// The parameters the first reading asked for: the form keeps them once they have values.
    pub asked: Vec<Parameter>,
}

/// The browser's time now: an imported subscription's clock starts there (R39).
pub fn browser_now() -> Instant {
    Instant((js_sys::Date::now() / 1000.0) as i64)
}

#[component]
pub fn ImportReport(pending: RwSignal<Option<PendingImport>>) -> impl IntoView {
    move || {
        pending
            .get()
            .map(|import| view! { <ImportDialog pending=pending import=import /> })
    }
}

#[component]
fn ImportDialog(pending: RwSignal<Option<PendingImport>>, import: PendingImport) -> impl IntoView {
    let lab = use_lab();
    let now = browser_now();
    let mode = RwSignal::new(Mode::Replace);
    let region = RwSignal::new(Region::WestEurope);
    let given = RwSignal::new(BTreeMap::<String, Value>::new());
    let typed: Vec<(Parameter, RwSignal<String>)> = import
        .asked
        .iter()
        .map(|p| {
            (
                p.clone(),
                RwSignal::new(p.allowed.first().map(plain).unwrap_or_default()),
            )
        })
        .collect();
    let form_error = RwSignal::new(None::<String>);
    let text = import.text.clone();
    let prepared = Memo::new(move |_| {
        let mut options = Options::at(now);
        options.mode = mode.get();
        options.deployment.location = region.get().arm_name().to_string();
        options.parameters = given.get();
        lab.subscription
            .with_untracked(|current| prepare(&text, current, &options))
    });
    let fields = typed.clone();
    let use_values = move |_| {
        let mut values = BTreeMap::new();
        for (parameter, value) in &fields {
            match parameter.value_of(&value.get_untracked()) {
                Ok(read) => {
                    values.insert(parameter.name.clone(), read);
                }
                Err(problem) => {
                    form_error.set(Some(problem));
                    return;
                }
            }
        }
        form_error.set(None);
        given.set(values);
    };
    let file = import.file.clone();
    let apply = move |_| {
        if let Ok(Prepared {
            subscription: Some(subscription),
            ..
        }) = prepared.get_untracked()
        {
            lab.replace(subscription);
            pending.set(None);
            lab.notifications
                .push(Tone::Success, format!("Imported {file}"));
        }
    };
    let ready = move || {
        matches!(
            prepared.get(),
            Ok(Prepared {
                subscription: Some(_),
                ..
            })
        )
    };
    let has_parameters = !typed.is_empty();
    view! {
        <div class="import-backdrop">
            <section class="panel import-report" role="dialog" aria-modal="true" aria-labelledby="import-title">
                <h2 id="import-title">{format!("Import {}", import.file)}</h2>
                <p>"Nothing changes until you choose Import."</p>
                <div class="import-context">
                    <label>
                        "Resource group "
                        <input type="text" value="lab-rg" disabled=true aria-label="Resource group" />
                    </label>
                    <label>
                        "Location "
                        <select aria-label="Location" on:change=move |event| {
                            if let Some(chosen) = Region::VARIANTS.get(event_target_value(&event).parse::<usize>().unwrap_or(0)) {
                                region.set(*chosen);
                            }
                        }>
                            {Region::VARIANTS.iter().enumerate().map(|(i, r)| view! {
                                <option value=i.to_string() selected=*r == Region::WestEurope>{r.display_name()}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        "Mode "
                        <select aria-label="Mode" on:change=move |event| {
                            mode.set(if event_target_value(&event) == "add" { Mode::Add } else { Mode::Replace });
                        }>
                            <option value="replace" selected=true>"Replace the subscription"</option>
                            <option value="add">"Add to the subscription"</option>
                        </select>
                    </label>
                </div>
                {has_parameters.then(|| view! {
                    <fieldset class="import-parameters">
                        <legend>"Parameters without a default"</legend>
                        {typed.iter().map(|(parameter, value)| parameter_field(parameter, *value)).collect_view()}
                        <button type="button" on:click=use_values>"Use these values"</button>
                        {move || form_error.get().map(|problem| view! { <p class="field-error" role="alert">{problem}</p> })}
                    </fieldset>
                })}
                {move || match prepared.get() {
                    Err(problem) => view! { <p class="notice notice-failure" role="alert">{problem}</p> }.into_any(),
                    Ok(prepared) => report_view(&prepared.report, prepared.subscription.is_some()).into_any(),
                }}
                <div class="import-actions">
                    <button type="button" class="primary" disabled=move || !ready() on:click=apply>"Import"</button>
                    <button type="button" on:click=move |_| pending.set(None)>"Cancel"</button>
                </div>
            </section>
        </div>
    }
}

/// A value as typed in the form: text without quotes.
fn plain(value: &Value) -> String {
    value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_string)
}

fn parameter_field(parameter: &Parameter, value: RwSignal<String>) -> impl IntoView {
    let label = format!("{} ({})", parameter.name, parameter.kind);
    let description = parameter.description.clone().unwrap_or_default();
    let input = if parameter.allowed.is_empty() {
        let kind = if parameter.kind.eq_ignore_ascii_case("securestring") {
            "password"
        } else {
            "text"
        };
        view! {
            <input type=kind aria-label=parameter.name.clone() prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event)) />
        }
        .into_any()
    } else {
        let options: Vec<String> = parameter.allowed.iter().map(plain).collect();
        view! {
            <select aria-label=parameter.name.clone() on:change=move |event| value.set(event_target_value(&event))>
                {options.into_iter().map(|o| view! { <option value=o.clone()>{o.clone()}</option> }).collect_view()}
            </select>
        }
        .into_any()
    };
    view! {
        <label class="import-parameter">
            <span class="import-parameter-name">{label}</span>
            {input}
            <span class="import-parameter-description">{description}</span>
        </label>
    }
}

fn report_view(report: &Report, complete: bool) -> impl IntoView {
    let created: Vec<String> = report
        .created
        .iter()
        .map(|(kind, count)| format!("{count} × {kind}"))
        .collect();
    let skipped: Vec<String> = report
        .skipped
        .iter()
        .map(|s| {
            format!(
                "{} “{}” ({}): {}",
                s.resource_type, s.name, s.path, s.reason
            )
        })
        .chain(
            report
                .unsupported_types
                .iter()
                .map(|(t, n)| format!("{n} × {t}: a type the lab does not model")),
        )
        .collect();
    let placeholders: Vec<String> = report
        .placeholders
        .iter()
        .map(|p| format!("{} — {}: {}", p.at, p.function, p.value))
        .chain(report.unsupported_functions.iter().map(|u| {
            format!(
                "{} {} — {}(…) is not evaluated by the lab",
                u.resource, u.path, u.function
            )
        }))
        .collect();
    let findings = report.findings.clone();
    view! {
        <div class="import-sections">
            {(!complete).then(|| view! { <p class="notice notice-information">"Give the parameters above a value to see what the import creates."</p> })}
            {complete.then(|| list("Will be created", created))}
            {list("Skipped", skipped)}
            {list("Placeholders", placeholders)}
            <h3>{format!("Findings ({})", findings.len())}</h3>
            <ul class="import-findings">
                {findings.into_iter().map(|f| view! {
                    <li>
                        <strong>{f.resource}</strong>" "<code>{f.path}</code>
                        <p>{f.azure}</p>
                        <p class="import-fix">"Fix: "{f.fix}</p>
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
}

fn list(title: &'static str, items: Vec<String>) -> impl IntoView {
    let count = items.len();
    view! {
        <h3>{format!("{title} ({count})")}</h3>
        <ul>{items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul>
    }
}
