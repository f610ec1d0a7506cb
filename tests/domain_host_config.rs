//! Host configuration is untrusted input from retailers' pages and kiosk URLs: whatever arrives, the
//! parser never panics and only allow-listed values come out.
#![cfg(not(target_arch = "wasm32"))]

use huanxin::domain::host_config::{
    parse_origin, theme_properties, Build, HostConfig, HostMode, HostWarningCode, Rgb,
    MAX_IDLE_SECONDS, MAX_STORE_CHARS, MIN_IDLE_SECONDS,
};
use huanxin::domain::query::parse_deep_link;
use proptest::prelude::*;

/// Names the parser reads, plus a few it must leave alone.
const NAMES: &[&str] = &[
    "mode", "embed", "origin", "theme", "store", "hide", "idle", "lang", "elder", "channels", "x",
];

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-z#:,;=0-9 ]{0,40}",
        "(brand|accent|bg|surface|text|foo):#?[0-9a-fA-F]{0,7}(,(brand|text|bg):[0-9a-f]{3,6}){0,4}",
        "(https?|ftp|javascript)://[a-z0-9.:\\[\\]@/?#-]{0,30}",
        "(kiosk|embed|KIOSK|1|0|true|yes|)",
        "-?[0-9]{0,12}",
    ]
}

