//! 换新算 Huanxin for JavaScript: the app's engine (`huanxin::domain`, no UI) behind a small typed
//! API, built with `wasm-pack build js --target web|bundler|nodejs`.
//!
//! Every function takes plain JS values and returns plain JS objects; none throws on bad input.
//! `compute` fills a [`huanxin::domain::Form`] keyed by the public deep-link parameter names and
//! calls the same [`evaluate`] as the app, so a retailer's badge and the app always show the same
//! numbers (a test compares them). Numbers are rounded to 0.01 exactly as the app's `data-value` attributes.
//!
//! **When is a result `ok`?** When no value was rejected: every given parameter is known to be of
//! the right type and valid. Missing optional values are not errors: the engine uses its documented
//! defaults (the region's prices, typical usage, an estimate of the old unit, today's date, grade 1)
//! and says so in `notices`. Without a `price`, `subsidy`, `net_price` and `payback_years` are
//! `null`. Any rejected value gives `{ ok: false, errors }` with no numbers, because a badge built
//! on an ignored value would show the wrong saving.

mod js_object;
mod read;
mod results;

use huanxin::domain::date::Date;
use huanxin::domain::evaluate::{evaluate, fields};
use huanxin::domain::locale::Locale;
use huanxin::domain::number::{parse_number, NumberError};
use huanxin::domain::{
    regions as all_regions, rule_sets as all_rule_sets, DATA_AS_OF, DATA_VERSION,
};
use js_sys::JsString;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::js_object::Obj;
use crate::read::{number_text, read_input, Accept, Problem};

/// The parameters `subsidy()` reads (`water_grade` decides the grade of washers and dishwashers
/// when it is worse than the energy grade, as in the app).
const SUBSIDY_PARAMS: &[&str] = &["cat", "grade", "price", "date", "region", "water_grade"];

/// Longest text `parseNumber` copies into wasm (UTF-16 units); the domain rejects far shorter.
const MAX_PARSE_UNITS: u32 = 1024;

#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT: &'static str = r#"
/** A category id, the `cat` deep-link value. */
export type CategoryId =
  | "fridge" | "ac" | "washer" | "water_heater" | "gas_water_heater" | "heat_pump_water_heater"
  | "water_purifier" | "air_purifier" | "range_hood" | "microwave" | "tv" | "dishwasher"
  | "rice_cooker" | "gas_stove" | "computer";

/** A parameter value: a number, or text parsed exactly like typed input ("５９９９", "0.6万", "¥5,999"). */
export type ParamValue = number | string | null | undefined;

/**
 * Input of `compute`: keys are the deep-link parameter names (see the README table and
 * `categories()[i].fields[j].param` for each category's label figures). Unknown keys are
 * listed in `ignored`; `null`/`undefined` mean "not given".
 */
export interface ComputeInput {
  cat?: CategoryId | string;
  /** Purchase date YYYY-MM-DD (default: today); picks the subsidy rules in force. */
  date?: string;
  /** Province code, any case: "BJ", "SH", "GD" … (default: national prices). */
  region?: string;
  /** The new unit's grade, 1 or 2 (default 1). */
  grade?: ParamValue;
  /** Final price of the new unit, yuan. */
  price?: ParamValue;
  /** Price of the other grade, yuan (for `grades[1 - chosen]`). */
  alt_price?: ParamValue;
  /** What is offered for the old unit, yuan. */
  trade_in?: ParamValue;
  old_kwh_year?: ParamValue;
  new_kwh_year?: ParamValue;
  old_water_m3_year?: ParamValue;
  new_water_m3_year?: ParamValue;
  old_gas_m3_year?: ParamValue;
  new_gas_m3_year?: ParamValue;
  /** yuan/kWh, overrides the region's tariff. */
  tariff?: ParamValue;
  /** yuan/m³. */
  water_price?: ParamValue;
  /** yuan/m³. */
  gas_price?: ParamValue;
  /** Language of `category_name`, `rule_set.name` and `subsidy_reason`: "zh" (default) or "en". */
  lang?: string;
  /** Category label figures and usage, e.g. old_kwh_24h, new_apf, capacity_w … */
  [param: string]: ParamValue;
}

/** A rejected value: the parameter (or "input"), a stable code, and the message in both languages. */
export interface FieldError {
  field: string;
  /** e.g. "empty", "not_a_number", "too_large", "unknown_category", "bad_type", "too_long" */
  code: string;
  zh: string;
  en: string;
}

/** Something the buyer should know that is not an error (defaults used, rules). */
export interface Notice { code: string; zh: string; en: string; }

