//! A small drawing of a category's China Energy Label (or Water Efficiency Label) showing where the
//! figure the buyer is asked for sits.

use yew::prelude::*;

use crate::domain::category::Category;
use crate::domain::data::category_data;
use crate::domain::locale::Locale;
use crate::ui::markup::Markup;

#[derive(Properties, PartialEq)]
pub struct LabelDiagramProps {
    pub locale: Locale,
    pub category: Category,
    /// The parameter being asked for (e.g. `old_kwh_24h`, `new_apf`, `grade`); its place on the
    /// label is highlighted. `None` or a parameter not on the label highlights nothing.
    #[prop_or_default]
    pub highlight: Option<&'static str>,
}

/// One figure printed in the block under the grade bars.
struct Figure {
    zh: &'static str,
    en: &'static str,
    unit_zh: &'static str,
    unit_en: &'static str,
    /// Parameter names without their `old_` / `new_` prefix that this figure answers.
    params: &'static [&'static str],
}

const fn fig(
    zh: &'static str,
    en: &'static str,
    unit_zh: &'static str,
    unit_en: &'static str,
    params: &'static [&'static str],
) -> Figure {
    Figure {
        zh,
        en,
        unit_zh,
        unit_en,
        params,
    }
}

const EFFICIENCY: Figure = fig(
    "热效率",
    "Thermal efficiency",
    "%",
    "%",
    &["efficiency_pct"],
);
const HEAT_INPUT: Figure = fig("额定热负荷", "Rated heat input", "kW", "kW", &[]);
const STANDBY: Figure = fig("待机功率", "Standby power", "W", "W", &[]);
const KWH_CYCLE: Figure = fig(
    "耗电量",
    "Energy per cycle",
    "kWh/周期",
    "kWh/cycle",
    &["kwh_cycle"],
);
const WATER_CYCLE: Figure = fig(
    "用水量",
    "Water per cycle",
    "L/周期",
    "L/cycle",
    &["water_l_cycle"],
);

const FRIDGE: &[Figure] = &[
    fig("耗电量", "Energy use", "kWh/24h", "kWh/24h", &["kwh_24h"]),
    fig("有效容积", "Volume", "L", "L", &["volume_l"]),
];
const AC: &[Figure] = &[
    fig("全年能源消耗效率 APF", "APF", "", "", &["apf"]),
    fig(
        "制冷季节耗电量",
        "Cooling-season use",
        "kWh",
        "kWh",
        &["cooling_kwh"],
    ),
    fig(
        "制热季节耗电量",
        "Heating-season use",
        "kWh",
        "kWh",
        &["heating_kwh"],
    ),
    fig("额定制冷量", "Cooling capacity", "W", "W", &["capacity_w"]),
];
const WASHER: &[Figure] = &[
    KWH_CYCLE,
    WATER_CYCLE,
    fig("洗净比", "Washing ratio", "", "", &[]),
    fig(
        "额定洗涤容量",
        "Rated capacity",
        "kg",
        "kg",
        &["capacity_kg"],
    ),
];
const DISHWASHER: &[Figure] = &[
    KWH_CYCLE,
    WATER_CYCLE,
    fig(
        "额定套数",
        "Place settings",
        "套",
        "sets",
        &["place_settings"],
    ),
];
const WATER_HEATER: &[Figure] = &[
    fig(
        "24h固有能耗系数 ε",
        "Standby factor ε",
        "",
        "",
        &["epsilon"],
    ),
    fig("热水输出率", "Hot-water output", "%", "%", &[]),
    fig("额定容量", "Rated volume", "L", "L", &["volume_l"]),
];
const GAS_BURNER: &[Figure] = &[HEAT_INPUT, EFFICIENCY];
const HEAT_PUMP: &[Figure] = &[
    fig("制热量", "Heating capacity", "W", "W", &[]),
    fig("性能系数 COP", "COP", "", "", &["cop"]),
];
const PURIFIER: &[Figure] = &[
    fig("净水产水率", "Recovery rate", "%", "%", &["recovery_pct"]),
    fig("额定总净水量", "Rated total output", "L", "L", &[]),
];
const AIR_PURIFIER: &[Figure] = &[
    fig(
        "颗粒物洁净空气量",
        "Particle CADR",
        "m³/h",
        "m³/h",
        &["cadr_m3h"],
    ),
    fig(
        "颗粒物能效",
        "Particle efficiency",
        "m³/(W·h)",
        "m³/(W·h)",
        &["cadr_efficiency"],
    ),
];
const RANGE_HOOD: &[Figure] = &[
    fig(
        "全压效率",
        "Full-pressure eff.",
        "%",
        "%",
        &["efficiency_pct"],
    ),
    STANDBY,
];
const MICROWAVE: &[Figure] = &[
    fig("效率", "Efficiency", "%", "%", &["efficiency_pct"]),
    STANDBY,
];
const TV: &[Figure] = &[
    fig("能效指数", "Efficiency index", "", "", &[]),
    fig("开机功率", "On-mode power", "W", "W", &["power_w"]),
];
const RICE_COOKER: &[Figure] = &[
    EFFICIENCY,
    fig("保温能耗", "Keep-warm energy", "Wh", "Wh", &[]),
    STANDBY,
];
const COMPUTER: &[Figure] = &[fig(
    "典型能源消耗 TEC",
    "TEC (typical energy)",
    "kWh",
    "kWh",
    &["tec_kwh"],
)];

