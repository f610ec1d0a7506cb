//! Parses the numbers a Chinese buyer types: full-width digits, `。`/`．` points, thousands commas,
//! `万`/`千`, and a unit or currency sign around the number.
//!
//! # What is accepted
//!
//! Applied in this order:
//!
//! 1. Leading and trailing whitespace (including U+3000 and NBSP) and invisible characters
//!    (zero-width spaces, BOM, LRM/RLM) are ignored; bidi overrides and isolates are rejected.
//!    Empty after that: [`NumberError::Empty`]; more than [`MAX_INPUT_CHARS`] characters:
//!    [`NumberError::TooLong`].
//! 2. Full-width ASCII forms (`５９９９`, `－`, `．`, `，`, `％`, `ｋＷｈ`) become ASCII; `。` is a point and
//!    `−` (U+2212) a minus. Units match case-insensitively.
//! 3. At most one sign, `+` or `-`, either before or after a leading currency unit
//!    (`-¥12.30` and `¥-12.30` both parse). Negative numbers parse; range checks reject them.
//! 4. At most one unit from [`ACCEPTED_UNITS`] before the number (currency only) and one after it,
//!    the longest match winning (`千瓦时` before `千`). Units are stripped, **not converted**: the
//!    field says which unit it wants, so `1.5千瓦` in a watt field is 1.5.
//! 5. Then an optional multiplier `万` (×10,000) or `千` (×1,000): `1.2万` is 12,000.
//! 6. The number itself: ASCII digits with at most one decimal point, optionally followed by an
//!    exponent `e`/`E` with an optional sign and one or two digits (`1e12`; no commas then).
//!    Spaces inside the number (`5 999`), `、`, other scripts' digits (`٣`), `NaN`, `inf`, `∞`
//!    and hex are rejected.
//!
//! # Commas
//!
//! A comma (`,` or `，`) is either a thousands separator or a decimal comma:
//! - With a decimal point present, or with two or more commas, every comma must be a thousands
//!   separator in proper groups: a first group of 1–3 digits not starting with 0, then groups of
//!   exactly three (`1,234,567.8`). Anything else is [`NumberError::BadSeparator`].
//! - A single comma and no point is a thousands separator when exactly three digits follow it and
//!   1–3 digits not starting with 0 precede it (`5,999` = 5999). With 4+ digits before it and three
//!   after (`1234,567`) it is ambiguous and rejected. Otherwise it is a decimal comma
//!   (`0,55` = 0.55, `0,555` = 0.555, `1,5` = 1.5).

use std::fmt;

use super::locale::Locale;
use super::money::format_number_trimmed;

/// Longest input accepted, in characters, after trimming surrounding whitespace.
pub const MAX_INPUT_CHARS: usize = 40;

/// Where a unit may stand relative to the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitPlace {
    /// Only before the number (`¥5999`).
    Before,
    /// Only after the number (`5999元`).
    After,
    /// On either side (`RMB 5999`, `5999 RMB`).
    Either,
}

