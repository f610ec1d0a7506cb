//! The trade-in guide (issue 5): where to trade in, how to claim the subsidy, what happens to the
//! old unit and what it costs, and whether the old unit is past its safe-use lifetime.
//!
//! The facts live in `assets/data/channels.toml` and `assets/data/guide.toml`; `build/guide_data.rs`
//! validates them at build time and compiles them into the statics included at the end of this
//! file. [`guide`] filters them for one category, province and purchase date. A host (retailer
//! embed) can add its own channels with [`parse_channel_override`]; see `docs/guide-data.md`.

mod channel_override;

pub use channel_override::{
    parse_channel_override, validate_https_url, ChannelOverride, HostChannel, OverrideError,
    OverrideErrorKind, OverrideMode, UrlProblem, MAX_DESC_CHARS, MAX_HOST_CHANNELS, MAX_NAME_CHARS,
    MAX_OVERRIDE_BYTES, MAX_URL_BYTES,
};

use super::category::Category;
pub use super::data::Confidence;
use super::data::{region, rule_sets, RuleSet};
use super::date::Date;
use super::locale::Locale;

/// A text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bilingual {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Bilingual {
    /// The text in `locale`.
    pub fn get(&self, locale: Locale) -> &'static str {
        locale.pick(self.zh, self.en)
    }
}

/// Where an entry's facts come from and how sure we are of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Provenance {
    /// What the buyer is shown: who published what (e.g. "商办流通函〔2025〕469号"); empty for
    /// general advice that has no published source (then the entry is unverified).
    pub cite: &'static str,
    /// The day the source was last read, `YYYY-MM-DD`.
    pub checked: &'static str,
    /// The weakest mark of the entry's parts (text and link).
    pub confidence: Confidence,
}

/// An inclusive period. Days are `yyyymmdd` integers (e.g. `20260101`) so that the compiled-in
/// statics need no constructor; `None` leaves that end open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Validity {
    pub from: Option<u32>,
    pub until: Option<u32>,
}

impl Validity {
    /// No limit at either end.
    pub const ALWAYS: Validity = Validity {
        from: None,
        until: None,
    };

    /// True when `date` is inside the period.
    pub fn contains(&self, date: Date) -> bool {
        let day = day_key(date);
        self.from.is_none_or(|from| i64::from(from) <= day)
            && self.until.is_none_or(|until| day <= i64::from(until))
    }
}

/// `date` as a `yyyymmdd` number (years 1–9999, so it cannot overflow an `i64`).
fn day_key(date: Date) -> i64 {
    i64::from(date.year()) * 10_000 + i64::from(date.month()) * 100 + i64::from(date.day())
}

/// Formats a `yyyymmdd` day as `YYYY-MM-DD`.
pub fn format_day(day: u32) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        day / 10_000,
        day / 100 % 100,
        day % 100
    )
}

/// Which categories an entry is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CategoryScope {
    All,
    Only(&'static [Category]),
}

impl CategoryScope {
    /// True when the entry applies to `category`.
    pub fn includes(&self, category: Category) -> bool {
        match self {
            CategoryScope::All => true,
            CategoryScope::Only(list) => list.contains(&category),
        }
    }
}

/// Where an entry applies: everywhere, or only in some provinces (ISO 3166-2:CN codes without
/// `CN-`, as in [`crate::domain::data::Region::code`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegionScope {
    National,
    Provinces(&'static [&'static str]),
}

impl RegionScope {
    /// True when the entry applies to a buyer in `region` (`None`: province unknown, so only
    /// national entries apply).
    pub fn applies_in(&self, region: Option<&str>) -> bool {
        match self {
            RegionScope::National => true,
            RegionScope::Provinces(codes) => {
                region.is_some_and(|r| codes.iter().any(|c| c.eq_ignore_ascii_case(r)))
            }
        }
    }

    /// True for entries limited to some provinces.
    pub fn is_regional(&self) -> bool {
        matches!(self, RegionScope::Provinces(_))
    }
}

/// What a channel does for the buyer. The order of the variants is the display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChannelKind {
    /// Where the subsidy qualification is claimed (云闪付, 粤焕新, 京通 …).
    SubsidyClaim,
    /// A local government's rules page.
    OfficialRules,
    /// A retailer's trade-in service.
    Retailer,
    /// A manufacturer's take-back programme.
    Manufacturer,
    /// A recycling platform.
    Recycler,
    /// The official map of recycling points.
    RecyclingMap,
    /// The energy-label registry, to check a model's grade.
    LabelLookup,
}

