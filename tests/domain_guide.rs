//! The trade-in guide (issue 5): compiled-in data, the guide per category and province, the host
//! channel override (accepted and hostile), and property tests of the JSON and override parsers.
#![cfg(not(target_arch = "wasm32"))]

use huanxin::domain::category::Category;
use huanxin::domain::data::{region, rule_sets};
use huanxin::domain::date::Date;
use huanxin::domain::guide::{
    advice, channels, entries_marked, guide, lifetimes, parse_channel_override, safety_for,
    validate_https_url, AdviceKind, CategoryScope, ChannelKind, ChannelOverride, Confidence,
    GuideChannel, OverrideErrorKind, OverrideMode, Provenance, RegionScope, UrlProblem,
    MAX_HOST_CHANNELS, MAX_NAME_CHARS, MAX_OVERRIDE_BYTES,
};
use huanxin::domain::json::{self, JsonErrorKind};
use huanxin::domain::locale::Locale;
use proptest::prelude::*;

fn day(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).expect("test date exists")
}

fn ids(channels: &[GuideChannel<'_>]) -> Vec<String> {
    channels.iter().map(GuideChannel::key).collect()
}

fn step_ids(g: &huanxin::domain::guide::Guide<'_>) -> Vec<&'static str> {
    g.steps.iter().map(|s| s.id).collect()
}

const SOME_PROVINCES: [Option<&str>; 5] = [None, Some("BJ"), Some("SH"), Some("GD"), Some("XJ")];

// ------------------------------------------------------------------ compiled-in data

#[test]
fn every_built_in_link_passes_the_host_link_check() {
    for c in channels() {
        assert_eq!(validate_https_url(c.url), Ok(()), "{}: {}", c.id, c.url);
    }
}

#[test]
fn every_entry_is_bilingual_sourced_and_dated() {
    let check = |id: &str, zh: &str, en: &str| {
        assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{id}");
        assert!(!zh.is_ascii(), "{id}: zh text has no Chinese");
    };
    for c in channels() {
        check(c.id, c.name.zh, c.name.en);
        check(c.id, c.what.zh, c.what.en);
        assert!(c.name.zh.chars().count() <= MAX_NAME_CHARS, "{}", c.id);
        check_provenance(c.id, &c.provenance);
    }
    for a in advice() {
        check(a.id, a.title.zh, a.title.en);
        check(a.id, a.text.zh, a.text.en);
        check_provenance(a.id, &a.provenance);
    }
    for l in lifetimes() {
        check(l.category.slug(), l.basis.zh, l.basis.en);
        check_provenance(l.category.slug(), &l.provenance);
    }
}

/// Buyers see a citation (or "no published source" on unverified advice), never our research
/// trail (that stays in the TOML's `source`, which the build requires but does not compile in).
fn check_provenance(id: &str, p: &Provenance) {
    assert!(Date::parse(p.checked).is_ok(), "{id}");
    assert!(
        !p.cite.is_empty() || p.confidence == Confidence::Unverified,
        "{id}: a sourced entry needs a citation"
    );
    let cite = p.cite.to_lowercase();
    for trail in ["domain.md", "github", "docs/", "http"] {
        assert!(
            !cite.contains(trail),
            "{id}: {trail} in the citation {:?}",
            p.cite
        );
    }
}

#[test]
fn ids_are_unique_and_regions_known() {
    let mut seen: Vec<&str> = channels().iter().map(|c| c.id).collect();
    seen.extend(advice().iter().map(|a| a.id));
    let total = seen.len();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), total, "duplicate ids");

    let scopes = channels()
        .iter()
        .map(|c| c.regions)
        .chain(advice().iter().map(|a| a.regions));
    for scope in scopes {
        if let RegionScope::Provinces(codes) = scope {
            assert!(!codes.is_empty());
            for code in codes {
                assert!(region(code).is_some(), "unknown province {code}");
            }
        }
    }
}

