//! Property tests of the engine's invariants.
#![cfg(not(target_arch = "wasm32"))]

use huanxin::domain::category::Category;
use huanxin::domain::date::Date;
use huanxin::domain::evaluate::{Evaluation, FieldKind};
use huanxin::domain::{evaluate, fields, regions, subsidy_for, Form};
use proptest::prelude::*;

fn today() -> Date {
    Date::new(2026, 11, 29).unwrap_or(Date::MIN)
}

fn category() -> impl Strategy<Value = Category> {
    prop::sample::select(Category::ALL.to_vec())
}

fn region_code() -> impl Strategy<Value = Option<&'static str>> {
    let codes: Vec<Option<&'static str>> = std::iter::once(None)
        .chain(regions().iter().map(|r| Some(r.code)))
        .collect();
    prop::sample::select(codes)
}

fn date() -> impl Strategy<Value = Date> {
    (2023i32..=2027, 1u8..=12, 1u8..=28)
        .prop_map(|(y, m, d)| Date::new(y, m, d).unwrap_or(Date::MIN))
}

/// Every f64 an evaluation exposes must be finite.
fn all_finite(e: &Evaluation) -> bool {
    let Some(o) = &e.outcome else {
        return true;
    };
    let r = |r: &huanxin::domain::evaluate::Resources| {
        r.kwh.is_finite() && r.water_m3.is_finite() && r.gas_m3.is_finite()
    };
    let p = &o.prices;
    let prices_ok = [p.electricity, p.water, p.gas, p.grid_factor, p.gas_factor]
        .iter()
        .all(|v| v.is_finite());
    let grades_ok = o.grades.iter().all(|g| {
        r(&g.new_annual)
            && r(&g.saved)
            && r(&g.lifetime.saved)
            && g.co2_kg.is_finite()
            && g.lifetime.co2_kg.is_finite()
            && g.payback_years.is_none_or(|y| y.is_finite() && y >= 0.0)
    });
    let extra_ok = o
        .grade_one_extra
        .is_none_or(|x| x.payback_years.is_none_or(|y| y.is_finite() && y >= 0.0));
    let estimate_ok = o
        .old
        .estimate
        .as_ref()
        .is_none_or(|x| x.age_factor.is_finite());
    r(&o.old.annual)
        && prices_ok
        && grades_ok
        && extra_ok
        && estimate_ok
        && o.assumptions.iter().all(|a| a.value.is_finite())
}

/// Text a buyer might type into a number field, good and bad.
fn number_text() -> impl Strategy<Value = String> {
    prop_oneof![
        (0.0f64..300_000.0).prop_map(|v| format!("{v}")),
        (0.0f64..10.0).prop_map(|v| format!("{v:.3}")),
        (1u32..100).prop_map(|v| format!("{v}万")),
        Just("５９９９".to_string()),
        Just("0".to_string()),
        Just("-1".to_string()),
        Just("1e308".to_string()),
        Just("NaN".to_string()),
        Just(String::new()),
        any::<String>(),
    ]
}

/// A random form for `category`: a random subset of its fields with random text.
fn form_for(category: Category) -> impl Strategy<Value = Form> {
    let specs = fields(category);
    let count = specs.len();
    (
        prop::collection::vec(any::<bool>(), count),
        prop::collection::vec(number_text(), count),
        prop::collection::vec(0usize..8, count),
        region_code(),
        date(),
    )
        .prop_map(move |(pick, texts, choice, region, date)| {
            let mut form = Form::new();
            form.set("cat", category.slug());
            for (i, spec) in specs.iter().enumerate() {
                if !pick.get(i).copied().unwrap_or(false) {
                    continue;
                }
                let text = match spec.kind {
                    FieldKind::Number => texts.get(i).cloned().unwrap_or_default(),
                    FieldKind::Choice => {
                        let k = choice.get(i).copied().unwrap_or(0);
                        spec.choices
                            .get(k)
                            .map(|c| c.value.to_string())
                            .unwrap_or_else(|| "9".to_string())
                    }
                    FieldKind::Date => date.to_string(),
                    FieldKind::Region => region.unwrap_or("ZZ").to_string(),
                };
                form.set(spec.param, text);
            }
            form
        })
}

fn any_form() -> impl Strategy<Value = Form> {
    category().prop_flat_map(form_for)
}

/// Forms with label figures for both units (so swapping them is meaningful) and no errors.
fn labelled(category: Category) -> Vec<(&'static str, &'static str, f64, f64)> {
    // (old param, new param, min, max) of each label figure.
    fields(category)
        .iter()
        .filter(|s| s.on_label && s.kind == FieldKind::Number && s.param.starts_with("old_"))
        .filter(|s| !matches!(s.param, "old_apf"))
        .filter_map(|s| {
            fields(category)
                .iter()
                .find(|n| n.param.strip_prefix("new_") == s.param.strip_prefix("old_"))
                .map(|n| (s.param, n.param, s.min.max(0.01), s.max))
        })
        .collect()
}

