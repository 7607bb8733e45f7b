//! A plan's SKU as Azure spells it: ARM's `sku.name` and `sku.tier` (R38), the Azure CLI's
//! `--sku` and the command group that accepts it, and back from a SKU name to the lab's tier
//! (R39). One table, so an import reads back exactly what the export wrote.

use strum::VariantArray;

use crate::model::entities::tier::{Offering, Tier};

/// ARM's `sku.name`: the lab's Premium P1–P3 are Premium v2 (`P1v2`), the oldest Premium Azure
/// still creates (az refuses `P1`); every other tier is its code (`S1`, `P1v3`, `EP1`).
pub fn sku_name(tier: Tier) -> String {
    match tier.offering() {
        Offering::Premium => format!("{}v2", tier.code()),
        Offering::Free
        | Offering::Shared
        | Offering::Basic
        | Offering::Standard
        | Offering::PremiumV3
        | Offering::PremiumV4
        | Offering::ElasticPremium => tier.code().to_string(),
    }
}

/// ARM's `sku.tier`, as Azure writes it beside the name (and as the CLI's `get_sku_tier` sets
/// it): P0v3 has a tier of its own, the memory-optimised sizes (`P1mv3`) theirs.
pub fn sku_tier(tier: Tier) -> &'static str {
    use Tier::*;
    match tier {
        F1 => "Free",
        D1 => "Shared",
        B1 | B2 | B3 => "Basic",
        S1 | S2 | S3 => "Standard",
        P1 | P2 | P3 => "PremiumV2",
        P0v3 => "Premium0V3",
        P1v3 | P2v3 | P3v3 => "PremiumV3",
        P1mv3 | P2mv3 | P3mv3 | P4mv3 | P5mv3 => "PremiumMV3",
        P0v4 | P1v4 | P2v4 | P3v4 => "PremiumV4",
        P1mv4 | P2mv4 | P3mv4 | P4mv4 | P5mv4 => "PremiumMV4",
        EP1 | EP2 | EP3 => "ElasticPremium",
    }
}

/// The `kind` Azure gives an Elastic Premium plan; other plans are written without one.
pub fn plan_kind(tier: Tier) -> Option<&'static str> {
    (tier.offering() == Offering::ElasticPremium).then_some("elastic")
}

/// Which `az` group creates and updates a plan of the tier: `az appservice plan` lists every
/// dedicated SKU in its `--sku` choices but no `EP`; `az functionapp plan` takes `EP1`–`EP3`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanGroup {
    AppService,
    FunctionApp,
}

impl PlanGroup {
    pub fn of(tier: Tier) -> Self {
        match tier.offering() {
            Offering::ElasticPremium => PlanGroup::FunctionApp,
            Offering::Free
            | Offering::Shared
            | Offering::Basic
            | Offering::Standard
            | Offering::Premium
            | Offering::PremiumV3
            | Offering::PremiumV4 => PlanGroup::AppService,
        }
    }

    /// The command's first words: `appservice plan`, `functionapp plan`.
    pub fn words(self) -> [&'static str; 2] {
        match self {
            PlanGroup::AppService => ["appservice", "plan"],
            PlanGroup::FunctionApp => ["functionapp", "plan"],
        }
    }
}

/// The CLI's `--sku`, spelled as its reference lists the choices (`P1V3`, `P1MV3`, `EP1`).
pub fn cli_sku(tier: Tier) -> String {
    sku_name(tier).to_ascii_uppercase()
}

/// The SKU names the import takes, for its refusal's list of examples.
pub const KNOWN_SKUS: &str =
    "F1, D1, B1–B3, S1–S3, P1v2–P3v2, P0v3–P3v3, P1mv3–P5mv3, P0v4–P3v4, P1mv4–P5mv4, EP1–EP3";

/// The lab's tier for an Azure SKU name, ignoring case: what `sku_name` writes, the lab's own
/// codes (`P1`, the original Premium, reads as the lab's P1), and the CLI's `FREE` and `SHARED`.
pub fn tier_of(sku: &str) -> Option<Tier> {
    let sku = sku.trim();
    let alias = if sku.eq_ignore_ascii_case("FREE") {
        Some(Tier::F1)
    } else if sku.eq_ignore_ascii_case("SHARED") {
        Some(Tier::D1)
    } else {
        None
    };
    alias.or_else(|| {
        Tier::VARIANTS.iter().copied().find(|tier| {
            sku.eq_ignore_ascii_case(&sku_name(*tier)) || sku.eq_ignore_ascii_case(tier.code())
        })
    })
}