/// The one list of units and currency signs the parser strips, lower-case (matching ignores ASCII
/// case and full-width forms). Longer entries win over shorter ones that end the same way.
pub const ACCEPTED_UNITS: &[(&str, UnitPlace)] = &[
    // Money and prices.
    ("¥", UnitPlace::Before),
    ("￥", UnitPlace::Before),
    ("rmb", UnitPlace::Either),
    ("cny", UnitPlace::Either),
    ("人民币", UnitPlace::Either),
    ("元", UnitPlace::After),
    ("块", UnitPlace::After),
    ("块钱", UnitPlace::After),
    ("元/年", UnitPlace::After),
    ("元/月", UnitPlace::After),
    ("元/度", UnitPlace::After),
    ("元/kwh", UnitPlace::After),
    ("元/千瓦时", UnitPlace::After),
    ("元/吨", UnitPlace::After),
    ("元/方", UnitPlace::After),
    ("元/m³", UnitPlace::After),
    ("元/m3", UnitPlace::After),
    ("元/立方米", UnitPlace::After),
    // Electricity and power.
    ("度", UnitPlace::After),
    ("kwh", UnitPlace::After),
    ("kw·h", UnitPlace::After),
    ("kw.h", UnitPlace::After),
    ("千瓦时", UnitPlace::After),
    ("度/年", UnitPlace::After),
    ("度/天", UnitPlace::After),
    ("kwh/年", UnitPlace::After),
    ("kwh/a", UnitPlace::After),
    ("kwh/天", UnitPlace::After),
    ("kwh/d", UnitPlace::After),
    ("kwh/24h", UnitPlace::After),
    ("w", UnitPlace::After),
    ("瓦", UnitPlace::After),
    ("kw", UnitPlace::After),
    ("千瓦", UnitPlace::After),
    // Water, gas, mass, volume.
    ("l", UnitPlace::After),
    ("升", UnitPlace::After),
    ("l/次", UnitPlace::After),
    ("升/次", UnitPlace::After),
    ("m³", UnitPlace::After),
    ("m3", UnitPlace::After),
    ("立方米", UnitPlace::After),
    ("立方", UnitPlace::After),
    ("方", UnitPlace::After),
    ("m³/年", UnitPlace::After),
    ("立方米/年", UnitPlace::After),
    ("吨", UnitPlace::After),
    ("吨/年", UnitPlace::After),
    ("t", UnitPlace::After),
    ("kg", UnitPlace::After),
    ("公斤", UnitPlace::After),
    ("千克", UnitPlace::After),
    // Shares, time, counts, temperature.
    ("%", UnitPlace::After),
    ("年", UnitPlace::After),
    ("个月", UnitPlace::After),
    ("月", UnitPlace::After),
    ("天", UnitPlace::After),
    ("天/年", UnitPlace::After),
    ("小时", UnitPlace::After),
    ("个小时", UnitPlace::After),
    ("小时/天", UnitPlace::After),
    ("h", UnitPlace::After),
    ("h/天", UnitPlace::After),
    ("h/d", UnitPlace::After),
    ("分钟", UnitPlace::After),
    ("min", UnitPlace::After),
    ("次", UnitPlace::After),
    ("次/天", UnitPlace::After),
    ("次/周", UnitPlace::After),
    ("人", UnitPlace::After),
    ("口人", UnitPlace::After),
    ("台", UnitPlace::After),
    ("℃", UnitPlace::After),
    ("°c", UnitPlace::After),
];

/// Why a text is not an acceptable number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumberError {
    /// Nothing but whitespace.
    Empty,
    /// More than [`MAX_INPUT_CHARS`] characters.
    TooLong,
    /// Not a number at all (`abc`, `1.2.3`, `--5`, `NaN`, `5 999`).
    NotANumber,
    /// A comma that is neither a proper thousands separator nor a decimal comma (`1,23,456`).
    BadSeparator,
    /// A number followed by words that are not in [`ACCEPTED_UNITS`] (`5999美元`, `5 dollars`).
    UnknownUnit,
    /// Below the allowed minimum.
    TooSmall {
        /// The smallest allowed value.
        min: f64,
    },
    /// Above the allowed maximum.
    TooLarge {
        /// The largest allowed value.
        max: f64,
    },
}

impl NumberError {
    /// A stable snake_case code for tests, `data-*` attributes and analytics-free logging.
    pub fn code(&self) -> &'static str {
        match self {
            NumberError::Empty => "empty",
            NumberError::TooLong => "too_long",
            NumberError::NotANumber => "not_a_number",
            NumberError::BadSeparator => "bad_separator",
            NumberError::UnknownUnit => "unknown_unit",
            NumberError::TooSmall { .. } => "too_small",
            NumberError::TooLarge { .. } => "too_large",
        }
    }

    /// What is wrong and what is allowed, in the user's language.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            NumberError::Empty => locale
                .pick(
                    "请输入数字，例如 5999 或 1.2万",
                    "Enter a number, e.g. 5999 or 1.2万",
                )
                .to_string(),
            NumberError::TooLong => match locale.shown() {
                Locale::Zh => format!("输入太长，最多 {MAX_INPUT_CHARS} 个字符"),
                Locale::En => format!("Too long: at most {MAX_INPUT_CHARS} characters"),
            },
            NumberError::NotANumber => locale
                .pick(
                    "不是有效的数字，请输入如 5999、0.55 或 1.2万",
                    "Not a valid number; type e.g. 5999, 0.55 or 1.2万",
                )
                .to_string(),
            NumberError::BadSeparator => locale
                .pick(
                    "逗号位置不对：千位分隔每三位一个（5,999），小数请用小数点（0.55）",
                    "Misplaced comma: group thousands in threes (5,999) or use a point for decimals (0.55)",
                )
                .to_string(),
            NumberError::UnknownUnit => locale
                .pick(
                    "无法识别的单位，可只输入数字，或带 元、度、kWh、W、L、m³、kg、%、年 等单位",
                    "Unknown unit: type just the number, or use a unit such as 元, kWh, W, L, m³, kg, % or 年",
                )
                .to_string(),
            NumberError::TooSmall { min } => {
                let min = format_number_trimmed(*min, 2, locale);
                match locale.shown() {
                    Locale::Zh => format!("不能小于 {min}"),
                    Locale::En => format!("Must be at least {min}"),
                }
            }
            NumberError::TooLarge { max } => {
                let max = format_number_trimmed(*max, 2, locale);
                match locale.shown() {
                    Locale::Zh => format!("不能大于 {max}"),
                    Locale::En => format!("Must be at most {max}"),
                }
            }
        }
    }
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for NumberError {}

