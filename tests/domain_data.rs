//! Re-checks the compiled data (build.rs already refuses bad files; these guard the generated
//! statics and the engine's assumptions about them).
#![cfg(not(target_arch = "wasm32"))]

use huanxin::domain::category::Category;
use huanxin::domain::data::{category_data, data_date, factors, region, Confidence, Fact, Source};
use huanxin::domain::date::Date;
use huanxin::domain::form_fields::field;
use huanxin::domain::{fields, regions, rule_sets, DATA_AS_OF, DATA_VERSION};

const PROVINCES: [&str; 31] = [
    "BJ", "TJ", "HE", "SX", "NM", "LN", "JL", "HL", "SH", "JS", "ZJ", "AH", "FJ", "JX", "SD", "HA",
    "HB", "HN", "GD", "GX", "HI", "CQ", "SC", "GZ", "YN", "XZ", "SN", "GS", "QH", "NX", "XJ",
];

fn sourced(source: &Source, what: &str) {
    assert!(!source.name.trim().is_empty(), "{what}: no source");
    assert!(
        Date::parse(source.as_of).is_ok(),
        "{what}: bad as-of date {:?}",
        source.as_of
    );
}

fn fact(f: &Fact, unit: &str, what: &str) {
    assert_eq!(f.unit, unit, "{what}: unit");
    assert!(f.value.is_finite() && f.value >= 0.0, "{what}: value");
    assert!(data_date(f.valid_from) < Date::MAX, "{what}: valid_from");
    if let Some(to) = f.valid_to {
        assert!(data_date(to) >= data_date(f.valid_from), "{what}: period");
    }
    sourced(f.source, what);
}

#[test]
fn data_version_and_date() {
    assert!(!DATA_VERSION.is_empty());
    assert!(Date::parse(DATA_AS_OF).is_ok());
}

#[test]
fn every_province_is_present_with_sourced_prices() {
    assert_eq!(regions().len(), 31);
    for code in PROVINCES {
        let r = region(code).unwrap_or_else(|| panic!("province {code} missing"));
        assert_eq!(r.code, code);
        assert!(!r.name_zh.is_empty() && r.name_en.is_ascii());
        fact(&r.tariff, "yuan/kWh", code);
        assert!((0.2..1.0).contains(&r.tariff.value), "{code} tariff");
        let gas = r.gas_price.as_ref().expect("gas price");
        fact(gas, "yuan/m3", code);
        if let Some(w) = &r.water_price {
            fact(w, "yuan/m3", code);
        }
        match &r.grid_factor {
            Some(g) => {
                fact(g, "kgCO2/kWh", code);
                assert_eq!(g.source.confidence, Confidence::Verified);
            }
            // Tibet publishes no provincial factor; the engine falls back to the national one.
            None => assert_eq!(code, "XZ"),
        }
    }
    // Lookup ignores case and a CN- prefix.
    assert_eq!(region("cn-gd").map(|r| r.code), Some("GD"));
    assert_eq!(region("Sh").map(|r| r.code), Some("SH"));
    assert!(region("XX").is_none());
    assert!(region("").is_none());
}

#[test]
fn national_factors() {
    let f = factors();
    fact(&f.grid_factor, "kgCO2/kWh", "grid");
    assert_eq!(f.grid_factor.value, 0.5306);
    fact(&f.gas_co2, "kgCO2/m3", "gas co2");
    assert_eq!(f.gas_co2.value, 2.162);
    fact(&f.tariff, "yuan/kWh", "tariff");
    fact(&f.water_price, "yuan/m3", "water");
    fact(&f.gas_price, "yuan/m3", "gas");
    fact(&f.gas_lhv, "MJ/m3", "lhv");
    sourced(f.tier_steps.source, "tiers");
    assert_eq!((f.tier_steps.tier2, f.tier_steps.tier3), (0.05, 0.30));
}

#[test]
fn rule_sets_do_not_overlap_within_a_jurisdiction() {
    let sets = rule_sets();
    assert!(sets.len() >= 4);
    for (i, a) in sets.iter().enumerate() {
        sourced(a.source, a.id);
        assert!(data_date(a.valid_from) <= data_date(a.valid_to), "{}", a.id);
        assert!(!a.categories.is_empty() && !a.rates.is_empty(), "{}", a.id);
        for b in sets.iter().skip(i + 1) {
            if a.jurisdiction == b.jurisdiction {
                let disjoint = data_date(a.valid_to) < data_date(b.valid_from)
                    || data_date(b.valid_to) < data_date(a.valid_from);
                assert!(disjoint, "{} overlaps {}", a.id, b.id);
            }
        }
        // Better grades never get a lower rate or cap.
        for pair in a.rates.windows(2) {
            assert!(pair[0].grade < pair[1].grade);
            assert!(pair[0].rate_bp >= pair[1].rate_bp && pair[0].cap_fen >= pair[1].cap_fen);
        }
    }
    let ids: Vec<&str> = sets.iter().map(|s| s.id).collect();
    for id in ["cn-2024", "cn-2025", "cn-2026", "sh-2026-local"] {
        assert!(ids.contains(&id), "{id} missing");
    }
}