impl ChannelKind {
    /// The stable code used in the TOML and in `data-kind` attributes.
    pub fn code(self) -> &'static str {
        match self {
            ChannelKind::SubsidyClaim => "subsidy_claim",
            ChannelKind::OfficialRules => "official_rules",
            ChannelKind::Retailer => "retailer",
            ChannelKind::Manufacturer => "manufacturer",
            ChannelKind::Recycler => "recycler",
            ChannelKind::RecyclingMap => "recycling_map",
            ChannelKind::LabelLookup => "label_lookup",
        }
    }

    /// A short label for the buyer.
    pub fn label(self, locale: Locale) -> &'static str {
        let (zh, en) = match self {
            ChannelKind::SubsidyClaim => ("领取补贴", "Claim the subsidy"),
            ChannelKind::OfficialRules => ("当地政策", "Local rules"),
            ChannelKind::Retailer => ("商家以旧换新", "Retailer trade-in"),
            ChannelKind::Manufacturer => ("厂家回收", "Manufacturer take-back"),
            ChannelKind::Recycler => ("回收平台", "Recycling platform"),
            ChannelKind::RecyclingMap => ("回收网点", "Recycling points"),
            ChannelKind::LabelLookup => ("查能效等级", "Check the label"),
        };
        locale.pick(zh, en)
    }

    /// Public-service entries that a host's `replace` list cannot remove: without them the buyer
    /// could not claim the subsidy or check a grade.
    pub fn is_official(self) -> bool {
        matches!(
            self,
            ChannelKind::SubsidyClaim
                | ChannelKind::OfficialRules
                | ChannelKind::RecyclingMap
                | ChannelKind::LabelLookup
        )
    }
}

/// A built-in channel: a place to trade in, claim, recycle or check a label.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Channel {
    /// Stable id (`jd`, `yunshanfu` …).
    pub id: &'static str,
    pub kind: ChannelKind,
    pub name: Bilingual,
    /// What it does for the buyer.
    pub what: Bilingual,
    pub categories: CategoryScope,
    pub regions: RegionScope,
    /// Always `https://`, checked at build time and by the tests.
    pub url: &'static str,
    pub validity: Validity,
    pub provenance: Provenance,
}

/// What a piece of advice is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AdviceKind {
    /// A claim step (real name, qualification, limits, paying, invoice …).
    Step,
    /// Which old units are taken and where they go.
    Acceptance,
    /// Removal or installation fees.
    Fee,
    /// A safety note shown with the safe-use lifetime.
    Safety,
}

impl AdviceKind {
    /// The stable code used in `data-kind` attributes.
    pub fn code(self) -> &'static str {
        match self {
            AdviceKind::Step => "step",
            AdviceKind::Acceptance => "acceptance",
            AdviceKind::Fee => "fee",
            AdviceKind::Safety => "safety",
        }
    }
}

/// A titled piece of advice: a claim step, an acceptance rule, a fee or a safety note.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Advice {
    pub id: &'static str,
    pub kind: AdviceKind,
    /// For steps: the id of the engine's national rule set it explains (`cn-2026`, see
    /// [`crate::domain::data::rule_sets`]); `None` for every rule set (and for notes).
    pub rule_set: Option<&'static str>,
    pub categories: CategoryScope,
    pub regions: RegionScope,
    pub title: Bilingual,
    pub text: Bilingual,
    pub provenance: Provenance,
}

impl Advice {
    fn applies(&self, category: Category, region: Option<&str>) -> bool {
        self.categories.includes(category) && self.regions.applies_in(region)
    }
}

/// A safe-use lifetime (安全使用年限) of a category, counted from the purchase date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SafeLifetime {
    pub category: Category,
    pub years: u8,
    /// When the value applies only to some units (e.g. town-gas water heaters).
    pub condition: Option<Bilingual>,
    /// The document that sets it.
    pub basis: Bilingual,
    pub validity: Validity,
    pub provenance: Provenance,
}