/// An inclusive range of allowed values for one input field.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    /// The smallest allowed value.
    pub min: f64,
    /// The largest allowed value.
    pub max: f64,
}

impl Range {
    /// A range from `min` to `max`, both inclusive.
    pub const fn new(min: f64, max: f64) -> Range {
        Range { min, max }
    }

    /// Whether `value` lies within the range (false for NaN).
    pub fn contains(&self, value: f64) -> bool {
        value >= self.min && value <= self.max
    }
}

/// `value` limited to `low..=high` (NaN stays NaN), like `f64::clamp` but without its
/// `low <= high` assertion, whose message formats floats with `{:?}` and so pulls Rust's float
/// printing (about 20 KB) into the wasm.
pub fn clamp(value: f64, low: f64, high: f64) -> f64 {
    if value < low {
        low
    } else if value > high {
        high
    } else {
        value
    }
}

/// Parses what a buyer typed into a number; see the module documentation for the accepted forms.
/// Never returns NaN, infinity or `-0.0`.
pub fn parse_number(text: &str) -> Result<f64, NumberError> {
    let trimmed = trim_input(text);
    if trimmed.is_empty() {
        return Err(NumberError::Empty);
    }
    if trimmed.chars().nth(MAX_INPUT_CHARS).is_some() {
        return Err(NumberError::TooLong);
    }
    let normalised = normalise_width(trimmed).to_ascii_lowercase();
    let mut rest = normalised.as_str();

    let mut sign = take_sign(rest);
    if let Some((_, after)) = sign {
        rest = trim_input(after);
    }
    if let Some(after) = strip_unit(rest, UnitPlace::Before) {
        rest = trim_input(after);
    }
    if sign.is_none() {
        sign = take_sign(rest);
        if let Some((_, after)) = sign {
            rest = trim_input(after);
        }
    }
    let negative = sign.is_some_and(|(negative, _)| negative);

    if let Some(before) = strip_unit(rest, UnitPlace::After) {
        rest = trim_input(before);
    }
    let mut multiplier = 1.0;
    if let Some(before) = rest.strip_suffix('万') {
        multiplier = 10_000.0;
        rest = trim_input(before);
    } else if let Some(before) = rest.strip_suffix('千') {
        multiplier = 1_000.0;
        rest = trim_input(before);
    }

    let magnitude = parse_plain_number(rest)? * multiplier;
    if !magnitude.is_finite() {
        // Unreachable with ≤40 characters and two-digit exponents; kept so NaN/inf can never leak.
        return Err(NumberError::NotANumber);
    }
    if magnitude == 0.0 {
        return Ok(0.0);
    }
    Ok(if negative { -magnitude } else { magnitude })
}

/// Parses like [`parse_number`], then checks the value lies in `range` (inclusive).
pub fn parse_in_range(text: &str, range: Range) -> Result<f64, NumberError> {
    let value = parse_number(text)?;
    if value < range.min {
        Err(NumberError::TooSmall { min: range.min })
    } else if value > range.max {
        Err(NumberError::TooLarge { max: range.max })
    } else {
        Ok(value)
    }
}

/// Whitespace and invisible characters that pasted text carries at its edges: zero-width spaces
/// and joiners, LRM/RLM, word joiner, BOM. Bidi embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069) are *not* ignorable: an override can make `9995` display as `5999`, so such
/// input is rejected rather than parsed as something other than what the user sees.
pub(crate) fn is_ignorable(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
        )
}

/// Trims ignorable characters from both ends.
pub(crate) fn trim_input(text: &str) -> &str {
    text.trim_matches(is_ignorable)
}

/// Maps full-width ASCII forms (U+FF01–U+FF5E) to ASCII, `。` to `.` and `−`/`﹣` to `-`.
pub(crate) fn normalise_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            '。' => '.',
            '\u{2212}' | '\u{FE63}' => '-',
            _ => c,
        })
        .collect()
}

