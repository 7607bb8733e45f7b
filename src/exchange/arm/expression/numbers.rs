//! ARM's numeric and comparison functions: whole numbers (64-bit, as ARM evaluates them) and,
//! for the comparisons, strings.

use std::cmp::Ordering;

use serde_json::Value;

use super::functions::integer;
use super::value::describe;

/// `add`, `sub`, `mul`, `div`, `mod`: whole numbers; `div` truncates toward zero and `mod`'s
/// sign follows the dividend, as ARM's (.NET's) do.
pub fn arithmetic(name: &str, args: &[Value]) -> Result<Value, String> {
    let (a, b) = (integer(&args[0])?, integer(&args[1])?);
    if matches!(name, "div" | "mod") && b == 0 {
        return Err(format!(
            "{a} cannot be divided by zero: give a divisor other than 0"
        ));
    }
    let result = match name {
        "add" => a.checked_add(b),
        "sub" => a.checked_sub(b),
        "mul" => a.checked_mul(b),
        "div" => a.checked_div(b),
        "mod" => a.checked_rem(b),
        other => unreachable!("{other} is not arithmetic"),
    };
    result.map(Value::from).ok_or_else(|| {
        format!("the result of {a} and {b} is outside the whole numbers ARM holds (64-bit)")
    })
}

/// `min` and `max` of whole numbers given one by one or as one array.
pub fn extreme(name: &str, args: &[Value]) -> Result<Value, String> {
    let items: &[Value] = match args {
        [Value::Array(items)] => items,
        _ => args,
    };
    let numbers = items.iter().map(integer).collect::<Result<Vec<_>, _>>()?;
    let found = if name == "min" {
        numbers.iter().min()
    } else {
        numbers.iter().max()
    };
    found
        .map(|n| Value::from(*n))
        .ok_or_else(|| "the array is empty: give at least one whole number".into())
}

/// `range(startIndex, count)`: ARM allows at most 10000 numbers, none above 2147483647.
pub fn range(args: &[Value]) -> Result<Value, String> {
    const MOST: i64 = 10_000;
    let (start, count) = (integer(&args[0])?, integer(&args[1])?);
    if !(0..=MOST).contains(&count) {
        return Err(format!(
            "the count {count} is not between 0 and {MOST}: ARM makes at most {MOST} numbers"
        ));
    }
    if start.saturating_add(count) > i64::from(i32::MAX) {
        return Err(format!(
            "{start} plus the count {count} is above {}, the most ARM allows",
            i32::MAX
        ));
    }
    Ok(Value::Array(
        (start..start + count).map(Value::from).collect(),
    ))
}

/// `greater`, `greaterOrEquals`, `less`, `lessOrEquals` of two whole numbers or two strings.
pub fn compare(name: &str, args: &[Value]) -> Result<Value, String> {
    let order = match (&args[0], &args[1]) {
        (Value::String(a), Value::String(b)) => culture_order(a, b),
        (a, b) if a.is_i64() && b.is_i64() => a.as_i64().cmp(&b.as_i64()),
        (a, b) => {
            return Err(format!(
                "compares two whole numbers or two strings, not {} and {}",
                describe(a),
                describe(b)
            ))
        }
    };
    Ok(Value::Bool(match name {
        "greater" => order == Ordering::Greater,
        "greaterOrEquals" => order != Ordering::Less,
        "less" => order == Ordering::Less,
        "lessOrEquals" => order != Ordering::Greater,
        other => unreachable!("{other} is not a comparison"),
    }))
}

/// ARM compares strings as .NET's culture-aware comparison does: letters first ignoring case,
/// then, at the first difference in case only, lower case before upper (`greater('A', 'a')`
/// is true, as the ARM reference shows).
fn culture_order(a: &str, b: &str) -> Ordering {
    a.to_lowercase().cmp(&b.to_lowercase()).then_with(|| {
        a.chars()
            .zip(b.chars())
            .find(|(x, y)| x != y)
            .map_or(Ordering::Equal, |(x, y)| {
                x.is_uppercase().cmp(&y.is_uppercase())
            })
    })
}
