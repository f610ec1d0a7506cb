//! Appliance models: label figures → annual electricity, water and gas, per category.
//!
//! Every category reduces a unit to at most two "figures" (what its label prints, e.g. a fridge's
//! kWh/24h, an AC's cooling and heating seasonal kWh, a washer's kWh and litres per cycle, a gas
//! heater's efficiency) and turns them into annual use with the household's usage. The same
//! function serves the old unit, the new unit and the typical grade-1 / grade-2 units, so they are
//! compared on the same usage. The formulas are documented in `docs/data.md`.

use super::category::Category;
use super::data::{category_data, factors, CategoryData, Edition, GradeTable};
use super::evaluate::Resources;

/// Specific heat of water, kJ/(kg·K) (≈ kJ/(L·K)).
const WATER_KJ_PER_L_K: f64 = 4.186;
const DAYS_PER_YEAR: f64 = 365.0;
const KJ_PER_KWH: f64 = 3600.0;

/// A unit reduced to the figures its model needs. `second` is unused by one-figure categories.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Figures {
    pub first: f64,
    pub second: f64,
}

/// One label figure a buyer can type: its parameter suffix (after `old_` / `new_`) and which slot of
/// [`Figures`] it fills.
pub(crate) struct LabelFigure {
    pub old: &'static str,
    pub new: &'static str,
    pub slot: Slot,
}

/// Which of the two figures a label value fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Slot {
    First,
    Second,
}

/// How an age factor applies to a figure: consumption figures grow, efficiency figures shrink.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sense {
    Consumption,
    Efficiency,
}

/// The label figures each category asks for (the AC's APF is handled separately).
pub(crate) fn label_figures(category: Category) -> &'static [LabelFigure] {
    use Slot::{First, Second};
    macro_rules! one {
        ($old:literal, $new:literal) => {
            &[LabelFigure {
                old: $old,
                new: $new,
                slot: First,
            }]
        };
    }
    match category {
        Category::Fridge => one!("old_kwh_24h", "new_kwh_24h"),
        Category::Ac => &[
            LabelFigure {
                old: "old_cooling_kwh",
                new: "new_cooling_kwh",
                slot: First,
            },
            LabelFigure {
                old: "old_heating_kwh",
                new: "new_heating_kwh",
                slot: Second,
            },
        ],
        Category::Washer | Category::Dishwasher => &[
            LabelFigure {
                old: "old_kwh_cycle",
                new: "new_kwh_cycle",
                slot: First,
            },
            LabelFigure {
                old: "old_water_l_cycle",
                new: "new_water_l_cycle",
                slot: Second,
            },
        ],
        Category::WaterHeater => one!("old_epsilon", "new_epsilon"),
        Category::GasWaterHeater
        | Category::RangeHood
        | Category::Microwave
        | Category::RiceCooker
        | Category::GasStove => one!("old_efficiency_pct", "new_efficiency_pct"),
        Category::HeatPumpWaterHeater => one!("old_cop", "new_cop"),
        Category::WaterPurifier => one!("old_recovery_pct", "new_recovery_pct"),
        Category::AirPurifier => one!("old_cadr_efficiency", "new_cadr_efficiency"),
        Category::Tv => one!("old_power_w", "new_power_w"),
        Category::Computer => one!("old_tec_kwh", "new_tec_kwh"),
    }
}

fn sense(category: Category) -> Sense {
    match category {
        Category::GasWaterHeater
        | Category::RangeHood
        | Category::Microwave
        | Category::RiceCooker
        | Category::GasStove
        | Category::HeatPumpWaterHeater
        | Category::WaterPurifier
        | Category::AirPurifier => Sense::Efficiency,
        _ => Sense::Consumption,
    }
}

/// Applies an age factor (≥ 1) to a unit's figures.
pub(crate) fn degrade(category: Category, figures: Figures, factor: f64) -> Figures {
    let factor = if factor.is_finite() && factor > 0.0 {
        factor
    } else {
        1.0
    };
    match sense(category) {
        Sense::Consumption => Figures {
            first: figures.first * factor,
            second: figures.second * factor,
        },
        // A heat pump's COP degrades above 1 (a plain heater cannot fall below 1).
        Sense::Efficiency if category == Category::HeatPumpWaterHeater && figures.first > 1.0 => {
            Figures {
                first: 1.0 + (figures.first - 1.0) / factor,
                second: figures.second,
            }
        }
        Sense::Efficiency if category == Category::HeatPumpWaterHeater => figures,
        Sense::Efficiency => Figures {
            first: figures.first / factor,
            second: figures.second,
        },
    }
}

/// Looks up a usage or size value (typed, or the default for the case being computed).
pub(crate) trait UsageSource {
    fn value(&self, param: &str) -> f64;
}