/** The subsidy rule set applied (or consulted), with its source. */
export interface RuleSetRef {
  id: string;
  /** In the language of `lang`. */
  name: string;
  name_zh: string;
  name_en: string;
  /** The document the rules come from. */
  source: string;
  url: string;
  /** When the rules were last checked against that source, YYYY-MM-DD. */
  as_of: string;
  confidence: "verified" | "secondary" | "unverified";
  valid_from: string;
  valid_to: string;
}

export interface Annual { kwh: number; water_m3: number; gas_m3: number; }

/** The numbers of one grade. Yuan, kWh, m³ and kg are rounded to 0.01 as in the app. */
export interface GradeNumbers {
  annual_kwh_saved: number;
  annual_water_saved: number;
  annual_gas_saved: number;
  /** Yuan saved per year at typical use. */
  annual_money_saved: number;
  annual_money_saved_low: number;
  annual_money_saved_high: number;
  /** kg CO2 avoided per year. */
  co2_saved: number;
  price: number | null;
  /** Trade-in subsidy in yuan; null without a price. */
  subsidy: number | null;
  subsidy_eligible: boolean;
  subsidy_reason: string;
  subsidy_reason_zh: string;
  subsidy_reason_en: string;
  /** price − subsidy − trade_in; null without a price. */
  net_price: number | null;
  /** Years; null when there is no price or nothing is saved. */
  payback_years: number | null;
  new_annual: Annual;
  lifetime: {
    years: number; money_saved: number; kwh_saved: number; water_saved: number;
    gas_saved: number; co2_saved: number;
  };
}

export interface GradeResult extends GradeNumbers { grade: 1 | 2; chosen: boolean; }

/** A result: the chosen grade's numbers at the top level, both grades in `grades`. */
export interface ComputeOk extends GradeNumbers {
  ok: true;
  category: CategoryId;
  category_name: string;
  grade: 1 | 2;
  date: string;
  region: string | null;
  rule_set: RuleSetRef | null;
  old_annual: Annual;
  old_annual_cost: number;
  lifetime_years: number;
  grades: [GradeResult, GradeResult];
  notices: Notice[];
  /** Keys that are not parameters of this category (ignored). */
  ignored: string[];
}

export interface Failure { ok: false; errors: FieldError[]; ignored: string[]; }

export type ComputeResult = ComputeOk | Failure;

export interface SubsidyInput {
  cat?: CategoryId | string;
  grade?: ParamValue;
  price?: ParamValue;
  date?: string;
  region?: string;
  water_grade?: ParamValue;
  lang?: string;
  [param: string]: ParamValue;
}

export interface SubsidyOk {
  ok: true;
  category: CategoryId;
  grade: 1 | 2;
  date: string;
  region: string | null;
  price: number | null;
  subsidy: number;
  eligible: boolean;
  rate_percent: number | null;
  cap: number | null;
  reason: string;
  reason_zh: string;
  reason_en: string;
  rule_set: RuleSetRef | null;
  ignored: string[];
}

export type SubsidyResult = SubsidyOk | Failure;

export type ParseNumberResult =
  | { ok: true; value: number }
  | { ok: false; code: string; zh: string; en: string };

export interface FieldInfo {
  param: string;
  group: "purchase" | "old" | "new" | "usage" | "prices";
  kind: "number" | "choice" | "date" | "region";
  label_zh: string; label_en: string;
  unit_zh: string; unit_en: string;
  help_zh: string; help_en: string;
  min: number | null;
  max: number | null;
  /** The value used when the parameter is not given. */
  default: number | null;
  /** True for figures printed on the energy/water label. */
  on_label: boolean;
  choices: { value: string; label_zh: string; label_en: string }[];
}

export interface CategoryInfo { id: CategoryId; zh: string; en: string; fields: FieldInfo[]; }

export interface Source {
  name: string; url: string; as_of: string;
  confidence: "verified" | "secondary" | "unverified"; note: string;
}

export interface RuleSetInfo {
  id: string;
  /** "CN" for the national scheme, else a province code. */
  jurisdiction: string;
  name_zh: string; name_en: string;
  valid_from: string; valid_to: string;
  categories: CategoryId[];
  rates: { grade: number; rate_percent: number; cap: number }[];
  items_per_person: number;
  ac_items: number;
  old_unit_required: boolean | null;
  note_zh: string; note_en: string;
  source: Source;
}

export interface RegionInfo { code: string; zh: string; en: string; }

export interface DataVersion { version: string; as_of: string; package: string; }
"#;

