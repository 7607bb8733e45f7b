//! Reading an evaluated resource by JSON path, ignoring the case of property names (R39), with
//! string booleans read as booleans.

use serde_json::Value;

use crate::exchange::arm::expression::member;

/// The value at a dotted path (`properties.subnet.id`), names matched ignoring case.
pub fn at<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.')
        .filter(|key| !key.is_empty())
        .try_fold(value, |value, key| member(value.as_object()?, key))
        .filter(|value| !value.is_null())
}

pub fn text<'v>(value: &'v Value, path: &str) -> Option<&'v str> {
    at(value, path).and_then(Value::as_str)
}

pub fn items<'v>(value: &'v Value, path: &str) -> &'v [Value] {
    at(value, path)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// A boolean, also when written `"true"` or `"false"`.
pub fn flag(value: &Value, path: &str) -> Option<bool> {
    match at(value, path)? {
        Value::Bool(b) => Some(*b),
        Value::String(s) if s.eq_ignore_ascii_case("true") => Some(true),
        Value::String(s) if s.eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}

/// The last name of an id: `…/virtualNetworks/vnet1/subnets/apps` → `apps`.
pub fn last_name(id: &str) -> &str {
    id.rsplit('/').next().unwrap_or(id)
}

/// The name after `segment` in an id: `virtualNetworks` of a subnet's id → the VNet's name.
pub fn name_after<'i>(id: &'i str, segment: &str) -> Option<&'i str> {
    let mut parts = id.split('/');
    while let Some(part) = parts.next() {
        if part.eq_ignore_ascii_case(segment) {
            return parts.next();
        }
    }
    None
}

/// The Azure type an id names: `Microsoft.Network/virtualNetworks/subnets`.
pub fn type_of_id(id: &str) -> Option<String> {
    let after = id.split("/providers/").last()?;
    let parts: Vec<&str> = after.split('/').collect();
    let mut resource_type = parts.first()?.to_string();
    for segment in parts.iter().skip(1).step_by(2) {
        resource_type.push('/');
        resource_type.push_str(segment);
    }
    Some(resource_type)
}

/// The full name an id gives: `vnet1/apps` for a subnet.
pub fn name_of_id(id: &str) -> Option<String> {
    let after = id.split("/providers/").last()?;
    let names: Vec<&str> = after.split('/').skip(2).step_by(2).collect();
    (!names.is_empty()).then(|| names.join("/"))
}

/// Why a value holding a placeholder (`⟨…⟩`) is not known to the lab, or None for a known one.
pub fn unknown_why(value: &str) -> Option<&'static str> {
    if !value.contains('⟨') {
        return None;
    }
    Some(if value.contains("known at deployment") {
        "known only at deployment"
    } else {
        "not evaluated by the lab"
    })
}
