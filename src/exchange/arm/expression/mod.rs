//! The ARM template expression language (R39), hand-written: no crate reads it. A string
//! value `"[…]"` is an expression, `"[[…"` the literal text `[…`; [`evaluate_string`] turns
//! either into a JSON value, asking a [`Scope`] for parameters, variables and references.

mod collections;
mod environment;
mod functions;
mod lambdas;
mod numbers;
pub mod syntax;
mod texts;
mod value;

use serde_json::Value;

pub use functions::SUPPORTED;
pub use value::{clean, member, truth, Deployment, Scope, Unknown, Val, RUNTIME};

use syntax::Expr;

/// What a string of a template means: itself, or the value of its expression.
pub fn evaluate_string(text: &str, scope: &dyn Scope) -> Result<Val, String> {
    match expression_of(text) {
        Some(source) => {
            let expr = syntax::parse(source)
                .map_err(|error| format!("the expression “{text}” cannot be read {error}"))?;
            evaluate(&expr, scope)
        }
        None => Ok(Val::Known(Value::String(literal_of(text).to_string()))),
    }
}

/// The inside of `[…]`, unless the text is a literal (`[[` escapes the bracket).
pub fn expression_of(text: &str) -> Option<&str> {
    let inner = text.strip_prefix('[')?.strip_suffix(']')?;
    (!inner.starts_with('[')).then_some(inner)
}

fn literal_of(text: &str) -> &str {
    match text.strip_prefix("[[") {
        Some(_) if text.ends_with(']') => &text[1..],
        _ => text,
    }
}

/// Evaluates a parsed expression.
pub fn evaluate(expr: &Expr, scope: &dyn Scope) -> Result<Val, String> {
    match expr {
        Expr::Text(text) => Ok(Val::Known(Value::String(text.clone()))),
        Expr::Number(number) => Ok(Val::Known(Value::from(*number))),
        Expr::Call { name, args } => functions::call(name, args, scope),
        Expr::Property(target, name) => match evaluate(target, scope)? {
            Val::Unknown(unknown) => Ok(Val::Unknown(unknown)),
            Val::Known(Value::Object(object)) => value::member(&object, name)
                .cloned()
                .map(Val::Known)
                .or_else(|| {
                    value::runtime_only(&object).then(|| {
                        Val::Unknown(Unknown::Deployment(format!("the runtime property {name}")))
                    })
                })
                .ok_or_else(|| {
                    let keys: Vec<&str> = object
                        .keys()
                        .map(String::as_str)
                        .filter(|key| !key.starts_with(value::RUNTIME))
                        .collect();
                    format!(
                        "the object has no property “{name}” (it has {}): correct the name",
                        if keys.is_empty() {
                            "none".to_string()
                        } else {
                            keys.join(", ")
                        }
                    )
                }),
            Val::Known(other) => Err(format!(
                "“.{name}” reads a property, but the value is {}: only objects have properties",
                value::kind(&other)
            )),
        },
        Expr::Index(target, index) => {
            let target = evaluate(target, scope)?;
            let index = evaluate(index, scope)?;
            match (target, index) {
                (Val::Unknown(unknown), _) | (_, Val::Unknown(unknown)) => {
                    Ok(Val::Unknown(unknown))
                }
                (Val::Known(target), Val::Known(index)) => {
                    value::index(&target, &index).map(Val::Known)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
