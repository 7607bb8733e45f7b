//! Reads a template's resources (R39): `languageVersion` 1 (an array) and 2.0 (an object keyed
//! by symbolic name), child resources nested or at the top, `condition` and `copy`, and every
//! string evaluated in a [`Scope`] made of the template's parameters, variables and resources.

use std::cell::RefCell;
use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::exchange::arm::expression::{
    clean, evaluate_string, member, truth, Deployment, Scope, Unknown, Val, RUNTIME,
};

/// A declared parameter, for the form that asks for the ones without a value.
#[derive(Clone, Debug, PartialEq)]
pub struct Parameter {
    pub name: String,
    /// As the template writes it: `string`, `securestring`, `int`, `bool`, `object`, `array`.
    pub kind: String,
    pub description: Option<String>,
    pub allowed: Vec<Value>,
    /// A `defaultValue`, or `nullable` (languageVersion 2.0), whose default is null.
    pub has_default: bool,
}

impl Parameter {
    /// The value typed for this parameter in the report's form, read by its type.
    pub fn value_of(&self, typed: &str) -> Result<Value, String> {
        let typed = typed.trim();
        let value = match self.kind.to_ascii_lowercase().as_str() {
            "int" => typed
                .parse::<i64>()
                .map(Value::from)
                .map_err(|_| format!("{} is a whole number: “{typed}” is not one", self.name))?,
            "bool" => Value::Bool(match typed.to_ascii_lowercase().as_str() {
                "true" => true,
                "false" => false,
                _ => {
                    return Err(format!(
                        "{} is true or false: “{typed}” is neither",
                        self.name
                    ))
                }
            }),
            "object" | "array" | "secureobject" => serde_json::from_str(typed)
                .map_err(|e| format!("{} is JSON ({}): {e}", self.name, self.kind))?,
            _ if typed.is_empty() => return Err(format!("{} needs a value", self.name)),
            _ => Value::String(typed.to_string()),
        };
        if !self.allowed.is_empty() && !self.allowed.contains(&value) {
            let allowed: Vec<String> = self.allowed.iter().map(|v| v.to_string()).collect();
            return Err(format!(
                "{} must be one of {}",
                self.name,
                allowed.join(", ")
            ));
        }
        Ok(value)
    }
}

/// One resource as the template deploys it, every expression evaluated.
#[derive(Clone, Debug, PartialEq)]
pub struct Resource {
    /// Where it is in the file, as `resources[2]` or `resources.vnet`.
    pub path: String,
    pub resource_type: String,
    /// The full name, `vnet/subnet` for a child.
    pub name: String,
    pub id: String,
    pub api_version: String,
    /// The resource's JSON, evaluated; an unknown value is a placeholder text.
    pub body: Value,
    /// The JSON path (from the resource) of each value known only at deployment.
    pub unknowns: Vec<(String, Unknown)>,
}

/// A resource the template declares that is not imported, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub path: String,
    pub resource_type: String,
    pub name: String,
    pub reason: String,
}

/// A value the lab made up for a deployment-time function, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placeholder {
    pub at: String,
    pub function: String,
    pub value: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reading {
    pub parameters: Vec<Parameter>,
    pub resources: Vec<Resource>,
    pub skipped: Vec<Skipped>,
    pub placeholders: Vec<Placeholder>,
}

/// The text an unknown value takes in an evaluated body.
pub fn placeholder_text(unknown: &Unknown) -> String {
    match unknown {
        Unknown::Deployment(what) => format!("⟨{what}, known at deployment⟩"),
        Unknown::Unsupported(function) => format!("⟨{function}(…), not evaluated by the lab⟩"),
        Unknown::MissingParameter(name) => format!("⟨parameter {name}⟩"),
    }
}

/// One resource before its body is evaluated.
struct Declared {
    path: String,
    symbolic: Option<String>,
    resource_type: String,
    name: String,
    id: String,
    raw: Value,
    copy: Option<(String, i64)>,
    name_unknown: Option<Unknown>,
}