/// Splits a leading `+` or `-` off; `Some((is_negative, rest))`.
fn take_sign(text: &str) -> Option<(bool, &str)> {
    if let Some(rest) = text.strip_prefix('-') {
        Some((true, rest))
    } else {
        text.strip_prefix('+').map(|rest| (false, rest))
    }
}

/// Strips the longest unit allowed at `place` (`Before`: a prefix, `After`: a suffix).
fn strip_unit(text: &str, place: UnitPlace) -> Option<&str> {
    ACCEPTED_UNITS
        .iter()
        .filter(|(_, allowed)| *allowed == place || *allowed == UnitPlace::Either)
        .filter_map(|(unit, _)| match place {
            UnitPlace::Before => text.strip_prefix(unit),
            _ => text.strip_suffix(unit),
        })
        // The longest unit leaves the shortest remainder.
        .min_by_key(|rest| rest.len())
}

/// Parses the bare number: digits, separators and an optional exponent (already lower-case ASCII).
fn parse_plain_number(text: &str) -> Result<f64, NumberError> {
    let run_end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(text.len());
    let (mantissa, tail) = text.split_at(run_end);
    if !mantissa.bytes().any(|b| b.is_ascii_digit()) {
        return Err(NumberError::NotANumber);
    }
    let exponent = if tail.is_empty() {
        ""
    } else if let Some(exponent) = valid_exponent(tail).filter(|_| !mantissa.contains(',')) {
        exponent
    } else if looks_like_unit(tail) {
        return Err(NumberError::UnknownUnit);
    } else {
        return Err(NumberError::NotANumber);
    };
    let (int_digits, frac_digits) = split_mantissa(mantissa)?;
    let int_digits = if int_digits.is_empty() {
        "0"
    } else {
        int_digits.as_str()
    };
    let frac_digits = if frac_digits.is_empty() {
        "0"
    } else {
        frac_digits
    };
    let canonical = format!("{int_digits}.{frac_digits}{exponent}");
    parse_decimal(&canonical)
        .filter(|value| value.is_finite())
        .ok_or(NumberError::NotANumber)
}

/// Powers of ten that an `f64` holds exactly (10^0 … 10^22).
const EXACT_POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Reads plain ASCII decimal text, `-?digits[.digits][(e|E)[+-]digits]`, as an `f64`; `None` for
/// anything else. Our own instead of `str::parse::<f64>`, whose correctly-rounding tables cost the
/// wasm 18 KB. Exact (correctly rounded) whenever the digits without leading zeros fit in 2^53 and
/// the power of ten is at most 22 — every number a buyer types; beyond that within a few units in
/// the last place, and out of range gives an infinity or zero as `str::parse` does.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let (negative, rest) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        _ => (false, text),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if int_part.is_empty() || !all_digits(int_part) || !all_digits(frac_part) {
        return None;
    }
    if mantissa.ends_with('.') {
        return None;
    }
    let mut power: i64 = 0;
    if let Some(e) = exponent {
        let (sign, digits) = match e.as_bytes().first() {
            Some(b'-') => (-1, &e[1..]),
            Some(b'+') => (1, &e[1..]),
            _ => (1, e),
        };
        if digits.is_empty() || !all_digits(digits) {
            return None;
        }
        // Saturate: an exponent past ±10^6 is out of range whatever the digits.
        let magnitude = digits.bytes().fold(0i64, |acc, b| {
            (acc * 10 + i64::from(b - b'0')).min(1_000_000)
        });
        power = sign * magnitude;
    }
    // Up to 19 significant digits in a u64; digits after that only move the decimal point.
    let mut significand: u64 = 0;
    let mut kept = 0;
    for (i, b) in int_part.bytes().chain(frac_part.bytes()).enumerate() {
        let in_fraction = i >= int_part.len();
        if significand == 0 && b == b'0' {
            power -= i64::from(in_fraction);
            continue;
        }
        if kept < 19 {
            significand = significand * 10 + u64::from(b - b'0');
            kept += 1;
            power -= i64::from(in_fraction);
        } else {
            power += i64::from(!in_fraction);
        }
    }
    let value = scale(significand, power);
    Some(if negative { -value } else { value })
}

/// 2^e for -1022 ≤ e ≤ 1023, exactly.
fn pow2(e: i32) -> f64 {
    f64::from_bits(((1023 + e) as u64) << 52)
}

