//! The facts the engine uses, compiled in from the human-edited TOML files under `assets/data/`.
//!
//! `build.rs` parses and validates those files and writes `data.rs` into `OUT_DIR`; that file only
//! defines `static`s of the plain types below (no parsing at run time, no serde in the wasm). Every
//! value carries its source, the dates it applies to and a confidence mark.

use super::category::Category;
use super::date::Date;

/// How sure we are of a value (the reference's ✅ / 🟡 / ❌).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Confidence {
    /// Read in a copy of the official text, or two independent sources agree.
    Verified,
    /// One secondary source (a repost, a standards shop, a public data file quoting the official value).
    Secondary,
    /// An assumption, a recollection or a value derived from unverified inputs.
    Unverified,
}

impl Confidence {
    /// The mark's stable code: `verified`, `secondary` or `unverified`.
    pub fn code(self) -> &'static str {
        match self {
            Confidence::Verified => "verified",
            Confidence::Secondary => "secondary",
            Confidence::Unverified => "unverified",
        }
    }

    /// The mark in the buyer's words.
    pub fn label(self, locale: super::locale::Locale) -> &'static str {
        let (zh, en) = match self {
            Confidence::Verified => ("已核实", "verified"),
            Confidence::Secondary => ("二手来源", "secondary source"),
            Confidence::Unverified => ("未核实(假设)", "unverified (assumption)"),
        };
        locale.pick(zh, en)
    }
}

/// Where a value comes from. Values point at one shared table of these (`build.rs` interns
/// them), so each citation is in the wasm once.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Source {
    /// The document or data set, as a citation (e.g. "商办流通函〔2025〕469号").
    pub name: &'static str,
    /// Its address (may be empty when only a citation exists).
    pub url: &'static str,
    /// When the value was last checked against the source (`YYYY-MM-DD`).
    pub as_of: &'static str,
    pub confidence: Confidence,
    /// Why it has that confidence, or how it was derived (may be empty). Only with the
    /// `source-notes` feature (the JS package) for every value; otherwise only label standards and
    /// grade tables keep theirs (the engine quotes them in notices), the rest are empty.
    pub note: &'static str,
}

/// A number with its unit, source and the dates it applies to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fact {
    pub value: f64,
    /// Unit symbol, e.g. `yuan/kWh`, `kgCO2/kWh`, `years`.
    pub unit: &'static str,
    /// First day the value applies (inclusive), `YYYY-MM-DD`.
    pub valid_from: &'static str,
    /// Last day the value applies (inclusive), `YYYY-MM-DD`; `None` when still current.
    pub valid_to: Option<&'static str>,
    pub source: &'static Source,
}

impl Fact {
    /// True when `date` falls in the value's validity window.
    pub fn applies_on(&self, date: Date) -> bool {
        within(date, self.valid_from, self.valid_to)
    }
}

/// Reads a data date (`YYYY-MM-DD`, checked by `build.rs`). Never fails at run time: a malformed
/// date reads as the last representable day, so it can only make a window never start.
pub fn data_date(text: &str) -> Date {
    let mut parts = text.splitn(3, '-');
    let year = parts.next().and_then(|p| p.parse::<i32>().ok());
    let month = parts.next().and_then(|p| p.parse::<u8>().ok());
    let day = parts.next().and_then(|p| p.parse::<u8>().ok());
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => Date::new(y, m, d).unwrap_or(Date::MAX),
        _ => Date::MAX,
    }
}

/// True when `date` is in `from..=to` (`to` open-ended when `None`).
pub fn within(date: Date, from: &str, to: Option<&str>) -> bool {
    data_date(from) <= date && to.is_none_or(|to| date <= data_date(to))
}

/// A usage default with its uncertainty: the three values feed the low / typical / high range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UsageDefault {
    /// The public parameter that overrides it (e.g. `cycles_week`).
    pub param: &'static str,
    pub low: f64,
    pub typical: f64,
    pub high: f64,
    pub unit: &'static str,
    pub source: &'static Source,
}

