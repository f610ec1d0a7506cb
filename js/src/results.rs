//! Domain values as plain JS objects. Every number is rounded as the app's `data-value` shows it.

use huanxin::domain::category::Category;
use huanxin::domain::data::{Region, RuleSet, Source};
use huanxin::domain::evaluate::{
    Choice, Evaluation, FieldGroup, FieldKind, FieldSpec, GradeOutcome, Notice, Outcome, Resources,
};
use huanxin::domain::locale::Locale;

use crate::js_object::{array, round2, string_array, yuan, Obj};
use crate::read::{Problem, Read};

/// `{ ok: false, errors, ignored }`.
pub fn failure(problems: &[Problem], ignored: &[String]) -> wasm_bindgen::JsValue {
    let out = Obj::new();
    out.bool("ok", false)
        .set("errors", &array(problems.iter().map(problem)))
        .set("ignored", &string_array(ignored.iter().map(String::as_str)));
    out.into_js()
}

fn problem(p: &Problem) -> wasm_bindgen::JsValue {
    let out = Obj::new();
    out.str("field", &p.field)
        .str("code", p.code)
        .str("zh", &p.zh)
        .str("en", &p.en);
    out.into_js()
}

/// Boundary problems first, then the engine's errors for fields the boundary did not already
/// reject (a value dropped at the boundary must not also be reported as empty).
pub fn all_problems(read: &Read, evaluation: &Evaluation) -> Vec<Problem> {
    let mut problems = read.problems.clone();
    for error in &evaluation.errors {
        if !read.problems.iter().any(|p| p.field == error.field) {
            problems.push(Problem::from_field_error(error));
        }
    }
    problems
}

/// The result of `compute`: ok with every number of the chosen grade, or the errors.
pub fn compute_result(read: &Read, evaluation: &Evaluation) -> wasm_bindgen::JsValue {
    let mut problems = all_problems(read, evaluation);
    let outcome = match &evaluation.outcome {
        Some(outcome) if problems.is_empty() => outcome,
        _ => {
            if problems.is_empty() {
                problems.push(no_result(&evaluation.notices));
            }
            return failure(&problems, &read.ignored);
        }
    };
    let locale = read.locale;
    let chosen = outcome.chosen();
    let out = Obj::new();
    out.bool("ok", true)
        .str("category", outcome.category.slug())
        .str("category_name", outcome.category.name(locale))
        .num("grade", f64::from(outcome.chosen_grade))
        .str("date", &outcome.date.to_string())
        .opt_str("region", outcome.region);
    grade_fields(&out, chosen, locale);
    out.set("rule_set", &rule_set_ref(chosen.subsidy.rule_set, locale))
        .obj("old_annual", resources(outcome.old.annual))
        .num("old_annual_cost", yuan(outcome.old.annual_cost_fen))
        .num("lifetime_years", f64::from(outcome.lifetime_years))
        .set(
            "grades",
            &array(outcome.grades.iter().map(|g| grade(g, locale))),
        )
        .set("notices", &array(evaluation.notices.iter().map(notice)))
        .set(
            "ignored",
            &string_array(read.ignored.iter().map(String::as_str)),
        );
    out.into_js()
}

/// A subsidy-only view of an outcome, for `subsidy()`.
pub fn subsidy_result(read: &Read, outcome: &Outcome) -> wasm_bindgen::JsValue {
    let locale = read.locale;
    let chosen = outcome.chosen();
    let subsidy = &chosen.subsidy;
    let out = Obj::new();
    out.bool("ok", true)
        .str("category", outcome.category.slug())
        .num("grade", f64::from(outcome.chosen_grade))
        .str("date", &outcome.date.to_string())
        .opt_str("region", outcome.region)
        .opt_num("price", chosen.price_fen.map(yuan))
        .num("subsidy", yuan(subsidy.fen))
        .bool("eligible", subsidy.eligible)
        .opt_num(
            "rate_percent",
            subsidy
                .eligible
                .then(|| round2(subsidy.rate_bp as f64 / 100.0)),
        )
        .opt_num("cap", subsidy.eligible.then(|| yuan(subsidy.cap_fen)))
        .str(
            "reason",
            locale.pick(&subsidy.reason_zh, &subsidy.reason_en),
        )
        .str("reason_zh", &subsidy.reason_zh)
        .str("reason_en", &subsidy.reason_en)
        .set("rule_set", &rule_set_ref(subsidy.rule_set, locale))
        .set(
            "ignored",
            &string_array(read.ignored.iter().map(String::as_str)),
        );
    out.into_js()
}

