//! The appliance categories of the 2023 notice and the 2024–2026 national trade-in lists.

use super::locale::Locale;

/// An appliance category. The slug is the `cat` deep-link value and a stable public API.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    Fridge,
    Ac,
    Washer,
    WaterHeater,
    GasWaterHeater,
    HeatPumpWaterHeater,
    WaterPurifier,
    AirPurifier,
    RangeHood,
    Microwave,
    Tv,
    Dishwasher,
    RiceCooker,
    GasStove,
    Computer,
}

impl Category {
    /// Every category, in the order the picker shows them.
    pub const ALL: [Category; 15] = [
        Category::Fridge,
        Category::Ac,
        Category::Washer,
        Category::WaterHeater,
        Category::GasWaterHeater,
        Category::HeatPumpWaterHeater,
        Category::WaterPurifier,
        Category::AirPurifier,
        Category::RangeHood,
        Category::Microwave,
        Category::Tv,
        Category::Dishwasher,
        Category::RiceCooker,
        Category::GasStove,
        Category::Computer,
    ];

    /// The `cat` deep-link value.
    pub fn slug(self) -> &'static str {
        match self {
            Category::Fridge => "fridge",
            Category::Ac => "ac",
            Category::Washer => "washer",
            Category::WaterHeater => "water_heater",
            Category::GasWaterHeater => "gas_water_heater",
            Category::HeatPumpWaterHeater => "heat_pump_water_heater",
            Category::WaterPurifier => "water_purifier",
            Category::AirPurifier => "air_purifier",
            Category::RangeHood => "range_hood",
            Category::Microwave => "microwave",
            Category::Tv => "tv",
            Category::Dishwasher => "dishwasher",
            Category::RiceCooker => "rice_cooker",
            Category::GasStove => "gas_stove",
            Category::Computer => "computer",
        }
    }

    /// Parses a slug, ignoring case and surrounding spaces.
    pub fn from_slug(slug: &str) -> Option<Category> {
        let slug = slug.trim();
        Category::ALL
            .into_iter()
            .find(|c| c.slug().eq_ignore_ascii_case(slug))
    }

    /// The name shown to buyers.
    pub fn name(self, locale: Locale) -> &'static str {
        let (zh, en) = match self {
            Category::Fridge => ("冰箱", "Refrigerator"),
            Category::Ac => ("空调", "Air conditioner"),
            Category::Washer => ("洗衣机", "Washing machine"),
            Category::WaterHeater => ("电热水器", "Electric water heater"),
            Category::GasWaterHeater => ("燃气热水器", "Gas water heater"),
            Category::HeatPumpWaterHeater => ("热泵热水器", "Heat-pump water heater"),
            Category::WaterPurifier => ("净水器", "Water purifier"),
            Category::AirPurifier => ("空气净化器", "Air purifier"),
            Category::RangeHood => ("吸油烟机", "Range hood"),
            Category::Microwave => ("微波炉", "Microwave oven"),
            Category::Tv => ("电视", "Television"),
            Category::Dishwasher => ("洗碗机", "Dishwasher"),
            Category::RiceCooker => ("电饭煲", "Rice cooker"),
            Category::GasStove => ("燃气灶", "Gas stove"),
            Category::Computer => ("电脑", "Computer"),
        };
        locale.pick(zh, en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_are_unique() {
        for c in Category::ALL {
            assert_eq!(Category::from_slug(c.slug()), Some(c));
            assert_eq!(Category::from_slug(&c.slug().to_uppercase()), Some(c));
        }
        let mut slugs: Vec<_> = Category::ALL.iter().map(|c| c.slug()).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), Category::ALL.len());
        assert_eq!(Category::from_slug("toaster"), None);
    }

    #[test]
    fn every_category_has_both_names() {
        for c in Category::ALL {
            assert!(!c.name(Locale::Zh).is_empty());
            assert!(c.name(Locale::En).is_ascii());
        }
    }
}
