//! `environment()` as Azure's public cloud returns it (the ARM and Bicep reference's example
//! for global Azure), and the lab's stand-in for `utcNow()`.

use serde_json::{json, Value};

pub fn azure_cloud() -> Value {
    json!({
        "name": "AzureCloud",
        "gallery": "https://gallery.azure.com/",
        "graph": "https://graph.windows.net/",
        "portal": "https://portal.azure.com",
        "graphAudience": "https://graph.windows.net/",
        "activeDirectoryDataLake": "https://datalake.azure.net/",
        "batch": "https://batch.core.windows.net/",
        "media": "https://rest.media.azure.net",
        "sqlManagement": "https://management.core.windows.net:8443/",
        "vmImageAliasDoc": "https://raw.githubusercontent.com/Azure/azure-rest-api-specs/master/arm-compute/quickstart-templates/aliases.json",
        "resourceManager": "https://management.azure.com/",
        "authentication": {
            "loginEndpoint": "https://login.microsoftonline.com/",
            "audiences": ["https://management.core.windows.net/", "https://management.azure.com/"],
            "tenant": "common",
            "identityProvider": "AAD"
        },
        "suffixes": {
            "acrLoginServer": ".azurecr.io",
            "azureDatalakeAnalyticsCatalogAndJob": "azuredatalakeanalytics.net",
            "azureDatalakeStoreFileSystem": "azuredatalakestore.net",
            "azureFrontDoorEndpointSuffix": "azurefd.net",
            "keyvaultDns": ".vault.azure.net",
            "sqlServerHostname": ".database.windows.net",
            "storage": "core.windows.net"
        }
    })
}

/// The moment the lab's `utcNow` says, 2000-01-01 00:00:00 UTC: the deployment's time is not
/// known, so a fixed one keeps an import repeatable; the report lists it as a placeholder.
const NOW: [(char, u32); 7] = [
    ('y', 2000),
    ('M', 1),
    ('d', 1),
    ('H', 0),
    ('h', 12),
    ('m', 0),
    ('s', 0),
];

/// `utcNow(format)` with .NET's custom format letters (`yyyy`, `MM`, `dd`, `HH`, `hh`, `mm`,
/// `ss`, `f…`), `u` and `o`; ARM's default is `yyyyMMddTHHmmssZ`.
pub fn utc_now(format: Option<&str>) -> String {
    let format = match format.unwrap_or("yyyyMMddTHHmmssZ") {
        "u" => "yyyy-MM-dd HH:mm:ssZ",
        "o" | "O" => "yyyy-MM-ddTHH:mm:ss.fffffffZ",
        custom => custom,
    };
    let chars: Vec<char> = format.chars().collect();
    let mut out = String::new();
    let mut at = 0;
    while at < chars.len() {
        let letter = chars[at];
        let run = chars[at..].iter().take_while(|&&c| c == letter).count();
        at += run;
        match NOW.iter().find(|(l, _)| *l == letter) {
            Some((_, value)) => {
                let digits = if letter == 'y' && run == 2 {
                    value % 100
                } else {
                    *value
                };
                out.push_str(&format!("{digits:0run$}"));
            }
            None if letter == 'f' => out.push_str(&"0".repeat(run)),
            None => out.extend(std::iter::repeat_n(letter, run)),
        }
    }
    out
}