fn no_result(notices: &[Notice]) -> Problem {
    let (zh, en) = notices
        .first()
        .map(|n| (n.zh.clone(), n.en.clone()))
        .unwrap_or_else(|| {
            (
                "无法计算结果".to_string(),
                "No result could be computed".to_string(),
            )
        });
    Problem {
        field: "cat".to_string(),
        code: "no_result",
        zh,
        en,
    }
}

/// The per-grade numbers, on `out` (used for the top level and for each entry of `grades`).
fn grade_fields(out: &Obj, g: &GradeOutcome, locale: Locale) {
    let subsidy_text = locale.pick(&g.subsidy.reason_zh, &g.subsidy.reason_en);
    out.num("annual_kwh_saved", round2(g.saved.kwh))
        .num("annual_water_saved", round2(g.saved.water_m3))
        .num("annual_gas_saved", round2(g.saved.gas_m3))
        .num("annual_money_saved", yuan(g.money_saved_fen))
        .num("annual_money_saved_low", yuan(g.range.low_fen))
        .num("annual_money_saved_high", yuan(g.range.high_fen))
        .num("co2_saved", round2(g.co2_kg))
        .opt_num("price", g.price_fen.map(yuan))
        // Without a price there is no subsidy amount to show, as in the app.
        .opt_num("subsidy", g.price_fen.map(|_| yuan(g.subsidy.fen)))
        .bool("subsidy_eligible", g.subsidy.eligible)
        .str("subsidy_reason", subsidy_text)
        .str("subsidy_reason_zh", &g.subsidy.reason_zh)
        .str("subsidy_reason_en", &g.subsidy.reason_en)
        .opt_num("net_price", g.net_price_fen.map(yuan))
        .opt_num("payback_years", g.payback_years.map(round2))
        .obj("new_annual", resources(g.new_annual));
    let life = Obj::new();
    life.num("years", f64::from(g.lifetime.years))
        .num("money_saved", yuan(g.lifetime.money_fen))
        .num("kwh_saved", round2(g.lifetime.saved.kwh))
        .num("water_saved", round2(g.lifetime.saved.water_m3))
        .num("gas_saved", round2(g.lifetime.saved.gas_m3))
        .num("co2_saved", round2(g.lifetime.co2_kg));
    out.obj("lifetime", life);
}

fn grade(g: &GradeOutcome, locale: Locale) -> wasm_bindgen::JsValue {
    let out = Obj::new();
    out.num("grade", f64::from(g.grade))
        .bool("chosen", g.chosen);
    grade_fields(&out, g, locale);
    out.into_js()
}

fn resources(r: Resources) -> Obj {
    let out = Obj::new();
    out.num("kwh", round2(r.kwh))
        .num("water_m3", round2(r.water_m3))
        .num("gas_m3", round2(r.gas_m3));
    out
}

fn notice(n: &Notice) -> wasm_bindgen::JsValue {
    let out = Obj::new();
    out.str("code", n.code).str("zh", &n.zh).str("en", &n.en);
    out.into_js()
}

/// `{ id, name, name_zh, name_en, source, url, as_of, confidence, valid_from, valid_to }` or null.
fn rule_set_ref(set: Option<&'static RuleSet>, locale: Locale) -> wasm_bindgen::JsValue {
    let Some(set) = set else {
        return wasm_bindgen::JsValue::NULL;
    };
    let out = Obj::new();
    out.str("id", set.id)
        .str("name", locale.pick(set.name_zh, set.name_en))
        .str("name_zh", set.name_zh)
        .str("name_en", set.name_en)
        .str("source", set.source.name)
        .str("url", set.source.url)
        .str("as_of", set.source.as_of)
        .str("confidence", set.source.confidence.code())
        .str("valid_from", set.valid_from)
        .str("valid_to", set.valid_to);
    out.into_js()
}

