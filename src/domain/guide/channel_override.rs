//! A host's own channel list (retailer embed or URL parameter), parsed from untrusted JSON.
//!
//! Format (documented in `docs/guide-data.md`):
//!
//! ```json
//! {"mode": "prepend",
//!  "channels": [{"name_zh": "某某电器 以旧换新", "name_en": "Acme trade-in",
//!                "desc_zh": "…", "desc_en": "…", "url": "https://acme.example/trade-in",
//!                "categories": ["fridge", "ac"], "regions": ["GD"]}]}
//! ```
//!
//! Everything is checked: size, nesting, field names, types, lengths, control characters, https
//! links, known categories and provinces. Text stays plain text: markup such as `<b>` is kept as the
//! literal characters (the UI renders text nodes, never HTML). Error messages never echo the host's
//! text, only field paths and limits.

use std::fmt;

use crate::domain::category::Category;
use crate::domain::data::region;
use crate::domain::json::{self, Json, JsonErrorKind, Limits};
use crate::domain::locale::Locale;

/// Largest accepted document, in bytes.
pub const MAX_OVERRIDE_BYTES: usize = 16 * 1024;
/// Most channels a host may give.
pub const MAX_HOST_CHANNELS: usize = 20;
/// Longest name, in characters.
pub const MAX_NAME_CHARS: usize = 40;
/// Longest description, in characters.
pub const MAX_DESC_CHARS: usize = 200;
/// Longest link, in bytes (links are ASCII).
pub const MAX_URL_BYTES: usize = 300;
/// Most entries in a `categories` or `regions` list (there are 15 categories and 31 provinces).
const MAX_LIST_ITEMS: usize = 40;
/// Document → `channels` array → channel → `categories` array.
const MAX_JSON_DEPTH: usize = 4;

/// How the host's channels combine with the built-in ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum OverrideMode {
    /// The host's channels first, then ours (the default).
    #[default]
    Prepend,
    /// The host's channels instead of our retailer, manufacturer and recycler entries. Official
    /// entries (subsidy claim, local rules, recycling map, label registry) always stay.
    Replace,
}

/// One channel given by the host, validated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostChannel {
    /// Trimmed; at least one of the two names is non-empty.
    pub name_zh: String,
    pub name_en: String,
    /// Trimmed; may be empty.
    pub desc_zh: String,
    pub desc_en: String,
    /// A checked `https://` link.
    pub url: String,
    /// `None`: every category.
    pub categories: Option<Vec<Category>>,
    /// Canonical province codes; `None`: everywhere.
    pub regions: Option<Vec<&'static str>>,
}

impl HostChannel {
    /// The name in `locale`, or in the other language when the host gave only one.
    pub fn name(&self, locale: Locale) -> &str {
        prefer(locale, &self.name_zh, &self.name_en)
    }

    /// The description in `locale`, or in the other language; may be empty.
    pub fn description(&self, locale: Locale) -> &str {
        prefer(locale, &self.desc_zh, &self.desc_en)
    }

    /// True when the channel applies to `category` in `region` (`None`: province unknown, so
    /// only channels without a region list apply).
    pub fn applies(&self, category: Category, region: Option<&str>) -> bool {
        let category_ok = self
            .categories
            .as_ref()
            .is_none_or(|list| list.contains(&category));
        let region_ok = match &self.regions {
            None => true,
            Some(codes) => region.is_some_and(|r| codes.iter().any(|c| c.eq_ignore_ascii_case(r))),
        };
        category_ok && region_ok
    }
}

fn prefer<'a>(locale: Locale, zh: &'a str, en: &'a str) -> &'a str {
    let (first, second) = locale.pick((zh, en), (en, zh));
    if first.is_empty() {
        second
    } else {
        first
    }
}

/// A validated host channel list.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ChannelOverride {
    pub mode: OverrideMode,
    /// 1 to [`MAX_HOST_CHANNELS`] channels, in the host's order.
    pub channels: Vec<HostChannel>,
}

