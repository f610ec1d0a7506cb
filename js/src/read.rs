//! The boundary: turns whatever JavaScript passes into a [`Form`] of raw text, exactly what the app
//! gets from a deep link or from typing. Every value is type-checked here, before the domain sees
//! it, so no input can throw or reach a panic: wrong types, `null`, arrays, nested objects, huge
//! strings, NaN, Infinity, proxies and throwing getters all become [`Problem`]s.

use huanxin::domain::evaluate::{FieldError, Form};
use huanxin::domain::locale::Locale;
use huanxin::domain::number::{NumberError, MAX_INPUT_CHARS};
use huanxin::domain::query::{MAX_PARAMS, MAX_VALUE_CHARS};
use js_sys::{JsString, Object, Reflect};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray`, which throws on a revoked proxy: imported with `catch` so that cannot
    /// escape (js-sys imports it without).
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
}

/// Longest parameter name looked at, in UTF-16 units; longer names are ignored.
const MAX_NAME_UNITS: u32 = 64;
/// Longest name shown back in `ignored`.
const SHOWN_NAME_CHARS: usize = 32;

/// A bad input: the parameter (or `input` for the whole object), a stable code and both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: String,
    pub code: &'static str,
    pub zh: String,
    pub en: String,
}

impl Problem {
    fn new(field: &str, code: &'static str, zh: &str, en: &str) -> Problem {
        Problem {
            field: field.to_string(),
            code,
            zh: zh.to_string(),
            en: en.to_string(),
        }
    }

    fn number(field: &str, error: NumberError) -> Problem {
        Problem {
            field: field.to_string(),
            code: error.code(),
            zh: error.message(Locale::Zh),
            en: error.message(Locale::En),
        }
    }

    /// An engine error as a problem.
    pub fn from_field_error(error: &FieldError) -> Problem {
        Problem {
            field: error.field.to_string(),
            code: error.code,
            zh: error.zh.clone(),
            en: error.en.clone(),
        }
    }
}

/// Which parameters a call reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Accept {
    /// Every engine parameter of the category (as the deep link accepts them).
    Engine,
    /// Only these names (plus `lang`).
    Only(&'static [&'static str]),
}

/// What was read from one input object.
#[derive(Debug, Default)]
pub struct Read {
    /// Raw text by parameter name, for `evaluate`.
    pub form: Form,
    /// Values that could not be used.
    pub problems: Vec<Problem>,
    /// Names that are not parameters of this call (as given, shortened).
    pub ignored: Vec<String>,
    /// `lang`, when given and valid (names and texts picked by language use it).
    pub locale: Locale,
}

impl Read {
    /// True when the input as a whole was rejected (not an object, unreadable, too many keys).
    pub fn input_rejected(&self) -> bool {
        self.problems.iter().any(|p| p.field == INPUT)
    }
}

/// The `field` of problems with the input as a whole.
const INPUT: &str = "input";

/// Reads `input`, which should be a plain object keyed by deep-link parameter names. Never throws.
pub fn read_input(input: &JsValue, accept: Accept) -> Read {
    let mut read = Read::default();
    if !input.is_object() || is_array(input).unwrap_or(true) {
        read.problems.push(Problem::new(
            INPUT,
            "not_an_object",
            "输入应为对象，例如 { cat: \"fridge\", price: 5999 }",
            "The input must be an object, e.g. { cat: \"fridge\", price: 5999 }",
        ));
        return read;
    }
    let object: &Object = input.unchecked_ref();
    let Ok(keys) = Reflect::own_keys(object) else {
        read.problems.push(unreadable(INPUT));
        return read;
    };
    if keys.length() > MAX_PARAMS as u32 {
        read.problems.push(Problem {
            field: INPUT.to_string(),
            code: "too_many_keys",
            zh: format!("参数太多，最多 {MAX_PARAMS} 个"),
            en: format!("Too many parameters: at most {MAX_PARAMS}"),
        });
        return read;
    }

    // Names as the deep link reads them: trimmed, ASCII lower case, first one wins.
    let mut names: Vec<(String, JsValue)> = Vec::new();
    for key in keys.iter() {
        if !key.is_string() {
            continue; // symbols are never parameters
        }
        if key.unchecked_ref::<JsString>().length() > MAX_NAME_UNITS {
            read.ignored.push(shown_name(&key));
            continue;
        }
        let Some(raw) = key.as_string() else {
            continue;
        };
        let name = raw.trim().to_ascii_lowercase();
        if names.iter().any(|(n, _)| *n == name) {
            read.ignored.push(shorten(&raw));
            continue;
        }
        names.push((name, key));
    }

    // `cat` first: which other names count depends on the category.
    let cat_text = match names.iter().find(|(n, _)| n == "cat") {
        Some((_, key)) => match value_text("cat", object, key) {
            Ok(text) => text,
            Err(problem) => {
                read.problems.push(problem);
                None
            }
        },
        None => None,
    };
    let known = known_names(accept, cat_text.as_deref(), &names);
    if let Some(text) = cat_text {
        read.form.set("cat", text);
    }

    for ((name, key), known) in names.iter().zip(known) {
        if name == "cat" {
            continue;
        }
        if !known {
            read.ignored.push(shown_name(key));
            continue;
        }
        match value_text(name, object, key) {
            Ok(Some(text)) if name == "lang" => match Locale::from_tag(&text) {
                Some(locale) => read.locale = locale,
                None => read.ignored.push(shown_name(key)),
            },
            Ok(Some(text)) => read.form.set(name.clone(), text),
            Ok(None) => {}
            Err(problem) => read.problems.push(problem),
        }
    }
    read
}

/// Whether each name is a parameter of this call, judged by the domain itself: a probe form with
/// the category and every name is asked which keys `evaluate` would ignore.
fn known_names(accept: Accept, cat: Option<&str>, names: &[(String, JsValue)]) -> Vec<bool> {
    match accept {
        Accept::Only(list) => names
            .iter()
            .map(|(n, _)| n == "lang" || list.contains(&n.as_str()))
            .collect(),
        Accept::Engine => {
            let mut probe = Form::new();
            if let Some(cat) = cat {
                probe.set("cat", cat);
            }
            for (name, _) in names {
                if name != "cat" {
                    probe.set(name.clone(), "");
                }
            }
            let unknown = probe.unknown_keys();
            names
                .iter()
                .map(|(n, _)| !unknown.contains(&n.as_str()))
                .collect()
        }
    }
}

/// The raw text of one value: strings as given, finite numbers in their shortest exact decimal
/// form, `null`/`undefined` as absent. Anything else is a problem.
fn value_text(name: &str, object: &Object, key: &JsValue) -> Result<Option<String>, Problem> {
    let Ok(value) = Reflect::get(object, key) else {
        return Err(unreadable(name));
    };
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if let Some(number) = value.as_f64() {
        return number_text(number)
            .map(Some)
            .ok_or_else(|| Problem::number(name, NumberError::NotANumber));
    }
    if value.is_string() {
        // Measured before copying, so a huge string never crosses into wasm memory: a char is at
        // most two UTF-16 units, so more than twice the limit in units is surely too long.
        let units = value.unchecked_ref::<JsString>().length();
        let text = if units > 2 * MAX_VALUE_CHARS as u32 {
            None
        } else {
            value.as_string()
        };
        return match text {
            Some(text) if text.chars().count() <= MAX_VALUE_CHARS => Ok(Some(text)),
            _ => Err(Problem {
                field: name.to_string(),
                code: "too_long",
                zh: format!("值太长，最多 {MAX_VALUE_CHARS} 个字符"),
                en: format!("Too long: at most {MAX_VALUE_CHARS} characters"),
            }),
        };
    }
    Err(Problem::new(
        name,
        "bad_type",
        "应为数字或文字，例如 5999 或 \"1.2万\"",
        "Must be a number or a string, e.g. 5999 or \"1.2万\"",
    ))
}

/// A finite number as the text a person would type for it: the shortest decimal that reads back
/// as exactly the same `f64` (`0.1`, `5999`), in exponent form when that would be too long.
/// `None` for NaN and ±Infinity.
pub fn number_text(number: f64) -> Option<String> {
    if !number.is_finite() {
        return None;
    }
    let plain = format!("{number}");
    if plain.chars().count() <= MAX_INPUT_CHARS {
        Some(plain)
    } else {
        Some(format!("{number:e}"))
    }
}

fn unreadable(name: &str) -> Problem {
    Problem::new(
        name,
        "unreadable",
        "无法读取该值",
        "The value could not be read",
    )
}

/// A name for `ignored`, shortened without copying a huge string into wasm.
fn shown_name(key: &JsValue) -> String {
    let text = key.unchecked_ref::<JsString>();
    let head = if text.length() > MAX_NAME_UNITS {
        text.slice(0, MAX_NAME_UNITS)
    } else {
        text.clone()
    };
    head.as_string().map(|s| shorten(&s)).unwrap_or_default()
}

fn shorten(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_control())
        .take(SHOWN_NAME_CHARS)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn numbers_become_exact_text() {
        assert_eq!(number_text(5999.0).as_deref(), Some("5999"));
        assert_eq!(number_text(0.1).as_deref(), Some("0.1"));
        assert_eq!(number_text(-0.0).as_deref(), Some("-0"));
        assert_eq!(
            number_text(0.1 + 0.2).as_deref(),
            Some("0.30000000000000004")
        );
        assert_eq!(number_text(1e300).as_deref(), Some("1e300"));
        assert_eq!(number_text(f64::NAN), None);
        assert_eq!(number_text(f64::INFINITY), None);
        assert_eq!(number_text(f64::NEG_INFINITY), None);
        for n in [0.55, 5999.0, 1.2e4, 123.456, 1e-7, 9_007_199_254_740_993.0] {
            let text = number_text(n).unwrap_or_default();
            assert_eq!(text.parse::<f64>().ok(), Some(n), "{text}");
        }
    }
}
