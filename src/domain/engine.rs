//! The computation behind [`super::evaluate::evaluate`].
//!
//! Steps: read every field of the category (a bad field gives a [`FieldError`] and is then treated
//! as empty); settle prices and factors (typed, else the province's, else national); describe the
//! old unit (direct annual use, else label figures, else an estimate from its year, size and grade);
//! describe a grade-1 and a grade-2 new unit (label or direct for the chosen grade, typical figures
//! otherwise); then apply the contract formulas for savings, CO2, subsidy, net price and payback.

use super::category::Category;
use super::data::{
    category_data, factors, region, CategoryData, Confidence, Edition, Fact, Region, Source,
};
use super::date::Date;
use super::evaluate::{
    Assumption, Evaluation, FieldError, FieldKind, FieldSpec, Form, GradeOneExtra, GradeOutcome,
    LifetimeTotals, NewBasis, Notice, OldBasis, OldEstimate, OldUnit, Outcome, PricesUsed,
    Resources, SavingRange, YearPoint,
};
use super::form_fields::{field, fields, resources};
use super::locale::Locale;
use super::model::{self, Figures, Slot, UsageSource};
use super::money::{format_number, yuan_to_fen, Fen};
use super::number::{clamp, parse_in_range, parse_number, Range};
use super::subsidy::{rule_set_for, subsidy_for};

/// Which end of the usage uncertainty to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Level {
    Low,
    Typical,
    High,
}

const LEVELS: [Level; 3] = [Level::Low, Level::Typical, Level::High];

/// The valid inputs of one form.
/// The maps are small `Vec`s: a form has a few dozen fields, and `BTreeMap` costs wasm size.
struct Inputs {
    numbers: Vec<(&'static str, f64)>,
    choices: Vec<(&'static str, &'static str)>,
    date: Option<Date>,
    region: Option<&'static Region>,
}

impl Inputs {
    fn number(&self, param: &str) -> Option<f64> {
        lookup(&self.numbers, param)
    }

    fn choice(&self, param: &str) -> Option<&'static str> {
        lookup(&self.choices, param)
    }

    fn grade(&self, param: &str) -> Option<u8> {
        self.choice(param).and_then(|c| c.parse::<u8>().ok())
    }
}

/// The value of `param`, if set.
fn lookup<T: Copy>(entries: &[(&'static str, T)], param: &str) -> Option<T> {
    entries.iter().find(|(k, _)| *k == param).map(|(_, v)| *v)
}

/// Sets `param` to `value`, replacing an earlier value.
fn store<T>(entries: &mut Vec<(&'static str, T)>, param: &'static str, value: T) {
    match entries.iter_mut().find(|(k, _)| *k == param) {
        Some(slot) => slot.1 = value,
        None => entries.push((param, value)),
    }
}

/// Usage values for one level: typed values win, else the (climate-specific) default.
struct Usage<'a> {
    data: &'static CategoryData,
    inputs: &'a Inputs,
    climate: Option<&'static str>,
    level: Level,
}

impl Usage<'_> {
    fn default_for(&self, param: &str) -> Option<&'static super::data::UsageDefault> {
        self.climate
            .and_then(|zone| self.data.usage(&format!("{param}@{zone}")))
            .or_else(|| self.data.usage(param))
    }
}

impl UsageSource for Usage<'_> {
    fn value(&self, param: &str) -> f64 {
        if let Some(v) = self.inputs.number(param) {
            return v;
        }
        match self.default_for(param) {
            Some(u) => match self.level {
                Level::Low => u.low,
                Level::Typical => u.typical,
                Level::High => u.high,
            },
            None => 0.0,
        }
    }
}

/// Collects errors and notices while computing.
struct Report {
    errors: Vec<FieldError>,
    notices: Vec<Notice>,
    assumptions: Vec<Assumption>,
}

impl Report {
    fn notice(&mut self, code: &'static str, zh: String, en: String) {
        if !self.notices.iter().any(|n| n.code == code) {
            self.notices.push(Notice { code, zh, en });
        }
    }

    fn error(&mut self, field: &'static str, code: &'static str, zh: String, en: String) {
        self.errors.push(FieldError {
            field,
            code,
            zh,
            en,
        });
    }

    fn assume(
        &mut self,
        key: &'static str,
        label: (&'static str, &'static str),
        value: f64,
        unit: &'static str,
        source: &Source,
        param: Option<&'static str>,
    ) {
        self.assumptions.push(Assumption {
            key,
            label_zh: label.0,
            label_en: label.1,
            value,
            unit,
            source: source.name,
            url: source.url,
            as_of: source.as_of,
            confidence: source.confidence,
            param,
            user_value: false,
        });
    }

