//! Money in integer fen, and the number formatting every screen uses.
//!
//! All rounding here is **half away from zero on the shortest decimal form of the `f64`** (the digits
//! Rust prints with `{}`), so `1.005` yuan is 101 fen, as a person reading "1.005" expects, rather than
//! 100 fen from the binary value 1.00499999…. zh-CN and en both group thousands with `,` and use `.`
//! as the decimal point; the `Locale` parameter keeps the call sites ready should that ever differ.

use super::locale::Locale;

/// An amount of money in fen (1 yuan = 100 fen). All money arithmetic uses this integer type.
pub type Fen = i64;

/// Fen in one yuan.
pub const FEN_PER_YUAN: Fen = 100;

/// Yuan amounts at or beyond this magnitude clamp to `±Fen::MAX` (9e16 yuan is 9e18 fen, just under
/// `i64::MAX`); nothing real is that large, and it keeps every conversion below in range.
const CLAMP_YUAN: f64 = 9e16;

/// Converts yuan to fen, rounding half away from zero to the fen. NaN gives 0; ±infinity and
/// absurd magnitudes clamp to `±Fen::MAX` (symmetric, so negating the result never overflows).
pub fn yuan_to_fen(yuan: f64) -> Fen {
    if yuan.is_nan() {
        return 0;
    }
    if yuan >= CLAMP_YUAN {
        return Fen::MAX;
    }
    if yuan <= -CLAMP_YUAN {
        return -Fen::MAX;
    }
    let Some(rounded) = round_half_away(yuan, 2) else {
        return 0;
    };
    let clamp = if rounded.negative {
        -Fen::MAX
    } else {
        Fen::MAX
    };
    // The digits are ASCII and at most 17 long here, so parsing only fails on overflow.
    let Ok(whole) = rounded.int_digits.parse::<Fen>() else {
        return clamp;
    };
    let cents = rounded.frac_digits.parse::<Fen>().unwrap_or(0);
    let Some(magnitude) = whole
        .checked_mul(FEN_PER_YUAN)
        .and_then(|fen| fen.checked_add(cents))
    else {
        return clamp;
    };
    if rounded.negative {
        -magnitude
    } else {
        magnitude
    }
}

/// Converts fen to yuan for display maths (never for money arithmetic).
pub fn fen_to_yuan(fen: Fen) -> f64 {
    fen as f64 / FEN_PER_YUAN as f64
}

/// Formats money as `¥1,234.50` (both locales); negative amounts as `-¥12.30`.
pub fn format_money(fen: Fen, locale: Locale) -> String {
    money_text(fen, locale, false)
}

/// Like [`format_money`] but drops `.00` on whole yuan: `¥1,234`, `¥1,234.50`, `-¥12`.
pub fn format_money_short(fen: Fen, locale: Locale) -> String {
    money_text(fen, locale, true)
}

fn money_text(fen: Fen, locale: Locale, drop_zero_cents: bool) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    // unsigned_abs: i64::MIN has no positive i64 counterpart.
    let magnitude = fen.unsigned_abs();
    let yuan = magnitude / FEN_PER_YUAN.unsigned_abs();
    let cents = magnitude % FEN_PER_YUAN.unsigned_abs();
    let grouped = group_digits(&yuan.to_string(), grouping_separator(locale));
    let symbol = currency_symbol(locale);
    if drop_zero_cents && cents == 0 {
        format!("{sign}{symbol}{grouped}")
    } else {
        format!(
            "{sign}{symbol}{grouped}{}{cents:02}",
            decimal_separator(locale)
        )
    }
}

/// Formats a number with thousands separators and exactly `decimals` decimals, rounded half away
/// from zero: `format_number(1234.5, 1, _)` is `"1,234.5"`, `format_number(2.0, 2, _)` is `"2.00"`
/// (no trailing-zero trimming; see [`format_number_trimmed`]). A result that rounds to zero never
/// carries a minus sign. NaN or infinity give `"—"`, a visible placeholder rather than a fake 0.
pub fn format_number(value: f64, decimals: u8, locale: Locale) -> String {
    let Some(rounded) = round_half_away(value, usize::from(decimals)) else {
        return NOT_A_NUMBER_PLACEHOLDER.to_string();
    };
    grouped(&rounded, locale)
}

