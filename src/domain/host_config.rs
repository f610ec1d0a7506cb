//! The host's configuration of the app: a retailer's embed attributes or a kiosk's URL, both given
//! as deep-link parameters (`mode`, `embed`, `origin`, `theme`, `store`, `hide`, `idle`, plus the
//! form defaults `cat`, `region`, `grade`, `price` and the locale `lang`).
//!
//! Everything is untrusted. Each value is parsed into an allow-listed typed value; a bad one is
//! named in a [`HostWarning`] (Chinese and English) and ignored, and the rest still apply. Nothing
//! here can panic, and no text from the host is ever treated as markup.

use super::date::Date;
use super::evaluate::{evaluate, Form};
use super::locale::Locale;

/// Where the app runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum HostMode {
    /// A phone or desktop browser (the default).
    #[default]
    Standard,
    /// A shared touch screen in a store (`mode=kiosk`).
    Kiosk,
    /// An iframe on a retailer's page (`embed=1` or `mode=embed`).
    Embed,
}

impl HostMode {
    /// The `mode` value (`""` for the default).
    pub fn code(self) -> &'static str {
        match self {
            HostMode::Standard => "",
            HostMode::Kiosk => "kiosk",
            HostMode::Embed => "embed",
        }
    }
}

/// A colour a host may set, and the CSS custom property it sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ThemeSlot {
    /// Buttons, borders and headings.
    Brand,
    /// Markers and warnings.
    Accent,
    /// The page background.
    Bg,
    /// Cards and inputs.
    Surface,
    /// Body text.
    Text,
}

impl ThemeSlot {
    /// Every slot, in the order they are listed to hosts.
    pub const ALL: [ThemeSlot; 5] = [
        ThemeSlot::Brand,
        ThemeSlot::Accent,
        ThemeSlot::Bg,
        ThemeSlot::Surface,
        ThemeSlot::Text,
    ];

    /// The name used in `theme=brand:c00,…` and in `data-theme-brand`.
    pub fn name(self) -> &'static str {
        match self {
            ThemeSlot::Brand => "brand",
            ThemeSlot::Accent => "accent",
            ThemeSlot::Bg => "bg",
            ThemeSlot::Surface => "surface",
            ThemeSlot::Text => "text",
        }
    }

    /// The CSS custom properties the slot sets (a brand colour also replaces its darker variant, so
    /// no built-in green is left next to the host's colour; see also [`HostConfig::css_properties`]).
    pub fn properties(self) -> &'static [&'static str] {
        match self {
            ThemeSlot::Brand => &["--hx-brand", "--hx-brand-strong"],
            ThemeSlot::Accent => &["--hx-accent"],
            ThemeSlot::Bg => &["--hx-bg"],
            ThemeSlot::Surface => &["--hx-surface"],
            ThemeSlot::Text => &["--hx-text"],
        }
    }

    /// The built-in colour (mirrors the top of `assets/app.css`), for contrast checks.
    fn default_colour(self) -> Rgb {
        match self {
            ThemeSlot::Brand => Rgb(0x0b, 0x6e, 0x4f),
            ThemeSlot::Accent => Rgb(0xc2, 0x41, 0x0c),
            ThemeSlot::Bg => Rgb(0xf6, 0xf7, 0xf5),
            ThemeSlot::Surface => Rgb(0xff, 0xff, 0xff),
            ThemeSlot::Text => Rgb(0x1a, 0x1f, 0x1c),
        }
    }

    fn from_name(name: &str) -> Option<ThemeSlot> {
        ThemeSlot::ALL
            .into_iter()
            .find(|s| s.name().eq_ignore_ascii_case(name))
    }
}

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Parses `#rgb`, `#rrggbb`, `rgb` or `rrggbb` (any case). Anything else is `None`.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.trim();
        let hex = hex.strip_prefix('#').unwrap_or(hex);
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| hex.get(i..=i).and_then(|d| u8::from_str_radix(d, 16).ok());
        match hex.len() {
            3 => Some(Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => Some(Rgb(
                digit(0)? * 16 + digit(1)?,
                digit(2)? * 16 + digit(3)?,
                digit(4)? * 16 + digit(5)?,
            )),
            _ => None,
        }
    }

    /// `#rrggbb`, lower case: the only form that reaches CSS.
    pub fn css(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG 2 relative luminance, 0–1.
    fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// WCAG 2 contrast ratio with `other`, 1–21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }
}

const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
/// Text contrast the app keeps (WCAG 2.2 AA, normal text).
pub const MIN_TEXT_CONTRAST: f64 = 4.5;
/// Contrast for markers and borders (WCAG 2.2 AA, non-text).
pub const MIN_GRAPHIC_CONTRAST: f64 = 3.0;

/// Text contrast in 长辈模式.
pub const ELDER_TEXT_CONTRAST: f64 = 7.0;