/// Savings, subsidy, net price and payback for one appliance, from deep-link style parameters.
#[wasm_bindgen(js_name = compute, unchecked_return_type = "ComputeResult")]
pub fn compute(#[wasm_bindgen(unchecked_param_type = "ComputeInput")] input: JsValue) -> JsValue {
    let read = read_input(&input, Accept::Engine);
    if read.input_rejected() {
        return results::failure(&read.problems, &read.ignored);
    }
    let evaluation = evaluate(&read.form, today());
    results::compute_result(&read, &evaluation)
}

/// The trade-in subsidy alone: `{ cat, grade, price, date, region }` (price required).
#[wasm_bindgen(js_name = subsidy, unchecked_return_type = "SubsidyResult")]
pub fn subsidy(#[wasm_bindgen(unchecked_param_type = "SubsidyInput")] input: JsValue) -> JsValue {
    let mut read = read_input(&input, Accept::Only(SUBSIDY_PARAMS));
    if read.input_rejected() {
        return results::failure(&read.problems, &read.ignored);
    }
    let has_price = read.form.get("price").is_some_and(|p| !p.trim().is_empty());
    let price_rejected = read.problems.iter().any(|p| p.field == "price");
    if !has_price && !price_rejected {
        let empty = NumberError::Empty;
        read.problems.push(Problem {
            field: "price".to_string(),
            code: empty.code(),
            zh: empty.message(Locale::Zh),
            en: empty.message(Locale::En),
        });
    }
    // The same engine as `compute` and the app, so the rules (grade, local sets, caps) agree.
    let evaluation = evaluate(&read.form, today());
    let problems = results::all_problems(&read, &evaluation);
    match &evaluation.outcome {
        Some(outcome) if problems.is_empty() => results::subsidy_result(&read, outcome),
        _ => results::failure(&problems, &read.ignored),
    }
}

/// Parses a number the way the app reads typed input: `"５９９９"`, `"0.6万"`, `"¥5,999"`.
#[wasm_bindgen(js_name = parseNumber, unchecked_return_type = "ParseNumberResult")]
pub fn parse_number_js(
    #[wasm_bindgen(unchecked_param_type = "string | number")] text: JsValue,
) -> JsValue {
    let parsed = if let Some(number) = text.as_f64() {
        number_text(number).map_or(Err(NumberError::NotANumber), |t| parse_number(&t))
    } else if text.is_string() {
        let units = text.unchecked_ref::<JsString>().length();
        match text.as_string() {
            Some(t) if units <= MAX_PARSE_UNITS => parse_number(&t),
            _ => Err(NumberError::TooLong),
        }
    } else {
        Err(NumberError::NotANumber)
    };
    let out = Obj::new();
    match parsed {
        Ok(value) => {
            out.bool("ok", true).num("value", value);
        }
        Err(error) => {
            out.bool("ok", false)
                .str("code", error.code())
                .str("zh", &error.message(Locale::Zh))
                .str("en", &error.message(Locale::En));
        }
    }
    out.into_js()
}

/// Every category with its parameters, labels, units, ranges and defaults.
#[wasm_bindgen(js_name = categories, unchecked_return_type = "CategoryInfo[]")]
pub fn categories() -> JsValue {
    results::categories(fields)
}

/// Every subsidy rule set (national and local), with rates, caps, periods and sources.
#[wasm_bindgen(js_name = ruleSets, unchecked_return_type = "RuleSetInfo[]")]
pub fn rule_sets() -> JsValue {
    results::rule_sets(all_rule_sets())
}

/// Every province code accepted as `region`.
#[wasm_bindgen(js_name = regions, unchecked_return_type = "RegionInfo[]")]
pub fn regions() -> JsValue {
    results::regions(all_regions())
}

/// The data set's version and the date it was last checked against its sources.
#[wasm_bindgen(js_name = dataVersion, unchecked_return_type = "DataVersion")]
pub fn data_version() -> JsValue {
    let out = Obj::new();
    out.str("version", DATA_VERSION)
        .str("as_of", DATA_AS_OF)
        .str("package", env!("CARGO_PKG_VERSION"));
    out.into_js()
}

/// Today's local date, the default purchase date (as the app reads it in `main.rs`).
fn today() -> Date {
    let now = js_sys::Date::new_0();
    let year = i32::try_from(now.get_full_year()).unwrap_or(2026);
    let month = u8::try_from(now.get_month()).map_or(1, |m| m.saturating_add(1));
    let day = u8::try_from(now.get_date()).unwrap_or(1);
    Date::new(year, month, day).unwrap_or(Date::EARLIEST_INPUT)
}
