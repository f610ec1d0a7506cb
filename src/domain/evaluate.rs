//! The engine's facade: raw form text in, every number the UI and the JS package show out.
//!
//! The UI (`src/ui`) and the JS package (`js/`) both call [`evaluate`] with a [`Form`] keyed by the
//! public deep-link parameter names, so the two always agree. Parameter names, type names and
//! field names here are a public contract: keep them stable.

use super::category::Category;
use super::data::{Confidence, RuleSet};
use super::date::Date;
use super::money::Fen;

pub use super::form_fields::fields;

/// Everything typed, as raw text keyed by public parameter name (`cat`, `region`, `date`, `grade`,
/// `price`, `alt_price`, `trade_in`, `old_kwh_year`, `new_kwh_year`, `old_water_m3_year`,
/// `new_water_m3_year`, `old_gas_m3_year`, `new_gas_m3_year`, `tariff`, `water_price`,
/// `gas_price`, plus the category's label figures and usage fields listed by [`fields`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Form {
    /// Sorted by key, keys unique. A sorted `Vec` rather than a `BTreeMap`: forms have a few dozen
    /// keys, and the B-tree code costs about 10 KB of wasm.
    values: Vec<(String, String)>,
}

impl Form {
    /// An empty form: every value falls back to its default.
    pub fn new() -> Form {
        Form::default()
    }

    /// Sets parameter `key` to the raw text `value` (replacing any earlier value).
    pub fn set(&mut self, key: impl Into<String>, value: impl Into<String>) {
        self.set_text(key.into(), value.into());
    }

    /// The one non-generic body of [`Form::set`] (one copy in the wasm, not one per caller type).
    fn set_text(&mut self, key: String, value: String) {
        match self.position(&key) {
            Ok(i) => {
                if let Some(slot) = self.values.get_mut(i) {
                    slot.1 = value;
                }
            }
            Err(i) => self.values.insert(i, (key, value)),
        }
    }

    /// Where `key` is (`Ok`) or would be inserted to keep the keys sorted (`Err`).
    fn position(&self, key: &str) -> Result<usize, usize> {
        self.values.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// The raw text of `key`, if set.
    pub fn get(&self, key: &str) -> Option<&str> {
        let i = self.position(key).ok()?;
        self.values.get(i).map(|(_, v)| v.as_str())
    }

    /// Removes `key`, returning its text.
    pub fn remove(&mut self, key: &str) -> Option<String> {
        let i = self.position(key).ok()?;
        Some(self.values.remove(i).1)
    }

    /// Every (parameter, text) pair in parameter order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.values.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// True when nothing is set.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The keys [`evaluate`] ignores for this form's category: neither common nor in [`fields`].
    /// The UI reports them to the user; `lang` is accepted as the UI's own parameter.
    pub fn unknown_keys(&self) -> Vec<&str> {
        let category = self.get("cat").and_then(Category::from_slug);
        self.values
            .iter()
            .map(|(k, _)| k.as_str())
            .filter(|k| !super::form_fields::is_known_param(k, category))
            .collect()
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for Form {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Form {
        let mut form = Form::new();
        for (k, v) in iter {
            form.set(k, v);
        }
        form
    }
}

/// Where an input sits in the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldGroup {
    /// Date, region, grade, prices paid.
    Purchase,
    /// The old appliance: label figures, purchase year and grade, or direct annual use.
    Old,
    /// The new appliance: label figures or direct annual use.
    New,
    /// How the household uses the appliance (size, type, hours, cycles …).
    Usage,
    /// Electricity, water and gas prices and the grid factor.
    Prices,
}

/// What kind of control an input needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// A number typed as text (full-width digits, `万`, units … are accepted).
    Number,
    /// One of `FieldSpec::choices` (the option's `value` is the parameter text).
    Choice,
    /// A date `YYYY-MM-DD`.
    Date,
    /// A province code from [`super::data::regions`]; empty for the national defaults.
    Region,
}

/// One option of a [`FieldKind::Choice`] input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    pub value: &'static str,
    pub label_zh: &'static str,
    pub label_en: &'static str,
}

/// One input the UI renders for a category.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FieldSpec {
    /// The public parameter name (also the input's `data-testid`).
    pub param: &'static str,
    pub group: FieldGroup,
    pub kind: FieldKind,
    /// The options of a choice (empty otherwise).
    pub choices: &'static [Choice],
    pub label_zh: &'static str,
    pub label_en: &'static str,
    pub unit_zh: &'static str,
    pub unit_en: &'static str,
    pub help_zh: &'static str,
    pub help_en: &'static str,
    /// Smallest accepted value (numbers only).
    pub min: f64,
    /// Largest accepted value (numbers only).
    pub max: f64,
    /// The value used when the field is empty, shown as placeholder.
    pub default: Option<f64>,
    /// True when the figure is printed on the energy/water label (the UI points at it).
    pub on_label: bool,
}

