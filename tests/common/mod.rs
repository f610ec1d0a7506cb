//! Helpers shared by the test crates.
#![allow(dead_code)]

use huanxin::domain::date::Date;
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
    }
}
