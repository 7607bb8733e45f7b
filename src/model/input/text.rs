//! How lists read in the lab's sentences and tables.

use std::fmt::{Display, Write};

/// `items` one after another, `separator` between them: `join(&prefixes, ", ")`.
pub fn join<T: Display>(items: impl IntoIterator<Item = T>, separator: &str) -> String {
    let mut text = String::new();
    for (index, item) in items.into_iter().enumerate() {
        if index > 0 {
            text.push_str(separator);
        }
        let _ = write!(text, "{item}");
    }
    text
}
