//! Hand-computed golden examples: one (or more) per category, plus the subsidy contract.
//!
//! Unless a test says otherwise: purchase date 2026-05-01 (2026 national rules: grade 1 only, 15 %,
//! cap ¥1500), no province (national grid factor 0.5306 kgCO2/kWh), typed prices ¥0.50/kWh,
//! ¥4/m³ water, ¥3/m³ gas, price ¥5999, trade-in ¥100. So for a covered category bought as grade 1:
//!   subsidy = min(15 % × 5999, 1500) = 899.85 → 89 985 fen
//!   net     = 5999 − 899.85 − 100 = 4999.15 → 499 915 fen
#![cfg(not(target_arch = "wasm32"))]

use huanxin::domain::category::Category;
use huanxin::domain::date::Date;
use huanxin::domain::evaluate::{NewBasis, OldBasis};
use huanxin::domain::{evaluate, subsidy_for, Evaluation, Outcome};

mod common;

fn today() -> Date {
    common::today()
}

fn run(category: &str, pairs: &[(&str, &str)]) -> Evaluation {
    let form = common::golden_form(category, pairs);
    let e = evaluate(&form, today());
    assert!(e.errors.is_empty(), "unexpected errors: {:?}", e.errors);
    e
}

fn outcome(e: &Evaluation) -> &Outcome {
    e.outcome.as_ref().expect("an outcome")
}

fn close(actual: f64, expected: f64) {
    let tolerance = 1e-6 * expected.abs().max(1.0);
    assert!(
        (actual - expected).abs() <= tolerance,
        "expected {expected}, got {actual}"
    );
}

/// The chosen grade's contract numbers: kWh, water, gas saved per year; fen saved; kg CO2.
fn check(o: &Outcome, kwh: f64, water: f64, gas: f64, fen: i64, co2: f64) {
    let g = o.chosen();
    close(g.saved.kwh, kwh);
    close(g.saved.water_m3, water);
    close(g.saved.gas_m3, gas);
    assert_eq!(g.money_saved_fen, fen, "money saved (fen)");
    close(g.co2_kg, co2);
}

fn check_covered_purchase(o: &Outcome, saved_fen: i64) {
    let g = o.chosen();
    assert!(g.subsidy.eligible);
    assert_eq!(g.subsidy.fen, 89_985);
    assert_eq!(g.net_price_fen, Some(499_915));
    close(
        g.payback_years.expect("a payback"),
        499_915.0 / saved_fen as f64,
    );
}

#[test]
fn fridge_from_labels() {
    // old 1.2 kWh/24h × 365 = 438 kWh; new 0.6 × 365 = 219 kWh; saved 219 kWh
    // money 219 × 0.5 = ¥109.50; CO2 219 × 0.5306 = 116.2014 kg
    let e = run(
        "fridge",
        &[
            ("old_kwh_24h", "1.2"),
            ("new_kwh_24h", "0.6"),
            ("grade", "1"),
        ],
    );
    let o = outcome(&e);
    assert_eq!(o.old.basis, OldBasis::Label);
    check(o, 219.0, 0.0, 0.0, 10_950, 116.2014);
    check_covered_purchase(o, 10_950);
    // No usage fields: the range collapses to the typical value.
    let g = o.chosen();
    assert_eq!((g.range.low_fen, g.range.high_fen), (10_950, 10_950));
    // Lifetime 10 years: 2190 kWh, ¥1095.00.
    assert_eq!(g.lifetime.years, 10);
    close(g.lifetime.saved.kwh, 2190.0);
    assert_eq!(g.lifetime.money_fen, 109_500);
    // Chart: year 0 = net price vs 0; year 10 = 499 915 + 10 × 10 950 vs 10 × 21 900.
    assert_eq!(g.series.len(), 11);
    assert_eq!(g.series[0].replace_fen, 499_915);
    assert_eq!(g.series[10].keep_old_fen, 219_000);
    assert_eq!(g.series[10].replace_fen, 499_915 + 109_500);
    // Grade 2 side by side: typical under GB 12021.2-2015 (in force on 2026-05-01), 250 L:
    // E_base = (0.697 × 1.4 × 250 + 272) / 365 = 1.413562 kWh/24h; grade 2 = 50 % → 257.975 kWh/yr
    // saved 438 − 257.975 = 180.025 kWh → ¥90.0125 → 9001 fen; 2026 pays nothing for grade 2.
    let two = o.grade(2);
    assert_eq!(two.new_basis, NewBasis::Typical);
    close(two.new_annual.kwh, 257.975);
    assert_eq!(two.money_saved_fen, 9_001);
    assert!(!two.subsidy.eligible);
    assert_eq!(two.subsidy.fen, 0);
}