    fn user_value(
        &mut self,
        key: &'static str,
        label: (&'static str, &'static str),
        value: f64,
        unit: &'static str,
        param: &'static str,
    ) {
        self.assumptions.push(Assumption {
            key,
            label_zh: label.0,
            label_en: label.1,
            value,
            unit,
            source: "user",
            url: "",
            as_of: "",
            confidence: Confidence::Verified,
            param: Some(param),
            user_value: true,
        });
    }
}

/// Runs one evaluation. Never panics.
pub(crate) fn run(form: &Form, today: Date) -> Evaluation {
    let mut report = Report {
        errors: Vec::new(),
        notices: Vec::new(),
        assumptions: Vec::new(),
    };
    let category = match form.get("cat").map(str::trim).filter(|t| !t.is_empty()) {
        Some(text) => {
            let found = Category::from_slug(text);
            if found.is_none() {
                report.error(
                    "cat",
                    "unknown_category",
                    zh_string!("未知的电器类别，请从列表中选择".to_string()),
                    en_string!("Unknown appliance category: pick one from the list".to_string()),
                );
            }
            found
        }
        None => {
            report.error(
                "cat",
                "empty",
                zh_string!("请选择电器类别".to_string()),
                en_string!("Choose an appliance category".to_string()),
            );
            None
        }
    };
    let Some(category) = category else {
        return Evaluation {
            category: None,
            errors: report.errors,
            notices: report.notices,
            outcome: None,
        };
    };
    let inputs = read_inputs(form, category, today, &mut report);
    let outcome = compute(category, &inputs, today, &mut report);
    Evaluation {
        category: Some(category),
        errors: report.errors,
        notices: report.notices,
        outcome,
    }
}

// ------------------------------------------------------------------------------------ reading

/// The spec of a parameter for this category, or (for the direct annual figures and prices, which
/// every category accepts) from any category that shows it.
fn spec_for(category: Category, param: &str) -> Option<&'static FieldSpec> {
    field(category, param).or_else(|| {
        if super::form_fields::is_direct(param) {
            Category::ALL.iter().find_map(|c| field(*c, param))
        } else {
            None
        }
    })
}

fn read_inputs(form: &Form, category: Category, today: Date, report: &mut Report) -> Inputs {
    let mut inputs = Inputs {
        numbers: Vec::new(),
        choices: Vec::new(),
        date: None,
        region: None,
    };
    for (key, text) in form.iter() {
        let Some(spec) = spec_for(category, key) else {
            continue; // unknown keys are ignored here; the UI reports them
        };
        if text.trim().is_empty() {
            continue;
        }
        match spec.kind {
            FieldKind::Number => match parse_in_range(text, Range::new(spec.min, spec.max)) {
                Ok(value) => {
                    if spec.param == "old_year" && value > f64::from(today.year()) {
                        report.error(
                            spec.param,
                            "future_year",
                            zh_string!(format!("购买年份不能晚于今年（{}）", today.year())),
                            en_string!(format!(
                                "The year cannot be after this year ({})",
                                today.year()
                            )),
                        );
                    } else {
                        store(&mut inputs.numbers, spec.param, value);
                    }
                }
                Err(e) => report.error(
                    spec.param,
                    e.code(),
                    zh_string!(e.message(Locale::Zh)),
                    en_string!(e.message(Locale::En)),
                ),
            },
            FieldKind::Choice => match read_choice(spec, text) {
                Some(value) => {
                    store(&mut inputs.choices, spec.param, value);
                }
                None => {
                    let options: Vec<&str> = spec.choices.iter().map(|c| c.value).collect();
                    let zh: Vec<&str> = spec.choices.iter().map(|c| c.label_zh).collect();
                    report.error(
                        spec.param,
                        "bad_choice",
                        zh_string!(format!("请选择：{}", zh.join("、"))),
                        en_string!(format!("Choose one of: {}", options.join(", "))),
                    );
                }
            },
            FieldKind::Date => match Date::parse(text) {
                Ok(date) => inputs.date = Some(date),
                Err(e) => report.error(
                    spec.param,
                    e.code(),
                    zh_string!(e.message(Locale::Zh)),
                    en_string!(e.message(Locale::En)),
                ),
            },
            FieldKind::Region => match region(text) {
                Some(r) => inputs.region = Some(r),
                None => report.error(
                    spec.param,
                    "unknown_region",
                    zh_string!("未知的省份代码，请从列表中选择（如 BJ、SH、GD）".to_string()),
                    en_string!(
                        "Unknown province code: pick one from the list (e.g. BJ, SH, GD)"
                            .to_string()
                    ),
                ),
            },
        }
    }
    inputs
}

