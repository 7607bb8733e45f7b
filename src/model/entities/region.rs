//! Azure regions. Every plan and every virtual network is in one (SPEC §9); regional VNet
//! Integration needs both in the same region (R25).

use std::fmt;

use serde::{Deserialize, Serialize};

/// A fixed list of real Azure regions, enough to rehearse same-region and cross-region cases.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Region {
    #[default]
    WestEurope,
    NorthEurope,
    UkSouth,
    FranceCentral,
    GermanyWestCentral,
    SwedenCentral,
    EastUs,
    EastUs2,
    WestUs2,
    CentralUs,
    SoutheastAsia,
    AustraliaEast,
}

impl Region {
    pub const ALL: [Region; 12] = [
        Region::WestEurope,
        Region::NorthEurope,
        Region::UkSouth,
        Region::FranceCentral,
        Region::GermanyWestCentral,
        Region::SwedenCentral,
        Region::EastUs,
        Region::EastUs2,
        Region::WestUs2,
        Region::CentralUs,
        Region::SoutheastAsia,
        Region::AustraliaEast,
    ];

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
        match self {
            Region::WestEurope => "West Europe",
            Region::NorthEurope => "North Europe",
            Region::UkSouth => "UK South",
            Region::FranceCentral => "France Central",
            Region::GermanyWestCentral => "Germany West Central",
            Region::SwedenCentral => "Sweden Central",
            Region::EastUs => "East US",
            Region::EastUs2 => "East US 2",
            Region::WestUs2 => "West US 2",
            Region::CentralUs => "Central US",
            Region::SoutheastAsia => "Southeast Asia",
            Region::AustraliaEast => "Australia East",
        }
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.display_name())
    }
}