#[test]
fn fridge_estimated_from_year() {
    // Bought 2012 → GB 12021.2-2008 era, usual grade 2: η = 83.3 % of the 2015 baseline.
    // E_base(250 L) = 1.413562 kWh/24h → 1.177497; age 14 → factor 1 + min(0.017 × 14, 0.30) = 1.238
    // → 1.457741 kWh/24h → 532.0755 kWh/yr.
    let e = run("fridge", &[("old_year", "2012"), ("new_kwh_24h", "0.6")]);
    let o = outcome(&e);
    assert_eq!(o.old.basis, OldBasis::Estimate);
    let est = o.old.estimate.as_ref().expect("estimate");
    assert_eq!((est.year, est.grade), (2012, 2));
    close(est.age_factor, 1.238);
    close(o.old.annual.kwh, 532.075_501_3);
    assert!(e.has_notice("old_estimated"));
}

#[test]
fn air_conditioner_from_seasonal_kwh() {
    // Hours typed equal to the label's (1136 cooling, 433 heating), so annual = label figures.
    // old 800 + 400 = 1200 kWh; new 500 + 250 = 750 kWh; saved 450 kWh → ¥225; CO2 238.77 kg
    let e = run(
        "ac",
        &[
            ("old_cooling_kwh", "800"),
            ("old_heating_kwh", "400"),
            ("new_cooling_kwh", "500"),
            ("new_heating_kwh", "250"),
            ("cooling_hours", "1136"),
            ("heating_hours", "433"),
        ],
    );
    let o = outcome(&e);
    check(o, 450.0, 0.0, 0.0, 22_500, 238.77);
    check_covered_purchase(o, 22_500);
}

#[test]
fn air_conditioner_from_apf() {
    // Seasonal kWh at label hours = capacity (kW) × 955 h ÷ APF.
    // old APF 3.5, 3.5 kW: 955 kWh; new APF 5.0: 668.5 kWh; saved 286.5 → ¥143.25
    let e = run(
        "ac",
        &[
            ("old_apf", "3.5"),
            ("new_apf", "5"),
            ("capacity_w", "3500"),
            ("cooling_hours", "1136"),
            ("heating_hours", "433"),
        ],
    );
    let o = outcome(&e);
    close(o.old.annual.kwh, 955.0);
    check(o, 286.5, 0.0, 0.0, 14_325, 286.5 * 0.5306);
}

#[test]
fn washer_energy_and_water() {
    // 7 cycles a week = 365 a year.
    // old 0.25 kWh, 120 L; new 0.15 kWh, 60 L per cycle
    // saved 0.10 × 365 = 36.5 kWh and 60 × 365 / 1000 = 21.9 m³
    // money 36.5 × 0.5 + 21.9 × 4 = 18.25 + 87.60 = ¥105.85; CO2 36.5 × 0.5306 = 19.3669
    let e = run(
        "washer",
        &[
            ("old_kwh_cycle", "0.25"),
            ("old_water_l_cycle", "120"),
            ("new_kwh_cycle", "0.15"),
            ("new_water_l_cycle", "60"),
            ("cycles_week", "7"),
        ],
    );
    let o = outcome(&e);
    check(o, 36.5, 21.9, 0.0, 10_585, 19.3669);
    check_covered_purchase(o, 10_585);
}

