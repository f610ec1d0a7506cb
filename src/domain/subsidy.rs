//! Which subsidy rule set applies on a purchase date, and what it pays.
//!
//! subsidy = min(rate × price, cap), rounded half up to the fen, when the category and grade are
//! covered by the rule set in force; else 0. The national scheme comes first; a category it does not
//! cover may be covered by the buyer's province (local 自主品类 on the same mechanism).

use super::category::Category;
use super::data::{rule_sets, RuleSet};
use super::date::Date;
use super::evaluate::Subsidy;
use super::locale::Locale;
use super::money::{format_money, Fen};

/// The rule sets in force on `date` for a buyer in `region`: (national, local).
fn in_force(
    date: Date,
    region: Option<&str>,
) -> (Option<&'static RuleSet>, Option<&'static RuleSet>) {
    let sets = rule_sets();
    let national = sets
        .iter()
        .find(|s| s.jurisdiction == "CN" && s.in_force(date));
    let local = region.and_then(|code| {
        sets.iter().find(|s| {
            s.jurisdiction != "CN" && s.jurisdiction.eq_ignore_ascii_case(code) && s.in_force(date)
        })
    });
    (national, local)
}

/// The rule set that decides the subsidy of `category` bought on `date` in `region`: the national
/// set when it lists the category, else a local set that does, else the national (or local) set in
/// force (which then pays nothing for this category). `None` outside every known period.
pub fn rule_set_for(
    category: Category,
    date: Date,
    region: Option<&str>,
) -> Option<&'static RuleSet> {
    let (national, local) = in_force(date, region);
    national
        .filter(|s| s.covers(category))
        .or(local.filter(|s| s.covers(category)))
        .or(national)
        .or(local)
}

/// min(rate × price, cap) in fen, rounding half up; 0 for a non-positive price.
pub fn capped_amount(price_fen: Fen, rate_bp: i64, cap_fen: Fen) -> Fen {
    if price_fen <= 0 || rate_bp <= 0 || cap_fen <= 0 {
        return 0;
    }
    // i128 so that no price can overflow; the result is at most the cap, so it fits back.
    let raw = (i128::from(price_fen) * i128::from(rate_bp) + 5_000) / 10_000;
    let capped = raw.min(i128::from(cap_fen));
    Fen::try_from(capped).unwrap_or(cap_fen)
}

/// What the rules pay for a unit of `category` and `grade` (1 = best) with final price
/// `price_fen`, bought on `date` by a buyer in province `region` (code, any case; `None` for the
/// national rules only).
pub fn subsidy_for(
    category: Category,
    grade: u8,
    price_fen: Fen,
    date: Date,
    region: Option<&str>,
) -> Subsidy {
    let Some(set) = rule_set_for(category, date, region) else {
        return not_eligible(
            None,
            zh_string!(format!("{date} 不在任何已知的补贴政策期内，无法计算补贴。")),
            en_string!(format!(
                "{date} is outside every known subsidy period; no subsidy is computed."
            )),
        );
    };
    if !set.covers(category) {
        return not_eligible(
            Some(set),
            zh_string!(format!(
                "{}不含{}。",
                set.name_zh,
                category.name(Locale::Zh)
            )),
            en_string!(format!(
                "The {} does not cover {}.",
                set.name_en,
                category.name(Locale::En).to_ascii_lowercase()
            )),
        );
    }
    let rate = set.rates.iter().find(|r| grade >= 1 && grade <= r.grade);
    let Some(rate) = rate else {
        let needed = set.rates.last().map(|r| r.grade).unwrap_or(1);
        let (zh, en) = if needed == 1 {
            (
                format!("{}只补贴1级能效或水效产品。", set.name_zh),
                format!(
                    "The {} only covers grade-1 energy or water efficiency.",
                    set.name_en
                ),
            )
        } else {
            (
                format!("{}只补贴{}级及以上产品。", set.name_zh, needed),
                format!(
                    "The {} only covers grade {} or better.",
                    set.name_en, needed
                ),
            )
        };
        return not_eligible(Some(set), zh_string!(zh), en_string!(en));
    };
    let fen = capped_amount(price_fen, rate.rate_bp, rate.cap_fen);
    let percent = plain_percent(rate.rate_bp);
    let cap_zh = format_money(rate.cap_fen, Locale::Zh);
    let cap_en = format_money(rate.cap_fen, Locale::En);
    let capped = fen == rate.cap_fen;
    Subsidy {
        fen,
        rate_bp: rate.rate_bp,
        cap_fen: rate.cap_fen,
        eligible: true,
        reason_zh: zh_string!(format!(
            "{}：{}级产品按最终售价的{}%补贴，每件最高{}{}。",
            set.name_zh,
            grade,
            percent,
            cap_zh,
            if capped { "（已达上限）" } else { "" }
        )),
        reason_en: en_string!(format!(
            "{}: a grade-{} unit gets {}% of the final price, at most {} per item{}.",
            set.name_en,
            grade,
            percent,
            cap_en,
            if capped { " (cap reached)" } else { "" }
        )),
        rule_set: Some(set),
    }
}

