//! How lists and counts read in the lab's sentences and tables.

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

/// A count with its thousands separated, as the portal writes them: `1,000`.
pub fn thousands(count: usize) -> String {
    let digits = count.to_string();
    let mut text = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
}
