//! Native render-to-string tests of the result components: grade comparison, cost chart,
//! assumptions panel and label diagram, in Chinese and English.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use huanxin::domain::category::Category;
use huanxin::domain::date::Date;
use huanxin::domain::evaluate::{evaluate, fields, Evaluation, Form};
use huanxin::domain::locale::Locale;
use huanxin::ui::components::assumptions_panel::{AssumptionsPanel, AssumptionsPanelProps};
use huanxin::ui::components::cost_chart::{CostChart, CostChartProps};
use huanxin::ui::components::grade_comparison::{GradeComparison, GradeComparisonProps};
use huanxin::ui::components::label_diagram::{label_shows, LabelDiagram, LabelDiagramProps};
use yew::{Callback, LocalServerRenderer};

mod common;

fn today() -> Date {
    common::today()
}

/// A form with fixed prices (so the numbers below can be worked by hand) plus `pairs`.
fn form(category: &str, pairs: &[(&str, &str)]) -> Form {
    common::golden_form(category, pairs)
}

fn run(form: &Form) -> Rc<Evaluation> {
    let e = evaluate(form, today());
    assert!(e.errors.is_empty(), "unexpected errors: {:?}", e.errors);
    assert!(e.outcome.is_some(), "no outcome");
    Rc::new(e)
}

/// Fridge from its label: saves 219 kWh = ¥109.50 a year; grade 1 subsidy ¥899.85, net ¥4,999.15,
/// payback ≈ 45.7 years (beyond its lifetime, so no break-even in the chart).
fn fridge() -> (Form, Rc<Evaluation>) {
    let f = form(
        "fridge",
        &[
            ("old_kwh_24h", "1.2"),
            ("new_kwh_24h", "0.6"),
            ("grade", "1"),
            ("alt_price", "4999"),
        ],
    );
    let e = run(&f);
    (f, e)
}

/// Air conditioner with typed annual use: 2000 → 500 kWh saves ¥750 a year; price ¥3000, subsidy
/// 15 % = ¥450, trade-in ¥200, net ¥2,350: the lines cross at 2350 / 750 ≈ 3.1 years.
fn ac() -> (Form, Rc<Evaluation>) {
    let f = form(
        "ac",
        &[
            ("old_kwh_year", "2000"),
            ("new_kwh_year", "500"),
            ("grade", "1"),
            ("price", "3000"),
            ("trade_in", "200"),
        ],
    );
    let e = run(&f);
    (f, e)
}

/// Washer, grade 2 chosen: uses electricity and water.
fn washer() -> (Form, Rc<Evaluation>) {
    let f = form(
        "washer",
        &[
            ("old_kwh_cycle", "1.2"),
            ("new_kwh_cycle", "0.6"),
            ("old_water_l_cycle", "90"),
            ("new_water_l_cycle", "50"),
            ("grade", "2"),
        ],
    );
    let e = run(&f);
    (f, e)
}

/// Gas water heater: gas only.
fn gas_heater() -> (Form, Rc<Evaluation>) {
    let f = form(
        "gas_water_heater",
        &[("old_efficiency_pct", "80"), ("new_efficiency_pct", "98")],
    );
    let e = run(&f);
    (f, e)
}

async fn comparison(evaluation: &Rc<Evaluation>, locale: Locale) -> String {
    LocalServerRenderer::<GradeComparison>::with_props(GradeComparisonProps {
        locale,
        evaluation: evaluation.clone(),
    })
    .hydratable(false)
    .render()
    .await
}

async fn chart(evaluation: &Rc<Evaluation>, locale: Locale) -> String {
    LocalServerRenderer::<CostChart>::with_props(CostChartProps {
        locale,
        evaluation: evaluation.clone(),
    })
    .hydratable(false)
    .render()
    .await
}

async fn assumptions(form: &Form, evaluation: &Rc<Evaluation>, locale: Locale) -> String {
    LocalServerRenderer::<AssumptionsPanel>::with_props(AssumptionsPanelProps {
        locale,
        evaluation: evaluation.clone(),
        form: Rc::new(form.clone()),
        onedit: Callback::noop(),
        open: true,
    })
    .hydratable(false)
    .render()
    .await
}