/// The text colours 长辈模式 uses (mirrors `.hx-elder` in `assets/app.css`): text, muted text,
/// brand (headings, links), error and accent.
const ELDER_TEXT_COLOURS: [Rgb; 5] = [
    Rgb(0x00, 0x00, 0x00),
    Rgb(0x2b, 0x30, 0x2d),
    Rgb(0x08, 0x53, 0x3b),
    Rgb(0x8f, 0x1c, 0x13),
    Rgb(0x9a, 0x34, 0x12),
];

/// The tint behind selected options, set with a host's brand or surface colour.
const BRAND_SOFT: &str = "--hx-brand-soft";

/// Every custom property a host theme can set, so a new theme can first clear the old one.
pub fn theme_properties() -> impl Iterator<Item = &'static str> {
    ThemeSlot::ALL
        .into_iter()
        .flat_map(|slot| slot.properties().iter().copied())
        .chain([BRAND_SOFT])
}

/// A section a host may hide (`hide=chart,guide`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// The product name, tagline and the language and 长辈模式 buttons.
    Header,
    /// The category picker (when the host fixes the category with `cat`).
    Picker,
    /// The electricity, water and gas prices.
    Prices,
    /// The grade-1 / grade-2 comparison.
    Comparison,
    /// The cost-over-time chart.
    Chart,
    /// The assumptions and sources.
    Assumptions,
    /// Where to trade in, how to claim, how to recycle.
    Guide,
    /// The share, print and "take it to your phone" buttons.
    Share,
    /// The privacy note at the bottom.
    Footer,
}

impl Section {
    /// Every section, in page order.
    pub const ALL: [Section; 9] = [
        Section::Header,
        Section::Picker,
        Section::Prices,
        Section::Comparison,
        Section::Chart,
        Section::Assumptions,
        Section::Guide,
        Section::Share,
        Section::Footer,
    ];

    /// The name used in `hide=`.
    pub fn name(self) -> &'static str {
        match self {
            Section::Header => "header",
            Section::Picker => "picker",
            Section::Prices => "prices",
            Section::Comparison => "comparison",
            Section::Chart => "chart",
            Section::Assumptions => "assumptions",
            Section::Guide => "guide",
            Section::Share => "share",
            Section::Footer => "footer",
        }
    }

    fn from_name(name: &str) -> Option<Section> {
        Section::ALL
            .into_iter()
            .find(|s| s.name().eq_ignore_ascii_case(name))
    }
}

/// Longest store name, in characters.
pub const MAX_STORE_CHARS: usize = 40;
/// Kiosk idle time before the countdown: default and limits, in seconds.
pub const DEFAULT_IDLE_SECONDS: u32 = 90;
/// Shortest idle time a kiosk may set.
pub const MIN_IDLE_SECONDS: u32 = 30;
/// Longest idle time a kiosk may set.
pub const MAX_IDLE_SECONDS: u32 = 600;
/// The visible countdown before a kiosk resets (WCAG 2.2.1 asks for at least 20 s).
pub const COUNTDOWN_SECONDS: u32 = 30;
/// Most `hide` names read.
const MAX_HIDE_ITEMS: usize = 16;
/// Longest origin accepted, in bytes.
const MAX_ORIGIN_BYTES: usize = 64;

/// Why a host value was ignored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HostWarningCode {
    /// `mode` is not `kiosk`, `embed` or empty.
    BadMode,
    /// `embed` is not `1`, `true`, `0` or `false`.
    BadEmbed,
    /// Both kiosk and embed were asked for; embed wins.
    ModeConflict,
    /// A `theme` entry is not `name:colour`, or its name is unknown.
    UnknownThemeSlot,
    /// A colour is not `#rgb` / `#rrggbb`.
    BadColour,
    /// A colour would make text or controls too hard to read.
    LowContrast,
    /// The store name is longer than [`MAX_STORE_CHARS`].
    StoreTooLong,
    /// The store name holds control or direction-override characters.
    StoreBadText,
    /// A `hide` name is not a known section.
    UnknownSection,
    /// `idle` is not a whole number of seconds from 30 to 600.
    BadIdle,
    /// `origin` is not an exact `https://host[:port]` or loopback `http://` origin.
    BadOrigin,
    /// `origin` was given without embed mode.
    OriginWithoutEmbed,
    /// Embed mode without an `origin`: the app cannot talk to its host.
    EmbedWithoutOrigin,
    /// A form default (`cat`, `region`, `grade`, `price`) is not valid.
    BadDefault,
}

/// A host value that was ignored, named so the host can fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostWarning {
    /// The parameter (`theme`, `store`, …).
    pub param: &'static str,
    /// The offending part, cleaned for display (≤ 32 printable characters), or empty.
    pub value: String,
    pub code: HostWarningCode,
}

