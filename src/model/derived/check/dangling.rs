//! SPEC §4: a reference the check follows to something the subscription does not hold is a
//! failed step that names it.

use std::fmt;

use super::Stage;
use crate::model::entities::ids::{NatGatewayId, NsgId, PlanId, RouteTableId, VnetId, WebAppId};

/// A reference the check follows to something the subscription does not hold (SPEC §4).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dangling<'a> {
    WebApp {
        app: WebAppId,
    },
    Plan {
        app: &'a str,
        plan: PlanId,
    },
    /// The integration's VNet, of either kind.
    VirtualNetwork {
        app: WebAppId,
        vnet: VnetId,
    },
    /// The regional integration's subnet.
    Subnet {
        app: WebAppId,
        vnet: &'a str,
        subnet: &'a str,
    },
    /// What the integration subnet is associated with.
    OfSubnet {
        vnet: VnetId,
        vnet_name: &'a str,
        subnet: &'a str,
        what: SubnetReference,
    },
}

/// An association of a subnet (R29–R31).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubnetReference {
    NetworkSecurityGroup(NsgId),
    RouteTable(RouteTableId),
    NatGateway(NatGatewayId),
}

impl SubnetReference {
    /// What the check cannot know without it.
    fn unknown(&self) -> &'static str {
        match self {
            SubnetReference::NetworkSecurityGroup(_) => "its rules are unknown",
            SubnetReference::RouteTable(_) => "its routes are unknown",
            SubnetReference::NatGateway(_) => "its public IP is unknown",
        }
    }
}

impl fmt::Display for SubnetReference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SubnetReference::NetworkSecurityGroup(id) => {
                write!(f, "the network security group {id}")
            }
            SubnetReference::RouteTable(id) => write!(f, "the route table {id}"),
            SubnetReference::NatGateway(id) => write!(f, "the NAT gateway {id}"),
        }
    }
}

impl fmt::Display for Dangling<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Dangling::WebApp { app } => write!(f, "The web app {app} is not in the subscription, so there is nothing to check."),
            Dangling::Plan { app, plan } => write!(f, "The web app {app} names the App Service plan {plan}, which is not in the subscription, so its pricing tier is unknown."),
            Dangling::VirtualNetwork { vnet, .. } => write!(f, "The web app's integration names the virtual network {vnet}, which is not in the subscription, so the connection cannot be followed."),
            Dangling::Subnet { vnet, subnet, .. } => write!(f, "The web app's integration names the subnet {subnet} of {vnet}, which {vnet} does not have, so the connection cannot be followed."),
            Dangling::OfSubnet { vnet_name, subnet, what, .. } => write!(f, "The subnet {subnet} of {vnet_name} names {what}, which is not in the subscription, so {}.", what.unknown()),
        }
    }
}

impl Dangling<'_> {
    pub(super) fn stage(&self) -> Stage {
        match self {
            Dangling::WebApp { .. } | Dangling::VirtualNetwork { .. } | Dangling::Subnet { .. } => {
                Stage::Connection
            }
            Dangling::Plan { .. } => Stage::Tier,
            Dangling::OfSubnet { what, .. } => match what {
                SubnetReference::NetworkSecurityGroup(_) => Stage::SecurityGroup,
                SubnetReference::RouteTable(_) => Stage::RouteTable,
                SubnetReference::NatGateway(_) => Stage::Route,
            },
        }
    }
}
