use std::rc::Rc;

use yew::prelude::*;

use crate::domain::evaluate::{GradeOutcome, Outcome};
use crate::domain::locale::Locale;
use crate::domain::money::{format_money, format_number, plain_fen, plain_number};

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
    html! {
        <section class="hx-card hx-summary" data-testid="result-summary" aria-labelledby="hx-summary-title">
            <h2 id="hx-summary-title" class="hx-section-title">{grade_title}</h2>
            <div class="hx-summary__hero">
                <p class="hx-summary__hero-label">{locale.pick("每年省", "Saved per year")}</p>
                <p class="hx-summary__hero-value">
                    <strong data-testid="annual-money-saved" data-value={money_value}>
                        {format_money(chosen.money_saved_fen, locale)}
                    </strong>
                </p>
                <p class="hx-summary__range">
                    {locale.pick("按用量高低估计：", "Depending on use: ")}
                    {format_money(chosen.range.low_fen, locale)}{" – "}{format_money(chosen.range.high_fen, locale)}
                </p>
            </div>
            <dl class="hx-summary__grid">
                { tile(uses_power, "annual-kwh-saved", chosen.saved.kwh,
                    locale.pick("每年省电", "Electricity saved"), locale.pick("度", "kWh"), 0, locale) }
                { tile(uses_water, "annual-water-saved", chosen.saved.water_m3,
                    locale.pick("每年省水", "Water saved"), locale.pick("吨", "m³"), 1, locale) }
                { tile(uses_gas, "annual-gas-saved", chosen.saved.gas_m3,
                    locale.pick("每年省气", "Gas saved"), locale.pick("立方米", "m³"), 1, locale) }
                { tile(true, "co2-saved", chosen.co2_kg,
                    locale.pick("每年减碳", "CO₂ avoided"), locale.pick("千克 CO₂", "kg CO₂"), 0, locale) }
                { money_tile("subsidy", chosen.price_fen.map(|_| chosen.subsidy.fen),
                    locale.pick("以旧换新补贴", "Trade-in subsidy"), locale) }
                { money_tile("net-price", chosen.net_price_fen,
                    locale.pick("到手价", "Net price"), locale) }
                <div class="hx-summary__tile">
                    <dt>{locale.pick("回本时间", "Payback")}</dt>
                    <dd>
                        <strong
                            data-testid="payback-years"
                            data-value={chosen.payback_years.map(plain_number).unwrap_or_default()}
                        >
                            {payback_text.clone()}
                        </strong>
                    </dd>
                </div>
            </dl>
            <p class="hx-summary__rule" data-testid="subsidy-rule">
                { locale.pick(chosen.subsidy.reason_zh.as_str(), chosen.subsidy.reason_en.as_str()) }
            </p>
            <p class="hx-summary__lifetime" data-testid="lifetime-totals">
                { lifetime_text(outcome, chosen, locale) }
            </p>
            <p class="hx-visually-hidden" aria-live="polite" aria-atomic="true">
                { locale.pick(
                    format!("每年省 {}，{}", format_money(chosen.money_saved_fen, locale), payback_text),
                    format!("Saves {} a year; payback: {}", format_money(chosen.money_saved_fen, locale), payback_text),
                ) }
            </p>
        </section>
    }
}

fn tile(
    shown: bool,
    testid: &'static str,
    value: f64,
    label: &str,
    unit: &str,
    decimals: u8,
    locale: Locale,
) -> Html {
    if !shown {
        // Kept for the test contract, but not shown: the category does not use this resource.
        return html! { <data hidden=true data-testid={testid} data-value={plain_number(value)} value={plain_number(value)}></data> };
    }
    html! {
        <div class="hx-summary__tile">
            <dt>{label.to_string()}</dt>
            <dd>
                <strong data-testid={testid} data-value={plain_number(value)}>
                    {format_number(value, decimals, locale)}
                </strong>
                {" "}<span class="hx-summary__unit">{unit.to_string()}</span>
            </dd>
        </div>
    }
}

fn money_tile(testid: &'static str, fen: Option<i64>, label: &str, locale: Locale) -> Html {
    html! {
        <div class="hx-summary__tile">
            <dt>{label.to_string()}</dt>
            <dd>
                <strong data-testid={testid} data-value={fen.map(plain_fen).unwrap_or_default()}>
                    { match fen {
                        Some(f) => format_money(f, locale),
                        None => locale.pick("填价格后显示", "Enter a price").to_string(),
                    } }
                </strong>
            </dd>
        </div>
    }
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