impl HostWarning {
    fn new(param: &'static str, value: &str, code: HostWarningCode) -> HostWarning {
        let mut shown: String = value
            .chars()
            .filter(|c| !c.is_control() && !is_bidi_control(*c))
            .take(32)
            .collect();
        if value.chars().count() > 32 {
            shown.push('…');
        }
        HostWarning {
            param,
            value: shown,
            code,
        }
    }

    /// A one-line message naming the parameter and the value, for the console or a notice.
    pub fn message(&self, locale: Locale) -> String {
        use HostWarningCode as C;
        let p = self.param;
        let v = &self.value;
        let (zh, en) = match self.code {
            C::BadMode => (
                format!("mode=“{v}” 无效（只能是 kiosk 或 embed），已忽略。"),
                format!("mode=“{v}” is not valid (kiosk or embed only); ignored."),
            ),
            C::BadEmbed => (
                format!("embed=“{v}” 无效（只能是 1 或 0），已忽略。"),
                format!("embed=“{v}” is not valid (1 or 0 only); ignored."),
            ),
            C::ModeConflict => (
                "同时要求了 kiosk 和嵌入模式，按嵌入模式运行。".to_string(),
                "Both kiosk and embed mode were asked for; running embedded.".to_string(),
            ),
            C::UnknownThemeSlot => (
                format!("{p} 中的 “{v}” 不是可设置的颜色（brand、accent、bg、surface、text），已忽略。"),
                format!("“{v}” in {p} is not a theme colour (brand, accent, bg, surface, text); ignored."),
            ),
            C::BadColour => (
                format!("{p} 中的颜色 “{v}” 无效（只接受 #rgb 或 #rrggbb），已忽略。"),
                format!("The colour “{v}” in {p} is not valid (#rgb or #rrggbb only); ignored."),
            ),
            C::LowContrast => (
                format!("{p} 中的颜色 “{v}” 对比度不足，文字会看不清，已忽略。"),
                format!("The colour “{v}” in {p} has too little contrast to read; ignored."),
            ),
            C::StoreTooLong => (
                format!("门店名称过长（最多 {MAX_STORE_CHARS} 个字），已忽略。"),
                format!("The store name is too long (at most {MAX_STORE_CHARS} characters); ignored."),
            ),
            C::StoreBadText => (
                "门店名称含有控制字符，已忽略。".to_string(),
                "The store name contains control characters; ignored.".to_string(),
            ),
            C::UnknownSection => (
                format!("hide 中的 “{v}” 不是可隐藏的部分，已忽略。"),
                format!("“{v}” in hide is not a section that can be hidden; ignored."),
            ),
            C::BadIdle => (
                format!(
                    "idle=“{v}” 无效（{MIN_IDLE_SECONDS}–{MAX_IDLE_SECONDS} 秒的整数），按 {DEFAULT_IDLE_SECONDS} 秒。"
                ),
                format!(
                    "idle=“{v}” is not valid (whole seconds, {MIN_IDLE_SECONDS}–{MAX_IDLE_SECONDS}); using {DEFAULT_IDLE_SECONDS}."
                ),
            ),
            C::BadOrigin => (
                format!("origin=“{v}” 不是有效的来源（https://域名[:端口]），已忽略。"),
                format!("origin=“{v}” is not a valid origin (https://host[:port]); ignored."),
            ),
            C::OriginWithoutEmbed => (
                "origin 只在嵌入模式（embed=1）下使用，已忽略。".to_string(),
                "origin is only used when embedded (embed=1); ignored.".to_string(),
            ),
            C::EmbedWithoutOrigin => (
                "嵌入模式缺少 origin，无法与宿主页面通信。".to_string(),
                "Embedded without an origin: the app cannot talk to the host page.".to_string(),
            ),
            C::BadDefault => (
                format!("默认值 {p}=“{v}” 无效，已忽略。"),
                format!("The default {p}=“{v}” is not valid; ignored."),
            ),
        };
        locale.pick(zh, en)
    }
}

/// The validated configuration. Fields hold only allow-listed values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostConfig {
    pub mode: HostMode,
    /// Colours that passed every check, as (slot, colour).
    pub theme: Vec<(ThemeSlot, Rgb)>,
    /// Plain text, trimmed, 1–40 characters.
    pub store: Option<String>,
    /// Sections to leave out.
    pub hidden: Vec<Section>,
    /// Kiosk idle time before the countdown, 30–600 s.
    pub idle_seconds: u32,
    /// The embedding page's exact origin (`https://shop.example`), embed mode only.
    pub parent_origin: Option<String>,
    /// Every value that was ignored.
    pub warnings: Vec<HostWarning>,
}

/// The app's three wasm builds, smallest first. Each holds everything the smaller ones do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Build {
    /// A plain link on a phone: no host parameters.
    Phone,
    /// A retailer's page (embed, look, store name, hidden sections, channel list): `ui::HOST_BUILD`.
    Host,
    /// A store kiosk (keypad, QR codes, idle reset): `ui::FULL_BUILD`.
    Full,
}

