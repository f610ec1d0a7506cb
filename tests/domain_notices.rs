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