struct Reader<'a> {
    deployment: &'a Deployment,
    declared_parameters: Map<String, Value>,
    given: &'a BTreeMap<String, Value>,
    variables: Map<String, Value>,
    variable_values: RefCell<BTreeMap<String, Val>>,
    resources: Vec<Declared>,
    /// What is being evaluated, innermost last: a cycle names its steps.
    evaluating: RefCell<Vec<String>>,
    copy: RefCell<Option<(String, i64)>>,
    here: RefCell<String>,
    placeholders: RefCell<Vec<Placeholder>>,
}

/// Reads a template, with `given` values for parameters (by name).
pub fn read_template(
    root: &Value,
    given: &BTreeMap<String, Value>,
    deployment: &Deployment,
) -> Result<Reading, String> {
    let object = root
        .as_object()
        .ok_or("the template is not a JSON object")?;
    let declared_parameters = super::parameter_types::resolve(
        object_at(object, "parameters")?,
        &object_at(object, "definitions")?,
    )?;
    let mut reader = Reader {
        deployment,
        declared_parameters,
        given,
        variables: object_at(object, "variables")?,
        variable_values: RefCell::new(BTreeMap::new()),
        resources: Vec::new(),
        evaluating: RefCell::new(Vec::new()),
        copy: RefCell::new(None),
        here: RefCell::new(String::new()),
        placeholders: RefCell::new(Vec::new()),
    };
    let mut reading = Reading {
        parameters: reader.parameters(),
        ..Reading::default()
    };
    match member(object, "resources") {
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                reader.declare(
                    item,
                    format!("resources[{i}]"),
                    None,
                    None,
                    &mut reading.skipped,
                )?;
            }
        }
        Some(Value::Object(items)) => {
            for (symbolic, item) in items {
                reader.declare(
                    item,
                    format!("resources.{symbolic}"),
                    Some(symbolic.clone()),
                    None,
                    &mut reading.skipped,
                )?;
            }
        }
        Some(_) => return Err("\"resources\" is neither an array nor an object".into()),
        None => return Err("the template has no \"resources\"".into()),
    }
    for index in 0..reader.resources.len() {
        reading.resources.push(reader.evaluate_resource(index)?);
    }
    reading.placeholders = reader.placeholders.into_inner();
    Ok(reading)
}

fn object_at(object: &Map<String, Value>, key: &str) -> Result<Map<String, Value>, String> {
    match member(object, key) {
        None | Some(Value::Null) => Ok(Map::new()),
        Some(Value::Object(found)) => Ok(found.clone()),
        Some(other) => Err(format!("\"{key}\" must be an object, not {other}")),
    }
}

fn text_at<'v>(object: &'v Map<String, Value>, key: &str) -> Option<&'v str> {
    member(object, key).and_then(Value::as_str)
}

/// `/subscriptions/…/providers/Namespace/type/name/child/name`, as Azure writes ids.
pub fn resource_id(deployment: &Deployment, resource_type: &str, name: &str) -> String {
    let mut segments = resource_type.split('/');
    let mut id = format!(
        "{}/providers/{}",
        deployment.resource_group_id(),
        segments.next().unwrap_or_default()
    );
    for (segment, part) in segments.zip(name.split('/')) {
        id.push_str(&format!("/{segment}/{part}"));
    }
    id
}