/// The UI parameters the phones' build reads itself; every other one is the host's.
pub const PHONE_PARAMS: &[&str] = &["lang", "elder"];

impl Build {
    /// The build a link needs, from the names of its UI parameters alone (nothing is parsed, so the
    /// phones' build can tell without the host's code): `mode=kiosk` needs the full build, any other
    /// host parameter the host build. `tools/boot.js` makes the same choice from the address. A
    /// wrong "yes" (a host parameter that turns out invalid) costs bytes only.
    pub fn needed(ui: &[(String, String)]) -> Build {
        let mut build = Build::Phone;
        for (key, value) in ui {
            if key == "mode" && value.trim().eq_ignore_ascii_case("kiosk") {
                return Build::Full;
            }
            if !PHONE_PARAMS.contains(&key.as_str()) {
                build = Build::Host;
            }
        }
        build
    }

    /// The name `tools/boot.js` and the tab's note (`huanxin.build` in sessionStorage) use.
    pub fn name(self) -> &'static str {
        match self {
            Build::Phone => "phone",
            Build::Host => "host",
            Build::Full => "full",
        }
    }
}

impl Default for HostConfig {
    fn default() -> Self {
        HostConfig {
            mode: HostMode::Standard,
            theme: Vec::new(),
            store: None,
            hidden: Vec::new(),
            idle_seconds: DEFAULT_IDLE_SECONDS,
            parent_origin: None,
            warnings: Vec::new(),
        }
    }
}

impl HostConfig {
    /// Parses the UI parameters of a deep link ([`super::query::ParsedQuery::ui`]). Parameters
    /// that are not host configuration (`lang`, `elder`, `channels`) are left to their owners.
    pub fn parse(ui: &[(String, String)]) -> HostConfig {
        let mut config = HostConfig::default();
        let get = |name: &str| ui.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim());

        let kiosk = match get("mode") {
            None | Some("") => false,
            Some(m) if m.eq_ignore_ascii_case("kiosk") => true,
            Some(m) if m.eq_ignore_ascii_case("embed") => {
                config.mode = HostMode::Embed;
                false
            }
            Some(m) => {
                config.warn("mode", m, HostWarningCode::BadMode);
                false
            }
        };
        match get("embed") {
            None => {}
            Some("1" | "true") => config.mode = HostMode::Embed,
            Some("0" | "false" | "") => {}
            Some(e) => config.warn("embed", e, HostWarningCode::BadEmbed),
        }
        if kiosk {
            if config.mode == HostMode::Embed {
                config.warn("mode", "kiosk", HostWarningCode::ModeConflict);
            } else {
                config.mode = HostMode::Kiosk;
            }
        }

