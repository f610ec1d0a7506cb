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
/// digits of `value`: what `{}` prints, so 1.005 rounds to 1.01 although the double just below
/// 1.005 is stored. `None` for NaN/infinity. Beyond 18 decimals the digits are zeros.
///
/// Integer arithmetic on the double's exact binary value instead of `format!("{}")`, whose float
/// printing costs about 20 KB of wasm; a test checks both give the same digits below 2^53 (past
/// that our own reader, which decides what "reads back" means, may keep a digit more).
fn round_half_away(value: f64, decimals: usize) -> Option<RoundedDecimal> {
    if !value.is_finite() {
        return None;
    }
    let magnitude = value.abs();
    let places = decimals.min(18);
    // `magnitude·10^places`, rounded, as decimal digits.
    let mut digits = if magnitude * (POW10[places] as f64) < EXACT_LIMIT {
        round_binary(magnitude, places, true).to_string()
    } else {
        large_digits(magnitude, places)
    };
    let zero = digits.bytes().all(|b| b == b'0');
    if digits.len() <= places {
        digits.insert_str(0, &"0".repeat(places + 1 - digits.len()));
    }
    let (int_digits, frac) = digits.split_at(digits.len() - places);
    let mut frac_digits = frac.to_string();
    frac_digits.push_str(&"0".repeat(decimals - places));
    Some(RoundedDecimal {
        negative: value < 0.0 && !zero,
        int_digits: int_digits.to_string(),
        frac_digits,
    })
}

/// Below this, `magnitude·10^places` pins down the shortest digits exactly: the double's ulp is
/// under a quarter of the last place, so no shorter text reads back as the same double.
const EXACT_LIMIT: f64 = (1u64 << 50) as f64;

const POW10: [u64; 19] = {
    let mut table = [1u64; 19];
    let mut i = 1;
    while i < 19 {
        table[i] = table[i - 1] * 10;
        i += 1;
    }
    table
};

/// The double as `mantissa · 2^exponent`, exactly.
fn binary_parts(magnitude: f64) -> (u64, i32) {
    let bits = magnitude.to_bits();
    let exponent_bits = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    if exponent_bits == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), exponent_bits - 1075)
    }
}

/// `magnitude` (finite, ≥ 0, below 2^52 so it has a binary fraction) times 10^places, rounded:
/// with `shortest`, half away from zero as its shortest decimal digits would be when those have
/// more than `places` decimals (always so below [`EXACT_LIMIT`]); else to the nearest.
fn round_binary(magnitude: f64, places: usize, shortest: bool) -> u128 {
    let (mantissa, exponent) = binary_parts(magnitude);
    // magnitude·10^places = scaled / 2^shift, shift ≥ 1.
    let shift = exponent.unsigned_abs();
    let scaled = u128::from(mantissa) * u128::from(POW10[places]);
    if shift >= 128 {
        return 0;
    }
    let whole = scaled >> shift;
    let rest = scaled & ((1u128 << shift) - 1);
    let half = 1u128 << (shift - 1);
    let round_up = if rest >= half {
        // At or above the half-way point T = whole + ½ exactly: the shortest digits are ≥ T too.
        true
    } else if !shortest {
        false
    } else {
        // Just below T, the shortest digits still read T (…5) when T parses back to this double
        // (within half an ulp; a tie goes to the even mantissa) and T is closer to it than the
        // rival with as many digits, T − 0.1 of the last place. In units of 10^-places·2^-(shift+1):
        let below = (half - rest) * 2; // T − value
        let half_ulp = u128::from(POW10[places]);
        let parses_back = below < half_ulp || (below == half_ulp && mantissa % 2 == 0);
        // Closer than the rival: below < 0.05 of the last place = 2^shift / 10.
        parses_back && below.checked_mul(10).is_some_and(|b| b < (1u128 << shift))
    };
    whole + u128::from(round_up)
}

/// `magnitude·10^places` rounded, for large values (past [`EXACT_LIMIT`]), where a text shorter
/// than the exact rounding may read back as the same double: the fewest decimals (for an integer,
/// the fewest significant digits) that our own reader takes back to this double, as `{}` would
/// print it; else the exact rounding. Past 2^127 only 15 significant digits are kept.
fn large_digits(magnitude: f64, places: usize) -> String {
    let reads_back = |digits: &str, decimals: usize| {
        let (int, frac) = digits.split_at(digits.len().saturating_sub(decimals));
        let int = if int.is_empty() { "0" } else { int };
        let frac = format!("{}{frac}", "0".repeat(decimals - frac.len()));
        super::number::parse_decimal(&format!("{int}.{frac}")) == Some(magnitude)
    };
    let (mantissa, exponent) = binary_parts(magnitude);
    if exponent < 0 {
        // The nearest text with 0, 1, … `places` decimals; the first to read back is the shortest.
        for decimals in 0..=places {
            let digits = round_binary(magnitude, decimals, false).to_string();
            if reads_back(&digits, decimals) {
                return digits + &"0".repeat(places - decimals);
            }
        }
        // The shortest digits have more decimals than `places`.
        return round_binary(magnitude, places, true).to_string();
    }
    if exponent > 74 {
        let (units, zeros) = leading_units(magnitude);
        return units.to_string() + &"0".repeat(zeros + places);
    }
    // An integer below 2^128: its fewest significant digits that read back, then zeros.
    let exact = u128::from(mantissa) << exponent;
    let digits = exact.to_string();
    for kept in 1..digits.len().min(17) {
        let unit = 10u128.pow((digits.len() - kept) as u32);
        let rounded = (exact / unit + u128::from(exact % unit >= unit - exact % unit)) * unit;
        let candidate = rounded.to_string();
        if reads_back(&candidate, 0) {
            return candidate + &"0".repeat(places);
        }
    }
    digits + &"0".repeat(places)
}

