//! Calendar dates (proleptic Gregorian), for purchase dates and the dates rules take effect.
//!
//! [`Date::new`] accepts years 1–9999 so that date arithmetic (an old fridge's lifetime, a rule's
//! end) cannot fail near the edges; [`Date::parse`], which reads what the user types, only accepts
//! [`Date::EARLIEST_INPUT`]..=[`Date::LATEST_INPUT`].

use std::fmt;
use std::str::FromStr;

use super::locale::Locale;
use super::number::{is_ignorable, normalise_width, trim_input};

/// Longest date text accepted, in characters, after trimming.
const MAX_DATE_CHARS: usize = 40;

/// Days from 0000-03-01 to 1970-01-01 in the era arithmetic below.
const UNIX_EPOCH_SHIFT: i64 = 719_468;

/// A calendar day. Ordering is chronological; `Display` gives `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// The first representable date, 0001-01-01.
    pub const MIN: Date = Date {
        year: 1,
        month: 1,
        day: 1,
    };
    /// The last representable date, 9999-12-31.
    pub const MAX: Date = Date {
        year: 9999,
        month: 12,
        day: 31,
    };
    /// The earliest date [`Date::parse`] accepts, 2000-01-01.
    pub const EARLIEST_INPUT: Date = Date {
        year: 2000,
        month: 1,
        day: 1,
    };
    /// The latest date [`Date::parse`] accepts, 2100-12-31.
    pub const LATEST_INPUT: Date = Date {
        year: 2100,
        month: 12,
        day: 31,
    };

    /// A date if it exists: month 1–12, day within the month (29 February only in leap years),
    /// year 1–9999.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (Date::MIN.year..=Date::MAX.year).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Reads `2026-05-01`, `2026/5/1`, `2026.5.1`, `2026年5月1日` (`日`/`号` optional), `20260501`,
    /// with full-width digits and surrounding spaces allowed. Only
    /// [`Date::EARLIEST_INPUT`]..=[`Date::LATEST_INPUT`] is accepted.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let trimmed = trim_input(text);
        if trimmed.is_empty() {
            return Err(DateError::Empty);
        }
        if trimmed.chars().nth(MAX_DATE_CHARS).is_some() {
            return Err(DateError::TooLong);
        }
        let normalised = normalise_width(trimmed);
        let tokens = tokenize(&normalised);
        let (year, month, day) = match tokens.as_slice() {
            [Token::Digits(y), Token::Mark(a), Token::Digits(m), Token::Mark(b), Token::Digits(d)]
                if a == b && matches!(a, '-' | '/' | '.') =>
            {
                (y.as_str(), m.as_str(), d.as_str())
            }
            [Token::Digits(y), Token::Mark('年'), Token::Digits(m), Token::Mark('月'), Token::Digits(d)]
            | [Token::Digits(y), Token::Mark('年'), Token::Digits(m), Token::Mark('月'), Token::Digits(d), Token::Mark('日' | '号')] => {
                (y.as_str(), m.as_str(), d.as_str())
            }
            [Token::Digits(compact)] if compact.len() == 8 => {
                let (year, month_day) = compact.split_at(4);
                let (month, day) = month_day.split_at(2);
                (year, month, day)
            }
            _ => return Err(DateError::NotADate),
        };
        let well_formed =
            year.len() == 4 && (1..=2).contains(&month.len()) && (1..=2).contains(&day.len());
        if !well_formed {
            return Err(DateError::NotADate);
        }
        // All ASCII digits of bounded length, so these parses only fail on malformed tokens.
        let (Ok(year), Ok(month), Ok(day)) =
            (year.parse::<i32>(), month.parse::<u8>(), day.parse::<u8>())
        else {
            return Err(DateError::NotADate);
        };
        let date = Date::new(year, month, day).ok_or(DateError::NoSuchDay)?;
        if date < Date::EARLIEST_INPUT || date > Date::LATEST_INPUT {
            return Err(DateError::OutOfRange);
        }
        Ok(date)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil, with March as the first month of a shifted year.
        let month = i64::from(self.month);
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year.rem_euclid(400);
        let month_from_march = (month + 9) % 12;
        let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - UNIX_EPOCH_SHIFT
    }

    /// The date `days` days after 1970-01-01; `None` outside [`Date::MIN`]..=[`Date::MAX`].
    pub fn from_days(days: i64) -> Option<Date> {
        if days < Date::MIN.days_since_epoch() || days > Date::MAX.days_since_epoch() {
            return None;
        }
        let shifted = days + UNIX_EPOCH_SHIFT;
        let era = shifted.div_euclid(146_097);
        let day_of_era = shifted.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_from_march = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
        let month = if month_from_march < 10 {
            month_from_march + 3
        } else {
            month_from_march - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// The same day `years` years later (earlier if negative); 29 February becomes 28 February in
    /// a common year. `None` if the result falls outside [`Date::MIN`]..=[`Date::MAX`].
    pub fn add_years(self, years: i32) -> Option<Date> {
        let year = self.year.checked_add(years)?;
        if !(Date::MIN.year..=Date::MAX.year).contains(&year) {
            return None;
        }
        let day = self.day.min(days_in_month(year, self.month));
        Date::new(year, self.month, day)
    }

    /// The date `days` days later (earlier if negative); `None` outside the representable range.
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_days(self.days_since_epoch().checked_add(days)?)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Date, DateError> {
        Date::parse(text)
    }
}

/// Whether `year` is a Gregorian leap year.
pub fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days in `month` of `year`; 0 for a month outside 1–12.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Why a text is not an acceptable date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Nothing but whitespace.
    Empty,
    /// More than 40 characters.
    TooLong,
    /// Not in a recognised date format.
    NotADate,
    /// Well formed, but the day does not exist (`2026-02-30`, `2026-13-01`).
    NoSuchDay,
    /// Outside 2000-01-01..=2100-12-31.
    OutOfRange,
}