/// Why a link was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlProblem {
    /// Not `https://…` (covers `http:`, `javascript:`, `data:`, `//host` …).
    NotHttps,
    /// Longer than [`MAX_URL_BYTES`].
    TooLong,
    /// Whitespace, a control character, a non-ASCII character, or one of `\ < > " ` { } | ^`.
    ForbiddenCharacter,
    /// A user name or password before the host (`https://user@host`).
    Credentials,
    /// Not a domain name (empty, an IP address, a bad label, no dot).
    BadHost,
    /// A port that is not 1–65535.
    BadPort,
    /// A `%` not followed by two hex digits.
    BadPercentEncoding,
}

impl UrlProblem {
    fn message(self, locale: Locale) -> &'static str {
        let (zh, en) = match self {
            UrlProblem::NotHttps => ("链接必须以 https:// 开头", "the link must start with https://"),
            UrlProblem::TooLong => ("链接过长", "the link is too long"),
            UrlProblem::ForbiddenCharacter => (
                "链接含有空格、控制字符、非 ASCII 字符或不允许的符号",
                "the link contains a space, a control character, a non-ASCII character or a forbidden symbol",
            ),
            UrlProblem::Credentials => (
                "链接不得包含用户名或密码",
                "the link must not contain a user name or password",
            ),
            UrlProblem::BadHost => (
                "链接的域名无效（不接受 IP 地址）",
                "the link's domain name is not valid (IP addresses are not accepted)",
            ),
            UrlProblem::BadPort => ("链接的端口无效", "the link's port is not valid"),
            UrlProblem::BadPercentEncoding => (
                "链接中的 % 编码无效",
                "the link has an invalid % escape",
            ),
        };
        locale.pick(zh, en)
    }
}

/// What was wrong with a host channel list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverrideErrorKind {
    /// Larger than [`MAX_OVERRIDE_BYTES`].
    TooLarge,
    /// Not valid JSON (or nested deeper than the format needs).
    Json {
        kind: JsonErrorKind,
        offset: usize,
    },
    NotAnObject,
    UnknownField,
    MissingField,
    WrongType {
        expected: &'static str,
    },
    /// `mode` is not `prepend` or `replace`.
    BadMode,
    /// An empty `channels` array.
    NoChannels,
    TooManyChannels,
    /// A `categories` or `regions` list that is too long.
    TooManyItems,
    /// An empty `categories` or `regions` list (omit the field to mean "all").
    EmptyList,
    /// A name that is empty after trimming.
    EmptyText,
    TextTooLong {
        max: usize,
    },
    /// A control, bidirectional-override or zero-width character.
    ControlCharacter,
    BadUrl(UrlProblem),
    UnknownCategory,
    UnknownRegion,
}

/// A rejected host channel list: what and where. The built-in list stays in use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverrideError {
    pub kind: OverrideErrorKind,
    /// Where, e.g. `channels[3].url`; empty for the whole document. Built only from known field
    /// names, indices and (for an unknown field) a name of at most 32 `[A-Za-z0-9_-]` characters.
    pub path: String,
}

impl OverrideError {
    fn new(kind: OverrideErrorKind, path: impl Into<String>) -> OverrideError {
        OverrideError {
            kind,
            path: path.into(),
        }
    }

