//! Native render-to-string tests of the app shell (yew `ssr`).
#![cfg(not(target_arch = "wasm32"))]

use huanxin::domain::category::Category;
use huanxin::domain::locale::Locale;
use huanxin::ui::app::AppProps;
use huanxin::App;
use yew::LocalServerRenderer;

async fn render(locale: Locale) -> String {
    LocalServerRenderer::<App>::with_props(AppProps { locale })
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
