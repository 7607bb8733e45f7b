//! Azure regions. Every plan and every virtual network is in one (SPEC §9); regional VNet
//! Integration needs both in the same region (R25).

use serde::{Deserialize, Serialize};

/// A fixed list of real Azure regions, enough to rehearse same-region and cross-region cases.
/// Each shows as the portal names it ("West Europe").
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::Display,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
pub enum Region {
    #[default]
    #[strum(to_string = "West Europe")]
    WestEurope,
    #[strum(to_string = "North Europe")]
    NorthEurope,
    #[strum(to_string = "UK South")]
    UkSouth,
    #[strum(to_string = "France Central")]
    FranceCentral,
    #[strum(to_string = "Germany West Central")]
    GermanyWestCentral,
    #[strum(to_string = "Sweden Central")]
    SwedenCentral,
    #[strum(to_string = "East US")]
    EastUs,
    #[strum(to_string = "East US 2")]
    EastUs2,
    #[strum(to_string = "West US 2")]
    WestUs2,
    #[strum(to_string = "Central US")]
    CentralUs,
    #[strum(to_string = "Southeast Asia")]
    SoutheastAsia,
    #[strum(to_string = "Australia East")]
    AustraliaEast,
}

impl Region {
    /// The name Azure Resource Manager and the CLI use: `westeurope`.
    pub fn arm_name(self) -> &'static str {
        match self {
            Region::WestEurope => "westeurope",
            Region::NorthEurope => "northeurope",
            Region::UkSouth => "uksouth",
            Region::FranceCentral => "francecentral",
            Region::GermanyWestCentral => "germanywestcentral",
            Region::SwedenCentral => "swedencentral",
            Region::EastUs => "eastus",
            Region::EastUs2 => "eastus2",
            Region::WestUs2 => "westus2",
            Region::CentralUs => "centralus",
            Region::SoutheastAsia => "southeastasia",
            Region::AustraliaEast => "australiaeast",
        }
    }

    /// The name the portal shows: `West Europe`.
    pub fn display_name(self) -> &'static str {
        self.into()
    }
}