/// A province (省级行政区) with its prices and grid factor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Region {
    /// ISO 3166-2:CN code without the `CN-` prefix (`BJ`, `SH`, `GD` …).
    pub code: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    /// Climate zone used for air-conditioner hours: `severe_cold`, `cold`, `hscw`, `hsww`, `mild`.
    pub climate: &'static str,
    /// Residential tier-1 electricity price (一户一表, < 1 kV).
    pub tariff: Fact,
    /// Extra price of tier 2 and tier 3 over tier 1 (yuan/kWh); `None` when the province has no tiers.
    pub tier_steps: Option<TierSteps>,
    /// Off-peak (谷) price when a time-of-use option is documented.
    pub valley_tariff: Option<Fact>,
    /// Tier-1 residential water price incl. sewage, for the capital, when a source was found.
    pub water_price: Option<Fact>,
    /// Tier-1 residential piped natural gas price of the capital.
    pub gas_price: Option<Fact>,
    /// MEE provincial average grid CO2 factor; `None` where none is published (Tibet).
    pub grid_factor: Option<Fact>,
}

/// How much more tier 2 and tier 3 cost than tier 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TierSteps {
    pub tier2: f64,
    pub tier3: f64,
    pub source: &'static Source,
}

/// National defaults and physical factors (`assets/data/factors.toml`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Factors {
    pub tariff: Fact,
    pub tier_steps: TierSteps,
    pub water_price: Fact,
    pub gas_price: Fact,
    pub grid_factor: Fact,
    pub gas_co2: Fact,
    /// Lower heating value of natural gas, MJ/m³.
    pub gas_lhv: Fact,
    /// Age at which an old unit is assumed when no purchase year is given.
    pub default_old_age: Fact,
}

/// One subsidy rate within a rule set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RateRule {
    /// The unit's grade must be at least this good (1 = best).
    pub grade: u8,
    /// Rate in basis points of the final price (1500 = 15 %).
    pub rate_bp: i64,
    /// Cap per item in fen.
    pub cap_fen: i64,
}

/// A subsidy rule set: who pays what, for which categories, between which dates. Equal when the
/// ids are (unique, checked by `build.rs`): comparing every field costs wasm size for nothing.
#[derive(Clone, Copy, Debug)]
pub struct RuleSet {
    /// Stable id, e.g. `cn-2026`, `sh-2026-local`.
    pub id: &'static str,
    /// `CN` for the national scheme, else the province code.
    pub jurisdiction: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    /// First day (inclusive), `YYYY-MM-DD`.
    pub valid_from: &'static str,
    /// Last day (inclusive), `YYYY-MM-DD`.
    pub valid_to: &'static str,
    pub categories: &'static [Category],
    /// Sorted best grade first; a unit gets the first rule its grade satisfies.
    pub rates: &'static [RateRule],
    /// Items per person per category (air conditioners may differ, see `ac_items`).
    pub items_per_person: u32,
    pub ac_items: u32,
    /// Whether the old unit must be handed in; `None` when the documents do not say.
    pub old_unit_required: Option<bool>,
    pub note_zh: &'static str,
    pub note_en: &'static str,
    pub source: &'static Source,
}

impl PartialEq for RuleSet {
    fn eq(&self, other: &RuleSet) -> bool {
        self.id == other.id
    }
}

impl RuleSet {
    /// True when `date` is inside the rule set's period.
    pub fn in_force(&self, date: Date) -> bool {
        within(date, self.valid_from, Some(self.valid_to))
    }

    /// True when the rule set lists the category.
    pub fn covers(&self, category: Category) -> bool {
        self.categories.contains(&category)
    }
}

/// A label standard edition and its grade thresholds for one category.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Edition {
    /// The standard's number, e.g. `GB 12021.2-2015`, or a Chinese description of what came
    /// before it (e.g. `GB 12021.2-2008 及更早`).
    pub standard: &'static str,
    /// The same in English notices (e.g. `GB 12021.2-2008 or earlier`); equal to `standard` when
    /// that is only a number.
    pub standard_en: &'static str,
    /// First day in force, `YYYY-MM-DD`.
    pub valid_from: &'static str,
    /// Last day it was the edition in force (inclusive); `None` while current.
    pub valid_to: Option<&'static str>,
    /// Number of grades (3 or 5).
    pub grades: u8,
    /// Grade assumed for an old unit of this edition when the buyer does not know it.
    pub unknown_grade: u8,
    /// Typical figures per grade, by figure and size band.
    pub tables: &'static [GradeTable],
    pub source: &'static Source,
}