/// `significand × 10^power`, correctly rounded for |power| ≤ 27 (so every shortest round-trip
/// text of an `f64` reads back as the same `f64`); beyond that within a few units in the last place.
fn scale(significand: u64, power: i64) -> f64 {
    if significand == 0 {
        return 0.0;
    }
    if significand <= 1 << 53 && (-22..=22).contains(&power) {
        // Both exact in an f64, so one correctly rounded operation.
        let p = EXACT_POW10[power.unsigned_abs() as usize];
        return if power < 0 {
            significand as f64 / p
        } else {
            significand as f64 * p
        };
    }
    // 10^p = 5^p · 2^p, and scaling by a power of two is exact: only 5^p needs integer work, and
    // 5^27 < 2^63 keeps it inside a u128.
    if (0..=27).contains(&power) {
        // Exact in a u128; its conversion to f64 rounds correctly.
        let product = u128::from(significand) * 5u128.pow(power as u32);
        return product as f64 * pow2(power as i32);
    }
    if (-27..0).contains(&power) {
        // Long division with the dividend shifted to the top of 128 bits: a quotient of at least
        // 64 bits plus a sticky bit for any remainder rounds correctly to 53 bits.
        let k = power.unsigned_abs() as u32;
        let shift = u128::from(significand).leading_zeros();
        let dividend = u128::from(significand) << shift;
        let divisor = 5u128.pow(k);
        let quotient = (dividend / divisor) | u128::from(dividend % divisor != 0);
        return quotient as f64 * pow2(-((shift + k) as i32));
    }
    let mut value = significand as f64;
    let mut power = power.clamp(-400, 400);
    while power > 22 {
        value *= 1e22;
        power -= 22;
    }
    while power < -22 {
        value /= 1e22;
        power += 22;
    }
    let p = EXACT_POW10[power.unsigned_abs() as usize];
    if power < 0 {
        value / p
    } else {
        value * p
    }
}

/// Text after a number that is probably a unit we do not know (`美元`, `dollars`): it has a letter
/// of some script and no digits. Digits (`5 999`, `1e5x`) or only symbols (`5-`, `5😀`) mean the
/// number itself is malformed.
fn looks_like_unit(tail: &str) -> bool {
    tail.chars().any(is_letter) && !tail.chars().any(|c| c.is_ascii_digit())
}

/// A letter of the scripts a unit is written in here (Latin, Greek, Cyrillic, Hebrew, Arabic, the
/// Indic scripts, Thai, kana, CJK ideographs, Hangul), by block. Not `char::is_alphabetic`: its
/// Unicode table is 2 KB of the phone's download for the same answer on what people type.
fn is_letter(c: char) -> bool {
    matches!(c,
        'a'..='z' | 'A'..='Z' | 'ª' | 'µ' | 'º'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{24F}'
        | '\u{370}'..='\u{3FF}' | '\u{400}'..='\u{52F}'
        | '\u{5D0}'..='\u{5EA}' | '\u{620}'..='\u{64A}' | '\u{671}'..='\u{6D3}'
        | '\u{904}'..='\u{939}' | '\u{E01}'..='\u{E30}'
        | '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}'
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7A3}'
        | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}')
        && !matches!(c, '\u{375}' | '\u{378}'..='\u{385}' | '\u{387}' | '\u{38B}' | '\u{38D}' | '\u{3A2}' | '\u{3F6}' | '\u{482}'..='\u{489}')
}

/// `e12`, `e-3`, `e+05` (one or two digits) → the same text; anything else → `None`.
fn valid_exponent(tail: &str) -> Option<&str> {
    let after_e = tail.strip_prefix('e')?;
    let digits = after_e.strip_prefix(['+', '-']).unwrap_or(after_e);
    let ok = (1..=2).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    ok.then_some(tail)
}

/// Splits digits-with-separators into integer digits (commas removed) and fraction digits,
/// applying the comma rule of the module documentation.
fn split_mantissa(mantissa: &str) -> Result<(String, &str), NumberError> {
    let points = mantissa.matches('.').count();
    let commas = mantissa.matches(',').count();
    if points > 1 {
        return Err(NumberError::NotANumber);
    }
    if points == 1 {
        let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        if frac_part.contains(',') {
            return Err(NumberError::BadSeparator);
        }
        let int_digits = if commas == 0 {
            int_part.to_string()
        } else {
            ungroup_thousands(int_part)?
        };
        return Ok((int_digits, frac_part));
    }
    match commas {
        0 => Ok((mantissa.to_string(), "")),
        1 => {
            let (before, after) = mantissa.split_once(',').unwrap_or((mantissa, ""));
            let leading_zero = before.starts_with('0');
            if after.len() == 3 && (1..=3).contains(&before.len()) && !leading_zero {
                Ok((format!("{before}{after}"), ""))
            } else if after.len() == 3 && before.len() > 3 {
                Err(NumberError::BadSeparator)
            } else {
                Ok((before.to_string(), after))
            }
        }
        _ => Ok((ungroup_thousands(mantissa)?, "")),
    }
}

