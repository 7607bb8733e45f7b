//! The functions of R39's subset, by name ignoring case. A call with the wrong number of
//! arguments names the function and what it takes; a function outside the subset evaluates
//! to [`Unknown::Unsupported`] so the import can name it.

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::lambdas::{self, LAMBDA_FUNCTIONS};
use super::syntax::Expr;
use super::value::{self, describe, kind, truth, Scope, Unknown, Val, RUNTIME};
use super::{collections, environment, evaluate, numbers, texts};

/// Every function the lab evaluates, with the fewest and most arguments it takes.
pub const SUPPORTED: &[(&str, usize, usize)] = &[
    ("parameters", 1, 1),
    ("variables", 1, 1),
    ("concat", 1, usize::MAX),
    ("format", 1, usize::MAX),
    ("resourceId", 2, usize::MAX),
    ("extensionResourceId", 3, usize::MAX),
    ("resourceGroup", 0, 0),
    ("subscription", 0, 0),
    ("deployment", 0, 0),
    ("toLower", 1, 1),
    ("toUpper", 1, 1),
    ("string", 1, 1),
    ("int", 1, 1),
    ("bool", 1, 1),
    ("if", 3, 3),
    ("equals", 2, 2),
    ("not", 1, 1),
    ("and", 2, usize::MAX),
    ("or", 2, usize::MAX),
    ("empty", 1, 1),
    ("length", 1, 1),
    ("split", 2, 2),
    ("first", 1, 1),
    ("last", 1, 1),
    ("indexOf", 2, 2),
    ("replace", 3, 3),
    ("substring", 2, 3),
    ("json", 1, 1),
    ("null", 0, 0),
    ("true", 0, 0),
    ("false", 0, 0),
    ("contains", 2, 2),
    ("coalesce", 1, usize::MAX),
    ("union", 1, usize::MAX),
    ("createArray", 0, usize::MAX),
    ("createObject", 0, usize::MAX),
    ("tryGet", 2, usize::MAX),
    ("copyIndex", 0, 2),
    ("reference", 1, 3),
    ("uniqueString", 1, usize::MAX),
    ("guid", 1, usize::MAX),
    ("newGuid", 0, 0),
    ("utcNow", 0, 1),
    ("environment", 0, 0),
    ("greater", 2, 2),
    ("greaterOrEquals", 2, 2),
    ("less", 2, 2),
    ("lessOrEquals", 2, 2),
    ("add", 2, 2),
    ("sub", 2, 2),
    ("mul", 2, 2),
    ("div", 2, 2),
    ("mod", 2, 2),
    ("min", 1, usize::MAX),
    ("max", 1, usize::MAX),
    ("range", 2, 2),
    ("startsWith", 2, 2),
    ("endsWith", 2, 2),
    ("lastIndexOf", 2, 2),
    ("trim", 1, 1),
    ("padLeft", 2, 3),
    ("base64", 1, 1),
    ("take", 2, 2),
    ("skip", 2, 2),
    ("array", 1, 1),
    ("objectKeys", 1, 1),
    ("items", 1, 1),
    ("flatten", 1, 1),
    ("join", 2, 2),
    ("shallowMerge", 1, 1),
    ("subscriptionResourceId", 2, usize::MAX),
    ("lambdaVariables", 1, 1),
];

