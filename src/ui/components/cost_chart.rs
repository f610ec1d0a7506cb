//! Cumulative cost of keeping the old unit against replacing it, year by year, as inline SVG.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::evaluate::{Evaluation, YearPoint};
use crate::domain::locale::Locale;
use crate::domain::money::{format_money, format_money_short, format_number, plain_number};
use crate::domain::number::clamp;
use crate::ui::markup::Markup;

#[derive(Properties, PartialEq)]
pub struct CostChartProps {
    pub locale: Locale,
    /// The engine's answer; the chosen grade's `series` is drawn. Nothing is rendered without an
    /// outcome or with an empty series (no price yet).
    pub evaluation: Rc<Evaluation>,
}

// The drawing's own coordinate system; the SVG scales to its container. At the 320-unit width a
// 13-unit font stays about 12 px or more on a 390 px phone.
const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 210.0;
/// `0 0 WIDTH HEIGHT`, written out: formatting an `f64` would pull Rust's float printing (about
/// 20 KB) into the wasm for this one attribute (a test checks they agree).
const VIEW_BOX: &str = "0 0 320 210";
const LEFT: f64 = 62.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 40.0;
const PLOT_W: f64 = WIDTH - LEFT - RIGHT;
const PLOT_H: f64 = HEIGHT - TOP - BOTTOM;

