//! Stable ids: an entity keeps its id when renamed, and ids are never reused.

use serde::{Deserialize, Serialize};

macro_rules! id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id!(
    /// An App Service plan.
    PlanId
);
id!(
    /// A web app.
    WebAppId
);
id!(
    /// A virtual network.
    VnetId
);
id!(
    /// A virtual machine in a virtual network.
    VmId
);
id!(
    /// A local (on-premises) network.
    LocalNetworkId
);
id!(
    /// A server on a local network.
    ServerId
);
id!(
    /// A Hybrid Connection.
    HybridConnectionId
);
id!(
    /// A network security group.
    NsgId
);
id!(
    /// A route table.
    RouteTableId
);
id!(
    /// A NAT gateway.
    NatGatewayId
);
id!(
    /// A public host on the internet that web apps call.
    InternetHostId
);
id!(
    /// A private endpoint of an Azure service in a subnet.
    PrivateEndpointId
);
id!(
    /// A private DNS zone.
    PrivateDnsZoneId
);