/// A choice's canonical value: its value or label (any case), or a number equal to a numeric value.
pub(crate) fn read_choice(spec: &FieldSpec, text: &str) -> Option<&'static str> {
    let trimmed = text.trim();
    if trimmed.chars().count() > 40 {
        return None;
    }
    let by_text = spec.choices.iter().find(|c| {
        c.value.eq_ignore_ascii_case(trimmed)
            || c.label_zh == trimmed
            || c.label_en.eq_ignore_ascii_case(trimmed)
    });
    if let Some(c) = by_text {
        return Some(c.value);
    }
    let number = parse_number(trimmed).ok()?;
    spec.choices
        .iter()
        .find(|c| crate::domain::number::parse_decimal(c.value) == Some(number))
        .map(|c| c.value)
}

// ------------------------------------------------------------------------------------ prices

fn prices(category: Category, inputs: &Inputs, report: &mut Report) -> PricesUsed {
    let f = factors();
    let (uses_kwh, uses_water, uses_gas) = resources(category);
    let region = inputs.region;

    // Electricity: typed, else the province's tier-1 (plus the tier step), then peak/valley blend.
    let electricity = match inputs.number("tariff") {
        Some(v) => {
            report.user_value(
                "tariff",
                ("电价", "Electricity price"),
                v,
                "yuan/kWh",
                "tariff",
            );
            v
        }
        None => {
            let fact = region.map(|r| &r.tariff).unwrap_or(&f.tariff);
            let tier = inputs.grade("tariff_tier").unwrap_or(1);
            let steps = match region {
                Some(r) => r.tier_steps,
                None => Some(f.tier_steps),
            };
            let step = match (tier, steps) {
                (2, Some(s)) => s.tier2,
                (3, Some(s)) => s.tier3,
                (1, _) => 0.0,
                (_, None) => {
                    report.notice(
                        "no_tariff_tiers",
                        zh_string!("该省没有统一的第二、三档加价，按第一档电价计算。".to_string()),
                        en_string!("This province has no standard tier 2/3 surcharge; the tier-1 price is used."
                            .to_string()));
                    0.0
                }
                _ => 0.0,
            };
            if uses_kwh {
                report.assume(
                    "tariff",
                    ("第一档居民电价", "Tier-1 residential electricity price"),
                    fact.value,
                    fact.unit,
                    fact.source,
                    Some("tariff"),
                );
                if step > 0.0 {
                    if let Some(s) = steps {
                        report.assume(
                            "tariff_tier_step",
                            ("阶梯电价加价", "Tier surcharge"),
                            step,
                            "yuan/kWh",
                            s.source,
                            Some("tariff_tier"),
                        );
                    }
                }
            }
            fact.value + step
        }
    };
    let share = inputs.number("valley_share").unwrap_or(0.0) / 100.0;
    let electricity = if share > 0.0 {
        let valley = inputs
            .number("valley_tariff")
            .or_else(|| region.and_then(|r| r.valley_tariff).map(|v| v.value));
        match valley {
            Some(valley) => {
                if inputs.number("valley_tariff").is_none() {
                    if let Some(v) = region.and_then(|r| r.valley_tariff.as_ref()) {
                        report.assume(
                            "valley_tariff",
                            ("谷时电价", "Off-peak price"),
                            v.value,
                            v.unit,
                            v.source,
                            Some("valley_tariff"),
                        );
                    }
                }
                electricity * (1.0 - share) + valley * share
            }
            None => {
                report.notice(
                    "valley_price_unknown",
                    zh_string!("没有该省的谷时电价，请填写谷时电价；暂按单一电价计算。".to_string()),
                    en_string!("No off-peak price is known for this province: type it; the flat price is used for now."
                        .to_string()));
                electricity
            }
        }
    } else {
        electricity
    };

    let water = typed_or_fact(
        inputs,
        report,
        "water_price",
        region.and_then(|r| r.water_price.as_ref()),
        &f.water_price,
        (
            "第一档居民水价（含污水处理费）",
            "Tier-1 water price incl. sewage",
        ),
        uses_water,
    );
    let gas = typed_or_fact(
        inputs,
        report,
        "gas_price",
        region.and_then(|r| r.gas_price.as_ref()),
        &f.gas_price,
        ("第一档居民管道天然气价格", "Tier-1 piped natural-gas price"),
        uses_gas,
    );
    let grid = match inputs.number("grid_factor") {
        Some(v) => {
            report.user_value(
                "grid_factor",
                ("电网排放因子", "Grid CO2 factor"),
                v,
                "kgCO2/kWh",
                "grid_factor",
            );
            v
        }
        None => {
            let fact = region.and_then(|r| r.grid_factor.as_ref());
            if region.is_some() && fact.is_none() && uses_kwh {
                report.notice(
                    "grid_factor_national",
                    zh_string!("该省未公布电网排放因子，按全国平均0.5306计算。".to_string()),
                    en_string!("No grid factor is published for this province; the national 0.5306 is used."
                        .to_string()));
            }
            let fact = fact.unwrap_or(&f.grid_factor);
            if uses_kwh {
                report.assume(
                    "grid_factor",
                    ("电网平均二氧化碳排放因子", "Average grid CO2 factor"),
                    fact.value,
                    fact.unit,
                    fact.source,
                    Some("grid_factor"),
                );
            }
            fact.value
        }
    };
    if uses_gas {
        report.assume(
            "gas_co2",
            ("天然气燃烧排放因子", "Natural-gas CO2 factor"),
            f.gas_co2.value,
            f.gas_co2.unit,
            f.gas_co2.source,
            None,
        );
        report.assume(
            "gas_lhv",
            ("天然气低位热值", "Natural-gas heating value"),
            f.gas_lhv.value,
            f.gas_lhv.unit,
            f.gas_lhv.source,
            None,
        );
    }
    if region.is_none() {
        report.notice(
            "national_defaults",
            zh_string!("未选择省份：电价、水价、气价和排放因子用全国默认值。".to_string()),
            en_string!(
                "No province chosen: national default prices and CO2 factor are used.".to_string()
            ),
        );
    }
    PricesUsed {
        electricity,
        water,
        gas,
        grid_factor: grid,
        gas_factor: f.gas_co2.value,
    }
}

