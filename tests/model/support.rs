//! Shared by the model tests: the sample subscription and short ways to find things in it.
// Each test file uses its own part of these helpers.
#![allow(dead_code)]

use vnet_lab::model::derived::check::{self, Report, Target};
use vnet_lab::model::entities::host::Protocol;
use vnet_lab::model::entities::ids::{LocalNetworkId, PlanId, VnetId, WebAppId};
use vnet_lab::model::{Command, CommandError, Event, Subscription};

pub fn sample() -> Subscription {
    Subscription::sample()
}

pub fn app(s: &Subscription, name: &str) -> WebAppId {
    s.web_app_named(name)
        .unwrap_or_else(|| panic!("no web app {name}"))
        .id
}

pub fn vnet(s: &Subscription, name: &str) -> VnetId {
    s.vnet_named(name)
        .unwrap_or_else(|| panic!("no VNet {name}"))
        .id
}

pub fn local(s: &Subscription, name: &str) -> LocalNetworkId {
    s.local_network_named(name)
        .unwrap_or_else(|| panic!("no local network {name}"))
        .id
}

pub fn plan(s: &Subscription, name: &str) -> PlanId {
    s.plans
        .values()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no plan {name}"))
        .id
}

pub fn ok(s: &mut Subscription, command: Command) -> Event {
    s.apply(command.clone())
        .unwrap_or_else(|e| panic!("{command:?} failed: {e}"))
}

/// Applies a command that must fail, checks the state is unchanged, and returns the error.
pub fn refused(s: &mut Subscription, command: Command) -> CommandError {
    let before = s.clone();
    let error = s
        .apply(command.clone())
        .expect_err(&format!("{command:?} should be refused"));
    assert_eq!(*s, before, "a refused command changed the state");
    error
}

pub fn tcp(host: &str, port: u16) -> Target<'_> {
    Target {
        host,
        port,
        protocol: Protocol::Tcp,
    }
}

pub fn run<'a>(s: &'a Subscription, app: WebAppId, target: Target<'a>) -> Report<'a> {
    check::run(s, app, target)
}
