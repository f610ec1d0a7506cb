//! Compiles the human-edited data under `assets/data/` into Rust statics.
//!
//! It parses the TOML files, validates them (every value sourced, confidence marks valid, dates
//! well formed, periods of one jurisdiction not overlapping, units as expected, every category and
//! province complete) and writes `$OUT_DIR/data.rs`, which `src/domain/data.rs` includes. Any
//! problem fails the build with a message naming the file and the value.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;

#[path = "build/guide_data.rs"]
mod guide_data;

const DATA_DIR: &str = "assets/data";
const FILES: [&str; 5] = [
    "sources.toml",
    "factors.toml",
    "regions.toml",
    "subsidy_rules.toml",
    "categories.toml",
];

/// Category slugs, in `Category::ALL` order, with their enum variant names.
const CATEGORIES: [(&str, &str); 15] = [
    ("fridge", "Fridge"),
    ("ac", "Ac"),
    ("washer", "Washer"),
    ("water_heater", "WaterHeater"),
    ("gas_water_heater", "GasWaterHeater"),
    ("heat_pump_water_heater", "HeatPumpWaterHeater"),
    ("water_purifier", "WaterPurifier"),
    ("air_purifier", "AirPurifier"),
    ("range_hood", "RangeHood"),
    ("microwave", "Microwave"),
    ("tv", "Tv"),
    ("dishwasher", "Dishwasher"),
    ("rice_cooker", "RiceCooker"),
    ("gas_stove", "GasStove"),
    ("computer", "Computer"),
];

/// The 31 mainland provinces (ISO 3166-2:CN without the prefix).
const PROVINCES: [&str; 31] = [
    "BJ", "TJ", "HE", "SX", "NM", "LN", "JL", "HL", "SH", "JS", "ZJ", "AH", "FJ", "JX", "SD", "HA",
    "HB", "HN", "GD", "GX", "HI", "CQ", "SC", "GZ", "YN", "XZ", "SN", "GS", "QH", "NX", "XJ",
];

const CLIMATES: [&str; 5] = ["severe_cold", "cold", "hscw", "hsww", "mild"];