#[test]
fn washer_with_different_water_grade_uses_the_worse() {
    // Energy grade 1, water grade 2: the documented rule takes grade 2, which 2026 does not pay.
    let e = run(
        "washer",
        &[
            ("old_kwh_cycle", "0.25"),
            ("old_water_l_cycle", "120"),
            ("new_kwh_cycle", "0.15"),
            ("new_water_l_cycle", "60"),
            ("grade", "1"),
            ("water_grade", "2"),
        ],
    );
    let o = outcome(&e);
    assert!(e.has_notice("grade_rule"));
    assert!(!o.chosen().subsidy.eligible);
    assert_eq!(o.chosen().subsidy.fen, 0);
    assert_eq!(o.chosen().net_price_fen, Some(599_900 - 10_000));
}

#[test]
fn electric_water_heater_standby() {
    // Reference standby Q = 0.015 × 60 + 0.8 = 1.7 kWh/24h; set point 65 °C − room 20 °C = 45 K =
    // the test difference, so standby = ε × 1.7. No hot water drawn (0 L/day).
    // old ε 1.0 → 1.7 × 365 = 620.5 kWh; new ε 0.6 → 372.3 kWh; saved 248.2 → ¥124.10
    let e = run(
        "water_heater",
        &[
            ("old_epsilon", "1.0"),
            ("new_epsilon", "0.6"),
            ("volume_l", "60"),
            ("setpoint_c", "65"),
            ("hot_water_l_day", "0"),
        ],
    );
    let o = outcome(&e);
    check(o, 248.2, 0.0, 0.0, 12_410, 248.2 * 0.5306);
    check_covered_purchase(o, 12_410);
}

#[test]
fn gas_water_heater() {
    // Useful heat 100 L × 4.186 × 30 K = 12 558 kJ = 12.558 MJ a day; LHV 38.931 MJ/m³.
    // old η 80 %: 12.558 / (0.80 × 38.931) × 365 = 147.172883 m³
    // new η 98 %: 12.558 / (0.98 × 38.931) × 365 = 120.141129 m³
    // saved 27.031754 m³ → × ¥3 = ¥81.095 → 8110 fen; CO2 × 2.162 = 58.442652 kg
    let e = run(
        "gas_water_heater",
        &[
            ("old_efficiency_pct", "80"),
            ("new_efficiency_pct", "98"),
            ("hot_water_l_day", "100"),
            ("temp_rise_c", "30"),
        ],
    );
    let o = outcome(&e);
    check(o, 0.0, 0.0, 27.031_753_98, 8_110, 58.442_652_11);
    check_covered_purchase(o, 8_110);
}

#[test]
fn heat_pump_replacing_a_plain_electric_heater() {
    // Heat 100 L × 4.186 × 30 K / 3600 = 3.488333 kWh a day.
    // old COP 1 (resistive): 1273.241667 kWh; new COP 4.2 with field ratio 1.0: 303.152778 kWh
    // saved 970.088889 kWh → ¥485.044 → 48 504 fen
    let e = run(
        "heat_pump_water_heater",
        &[
            ("old_cop", "1"),
            ("new_cop", "4.2"),
            ("hot_water_l_day", "100"),
            ("temp_rise_c", "30"),
            ("cop_field_ratio", "1"),
        ],
    );
    let o = outcome(&e);
    check(o, 970.088_888_9, 0.0, 0.0, 48_504, 970.088_888_9 * 0.5306);
    check_covered_purchase(o, 48_504);
}

