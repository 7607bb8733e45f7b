//! Markup built as text, for the one view too large for per-node rendering (the matrix): every
//! name goes through [`escape`], so markup typed in a name stays text.

/// Escapes the five characters that are markup in element content and quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Builds a `<table>` from header cells and rows of cells that are already markup.
pub fn table(class: &str, head: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut html = format!("<table class=\"{class}\" tabindex=\"0\"><thead><tr>");
    for cell in head {
        html.push_str(&format!("<th scope=\"col\">{}</th>", escape(cell)));
    }
    html.push_str("</tr></thead><tbody>");
    for row in rows {
        html.push_str("<tr>");
        for cell in row {
            html.push_str(&format!("<td>{cell}</td>"));
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table>");
    html
}

/// `<span class="badge …">text</span>`
pub fn badge(class: &str, text: &str) -> String {
    format!("<span class=\"badge {class}\">{}</span>", escape(text))
}

/// `<code>text</code>`
pub fn code(text: &str) -> String {
    format!("<code>{}</code>", escape(text))
}