#[test]
fn claim_steps_match_the_engines_national_rule_sets() {
    let national: Vec<_> = rule_sets()
        .iter()
        .filter(|r| r.jurisdiction == "CN")
        .collect();
    assert!(national.len() >= 3);
    for a in advice() {
        if let Some(id) = a.rule_set {
            assert_eq!(a.kind, AdviceKind::Step, "{}", a.id);
            assert!(national.iter().any(|r| r.id == id), "{}: {id}", a.id);
        }
    }
    for rules in &national {
        let steps: Vec<_> = advice()
            .iter()
            .filter(|a| a.rule_set == Some(rules.id))
            .collect();
        assert!(steps.len() >= 3, "{} has too few steps", rules.id);
        for category in Category::ALL {
            // A category outside the national list gets a step that says so, and only then.
            let says_not_national = steps
                .iter()
                .any(|s| s.id.ends_with("_not_national") && s.categories.includes(category));
            assert_eq!(
                says_not_national,
                !rules.covers(category),
                "{} / {}",
                rules.id,
                category.slug()
            );
        }
        // Air conditioners: a step explains the AC rule whenever it differs or changed.
        let ac_step = steps
            .iter()
            .any(|s| matches!(s.categories, CategoryScope::Only(list) if list == [Category::Ac]));
        if rules.ac_items > 1 {
            assert!(
                ac_step,
                "{} allows {} ACs but says nothing",
                rules.id, rules.ac_items
            );
        }
    }
}

#[test]
fn safe_use_lifetimes_are_the_sourced_values() {
    let years = |c: Category| -> Vec<u8> {
        let mut v: Vec<u8> = lifetimes()
            .iter()
            .filter(|l| l.category == c)
            .map(|l| l.years)
            .collect();
        v.sort_unstable();
        v
    };
    assert_eq!(years(Category::Fridge), [10]);
    assert_eq!(years(Category::Ac), [10]);
    assert_eq!(years(Category::Washer), [8]);
    assert_eq!(years(Category::RangeHood), [8]);
    assert_eq!(years(Category::GasStove), [8]);
    assert_eq!(years(Category::WaterHeater), [8]);
    assert_eq!(years(Category::GasWaterHeater), [6, 8]);
    for l in lifetimes()
        .iter()
        .filter(|l| l.category == Category::GasWaterHeater)
    {
        assert!(l.condition.is_some(), "the gas type decides");
        assert!(l.basis.zh.contains("GB 17905"));
    }
    // Every category either has a national value or a note saying there is none.
    for c in Category::ALL {
        let has_value = !years(c).is_empty();
        let says_none = advice()
            .iter()
            .any(|a| a.id == "no_national_value" && a.categories.includes(c));
        assert!(has_value != says_none, "{}", c.slug());
    }
}

#[test]
fn unverified_entries_are_listed() {
    let unverified = entries_marked(Confidence::Unverified);
    for id in [
        "channel:haier",
        "advice:s26_old_unit",
        "advice:accept_rules",
    ] {
        assert!(
            unverified.iter().any(|e| e == id),
            "{id} should be unverified"
        );
    }
    assert!(entries_marked(Confidence::Verified)
        .iter()
        .any(|e| e == "channel:energylabel"));
}

// ------------------------------------------------------------------ the guide

#[test]
fn guangdong_fridge_2026_over_age() {
    let g = guide(
        Category::Fridge,
        Some("cn-gd"),
        day(2026, 3, 1),
        Some(12.0),
        None,
    );
    assert_eq!(g.region, Some("GD"));
    assert_eq!(g.rule_set.map(|r| r.id), Some("cn-2026"));
    let keys = ids(&g.channels);
    // The province's claim platform comes before the national one.
    assert_eq!(keys.first().map(String::as_str), Some("b-yuehuanxin"));
    assert!(keys.contains(&"b-yunshanfu".to_string()));
    assert!(!keys.contains(&"b-jingtong".to_string()));
    assert!(keys.contains(&"b-energylabel".to_string()));
    let steps = step_ids(&g);
    for id in [
        "s26_qualify_gd",
        "s26_product",
        "s26_limit",
        "all_pay",
        "all_invoice",
    ] {
        assert!(steps.contains(&id), "{id}");
    }
    assert!(!steps.contains(&"s26_ac"));
    assert!(!steps.iter().any(|s| s.starts_with("s25_")));
    assert!(g.safety.is_over_age());
    assert_eq!(g.safety.exceeded.first().map(|l| l.years), Some(10));
}

