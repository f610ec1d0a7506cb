use std::rc::Rc;

use yew::prelude::*;

use crate::domain::evaluate::{GradeOutcome, Outcome};
use crate::domain::locale::Locale;
use crate::domain::money::{format_money, format_number, plain_fen, plain_number};
use crate::ui::markup::Markup;

#[derive(Properties, PartialEq)]
pub struct ResultSummaryProps {
    pub outcome: Rc<Outcome>,
    pub locale: Locale,
}

/// The big numbers of the chosen grade. Every number carries `data-testid` and a plain
/// `data-value` (dot decimal, no separators, 0.01) — a public test contract.
#[component]
pub fn ResultSummary(props: &ResultSummaryProps) -> Html {
    let locale = props.locale;
    let outcome = &props.outcome;
    let chosen = outcome.chosen();
    let old = &outcome.old.annual;
    let uses_water = old.water_m3 != 0.0 || chosen.new_annual.water_m3 != 0.0;
    let uses_gas = old.gas_m3 != 0.0 || chosen.new_annual.gas_m3 != 0.0;
    let uses_power = old.kwh != 0.0 || chosen.new_annual.kwh != 0.0 || !(uses_water || uses_gas);
    let grade_title = locale.pick(
        format!("换{}级能效新机", chosen.grade),
        format!("With a grade-{} unit", chosen.grade),
    );
    let money_value = plain_fen(chosen.money_saved_fen);
    let payback_text = payback_text(chosen, locale);
    // Written as text (`Markup`), all but the live region: a screen reader announces changes
    // only in a live region that stays in the page, so yew keeps that one.
    let mut m = Markup::new();
    m.element(
        r#"<h2 id="hx-summary-title" class="hx-section-title">"#,
        &grade_title,
        r#"</h2><div class="hx-summary__hero"><p class="hx-summary__hero-label">"#,
    )
    .text(locale.pick("每年省", "Saved per year"))
    .raw(r#"</p><p class="hx-summary__hero-value"><strong data-testid="annual-money-saved""#)
    .attr("data-value", &money_value)
    .element(
        ">",
        &format_money(chosen.money_saved_fen, locale),
        r#"</strong></p><p class="hx-summary__range">"#,
    )
    .text(locale.pick("按用量高低估计：", "Depending on use: "))
    .text(&format_money(chosen.range.low_fen, locale))
    .raw(" – ")
    .text(&format_money(chosen.range.high_fen, locale))
    .raw(r#"</p></div><dl class="hx-summary__grid">"#);
    tile(
        &mut m,
        uses_power,
        "annual-kwh-saved",
        chosen.saved.kwh,
        locale.pick("每年省电", "Electricity saved"),
        locale.pick("度", "kWh"),
        0,
        locale,
    );
    tile(
        &mut m,
        uses_water,
        "annual-water-saved",
        chosen.saved.water_m3,
        locale.pick("每年省水", "Water saved"),
        locale.pick("吨", "m³"),
        1,
        locale,
    );
    tile(
        &mut m,
        uses_gas,
        "annual-gas-saved",
        chosen.saved.gas_m3,
        locale.pick("每年省气", "Gas saved"),
        locale.pick("立方米", "m³"),
        1,
        locale,
    );
    tile(
        &mut m,
        true,
        "co2-saved",
        chosen.co2_kg,
        locale.pick("每年减碳", "CO₂ avoided"),
        locale.pick("千克 CO₂", "kg CO₂"),
        0,
        locale,
    );
    let no_price = locale.pick("填价格后显示", "Enter a price");
    let money = |fen: Option<i64>| fen.map_or(no_price.to_string(), |f| format_money(f, locale));
    let subsidy = chosen.price_fen.map(|_| chosen.subsidy.fen);
    big_number(
        &mut m,
        locale.pick("以旧换新补贴", "Trade-in subsidy"),
        "subsidy",
        &subsidy.map(plain_fen).unwrap_or_default(),
        &money(subsidy),
    );
    big_number(
        &mut m,
        locale.pick("到手价", "Net price"),
        "net-price",
        &chosen.net_price_fen.map(plain_fen).unwrap_or_default(),
        &money(chosen.net_price_fen),
    );
    big_number(
        &mut m,
        locale.pick("回本时间", "Payback"),
        "payback-years",
        &chosen.payback_years.map(plain_number).unwrap_or_default(),
        &payback_text,
    );
    m.element(
        r#"</dl><p class="hx-summary__rule" data-testid="subsidy-rule">"#,
        locale.pick(
            chosen.subsidy.reason_zh.as_str(),
            chosen.subsidy.reason_en.as_str(),
        ),
        r#"</p><p class="hx-summary__lifetime" data-testid="lifetime-totals">"#,
    )
    .text(&lifetime_text(outcome, chosen, locale))
    .raw("</p>");
    html! {
        <section class="hx-card hx-summary" data-testid="result-summary" aria-labelledby="hx-summary-title">
            { m.into_html() }
            <p class="hx-visually-hidden" aria-live="polite" aria-atomic="true">
                { locale.pick(
                    format!("每年省 {}，{}", format_money(chosen.money_saved_fen, locale), payback_text),
                    format!("Saves {} a year; payback: {}", format_money(chosen.money_saved_fen, locale), payback_text),
                ) }
            </p>
        </section>
    }
}

#[allow(clippy::too_many_arguments)]
fn tile(
    m: &mut Markup,
    shown: bool,
    testid: &str,
    value: f64,
    label: &str,
    unit: &str,
    decimals: u8,
    locale: Locale,
) {
    let plain = plain_number(value);
    if !shown {
        // Kept for the test contract, but not shown: the category does not use this resource.
        m.raw("<data hidden")
            .attr("data-testid", testid)
            .attr("data-value", &plain)
            .attr("value", &plain)
            .raw("></data>");
        return;
    }
    m.element(
        r#"<div class="hx-summary__tile"><dt>"#,
        label,
        "</dt><dd><strong",
    )
    .attr("data-testid", testid)
    .attr("data-value", &plain)
    .element(">", &format_number(value, decimals, locale), "</strong> ")
    .element(
        r#"<span class="hx-summary__unit">"#,
        unit,
        "</span></dd></div>",
    );
}

/// A tile whose number is the whole answer (money or years).
fn big_number(m: &mut Markup, label: &str, testid: &str, value: &str, text: &str) {
    m.element(
        r#"<div class="hx-summary__tile"><dt>"#,
        label,
        "</dt><dd><strong",
    )
    .attr("data-testid", testid)
    .attr("data-value", value)
    .element(">", text, "</strong></dd></div>");
}

fn payback_text(chosen: &GradeOutcome, locale: Locale) -> String {
    match (chosen.payback_years, chosen.price_fen) {
        (_, None) => locale.pick("填价格后显示", "Enter a price").to_string(),
        (Some(years), _) => locale.pick(
            format!("{} 年", format_number(years, 1, locale)),
            format!("{} years", format_number(years, 1, locale)),
        ),
        (None, _) => locale
            .pick(
                "无法回本（新机不更省）",
                "No payback (the new unit saves nothing)",
            )
            .to_string(),
    }
}

fn lifetime_text(outcome: &Outcome, chosen: &GradeOutcome, locale: Locale) -> String {
    let life = &chosen.lifetime;
    let money = format_money(life.money_fen, locale);
    let kwh = format_number(life.saved.kwh, 0, locale);
    let co2 = format_number(life.co2_kg, 0, locale);
    let years = outcome.lifetime_years;
    locale.pick(
        format!("按 {years} 年使用寿命算，共省 {money}，省电 {kwh} 度，减碳 {co2} 千克。"),
        format!("Over a {years}-year life: {money} saved, {kwh} kWh, {co2} kg CO₂ avoided."),
    )
}
