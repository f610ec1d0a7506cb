//! "How we calculated": every assumption behind the numbers, with its source, date and confidence,
//! each one the buyer can override editable in place.

use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::domain::data::{Confidence, RuleSet, Source, DATA_AS_OF, DATA_VERSION};
use crate::domain::evaluate::{fields, Assumption, Evaluation, FieldKind, FieldSpec, Form};
use crate::domain::locale::Locale;
use crate::domain::money::{format_number_trimmed, plain_number};
use crate::ui::markup::Markup;

#[derive(Properties, PartialEq)]
pub struct AssumptionsPanelProps {
    pub locale: Locale,
    /// The engine's answer; nothing is rendered without an outcome.
    pub evaluation: Rc<Evaluation>,
    /// The raw form text: the current value of each editable assumption.
    /// Shared, not copied: the page hands the same form to every section.
    pub form: std::rc::Rc<Form>,
    /// Called with (parameter, raw text) on every edit of an assumption.
    pub onedit: Callback<(&'static str, String)>,
    /// Whether the panel starts open.
    #[prop_or_default]
    pub open: bool,
}

/// A `<details>` panel: the assumptions list, the subsidy rule set used (or that none covers the
/// date), and the data version.
#[component]
pub fn AssumptionsPanel(props: &AssumptionsPanelProps) -> Html {
    // The list is built only while the panel is open. Closed, as it starts, the first answer is
    // rendered without its dozens of rows and editors: on a slow phone that is most of the first
    // keystroke's work.
    let open = use_state_eq(|| props.open);
    let ontoggle = {
        let open = open.setter();
        Callback::from(move |e: Event| {
            let details: web_sys::Element = e.target_unchecked_into();
            open.set(details.has_attribute("open"));
        })
    };
    let Some(outcome) = props.evaluation.outcome.as_ref() else {
        return html! {};
    };
    if !*open {
        return html! {
            <details class="hx-assume" data-testid="assumptions" {ontoggle}>
                <summary class="hx-assume__summary">
                    {summary_text(props.locale)}
                </summary>
            </details>
        };
    }
    let locale = props.locale;
    let specs = fields(outcome.category);
    // Keys should be unique; if the engine ever repeats one, a suffix keeps Yew's keyed list valid.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let items: Vec<Html> = outcome
        .assumptions
        .iter()
        .map(|assumption| {
            let count = seen.entry(assumption.key).or_insert(0);
            let key = if *count == 0 {
                assumption.key.to_string()
            } else {
                format!("{}#{count}", assumption.key)
            };
            *count += 1;
            render_assumption(assumption, key, specs, props)
        })
        .collect();
    let no_rule_set = props
        .evaluation
        .notices
        .iter()
        .find(|n| n.code == "no_rule_set")
        .map(|n| locale.pick(n.zh.as_str(), n.en.as_str()));
    // The parts without controls are written as text (`Markup`): less code than `html!` builds.
    let mut rules = Markup::new();
    rules.element(
        r#"<section class="hx-assume__rules" data-testid="assume-rule-set"><h3 class="hx-assume__heading">"#,
        locale.pick("补贴规则", "Subsidy rules"),
        "</h3>",
    );
    match outcome.rule_set {
        Some(set) => render_rule_set(&mut rules, set, locale),
        None => {
            rules.element(
                r#"<p class="hx-assume__none" data-testid="assume-no-rule-set">"#,
                no_rule_set.unwrap_or(locale.pick(
                    "购买日期不在任何已知的补贴政策期内，补贴按0计算。",
                    "The purchase date is outside every known subsidy period, so no subsidy is counted.",
                )),
                "</p>",
            );
        }
    }
    rules.element(
        r#"</section><p class="hx-assume__version" data-testid="data-version">"#,
        &locale.pick(
            format!("数据版本 {DATA_VERSION}，核对至 {DATA_AS_OF}。"),
            format!("Data version {DATA_VERSION}, checked up to {DATA_AS_OF}."),
        ),
        "</p>",
    );
    html! {
        <details class="hx-assume" data-testid="assumptions" open=true {ontoggle}>
            <summary class="hx-assume__summary">{summary_text(locale)}</summary>
            <p class="hx-hint">
                {locale.pick(
                    "每个数值都注明来源和核对日期；标“未核实”的是我们的假设，您可以改成自己的数值。",
                    "Every value shows its source and the date it was checked; values marked “unverified” are our assumptions, and you can replace them with your own.",
                )}
            </p>
            <ul class="hx-assume__list">{items}</ul>
            { rules.into_html() }
        </details>
    }
}

fn summary_text(locale: Locale) -> &'static str {
    locale.pick(
        "计算依据（可修改）",
        "How we calculated (you can change it)",
    )
}