impl DateError {
    /// A stable snake_case code.
    pub fn code(&self) -> &'static str {
        match self {
            DateError::Empty => "empty",
            DateError::TooLong => "too_long",
            DateError::NotADate => "not_a_date",
            DateError::NoSuchDay => "no_such_day",
            DateError::OutOfRange => "out_of_range",
        }
    }

    /// What is wrong and what is allowed, in the user's language.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            DateError::Empty => locale
                .pick(
                    "请输入日期，例如 2026-05-01",
                    "Enter a date, e.g. 2026-05-01",
                )
                .to_string(),
            DateError::TooLong => match locale.shown() {
                Locale::Zh => format!("输入太长，最多 {MAX_DATE_CHARS} 个字符"),
                Locale::En => format!("Too long: at most {MAX_DATE_CHARS} characters"),
            },
            DateError::NotADate => locale
                .pick(
                    "日期格式应为 2026-05-01、2026/5/1 或 2026年5月1日",
                    "Write the date as 2026-05-01, 2026/5/1 or 2026年5月1日",
                )
                .to_string(),
            DateError::NoSuchDay => locale
                .pick(
                    "没有这一天，请检查月份和日期",
                    "That day does not exist; check the month and day",
                )
                .to_string(),
            DateError::OutOfRange => match locale.shown() {
                Locale::Zh => format!(
                    "日期须在 {} 至 {} 之间",
                    Date::EARLIEST_INPUT,
                    Date::LATEST_INPUT
                ),
                Locale::En => format!(
                    "The date must be between {} and {}",
                    Date::EARLIEST_INPUT,
                    Date::LATEST_INPUT
                ),
            },
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for DateError {}

