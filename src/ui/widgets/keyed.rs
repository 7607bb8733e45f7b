//! The key of a row in a keyed list (`<For>`): a hash of what the row shows, so a row is drawn
//! anew exactly when what it shows changes, and left alone otherwise. Every list has the same
//! key type, so the list's bookkeeping is compiled once for all of them.

use std::hash::{DefaultHasher, Hash, Hasher};

pub fn shown<T: Hash>(row: &T) -> u64 {
    let mut hasher = DefaultHasher::new();
    row.hash(&mut hasher);
    hasher.finish()
}
