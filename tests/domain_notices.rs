//! Notices a Chinese buyer reads are Chinese: maintainers' English notes stay in the English text.
#![cfg(not(target_arch = "wasm32"))]

use huanxin::domain::category::Category;
use huanxin::domain::date::Date;
use huanxin::domain::evaluate::{evaluate, Form};

#[test]
fn chinese_notices_carry_no_english_sentences() {
    let today = Date::new(2026, 11, 29).unwrap();
    for c in Category::ALL {
        let mut form = Form::new();
        form.set("cat", c.slug());
        form.set("old_year", "2012");
        let eval = evaluate(&form, today);
        for n in &eval.notices {
            let words =
                n.zh.split(|ch: char| !ch.is_ascii_alphabetic())
                    .filter(|w| w.len() >= 4 && !w.chars().all(|ch| ch.is_ascii_uppercase()))
                    .count();
            assert!(
                words <= 1,
                "{}: English in the Chinese notice {:?}",
                c.slug(),
                n.zh
            );
        }
    }
}

/// And the other way: an English notice names an old standard in English ("GB 12021.2-2008 or
/// earlier"), not in the Chinese of the data ("GB 12021.2-2008 及更早"). Old units from several
/// years, so every edition's name is reached.
#[test]
fn english_notices_carry_no_chinese() {
    let today = Date::new(2026, 11, 29).unwrap();
    let mut checked = 0;
    for c in Category::ALL {
        for year in ["1998", "2005", "2009", "2012", "2016", "2020", "2024"] {
            let mut form = Form::new();
            form.set("cat", c.slug());
            form.set("old_year", year);
            form.set("old_grade", "7");
            let eval = evaluate(&form, today);
            for n in &eval.notices {
                checked += 1;
                assert!(
                    !n.en
                        .chars()
                        .any(|ch| ('\u{3000}'..='\u{9fff}').contains(&ch)
                            || ('\u{ff00}'..='\u{ffef}').contains(&ch)),
                    "{} {year}: Chinese in the English notice {:?}",
                    c.slug(),
                    n.en
                );
            }
        }
    }
    assert!(checked > 100, "only {checked} notices checked");
}
