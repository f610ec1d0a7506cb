//! How the facade reads a form: typed numbers, bad fields, unknown keys, defaults and notices.
#![cfg(not(target_arch = "wasm32"))]

use huanxin::domain::category::Category;
use huanxin::domain::date::Date;
use huanxin::domain::evaluate::{FieldGroup, FieldKind};
use huanxin::domain::{evaluate, fields, Form};

fn today() -> Date {
    Date::new(2026, 11, 29).expect("valid date")
}

fn form(pairs: &[(&str, &str)]) -> Form {
    pairs.iter().copied().collect()
}

#[test]
fn numbers_are_read_as_typed() {
    // Full-width digits, 万, units and thousands separators all mean 5999 / 12000.
    for text in ["５９９９", "5,999", "5999元", "¥5999", "0.5999万"] {
        let e = evaluate(
            &form(&[("cat", "tv"), ("price", text), ("date", "2026-03-01")]),
            today(),
        );
        assert!(e.errors.is_empty(), "{text}: {:?}", e.errors);
        let o = e.outcome.expect("outcome");
        assert_eq!(o.chosen().price_fen, Some(599_900), "{text}");
        assert_eq!(o.chosen().subsidy.fen, 89_985, "{text}");
    }
    let e = evaluate(&form(&[("cat", "ac"), ("price", "1.2万")]), today());
    assert_eq!(
        e.outcome.expect("outcome").chosen().price_fen,
        Some(1_200_000)
    );
}

#[test]
fn a_bad_field_is_reported_and_the_rest_still_counts() {
    let e = evaluate(
        &form(&[
            ("cat", "fridge"),
            ("price", "abc"),
            ("old_kwh_24h", "9"),
            ("new_kwh_24h", "0.6"),
            ("tariff", "0.5"),
            ("region", "ZZ"),
            ("grade", "3"),
            ("date", "2026-02-30"),
            ("old_year", "2099"),
        ]),
        today(),
    );
    let codes: Vec<(&str, &str)> = e.errors.iter().map(|x| (x.field, x.code)).collect();
    assert!(codes.contains(&("price", "not_a_number")), "{codes:?}");
    assert!(codes.contains(&("old_kwh_24h", "too_large")), "{codes:?}");
    assert!(codes.contains(&("region", "unknown_region")), "{codes:?}");
    assert!(codes.contains(&("grade", "bad_choice")), "{codes:?}");
    assert!(codes.contains(&("date", "no_such_day")), "{codes:?}");
    assert!(codes.contains(&("old_year", "future_year")), "{codes:?}");
    for err in &e.errors {
        assert!(!err.zh.is_empty() && !err.en.is_empty());
    }
    // The valid fields still give an answer: no price → no subsidy, net price or payback.
    let o = e.outcome.expect("outcome");
    assert_eq!(o.chosen().price_fen, None);
    assert_eq!(o.chosen().net_price_fen, None);
    assert_eq!(o.chosen().payback_years, None);
    assert!(o.chosen().series.is_empty());
    assert!(o.chosen().money_saved_fen > 0);
}

#[test]
fn unknown_keys_are_ignored_and_listed() {
    let f = form(&[
        ("cat", "fridge"),
        ("lang", "en"),
        ("utm_source", "shop"),
        ("old_epsilon", "0.8"),
        ("old_kwh_year", "400"),
    ]);
    let e = evaluate(&f, today());
    assert!(e.errors.is_empty());
    // `old_epsilon` belongs to water heaters: unknown for a fridge. Direct figures are universal.
    assert_eq!(f.unknown_keys(), vec!["old_epsilon", "utm_source"]);
}

#[test]
fn category_errors() {
    let e = evaluate(&form(&[("cat", "toaster")]), today());
    assert_eq!(e.category, None);
    assert_eq!(e.errors[0].code, "unknown_category");
    assert!(e.outcome.is_none());
    let e = evaluate(&Form::new(), today());
    assert_eq!(e.errors[0].field, "cat");
    // Any case and spaces are fine.
    let e = evaluate(&form(&[("cat", " AC ")]), today());
    assert_eq!(e.category, Some(Category::Ac));
}