fn typed_or_fact(
    inputs: &Inputs,
    report: &mut Report,
    param: &'static str,
    regional: Option<&'static Fact>,
    national: &'static Fact,
    label: (&'static str, &'static str),
    shown: bool,
) -> f64 {
    if let Some(v) = inputs.number(param) {
        report.user_value(param, label, v, "yuan/m3", param);
        return v;
    }
    let fact = regional.unwrap_or(national);
    if shown {
        report.assume(
            param,
            label,
            fact.value,
            fact.unit,
            fact.source,
            Some(param),
        );
    }
    fact.value
}

// ------------------------------------------------------------------------------------ units

/// A unit's figures for each usage level, and how they were obtained.
struct UnitUse {
    annual: [Resources; 3],
    label_used: bool,
    direct_used: bool,
}

fn level_index(level: Level) -> usize {
    match level {
        Level::Low => 0,
        Level::Typical => 1,
        Level::High => 2,
    }
}

/// Annual use at each usage level for fixed figures, with direct values overriding.
fn annual_levels(
    category: Category,
    figures: Figures,
    data: &'static CategoryData,
    inputs: &Inputs,
    climate: Option<&'static str>,
    direct: [Option<f64>; 3],
) -> [Resources; 3] {
    LEVELS.map(|level| {
        let usage = Usage {
            data,
            inputs,
            climate,
            level,
        };
        let mut r = model::annual(category, figures, &usage);
        if let Some(v) = direct[0] {
            r.kwh = v;
        }
        if let Some(v) = direct[1] {
            r.water_m3 = v;
        }
        if let Some(v) = direct[2] {
            r.gas_m3 = v;
        }
        r
    })
}

/// The label figures typed with `prefix` (`old` / `new`): one slot each, `None` when not typed.
fn typed_figures(category: Category, inputs: &Inputs, old: bool) -> [Option<f64>; 2] {
    let mut slots = [None, None];
    for figure in model::label_figures(category) {
        let param = if old { figure.old } else { figure.new };
        if let Some(v) = inputs.number(param) {
            match figure.slot {
                Slot::First => slots[0] = Some(v),
                Slot::Second => slots[1] = Some(v),
            }
        }
    }
    slots
}

/// True when the category's model reads the second figure.
fn has_second(category: Category) -> bool {
    matches!(
        category,
        Category::Ac | Category::Washer | Category::Dishwasher
    )
}

/// The AC's label figures from APF when the seasonal kWh are not typed.
fn with_apf(
    category: Category,
    data: &CategoryData,
    inputs: &Inputs,
    slots: [Option<f64>; 2],
    apf_param: &str,
    usage: &dyn UsageSource,
) -> [Option<f64>; 2] {
    if category != Category::Ac || slots[0].is_some() {
        return slots;
    }
    match inputs.number(apf_param) {
        Some(apf) => {
            let f = model::ac_seasonal_from_apf(data, apf, usage.value("capacity_w"));
            [Some(f.first), slots[1].or(Some(f.second))]
        }
        None => slots,
    }
}

fn kind(category: Category, inputs: &Inputs) -> &'static str {
    match category {
        Category::Washer => inputs.choice("washer_type").unwrap_or("drum"),
        Category::Computer => inputs.choice("computer_type").unwrap_or("desktop"),
        _ => "",
    }
}