/// Past 2^127: the first 15 significant digits and how many zeros follow them (such a value only
/// ever shows up in an error or a "too large" notice).
fn leading_units(magnitude: f64) -> (u64, usize) {
    let mut zeros = 0;
    let mut scaled = magnitude;
    while scaled >= 1e15 {
        scaled /= 10.0;
        zeros += 1;
    }
    // `scaled` carries at most a few ulps of error, far below the rounding to units.
    let units = (scaled + 0.5).floor() as u64;
    (units, zeros)
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

    /// The rule `round_half_away` implements, the plain way: Rust's shortest digits, then the
    /// first dropped digit decides (the wasm cannot afford `{}` for `f64`; tests can).
    fn oracle(value: f64, decimals: usize) -> String {
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
        if frac_part
            .as_bytes()
            .get(decimals)
            .is_some_and(|&d| d >= b'5')
        {
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
        let (int_bytes, frac_bytes) = digits.split_at(digits.len() - decimals);
        let int_text = std::str::from_utf8(int_bytes)
            .unwrap()
            .trim_start_matches('0');
        let int_text = if int_text.is_empty() { "0" } else { int_text };
        let negative = value < 0.0 && digits.iter().any(|&d| d != b'0');
        let sign = if negative { "-" } else { "" };
        format!(
            "{sign}{int_text}.{}",
            std::str::from_utf8(frac_bytes).unwrap()
        )
    }

    fn ours(value: f64, decimals: usize) -> String {
        let r = round_half_away(value, decimals).unwrap();
        let sign = if r.negative { "-" } else { "" };
        format!("{sign}{}.{}", r.int_digits, r.frac_digits)
    }

    fn agrees(value: f64, decimals: usize) {
        assert_eq!(
            ours(value, decimals),
            oracle(value, decimals),
            "{value:e} to {decimals}"
        );
    }

    #[test]
    fn rounding_matches_the_shortest_digits_rule() {
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut checked = 0;
        for _ in 0..300_000 {
            let decimals = (next() % 5) as usize;
            let r = next();
            let value = match r % 4 {
                // Any magnitude from 1e-12 to 1e13, any digits.
                0 => {
                    10f64.powf((next() % 25_000) as f64 / 1000.0 - 12.0)
                        * (1.0 + (next() % 1000) as f64 / 1000.0)
                }
                // Ties in the shortest digits: k·10^-(decimals+1) ending in 5, and the doubles next to them.
                1 | 2 => {
                    let k = (next() % 100_000_000) * 10 + 5;
                    let tie = k as f64 / 10f64.powi(decimals as i32 + 1);
                    f64::from_bits((tie.to_bits() as i64 + (next() % 3) as i64 - 1) as u64)
                }
                // Prices and figures with two decimals, as typed.
                _ => (next() % 100_000_000) as f64 / 100.0,
            };
            let value = if next() % 2 == 0 { value } else { -value };
            if value.abs() * 10f64.powi(decimals as i32) >= (1u64 << 50) as f64 {
                continue;
            }
            agrees(value, decimals);
            checked += 1;
        }
        assert!(checked > 250_000, "{checked}");
        for (value, decimals, text) in [
            (1.005, 2, "1.01"),
            (0.145, 2, "0.15"),
            (2.675, 2, "2.68"),
            (5e-324, 3, "0.000"),
            (0.5, 0, "1."),
            (-0.5, 0, "-1."),
            (0.49999999999999994, 0, "0."),
        ] {
            assert_eq!(ours(value, decimals), text, "{value}");
            assert_eq!(oracle(value, decimals), text, "{value}");
        }
        // Large values (the last place finer than the double): the same digits, checked by reading
        // candidates back with our own reader.
        let mut large = 0;
        for _ in 0..100_000 {
            let decimals = (next() % 5) as usize;
            let value = 10f64.powf(10.0 + (next() % 7_000) as f64 / 1000.0)
                * (1.0 + (next() % 997) as f64 / 1000.0);
            // Past 2^53 our reader is only within a few ulps, so a digit may differ there.
            if value * 10f64.powi(decimals as i32) < (1u64 << 50) as f64
                || value >= (1u64 << 53) as f64
            {
                continue;
            }
            agrees(value, decimals);
            large += 1;
        }
        assert!(large > 40_000, "{large}");
        // The double just below the one nearest 1.005 reads 1.0049999999999997.
        let below = f64::from_bits(1.005f64.to_bits() - 1);
        assert_eq!(
            (ours(below, 2), oracle(below, 2)),
            ("1.00".into(), "1.00".into())
        );
    }

    #[test]
    fn formats_huge_and_tiny_numbers_without_panicking() {
        let huge = format_number(1e300, 2, EN);
        assert!(huge.starts_with("1,000,"));
        assert!(huge.ends_with(".00"));
        assert_eq!(format_number(f64::MIN_POSITIVE, 3, EN), "0.000");
        assert_eq!(format_number(5e-324, 255, EN).len(), 257);
        // Scaled past the double's range, and the largest doubles.
        assert!(format_number(1e300, 18, EN).starts_with("1,000,"));
        assert!(format_number(f64::MAX, 4, EN).starts_with("179,769,313,486,23"));
        assert_eq!(plain_number(-f64::MAX).len(), 310);
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
