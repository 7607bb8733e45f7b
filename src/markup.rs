//! Markup built as text, for the few places where measured speed needs it (the reachability
//! matrix draws hundreds of cells per scroll). [`Markup`] can only grow by literal `&'static str`
//! written in the source or by text it escapes, so a name typed by a user stays text: no
//! `String` reaches `inner_html` unescaped. Pure Rust, so its escaping is tested natively.

use std::fmt::{self, Display, Write};

/// Text that is safe to hand to `inner_html`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Markup(String);

impl Markup {
    pub fn new() -> Markup {
        Markup(String::new())
    }

    /// Room for `bytes` without growing, for large tables.
    pub fn with_capacity(bytes: usize) -> Markup {
        Markup(String::with_capacity(bytes))
    }

    /// Appends markup written in the source: tags, attribute names, literal words.
    pub fn tag(&mut self, literal: &'static str) -> &mut Markup {
        self.0.push_str(literal);
        self
    }

    /// Appends `value` as text: `&`, `<`, `>`, `"` and `'` are escaped, so it is safe in
    /// element content and in quoted attribute values.
    pub fn text(&mut self, value: impl Display) -> &mut Markup {
        let _ = write!(Escaping(&mut self.0), "{value}");
        self
    }

    /// Appends markup built elsewhere, already safe.
    pub fn append(&mut self, other: &Markup) -> &mut Markup {
        self.0.push_str(&other.0);
        self
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Display for Markup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Writes through to a `String`, escaping as it goes, so `Display` values need no copy.
struct Escaping<'a>(&'a mut String);

impl Write for Escaping<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        for c in text.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                '\'' => self.0.push_str("&#39;"),
                c => self.0.push(c),
            }
        }
        Ok(())
    }
}