    /// A stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self.kind {
            OverrideErrorKind::TooLarge => "too_large",
            OverrideErrorKind::Json { .. } => "invalid_json",
            OverrideErrorKind::NotAnObject => "not_an_object",
            OverrideErrorKind::UnknownField => "unknown_field",
            OverrideErrorKind::MissingField => "missing_field",
            OverrideErrorKind::WrongType { .. } => "wrong_type",
            OverrideErrorKind::BadMode => "bad_mode",
            OverrideErrorKind::NoChannels => "no_channels",
            OverrideErrorKind::TooManyChannels => "too_many_channels",
            OverrideErrorKind::TooManyItems => "too_many_items",
            OverrideErrorKind::EmptyList => "empty_list",
            OverrideErrorKind::EmptyText => "empty_text",
            OverrideErrorKind::TextTooLong { .. } => "text_too_long",
            OverrideErrorKind::ControlCharacter => "control_character",
            OverrideErrorKind::BadUrl(_) => "bad_url",
            OverrideErrorKind::UnknownCategory => "unknown_category",
            OverrideErrorKind::UnknownRegion => "unknown_region",
        }
    }

    /// A sentence for the buyer or the host's developer, saying the built-in list is kept.
    pub fn message(&self, locale: Locale) -> String {
        let detail = self.detail(locale);
        let place = if self.path.is_empty() {
            String::new()
        } else {
            locale.pick(format!("（{}）", self.path), format!(" ({})", self.path))
        };
        locale.pick(
            format!("商家渠道列表未采用{place}：{detail}。已使用内置列表。"),
            format!(
                "The host's channel list was rejected{place}: {detail}. The built-in list is used."
            ),
        )
    }

    fn detail(&self, locale: Locale) -> String {
        let pair = |zh: &str, en: &str| locale.pick(zh, en).to_string();
        match self.kind {
            OverrideErrorKind::TooLarge => locale.pick(
                format!("超过 {} KB", MAX_OVERRIDE_BYTES / 1024),
                format!("it is larger than {} KB", MAX_OVERRIDE_BYTES / 1024),
            ),
            OverrideErrorKind::Json { kind, offset } => {
                if kind == JsonErrorKind::TooDeep {
                    pair("嵌套层级过深", "it is nested too deeply")
                } else {
                    locale.pick(
                        format!("不是有效的 JSON（第 {offset} 字节，{}）", kind.code()),
                        format!("it is not valid JSON (byte {offset}, {})", kind.code()),
                    )
                }
            }
            OverrideErrorKind::NotAnObject => pair("应为 JSON 对象", "a JSON object is expected"),
            OverrideErrorKind::UnknownField => pair("不认识的字段", "unknown field"),
            OverrideErrorKind::MissingField => pair("缺少必填字段", "a required field is missing"),
            OverrideErrorKind::WrongType { expected } => {
                let zh = match expected {
                    "string" => "字符串",
                    "array" => "数组",
                    _ => "对象",
                };
                locale.pick(
                    format!("类型错误，应为{zh}"),
                    format!("wrong type, {expected} expected"),
                )
            }
            OverrideErrorKind::BadMode => pair(
                "mode 只能是 prepend 或 replace",
                "mode must be prepend or replace",
            ),
            OverrideErrorKind::NoChannels => pair("渠道列表为空", "the channel list is empty"),
            OverrideErrorKind::TooManyChannels => locale.pick(
                format!("渠道最多 {MAX_HOST_CHANNELS} 个"),
                format!("at most {MAX_HOST_CHANNELS} channels are allowed"),
            ),
            OverrideErrorKind::TooManyItems => locale.pick(
                format!("列表最多 {MAX_LIST_ITEMS} 项"),
                format!("a list may have at most {MAX_LIST_ITEMS} items"),
            ),
            OverrideErrorKind::EmptyList => pair(
                "列表为空（表示全部时请省略该字段）",
                "the list is empty (omit the field to mean all)",
            ),
            OverrideErrorKind::EmptyText => pair("名称为空", "the name is empty"),
            OverrideErrorKind::TextTooLong { max } => locale.pick(
                format!("文字超过 {max} 个字符"),
                format!("the text is longer than {max} characters"),
            ),
            OverrideErrorKind::ControlCharacter => pair(
                "文字含有控制字符或不可见的方向控制字符",
                "the text contains a control or invisible direction character",
            ),
            OverrideErrorKind::BadUrl(problem) => problem.message(locale).to_string(),
            OverrideErrorKind::UnknownCategory => pair(
                "不认识的品类（用品类代码，如 fridge，或 all）",
                "unknown category (use a category code such as fridge, or all)",
            ),
            OverrideErrorKind::UnknownRegion => pair(
                "不认识的省份代码（如 BJ、GD，或 national）",
                "unknown province code (such as BJ, GD, or national)",
            ),
        }
    }
}

impl fmt::Display for OverrideError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for OverrideError {}