/// Typical (threshold) values of one label figure, one per grade (index 0 = grade 1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GradeTable {
    /// The figure, e.g. `kwh_24h_eta`, `apf`, `efficiency_pct`.
    pub figure: &'static str,
    /// Size band or type this row applies to (`all` when it does not vary).
    pub band: &'static str,
    pub values: &'static [f64],
    pub unit: &'static str,
    pub source: &'static Source,
}

/// Everything one category needs beyond the label figures the buyer types.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CategoryData {
    pub category: Category,
    /// Editions, oldest first; consecutive and non-overlapping.
    pub editions: &'static [Edition],
    /// Safe-use lifetime (安全使用年限), years.
    pub lifetime: Fact,
    /// Usage defaults (low / typical / high).
    pub usage: &'static [UsageDefault],
    /// Model constants (e.g. `volume_adjust`, `air_power_w`), each sourced.
    pub constants: &'static [Constant],
    /// Age degradation of an estimated old unit: extra consumption per year of age, and its cap.
    pub degradation_per_year: Fact,
    pub degradation_cap: Fact,
}

/// A named model constant of a category.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Constant {
    pub name: &'static str,
    pub label_zh: &'static str,
    pub label_en: &'static str,
    pub fact: Fact,
}

impl CategoryData {
    /// The edition in force on `date`; before the first edition, the first one.
    pub fn edition_on(&self, date: Date) -> Option<&'static Edition> {
        let editions: &'static [Edition] = self.editions;
        editions
            .iter()
            .find(|e| within(date, e.valid_from, e.valid_to))
            .or_else(|| editions.first())
    }

    /// A usage default by parameter name.
    pub fn usage(&self, param: &str) -> Option<&'static UsageDefault> {
        let usage: &'static [UsageDefault] = self.usage;
        usage.iter().find(|u| u.param == param)
    }

    /// A model constant by name.
    pub fn constant(&self, name: &str) -> Option<&'static Constant> {
        let constants: &'static [Constant] = self.constants;
        constants.iter().find(|c| c.name == name)
    }
}

impl Edition {
    /// The typical value of `figure` for `grade` in size band `band` (or `all`).
    pub fn value(&self, figure: &str, band: &str, grade: u8) -> Option<f64> {
        let table = self
            .tables
            .iter()
            .find(|t| t.figure == figure && t.band == band)
            .or_else(|| {
                self.tables
                    .iter()
                    .find(|t| t.figure == figure && t.band == "all")
            })?;
        let index = usize::from(grade.checked_sub(1)?);
        table.values.get(index).copied()
    }

    /// The source row behind `figure` in `band`.
    pub fn table(&self, figure: &str, band: &str) -> Option<&'static GradeTable> {
        let tables: &'static [GradeTable] = self.tables;
        tables
            .iter()
            .find(|t| t.figure == figure && t.band == band)
            .or_else(|| {
                tables
                    .iter()
                    .find(|t| t.figure == figure && t.band == "all")
            })
    }
}

include!(concat!(env!("OUT_DIR"), "/data.rs"));

/// Every province, in the order of the ISO list (north to south-west, as the standard lists them).
pub fn regions() -> &'static [Region] {
    REGIONS
}

/// A province by its code, ignoring case and an optional `CN-` prefix.
pub fn region(code: &str) -> Option<&'static Region> {
    let code = code.trim();
    let code = code
        .get(..3)
        .filter(|p| p.eq_ignore_ascii_case("CN-"))
        .and_then(|_| code.get(3..))
        .unwrap_or(code);
    REGIONS.iter().find(|r| r.code.eq_ignore_ascii_case(code))
}

/// Every subsidy rule set, national first, oldest first.
pub fn rule_sets() -> &'static [RuleSet] {
    RULE_SETS
}

/// The national defaults and physical factors.
pub fn factors() -> &'static Factors {
    &FACTORS
}

/// The data of one category.
pub fn category_data(category: Category) -> Option<&'static CategoryData> {
    CATEGORIES.iter().find(|c| c.category == category)
}