fn assert_clean(config: &HostConfig) -> Result<(), TestCaseError> {
    for (_, colour) in &config.theme {
        let css = colour.css();
        prop_assert_eq!(css.len(), 7);
        prop_assert!(css.starts_with('#') && css[1..].bytes().all(|b| b.is_ascii_hexdigit()));
    }
    for elder in [false, true] {
        for (property, value) in config.css_properties(elder) {
            prop_assert!(theme_properties().any(|p| p == property), "{}", property);
            prop_assert!(value.starts_with('#') && value.len() == 7);
        }
    }
    if let Some(store) = &config.store {
        prop_assert!(!store.is_empty() && store.chars().count() <= MAX_STORE_CHARS);
        prop_assert!(!store.chars().any(char::is_control));
        prop_assert_eq!(store.trim(), store.as_str());
    }
    prop_assert!((MIN_IDLE_SECONDS..=MAX_IDLE_SECONDS).contains(&config.idle_seconds));
    if let Some(origin) = &config.parent_origin {
        prop_assert_eq!(config.mode, HostMode::Embed);
        prop_assert_eq!(parse_origin(origin), Some(origin.clone()));
        prop_assert!(origin.starts_with("https://") || origin.starts_with("http://"));
        let rest = origin.split_once("://").map_or("", |(_, r)| r);
        prop_assert!(!rest.is_empty() && !rest.contains(['/', '?', '#', '@', '\\']));
    }
    let mut hidden = config.hidden.clone();
    hidden.dedup();
    prop_assert_eq!(hidden.len(), config.hidden.len());
    for w in &config.warnings {
        prop_assert!(w.value.chars().count() <= 33);
        prop_assert!(!w.value.chars().any(char::is_control));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn any_parameters_give_clean_values(pairs in proptest::collection::vec(
        (proptest::sample::select(NAMES), value()), 0..12)) {
        let ui: Vec<(String, String)> = pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        let config = HostConfig::parse(&ui);
        assert_clean(&config)?;
        // What is kept in the address parses back to the same configuration; the only warning
        // left is the one that depends on what is missing (embed mode without an origin).
        let kept: Vec<(String, String)> =
            config.query_pairs().into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        let again = HostConfig::parse(&kept);
        prop_assert!(
            again.warnings.iter().all(|w| w.code == HostWarningCode::EmbedWithoutOrigin),
            "{:?}",
            again.warnings
        );
        let again = HostConfig { warnings: Vec::new(), ..again };
        prop_assert_eq!(HostConfig { warnings: Vec::new(), ..config }, again);
    }

    #[test]
    fn any_query_string_gives_clean_values(query in any::<String>()) {
        let parsed = parse_deep_link(&query);
        let config = HostConfig::parse(&parsed.ui);
        assert_clean(&config)?;
    }

    #[test]
    fn parse_origin_is_idempotent(text in "[a-zA-Z0-9:/.\\[\\]@?#-]{0,40}") {
        if let Some(origin) = parse_origin(&text) {
            prop_assert_eq!(parse_origin(&origin), Some(origin.clone()));
            prop_assert!(origin.len() <= 64);
        }
    }
}

/// 长辈模式 promises 7:1 text: a host background that reads well enough (4.5:1) for the normal page
/// but not with the darker 长辈模式 colours is dropped in 长辈模式 only; the host's brand and text
/// colours give way to 长辈模式's own there.
#[test]
fn elder_mode_keeps_only_host_backgrounds_with_seven_to_one() {
    let config = HostConfig::parse(&[(
        "theme".to_string(),
        "bg:dddddd,surface:ffffff,brand:9a3412".to_string(),
    )]);
    assert!(config.warnings.is_empty(), "{:?}", config.warnings);
    let normal: Vec<&str> = config
        .css_properties(false)
        .iter()
        .map(|(p, _)| *p)
        .collect();
    assert!(
        normal.contains(&"--hx-bg") && normal.contains(&"--hx-brand"),
        "{normal:?}"
    );
    let elder = config.css_properties(true);
    let names: Vec<&str> = elder.iter().map(|(p, _)| *p).collect();
    assert!(
        !names.contains(&"--hx-bg"),
        "#ddd is below 7:1 for the 长辈模式 brand: {names:?}"
    );
    assert!(!names.contains(&"--hx-brand") && !names.contains(&"--hx-text"));
    assert!(names.contains(&"--hx-surface"), "white passes: {names:?}");
    // Every 长辈模式 text colour in app.css reaches 7:1 on what is kept.
    let css =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/app.css")).unwrap();
    let elder_rules: String = css
        .split(".hx-elder {")
        .skip(1)
        .map(|r| r.split('}').next().unwrap_or(""))
        .collect();
    let texts: Vec<Rgb> = [
        "--hx-text",
        "--hx-muted",
        "--hx-brand",
        "--hx-error",
        "--hx-accent",
    ]
    .iter()
    .map(|name| {
        let at = elder_rules
            .find(&format!("{name}:"))
            .unwrap_or_else(|| panic!("{name} in .hx-elder"));
        let value = elder_rules[at + name.len() + 1..]
            .split(';')
            .next()
            .unwrap()
            .trim();
        Rgb::parse(value).unwrap_or_else(|| panic!("{name}: {value}"))
    })
    .collect();
    for (_, value) in &elder {
        let background = Rgb::parse(value).unwrap();
        for t in &texts {
            assert!(t.contrast(background) >= 7.0, "{t:?} on {value}");
        }
    }
}

#[test]
fn a_link_needs_the_smallest_build_that_reads_all_its_parameters() {
    let needs = |query: &str| Build::needed(&parse_deep_link(query).ui);
    assert_eq!(needs(""), Build::Phone);
    assert_eq!(needs("cat=fridge&price=5999"), Build::Phone);
    assert_eq!(needs("lang=en&elder=1&cat=tv"), Build::Phone);
    assert_eq!(needs("channels=%5B%5D"), Build::Host);
    assert_eq!(
        needs("embed=1&origin=https%3A%2F%2Fshop.example"),
        Build::Host
    );
    assert_eq!(needs("store=x"), Build::Host);
    assert_eq!(needs("theme=brand:%23c00000"), Build::Host);
    assert_eq!(needs("hide=chart"), Build::Host);
    // Even an empty or unknown mode: the host build names what it ignored.
    assert_eq!(needs("mode="), Build::Host);
    assert_eq!(needs("mode=shop"), Build::Host);
    assert_eq!(needs("mode=embed"), Build::Host);
    assert_eq!(needs("mode=kiosk"), Build::Full);
    assert_eq!(needs("mode=%20KIOSK%20&store=x"), Build::Full);
    // Embed wins over kiosk in the app, but the full build holds the host's parts too: bytes only.
    assert_eq!(
        needs("mode=kiosk&embed=1&origin=https%3A%2F%2Fshop.example"),
        Build::Full
    );
    assert!(Build::Phone < Build::Host && Build::Host < Build::Full);
    assert_eq!(
        [Build::Phone, Build::Host, Build::Full].map(Build::name),
        ["phone", "host", "full"]
    );
}

#[test]
fn the_page_knows_the_same_host_parameters() {
    // tools/choose-build.js picks the build before the wasm runs; a parameter it missed costs a
    // reload.
    let boot = include_str!("../tools/choose-build.js");
    let start = boot
        .find("['mode', 'theme'")
        .expect("the host parameter list in choose-build.js");
    let list = &boot[start + 1..start + boot[start..].find(']').unwrap()];
    let mut in_boot: Vec<&str> = list
        .split(',')
        .map(|k| k.trim().trim_matches('\''))
        .collect();
    let mut host: Vec<&str> = huanxin::domain::query::UI_PARAMS
        .iter()
        .copied()
        .filter(|k| !huanxin::domain::host_config::PHONE_PARAMS.contains(k))
        .collect();
    in_boot.sort_unstable();
    host.sort_unstable();
    assert_eq!(in_boot, host);
}

#[test]
fn only_defaults_the_host_set_are_checked() {
    let today = huanxin::domain::date::Date::new(2026, 5, 1).unwrap();
    let check = |query: &str| {
        let mut link = parse_deep_link(query);
        let mut config = HostConfig::parse(&link.ui);
        config.drop_bad_defaults(&mut link.form, today);
        config.warnings.iter().map(|w| w.param).collect::<Vec<_>>()
    };
    // A kiosk with no defaults starts on the picker: nothing to warn about.
    assert!(check("mode=kiosk").is_empty());
    assert!(check("mode=kiosk&cat=fridge&price=5999").is_empty());
    assert_eq!(check("mode=kiosk&cat=toaster"), ["cat"]);
    assert_eq!(check("mode=kiosk&cat=fridge&price=-1"), ["price"]);
}