impl Reader<'_> {
    fn parameters(&self) -> Vec<Parameter> {
        self.declared_parameters
            .iter()
            .map(|(name, spec)| {
                let spec = spec.as_object().cloned().unwrap_or_default();
                Parameter {
                    name: name.clone(),
                    kind: text_at(&spec, "type").unwrap_or("string").to_string(),
                    description: member(&spec, "metadata")
                        .and_then(Value::as_object)
                        .and_then(|metadata| text_at(metadata, "description"))
                        .map(str::to_string),
                    allowed: member(&spec, "allowedValues")
                        .and_then(Value::as_array)
                        .cloned()
                        .unwrap_or_default(),
                    has_default: member(&spec, "defaultValue").is_some()
                        || super::parameter_types::nullable(&spec),
                }
            })
            .collect()
    }

    fn guard<T>(
        &self,
        step: String,
        work: impl FnOnce() -> Result<T, String>,
    ) -> Result<T, String> {
        if self.evaluating.borrow().contains(&step) {
            let chain = self.evaluating.borrow().join(" → ");
            return Err(format!(
                "{chain} → {step} refers back to itself: break the cycle"
            ));
        }
        self.evaluating.borrow_mut().push(step);
        let result = work();
        self.evaluating.borrow_mut().pop();
        result
    }

    /// Evaluates every string in `raw`; unknown values become placeholder texts, listed.
    fn evaluate_value(
        &self,
        raw: &Value,
        path: &str,
        unknowns: &mut Vec<(String, Unknown)>,
    ) -> Result<Value, String> {
        Ok(match raw {
            Value::String(text) => {
                *self.here.borrow_mut() = path.to_string();
                let at = if path.is_empty() { "the value" } else { path };
                match evaluate_string(text, self).map_err(|e| format!("{at}: {e}"))? {
                    Val::Known(mut value) => {
                        clean(&mut value);
                        value
                    }
                    Val::Unknown(unknown) => {
                        let text = placeholder_text(&unknown);
                        unknowns.push((path.to_string(), unknown));
                        Value::String(text)
                    }
                }
            }
            Value::Array(items) => Value::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| self.evaluate_value(item, &format!("{path}[{i}]"), unknowns))
                    .collect::<Result<_, _>>()?,
            ),
            Value::Object(object) => Value::Object(
                object
                    .iter()
                    .map(|(key, item)| {
                        let at = if path.is_empty() {
                            key.clone()
                        } else {
                            format!("{path}.{key}")
                        };
                        Ok((key.clone(), self.evaluate_value(item, &at, unknowns)?))
                    })
                    .collect::<Result<_, String>>()?,
            ),
            other => other.clone(),
        })
    }

    /// A value that must be known to read the template's shape (a name, a count).
    fn known(&self, raw: &Value, path: &str) -> Result<Result<Value, Unknown>, String> {
        let mut unknowns = Vec::new();
        let value = self.evaluate_value(raw, path, &mut unknowns)?;
        Ok(match unknowns.into_iter().next() {
            Some((_, unknown)) => Err(unknown),
            None => Ok(value),
        })
    }

    fn declare(
        &mut self,
        raw: &Value,
        path: String,
        symbolic: Option<String>,
        parent: Option<(&str, &str)>,
        skipped: &mut Vec<Skipped>,
    ) -> Result<(), String> {
        let object = raw
            .as_object()
            .ok_or_else(|| format!("{path} is not an object: every resource is a JSON object"))?;
        let Some(written_type) = text_at(object, "type") else {
            return Err(format!(
                "{path} has no \"type\": every resource names its type, as \"Microsoft.Network/virtualNetworks\""
            ));
        };
        let resource_type = match parent {
            Some((parent_type, _)) if !written_type.contains('/') => {
                format!("{parent_type}/{written_type}")
            }
            _ => written_type.to_string(),
        };
        let copies: Vec<Option<(String, i64)>> = match member(object, "copy")
            .and_then(Value::as_object)
        {
            None => vec![None],
            Some(copy) => {
                let loop_name = text_at(copy, "name").unwrap_or("copy").to_string();
                let count = match member(copy, "count") {
                    Some(count) => self.known(count, &format!("{path}.copy.count"))?,
                    None => {
                        return Err(format!("{path}.copy has no \"count\": say how many copies"))
                    }
                };
                match count {
                    Ok(count) => {
                        let count = count
                            .as_i64()
                            .filter(|n| (0..=800).contains(n))
                            .ok_or_else(|| format!("{path}.copy.count is {count}: write a whole number from 0 to 800"))?;
                        (0..count).map(|i| Some((loop_name.clone(), i))).collect()
                    }
                    Err(_) => {
                        skipped.push(Skipped {
                            path,
                            resource_type,
                            name: text_at(object, "name").unwrap_or_default().to_string(),
                            reason: "its copy count is known only at deployment".into(),
                        });
                        return Ok(());
                    }
                }
            }
        };
        for copy in copies {
            *self.copy.borrow_mut() = copy.clone();
            let path = match &copy {
                Some((_, i)) => format!("{path}[copy {i}]"),
                None => path.clone(),
            };
            let mut name_unknown = None;
            let name = match member(object, "name") {
                None => return Err(format!("{path} has no \"name\"")),
                Some(raw_name) => match self.known(raw_name, &format!("{path}.name"))? {
                    Ok(Value::String(name)) => name,
                    Ok(other) => return Err(format!("{path}.name is {other}, not a string")),
                    Err(unknown) => {
                        let text = placeholder_text(&unknown);
                        name_unknown = Some(unknown);
                        text
                    }
                },
            };
            let name = match parent {
                Some((_, parent_name)) if !written_type.contains('/') => {
                    format!("{parent_name}/{name}")
                }
                _ => name,
            };
            let condition = match member(object, "condition") {
                None => Ok(Value::Bool(true)),
                Some(raw) => self.known(raw, &format!("{path}.condition"))?,
            };
            let deployed = match &condition {
                Ok(value) => truth(value).map_err(|e| format!("{path}.condition: {e}"))?,
                Err(_) => true,
            };
            if !deployed {
                skipped.push(Skipped {
                    path,
                    resource_type: resource_type.clone(),
                    name,
                    reason: "its condition is false".into(),
                });
                continue;
            }
            if member(object, "existing").and_then(Value::as_bool) == Some(true) {
                skipped.push(Skipped {
                    path: path.clone(),
                    resource_type: resource_type.clone(),
                    name: name.clone(),
                    reason: "it is an `existing` resource, declared elsewhere: import the template that creates it first".into(),
                });
            } else {
                self.resources.push(Declared {
                    path: path.clone(),
                    symbolic: symbolic.clone(),
                    id: resource_id(self.deployment, &resource_type, &name),
                    resource_type: resource_type.clone(),
                    name: name.clone(),
                    raw: raw.clone(),
                    copy: copy.clone(),
                    name_unknown: name_unknown.clone(),
                });
            }
            if let Some(children) = member(object, "resources") {
                let children: Vec<(String, Option<String>, Value)> = match children {
                    Value::Array(items) => items
                        .iter()
                        .enumerate()
                        .map(|(i, item)| (format!("{path}.resources[{i}]"), None, item.clone()))
                        .collect(),
                    Value::Object(items) => items
                        .iter()
                        .map(|(key, item)| {
                            (
                                format!("{path}.resources.{key}"),
                                Some(key.clone()),
                                item.clone(),
                            )
                        })
                        .collect(),
                    _ => {
                        return Err(format!(
                            "{path}.resources is neither an array nor an object"
                        ))
                    }
                };
                for (child_path, child_symbolic, child) in children {
                    self.declare(
                        &child,
                        child_path,
                        child_symbolic,
                        Some((&resource_type, &name)),
                        skipped,
                    )?;
                    *self.copy.borrow_mut() = copy.clone();
                }
            }
        }
        *self.copy.borrow_mut() = None;
        Ok(())
    }

    fn evaluate_resource(&self, index: usize) -> Result<Resource, String> {
        let declared = &self.resources[index];
        *self.copy.borrow_mut() = declared.copy.clone();
        let mut unknowns: Vec<(String, Unknown)> = declared
            .name_unknown
            .iter()
            .map(|u| ("name".to_string(), u.clone()))
            .collect();
        let mut raw = declared.raw.clone();
        if let Some(object) = raw.as_object_mut() {
            for key in [
                "resources",
                "copy",
                "condition",
                "dependsOn",
                "name",
                "type",
            ] {
                let keys: Vec<String> = object
                    .keys()
                    .filter(|k| k.eq_ignore_ascii_case(key))
                    .cloned()
                    .collect();
                keys.iter().for_each(|k| {
                    object.remove(k);
                });
            }
        }
        let body = self
            .evaluate_value(&raw, "", &mut unknowns)
            .map_err(|e| self.locate(declared, e))?;
        *self.copy.borrow_mut() = None;
        Ok(Resource {
            path: declared.path.clone(),
            resource_type: declared.resource_type.clone(),
            name: declared.name.clone(),
            id: declared.id.clone(),
            api_version: body
                .as_object()
                .and_then(|object| text_at(object, "apiVersion"))
                .unwrap_or_default()
                .to_string(),
            body,
            unknowns,
        })
    }

    fn locate(&self, declared: &Declared, error: String) -> String {
        format!(
            "{} ({} “{}”) at {error}",
            declared.path, declared.resource_type, declared.name
        )
    }

    /// The declared properties of a resource, with ids on its inline children as Azure gives them.
    fn properties_of(&self, index: usize) -> Result<Value, String> {
        let declared = &self.resources[index];
        self.guard(format!("reference({})", declared.name), || {
            let saved = self.copy.replace(declared.copy.clone());
            let here = self.here.borrow().clone();
            let raw = declared
                .raw
                .as_object()
                .and_then(|object| member(object, "properties"))
                .cloned()
                .unwrap_or(Value::Object(Map::new()));
            let mut unknowns = Vec::new();
            let result = self.evaluate_value(&raw, "properties", &mut unknowns);
            *self.copy.borrow_mut() = saved;
            *self.here.borrow_mut() = here;
            let mut properties = result.map_err(|e| self.locate(declared, e))?;
            if let Value::Object(object) = &mut properties {
                for (key, value) in object.iter_mut() {
                    if let Value::Array(children) = value {
                        for child in children.iter_mut().filter_map(Value::as_object_mut) {
                            if let Some(name) = text_at(child, "name").map(str::to_string) {
                                child.entry("id").or_insert_with(|| {
                                    Value::String(format!("{}/{key}/{name}", declared.id))
                                });
                                child.insert(RUNTIME.into(), Value::Bool(true));
                            }
                        }
                    }
                }
                object.insert(RUNTIME.into(), Value::Bool(true));
            }
            Ok(properties)
        })
    }
}

