//! Reads a template's resources (R39): `languageVersion` 1 (an array) and 2.0 (an object keyed
//! by symbolic name), child resources nested or at the top, `condition` and `copy` (of resources
//! and of properties), nested deployments with an inline template (every Bicep module), and
//! every string evaluated in a [`Scope`] made of the template's parameters, variables and
//! resources.

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::exchange::arm::expression::{
    clean, evaluate_string, member, truth, Deployment, Scope, Unknown, Val, RUNTIME,
};
use crate::model::Subscription;

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
    /// The frame its expressions are evaluated in.
    frame: usize,
}

/// The parameters and variables an expression sees: the template's own, or those of a nested
/// deployment evaluated in its inner scope (`expressionEvaluationOptions.scope` = `inner`, as
/// every Bicep module is written).
struct Frame<'a> {
    /// Who declares them, for messages: empty for the template itself.
    owner: String,
    parameters: Map<String, Value>,
    given: Given<'a>,
    variables: Map<String, Value>,
    variable_values: RefCell<BTreeMap<String, Val>>,
}

enum Given<'a> {
    /// The values of the report's form.
    Form(&'a BTreeMap<String, Value>),
    /// A nested deployment's `properties.parameters`, evaluated where the deployment is.
    Deployment {
        values: Map<String, Value>,
        frame: usize,
        copy: Option<(String, i64)>,
        path: String,
    },
}

/// An `existing` resource: a name for one deployed elsewhere, or declared in another module
/// of the same template.
struct Existing {
    symbolic: Option<String>,
    id: String,
    skipped: Skipped,
}

/// A nested deployment, so `reference()` of it gives its template's outputs.
struct Nested {
    id: String,
    name: String,
    symbolic: Option<String>,
    /// Which copy it is, when a `copy` makes it: `reference('module[1]')` names it.
    copy_index: Option<i64>,
    frame: usize,
    outputs: Map<String, Value>,
}

const DEPLOYMENTS: &str = "Microsoft.Resources/deployments";

/// Why a resource whose `condition` is false is not imported: Azure does not deploy it either.
pub const CONDITION_FALSE: &str = "its condition is false";

struct Reader<'a> {
    deployment: &'a Deployment,
    frames: Vec<Frame<'a>>,
    frame: Cell<usize>,
    resources: Vec<Declared>,
    nested: Vec<Nested>,
    existing: Vec<Existing>,
    /// The symbolic names of `existing` resources the template declares too, and their ids.
    aliases: Vec<(Option<String>, String)>,
    /// What is being evaluated, innermost last: a cycle names its steps.
    evaluating: RefCell<Vec<String>>,
    copy: RefCell<Option<(String, i64)>>,
    /// The property `copy` loops being expanded, innermost last.
    loops: RefCell<Vec<(String, i64)>>,
    here: RefCell<String>,
    placeholders: RefCell<Vec<Placeholder>>,
    /// In add mode, what the subscription already holds, read from its own export when a
    /// `reference()` names a resource the template does not declare.
    adding_to: Option<&'a Subscription>,
    held: OnceCell<Vec<Resource>>,
}

/// Reads a template, with `given` values for parameters (by name); `current` is the
/// subscription an import in add mode adds to, whose resources `reference()` may name.
pub fn read_template(
    root: &Value,
    given: &BTreeMap<String, Value>,
    deployment: &Deployment,
    current: Option<&Subscription>,
) -> Result<Reading, String> {
    let object = root
        .as_object()
        .ok_or("the template is not a JSON object")?;
    let mut reader = Reader {
        deployment,
        frames: vec![Frame {
            owner: String::new(),
            parameters: declared_parameters(object)?,
            given: Given::Form(given),
            variables: object_at(object, "variables")?,
            variable_values: RefCell::new(BTreeMap::new()),
        }],
        frame: Cell::new(0),
        resources: Vec::new(),
        nested: Vec::new(),
        existing: Vec::new(),
        aliases: Vec::new(),
        evaluating: RefCell::new(Vec::new()),
        copy: RefCell::new(None),
        loops: RefCell::new(Vec::new()),
        here: RefCell::new(String::new()),
        placeholders: RefCell::new(Vec::new()),
        adding_to: current,
        held: OnceCell::new(),
    };
    let mut reading = Reading {
        parameters: reader.parameters(),
        ..Reading::default()
    };
    let Some(resources) = member(object, "resources") else {
        return Err("the template has no \"resources\"".into());
    };
    for (path, symbolic, item) in members(resources, "resources")? {
        reader.declare(item, path, symbolic, None, 0, &mut reading.skipped)?;
    }
    for existing in std::mem::take(&mut reader.existing) {
        let declared = reader
            .resources
            .iter()
            .any(|d| same_id(&d.id, &existing.id));
        if declared {
            reader.aliases.push((existing.symbolic, existing.id));
        } else {
            reading.skipped.push(existing.skipped);
        }
    }
    for index in 0..reader.resources.len() {
        reading.resources.push(reader.evaluate_resource(index)?);
    }
    reading.placeholders = reader.placeholders.into_inner();
    Ok(reading)
}

