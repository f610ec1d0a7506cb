//! The old unit against a grade-1 and a grade-2 replacement, side by side in one table.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::evaluate::{
    Evaluation, GradeOneExtra, GradeOutcome, NewBasis, OldBasis, Outcome,
};
use crate::domain::locale::Locale;
use crate::domain::money::{
    format_money, format_number, format_number_trimmed, plain_fen, plain_number, Fen,
};
use crate::ui::markup::Markup;

#[derive(Properties, PartialEq)]
pub struct GradeComparisonProps {
    pub locale: Locale,
    /// The engine's answer; nothing is rendered without an outcome.
    pub evaluation: Rc<Evaluation>,
}

/// Which resources get rows: those non-zero for the old unit or either new one.
#[derive(Clone, Copy)]
struct Used {
    kwh: bool,
    water: bool,
    gas: bool,
}

impl Used {
    fn of(outcome: &Outcome) -> Used {
        let [one, two] = &outcome.grades;
        let old = outcome.old.annual;
        let (a, b) = (one.new_annual, two.new_annual);
        Used {
            kwh: old.kwh != 0.0 || a.kwh != 0.0 || b.kwh != 0.0,
            water: old.water_m3 != 0.0 || a.water_m3 != 0.0 || b.water_m3 != 0.0,
            gas: old.gas_m3 != 0.0 || a.gas_m3 != 0.0 || b.gas_m3 != 0.0,
        }
    }
}

