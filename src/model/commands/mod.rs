//! Every change to the state: the commands, how each is applied, and why one is refused.

mod apply;
pub mod command;
pub mod error;