async fn label(category: Category, highlight: Option<&'static str>, locale: Locale) -> String {
    LocalServerRenderer::<LabelDiagram>::with_props(LabelDiagramProps {
        locale,
        category,
        highlight,
    })
    .hydratable(false)
    .render()
    .await
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

// ------------------------------------------------------------------------ grade comparison

#[tokio::test]
async fn comparison_fridge_chinese() {
    let (_, e) = fridge();
    let html = comparison(&e, Locale::Zh).await;
    assert!(html.contains("<table"));
    assert!(html.contains("<caption"));
    assert!(html.contains("冰箱：旧机与1级、2级新机对比"));
    assert!(html.contains(r#"scope="col""#));
    assert!(html.contains(r#"scope="row""#));
    // Key numbers of the chosen grade 1.
    assert!(html.contains("¥109.50"), "{html}");
    assert!(html.contains("¥899.85"));
    assert!(html.contains("¥4,999.15"));
    assert!(html.contains(r#"data-testid="compare-annual-money-saved""#));
    assert!(html.contains(r#"data-value="109.5""#));
    assert!(html.contains(r#"data-value="899.85""#));
    assert!(html.contains(r#"data-value="4999.15""#));
    assert!(html.contains("219"), "kWh saved");
    // The chosen column is grade 1, marked in words and for assistive technology.
    assert_eq!(count(&html, r#"aria-current="true""#), 1);
    let chosen_head = html
        .split(r#"data-testid="compare-grade-1""#)
        .nth(1)
        .expect("grade-1 header");
    assert!(chosen_head.contains("已选"));
    assert!(html.contains("hx-compare__cell--chosen"));
    // Subsidy eligibility and its reason are shown for both grades.
    assert!(html.contains("符合条件"));
    // Electricity only: no water or gas rows.
    assert!(html.contains("每年省电（度）"));
    assert!(!html.contains("每年省水"));
    assert!(!html.contains("每年省气"));
    // Payback beyond the lifetime is said so; lifetime totals and the range are there.
    assert!(html.contains("超过使用寿命"));
    assert!(html.contains("使用寿命内"));
    assert!(html.contains("每年省钱范围"));
    // Grade 1 against grade 2 (both priced).
    assert!(html.contains(r#"data-testid="grade-one-extra""#));
    assert!(html.contains("1级比2级"));
    assert!(html.contains(r#"data-testid="compare-rule-set""#));
}

#[tokio::test]
async fn comparison_fridge_english() {
    let (_, e) = fridge();
    let html = comparison(&e, Locale::En).await;
    assert!(html.contains("Refrigerator: old unit vs grade 1 vs grade 2"));
    assert!(html.contains("¥109.50"));
    assert!(html.contains("Saved per year"));
    assert!(html.contains("chosen"));
    assert!(html.contains("eligible"));
    assert!(html.contains("Grade 1 costs"));
    assert!(!html.contains("冰箱"), "no Chinese in the English table");
    assert!(!html.contains("已选"));
}

#[tokio::test]
async fn comparison_washer_marks_grade_two_and_water() {
    let (_, e) = washer();
    for locale in Locale::ALL {
        let html = comparison(&e, locale).await;
        let chosen_head = html
            .split(r#"data-testid="compare-grade-2""#)
            .nth(1)
            .expect("grade-2 header");
        let head_tag_start = html
            .split(r#"data-testid="compare-grade-2""#)
            .next()
            .and_then(|before| before.rsplit("<th").next())
            .expect("th");
        assert!(
            head_tag_start.contains(r#"aria-current="true""#),
            "{head_tag_start}"
        );
        assert!(chosen_head.contains(locale.pick("已选", "chosen")));
        assert!(html.contains(locale.pick("每年省水（吨）", "Water saved per year (m³)")));
        assert!(html.contains(r#"data-testid="compare-annual-water-saved""#));
        // 2026: only grade 1 is subsidised nationally, so the chosen grade 2 is not eligible.
        assert!(html.contains(locale.pick("不符合条件", "not eligible")));
    }
}

#[tokio::test]
async fn comparison_gas_heater_has_gas_rows_only() {
    let (_, e) = gas_heater();
    let zh = comparison(&e, Locale::Zh).await;
    assert!(zh.contains("每年省气（立方米）"));
    assert!(!zh.contains("每年省电"));
    assert!(zh.contains(r#"data-testid="compare-annual-gas-saved""#));
    let en = comparison(&e, Locale::En).await;
    assert!(en.contains("Gas saved per year (m³)"));
}

#[tokio::test]
async fn comparison_says_no_payback_when_nothing_is_saved() {
    let f = form(
        "fridge",
        &[
            ("old_kwh_24h", "0.5"),
            ("new_kwh_24h", "0.9"),
            ("grade", "1"),
        ],
    );
    let e = run(&f);
    assert!(e
        .outcome
        .as_ref()
        .is_some_and(|o| o.chosen().payback_years.is_none()));
    assert!(comparison(&e, Locale::Zh).await.contains("无法回本"));
    assert!(comparison(&e, Locale::En).await.contains("no payback"));
}

#[tokio::test]
async fn comparison_renders_nothing_without_an_outcome() {
    let e = Rc::new(evaluate(&Form::new(), today()));
    assert!(e.outcome.is_none());
    assert!(!comparison(&e, Locale::Zh).await.contains("<table"));
}

/// True for CJK ideographs and CJK punctuation.
fn has_cjk(text: &str) -> bool {
    text.chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c))
}

#[tokio::test]
async fn english_table_and_chart_have_no_chinese() {
    for (_, e) in [fridge(), ac(), washer(), gas_heater()] {
        let table = comparison(&e, Locale::En).await;
        assert!(!has_cjk(&table), "{table}");
        let drawing = chart(&e, Locale::En).await;
        assert!(!has_cjk(&drawing), "{drawing}");
    }
}

// ------------------------------------------------------------------------------ cost chart

#[tokio::test]
async fn chart_marks_break_even() {
    let (_, e) = ac();
    let zh = chart(&e, Locale::Zh).await;
    assert!(zh.contains("<svg"));
    assert!(zh.contains(r#"role="img""#));
    assert!(zh.contains("viewBox=\"0 0 320 210\""));
    assert!(zh.contains(r#"data-testid="break-even""#), "{zh}");
    assert!(zh.contains(r#"data-value="3.13""#));
    assert!(zh.contains("约3.1年回本"));
    assert!(zh.contains("约3.1年后换新更省钱"), "aria-label summary");
    assert!(zh.contains("继续用旧机"));
    assert!(zh.contains("¥"), "yuan ticks");
    // The hidden data table carries every year.
    assert!(zh.contains(r#"data-testid="cost-chart-table""#));
    assert!(zh.contains("hx-visually-hidden"));
    // No inline colours: classes only.
    assert!(!zh.contains("stroke=\"#"));
    assert!(!zh.contains("fill=\"#"));
    assert!(!zh.contains("NaN"));
    let en = chart(&e, Locale::En).await;
    assert!(en.contains("break-even ≈ 3.1 yr"));
    assert!(en.contains("Replacing becomes cheaper after about 3.1 years."));
    assert!(en.contains("Keep the old unit"));
    assert!(!en.contains("继续"));
}

#[tokio::test]
async fn chart_without_crossing_says_so() {
    let (_, e) = fridge();
    let zh = chart(&e, Locale::Zh).await;
    assert!(zh.contains("<svg"));
    assert!(!zh.contains(r#"data-testid="break-even""#));
    assert!(zh.contains("换新的累计花费始终更高"));
    let en = chart(&e, Locale::En).await;
    assert!(en.contains("replacing always costs more in total"));
}

#[tokio::test]
async fn chart_renders_nothing_without_a_price() {
    let mut f = form("fridge", &[("old_kwh_24h", "1.2"), ("new_kwh_24h", "0.6")]);
    f.remove("price");
    let e = run(&f);
    assert!(e
        .outcome
        .as_ref()
        .is_some_and(|o| o.chosen().series.is_empty()));
    let html = chart(&e, Locale::Zh).await;
    assert!(!html.contains("<svg"), "{html}");
}

// ----------------------------------------------------------------------- assumptions panel

#[tokio::test]
async fn assumptions_list_sources_and_edit_in_place() {
    let (mut f, _) = fridge();
    // Leave the tariff to the data so its source shows and its editor is empty.
    f.remove("tariff");
    let e = run(&f);
    let outcome = e.outcome.as_ref().expect("outcome");
    let zh = assumptions(&f, &e, Locale::Zh).await;
    assert!(zh.contains("<details"));
    assert!(zh.contains("计算依据"));
    // Every assumption's label is listed.
    for a in &outcome.assumptions {
        assert!(zh.contains(a.label_zh), "missing {}", a.key);
    }
    // Links open safely in a new tab.
    assert!(zh.contains(r#"target="_blank""#));
    assert!(zh.contains(r#"rel="noopener noreferrer""#));
    // Editable assumptions have prefixed test ids and decimal keyboards.
    for a in outcome.assumptions.iter().filter(|a| a.param.is_some()) {
        let p = a.param.unwrap_or_default();
        assert!(
            zh.contains(&format!(r#"data-testid="assume-{p}""#)),
            "no editor for {p}"
        );
    }
    assert!(zh.contains(r#"data-testid="assume-tariff""#));
    assert!(zh.contains(r#"inputmode="decimal""#));
    assert!(zh.contains("改为"));
    // The rule set used and the data version.
    let rules = outcome.rule_set.expect("2026 rules");
    assert!(zh.contains(rules.name_zh));
    assert!(zh.contains(rules.valid_from));
    assert!(zh.contains(r#"data-testid="data-version""#));
    assert!(zh.contains(huanxin::domain::data::DATA_VERSION));
    let en = assumptions(&f, &e, Locale::En).await;
    assert!(en.contains("How we calculated"));
    assert!(en.contains(rules.name_en));
    assert!(en.contains("Change to"));
    for a in &outcome.assumptions {
        assert!(en.contains(a.label_en), "missing {}", a.key);
    }
}

#[tokio::test]
async fn assumptions_mark_unverified_values() {
    // A purifier's usage default is an assumption (❌ in the reference).
    let f = form(
        "water_purifier",
        &[("old_recovery_pct", "35"), ("new_recovery_pct", "65")],
    );
    let e = run(&f);
    let outcome = e.outcome.as_ref().expect("outcome");
    let has_unverified = outcome
        .assumptions
        .iter()
        .any(|a| !a.user_value && a.confidence.code() == "unverified");
    let zh = assumptions(&f, &e, Locale::Zh).await;
    let en = assumptions(&f, &e, Locale::En).await;
    if has_unverified {
        assert!(zh.contains(r#"data-confidence="unverified""#));
        assert!(zh.contains("未核实"));
        assert!(en.contains("unverified"));
    }
    // The typed prices are the buyer's own.
    assert!(zh.contains("您填写的数值"));
    assert!(en.contains("your own value"));
    // The typed water price is the editor's current text.
    assert!(zh.contains(r#"data-testid="assume-water_price""#));
    assert!(zh.contains(r#"value="4""#));
}

#[tokio::test]
async fn assumptions_show_an_unverified_badge_somewhere() {
    // Across a few categories at least one unverified assumption exists and is badged.
    let mut seen = false;
    for (f, e) in [fridge(), washer(), gas_heater(), ac()] {
        let outcome = e.outcome.as_ref().expect("outcome");
        if outcome
            .assumptions
            .iter()
            .any(|a| !a.user_value && a.confidence.code() == "unverified")
        {
            let zh = assumptions(&f, &e, Locale::Zh).await;
            assert!(zh.contains("未核实(假设)"));
            let en = assumptions(&f, &e, Locale::En).await;
            assert!(en.contains("unverified (assumption)"));
            seen = true;
        }
    }
    assert!(seen, "no unverified assumption in any of the examples");
}

#[tokio::test]
async fn assumptions_outside_every_period() {
    let f = form("fridge", &[("old_kwh_24h", "1.2"), ("date", "2023-01-01")]);
    let e = run(&f);
    assert!(e.outcome.as_ref().is_some_and(|o| o.rule_set.is_none()));
    let zh = assumptions(&f, &e, Locale::Zh).await;
    assert!(zh.contains(r#"data-testid="assume-no-rule-set""#));
    let en = assumptions(&f, &e, Locale::En).await;
    assert!(en.contains(r#"data-testid="assume-no-rule-set""#));
    let cmp = comparison(&e, Locale::En).await;
    assert!(cmp.contains("outside every known subsidy period"));
}

#[tokio::test]
async fn assumptions_show_field_errors_with_prefixed_ids() {
    let f = form("fridge", &[("old_kwh_24h", "1.2"), ("tariff", "abc")]);
    let e = Rc::new(evaluate(&f, today()));
    assert!(e.error("tariff").is_some());
    let html = assumptions(&f, &e, Locale::Zh).await;
    assert!(
        html.contains(r#"data-testid="assume-error-tariff""#),
        "{html}"
    );
    assert!(html.contains(r#"aria-invalid="true""#));
    assert!(!html.contains(r#"data-testid="error-tariff""#));
}

// --------------------------------------------------------------------------- label diagram

#[tokio::test]
async fn label_highlights_the_asked_figure() {
    let zh = label(Category::Fridge, Some("old_kwh_24h"), Locale::Zh).await;
    assert!(zh.contains("中国能效标识"));
    assert!(zh.contains("CHINA ENERGY LABEL"));
    assert!(zh.contains(r#"role="img""#));
    assert!(zh.contains("请找：耗电量"));
    assert!(zh.contains(r#"data-highlight="kwh_24h""#));
    assert_eq!(count(&zh, "hx-label__fig--on"), 1);
    assert!(zh.contains(r#"data-grades="5""#));
    let en = label(Category::Fridge, Some("new_kwh_24h"), Locale::En).await;
    assert!(en.contains("Energy use"));
    assert!(en.contains("Look for: Energy use (耗电量, kWh/24h)"));
    assert_eq!(count(&en, "hx-label__fig--on"), 1);
}

#[tokio::test]
async fn label_ac_and_grade_highlight() {
    let zh = label(Category::Ac, Some("new_apf"), Locale::Zh).await;
    assert!(zh.contains("全年能源消耗效率 APF"));
    assert!(zh.contains("制冷季节耗电量"));
    assert!(zh.contains("制热季节耗电量"));
    assert_eq!(count(&zh, "hx-label__fig--on"), 1);
    let grade = label(Category::Ac, Some("grade"), Locale::En).await;
    assert!(grade.contains("hx-label--grade"));
    assert!(grade.contains("grade number on the arrow"));
    assert_eq!(count(&grade, "hx-label__fig--on"), 0);
    let none = label(Category::Ac, None, Locale::Zh).await;
    assert!(!none.contains("hx-label__fig--on"));
    assert!(!none.contains("请找"));
}

#[tokio::test]
async fn label_purifier_is_the_water_label() {
    let zh = label(
        Category::WaterPurifier,
        Some("old_recovery_pct"),
        Locale::Zh,
    )
    .await;
    assert!(zh.contains("中国水效标识"));
    assert!(zh.contains("净水产水率"));
    assert!(zh.contains(r#"data-grades="3""#));
    let en = label(Category::WaterPurifier, None, Locale::En).await;
    assert!(en.contains("China Water Efficiency Label"));
    assert!(en.contains("Recovery rate"));
}

#[tokio::test]
async fn every_category_label_is_small_and_covers_its_label_figures() {
    for category in Category::ALL {
        for locale in Locale::ALL {
            let html = label(category, None, locale).await;
            assert!(html.contains(r#"role="img""#));
            assert!(
                html.len() <= 2600,
                "{} {:?}: {} bytes",
                category.slug(),
                locale,
                html.len()
            );
        }
        // Every input marked as printed on the label has a place on the drawing.
        for spec in fields(category).iter().filter(|s| s.on_label) {
            assert!(
                label_shows(category, spec.param),
                "{}: {} not on the drawing",
                category.slug(),
                spec.param
            );
            let html = label(category, Some(spec.param), Locale::Zh).await;
            assert!(html.contains("请找"), "{}: {}", category.slug(), spec.param);
        }
    }
}

/// Writes preview pages `$HX_PREVIEW-<n>.html` (run with `--ignored`) for looking at the
/// components in a browser; not part of the normal run.
#[tokio::test]
#[ignore]
async fn write_preview_pages() {
    let Ok(prefix) = std::env::var("HX_PREVIEW") else {
        return;
    };
    let mut pages: Vec<String> = Vec::new();
    for locale in Locale::ALL {
        let (f, e) = ac();
        pages.push(comparison(&fridge().1, locale).await);
        pages.push(chart(&e, locale).await + &chart(&fridge().1, locale).await);
        pages.push(comparison(&washer().1, locale).await);
        pages.push(assumptions(&f, &e, locale).await);
        let mut labels = String::new();
        for (category, param) in [
            (Category::Fridge, Some("old_kwh_24h")),
            (Category::Ac, Some("new_cooling_kwh")),
            (Category::WaterPurifier, Some("old_recovery_pct")),
            (Category::Tv, Some("grade")),
        ] {
            labels.push_str(&label(category, param, locale).await);
        }
        pages.push(labels);
    }
    for (n, body) in pages.iter().enumerate() {
        let page = format!(
            "<!doctype html><html lang=zh-CN><meta charset=utf-8><meta name=viewport content='width=device-width'>\
             <link rel=stylesheet href='{root}/assets/app.css'><link rel=stylesheet href='{root}/assets/components.css'>\
             <body><div class=hx-app><main class=hx-main>{body}</main></div></body></html>",
            root = env!("CARGO_MANIFEST_DIR")
        );
        std::fs::write(format!("{prefix}-{n}.html"), page).expect("write preview");
    }
}
