//! Pricing tiers and what each allows: VNet Integration (R1) and Hybrid Connections (R23).

use std::fmt;

use serde::{Deserialize, Serialize};

/// A pricing tier by its code (`S1`); it shows with its family ("Standard S1").
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
pub enum Tier {
    F1,
    D1,
    B1,
    B2,
    B3,
    S1,
    S2,
    S3,
    P1,
    P2,
    P3,
}

/// The families the pricing-tier picker shows as cards.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::Display,
    strum::VariantArray,
)]
pub enum TierFamily {
    Free,
    Shared,
    Basic,
    Standard,
    Premium,
}

/// How many Hybrid Connections a tier allows, and what they count against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HybridConnectionLimit {
    None,
    PerPlan(usize),
    PerApp(usize),
}

impl fmt::Display for HybridConnectionLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HybridConnectionLimit::None => write!(f, "no Hybrid Connections"),
            HybridConnectionLimit::PerPlan(n) => write!(f, "{n} Hybrid Connections per plan"),
            HybridConnectionLimit::PerApp(n) => write!(f, "{n} Hybrid Connections per web app"),
        }
    }
}

impl Tier {
    pub fn family(self) -> TierFamily {
        match self {
            Tier::F1 => TierFamily::Free,
            Tier::D1 => TierFamily::Shared,
            Tier::B1 | Tier::B2 | Tier::B3 => TierFamily::Basic,
            Tier::S1 | Tier::S2 | Tier::S3 => TierFamily::Standard,
            Tier::P1 | Tier::P2 | Tier::P3 => TierFamily::Premium,
        }
    }

    /// R1: only Standard and Premium plans use VNet Integration.
    pub fn allows_vnet_integration(self) -> bool {
        self.family() >= TierFamily::Standard
    }

    /// R25: regional VNet Integration needs Basic, Standard or Premium.
    pub fn allows_regional_integration(self) -> bool {
        self.family() >= TierFamily::Basic
    }

    pub fn hybrid_connection_limit(self) -> HybridConnectionLimit {
        self.family().hybrid_connection_limit()
    }
}

impl TierFamily {
    /// The tier the picker scales to when this family's card is chosen.
    pub fn entry_tier(self) -> Tier {
        match self {
            TierFamily::Free => Tier::F1,
            TierFamily::Shared => Tier::D1,
            TierFamily::Basic => Tier::B1,
            TierFamily::Standard => Tier::S1,
            TierFamily::Premium => Tier::P1,
        }
    }

    pub fn hybrid_connection_limit(self) -> HybridConnectionLimit {
        match self {
            TierFamily::Free | TierFamily::Shared => HybridConnectionLimit::None,
            TierFamily::Basic => HybridConnectionLimit::PerPlan(5),
            TierFamily::Standard => HybridConnectionLimit::PerPlan(25),
            TierFamily::Premium => HybridConnectionLimit::PerApp(220),
        }
    }
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code: &'static str = self.into();
        write!(f, "{} {code}", self.family())
    }
}