        if let Some(theme) = get("theme") {
            config.parse_theme(theme);
        }
        if let Some(store) = get("store") {
            config.parse_store(store);
        }
        if let Some(hide) = get("hide") {
            config.parse_hide(hide);
        }
        if let Some(idle) = get("idle") {
            match idle.parse::<u32>() {
                Ok(s)
                    if (MIN_IDLE_SECONDS..=MAX_IDLE_SECONDS).contains(&s)
                        && idle.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    // Only a kiosk resets itself; elsewhere a valid value is simply unused.
                    if config.mode == HostMode::Kiosk {
                        config.idle_seconds = s;
                    }
                }
                _ => config.warn("idle", idle, HostWarningCode::BadIdle),
            }
        }
        match (get("origin"), config.mode) {
            (Some(origin), HostMode::Embed) => match parse_origin(origin) {
                Some(o) => config.parent_origin = Some(o),
                None => config.warn("origin", origin, HostWarningCode::BadOrigin),
            },
            (Some(origin), _) => config.warn("origin", origin, HostWarningCode::OriginWithoutEmbed),
            (None, HostMode::Embed) => {
                config.warn("origin", "", HostWarningCode::EmbedWithoutOrigin)
            }
            (None, _) => {}
        }
        config
    }

    /// The host parameters to keep in the address, in canonical form, so a reload (or a restart
    /// after an error) keeps the mode and the look. Only validated values appear.
    pub fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        match self.mode {
            HostMode::Standard => {}
            HostMode::Kiosk => pairs.push(("mode", "kiosk".to_string())),
            HostMode::Embed => {
                pairs.push(("embed", "1".to_string()));
                if let Some(origin) = &self.parent_origin {
                    pairs.push(("origin", origin.clone()));
                }
            }
        }
        if !self.theme.is_empty() {
            let theme: Vec<String> = self
                .theme
                .iter()
                .map(|(slot, c)| format!("{}:{:02x}{:02x}{:02x}", slot.name(), c.0, c.1, c.2))
                .collect();
            pairs.push(("theme", theme.join(",")));
        }
        if let Some(store) = &self.store {
            pairs.push(("store", store.clone()));
        }
        if !self.hidden.is_empty() {
            let names: Vec<&str> = self.hidden.iter().map(|s| s.name()).collect();
            pairs.push(("hide", names.join(",")));
        }
        if self.mode == HostMode::Kiosk && self.idle_seconds != DEFAULT_IDLE_SECONDS {
            pairs.push(("idle", self.idle_seconds.to_string()));
        }
        pairs
    }

    /// True when the host hid `section`.
    pub fn hides(&self, section: Section) -> bool {
        self.hidden.contains(&section)
    }

    /// The custom properties to set on the page, as (`--hx-…`, `#rrggbb`).
    ///
    /// In 长辈模式 (`elder`) the page's own darker text, brand, error and accent colours replace the
    /// host's (`.hx-elder` in `assets/app.css`), and the host's background and card colours stay
    /// only where every one of those darker colours reaches 7:1 on them.
    pub fn css_properties(&self, elder: bool) -> Vec<(&'static str, String)> {
        let kept: Vec<(ThemeSlot, Rgb)> = self
            .theme
            .iter()
            .copied()
            .filter(|(slot, colour)| {
                !elder
                    || (matches!(slot, ThemeSlot::Bg | ThemeSlot::Surface)
                        && ELDER_TEXT_COLOURS
                            .iter()
                            .all(|text| text.contrast(*colour) >= ELDER_TEXT_CONTRAST))
            })
            .collect();
        let mut properties: Vec<(&'static str, String)> = kept
            .iter()
            .flat_map(|(slot, colour)| slot.properties().iter().map(move |p| (*p, colour.css())))
            .collect();
        // The tint behind selected options is built-in green: with a host's brand or surface it
        // becomes the surface colour (the brand border still marks the choice).
        let tinted = kept
            .iter()
            .any(|(s, _)| matches!(s, ThemeSlot::Brand | ThemeSlot::Surface));
        if tinted {
            properties.push((BRAND_SOFT, self.colour(ThemeSlot::Surface).css()));
        }
        properties
    }

    /// Checks the form defaults a host gave (`cat`, `region`, `grade`, `price`) with the engine's
    /// own validation; a bad one is removed from `form` and named in a warning.
    pub fn drop_bad_defaults(&mut self, form: &mut Form, today: Date) {
        let evaluation = evaluate(form, today);
        for param in ["cat", "region", "grade", "price"] {
            // Only what the host set: a kiosk link without `cat` starts on the picker, no warning.
            if form.get(param).is_some() && evaluation.error(param).is_some() {
                let value = form.remove(param).unwrap_or_default();
                self.warn(param, &value, HostWarningCode::BadDefault);
            }
        }
    }

    fn warn(&mut self, param: &'static str, value: &str, code: HostWarningCode) {
        self.warnings.push(HostWarning::new(param, value, code));
    }

    fn parse_theme(&mut self, theme: &str) {
        for entry in theme
            .split([',', ';'])
            .map(str::trim)
            .filter(|e| !e.is_empty())
        {
            let Some((name, value)) = entry.split_once([':', '=']) else {
                self.warn("theme", entry, HostWarningCode::UnknownThemeSlot);
                continue;
            };
            let Some(slot) = ThemeSlot::from_name(name.trim()) else {
                self.warn("theme", name, HostWarningCode::UnknownThemeSlot);
                continue;
            };
            match Rgb::parse(value) {
                Some(colour) => {
                    self.theme.retain(|(s, _)| *s != slot);
                    self.theme.push((slot, colour));
                }
                None => self.warn("theme", entry, HostWarningCode::BadColour),
            }
        }
        self.drop_unreadable_colours();
    }

    /// Drops host colours until every pair that meets on screen is readable: white button text
    /// on brand, brand headings and body text on cards and the page, accent markers on cards.
    /// In a failing pair the host's foreground colour goes first, then its background.
    fn drop_unreadable_colours(&mut self) {
        const PAIRS: [(ThemeSlot, Option<ThemeSlot>, f64); 6] = [
            (ThemeSlot::Brand, None, MIN_TEXT_CONTRAST),
            (
                ThemeSlot::Brand,
                Some(ThemeSlot::Surface),
                MIN_TEXT_CONTRAST,
            ),
            (ThemeSlot::Brand, Some(ThemeSlot::Bg), MIN_TEXT_CONTRAST),
            (ThemeSlot::Text, Some(ThemeSlot::Surface), MIN_TEXT_CONTRAST),
            (ThemeSlot::Text, Some(ThemeSlot::Bg), MIN_TEXT_CONTRAST),
            (
                ThemeSlot::Accent,
                Some(ThemeSlot::Surface),
                MIN_GRAPHIC_CONTRAST,
            ),
        ];
        // Each round drops one host colour, so this ends after at most five rounds.
        for _ in 0..ThemeSlot::ALL.len() {
            let failing = PAIRS.iter().find(|(fg, bg, min)| {
                let back = bg.map_or(WHITE, |b| self.colour(b));
                self.colour(*fg).contrast(back) < *min
            });
            let Some(&(fg, bg, _)) = failing else {
                return;
            };
            let set_by_host = |slot: ThemeSlot| self.theme.iter().any(|(s, _)| *s == slot);
            let drop = if set_by_host(fg) {
                fg
            } else {
                match bg {
                    Some(b) if set_by_host(b) => b,
                    _ => return, // the built-in colours always pass
                }
            };
            let colour = self.colour(drop);
            self.theme.retain(|(s, _)| *s != drop);
            self.warn(
                "theme",
                &format!("{}:{}", drop.name(), colour.css()),
                HostWarningCode::LowContrast,
            );
        }
    }

    /// The colour of `slot` as configured so far, else the built-in one.
    fn colour(&self, slot: ThemeSlot) -> Rgb {
        self.theme
            .iter()
            .find(|(s, _)| *s == slot)
            .map_or(slot.default_colour(), |(_, c)| *c)
    }

    fn parse_store(&mut self, store: &str) {
        let store = store.trim();
        if store.is_empty() {
            return;
        }
        if store.chars().any(|c| c.is_control() || is_bidi_control(c)) {
            self.warn("store", "", HostWarningCode::StoreBadText);
        } else if store.chars().count() > MAX_STORE_CHARS {
            self.warn("store", store, HostWarningCode::StoreTooLong);
        } else {
            self.store = Some(store.to_string());
        }
    }

    fn parse_hide(&mut self, hide: &str) {
        for name in hide
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .take(MAX_HIDE_ITEMS)
        {
            match Section::from_name(name) {
                Some(s) if !self.hidden.contains(&s) => self.hidden.push(s),
                Some(_) => {}
                None => self.warn("hide", name, HostWarningCode::UnknownSection),
            }
        }
    }
}

