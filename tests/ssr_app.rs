//! Native render-to-string tests of the app shell (yew `ssr`).
#![cfg(not(target_arch = "wasm32"))]

use huanxin::domain::category::Category;
use huanxin::domain::locale::Locale;
use huanxin::App;
use yew::LocalServerRenderer;

mod common;

async fn render_query(locale: Locale, query: &str) -> String {
    LocalServerRenderer::<App>::with_props(common::props(locale, query))
        .render()
        .await
}

async fn render(locale: Locale) -> String {
    LocalServerRenderer::<App>::with_props(common::props(locale, ""))
        .render()
        .await
}

#[tokio::test]
async fn chinese_shell_lists_every_category() {
    let html = render(Locale::Zh).await;
    assert!(html.contains("换新算"));
    assert!(html.contains(r#"lang="zh-CN""#));
    for c in Category::ALL {
        assert!(html.contains(c.name(Locale::Zh)), "missing {}", c.slug());
        assert!(html.contains(&format!(r#"data-testid="cat-{}""#, c.slug())));
    }
    // The static page is not yet the running app.
    assert!(html.contains(r#"data-hydrated="false""#));
}

#[tokio::test]
async fn english_shell() {
    let html = render(Locale::En).await;
    assert!(html.contains("Huanxin"));
    assert!(html.contains("Refrigerator"));
    assert!(!html.contains("冰箱"));
}

#[tokio::test]
async fn deep_link_prefills_and_shows_results() {
    let html = render_query(
        Locale::Zh,
        "?cat=fridge&price=5999&grade=1&old_kwh_24h=1.2&new_kwh_24h=0.5&date=2026-05-01",
    )
    .await;
    assert!(html.contains(r#"data-testid="annual-money-saved""#));
    assert!(html.contains(r#"data-testid="price""#));
    assert!(html.contains(r#"value="5999""#));
    // 2026 national: 15 % of 5999 = 899.85
    assert!(
        html.contains(r#"data-testid="subsidy" data-value="899.85""#),
        "{html}"
    );
}

#[tokio::test]
async fn unknown_link_parameter_is_named() {
    let html = render_query(Locale::En, "?cat=tv&bogus=1").await;
    assert!(html.contains("bogus"));
    assert!(html.contains(r#"data-testid="link-notices""#));
}
