//! What an expression evaluates to, and what it asks of the template around it.

use serde_json::{Map, Value};

/// A value known now, or one only a deployment would know.
#[derive(Clone, Debug, PartialEq)]
pub enum Val {
    Known(Value),
    Unknown(Unknown),
}

/// Why a value is not known before deployment; the import lists each as a placeholder.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unknown {
    /// Known only once deployed (`listKeys`, a runtime-only property, a resource outside the
    /// template).
    Deployment(String),
    /// A function outside the subset R39 lists.
    Unsupported(String),
    /// A declared parameter with no default and no value given.
    MissingParameter(String),
}

/// Where the template is deployed: what `resourceGroup()`, `subscription()` and ids say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deployment {
    pub resource_group: String,
    /// The short name, as `westeurope`.
    pub location: String,
    pub subscription_id: String,
    pub name: String,
}

impl Default for Deployment {
    fn default() -> Deployment {
        Deployment {
            resource_group: "lab-rg".into(),
            location: "westeurope".into(),
            subscription_id: "00000000-0000-0000-0000-000000000000".into(),
            name: "lab-import".into(),
        }
    }
}

impl Deployment {
    pub fn subscription_scope(&self) -> String {
        format!("/subscriptions/{}", self.subscription_id)
    }

    pub fn resource_group_id(&self) -> String {
        format!(
            "{}/resourceGroups/{}",
            self.subscription_scope(),
            self.resource_group
        )
    }
}

/// What an expression reads from the template it is in.
pub trait Scope {
    fn deployment(&self) -> &Deployment;
    fn parameter(&self, name: &str) -> Result<Val, String>;
    fn variable(&self, name: &str) -> Result<Val, String>;
    /// The declared properties of the resource with this id or name, with the ids Azure gives
    /// its inline children; `None` when the template does not declare it.
    fn reference(&self, target: &str) -> Option<Result<Value, String>>;
    fn copy_index(&self, loop_name: Option<&str>) -> Result<i64, String>;
    /// A value the lab made up for a deployment-time function (`uniqueString`, `guid`).
    fn placeholder(&self, function: &str, value: &str);
    /// `lambdaVariables(name)`: the item a lambda function is applying its lambda to.
    fn lambda_variable(&self, name: &str) -> Result<Value, String> {
        Err(format!(
            "lambdaVariables('{name}') is used outside a lambda that names {name}"
        ))
    }
}

/// A key that marks an object returned by `reference()`: a property it lacks is one Azure
/// fills in at deployment, not a mistake. No JSON key of a template starts with a NUL.
pub const RUNTIME: &str = "\u{0}runtime";

pub fn runtime_only(object: &Map<String, Value>) -> bool {
    object.contains_key(RUNTIME)
}

/// Removes the markers of [`RUNTIME`] from a value that leaves the evaluator.
pub fn clean(value: &mut Value) {
    match value {
        Value::Object(object) => {
            object.remove(RUNTIME);
            object.values_mut().for_each(clean);
        }
        Value::Array(items) => items.iter_mut().for_each(clean),
        _ => {}
    }
}

/// A property by name, ignoring case as ARM does.
pub fn member<'a>(object: &'a Map<String, Value>, name: &str) -> Option<&'a Value> {
    object.get(name).or_else(|| {
        object
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value)
    })
}

pub fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

pub fn index(target: &Value, index: &Value) -> Result<Value, String> {
    match (target, index) {
        (Value::Array(items), Value::Number(number)) => {
            let position = number
                .as_i64()
                .ok_or_else(|| format!("{number} is not an index: use a whole number"))?;
            usize::try_from(position)
                .ok()
                .and_then(|position| items.get(position))
                .cloned()
                .ok_or_else(|| {
                    format!(
                        "index {position} is outside the array of {} items: use 0 to {}",
                        items.len(),
                        items.len().saturating_sub(1)
                    )
                })
        }
        (Value::Object(object), Value::String(name)) => member(object, name)
            .cloned()
            .ok_or_else(|| format!("the object has no property “{name}”")),
        (target, index) => Err(format!(
            "{} cannot be indexed by {}: index an array by a number or an object by a string",
            kind(target),
            kind(index)
        )),
    }
}

/// ARM's truth for `if`, `not`, `and`, `or`: booleans, and the strings `true`/`false`.
pub fn truth(value: &Value) -> Result<bool, String> {
    match value {
        Value::Bool(b) => Ok(*b),
        Value::String(text) if text.eq_ignore_ascii_case("true") => Ok(true),
        Value::String(text) if text.eq_ignore_ascii_case("false") => Ok(false),
        other => Err(format!("expected a boolean, got {}", describe(other))),
    }
}

/// A value as an error message quotes it.
pub fn describe(value: &Value) -> String {
    match value {
        Value::String(text) => format!("the string '{text}'"),
        other => format!("{} ({other})", kind(other)),
    }
}