/// The chart: two cumulative-cost lines, yuan and year ticks, the break-even point when the lines
/// cross, a legend, a spoken summary and a visually hidden data table.
#[component]
pub fn CostChart(props: &CostChartProps) -> Html {
    let Some(outcome) = props.evaluation.outcome.as_ref() else {
        return html! {};
    };
    let series = &outcome.chosen().series;
    let Some(last) = series.iter().max_by_key(|p| p.year).copied() else {
        return html! {};
    };
    let locale = props.locale;
    let scale = Scale::new(series);
    let crossing = break_even(series);

    let old_points = polyline(series, &scale, |p| p.keep_old_fen);
    let new_points = polyline(series, &scale, |p| p.replace_fen);
    let summary = summary(&last, crossing, locale);
    let years_axis = locale.pick("年", "years");
    let title = locale.pick(
        format!("{}级新机：累计花费对比", outcome.chosen_grade),
        format!("Grade {}: cumulative cost", outcome.chosen_grade),
    );

    // Written as text (`Markup`): the chart has no events, and yew's `html!` would build every
    // line and label in code.
    let mut m = Markup::new();
    m.raw(r#"<figure class="hx-chart" data-testid="cost-chart">"#)
        .element(
            r#"<figcaption class="hx-chart__title">"#,
            &title,
            "</figcaption>",
        )
        .raw(r#"<svg class="hx-chart__svg" viewBox=""#)
        .raw(VIEW_BOX)
        .raw(r#"" preserveAspectRatio="xMidYMid meet" role="img""#)
        .attr("aria-label", &summary)
        .raw(">");
    for tick in scale.money_ticks() {
        let y = coord(scale.y(tick));
        m.raw(r#"<g><line class="hx-chart__grid""#)
            .attr("x1", &coord(LEFT))
            .attr("x2", &coord(LEFT + PLOT_W))
            .attr("y1", &y)
            .attr("y2", &y)
            .raw(r#"/><text class="hx-chart__tick""#)
            .attr("x", &coord(LEFT - 6.0))
            .attr("y", &coord(scale.y(tick) + 4.5))
            .raw(r#" text-anchor="end">"#)
            .text(&format_money_short(tick, locale))
            .raw("</text></g>");
    }
    for year in scale.year_ticks() {
        m.raw(r#"<text class="hx-chart__tick""#)
            .attr("x", &coord(scale.x(year)))
            .attr("y", &coord(TOP + PLOT_H + 17.0))
            .raw(r#" text-anchor="middle">"#)
            .text(&format_number(f64::from(year), 0, locale))
            .raw("</text>");
    }
    m.raw(r#"<text class="hx-chart__axis-title""#)
        .attr("x", &coord(LEFT + PLOT_W))
        .attr("y", &coord(HEIGHT - 4.0))
        .raw(r#" text-anchor="end">"#)
        .text(years_axis)
        .raw(r#"</text><line class="hx-chart__axis""#)
        .attr("x1", &coord(LEFT))
        .attr("x2", &coord(LEFT + PLOT_W))
        .attr("y1", &coord(TOP + PLOT_H))
        .attr("y2", &coord(TOP + PLOT_H))
        .raw(r#"/><polyline class="hx-chart__line hx-chart__line--old""#)
        .attr("points", &old_points)
        .raw(r#"/><polyline class="hx-chart__line hx-chart__line--new""#)
        .attr("points", &new_points)
        .raw("/>");
    if let Some(c) = crossing {
        break_even_mark(&mut m, c, &scale, locale);
    }
    m.raw(r#"</svg><ul class="hx-chart__legend"><li class="hx-chart__legend-item">"#)
        .raw(SWATCH_START)
        .raw("hx-chart__line hx-chart__line--old")
        .raw(SWATCH_END)
        .text(locale.pick(
            "继续用旧机（累计电费、水费、气费）",
            "Keep the old unit (running costs)",
        ))
        .raw(r#"</li><li class="hx-chart__legend-item">"#)
        .raw(SWATCH_START)
        .raw("hx-chart__line hx-chart__line--new")
        .raw(SWATCH_END)
        .text(locale.pick(
            "换新（到手价加累计使用费）",
            "Replace (net price plus running costs)",
        ))
        .raw("</li>");
    if crossing.is_some() {
        m.raw(r#"<li class="hx-chart__legend-item"><svg class="hx-chart__swatch" viewBox="0 0 24 12" aria-hidden="true"><circle class="hx-chart__mark" cx="12" cy="6" r="4.5"/></svg>"#)
            .text(locale.pick("回本点：两线相交", "Break-even: where the lines cross"))
            .raw("</li>");
    }
    m.raw("</ul>");
    data_table(&mut m, series, locale);
    m.raw("</figure>");
    m.into_html()
}

/// Where replacing becomes no dearer than keeping: the first crossing, in fractional years, with
/// the cost there (fen).
#[derive(Clone, Copy, PartialEq)]
struct Crossing {
    year: f64,
    fen: f64,
}

fn break_even(series: &[YearPoint]) -> Option<Crossing> {
    let gap = |p: &YearPoint| p.replace_fen.saturating_sub(p.keep_old_fen);
    let first = series.first()?;
    if gap(first) <= 0 {
        return Some(Crossing {
            year: f64::from(first.year),
            fen: first.replace_fen as f64,
        });
    }
    series.windows(2).find_map(|pair| {
        let [a, b] = pair else { return None };
        let (ga, gb) = (gap(a), gap(b));
        if ga > 0 && gb <= 0 {
            // Linear between the two yearly points.
            let t = ga as f64 / (ga - gb) as f64;
            let year = f64::from(a.year) + t * (f64::from(b.year) - f64::from(a.year));
            let fen = a.keep_old_fen as f64 + t * (b.keep_old_fen as f64 - a.keep_old_fen as f64);
            Some(Crossing { year, fen })
        } else {
            None
        }
    })
}

/// Maps years and fen to drawing coordinates, with "nice" tick steps.
struct Scale {
    max_year: u32,
    low: i64,
    high: i64,
    step: i64,
}

impl Scale {
    fn new(series: &[YearPoint]) -> Scale {
        let values = series.iter().flat_map(|p| [p.keep_old_fen, p.replace_fen]);
        let (min, max) = values.fold((0_i64, 0_i64), |(lo, hi), v| (lo.min(v), hi.max(v)));
        let step = nice_step(max.saturating_sub(min).max(100) / 4);
        // Round the axis out to whole steps so the ticks sit on its ends.
        let low = min.div_euclid(step).saturating_mul(step);
        let high = {
            let h = max.div_euclid(step).saturating_mul(step);
            if h < max {
                h.saturating_add(step)
            } else {
                h
            }
        };
        let high = if high <= low {
            low.saturating_add(step)
        } else {
            high
        };
        let max_year = series.iter().map(|p| p.year).max().unwrap_or(0).max(1);
        Scale {
            max_year,
            low,
            high,
            step,
        }
    }

    fn x(&self, year: u32) -> f64 {
        self.x_frac(f64::from(year))
    }

    fn x_frac(&self, year: f64) -> f64 {
        LEFT + PLOT_W * clamp(year / f64::from(self.max_year), 0.0, 1.0)
    }

    fn y(&self, fen: i64) -> f64 {
        self.y_frac(fen as f64)
    }

    fn y_frac(&self, fen: f64) -> f64 {
        let span = (self.high - self.low) as f64;
        let share = clamp((fen - self.low as f64) / span, 0.0, 1.0);
        TOP + PLOT_H * (1.0 - share)
    }

    fn money_ticks(&self) -> Vec<i64> {
        let mut ticks = Vec::new();
        let mut tick = self.low;
        // At most a dozen, whatever the data: the step is at least a quarter of the span.
        while tick <= self.high && ticks.len() < 12 {
            ticks.push(tick);
            tick = match tick.checked_add(self.step) {
                Some(next) => next,
                None => break,
            };
        }
        ticks
    }

    fn year_ticks(&self) -> Vec<u32> {
        let step = [1_u32, 2, 5, 10, 20, 50, 100]
            .into_iter()
            .find(|s| self.max_year / s <= 6)
            .unwrap_or(self.max_year);
        (0..=self.max_year)
            .step_by(usize::try_from(step).unwrap_or(1).max(1))
            .collect()
    }
}

/// The smallest 1-2-5 step (at least ¥1 = 100 fen) not below `raw` fen.
fn nice_step(raw: i64) -> i64 {
    let mut magnitude: i64 = 100;
    loop {
        for m in [1, 2, 5] {
            let step = magnitude.saturating_mul(m);
            if step >= raw {
                return step;
            }
        }
        match magnitude.checked_mul(10) {
            Some(next) => magnitude = next,
            None => return magnitude,
        }
    }
}

fn polyline(series: &[YearPoint], scale: &Scale, value: impl Fn(&YearPoint) -> i64) -> String {
    series
        .iter()
        .map(|p| format!("{},{}", coord(scale.x(p.year)), coord(scale.y(value(p)))))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A drawing coordinate, at most one decimal (`plain_number` rounds to 0.01, so round to 0.1
/// first); never NaN in the markup.
fn coord(value: f64) -> String {
    if value.is_finite() {
        plain_number((value * 10.0).round() / 10.0)
    } else {
        "0".to_string()
    }
}

fn break_even_mark(m: &mut Markup, crossing: Crossing, scale: &Scale, locale: Locale) {
    let x = scale.x_frac(crossing.year);
    let y = scale.y_frac(crossing.fen);
    let years = format_number(crossing.year, 1, locale);
    let label = if crossing.year <= 0.0 {
        locale.pick("立即回本".to_string(), "pays back at once".to_string())
    } else {
        locale.pick(
            format!("约{years}年回本"),
            format!("break-even ≈ {years} yr"),
        )
    };
    // Keep the label inside the drawing: it runs away from the nearer side edge, and sits below
    // the point (under both lines there) unless that would leave the plot.
    let anchor = if x > LEFT + PLOT_W / 2.0 {
        "end"
    } else {
        "start"
    };
    let text_x = if anchor == "end" { x - 7.0 } else { x + 7.0 };
    let text_y = if y + 20.0 > TOP + PLOT_H - 4.0 {
        y - 9.0
    } else {
        y + 20.0
    };
    m.raw(r#"<g class="hx-chart__break-even" data-testid="break-even""#)
        .attr("data-value", &plain_number(crossing.year))
        .raw(r#"><line class="hx-chart__drop""#)
        .attr("x1", &coord(x))
        .attr("x2", &coord(x))
        .attr("y1", &coord(y))
        .attr("y2", &coord(TOP + PLOT_H))
        .raw(r#"/><circle class="hx-chart__mark""#)
        .attr("cx", &coord(x))
        .attr("cy", &coord(y))
        .raw(r#" r="4.5"/><text class="hx-chart__mark-label""#)
        .attr("x", &coord(text_x))
        .attr("y", &coord(text_y))
        .attr("text-anchor", anchor)
        .raw(">")
        .text(&label)
        .raw("</text></g>");
}

/// A legend swatch, a short line in the series' style: this, the line's classes, `SWATCH_END`.
const SWATCH_START: &str =
    r#"<svg class="hx-chart__swatch" viewBox="0 0 24 12" aria-hidden="true"><line class=""#;
const SWATCH_END: &str = r#"" x1="1" x2="23" y1="6" y2="6"/></svg>"#;

fn summary(last: &YearPoint, crossing: Option<Crossing>, locale: Locale) -> String {
    let years = format_number(f64::from(last.year), 0, locale);
    let keep = format_money(last.keep_old_fen, locale);
    let replace = format_money(last.replace_fen, locale);
    let verdict = match crossing {
        Some(c) if c.year <= 0.0 => locale.pick(
            "从第一天起换新就更省钱。".to_string(),
            "Replacing is cheaper from day one.".to_string(),
        ),
        Some(c) => {
            let at = format_number(c.year, 1, locale);
            locale.pick(
                format!("约{at}年后换新更省钱。"),
                format!("Replacing becomes cheaper after about {at} years."),
            )
        }
        None => locale.pick(
            format!("{years}年内换新的累计花费始终更高。"),
            format!("Within {years} years replacing always costs more in total."),
        ),
    };
    locale.pick(
        format!("累计花费折线图：继续用旧机{years}年共花{keep}，换新共花{replace}。{verdict}"),
        format!(
            "Line chart of cumulative cost: keeping the old unit costs {keep} over {years} years, replacing it {replace}. {verdict}"
        ),
    )
}

/// The same numbers as a table for screen readers (hidden visually).
fn data_table(m: &mut Markup, series: &[YearPoint], locale: Locale) {
    m.raw(r#"<table class="hx-visually-hidden" data-testid="cost-chart-table">"#)
        .element(
            "<caption>",
            locale.pick("累计花费（按年）", "Cumulative cost by year"),
            "</caption>",
        )
        .element(
            r#"<thead><tr><th scope="col">"#,
            locale.pick("第几年", "Year"),
            "</th>",
        )
        .element(
            r#"<th scope="col">"#,
            locale.pick("继续用旧机", "Keep the old unit"),
            "</th>",
        )
        .element(
            r#"<th scope="col">"#,
            locale.pick("换新", "Replace"),
            "</th></tr></thead><tbody>",
        );
    for point in series {
        m.element(
            r#"<tr><th scope="row">"#,
            &format_number(f64::from(point.year), 0, locale),
            "</th>",
        )
        .element("<td>", &format_money(point.keep_old_fen, locale), "</td>")
        .element(
            "<td>",
            &format_money(point.replace_fen, locale),
            "</td></tr>",
        );
    }
    m.raw("</tbody></table>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn view_box_matches_the_drawing_size() {
        assert_eq!(VIEW_BOX, format!("0 0 {WIDTH} {HEIGHT}"));
    }
}
