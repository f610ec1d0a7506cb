//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounted in a real DOM.
#![cfg(target_arch = "wasm32")]

use huanxin::domain::locale::Locale;
use huanxin::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_root() -> web_sys::Element {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

fn query(root: &web_sys::Element, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .dyn_into()
        .unwrap()
}

#[wasm_bindgen_test]
async fn mounts_and_picks_a_category() {
    let root = fresh_root();
    yew::Renderer::<App>::with_root_and_props(root.clone(), common::props(Locale::Zh, "")).render();
    yew::scheduler::flush().await;
    assert!(root.text_content().unwrap().contains("换新算"));
    let fridge = query(&root, "[data-testid=cat-fridge]");
    assert_eq!(
        fridge.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    fridge.click();
    yew::scheduler::flush().await;
    assert_eq!(
        fridge.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    let app = query(&root, "[data-testid=app-ready]");
    assert_eq!(app.get_attribute("data-hydrated").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn switches_language() {
    let root = fresh_root();
    yew::Renderer::<App>::with_root_and_props(root.clone(), common::props(Locale::Zh, "")).render();
    yew::scheduler::flush().await;
    query(&root, "[data-testid=lang-switch]").click();
    yew::scheduler::flush().await;
    assert!(root.text_content().unwrap().contains("Refrigerator"));
    assert_eq!(
        gloo::utils::document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("en")
    );
}