/// Like [`format_number`] with at most `max_decimals` decimals, trailing zeros (and a bare point)
/// removed: `format_number_trimmed(200000.0, 2, _)` is `"200,000"`, `(0.5, 2)` is `"0.5"`.
pub fn format_number_trimmed(value: f64, max_decimals: u8, locale: Locale) -> String {
    let Some(mut rounded) = round_half_away(value, usize::from(max_decimals)) else {
        return NOT_A_NUMBER_PLACEHOLDER.to_string();
    };
    rounded.trim_trailing_zeros();
    grouped(&rounded, locale)
}

/// Sign, digits grouped by thousands, and the decimals of a rounded number, for `locale`.
fn grouped(rounded: &RoundedDecimal, locale: Locale) -> String {
    let mut text = String::new();
    if rounded.negative {
        text.push('-');
    }
    text.push_str(&group_digits(
        &rounded.int_digits,
        grouping_separator(locale),
    ));
    if !rounded.frac_digits.is_empty() {
        text.push(decimal_separator(locale));
        text.push_str(&rounded.frac_digits);
    }
    text
}

/// A number for machine-readable attributes (`value=`, `data-*`, deep links): `.` decimal point, no
/// separators, rounded half away from zero to 0.01, trailing zeros trimmed, never `-0`:
/// `"12.5"`, `"899.85"`, `"0"`. NaN and infinity give `"0"` so an attribute is always numeric.
pub fn plain_number(value: f64) -> String {
    let Some(mut rounded) = round_half_away(value, 2) else {
        return "0".to_string();
    };
    rounded.trim_trailing_zeros();
    rounded.plain()
}

/// Fen as a plain yuan amount for machine-readable attributes: `89985` → `"899.85"`,
/// `1250` → `"12.5"`, `89900` → `"899"`, `-30` → `"-0.3"`.
pub fn plain_fen(fen: Fen) -> String {
    let magnitude = fen.unsigned_abs();
    let yuan = magnitude / FEN_PER_YUAN.unsigned_abs();
    let cents = magnitude % FEN_PER_YUAN.unsigned_abs();
    let mut rounded = RoundedDecimal {
        negative: fen < 0,
        int_digits: yuan.to_string(),
        frac_digits: format!("{cents:02}"),
    };
    rounded.trim_trailing_zeros();
    rounded.plain()
}

/// Shown by the formatters for NaN or infinity, which the domain should never produce.
const NOT_A_NUMBER_PLACEHOLDER: &str = "—";

/// The currency symbol; `¥` in both locales (the English UI is for the same Chinese market).
fn currency_symbol(locale: Locale) -> &'static str {
    match locale {
        Locale::Zh | Locale::En => "¥",
    }
}

/// zh-CN and en both group thousands with a comma.
fn grouping_separator(locale: Locale) -> char {
    match locale {
        Locale::Zh | Locale::En => ',',
    }
}

/// zh-CN and en both use a point as the decimal separator.
fn decimal_separator(locale: Locale) -> char {
    match locale {
        Locale::Zh | Locale::En => '.',
    }
}