/// What a category's label prints (domain.md §2.2, domain-2.md §1.2, §2–§4): a stylised layout,
/// not a facsimile. The first element is true for the Water Efficiency Label.
fn label_figures(category: Category) -> (bool, &'static [Figure]) {
    match category {
        Category::Fridge => (false, FRIDGE),
        Category::Ac => (false, AC),
        Category::Washer => (false, WASHER),
        Category::Dishwasher => (false, DISHWASHER),
        Category::WaterHeater => (false, WATER_HEATER),
        Category::GasWaterHeater | Category::GasStove => (false, GAS_BURNER),
        Category::HeatPumpWaterHeater => (false, HEAT_PUMP),
        Category::WaterPurifier => (true, PURIFIER),
        Category::AirPurifier => (false, AIR_PURIFIER),
        Category::RangeHood => (false, RANGE_HOOD),
        Category::Microwave => (false, MICROWAVE),
        Category::Tv => (false, TV),
        Category::RiceCooker => (false, RICE_COOKER),
        Category::Computer => (false, COMPUTER),
    }
}

/// The parameters that point at the grade bars rather than at a figure.
const GRADE_PARAMS: [&str; 2] = ["grade", "water_grade"];

/// The parameter without its `old_` / `new_` prefix: both units share one label layout.
fn base_param(param: &str) -> &str {
    param
        .strip_prefix("old_")
        .or_else(|| param.strip_prefix("new_"))
        .unwrap_or(param)
}

/// True when the category's label drawing has a place for `param` (a figure or the grade bars).
pub fn label_shows(category: Category, param: &str) -> bool {
    let base = base_param(param);
    GRADE_PARAMS.contains(&base)
        || label_figures(category)
            .1
            .iter()
            .any(|f| f.params.contains(&base))
}

// Drawing units; the SVG scales to its box (CSS keeps it near 240 px wide, so 11 units ≈ 12 px).
const W: i32 = 220;
const BAR_TOP: i32 = 38;
const BAR_STEP: i32 = 15;

