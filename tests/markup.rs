//! Markup built as text escapes whatever a user typed (the matrix's names, say).

use vnet_lab::markup::Markup;

const NAME: &str = r#"<img src=x onerror="alert('&')">"#;

#[test]
fn a_name_with_markup_characters_comes_out_escaped() {
    let mut html = Markup::new();
    html.tag("<th scope=\"row\" title=\"")
        .text(NAME)
        .tag("\">")
        .text(NAME)
        .tag("</th>");
    let escaped = "&lt;img src=x onerror=&quot;alert(&#39;&amp;&#39;)&quot;&gt;";
    assert_eq!(
        html.as_str(),
        format!("<th scope=\"row\" title=\"{escaped}\">{escaped}</th>")
    );
}

#[test]
fn numbers_and_plain_words_pass_unchanged() {
    let mut html = Markup::new();
    html.text(1433).tag(" ").text("corpVnet 10.1.0.0/16");
    assert_eq!(html.as_str(), "1433 corpVnet 10.1.0.0/16");
}

#[test]
fn appended_markup_is_not_escaped_twice() {
    let mut cell = Markup::new();
    cell.tag("<td>").text("a & b").tag("</td>");
    let mut row = Markup::new();
    row.tag("<tr>").append(&cell).tag("</tr>");
    assert_eq!(row.as_str(), "<tr><td>a &amp; b</td></tr>");
}
