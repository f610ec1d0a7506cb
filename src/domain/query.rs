//! Deep links: the query string is a public API for retailers. This module turns a query string
//! into a [`Form`] plus notices for what it could not use, and a form back into a query string.
//! The same format stores the form in localStorage, so one parser guards both.

use super::evaluate::Form;
use super::locale::Locale;

/// Longest query accepted; the rest is ignored with a notice.
pub const MAX_QUERY_CHARS: usize = 20_000;
/// Longest single value kept; longer values are dropped with a notice.
pub const MAX_VALUE_CHARS: usize = 64;
/// Longest `channels` value (a host's JSON channel list, validated by `guide`).
pub const MAX_CHANNELS_CHARS: usize = 16_384;
/// At most this many parameters are read.
pub const MAX_PARAMS: usize = 64;

/// Parameters the UI itself reads (not passed to the engine).
pub const UI_PARAMS: &[&str] = &[
    "lang", "mode", "elder", "theme", "store", "hide", "channels", "embed", "origin", "idle",
];

/// A parameter that was not used, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamNotice {
    /// The parameter name as given (truncated for display).
    pub param: String,
    /// `unknown`, `too_long`, `bad_encoding`, `duplicate`, `too_many`, `bad_lang`, `bad_value`.
    pub code: &'static str,
}

impl ParamNotice {
    /// A short message naming the parameter.
    pub fn message(&self, locale: Locale) -> String {
        let p = &self.param;
        match (self.code, locale.shown()) {
            ("unknown", Locale::Zh) => format!("链接参数 “{p}” 无法识别，已忽略。"),
            ("unknown", Locale::En) => {
                format!("The link parameter “{p}” is not recognised and was ignored.")
            }
            ("too_long", Locale::Zh) => format!("链接参数 “{p}” 的值过长，已忽略。"),
            ("too_long", Locale::En) => {
                format!("The value of link parameter “{p}” is too long and was ignored.")
            }
            ("bad_encoding", Locale::Zh) => format!("链接参数 “{p}” 编码有误，已忽略。"),
            ("bad_encoding", Locale::En) => {
                format!("The link parameter “{p}” is badly encoded and was ignored.")
            }
            ("duplicate", Locale::Zh) => format!("链接参数 “{p}” 出现多次，只用了第一个。"),
            ("duplicate", Locale::En) => {
                format!("The link parameter “{p}” appears more than once; the first was used.")
            }
            ("bad_lang", Locale::Zh) => format!("语言参数 “{p}” 只能是 zh 或 en，已忽略。"),
            ("bad_lang", Locale::En) => {
                format!("The language parameter “{p}” must be zh or en; it was ignored.")
            }
            ("bad_value", Locale::Zh) => format!("链接参数 “{p}” 的值无效，已忽略。"),
            ("bad_value", Locale::En) => {
                format!("The value of link parameter “{p}” is not valid and was ignored.")
            }
            (_, Locale::Zh) => "链接太长，部分参数已忽略。".to_string(),
            (_, Locale::En) => "The link is too long; some parameters were ignored.".to_string(),
        }
    }
}

/// What a query string gave.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParsedQuery {
    /// Engine parameters, raw text (the engine validates each value).
    pub form: Form,
    /// `lang=zh|en`, when given and valid.
    pub locale: Option<Locale>,
    /// Other UI parameters (`mode`, `elder`, …) as given, for the UI to validate.
    pub ui: Vec<(String, String)>,
    /// Parameters that were not used.
    pub notices: Vec<ParamNotice>,
}

/// Parses `?a=1&b=2` (the leading `?` is optional). Never panics; anything unusable becomes a notice.
/// `known` says whether a name is an engine parameter for the form's category.
pub fn parse_query(query: &str, known: impl Fn(&str, &Form) -> bool) -> ParsedQuery {
    let mut out = ParsedQuery::default();
    let query = query.strip_prefix('?').unwrap_or(query);
    let query = if query.len() > MAX_QUERY_CHARS {
        out.notices.push(ParamNotice {
            param: String::new(),
            code: "too_many",
        });
        truncate_at_char(query, MAX_QUERY_CHARS)
    } else {
        query
    };
    let mut pairs = Vec::new();
    for (i, piece) in query.split('&').filter(|p| !p.is_empty()).enumerate() {
        if i >= MAX_PARAMS {
            out.notices.push(ParamNotice {
                param: String::new(),
                code: "too_many",
            });
            break;
        }
        let (raw_key, raw_value) = piece.split_once('=').unwrap_or((piece, ""));
        let key = match percent_decode(raw_key) {
            Some(k) => k.trim().to_ascii_lowercase(),
            None => {
                out.notices.push(notice(raw_key, "bad_encoding"));
                continue;
            }
        };
        let Some(value) = percent_decode(raw_value) else {
            out.notices.push(notice(&key, "bad_encoding"));
            continue;
        };
        let limit = if key == "channels" {
            MAX_CHANNELS_CHARS
        } else {
            MAX_VALUE_CHARS
        };
        if value.chars().count() > limit {
            out.notices.push(notice(&key, "too_long"));
            continue;
        }
        if pairs.iter().any(|(k, _): &(String, String)| *k == key) {
            out.notices.push(notice(&key, "duplicate"));
            continue;
        }
        pairs.push((key, value));
    }
    // `cat` first, so category-specific parameters are judged against it.
    if let Some((_, cat)) = pairs.iter().find(|(k, _)| k == "cat") {
        out.form.set("cat", cat.clone());
    }
    for (key, value) in pairs {
        if key == "cat" {
            continue;
        }
        if key == "lang" {
            match Locale::from_tag(&value) {
                Some(l) => out.locale = Some(l),
                None => out.notices.push(notice(&value, "bad_lang")),
            }
        } else if UI_PARAMS.contains(&key.as_str()) {
            out.ui.push((key, value));
        } else if known(&key, &out.form) {
            out.form.set(key, value);
        } else {
            out.notices.push(notice(&key, "unknown"));
        }
    }
    out
}

