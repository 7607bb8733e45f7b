//! Azure regions. Every plan and every virtual network is in one (SPEC §9); regional VNet
//! Integration needs both in the same region (R25).

use serde::{Deserialize, Serialize};

/// Azure's public-cloud physical regions, so any real template's `location` reads (R39).
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
    // The rest of Azure's public-cloud regions, appended so data stored with the first twelve
    // keeps reading; names as `az account list-locations` gives them.
    #[strum(to_string = "North Central US")]
    NorthCentralUs,
    #[strum(to_string = "South Central US")]
    SouthCentralUs,
    #[strum(to_string = "West Central US")]
    WestCentralUs,
    #[strum(to_string = "West US")]
    WestUs,
    #[strum(to_string = "West US 3")]
    WestUs3,
    #[strum(to_string = "Canada Central")]
    CanadaCentral,
    #[strum(to_string = "Canada East")]
    CanadaEast,
    #[strum(to_string = "Mexico Central")]
    MexicoCentral,
    #[strum(to_string = "Brazil South")]
    BrazilSouth,
    #[strum(to_string = "Brazil Southeast")]
    BrazilSoutheast,
    #[strum(to_string = "Chile Central")]
    ChileCentral,
    #[strum(to_string = "Austria East")]
    AustriaEast,
    #[strum(to_string = "Belgium Central")]
    BelgiumCentral,
    #[strum(to_string = "Denmark East")]
    DenmarkEast,
    #[strum(to_string = "France South")]
    FranceSouth,
    #[strum(to_string = "Germany North")]
    GermanyNorth,
    #[strum(to_string = "Italy North")]
    ItalyNorth,
    #[strum(to_string = "Norway East")]
    NorwayEast,
    #[strum(to_string = "Norway West")]
    NorwayWest,
    #[strum(to_string = "Poland Central")]
    PolandCentral,
    #[strum(to_string = "Spain Central")]
    SpainCentral,
    #[strum(to_string = "Switzerland North")]
    SwitzerlandNorth,
    #[strum(to_string = "Switzerland West")]
    SwitzerlandWest,
    #[strum(to_string = "UK West")]
    UkWest,
    #[strum(to_string = "Israel Central")]
    IsraelCentral,
    #[strum(to_string = "Qatar Central")]
    QatarCentral,
    #[strum(to_string = "UAE Central")]
    UaeCentral,
    #[strum(to_string = "UAE North")]
    UaeNorth,
    #[strum(to_string = "South Africa North")]
    SouthAfricaNorth,
    #[strum(to_string = "South Africa West")]
    SouthAfricaWest,
    #[strum(to_string = "Australia Central")]
    AustraliaCentral,
    #[strum(to_string = "Australia Central 2")]
    AustraliaCentral2,
    #[strum(to_string = "Australia Southeast")]
    AustraliaSoutheast,
    #[strum(to_string = "Central India")]
    CentralIndia,
    #[strum(to_string = "East Asia")]
    EastAsia,
    #[strum(to_string = "Indonesia Central")]
    IndonesiaCentral,
    #[strum(to_string = "Japan East")]
    JapanEast,
    #[strum(to_string = "Japan West")]
    JapanWest,
    #[strum(to_string = "Jio India Central")]
    JioIndiaCentral,
    #[strum(to_string = "Jio India West")]
    JioIndiaWest,
    #[strum(to_string = "Korea Central")]
    KoreaCentral,
    #[strum(to_string = "Korea South")]
    KoreaSouth,
    #[strum(to_string = "Malaysia West")]
    MalaysiaWest,
    #[strum(to_string = "New Zealand North")]
    NewZealandNorth,
    #[strum(to_string = "South India")]
    SouthIndia,
    #[strum(to_string = "West India")]
    WestIndia,
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
            Region::NorthCentralUs => "northcentralus",
            Region::SouthCentralUs => "southcentralus",
            Region::WestCentralUs => "westcentralus",
            Region::WestUs => "westus",
            Region::WestUs3 => "westus3",
            Region::CanadaCentral => "canadacentral",
            Region::CanadaEast => "canadaeast",
            Region::MexicoCentral => "mexicocentral",
            Region::BrazilSouth => "brazilsouth",
            Region::BrazilSoutheast => "brazilsoutheast",
            Region::ChileCentral => "chilecentral",
            Region::AustriaEast => "austriaeast",
            Region::BelgiumCentral => "belgiumcentral",
            Region::DenmarkEast => "denmarkeast",
            Region::FranceSouth => "francesouth",
            Region::GermanyNorth => "germanynorth",
            Region::ItalyNorth => "italynorth",
            Region::NorwayEast => "norwayeast",
            Region::NorwayWest => "norwaywest",
            Region::PolandCentral => "polandcentral",
            Region::SpainCentral => "spaincentral",
            Region::SwitzerlandNorth => "switzerlandnorth",
            Region::SwitzerlandWest => "switzerlandwest",
            Region::UkWest => "ukwest",
            Region::IsraelCentral => "israelcentral",
            Region::QatarCentral => "qatarcentral",
            Region::UaeCentral => "uaecentral",
            Region::UaeNorth => "uaenorth",
            Region::SouthAfricaNorth => "southafricanorth",
            Region::SouthAfricaWest => "southafricawest",
            Region::AustraliaCentral => "australiacentral",
            Region::AustraliaCentral2 => "australiacentral2",
            Region::AustraliaSoutheast => "australiasoutheast",
            Region::CentralIndia => "centralindia",
            Region::EastAsia => "eastasia",
            Region::IndonesiaCentral => "indonesiacentral",
            Region::JapanEast => "japaneast",
            Region::JapanWest => "japanwest",
            Region::JioIndiaCentral => "jioindiacentral",
            Region::JioIndiaWest => "jioindiawest",
            Region::KoreaCentral => "koreacentral",
            Region::KoreaSouth => "koreasouth",
            Region::MalaysiaWest => "malaysiawest",
            Region::NewZealandNorth => "newzealandnorth",
            Region::SouthIndia => "southindia",
            Region::WestIndia => "westindia",
        }
    }

    /// The name the portal shows: `West Europe`.
    pub fn display_name(self) -> &'static str {
        self.into()
    }
}