/// Whether two ids name the same resource once imported: the lab imports one resource group,
/// so a template's other groups and subscriptions are that one too.
fn same_id(id: &str, other: &str) -> bool {
    id.eq_ignore_ascii_case(other)
        || (other.starts_with("/subscriptions/")
            && match (within_group(id), within_group(other)) {
                (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                _ => false,
            })
}

/// An id from its `/providers/` on, found in place: `reference()` compares every resource, so
/// no lowercased copies.
fn within_group(id: &str) -> Option<&str> {
    const PROVIDERS: &[u8] = b"/providers/";
    id.as_bytes()
        .windows(PROVIDERS.len())
        .position(|w| w.eq_ignore_ascii_case(PROVIDERS))
        .map(|at| &id[at..])
}

fn has_default(spec: &Value) -> bool {
    spec.as_object()
        .is_some_and(|spec| member(spec, "defaultValue").is_some())
}

/// A template's parameters, each typed by its own `type` or the definition its `$ref` names.
fn declared_parameters(template: &Map<String, Value>) -> Result<Map<String, Value>, String> {
    super::parameter_types::resolve(
        object_at(template, "parameters")?,
        &object_at(template, "definitions")?,
    )
}

/// A resource as a `resources` array or object holds it: its JSON path, its symbolic name.
type Member<'v> = (String, Option<String>, &'v Value);

/// The items of a `resources` array, or of a `resources` object keyed by symbolic name.
fn members<'v>(resources: &'v Value, at: &str) -> Result<Vec<Member<'v>>, String> {
    match resources {
        Value::Array(items) => Ok(items
            .iter()
            .enumerate()
            .map(|(i, item)| (format!("{at}[{i}]"), None, item))
            .collect()),
        Value::Object(items) => Ok(items
            .iter()
            .map(|(key, item)| (format!("{at}.{key}"), Some(key.clone()), item))
            .collect()),
        _ => Err(format!("\"{at}\" is neither an array nor an object")),
    }
}

/// The loops of a property `copy`: an array of `{name, count, input}`, unlike a resource's
/// `copy` object.
fn property_loops<'v>(key: &str, item: &'v Value) -> Option<Vec<&'v Map<String, Value>>> {
    if !key.eq_ignore_ascii_case("copy") {
        return None;
    }
    let loops: Vec<&Map<String, Value>> = item
        .as_array()?
        .iter()
        .filter_map(Value::as_object)
        .collect();
    (!loops.is_empty() && loops.iter().all(|spec| member(spec, "input").is_some())).then_some(loops)
}

