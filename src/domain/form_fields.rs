//! The inputs of each category: parameter names, labels, units, help, ranges and defaults.
//!
//! Parameter names are the public deep-link API. Defaults of usage, size and price fields come
//! from the compiled data (`assets/data/`), so the placeholder always shows what the engine uses.

use std::sync::OnceLock;

use super::category::Category;
use super::data::{category_data, factors};
use super::evaluate::{Choice, FieldGroup, FieldKind, FieldSpec};

const fn spec(
    param: &'static str,
    group: FieldGroup,
    kind: FieldKind,
    text: [&'static str; 6],
    range: (f64, f64),
    on_label: bool,
) -> FieldSpec {
    let [label_zh, label_en, unit_zh, unit_en, help_zh, help_en] = text;
    FieldSpec {
        param,
        group,
        kind,
        choices: &[],
        label_zh: zh!(label_zh),
        label_en: en!(label_en),
        unit_zh: zh!(unit_zh),
        unit_en: en!(unit_en),
        help_zh: zh!(help_zh),
        help_en: en!(help_en),
        min: range.0,
        max: range.1,
        default: None,
        on_label,
    }
}

const fn choice(mut base: FieldSpec, choices: &'static [Choice]) -> FieldSpec {
    base.choices = choices;
    base
}

const fn num(
    param: &'static str,
    group: FieldGroup,
    text: [&'static str; 6],
    min: f64,
    max: f64,
) -> FieldSpec {
    spec(param, group, FieldKind::Number, text, (min, max), false)
}

/// A label figure: the same input for the old unit and the new one.
const fn label_pair(
    old: &'static str,
    new: &'static str,
    text: [&'static str; 6],
    min: f64,
    max: f64,
) -> [FieldSpec; 2] {
    [
        spec(
            old,
            FieldGroup::Old,
            FieldKind::Number,
            text,
            (min, max),
            true,
        ),
        spec(
            new,
            FieldGroup::New,
            FieldKind::Number,
            text,
            (min, max),
            true,
        ),
    ]
}

// Choice labels stay in both languages in every build: links may name a choice by either label
// (`read_choice`), and a link reads the same in every build.
const GRADE_CHOICES: &[Choice] = &[
    Choice {
        value: "1",
        label_zh: "1级",
        label_en: "Grade 1",
    },
    Choice {
        value: "2",
        label_zh: "2级",
        label_en: "Grade 2",
    },
];

const OLD_GRADE_CHOICES: &[Choice] = &[
    Choice {
        value: "1",
        label_zh: "1级",
        label_en: "Grade 1",
    },
    Choice {
        value: "2",
        label_zh: "2级",
        label_en: "Grade 2",
    },
    Choice {
        value: "3",
        label_zh: "3级",
        label_en: "Grade 3",
    },
    Choice {
        value: "4",
        label_zh: "4级",
        label_en: "Grade 4",
    },
    Choice {
        value: "5",
        label_zh: "5级",
        label_en: "Grade 5",
    },
];

const TIER_CHOICES: &[Choice] = &[
    Choice {
        value: "1",
        label_zh: "第一档",
        label_en: "Tier 1",
    },
    Choice {
        value: "2",
        label_zh: "第二档",
        label_en: "Tier 2",
    },
    Choice {
        value: "3",
        label_zh: "第三档",
        label_en: "Tier 3",
    },
];

const WASHER_TYPES: &[Choice] = &[
    Choice {
        value: "drum",
        label_zh: "滚筒",
        label_en: "Front-loading (drum)",
    },
    Choice {
        value: "impeller",
        label_zh: "波轮",
        label_en: "Top-loading (impeller)",
    },
];

const COMPUTER_TYPES: &[Choice] = &[
    Choice {
        value: "desktop",
        label_zh: "台式机/一体机",
        label_en: "Desktop / all-in-one",
    },
    Choice {
        value: "notebook",
        label_zh: "笔记本",
        label_en: "Notebook",
    },
];

const PURCHASE: [FieldSpec; 6] = [
    spec(
        "date",
        FieldGroup::Purchase,
        FieldKind::Date,
        [
            "购买日期",
            "Purchase date",
            "",
            "",
            "决定适用哪一期补贴政策；默认今天。",
            "Picks the subsidy rules in force; default today.",
        ],
        (0.0, 0.0),
        false,
    ),
    spec(
        "region",
        FieldGroup::Purchase,
        FieldKind::Region,
        [
            "省份",
            "Province",
            "",
            "",
            "决定电价、水价、气价、电网排放因子和地方补贴；不选则用全国默认值。",
            "Sets tariffs, grid factor and local subsidies; national defaults when empty.",
        ],
        (0.0, 0.0),
        false,
    ),
    choice(
        spec(
            "grade",
            FieldGroup::Purchase,
            FieldKind::Choice,
            [
                "新机能效等级",
                "Grade of the new unit",
                "",
                "",
                "看新机标签上的等级；洗碗机填能效等级。",
                "Read it off the new unit's label; for dishwashers the energy grade.",
            ],
            (1.0, 2.0),
            true,
        ),
        GRADE_CHOICES,
    ),
    num(
        "price",
        FieldGroup::Purchase,
        [
            "新机成交价",
            "Price of the new unit",
            "元",
            "yuan",
            "扣除各种优惠后的最终价格。",
            "Final price after every discount.",
        ],
        1.0,
        200_000.0,
    ),
    num(
        "alt_price",
        FieldGroup::Purchase,
        [
            "另一等级机型价格",
            "Price of the other grade's unit",
            "元",
            "yuan",
            "选填：用于并排比较1级和2级，以及1级多花的钱多久回本。",
            "Optional: compares grade 1 and grade 2 side by side, and the payback of grade 1's extra cost.",
        ],
        1.0,
        200_000.0,
    ),
    num(
        "trade_in",
        FieldGroup::Purchase,
        [
            "旧机回收价",
            "Trade-in value of the old unit",
            "元",
            "yuan",
            "商家或回收平台为旧机给的钱；没有填0。",
            "What the shop or a recycler pays for the old unit; 0 if nothing.",
        ],
        0.0,
        200_000.0,
    ),
];

const OLD_COMMON: [FieldSpec; 2] = [
    num(
        "old_year",
        FieldGroup::Old,
        [
            "旧机购买年份",
            "Year the old unit was bought",
            "",
            "",
            "不知道标签数据时，按当年标准和使用年限估算。",
            "Without its label figures we estimate from the standard of that year and its age.",
        ],
        1980.0,
        2100.0,
    ),
    choice(
        spec(
            "old_grade",
            FieldGroup::Old,
            FieldKind::Choice,
            [
                "旧机能效等级",
                "Grade of the old unit",
                "",
                "",
                "选填：不知道就按当年常见等级估算。",
                "Optional: otherwise we assume the usual grade of its time.",
            ],
            (1.0, 5.0),
            true,
        ),
        OLD_GRADE_CHOICES,
    ),
];

const KWH_DIRECT: [FieldSpec; 2] = [
    num(
        "old_kwh_year",
        FieldGroup::Old,
        [
            "旧机年耗电量",
            "Old unit: electricity per year",
            "度/年",
            "kWh/yr",
            "知道就直接填，会覆盖所有估算。",
            "If you know it, it overrides every estimate.",
        ],
        0.0,
        50_000.0,
    ),
    num(
        "new_kwh_year",
        FieldGroup::New,
        [
            "新机年耗电量",
            "New unit: electricity per year",
            "度/年",
            "kWh/yr",
            "知道就直接填，会覆盖标签和典型值。",
            "If you know it, it overrides the label and typical figures.",
        ],
        0.0,
        50_000.0,
    ),
];

const WATER_DIRECT: [FieldSpec; 2] = [
    num(
        "old_water_m3_year",
        FieldGroup::Old,
        [
            "旧机年用水量",
            "Old unit: water per year",
            "吨/年",
            "m³/yr",
            "1吨 = 1立方米。",
            "1 tonne = 1 m³.",
        ],
        0.0,
        10_000.0,
    ),
    num(
        "new_water_m3_year",
        FieldGroup::New,
        [
            "新机年用水量",
            "New unit: water per year",
            "吨/年",
            "m³/yr",
            "1吨 = 1立方米。",
            "1 tonne = 1 m³.",
        ],
        0.0,
        10_000.0,
    ),
];

const GAS_DIRECT: [FieldSpec; 2] = [
    num(
        "old_gas_m3_year",
        FieldGroup::Old,
        [
            "旧机年用气量",
            "Old unit: gas per year",
            "立方米/年",
            "m³/yr",
            "天然气。",
            "Natural gas.",
        ],
        0.0,
        10_000.0,
    ),
    num(
        "new_gas_m3_year",
        FieldGroup::New,
        [
            "新机年用气量",
            "New unit: gas per year",
            "立方米/年",
            "m³/yr",
            "天然气。",
            "Natural gas.",
        ],
        0.0,
        10_000.0,
    ),
];

const ELECTRICITY_PRICES: [FieldSpec; 5] = [
    num(
        "tariff",
        FieldGroup::Prices,
        [
            "电价",
            "Electricity price",
            "元/度",
            "yuan/kWh",
            "默认用所选省份第一档居民电价。",
            "Default: the province's tier-1 residential price.",
        ],
        0.05,
        5.0,
    ),
    choice(
        spec(
            "tariff_tier",
            FieldGroup::Prices,
            FieldKind::Choice,
            [
                "阶梯电价档位",
                "Tariff tier",
                "",
                "",
                "用电多、处在第二或第三档时，省下的电按该档价格计。",
                "If your household is in tier 2 or 3, saved kWh are worth that tier's price.",
            ],
            (1.0, 3.0),
            false,
        ),
        TIER_CHOICES,
    ),
    num(
        "valley_tariff",
        FieldGroup::Prices,
        [
            "谷时电价",
            "Off-peak price",
            "元/度",
            "yuan/kWh",
            "选填：开通峰谷电价时填。",
            "Optional: if you have a time-of-use tariff.",
        ],
        0.01,
        5.0,
    ),
    num(
        "valley_share",
        FieldGroup::Prices,
        [
            "谷时用电比例",
            "Share of use off-peak",
            "%",
            "%",
            "选填：该电器在谷时用电的比例，冰箱约三分之一。",
            "Optional: share of this appliance's use in off-peak hours; about a third for a fridge.",
        ],
        0.0,
        100.0,
    ),
    num(
        "grid_factor",
        FieldGroup::Prices,
        [
            "电网排放因子",
            "Grid CO2 factor",
            "千克CO2/度",
            "kg CO2/kWh",
            "默认用生态环境部发布的省级或全国平均因子。",
            "Default: the MEE provincial or national average factor.",
        ],
        0.0,
        2.0,
    ),
];

const WATER_PRICE: FieldSpec = num(
    "water_price",
    FieldGroup::Prices,
    [
        "水价",
        "Water price",
        "元/吨",
        "yuan/m³",
        "含污水处理费的第一档居民水价。",
        "Tier-1 residential price including the sewage fee.",
    ],
    0.1,
    50.0,
);

const GAS_PRICE: FieldSpec = num(
    "gas_price",
    FieldGroup::Prices,
    [
        "燃气价格",
        "Gas price",
        "元/立方米",
        "yuan/m³",
        "默认用省会城市第一档居民管道天然气价格。",
        "Default: the provincial capital's tier-1 residential piped-gas price.",
    ],
    0.1,
    30.0,
);

const WATER_GRADE: FieldSpec = choice(
    spec(
        "water_grade",
        FieldGroup::New,
        FieldKind::Choice,
        [
            "新机水效等级",
            "Water grade of the new unit",
            "",
            "",
            "选填：能效和水效等级不同时，按较差的等级计算补贴。",
            "Optional: when the energy and water grades differ, the subsidy uses the worse one.",
        ],
        (1.0, 5.0),
        true,
    ),
    OLD_GRADE_CHOICES,
);

/// The category's own inputs: label figures, size, type and usage. Each spec is a `const` block so
/// it is copied from a constant instead of built field by field (about 6 KB less wasm code).
fn category_specs(category: Category) -> Vec<FieldSpec> {
    use FieldGroup::Usage;
    let mut v: Vec<FieldSpec> = Vec::new();
    match category {
        Category::Fridge => {
            v.extend(
                const {
                    label_pair(
                        "old_kwh_24h",
                        "new_kwh_24h",
                        [
                            "耗电量",
                            "Energy consumption",
                            "度/24小时",
                            "kWh/24h",
                            "能效标签上的“耗电量”。",
                            "The label's 耗电量 figure.",
                        ],
                        0.1,
                        5.0,
                    )
                },
            );
            v.push(
                const {
                    num(
                        "volume_l",
                        Usage,
                        [
                            "总有效容积",
                            "Total volume",
                            "升",
                            "L",
                            "冷藏室和冷冻室容积之和，标签上有。",
                            "Fresh plus freezer volume, printed on the label.",
                        ],
                        30.0,
                        1500.0,
                    )
                },
            );
        }
        Category::Ac => {
            v.extend(
                const {
                    label_pair(
                        "old_cooling_kwh",
                        "new_cooling_kwh",
                        [
                            "制冷季节耗电量",
                            "Cooling-season consumption",
                            "度",
                            "kWh",
                            "标签上的“制冷季节耗电量”（按全年制冷1136小时计算）。",
                            "The label's cooling-season kWh (computed for 1136 h of cooling).",
                        ],
                        10.0,
                        20_000.0,
                    )
                },
            );
            v.extend(const { label_pair(
                "old_heating_kwh",
                "new_heating_kwh",
                [
                    "制热季节耗电量",
                    "Heating-season consumption",
                    "度",
                    "kWh",
                    "标签上的“制热季节耗电量”（按全年制热433小时计算）；单冷机留空。",
                    "The label's heating-season kWh (433 h of heating); empty for cooling-only units.",
                ],
                0.0,
                20_000.0,
            ) });
            v.extend(
                const {
                    label_pair(
                "old_apf",
                "new_apf",
                [
                    "全年能源消耗效率 APF",
                    "APF (annual performance factor)",
                    "",
                    "",
                    "没有季节耗电量时可填APF（单冷机填SEER）。",
                    "If the seasonal kWh are missing, the APF (SEER for cooling-only units).",
                ],
                1.5,
                9.0,
            )
                },
            );
            v.push(
                const {
                    num(
                        "capacity_w",
                        Usage,
                        [
                            "额定制冷量",
                            "Rated cooling capacity",
                            "瓦",
                            "W",
                            "1匹约2500瓦，1.5匹约3500瓦，2匹约5000瓦。",
                            "1 hp is about 2500 W, 1.5 hp 3500 W, 2 hp 5000 W.",
                        ],
                        1500.0,
                        14_000.0,
                    )
                },
            );
            v.push(
                const {
                    num(
                        "cooling_hours",
                        Usage,
                        [
                            "每年制冷运行时间",
                            "Cooling hours per year",
                            "小时/年",
                            "h/yr",
                            "默认按所在气候区；标签按1136小时计算。",
                            "Default by climate zone; the label assumes 1136 h.",
                        ],
                        0.0,
                        8760.0,
                    )
                },
            );
            v.push(
                const {
                    num(
                        "heating_hours",
                        Usage,
                        [
                            "每年制热运行时间",
                            "Heating hours per year",
                            "小时/年",
                            "h/yr",
                            "默认按所在气候区；标签按433小时计算。",
                            "Default by climate zone; the label assumes 433 h.",
                        ],
                        0.0,
                        8760.0,
                    )
                },
            );
        }
        Category::Washer | Category::Dishwasher => {
            v.extend(
                const {
                    label_pair(
                        "old_kwh_cycle",
                        "new_kwh_cycle",
                        [
                            "每次耗电量",
                            "Electricity per cycle",
                            "度/次",
                            "kWh/cycle",
                            "标签上的“耗电量”（每个标准洗涤周期）。",
                            "The label's 耗电量 per standard cycle.",
                        ],
                        0.01,
                        5.0,
                    )
                },
            );
            v.extend(
                const {
                    label_pair(
                        "old_water_l_cycle",
                        "new_water_l_cycle",
                        [
                            "每次用水量",
                            "Water per cycle",
                            "升/次",
                            "L/cycle",
                            "标签上的“用水量”（每个标准洗涤周期）。",
                            "The label's 用水量 per standard cycle.",
                        ],
                        1.0,
                        400.0,
                    )
                },
            );
            v.push(const { WATER_GRADE });
            if category == Category::Washer {
                v.push(
                    const {
                        num(
                            "capacity_kg",
                            Usage,
                            [
                                "额定洗涤容量",
                                "Rated capacity",
                                "千克",
                                "kg",
                                "标签上的容量。",
                                "The capacity on the label.",
                            ],
                            1.0,
                            25.0,
                        )
                    },
                );
                v.push(
                    const {
                        choice(
                            spec(
                                "washer_type",
                                Usage,
                                FieldKind::Choice,
                                [
                                    "洗衣机类型",
                                    "Washer type",
                                    "",
                                    "",
                                    "滚筒或波轮。",
                                    "Drum or impeller.",
                                ],
                                (0.0, 0.0),
                                false,
                            ),
                            WASHER_TYPES,
                        )
                    },
                );
            } else {
                v.push(
                    const {
                        num(
                            "place_settings",
                            Usage,
                            [
                                "餐具套数",
                                "Place settings",
                                "套",
                                "settings",
                                "标签上的额定套数。",
                                "The rated place settings on the label.",
                            ],
                            2.0,
                            20.0,
                        )
                    },
                );
            }
            v.push(
                const {
                    num(
                        "cycles_week",
                        Usage,
                        ["每周洗几次", "Cycles per week", "次/周", "per week", "", ""],
                        0.0,
                        50.0,
                    )
                },
            );
        }
        Category::WaterHeater => {
            v.extend(
                const {
                    label_pair(
                        "old_epsilon",
                        "new_epsilon",
                        [
                            "24小时固有能耗系数 ε",
                            "24-hour standby factor ε",
                            "",
                            "",
                            "标签上的“24h固有能耗系数”，越小越省电。",
                            "The label's 24h固有能耗系数; lower is better.",
                        ],
                        0.1,
                        2.0,
                    )
                },
            );
            v.push(
                const {
                    num(
                        "volume_l",
                        Usage,
                        ["额定容量", "Rated volume", "升", "L", "", ""],
                        10.0,
                        200.0,
                    )
                },
            );
            v.push(
                const {
                    num(
                        "setpoint_c",
                        Usage,
                        [
                            "设定温度",
                            "Thermostat setting",
                            "℃",
                            "°C",
                            "温度越高，保温耗电越多。",
                            "The hotter the tank, the more it loses standing by.",
                        ],
                        30.0,
                        80.0,
                    )
                },
            );
            v.push(const { hot_water_l_day() });
        }
        Category::GasWaterHeater => {
            v.extend(
                const {
                    label_pair(
                        "old_efficiency_pct",
                        "new_efficiency_pct",
                        [
                            "热效率",
                            "Thermal efficiency",
                            "%",
                            "%",
                            "标签上额定热负荷下的热水热效率。",
                            "The label's hot-water efficiency at rated load.",
                        ],
                        50.0,
                        115.0,
                    )
                },
            );
            v.push(const { hot_water_l_day() });
            v.push(const { temp_rise_c() });
        }
        Category::HeatPumpWaterHeater => {
            v.extend(
                const {
                    label_pair(
                        "old_cop",
                        "new_cop",
                        [
                            "性能系数 COP",
                            "COP",
                            "",
                            "",
                            "标签上的COP；旧机是普通电热水器就填1。",
                            "The label's COP; enter 1 if the old unit is a plain electric heater.",
                        ],
                        0.8,
                        8.0,
                    )
                },
            );
            v.push(const { hot_water_l_day() });
            v.push(const { temp_rise_c() });
            v.push(
                const {
                    num(
                        "cop_field_ratio",
                        Usage,
                        [
                            "实际与标称性能之比",
                            "Real-to-rated performance",
                            "",
                            "",
                            "全年实际效率低于标准工况，北方更低。",
                            "Real annual performance is below the rating, more so in the north.",
                        ],
                        0.3,
                        1.2,
                    )
                },
            );
        }
        Category::WaterPurifier => {
            v.extend(
                const {
                    label_pair(
                        "old_recovery_pct",
                        "new_recovery_pct",
                        [
                            "净水产水率",
                            "Recovery rate",
                            "%",
                            "%",
                            "水效标签上的“净水产水率”，越高废水越少。",
                            "The water label's recovery rate; higher means less waste water.",
                        ],
                        10.0,
                        95.0,
                    )
                },
            );
            v.push(
                const {
                    num(
                        "purified_l_day",
                        Usage,
                        [
                            "每天净水量",
                            "Purified water per day",
                            "升/天",
                            "L/day",
                            "",
                            "",
                        ],
                        0.0,
                        200.0,
                    )
                },
            );
        }
        Category::AirPurifier => {
            v.extend(
                const {
                    label_pair(
                        "old_cadr_efficiency",
                        "new_cadr_efficiency",
                        [
                            "颗粒物能效",
                            "Particle energy efficiency",
                            "立方米/(瓦·时)",
                            "m³/(W·h)",
                            "标签上的颗粒物能效（洁净空气量除以功率）。",
                            "The label's particle efficiency (clean air delivery per watt).",
                        ],
                        0.5,
                        30.0,
                    )
                },
            );
            v.push(
                const {
                    num(
                        "cadr_m3h",
                        Usage,
                        [
                            "颗粒物洁净空气量 CADR",
                            "Particle CADR",
                            "立方米/时",
                            "m³/h",
                            "",
                            "",
                        ],
                        30.0,
                        2000.0,
                    )
                },
            );
            v.push(const { hours_day() });
        }
        Category::RangeHood => {
            v.extend(
                const {
                    label_pair(
                        "old_efficiency_pct",
                        "new_efficiency_pct",
                        [
                            "全压效率",
                            "Full-pressure efficiency",
                            "%",
                            "%",
                            "标签上的“全压效率”。",
                            "The label's full-pressure efficiency.",
                        ],
                        5.0,
                        60.0,
                    )
                },
            );
            v.push(const { hours_day() });
        }
        Category::Microwave => {
            v.extend(
                const {
                    label_pair(
                        "old_efficiency_pct",
                        "new_efficiency_pct",
                        [
                            "效率",
                            "Efficiency",
                            "%",
                            "%",
                            "标签上的微波效率。",
                            "The label's microwave efficiency.",
                        ],
                        30.0,
                        95.0,
                    )
                },
            );
            v.push(
                const {
                    num(
                        "output_w",
                        Usage,
                        ["额定输出功率", "Rated output power", "瓦", "W", "", ""],
                        300.0,
                        2000.0,
                    )
                },
            );
            v.push(
                const {
                    num(
                        "minutes_day",
                        Usage,
                        [
                            "每天使用时间",
                            "Minutes per day",
                            "分钟/天",
                            "min/day",
                            "",
                            "",
                        ],
                        0.0,
                        600.0,
                    )
                },
            );
        }
        Category::Tv => {
            v.extend(
                const {
                    label_pair(
                        "old_power_w",
                        "new_power_w",
                        [
                            "开机功率",
                            "On-mode power",
                            "瓦",
                            "W",
                            "铭牌或标签上的开机（额定）功率。",
                            "The on-mode (rated) power on the nameplate or label.",
                        ],
                        5.0,
                        1000.0,
                    )
                },
            );
            v.push(
                const {
                    num(
                        "screen_in",
                        Usage,
                        ["屏幕尺寸", "Screen size", "英寸", "inches", "", ""],
                        15.0,
                        120.0,
                    )
                },
            );
            v.push(const { hours_day() });
        }
        Category::RiceCooker => {
            v.extend(
                const {
                    label_pair(
                        "old_efficiency_pct",
                        "new_efficiency_pct",
                        [
                            "热效率",
                            "Thermal efficiency",
                            "%",
                            "%",
                            "标签上的热效率。",
                            "The label's thermal efficiency.",
                        ],
                        50.0,
                        100.0,
                    )
                },
            );
            v.push(
                const {
                    num(
                        "rated_power_w",
                        Usage,
                        ["额定功率", "Rated power", "瓦", "W", "", ""],
                        200.0,
                        2000.0,
                    )
                },
            );
            v.push(
                const {
                    num(
                        "cooks_day",
                        Usage,
                        ["每天煮饭次数", "Cooks per day", "次/天", "per day", "", ""],
                        0.0,
                        10.0,
                    )
                },
            );
        }
        Category::GasStove => {
            v.extend(
                const {
                    label_pair(
                        "old_efficiency_pct",
                        "new_efficiency_pct",
                        [
                            "热效率",
                            "Thermal efficiency",
                            "%",
                            "%",
                            "标签上的热效率。",
                            "The label's thermal efficiency.",
                        ],
                        30.0,
                        80.0,
                    )
                },
            );
            v.push(const { num(
                "cooking_mj_day",
                Usage,
                [
                    "每天有效烹饪热量",
                    "Useful cooking heat per day",
                    "兆焦/天",
                    "MJ/day",
                    "三口之家一日三餐约8.8兆焦，相当于55%效率灶具每年用气约150立方米。",
                    "About 8.8 MJ for three meals for three people: about 150 m³ of gas a year on a 55% stove.",
                ],
                0.0,
                100.0,
            ) });
        }
        Category::Computer => {
            v.extend(
                const {
                    label_pair(
                        "old_tec_kwh",
                        "new_tec_kwh",
                        [
                            "典型能源消耗 TEC",
                            "Typical energy consumption (TEC)",
                            "度/年",
                            "kWh/yr",
                            "标签上的典型能源消耗。",
                            "The label's TEC.",
                        ],
                        5.0,
                        1000.0,
                    )
                },
            );
            v.push(
                const {
                    choice(
                        spec(
                            "computer_type",
                            Usage,
                            FieldKind::Choice,
                            ["电脑类型", "Computer type", "", "", "", ""],
                            (0.0, 0.0),
                            false,
                        ),
                        COMPUTER_TYPES,
                    )
                },
            );
            v.push(
                const {
                    num(
                        "use_factor",
                        Usage,
                        [
                            "使用强度",
                            "Use relative to the label",
                            "倍",
                            "×",
                            "1表示与标签测试工况相同；整天开机填2。",
                            "1 means as on the label's duty cycle; 2 if it runs all day.",
                        ],
                        0.0,
                        5.0,
                    )
                },
            );
        }
    }
    v
}

const fn hot_water_l_day() -> FieldSpec {
    num(
        "hot_water_l_day",
        FieldGroup::Usage,
        [
            "每天用热水量",
            "Hot water per day",
            "升/天",
            "L/day",
            "洗澡一次约40到60升。",
            "A shower takes about 40–60 L.",
        ],
        0.0,
        1000.0,
    )
}

const fn temp_rise_c() -> FieldSpec {
    num(
        "temp_rise_c",
        FieldGroup::Usage,
        [
            "加热温升",
            "Temperature rise",
            "℃",
            "°C",
            "进水到出水的温差，例如15℃加热到45℃为30℃。",
            "Outlet minus inlet, e.g. 15 → 45 °C is 30 °C.",
        ],
        5.0,
        60.0,
    )
}

const fn hours_day() -> FieldSpec {
    num(
        "hours_day",
        FieldGroup::Usage,
        ["每天使用时间", "Hours per day", "小时/天", "h/day", "", ""],
        0.0,
        24.0,
    )
}

/// Which resources a category uses: (electricity, water, gas).
pub(crate) fn resources(category: Category) -> (bool, bool, bool) {
    match category {
        Category::GasWaterHeater | Category::GasStove => (false, false, true),
        Category::WaterPurifier => (false, true, false),
        Category::Washer | Category::Dishwasher => (true, true, false),
        _ => (true, false, false),
    }
}

fn build(category: Category) -> Vec<FieldSpec> {
    let (kwh, water, gas) = resources(category);
    let mut v: Vec<FieldSpec> = PURCHASE.to_vec();
    v.extend(OLD_COMMON);
    v.extend(category_specs(category));
    if kwh {
        v.extend(KWH_DIRECT);
    }
    if water {
        v.extend(WATER_DIRECT);
    }
    if gas {
        v.extend(GAS_DIRECT);
    }
    if kwh {
        v.extend(ELECTRICITY_PRICES);
    }
    if water {
        v.push(WATER_PRICE);
    }
    if gas {
        v.push(GAS_PRICE);
    }
    fill_defaults(category, &mut v);
    v
}

fn fill_defaults(category: Category, specs: &mut [FieldSpec]) {
    let f = factors();
    let data = category_data(category);
    for spec in specs.iter_mut() {
        let usage = data.and_then(|d| d.usage(spec.param)).map(|u| u.typical);
        spec.default = usage.or(match spec.param {
            "trade_in" => Some(0.0),
            "grade" => Some(1.0),
            "tariff" => Some(f.tariff.value),
            "tariff_tier" => Some(1.0),
            "valley_share" => Some(0.0),
            "water_price" => Some(f.water_price.value),
            "gas_price" => Some(f.gas_price.value),
            "grid_factor" => Some(f.grid_factor.value),
            _ => None,
        });
    }
}

/// Every input the UI should render for `category`, in display order.
pub fn fields(category: Category) -> &'static [FieldSpec] {
    static ALL: OnceLock<Vec<Vec<FieldSpec>>> = OnceLock::new();
    let all = ALL.get_or_init(|| Category::ALL.iter().map(|c| build(*c)).collect());
    let index = Category::ALL
        .iter()
        .position(|c| *c == category)
        .unwrap_or(0);
    all.get(index).map(Vec::as_slice).unwrap_or(&[])
}

/// The spec of `param` for `category`, if the category has it.
pub fn field(category: Category, param: &str) -> Option<&'static FieldSpec> {
    fields(category).iter().find(|f| f.param == param)
}

/// True for `cat`, `lang` and every parameter of the category (of any category when unknown).
pub(crate) fn is_known_param(param: &str, category: Option<Category>) -> bool {
    if matches!(param, "cat" | "lang") {
        return true;
    }
    match category {
        Some(c) => field(c, param).is_some() || is_direct(param),
        None => Category::ALL.iter().any(|c| field(*c, param).is_some()) || is_direct(param),
    }
}

/// The six direct annual-use parameters are accepted for every category.
pub(crate) fn is_direct(param: &str) -> bool {
    matches!(
        param,
        "old_kwh_year"
            | "new_kwh_year"
            | "old_water_m3_year"
            | "new_water_m3_year"
            | "old_gas_m3_year"
            | "new_gas_m3_year"
            | "tariff"
            | "water_price"
            | "gas_price"
    )
}
