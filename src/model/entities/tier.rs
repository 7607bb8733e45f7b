//! Pricing tiers and what each allows: VNet Integration (R1) and Hybrid Connections (R23).
//! Premium v3, v4 and Elastic Premium are plans of the Premium family that keep their own
//! SKU (R39).

use std::fmt;

use serde::{Deserialize, Serialize};
use strum::VariantArray;

/// A pricing tier by its code (`S1`); it shows with its offering ("Standard S1", "Premium v3
/// P1v3"). New tiers are appended: stored subscriptions name tiers by variant.
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
    P0v3,
    P1v3,
    P2v3,
    P3v3,
    P1mv3,
    P2mv3,
    P3mv3,
    P4mv3,
    P5mv3,
    P0v4,
    P1v4,
    P2v4,
    P3v4,
    P1mv4,
    P2mv4,
    P3mv4,
    P4mv4,
    P5mv4,
    EP1,
    EP2,
    EP3,
}

/// The generation a tier is sold as inside its family, as the portal names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::Display)]
pub enum Offering {
    Free,
    Shared,
    Basic,
    Standard,
    Premium,
    #[strum(serialize = "Premium v3")]
    PremiumV3,
    #[strum(serialize = "Premium v4")]
    PremiumV4,
    #[strum(serialize = "Elastic Premium")]
    ElasticPremium,
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
        match self.offering() {
            Offering::Free => TierFamily::Free,
            Offering::Shared => TierFamily::Shared,
            Offering::Basic => TierFamily::Basic,
            Offering::Standard => TierFamily::Standard,
            Offering::Premium
            | Offering::PremiumV3
            | Offering::PremiumV4
            | Offering::ElasticPremium => TierFamily::Premium,
        }
    }

    pub fn offering(self) -> Offering {
        use Tier::*;
        match self {
            F1 => Offering::Free,
            D1 => Offering::Shared,
            B1 | B2 | B3 => Offering::Basic,
            S1 | S2 | S3 => Offering::Standard,
            P1 | P2 | P3 => Offering::Premium,
            P0v3 | P1v3 | P2v3 | P3v3 | P1mv3 | P2mv3 | P3mv3 | P4mv3 | P5mv3 => {
                Offering::PremiumV3
            }
            P0v4 | P1v4 | P2v4 | P3v4 | P1mv4 | P2mv4 | P3mv4 | P4mv4 | P5mv4 => {
                Offering::PremiumV4
            }
            EP1 | EP2 | EP3 => Offering::ElasticPremium,
        }
    }

    /// The tier's code, its SKU name in the lab (`P1v3`).
    pub fn code(self) -> &'static str {
        self.into()
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

    /// The tiers of the family, in the order the picker lists them.
    pub fn tiers(self) -> impl Iterator<Item = Tier> {
        Tier::VARIANTS
            .iter()
            .copied()
            .filter(move |tier| tier.family() == self)
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
        write!(f, "{} {}", self.offering(), self.code())
    }
}