/// Parses and validates a host channel list. On error the caller keeps the built-in list and may
/// show [`OverrideError::message`].
pub fn parse_channel_override(input: &str) -> Result<ChannelOverride, OverrideError> {
    if input.len() > MAX_OVERRIDE_BYTES {
        return Err(OverrideError::new(OverrideErrorKind::TooLarge, ""));
    }
    let limits = Limits {
        max_bytes: MAX_OVERRIDE_BYTES,
        max_depth: MAX_JSON_DEPTH,
    };
    let document = json::parse_with_limits(input, limits).map_err(|e| {
        OverrideError::new(
            OverrideErrorKind::Json {
                kind: e.kind,
                offset: e.offset,
            },
            "",
        )
    })?;
    let Json::Object(members) = document else {
        return Err(OverrideError::new(OverrideErrorKind::NotAnObject, ""));
    };

    let mut mode = OverrideMode::default();
    let mut channels = None;
    for (key, value) in &members {
        match key.as_str() {
            "mode" => {
                mode = match expect_str(value, "mode")? {
                    "prepend" => OverrideMode::Prepend,
                    "replace" => OverrideMode::Replace,
                    _ => return Err(OverrideError::new(OverrideErrorKind::BadMode, "mode")),
                }
            }
            "channels" => channels = Some(parse_channels(value)?),
            other => {
                return Err(OverrideError::new(
                    OverrideErrorKind::UnknownField,
                    safe_field_name(other),
                ))
            }
        }
    }
    let channels =
        channels.ok_or_else(|| OverrideError::new(OverrideErrorKind::MissingField, "channels"))?;
    Ok(ChannelOverride { mode, channels })
}

fn parse_channels(value: &Json) -> Result<Vec<HostChannel>, OverrideError> {
    let Json::Array(items) = value else {
        return Err(wrong_type("array", "channels"));
    };
    if items.is_empty() {
        return Err(OverrideError::new(
            OverrideErrorKind::NoChannels,
            "channels",
        ));
    }
    if items.len() > MAX_HOST_CHANNELS {
        return Err(OverrideError::new(
            OverrideErrorKind::TooManyChannels,
            "channels",
        ));
    }
    items
        .iter()
        .enumerate()
        .map(|(index, item)| parse_channel(item, &format!("channels[{index}]")))
        .collect()
}

fn parse_channel(value: &Json, path: &str) -> Result<HostChannel, OverrideError> {
    let Json::Object(members) = value else {
        return Err(wrong_type("object", path));
    };
    let mut name_zh = None;
    let mut name_en = None;
    let mut desc_zh = String::new();
    let mut desc_en = String::new();
    let mut url = None;
    let mut categories = None;
    let mut regions = None;
    for (key, value) in members {
        let field_path = |name: &str| format!("{path}.{name}");
        match key.as_str() {
            "name_zh" => name_zh = Some(text(value, MAX_NAME_CHARS, &field_path("name_zh"))?),
            "name_en" => name_en = Some(text(value, MAX_NAME_CHARS, &field_path("name_en"))?),
            "desc_zh" => desc_zh = text(value, MAX_DESC_CHARS, &field_path("desc_zh"))?,
            "desc_en" => desc_en = text(value, MAX_DESC_CHARS, &field_path("desc_en"))?,
            "url" => {
                let p = field_path("url");
                let raw = expect_str(value, &p)?;
                validate_https_url(raw)
                    .map_err(|problem| OverrideError::new(OverrideErrorKind::BadUrl(problem), p))?;
                url = Some(raw.to_string());
            }
            "categories" => categories = parse_categories(value, &field_path("categories"))?,
            "regions" => regions = parse_regions(value, &field_path("regions"))?,
            other => {
                return Err(OverrideError::new(
                    OverrideErrorKind::UnknownField,
                    format!("{path}.{}", safe_field_name(other)),
                ))
            }
        }
    }
    let (name_zh, name_en) = match (name_zh, name_en) {
        (None, None) => {
            return Err(OverrideError::new(
                OverrideErrorKind::MissingField,
                format!("{path}.name_zh"),
            ))
        }
        (zh, en) => (zh.unwrap_or_default(), en.unwrap_or_default()),
    };
    if name_zh.is_empty() && name_en.is_empty() {
        return Err(OverrideError::new(
            OverrideErrorKind::EmptyText,
            format!("{path}.name_zh"),
        ));
    }
    let url = url.ok_or_else(|| {
        OverrideError::new(OverrideErrorKind::MissingField, format!("{path}.url"))
    })?;
    Ok(HostChannel {
        name_zh,
        name_en,
        desc_zh,
        desc_en,
        url,
        categories,
        regions,
    })
}

