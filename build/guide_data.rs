//! Build-time generator for the trade-in guide (issue 5).
//!
//! `build.rs` includes this file with `#[path = "build/guide_data.rs"] mod guide_data;` and calls
//! [`generate`]. It reads `channels.toml` and `guide.toml` from the data directory (and the rule-set
//! ids of `subsidy_rules.toml`, which the claim steps refer to), validates every entry (all
//! problems are reported together) and writes `guide_data.rs` into `OUT_DIR`: plain `static`s of
//! the types in `src/domain/guide.rs`, so the wasm carries no TOML parser.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;

// The category slugs and province codes are the engine generator's (build.rs), so both agree.
use super::{CATEGORIES, PROVINCES};

const CHANNEL_KINDS: [(&str, &str); 7] = [
    ("subsidy_claim", "SubsidyClaim"),
    ("official_rules", "OfficialRules"),
    ("retailer", "Retailer"),
    ("manufacturer", "Manufacturer"),
    ("recycler", "Recycler"),
    ("recycling_map", "RecyclingMap"),
    ("label_lookup", "LabelLookup"),
];

const NOTE_KINDS: [(&str, &str); 2] = [("acceptance", "Acceptance"), ("fee", "Fee")];

const CONFIDENCES: [(&str, &str); 3] = [
    ("verified", "Verified"),
    ("secondary", "Secondary"),
    ("unverified", "Unverified"),
];