/// Describes the old unit: direct > label > estimate, per figure and per resource.
fn old_unit(
    category: Category,
    data: &'static CategoryData,
    inputs: &Inputs,
    climate: Option<&'static str>,
    today: Date,
    report: &mut Report,
) -> Option<(UnitUse, Option<OldEstimate>)> {
    let typical_usage = Usage {
        data,
        inputs,
        climate,
        level: Level::Typical,
    };
    let typed = typed_figures(category, inputs, true);
    let typed = with_apf(category, data, inputs, typed, "old_apf", &typical_usage);
    let needs_second = has_second(category);
    let label_used = typed[0].is_some() || (needs_second && typed[1].is_some());
    let direct = [
        inputs.number("old_kwh_year"),
        inputs.number("old_water_m3_year"),
        inputs.number("old_gas_m3_year"),
    ];
    let (uses_kwh, uses_water, uses_gas) = resources(category);
    let covered_by_direct = (!uses_kwh || direct[0].is_some())
        && (!uses_water || direct[1].is_some())
        && (!uses_gas || direct[2].is_some());
    let complete = typed[0].is_some() && (!needs_second || typed[1].is_some());

    let mut estimate = None;
    let figures = if complete || covered_by_direct {
        Figures {
            first: typed[0].unwrap_or(0.0),
            second: typed[1].unwrap_or(0.0),
        }
    } else {
        let (est_figures, est) =
            estimate_old(category, data, inputs, &typical_usage, today, report)?;
        estimate = Some(est);
        Figures {
            first: typed[0].unwrap_or(est_figures.first),
            second: typed[1].unwrap_or(est_figures.second),
        }
    };
    let annual = annual_levels(category, figures, data, inputs, climate, direct);
    let direct_used = direct.iter().any(Option::is_some);
    Some((
        UnitUse {
            annual,
            label_used,
            direct_used,
        },
        estimate,
    ))
}

/// Estimates the old unit's figures from its purchase year, size and (optional) grade.
fn estimate_old(
    category: Category,
    data: &'static CategoryData,
    inputs: &Inputs,
    usage: &dyn UsageSource,
    today: Date,
    report: &mut Report,
) -> Option<(Figures, OldEstimate)> {
    let f = factors();
    let default_age = clamp(f.default_old_age.value.round(), 0.0, 60.0) as i32;
    let year = match inputs.number("old_year") {
        Some(y) => clamp(y.round(), 1980.0, 2100.0) as i32,
        None => {
            report.assume(
                "default_old_age",
                (
                    "未填购买年份时假设的旧机年龄",
                    "Age assumed without a purchase year",
                ),
                f.default_old_age.value,
                f.default_old_age.unit,
                f.default_old_age.source,
                Some("old_year"),
            );
            today.year() - default_age
        }
    };
    let when = Date::new(year, 7, 1).unwrap_or(today);
    let edition = data.edition_on(when)?;
    let typed_grade = inputs.grade("old_grade");
    let grade = match typed_grade {
        Some(g) if g <= edition.grades => g,
        Some(g) => {
            report.notice(
                "old_grade_not_in_edition",
                zh_string!(format!(
                    "{}只有{}个等级，{}级不存在，按该标准常见的{}级估算。",
                    edition.standard, edition.grades, g, edition.unknown_grade
                )),
                en_string!(format!(
                    "{} has {} grade(s): grade {} does not exist, so its usual grade {} is assumed.",
                    edition.standard_en, edition.grades, g, edition.unknown_grade
                )));
            edition.unknown_grade
        }
        None => edition.unknown_grade,
    };
    let figures = model::typical(category, edition, grade, usage, kind(category, inputs))?;
    let age = (today.year() - year).max(0);
    let rate = data.degradation_per_year.value;
    let cap = data.degradation_cap.value;
    let factor = 1.0 + (rate * f64::from(age)).min(cap).max(0.0);
    let figures = model::degrade(category, figures, factor);

    note_tables(category, edition, usage, inputs, report, "old");
    report.assume(
        "old_standard",
        (
            "旧机估算所依据的标准",
            "Standard used for the old-unit estimate",
        ),
        f64::from(grade),
        "grade",
        edition.source,
        Some("old_grade"),
    );
    report.assume(
        "degradation_per_year",
        ("老化导致的年增耗", "Extra consumption per year of age"),
        rate,
        data.degradation_per_year.unit,
        data.degradation_per_year.source,
        None,
    );
    // Two decimals through our own rounding (no `{:.2}`: its float code is 8 KB of wasm).
    let factor_text = format_number(factor, 2, Locale::En);
    report.notice(
        "old_estimated",
        zh_string!(format!(
            "旧机按{}年购买估算：当年标准{}，{}级{}，{}年老化系数×{}。填写旧机标签数据会更准确。",
            year,
            edition.standard,
            grade,
            if typed_grade.is_some() { "" } else { "（当年常见等级）" },
            age,
            factor_text
        )),
        en_string!(format!(
            "Old unit estimated as bought in {}: standard {}, grade {}{}, ageing factor ×{} after {} years. Its label figures would be more accurate.",
            year,
            edition.standard_en,
            grade,
            if typed_grade.is_some() { "" } else { " (usual for its time)" },
            factor_text,
            age
        )));
    Some((
        figures,
        OldEstimate {
            year,
            standard: edition.standard,
            grade,
            age_factor: factor,
        },
    ))
}

