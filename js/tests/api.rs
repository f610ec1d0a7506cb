//! The package API as JavaScript sees it. Runs under Node (`wasm-pack test --node js`) and in
//! headless Chromium (`WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome js`).
#![cfg(target_arch = "wasm32")]

use huanxin::domain::date::Date;
use huanxin::domain::evaluate::{evaluate, Form};
use huanxin::domain::money::{plain_fen, plain_number};
use huanxin_js::{categories, compute, data_version, parse_number_js, regions, rule_sets, subsidy};
use js_sys::{Array, Function, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn json(text: &str) -> JsValue {
    JSON::parse(text).unwrap_or(JsValue::UNDEFINED)
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn num(value: &JsValue, key: &str) -> Option<f64> {
    get(value, key).as_f64()
}

fn text(value: &JsValue, key: &str) -> String {
    get(value, key).as_string().unwrap_or_default()
}

fn ok(value: &JsValue) -> bool {
    get(value, "ok").as_bool() == Some(true)
}

fn errors(value: &JsValue) -> Vec<(String, String)> {
    let list: Array = get(value, "errors").unchecked_into();
    list.iter()
        .map(|e| (text(&e, "field"), text(&e, "code")))
        .collect()
}

/// Evaluates JS source (for values JSON cannot express: NaN, proxies, getters, symbols …).
fn js(source: &str) -> JsValue {
    Function::new_no_args(&format!("return ({source});"))
        .call0(&JsValue::NULL)
        .unwrap_or(JsValue::UNDEFINED)
}

/// A failure must be a complete `{ ok: false, errors: [{ field, code, zh, en }] }`.
fn assert_failure(value: &JsValue, label: &str) {
    assert!(value.is_object(), "{label}: not an object");
    assert_eq!(get(value, "ok").as_bool(), Some(false), "{label}: ok");
    let list: Array = get(value, "errors").unchecked_into();
    assert!(list.length() > 0, "{label}: no errors");
    for e in list.iter() {
        for key in ["field", "code", "zh", "en"] {
            assert!(!text(&e, key).is_empty(), "{label}: error without {key}");
        }
    }
}

const FRIDGE: &str = r#"{"cat":"fridge","grade":"1","price":"5999","date":"2026-05-01",
    "old_kwh_24h":"1.2","new_kwh_24h":"0.55","volume_l":"500"}"#;

#[wasm_bindgen_test]
fn computes_a_fridge_with_the_documented_fields() {
    let r = compute(json(FRIDGE));
    assert!(ok(&r), "{:?}", errors(&r));
    assert_eq!(text(&r, "category"), "fridge");
    assert_eq!(num(&r, "grade"), Some(1.0));
    assert_eq!(text(&r, "date"), "2026-05-01");
    // 2026 national rules: grade 1, 15 % of 5999 = 899.85 (under the 1500 cap).
    assert_eq!(num(&r, "subsidy"), Some(899.85));
    assert_eq!(num(&r, "net_price"), Some(5999.0 - 899.85));
    for key in [
        "annual_kwh_saved",
        "annual_water_saved",
        "annual_gas_saved",
        "annual_money_saved",
        "co2_saved",
    ] {
        assert!(num(&r, key).is_some_and(f64::is_finite), "{key}");
    }
    assert!(num(&r, "annual_kwh_saved").unwrap_or(0.0) > 0.0);
    let rule_set = get(&r, "rule_set");
    assert_eq!(text(&rule_set, "id"), "cn-2026");
    for key in ["name", "source", "as_of"] {
        assert!(!text(&rule_set, key).is_empty(), "rule_set.{key}");
    }
    let grades: Array = get(&r, "grades").unchecked_into();
    assert_eq!(grades.length(), 2);
    assert_eq!(get(&grades.get(0), "chosen").as_bool(), Some(true));
}

#[wasm_bindgen_test]
fn numbers_equal_the_domain_rounded_like_the_app() {
    let input = json(FRIDGE);
    let r = compute(input.clone());
    let form: Form = Array::from(&js_sys::Object::entries(input.unchecked_ref()))
        .iter()
        .map(|pair| {
            let pair: Array = pair.unchecked_into();
            (
                pair.get(0).as_string().unwrap_or_default(),
                pair.get(1).as_string().unwrap_or_default(),
            )
        })
        .collect();
    let today = Date::new(2026, 5, 1).unwrap_or(Date::EARLIEST_INPUT);
    let evaluation = evaluate(&form, today);
    let Some(outcome) = evaluation.outcome else {
        panic!("no outcome: {:?}", evaluation.errors);
    };
    let chosen = outcome.chosen();
    let parse = |s: String| s.parse::<f64>().ok();
    assert_eq!(
        num(&r, "annual_money_saved"),
        parse(plain_fen(chosen.money_saved_fen))
    );
    assert_eq!(
        num(&r, "annual_kwh_saved"),
        parse(plain_number(chosen.saved.kwh))
    );
    assert_eq!(num(&r, "co2_saved"), parse(plain_number(chosen.co2_kg)));
    assert_eq!(num(&r, "subsidy"), parse(plain_fen(chosen.subsidy.fen)));
    assert_eq!(
        num(&r, "payback_years"),
        chosen.payback_years.and_then(|y| parse(plain_number(y)))
    );
}

#[wasm_bindgen_test]
fn strings_parse_like_typed_input_and_numbers_work_too() {
    let typed = compute(json(
        r#"{"cat":"ac","price":"０.６万","date":"2026-03-01","region":"bj","old_apf":"3.0","new_apf":"5.3"}"#,
    ));
    let numeric = compute(json(
        r#"{"cat":"ac","price":6000,"date":"2026-03-01","region":"BJ","old_apf":3,"new_apf":5.3}"#,
    ));
    assert!(ok(&typed), "{:?}", errors(&typed));
    assert!(ok(&numeric), "{:?}", errors(&numeric));
    assert_eq!(num(&typed, "price"), Some(6000.0));
    for key in [
        "annual_money_saved",
        "annual_kwh_saved",
        "subsidy",
        "net_price",
        "payback_years",
    ] {
        assert_eq!(num(&typed, key), num(&numeric, key), "{key}");
    }
    assert_eq!(text(&typed, "region"), "BJ");
}

#[wasm_bindgen_test]
fn missing_price_gives_null_money_fields_and_ok() {
    let r = compute(json(r#"{"cat":"tv","date":"2026-05-01"}"#));
    assert!(ok(&r), "{:?}", errors(&r));
    assert!(get(&r, "subsidy").is_null());
    assert!(get(&r, "net_price").is_null());
    assert!(get(&r, "payback_years").is_null());
    assert!(get(&r, "price").is_null());
}

#[wasm_bindgen_test]
fn no_saving_means_no_payback() {
    let r = compute(json(
        r#"{"cat":"fridge","price":3000,"date":"2026-05-01","old_kwh_year":200,"new_kwh_year":200}"#,
    ));
    assert!(ok(&r), "{:?}", errors(&r));
    assert_eq!(num(&r, "annual_money_saved"), Some(0.0));
    assert!(get(&r, "payback_years").is_null());
}

#[wasm_bindgen_test]
fn bad_values_are_errors_with_both_languages() {
    let r = compute(json(
        r#"{"cat":"fridge","price":"abc","old_kwh_24h":"-5","grade":"7","date":"2026-02-30","region":"XX"}"#,
    ));
    assert_failure(&r, "bad values");
    let found = errors(&r);
    for field in ["price", "old_kwh_24h", "grade", "date", "region"] {
        assert!(found.iter().any(|(f, _)| f == field), "{field}: {found:?}");
    }
    assert!(found.contains(&("price".to_string(), "not_a_number".to_string())));

    let r = compute(json(r#"{"cat":"toaster"}"#));
    assert_failure(&r, "unknown category");
    assert_eq!(
        errors(&r),
        vec![("cat".to_string(), "unknown_category".to_string())]
    );
}

#[wasm_bindgen_test]
fn hostile_input_never_throws() {
    let hostile = [
        ("undefined", JsValue::UNDEFINED),
        ("null", JsValue::NULL),
        ("number", JsValue::from_f64(42.0)),
        ("string", JsValue::from_str("cat=fridge")),
        ("array", json("[1, 2, 3]")),
        ("array of objects", json(r#"[{"cat":"fridge"}]"#)),
        ("function", js("function () {}")),
        ("symbol", js("Symbol('x')")),
        ("bigint", js("10n")),
        ("NaN price", js("{ cat: 'fridge', price: NaN }")),
        ("Infinity price", js("{ cat: 'fridge', price: Infinity }")),
        ("-Infinity price", js("{ cat: 'fridge', price: -Infinity }")),
        ("nested object", js("{ cat: 'fridge', price: { value: 5999 } }")),
        ("array value", js("{ cat: 'fridge', price: [5999] }")),
        ("boolean value", js("{ cat: 'fridge', price: true }")),
        ("bigint value", js("{ cat: 'fridge', price: 5999n }")),
        ("symbol value", js("{ cat: 'fridge', price: Symbol('p') }")),
        ("object cat", js("{ cat: { toString() { return 'fridge'; } } }")),
        ("huge string", js("{ cat: 'fridge', price: '9'.repeat(5e6) }")),
        ("huge cat", js("{ cat: 'f'.repeat(5e6) }")),
        ("huge key", js("{ ['k'.repeat(1e6)]: 1 }")),
        ("lone surrogate", js("{ cat: 'fridge', price: '\\uD800' }")),
        ("bidi override", js("{ cat: 'fridge', price: '\\u202E9995' }")),
        ("too many keys", js("Object.fromEntries(Array.from({ length: 1000 }, (_, i) => ['k' + i, i]))")),
        ("throwing getter", js("Object.defineProperty({ cat: 'fridge' }, 'price', { enumerable: true, get() { throw new Error('boom'); } })")),
        ("throwing cat getter", js("Object.defineProperty({}, 'cat', { enumerable: true, get() { throw new Error('boom'); } })")),
        ("proxy throwing ownKeys", js("new Proxy({}, { ownKeys() { throw new Error('boom'); } })")),
        ("proxy throwing get", js("new Proxy({ cat: 1 }, { get() { throw new Error('boom'); } })")),
        ("revoked proxy", js("(() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; })()")),
        ("date object", js("new Date()")),
        ("map", js("new Map([['cat', 'fridge']])")),
    ];
    for (label, input) in hostile {
        let r = compute(input.clone());
        assert_failure(&r, label);
        let s = subsidy(input);
        assert_failure(&s, label);
    }
}

#[wasm_bindgen_test]
fn absurd_but_typed_values_are_errors_not_crashes() {
    for value in ["1e308", "-1e308", "5e-324", "9007199254740993", "0"] {
        let r = compute(js(&format!(
            "{{ cat: 'fridge', date: '2026-05-01', price: {value}, trade_in: {value}, old_kwh_year: {value} }}"
        )));
        assert!(r.is_object(), "{value}");
        if ok(&r) {
            for key in ["annual_money_saved", "subsidy", "net_price"] {
                assert!(num(&r, key).is_some_and(f64::is_finite), "{value} {key}");
            }
        } else {
            assert_failure(&r, value);
        }
    }
}

#[wasm_bindgen_test]
fn unknown_keys_are_listed_and_keys_are_case_insensitive() {
    let r = compute(json(
        r#"{"cat":"fridge","Price":"5999","date":"2026-05-01","foo":"1","capacity_w":"3500"}"#,
    ));
    assert!(ok(&r), "{:?}", errors(&r));
    assert_eq!(num(&r, "price"), Some(5999.0));
    let ignored: Vec<String> = Array::from(&get(&r, "ignored"))
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    assert_eq!(ignored, vec!["foo".to_string(), "capacity_w".to_string()]);
}

#[wasm_bindgen_test]
fn english_names_follow_lang() {
    let r = compute(json(
        r#"{"cat":"fridge","price":"5999","date":"2026-05-01","lang":"en"}"#,
    ));
    assert!(ok(&r));
    assert_eq!(text(&r, "category_name"), "Refrigerator");
    assert!(text(&get(&r, "rule_set"), "name").is_ascii());
    assert_eq!(text(&r, "subsidy_reason"), text(&r, "subsidy_reason_en"));
}

#[wasm_bindgen_test]
fn subsidy_alone() {
    let r = subsidy(json(
        r#"{"cat":"fridge","grade":1,"price":"5999","date":"2026-05-01"}"#,
    ));
    assert!(ok(&r), "{:?}", errors(&r));
    assert_eq!(num(&r, "subsidy"), Some(899.85));
    assert_eq!(get(&r, "eligible").as_bool(), Some(true));
    assert_eq!(num(&r, "rate_percent"), Some(15.0));
    assert_eq!(num(&r, "cap"), Some(1500.0));

    let capped = subsidy(json(
        r#"{"cat":"fridge","grade":1,"price":"1.2万","date":"2026-05-01"}"#,
    ));
    assert_eq!(num(&capped, "subsidy"), Some(1500.0));

    let grade_two = subsidy(json(
        r#"{"cat":"fridge","grade":2,"price":5999,"date":"2026-05-01"}"#,
    ));
    assert!(ok(&grade_two));
    assert_eq!(num(&grade_two, "subsidy"), Some(0.0));
    assert_eq!(get(&grade_two, "eligible").as_bool(), Some(false));

    let local = subsidy(json(
        r#"{"cat":"dishwasher","grade":1,"price":5000,"date":"2026-05-01","region":"sh"}"#,
    ));
    assert_eq!(num(&local, "subsidy"), Some(750.0));
    assert_eq!(text(&get(&local, "rule_set"), "id"), "sh-2026-local");

    let before = subsidy(json(
        r#"{"cat":"tv","grade":1,"price":3000,"date":"2023-03-01"}"#,
    ));
    assert!(ok(&before));
    assert_eq!(num(&before, "subsidy"), Some(0.0));
    assert!(get(&before, "rule_set").is_null());

    let no_price = subsidy(json(r#"{"cat":"fridge","grade":1}"#));
    assert_failure(&no_price, "no price");
    assert_eq!(
        errors(&no_price),
        vec![("price".to_string(), "empty".to_string())]
    );
}

#[wasm_bindgen_test]
fn parse_number_accepts_what_typing_accepts() {
    let value = |v: JsValue| {
        let r = parse_number_js(v);
        ok(&r).then(|| num(&r, "value")).flatten()
    };
    assert_eq!(value(JsValue::from_str("５９９９")), Some(5999.0));
    assert_eq!(value(JsValue::from_str("0.6万")), Some(6000.0));
    assert_eq!(value(JsValue::from_str("¥5,999")), Some(5999.0));
    assert_eq!(value(JsValue::from_f64(0.55)), Some(0.55));
    for bad in [
        JsValue::from_str("abc"),
        JsValue::from_str(""),
        JsValue::NULL,
        JsValue::UNDEFINED,
        JsValue::from_f64(f64::NAN),
        JsValue::from_f64(f64::INFINITY),
        js("'9'.repeat(1e6)"),
        json(r#"{"value":1}"#),
    ] {
        let r = parse_number_js(bad);
        assert_eq!(get(&r, "ok").as_bool(), Some(false));
        for key in ["code", "zh", "en"] {
            assert!(!text(&r, key).is_empty(), "{key}");
        }
    }
    let r = parse_number_js(JsValue::from_str("abc"));
    assert_eq!(text(&r, "code"), "not_a_number");
}

#[wasm_bindgen_test]
fn lists_categories_rule_sets_regions_and_version() {
    let cats: Array = categories().unchecked_into();
    assert_eq!(cats.length(), 15);
    let fridge = cats.get(0);
    assert_eq!(text(&fridge, "id"), "fridge");
    let params: Vec<String> = Array::from(&get(&fridge, "fields"))
        .iter()
        .map(|f| text(&f, "param"))
        .collect();
    for p in ["price", "grade", "old_kwh_24h", "new_kwh_24h", "volume_l"] {
        assert!(params.iter().any(|x| x == p), "{p}");
    }

    let sets: Array = rule_sets().unchecked_into();
    let national = sets
        .iter()
        .find(|s| text(s, "id") == "cn-2026")
        .unwrap_or(JsValue::UNDEFINED);
    assert_eq!(text(&national, "jurisdiction"), "CN");
    let rates: Array = get(&national, "rates").unchecked_into();
    assert!(rates.length() > 0);
    assert!(!text(&get(&national, "source"), "name").is_empty());

    let regions: Array = regions().unchecked_into();
    assert_eq!(regions.length(), 31);

    let version = data_version();
    assert!(!text(&version, "version").is_empty());
    assert_eq!(text(&version, "as_of").len(), 10);
}