/// The answer to one form.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// The category, when `cat` is valid.
    pub category: Option<Category>,
    /// One per bad field; the other fields still count.
    pub errors: Vec<FieldError>,
    /// Things the buyer should know: no rule set for the date, assumptions used, grade rules.
    pub notices: Vec<Notice>,
    /// Whatever can be computed from the valid fields (`None` only without a valid category).
    pub outcome: Option<Outcome>,
}

impl Evaluation {
    /// The error of parameter `field`, if any.
    pub fn error(&self, field: &str) -> Option<&FieldError> {
        self.errors.iter().find(|e| e.field == field)
    }

    /// True when a notice with `code` was raised.
    pub fn has_notice(&self, code: &str) -> bool {
        self.notices.iter().any(|n| n.code == code)
    }
}

/// A bad field: what is wrong and what is allowed, in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The public parameter name.
    pub field: &'static str,
    /// Stable machine code (`empty`, `not_a_number`, `out_of_range`, `unknown_category`,
    /// `unknown_region`, `bad_choice`, `bad_date`, `future_year` …).
    pub code: &'static str,
    pub zh: String,
    pub en: String,
}

/// A message for the buyer that is not an error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// Stable machine code (`no_rule_set`, `category_not_covered`, `grade_rule`, `estimate_used` …).
    pub code: &'static str,
    pub zh: String,
    pub en: String,
}

/// Annual (or lifetime) electricity, water and gas.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Resources {
    pub kwh: f64,
    pub water_m3: f64,
    pub gas_m3: f64,
}

/// How the old unit's annual use was obtained.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OldBasis {
    /// From the figures on its label and the usage fields.
    Label,
    /// Estimated from purchase year, size and (optional) grade, with age degradation.
    Estimate,
    /// Annual kWh / m³ typed directly (overrides everything else for that resource).
    Direct,
}

/// How a new unit's annual use was obtained.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewBasis {
    /// From the figures on the label of the unit in the store.
    Label,
    /// The grade's typical (threshold) figure for its size under the edition in force.
    Typical,
    /// Annual kWh / m³ typed directly.
    Direct,
}

/// The old appliance as the engine understood it.
#[derive(Clone, Debug, PartialEq)]
pub struct OldUnit {
    /// Annual use per year (typical usage).
    pub annual: Resources,
    /// Annual running cost in fen at the prices used.
    pub annual_cost_fen: Fen,
    /// How `annual` was obtained (the strongest basis used for any resource).
    pub basis: OldBasis,
    /// Present when an estimate was used.
    pub estimate: Option<OldEstimate>,
}

/// The details of an old-unit estimate.
#[derive(Clone, Debug, PartialEq)]
pub struct OldEstimate {
    /// Purchase year used (typed, or today's year minus the default age).
    pub year: i32,
    /// The standard edition in force that year.
    pub standard: &'static str,
    /// The grade assumed (typed, or the edition's usual grade).
    pub grade: u8,
    /// Multiplier for age degradation (1.0 = as new).
    pub age_factor: f64,
}

/// Low / typical / high money saved per year, in fen, from usage uncertainty.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SavingRange {
    pub low_fen: Fen,
    pub typical_fen: Fen,
    pub high_fen: Fen,
}

/// What the subsidy rules give one unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Subsidy {
    /// The subsidy in fen (0 when not eligible).
    pub fen: Fen,
    /// The rate applied in basis points (1500 = 15 %); 0 when not eligible.
    pub rate_bp: i64,
    /// The cap per item in fen; 0 when not eligible.
    pub cap_fen: Fen,
    pub eligible: bool,
    /// Why (not) eligible, in both languages.
    pub reason_zh: String,
    pub reason_en: String,
    /// The rule set applied (or consulted), if any covers the date.
    pub rule_set: Option<&'static RuleSet>,
}

/// One point of the cumulative-cost chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearPoint {
    /// Years from purchase (0 = the day of purchase).
    pub year: u32,
    /// Cumulative running cost of keeping the old unit, fen.
    pub keep_old_fen: Fen,
    /// Net price plus cumulative running cost of the new unit, fen.
    pub replace_fen: Fen,
}

/// Lifetime totals over the new unit's safe-use lifetime.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LifetimeTotals {
    pub years: u32,
    pub saved: Resources,
    pub money_fen: Fen,
    pub co2_kg: f64,
}

