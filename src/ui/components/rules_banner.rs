use yew::prelude::*;

use crate::domain::data::{region, rule_sets, RuleSet};
use crate::domain::date::Date;
use crate::domain::locale::Locale;
use crate::ui::markup::Markup;

#[derive(Properties, PartialEq)]
pub struct RulesBannerProps {
    pub locale: Locale,
    /// The day whose rules are shown (the device's today; the build day in the static page).
    pub today: Date,
}

/// The national trade-in subsidy rules in force today, with their source and the day they were
/// last checked; local schemes in force today are listed behind a disclosure.
///
/// It is part of the static first paint, so it must read only compiled-in data and its props.
#[component]
pub fn RulesBanner(props: &RulesBannerProps) -> Html {
    let locale = props.locale;
    let today = props.today;
    let national: Vec<&'static RuleSet> = rule_sets()
        .iter()
        .filter(|r| r.jurisdiction == "CN" && r.in_force(today))
        .collect();
    let local: Vec<&'static RuleSet> = rule_sets()
        .iter()
        .filter(|r| r.jurisdiction != "CN" && r.in_force(today))
        .collect();
    // Written as text (`Markup`): no events, and yew's `html!` would build every element in code.
    // The static first paint and the app write the same text, so the takeover moves nothing.
    let mut m = Markup::new();
    m.raw(r#"<section data-testid="rules-banner" aria-labelledby="hx-rules-title" class="hx-rules"><h2 id="hx-rules-title" class="hx-rules__title">"#)
        .text(locale.pick("今天适用的以旧换新补贴", "Trade-in subsidy in force today"))
        .element(
            r#"<span class="hx-rules__date">"#,
            &format!(" · {}", long_date(today, locale)),
            "</span></h2>",
        );
    if national.is_empty() {
        m.element(
            r#"<p data-testid="rules-none" class="hx-rules__none">"#,
            &no_national_text(today, locale),
            "</p>",
        );
    }
    for rule in national.iter().copied() {
        rule_entry(&mut m, rule, locale, true);
    }
    if !local.is_empty() {
        m.element(
            r#"<details data-testid="rules-local" class="hx-rules__local"><summary>"#,
            &locale.pick(
                format!("另有{}项地方补贴", local.len()),
                format!(
                    "Plus {} local scheme{}",
                    local.len(),
                    if local.len() == 1 { "" } else { "s" }
                ),
            ),
            "</summary>",
        );
        for rule in local.iter().copied() {
            rule_entry(&mut m, rule, locale, false);
        }
        m.raw("</details>");
    }
    m.element(
        r#"<p class="hx-rules__hint">"#,
        locale.pick(
            "计算时按您填写的购买日期所适用的规则。",
            "Results use the rules in force on the purchase date you enter.",
        ),
        "</p></section>",
    );
    m.into_html()
}

/// One rule set: name, period, summary, then its source, check date and confidence.
fn rule_entry(m: &mut Markup, rule: &'static RuleSet, locale: Locale, national: bool) {
    let source = &rule.source;
    let name = locale.pick(rule.name_zh, rule.name_en);
    let place = if national {
        None
    } else {
        region(rule.jurisdiction).map(|r| locale.pick(r.name_zh, r.name_en))
    };
    let period = format!(
        "{}{}{}",
        long_date(data_day(rule.valid_from), locale),
        locale.pick("至", " – "),
        long_date(data_day(rule.valid_to), locale)
    );
    // Only plain web addresses from the compiled data become links.
    let link = (source.url.starts_with("https://") || source.url.starts_with("http://"))
        .then_some(source.url);
    m.raw(r#"<div data-testid="rule-set""#)
        .attr("data-id", rule.id)
        .raw(r#" class="hx-rules__set"><p class="hx-rules__name">"#);
    if let Some(place) = place {
        m.text(&format!("{place} · "));
    }
    m.element("<strong>", name, "</strong>")
        .element(
            r#"<span class="hx-rules__period">"#,
            &locale.pick(format!("（{period}）"), format!(" ({period})")),
            r#"</span></p><p class="hx-rules__summary">"#,
        )
        .text(locale.pick(rule.note_zh, rule.note_en))
        .raw(r#"</p><p data-testid="rule-source" class="hx-rules__source">"#)
        .text(locale.pick("来源：", "Source: "));
    match link {
        Some(url) => {
            m.raw("<a")
                .attr("href", url)
                .raw(r#" rel="noopener noreferrer" target="_blank" class="hx-rules__link">"#)
                .text(source.name)
                .raw("</a>");
        }
        None => {
            m.text(source.name);
        }
    }
    let checked = long_date(data_day(source.as_of), locale);
    m.raw(r#"<span data-testid="rule-as-of""#)
        .attr("data-value", source.as_of)
        .element(
            ">",
            &locale.pick(format!("（{checked} 核对"), format!(" (checked {checked}")),
            "</span>",
        )
        .raw(r#"<span data-testid="rule-confidence""#)
        .attr("data-value", source.confidence.code())
        .element(
            ">",
            &format!(
                "{}{}{}",
                locale.pick("，", ", "),
                source.confidence.label(locale),
                locale.pick("）", ")")
            ),
            "</span></p></div>",
        );
}

/// What to say when no national rule set covers `today` (e.g. after the last known one ended).
fn no_national_text(today: Date, locale: Locale) -> String {
    let last = rule_sets()
        .iter()
        .filter(|r| r.jurisdiction == "CN" && data_day(r.valid_to) < today)
        .max_by_key(|r| data_day(r.valid_to));
    match last {
        Some(rule) => locale.pick(
            format!(
                "我们的资料中没有{}适用的全国补贴规则；最近一期“{}”已于{}结束。",
                long_date(today, Locale::Zh),
                rule.name_zh,
                long_date(data_day(rule.valid_to), Locale::Zh)
            ),
            format!(
                "Our data has no national rules for {}; the latest, “{}”, ended on {}.",
                long_date(today, Locale::En),
                rule.name_en,
                long_date(data_day(rule.valid_to), Locale::En)
            ),
        ),
        None => locale.pick(
            format!(
                "我们的资料中没有{}适用的全国补贴规则。",
                long_date(today, Locale::Zh)
            ),
            format!(
                "Our data has no national rules for {}.",
                long_date(today, Locale::En)
            ),
        ),
    }
}

/// A data date (checked by `build.rs`).
fn data_day(text: &str) -> Date {
    crate::domain::data::data_date(text)
}

/// `2026年1月1日` or `1 Jan 2026`.
fn long_date(date: Date, locale: Locale) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match locale.shown() {
        Locale::Zh => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
        Locale::En => {
            let month = MONTHS
                .get(usize::from(date.month().saturating_sub(1)))
                .copied()
                .unwrap_or("");
            format!("{} {} {}", date.day(), month, date.year())
        }
    }
}
