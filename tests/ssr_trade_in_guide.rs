//! Native render-to-string tests of the trade-in guide section (issue 5).
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use huanxin::domain::category::Category;
use huanxin::domain::date::Date;
use huanxin::domain::guide::parse_channel_override;
use huanxin::domain::locale::Locale;
use huanxin::ui::components::trade_in_guide::{TradeInGuide, TradeInGuideProps};
use yew::{AttrValue, LocalServerRenderer};

fn props(category: Category, region: Option<&'static str>, locale: Locale) -> TradeInGuideProps {
    TradeInGuideProps {
        category,
        region: region.map(AttrValue::from),
        purchase: Date::new(2026, 3, 1).expect("date"),
        old_age_years: Some(12.0),
        locale,
        host: None,
        host_error: None,
        kiosk: false,
    }
}

async fn render(props: TradeInGuideProps) -> String {
    LocalServerRenderer::<TradeInGuide>::with_props(props)
        .render()
        .await
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[tokio::test]
async fn guangdong_fridge_in_chinese() {
    let html = render(props(Category::Fridge, Some("GD"), Locale::Zh)).await;
    assert!(html.contains(r#"data-testid="trade-in-guide""#));
    assert!(
        html.contains(r#"data-testid="guide-over-age""#),
        "12 > 10 years"
    );
    assert!(html.contains("粤焕新"));
    assert!(!html.contains("京通"));
    assert!(html.contains(r#"data-id="cn-2026""#));
    assert!(count(&html, r#"data-testid="guide-step""#) >= 5);
    let links = count(&html, r#"data-testid="guide-link""#);
    assert!(links >= 5);
    assert_eq!(count(&html, r#"rel="noopener noreferrer""#), links);
    assert_eq!(count(&html, r#"target="_blank""#), links);
    assert!(!html.contains("qr-placeholder"));
}

#[tokio::test]
async fn english_texts() {
    let html = render(props(Category::Ac, Some("BJ"), Locale::En)).await;
    assert!(html.contains("How to claim the subsidy"));
    assert!(html.contains("Air conditioners: no 3-unit exception found"));
    assert!(html.contains("Jingtong (Beijing)"));
    assert!(!html.contains("领取补贴的步骤"));
}

#[tokio::test]
async fn kiosk_shows_addresses_instead_of_links() {
    let mut p = props(Category::Tv, None, Locale::Zh);
    p.kiosk = true;
    let html = render(p).await;
    assert!(html.contains(r#"data-testid="qr-placeholder""#));
    assert!(!html.contains(r#"data-testid="guide-link""#));
    assert!(!html.contains("<a "), "a kiosk never navigates away");
}

#[tokio::test]
async fn host_text_is_rendered_as_text() {
    let host = parse_channel_override(
        r#"{"channels":[{"name_zh":"<script>alert(1)</script>本店","desc_zh":"<img src=x onerror=alert(1)>","url":"https://shop.example.com/x?a=1&b=2"}]}"#,
    )
    .expect("markup is kept as text");
    let mut p = props(Category::Fridge, None, Locale::Zh);
    p.host = Some(Rc::new(host));
    let html = render(p).await;
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;本店"));
    assert!(html.contains(r#"data-kind="host""#));
    // The host's channel comes first.
    let host_at = html.find(r#"data-kind="host""#).unwrap_or(usize::MAX);
    let first_built_in = html.find(r#"data-id="b-"#).unwrap_or(0);
    assert!(host_at < first_built_in);
}

#[tokio::test]
async fn rejected_host_list_is_explained() {
    let error =
        parse_channel_override(r#"{"channels":[{"name_zh":"x","url":"javascript:alert(1)"}]}"#)
            .expect_err("hostile");
    let mut p = props(Category::Fridge, None, Locale::En);
    p.host_error = Some(error);
    let html = render(p).await;
    assert!(html.contains(r#"data-testid="guide-host-error" data-code="bad_url""#));
    assert!(html.contains("The built-in list is used"));
    assert!(!html.contains("javascript"));
}

#[tokio::test]
async fn every_category_renders_in_both_languages() {
    for category in Category::ALL {
        for locale in Locale::ALL {
            let html = render(props(category, Some("SH"), locale)).await;
            assert!(
                html.contains(r#"data-testid="guide-channels""#),
                "{}",
                category.slug()
            );
            assert!(
                html.contains(r#"data-testid="guide-lifetime""#)
                    || html.contains(r#"data-id="no_national_value""#),
                "{}",
                category.slug()
            );
        }
    }
}