/// The size band of the category's grade tables for this unit (`all` when it does not vary).
pub(crate) fn band(category: Category, usage: &dyn UsageSource, kind: &str) -> &'static str {
    match category {
        Category::Ac => {
            let w = usage.value("capacity_w");
            if w <= 4500.0 {
                "le4500"
            } else if w <= 7100.0 {
                "4500_7100"
            } else {
                "7100_14000"
            }
        }
        Category::RiceCooker => {
            let w = usage.value("rated_power_w");
            if w <= 400.0 {
                "le400"
            } else if w <= 600.0 {
                "400_600"
            } else if w <= 1000.0 {
                "600_1000"
            } else {
                "1000_2000"
            }
        }
        Category::Washer => {
            if kind == "impeller" {
                "impeller"
            } else {
                "drum"
            }
        }
        Category::Computer => {
            if kind == "notebook" {
                "notebook"
            } else {
                "desktop"
            }
        }
        _ => "all",
    }
}

/// The grade-table figures a category reads (first, second).
fn table_figures(category: Category) -> (&'static str, Option<&'static str>) {
    match category {
        Category::Fridge => ("eta_pct", None),
        Category::Ac => ("apf", None),
        Category::Washer => ("kwh_per_kg", Some("water_l_per_kg")),
        Category::Dishwasher => ("kwh_per_setting", Some("water_l_per_setting")),
        Category::WaterHeater => ("epsilon", None),
        Category::HeatPumpWaterHeater => ("cop", None),
        Category::WaterPurifier => ("recovery_pct", None),
        Category::AirPurifier => ("cadr_efficiency", None),
        Category::Tv => ("eei", None),
        Category::Computer => ("tec_kwh", None),
        Category::GasWaterHeater
        | Category::RangeHood
        | Category::Microwave
        | Category::RiceCooker
        | Category::GasStove => ("efficiency_pct", None),
    }
}

/// The grade tables behind a typical figure (for the "how we calculated" list).
pub(crate) fn tables_used(
    category: Category,
    edition: &Edition,
    band_name: &str,
) -> Vec<&'static GradeTable> {
    let (first, second) = table_figures(category);
    let mut v: Vec<&'static GradeTable> = edition.table(first, band_name).into_iter().collect();
    if let Some(second) = second {
        v.extend(edition.table(second, band_name));
    }
    v
}

fn constant(data: &CategoryData, name: &str) -> f64 {
    data.constant(name).map(|c| c.fact.value).unwrap_or(0.0)
}

/// Division that never gives NaN or infinity: 0 when the divisor is not positive.
pub(crate) fn div(a: f64, b: f64) -> f64 {
    if b > 0.0 && a.is_finite() && b.is_finite() {
        let q = a / b;
        if q.is_finite() {
            q
        } else {
            0.0
        }
    } else {
        0.0
    }
}

/// Seasonal label kWh (cooling, heating) of an AC from its APF and rated cooling capacity.
pub(crate) fn ac_seasonal_from_apf(data: &CategoryData, apf: f64, capacity_w: f64) -> Figures {
    let total = div(capacity_w / 1000.0 * constant(data, "load_hours"), apf);
    let share = constant(data, "cooling_share");
    Figures {
        first: total * share,
        second: total * (1.0 - share),
    }
}

/// The typical figures of a `grade` unit of `edition` for its size and type; `None` when the
/// edition has no value for that grade.
pub(crate) fn typical(
    category: Category,
    edition: &Edition,
    grade: u8,
    usage: &dyn UsageSource,
    kind: &str,
) -> Option<Figures> {
    let data = category_data(category)?;
    let band_name = band(category, usage, kind);
    let (first_name, second_name) = table_figures(category);
    let first = edition.value(first_name, band_name, grade)?;
    let second = match second_name {
        Some(name) => edition.value(name, band_name, grade)?,
        None => 0.0,
    };
    let figures = match category {
        Category::Fridge => {
            let volume = usage.value("volume_l");
            let base_year = constant(data, "m") * constant(data, "volume_adjust") * volume
                + constant(data, "n");
            Figures {
                first: first / 100.0 * base_year / DAYS_PER_YEAR,
                second: 0.0,
            }
        }
        Category::Ac => ac_seasonal_from_apf(data, first, usage.value("capacity_w")),
        Category::Washer => {
            let kg = usage.value("capacity_kg");
            Figures {
                first: first * kg,
                second: second * kg,
            }
        }
        Category::Dishwasher => {
            let settings = usage.value("place_settings");
            Figures {
                first: first * settings,
                second: second * settings,
            }
        }
        Category::Tv => Figures {
            first: tv_power(data, first, usage.value("screen_in")),
            second: 0.0,
        },
        _ => Figures { first, second },
    };
    Some(figures)
}