/// A channel in the guide: built in, or given by the host.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum GuideChannel<'h> {
    BuiltIn(&'static Channel),
    /// The host's channel and its position in the host's list.
    Host(usize, &'h HostChannel),
}

impl<'h> GuideChannel<'h> {
    /// A key unique within one guide (for list rendering): `b-<id>` or `h-<index>`.
    pub fn key(&self) -> String {
        match self {
            GuideChannel::BuiltIn(c) => format!("b-{}", c.id),
            GuideChannel::Host(index, _) => format!("h-{index}"),
        }
    }

    pub fn name(&self, locale: Locale) -> &'h str {
        match self {
            GuideChannel::BuiltIn(c) => c.name.get(locale),
            GuideChannel::Host(_, c) => c.name(locale),
        }
    }

    /// What it does; may be empty for a host channel without a description.
    pub fn description(&self, locale: Locale) -> &'h str {
        match self {
            GuideChannel::BuiltIn(c) => c.what.get(locale),
            GuideChannel::Host(_, c) => c.description(locale),
        }
    }

    /// An `https://` address.
    pub fn url(&self) -> &'h str {
        match self {
            GuideChannel::BuiltIn(c) => c.url,
            GuideChannel::Host(_, c) => &c.url,
        }
    }

    /// The kind of a built-in channel; `None` for the host's own.
    pub fn kind(&self) -> Option<ChannelKind> {
        match self {
            GuideChannel::BuiltIn(c) => Some(c.kind),
            GuideChannel::Host(..) => None,
        }
    }

    /// The source of a built-in channel; the host vouches for its own.
    pub fn provenance(&self) -> Option<&'static Provenance> {
        match self {
            GuideChannel::BuiltIn(c) => Some(&c.provenance),
            GuideChannel::Host(..) => None,
        }
    }

    pub fn is_host(&self) -> bool {
        matches!(self, GuideChannel::Host(..))
    }
}

/// The safety part of the guide.
#[derive(Clone, Debug, PartialEq)]
pub struct Safety {
    /// The old unit's age as given, if it was a usable number (finite, 0–150 years).
    pub age_years: Option<f64>,
    /// The category's safe-use lifetimes (two for gas water heaters, by gas type).
    pub lifetimes: Vec<&'static SafeLifetime>,
    /// The lifetimes the old unit is past: a reason to replace beyond money.
    pub exceeded: Vec<&'static SafeLifetime>,
    /// General notes (no national value; declared periods under GB/T 21097-2025).
    pub notes: Vec<&'static Advice>,
}

impl Safety {
    /// True when the old unit is past at least one safe-use lifetime of its category.
    pub fn is_over_age(&self) -> bool {
        !self.exceeded.is_empty()
    }
}

/// Everything the guide section shows, in both languages.
#[derive(Clone, Debug, PartialEq)]
pub struct Guide<'h> {
    pub category: Category,
    /// The province, when the code given was known (canonical upper case).
    pub region: Option<&'static str>,
    pub purchase: Date,
    /// Host channels first (if any), then built-in ones: claim entry points, local rules,
    /// retailers, manufacturers, recyclers, the recycling map, the label registry; regional
    /// entries before national ones of the same kind.
    pub channels: Vec<GuideChannel<'h>>,
    /// The national subsidy rule set in force on the purchase date (the engine's); `None` when no
    /// national scheme covers that date.
    pub rule_set: Option<&'static RuleSet>,
    /// Claim steps of that rule set, then the steps that hold every year.
    pub steps: Vec<&'static Advice>,
    /// Old-unit acceptance notes, then fees.
    pub notes: Vec<&'static Advice>,
    pub safety: Safety,
}

/// Oldest age we take seriously; anything else is treated as "not given".
const MAX_PLAUSIBLE_AGE_YEARS: f64 = 150.0;

/// Builds the guide for a category, an optional province code (`BJ`, `cn-gd` …; unknown codes are
/// ignored), the purchase date, the old unit's age in years (ignored unless a finite number in
/// 0–150) and an optional host channel list.
pub fn guide<'h>(
    category: Category,
    region_code: Option<&str>,
    purchase: Date,
    old_age_years: Option<f64>,
    host: Option<&'h ChannelOverride>,
) -> Guide<'h> {
    let region = region_code.and_then(region).map(|r| r.code);
    let rule_set = national_rule_set_on(purchase);

    let steps = ADVICE
        .iter()
        .filter(|a| a.kind == AdviceKind::Step && a.applies(category, region))
        .filter(|a| match a.rule_set {
            Some(id) => rule_set.is_some_and(|r| r.id == id),
            None => true,
        })
        .collect();

    let mut notes: Vec<&'static Advice> = ADVICE
        .iter()
        .filter(|a| matches!(a.kind, AdviceKind::Acceptance | AdviceKind::Fee))
        .filter(|a| a.applies(category, region))
        .collect();
    stable_sort_by_key(&mut notes, |a| a.kind);

    Guide {
        category,
        region,
        purchase,
        channels: channels_for(category, region, purchase, host),
        rule_set,
        steps,
        notes,
        safety: safety_for(category, region, old_age_years),
    }
}

