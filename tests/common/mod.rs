//! Helpers shared by the test crates.
#![allow(dead_code)]

use huanxin::domain::date::Date;
use huanxin::domain::evaluate::Form;
use huanxin::domain::locale::Locale;
use huanxin::ui::app::AppProps;
use huanxin::ui::state::Start;

/// A fixed "today" so results do not depend on the day the tests run.
pub fn today() -> Date {
    Date::new(2026, 11, 29).unwrap()
}

/// App props as `main.rs` would build them, for a browser language and a query string.
pub fn props(locale: Locale, query: &str) -> AppProps {
    AppProps {
        start: Start {
            browser_locale: locale,
            query: query.to_string(),
            stored: None,
            today: today(),
        },
        page_base: Default::default(),
    }
}

/// The golden-example form: bought 2026-05-01 (2026 national rules), no province, typed prices
/// ¥0.50/kWh, ¥4/m³ water, ¥3/m³ gas, price ¥5999, trade-in ¥100; `pairs` set on top.
pub fn golden_form(category: &str, pairs: &[(&str, &str)]) -> Form {
    let mut form: Form = [
        ("cat", category),
        ("date", "2026-05-01"),
        ("tariff", "0.5"),
        ("water_price", "4"),
        ("gas_price", "3"),
        ("price", "5999"),
        ("trade_in", "100"),
    ]
    .into_iter()
    .collect();
    for (k, v) in pairs {
        form.set(*k, *v);
    }
    form
}