/// Direction overrides and isolates could make a store name display misleadingly.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Validates an exact origin: `https://host[:port]`, or `http://` for a loopback host
/// (`localhost`, `127.x.x.x`, `[::1]`). No path, query, fragment or user info; the host is an
/// ASCII DNS name (IDNs in punycode) or an IPv4 address. Returns it in lower case, without a
/// default port.
pub fn parse_origin(text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() || text.len() > MAX_ORIGIN_BYTES || !text.is_ascii() {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let (scheme, rest) = lower.split_once("://")?;
    if rest.is_empty() || rest.contains(['/', '?', '#', '@', '\\']) {
        return None;
    }
    let (host, port) = if let Some(v6) = rest.strip_prefix('[') {
        let (inner, after) = v6.split_once(']')?;
        if inner != "::1" {
            return None; // only the loopback IPv6 address is accepted
        }
        let port = match after {
            "" => None,
            p => Some(p.strip_prefix(':')?),
        };
        ("[::1]", port)
    } else {
        match rest.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (rest, None),
        }
    };
    let port = match port {
        None => None,
        Some(p) => {
            if p.is_empty() || p.len() > 5 || !p.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let n: u32 = p.parse().ok()?;
            if n == 0 || n > 65_535 {
                return None;
            }
            Some(n)
        }
    };
    let loopback = host == "localhost" || host == "[::1]" || is_loopback_ipv4(host);
    let default_port = match scheme {
        "https" => 443,
        "http" if loopback => 80,
        _ => return None,
    };
    if host != "[::1]" && !is_ipv4(host) && !is_dns_name(host) {
        return None;
    }
    Some(match port {
        Some(p) if p != default_port => format!("{scheme}://{host}:{p}"),
        _ => format!("{scheme}://{host}"),
    })
}

fn is_ipv4(host: &str) -> bool {
    let parts: Vec<&str> = host.split('.').collect();
    parts.len() == 4
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.len() <= 3
                && p.bytes().all(|b| b.is_ascii_digit())
                && p.parse::<u16>().is_ok_and(|n| n <= 255)
        })
}

fn is_loopback_ipv4(host: &str) -> bool {
    is_ipv4(host) && host.starts_with("127.")
}

