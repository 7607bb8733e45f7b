use strum::IntoEnumIterator;
use vnet_lab::model::entities::host::Protocol;
use vnet_lab::model::entities::ids::{VnetId, WebAppId};
use vnet_lab::ui::route::{CheckQuery, Route, Section, VnetTab};
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn empty_hash_is_the_web_apps_list() {
    assert_eq!(Route::from_hash(""), Route::Section(Section::WebApps));
    assert_eq!(Route::from_hash("#/"), Route::Section(Section::WebApps));
}

#[wasm_bindgen_test]
fn every_section_round_trips_through_its_href() {
    for section in Section::iter() {
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

#[wasm_bindgen_test]
fn a_check_round_trips_with_any_host_text() {
    for host in ["10.1.1.5", "sql01.corp.contoso.com", "a b/c#d%é"] {
        let route = Route::Check(CheckQuery {
            app: WebAppId(7),
            host: host.to_string(),
            port: 1433,
            protocol: Protocol::Udp,
        });
        assert_eq!(Route::from_hash(&route.href()), route, "{}", route.href());
    }
    assert_eq!(
        Route::from_hash("#/connection-check/7/10.1.1.5/1433/tcp"),
        Route::Check(CheckQuery {
            app: WebAppId(7),
            host: "10.1.1.5".into(),
            port: 1433,
            protocol: Protocol::Tcp,
        })
    );
}

#[wasm_bindgen_test]
fn a_malformed_check_is_not_found() {
    for hash in [
        "#/connection-check/x/10.1.1.5/1433/tcp",
        "#/connection-check/7/10.1.1.5/port/tcp",
        "#/connection-check/7/10.1.1.5/1433/gopher",
        "#/connection-check/7/10.1.1.5/1433/tcp/extra",
    ] {
        assert!(
            matches!(Route::from_hash(hash), Route::NotFound(_)),
            "{hash}"
        );
    }
}

#[wasm_bindgen_test]
fn the_matrix_the_range_tab_and_a_share_link_have_their_routes() {
    assert_eq!(Route::from_hash("#/connection-check/matrix"), Route::Matrix);
    let tab = Route::VirtualNetwork(VnetId(3), VnetTab::AddressRanges);
    assert_eq!(Route::from_hash(&tab.href()), tab);
    assert_eq!(
        Route::from_hash("#/share/eyJzY2hlbWEiOjF9"),
        Route::Share("eyJzY2hlbWEiOjF9".into())
    );
}