/// `None` means every category (`["all"]`).
fn parse_categories(value: &Json, path: &str) -> Result<Option<Vec<Category>>, OverrideError> {
    let codes = string_list(value, path)?;
    let mut out = Vec::new();
    for (index, code) in codes.iter().enumerate() {
        if code.eq_ignore_ascii_case("all") {
            return Ok(None);
        }
        let category = Category::from_slug(code).ok_or_else(|| {
            OverrideError::new(
                OverrideErrorKind::UnknownCategory,
                format!("{path}[{index}]"),
            )
        })?;
        if !out.contains(&category) {
            out.push(category);
        }
    }
    Ok(Some(out))
}

/// `None` means everywhere (`["national"]`).
fn parse_regions(value: &Json, path: &str) -> Result<Option<Vec<&'static str>>, OverrideError> {
    let codes = string_list(value, path)?;
    let mut out = Vec::new();
    for (index, code) in codes.iter().enumerate() {
        if code.eq_ignore_ascii_case("national") {
            return Ok(None);
        }
        let known = region(code).ok_or_else(|| {
            OverrideError::new(OverrideErrorKind::UnknownRegion, format!("{path}[{index}]"))
        })?;
        if !out.contains(&known.code) {
            out.push(known.code);
        }
    }
    Ok(Some(out))
}

fn string_list<'a>(value: &'a Json, path: &str) -> Result<Vec<&'a str>, OverrideError> {
    let Json::Array(items) = value else {
        return Err(wrong_type("array", path));
    };
    if items.is_empty() {
        return Err(OverrideError::new(OverrideErrorKind::EmptyList, path));
    }
    if items.len() > MAX_LIST_ITEMS {
        return Err(OverrideError::new(OverrideErrorKind::TooManyItems, path));
    }
    items
        .iter()
        .enumerate()
        .map(|(index, item)| expect_str(item, &format!("{path}[{index}]")))
        .collect()
}

fn expect_str<'a>(value: &'a Json, path: &str) -> Result<&'a str, OverrideError> {
    value.as_str().ok_or_else(|| wrong_type("string", path))
}

fn wrong_type(expected: &'static str, path: &str) -> OverrideError {
    OverrideError::new(OverrideErrorKind::WrongType { expected }, path)
}

/// A plain-text field: trimmed, no control or invisible direction characters, at most `max`
/// characters. Markup is kept as literal text.
fn text(value: &Json, max: usize, path: &str) -> Result<String, OverrideError> {
    let raw = expect_str(value, path)?;
    let trimmed = raw.trim();
    if trimmed.chars().any(is_forbidden_in_text) {
        return Err(OverrideError::new(
            OverrideErrorKind::ControlCharacter,
            path,
        ));
    }
    if trimmed.chars().nth(max).is_some() {
        return Err(OverrideError::new(
            OverrideErrorKind::TextTooLong { max },
            path,
        ));
    }
    Ok(trimmed.to_string())
}

/// Control characters, and invisible characters that can disguise text (zero-width, bidi
/// overrides and isolates, line/paragraph separators, byte-order mark, interlinear annotation).
fn is_forbidden_in_text(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// An unknown field's name for the error path, if it is short and plain; else a placeholder, so
/// that host text is never echoed.
fn safe_field_name(name: &str) -> String {
    let plain = !name.is_empty()
        && name.len() <= 32
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if plain {
        name.to_string()
    } else {
        "(field)".to_string()
    }
}

/// Checks that `url` is a plain `https://` link to a domain name: no other scheme, no credentials,
/// no whitespace, control or non-ASCII characters, a valid host, port and % escapes, at most
/// [`MAX_URL_BYTES`] bytes. It does not rewrite the link.
pub fn validate_https_url(url: &str) -> Result<(), UrlProblem> {
    if url.len() > MAX_URL_BYTES {
        return Err(UrlProblem::TooLong);
    }
    let forbidden = |b: u8| {
        !(b'!'..=b'~').contains(&b)
            || matches!(
                b,
                b'\\' | b'<' | b'>' | b'"' | b'`' | b'{' | b'}' | b'|' | b'^'
            )
    };
    if url.bytes().any(forbidden) {
        return Err(UrlProblem::ForbiddenCharacter);
    }
    let rest = match url.get(..8) {
        Some(scheme) if scheme.eq_ignore_ascii_case("https://") => url.get(8..).unwrap_or(""),
        _ => return Err(UrlProblem::NotHttps),
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = rest.get(..authority_end).unwrap_or("");
    if authority.contains('@') {
        return Err(UrlProblem::Credentials);
    }
    // IP literals are refused; checking brackets first keeps `[::1]` from reading as a port.
    if authority.contains(['[', ']']) {
        return Err(UrlProblem::BadHost);
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    if let Some(port) = port {
        let valid = !port.is_empty()
            && port.len() <= 5
            && port.bytes().all(|b| b.is_ascii_digit())
            && port.parse::<u32>().is_ok_and(|p| (1..=65_535).contains(&p));
        if !valid {
            return Err(UrlProblem::BadPort);
        }
    }
    if !is_domain_name(host) {
        return Err(UrlProblem::BadHost);
    }
    let bytes = url.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'%' {
            let escape_ok = bytes
                .get(i + 1..i + 3)
                .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit));
            if !escape_ok {
                return Err(UrlProblem::BadPercentEncoding);
            }
        }
    }
    Ok(())
}