#[test]
fn beijing_ac_2025_explains_three_units() {
    let g = guide(Category::Ac, Some("BJ"), day(2025, 6, 1), Some(5.0), None);
    assert_eq!(g.rule_set.map(|r| r.id), Some("cn-2025"));
    assert!(step_ids(&g).contains(&"s25_ac"));
    assert!(ids(&g.channels).contains(&"b-jingtong".to_string()));
    assert!(!ids(&g.channels).contains(&"b-yuehuanxin".to_string()));
    assert!(!g.safety.is_over_age());
    assert_eq!(g.safety.lifetimes.len(), 1);

    let g = guide(Category::Ac, Some("BJ"), day(2026, 6, 1), None, None);
    assert!(step_ids(&g).contains(&"s26_ac"));
}

#[test]
fn shanghai_range_hood_local_rules_only_in_2026() {
    let g = guide(Category::RangeHood, Some("SH"), day(2026, 5, 1), None, None);
    assert!(ids(&g.channels).contains(&"b-shanghai_rules_2026".to_string()));
    assert!(step_ids(&g).contains(&"s26_not_national"));
    let g = guide(Category::RangeHood, Some("SH"), day(2025, 5, 1), None, None);
    assert!(!ids(&g.channels).contains(&"b-shanghai_rules_2026".to_string()));
    assert!(!step_ids(&g).contains(&"s25_not_national"));
    let g = guide(Category::RangeHood, Some("BJ"), day(2026, 5, 1), None, None);
    assert!(!ids(&g.channels).contains(&"b-shanghai_rules_2026".to_string()));
}

#[test]
fn before_the_national_scheme_only_general_steps() {
    let g = guide(Category::Computer, None, day(2023, 5, 1), None, None);
    assert!(g.rule_set.is_none());
    assert!(!g.steps.is_empty());
    assert!(g.steps.iter().all(|s| s.rule_set.is_none()));
    let g = guide(Category::Computer, None, day(2027, 5, 1), None, None);
    assert!(g.rule_set.is_none());
}

#[test]
fn water_purifier_has_no_energy_label_link() {
    let g = guide(Category::WaterPurifier, None, day(2025, 3, 1), None, None);
    assert!(!ids(&g.channels).contains(&"b-energylabel".to_string()));
    assert!(g.safety.lifetimes.is_empty());
    assert!(g.safety.notes.iter().any(|n| n.id == "no_national_value"));
}

#[test]
fn gas_water_heater_lifetime_depends_on_gas_type() {
    let s = safety_for(Category::GasWaterHeater, None, Some(7.0));
    let exceeded: Vec<u8> = s.exceeded.iter().map(|l| l.years).collect();
    assert_eq!(exceeded, [6]);
    let s = safety_for(Category::GasWaterHeater, None, Some(9.5));
    assert_eq!(s.exceeded.len(), 2);
    let s = safety_for(Category::GasWaterHeater, None, Some(6.0));
    assert!(s.exceeded.is_empty(), "exactly at the limit is not over it");
}

#[test]
fn unusable_ages_are_ignored() {
    for age in [
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        -1.0,
        1e308,
        151.0,
    ] {
        let s = safety_for(Category::Fridge, None, Some(age));
        assert_eq!(s.age_years, None, "{age}");
        assert!(s.exceeded.is_empty());
    }
}

#[test]
fn unknown_province_gives_national_entries_only() {
    let g = guide(Category::Tv, Some("XX"), day(2026, 1, 2), None, None);
    assert_eq!(g.region, None);
    assert!(g.channels.iter().all(|c| match c {
        GuideChannel::BuiltIn(b) => !b.regions.is_regional(),
        GuideChannel::Host(..) => false,
    }));
}

#[test]
fn every_category_and_province_renders_in_both_languages() {
    for category in Category::ALL {
        for province in SOME_PROVINCES {
            for date in [day(2024, 10, 1), day(2025, 7, 1), day(2026, 9, 1)] {
                let g = guide(category, province, date, Some(11.0), None);
                assert!(g.rule_set.is_some());
                assert!(
                    g.steps.len() >= 5,
                    "{} {province:?} {date}",
                    category.slug()
                );
                let kinds: Vec<_> = g.channels.iter().filter_map(GuideChannel::kind).collect();
                for needed in [
                    ChannelKind::SubsidyClaim,
                    ChannelKind::Retailer,
                    ChannelKind::RecyclingMap,
                ] {
                    assert!(kinds.contains(&needed), "{} {province:?}", category.slug());
                }
                // Kinds come in display order.
                assert!(kinds.windows(2).all(|w| w[0] <= w[1]));
                for locale in Locale::ALL {
                    for c in &g.channels {
                        assert!(!c.name(locale).is_empty());
                        assert!(!c.description(locale).is_empty());
                        assert!(c.url().starts_with("https://"));
                    }
                    for a in g.steps.iter().chain(&g.notes).chain(&g.safety.notes) {
                        assert!(!a.title.get(locale).is_empty());
                        assert!(!a.text.get(locale).is_empty());
                    }
                }
            }
        }
    }
}