/// A run of ASCII digits or one other character; whitespace separates tokens and is dropped.
#[derive(Debug, PartialEq, Eq)]
enum Token {
    Digits(String),
    Mark(char),
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut digits = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if !digits.is_empty() {
            tokens.push(Token::Digits(std::mem::take(&mut digits)));
        }
        if !is_ignorable(c) {
            tokens.push(Token::Mark(c));
        }
    }
    if !digits.is_empty() {
        tokens.push(Token::Digits(digits));
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u8, day: u8) -> Date {
        Date::new(year, month, day).expect("test date must exist")
    }

    #[test]
    fn validates_calendar() {
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2025, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(2100, 2, 29).is_none());
        assert!(Date::new(2026, 4, 31).is_none());
        assert!(Date::new(2026, 13, 1).is_none());
        assert!(Date::new(2026, 0, 1).is_none());
        assert!(Date::new(2026, 1, 0).is_none());
        assert!(Date::new(0, 1, 1).is_none());
        assert!(Date::new(10_000, 1, 1).is_none());
        assert!(Date::new(i32::MIN, 1, 1).is_none());
    }

    #[test]
    fn parses_formats() {
        let may_day = date(2026, 5, 1);
        for text in [
            "2026-05-01",
            "2026-5-1",
            "2026/5/1",
            "2026/05/01",
            "2026.5.1",
            "2026年5月1日",
            "2026年5月1号",
            "2026年5月1",
            "2026 年 5 月 1 日",
            "２０２６－０５－０１",
            "２０２６年５月１日",
            "\u{3000}2026-05-01 ",
            "20260501",
        ] {
            assert_eq!(Date::parse(text), Ok(may_day), "{text:?}");
        }
    }

    #[test]
    fn rejects_bad_dates() {
        assert_eq!(Date::parse(""), Err(DateError::Empty));
        assert_eq!(Date::parse("   "), Err(DateError::Empty));
        assert_eq!(Date::parse("2026-5/1"), Err(DateError::NotADate));
        assert_eq!(Date::parse("5/1/2026"), Err(DateError::NotADate));
        assert_eq!(Date::parse("26-5-1"), Err(DateError::NotADate));
        assert_eq!(Date::parse("2026-005-01"), Err(DateError::NotADate));
        assert_eq!(Date::parse("2026-05-01T00:00"), Err(DateError::NotADate));
        assert_eq!(Date::parse("2026年5月1日日"), Err(DateError::NotADate));
        assert_eq!(Date::parse("tomorrow"), Err(DateError::NotADate));
        assert_eq!(Date::parse("2026-02-30"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("2026-13-01"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("2026-00-10"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("1999-12-31"), Err(DateError::OutOfRange));
        assert_eq!(Date::parse("2101-01-01"), Err(DateError::OutOfRange));
        assert_eq!(Date::parse("2000-01-01"), Ok(Date::EARLIEST_INPUT));
        assert_eq!(Date::parse("2100-12-31"), Ok(Date::LATEST_INPUT));
        assert_eq!(Date::parse(&"2".repeat(41)), Err(DateError::TooLong));
        assert_eq!("2024-02-29".parse::<Date>(), Ok(date(2024, 2, 29)));
    }

    #[test]
    fn displays_iso() {
        assert_eq!(date(2026, 5, 1).to_string(), "2026-05-01");
        assert_eq!(Date::MIN.to_string(), "0001-01-01");
        assert_eq!(Date::MAX.to_string(), "9999-12-31");
    }

    #[test]
    fn orders_chronologically() {
        assert!(date(2025, 12, 31) < date(2026, 1, 1));
        assert!(date(2026, 1, 31) < date(2026, 2, 1));
        assert!(date(2026, 2, 1) < date(2026, 2, 2));
    }

    #[test]
    fn counts_days() {
        assert_eq!(date(1970, 1, 1).days_since_epoch(), 0);
        assert_eq!(date(1969, 12, 31).days_since_epoch(), -1);
        assert_eq!(date(2000, 1, 1).days_since_epoch(), 10_957);
        assert_eq!(date(2026, 5, 1).days_since_epoch(), 20_574);
        assert_eq!(Date::from_days(20_574), Some(date(2026, 5, 1)));
        assert_eq!(Date::from_days(0), Some(date(1970, 1, 1)));
        assert_eq!(Date::from_days(-1), Some(date(1969, 12, 31)));
        assert_eq!(
            Date::from_days(Date::MIN.days_since_epoch()),
            Some(Date::MIN)
        );
        assert_eq!(
            Date::from_days(Date::MAX.days_since_epoch()),
            Some(Date::MAX)
        );
        assert_eq!(Date::from_days(Date::MAX.days_since_epoch() + 1), None);
        assert_eq!(Date::from_days(Date::MIN.days_since_epoch() - 1), None);
        assert_eq!(Date::from_days(i64::MAX), None);
        assert_eq!(Date::from_days(i64::MIN), None);
    }

    #[test]
    fn adds_years_and_days() {
        assert_eq!(date(2024, 2, 29).add_years(1), Some(date(2025, 2, 28)));
        assert_eq!(date(2024, 2, 29).add_years(4), Some(date(2028, 2, 29)));
        assert_eq!(date(2026, 5, 1).add_years(10), Some(date(2036, 5, 1)));
        assert_eq!(date(2026, 5, 1).add_years(-10), Some(date(2016, 5, 1)));
        assert_eq!(date(2026, 5, 1).add_years(i32::MAX), None);
        assert_eq!(date(2026, 5, 1).add_years(i32::MIN), None);
        assert_eq!(Date::MAX.add_years(1), None);
        assert_eq!(date(2025, 12, 31).add_days(1), Some(date(2026, 1, 1)));
        assert_eq!(date(2024, 2, 28).add_days(1), Some(date(2024, 2, 29)));
        assert_eq!(date(2026, 3, 1).add_days(-1), Some(date(2026, 2, 28)));
        assert_eq!(Date::MAX.add_days(i64::MAX), None);
    }

    #[test]
    fn error_codes_and_messages() {
        let all = [
            DateError::Empty,
            DateError::TooLong,
            DateError::NotADate,
            DateError::NoSuchDay,
            DateError::OutOfRange,
        ];
        for error in all {
            assert!(!error.code().is_empty());
            assert_ne!(error.message(Locale::Zh), error.message(Locale::En));
        }
        assert_eq!(
            DateError::OutOfRange.message(Locale::Zh),
            "日期须在 2000-01-01 至 2100-12-31 之间"
        );
    }

    #[test]
    fn leap_years() {
        assert!(is_leap_year(2024));
        assert!(is_leap_year(2000));
        assert!(!is_leap_year(1900));
        assert!(!is_leap_year(2100));
        assert!(!is_leap_year(2026));
        assert_eq!(days_in_month(2026, 2), 28);
        assert_eq!(days_in_month(2028, 2), 29);
        assert_eq!(days_in_month(2026, 13), 0);
    }
}