#[test]
fn the_2026_national_rules_match_the_notice() {
    let set = rule_sets()
        .iter()
        .find(|s| s.id == "cn-2026")
        .expect("cn-2026");
    assert_eq!(set.valid_from, "2026-01-01");
    assert_eq!(set.rates.len(), 1);
    assert_eq!(
        (
            set.rates[0].grade,
            set.rates[0].rate_bp,
            set.rates[0].cap_fen
        ),
        (1, 1500, 150_000)
    );
    for c in [
        Category::Fridge,
        Category::Washer,
        Category::Tv,
        Category::Ac,
        Category::WaterHeater,
        Category::Computer,
    ] {
        assert!(set.covers(c), "{c:?}");
    }
    for c in [
        Category::Microwave,
        Category::WaterPurifier,
        Category::Dishwasher,
        Category::RiceCooker,
        Category::GasStove,
        Category::RangeHood,
        Category::AirPurifier,
    ] {
        assert!(!set.covers(c), "{c:?}");
    }
}

#[test]
fn every_category_is_complete() {
    for c in Category::ALL {
        let d = category_data(c).unwrap_or_else(|| panic!("{c:?} has no data"));
        fact(&d.lifetime, "years", c.slug());
        fact(&d.degradation_per_year, "1/yr", c.slug());
        fact(&d.degradation_cap, "ratio", c.slug());
        assert!(!d.editions.is_empty());
        // Editions are consecutive and only the last is open-ended.
        for pair in d.editions.windows(2) {
            let to = pair[0].valid_to.expect("closed edition");
            let next = data_date(to).add_days(1).expect("next day");
            assert_eq!(next, data_date(pair[1].valid_from), "{c:?} editions");
        }
        let current = d.editions.last().expect("an edition");
        assert!(current.valid_to.is_none());
        assert!(
            current.grades >= 2,
            "{c:?} current edition needs grades 1 and 2"
        );
        for e in d.editions {
            sourced(e.source, e.standard);
            assert!(e.unknown_grade >= 1 && e.unknown_grade <= e.grades);
            for t in e.tables {
                sourced(t.source, t.figure);
                assert_eq!(
                    t.values.len(),
                    usize::from(e.grades),
                    "{} {}",
                    e.standard,
                    t.figure
                );
                assert!(t.values.iter().all(|v| v.is_finite() && *v > 0.0));
            }
        }
        for u in d.usage {
            sourced(u.source, u.param);
            assert!(u.low <= u.typical && u.typical <= u.high, "{}", u.param);
            // Every usage default belongs to an input the UI shows.
            let base = u.param.split('@').next().unwrap_or_default();
            assert!(field(c, base).is_some(), "{c:?}: usage {base} has no field");
        }
        for k in d.constants {
            sourced(k.fact.source, k.name);
        }
        // Every usage field of the form has a default.
        for spec in fields(c) {
            if spec.group == huanxin::domain::evaluate::FieldGroup::Usage
                && spec.kind == huanxin::domain::evaluate::FieldKind::Number
            {
                assert!(
                    d.usage(spec.param).is_some(),
                    "{c:?}: {} has no default",
                    spec.param
                );
                assert!(spec.default.is_some());
            }
        }
    }
}

#[test]
fn unverified_values_stay_marked() {
    // A few values the reference marks ❌ must not be upgraded without a new source.
    let f = factors();
    assert_eq!(f.tariff.source.confidence, Confidence::Unverified);
    assert_eq!(f.water_price.source.confidence, Confidence::Unverified);
    let purifier = category_data(Category::WaterPurifier).expect("data");
    assert_eq!(purifier.lifetime.source.confidence, Confidence::Unverified);
    let ac = category_data(Category::Ac).expect("data");
    assert!(ac
        .usage
        .iter()
        .filter(|u| u.param.starts_with("cooling_hours"))
        .all(|u| u.source.confidence == Confidence::Unverified));
}

#[test]
fn field_specs_are_sane() {
    for c in Category::ALL {
        let specs = fields(c);
        let mut params: Vec<&str> = specs.iter().map(|s| s.param).collect();
        params.sort_unstable();
        let before = params.len();
        params.dedup();
        assert_eq!(before, params.len(), "{c:?}: duplicate parameter");
        for s in specs {
            assert!(
                !s.label_zh.is_empty() && !s.label_en.is_empty(),
                "{}",
                s.param
            );
            // Text in one language only is a bug: help and unit come in pairs.
            assert_eq!(s.help_zh.is_empty(), s.help_en.is_empty(), "{}", s.param);
            assert!(s.min <= s.max, "{}", s.param);
            if let Some(d) = s.default {
                if s.kind == huanxin::domain::evaluate::FieldKind::Number {
                    assert!(d >= s.min && d <= s.max, "{c:?} {} default {d}", s.param);
                }
            }
        }
        for p in ["date", "region", "grade", "price", "trade_in", "alt_price"] {
            assert!(field(c, p).is_some(), "{c:?} lacks {p}");
        }
    }
    let price = field(Category::Fridge, "price").expect("price");
    assert_eq!((price.min, price.max), (1.0, 200_000.0));
    let fridge = field(Category::Fridge, "old_kwh_24h").expect("fridge label");
    assert_eq!((fridge.min, fridge.max), (0.1, 5.0));
    assert!(fridge.on_label);
}