impl Scope for Reader<'_> {
    fn deployment(&self) -> &Deployment {
        self.deployment
    }

    fn parameter(&self, name: &str) -> Result<Val, String> {
        let Some((declared_name, spec)) = self
            .declared_parameters
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
        else {
            return Err(format!(
                "the parameter “{name}” is not declared in the template's \"parameters\": declare it or correct the name"
            ));
        };
        if let Some(value) = self.given.get(declared_name) {
            return Ok(Val::Known(value.clone()));
        }
        match spec
            .as_object()
            .and_then(|spec| member(spec, "defaultValue"))
        {
            // languageVersion 2.0: a nullable parameter with no default is null, never asked.
            None if spec
                .as_object()
                .is_some_and(super::parameter_types::nullable) =>
            {
                Ok(Val::Known(Value::Null))
            }
            None => Ok(Val::Unknown(Unknown::MissingParameter(
                declared_name.clone(),
            ))),
            Some(default) => self.guard(format!("parameters('{declared_name}')"), || {
                let mut unknowns = Vec::new();
                let here = self.here.borrow().clone();
                let value = self.evaluate_value(default, &here, &mut unknowns)?;
                Ok(match unknowns.into_iter().next() {
                    Some((_, unknown)) => Val::Unknown(unknown),
                    None => Val::Known(value),
                })
            }),
        }
    }

    fn variable(&self, name: &str) -> Result<Val, String> {
        if let Some(value) = self.variable_values.borrow().get(name) {
            return Ok(value.clone());
        }
        let found = self
            .variables
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(key, raw)| (key.clone(), raw.clone()));
        let (key, raw) = match found {
            Some(found) => found,
            None => match self.copied_variable(name)? {
                Some(value) => return Ok(value),
                None => {
                    return Err(format!(
                        "the variable “{name}” is not declared in the template's \"variables\": declare it or correct the name"
                    ))
                }
            },
        };
        let value = self.guard(format!("variables('{key}')"), || {
            let mut unknowns = Vec::new();
            let here = self.here.borrow().clone();
            let value = self.evaluate_value(&raw, &here, &mut unknowns)?;
            Ok(match unknowns.into_iter().next() {
                Some((_, unknown)) => Val::Unknown(unknown),
                None => Val::Known(value),
            })
        })?;
        self.variable_values
            .borrow_mut()
            .insert(name.to_string(), value.clone());
        Ok(value)
    }

    fn reference(&self, target: &str) -> Option<Result<Value, String>> {
        let index = self.resources.iter().position(|declared| {
            declared.id.eq_ignore_ascii_case(target)
                || declared.symbolic.as_deref() == Some(target)
                || declared.name.eq_ignore_ascii_case(target)
        })?;
        Some(self.properties_of(index))
    }

    fn copy_index(&self, loop_name: Option<&str>) -> Result<i64, String> {
        match (&*self.copy.borrow(), loop_name) {
            (Some((_, index)), None) => Ok(*index),
            (Some((name, index)), Some(wanted)) if name.eq_ignore_ascii_case(wanted) => Ok(*index),
            (_, Some(wanted)) => Err(format!(
                "copyIndex('{wanted}') is outside a copy loop named {wanted}"
            )),
            (None, None) => Err("copyIndex() is used outside a copy loop".into()),
        }
    }

    fn placeholder(&self, function: &str, value: &str) {
        let at = self.here.borrow().clone();
        let mut placeholders = self.placeholders.borrow_mut();
        if !placeholders
            .iter()
            .any(|p| p.function == function && p.value == value)
        {
            placeholders.push(Placeholder {
                at,
                function: function.into(),
                value: value.into(),
            });
        }
    }
}

