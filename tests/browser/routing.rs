use vnet_lab::ui::route::{Route, Section};
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn empty_hash_is_the_web_apps_list() {
    assert_eq!(Route::from_hash(""), Route::Section(Section::WebApps));
    assert_eq!(Route::from_hash("#/"), Route::Section(Section::WebApps));
}

#[wasm_bindgen_test]
fn every_section_round_trips_through_its_href() {
    for section in Section::ALL {
        assert_eq!(Route::from_hash(&section.href()), Route::Section(section));
    }
}

#[wasm_bindgen_test]
fn unknown_hash_is_not_found_and_keeps_the_path() {
    assert_eq!(
        Route::from_hash("#/no-such-view/x"),
        Route::NotFound("no-such-view/x".to_string())
    );
}
