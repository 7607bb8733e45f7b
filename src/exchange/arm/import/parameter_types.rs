//! `languageVersion` 2.0 user-defined types: a parameter written `{"$ref":
//! "#/definitions/name"}` takes the type, allowed values and the rest of that entry of the
//! template's root `definitions` (which may itself refer on), its own keys winning.

use serde_json::{Map, Value};

use crate::exchange::arm::expression::{member, truth};

/// languageVersion 2.0's `"nullable": true`: with no `defaultValue`, the parameter is null.
pub fn nullable(spec: &Map<String, Value>) -> bool {
    member(spec, "nullable").is_some_and(|n| truth(n).unwrap_or(false))
}

/// Every declared parameter with its `$ref` replaced by what it names.
pub fn resolve(
    parameters: Map<String, Value>,
    definitions: &Map<String, Value>,
) -> Result<Map<String, Value>, String> {
    parameters
        .into_iter()
        .map(|(name, spec)| {
            let resolved = match spec {
                Value::Object(spec) => Value::Object(resolved(
                    &format!("the parameter “{name}”"),
                    spec,
                    definitions,
                    &mut Vec::new(),
                )?),
                other => other,
            };
            Ok((name, resolved))
        })
        .collect()
}

fn resolved(
    who: &str,
    mut spec: Map<String, Value>,
    definitions: &Map<String, Value>,
    seen: &mut Vec<String>,
) -> Result<Map<String, Value>, String> {
    let Some(reference) = spec.remove("$ref") else {
        return Ok(spec);
    };
    let reference = reference
        .as_str()
        .ok_or_else(|| {
            format!("{who} has a \"$ref\" that is not a string: write \"#/definitions/<name>\"")
        })?
        .to_string();
    let Some(name) = reference.strip_prefix("#/definitions/") else {
        return Err(format!(
            "{who} refers to “{reference}”: the lab reads only types of the template's own \"definitions\", as \"#/definitions/<name>\""
        ));
    };
    if seen.iter().any(|s| s == name) {
        return Err(format!(
            "the definition “{name}” refers back to itself ({} → {name}): break the cycle",
            seen.join(" → ")
        ));
    }
    let Some(Value::Object(definition)) = member(definitions, name) else {
        return Err(format!(
            "{who} refers to “{reference}”, which the template's \"definitions\" does not declare: declare the type there or correct the \"$ref\""
        ));
    };
    seen.push(name.to_string());
    let mut merged = resolved(
        &format!("the definition “{name}”"),
        definition.clone(),
        definitions,
        seen,
    )?;
    merged.extend(spec);
    Ok(merged)
}