/// The label: header, coloured grade bars with the arrow, and the figures block, with the asked-for
/// figure (or the bars, for a grade) outlined and pointed at.
#[component]
pub fn LabelDiagram(props: &LabelDiagramProps) -> Html {
    let locale = props.locale;
    let (water, figures) = label_figures(props.category);
    let base = props.highlight.map(base_param);
    let grade_on = base.is_some_and(|b| GRADE_PARAMS.contains(&b));
    let grades = category_data(props.category)
        .and_then(|d| d.editions.last())
        .map(|e| i32::from(e.grades))
        .filter(|g| (3..=5).contains(g))
        .unwrap_or(5);
    let standard = category_data(props.category)
        .and_then(|d| d.editions.last())
        .map(|e| e.standard)
        .unwrap_or_default();
    let english = locale.shown() == Locale::En;
    // In English each figure also shows the Chinese words printed on the real label.
    let row_h = if english { 30 } else { 20 };
    let figs_top = BAR_TOP + grades * BAR_STEP + 8;
    let rows = i32::try_from(figures.len()).unwrap_or(0);
    let height = figs_top + row_h * rows + 18;

    let (head_zh, head_en) = if water {
        ("中国水效标识", "CHINA WATER EFFICIENCY LABEL")
    } else {
        ("中国能效标识", "CHINA ENERGY LABEL")
    };
    let highlighted: Vec<&Figure> = figures
        .iter()
        .filter(|f| base.is_some_and(|b| f.params.contains(&b)))
        .collect();
    let aria = aria_label(
        props.category,
        water,
        grades,
        figures,
        &highlighted,
        grade_on,
        locale,
    );

    // Written as text (`Markup`): the drawing has no events, and yew's `html!` would build every
    // bar and label in code.
    let mut m = Markup::new();
    m.raw(if grade_on {
        r#"<svg class="hx-label hx-label--grade""#
    } else {
        r#"<svg class="hx-label""#
    })
    .raw(r#" viewBox="0 0 "#)
    .number(W)
    .raw(" ")
    .number(height)
    .raw("\"")
    .raw(r#" role="img""#)
    .attr("aria-label", &aria)
    .raw(r#" data-testid="label-diagram""#);
    if let Some(b) = base.filter(|_| grade_on || !highlighted.is_empty()) {
        m.attr("data-highlight", b);
    }
    m.raw(r#"><rect class="hx-label__frame" x="1" y="1" width=""#)
        .number(W - 2)
        .raw(r#"" height=""#)
        .number(height - 2)
        .raw(r#"" rx="6"/>"#)
    .raw(if water {
        r#"<rect class="hx-label__head hx-label__head--water""#
    } else {
        r#"<rect class="hx-label__head""#
    })
    .raw(r#" x="1" y="1" width=""#)
    .number(W - 2)
    .raw(r#"" height="30" rx="6"/>"#)
    .element(r#"<text class="hx-label__title" x="10" y="17">"#, head_zh, "</text>")
    .element(r#"<text class="hx-label__subtitle" x="10" y="27">"#, head_en, "</text>")
    // Bar colours come from CSS by position (`rect:nth-of-type`), which keeps the markup small.
    .raw(r#"<g class="hx-label__bars" data-grades=""#)
    .number(grades)
    .raw(r#"">"#);
    for g in 1..=grades {
        grade_bar(&mut m, g, grades);
    }
    m.raw("</g>");
    arrow(&mut m, grades, locale);
    for (f, y) in figures.iter().zip((0..).map(|i| figs_top + row_h * i)) {
        figure_row(&mut m, f, y, row_h, base, english, locale);
    }
    m.raw(r#"<text class="hx-label__foot" x="10" y=""#)
        .number(height - 7)
        .raw(r#"">"#)
        .text(standard)
        .raw("</text></svg>");
    m.into_html()
}

fn grade_bar(m: &mut Markup, grade: i32, grades: i32) {
    let y = BAR_TOP + (grade - 1) * BAR_STEP;
    // Longer bars for worse grades, as on the label.
    let width = 50 + (grade - 1) * (90 / (grades - 1).max(1));
    m.raw(r#"<rect x="10" y=""#)
        .number(y)
        .raw(r#"" width=""#)
        .number(width)
        .raw(r#"" height="12"/><text x=""#)
        .number(width + 14)
        .raw(r#"" y=""#)
        .number(y + 10)
        .raw(r#"">"#)
        .number(grade)
        .raw("</text>");
}

/// The black arrow on the right that carries the unit's grade.
fn arrow(m: &mut Markup, grades: i32, locale: Locale) {
    let y = BAR_TOP + (grades / 2) * BAR_STEP;
    m.raw(r#"<g class="hx-label__arrow"><polygon points="164,"#)
        .number(y + 6)
        .raw(" 172,")
        .number(y - 3)
        .raw(" 210,")
        .number(y - 3)
        .raw(" 210,")
        .number(y + 15)
        .raw(" 172,")
        .number(y + 15)
        .raw(r#""/><text x="191" y=""#)
        .number(y + 10)
        .raw(r#"" text-anchor="middle">"#)
        .text(locale.pick("等级", "grade"))
        .raw("</text></g>");
}

fn figure_row(
    m: &mut Markup,
    figure: &Figure,
    y: i32,
    row_h: i32,
    base: Option<&str>,
    english: bool,
    locale: Locale,
) {
    let on = base.is_some_and(|b| figure.params.contains(&b));
    let unit = locale.pick(figure.unit_zh, figure.unit_en);
    let text_y = y + row_h - 6;
    m.raw(if on {
        r#"<g class="hx-label__fig hx-label__fig--on">"#
    } else {
        r#"<g class="hx-label__fig">"#
    });
    if on {
        m.raw(r#"<rect class="hx-label__fig-mark" x="4" y=""#)
            .number(y + 1)
            .raw(r#"" width=""#)
            .number(W - 8)
            .raw(r#"" height=""#)
            .number(row_h - 2)
            .raw(r#"" rx="3"/><text class="hx-label__pointer" x="6" y=""#)
            .number(text_y)
            .raw(r#"">▶</text>"#);
    }
    if english {
        m.raw(r#"<text class="hx-label__fig-zh" x="16" y=""#)
            .number(y + 11)
            .raw(r#"">"#)
            .text(figure.zh)
            .raw("</text>");
    }
    m.raw(r#"<text x="16" y=""#)
        .number(text_y)
        .raw(r#"">"#)
        .text(locale.pick(figure.zh, figure.en))
        .raw(r#"</text><rect x="146" y=""#)
        .number(text_y - 11)
        .raw(r#"" width="66" height="15"/>"#);
    if !unit.is_empty() {
        m.raw(r#"<text class="hx-label__unit" x="208" y=""#)
            .number(text_y)
            .raw(r#"" text-anchor="end">"#)
            .text(unit)
            .raw("</text>");
    }
    m.raw("</g>");
}

fn aria_label(
    category: Category,
    water: bool,
    grades: i32,
    figures: &[Figure],
    highlighted: &[&Figure],
    grade_on: bool,
    locale: Locale,
) -> String {
    let name = category.name(locale);
    let listed = |list: &mut dyn Iterator<Item = &Figure>| -> String {
        list.map(|f| {
            let unit = locale.pick(f.unit_zh, f.unit_en);
            match (locale.shown(), unit.is_empty()) {
                (Locale::Zh, true) => f.zh.to_string(),
                (Locale::Zh, false) => format!("{}（{unit}）", f.zh),
                (Locale::En, true) => format!("{} ({})", f.en, f.zh),
                (Locale::En, false) => format!("{} ({}, {unit})", f.en, f.zh),
            }
        })
        .collect::<Vec<_>>()
        .join(locale.pick("、", "; "))
    };
    let all = listed(&mut figures.iter());
    let wanted = if grade_on {
        locale
            .pick(
                "右侧箭头上的等级数字",
                "the grade number on the arrow at the right",
            )
            .to_string()
    } else {
        listed(&mut highlighted.iter().copied())
    };
    let label = if water {
        locale.pick("中国水效标识", "China Water Efficiency Label")
    } else {
        locale.pick("中国能效标识", "China Energy Label")
    };
    let mut text = locale.pick(
        format!("{name}的{label}示意图：上方是1到{grades}级的彩色等级条，下方的数字依次为：{all}。"),
        format!(
            "Sketch of the {label} ({name}): coloured grade bars 1 to {grades} at the top; below them the figures: {all}."
        ),
    );
    if !wanted.is_empty() {
        text.push_str(&locale.pick(format!("请找：{wanted}。"), format!(" Look for: {wanted}.")));
    }
    text
}