impl Reader<'_> {
    /// A variable made by the variables' own `copy` loops.
    fn copied_variable(&self, name: &str) -> Result<Option<Val>, String> {
        let Some(Value::Array(loops)) = member(&self.variables, "copy") else {
            return Ok(None);
        };
        let Some(spec) = loops
            .iter()
            .filter_map(Value::as_object)
            .find(|spec| text_at(spec, "name").is_some_and(|n| n.eq_ignore_ascii_case(name)))
        else {
            return Ok(None);
        };
        let at = format!("variables.copy.{name}");
        let count = match self.known(
            member(spec, "count").unwrap_or(&Value::Null),
            &format!("{at}.count"),
        )? {
            Ok(count) => count
                .as_i64()
                .filter(|n| (0..=800).contains(n))
                .ok_or_else(|| {
                    format!("{at}.count is {count}: write a whole number from 0 to 800")
                })?,
            Err(unknown) => return Ok(Some(Val::Unknown(unknown))),
        };
        let input = member(spec, "input").cloned().unwrap_or(Value::Null);
        let saved = self.copy.borrow().clone();
        let mut items = Vec::new();
        for i in 0..count {
            *self.copy.borrow_mut() = Some((name.to_string(), i));
            let mut unknowns = Vec::new();
            let item = self.evaluate_value(&input, &format!("{at}.input"), &mut unknowns);
            *self.copy.borrow_mut() = saved.clone();
            items.push(item?);
        }
        let value = Val::Known(Value::Array(items));
        self.variable_values
            .borrow_mut()
            .insert(name.to_string(), value.clone());
        Ok(Some(value))
    }
}