#[test]
fn water_purifier_waste_water() {
    // Water drawn = purified ÷ recovery. 10 L/day:
    // old 40 %: 25 L/day → 9.125 m³; new 65 %: 15.3846 L/day → 5.615385 m³
    // saved 3.509615 m³ × ¥4 = ¥14.038 → 1404 fen. 2026: purifiers are not in the national list.
    let e = run(
        "water_purifier",
        &[
            ("old_recovery_pct", "40"),
            ("new_recovery_pct", "65"),
            ("purified_l_day", "10"),
        ],
    );
    let o = outcome(&e);
    check(o, 0.0, 3.509_615_385, 0.0, 1_404, 0.0);
    assert!(e.has_notice("category_not_covered"));
    assert_eq!(o.chosen().subsidy.fen, 0);
    assert_eq!(o.chosen().net_price_fen, Some(589_900));
}

#[test]
fn air_purifier() {
    // Power = CADR ÷ efficiency. CADR 400 m³/h, 10 h a day.
    // old 4 m³/(W·h): 100 W → 365 kWh; new 11: 36.3636 W → 132.727273 kWh
    // saved 232.272727 kWh → ¥116.136 → 11 614 fen
    let e = run(
        "air_purifier",
        &[
            ("old_cadr_efficiency", "4"),
            ("new_cadr_efficiency", "11"),
            ("cadr_m3h", "400"),
            ("hours_day", "10"),
        ],
    );
    let o = outcome(&e);
    check(o, 232.272_727_3, 0.0, 0.0, 11_614, 232.272_727_3 * 0.5306);
    assert!(!o.chosen().subsidy.eligible);
}

#[test]
fn range_hood() {
    // Input power = 45 W air power ÷ full-pressure efficiency; 2 h a day.
    // old 15 %: 300 W → 219 kWh; new 23 %: 195.652 W → 142.826087 kWh
    // saved 76.173913 kWh → ¥38.087 → 3809 fen
    let e = run(
        "range_hood",
        &[
            ("old_efficiency_pct", "15"),
            ("new_efficiency_pct", "23"),
            ("hours_day", "2"),
        ],
    );
    let o = outcome(&e);
    check(o, 76.173_913_04, 0.0, 0.0, 3_809, 76.173_913_04 * 0.5306);
}

#[test]
fn range_hood_in_shanghai_gets_the_local_subsidy() {
    // Shanghai 2026 local categories: 15 %, cap ¥1500, grade 1 (assumed as nationally).
    let e = run(
        "range_hood",
        &[
            ("old_efficiency_pct", "15"),
            ("new_efficiency_pct", "23"),
            ("region", "SH"),
        ],
    );
    let o = outcome(&e);
    let g = o.chosen();
    assert!(g.subsidy.eligible);
    assert_eq!(g.subsidy.fen, 89_985);
    assert_eq!(o.rule_set.map(|r| r.id), Some("sh-2026-local"));
    assert!(e.has_notice("old_unit_required"));
}

#[test]
fn microwave() {
    // Output 1000 W × 30 min = 0.5 kWh a day delivered.
    // old 50 %: 1.0 kWh/day → 365 kWh; new 60 %: 0.8333 → 304.166667 kWh
    // saved 60.833333 kWh → ¥30.4167 → 3042 fen
    let e = run(
        "microwave",
        &[
            ("old_efficiency_pct", "50"),
            ("new_efficiency_pct", "60"),
            ("output_w", "1000"),
            ("minutes_day", "30"),
        ],
    );
    let o = outcome(&e);
    check(o, 60.833_333_33, 0.0, 0.0, 3_042, 60.833_333_33 * 0.5306);
}

#[test]
fn television() {
    // old 200 W, new 100 W, 5 h a day: 365 vs 182.5 kWh; saved 182.5 → ¥91.25
    let e = run(
        "tv",
        &[
            ("old_power_w", "200"),
            ("new_power_w", "100"),
            ("hours_day", "5"),
        ],
    );
    let o = outcome(&e);
    check(o, 182.5, 0.0, 0.0, 9_125, 96.8345);
    check_covered_purchase(o, 9_125);
}

