//! A small, strict JSON parser (RFC 8259) for untrusted host input.
//!
//! It exists so that the wasm does not pull in serde_json (tens of KB) just to read a retailer's
//! channel list. It is strict on purpose: no comments, no trailing commas, no byte-order mark, no
//! duplicate keys, no lone surrogates, no numbers that overflow `f64`. Size and nesting depth are
//! limited before any work is done, and the parser never panics: every failure is a [`JsonError`].

use std::fmt;

/// A parsed JSON value. Objects keep their members in document order.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// Always finite: numbers that overflow `f64` are rejected.
    Number(f64),
    String(String),
    Array(Vec<Json>),
    /// Members in document order; keys are unique (duplicates are a parse error).
    Object(Vec<(String, Json)>),
}

impl Json {
    /// A short English name of the value's type, for error messages ("string", "object" …).
    pub fn type_name(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "boolean",
            Json::Number(_) => "number",
            Json::String(_) => "string",
            Json::Array(_) => "array",
            Json::Object(_) => "object",
        }
    }

    /// The string, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// The elements, if this is an array.
    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The members, if this is an object.
    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The value of member `key`, if this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.as_object()?
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }
}

/// Size and depth limits applied while parsing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Maximum input length in bytes (UTF-8).
    pub max_bytes: usize,
    /// Maximum nesting of arrays and objects; a scalar at top level has depth 0. Values above
    /// [`Limits::HARD_MAX_DEPTH`] are clamped so a caller cannot ask for a stack overflow.
    pub max_depth: usize,
}

impl Limits {
    /// The parser recurses once per nesting level; this bounds the stack it can use.
    pub const HARD_MAX_DEPTH: usize = 128;
}

impl Default for Limits {
    /// 64 KiB and 32 levels: far more than any configuration we read needs.
    fn default() -> Self {
        Limits {
            max_bytes: 64 * 1024,
            max_depth: 32,
        }
    }
}

/// What went wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonErrorKind {
    /// The input is longer than `Limits::max_bytes`.
    TooLarge,
    /// Arrays/objects nest deeper than `Limits::max_depth`.
    TooDeep,
    /// The input ended in the middle of a value.
    UnexpectedEnd,
    /// A character that cannot start or continue a value here.
    UnexpectedChar,
    /// Something that is not a JSON number (`01`, `1.`, `-`, `+1`, `.5` …).
    InvalidNumber,
    /// A number too large for `f64` (e.g. `1e400`).
    NumberOutOfRange,
    /// A backslash escape that JSON does not define, or a bad `\u` sequence.
    InvalidEscape,
    /// A `\u` escape that is a lone or mismatched UTF-16 surrogate.
    InvalidSurrogate,
    /// A raw control character (U+0000–U+001F) inside a string.
    ControlCharacter,
    /// The same key twice in one object.
    DuplicateKey,
    /// More input after the top-level value.
    TrailingCharacters,
}

impl JsonErrorKind {
    /// A stable machine-readable code.
    pub fn code(self) -> &'static str {
        match self {
            JsonErrorKind::TooLarge => "too_large",
            JsonErrorKind::TooDeep => "too_deep",
            JsonErrorKind::UnexpectedEnd => "unexpected_end",
            JsonErrorKind::UnexpectedChar => "unexpected_char",
            JsonErrorKind::InvalidNumber => "invalid_number",
            JsonErrorKind::NumberOutOfRange => "number_out_of_range",
            JsonErrorKind::InvalidEscape => "invalid_escape",
            JsonErrorKind::InvalidSurrogate => "invalid_surrogate",
            JsonErrorKind::ControlCharacter => "control_character",
            JsonErrorKind::DuplicateKey => "duplicate_key",
            JsonErrorKind::TrailingCharacters => "trailing_characters",
        }
    }
}

/// A parse failure and the byte offset where it was detected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub kind: JsonErrorKind,
    /// Byte offset into the input.
    pub offset: usize,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid JSON ({}) at byte {}",
            self.kind.code(),
            self.offset
        )
    }
}

impl std::error::Error for JsonError {}