/// A DNS name with at least two labels, each 1–63 of `[A-Za-z0-9-]` not starting or ending with
/// `-`, and a top-level label that is not all digits (so IPv4 addresses are refused).
fn is_domain_name(host: &str) -> bool {
    if host.is_empty() || host.len() > 253 {
        return false;
    }
    let labels: Vec<&str> = host.split('.').collect();
    let labels_ok = labels.iter().all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    let top_ok = labels
        .last()
        .is_some_and(|top| !top.bytes().all(|b| b.is_ascii_digit()));
    labels.len() >= 2 && labels_ok && top_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_https_links() {
        for ok in [
            "https://www.jd.com/",
            "https://shop.example.cn",
            "HTTPS://Example.com/path?q=%E4%B8%AD#top",
            "https://xn--fiqs8s.xn--fiqz9s/",
            "https://a.example:8443/x",
        ] {
            assert_eq!(validate_https_url(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn refuses_dangerous_links() {
        use UrlProblem::*;
        let cases = [
            ("javascript:alert(1)", NotHttps),
            ("JaVaScRiPt:alert(1)", NotHttps),
            ("data:text/html,<b>x</b>", ForbiddenCharacter),
            ("data:text/html;base64,PGI+", NotHttps),
            ("http://example.com/", NotHttps),
            ("//example.com/", NotHttps),
            ("https:example.com", NotHttps),
            ("https:///example.com", BadHost),
            ("https://user:pw@example.com/", Credentials),
            ("https://example.com@evil.com/", Credentials),
            ("https://exa mple.com/", ForbiddenCharacter),
            (" https://example.com/", ForbiddenCharacter),
            ("https://example.com/\n", ForbiddenCharacter),
            ("https://例子.中国/", ForbiddenCharacter),
            ("https:\\\\evil.com", ForbiddenCharacter),
            ("https://127.0.0.1/", BadHost),
            ("https://[::1]/", BadHost),
            ("https://localhost/", BadHost),
            ("https://-bad.com/", BadHost),
            ("https://example.com:0/", BadPort),
            ("https://example.com:99999/", BadPort),
            ("https://example.com:/", BadPort),
            ("https://example.com/%zz", BadPercentEncoding),
            ("https://example.com/%4", BadPercentEncoding),
        ];
        for (url, problem) in cases {
            assert_eq!(validate_https_url(url), Err(problem), "{url}");
        }
        let long = format!("https://example.com/{}", "a".repeat(MAX_URL_BYTES));
        assert_eq!(validate_https_url(&long), Err(TooLong));
    }

    #[test]
    fn hides_odd_field_names() {
        assert_eq!(safe_field_name("colour"), "colour");
        assert_eq!(safe_field_name("<script>"), "(field)");
        assert_eq!(safe_field_name(&"a".repeat(33)), "(field)");
        assert_eq!(safe_field_name(""), "(field)");
    }

    #[test]
    fn forbids_invisible_characters() {
        for c in [
            '\u{0}', '\n', '\u{7f}', '\u{200B}', '\u{202E}', '\u{2066}', '\u{FEFF}',
        ] {
            assert!(is_forbidden_in_text(c), "{:?}", c);
        }
        for c in ['a', '中', '<', '&', ' ', '😀'] {
            assert!(!is_forbidden_in_text(c), "{:?}", c);
        }
    }
}