/// A stable insertion sort. The lists are a few dozen entries at most, and it keeps the wasm free
/// of the standard library's much larger merge sort (one copy per key type).
fn stable_sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for end in 1..items.len() {
        let mut i = end;
        while i > 0 {
            let (Some(before), Some(here)) = (items.get(i - 1), items.get(i)) else {
                break;
            };
            if key(before) <= key(here) {
                break;
            }
            items.swap(i - 1, i);
            i -= 1;
        }
    }
}

/// The channels for a category and province on a date, with the host's list applied.
pub fn channels_for<'h>(
    category: Category,
    region: Option<&str>,
    on: Date,
    host: Option<&'h ChannelOverride>,
) -> Vec<GuideChannel<'h>> {
    let mut out: Vec<GuideChannel<'h>> = Vec::new();
    if let Some(host) = host {
        out.extend(
            host.channels
                .iter()
                .enumerate()
                .filter(|(_, c)| c.applies(category, region))
                .map(|(i, c)| GuideChannel::Host(i, c)),
        );
    }
    let replace = host.is_some_and(|h| h.mode == OverrideMode::Replace);
    let mut built_in: Vec<&'static Channel> = CHANNELS
        .iter()
        .filter(|c| c.categories.includes(category))
        .filter(|c| c.regions.applies_in(region))
        .filter(|c| c.validity.contains(on))
        .filter(|c| !replace || c.kind.is_official())
        .collect();
    // Stable sort: the TOML order is kept within a kind.
    stable_sort_by_key(&mut built_in, |c| (c.kind, !c.regions.is_regional()));
    out.extend(built_in.into_iter().map(GuideChannel::BuiltIn));
    out
}

/// The safe-use lifetimes and notes for a category, and which lifetimes an old unit of
/// `old_age_years` is past.
pub fn safety_for(category: Category, region: Option<&str>, old_age_years: Option<f64>) -> Safety {
    let age_years =
        old_age_years.filter(|a| a.is_finite() && (0.0..=MAX_PLAUSIBLE_AGE_YEARS).contains(a));
    let lifetimes: Vec<&'static SafeLifetime> = lifetimes_for(category).collect();
    let exceeded = match age_years {
        Some(age) => lifetimes
            .iter()
            .copied()
            .filter(|l| age > f64::from(l.years))
            .collect(),
        None => Vec::new(),
    };
    let notes = ADVICE
        .iter()
        .filter(|a| a.kind == AdviceKind::Safety && a.applies(category, region))
        .collect();
    Safety {
        age_years,
        lifetimes,
        exceeded,
        notes,
    }
}

/// The national (`CN`) rule set in force on `date`, from the engine's data.
pub fn national_rule_set_on(date: Date) -> Option<&'static RuleSet> {
    rule_sets()
        .iter()
        .find(|r| r.jurisdiction == "CN" && r.in_force(date))
}

/// The safe-use lifetimes of a category (none for categories without a national value).
pub fn lifetimes_for(category: Category) -> impl Iterator<Item = &'static SafeLifetime> {
    LIFETIMES.iter().filter(move |l| l.category == category)
}

/// Every built-in channel, in file order.
pub fn channels() -> &'static [Channel] {
    CHANNELS
}

/// Every piece of advice (steps, acceptance, fees, safety notes), in file order.
pub fn advice() -> &'static [Advice] {
    ADVICE
}

/// Every safe-use lifetime.
pub fn lifetimes() -> &'static [SafeLifetime] {
    LIFETIMES
}

/// Ids of every compiled-in entry with the given mark, prefixed by its table (`channel:jd`,
/// `advice:s26_ac`, `lifetime:gas_water_heater:6`), for the closing notes.
pub fn entries_marked(confidence: Confidence) -> Vec<String> {
    let channels = CHANNELS
        .iter()
        .filter(|c| c.provenance.confidence == confidence)
        .map(|c| format!("channel:{}", c.id));
    let advice = ADVICE
        .iter()
        .filter(|a| a.provenance.confidence == confidence)
        .map(|a| format!("advice:{}", a.id));
    let lifetimes = LIFETIMES
        .iter()
        .filter(|l| l.provenance.confidence == confidence)
        .map(|l| format!("lifetime:{}:{}", l.category.slug(), l.years));
    channels.chain(advice).chain(lifetimes).collect()
}

// CHANNELS, ADVICE and LIFETIMES, generated by build/guide_data.rs.
include!(concat!(env!("OUT_DIR"), "/guide_data.rs"));
