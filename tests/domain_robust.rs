//! Robustness of every parser that reads outside text (issue 8): the deep-link query, the host
//! configuration it carries, the stored state the page starts from, and the reducer that edits it.
//! Each property runs 10,000 cases; anything a stranger can type or link must come out as typed
//! values plus notices, never as a panic, a non-finite number or a silently changed state.
#![cfg(not(target_arch = "wasm32"))]

use huanxin::domain::category::Category;
use huanxin::domain::date::Date;
use huanxin::domain::evaluate::{evaluate, fields, Evaluation, Form};
use huanxin::domain::host_config::HostConfig;
use huanxin::domain::locale::Locale;
use huanxin::domain::query::{
    parse_deep_link, percent_encode, to_query, MAX_CHANNELS_CHARS, MAX_PARAMS, MAX_VALUE_CHARS,
    UI_PARAMS,
};
use huanxin::ui::state::{Action, AppState, Start, StorageNotice, STORAGE_FORMAT};
use proptest::prelude::*;
use std::rc::Rc;
use yew::Reducible;

const CASES: u32 = 10_000;

fn today() -> Date {
    Date::new(2026, 11, 30).unwrap_or(Date::MIN)
}

/// Inputs that broke or could break number, date and text handling somewhere.
const HOSTILE: &[&str] = &[
    "",
    " ",
    "-1",
    "1e12",
    "NaN",
    "Infinity",
    "-Infinity",
    "１２３",
    "1,2,3",
    "0x1A",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "%00",
    "\u{0}",
    "\u{202e}5999",
    "😀",
    "١٢٣",
    "1/2",
    "½",
    "5 999",
    "1..2",
    "--1",
    "+-1",
    "0,0,0",
    "1e-400",
    "1e400",
    "9999999999999999999999999999",
    "-0",
    "0.",
    ".5",
    "5万",
    "０.３万",
    "5999元",
    "2026-02-30",
    "2026-13-01",
    "0000-00-00",
    "fridge",
    "FRIDGE",
    "toaster",
    "kiosk",
    "embed",
    "1",
    "2",
    "7",
    "BJ",
    "zz",
    "zh",
    "en",
    "fr",
    "{\"channels\":[]}",
    "[",
    "brand:#000",
    "https://shop.example",
];

