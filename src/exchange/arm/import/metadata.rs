//! Reads `metadata.vnetLab`, what the lab's own export keeps beside the resources (R39), so
//! that importing it gives the subscription back. A malformed object is refused with the JSON
//! path of what is wrong, as every other part of a template is.

use serde_json::Value;

use crate::exchange::arm::lab_metadata::{VnetLab, FORMAT};

/// The facts at the template's `metadata.vnetLab`, if it has them.
pub fn read(root: &Value) -> Result<Option<VnetLab>, String> {
    let Some(value) = root.get("metadata").and_then(|m| m.get("vnetLab")) else {
        return Ok(None);
    };
    let facts: VnetLab = serde_path_to_error::deserialize(value).map_err(|error| {
        let path = error.path().to_string();
        let at = if path == "." {
            "metadata.vnetLab".to_string()
        } else {
            format!("metadata.vnetLab.{path}")
        };
        format!(
            "The template cannot be imported: {at} is not what the lab's export writes ({}). \
             Remove metadata.vnetLab to import the resources alone. Nothing changed.",
            error.inner()
        )
    })?;
    if facts.format > FORMAT {
        return Err(format!(
            "The template cannot be imported: metadata.vnetLab.format {} is newer than this lab \
             reads ({FORMAT}): open it in a newer lab, or remove metadata.vnetLab. Nothing changed.",
            facts.format
        ));
    }
    Ok(Some(facts))
}
