use leptos::prelude::window;

/// Copies `text` to the clipboard (the browser may refuse; the text stays on screen).
pub fn copy_text(text: &str) {
    let _ = window().navigator().clipboard().write_text(text);
}
