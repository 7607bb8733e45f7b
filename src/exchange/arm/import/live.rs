//! What Azure prints about deployed resources (`az resource list`, `az network vnet list -o
//! json`, the REST API): literal values, the type and the id on each resource.

use serde_json::Value;

use super::props::{name_of_id, text};
use super::template::{Reading, Resource};

pub fn read_live(items: &[Value]) -> Result<Reading, String> {
    let mut reading = Reading::default();
    for (i, item) in items.iter().enumerate() {
        let path = format!("[{i}]");
        if !item.is_object() {
            return Err(format!(
                "{path} is not an object: every resource is a JSON object"
            ));
        }
        let resource_type = text(item, "type").ok_or_else(|| {
            format!("{path} has no \"type\": every resource names its type, as \"Microsoft.Network/virtualNetworks\"")
        })?;
        let id = text(item, "id")
            .ok_or_else(|| format!("{path}.id is missing: Azure prints an id on every resource"))?;
        let name = name_of_id(id)
            .or_else(|| text(item, "name").map(str::to_string))
            .ok_or_else(|| format!("{path}.name is missing"))?;
        reading.resources.push(Resource {
            path,
            resource_type: resource_type.to_string(),
            name,
            id: id.to_string(),
            api_version: String::new(),
            body: item.clone(),
            unknowns: Vec::new(),
        });
    }
    Ok(reading)
}