#[test]
fn dishwasher_in_shanghai() {
    // 7 cycles a week = 365 a year. old 1.2 kWh, 16 L; new 0.8 kWh, 10 L per cycle.
    // saved 146 kWh and 2.19 m³ → 146 × 0.5 + 2.19 × 4 = 73 + 8.76 = ¥81.76
    // Shanghai grid factor 0.5737: CO2 146 × 0.5737 = 83.7602 kg
    // Not national in 2026; covered by Shanghai's local categories: ¥899.85.
    let e = run(
        "dishwasher",
        &[
            ("old_kwh_cycle", "1.2"),
            ("old_water_l_cycle", "16"),
            ("new_kwh_cycle", "0.8"),
            ("new_water_l_cycle", "10"),
            ("cycles_week", "7"),
            ("region", "sh"),
        ],
    );
    let o = outcome(&e);
    check(o, 146.0, 2.19, 0.0, 8_176, 83.7602);
    check_covered_purchase(o, 8_176);
}

#[test]
fn rice_cooker() {
    // 2 cooks × 0.15 kWh useful = 0.3 kWh a day.
    // old 75 %: 0.4 kWh/day → 146 kWh; new 90 %: 0.3333 → 121.666667 kWh
    // saved 24.333333 kWh → ¥12.1667 → 1217 fen
    let e = run(
        "rice_cooker",
        &[
            ("old_efficiency_pct", "75"),
            ("new_efficiency_pct", "90"),
            ("cooks_day", "2"),
        ],
    );
    let o = outcome(&e);
    check(o, 24.333_333_33, 0.0, 0.0, 1_217, 24.333_333_33 * 0.5306);
}

#[test]
fn gas_stove() {
    // 10 MJ of useful heat a day; LHV 38.931 MJ/m³.
    // old 50 %: 10 / (0.50 × 38.931) × 365 = 187.511238 m³
    // new 63 %: 10 / (0.63 × 38.931) × 365 = 148.818443 m³
    // saved 38.692795 m³ × ¥3 = ¥116.078 → 11 608 fen; CO2 × 2.162 = 83.653823 kg
    let e = run(
        "gas_stove",
        &[
            ("old_efficiency_pct", "50"),
            ("new_efficiency_pct", "63"),
            ("cooking_mj_day", "10"),
        ],
    );
    let o = outcome(&e);
    check(o, 0.0, 0.0, 38.692_795_11, 11_608, 83.653_823_02);
}

#[test]
fn computer() {
    // TEC is already annual: 200 − 98 = 102 kWh × 1.0 → ¥51.00
    let e = run(
        "computer",
        &[
            ("old_tec_kwh", "200"),
            ("new_tec_kwh", "98"),
            ("use_factor", "1"),
        ],
    );
    let o = outcome(&e);
    check(o, 102.0, 0.0, 0.0, 5_100, 54.1212);
    check_covered_purchase(o, 5_100);
}

#[test]
fn direct_annual_figures_override_everything() {
    // 500 − 300 kWh = 200 kWh → ¥100; 10 − 4 m³ gas → ¥18 (gas counts even for a fridge: the contract)
    let e = run(
        "fridge",
        &[
            ("old_kwh_year", "500"),
            ("new_kwh_year", "300"),
            ("old_kwh_24h", "1.5"),
            ("old_gas_m3_year", "10"),
            ("new_gas_m3_year", "4"),
        ],
    );
    let o = outcome(&e);
    assert_eq!(o.old.basis, OldBasis::Direct);
    assert_eq!(o.chosen().new_basis, NewBasis::Direct);
    check(o, 200.0, 0.0, 6.0, 11_800, 200.0 * 0.5306 + 6.0 * 2.162);
}