pub fn call(name: &str, args: &[Expr], scope: &dyn Scope) -> Result<Val, String> {
    if let Some(&(canonical, min, max)) = LAMBDA_FUNCTIONS
        .iter()
        .find(|(known, _, _)| known.eq_ignore_ascii_case(name))
    {
        if args.len() < min || args.len() > max {
            return Err(arity(canonical, min, max, args.len()));
        }
        return lambdas::call(canonical, args, scope).map_err(|problem| {
            if problem.starts_with(canonical) || problem.starts_with("lambda") {
                problem
            } else {
                format!("{canonical}: {problem}")
            }
        });
    }
    if name.eq_ignore_ascii_case("lambda") {
        return Err(
            "lambda(…) is the function a map, filter, reduce, sort, toObject, mapValues or groupBy applies: write it as one of their arguments"
                .into(),
        );
    }
    let Some(&(canonical, min, max)) = SUPPORTED
        .iter()
        .find(|(known, _, _)| known.eq_ignore_ascii_case(name))
    else {
        // `listKeys`, `listSecrets` and the rest of the list* family read a deployed resource.
        if name.len() > 4 && name[..4].eq_ignore_ascii_case("list") {
            return Ok(Val::Unknown(Unknown::Deployment(format!("{name}(…)"))));
        }
        return Ok(Val::Unknown(Unknown::Unsupported(name.to_string())));
    };
    if args.len() < min || args.len() > max {
        return Err(arity(canonical, min, max, args.len()));
    }
    let result = match canonical {
        // Only the branch taken is evaluated, so `if(c, x, json('null'))` needs no `x` when c is false.
        "if" => match evaluate(&args[0], scope)? {
            Val::Known(condition) => {
                let branch = if truth(&condition).map_err(|e| format!("if: {e}"))? {
                    1
                } else {
                    2
                };
                return evaluate(&args[branch], scope);
            }
            unknown => return Ok(unknown),
        },
        "coalesce" => {
            for arg in args {
                match evaluate(arg, scope)? {
                    Val::Known(Value::Null) => {}
                    other => return Ok(other),
                }
            }
            return Ok(Val::Known(Value::Null));
        }
        _ => {
            let mut values = Vec::with_capacity(args.len());
            for arg in args {
                match evaluate(arg, scope)? {
                    Val::Known(value) => values.push(value),
                    unknown => return Ok(unknown),
                }
            }
            known(canonical, &values, scope)
        }
    };
    // The scope's own messages (an undeclared parameter) already say what is wrong.
    let own = matches!(
        canonical,
        "parameters" | "variables" | "reference" | "lambdaVariables"
    );
    result.map_err(|problem| {
        if own {
            problem
        } else {
            format!("{canonical}: {problem}")
        }
    })
}

fn arity(name: &str, min: usize, max: usize, got: usize) -> String {
    let takes = match (min, max) {
        (min, max) if min == max => format!("{min}"),
        (min, usize::MAX) => format!("at least {min}"),
        (min, max) => format!("{min} to {max}"),
    };
    let plural = if min == 1 && max == 1 { "" } else { "s" };
    format!("{name} takes {takes} argument{plural}, not {got}")
}