// ------------------------------------------------------------------ the host override

const GOOD: &str = r#"{
  "mode": "prepend",
  "channels": [
    {"name_zh": "某某电器 以旧换新", "name_en": "Acme trade-in",
     "desc_zh": "到店或上门回收旧机", "desc_en": "In store or at your door",
     "url": "https://acme.example.cn/trade-in?src=huanxin",
     "categories": ["fridge", "AC"], "regions": ["gd", "CN-SH"]},
    {"name_en": "Acme everywhere", "url": "https://acme.example.cn/"}
  ]
}"#;

#[test]
fn a_good_override_is_accepted_and_comes_first() {
    let host = parse_channel_override(GOOD).expect("valid");
    assert_eq!(host.mode, OverrideMode::Prepend);
    assert_eq!(host.channels.len(), 2);
    let first = &host.channels[0];
    assert_eq!(first.categories, Some(vec![Category::Fridge, Category::Ac]));
    assert_eq!(first.regions, Some(vec!["GD", "SH"]));
    // Only an English name: Chinese falls back to it.
    assert_eq!(host.channels[1].name(Locale::Zh), "Acme everywhere");
    assert_eq!(host.channels[1].description(Locale::Zh), "");

    let g = guide(
        Category::Fridge,
        Some("GD"),
        day(2026, 2, 1),
        None,
        Some(&host),
    );
    let keys = ids(&g.channels);
    assert_eq!(&keys[..2], ["h-0", "h-1"]);
    assert!(keys.contains(&"b-jd".to_string()), "prepend keeps ours");
    assert!(g.channels[0].is_host() && g.channels[0].provenance().is_none());

    // Filtered by category and province like ours.
    let g = guide(Category::Tv, Some("GD"), day(2026, 2, 1), None, Some(&host));
    assert_eq!(ids(&g.channels).first().map(String::as_str), Some("h-1"));
    let g = guide(
        Category::Fridge,
        Some("BJ"),
        day(2026, 2, 1),
        None,
        Some(&host),
    );
    assert!(!ids(&g.channels).contains(&"h-0".to_string()));
    let g = guide(Category::Fridge, None, day(2026, 2, 1), None, Some(&host));
    assert!(!ids(&g.channels).contains(&"h-0".to_string()));
}

#[test]
fn replace_keeps_the_official_entries() {
    let json =
        r#"{"mode":"replace","channels":[{"name_zh":"本店","url":"https://shop.example.com/"}]}"#;
    let host = parse_channel_override(json).expect("valid");
    let g = guide(
        Category::Fridge,
        Some("GD"),
        day(2026, 2, 1),
        None,
        Some(&host),
    );
    let kinds: Vec<_> = g.channels.iter().filter_map(GuideChannel::kind).collect();
    assert!(g.channels[0].is_host());
    assert!(kinds.iter().all(|k| k.is_official()), "{kinds:?}");
    assert!(kinds.contains(&ChannelKind::SubsidyClaim));
    assert!(kinds.contains(&ChannelKind::LabelLookup));
}

#[test]
fn html_in_names_is_kept_as_inert_text() {
    let json = r#"{"channels":[{"name_zh":"<b>店</b><script>alert(1)</script>",
        "desc_en":"<img src=x onerror=alert(1)> &amp;","url":"https://shop.example.com/"}]}"#;
    let host = parse_channel_override(json).expect("markup is plain text, not rejected");
    let c = &host.channels[0];
    assert_eq!(c.name_zh, "<b>店</b><script>alert(1)</script>");
    assert_eq!(c.desc_en, "<img src=x onerror=alert(1)> &amp;");
}