fn render_assumption(
    assumption: &Assumption,
    key: String,
    specs: &'static [FieldSpec],
    props: &AssumptionsPanelProps,
) -> Html {
    let locale = props.locale;
    let spec = assumption
        .param
        .and_then(|p| specs.iter().find(|s| s.param == p));
    // The typed text is in the field's unit, so prefer the field's words for it.
    let unit = match spec {
        Some(s) if !s.unit_zh.is_empty() || !s.unit_en.is_empty() => {
            locale.pick(s.unit_zh, s.unit_en)
        }
        _ => unit_words(assumption.unit, locale),
    };
    let value = format_number_trimmed(assumption.value, 4, locale);
    // Label, value, badge and source as text (`Markup`); the editor stays yew's, so it keeps its
    // focus while the text around it changes.
    let mut m = Markup::new();
    m.element(
        r#"<div class="hx-assume__head"><span class="hx-assume__label">"#,
        locale.pick(assumption.label_zh, assumption.label_en),
        "</span>",
    )
    .raw(r#"<span class="hx-assume__value""#)
    .attr("data-value", &plain_number(assumption.value))
    .raw(">")
    .text(&value);
    if !unit.is_empty() {
        m.raw(" ").text(unit);
    }
    m.raw("</span>");
    if assumption.user_value {
        m.element(
            r#"<span class="hx-badge hx-badge--user">"#,
            locale.pick("您的数值", "your value"),
            "</span>",
        );
    } else {
        confidence_badge(&mut m, assumption.confidence, locale);
    }
    m.raw("</div>");
    source_label(&mut m, locale);
    if assumption.user_value {
        m.text(locale.pick("您填写的数值", "your own value"));
    } else {
        cited(
            &mut m,
            assumption.source,
            assumption.url,
            assumption.as_of,
            locale,
        );
    }
    m.raw("</p>");
    html! {
        <li key={key} class="hx-assume__item" data-key={assumption.key}>
            { m.into_html() }
            if let Some(param) = assumption.param {
                { render_editor(param, spec, assumption, unit, props) }
            }
        </li>
    }
}

/// The in-place editor of an assumption the buyer can override.
///
/// The same parameter usually has its own input in the form above, which already carries
/// `data-testid` = the parameter name; this one is `assume-<param>` (and its error
/// `assume-error-<param>`) so every test id on the page stays unique. A parameter the category's
/// form does not list (e.g. a typed water price for a fridge) still gets a number box.
fn render_editor(
    param: &'static str,
    spec: Option<&FieldSpec>,
    assumption: &Assumption,
    unit: &str,
    props: &AssumptionsPanelProps,
) -> Html {
    let locale = props.locale;
    let id = format!("assume-{param}");
    let error_id = format!("assume-error-{param}");
    let current = props.form.get(param).unwrap_or_default().to_string();
    let error = props.evaluation.error(param);
    let invalid = if error.is_some() { "true" } else { "false" };
    let choices = spec
        .filter(|s| s.kind == FieldKind::Choice)
        .map(|s| s.choices);
    let label = html! {
        <label class="hx-assume__edit-label" for={id.clone()}>
            {locale.pick("改为", "Change to")}
            <span class="hx-visually-hidden">
                {locale.pick(format!("：{}", assumption.label_zh), format!(": {}", assumption.label_en))}
            </span>
            if !unit.is_empty() && choices.is_none() {
                {locale.pick(format!("（{unit}）"), format!(" ({unit})"))}
            }
        </label>
    };
    let control = if let Some(choices) = choices {
        let onchange = {
            let onedit = props.onedit.clone();
            move |e: Event| {
                let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                onedit.emit((param, select.value()));
            }
        };
        html! {
            <select
                id={id.clone()}
                class="hx-assume__input"
                data-testid={id.clone()}
                aria-invalid={invalid}
                aria-describedby={error.map(|_| error_id.clone())}
                {onchange}
            >
                <option value="" selected={current.is_empty()}>{locale.pick("默认", "Default")}</option>
                for choice in choices.iter() {
                    <option
                        key={choice.value}
                        value={choice.value}
                        selected={choice.value.eq_ignore_ascii_case(&current)}
                    >
                        {locale.pick(choice.label_zh, choice.label_en)}
                    </option>
                }
            </select>
        }
    } else {
        let oninput = {
            let onedit = props.onedit.clone();
            move |e: InputEvent| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                onedit.emit((param, input.value()));
            }
        };
        // The placeholder is what the engine uses when the box is empty.
        let placeholder = if assumption.user_value {
            spec.and_then(|s| s.default)
                .map(|d| format_number_trimmed(d, 4, locale))
                .unwrap_or_default()
        } else {
            format_number_trimmed(assumption.value, 4, locale)
        };
        html! {
            <input
                id={id.clone()}
                class="hx-assume__input"
                type="text"
                inputmode="decimal"
                autocomplete="off"
                maxlength="40"
                data-testid={id.clone()}
                value={current}
                {placeholder}
                aria-invalid={invalid}
                aria-describedby={error.map(|_| error_id.clone())}
                {oninput}
            />
        }
    };
    html! {
        <div class="hx-assume__edit">
            {label}
            {control}
            if let Some(error) = error {
                <p class="hx-assume__error" id={error_id.clone()} data-testid={error_id.clone()}>
                    {locale.pick(error.zh.as_str(), error.en.as_str())}
                </p>
            }
        </div>
    }
}