/// On-mode power of a 16:9 TV of `inches` at efficiency `eei` (cd/W).
fn tv_power(data: &CategoryData, eei: f64, inches: f64) -> f64 {
    let diagonal_m = inches * 0.0254;
    let area = diagonal_m * diagonal_m * 144.0 / 337.0;
    div(constant(data, "luminance") * area, eei) + constant(data, "processing_w")
}

/// Annual use of a unit with `figures` under `usage`.
pub(crate) fn annual(category: Category, figures: Figures, usage: &dyn UsageSource) -> Resources {
    let Some(data) = category_data(category) else {
        return Resources::default();
    };
    let lhv = factors().gas_lhv.value;
    let f = figures.first.max(0.0);
    let s = figures.second.max(0.0);
    let kwh = |kwh: f64| Resources {
        kwh: finite(kwh),
        water_m3: 0.0,
        gas_m3: 0.0,
    };
    match category {
        Category::Fridge => kwh(f * DAYS_PER_YEAR),
        Category::Ac => kwh(f * div(
            usage.value("cooling_hours"),
            constant(data, "label_cooling_hours"),
        ) + s * div(
            usage.value("heating_hours"),
            constant(data, "label_heating_hours"),
        )),
        Category::Washer | Category::Dishwasher => {
            let cycles = usage.value("cycles_week") * DAYS_PER_YEAR / 7.0;
            Resources {
                kwh: finite(f * cycles),
                water_m3: finite(s * cycles / 1000.0),
                gas_m3: 0.0,
            }
        }
        Category::WaterHeater => {
            let volume = usage.value("volume_l");
            let reference = constant(data, "q_per_litre") * volume + constant(data, "q_base");
            let rise = (usage.value("setpoint_c") - constant(data, "ambient_c")).max(0.0);
            let standby = f * reference * div(rise, constant(data, "test_rise_k"));
            let heat =
                usage.value("hot_water_l_day") * WATER_KJ_PER_L_K * constant(data, "use_rise_k")
                    / KJ_PER_KWH;
            kwh((standby + heat) * DAYS_PER_YEAR)
        }
        Category::GasWaterHeater => {
            let useful_mj = hot_water_kj(usage) / 1000.0;
            Resources {
                kwh: 0.0,
                water_m3: 0.0,
                gas_m3: finite(div(useful_mj, f / 100.0 * lhv) * DAYS_PER_YEAR),
            }
        }
        Category::HeatPumpWaterHeater => {
            let heat_kwh = hot_water_kj(usage) / KJ_PER_KWH;
            let ratio = usage.value("cop_field_ratio");
            let effective = if f > 1.0 { 1.0 + (f - 1.0) * ratio } else { f };
            kwh(div(heat_kwh, effective) * DAYS_PER_YEAR)
        }
        Category::WaterPurifier => {
            // Water drawn = purified ÷ recovery (purified water plus waste water).
            let drawn_l = div(usage.value("purified_l_day"), f / 100.0);
            Resources {
                kwh: 0.0,
                water_m3: finite(drawn_l * DAYS_PER_YEAR / 1000.0),
                gas_m3: 0.0,
            }
        }
        Category::AirPurifier => {
            let watts = div(usage.value("cadr_m3h"), f);
            kwh(watts * usage.value("hours_day") * DAYS_PER_YEAR / 1000.0)
        }
        Category::RangeHood => {
            let watts = div(constant(data, "air_power_w"), f / 100.0);
            kwh(watts * usage.value("hours_day") * DAYS_PER_YEAR / 1000.0)
        }
        Category::Microwave => {
            let output_kwh = usage.value("output_w") * usage.value("minutes_day") / 60.0 / 1000.0;
            kwh(div(output_kwh, f / 100.0) * DAYS_PER_YEAR)
        }
        Category::Tv => kwh(f * usage.value("hours_day") * DAYS_PER_YEAR / 1000.0),
        Category::RiceCooker => {
            let useful = usage.value("cooks_day") * constant(data, "useful_kwh_per_cook");
            kwh(div(useful, f / 100.0) * DAYS_PER_YEAR)
        }
        Category::GasStove => Resources {
            kwh: 0.0,
            water_m3: 0.0,
            gas_m3: finite(div(usage.value("cooking_mj_day"), f / 100.0 * lhv) * DAYS_PER_YEAR),
        },
        Category::Computer => kwh(f * usage.value("use_factor")),
    }
}

/// Useful heat of the day's hot water, kJ.
fn hot_water_kj(usage: &dyn UsageSource) -> f64 {
    usage.value("hot_water_l_day") * WATER_KJ_PER_L_K * usage.value("temp_rise_c")
}

fn finite(v: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        0.0
    }
}