/// The result for a new unit of one grade, against the same old unit.
#[derive(Clone, Debug, PartialEq)]
pub struct GradeOutcome {
    /// 1 or 2.
    pub grade: u8,
    /// True for the grade the buyer chose (`grade`).
    pub chosen: bool,
    /// The new unit's annual use (typical usage).
    pub new_annual: Resources,
    pub new_basis: NewBasis,
    /// Old minus new, per year (negative when the new unit uses more).
    pub saved: Resources,
    /// Yuan saved per year, in fen (the contract formula).
    pub money_saved_fen: Fen,
    /// kg CO2 avoided per year.
    pub co2_kg: f64,
    pub lifetime: LifetimeTotals,
    pub range: SavingRange,
    /// The unit's price in fen (`price` for the chosen grade, `alt_price` for the other).
    pub price_fen: Option<Fen>,
    pub subsidy: Subsidy,
    /// price − subsidy − trade-in, in fen (`None` without a price).
    pub net_price_fen: Option<Fen>,
    /// Net price ÷ yuan saved per year; `None` when nothing is saved or there is no price.
    pub payback_years: Option<f64>,
    /// Cumulative cost, year 0 to the lifetime (empty without a price).
    pub series: Vec<YearPoint>,
}

/// What grade 1 costs over grade 2, and how fast the difference pays back.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GradeOneExtra {
    /// Net price of grade 1 minus net price of grade 2, fen.
    pub extra_net_fen: Fen,
    /// Extra yuan saved per year by grade 1, fen.
    pub extra_saving_fen: Fen,
    /// extra_net ÷ extra_saving; `Some(0.0)` when grade 1 is not dearer; `None` when it saves
    /// nothing more.
    pub payback_years: Option<f64>,
}

/// One assumption behind the numbers, with the parameter that overrides it.
#[derive(Clone, Debug, PartialEq)]
pub struct Assumption {
    /// Stable key, e.g. `tariff`, `grid_factor`, `usage.cycles_week`, `lifetime`.
    pub key: &'static str,
    pub label_zh: &'static str,
    pub label_en: &'static str,
    pub value: f64,
    pub unit: &'static str,
    pub source: &'static str,
    pub url: &'static str,
    pub as_of: &'static str,
    pub confidence: Confidence,
    /// The parameter that overrides it, if the buyer can.
    pub param: Option<&'static str>,
    /// True when the value is the buyer's own (then source is "user").
    pub user_value: bool,
}

/// The prices and factors used.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PricesUsed {
    /// Effective electricity price, yuan/kWh (after tier and peak/valley choices).
    pub electricity: f64,
    pub water: f64,
    pub gas: f64,
    /// Grid CO2 factor, kg/kWh.
    pub grid_factor: f64,
    /// Natural-gas CO2 factor, kg/m³.
    pub gas_factor: f64,
}

/// Everything computed for one form.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub category: Category,
    /// The grade the buyer chose (1 or 2; default 1).
    pub chosen_grade: u8,
    /// The purchase date used (`date`, default today).
    pub date: Date,
    /// Province code used, if any.
    pub region: Option<&'static str>,
    pub old: OldUnit,
    /// Grade 1 first, then grade 2, same old unit and usage.
    pub grades: [GradeOutcome; 2],
    /// Present when both grades have a price.
    pub grade_one_extra: Option<GradeOneExtra>,
    /// The rule set in force on the date for this buyer (local one when it is the one applied);
    /// `None` outside every known period (a `no_rule_set` notice says so).
    pub rule_set: Option<&'static RuleSet>,
    pub prices: PricesUsed,
    /// Safe-use lifetime used for totals and the chart.
    pub lifetime_years: u32,
    pub assumptions: Vec<Assumption>,
}

impl Outcome {
    /// The result for the chosen grade.
    pub fn chosen(&self) -> &GradeOutcome {
        let [one, two] = &self.grades;
        if self.chosen_grade == 2 {
            two
        } else {
            one
        }
    }

    /// The result for `grade` (1 or 2; anything else gives grade 2).
    pub fn grade(&self, grade: u8) -> &GradeOutcome {
        let [one, two] = &self.grades;
        if grade == 1 {
            one
        } else {
            two
        }
    }
}

/// The option a choice field's raw text selects, as the engine reads it (value, label or number,
/// any case, trimmed): the UI shows this option, so the screen and the answer always agree.
pub fn choice_value(spec: &FieldSpec, text: &str) -> Option<&'static str> {
    super::engine::read_choice(spec, text)
}

/// Evaluates a form. Never panics; unknown keys are ignored (see [`Form::unknown_keys`]).
pub fn evaluate(form: &Form, today: Date) -> Evaluation {
    super::engine::run(form, today)
}