/// Lists the grade tables behind a typical or estimated figure and flags unverified ones.
fn note_tables(
    category: Category,
    edition: &Edition,
    usage: &dyn UsageSource,
    inputs: &Inputs,
    report: &mut Report,
    which: &str,
) {
    let band = model::band(category, usage, kind(category, inputs));
    for table in model::tables_used(category, edition, band) {
        if table.source.confidence == Confidence::Unverified {
            let note = if table.source.note.is_empty() {
                edition.source.note
            } else {
                table.source.note
            };
            // The notes are written in English for maintainers: a Chinese sentence shows only
            // notes that are Chinese themselves, so the buyer never reads a mixed-language line.
            let note_is_chinese = note.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            let zh_note = if note_is_chinese {
                format!("（{note}）")
            } else {
                String::new()
            };
            let en_note = if note.is_empty() {
                String::new()
            } else {
                format!(" ({note})")
            };
            let old = which == "old";
            report.notice(
                if old {
                    "old_figures_unverified"
                } else {
                    "typical_figures_unverified"
                },
                zh_string!(format!(
                    "{}的{}典型值未经核实{}，仅作参考；以标签数据为准。",
                    edition.standard,
                    if old { "旧机" } else { "新机" },
                    zh_note
                )),
                en_string!(format!(
                    "The typical {} figures of {} are unverified{}; prefer the label's figures.",
                    if old { "old-unit" } else { "new-unit" },
                    edition.standard_en,
                    en_note
                )),
            );
        }
    }
}

/// Describes a new unit of `grade`: label or direct figures for the chosen grade, typical otherwise.
#[allow(clippy::too_many_arguments)]
fn new_unit(
    category: Category,
    data: &'static CategoryData,
    inputs: &Inputs,
    climate: Option<&'static str>,
    edition: &Edition,
    grade: u8,
    chosen: bool,
    report: &mut Report,
) -> Option<(UnitUse, NewBasis)> {
    let usage = Usage {
        data,
        inputs,
        climate,
        level: Level::Typical,
    };
    let typed = if chosen {
        let t = typed_figures(category, inputs, false);
        with_apf(category, data, inputs, t, "new_apf", &usage)
    } else {
        [None, None]
    };
    let direct = if chosen {
        [
            inputs.number("new_kwh_year"),
            inputs.number("new_water_m3_year"),
            inputs.number("new_gas_m3_year"),
        ]
    } else {
        [None, None, None]
    };
    let needs_second = has_second(category);
    let complete = typed[0].is_some() && (!needs_second || typed[1].is_some());
    let figures = if complete {
        Figures {
            first: typed[0].unwrap_or(0.0),
            second: typed[1].unwrap_or(0.0),
        }
    } else {
        let t = model::typical(category, edition, grade, &usage, kind(category, inputs))?;
        note_tables(category, edition, &usage, inputs, report, "new");
        Figures {
            first: typed[0].unwrap_or(t.first),
            second: typed[1].unwrap_or(t.second),
        }
    };
    let label_used = typed[0].is_some() || (needs_second && typed[1].is_some());
    let direct_used = direct.iter().any(Option::is_some);
    let annual = annual_levels(category, figures, data, inputs, climate, direct);
    let basis = if direct_used {
        NewBasis::Direct
    } else if label_used {
        NewBasis::Label
    } else {
        NewBasis::Typical
    };
    Some((
        UnitUse {
            annual,
            label_used,
            direct_used,
        },
        basis,
    ))
}

// ------------------------------------------------------------------------------------ money

fn minus(a: Resources, b: Resources) -> Resources {
    Resources {
        kwh: a.kwh - b.kwh,
        water_m3: a.water_m3 - b.water_m3,
        gas_m3: a.gas_m3 - b.gas_m3,
    }
}

fn scale(a: Resources, k: f64) -> Resources {
    Resources {
        kwh: a.kwh * k,
        water_m3: a.water_m3 * k,
        gas_m3: a.gas_m3 * k,
    }
}

/// The contract: kWh × electricity price + m³ water × water price + m³ gas × gas price, in fen.
fn cost_fen(r: Resources, p: &PricesUsed) -> Fen {
    yuan_to_fen(r.kwh * p.electricity + r.water_m3 * p.water + r.gas_m3 * p.gas)
}

/// The contract: kWh × grid factor + m³ gas × gas factor.
fn co2_kg(r: Resources, p: &PricesUsed) -> f64 {
    let v = r.kwh * p.grid_factor + r.gas_m3 * p.gas_factor;
    if v.is_finite() {
        v
    } else {
        0.0
    }
}

