//! What a step of the check is: a finding that passed or the problem it stopped at, the stage
//! each belongs to, and its sentence.

use std::fmt;

use super::{Finding, Problem};

/// One evaluated step.
#[derive(Clone, Debug, PartialEq)]
pub enum Step<'a> {
    /// A link of the chain that holds.
    Passed(Finding<'a>),
    /// The broken link: the last step of a report that has one.
    Failed(Problem<'a>),
}

impl<'a> From<Finding<'a>> for Step<'a> {
    fn from(finding: Finding<'a>) -> Self {
        Step::Passed(finding)
    }
}

impl<'a> From<Problem<'a>> for Step<'a> {
    fn from(problem: Problem<'a>) -> Self {
        Step::Failed(problem)
    }
}

/// The part of the chain a step belongs to, in the order they are evaluated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Protocol,
    Tier,
    Connection,
    Gateway,
    Certificate,
    RouteAll,
    NameResolution,
    RouteTable,
    SecurityGroup,
    Route,
    Firewall,
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Stage::Protocol => "Direction and protocol",
            Stage::Tier => "Pricing tier",
            Stage::Connection => "VNet connection",
            Stage::Gateway => "Gateway and point-to-site",
            Stage::Certificate => "Certificate",
            Stage::RouteAll => "Route All scope",
            Stage::RouteTable => "Effective route",
            Stage::SecurityGroup => "Network security group",
            Stage::NameResolution => "Name resolution",
            Stage::Route => "Route",
            Stage::Firewall => "Firewall",
        })
    }
}

impl<'a> Step<'a> {
    pub fn stage(&self) -> Stage {
        match self {
            Step::Passed(finding) => finding.stage(),
            Step::Failed(problem) => problem.stage(),
        }
    }

    pub fn passed(&self) -> bool {
        matches!(self, Step::Passed(_))
    }

    /// The problem of a failed step, which has the fix.
    pub fn problem(&self) -> Option<&Problem<'a>> {
        match self {
            Step::Passed(_) => None,
            Step::Failed(problem) => Some(problem),
        }
    }
}

impl fmt::Display for Step<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Step::Passed(finding) => finding.fmt(f),
            Step::Failed(problem) => problem.fmt(f),
        }
    }
}