/// Every name the parsers know, a few near misses and some junk.
fn param_names() -> Vec<String> {
    let mut names: Vec<String> = [
        "cat", "lang", "CAT", " price ", "Price", "x", "", "%", "a%20b",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    names.extend(UI_PARAMS.iter().map(|s| s.to_string()));
    for category in Category::ALL {
        for spec in fields(category) {
            if !names.iter().any(|n| n == spec.param) {
                names.push(spec.param.to_string());
            }
        }
    }
    names
}

fn hostile_value() -> impl Strategy<Value = String> {
    let slugs: Vec<String> = Category::ALL.iter().map(|c| c.slug().to_string()).collect();
    prop_oneof![
        3 => prop::sample::select(HOSTILE).prop_map(str::to_string),
        2 => prop::sample::select(slugs),
        2 => "[-+ 0-9０-９.,万e%]{0,14}",
        1 => any::<String>().prop_map(|s| s.chars().take(80).collect()),
        1 => "[%0-9A-Fa-fzZ&=+?#]{0,12}",
    ]
}

/// A query string shaped like the real ones: `name=value` pairs, each value encoded or not.
fn deep_link() -> impl Strategy<Value = String> {
    let pair = (
        prop::sample::select(param_names()),
        hostile_value(),
        any::<bool>(),
    )
        .prop_map(|(k, v, encode)| {
            let v = if encode { percent_encode(&v) } else { v };
            format!("{k}={v}")
        });
    (any::<bool>(), prop::collection::vec(pair, 0..14))
        .prop_map(|(q, pairs)| format!("{}{}", if q { "?" } else { "" }, pairs.join("&")))
}

/// Every f64 a result shows is finite.
fn finite(e: &Evaluation) -> bool {
    let Some(o) = &e.outcome else {
        return true;
    };
    let r = |r: &huanxin::domain::evaluate::Resources| {
        r.kwh.is_finite() && r.water_m3.is_finite() && r.gas_m3.is_finite()
    };
    r(&o.old.annual)
        && o.grades.iter().all(|g| {
            r(&g.new_annual)
                && r(&g.saved)
                && g.co2_kg.is_finite()
                && g.payback_years.is_none_or(f64::is_finite)
        })
        && o.assumptions.iter().all(|a| a.value.is_finite())
}

/// What a stored form reproduces: whitespace-only values are not written.
fn kept(form: &Form) -> Form {
    let mut out = Form::new();
    for (k, v) in form.iter() {
        if !v.trim().is_empty() {
            out.set(k, v);
        }
    }
    out
}

fn start(query: &str, stored: Option<String>, browser: Locale) -> AppState {
    AppState::start(&Start {
        browser_locale: browser,
        query: query.to_string(),
        stored,
        today: today(),
    })
}

fn check_state(state: &AppState) -> Result<(), TestCaseError> {
    prop_assert!(finite(&state.evaluation));
    // What the page writes back must start the page again, unchanged and without a notice.
    let again = start("", Some(state.stored()), Locale::En);
    prop_assert_eq!(again.storage_notice, None, "stored: {}", state.stored());
    prop_assert_eq!(kept(&again.form), kept(&state.form));
    prop_assert_eq!(again.elder, state.elder);
    prop_assert_eq!(again.locale, state.locale);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    /// Any text at all: bounded output, every notice printable and short.
    #[test]
    fn deep_link_parser_is_bounded_on_any_text(query in any::<String>()) {
        let parsed = parse_deep_link(&query);
        prop_assert!(parsed.form.iter().count() <= MAX_PARAMS);
        prop_assert!(parsed.form.iter().all(|(_, v)| v.chars().count() <= MAX_VALUE_CHARS));
        prop_assert!(parsed.ui.iter().all(|(_, v)| v.chars().count() <= MAX_CHANNELS_CHARS));
        prop_assert!(parsed.notices.len() <= MAX_PARAMS + 2);
        for n in &parsed.notices {
            prop_assert!(n.param.chars().count() <= 32 && !n.param.chars().any(char::is_control));
            prop_assert!(!n.message(Locale::Zh).is_empty() && !n.message(Locale::En).is_empty());
        }
    }

    /// Link-shaped queries: every name given is used or named in a notice, and the engine and the
    /// host configuration take whatever came through without panicking.
    #[test]
    fn deep_links_are_used_or_reported(query in deep_link()) {
        let parsed = parse_deep_link(&query);
        let body = query.strip_prefix('?').unwrap_or(&query);
        for piece in body.split('&').filter(|p| !p.is_empty()).take(MAX_PARAMS) {
            let raw = piece.split_once('=').map_or(piece, |(k, _)| k);
            let Some(key) = huanxin::domain::query::percent_decode(raw) else { continue };
            let key = key.trim().to_ascii_lowercase();
            // A notice names the key as shown: control characters dropped, at most 32 characters.
            let shown: String = key.chars().filter(|c| !c.is_control()).take(32).collect();
            let used = parsed.form.get(&key).is_some()
                || parsed.ui.iter().any(|(k, _)| *k == key)
                || key == "lang"
                || parsed.notices.iter().any(|n| shown.starts_with(&n.param) || n.param == raw);
            prop_assert!(used, "{key:?} vanished from {query:?}");
        }
        prop_assert!(finite(&evaluate(&parsed.form, today())));
        let mut config = HostConfig::parse(&parsed.ui);
        let mut form = parsed.form.clone();
        config.drop_bad_defaults(&mut form, today());
        for w in &config.warnings {
            prop_assert!(w.value.chars().count() <= 33);
            prop_assert!(!w.message(Locale::Zh).is_empty());
        }
    }

    /// A form written as a link reads back the same (values up to the length limit).
    #[test]
    fn forms_round_trip_through_the_query(
        category in prop::sample::select(Category::ALL.to_vec()),
        picks in prop::collection::vec((any::<prop::sample::Index>(), hostile_value()), 0..10),
    ) {
        let specs = fields(category);
        let mut form = Form::new();
        form.set("cat", category.slug());
        for (i, v) in picks {
            let v: String = v.chars().take(MAX_VALUE_CHARS).collect();
            if let Some(spec) = specs.get(i.index(specs.len().max(1))) {
                form.set(spec.param, v);
            }
        }
        let query = to_query(&form, [("lang", "en")]);
        let parsed = parse_deep_link(&query);
        prop_assert!(parsed.notices.is_empty(), "{:?} from {}", parsed.notices, query);
        prop_assert_eq!(kept(&parsed.form), kept(&form));
        prop_assert_eq!(parsed.locale, Some(Locale::En));
    }

    /// The stored state is whatever was in localStorage: any text, ours or not.
    #[test]
    fn start_survives_any_stored_text(
        stored in prop_oneof![
            any::<String>(),
            any::<String>().prop_map(|s| format!("{STORAGE_FORMAT}{s}")),
            deep_link().prop_map(|q| format!("{STORAGE_FORMAT}{q}")),
        ],
        query in prop_oneof![Just(String::new()), deep_link()],
        zh in any::<bool>(),
    ) {
        let browser = if zh { Locale::Zh } else { Locale::En };
        let state = start(&query, Some(stored.clone()), browser);
        // A kiosk never reads storage (strangers share it), so it has nothing to call corrupt.
        let kiosk = state.host.mode == huanxin::domain::host_config::HostMode::Kiosk;
        if !stored.is_empty() && !stored.starts_with(STORAGE_FORMAT) && !kiosk {
            prop_assert_eq!(state.storage_notice, Some(StorageNotice::Corrupt));
        }
        check_state(&state)?;
    }

    /// Whatever the buyer does, in any order, the state stays finite and reloads as it was.
    #[test]
    fn any_sequence_of_actions_keeps_a_reloadable_state(
        query in prop_oneof![Just(String::new()), deep_link()],
        actions in prop::collection::vec(action(), 0..12),
    ) {
        let mut state = Rc::new(start(&query, None, Locale::Zh));
        for a in actions {
            // The page only renders the inputs of the chosen category.
            if let Action::SetField(param, _) = &a {
                let shown = state.category().is_some_and(|c| fields(c).iter().any(|f| f.param == *param));
                if !shown {
                    continue;
                }
            }
            state = state.reduce(a);
            prop_assert!(finite(&state.evaluation));
        }
        check_state(&state)?;
    }
}

fn action() -> impl Strategy<Value = Action> {
    let params: Vec<&'static str> = Category::ALL
        .iter()
        .flat_map(|c| fields(*c).iter().map(|f| f.param))
        .collect();
    prop_oneof![
        1 => prop::sample::select(Category::ALL.to_vec()).prop_map(Action::SelectCategory),
        4 => (prop::sample::select(params), hostile_value())
            .prop_map(|(p, v)| Action::SetField(p, v.chars().take(40).collect())),
        1 => any::<bool>().prop_map(|zh| Action::SetLocale(if zh { Locale::Zh } else { Locale::En })),
        1 => any::<bool>().prop_map(Action::SetElder),
        1 => Just(Action::DismissNotices),
        1 => Just(Action::Reset),
    ]
}

/// Found by `deep_links_are_used_or_reported` in CI: a key that decodes to a control character is
/// named in its notice without that character, and still named.
#[test]
fn a_key_with_a_control_character_is_named_without_it() {
    let parsed = parse_deep_link("cat=&%00?");
    assert!(
        parsed.notices.iter().any(|n| n.param == "?"),
        "{:?}",
        parsed.notices
    );
}

/// Found by `start_survives_any_stored_text`: a link without `cat` carrying another category's
/// parameter was merged into the stored fridge, and the next visit called the storage corrupt.
#[test]
fn another_categorys_parameter_is_named_and_dropped() {
    let state = start(
        "old_cooling_kwh=900&price=5999",
        Some(format!("{STORAGE_FORMAT}cat=fridge")),
        Locale::Zh,
    );
    assert_eq!(state.form.get("old_cooling_kwh"), None);
    assert_eq!(state.form.get("price"), Some("5999"));
    assert!(state
        .link_notices
        .iter()
        .any(|n| n.param == "old_cooling_kwh" && n.code == "unknown"));
    let again = start("", Some(state.stored()), Locale::Zh);
    assert_eq!(again.storage_notice, None);
    assert_eq!(again.form.get("cat"), Some("fridge"));
}

/// Found by tests/e2e/hostile.test.mjs: a bad `cat` or `elder` in a link was ignored without a word.
#[test]
fn bad_category_and_elder_values_are_named() {
    let stored = Some(format!("{STORAGE_FORMAT}cat=fridge&price=5999"));
    let state = start("cat=toaster&elder=maybe", stored.clone(), Locale::Zh);
    let named: Vec<(&str, &str)> = state
        .link_notices
        .iter()
        .map(|n| (n.param.as_str(), n.code))
        .collect();
    assert_eq!(named, [("cat", "bad_value"), ("elder", "bad_value")]);
    // The stored scenario stays.
    assert_eq!(state.form.get("cat"), Some("fridge"));
    assert_eq!(state.form.get("price"), Some("5999"));
    assert!(state.link_notices[0].message(Locale::Zh).contains("cat"));
    // `cat=FRIDGE` is the same category: the stored values stay; `cat=` says nothing.
    let same = start("cat=FRIDGE&elder=true", stored.clone(), Locale::Zh);
    assert_eq!(same.form.get("price"), Some("5999"));
    assert!(same.elder && same.link_notices.is_empty());
    let empty = start("cat=&elder=", stored, Locale::Zh);
    assert!(empty.link_notices.is_empty());
    assert_eq!(empty.form.get("cat"), Some("fridge"));
}
