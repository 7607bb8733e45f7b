//! The Azure service behind a private endpoint, told by its DNS name: the resource type the
//! endpoint connects to and its private-link group (sub-resource).

/// A service's resource type, its resource name and its private-link group id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Service {
    pub resource_type: &'static str,
    pub name: String,
    pub group: &'static str,
}

/// DNS suffixes of the services the lab's private endpoints stand for; the first label of the
/// name is the resource's name (`contoso-sql.database.windows.net` is the SQL server
/// `contoso-sql`). An unknown suffix is taken as a SQL server, the lab's usual target.
const SUFFIXES: [(&str, &str, &str); 7] = [
    ("database.windows.net", "Microsoft.Sql/servers", "sqlServer"),
    (
        "blob.core.windows.net",
        "Microsoft.Storage/storageAccounts",
        "blob",
    ),
    (
        "file.core.windows.net",
        "Microsoft.Storage/storageAccounts",
        "file",
    ),
    ("vault.azure.net", "Microsoft.KeyVault/vaults", "vault"),
    (
        "documents.azure.com",
        "Microsoft.DocumentDB/databaseAccounts",
        "Sql",
    ),
    (
        "servicebus.windows.net",
        "Microsoft.ServiceBus/namespaces",
        "namespace",
    ),
    ("azurewebsites.net", "Microsoft.Web/sites", "sites"),
];

pub fn service(host_name: &str) -> Service {
    let lower = host_name.to_ascii_lowercase();
    let (label, rest) = lower.split_once('.').unwrap_or((&lower, ""));
    let (resource_type, group) = SUFFIXES
        .iter()
        .find(|(suffix, _, _)| rest == *suffix)
        .map_or(
            ("Microsoft.Sql/servers", "sqlServer"),
            |(_, kind, group)| (*kind, *group),
        );
    Service {
        resource_type,
        name: label.to_string(),
        group,
    }
}
