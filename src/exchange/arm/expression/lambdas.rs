//! ARM's lambda functions, which `bicep build` writes for every `map`, `filter` and `reduce`
//! of a Bicep file: each evaluates its `lambda('x', …, body)` once per item, with
//! `lambdaVariables('x')` bound to that item in a scope that otherwise is the template's.

use serde_json::{Map, Value};

use super::evaluate;
use super::syntax::Expr;
use super::value::{describe, truth, Deployment, Scope, Val};

/// The lambda functions, with the fewest and most arguments each takes.
pub const LAMBDA_FUNCTIONS: &[(&str, usize, usize)] = &[
    ("map", 2, 2),
    ("filter", 2, 2),
    ("reduce", 3, 3),
    ("sort", 2, 2),
    ("toObject", 2, 3),
    ("mapValues", 2, 2),
    ("groupBy", 2, 2),
];

/// A `lambda('a', 'b', body)` argument: its parameters and its body.
struct Lambda<'e> {
    parameters: Vec<&'e str>,
    body: &'e Expr,
}

impl<'e> Lambda<'e> {
    fn read(expr: &'e Expr, function: &str, takes: &str) -> Result<Lambda<'e>, String> {
        let wrong = || {
            format!("{function} takes a lambda('{takes}', …) as that argument: write the function to apply as a lambda")
        };
        let Expr::Call { name, args } = expr else {
            return Err(wrong());
        };
        let Some((body, parameters)) = args.split_last() else {
            return Err(wrong());
        };
        if !name.eq_ignore_ascii_case("lambda") || parameters.is_empty() {
            return Err(wrong());
        }
        let parameters = parameters
            .iter()
            .map(|parameter| match parameter {
                Expr::Text(name) => Ok(name.as_str()),
                _ => Err(format!(
                    "lambda: its parameters are names in quotes, as lambda('{takes}', …)"
                )),
            })
            .collect::<Result<_, _>>()?;
        Ok(Lambda { parameters, body })
    }

    /// The body's value with its parameters bound to `values`, in order (an unused index
    /// parameter is not given).
    fn apply(&self, scope: &dyn Scope, values: &[Value]) -> Result<Val, String> {
        let bound = Bound {
            outer: scope,
            names: &self.parameters,
            values,
        };
        evaluate(self.body, &bound)
    }
}

/// The template's scope with a lambda's parameters bound.
struct Bound<'s> {
    outer: &'s dyn Scope,
    names: &'s [&'s str],
    values: &'s [Value],
}

impl Scope for Bound<'_> {
    fn deployment(&self) -> &Deployment {
        self.outer.deployment()
    }
    fn parameter(&self, name: &str) -> Result<Val, String> {
        self.outer.parameter(name)
    }
    fn variable(&self, name: &str) -> Result<Val, String> {
        self.outer.variable(name)
    }
    fn reference(&self, target: &str) -> Option<Result<Value, String>> {
        self.outer.reference(target)
    }
    fn copy_index(&self, loop_name: Option<&str>) -> Result<i64, String> {
        self.outer.copy_index(loop_name)
    }
    fn placeholder(&self, function: &str, value: &str) {
        self.outer.placeholder(function, value)
    }
    fn lambda_variable(&self, name: &str) -> Result<Value, String> {
        match self.names.iter().position(|n| *n == name) {
            Some(at) => self.values.get(at).cloned().ok_or_else(|| {
                format!("lambdaVariables('{name}'): the function gives its lambda no such value")
            }),
            None => self.outer.lambda_variable(name),
        }
    }
}

/// Calls the lambda function `name` (as [`LAMBDA_FUNCTIONS`] spells it).
pub fn call(name: &str, args: &[Expr], scope: &dyn Scope) -> Result<Val, String> {
    let input = match evaluate(&args[0], scope)? {
        Val::Known(input) => input,
        unknown => return Ok(unknown),
    };
    // Every application, stopping at the first value known only at deployment.
    macro_rules! known {
        ($val:expr) => {
            match $val? {
                Val::Known(value) => value,
                unknown => return Ok(unknown),
            }
        };
    }
    let value = match name {
        "mapValues" => {
            let lambda = Lambda::read(&args[1], name, "value")?;
            let mut out = Map::new();
            for (key, value) in object(name, &input)? {
                out.insert(
                    key.clone(),
                    known!(lambda.apply(scope, std::slice::from_ref(value))),
                );
            }
            Value::Object(out)
        }
        "reduce" => {
            let initial = known!(evaluate(&args[1], scope));
            let lambda = Lambda::read(&args[2], name, "current', 'next")?;
            let mut current = initial;
            for (i, item) in array(name, &input)?.iter().enumerate() {
                current = known!(lambda.apply(scope, &[current, item.clone(), Value::from(i)]));
            }
            current
        }
        "sort" => {
            let lambda = Lambda::read(&args[1], name, "a', 'b")?;
            let mut sorted: Vec<Value> = Vec::new();
            // An insertion sort: ARM's comparator is a "less than" that may see any pair.
            for item in array(name, &input)? {
                let mut at = sorted.len();
                while at > 0 {
                    let before =
                        known!(lambda.apply(scope, &[item.clone(), sorted[at - 1].clone()]));
                    if !truth(&before).map_err(|e| format!("sort: its lambda gives {e}"))? {
                        break;
                    }
                    at -= 1;
                }
                sorted.insert(at, item.clone());
            }
            Value::Array(sorted)
        }
        "toObject" | "groupBy" => {
            let key_of = Lambda::read(&args[1], name, "item")?;
            let value_of = args
                .get(2)
                .map(|arg| Lambda::read(arg, name, "item"))
                .transpose()?;
            let mut out = Map::new();
            for item in array(name, &input)? {
                let key = match known!(key_of.apply(scope, std::slice::from_ref(item))) {
                    Value::String(key) => key,
                    other => {
                        return Err(format!(
                            "{name}: its key lambda gives {}, and keys are strings",
                            describe(&other)
                        ))
                    }
                };
                let value = match &value_of {
                    Some(lambda) => known!(lambda.apply(scope, std::slice::from_ref(item))),
                    None => item.clone(),
                };
                if name == "groupBy" {
                    match out.entry(key).or_insert_with(|| Value::Array(Vec::new())) {
                        Value::Array(group) => group.push(value),
                        _ => unreachable!("groups are arrays"),
                    }
                } else {
                    out.insert(key, value);
                }
            }
            Value::Object(out)
        }
        "map" | "filter" => {
            let lambda = Lambda::read(&args[1], name, "item")?;
            let mut results = Vec::new();
            for (i, item) in array(name, &input)?.iter().enumerate() {
                let value = known!(lambda.apply(scope, &[item.clone(), Value::from(i)]));
                if name == "map" {
                    results.push(value);
                } else if truth(&value).map_err(|e| format!("filter: its lambda gives {e}"))? {
                    results.push(item.clone());
                }
            }
            Value::Array(results)
        }
        other => unreachable!("{other} is not a lambda function"),
    };
    Ok(Val::Known(value))
}

fn array<'v>(function: &str, value: &'v Value) -> Result<&'v Vec<Value>, String> {
    value
        .as_array()
        .ok_or_else(|| format!("{function} takes an array first, not {}", describe(value)))
}

fn object<'v>(function: &str, value: &'v Value) -> Result<&'v Map<String, Value>, String> {
    value
        .as_object()
        .ok_or_else(|| format!("{function} takes an object first, not {}", describe(value)))
}
