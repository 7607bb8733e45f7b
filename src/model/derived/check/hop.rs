//! The path a connection takes, hop by hop, for the path picture.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

/// One hop of the path a connection takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hop<'a> {
    WebApp(&'a str),
    PointToSiteAddress(Ipv4Addr),
    Gateway(&'a str),
    Subnet(&'a str, Ipv4Net),
    Tunnel(&'a str),
    LocalNetwork(&'a str),
    /// The address the app's traffic leaves from in its integration subnet.
    IntegrationSubnet(&'a str, Ipv4Addr),
    Peering(&'a str),
    Appliance(&'a str, Ipv4Addr),
    NatGateway(&'a str, Ipv4Addr),
    /// R29: public traffic with Route All off leaves by the app's shared outbound addresses,
    /// outside the VNet.
    SharedOutbound,
    Internet,
    Host(&'a str, Ipv4Addr),
}

impl Hop<'_> {
    /// What the hop is, and which one: two lines of the path picture.
    pub fn caption(&self) -> (&'static str, String) {
        match self {
            Hop::WebApp(name) => ("Web app", name.to_string()),
            Hop::PointToSiteAddress(address) => ("P2S address", address.to_string()),
            Hop::Gateway(vnet) => ("Gateway", vnet.to_string()),
            Hop::Subnet(name, prefix) => ("Subnet", format!("{name} {prefix}")),
            Hop::Tunnel(local) => ("Site-to-site tunnel", local.to_string()),
            Hop::LocalNetwork(name) => ("Local network", name.to_string()),
            Hop::IntegrationSubnet(name, address) => {
                ("Integration subnet", format!("{name} {address}"))
            }
            Hop::Peering(vnet) => ("Peering", vnet.to_string()),
            Hop::Appliance(name, address) => ("Virtual appliance", format!("{name} {address}")),
            Hop::NatGateway(name, address) => ("NAT gateway", format!("{name} {address}")),
            Hop::SharedOutbound => ("Shared outbound addresses", "of the app".to_string()),
            Hop::Internet => ("Internet", String::new()),
            Hop::Host(name, address) => ("Host", format!("{name} {address}")),
        }
    }
}