/// Channel names and descriptions have the same limits as a host's channels.
const MAX_NAME_CHARS: usize = 40;
const MAX_TEXT_CHARS: usize = 200;
/// Titles and texts of rule sets, steps and notes.
const MAX_TITLE_CHARS: usize = 60;
const MAX_ADVICE_CHARS: usize = 240;
const MAX_BASIS_CHARS: usize = 80;
/// A citation: who published what, e.g. "商办流通函〔2025〕469号".
const MAX_CITE_CHARS: usize = 60;
const MAX_URL_BYTES: usize = 300;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChannelsFile {
    channel: Vec<ChannelRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChannelRow {
    id: String,
    kind: String,
    name_zh: String,
    name_en: String,
    what_zh: String,
    what_en: String,
    categories: Vec<String>,
    scope: Vec<String>,
    url: String,
    source: String,
    cite: String,
    checked: String,
    confidence: String,
    valid_from: Option<String>,
    valid_until: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GuideFile {
    step: Vec<StepRow>,
    note: Vec<NoteRow>,
    lifetime: Vec<LifetimeRow>,
    safety_note: Vec<SafetyNoteRow>,
}

/// Only the ids of the engine's rule sets; the rest of `subsidy_rules.toml` is the engine's.
#[derive(Deserialize)]
struct SubsidyRulesFile {
    rule_set: Vec<SubsidyRuleId>,
}

#[derive(Deserialize)]
struct SubsidyRuleId {
    id: String,
    jurisdiction: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StepRow {
    id: String,
    rule_set: String,
    categories: Vec<String>,
    scope: Vec<String>,
    title_zh: String,
    title_en: String,
    text_zh: String,
    text_en: String,
    source: String,
    cite: String,
    checked: String,
    confidence: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NoteRow {
    id: String,
    kind: String,
    categories: Vec<String>,
    scope: Vec<String>,
    title_zh: String,
    title_en: String,
    text_zh: String,
    text_en: String,
    source: String,
    cite: String,
    checked: String,
    confidence: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SafetyNoteRow {
    id: String,
    categories: Vec<String>,
    scope: Vec<String>,
    title_zh: String,
    title_en: String,
    text_zh: String,
    text_en: String,
    source: String,
    cite: String,
    checked: String,
    confidence: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LifetimeRow {
    category: String,
    years: u8,
    condition_zh: Option<String>,
    condition_en: Option<String>,
    basis_zh: String,
    basis_en: String,
    source: String,
    cite: String,
    checked: String,
    confidence: String,
    valid_from: Option<String>,
    valid_until: Option<String>,
}

/// Reads, validates and compiles the guide data; `Err` lists every problem found.
pub fn generate(data_dir: &Path, out_dir: &Path) -> Result<(), String> {
    let channels_path = data_dir.join("channels.toml");
    let guide_path = data_dir.join("guide.toml");
    let rules_path = data_dir.join("subsidy_rules.toml");
    for path in [&channels_path, &guide_path, &rules_path] {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    println!("cargo:rerun-if-changed=build/guide_data.rs");

    let channels: ChannelsFile = read_toml(&channels_path)?;
    let guide: GuideFile = read_toml(&guide_path)?;
    let rules: SubsidyRulesFile = read_toml(&rules_path)?;

    let mut gen = Generator {
        // Steps explain the national rule sets; local ones are the channels' business.
        rule_set_ids: rules
            .rule_set
            .into_iter()
            .filter(|r| r.jurisdiction == "CN")
            .map(|r| r.id)
            .collect(),
        ..Generator::default()
    };
    gen.channels(&channels.channel);
    gen.advice(&guide);
    gen.lifetimes(&guide.lifetime);
    if !gen.errors.is_empty() {
        return Err(format!(
            "guide data ({}): {} problem(s):\n  {}",
            data_dir.display(),
            gen.errors.len(),
            gen.errors.join("\n  ")
        ));
    }
    let target = out_dir.join("guide_data.rs");
    std::fs::write(&target, gen.code).map_err(|e| format!("writing {}: {e}", target.display()))
}

fn read_toml<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, String> {
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

#[derive(Default)]
struct Generator {
    code: String,
    errors: Vec<String>,
    /// Ids of the engine's national rule sets, for checking the steps' `rule_set`.
    rule_set_ids: Vec<String>,
}

impl Generator {
    fn error(&mut self, at: &str, message: impl std::fmt::Display) {
        self.errors.push(format!("{at}: {message}"));
    }

    fn channels(&mut self, rows: &[ChannelRow]) {
        let mut ids = HashSet::new();
        let mut out = String::from("static CHANNELS: &[Channel] = &[\n");
        for row in rows {
            let at = format!("channels.toml [{}]", row.id);
            self.id(&at, &row.id, &mut ids);
            let kind = self.lookup(&at, "kind", &row.kind, &CHANNEL_KINDS);
            let name = self.bilingual(&at, "name", &row.name_zh, &row.name_en, MAX_NAME_CHARS);
            let what = self.bilingual(&at, "what", &row.what_zh, &row.what_en, MAX_TEXT_CHARS);
            let categories = self.categories(&at, &row.categories);
            let regions = self.scope(&at, &row.scope);
            self.url(&at, &row.url);
            let validity =
                self.validity(&at, row.valid_from.as_deref(), row.valid_until.as_deref());
            let provenance =
                self.provenance(&at, &row.source, &row.cite, &row.checked, &row.confidence);
            let _ = writeln!(
                out,
                "    Channel {{ id: {}, kind: ChannelKind::{kind}, name: {name}, what: {what}, \
                 categories: {categories}, regions: {regions}, url: {}, validity: {validity}, \
                 provenance: {provenance} }},",
                lit(&row.id),
                lit(&row.url),
            );
        }
        out.push_str("];\n\n");
        self.code.push_str(&out);
    }

    fn advice(&mut self, guide: &GuideFile) {
        let mut ids = HashSet::new();
        let mut out = String::from("static ADVICE: &[Advice] = &[\n");
        for row in &guide.step {
            let at = format!("guide.toml step [{}]", row.id);
            let rule_set = if row.rule_set == "all" {
                "None".to_string()
            } else {
                if !self.rule_set_ids.contains(&row.rule_set) {
                    self.error(
                        &at,
                        format!(
                            "rule_set {:?} is not a national (CN) rule set of subsidy_rules.toml",
                            row.rule_set
                        ),
                    );
                }
                format!("Some({})", lit(&row.rule_set))
            };
            let fields = AdviceFields {
                id: &row.id,
                categories: &row.categories,
                scope: &row.scope,
                title: (&row.title_zh, &row.title_en),
                text: (&row.text_zh, &row.text_en),
                provenance: (&row.source, &row.cite, &row.checked, &row.confidence),
            };
            let entry = self.advice_entry(&at, &mut ids, "Step", &rule_set, &fields);
            out.push_str(&entry);
        }
        for row in &guide.note {
            let at = format!("guide.toml note [{}]", row.id);
            let kind = self.lookup(&at, "kind", &row.kind, &NOTE_KINDS);
            let fields = AdviceFields {
                id: &row.id,
                categories: &row.categories,
                scope: &row.scope,
                title: (&row.title_zh, &row.title_en),
                text: (&row.text_zh, &row.text_en),
                provenance: (&row.source, &row.cite, &row.checked, &row.confidence),
            };
            let entry = self.advice_entry(&at, &mut ids, kind, "None", &fields);
            out.push_str(&entry);
        }
        for row in &guide.safety_note {
            let at = format!("guide.toml safety_note [{}]", row.id);
            let fields = AdviceFields {
                id: &row.id,
                categories: &row.categories,
                scope: &row.scope,
                title: (&row.title_zh, &row.title_en),
                text: (&row.text_zh, &row.text_en),
                provenance: (&row.source, &row.cite, &row.checked, &row.confidence),
            };
            let entry = self.advice_entry(&at, &mut ids, "Safety", "None", &fields);
            out.push_str(&entry);
        }
        out.push_str("];\n\n");
        self.code.push_str(&out);
    }

    fn advice_entry(
        &mut self,
        at: &str,
        ids: &mut HashSet<String>,
        kind: &str,
        rule_set: &str,
        f: &AdviceFields<'_>,
    ) -> String {
        self.id(at, f.id, ids);
        let categories = self.categories(at, f.categories);
        let regions = self.scope(at, f.scope);
        let title = self.bilingual(at, "title", f.title.0, f.title.1, MAX_TITLE_CHARS);
        let text = self.bilingual(at, "text", f.text.0, f.text.1, MAX_ADVICE_CHARS);
        let (source, cite, checked, confidence) = f.provenance;
        let provenance = self.provenance(at, source, cite, checked, confidence);
        format!(
            "    Advice {{ id: {}, kind: AdviceKind::{kind}, rule_set: {rule_set}, \
             categories: {categories}, regions: {regions}, title: {title}, text: {text}, \
             provenance: {provenance} }},\n",
            lit(f.id)
        )
    }

    fn lifetimes(&mut self, rows: &[LifetimeRow]) {
        let mut seen = HashSet::new();
        let mut out = String::from("static LIFETIMES: &[SafeLifetime] = &[\n");
        for row in rows {
            let at = format!("guide.toml lifetime [{} {}y]", row.category, row.years);
            if !seen.insert((row.category.clone(), row.years)) {
                self.error(&at, "duplicate category and years");
            }
            let category = match CATEGORIES.iter().find(|(slug, _)| *slug == row.category) {
                Some((_, variant)) => format!("Category::{variant}"),
                None => {
                    self.error(&at, format!("unknown category {:?}", row.category));
                    "Category::Fridge".to_string()
                }
            };
            if !(1..=50).contains(&row.years) {
                self.error(&at, "years must be 1–50");
            }
            let condition = match (&row.condition_zh, &row.condition_en) {
                (None, None) => "None".to_string(),
                (Some(zh), Some(en)) => {
                    format!(
                        "Some({})",
                        self.bilingual(&at, "condition", zh, en, MAX_BASIS_CHARS)
                    )
                }
                _ => {
                    self.error(&at, "condition needs both condition_zh and condition_en");
                    "None".to_string()
                }
            };
            let basis = self.bilingual(&at, "basis", &row.basis_zh, &row.basis_en, MAX_BASIS_CHARS);
            let validity =
                self.validity(&at, row.valid_from.as_deref(), row.valid_until.as_deref());
            let provenance =
                self.provenance(&at, &row.source, &row.cite, &row.checked, &row.confidence);
            let _ = writeln!(
                out,
                "    SafeLifetime {{ category: {category}, years: {}, condition: {condition}, \
                 basis: {basis}, validity: {validity}, provenance: {provenance} }},",
                row.years
            );
        }
        out.push_str("];\n");
        self.code.push_str(&out);
    }

    fn id(&mut self, at: &str, id: &str, seen: &mut HashSet<String>) {
        let plain = !id.is_empty()
            && id.len() <= 40
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !plain {
            self.error(at, "id must be 1–40 characters of [a-z0-9_]");
        }
        if !seen.insert(id.to_string()) {
            self.error(at, "duplicate id");
        }
    }

    fn lookup(
        &mut self,
        at: &str,
        field: &str,
        value: &str,
        table: &'static [(&'static str, &'static str)],
    ) -> &'static str {
        match table.iter().find(|(code, _)| *code == value) {
            Some((_, variant)) => variant,
            None => {
                let known: Vec<&str> = table.iter().map(|(code, _)| *code).collect();
                self.error(at, format!("{field} {value:?} is not one of {known:?}"));
                table.first().map(|(_, variant)| *variant).unwrap_or("")
            }
        }
    }

    fn bilingual(&mut self, at: &str, field: &str, zh: &str, en: &str, max: usize) -> String {
        for (suffix, value) in [("zh", zh), ("en", en)] {
            let trimmed = value.trim();
            if trimmed.is_empty() {
                self.error(at, format!("{field}_{suffix} is empty"));
            }
            if trimmed != value {
                self.error(
                    at,
                    format!("{field}_{suffix} has leading or trailing spaces"),
                );
            }
            let chars = value.chars().count();
            if chars > max {
                self.error(
                    at,
                    format!("{field}_{suffix} has {chars} characters, at most {max}"),
                );
            }
            if value.chars().any(char::is_control) {
                self.error(at, format!("{field}_{suffix} contains a control character"));
            }
        }
        format!("Bilingual {{ zh: zh!({}), en: en!({}) }}", lit(zh), lit(en))
    }

    fn categories(&mut self, at: &str, slugs: &[String]) -> String {
        if slugs.len() == 1 && slugs.first().is_some_and(|s| s == "all") {
            return "CategoryScope::All".to_string();
        }
        if slugs.is_empty() {
            self.error(at, "categories is empty (use [\"all\"])");
        }
        let mut seen = HashSet::new();
        let mut variants = Vec::new();
        for slug in slugs {
            if !seen.insert(slug) {
                self.error(at, format!("category {slug:?} listed twice"));
            }
            match CATEGORIES.iter().find(|(s, _)| s == slug) {
                Some((_, variant)) => variants.push(format!("Category::{variant}")),
                None => self.error(
                    at,
                    format!("unknown category {slug:?} (\"all\" must be alone)"),
                ),
            }
        }
        format!("CategoryScope::Only(&[{}])", variants.join(", "))
    }

    fn scope(&mut self, at: &str, codes: &[String]) -> String {
        if codes.len() == 1 && codes.first().is_some_and(|c| c == "national") {
            return "RegionScope::National".to_string();
        }
        if codes.is_empty() {
            self.error(at, "scope is empty (use [\"national\"])");
        }
        let mut seen = HashSet::new();
        for code in codes {
            if !seen.insert(code) {
                self.error(at, format!("province {code:?} listed twice"));
            }
            if !PROVINCES.contains(&code.as_str()) {
                self.error(
                    at,
                    format!("unknown province code {code:?} (\"national\" must be alone)"),
                );
            }
        }
        let list: Vec<String> = codes.iter().map(|c| lit(c)).collect();
        format!("RegionScope::Provinces(&[{}])", list.join(", "))
    }

    fn url(&mut self, at: &str, url: &str) {
        let Some(rest) = url.strip_prefix("https://") else {
            self.error(at, "url must start with https://");
            return;
        };
        if url.len() > MAX_URL_BYTES {
            self.error(at, format!("url is longer than {MAX_URL_BYTES} bytes"));
        }
        let bad_char = |b: u8| {
            !(b'!'..=b'~').contains(&b)
                || matches!(
                    b,
                    b'\\' | b'<' | b'>' | b'"' | b'`' | b'{' | b'}' | b'|' | b'^'
                )
        };
        if url.bytes().any(bad_char) {
            self.error(
                at,
                "url has whitespace, a control, non-ASCII or forbidden character",
            );
        }
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        if authority.contains('@') {
            self.error(at, "url must not contain credentials");
        }
        let host = authority.split(':').next().unwrap_or("");
        let labels: Vec<&str> = host.split('.').collect();
        let host_ok = labels.len() >= 2
            && labels.iter().all(|l| {
                !l.is_empty()
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            });
        if !host_ok {
            self.error(at, format!("url host {host:?} is not a domain name"));
        }
    }

    fn validity(&mut self, at: &str, from: Option<&str>, until: Option<&str>) -> String {
        let from = from.and_then(|d| self.day(at, "valid_from", d));
        let until = until.and_then(|d| self.day(at, "valid_until", d));
        if let (Some(f), Some(u)) = (from, until) {
            if f > u {
                self.error(at, "valid_from is after valid_until");
            }
        }
        let show = |d: Option<u32>| d.map_or("None".to_string(), |d| format!("Some({d})"));
        format!(
            "Validity {{ from: {}, until: {} }}",
            show(from),
            show(until)
        )
    }

    /// The buyer sees `cite` (who published what). `source`, the research trail behind it, must
    /// be there but stays in the TOML for review: nothing in the app or the JS package reads it.
    fn provenance(
        &mut self,
        at: &str,
        source: &str,
        cite: &str,
        checked: &str,
        confidence: &str,
    ) -> String {
        if source.trim().is_empty() {
            self.error(at, "source is empty");
        }
        self.cite(at, cite, confidence);
        self.day(at, "checked", checked);
        let mark = self.lookup(at, "confidence", confidence, &CONFIDENCES);
        format!(
            "Provenance {{ cite: {}, checked: {}, confidence: Confidence::{mark} }}",
            lit(cite),
            lit(checked)
        )
    }

    /// A citation a buyer can recognise and look up: short, and none of our research trail.
    fn cite(&mut self, at: &str, cite: &str, confidence: &str) {
        if cite.trim() != cite {
            self.error(at, "cite has leading or trailing spaces");
        }
        if cite.is_empty() && confidence != "unverified" {
            self.error(
                at,
                "cite is empty: only an unverified entry may have no published source",
            );
        }
        if cite.chars().count() > MAX_CITE_CHARS {
            self.error(
                at,
                format!("cite is longer than {MAX_CITE_CHARS} characters"),
            );
        }
        let lower = cite.to_lowercase();
        for trail in ["domain", "github", "docs/", "http", "file id", ".md"] {
            if lower.contains(trail) {
                self.error(
                    at,
                    format!("cite mentions {trail:?}: that belongs in source, not before buyers"),
                );
            }
        }
    }

    /// Parses `YYYY-MM-DD` (a real day, years 2000–2100) into `yyyymmdd`.
    fn day(&mut self, at: &str, field: &str, text: &str) -> Option<u32> {
        let parsed = parse_day(text);
        if parsed.is_none() {
            self.error(
                at,
                format!("{field} {text:?} is not a YYYY-MM-DD date in 2000–2100"),
            );
        }
        parsed
    }
}

struct AdviceFields<'a> {
    id: &'a str,
    categories: &'a [String],
    scope: &'a [String],
    title: (&'a str, &'a str),
    text: (&'a str, &'a str),
    provenance: (&'a str, &'a str, &'a str, &'a str),
}

fn parse_day(text: &str) -> Option<u32> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    let year: u32 = text.get(0..4)?.parse().ok()?;
    let month: u32 = text.get(5..7)?.parse().ok()?;
    let day: u32 = text.get(8..10)?.parse().ok()?;
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    let ok = (2000..=2100).contains(&year) && (1..=days_in_month).contains(&day);
    ok.then_some(year * 10_000 + month * 100 + day)
}

/// A Rust string literal for `s` (`Debug` escapes quotes, backslashes and control characters).
fn lit(s: &str) -> String {
    format!("{s:?}")
}