fn source(s: &Source) -> Obj {
    let out = Obj::new();
    out.str("name", s.name)
        .str("url", s.url)
        .str("as_of", s.as_of)
        .str("confidence", s.confidence.code())
        .str("note", s.note);
    out
}

/// Every subsidy rule set with its rates, caps, categories and source.
pub fn rule_sets(sets: &[RuleSet]) -> wasm_bindgen::JsValue {
    array(sets.iter().map(|set| {
        let rates = array(set.rates.iter().map(|r| {
            let rate = Obj::new();
            rate.num("grade", f64::from(r.grade))
                .num("rate_percent", round2(r.rate_bp as f64 / 100.0))
                .num("cap", yuan(r.cap_fen));
            rate.into_js()
        }));
        let out = Obj::new();
        out.str("id", set.id)
            .str("jurisdiction", set.jurisdiction)
            .str("name_zh", set.name_zh)
            .str("name_en", set.name_en)
            .str("valid_from", set.valid_from)
            .str("valid_to", set.valid_to)
            .set(
                "categories",
                &string_array(set.categories.iter().map(|c| c.slug())),
            )
            .set("rates", &rates)
            .num("items_per_person", f64::from(set.items_per_person))
            .num("ac_items", f64::from(set.ac_items))
            .set(
                "old_unit_required",
                &set.old_unit_required.map_or(
                    wasm_bindgen::JsValue::NULL,
                    wasm_bindgen::JsValue::from_bool,
                ),
            )
            .str("note_zh", set.note_zh)
            .str("note_en", set.note_en)
            .obj("source", source(set.source));
        out.into_js()
    }))
}

/// Every category with its parameters (the label figures a retailer passes to `compute`).
pub fn categories(fields: impl Fn(Category) -> &'static [FieldSpec]) -> wasm_bindgen::JsValue {
    array(Category::ALL.iter().map(|&c| {
        let out = Obj::new();
        out.str("id", c.slug())
            .str("zh", c.name(Locale::Zh))
            .str("en", c.name(Locale::En))
            .set("fields", &array(fields(c).iter().map(field)));
        out.into_js()
    }))
}

fn field(spec: &FieldSpec) -> wasm_bindgen::JsValue {
    let group = match spec.group {
        FieldGroup::Purchase => "purchase",
        FieldGroup::Old => "old",
        FieldGroup::New => "new",
        FieldGroup::Usage => "usage",
        FieldGroup::Prices => "prices",
    };
    let kind = match spec.kind {
        FieldKind::Number => "number",
        FieldKind::Choice => "choice",
        FieldKind::Date => "date",
        FieldKind::Region => "region",
    };
    let number = spec.kind == FieldKind::Number;
    let out = Obj::new();
    out.str("param", spec.param)
        .str("group", group)
        .str("kind", kind)
        .str("label_zh", spec.label_zh)
        .str("label_en", spec.label_en)
        .str("unit_zh", spec.unit_zh)
        .str("unit_en", spec.unit_en)
        .str("help_zh", spec.help_zh)
        .str("help_en", spec.help_en)
        .opt_num("min", number.then_some(spec.min))
        .opt_num("max", number.then_some(spec.max))
        .opt_num("default", spec.default)
        .bool("on_label", spec.on_label)
        .set("choices", &array(spec.choices.iter().map(choice)));
    out.into_js()
}

fn choice(c: &Choice) -> wasm_bindgen::JsValue {
    let out = Obj::new();
    out.str("value", c.value)
        .str("label_zh", c.label_zh)
        .str("label_en", c.label_en);
    out.into_js()
}

/// Every province code with its names (the `region` parameter).
pub fn regions(regions: &[Region]) -> wasm_bindgen::JsValue {
    array(regions.iter().map(|r| {
        let out = Obj::new();
        out.str("code", r.code)
            .str("zh", r.name_zh)
            .str("en", r.name_en);
        out.into_js()
    }))
}