fn known(name: &str, args: &[Value], scope: &dyn Scope) -> Result<Val, String> {
    let deployment = scope.deployment();
    let value = match name {
        "parameters" => return scope.parameter(text(&args[0])?),
        "variables" => return scope.variable(text(&args[0])?),
        "reference" => {
            let target = text(&args[0])?;
            let full = args.get(2).is_some_and(|mode| {
                mode.as_str()
                    .is_some_and(|m| m.eq_ignore_ascii_case("full"))
            });
            return match scope.reference(target) {
                Some(properties) => {
                    let properties = properties?;
                    Ok(Val::Known(if full {
                        let mut object = Map::new();
                        object.insert("properties".into(), properties);
                        object.insert(RUNTIME.into(), Value::Bool(true));
                        Value::Object(object)
                    } else {
                        properties
                    }))
                }
                None => Ok(Val::Unknown(Unknown::Deployment(format!(
                    "reference('{target}'), a resource the template does not declare"
                )))),
            };
        }
        "copyIndex" => {
            let (loop_name, offset) = match args {
                [] => (None, 0),
                [Value::String(loop_name)] => (Some(loop_name.as_str()), 0),
                [offset] => (None, integer(offset)?),
                [loop_name, offset] => (Some(text(loop_name)?), integer(offset)?),
                _ => unreachable!("arity checked"),
            };
            Value::from(scope.copy_index(loop_name)? + offset)
        }
        "uniqueString" => {
            let made = unique_string(&strings(args)?);
            scope.placeholder("uniqueString", &made);
            Value::String(made)
        }
        "guid" => {
            let made = guid(&strings(args)?);
            scope.placeholder("guid", &made);
            Value::String(made)
        }
        "newGuid" => {
            let made = guid(&["newGuid".to_string()]);
            scope.placeholder("newGuid", &made);
            Value::String(made)
        }
        "utcNow" => {
            let made = environment::utc_now(args.first().map(text).transpose()?);
            scope.placeholder("utcNow", &made);
            Value::String(made)
        }
        "environment" => environment::azure_cloud(),
        "greater" | "greaterOrEquals" | "less" | "lessOrEquals" => numbers::compare(name, args)?,
        "add" | "sub" | "mul" | "div" | "mod" => numbers::arithmetic(name, args)?,
        "min" | "max" => numbers::extreme(name, args)?,
        "range" => numbers::range(args)?,
        "startsWith" | "endsWith" | "lastIndexOf" | "trim" | "padLeft" | "base64" => {
            texts::string_function(name, args)?
        }
        "lambdaVariables" => return scope.lambda_variable(text(&args[0])?).map(Val::Known),
        "subscriptionResourceId" => Value::String(subscription_resource_id(args, deployment)?),
        "take" | "skip" | "array" | "objectKeys" | "items" | "flatten" | "join"
        | "shallowMerge" => collections::collection_function(name, args)?,
        "resourceGroup" => serde_json::json!({
            "id": deployment.resource_group_id(),
            "name": deployment.resource_group,
            "type": "Microsoft.Resources/resourceGroups",
            "location": deployment.location,
            "properties": { "provisioningState": "Succeeded" },
        }),
        "subscription" => serde_json::json!({
            "id": deployment.subscription_scope(),
            "subscriptionId": deployment.subscription_id,
            "tenantId": deployment.subscription_id,
            "displayName": "VNet Integration Lab",
        }),
        // `location` is what a subscription-scope deployment has; the lab's is its resource group's.
        "deployment" => serde_json::json!({
            "name": deployment.name,
            "location": deployment.location,
            "properties": { "mode": "Incremental" },
        }),
        "resourceId" => Value::String(resource_id(args, deployment)?),
        "extensionResourceId" => {
            let scope_id = text(&args[0])?.trim_end_matches('/');
            Value::String(format!("{scope_id}{}", provider_path(&args[1..])?))
        }
        "concat" => {
            if args.iter().all(Value::is_array) {
                Value::Array(
                    args.iter()
                        .flat_map(|a| a.as_array().cloned().unwrap_or_default())
                        .collect(),
                )
            } else {
                let mut joined = String::new();
                for arg in args {
                    joined.push_str(&to_text(arg)?);
                }
                Value::String(joined)
            }
        }
        "format" => Value::String(format(text(&args[0])?, &args[1..])?),
        "toLower" => Value::String(text(&args[0])?.to_lowercase()),
        "toUpper" => Value::String(text(&args[0])?.to_uppercase()),
        "string" => Value::String(match &args[0] {
            Value::String(text) => text.clone(),
            Value::Bool(true) => "True".into(),
            Value::Bool(false) => "False".into(),
            Value::Null => String::new(),
            other => other.to_string(),
        }),
        "int" => Value::from(match &args[0] {
            Value::String(text) => text
                .trim()
                .parse::<i64>()
                .map_err(|_| format!("'{text}' is not a whole number"))?,
            other => integer(other)?,
        }),
        "bool" => Value::Bool(match &args[0] {
            Value::Number(n) => n.as_i64() != Some(0),
            other => truth(other)?,
        }),
        "equals" => Value::Bool(args[0] == args[1]),
        "not" => Value::Bool(!truth(&args[0])?),
        "and" => Value::Bool(
            args.iter()
                .map(truth)
                .collect::<Result<Vec<_>, _>>()?
                .iter()
                .all(|b| *b),
        ),
        "or" => Value::Bool(
            args.iter()
                .map(truth)
                .collect::<Result<Vec<_>, _>>()?
                .iter()
                .any(|b| *b),
        ),
        "empty" => Value::Bool(match &args[0] {
            Value::Null => true,
            Value::String(text) => text.is_empty(),
            Value::Array(items) => items.is_empty(),
            Value::Object(object) => object.keys().all(|key| key == RUNTIME),
            other => {
                return Err(format!(
                    "expected a string, array or object, got {}",
                    describe(other)
                ))
            }
        }),
        "length" => Value::from(match &args[0] {
            Value::String(text) => text.chars().count(),
            Value::Array(items) => items.len(),
            Value::Object(object) => object.keys().filter(|key| *key != RUNTIME).count(),
            other => {
                return Err(format!(
                    "expected a string, array or object, got {}",
                    describe(other)
                ))
            }
        }),
        "split" => {
            let source = text(&args[0])?;
            let delimiters: Vec<String> = match &args[1] {
                Value::Array(items) => items
                    .iter()
                    .map(|d| text(d).map(str::to_string))
                    .collect::<Result<_, _>>()?,
                other => vec![text(other)?.to_string()],
            };
            let mut parts = vec![source.to_string()];
            for delimiter in delimiters.iter().filter(|d| !d.is_empty()) {
                parts = parts
                    .iter()
                    .flat_map(|p| {
                        p.split(delimiter.as_str())
                            .map(str::to_string)
                            .collect::<Vec<_>>()
                    })
                    .collect();
            }
            Value::Array(parts.into_iter().map(Value::String).collect())
        }
        "first" | "last" => match &args[0] {
            Value::Array(items) => {
                let item = if name == "first" {
                    items.first()
                } else {
                    items.last()
                };
                item.cloned().unwrap_or(Value::Null)
            }
            Value::String(text) => {
                let c = if name == "first" {
                    text.chars().next()
                } else {
                    text.chars().last()
                };
                Value::String(c.map(String::from).unwrap_or_default())
            }
            other => {
                return Err(format!(
                    "expected an array or a string, got {}",
                    describe(other)
                ))
            }
        },
        "indexOf" => {
            let haystack = text(&args[0])?.to_lowercase();
            let needle = text(&args[1])?.to_lowercase();
            Value::from(
                haystack
                    .find(&needle)
                    .map_or(-1, |at| haystack[..at].chars().count() as i64),
            )
        }
        "replace" => Value::String(text(&args[0])?.replace(text(&args[1])?, text(&args[2])?)),
        "substring" => {
            let chars: Vec<char> = text(&args[0])?.chars().collect();
            let start = integer(&args[1])?;
            let length = match args.get(2) {
                Some(length) => integer(length)?,
                None => chars.len() as i64 - start,
            };
            if start < 0 || length < 0 || start + length > chars.len() as i64 {
                return Err(format!(
                    "start {start} and length {length} are outside the string of {} characters",
                    chars.len()
                ));
            }
            Value::String(
                chars[start as usize..(start + length) as usize]
                    .iter()
                    .collect(),
            )
        }
        "json" => {
            let source = text(&args[0])?;
            serde_json::from_str(source).map_err(|e| format!("'{source}' is not JSON: {e}"))?
        }
        "null" => Value::Null,
        "true" => Value::Bool(true),
        "false" => Value::Bool(false),
        "contains" => Value::Bool(match (&args[0], &args[1]) {
            (Value::String(text), item) => text.contains(to_text(item)?.as_str()),
            (Value::Array(items), item) => items.contains(item),
            (Value::Object(object), Value::String(key)) => value::member(object, key).is_some(),
            (container, item) => {
                return Err(format!(
                    "cannot look for {} in {}",
                    describe(item),
                    describe(container)
                ))
            }
        }),
        "union" => {
            if args.iter().all(Value::is_object) {
                let mut merged = Value::Object(Map::new());
                for arg in args {
                    merge(&mut merged, arg);
                }
                merged
            } else if args.iter().all(Value::is_array) {
                let mut items: Vec<Value> = Vec::new();
                for item in args.iter().flat_map(|a| a.as_array().into_iter().flatten()) {
                    if !items.contains(item) {
                        items.push(item.clone());
                    }
                }
                Value::Array(items)
            } else {
                return Err("takes objects or arrays, all of one kind".into());
            }
        }
        "createArray" => Value::Array(args.to_vec()),
        "createObject" => {
            if !args.len().is_multiple_of(2) {
                return Err(format!(
                    "takes names and values in pairs, not {} arguments",
                    args.len()
                ));
            }
            let mut object = Map::new();
            for pair in args.chunks(2) {
                object.insert(text(&pair[0])?.to_string(), pair[1].clone());
            }
            Value::Object(object)
        }
        "tryGet" => {
            let mut current = args[0].clone();
            for key in &args[1..] {
                current = match (&current, key) {
                    (Value::Object(object), Value::String(key)) => {
                        value::member(object, key).cloned().unwrap_or(Value::Null)
                    }
                    (Value::Array(items), Value::Number(n)) => n
                        .as_u64()
                        .and_then(|i| items.get(i as usize))
                        .cloned()
                        .unwrap_or(Value::Null),
                    _ => Value::Null,
                };
            }
            current
        }
        other => unreachable!("{other} is in SUPPORTED but has no evaluation"),
    };
    Ok(Val::Known(value))
}