#[test]
fn defaults_alone_give_a_full_answer_for_every_category() {
    for c in Category::ALL {
        let e = evaluate(&form(&[("cat", c.slug()), ("price", "3000")]), today());
        assert!(e.errors.is_empty(), "{c:?}: {:?}", e.errors);
        let o = e.outcome.as_ref().expect("outcome");
        assert!(o.old.estimate.is_some(), "{c:?}");
        assert!(e.has_notice("old_estimated"));
        assert!(e.has_notice("national_defaults"));
        assert_eq!(o.grades[0].grade, 1);
        assert_eq!(o.grades[1].grade, 2);
        assert!(o.grades[0].chosen && !o.grades[1].chosen);
        // A grade-1 unit never uses more than a grade-2 unit of the same size.
        let (a, b) = (o.grades[0].new_annual, o.grades[1].new_annual);
        assert!(
            a.kwh <= b.kwh + 1e-9 && a.water_m3 <= b.water_m3 + 1e-9 && a.gas_m3 <= b.gas_m3 + 1e-9,
            "{c:?}"
        );
        assert!(o.grades[0].range.low_fen <= o.grades[0].range.typical_fen);
        assert!(o.grades[0].range.typical_fen <= o.grades[0].range.high_fen);
        // Every assumption carries a source and a date.
        for a in &o.assumptions {
            assert!(
                !a.source.is_empty() && !a.as_of.is_empty(),
                "{c:?} {}",
                a.key
            );
        }
        // Every usage default shown by the form is listed as an assumption with its parameter.
        for spec in fields(c) {
            if spec.group == FieldGroup::Usage && spec.kind == FieldKind::Number {
                assert!(
                    o.assumptions.iter().any(|a| a.param == Some(spec.param)),
                    "{c:?}: {} not listed",
                    spec.param
                );
            }
        }
    }
}

#[test]
fn region_sets_prices_and_grid_factor() {
    let e = evaluate(
        &form(&[
            ("cat", "fridge"),
            ("region", "cn-bj"),
            ("old_kwh_24h", "1"),
            ("new_kwh_24h", "0.5"),
        ]),
        today(),
    );
    let o = e.outcome.expect("outcome");
    assert_eq!(o.region, Some("BJ"));
    assert_eq!(o.prices.electricity, 0.4883);
    assert_eq!(o.prices.grid_factor, 0.5554);
    // 182.5 kWh × 0.4883 = 89.11475 → ¥89.11
    assert_eq!(o.chosen().money_saved_fen, 8_911);

    // Tier 3 adds 0.30; half the use off-peak at 0.307 (Shanghai).
    let e = evaluate(
        &form(&[
            ("cat", "fridge"),
            ("region", "SH"),
            ("tariff_tier", "3"),
            ("valley_share", "50"),
        ]),
        today(),
    );
    let p = e.outcome.expect("outcome").prices;
    assert!((p.electricity - ((0.617 + 0.30) * 0.5 + 0.307 * 0.5)).abs() < 1e-12);

    // Tibet: no provincial grid factor, the national one with a notice.
    let e = evaluate(&form(&[("cat", "tv"), ("region", "XZ")]), today());
    assert!(e.has_notice("grid_factor_national"));
    assert_eq!(e.outcome.expect("outcome").prices.grid_factor, 0.5306);
}

#[test]
fn purchase_date_picks_the_rule_set() {
    let at = |date: &str| {
        let e = evaluate(
            &form(&[
                ("cat", "microwave"),
                ("price", "1000"),
                ("date", date),
                ("grade", "2"),
            ]),
            today(),
        );
        let o = e.outcome.expect("outcome");
        (o.rule_set.map(|r| r.id), o.chosen().subsidy.fen)
    };
    assert_eq!(at("2024-08-31"), (None, 0));
    assert_eq!(at("2024-10-01"), (Some("cn-2024"), 0)); // microwaves were not in 2024's list
    assert_eq!(at("2025-05-01"), (Some("cn-2025"), 15_000)); // grade 2: 15 %
    assert_eq!(at("2026-05-01"), (Some("cn-2026"), 0)); // dropped in 2026
}