/// net ÷ annual saving, `None` when nothing is saved; 0 when the net price is not positive.
fn payback(net_fen: Fen, saving_fen: Fen) -> Option<f64> {
    if saving_fen <= 0 {
        return None;
    }
    if net_fen <= 0 {
        return Some(0.0);
    }
    let years = net_fen as f64 / saving_fen as f64;
    years.is_finite().then_some(years)
}

fn price_fen(inputs: &Inputs, param: &str) -> Option<Fen> {
    inputs.number(param).map(yuan_to_fen)
}

// ------------------------------------------------------------------------------------ compute

fn compute(
    category: Category,
    inputs: &Inputs,
    today: Date,
    report: &mut Report,
) -> Option<Outcome> {
    let data = category_data(category)?;
    let date = inputs.date.unwrap_or(today);
    let region_code = inputs.region.map(|r| r.code);
    let climate = inputs.region.map(|r| r.climate);
    let chosen_grade = inputs.grade("grade").unwrap_or(1);
    let prices = prices(category, inputs, report);

    let Some((old, estimate)) = old_unit(category, data, inputs, climate, today, report) else {
        report.notice(
            "data_missing",
            zh_string!("缺少该类别的数据，无法估算旧机。".to_string()),
            en_string!(
                "Data for this category is missing; the old unit cannot be estimated.".to_string()
            ),
        );
        return None;
    };
    let edition = data.edition_on(date)?;
    let lifetime = clamp(data.lifetime.value.round(), 1.0, 50.0) as u32;
    let trade_in = price_fen(inputs, "trade_in").unwrap_or(0);
    let old_cost = [0, 1, 2].map(|i| cost_fen(old.annual[i], &prices));

    let rule_set = rule_set_for(category, date, region_code);
    note_rules(category, date, rule_set, report);

    let mut grades = Vec::with_capacity(2);
    for grade in [1u8, 2u8] {
        let chosen = grade == chosen_grade;
        let (unit, basis) = new_unit(
            category, data, inputs, climate, edition, grade, chosen, report,
        )?;
        let saved_levels = [0, 1, 2].map(|i| minus(old.annual[i], unit.annual[i]));
        let money_levels = saved_levels.map(|s| cost_fen(s, &prices));
        let saved = saved_levels[level_index(Level::Typical)];
        let money = money_levels[level_index(Level::Typical)];
        // Low and high of three: min/max instead of a sort keeps the sort code out of the wasm.
        let [a, b, c] = money_levels;
        let (low_fen, high_fen) = (a.min(b).min(c), a.max(b).max(c));
        let co2 = co2_kg(saved, &prices);
        let price = price_fen(inputs, if chosen { "price" } else { "alt_price" });
        let subsidy_grade = if chosen {
            subsidy_grade(category, grade, inputs, report)
        } else {
            grade
        };
        let subsidy = subsidy_for(
            category,
            subsidy_grade,
            price.unwrap_or(0),
            date,
            region_code,
        );
        let net = price.map(|p| p.saturating_sub(subsidy.fen).saturating_sub(trade_in));
        let new_cost = cost_fen(unit.annual[level_index(Level::Typical)], &prices);
        let series = match net {
            Some(net) => (0..=lifetime)
                .map(|year| YearPoint {
                    year,
                    keep_old_fen: old_cost[1].saturating_mul(Fen::from(year)),
                    replace_fen: net.saturating_add(new_cost.saturating_mul(Fen::from(year))),
                })
                .collect(),
            None => Vec::new(),
        };
        let years = f64::from(lifetime);
        grades.push(GradeOutcome {
            grade,
            chosen,
            new_annual: unit.annual[level_index(Level::Typical)],
            new_basis: basis,
            saved,
            money_saved_fen: money,
            co2_kg: co2,
            lifetime: LifetimeTotals {
                years: lifetime,
                saved: scale(saved, years),
                money_fen: money.saturating_mul(Fen::from(lifetime)),
                co2_kg: co2 * years,
            },
            range: SavingRange {
                low_fen,
                typical_fen: money,
                high_fen,
            },
            price_fen: price,
            subsidy,
            net_price_fen: net,
            payback_years: net.and_then(|n| payback(n, money)),
            series,
        });
    }
    let mut it = grades.into_iter();
    let (Some(one), Some(two)) = (it.next(), it.next()) else {
        return None;
    };

    let grade_one_extra = match (one.net_price_fen, two.net_price_fen) {
        (Some(n1), Some(n2)) => {
            let extra_net = n1.saturating_sub(n2);
            let extra_saving = one.money_saved_fen.saturating_sub(two.money_saved_fen);
            let years = if extra_net <= 0 {
                Some(0.0)
            } else {
                payback(extra_net, extra_saving)
            };
            Some(GradeOneExtra {
                extra_net_fen: extra_net,
                extra_saving_fen: extra_saving,
                payback_years: years,
            })
        }
        _ => None,
    };

    let chosen_outcome = if chosen_grade == 2 { &two } else { &one };
    if chosen_outcome
        .subsidy
        .rule_set
        .is_some_and(|s| s.covers(category))
        && !chosen_outcome.subsidy.eligible
    {
        report.notice(
            "grade_not_eligible",
            zh_string!(chosen_outcome.subsidy.reason_zh.clone()),
            en_string!(chosen_outcome.subsidy.reason_en.clone()),
        );
    }
    if chosen_outcome.money_saved_fen <= 0 {
        report.notice(
            "no_saving",
            zh_string!("按这些数据，新机每年并不省钱，因此没有回本期。".to_string()),
            en_string!(
                "With these figures the new unit saves no money a year, so there is no payback."
                    .to_string()
            ),
        );
    }

    usage_assumptions(category, data, inputs, climate, report);
    let lifetime_label = ("安全使用年限", "Safe-use lifetime");
    report.assume(
        "lifetime",
        lifetime_label,
        data.lifetime.value,
        data.lifetime.unit,
        data.lifetime.source,
        None,
    );
    for constant in data.constants {
        report.assume(
            constant.name,
            (constant.label_zh, constant.label_en),
            constant.fact.value,
            constant.fact.unit,
            constant.fact.source,
            None,
        );
    }

    let basis = if old.direct_used {
        OldBasis::Direct
    } else if old.label_used {
        OldBasis::Label
    } else {
        OldBasis::Estimate
    };
    Some(Outcome {
        category,
        chosen_grade,
        date,
        region: region_code,
        old: OldUnit {
            annual: old.annual[level_index(Level::Typical)],
            annual_cost_fen: old_cost[1],
            basis,
            estimate,
        },
        grades: [one, two],
        grade_one_extra,
        rule_set,
        prices,
        lifetime_years: lifetime,
        assumptions: std::mem::take(&mut report.assumptions),
    })
}

