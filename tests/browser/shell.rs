use leptos::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

use super::support::{mount_app, settle, text_of};

#[wasm_bindgen_test]
async fn navigation_follows_the_hash_and_marks_the_current_entry() {
    window().location().set_hash("#/virtual-networks").unwrap();
    let app = mount_app();
    settle().await;
    assert_eq!(text_of(&app, "h1"), "Virtual networks");
    assert_eq!(
        text_of(&app, "nav a[aria-current=page]"),
        "Virtual networks"
    );

    window().location().set_hash("#/activity-log").unwrap();
    settle().await;
    assert_eq!(text_of(&app, "h1"), "Activity log");
    assert_eq!(text_of(&app, "nav a[aria-current=page]"), "Activity log");
    assert_eq!(
        text_of(&app, ".breadcrumbs li[aria-current=page]"),
        "Activity log"
    );
}