#[test]
fn no_saving_means_no_payback() {
    let e = run("tv", &[("old_power_w", "80"), ("new_power_w", "120")]);
    let o = outcome(&e);
    assert!(o.chosen().money_saved_fen < 0);
    assert_eq!(o.chosen().payback_years, None);
    assert!(e.has_notice("no_saving"));
}

#[test]
fn grade_one_extra_cost_and_its_payback() {
    // 2025 rules: grade 1 20 %, grade 2 15 %, cap ¥2000.
    // grade 1 ¥5999: subsidy 1199.80, net 5999 − 1199.80 − 100 = 4699.20
    // grade 2 ¥4999: subsidy 749.85, net 4999 − 749.85 − 100 = 4149.15
    // extra net 550.05
    let e = run(
        "fridge",
        &[
            ("date", "2025-06-01"),
            ("old_kwh_24h", "1.2"),
            ("new_kwh_24h", "0.6"),
            ("alt_price", "4999"),
            ("volume_l", "250"),
        ],
    );
    let o = outcome(&e);
    assert_eq!(o.grade(1).subsidy.fen, 119_980);
    assert_eq!(o.grade(2).subsidy.fen, 74_985);
    assert_eq!(o.grade(1).net_price_fen, Some(469_920));
    assert_eq!(o.grade(2).net_price_fen, Some(414_915));
    let extra = o.grade_one_extra.expect("both prices known");
    assert_eq!(extra.extra_net_fen, 55_005);
    // Grade 1 saves 10 950 fen, grade 2 (typical) 9 001 fen: 1 949 fen more a year.
    assert_eq!(extra.extra_saving_fen, 1_949);
    close(extra.payback_years.expect("payback"), 55_005.0 / 1_949.0);
}

#[test]
fn subsidy_contract_examples() {
    let d2026 = Date::new(2026, 3, 15).expect("date");
    // 2026 national: 5999 → 899.85; 6100 → 915.00; the cap is 1500.
    assert_eq!(
        subsidy_for(Category::Fridge, 1, 599_900, d2026, None).fen,
        89_985
    );
    assert_eq!(
        subsidy_for(Category::Fridge, 1, 610_000, d2026, None).fen,
        91_500
    );
    assert_eq!(
        subsidy_for(Category::Ac, 1, 2_000_000, d2026, None).fen,
        150_000
    );
    assert_eq!(subsidy_for(Category::Ac, 2, 599_900, d2026, None).fen, 0);
    // 2024: from 2024-09-01, grade 2 15 %, grade 1 20 %, cap 2000.
    let d2024 = Date::new(2024, 10, 1).expect("date");
    assert_eq!(
        subsidy_for(Category::Tv, 2, 400_000, d2024, None).fen,
        60_000
    );
    assert_eq!(
        subsidy_for(Category::Tv, 1, 400_000, d2024, None).fen,
        80_000
    );
    assert_eq!(
        subsidy_for(Category::Tv, 1, 1_500_000, d2024, None).fen,
        200_000
    );
    // 2024 did not cover microwaves; 2025 did.
    assert_eq!(
        subsidy_for(Category::Microwave, 1, 100_000, d2024, None).fen,
        0
    );
    let d2025 = Date::new(2025, 12, 31).expect("date");
    assert_eq!(
        subsidy_for(Category::Microwave, 1, 100_000, d2025, None).fen,
        20_000
    );
}

#[test]
fn outside_every_known_period_says_so() {
    let e = run("fridge", &[("date", "2023-06-01"), ("old_kwh_24h", "1.2")]);
    let o = outcome(&e);
    assert!(o.rule_set.is_none());
    assert!(e.has_notice("no_rule_set"));
    assert_eq!(o.chosen().subsidy.fen, 0);
    assert!(!o.chosen().subsidy.eligible);
    let e = run("fridge", &[("date", "2027-01-02")]);
    assert!(e.has_notice("no_rule_set"));
}