/// A copy loop's count, as ARM allows it.
fn loop_count(count: &Value, at: &str) -> Result<i64, String> {
    count
        .as_i64()
        .filter(|n| (0..=800).contains(n))
        .ok_or_else(|| format!("{at} is {count}: write a whole number from 0 to 800"))
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
    /// The template's own parameters: a nested deployment's are given by the deployment.
    fn parameters(&self) -> Vec<Parameter> {
        self.frames[0]
            .parameters
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
                // A parameter's default evaluated here already names this path.
                let located = |e: String| {
                    if e.starts_with(&format!("{at}: ")) {
                        e
                    } else {
                        format!("{at}: {e}")
                    }
                };
                match evaluate_string(text, self).map_err(located)? {
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
            Value::Object(object) => {
                let mut evaluated = Map::new();
                for (key, item) in object {
                    let at = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    match property_loops(key, item) {
                        Some(loops) => {
                            for (i, spec) in loops.iter().enumerate() {
                                let (name, value) = self.property_loop(
                                    spec,
                                    path,
                                    &format!("{at}[{i}]"),
                                    unknowns,
                                )?;
                                evaluated.insert(name, value);
                            }
                        }
                        None => {
                            evaluated
                                .insert(key.clone(), self.evaluate_value(item, &at, unknowns)?);
                        }
                    }
                }
                Value::Object(evaluated)
            }
            other => other.clone(),
        })
    }

    /// A property `copy` loop: the property it names, as the array of its evaluated inputs.
    fn property_loop(
        &self,
        spec: &Map<String, Value>,
        path: &str,
        at: &str,
        unknowns: &mut Vec<(String, Unknown)>,
    ) -> Result<(String, Value), String> {
        let Some(name) = text_at(spec, "name").map(str::to_string) else {
            return Err(format!(
                "{at} has no \"name\": name the property the copy loop makes, as \"securityRules\""
            ));
        };
        let property = if path.is_empty() {
            name.clone()
        } else {
            format!("{path}.{name}")
        };
        let count = match member(spec, "count") {
            Some(count) => self.known(count, &format!("{at}.count"))?,
            None => return Err(format!("{at} has no \"count\": say how many copies")),
        };
        let count = match count {
            Ok(count) => loop_count(&count, &format!("{at}.count"))?,
            Err(unknown) => {
                let text = placeholder_text(&unknown);
                unknowns.push((property, unknown));
                return Ok((name, Value::String(text)));
            }
        };
        let input = member(spec, "input").unwrap_or(&Value::Null);
        let mut items = Vec::new();
        for i in 0..count {
            self.loops.borrow_mut().push((name.clone(), i));
            let item = self.evaluate_value(input, &format!("{property}[{i}]"), unknowns);
            self.loops.borrow_mut().pop();
            items.push(item?);
        }
        Ok((name, Value::Array(items)))
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

    /// Declares a resource (each copy of it), its children, and what a nested deployment
    /// deploys, evaluating what shapes them in `frame`.
    fn declare(
        &mut self,
        raw: &Value,
        path: String,
        symbolic: Option<String>,
        parent: Option<(&str, &str)>,
        frame: usize,
        skipped: &mut Vec<Skipped>,
    ) -> Result<(), String> {
        let outer = self.frame.replace(frame);
        let outer_copy = self.copy.borrow().clone();
        let declared = self.declare_in_frame(raw, path, symbolic, parent, skipped);
        self.frame.set(outer);
        *self.copy.borrow_mut() = outer_copy;
        declared
    }

    /// Runs `work` as a resource in `frame` and `copy` sees it, then returns to where it was.
    fn in_frame<T>(
        &self,
        frame: usize,
        copy: Option<(String, i64)>,
        work: impl FnOnce() -> T,
    ) -> T {
        let outer = self.frame.replace(frame);
        let outer_copy = self.copy.replace(copy);
        let outer_loops = self.loops.take();
        let here = self.here.borrow().clone();
        let result = work();
        self.frame.set(outer);
        *self.copy.borrow_mut() = outer_copy;
        *self.loops.borrow_mut() = outer_loops;
        *self.here.borrow_mut() = here;
        result
    }

    fn declare_in_frame(
        &mut self,
        raw: &Value,
        path: String,
        symbolic: Option<String>,
        parent: Option<(&str, &str)>,
        skipped: &mut Vec<Skipped>,
    ) -> Result<(), String> {
        let frame = self.frame.get();
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
                        let count = loop_count(&count, &format!("{path}.copy.count"))?;
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
            // The condition first: a resource that is not deployed may have a name that cannot
            // be computed (`split(null, …)` of the parameter that switches it off).
            let condition = match member(object, "condition") {
                None => Ok(Value::Bool(true)),
                Some(raw) => self.known(raw, &format!("{path}.condition"))?,
            };
            let deployed = match &condition {
                Ok(value) => truth(value).map_err(|e| format!("{path}.condition: {e}"))?,
                Err(_) => true,
            };
            let Some(raw_name) = member(object, "name") else {
                return Err(format!("{path} has no \"name\""));
            };
            let full_name = |name: String| match parent {
                Some((_, parent_name)) if !written_type.contains('/') => {
                    format!("{parent_name}/{name}")
                }
                _ => name,
            };
            if !deployed {
                let name = match self.known(raw_name, &format!("{path}.name")) {
                    Ok(Ok(Value::String(name))) => name,
                    _ => raw_name.as_str().unwrap_or_default().to_string(),
                };
                skipped.push(Skipped {
                    path,
                    resource_type: resource_type.clone(),
                    name: full_name(name),
                    reason: CONDITION_FALSE.into(),
                });
                continue;
            }
            let mut name_unknown = None;
            let name = match self.known(raw_name, &format!("{path}.name"))? {
                Ok(Value::String(name)) => name,
                Ok(other) => return Err(format!("{path}.name is {other}, not a string")),
                Err(unknown) => {
                    let text = placeholder_text(&unknown);
                    name_unknown = Some(unknown);
                    text
                }
            };
            let name = full_name(name);
            if member(object, "existing").and_then(Value::as_bool) == Some(true) {
                self.existing.push(Existing {
                    symbolic: symbolic.clone(),
                    id: resource_id(self.deployment, &resource_type, &name),
                    skipped: Skipped {
                        path: path.clone(),
                        resource_type: resource_type.clone(),
                        name: name.clone(),
                        reason: "it is an `existing` resource, declared elsewhere: import the template that creates it first".into(),
                    },
                });
            } else if resource_type.eq_ignore_ascii_case(DEPLOYMENTS) {
                self.nest(
                    object,
                    &path,
                    symbolic.clone(),
                    &name,
                    copy.clone(),
                    skipped,
                )?;
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
                    frame,
                });
            }
            if let Some(children) = member(object, "resources") {
                for (child_path, child_symbolic, child) in
                    members(children, &format!("{path}.resources"))?
                {
                    self.declare(
                        child,
                        child_path,
                        child_symbolic,
                        Some((&resource_type, &name)),
                        frame,
                        skipped,
                    )?;
                }
            }
        }
        Ok(())
    }

    /// A nested deployment: the resources of its inline template are declared as the
    /// template's own, in their own frame when it is evaluated in its inner scope.
    fn nest(
        &mut self,
        object: &Map<String, Value>,
        path: &str,
        symbolic: Option<String>,
        name: &str,
        copy: Option<(String, i64)>,
        skipped: &mut Vec<Skipped>,
    ) -> Result<(), String> {
        let properties = member(object, "properties")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let Some(Value::Object(template)) = member(&properties, "template") else {
            let reason = if member(&properties, "templateLink").is_some() {
                "its template is linked (properties.templateLink), and the lab reads no URL: import the linked template on its own"
            } else {
                "it has no inline template (properties.template) to read"
            };
            skipped.push(Skipped {
                path: path.to_string(),
                resource_type: DEPLOYMENTS.into(),
                name: name.to_string(),
                reason: reason.into(),
            });
            return Ok(());
        };
        let index = copy.as_ref().map(|(_, i)| *i);
        let inner = member(&properties, "expressionEvaluationOptions")
            .and_then(Value::as_object)
            .and_then(|options| text_at(options, "scope"))
            .is_some_and(|scope| scope.eq_ignore_ascii_case("inner"));
        let at = format!("{path}.properties.template");
        let frame = if inner {
            self.frames.push(Frame {
                owner: format!("the nested deployment “{name}” ({path})"),
                parameters: declared_parameters(template).map_err(|e| format!("{at}: {e}"))?,
                given: Given::Deployment {
                    values: object_at(&properties, "parameters")
                        .map_err(|e| format!("{path}.properties: {e}"))?,
                    frame: self.frame.get(),
                    copy,
                    path: format!("{path}.properties.parameters"),
                },
                variables: object_at(template, "variables").map_err(|e| format!("{at}: {e}"))?,
                variable_values: RefCell::new(BTreeMap::new()),
            });
            self.frames.len() - 1
        } else {
            self.frame.get()
        };
        self.nested.push(Nested {
            id: resource_id(self.deployment, DEPLOYMENTS, name),
            name: name.to_string(),
            symbolic,
            copy_index: index,
            frame,
            outputs: object_at(template, "outputs").map_err(|e| format!("{at}: {e}"))?,
        });
        let Some(resources) = member(template, "resources") else {
            return Err(format!("{at} has no \"resources\""));
        };
        for (item_path, item_symbolic, item) in members(resources, &format!("{at}.resources"))? {
            self.declare(item, item_path, item_symbolic, None, frame, skipped)?;
        }
        Ok(())
    }

    fn evaluate_resource(&self, index: usize) -> Result<Resource, String> {
        let declared = &self.resources[index];
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
            .in_frame(declared.frame, declared.copy.clone(), || {
                self.evaluate_value(&raw, "", &mut unknowns)
            })
            .map_err(|e| self.locate(declared, e))?;
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
        self.guard(
            format!("reference({} “{}”)", declared.resource_type, declared.name),
            || {
                let raw = declared
                    .raw
                    .as_object()
                    .and_then(|object| member(object, "properties"))
                    .cloned()
                    .unwrap_or(Value::Object(Map::new()));
                let mut unknowns = Vec::new();
                let result = self.in_frame(declared.frame, declared.copy.clone(), || {
                    self.evaluate_value(&raw, "properties", &mut unknowns)
                });
                let mut properties = result.map_err(|e| self.locate(declared, e))?;
                as_referenced(&mut properties, &declared.id);
                Ok(properties)
            },
        )
    }

    /// The properties of a resource the subscription holds, as its own export declares them.
    fn held_properties(&self, target: &str) -> Option<Value> {
        let current = self.adding_to?;
        let held = self.held.get_or_init(|| {
            let export = crate::exchange::arm::template::template(current);
            // The lab reads its own export back whole (R39's round trip); were it not to, the
            // reference stays a placeholder rather than a guess.
            read_template(&export, &BTreeMap::new(), self.deployment, None)
                .map(|reading| reading.resources)
                .unwrap_or_default()
        });
        let resource = held.iter().find(|resource| {
            same_id(&resource.id, target) || resource.name.eq_ignore_ascii_case(target)
        })?;
        let mut properties = resource
            .body
            .get("properties")
            .cloned()
            .unwrap_or(Value::Object(Map::new()));
        as_referenced(&mut properties, &resource.id);
        Some(properties)
    }
}