pub(super) fn text(value: &Value) -> Result<&str, String> {
    value
        .as_str()
        .ok_or_else(|| format!("expected a string, got {}", describe(value)))
}

fn strings(values: &[Value]) -> Result<Vec<String>, String> {
    values.iter().map(to_text).collect()
}

/// A value joined into text, as `concat` and `format` write it.
fn to_text(value: &Value) -> Result<String, String> {
    match value {
        Value::String(text) => Ok(text.clone()),
        Value::Number(n) => Ok(n.to_string()),
        Value::Bool(b) => Ok(if *b { "True" } else { "False" }.to_string()),
        other => Err(format!("cannot join {} into text", kind(other))),
    }
}

pub(super) fn integer(value: &Value) -> Result<i64, String> {
    value
        .as_i64()
        .ok_or_else(|| format!("expected a whole number, got {}", describe(value)))
}

fn format(template: &str, args: &[Value]) -> Result<String, String> {
    let mut out = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '{' => {
                let mut spec = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some(c) => spec.push(c),
                        None => return Err(format!("“{{{spec}” in '{template}' is not closed")),
                    }
                }
                let position = spec.split(':').next().unwrap_or_default().trim();
                let arg = position
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| args.get(i))
                    .ok_or_else(|| {
                        format!(
                            "'{template}' uses {{{spec}}}, but {} values follow it",
                            args.len()
                        )
                    })?;
                out.push_str(&to_text(arg)?);
            }
            c => out.push(c),
        }
    }
    Ok(out)
}

