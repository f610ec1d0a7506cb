//! The rules banner of the first screen (also the static first paint), rendered natively.
#![cfg(not(target_arch = "wasm32"))]

use huanxin::domain::date::Date;
use huanxin::domain::locale::Locale;
use huanxin::ui::components::rules_banner::{RulesBanner, RulesBannerProps};
use yew::LocalServerRenderer;

async fn render(locale: Locale, y: i32, m: u8, d: u8) -> String {
    let today = Date::new(y, m, d).expect("a valid test date");
    LocalServerRenderer::<RulesBanner>::with_props(RulesBannerProps { locale, today })
        .hydratable(false)
        .render()
        .await
}

#[tokio::test]
async fn shows_the_national_rules_in_force_with_source_and_check_date() {
    let html = render(Locale::Zh, 2026, 11, 29).await;
    assert!(html.contains(r#"data-id="cn-2026""#), "{html}");
    assert!(html.contains("2026年全国家电以旧换新补贴"));
    assert!(html.contains("2026年1月1日至2026年12月31日"));
    assert!(html.contains(r#"data-testid="rule-source""#));
    assert!(
        html.contains(r#"<a href="https://"#),
        "the source is a link"
    );
    assert!(html.contains(r#"data-testid="rule-as-of" data-value="2026-"#));
    assert!(html.contains(r#"data-testid="rule-confidence" data-value="verified""#));
    // Not the sets of other years.
    assert!(!html.contains(r#"data-id="cn-2025""#));
    assert!(!html.contains(r#"data-id="cn-2024""#));
}

#[tokio::test]
async fn local_schemes_sit_behind_a_disclosure() {
    let html = render(Locale::Zh, 2026, 11, 29).await;
    let local = html
        .find(r#"data-testid="rules-local""#)
        .expect("local schemes in force in 2026");
    assert!(html[local..].contains(r#"data-id="sh-2026-local""#));
    assert!(html[local..].contains("上海"));
}

#[tokio::test]
async fn english() {
    let html = render(Locale::En, 2025, 6, 1).await;
    assert!(html.contains("Trade-in subsidy in force today"));
    assert!(html.contains(r#"data-id="cn-2025""#));
    assert!(html.contains("1 Jan 2025 – 31 Dec 2025"));
    assert!(html.contains("Source: "));
    assert!(!html.contains("今天适用"));
}

#[tokio::test]
async fn after_the_last_known_rules_it_says_so() {
    let html = render(Locale::Zh, 2027, 6, 1).await;
    assert!(html.contains(r#"data-testid="rules-none""#), "{html}");
    assert!(html.contains("2026年12月31日结束"));
    assert!(!html.contains(r#"data-testid="rule-set""#));
    let html = render(Locale::En, 2020, 1, 1).await;
    assert!(html.contains("Our data has no national rules for 1 Jan 2020."));
}