/// Inserts `separator` between groups of three digits, counted from the right.
fn group_digits(digits: &str, separator: char) -> String {
    let count = digits.chars().count();
    let mut grouped = String::with_capacity(digits.len() + count / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (count - index) % 3 == 0 {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    grouped
}

/// A finite number rounded to a fixed number of decimals, as ASCII digit strings.
#[derive(Debug, PartialEq, Eq)]
struct RoundedDecimal {
    /// True only when the rounded value is non-zero and negative.
    negative: bool,
    /// At least one digit, no leading zeros except a lone `0`.
    int_digits: String,
    /// Exactly the requested number of digits (before any trimming).
    frac_digits: String,
}

impl RoundedDecimal {
    fn trim_trailing_zeros(&mut self) {
        let kept = self.frac_digits.trim_end_matches('0').len();
        self.frac_digits.truncate(kept);
    }

    /// `-12.5` style, with no grouping.
    fn plain(&self) -> String {
        let sign = if self.negative { "-" } else { "" };
        if self.frac_digits.is_empty() {
            format!("{sign}{}", self.int_digits)
        } else {
            format!("{sign}{}.{}", self.int_digits, self.frac_digits)
        }
    }
}

/// Rounds half away from zero to `decimals` places, working on the shortest round-trip decimal
/// digits of `value` (Rust's `{}` for `f64` never uses exponent notation). `None` for NaN/infinity.
fn round_half_away(value: f64, decimals: usize) -> Option<RoundedDecimal> {
    if !value.is_finite() {
        return None;
    }
    let shortest = format!("{}", value.abs());
    let (int_part, frac_part) = shortest.split_once('.').unwrap_or((shortest.as_str(), ""));
    let mut digits: Vec<u8> = int_part
        .bytes()
        .chain(
            frac_part
                .bytes()
                .chain(std::iter::repeat(b'0'))
                .take(decimals),
        )
        .collect();
    // Only the first dropped digit decides: 5 or more is at least half a unit.
    let round_up = frac_part
        .as_bytes()
        .get(decimals)
        .is_some_and(|&digit| digit >= b'5');
    if round_up {
        let mut carry = true;
        for digit in digits.iter_mut().rev() {
            if *digit == b'9' {
                *digit = b'0';
            } else {
                *digit += 1;
                carry = false;
                break;
            }
        }
        if carry {
            digits.insert(0, b'1');
        }
    }
    let (int_bytes, frac_bytes) = digits.split_at(digits.len().saturating_sub(decimals));
    let mut int_digits: String = int_bytes.iter().map(|&b| char::from(b)).collect();
    if int_digits.is_empty() {
        int_digits.push('0');
    }
    let frac_digits: String = frac_bytes.iter().map(|&b| char::from(b)).collect();
    let is_zero = digits.iter().all(|&b| b == b'0');
    Some(RoundedDecimal {
        negative: value < 0.0 && !is_zero,
        int_digits,
        frac_digits,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZH: Locale = Locale::Zh;
    const EN: Locale = Locale::En;

    #[test]
    fn yuan_to_fen_rounds_half_away_from_zero() {
        assert_eq!(yuan_to_fen(899.85), 89_985);
        assert_eq!(yuan_to_fen(1.005), 101);
        assert_eq!(yuan_to_fen(-1.005), -101);
        assert_eq!(yuan_to_fen(0.004), 0);
        assert_eq!(yuan_to_fen(0.005), 1);
        assert_eq!(yuan_to_fen(-0.005), -1);
        assert_eq!(yuan_to_fen(2.675), 268);
        assert_eq!(yuan_to_fen(0.1 + 0.2), 30);
        assert_eq!(yuan_to_fen(5999.0), 599_900);
        assert_eq!(yuan_to_fen(-0.0), 0);
        assert_eq!(yuan_to_fen(1e-300), 0);
        assert_eq!(yuan_to_fen(0.999), 100);
    }

    #[test]
    fn yuan_to_fen_clamps_absurd_values() {
        assert_eq!(yuan_to_fen(f64::NAN), 0);
        assert_eq!(yuan_to_fen(f64::INFINITY), Fen::MAX);
        assert_eq!(yuan_to_fen(f64::NEG_INFINITY), -Fen::MAX);
        assert_eq!(yuan_to_fen(1e300), Fen::MAX);
        assert_eq!(yuan_to_fen(-1e300), -Fen::MAX);
        assert_eq!(yuan_to_fen(f64::MAX), Fen::MAX);
        assert_eq!(yuan_to_fen(8.9e16), 8_900_000_000_000_000_000);
    }

    #[test]
    fn fen_to_yuan_divides() {
        assert_eq!(fen_to_yuan(89_985), 899.85);
        assert_eq!(fen_to_yuan(-30), -0.3);
        assert_eq!(fen_to_yuan(0), 0.0);
    }

    #[test]
    fn formats_money() {
        assert_eq!(format_money(123_450, ZH), "¥1,234.50");
        assert_eq!(format_money(123_450, EN), "¥1,234.50");
        assert_eq!(format_money(-1_230, ZH), "-¥12.30");
        assert_eq!(format_money(0, ZH), "¥0.00");
        assert_eq!(format_money(5, EN), "¥0.05");
        assert_eq!(format_money(-5, EN), "-¥0.05");
        assert_eq!(format_money(100_000_000, ZH), "¥1,000,000.00");
        assert_eq!(format_money(Fen::MIN, ZH), "-¥92,233,720,368,547,758.08");
        assert_eq!(format_money(Fen::MAX, ZH), "¥92,233,720,368,547,758.07");
    }

    #[test]
    fn formats_short_money() {
        assert_eq!(format_money_short(123_400, ZH), "¥1,234");
        assert_eq!(format_money_short(123_450, ZH), "¥1,234.50");
        assert_eq!(format_money_short(-1_200, EN), "-¥12");
        assert_eq!(format_money_short(0, EN), "¥0");
    }

    #[test]
    fn formats_numbers_with_grouping() {
        assert_eq!(format_number(1234.5, 1, ZH), "1,234.5");
        assert_eq!(format_number(1234.5, 2, EN), "1,234.50");
        assert_eq!(format_number(1234.5, 0, EN), "1,235");
        assert_eq!(format_number(999.995, 2, EN), "1,000.00");
        assert_eq!(format_number(-1234567.891, 2, ZH), "-1,234,567.89");
        assert_eq!(format_number(0.0, 0, ZH), "0");
        assert_eq!(format_number(-0.001, 2, ZH), "0.00");
        assert_eq!(format_number(-0.0, 1, ZH), "0.0");
        assert_eq!(format_number(100.0, 0, ZH), "100");
        assert_eq!(format_number(100000.0, 0, ZH), "100,000");
        assert_eq!(format_number(0.125, 2, ZH), "0.13");
        assert_eq!(format_number(f64::NAN, 2, ZH), "—");
        assert_eq!(format_number(f64::INFINITY, 2, ZH), "—");
    }

    #[test]
    fn formats_huge_and_tiny_numbers_without_panicking() {
        let huge = format_number(1e300, 2, EN);
        assert!(huge.starts_with("1,000,"));
        assert!(huge.ends_with(".00"));
        assert_eq!(format_number(f64::MIN_POSITIVE, 3, EN), "0.000");
        assert_eq!(format_number(5e-324, 255, EN).len(), 257);
        assert_eq!(
            format!("{}", 1e300).len(),
            301,
            "Display must not use exponents"
        );
    }

    #[test]
    fn formats_trimmed_numbers() {
        assert_eq!(format_number_trimmed(200_000.0, 2, ZH), "200,000");
        assert_eq!(format_number_trimmed(0.5, 2, ZH), "0.5");
        assert_eq!(format_number_trimmed(0.555, 2, ZH), "0.56");
        assert_eq!(format_number_trimmed(-0.001, 2, ZH), "0");
        assert_eq!(format_number_trimmed(1.0, 0, ZH), "1");
    }

    #[test]
    fn plain_numbers_for_attributes() {
        assert_eq!(plain_number(12.5), "12.5");
        assert_eq!(plain_number(899.85), "899.85");
        assert_eq!(plain_number(0.0), "0");
        assert_eq!(plain_number(-0.0), "0");
        assert_eq!(plain_number(-0.004), "0");
        assert_eq!(plain_number(12.50), "12.5");
        assert_eq!(plain_number(1234567.0), "1234567");
        assert_eq!(plain_number(-3.999), "-4");
        assert_eq!(plain_number(0.005), "0.01");
        assert_eq!(plain_number(f64::NAN), "0");
        assert_eq!(plain_number(f64::NEG_INFINITY), "0");
    }

    #[test]
    fn plain_fen_for_attributes() {
        assert_eq!(plain_fen(89_985), "899.85");
        assert_eq!(plain_fen(1_250), "12.5");
        assert_eq!(plain_fen(89_900), "899");
        assert_eq!(plain_fen(-30), "-0.3");
        assert_eq!(plain_fen(0), "0");
        assert_eq!(plain_fen(Fen::MIN), "-92233720368547758.08");
    }

    #[test]
    fn groups_digits() {
        assert_eq!(group_digits("1", ','), "1");
        assert_eq!(group_digits("123", ','), "123");
        assert_eq!(group_digits("1234", ','), "1,234");
        assert_eq!(group_digits("123456", ','), "123,456");
        assert_eq!(group_digits("1234567", ','), "1,234,567");
        assert_eq!(group_digits("", ','), "");
    }
}