/// Old vs grade 1 vs grade 2: yearly savings, subsidy, net price and payback first, then yearly
/// use and cost, then lifetime totals and the range; the chosen grade's column is marked in text
/// as well as colour. Scrolls sideways inside its own box on narrow phones.
#[component]
pub fn GradeComparison(props: &GradeComparisonProps) -> Html {
    let Some(outcome) = props.evaluation.outcome.as_ref() else {
        return html! {};
    };
    let locale = props.locale;
    let used = Used::of(outcome);
    let chosen = usize::from(outcome.chosen_grade == 2);
    let ctx = RowContext { chosen };
    let [one, two] = &outcome.grades;
    let grades = [one, two];
    let caption = locale.pick(
        format!("{}：旧机与1级、2级新机对比", outcome.category.name(locale)),
        format!(
            "{}: old unit vs grade 1 vs grade 2",
            outcome.category.name(locale)
        ),
    );
    let na = || not_applicable(locale);

    // Saved per year: the big numbers.
    let mut per_year: Vec<Markup> = Vec::new();
    per_year.push(ctx.row(
        locale.pick("每年省钱", "Saved per year"),
        na(),
        grades.map(|g| Markup::of_text(&format_money(g.money_saved_fen, locale))),
        Some((
            "annual-money-saved",
            grades.map(|g| plain_fen(g.money_saved_fen)),
        )),
    ));
    if used.kwh {
        per_year.push(ctx.row(
            locale.pick("每年省电（度）", "Electricity saved per year (kWh)"),
            na(),
            grades.map(|g| Markup::of_text(&format_number_trimmed(g.saved.kwh, 1, locale))),
            Some((
                "annual-kwh-saved",
                grades.map(|g| plain_number(g.saved.kwh)),
            )),
        ));
    }
    if used.water {
        per_year.push(ctx.row(
            locale.pick("每年省水（吨）", "Water saved per year (m³)"),
            na(),
            grades.map(|g| Markup::of_text(&format_number_trimmed(g.saved.water_m3, 2, locale))),
            Some((
                "annual-water-saved",
                grades.map(|g| plain_number(g.saved.water_m3)),
            )),
        ));
    }
    if used.gas {
        per_year.push(ctx.row(
            locale.pick("每年省气（立方米）", "Gas saved per year (m³)"),
            na(),
            grades.map(|g| Markup::of_text(&format_number_trimmed(g.saved.gas_m3, 1, locale))),
            Some((
                "annual-gas-saved",
                grades.map(|g| plain_number(g.saved.gas_m3)),
            )),
        ));
    }
    per_year.push(ctx.row(
        locale.pick("每年减排二氧化碳（千克）", "CO₂ avoided per year (kg)"),
        na(),
        grades.map(|g| Markup::of_text(&format_number_trimmed(g.co2_kg, 1, locale))),
        Some(("co2-saved", grades.map(|g| plain_number(g.co2_kg)))),
    ));

    // What the buyer pays and when it comes back.
    let paying: Vec<Markup> = vec![
        ctx.row(
            locale.pick("新机价格", "Price"),
            na(),
            grades.map(|g| money_or_missing(g.price_fen, locale)),
            None,
        ),
        ctx.row(
            locale.pick("补贴", "Subsidy"),
            na(),
            grades.map(|g| subsidy_cell(g, locale)),
            Some(("subsidy", grades.map(|g| plain_fen(g.subsidy.fen)))),
        ),
        ctx.row(
            locale.pick(
                "到手价（扣补贴和旧机回收）",
                "Net price (after subsidy and trade-in)",
            ),
            na(),
            grades.map(|g| money_or_missing(g.net_price_fen, locale)),
            Some((
                "net-price",
                grades.map(|g| g.net_price_fen.map(plain_fen).unwrap_or_default()),
            )),
        ),
        ctx.row(
            locale.pick("回本时间", "Payback"),
            na(),
            grades.map(|g| payback_cell(g, outcome.lifetime_years, locale)),
            Some((
                "payback-years",
                grades.map(|g| g.payback_years.map(plain_number).unwrap_or_default()),
            )),
        ),
    ];

    // Yearly use and running cost: here the old unit has figures of its own.
    let old = &outcome.old;
    let mut usage: Vec<Markup> = Vec::new();
    if used.kwh {
        usage.push(ctx.row(
            locale.pick("年耗电量（度）", "Electricity per year (kWh)"),
            Markup::of_text(&format_number_trimmed(old.annual.kwh, 1, locale)),
            grades.map(|g| Markup::of_text(&format_number_trimmed(g.new_annual.kwh, 1, locale))),
            None,
        ));
    }
    if used.water {
        usage.push(
            ctx.row(
                locale.pick("年用水量（吨）", "Water per year (m³)"),
                Markup::of_text(&format_number_trimmed(old.annual.water_m3, 2, locale)),
                grades.map(|g| {
                    Markup::of_text(&format_number_trimmed(g.new_annual.water_m3, 2, locale))
                }),
                None,
            ),
        );
    }
    if used.gas {
        usage.push(ctx.row(
            locale.pick("年用气量（立方米）", "Gas per year (m³)"),
            Markup::of_text(&format_number_trimmed(old.annual.gas_m3, 1, locale)),
            grades.map(|g| Markup::of_text(&format_number_trimmed(g.new_annual.gas_m3, 1, locale))),
            None,
        ));
    }
    usage.push(ctx.row(
        locale.pick("每年使用费用", "Running cost per year"),
        Markup::of_text(&format_money(old.annual_cost_fen, locale)),
        // The new unit's cost is the old cost less what it saves (the engine's saving formula).
        grades.map(|g| {
            Markup::of_text(&format_money(
                old.annual_cost_fen.saturating_sub(g.money_saved_fen),
                locale,
            ))
        }),
        None,
    ));

    // Over the lifetime, and how sure the yearly saving is.
    let mut lifetime: Vec<Markup> = Vec::new();
    lifetime.push(ctx.row(
        locale.pick("共省钱", "Money saved"),
        na(),
        grades.map(|g| Markup::of_text(&format_money(g.lifetime.money_fen, locale))),
        None,
    ));
    if used.kwh {
        lifetime.push(
            ctx.row(
                locale.pick("共省电（度）", "Electricity saved (kWh)"),
                na(),
                grades.map(|g| {
                    Markup::of_text(&format_number_trimmed(g.lifetime.saved.kwh, 0, locale))
                }),
                None,
            ),
        );
    }
    if used.water {
        lifetime.push(ctx.row(
            locale.pick("共省水（吨）", "Water saved (m³)"),
            na(),
            grades.map(|g| {
                Markup::of_text(&format_number_trimmed(g.lifetime.saved.water_m3, 1, locale))
            }),
            None,
        ));
    }
    if used.gas {
        lifetime.push(ctx.row(
            locale.pick("共省气（立方米）", "Gas saved (m³)"),
            na(),
            grades.map(|g| {
                Markup::of_text(&format_number_trimmed(g.lifetime.saved.gas_m3, 0, locale))
            }),
            None,
        ));
    }
    lifetime.push(ctx.row(
        locale.pick("共减排二氧化碳（千克）", "CO₂ avoided (kg)"),
        na(),
        grades.map(|g| Markup::of_text(&format_number_trimmed(g.lifetime.co2_kg, 0, locale))),
        None,
    ));
    lifetime.push(ctx.row(
        locale.pick("每年省钱范围（少–多）", "Saved per year, low–high"),
        na(),
        grades.map(|g| {
            let (low, high) = (g.range.low_fen, g.range.high_fen);
            let text = if low == high {
                format_money(low, locale)
            } else {
                format!(
                    "{}–{}",
                    format_money(low, locale),
                    format_money(high, locale)
                )
            };
            Markup::of_text(&text)
        }),
        None,
    ));

    let years = format_number(f64::from(outcome.lifetime_years), 0, locale);
    let lifetime_title = locale.pick(
        format!("使用寿命内（{years}年）"),
        format!("Over the {years}-year lifetime"),
    );
    // Written as text (`Markup`): the table has no events, and yew's `html!` would build every
    // cell in code.
    let mut m = Markup::new();
    m.raw(r#"<section class="hx-compare" data-testid="grade-comparison"><div class="hx-compare__scroll" role="region" aria-labelledby="hx-compare-caption" tabindex="0"><table class="hx-compare__table">"#)
        .element(
            r#"<caption id="hx-compare-caption" class="hx-compare__caption">"#,
            &caption,
            "</caption>",
        )
        .raw(r#"<thead><tr><td class="hx-compare__corner"></td><th scope="col" class="hx-compare__head">"#)
        .text(locale.pick("旧机", "Old unit"))
        .element(
            r#"<span class="hx-compare__basis">"#,
            &old_basis_text(outcome, locale),
            "</span></th>",
        );
    grade_head(&mut m, one, chosen == 0, locale);
    grade_head(&mut m, two, chosen == 1, locale);
    m.raw("</tr></thead>");
    group(
        &mut m,
        locale.pick("每年节省", "Saved each year"),
        &per_year,
    );
    group(
        &mut m,
        locale.pick("价格、补贴与回本", "Price, subsidy and payback"),
        &paying,
    );
    group(
        &mut m,
        locale.pick("每年用量与费用", "Use and cost per year"),
        &usage,
    );
    group(&mut m, &lifetime_title, &lifetime);
    m.raw("</table></div>");
    rule_set_note(&mut m, outcome, locale);
    if let Some(extra) = outcome.grade_one_extra {
        grade_one_extra(&mut m, &extra, locale);
    }
    m.raw("</section>");
    m.into_html()
}

/// What every row needs to know to mark the chosen column.
struct RowContext {
    /// Index of the chosen grade in `Outcome::grades`.
    chosen: usize,
}

impl RowContext {
    /// One row: header, the old unit's cell, one cell per grade. `hook` names the chosen cell's
    /// test id (`compare-` + the public hook name, so it never collides with the summary's hooks)
    /// and the plain value of each grade, put in the chosen cell's `data-value`.
    fn row(
        &self,
        label: &str,
        old: Markup,
        cells: [Markup; 2],
        hook: Option<(&'static str, [String; 2])>,
    ) -> Markup {
        let mut m = Markup::new();
        m.element(
            r#"<tr><th scope="row" class="hx-compare__label">"#,
            label,
            "</th>",
        )
        .raw(r#"<td class="hx-compare__cell hx-compare__cell--old">"#)
        .append(&old)
        .raw("</td>");
        for (index, content) in cells.iter().enumerate() {
            if index == self.chosen {
                m.raw(r#"<td class="hx-compare__cell hx-compare__cell--chosen""#);
                if let Some((id, values)) = &hook {
                    m.attr("data-testid", &format!("compare-{id}"))
                        .attr("data-value", &values[index]);
                }
            } else {
                m.raw(r#"<td class="hx-compare__cell""#);
            }
            m.raw(">").append(content).raw("</td>");
        }
        m.raw("</tr>");
        m
    }
}

/// A titled group of rows.
fn group(m: &mut Markup, title: &str, rows: &[Markup]) {
    m.element(
        r#"<tbody class="hx-compare__group"><tr><th scope="rowgroup" colspan="4" class="hx-compare__group-title">"#,
        title,
        "</th></tr>",
    );
    for row in rows {
        m.append(row);
    }
    m.raw("</tbody>");
}

fn grade_head(m: &mut Markup, grade: &GradeOutcome, chosen: bool, locale: Locale) {
    let name = locale.pick(
        format!("{}级新机", grade.grade),
        format!("Grade {}", grade.grade),
    );
    let basis = match grade.new_basis {
        NewBasis::Label => locale.pick("按标签数据", "from its label"),
        NewBasis::Typical => locale.pick("按该等级典型值", "typical for the grade"),
        NewBasis::Direct => locale.pick("按您填的用量", "your figures"),
    };
    m.raw(if chosen {
        r#"<th scope="col" class="hx-compare__head hx-compare__head--chosen" aria-current="true""#
    } else {
        r#"<th scope="col" class="hx-compare__head""#
    })
    .attr("data-testid", &format!("compare-grade-{}", grade.grade))
    .raw(">")
    .text(&name);
    if chosen {
        m.element(
            r#"<span class="hx-compare__chosen-tag">"#,
            locale.pick("已选", "chosen"),
            "</span>",
        );
    }
    m.element(r#"<span class="hx-compare__basis">"#, basis, "</span></th>");
}

fn old_basis_text(outcome: &Outcome, locale: Locale) -> String {
    match (outcome.old.basis, &outcome.old.estimate) {
        (OldBasis::Estimate, Some(e)) => locale.pick(
            format!("估算：{}年购买，按{}级", e.year, e.grade),
            format!("estimated: bought {}, grade {}", e.year, e.grade),
        ),
        (OldBasis::Estimate, None) => locale.pick("估算", "estimated").to_string(),
        (OldBasis::Label, _) => locale.pick("按标签数据", "from its label").to_string(),
        (OldBasis::Direct, _) => locale.pick("按您填的用量", "your figures").to_string(),
    }
}

/// The old column of a row that only concerns the new unit.
fn not_applicable(locale: Locale) -> Markup {
    let mut m = Markup::new();
    m.element(
        r#"<span aria-hidden="true">—</span><span class="hx-visually-hidden">"#,
        locale.pick("不适用", "not applicable"),
        "</span>",
    );
    m
}

/// A note in a cell: `start` opens its span.
fn note(start: &'static str, text: &str) -> Markup {
    let mut m = Markup::new();
    m.element(start, text, "</span>");
    m
}

const NOTE: &str = r#"<span class="hx-compare__note">"#;

fn money_or_missing(fen: Option<Fen>, locale: Locale) -> Markup {
    match fen {
        Some(fen) => Markup::of_text(&format_money(fen, locale)),
        None => note(NOTE, locale.pick("未填价格", "no price entered")),
    }
}

fn subsidy_cell(grade: &GradeOutcome, locale: Locale) -> Markup {
    let subsidy = &grade.subsidy;
    let (tag, tag_start) = if subsidy.eligible {
        (
            locale.pick("符合条件", "eligible"),
            r#"<span class="hx-tag hx-tag--yes">"#,
        )
    } else {
        (
            locale.pick("不符合条件", "not eligible"),
            r#"<span class="hx-tag hx-tag--no">"#,
        )
    };
    let mut m = Markup::new();
    m.element(
        r#"<span class="hx-compare__num">"#,
        &format_money(subsidy.fen, locale),
        "</span>",
    )
    .element(tag_start, tag, "</span>")
    .element(
        NOTE,
        locale.pick(&subsidy.reason_zh, &subsidy.reason_en),
        "</span>",
    );
    m
}

fn payback_cell(grade: &GradeOutcome, lifetime_years: u32, locale: Locale) -> Markup {
    if grade.net_price_fen.is_none() {
        return note(NOTE, locale.pick("填价格后计算", "enter a price"));
    }
    match grade.payback_years {
        Some(years) if years <= 0.0 => Markup::of_text(locale.pick("立即回本", "at once")),
        Some(years) => {
            let text = format_number(years, 1, locale);
            let mut cell =
                Markup::of_text(&locale.pick(format!("{text}年"), format!("{text} years")));
            if years > f64::from(lifetime_years) {
                cell.append(&note(
                    NOTE,
                    locale.pick("超过使用寿命", "longer than its lifetime"),
                ));
            }
            cell
        }
        None => note(
            r#"<span class="hx-compare__warn">"#,
            locale.pick("无法回本", "no payback"),
        ),
    }
}

/// Which subsidy rules were applied, or that none cover the date.
fn rule_set_note(m: &mut Markup, outcome: &Outcome, locale: Locale) {
    let text = match outcome.rule_set {
        Some(rules) => locale.pick(
            format!(
                "补贴按“{}”计算（{}至{}）。",
                rules.name_zh, rules.valid_from, rules.valid_to
            ),
            format!(
                "Subsidy under “{}” ({} to {}).",
                rules.name_en, rules.valid_from, rules.valid_to
            ),
        ),
        None => locale
            .pick(
                "购买日期不在任何已知的补贴政策期内，补贴按0计算。",
                "The purchase date is outside every known subsidy period, so no subsidy is counted.",
            )
            .to_string(),
    };
    m.element(
        r#"<p class="hx-compare__foot" data-testid="compare-rule-set">"#,
        &text,
        "</p>",
    );
}

/// What grade 1 costs over grade 2 and how fast that difference comes back.
fn grade_one_extra(m: &mut Markup, extra: &GradeOneExtra, locale: Locale) {
    let net = format_money(extra.extra_net_fen, locale);
    let saving = format_money(extra.extra_saving_fen, locale);
    let text = if extra.extra_net_fen <= 0 {
        locale.pick(
            "1级新机的到手价不比2级高，选1级不用多花钱。".to_string(),
            "Grade 1 costs no more than grade 2 after subsidy: choosing it costs nothing extra."
                .to_string(),
        )
    } else {
        match extra.payback_years {
            Some(years) => {
                let years = format_number(years, 1, locale);
                locale.pick(
                    format!("1级比2级到手价多{net}，每年多省{saving}，约{years}年收回差价。"),
                    format!(
                        "Grade 1 costs {net} more than grade 2 after subsidy and saves {saving} more a year: the difference pays back in about {years} years."
                    ),
                )
            }
            None => locale.pick(
                format!("1级比2级到手价多{net}，但每年并不多省钱，差价收不回。"),
                format!(
                    "Grade 1 costs {net} more than grade 2 after subsidy but saves no more a year: the difference never pays back."
                ),
            ),
        }
    };
    m.raw(r#"<p class="hx-compare__extra" data-testid="grade-one-extra""#)
        .attr(
            "data-value",
            &extra.payback_years.map(plain_number).unwrap_or_default(),
        )
        .raw(">")
        .text(&text)
        .raw("</p>");
}