/// A DNS name of letters, digits and hyphens, with at least one dot unless it is `localhost`.
fn is_dns_name(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    (host == "localhost" || labels.len() >= 2)
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
        // A dotted name of digits only would be a malformed IPv4 address.
        && !labels.iter().all(|l| l.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> HostConfig {
        let ui: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        HostConfig::parse(&ui)
    }

    fn codes(c: &HostConfig) -> Vec<(&'static str, HostWarningCode)> {
        c.warnings.iter().map(|w| (w.param, w.code)).collect()
    }

    #[test]
    fn defaults_without_parameters() {
        let c = parse(&[]);
        assert_eq!(c, HostConfig::default());
        assert_eq!(c.idle_seconds, 90);
    }

    #[test]
    fn modes() {
        assert_eq!(parse(&[("mode", "kiosk")]).mode, HostMode::Kiosk);
        assert_eq!(parse(&[("mode", "KIOSK")]).mode, HostMode::Kiosk);
        let e = parse(&[("embed", "1"), ("origin", "https://shop.example")]);
        assert_eq!(e.mode, HostMode::Embed);
        assert!(e.warnings.is_empty());
        let bad = parse(&[("mode", "tv")]);
        assert_eq!(bad.mode, HostMode::Standard);
        assert_eq!(codes(&bad), vec![("mode", HostWarningCode::BadMode)]);
        let both = parse(&[
            ("mode", "kiosk"),
            ("embed", "1"),
            ("origin", "https://a.example"),
        ]);
        assert_eq!(both.mode, HostMode::Embed);
        assert_eq!(codes(&both), vec![("mode", HostWarningCode::ModeConflict)]);
        assert_eq!(
            codes(&parse(&[("embed", "yes")])),
            vec![("embed", HostWarningCode::BadEmbed)]
        );
    }

    #[test]
    fn theme_colours() {
        let c = parse(&[("theme", "brand:#c00, accent:B45309 ,bg:fff")]);
        assert_eq!(
            c.theme,
            vec![
                (ThemeSlot::Brand, Rgb(0xcc, 0, 0)),
                (ThemeSlot::Accent, Rgb(0xb4, 0x53, 0x09)),
                (ThemeSlot::Bg, Rgb(0xff, 0xff, 0xff)),
            ]
        );
        assert!(c.warnings.is_empty(), "{:?}", c.warnings);
        assert_eq!(
            c.css_properties(false).first(),
            Some(&("--hx-brand", "#cc0000".to_string()))
        );
        let bad = parse(&[(
            "theme",
            "brand:red,link:#000,text,bg:url(x),surface:#ffff,text:#12345g",
        )]);
        assert!(bad.theme.is_empty());
        assert_eq!(
            bad.warnings.iter().map(|w| w.code).collect::<Vec<_>>(),
            vec![
                HostWarningCode::BadColour,
                HostWarningCode::UnknownThemeSlot,
                HostWarningCode::UnknownThemeSlot,
                HostWarningCode::BadColour,
                HostWarningCode::BadColour,
                HostWarningCode::BadColour,
            ]
        );
    }

    #[test]
    fn unreadable_colours_are_refused() {
        // Yellow brand: white button text would be unreadable.
        let c = parse(&[("theme", "brand:#ffcc00,text:#eee")]);
        assert!(c.theme.is_empty());
        assert!(c
            .warnings
            .iter()
            .all(|w| w.code == HostWarningCode::LowContrast));
        assert_eq!(c.warnings.len(), 2);
        // Buttons keep white text, so no brand colour reads on a dark page: a dark theme is refused.
        let dark = parse(&[("theme", "bg:#111,surface:#222,text:#f5f5f5,brand:#0b6e4f")]);
        assert!(dark.theme.is_empty(), "{:?}", dark.theme);
        assert_eq!(dark.warnings.len(), 4);
        // A light tint of the page with a dark brand passes.
        let tint = parse(&[(
            "theme",
            "bg:#fff7ed,surface:#fffbf5,brand:#9a3412,text:#1c1917",
        )]);
        assert_eq!(tint.theme.len(), 4, "{:?}", tint.warnings);
    }

    #[test]
    fn store_names() {
        assert_eq!(
            parse(&[("store", " 苏宁易购 南京新街口店 ")])
                .store
                .as_deref(),
            Some("苏宁易购 南京新街口店")
        );
        assert_eq!(
            parse(&[("store", "<b>Shop</b>")]).store.as_deref(),
            Some("<b>Shop</b>")
        );
        let long = "店".repeat(41);
        assert_eq!(
            codes(&parse(&[("store", &long)])),
            vec![("store", HostWarningCode::StoreTooLong)]
        );
        assert_eq!(
            parse(&[("store", &"店".repeat(40))])
                .store
                .map(|s| s.chars().count()),
            Some(40)
        );
        assert_eq!(
            codes(&parse(&[("store", "Shop\u{202E}evil")])),
            vec![("store", HostWarningCode::StoreBadText)]
        );
        assert_eq!(parse(&[("store", "  ")]).store, None);
    }

    #[test]
    fn hidden_sections() {
        let c = parse(&[("hide", "chart, GUIDE,chart,ads")]);
        assert_eq!(c.hidden, vec![Section::Chart, Section::Guide]);
        assert!(c.hides(Section::Guide));
        assert_eq!(codes(&c), vec![("hide", HostWarningCode::UnknownSection)]);
        assert_eq!(c.warnings.first().map(|w| w.value.as_str()), Some("ads"));
    }

    #[test]
    fn idle_seconds() {
        let kiosk = |idle: &str| parse(&[("mode", "kiosk"), ("idle", idle)]);
        assert_eq!(kiosk("30").idle_seconds, 30);
        assert_eq!(kiosk("600").idle_seconds, 600);
        assert_eq!(parse(&[("idle", "30")]).idle_seconds, DEFAULT_IDLE_SECONDS);
        for bad in ["29", "601", "-5", "+60", "60.5", "abc", "", "99999999999"] {
            let c = kiosk(bad);
            assert_eq!(c.idle_seconds, DEFAULT_IDLE_SECONDS, "{bad}");
            assert_eq!(codes(&c), vec![("idle", HostWarningCode::BadIdle)], "{bad}");
        }
    }

    #[test]
    fn origins() {
        for (given, want) in [
            ("https://shop.example", "https://shop.example"),
            ("HTTPS://Shop.Example:443", "https://shop.example"),
            ("https://shop.example:8443", "https://shop.example:8443"),
            ("http://127.0.0.1:5173", "http://127.0.0.1:5173"),
            ("http://localhost", "http://localhost"),
            ("http://[::1]:8080", "http://[::1]:8080"),
            ("https://xn--fiq228c.example", "https://xn--fiq228c.example"),
        ] {
            assert_eq!(parse_origin(given).as_deref(), Some(want), "{given}");
        }
        for bad in [
            "*",
            "null",
            "",
            "shop.example",
            "http://shop.example",
            "https://shop.example/",
            "https://shop.example/path",
            "https://user@shop.example",
            "https://shop.example?x",
            "https://shop.example#x",
            "javascript://shop.example",
            "https://shop.example:0",
            "https://shop.example:65536",
            "https://shop.example:",
            "https://-bad.example",
            "https://shop..example",
            "https://商店.example",
            "https://[::2]",
            "https://999.1.1.1",
            "https://localhost.:80/",
            "ftp://127.0.0.1",
        ] {
            assert_eq!(parse_origin(bad), None, "{bad}");
        }
    }

    #[test]
    fn origin_only_in_embed_mode() {
        let c = parse(&[("origin", "https://shop.example")]);
        assert_eq!(c.parent_origin, None);
        assert_eq!(
            codes(&c),
            vec![("origin", HostWarningCode::OriginWithoutEmbed)]
        );
        let e = parse(&[("embed", "1")]);
        assert_eq!(
            codes(&e),
            vec![("origin", HostWarningCode::EmbedWithoutOrigin)]
        );
        let b = parse(&[("embed", "1"), ("origin", "https://evil.example/x")]);
        assert_eq!(b.parent_origin, None);
        assert_eq!(codes(&b), vec![("origin", HostWarningCode::BadOrigin)]);
    }

    #[test]
    fn canonical_pairs_parse_back_to_the_same_config() {
        let c = parse(&[
            ("mode", "kiosk"),
            ("theme", "brand:#C00,accent:b45309"),
            ("store", "某某电器"),
            ("hide", "guide,chart"),
            ("idle", "30"),
        ]);
        let pairs: Vec<(String, String)> = c
            .query_pairs()
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        assert_eq!(HostConfig::parse(&pairs), c);
        let e = parse(&[("embed", "1"), ("origin", "http://127.0.0.1:9000")]);
        assert_eq!(
            e.query_pairs(),
            vec![
                ("embed", "1".to_string()),
                ("origin", "http://127.0.0.1:9000".to_string())
            ]
        );
        assert!(parse(&[]).query_pairs().is_empty());
    }

    #[test]
    fn bad_defaults_are_dropped() {
        let mut form = Form::new();
        form.set("cat", "fridge");
        form.set("region", "Atlantis");
        form.set("grade", "7");
        form.set("price", "5999");
        let mut c = HostConfig::default();
        c.drop_bad_defaults(&mut form, Date::new(2025, 6, 1).unwrap());
        assert_eq!(form.get("cat"), Some("fridge"));
        assert_eq!(form.get("price"), Some("5999"));
        assert_eq!(form.get("region"), None);
        assert_eq!(form.get("grade"), None);
        assert_eq!(
            codes(&c),
            vec![
                ("region", HostWarningCode::BadDefault),
                ("grade", HostWarningCode::BadDefault)
            ]
        );
    }

    #[test]
    fn messages_name_the_value_in_both_languages() {
        let c = parse(&[("theme", "brand:<script>")]);
        let w = c.warnings.first().unwrap();
        assert!(w.message(Locale::Zh).contains("brand:<script>"));
        assert!(w.message(Locale::En).contains("brand:<script>"));
        let long = HostWarning::new("store", &"x".repeat(100), HostWarningCode::StoreTooLong);
        assert_eq!(long.value.chars().count(), 33);
    }
}