fn swap_case() -> impl Strategy<Value = (Category, Vec<(f64, f64)>, Option<&'static str>)> {
    (category(), region_code()).prop_flat_map(|(c, region)| {
        let pairs = labelled(c);
        let values: Vec<_> = pairs
            .iter()
            .map(|(_, _, min, max)| {
                let (min, max) = (*min, *max);
                (min..=max, min..=max)
            })
            .collect();
        (Just(c), values, Just(region))
    })
}

fn label_form(c: Category, values: &[(f64, f64)], region: Option<&str>, swap: bool) -> Form {
    let mut form = Form::new();
    form.set("cat", c.slug());
    form.set("date", "2026-05-01");
    if let Some(r) = region {
        form.set("region", r);
    }
    for ((old, new, _, _), (a, b)) in labelled(c).iter().zip(values) {
        let (a, b) = if swap { (b, a) } else { (a, b) };
        form.set(*old, format!("{a}"));
        form.set(*new, format!("{b}"));
    }
    form
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn evaluate_never_panics_nor_returns_non_finite(form in any_form()) {
        let e = evaluate(&form, today());
        prop_assert!(e.category.is_some());
        prop_assert!(e.outcome.is_some());
        prop_assert!(all_finite(&e));
    }

    #[test]
    fn evaluate_never_panics_on_arbitrary_keys_and_values(
        pairs in prop::collection::vec((any::<String>(), any::<String>()), 0..12),
        cat in prop_oneof![Just(None), category().prop_map(Some), any::<String>().prop_map(|_| Some(Category::Fridge))],
        huge in prop::collection::vec(any::<char>(), 0..5000),
    ) {
        let mut form: Form = pairs.into_iter().collect();
        if let Some(c) = cat {
            form.set("cat", c.slug());
        }
        let huge: String = huge.into_iter().collect();
        form.set("price", huge.clone());
        form.set("date", huge.clone());
        form.set("region", huge);
        let e = evaluate(&form, today());
        prop_assert!(all_finite(&e));
        // Unknown keys are ignored: every error names a real parameter.
        for err in &e.errors {
            prop_assert!(form.get(err.field).is_some() || err.field == "cat");
        }
    }

    #[test]
    fn subsidy_is_capped_and_never_above_rate_times_price(
        c in category(),
        grade in 1u8..=5,
        price in 0i64..=50_000_000,
        d in date(),
        region in region_code(),
    ) {
        let s = subsidy_for(c, grade, price, d, region);
        prop_assert!(s.fen >= 0);
        if s.eligible {
            prop_assert!(s.fen <= s.cap_fen);
            // fen ≤ rate × price, rounded half up to the fen.
            prop_assert!(i128::from(s.fen) * 10_000 <= i128::from(price) * i128::from(s.rate_bp) + 5_000);
        } else {
            prop_assert_eq!(s.fen, 0);
        }
    }

    #[test]
    fn grade_one_never_gets_less_than_grade_two(
        c in category(),
        price in 0i64..=50_000_000,
        d in date(),
        region in region_code(),
    ) {
        let one = subsidy_for(c, 1, price, d, region);
        let two = subsidy_for(c, 2, price, d, region);
        prop_assert!(one.fen >= two.fen);
    }

    #[test]
    fn yuan_saved_rises_with_the_electricity_price(
        old in 0.1f64..5.0,
        new in 0.1f64..5.0,
        low in 0.05f64..2.5,
        extra in 0.0f64..2.5,
    ) {
        let run = |tariff: f64| {
            let mut form = Form::new();
            form.set("cat", "fridge");
            form.set("old_kwh_24h", format!("{old}"));
            form.set("new_kwh_24h", format!("{new}"));
            form.set("tariff", format!("{tariff}"));
            evaluate(&form, today())
        };
        let a = run(low);
        let b = run(low + extra);
        let (Some(a), Some(b)) = (a.outcome, b.outcome) else {
            return Err(TestCaseError::fail("no outcome"));
        };
        prop_assert!(a.chosen().saved.kwh == b.chosen().saved.kwh);
        if a.chosen().saved.kwh > 0.0 {
            prop_assert!(b.chosen().money_saved_fen >= a.chosen().money_saved_fen);
        }
    }

    #[test]
    fn swapping_old_and_new_negates_the_savings((c, values, region) in swap_case()) {
        let a = evaluate(&label_form(c, &values, region, false), today());
        let b = evaluate(&label_form(c, &values, region, true), today());
        prop_assert!(a.errors.is_empty(), "{:?}", a.errors);
        let (Some(a), Some(b)) = (a.outcome, b.outcome) else {
            return Err(TestCaseError::fail("no outcome"));
        };
        let (x, y) = (a.chosen(), b.chosen());
        let tol = |v: f64| 1e-9 * v.abs().max(1.0);
        prop_assert!((x.saved.kwh + y.saved.kwh).abs() <= tol(x.saved.kwh));
        prop_assert!((x.saved.water_m3 + y.saved.water_m3).abs() <= tol(x.saved.water_m3));
        prop_assert!((x.saved.gas_m3 + y.saved.gas_m3).abs() <= tol(x.saved.gas_m3));
        prop_assert!((x.money_saved_fen + y.money_saved_fen).abs() <= 1);
        prop_assert!((x.co2_kg + y.co2_kg).abs() <= tol(x.co2_kg));
    }
}