/// Builds a query string (without `?`) from a form and the UI parameters, in a stable order.
pub fn to_query<'a>(form: &Form, ui: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut parts: Vec<String> = Vec::new();
    for (k, v) in ui {
        parts.push(format!("{}={}", percent_encode(k), percent_encode(v)));
    }
    if let Some(cat) = form.get("cat") {
        parts.push(format!("cat={}", percent_encode(cat)));
    }
    for (k, v) in form.iter() {
        if k != "cat" && !v.trim().is_empty() {
            parts.push(format!("{}={}", percent_encode(k), percent_encode(v)));
        }
    }
    parts.join("&")
}

fn notice(param: &str, code: &'static str) -> ParamNotice {
    // Names are shown to the user: keep them short and printable.
    let shown: String = param.chars().filter(|c| !c.is_control()).take(32).collect();
    ParamNotice { param: shown, code }
}

fn truncate_at_char(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Decodes `%XX` escapes and `+` as space; `None` on a broken escape or invalid UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let hi = hex(*bytes.get(i + 1)?)?;
                let lo = hex(*bytes.get(i + 2)?)?;
                out.push(hi * 16 + lo);
                i += 2;
            }
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Encodes everything but unreserved characters (RFC 3986) as UTF-8 `%XX`.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Parses a deep link against the engine's parameter list (category-specific names are judged
/// against the link's own `cat`).
pub fn parse_deep_link(query: &str) -> ParsedQuery {
    parse_query(query, |key, form| {
        let category = form
            .get("cat")
            .and_then(super::category::Category::from_slug);
        super::form_fields::is_known_param(key, category)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn any_known(k: &str, _: &Form) -> bool {
        matches!(k, "price" | "grade" | "old_kwh_day" | "region")
    }

    #[test]
    fn parses_values_and_lang() {
        let q = parse_query(
            "?lang=en&cat=fridge&price=%EF%BC%95%EF%BC%99%EF%BC%99%EF%BC%99&grade=1",
            any_known,
        );
        assert_eq!(q.locale, Some(Locale::En));
        assert_eq!(q.form.get("cat"), Some("fridge"));
        assert_eq!(q.form.get("price"), Some("５９９９"));
        assert!(q.notices.is_empty());
    }

    #[test]
    fn bad_parameters_become_notices() {
        let q = parse_query("foo=1&price=%E4%B8&lang=fr&grade=1&grade=2&x", any_known);
        let codes: Vec<_> = q
            .notices
            .iter()
            .map(|n| (n.param.as_str(), n.code))
            .collect();
        assert!(codes.contains(&("foo", "unknown")));
        assert!(codes.contains(&("price", "bad_encoding")));
        assert!(codes.contains(&("fr", "bad_lang")));
        assert!(codes.contains(&("grade", "duplicate")));
        assert!(codes.contains(&("x", "unknown")));
        assert_eq!(q.form.get("grade"), Some("1"));
        assert_eq!(q.form.get("price"), None);
    }

    #[test]
    fn round_trips() {
        let mut form = Form::new();
        form.set("cat", "ac");
        form.set("price", "1.2万");
        form.set("region", "SH");
        let s = to_query(&form, [("lang", "zh")]);
        assert!(s.starts_with("lang=zh&cat=ac&"));
        let q = parse_query(&s, any_known);
        assert_eq!(q.form, form);
        assert_eq!(q.locale, Some(Locale::Zh));
    }

    #[test]
    fn hostile_queries_never_panic() {
        for q in [
            "%",
            "%%",
            "%zz",
            "=&=&",
            "&&&",
            "a=%FF%FE",
            &"a=1&".repeat(5000),
            "é=ü",
            "price=%00",
        ] {
            let _ = parse_query(q, any_known);
        }
    }
}