/// Parses `input` with the default [`Limits`].
pub fn parse(input: &str) -> Result<Json, JsonError> {
    parse_with_limits(input, Limits::default())
}

/// Parses `input` as exactly one JSON value surrounded by optional whitespace.
pub fn parse_with_limits(input: &str, limits: Limits) -> Result<Json, JsonError> {
    if input.len() > limits.max_bytes {
        return Err(JsonError {
            kind: JsonErrorKind::TooLarge,
            offset: limits.max_bytes,
        });
    }
    let mut parser = Parser {
        src: input,
        bytes: input.as_bytes(),
        pos: 0,
        max_depth: limits.max_depth.min(Limits::HARD_MAX_DEPTH),
    };
    parser.skip_whitespace();
    let value = parser.value(0)?;
    parser.skip_whitespace();
    if parser.pos < parser.bytes.len() {
        return Err(parser.error(JsonErrorKind::TrailingCharacters));
    }
    Ok(value)
}

struct Parser<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    max_depth: usize,
}

impl Parser<'_> {
    fn error(&self, kind: JsonErrorKind) -> JsonError {
        JsonError {
            kind,
            offset: self.pos,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// Consumes `literal` (e.g. `true`) or fails.
    fn literal(&mut self, literal: &str, value: Json) -> Result<Json, JsonError> {
        let end = self.pos.saturating_add(literal.len());
        match self.bytes.get(self.pos..end) {
            Some(found) if found == literal.as_bytes() => {
                self.pos = end;
                Ok(value)
            }
            Some(_) => Err(self.error(JsonErrorKind::UnexpectedChar)),
            None => Err(self.error(JsonErrorKind::UnexpectedEnd)),
        }
    }

    /// Parses one value starting at the current (non-whitespace) position. `depth` is the number of
    /// arrays/objects already open around it.
    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        match self.peek() {
            None => Err(self.error(JsonErrorKind::UnexpectedEnd)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => self.array(depth + 1),
            Some(b'{') => self.object(depth + 1),
            Some(_) => Err(self.error(JsonErrorKind::UnexpectedChar)),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > self.max_depth {
            return Err(self.error(JsonErrorKind::TooDeep));
        }
        self.pos += 1; // '['
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.skip_whitespace();
            items.push(self.value(depth)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                Some(_) => return Err(self.error(JsonErrorKind::UnexpectedChar)),
                None => return Err(self.error(JsonErrorKind::UnexpectedEnd)),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > self.max_depth {
            return Err(self.error(JsonErrorKind::TooDeep));
        }
        let start = self.pos;
        self.pos += 1; // '{'
        let mut members: Vec<(String, Json)> = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_whitespace();
            match self.peek() {
                Some(b'"') => {}
                Some(_) => return Err(self.error(JsonErrorKind::UnexpectedChar)),
                None => return Err(self.error(JsonErrorKind::UnexpectedEnd)),
            }
            let key = self.string()?;
            self.skip_whitespace();
            match self.peek() {
                Some(b':') => self.pos += 1,
                Some(_) => return Err(self.error(JsonErrorKind::UnexpectedChar)),
                None => return Err(self.error(JsonErrorKind::UnexpectedEnd)),
            }
            self.skip_whitespace();
            let value = self.value(depth)?;
            members.push((key, value));
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    break;
                }
                Some(_) => return Err(self.error(JsonErrorKind::UnexpectedChar)),
                None => return Err(self.error(JsonErrorKind::UnexpectedEnd)),
            }
        }
        // Sorting references is O(n log n); a pairwise scan could be made quadratic by a hostile
        // object with thousands of keys.
        let mut keys: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
        keys.sort_unstable();
        if keys.windows(2).any(|pair| pair.first() == pair.get(1)) {
            return Err(JsonError {
                kind: JsonErrorKind::DuplicateKey,
                offset: start,
            });
        }
        Ok(Json::Object(members))
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                // A leading zero may not be followed by more digits.
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.error(JsonErrorKind::InvalidNumber));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error(JsonErrorKind::InvalidNumber)),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error(JsonErrorKind::InvalidNumber));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error(JsonErrorKind::InvalidNumber));
            }
            self.digits();
        }
        // The grammar above only admits ASCII, so this slice is on char boundaries.
        let text = self.src.get(start..self.pos).unwrap_or("");
        match crate::domain::number::parse_decimal(text) {
            Some(n) if n.is_finite() => Ok(Json::Number(n)),
            Some(_) => Err(JsonError {
                kind: JsonErrorKind::NumberOutOfRange,
                offset: start,
            }),
            None => Err(JsonError {
                kind: JsonErrorKind::InvalidNumber,
                offset: start,
            }),
        }
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    /// Parses a string starting at the opening quote.
    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1; // opening '"'
        let mut out = String::new();
        loop {
            // Copy the longest run of plain characters at once. The run ends only at ASCII bytes
            // ('"', '\\' or a control byte), so the slice boundaries are char boundaries.
            let run_start = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(self.src.get(run_start..self.pos).unwrap_or(""));
            match self.peek() {
                None => return Err(self.error(JsonErrorKind::UnexpectedEnd)),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = self.escape()?;
                    out.push(c);
                }
                Some(_) => return Err(self.error(JsonErrorKind::ControlCharacter)),
            }
        }
    }

    /// Decodes the escape after a backslash.
    fn escape(&mut self) -> Result<char, JsonError> {
        let Some(b) = self.peek() else {
            return Err(self.error(JsonErrorKind::UnexpectedEnd));
        };
        self.pos += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => {
                self.pos -= 1;
                return Err(self.error(JsonErrorKind::InvalidEscape));
            }
        };
        Ok(c)
    }

    /// Decodes `XXXX` after `\u`, joining a UTF-16 surrogate pair written as two escapes.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let start = self.pos.saturating_sub(2);
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                // A high surrogate must be followed at once by `\u` and a low surrogate.
                if self.bytes.get(self.pos..self.pos.saturating_add(2)) != Some(b"\\u") {
                    return Err(JsonError {
                        kind: JsonErrorKind::InvalidSurrogate,
                        offset: start,
                    });
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(JsonError {
                        kind: JsonErrorKind::InvalidSurrogate,
                        offset: start,
                    });
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => {
                return Err(JsonError {
                    kind: JsonErrorKind::InvalidSurrogate,
                    offset: start,
                })
            }
            other => other,
        };
        char::from_u32(code).ok_or(JsonError {
            kind: JsonErrorKind::InvalidSurrogate,
            offset: start,
        })
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut value = 0u32;
        for _ in 0..4 {
            let digit = match self.peek() {
                None => return Err(self.error(JsonErrorKind::UnexpectedEnd)),
                Some(b) => match (b as char).to_digit(16) {
                    Some(d) => d,
                    None => return Err(self.error(JsonErrorKind::InvalidEscape)),
                },
            };
            value = value * 16 + digit;
            self.pos += 1;
        }
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(input: &str) -> JsonErrorKind {
        match parse(input) {
            Err(e) => e.kind,
            Ok(v) => panic!("expected an error for {input:?}, got {v:?}"),
        }
    }

    #[test]
    fn parses_scalars() {
        assert_eq!(parse("null"), Ok(Json::Null));
        assert_eq!(parse(" true "), Ok(Json::Bool(true)));
        assert_eq!(parse("false"), Ok(Json::Bool(false)));
        assert_eq!(parse("0"), Ok(Json::Number(0.0)));
        assert_eq!(parse("-0.5e1"), Ok(Json::Number(-5.0)));
        assert_eq!(parse("12E+2"), Ok(Json::Number(1200.0)));
        assert_eq!(parse("\"a\""), Ok(Json::String("a".into())));
    }

    #[test]
    fn parses_nested_values_in_order() {
        let v = parse(r#"{"b":[1,{"c":null}],"a":"x"}"#).unwrap();
        let members = v.as_object().unwrap();
        assert_eq!(members[0].0, "b");
        assert_eq!(members[1].0, "a");
        assert_eq!(v.get("a").and_then(Json::as_str), Some("x"));
        assert_eq!(
            v.get("b").and_then(Json::as_array).map(<[Json]>::len),
            Some(2)
        );
        assert_eq!(parse("[]"), Ok(Json::Array(vec![])));
        assert_eq!(parse("{ }"), Ok(Json::Object(vec![])));
    }

    #[test]
    fn decodes_escapes_and_surrogate_pairs() {
        let v = parse(r#""\"\\\/\b\f\n\r\t\u00e9\u4E2D\ud83d\ude00""#).unwrap();
        assert_eq!(v.as_str(), Some("\"\\/\u{8}\u{c}\n\r\té中😀"));
        assert_eq!(parse("\"中文 ok\"").unwrap().as_str(), Some("中文 ok"));
    }

    #[test]
    fn rejects_bad_surrogates_and_escapes() {
        assert_eq!(err(r#""\ud83d""#), JsonErrorKind::InvalidSurrogate);
        assert_eq!(err(r#""\ud83dx""#), JsonErrorKind::InvalidSurrogate);
        assert_eq!(err(r#""\ude00""#), JsonErrorKind::InvalidSurrogate);
        assert_eq!(err(r#""\ud83d\u0041""#), JsonErrorKind::InvalidSurrogate);
        assert_eq!(err(r#""\x41""#), JsonErrorKind::InvalidEscape);
        assert_eq!(err(r#""\u12G4""#), JsonErrorKind::InvalidEscape);
        assert_eq!(err(r#""\u12"#), JsonErrorKind::UnexpectedEnd);
    }

    #[test]
    fn rejects_non_json_numbers() {
        for bad in [
            "01", "1.", ".5", "+1", "-", "1e", "1e+", "0x10", "NaN", "Infinity", "-inf",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        assert_eq!(err("1e400"), JsonErrorKind::NumberOutOfRange);
        assert_eq!(err("-1e400"), JsonErrorKind::NumberOutOfRange);
    }

    #[test]
    fn rejects_sloppy_syntax() {
        assert_eq!(err(""), JsonErrorKind::UnexpectedEnd);
        assert_eq!(err("[1,]"), JsonErrorKind::UnexpectedChar);
        assert_eq!(err("{\"a\":1,}"), JsonErrorKind::UnexpectedChar);
        assert_eq!(err("{a:1}"), JsonErrorKind::UnexpectedChar);
        assert_eq!(err("[1 2]"), JsonErrorKind::UnexpectedChar);
        assert_eq!(err("\u{feff}{}"), JsonErrorKind::UnexpectedChar);
        assert_eq!(err("{} {}"), JsonErrorKind::TrailingCharacters);
        assert_eq!(err("// c\n{}"), JsonErrorKind::UnexpectedChar);
        assert_eq!(err("\"tab\there\""), JsonErrorKind::ControlCharacter);
        assert_eq!(err("{\"a\":1,\"a\":2}"), JsonErrorKind::DuplicateKey);
        assert_eq!(err("tru"), JsonErrorKind::UnexpectedEnd);
        assert_eq!(err("nul1"), JsonErrorKind::UnexpectedChar);
        assert_eq!(err("[\"abc"), JsonErrorKind::UnexpectedEnd);
    }

    #[test]
    fn enforces_size_and_depth() {
        let limits = Limits {
            max_bytes: 10,
            max_depth: 2,
        };
        assert_eq!(
            parse_with_limits("[[1]]", limits).map(|v| v.type_name()),
            Ok("array")
        );
        assert_eq!(
            parse_with_limits("[[[1]]]", limits).unwrap_err().kind,
            JsonErrorKind::TooDeep
        );
        assert_eq!(
            parse_with_limits("\"0123456789\"", limits)
                .unwrap_err()
                .kind,
            JsonErrorKind::TooLarge
        );
        // A caller asking for absurd depth is clamped, so deep input cannot overflow the stack.
        let deep = "[".repeat(100_000);
        let huge = Limits {
            max_bytes: usize::MAX,
            max_depth: usize::MAX,
        };
        assert_eq!(
            parse_with_limits(&deep, huge).unwrap_err().kind,
            JsonErrorKind::TooDeep
        );
    }
}