fn render_rule_set(m: &mut Markup, rules: &RuleSet, locale: Locale) {
    let note = locale.pick(rules.note_zh, rules.note_en);
    m.element(
        r#"<p class="hx-assume__rule-name" data-testid="assume-rule-set-name">"#,
        locale.pick(rules.name_zh, rules.name_en),
        "</p>",
    )
    .element(
        r#"<p class="hx-assume__source">"#,
        &locale.pick(
            format!("有效期：{} 至 {}", rules.valid_from, rules.valid_to),
            format!("In force: {} to {}", rules.valid_from, rules.valid_to),
        ),
        "</p>",
    );
    source_line(m, rules.source, locale);
    if !note.is_empty() {
        m.element(r#"<p class="hx-assume__note">"#, note, "</p>");
    }
}

/// Source, check date and confidence of a data value.
fn source_line(m: &mut Markup, source: &Source, locale: Locale) {
    source_label(m, locale);
    cited(m, source.name, source.url, source.as_of, locale);
    m.raw(" ");
    confidence_badge(m, source.confidence, locale);
    m.raw("</p>");
}

/// Opens a source line: `<p>` and its "Source:" label.
fn source_label(m: &mut Markup, locale: Locale) {
    m.element(
        r#"<p class="hx-assume__source"><span class="hx-assume__source-label">"#,
        locale.pick("来源：", "Source: "),
        "</span>",
    );
}

/// The citation and the day it was checked (when known).
fn cited(m: &mut Markup, name: &str, url: &str, as_of: &str, locale: Locale) {
    source_link(m, name, url);
    if !as_of.is_empty() {
        m.element(
            r#"<span class="hx-assume__as-of">"#,
            &locale.pick(format!("（核对于 {as_of}）"), format!(" (checked {as_of})")),
            "</span>",
        );
    }
}

/// The citation, linked when it has an address (opened in a new tab, without an opener).
fn source_link(m: &mut Markup, name: &str, url: &str) {
    if url.is_empty() {
        m.element(r#"<cite class="hx-assume__cite">"#, name, "</cite>");
    } else {
        m.raw(r#"<a class="hx-assume__link""#)
            .attr("href", url)
            .raw(r#" target="_blank" rel="noopener noreferrer"><cite class="hx-assume__cite">"#)
            .text(name)
            .raw("</cite></a>");
    }
}

/// The confidence mark as words plus a symbol, so it never depends on colour alone.
fn confidence_badge(m: &mut Markup, confidence: Confidence, locale: Locale) {
    let symbol = match confidence {
        Confidence::Verified => "✓",
        Confidence::Secondary => "≈",
        Confidence::Unverified => "!",
    };
    let code = confidence.code();
    m.raw(r#"<span class="hx-badge hx-badge--"#)
        .raw(code)
        .raw(r#"" data-confidence=""#)
        .raw(code)
        .raw(r#""><span aria-hidden="true">"#)
        .raw(symbol)
        .raw(" </span>")
        .text(confidence.label(locale))
        .raw("</span>");
}

/// A data unit symbol in the buyer's words; unknown symbols are shown as they are.
fn unit_words(unit: &'static str, locale: Locale) -> &'static str {
    let (zh, en) = match unit {
        "yuan" => ("元", "yuan"),
        "yuan/kWh" => ("元/度", "yuan/kWh"),
        "yuan/m3" => ("元/立方米", "yuan/m³"),
        "kgCO2/kWh" => ("千克CO₂/度", "kg CO₂/kWh"),
        "kgCO2/m3" => ("千克CO₂/立方米", "kg CO₂/m³"),
        "years" => ("年", "years"),
        "h/yr" => ("小时/年", "h/yr"),
        "h/day" => ("小时/天", "h/day"),
        "min/day" => ("分钟/天", "min/day"),
        "1/week" => ("次/周", "per week"),
        "1/day" => ("次/天", "per day"),
        "1/yr" => ("次/年", "per year"),
        "L" => ("升", "L"),
        "L/day" => ("升/天", "L/day"),
        "kWh" => ("度", "kWh"),
        "kWh/yr" => ("度/年", "kWh/yr"),
        "kWh/day" => ("度/天", "kWh/day"),
        "MJ/day" => ("兆焦/天", "MJ/day"),
        "MJ/m3" => ("兆焦/立方米", "MJ/m³"),
        "m3" => ("立方米", "m³"),
        "m3/h" => ("立方米/时", "m³/h"),
        "W" => ("瓦", "W"),
        "kg" => ("千克", "kg"),
        "in" => ("英寸", "in"),
        "degC" => ("℃", "°C"),
        "K" => ("K", "K"),
        "ratio" | "W/W" => ("", ""),
        other => (other, other),
    };
    locale.pick(zh, en)
}