/// The grade that decides the subsidy of the chosen unit: the worse of its energy and water
/// grades when both are given (documented rule for washers and dishwashers).
fn subsidy_grade(category: Category, grade: u8, inputs: &Inputs, report: &mut Report) -> u8 {
    let Some(water) = inputs.grade("water_grade") else {
        return grade;
    };
    if !matches!(category, Category::Washer | Category::Dishwasher) || water == grade {
        return grade;
    }
    let worse = grade.max(water);
    report.notice(
        "grade_rule",
        zh_string!(format!(
            "能效{}级、水效{}级不同：本工具按较差的{}级计算补贴（政策原文为“能效或水效”，各地平台的认定方式未核实）。",
            grade, water, worse
        )),
        en_string!(format!(
            "Energy grade {} and water grade {} differ: we use the worse, grade {}, for the subsidy (the notice says \"energy or water\"; how platforms check it is unverified).",
            grade, water, worse
        )));
    worse
}

fn note_rules(
    category: Category,
    date: Date,
    rule_set: Option<&'static super::data::RuleSet>,
    report: &mut Report,
) {
    match rule_set {
        None => report.notice(
            "no_rule_set",
            zh_string!(format!("购买日期{date}不在任何已知的以旧换新补贴政策期内：补贴按0计算。")),
            en_string!(format!(
                "The purchase date {date} is outside every known trade-in subsidy period: the subsidy is taken as 0."
            ))),
        Some(set) if !set.covers(category) => report.notice(
            "category_not_covered",
            zh_string!(format!("{}不含{}，补贴按0计算。", set.name_zh, category.name(Locale::Zh))),
            en_string!(format!(
                "The {} does not cover {}: the subsidy is taken as 0.",
                set.name_en,
                category.name(Locale::En).to_ascii_lowercase()
            ))),
        Some(set) => {
            if set.old_unit_required == Some(true) {
                report.notice(
                    "old_unit_required",
                    zh_string!(format!("{}要求旧机回收。", set.name_zh)),
                    en_string!(format!("The {} requires the old unit to be recycled.", set.name_en)));
            }
        }
    }
}

fn usage_assumptions(
    category: Category,
    data: &'static CategoryData,
    inputs: &Inputs,
    climate: Option<&'static str>,
    report: &mut Report,
) {
    let usage = Usage {
        data,
        inputs,
        climate,
        level: Level::Typical,
    };
    for spec in fields(category) {
        if spec.group != super::evaluate::FieldGroup::Usage || spec.kind != FieldKind::Number {
            continue;
        }
        let label = (spec.label_zh, spec.label_en);
        if let Some(v) = inputs.number(spec.param) {
            report.user_value(spec.param, label, v, spec.unit_en, spec.param);
        } else if let Some(default) = usage.default_for(spec.param) {
            report.assume(
                spec.param,
                label,
                default.typical,
                default.unit,
                default.source,
                Some(spec.param),
            );
        }
    }
}