/// Checks `1,234,567`-style grouping and returns the digits without commas.
fn ungroup_thousands(grouped: &str) -> Result<String, NumberError> {
    let mut groups = grouped.split(',');
    let first = groups.next().unwrap_or("");
    if !(1..=3).contains(&first.len()) || first.starts_with('0') {
        return Err(NumberError::BadSeparator);
    }
    let mut digits = first.to_string();
    for group in groups {
        if group.len() != 3 {
            return Err(NumberError::BadSeparator);
        }
        digits.push_str(group);
    }
    Ok(digits)
}

#[cfg(test)]
mod tests {

    /// Our decimal reader against the standard library's correctly rounded one.
    #[test]
    fn decimal_reader_matches_std_on_what_buyers_type() {
        let cases = [
            "0",
            "0.0",
            "5999",
            "5999.99",
            "0.1",
            "0.7",
            "1.15",
            "899.85",
            "12.5",
            "1e5",
            "2.5e-3",
            "1E3",
            "1e+3",
            "-3.75",
            "0000.5000",
            "9007199254740992",
            "123456789012345",
            "0.000001",
            "1e22",
            "1e-22",
            "4.35",
            "0.3",
            "100000000000",
        ];
        for c in cases {
            assert_eq!(parse_decimal(c), c.parse::<f64>().ok(), "{c}");
        }
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            // Up to 15 significant digits, up to 6 decimals: exact.
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let digits = x % 1_000_000_000_000_000;
            let decimals = (x >> 50) % 7;
            let text = digits.to_string();
            let text = if decimals as usize >= text.len() {
                format!("0.{}{}", "0".repeat(decimals as usize - text.len()), text)
            } else if decimals == 0 {
                text
            } else {
                let (a, b) = text.split_at(text.len() - decimals as usize);
                format!("{a}.{b}")
            };
            assert_eq!(parse_decimal(&text), text.parse::<f64>().ok(), "{text}");
        }
    }

    /// Every f64's shortest text (what `{}` prints, up to 17 digits) reads back as that f64.
    #[test]
    fn decimal_reader_round_trips_shortest_texts() {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..50_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // Magnitudes from 1e-6 to 1e13, every mantissa pattern.
            let value = f64::from_bits((x & ((1 << 52) - 1)) | ((1003 + (x >> 52) % 63) << 52));
            let text = format!("{value}");
            assert_eq!(parse_decimal(&text), Some(value), "{text}");
            let negative = format!("{}", -value);
            assert_eq!(parse_decimal(&negative), Some(-value), "{negative}");
        }
    }

    #[test]
    fn decimal_reader_is_close_far_from_the_fast_path_and_refuses_non_decimals() {
        for c in [
            "1".repeat(40),
            "3.14159265358979323846264338".into(),
            "1e300".into(),
            "2.2250738585072014e-308".into(),
            "123456789e-30".into(),
        ] {
            let ours = parse_decimal(&c).unwrap();
            let std = c.parse::<f64>().unwrap();
            assert!(((ours - std) / std).abs() < 1e-14, "{c}: {ours} vs {std}");
        }
        assert_eq!(parse_decimal("1e999999999999"), Some(f64::INFINITY));
        assert_eq!(parse_decimal("1e-999999999999"), Some(0.0));
        for bad in [
            "", "-", ".5", "5.", "1e", "1e+", "inf", "NaN", "0x10", "1,5", "1..2", "+1", " 1",
            "1 ", "1e5.5", "١٢",
        ] {
            assert_eq!(parse_decimal(bad), None, "{bad:?}");
        }
    }

    use super::*;

    fn ok(text: &str) -> f64 {
        match parse_number(text) {
            Ok(value) => value,
            Err(error) => panic!("{text:?} should parse, got {error:?}"),
        }
    }

    fn err(text: &str) -> NumberError {
        match parse_number(text) {
            Ok(value) => panic!("{text:?} should fail, got {value}"),
            Err(error) => error,
        }
    }

    #[test]
    fn plain_and_full_width_digits() {
        assert_eq!(ok("5999"), 5999.0);
        assert_eq!(ok("５９９９"), 5999.0);
        assert_eq!(ok("０．５５"), 0.55);
        assert_eq!(ok("0。55"), 0.55);
        assert_eq!(ok("－１２"), -12.0);
        assert_eq!(ok("\u{3000} 12 \u{a0}"), 12.0);
        assert_eq!(ok("+7"), 7.0);
        assert_eq!(ok(".5"), 0.5);
        assert_eq!(ok("5."), 5.0);
        assert_eq!(ok("007"), 7.0);
    }

    #[test]
    fn commas() {
        assert_eq!(ok("5,999"), 5999.0);
        assert_eq!(ok("5，999"), 5999.0);
        assert_eq!(ok("1,234,567.8"), 1_234_567.8);
        assert_eq!(ok("1,234,567"), 1_234_567.0);
        assert_eq!(ok("0,55"), 0.55);
        assert_eq!(ok("0,555"), 0.555);
        assert_eq!(ok("1,5"), 1.5);
        assert_eq!(ok("12,3456"), 12.3456);
        assert_eq!(ok(",5"), 0.5);
        assert_eq!(err("1234,567"), NumberError::BadSeparator);
        assert_eq!(err("1,23,456"), NumberError::BadSeparator);
        assert_eq!(err("1.234,5"), NumberError::BadSeparator);
        assert_eq!(err("0,123,456"), NumberError::BadSeparator);
        assert_eq!(err("12,34.5"), NumberError::BadSeparator);
        assert_eq!(err("1,,234"), NumberError::BadSeparator);
        assert_eq!(err("1、5"), NumberError::NotANumber);
    }

    #[test]
    fn multipliers_and_units() {
        assert_eq!(ok("1.2万"), 12_000.0);
        assert_eq!(ok("0.6万"), 6_000.0);
        assert_eq!(ok("1.5千"), 1_500.0);
        assert_eq!(ok("1.2 万元"), 12_000.0);
        assert_eq!(ok("¥5999"), 5999.0);
        assert_eq!(ok("￥5,999.00"), 5999.0);
        assert_eq!(ok("RMB 5999"), 5999.0);
        assert_eq!(ok("5999 rmb"), 5999.0);
        assert_eq!(ok("5999元"), 5999.0);
        assert_eq!(ok("300 块钱"), 300.0);
        assert_eq!(ok("0.55元/度"), 0.55);
        assert_eq!(ok("320kWh"), 320.0);
        assert_eq!(ok("320 ＫＷＨ"), 320.0);
        assert_eq!(ok("320千瓦时"), 320.0);
        assert_eq!(ok("1.5千瓦"), 1.5);
        assert_eq!(ok("2000W"), 2000.0);
        assert_eq!(ok("60L"), 60.0);
        assert_eq!(ok("60 升"), 60.0);
        assert_eq!(ok("12m³"), 12.0);
        assert_eq!(ok("12 m3"), 12.0);
        assert_eq!(ok("55%"), 55.0);
        assert_eq!(ok("55％"), 55.0);
        assert_eq!(ok("10年"), 10.0);
        assert_eq!(ok("8小时"), 8.0);
        assert_eq!(ok("8h"), 8.0);
        assert_eq!(ok("-¥12.30"), -12.3);
        assert_eq!(ok("¥-12.30"), -12.3);
        assert_eq!(err("5999美元"), NumberError::UnknownUnit);
        assert_eq!(err("5 dollars"), NumberError::UnknownUnit);
        assert_eq!(err("元"), NumberError::NotANumber);
        assert_eq!(err("万"), NumberError::NotANumber);
        assert_eq!(err("5999¥"), NumberError::NotANumber);
        assert_eq!(err("5-"), NumberError::NotANumber);
    }

    #[test]
    fn rejects_garbage() {
        assert_eq!(err(""), NumberError::Empty);
        assert_eq!(err(" \u{3000}\u{200b} "), NumberError::Empty);
        assert_eq!(err("abc"), NumberError::NotANumber);
        assert_eq!(err("1.2.3"), NumberError::NotANumber);
        assert_eq!(err("--5"), NumberError::NotANumber);
        assert_eq!(err("-+5"), NumberError::NotANumber);
        assert_eq!(err("1e5x"), NumberError::NotANumber);
        assert_eq!(err("1e123"), NumberError::NotANumber);
        assert_eq!(err("NaN"), NumberError::NotANumber);
        assert_eq!(err("inf"), NumberError::NotANumber);
        assert_eq!(err("-infinity"), NumberError::NotANumber);
        assert_eq!(err("0x10"), NumberError::NotANumber);
        assert_eq!(err("5 999"), NumberError::NotANumber);
        assert_eq!(err("."), NumberError::NotANumber);
        assert_eq!(err("-"), NumberError::NotANumber);
        assert_eq!(err(&"1".repeat(41)), NumberError::TooLong);
        assert_eq!(
            ok(&"1".repeat(40)),
            "1".repeat(40).parse::<f64>().unwrap_or(0.0)
        );
    }

    #[test]
    fn exponents_and_zero() {
        assert_eq!(ok("1e12"), 1e12);
        assert_eq!(ok("1.5E-3"), 0.0015);
        assert_eq!(ok("9.9e99万"), 9.9e99 * 10_000.0);
        assert_eq!(err("1,000e3"), NumberError::NotANumber);
        assert!(ok("-0").is_sign_positive());
        assert!(ok("-0.00万").is_sign_positive());
    }

    #[test]
    fn ranges() {
        let range = Range::new(1.0, 200_000.0);
        assert_eq!(parse_in_range("5,999", range), Ok(5999.0));
        assert_eq!(parse_in_range("1", range), Ok(1.0));
        assert_eq!(parse_in_range("20万", range), Ok(200_000.0));
        assert_eq!(
            parse_in_range("0.5", range),
            Err(NumberError::TooSmall { min: 1.0 })
        );
        assert_eq!(
            parse_in_range("-1", range),
            Err(NumberError::TooSmall { min: 1.0 })
        );
        assert_eq!(
            parse_in_range("1e12", range),
            Err(NumberError::TooLarge { max: 200_000.0 })
        );
        assert_eq!(parse_in_range("", range), Err(NumberError::Empty));
        assert!(range.contains(1.0) && !range.contains(f64::NAN));
    }

    #[test]
    fn messages_and_codes() {
        let all = [
            NumberError::Empty,
            NumberError::TooLong,
            NumberError::NotANumber,
            NumberError::BadSeparator,
            NumberError::UnknownUnit,
            NumberError::TooSmall { min: 1.0 },
            NumberError::TooLarge { max: 200_000.0 },
        ];
        let mut codes: Vec<&str> = all.iter().map(NumberError::code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all.len(), "codes must be distinct");
        for error in all {
            assert!(!error.message(Locale::Zh).is_empty());
            assert!(!error.message(Locale::En).is_empty());
            assert_ne!(error.message(Locale::Zh), error.message(Locale::En));
        }
        assert_eq!(
            NumberError::Empty.message(Locale::Zh),
            "请输入数字，例如 5999 或 1.2万"
        );
        assert_eq!(
            NumberError::TooSmall { min: 1.0 }.message(Locale::Zh),
            "不能小于 1"
        );
        assert_eq!(
            NumberError::TooSmall { min: 1.0 }.message(Locale::En),
            "Must be at least 1"
        );
        assert_eq!(
            NumberError::TooLarge { max: 200_000.0 }.message(Locale::Zh),
            "不能大于 200,000"
        );
        assert_eq!(
            NumberError::TooLarge { max: 0.5 }.message(Locale::En),
            "Must be at most 0.5"
        );
        assert_eq!(NumberError::NotANumber.code(), "not_a_number");
    }

    #[test]
    fn unit_list_is_lower_case_and_unique() {
        for (index, (unit, _)) in ACCEPTED_UNITS.iter().enumerate() {
            assert_eq!(
                *unit,
                unit.to_ascii_lowercase(),
                "{unit} must be lower-case"
            );
            assert!(!unit.is_empty());
            assert!(
                !unit.starts_with(|c: char| c.is_ascii_digit() || ".,+-e".contains(c)),
                "{unit}: a unit must not start with part of a number"
            );
            assert!(
                ACCEPTED_UNITS[..index]
                    .iter()
                    .all(|(other, _)| other != unit),
                "{unit} listed twice"
            );
        }
    }

    #[test]
    fn a_letter_is_one_in_unicode_too() {
        // Every char our blocks call a letter is one; and the common ones Unicode calls letters are ours.
        let wrong: Vec<String> = (0..=0xFFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_letter(c) && !c.is_alphabetic())
            .map(|c| format!("{:X}", u32::from(c)))
            .collect();
        assert!(wrong.is_empty(), "not letters: {}", wrong.join(" "));
        for c in "dollarsÉéßñ€Ωжשعकกかカ美元원ｄｏｌ"
            .chars()
            .filter(|c| c.is_alphabetic())
        {
            assert!(is_letter(c), "{c:?} should count as a letter");
        }
        for c in "😀-+*/%€$¥×÷·、。".chars() {
            assert!(!is_letter(c), "{c:?} is a symbol");
        }
    }
}
