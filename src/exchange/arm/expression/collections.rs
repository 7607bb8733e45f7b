//! ARM's array and object functions beyond the first subset.

use serde_json::{json, Value};

use super::functions::integer;
use super::value::{describe, RUNTIME};

pub fn collection_function(name: &str, args: &[Value]) -> Result<Value, String> {
    Ok(match name {
        "take" | "skip" => slice(name == "take", &args[0], integer(&args[1])?)?,
        "array" => match &args[0] {
            Value::Array(_) => args[0].clone(),
            Value::Null | Value::Bool(_) => {
                return Err(format!(
                    "converts a whole number, string, array or object, not {}",
                    describe(&args[0])
                ))
            }
            other => Value::Array(vec![other.clone()]),
        },
        // serde_json keeps keys sorted: `items` returns them alphabetically, as ARM does.
        "objectKeys" => Value::Array(
            object(&args[0])?
                .keys()
                .filter(|key| *key != RUNTIME)
                .map(|key| Value::String(key.clone()))
                .collect(),
        ),
        "items" => Value::Array(
            object(&args[0])?
                .iter()
                .filter(|(key, _)| *key != RUNTIME)
                .map(|(key, value)| json!({"key": key, "value": value}))
                .collect(),
        ),
        "flatten" => Value::Array(
            array(&args[0])?
                .iter()
                .map(|item| array(item).cloned())
                .collect::<Result<Vec<_>, _>>()?
                .concat(),
        ),
        "join" => {
            let separator = args[1]
                .as_str()
                .ok_or_else(|| format!("joins with a string, not {}", describe(&args[1])))?;
            let parts = array(&args[0])?
                .iter()
                .map(|item| match item {
                    Value::String(text) => Ok(text.clone()),
                    Value::Number(_) | Value::Bool(_) => Ok(item.to_string()),
                    other => Err(format!(
                        "joins strings, numbers and booleans, not {}",
                        describe(other)
                    )),
                })
                .collect::<Result<Vec<_>, _>>()?;
            Value::String(parts.join(separator))
        }
        // The objects' top-level properties, a later one replacing an earlier one.
        "shallowMerge" => {
            let mut merged = serde_json::Map::new();
            for item in array(&args[0])? {
                merged.extend(object(item)?.clone());
            }
            Value::Object(merged)
        }
        other => unreachable!("{other} is not a collection function"),
    })
}

fn array(value: &Value) -> Result<&Vec<Value>, String> {
    value
        .as_array()
        .ok_or_else(|| format!("takes an array, not {}", describe(value)))
}

fn object(value: &Value) -> Result<&serde_json::Map<String, Value>, String> {
    value
        .as_object()
        .ok_or_else(|| format!("expected an object, got {}", describe(value)))
}

/// `take(value, n)` keeps the first n items or characters, `skip(value, n)` the rest; n below 0
/// counts as 0 and n beyond the length as the length, as ARM does.
fn slice(take: bool, value: &Value, count: i64) -> Result<Value, String> {
    let cut = |length: usize| usize::try_from(count).unwrap_or(0).min(length);
    Ok(match value {
        Value::Array(items) => {
            let (first, rest) = items.split_at(cut(items.len()));
            Value::Array(if take { first } else { rest }.to_vec())
        }
        Value::String(text) => {
            let chars: Vec<char> = text.chars().collect();
            let (first, rest) = chars.split_at(cut(chars.len()));
            Value::String(if take { first } else { rest }.iter().collect())
        }
        other => {
            return Err(format!(
                "expected an array or a string, got {}",
                describe(other)
            ))
        }
    })
}