fn not_eligible(rule_set: Option<&'static RuleSet>, zh: String, en: String) -> Subsidy {
    Subsidy {
        fen: 0,
        rate_bp: 0,
        cap_fen: 0,
        eligible: false,
        reason_zh: zh,
        reason_en: en,
        rule_set,
    }
}

/// 1500 → "15", 1250 → "12.5".
fn plain_percent(rate_bp: i64) -> String {
    let whole = rate_bp / 100;
    let rest = rate_bp % 100;
    if rest == 0 {
        whole.to_string()
    } else if rest % 10 == 0 {
        format!("{whole}.{}", rest / 10)
    } else {
        format!("{whole}.{rest:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap_or(Date::MIN)
    }

    #[test]
    fn national_2026_examples() {
        let s = subsidy_for(Category::Fridge, 1, 599_900, day(2026, 5, 1), None);
        assert!(s.eligible);
        assert_eq!(s.fen, 89_985);
        let s = subsidy_for(Category::Fridge, 1, 610_000, day(2026, 5, 1), None);
        assert_eq!(s.fen, 91_500);
        let s = subsidy_for(Category::Fridge, 1, 1_200_000, day(2026, 5, 1), None);
        assert_eq!(s.fen, 150_000);
        let s = subsidy_for(Category::Fridge, 2, 599_900, day(2026, 5, 1), None);
        assert!(!s.eligible);
        assert_eq!(s.fen, 0);
    }

    #[test]
    fn rates_by_period() {
        let s = subsidy_for(Category::Tv, 2, 300_000, day(2025, 3, 1), None);
        assert_eq!(s.fen, 45_000);
        let s = subsidy_for(Category::Tv, 1, 300_000, day(2025, 3, 1), None);
        assert_eq!(s.fen, 60_000);
        let s = subsidy_for(Category::Tv, 1, 300_000, day(2023, 3, 1), None);
        assert!(s.rule_set.is_none());
        assert_eq!(s.fen, 0);
    }

    #[test]
    fn local_rules_fill_national_gaps() {
        let national = subsidy_for(Category::Dishwasher, 1, 500_000, day(2026, 5, 1), None);
        assert!(!national.eligible);
        let shanghai = subsidy_for(
            Category::Dishwasher,
            1,
            500_000,
            day(2026, 5, 1),
            Some("sh"),
        );
        assert!(shanghai.eligible);
        assert_eq!(shanghai.fen, 75_000);
    }

    #[test]
    fn rounding_is_half_up_to_the_fen() {
        assert_eq!(capped_amount(1, 1500, 150_000), 0);
        assert_eq!(capped_amount(3, 1500, 150_000), 0);
        assert_eq!(capped_amount(4, 1500, 150_000), 1);
        assert_eq!(capped_amount(i64::MAX, 1500, 150_000), 150_000);
        assert_eq!(plain_percent(1250), "12.5");
        assert_eq!(plain_percent(1505), "15.05");
    }
}
