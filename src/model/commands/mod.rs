//! Every change to the state: the commands, how each is applied, and why one is refused.

mod apply;
/// The vocabulary lives below `derived`, which names commands in its fixes and plans; its
/// old path stays for those who import it from here.
pub use super::command;
pub mod error;
