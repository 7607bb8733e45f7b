//! What an imported file is, decided before anything is read from it: an ARM template, the
//! resources `az … list` or the REST API print, or something the lab refuses, with the reason.

use serde_json::Value;

use crate::exchange::arm::expression::member;

/// Files over this are refused before parsing (R39).
pub use crate::exchange::arm::MAX_TEMPLATE_BYTES as MAX_BYTES;

pub enum Document {
    Template(Value),
    /// A JSON array of resources, or `{"value": […]}`.
    LiveState(Vec<Value>),
}

/// Whether a file is one of Azure's (a template, or resources as `az` prints them) rather than
/// the lab's own document, told from its first characters and its keys without parsing it.
pub fn looks_like_azure(text: &str) -> bool {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let squeezed: String = start
        .chars()
        .take(64)
        .filter(|c| !c.is_whitespace())
        .collect();
    squeezed.starts_with("[{")
        || squeezed == "[]"
        || squeezed.starts_with("{\"value\"")
        || (start.starts_with('{')
            && (text.contains("\"$schema\"") || text.contains("\"resources\"")))
}

/// Reads the text of a file as a template or live state, or says why it is neither.
pub fn read(text: &str) -> Result<Document, String> {
    if text.len() > MAX_BYTES {
        return Err(format!(
            "The file is {:.1} MB; the lab reads templates of up to 5 MB. Export a single resource \
             group, or split the template.",
            text.len() as f64 / (1024.0 * 1024.0)
        ));
    }
    // serde_json refuses nesting over 128 levels itself, so a deep file cannot overflow the stack.
    let root: Value =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|error| {
            if error.to_string().contains("recursion limit") {
                format!(
                "The file nests objects and arrays more than 128 deep (line {}), deeper than any \
                 template: it is not a template the lab can read.",
                error.line()
            )
            } else {
                format!(
                "The file is not JSON: {error}. Save the template as JSON (the portal's “Export \
                 template” → Download, or `bicep build`)."
            )
            }
        })?;
    match root {
        Value::Array(resources) => Ok(Document::LiveState(resources)),
        Value::Object(object) => {
            if member(&object, "resources").is_some() {
                return Ok(Document::Template(Value::Object(object)));
            }
            match member(&object, "value") {
                Some(Value::Array(resources)) => Ok(Document::LiveState(resources.clone())),
                _ => Err(not_a_template()),
            }
        }
        _ => Err(not_a_template()),
    }
}

fn not_a_template() -> String {
    "The file is JSON but not an ARM template (it has no \"resources\") nor a list of resources \
     (a JSON array, or {\"value\": […]}): import a deployment template, the output of `az \
     resource list`, or the lab's own export."
        .into()
}
