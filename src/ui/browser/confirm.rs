use leptos::prelude::window;

/// Asks `question` in the browser's own dialog; `false` when the user declines or it cannot ask.
pub fn confirmed(question: &str) -> bool {
    window().confirm_with_message(question).unwrap_or(false)
}