/// Declared properties as `reference()` gives them: inline children (subnets, rules) with the
/// ids Azure gives them, and whatever else is marked as known only once deployed.
fn as_referenced(properties: &mut Value, id: &str) {
    if let Value::Object(object) = properties {
        for (key, value) in object.iter_mut() {
            if let Value::Array(children) = value {
                for child in children.iter_mut().filter_map(Value::as_object_mut) {
                    if let Some(name) = text_at(child, "name").map(str::to_string) {
                        child
                            .entry("id")
                            .or_insert_with(|| Value::String(format!("{id}/{key}/{name}")));
                        child.insert(RUNTIME.into(), Value::Bool(true));
                    }
                }
            }
        }
        object.insert(RUNTIME.into(), Value::Bool(true));
    }
}

impl Frame<'_> {
    /// Whose parameters or variables, for a message: "the template's " or the deployment's.
    fn whose(&self) -> String {
        if self.owner.is_empty() {
            "the template's ".into()
        } else {
            format!("{}'s ", self.owner)
        }
    }
}

impl<'a> Reader<'a> {
    fn current(&self) -> &Frame<'a> {
        &self.frames[self.frame.get()]
    }

    /// A value evaluated whole: unknown when any part of it is.
    fn evaluated(&self, raw: &Value, at: &str) -> Result<Val, String> {
        let mut unknowns = Vec::new();
        let value = self.evaluate_value(raw, at, &mut unknowns)?;
        Ok(match unknowns.into_iter().next() {
            Some((_, unknown)) => Val::Unknown(unknown),
            None => Val::Known(value),
        })
    }

    /// What `reference()` of a nested deployment gives: its template's outputs, evaluated in
    /// the deployment's frame.
    fn outputs_of(&self, index: usize) -> Result<Value, String> {
        let nested = &self.nested[index];
        self.guard(
            format!("reference({DEPLOYMENTS} “{}”)", nested.name),
            || {
                let mut outputs = Map::new();
                let mut failed = false;
                for (key, output) in &nested.outputs {
                    // One output the lab cannot evaluate leaves the others readable: reading it
                    // gives a value known at deployment, never a made-up one.
                    match self.output(nested.frame, output, &format!("outputs.{key}")) {
                        Ok(value) => {
                            outputs.insert(key.clone(), value);
                        }
                        Err(_) => failed = true,
                    }
                }
                let mut outputs = Value::Object(outputs);
                if failed {
                    outputs[RUNTIME] = Value::Bool(true);
                }
                let mut deployment = Map::new();
                deployment.insert("outputs".into(), outputs);
                deployment.insert(RUNTIME.into(), Value::Bool(true));
                Ok(Value::Object(deployment))
            },
        )
    }

    /// One output as `reference()` shows it, `{type, value}`; a `copy` makes its value an array.
    fn output(&self, frame: usize, output: &Value, at: &str) -> Result<Value, String> {
        let mut unknowns = Vec::new();
        let Some(copy) = output
            .as_object()
            .and_then(|output| member(output, "copy"))
            .and_then(Value::as_object)
        else {
            return self.in_frame(frame, None, || {
                self.evaluate_value(output, at, &mut unknowns)
            });
        };
        let count = member(copy, "count").unwrap_or(&Value::Null);
        let count = match self.in_frame(frame, None, || {
            self.known(count, &format!("{at}.copy.count"))
        })? {
            Ok(count) => loop_count(&count, &format!("{at}.copy.count"))?,
            Err(unknown) => {
                return Err(format!("{at}.copy.count is {}", placeholder_text(&unknown)))
            }
        };
        let input = member(copy, "input").unwrap_or(&Value::Null);
        let items = (0..count)
            .map(|i| {
                self.in_frame(frame, Some(("output".into(), i)), || {
                    self.evaluate_value(input, &format!("{at}.copy.input"), &mut unknowns)
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let kind = output.get("type").cloned().unwrap_or(Value::Null);
        Ok(serde_json::json!({ "type": kind, "value": items }))
    }
}

impl Scope for Reader<'_> {
    fn deployment(&self) -> &Deployment {
        self.deployment
    }

    fn parameter(&self, name: &str) -> Result<Val, String> {
        let frame = self.current();
        let Some((declared_name, spec)) = frame
            .parameters
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
        else {
            return Err(format!(
                "the parameter “{name}” is not declared in {}\"parameters\": declare it or correct the name",
                frame.whose()
            ));
        };
        match &frame.given {
            Given::Form(given) => {
                if let Some(value) = given.get(declared_name) {
                    return Ok(Val::Known(value.clone()));
                }
            }
            Given::Deployment {
                values,
                frame: outer,
                copy,
                path,
            } => {
                if let Some(given) = member(values, declared_name) {
                    let at = format!("{path}.{declared_name}");
                    // Evaluated whole: Bicep writes an optional one as one expression,
                    // `[if(…, createObject('value', …), null())]`.
                    let given = self.guard(at.clone(), || {
                        self.in_frame(*outer, copy.clone(), || self.evaluated(given, &at))
                    })?;
                    match given {
                        Val::Unknown(unknown) => return Ok(Val::Unknown(unknown)),
                        Val::Known(Value::Object(given)) => match member(&given, "value") {
                            // ARM deploys a null value as the parameter's default.
                            Some(Value::Null) if has_default(spec) => {}
                            Some(value) => return Ok(Val::Known(value.clone())),
                            // A Key Vault `reference` instead of a `value`: a secret.
                            None => {
                                return Ok(Val::Unknown(Unknown::Deployment(format!(
                                    "the secret given to {at}"
                                ))))
                            }
                        },
                        Val::Known(Value::Null) => {}
                        Val::Known(other) => {
                            return Err(format!(
                            "{at} is {other}: a deployment gives a parameter as {{\"value\": …}}"
                        ))
                        }
                    }
                }
            }
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
            None => match &frame.given {
                Given::Form(_) => Ok(Val::Unknown(Unknown::MissingParameter(
                    declared_name.clone(),
                ))),
                Given::Deployment { path, .. } => Err(format!(
                    "{} gives no value for its parameter “{declared_name}”, which has no default: give it in {path}",
                    frame.owner
                )),
            },
            Some(default) => self.guard(format!("{}parameters('{declared_name}')", frame.whose()), || {
                let here = self.here.borrow().clone();
                self.evaluated(default, &here)
            }),
        }
    }

    fn variable(&self, name: &str) -> Result<Val, String> {
        let frame = self.current();
        if let Some(value) = frame.variable_values.borrow().get(name) {
            return Ok(value.clone());
        }
        let found = frame
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
                        "the variable “{name}” is not declared in {}\"variables\": declare it or correct the name",
                        frame.whose()
                    ))
                }
            },
        };
        let value = self.guard(format!("{}variables('{key}')", frame.whose()), || {
            let here = self.here.borrow().clone();
            self.evaluated(&raw, &here)
        })?;
        frame
            .variable_values
            .borrow_mut()
            .insert(name.to_string(), value.clone());
        Ok(value)
    }

    fn reference(&self, target: &str) -> Option<Result<Value, String>> {
        let target = self
            .aliases
            .iter()
            .find(|(symbolic, _)| symbolic.as_deref() == Some(target))
            .map_or(target, |(_, id)| id.as_str());
        // languageVersion 2.0 names one copy of a loop `symbolic[index]`.
        let (looped, wanted) = match target.strip_suffix(']').and_then(|t| t.rsplit_once('[')) {
            Some((symbolic, index)) => (symbolic, index.parse::<i64>().ok()),
            None => (target, None),
        };
        let names = |id: &str, symbolic: Option<&str>, copy: Option<i64>, name: &str| {
            same_id(id, target)
                || symbolic == Some(target)
                || (wanted.is_some() && symbolic == Some(looped) && copy == wanted)
                || name.eq_ignore_ascii_case(target)
        };
        if let Some(index) = self.resources.iter().position(|declared| {
            let copy = declared.copy.as_ref().map(|(_, i)| *i);
            names(
                &declared.id,
                declared.symbolic.as_deref(),
                copy,
                &declared.name,
            )
        }) {
            return Some(self.properties_of(index));
        }
        match self.nested.iter().position(|nested| {
            names(
                &nested.id,
                nested.symbolic.as_deref(),
                nested.copy_index,
                &nested.name,
            )
        }) {
            Some(index) => Some(self.outputs_of(index)),
            None => self.held_properties(target).map(Ok),
        }
    }

    /// A named loop is the innermost property loop of that name, or the resource's own;
    /// `copyIndex()` without a name is the resource's, as in ARM.
    fn copy_index(&self, loop_name: Option<&str>) -> Result<i64, String> {
        let resource = self.copy.borrow().clone();
        match loop_name {
            None => resource
                .map(|(_, index)| index)
                .ok_or_else(|| "copyIndex() is used outside a copy loop".into()),
            Some(wanted) => self
                .loops
                .borrow()
                .iter()
                .rev()
                .chain(resource.iter())
                .find(|(name, _)| name.eq_ignore_ascii_case(wanted))
                .map(|(_, index)| *index)
                .ok_or_else(|| {
                    format!("copyIndex('{wanted}') is outside a copy loop named {wanted}")
                }),
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
        let frame = self.current();
        let Some(Value::Array(loops)) = member(&frame.variables, "copy") else {
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
            Ok(count) => loop_count(&count, &format!("{at}.count"))?,
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
        frame
            .variable_values
            .borrow_mut()
            .insert(name.to_string(), value.clone());
        Ok(Some(value))
    }
}