/// What the engine needs per category: (slug, grade-table figures with their unit and bands,
/// usage params with their unit, constants with their unit).
type Needs = (
    &'static str,
    &'static [(&'static str, &'static str, &'static [&'static str])],
    &'static [(&'static str, &'static str)],
    &'static [(&'static str, &'static str)],
);

const NEEDS: [Needs; 15] = [
    (
        "fridge",
        &[("eta_pct", "%", &["all"])],
        &[("volume_l", "L")],
        &[
            ("m", "kWh/L/yr"),
            ("n", "kWh/yr"),
            ("volume_adjust", "ratio"),
        ],
    ),
    (
        "ac",
        &[("apf", "W/W", &["le4500", "4500_7100", "7100_14000"])],
        &[
            ("capacity_w", "W"),
            ("cooling_hours", "h/yr"),
            ("heating_hours", "h/yr"),
        ],
        &[
            ("label_cooling_hours", "h/yr"),
            ("label_heating_hours", "h/yr"),
            ("load_hours", "h/yr"),
            ("cooling_share", "ratio"),
        ],
    ),
    (
        "washer",
        &[
            ("kwh_per_kg", "kWh/kg/cycle", &["drum", "impeller"]),
            ("water_l_per_kg", "L/kg/cycle", &["drum", "impeller"]),
        ],
        &[("capacity_kg", "kg"), ("cycles_week", "1/week")],
        &[],
    ),
    (
        "water_heater",
        &[("epsilon", "ratio", &["all"])],
        &[
            ("volume_l", "L"),
            ("setpoint_c", "degC"),
            ("hot_water_l_day", "L/day"),
        ],
        &[
            ("q_per_litre", "kWh/L/day"),
            ("q_base", "kWh/day"),
            ("test_rise_k", "K"),
            ("ambient_c", "degC"),
            ("use_rise_k", "K"),
        ],
    ),
    (
        "gas_water_heater",
        &[("efficiency_pct", "%", &["all"])],
        &[("hot_water_l_day", "L/day"), ("temp_rise_c", "K")],
        &[],
    ),
    (
        "heat_pump_water_heater",
        &[("cop", "W/W", &["all"])],
        &[
            ("hot_water_l_day", "L/day"),
            ("temp_rise_c", "K"),
            ("cop_field_ratio", "ratio"),
        ],
        &[],
    ),
    (
        "water_purifier",
        &[("recovery_pct", "%", &["all"])],
        &[("purified_l_day", "L/day")],
        &[],
    ),
    (
        "air_purifier",
        &[("cadr_efficiency", "m3/W/h", &["all"])],
        &[("cadr_m3h", "m3/h"), ("hours_day", "h/day")],
        &[],
    ),
    (
        "range_hood",
        &[("efficiency_pct", "%", &["all"])],
        &[("hours_day", "h/day")],
        &[("air_power_w", "W")],
    ),
    (
        "microwave",
        &[("efficiency_pct", "%", &["all"])],
        &[("output_w", "W"), ("minutes_day", "min/day")],
        &[],
    ),
    (
        "tv",
        &[("eei", "cd/W", &["all"])],
        &[("screen_in", "in"), ("hours_day", "h/day")],
        &[("luminance", "cd/m2"), ("processing_w", "W")],
    ),
    (
        "dishwasher",
        &[
            ("kwh_per_setting", "kWh/setting/cycle", &["all"]),
            ("water_l_per_setting", "L/setting/cycle", &["all"]),
        ],
        &[("place_settings", "settings"), ("cycles_week", "1/week")],
        &[],
    ),
    (
        "rice_cooker",
        &[(
            "efficiency_pct",
            "%",
            &["le400", "400_600", "600_1000", "1000_2000"],
        )],
        &[("rated_power_w", "W"), ("cooks_day", "1/day")],
        &[("useful_kwh_per_cook", "kWh")],
    ),
    (
        "gas_stove",
        &[("efficiency_pct", "%", &["all"])],
        &[("cooking_mj_day", "MJ/day")],
        &[],
    ),
    (
        "computer",
        &[("tec_kwh", "kWh/yr", &["desktop", "notebook"])],
        &[("use_factor", "ratio")],
        &[],
    ),
];

// ---------------------------------------------------------------- TOML shapes

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceDef {
    name: String,
    #[serde(default)]
    url: String,
    as_of: String,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct FactDef {
    value: f64,
    unit: String,
    from: String,
    to: Option<String>,
    source: String,
    confidence: String,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactorsFile {
    data_version: String,
    as_of: String,
    tariff: FactDef,
    tier2_step: FactDef,
    tier3_step: FactDef,
    water_price: FactDef,
    gas_price: FactDef,
    grid_factor: FactDef,
    gas_co2: FactDef,
    gas_lhv: FactDef,
    default_old_age: FactDef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionsFile {
    region: Vec<RegionDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionDef {
    code: String,
    name_zh: String,
    name_en: String,
    climate: String,
    tariff: FactDef,
    /// `national` (+0.05 / +0.30) or `none` (no tiers).
    tiers: String,
    valley_tariff: Option<FactDef>,
    water_price: Option<FactDef>,
    gas_price: Option<FactDef>,
    grid_factor: Option<FactDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    rule_set: Vec<RuleSetDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSetDef {
    id: String,
    jurisdiction: String,
    name_zh: String,
    name_en: String,
    from: String,
    to: String,
    categories: Vec<String>,
    rates: Vec<RateDef>,
    items_per_person: u32,
    ac_items: u32,
    old_unit_required: Option<bool>,
    note_zh: String,
    note_en: String,
    source: String,
    confidence: String,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RateDef {
    grade: u8,
    rate_pct: f64,
    cap_yuan: i64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoriesFile {
    category: Vec<CategoryDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoryDef {
    slug: String,
    lifetime: FactDef,
    degradation_per_year: FactDef,
    degradation_cap: FactDef,
    #[serde(default)]
    usage: Vec<UsageDef>,
    #[serde(default)]
    constant: Vec<ConstantDef>,
    edition: Vec<EditionDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UsageDef {
    param: String,
    low: f64,
    typical: f64,
    high: f64,
    unit: String,
    source: String,
    confidence: String,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConstantDef {
    name: String,
    label_zh: String,
    label_en: String,
    fact: FactDef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EditionDef {
    standard: String,
    /// The standard's name in English notices; required when `standard` has Chinese words in it.
    #[serde(default)]
    standard_en: Option<String>,
    from: String,
    to: Option<String>,
    grades: u8,
    unknown_grade: u8,
    source: String,
    confidence: String,
    #[serde(default)]
    note: String,
    table: Vec<TableDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TableDef {
    figure: String,
    band: String,
    values: Vec<f64>,
    unit: String,
    source: String,
    confidence: String,
    #[serde(default)]
    note: String,
}

// ---------------------------------------------------------------- validation helpers

struct Checker {
    sources: BTreeMap<String, SourceDef>,
    errors: Vec<String>,
}

impl Checker {
    fn fail(&mut self, at: &str, message: impl AsRef<str>) {
        self.errors.push(format!("{at}: {}", message.as_ref()));
    }

    fn date(&mut self, at: &str, text: &str) -> Option<(i32, u8, u8)> {
        let parsed = parse_date(text);
        if parsed.is_none() {
            self.fail(at, format!("bad date {text:?} (want YYYY-MM-DD)"));
        }
        parsed
    }

    fn source(&mut self, at: &str, id: &str, confidence: &str) {
        if id.trim().is_empty() {
            self.fail(at, "value without a source");
        } else if !self.sources.contains_key(id) {
            self.fail(
                at,
                format!("unknown source id {id:?} (add it to sources.toml)"),
            );
        }
        if !matches!(confidence, "verified" | "secondary" | "unverified") {
            self.fail(
                at,
                format!("bad confidence mark {confidence:?} (verified | secondary | unverified)"),
            );
        }
    }

    fn fact(&mut self, at: &str, fact: &FactDef, unit: &str) {
        if fact.unit != unit {
            self.fail(
                at,
                format!("unit mismatch: {:?}, expected {unit:?}", fact.unit),
            );
        }
        if !fact.value.is_finite() || fact.value < 0.0 {
            self.fail(at, format!("value {} must be finite and ≥ 0", fact.value));
        }
        self.source(at, &fact.source, &fact.confidence);
        let from = self.date(at, &fact.from);
        if let Some(to) = &fact.to {
            let to = self.date(at, to);
            if let (Some(from), Some(to)) = (from, to) {
                if to < from {
                    self.fail(at, "period ends before it starts");
                }
            }
        }
    }
}

/// A checked date as (year, month, day); orders chronologically.
type Ymd = (i32, u8, u8);

fn parse_date(text: &str) -> Option<Ymd> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    let year: i32 = text.get(0..4)?.parse().ok()?;
    let month: u8 = text.get(5..7)?.parse().ok()?;
    let day: u8 = text.get(8..10)?.parse().ok()?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (year >= 1 && (1..=days).contains(&day)).then_some((year, month, day))
}

fn read<T: for<'de> Deserialize<'de>>(name: &str) -> T {
    let path = Path::new(DATA_DIR).join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("data: cannot read {}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("data: {}: {e}", path.display()))
}

// ---------------------------------------------------------------- emitting Rust

fn lit_zh(s: &str) -> String {
    format!("zh!({s:?})")
}

fn lit_en(s: &str) -> String {
    format!("en!({s:?})")
}

fn lit_str(s: &str) -> String {
    format!("{s:?}")
}

fn lit_f64(v: f64) -> String {
    let text = format!("{v:?}");
    if text.contains('.') || text.contains('e') {
        text
    } else {
        format!("{text}.0")
    }
}

fn lit_opt_str(v: &Option<String>) -> String {
    match v {
        Some(s) => format!("Some({})", lit_str(s)),
        None => "None".to_string(),
    }
}

fn confidence(mark: &str) -> &'static str {
    match mark {
        "verified" => "Confidence::Verified",
        "secondary" => "Confidence::Secondary",
        _ => "Confidence::Unverified",
    }
}

/// The data's sources, interned: every distinct (source, confidence, note) becomes one `static`
/// and values point at it, so the wasm holds each citation once instead of once per value.
struct Sources<'a> {
    defs: &'a BTreeMap<String, SourceDef>,
    /// The `Source { .. }` literal of each interned static, by index.
    interned: RefCell<Vec<String>>,
    /// The `source-notes` feature: keep every developer note (the JS package exposes them). The UI
    /// shows only the notes of label standards and grade tables, which are always kept.
    all_notes: bool,
}

impl Sources<'_> {
    /// `&SRC_<n>` for the source `id` with this confidence mark and note.
    fn lit(&self, id: &str, mark: &str, note: &str) -> String {
        let note = if self.all_notes { note } else { "" };
        self.lit_noted(id, mark, note)
    }

    /// Like [`Sources::lit`], but the note is always kept (it can be shown to the buyer).
    fn lit_noted(&self, id: &str, mark: &str, note: &str) -> String {
        let (name, url, as_of) = self
            .defs
            .get(id)
            .map(|s| (s.name.as_str(), s.url.as_str(), s.as_of.as_str()))
            .unwrap_or(("", "", ""));
        let literal = format!(
            "Source {{ name: {}, url: {}, as_of: {}, confidence: {}, note: {} }}",
            lit_str(name),
            lit_str(url),
            lit_str(as_of),
            confidence(mark),
            lit_str(note)
        );
        let mut interned = self.interned.borrow_mut();
        let index = match interned.iter().position(|l| *l == literal) {
            Some(i) => i,
            None => {
                interned.push(literal);
                interned.len() - 1
            }
        };
        format!("&SRC_{index}")
    }

    fn emit(&self, out: &mut String) {
        for (i, literal) in self.interned.borrow().iter().enumerate() {
            let _ = writeln!(out, "static SRC_{i}: Source = {literal};");
        }
    }
}

fn fact_lit(sources: &Sources, f: &FactDef) -> String {
    format!(
        "Fact {{ value: {}, unit: {}, valid_from: {}, valid_to: {}, source: {} }}",
        lit_f64(f.value),
        lit_str(&f.unit),
        lit_str(&f.from),
        lit_opt_str(&f.to),
        sources.lit(&f.source, &f.confidence, &f.note)
    )
}

fn opt_fact_lit(sources: &Sources, f: &Option<FactDef>) -> String {
    match f {
        Some(f) => format!("Some({})", fact_lit(sources, f)),
        None => "None".to_string(),
    }
}

fn variant(slug: &str) -> &'static str {
    CATEGORIES
        .iter()
        .find(|(s, _)| *s == slug)
        .map(|(_, v)| *v)
        .unwrap_or("Fridge")
}

// ---------------------------------------------------------------- main

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    for file in FILES {
        println!("cargo:rerun-if-changed={DATA_DIR}/{file}");
    }

    let sources: BTreeMap<String, SourceDef> = read("sources.toml");
    let factors: FactorsFile = read("factors.toml");
    let regions: RegionsFile = read("regions.toml");
    let rules: RulesFile = read("subsidy_rules.toml");
    let categories: CategoriesFile = read("categories.toml");

    let mut c = Checker {
        sources,
        errors: Vec::new(),
    };
    let ids: Vec<String> = c.sources.keys().cloned().collect();
    for id in ids {
        let (name, as_of) = c
            .sources
            .get(&id)
            .map(|s| (s.name.clone(), s.as_of.clone()))
            .unwrap_or_default();
        let at = format!("sources.toml [{id}]");
        if name.trim().is_empty() {
            c.fail(&at, "source without a name");
        }
        c.date(&at, &as_of);
    }

    check_factors(&mut c, &factors);
    check_regions(&mut c, &regions);
    check_rules(&mut c, &rules);
    check_categories(&mut c, &categories);

    if !c.errors.is_empty() {
        panic!(
            "\n\nassets/data is invalid ({} problem(s)):\n  - {}\n\n",
            c.errors.len(),
            c.errors.join("\n  - ")
        );
    }

    let mut out = String::new();
    let s = &Sources {
        defs: &c.sources,
        interned: RefCell::new(Vec::new()),
        all_notes: std::env::var_os("CARGO_FEATURE_SOURCE_NOTES").is_some(),
    };
    let _ = writeln!(
        out,
        "// @generated by build.rs from assets/data/*.toml. Do not edit.\n"
    );
    let _ = writeln!(
        out,
        "/// Version of the compiled data set.\npub const DATA_VERSION: &str = {};",
        lit_str(&factors.data_version)
    );
    let _ = writeln!(
        out,
        "/// Date the data set was last checked against its sources.\npub const DATA_AS_OF: &str = {};\n",
        lit_str(&factors.as_of)
    );
    emit_factors(&mut out, s, &factors);
    emit_regions(&mut out, s, &regions);
    emit_rules(&mut out, s, &rules);
    emit_categories(&mut out, s, &categories);
    s.emit(&mut out);

    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".to_string());
    let path = Path::new(&out_dir).join("data.rs");
    std::fs::write(&path, out)
        .unwrap_or_else(|e| panic!("data: cannot write {}: {e}", path.display()));
    guide_data::generate(Path::new(DATA_DIR), Path::new(&out_dir))
        .unwrap_or_else(|e| panic!("\n\n{e}\n\n"));
}

fn check_factors(c: &mut Checker, f: &FactorsFile) {
    let at = "factors.toml";
    c.date(at, &f.as_of);
    if f.data_version.trim().is_empty() {
        c.fail(at, "data_version is empty");
    }
    let facts: [(&str, &FactDef, &str); 9] = [
        ("tariff", &f.tariff, "yuan/kWh"),
        ("tier2_step", &f.tier2_step, "yuan/kWh"),
        ("tier3_step", &f.tier3_step, "yuan/kWh"),
        ("water_price", &f.water_price, "yuan/m3"),
        ("gas_price", &f.gas_price, "yuan/m3"),
        ("grid_factor", &f.grid_factor, "kgCO2/kWh"),
        ("gas_co2", &f.gas_co2, "kgCO2/m3"),
        ("gas_lhv", &f.gas_lhv, "MJ/m3"),
        ("default_old_age", &f.default_old_age, "years"),
    ];
    for (name, fact, unit) in facts {
        c.fact(&format!("{at} {name}"), fact, unit);
    }
}

fn check_regions(c: &mut Checker, r: &RegionsFile) {
    let mut seen = BTreeSet::new();
    for region in &r.region {
        let at = format!("regions.toml {}", region.code);
        if !PROVINCES.contains(&region.code.as_str()) {
            c.fail(&at, "not one of the 31 province codes");
        }
        if !seen.insert(region.code.clone()) {
            c.fail(&at, "listed twice");
        }
        if region.name_zh.trim().is_empty() || region.name_en.trim().is_empty() {
            c.fail(&at, "name missing");
        }
        if !CLIMATES.contains(&region.climate.as_str()) {
            c.fail(&at, format!("bad climate {:?}", region.climate));
        }
        if !matches!(region.tiers.as_str(), "national" | "none") {
            c.fail(&at, "tiers must be national or none");
        }
        c.fact(&format!("{at} tariff"), &region.tariff, "yuan/kWh");
        let optional: [(&str, &Option<FactDef>, &str); 4] = [
            ("valley_tariff", &region.valley_tariff, "yuan/kWh"),
            ("water_price", &region.water_price, "yuan/m3"),
            ("gas_price", &region.gas_price, "yuan/m3"),
            ("grid_factor", &region.grid_factor, "kgCO2/kWh"),
        ];
        for (name, fact, unit) in optional {
            if let Some(fact) = fact {
                c.fact(&format!("{at} {name}"), fact, unit);
            }
        }
        if region.gas_price.is_none() {
            c.fail(&at, "gas_price missing");
        }
        if region.grid_factor.is_none() && region.code != "XZ" {
            c.fail(&at, "grid_factor missing (only Tibet has none published)");
        }
    }
    for code in PROVINCES {
        if !seen.contains(code) {
            c.fail("regions.toml", format!("province {code} missing"));
        }
    }
}

fn check_rules(c: &mut Checker, r: &RulesFile) {
    let mut ids = BTreeSet::new();
    let mut periods: BTreeMap<String, Vec<(Ymd, Ymd, String)>> = BTreeMap::new();
    for set in &r.rule_set {
        let at = format!("subsidy_rules.toml {}", set.id);
        if !ids.insert(set.id.clone()) {
            c.fail(&at, "duplicate id");
        }
        if set.jurisdiction != "CN" && !PROVINCES.contains(&set.jurisdiction.as_str()) {
            c.fail(&at, "jurisdiction must be CN or a province code");
        }
        c.source(&at, &set.source, &set.confidence);
        let from = c.date(&at, &set.from);
        let to = c.date(&at, &set.to);
        if let (Some(from), Some(to)) = (from, to) {
            if to < from {
                c.fail(&at, "period ends before it starts");
            }
            periods
                .entry(set.jurisdiction.clone())
                .or_default()
                .push((from, to, set.id.clone()));
        }
        if set.categories.is_empty() {
            c.fail(&at, "no categories");
        }
        for slug in &set.categories {
            if !CATEGORIES.iter().any(|(s, _)| s == slug) {
                c.fail(&at, format!("unknown category {slug:?}"));
            }
        }
        if set.rates.is_empty() {
            c.fail(&at, "no rates");
        }
        let mut last_grade = 0;
        let mut last_rate = f64::INFINITY;
        let mut last_cap = i64::MAX;
        for rate in &set.rates {
            if rate.grade <= last_grade || rate.grade > 5 {
                c.fail(&at, "rates must be listed best grade first, grades 1–5");
            }
            if !(rate.rate_pct > 0.0 && rate.rate_pct <= 100.0) {
                c.fail(&at, format!("rate {}% out of range", rate.rate_pct));
            }
            let bp = rate.rate_pct * 100.0;
            if (bp - bp.round()).abs() > 1e-9 {
                c.fail(&at, "rate must be a whole number of basis points");
            }
            if rate.cap_yuan <= 0 {
                c.fail(&at, "cap must be positive");
            }
            // A better grade must never get less than a worse one.
            if rate.rate_pct > last_rate || rate.cap_yuan > last_cap {
                c.fail(
                    &at,
                    "a worse grade gets a higher rate or cap than a better one",
                );
            }
            last_grade = rate.grade;
            last_rate = rate.rate_pct;
            last_cap = rate.cap_yuan;
        }
        if set.name_zh.trim().is_empty() || set.name_en.trim().is_empty() {
            c.fail(&at, "name missing");
        }
    }
    for (jurisdiction, mut list) in periods {
        list.sort();
        for pair in list.windows(2) {
            if let [a, b] = pair {
                if b.0 <= a.1 {
                    c.fail(
                        "subsidy_rules.toml",
                        format!("overlapping periods in {jurisdiction}: {} and {}", a.2, b.2),
                    );
                }
            }
        }
    }
}

fn check_categories(c: &mut Checker, f: &CategoriesFile) {
    let mut seen = BTreeSet::new();
    for cat in &f.category {
        let at = format!("categories.toml {}", cat.slug);
        if !seen.insert(cat.slug.clone()) {
            c.fail(&at, "listed twice");
        }
        let Some(needs) = NEEDS.iter().find(|n| n.0 == cat.slug) else {
            c.fail(&at, "unknown category");
            continue;
        };
        c.fact(&format!("{at} lifetime"), &cat.lifetime, "years");
        c.fact(
            &format!("{at} degradation_per_year"),
            &cat.degradation_per_year,
            "1/yr",
        );
        c.fact(
            &format!("{at} degradation_cap"),
            &cat.degradation_cap,
            "ratio",
        );
        if cat.lifetime.value < 1.0 || cat.lifetime.value > 30.0 {
            c.fail(&at, "lifetime must be 1–30 years");
        }
        // Usage: every needed param, each with low ≤ typical ≤ high. Climate variants
        // (`param@zone`) are allowed for the same params.
        for u in &cat.usage {
            let uat = format!("{at} usage {}", u.param);
            let base = u.param.split('@').next().unwrap_or("");
            match needs.2.iter().find(|(p, _)| *p == base) {
                None => c.fail(&uat, "not a usage parameter of this category"),
                Some((_, unit)) if *unit != u.unit => c.fail(
                    &uat,
                    format!("unit mismatch: {:?}, expected {unit:?}", u.unit),
                ),
                Some(_) => {}
            }
            if let Some(zone) = u.param.split('@').nth(1) {
                if !CLIMATES.contains(&zone) {
                    c.fail(&uat, format!("bad climate {zone:?}"));
                }
            }
            let ordered = u.low <= u.typical && u.typical <= u.high && u.low >= 0.0;
            if !ordered || !u.high.is_finite() {
                c.fail(&uat, "need 0 ≤ low ≤ typical ≤ high");
            }
            c.source(&uat, &u.source, &u.confidence);
        }
        for (param, _) in needs.2 {
            if !cat.usage.iter().any(|u| u.param == *param) {
                c.fail(&at, format!("usage default {param} missing"));
            }
        }
        for k in &cat.constant {
            let kat = format!("{at} constant {}", k.name);
            match needs.3.iter().find(|(n, _)| *n == k.name) {
                None => c.fail(&kat, "not a constant of this category"),
                Some((_, unit)) => c.fact(&kat, &k.fact, unit),
            }
            if k.label_zh.trim().is_empty() || k.label_en.trim().is_empty() {
                c.fail(&kat, "label missing");
            }
        }
        for (name, _) in needs.3 {
            if !cat.constant.iter().any(|k| k.name == *name) {
                c.fail(&at, format!("constant {name} missing"));
            }
        }
        check_editions(c, &at, cat, needs);
    }
    for (slug, _) in CATEGORIES {
        if !seen.contains(slug) {
            c.fail("categories.toml", format!("category {slug} missing"));
        }
    }
}

fn check_editions(c: &mut Checker, at: &str, cat: &CategoryDef, needs: &Needs) {
    if cat.edition.is_empty() {
        c.fail(at, "no label edition");
        return;
    }
    let mut previous_to: Option<(i32, u8, u8)> = None;
    let count = cat.edition.len();
    for (i, e) in cat.edition.iter().enumerate() {
        let eat = format!("{at} edition {}", e.standard);
        c.source(&eat, &e.source, &e.confidence);
        let english = e.standard_en.as_deref().unwrap_or(&e.standard);
        if !english.is_ascii() {
            c.fail(
                &eat,
                "`standard` has Chinese words: give `standard_en` for English notices",
            );
        }
        let from = c.date(&eat, &e.from);
        let to = e.to.as_deref().and_then(|t| c.date(&eat, t));
        if i + 1 < count && e.to.is_none() {
            c.fail(&eat, "only the last edition may be open-ended");
        }
        if i + 1 == count && e.to.is_some() {
            c.fail(&eat, "the last edition must be open-ended (current)");
        }
        if let (Some(prev), Some(from)) = (previous_to, from) {
            if from <= prev {
                c.fail(&eat, "overlaps the previous edition");
            }
            if next_day(prev) != from {
                c.fail(&eat, "leaves a gap after the previous edition");
            }
        }
        if let (Some(from), Some(to)) = (from, to) {
            if to < from {
                c.fail(&eat, "ends before it starts");
            }
        }
        previous_to = to;
        if e.grades == 0 || e.grades > 5 || e.unknown_grade == 0 || e.unknown_grade > e.grades {
            c.fail(&eat, "grades must be 1–5 and unknown_grade within them");
        }
        let current = i + 1 == count;
        for t in &e.table {
            let tat = format!("{eat} table {}/{}", t.figure, t.band);
            c.source(&tat, &t.source, &t.confidence);
            match needs.1.iter().find(|(f, _, _)| *f == t.figure) {
                None => c.fail(&tat, "not a figure of this category"),
                Some((_, unit, bands)) => {
                    if *unit != t.unit {
                        c.fail(
                            &tat,
                            format!("unit mismatch: {:?}, expected {unit:?}", t.unit),
                        );
                    }
                    if t.band != "all" && !bands.contains(&t.band.as_str()) {
                        c.fail(&tat, format!("band {:?} not one of {bands:?}", t.band));
                    }
                }
            }
            if t.values.len() != usize::from(e.grades) {
                c.fail(&tat, format!("needs {} values, one per grade", e.grades));
            }
            if t.values.iter().any(|v| !v.is_finite() || *v <= 0.0) {
                c.fail(&tat, "values must be finite and > 0");
            }
        }
        // Every edition must give every figure in every band, so old units can be estimated and
        // the current edition gives typical grade-1 and grade-2 figures.
        for (figure, _, bands) in needs.1 {
            for band in *bands {
                let found = e
                    .table
                    .iter()
                    .any(|t| t.figure == *figure && (t.band == *band || t.band == "all"));
                if !found {
                    c.fail(&eat, format!("missing table {figure}/{band}"));
                }
            }
        }
        if current && e.grades < 2 {
            c.fail(&eat, "the current edition must have at least two grades");
        }
    }
}

fn next_day((y, m, d): (i32, u8, u8)) -> (i32, u8, u8) {
    let text = format!("{y:04}-{m:02}-{:02}", d + 1);
    if parse_date(&text).is_some() {
        return (y, m, d + 1);
    }
    if m < 12 {
        (y, m + 1, 1)
    } else {
        (y + 1, 1, 1)
    }
}

fn emit_factors(out: &mut String, s: &Sources, f: &FactorsFile) {
    let _ = writeln!(
        out,
        "static FACTORS: Factors = Factors {{\n    tariff: {},\n    tier_steps: TierSteps {{ tier2: {}, tier3: {}, source: {} }},\n    water_price: {},\n    gas_price: {},\n    grid_factor: {},\n    gas_co2: {},\n    gas_lhv: {},\n    default_old_age: {},\n}};\n",
        fact_lit(s, &f.tariff),
        lit_f64(f.tier2_step.value),
        lit_f64(f.tier3_step.value),
        s.lit(&f.tier2_step.source, &f.tier2_step.confidence, &f.tier2_step.note),
        fact_lit(s, &f.water_price),
        fact_lit(s, &f.gas_price),
        fact_lit(s, &f.grid_factor),
        fact_lit(s, &f.gas_co2),
        fact_lit(s, &f.gas_lhv),
        fact_lit(s, &f.default_old_age),
    );
    // Tier steps of provinces on the national scheme reuse these numbers.
    let _ = writeln!(
        out,
        "const NATIONAL_TIERS: TierSteps = TierSteps {{ tier2: {}, tier3: {}, source: {} }};\n",
        lit_f64(f.tier2_step.value),
        lit_f64(f.tier3_step.value),
        s.lit(
            &f.tier2_step.source,
            &f.tier2_step.confidence,
            &f.tier2_step.note
        ),
    );
}

fn emit_regions(out: &mut String, s: &Sources, r: &RegionsFile) {
    let _ = writeln!(out, "static REGIONS: &[Region] = &[");
    // Keep the ISO list order whatever the file order.
    for code in PROVINCES {
        let Some(region) = r.region.iter().find(|x| x.code == code) else {
            continue;
        };
        let tiers = if region.tiers == "national" {
            "Some(NATIONAL_TIERS)"
        } else {
            "None"
        };
        let _ = writeln!(
            out,
            "    Region {{\n        code: {},\n        name_zh: {},\n        name_en: {},\n        climate: {},\n        tariff: {},\n        tier_steps: {},\n        valley_tariff: {},\n        water_price: {},\n        gas_price: {},\n        grid_factor: {},\n    }},",
            lit_str(&region.code),
            lit_zh(&region.name_zh),
            lit_en(&region.name_en),
            lit_str(&region.climate),
            fact_lit(s, &region.tariff),
            tiers,
            opt_fact_lit(s, &region.valley_tariff),
            opt_fact_lit(s, &region.water_price),
            opt_fact_lit(s, &region.gas_price),
            opt_fact_lit(s, &region.grid_factor),
        );
    }
    let _ = writeln!(out, "];\n");
}

fn emit_rules(out: &mut String, s: &Sources, r: &RulesFile) {
    let _ = writeln!(out, "static RULE_SETS: &[RuleSet] = &[");
    let mut sets: Vec<&RuleSetDef> = r.rule_set.iter().collect();
    // National first, then by start date.
    sets.sort_by(|a, b| {
        (a.jurisdiction != "CN", &a.jurisdiction, &a.from).cmp(&(
            b.jurisdiction != "CN",
            &b.jurisdiction,
            &b.from,
        ))
    });
    for set in sets {
        let categories: Vec<String> = set
            .categories
            .iter()
            .map(|slug| format!("Category::{}", variant(slug)))
            .collect();
        let rates: Vec<String> = set
            .rates
            .iter()
            .map(|r| {
                format!(
                    "RateRule {{ grade: {}, rate_bp: {}, cap_fen: {} }}",
                    r.grade,
                    (r.rate_pct * 100.0).round() as i64,
                    r.cap_yuan * 100
                )
            })
            .collect();
        let old = match set.old_unit_required {
            Some(b) => format!("Some({b})"),
            None => "None".to_string(),
        };
        let _ = writeln!(
            out,
            "    RuleSet {{\n        id: {},\n        jurisdiction: {},\n        name_zh: {},\n        name_en: {},\n        valid_from: {},\n        valid_to: {},\n        categories: &[{}],\n        rates: &[{}],\n        items_per_person: {},\n        ac_items: {},\n        old_unit_required: {},\n        note_zh: {},\n        note_en: {},\n        source: {},\n    }},",
            lit_str(&set.id),
            lit_str(&set.jurisdiction),
            lit_zh(&set.name_zh),
            lit_en(&set.name_en),
            lit_str(&set.from),
            lit_str(&set.to),
            categories.join(", "),
            rates.join(", "),
            set.items_per_person,
            set.ac_items,
            old,
            lit_zh(&set.note_zh),
            lit_en(&set.note_en),
            s.lit(&set.source, &set.confidence, &set.note),
        );
    }
    let _ = writeln!(out, "];\n");
}

fn emit_categories(out: &mut String, s: &Sources, f: &CategoriesFile) {
    let _ = writeln!(out, "static CATEGORIES: &[CategoryData] = &[");
    for (slug, variant_name) in CATEGORIES {
        let Some(cat) = f.category.iter().find(|c| c.slug == slug) else {
            continue;
        };
        let _ = writeln!(out, "    CategoryData {{");
        let _ = writeln!(out, "        category: Category::{variant_name},");
        let _ = writeln!(out, "        editions: &[");
        for e in &cat.edition {
            let _ = writeln!(
                out,
                "            Edition {{\n                standard: {},\n                standard_en: {},\n                valid_from: {},\n                valid_to: {},\n                grades: {},\n                unknown_grade: {},\n                source: {},\n                tables: &[",
                lit_str(&e.standard),
                lit_en(e.standard_en.as_deref().unwrap_or(&e.standard)),
                lit_str(&e.from),
                lit_opt_str(&e.to),
                e.grades,
                e.unknown_grade,
                s.lit_noted(&e.source, &e.confidence, &e.note),
            );
            for t in &e.table {
                let values: Vec<String> = t.values.iter().map(|v| lit_f64(*v)).collect();
                let _ = writeln!(
                    out,
                    "                    GradeTable {{ figure: {}, band: {}, values: &[{}], unit: {}, source: {} }},",
                    lit_str(&t.figure),
                    lit_str(&t.band),
                    values.join(", "),
                    lit_str(&t.unit),
                    s.lit_noted(&t.source, &t.confidence, &t.note),
                );
            }
            let _ = writeln!(out, "                ],\n            }},");
        }
        let _ = writeln!(out, "        ],");
        let _ = writeln!(out, "        lifetime: {},", fact_lit(s, &cat.lifetime));
        let _ = writeln!(out, "        usage: &[");
        for u in &cat.usage {
            let _ = writeln!(
                out,
                "            UsageDefault {{ param: {}, low: {}, typical: {}, high: {}, unit: {}, source: {} }},",
                lit_str(&u.param),
                lit_f64(u.low),
                lit_f64(u.typical),
                lit_f64(u.high),
                lit_str(&u.unit),
                s.lit(&u.source, &u.confidence, &u.note),
            );
        }
        let _ = writeln!(out, "        ],");
        let _ = writeln!(out, "        constants: &[");
        for k in &cat.constant {
            let _ = writeln!(
                out,
                "            Constant {{ name: {}, label_zh: {}, label_en: {}, fact: {} }},",
                lit_str(&k.name),
                lit_zh(&k.label_zh),
                lit_en(&k.label_en),
                fact_lit(s, &k.fact),
            );
        }
        let _ = writeln!(out, "        ],");
        let _ = writeln!(
            out,
            "        degradation_per_year: {},\n        degradation_cap: {},",
            fact_lit(s, &cat.degradation_per_year),
            fact_lit(s, &cat.degradation_cap),
        );
        let _ = writeln!(out, "    }},");
    }
    let _ = writeln!(out, "];");
}
