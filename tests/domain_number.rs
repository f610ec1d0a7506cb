//! Property and hostile-input tests for number parsing, money formatting and dates.
#![cfg(not(target_arch = "wasm32"))]

use huanxin::domain::date::{Date, DateError};
use huanxin::domain::locale::Locale;
use huanxin::domain::money::{
    format_money, format_money_short, format_number, format_number_trimmed, plain_fen,
    plain_number, yuan_to_fen, Fen,
};
use huanxin::domain::number::{parse_in_range, parse_number, NumberError, Range};
use proptest::prelude::*;

/// The expected outcome of one hostile input.
#[derive(Debug)]
enum Expect {
    Value(f64),
    Fails(NumberError),
}

use Expect::{Fails, Value};
use NumberError::{BadSeparator, Empty, NotANumber, TooLong, UnknownUnit};

#[test]
fn hostile_inputs_table() {
    let long_digits = "1".repeat(10_000);
    let long_spaces = format!("{}5{}", " ".repeat(5_000), "\u{3000}".repeat(5_000));
    let table: Vec<(&str, Expect)> = vec![
        ("", Fails(Empty)),
        (" ", Fails(Empty)),
        ("\u{3000}\u{a0}\t\n", Fails(Empty)),
        ("\u{200b}\u{feff}", Fails(Empty)),
        ("-1", Value(-1.0)),
        ("1e12", Value(1e12)),
        ("NaN", Fails(NotANumber)),
        ("nan", Fails(NotANumber)),
        ("inf", Fails(NotANumber)),
        ("-inf", Fails(NotANumber)),
        ("Infinity", Fails(NotANumber)),
        ("∞", Fails(NotANumber)),
        ("１２３", Value(123.0)),
        ("5,999", Value(5999.0)),
        ("5，999", Value(5999.0)),
        ("0,55", Value(0.55)),
        ("1,234,567.8", Value(1_234_567.8)),
        ("1.2万", Value(12_000.0)),
        ("0.6万", Value(6_000.0)),
        ("1.5千", Value(1_500.0)),
        ("¥5999", Value(5999.0)),
        ("￥5999", Value(5999.0)),
        ("5999元", Value(5999.0)),
        ("5999 元", Value(5999.0)),
        ("5 999", Fails(NotANumber)),
        ("1..2", Fails(NotANumber)),
        ("1.2.3", Fails(NotANumber)),
        ("--5", Fails(NotANumber)),
        ("abc", Fails(NotANumber)),
        ("1e5x", Fails(NotANumber)),
        ("1e400", Fails(NotANumber)),
        ("<script>", Fails(NotANumber)),
        ("5<script>alert(1)</script>", Fails(NotANumber)),
        ("5<b>", Fails(UnknownUnit)),
        ("0x10", Fails(NotANumber)),
        ("٣", Fails(NotANumber)),
        ("१२", Fails(NotANumber)),
        ("三", Fails(NotANumber)),
        ("一万", Fails(NotANumber)),
        (long_digits.as_str(), Fails(TooLong)),
        (long_spaces.as_str(), Value(5.0)),
        ("😀", Fails(NotANumber)),
        ("5😀", Fails(NotANumber)),
        ("\u{200f}5999\u{200e}", Value(5999.0)),
        ("5\u{202e}999", Fails(NotANumber)),
        ("\u{202e}9995", Fails(NotANumber)),
        ("\u{2066}5999\u{2069}", Fails(NotANumber)),
        ("1、5", Fails(NotANumber)),
        ("1,23,456", Fails(BadSeparator)),
        ("1.234,5", Fails(BadSeparator)),
        ("5999美元", Fails(UnknownUnit)),
        ("5999$", Fails(NotANumber)),
        ("－１２．５", Value(-12.5)),
        ("+5", Value(5.0)),
        ("-0", Value(0.0)),
        ("0.55元/度", Value(0.55)),
        ("320 kWh", Value(320.0)),
        ("55%", Value(55.0)),
        ("'; DROP TABLE x; --", Fails(NotANumber)),
        ("\0", Fails(NotANumber)),
        ("5\0", Fails(NotANumber)),
        ("1e", Fails(UnknownUnit)),
        ("5 dollars", Fails(UnknownUnit)),
        ("5999 ドル", Fails(UnknownUnit)),
        ("e5", Fails(NotANumber)),
    ];
    assert!(table.len() >= 40);
    for (input, expected) in &table {
        let got = parse_number(input);
        let shown: String = input.chars().take(30).collect();
        match (expected, got) {
            (Value(want), Ok(value)) => assert_eq!(value, *want, "input {shown:?}"),
            (Fails(want), Err(error)) => assert_eq!(error, *want, "input {shown:?}"),
            (_, got) => panic!("input {shown:?}: expected {expected:?}, got {got:?}"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

    #[test]
    fn parser_never_panics_nor_returns_non_finite(text in any::<String>()) {
        if let Ok(value) = parse_number(&text) {
            prop_assert!(value.is_finite());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn parser_on_number_like_text(text in "[-+ ¥￥0-9０-９.,。，．万千元eE%kKwWhH\u{3000}]{0,24}") {
        if let Ok(value) = parse_number(&text) {
            prop_assert!(value.is_finite());
            prop_assert!(value != 0.0 || value.is_sign_positive());
        }
    }

    #[test]
    fn range_errors_only_for_parsed_values(text in "[-0-9.,万]{0,12}") {
        let range = Range::new(1.0, 200_000.0);
        match parse_in_range(&text, range) {
            Ok(value) => prop_assert!(range.contains(value)),
            Err(NumberError::TooSmall { .. }) => prop_assert!(parse_number(&text).is_ok_and(|v| v < 1.0)),
            Err(NumberError::TooLarge { .. }) => prop_assert!(parse_number(&text).is_ok_and(|v| v > 200_000.0)),
            Err(error) => prop_assert_eq!(parse_number(&text), Err(error)),
        }
    }

    #[test]
    fn formatted_numbers_round_trip(value in -1e12f64..1e12, decimals in 0u8..=4) {
        for locale in Locale::ALL {
            let text = format_number(value, decimals, locale);
            let parsed = parse_number(&text);
            prop_assert!(parsed.is_ok(), "{} did not parse: {:?}", text, parsed);
            let parsed = parsed.unwrap_or(f64::NAN);
            let half_step = 0.5 * 10f64.powi(-i32::from(decimals));
            prop_assert!((parsed - value).abs() <= half_step + value.abs() * 1e-12,
                "{} -> {} from {}", text, parsed, value);
            // Formatting the parsed value again is stable.
            prop_assert_eq!(format_number(parsed, decimals, locale), text);
            let trimmed = format_number_trimmed(value, decimals, locale);
            prop_assert_eq!(parse_number(&trimmed), Ok(parsed));
        }
    }

    #[test]
    fn plain_numbers_round_trip(value in -1e12f64..1e12) {
        let text = plain_number(value);
        let parsed = parse_number(&text);
        prop_assert!(parsed.is_ok_and(|p| (p - value).abs() <= 0.005 + value.abs() * 1e-12),
            "{} from {}", text, value);
        prop_assert!(!text.contains(',') && text != "-0" && !text.ends_with('.'));
    }

    #[test]
    fn money_round_trips(fen in -1_000_000_000_000_000i64..1_000_000_000_000_000) {
        for locale in Locale::ALL {
            let parsed = parse_number(&format_money(fen, locale));
            prop_assert_eq!(parsed.map(yuan_to_fen), Ok(fen));
            let parsed_short = parse_number(&format_money_short(fen, locale));
            prop_assert_eq!(parsed_short.map(yuan_to_fen), Ok(fen));
        }
        prop_assert_eq!(parse_number(&plain_fen(fen)).map(yuan_to_fen), Ok(fen));
    }

    #[test]
    fn money_never_panics(yuan in any::<f64>(), fen in any::<i64>()) {
        let converted: Fen = yuan_to_fen(yuan);
        prop_assert!(converted > i64::MIN);
        for locale in Locale::ALL {
            prop_assert!(format_money(fen, locale).contains('¥'));
            prop_assert!(!format_money_short(converted, locale).is_empty());
            prop_assert!(!format_number(yuan, 2, locale).is_empty());
        }
        prop_assert!(!plain_number(yuan).is_empty());
        prop_assert!(!plain_fen(fen).is_empty());
    }

    #[test]
    fn yuan_to_fen_is_monotonic(a in -1e15f64..1e15, b in -1e15f64..1e15) {
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        prop_assert!(yuan_to_fen(low) <= yuan_to_fen(high));
    }

    #[test]
    fn date_parse_never_panics(text in any::<String>()) {
        if let Ok(date) = Date::parse(&text) {
            prop_assert!(date >= Date::EARLIEST_INPUT && date <= Date::LATEST_INPUT);
        }
    }

    #[test]
    fn date_parse_on_date_like_text(text in "[0-9０-９年月日号/.\\- ]{0,16}") {
        let _ = Date::parse(&text);
    }

    #[test]
    fn days_round_trip(days in Date::MIN.days_since_epoch()..=Date::MAX.days_since_epoch()) {
        let date = Date::from_days(days);
        prop_assert!(date.is_some());
        if let Some(date) = date {
            prop_assert_eq!(date.days_since_epoch(), days);
            if let Some(next) = Date::from_days(days + 1) {
                prop_assert!(next > date);
            }
        }
    }

    #[test]
    fn dates_round_trip(year in 1i32..=9999, month in 1u8..=12, day in 1u8..=31) {
        if let Some(date) = Date::new(year, month, day) {
            prop_assert_eq!(Date::from_days(date.days_since_epoch()), Some(date));
            if date >= Date::EARLIEST_INPUT && date <= Date::LATEST_INPUT {
                prop_assert_eq!(Date::parse(&date.to_string()), Ok(date));
                let chinese = format!("{}年{}月{}日", year, month, day);
                prop_assert_eq!(Date::parse(&chinese), Ok(date));
            } else {
                prop_assert_eq!(Date::parse(&date.to_string()).err(), Some(DateError::OutOfRange));
            }
            for years in [-5, 1, 10, 15] {
                if let Some(later) = date.add_years(years) {
                    prop_assert_eq!(later.year(), year + years);
                    prop_assert_eq!(later.month(), month);
                    prop_assert!(later.day() == day || (month == 2 && day == 29 && later.day() == 28));
                }
            }
        }
    }
}