fn rejected(json: &str) -> OverrideErrorKind {
    match parse_channel_override(json) {
        Ok(o) => panic!("accepted hostile input {json:.80}: {o:?}"),
        Err(e) => {
            // Messages exist in both languages and never echo the host's text.
            for locale in Locale::ALL {
                let m = e.message(locale);
                assert!(!m.is_empty());
                for payload in ["javascript", "<script", "evil", "alert"] {
                    assert!(!m.contains(payload), "{m}");
                }
            }
            assert!(!e.code().is_empty());
            e.kind
        }
    }
}

fn one(fields: &str) -> String {
    format!(r#"{{"channels":[{{{fields}}}]}}"#)
}

#[test]
fn hostile_links_are_rejected() {
    let cases = [
        ("javascript:alert(1)", UrlProblem::NotHttps),
        ("JAVASCRIPT:alert(1)//https://a.com", UrlProblem::NotHttps),
        ("data:text/html;base64,PHNjcmlwdD4=", UrlProblem::NotHttps),
        ("http://evil.example.com/", UrlProblem::NotHttps),
        ("//evil.example.com/", UrlProblem::NotHttps),
        (
            "https://user:pass@evil.example.com/",
            UrlProblem::Credentials,
        ),
        (
            "https://evil.example.com/a b",
            UrlProblem::ForbiddenCharacter,
        ),
        (
            "https://evil.example.com/\\u0000",
            UrlProblem::ForbiddenCharacter,
        ),
        (
            "\\thttps://evil.example.com/",
            UrlProblem::ForbiddenCharacter,
        ),
        (
            "https://evil.example.com\\\\@a.com",
            UrlProblem::ForbiddenCharacter,
        ),
        ("https://10.0.0.1/", UrlProblem::BadHost),
        ("", UrlProblem::NotHttps),
    ];
    for (url, problem) in cases {
        let json = one(&format!(r#""name_zh":"x","url":"{url}""#));
        assert_eq!(rejected(&json), OverrideErrorKind::BadUrl(problem), "{url}");
    }
}

#[test]
fn hostile_structures_are_rejected() {
    use OverrideErrorKind::*;
    let url = r#""url":"https://a.example.com/""#;
    let many = |n: usize| {
        let item = format!(r#"{{"name_zh":"x",{url}}}"#);
        format!(r#"{{"channels":[{}]}}"#, vec![item; n].join(","))
    };
    assert_eq!(rejected(&many(10_000)), TooLarge);
    assert_eq!(rejected(&many(MAX_HOST_CHANNELS + 1)), TooManyChannels);
    assert!(parse_channel_override(&many(MAX_HOST_CHANNELS)).is_ok());
    assert_eq!(rejected(r#"{"channels":[]}"#), NoChannels);
    assert_eq!(rejected(r#"{"mode":"prepend"}"#), MissingField);
    assert_eq!(rejected(&one(r#""name_zh":"x""#)), MissingField);
    assert_eq!(rejected(&one(url)), MissingField);
    assert_eq!(rejected(r#"[{"name_zh":"x"}]"#), NotAnObject);
    assert_eq!(rejected(r#""javascript:alert(1)""#), NotAnObject);
    assert_eq!(rejected(r#"{"mode":"append","channels":[]}"#), BadMode);
    assert_eq!(
        rejected(r#"{"mode":1,"channels":[]}"#),
        WrongType { expected: "string" }
    );
    assert_eq!(
        rejected(r#"{"channels":{}}"#),
        WrongType { expected: "array" }
    );
    assert_eq!(
        rejected(r#"{"channels":["evil"]}"#),
        WrongType { expected: "object" }
    );
    assert_eq!(
        rejected(&one(&format!(r#""name_zh":5,{url}"#))),
        WrongType { expected: "string" }
    );
    assert_eq!(
        rejected(&one(&format!(r#""name_zh":null,{url}"#))),
        WrongType { expected: "string" }
    );
    assert_eq!(
        rejected(&one(&format!(
            r#""name_zh":"x",{url},"categories":"fridge""#
        ))),
        WrongType { expected: "array" }
    );
    assert_eq!(
        rejected(&one(&format!(r#""name_zh":"x",{url},"categories":[1]"#))),
        WrongType { expected: "string" }
    );
    assert_eq!(
        rejected(&one(&format!(r#""name_zh":"x",{url},"categories":[]"#))),
        EmptyList
    );
    assert_eq!(
        rejected(&one(&format!(
            r#""name_zh":"x",{url},"categories":["toaster"]"#
        ))),
        UnknownCategory
    );
    assert_eq!(
        rejected(&one(&format!(
            r#""name_zh":"x",{url},"regions":["Atlantis"]"#
        ))),
        UnknownRegion
    );
    assert_eq!(
        rejected(&one(&format!(
            r#""name_zh":"x",{url},"onclick":"alert(1)""#
        ))),
        UnknownField
    );
    assert_eq!(rejected(r#"{"<script>evil</script>":1}"#), UnknownField);
    assert_eq!(
        rejected(&one(&format!(r#""name_zh":"   ",{url}"#))),
        EmptyText
    );
    assert_eq!(
        rejected(&one(&format!(r#""name_zh":"x",{url},"name_zh":"y""#))),
        Json {
            kind: JsonErrorKind::DuplicateKey,
            offset: 13
        }
    );
}

#[test]
fn hostile_text_is_rejected() {
    use OverrideErrorKind::*;
    let url = r#""url":"https://a.example.com/""#;
    let long_name = "店".repeat(MAX_NAME_CHARS + 1);
    assert_eq!(
        rejected(&one(&format!(r#""name_zh":"{long_name}",{url}"#))),
        TextTooLong {
            max: MAX_NAME_CHARS
        }
    );
    let exact = "店".repeat(MAX_NAME_CHARS);
    assert!(parse_channel_override(&one(&format!(r#""name_zh":"{exact}",{url}"#))).is_ok());
    let huge = "a".repeat(MAX_OVERRIDE_BYTES);
    assert_eq!(
        rejected(&one(&format!(r#""name_zh":"{huge}",{url}"#))),
        TooLarge
    );
    for evil in [
        r"\u0000",
        r"\u001b[31m",
        r"\n",
        r"\u202e",
        r"\u200b",
        r"\ufeff",
    ] {
        assert_eq!(
            rejected(&one(&format!(r#""name_zh":"a{evil}b",{url}"#))),
            ControlCharacter,
            "{evil}"
        );
    }
}

#[test]
fn broken_json_is_rejected() {
    for (input, kind) in [
        (
            r#"{"channels":[{"name_zh":"\ud800","url":"https://a.com/"}]}"#,
            JsonErrorKind::InvalidSurrogate,
        ),
        (
            r#"{"channels":[{"name_zh":"\udc00\ud800"}]}"#,
            JsonErrorKind::InvalidSurrogate,
        ),
        (
            r#"{"channels":[{"name_zh":"\u12"}]}"#,
            JsonErrorKind::InvalidEscape,
        ),
        (
            r#"{"channels":[{"name_zh":"x",}]}"#,
            JsonErrorKind::UnexpectedChar,
        ),
        (
            r#"{"channels":[{"categories":[["fridge"]]}]}"#,
            JsonErrorKind::TooDeep,
        ),
        ("", JsonErrorKind::UnexpectedEnd),
        ("{", JsonErrorKind::UnexpectedEnd),
    ] {
        match rejected(input) {
            OverrideErrorKind::Json { kind: k, .. } => assert_eq!(k, kind, "{input}"),
            other => panic!("{input}: {other:?}"),
        }
    }
    let deep = format!("{}{}", "[".repeat(50_000), "]".repeat(50_000));
    assert_eq!(rejected(&deep), OverrideErrorKind::TooLarge);
    let deep = "[".repeat(1_000);
    assert!(matches!(
        rejected(&deep),
        OverrideErrorKind::Json {
            kind: JsonErrorKind::TooDeep,
            ..
        }
    ));
}

#[test]
fn a_rejected_override_leaves_the_built_in_list() {
    let plain = guide(Category::Fridge, Some("GD"), day(2026, 2, 1), None, None);
    let host: Option<ChannelOverride> =
        parse_channel_override(&one(r#""name_zh":"x","url":"javascript:alert(1)""#)).ok();
    assert!(host.is_none());
    let after = guide(
        Category::Fridge,
        Some("GD"),
        day(2026, 2, 1),
        None,
        host.as_ref(),
    );
    assert_eq!(plain, after);
}

// ------------------------------------------------------------------ properties

/// Strings made of JSON's own punctuation and a few escapes, so that the parsers get deep into
/// their grammar instead of failing on the first byte.
fn jsonish() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "\\",
        "\\u",
        "\\ud83d",
        "\\ude00",
        "0",
        "-1.5e3",
        "1e999",
        "true",
        "null",
        " ",
        "\"mode\"",
        "\"channels\"",
        "\"name_zh\"",
        "\"url\"",
        "\"https://a.example.com/\"",
        "\"javascript:x\"",
        "\"categories\"",
        "\"fridge\"",
        "\"regions\"",
        "\"GD\"",
        "中",
        "\u{0}",
        "\u{202e}",
    ]);
    prop::collection::vec(atoms, 0..60).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn json_parser_never_panics(input in any::<String>()) {
        let _ = json::parse(&input);
    }

    #[test]
    fn json_parser_never_panics_on_jsonish_input(input in jsonish()) {
        let _ = json::parse(&input);
    }

    #[test]
    fn override_parser_never_panics_and_accepts_only_safe_lists(
        input in prop_oneof![any::<String>(), jsonish()]
    ) {
        if let Ok(host) = parse_channel_override(&input) {
            prop_assert!(!host.channels.is_empty() && host.channels.len() <= MAX_HOST_CHANNELS);
            for c in &host.channels {
                prop_assert_eq!(validate_https_url(&c.url), Ok(()));
                prop_assert!(c.name_zh.chars().count() <= MAX_NAME_CHARS);
                prop_assert!(!c.name(Locale::Zh).is_empty());
                prop_assert!(!c.name_zh.chars().any(char::is_control));
            }
        }
    }

    #[test]
    fn link_check_never_panics(url in any::<String>()) {
        let _ = validate_https_url(&url);
    }

    #[test]
    fn guide_never_panics(
        index in 0usize..Category::ALL.len(),
        code in prop_oneof![Just(String::new()), "[A-Za-z-]{0,6}", any::<String>()],
        days in -800_000i64..3_000_000,
        age in prop_oneof![any::<f64>(), 0.0f64..40.0],
    ) {
        let category = Category::ALL[index];
        let date = Date::from_days(days).unwrap_or(Date::MIN);
        let g = guide(category, Some(&code), date, Some(age), None);
        prop_assert!(g.safety.age_years.is_none_or(f64::is_finite));
        prop_assert!(!g.channels.is_empty());
    }
}

/// A host name: 1–40 characters, no surrounding spaces, including markup characters.
fn host_name() -> impl Strategy<Value = String> {
    let chars = prop::sample::select(vec!['a', 'Z', '9', '中', '店', '<', '>', '&', ' ']);
    prop::collection::vec(chars, 1..=MAX_NAME_CHARS).prop_map(|cs| {
        let name: String = cs.into_iter().collect();
        let trimmed = name.trim();
        if trimmed.is_empty() {
            "店".to_string()
        } else {
            trimmed.to_string()
        }
    })
}

proptest! {
    // Generating whole valid documents is slower; 1,000 cases keep the file under 10 s.
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    #[test]
    fn well_formed_overrides_round_trip(
        names in prop::collection::vec(host_name(), 1..=MAX_HOST_CHANNELS),
        host in "[a-z][a-z0-9-]{0,10}[a-z0-9]\\.(com|cn|com\\.cn)",
        path in "[a-zA-Z0-9/_.-]{0,40}",
    ) {
        let url = format!("https://{host}/{path}");
        let items: Vec<String> = names
            .iter()
            .map(|n| format!(r#"{{"name_zh":"{n}","url":"{url}"}}"#))
            .collect();
        let json = format!(r#"{{"mode":"replace","channels":[{}]}}"#, items.join(","));
        let parsed = parse_channel_override(&json);
        prop_assert!(parsed.is_ok(), "{:?}", parsed);
        let parsed = parsed.unwrap_or_default();
        prop_assert_eq!(parsed.mode, OverrideMode::Replace);
        for (c, n) in parsed.channels.iter().zip(&names) {
            prop_assert_eq!(&c.name_zh, n);
            prop_assert_eq!(&c.url, &url);
        }
    }
}
