//! ARM's string functions beyond the first subset. `startsWith`, `endsWith` and `lastIndexOf`
//! ignore case, as ARM's do.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use serde_json::Value;

use super::functions::{integer, text};
use super::value::describe;

pub fn string_function(name: &str, args: &[Value]) -> Result<Value, String> {
    Ok(match name {
        "startsWith" => Value::Bool(
            text(&args[0])?
                .to_lowercase()
                .starts_with(&text(&args[1])?.to_lowercase()),
        ),
        "endsWith" => Value::Bool(
            text(&args[0])?
                .to_lowercase()
                .ends_with(&text(&args[1])?.to_lowercase()),
        ),
        "lastIndexOf" => {
            let haystack = text(&args[0])?.to_lowercase();
            let needle = text(&args[1])?.to_lowercase();
            Value::from(
                haystack
                    .rfind(&needle)
                    .map_or(-1, |at| haystack[..at].chars().count() as i64),
            )
        }
        "trim" => Value::String(text(&args[0])?.trim().to_string()),
        "base64" => Value::String(BASE64.encode(text(&args[0])?)),
        "padLeft" => Value::String(pad_left(args)?),
        other => unreachable!("{other} is not a string function"),
    })
}

/// `padLeft(valueToPad, totalLength, [paddingCharacter])`: a string or whole number, padded
/// with one character (a space by default); a longer value is left as it is.
fn pad_left(args: &[Value]) -> Result<String, String> {
    let value = match &args[0] {
        Value::String(text) => text.clone(),
        number if number.is_i64() => number.to_string(),
        other => {
            return Err(format!(
                "pads a string or a whole number, not {}",
                describe(other)
            ))
        }
    };
    let total = integer(&args[1])?;
    let padding = match args.get(2) {
        None => ' ',
        Some(given) => {
            let given = text(given)?;
            let mut chars = given.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(format!(
                    "pads with one character, not '{given}': give a single character such as '0'"
                ))
                }
            }
        }
    };
    let missing = usize::try_from(total)
        .unwrap_or(0)
        .saturating_sub(value.chars().count());
    Ok(std::iter::repeat_n(padding, missing)
        .chain(value.chars())
        .collect())
}