/// `resourceId([subscriptionId], [resourceGroupName], type, name…)`: the type is the first
/// argument with a `/` (a subscription id or group name never has one).
fn resource_id(args: &[Value], deployment: &value::Deployment) -> Result<String, String> {
    let strings = strings(args)?;
    let type_at = strings
        .iter()
        .position(|s| s.contains('/'))
        .ok_or("no argument is a resource type such as 'Microsoft.Network/virtualNetworks'")?;
    let (subscription, group) = match &strings[..type_at] {
        [] => (
            deployment.subscription_id.as_str(),
            deployment.resource_group.as_str(),
        ),
        [group] => (deployment.subscription_id.as_str(), group.as_str()),
        [subscription, group] => (subscription.as_str(), group.as_str()),
        _ => {
            return Err(
                "takes at most a subscription id and a resource group before the type".into(),
            )
        }
    };
    Ok(format!(
        "/subscriptions/{subscription}/resourceGroups/{group}{}",
        provider_path(&args[type_at..])?
    ))
}

/// The id of a resource deployed at the subscription, optionally another subscription's.
fn subscription_resource_id(
    args: &[Value],
    deployment: &value::Deployment,
) -> Result<String, String> {
    let strings = strings(args)?;
    let type_at = strings
        .iter()
        .position(|s| s.contains('/'))
        .ok_or("no argument is a resource type such as 'Microsoft.Resources/resourceGroups'")?;
    let subscription = match &strings[..type_at] {
        [] => deployment.subscription_id.as_str(),
        [subscription] => subscription.as_str(),
        _ => return Err("takes at most a subscription id before the type".into()),
    };
    Ok(format!(
        "/subscriptions/{subscription}{}",
        provider_path(&args[type_at..])?
    ))
}

/// `/providers/Namespace/type/name/child/name` from a type and one name per segment.
fn provider_path(args: &[Value]) -> Result<String, String> {
    // Azure reads `Microsoft.Storage/storageAccounts/` as `Microsoft.Storage/storageAccounts`.
    let resource_type = text(&args[0])?.trim_end_matches('/');
    let names = strings(&args[1..])?;
    let mut segments = resource_type.split('/');
    let namespace = segments.next().unwrap_or_default();
    let types: Vec<&str> = segments.collect();
    if types.is_empty() || types.len() != names.len() {
        return Err(format!(
            "the type '{resource_type}' needs {} name{}, but {} {} given",
            types.len(),
            if types.len() == 1 { "" } else { "s" },
            names.len(),
            if names.len() == 1 { "is" } else { "are" }
        ));
    }
    let mut path = format!("/providers/{namespace}");
    for (segment, name) in types.iter().zip(&names) {
        path.push_str(&format!("/{segment}/{name}"));
    }
    Ok(path)
}

fn merge(into: &mut Value, from: &Value) {
    match (into, from) {
        (Value::Object(into), Value::Object(from)) => {
            for (key, value) in from {
                match into.get_mut(key) {
                    Some(existing) if existing.is_object() && value.is_object() => {
                        merge(existing, value)
                    }
                    _ => {
                        into.insert(key.clone(), value.clone());
                    }
                }
            }
        }
        (into, from) => *into = from.clone(),
    }
}

/// Azure's `uniqueString` is 13 characters from a hash of its arguments; the lab's is too,
/// stable for the same arguments, and listed as a placeholder.
fn unique_string(parts: &[String]) -> String {
    const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";
    let digest = Sha256::digest(parts.join("-").as_bytes());
    digest[..13]
        .iter()
        .map(|byte| ALPHABET[usize::from(byte % 32)] as char)
        .collect()
}

fn guid(parts: &[String]) -> String {
    let digest = Sha256::digest(parts.join("-").as_bytes());
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}
