//! The app's state and its reducer. The reducer delegates every rule to the domain and re-evaluates
//! only when the form changes, never during render.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::category::Category;
use crate::domain::date::Date;
use crate::domain::evaluate::{evaluate, fields, Evaluation, FieldGroup, Form};
use crate::domain::guide::{parse_channel_override, ChannelOverride, OverrideError};
use crate::domain::host_config::{HostConfig, HostMode};
use crate::domain::locale::Locale;
use crate::domain::number::parse_number;
use crate::domain::query::{parse_deep_link, to_query, ParamNotice};

/// Prefix of the stored form; a different prefix means an old or foreign format.
pub const STORAGE_FORMAT: &str = "hx1:";
/// The localStorage key.
pub const STORAGE_KEY: &str = "huanxin.state";

/// What the page starts from: read by `main.rs` from the browser, or given by a test.
#[derive(Clone, Debug, PartialEq)]
pub struct Start {
    /// From `navigator.languages`.
    pub browser_locale: Locale,
    /// `location.search`.
    pub query: String,
    /// The stored state, if any.
    pub stored: Option<String>,
    /// Today's date on this device.
    pub today: Date,
}

/// Why a notice about stored state is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageNotice {
    /// Storage held something we could not read: we started fresh.
    Corrupt,
}

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub locale: Locale,
    pub form: Form,
    pub today: Date,
    /// The engine's answer for `form` (recomputed only when the form changes).
    pub evaluation: Rc<Evaluation>,
    /// Deep-link parameters that were not used.
    pub link_notices: Vec<ParamNotice>,
    pub storage_notice: Option<StorageNotice>,
    /// 长辈模式: larger text and controls.
    pub elder: bool,
    /// The host's own channel list (`channels` parameter), validated.
    pub host_channels: Option<Rc<ChannelOverride>>,
    /// Why the host's channel list was rejected.
    pub host_channels_error: Option<OverrideError>,
    /// The kiosk or embed configuration from the URL, validated.
    pub host: Rc<HostConfig>,
    /// What a kiosk reset returns to: the link's own values (the host's defaults).
    pub start_form: Form,
    pub start_locale: Locale,
    /// Kiosk: the attract screen is showing (at start and after each idle reset).
    pub attract: bool,
    /// Kiosk: how many idle resets happened (each one wipes storage).
    pub kiosk_resets: u32,
    /// The `channels` parameter as given, kept in the address while it is valid.
    pub host_channels_text: Option<String>,
}

/// What the user can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLocale(Locale),
    SelectCategory(Category),
    /// A parameter's raw text changed.
    SetField(&'static str, String),
    SetElder(bool),
    DismissNotices,
    /// Start over: an empty form, nothing stored.
    Reset,
    /// Kiosk idle timeout: back to the host's defaults and the attract screen, nothing kept.
    KioskReset,
    /// Kiosk: someone tapped the attract screen.
    Wake,
}

impl AppState {
    /// Builds the first state: stored form, then the deep link on top (the link wins).
    pub fn start(start: &Start) -> AppState {
        let mut link = parse_deep_link(&start.query);
        // The phones' build never meets a host parameter (`main.rs` reloads into the host build).
        let mut host = if crate::ui::HOST_BUILD {
            HostConfig::parse(&link.ui)
        } else {
            HostConfig::default()
        };
        if crate::ui::HOST_BUILD && host.mode != HostMode::Standard {
            host.drop_bad_defaults(&mut link.form, start.today);
        }
        let kiosk = host.mode == HostMode::Kiosk;
        let mut storage_notice = None;
        let mut elder = false;
        let mut stored_locale = None;
        let mut form = Form::new();
        // A kiosk is shared by strangers: it never starts from what someone left behind.
        let stored = start.stored.as_deref().filter(|s| !s.is_empty() && !kiosk);
        if let Some(stored) = stored {
            match stored.strip_prefix(STORAGE_FORMAT) {
                Some(body) => {
                    let saved = parse_deep_link(body);
                    if !saved.notices.is_empty() {
                        storage_notice = Some(StorageNotice::Corrupt);
                    } else {
                        form = saved.form;
                        stored_locale = saved.locale;
                        elder = saved.ui.iter().any(|(k, v)| k == "elder" && v == "1");
                    }
                }
                None => storage_notice = Some(StorageNotice::Corrupt),
            }
        }
        // An unknown category in a link is named, not silently ignored; the stored scenario stays.
        let mut link_notices = std::mem::take(&mut link.notices);
        if let Some(cat) = link.form.get("cat").map(str::trim) {
            if Category::from_slug(cat).is_none() {
                if !cat.is_empty() {
                    link_notices.push(ParamNotice {
                        param: "cat".into(),
                        code: "bad_value",
                    });
                }
                link.form.remove("cat");
            }
        }
        // A link to another category starts a fresh scenario; otherwise its values win one by one.
        let link_category = link.form.get("cat").and_then(Category::from_slug);
        if link_category.is_some() && link_category != form.get("cat").and_then(Category::from_slug)
        {
            form = Form::new();
        }
        for (k, v) in link.form.iter() {
            form.set(k, v);
        }
        // A link without `cat` is judged against every category: what the stored category does not
        // use is named and dropped, else the state written back would read as corrupt next visit.
        let unused: Vec<String> = form.unknown_keys().into_iter().map(String::from).collect();
        for key in unused {
            form.remove(&key);
            link_notices.push(ParamNotice {
                param: key,
                code: "unknown",
            });
        }
        for (k, v) in &link.ui {
            if k == "elder" {
                match v.trim() {
                    "1" | "true" => elder = true,
                    "0" | "false" | "" => elder = false,
                    _ => link_notices.push(ParamNotice {
                        param: "elder".into(),
                        code: "bad_value",
                    }),
                }
            }
        }
        let channels_text = link
            .ui
            .iter()
            .find(|(k, _)| k == "channels")
            .filter(|_| crate::ui::HOST_BUILD)
            .map(|(_, v)| v.clone());
        let (host_channels, host_channels_error) = match channels_text.as_deref() {
            Some(json) => match parse_channel_override(json) {
                Ok(list) => (Some(Rc::new(list)), None),
                Err(e) => (None, Some(e)),
            },
            None => (None, None),
        };
        let locale = link
            .locale
            .or(stored_locale)
            .unwrap_or(start.browser_locale);
        let evaluation = Rc::new(evaluate(&form, start.today));
        AppState {
            locale,
            start_form: if kiosk { form.clone() } else { Form::new() },
            start_locale: locale,
            form,
            today: start.today,
            evaluation,
            link_notices,
            storage_notice,
            elder,
            host_channels,
            host_channels_error,
            attract: kiosk,
            kiosk_resets: 0,
            host: Rc::new(host),
            host_channels_text: channels_text,
        }
    }

    /// The address's query: the host's parameters (mode, look; so a reload or a restart keeps
    /// them), then the calculator's.
    pub fn address_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = if crate::ui::HOST_BUILD {
            self.host.query_pairs()
        } else {
            Vec::new()
        };
        if let Some(channels) = self.host_channels_raw() {
            pairs.push(("channels", channels));
        }
        let host = to_query(&Form::new(), pairs.iter().map(|(k, v)| (*k, v.as_str())));
        match (host.is_empty(), self.query()) {
            (true, own) => own,
            (false, own) if own.is_empty() => host,
            (false, own) => format!("{host}&{own}"),
        }
    }

    /// The host's channel list as given, when it was valid (kept in the address).
    fn host_channels_raw(&self) -> Option<String> {
        self.host_channels.as_ref()?;
        self.host_channels_text.clone()
    }

    /// The old unit's age in years, from the purchase year typed (for the safe-use warning).
    pub fn old_age_years(&self) -> Option<f64> {
        let year = parse_number(self.form.get("old_year")?).ok()?;
        let age = f64::from(self.today.year()) - year;
        (0.0..=80.0).contains(&age).then_some(age)
    }

    /// The selected category, when valid.
    pub fn category(&self) -> Option<Category> {
        self.evaluation.category
    }

    /// The query string that reproduces this state (`lang` first).
    pub fn query(&self) -> String {
        to_query(&self.form, [("lang", self.locale.code())])
    }

    /// What localStorage keeps.
    pub fn stored(&self) -> String {
        let elder = if self.elder { "1" } else { "0" };
        format!(
            "{STORAGE_FORMAT}{}",
            to_query(&self.form, [("lang", self.locale.code()), ("elder", elder)])
        )
    }

    fn with_form(&self, form: Form) -> AppState {
        AppState {
            evaluation: Rc::new(evaluate(&form, self.today)),
            form,
            ..self.clone()
        }
    }
}

/// Parameters kept when the buyer switches category: where and when they buy, and their prices.
const KEPT_ON_CATEGORY_CHANGE: &[&str] = &[
    "region",
    "date",
    "grade",
    "tariff",
    "water_price",
    "gas_price",
];

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::SetLocale(locale) if locale != self.locale => AppState {
                locale,
                ..(*self).clone()
            },
            Action::SelectCategory(category) if self.category() != Some(category) => {
                let mut form = Form::new();
                for key in KEPT_ON_CATEGORY_CHANGE {
                    if let Some(v) = self.form.get(key) {
                        form.set(*key, v);
                    }
                }
                form.set("cat", category.slug());
                self.with_form(form)
            }
            Action::SetField(param, text) if self.form.get(param) != Some(text.as_str()) => {
                let mut form = self.form.clone();
                if text.is_empty() {
                    form.remove(param);
                } else {
                    form.set(param, text);
                }
                self.with_form(form)
            }
            Action::SetElder(elder) if elder != self.elder => AppState {
                elder,
                ..(*self).clone()
            },
            Action::DismissNotices => AppState {
                link_notices: Vec::new(),
                storage_notice: None,
                ..(*self).clone()
            },
            Action::Reset => AppState {
                link_notices: Vec::new(),
                storage_notice: None,
                ..self.with_form(Form::new())
            },
            Action::KioskReset => AppState {
                link_notices: Vec::new(),
                storage_notice: None,
                locale: self.start_locale,
                elder: false,
                attract: true,
                kiosk_resets: self.kiosk_resets.saturating_add(1),
                ..self.with_form(self.start_form.clone())
            },
            Action::Wake if self.attract => AppState {
                attract: false,
                ..(*self).clone()
            },
            // Nothing changed: the same Rc, so nothing re-renders.
            _ => return self,
        };
        Rc::new(next)
    }
}

/// The inputs of one group for a category, in display order.
pub fn fields_in(
    category: Category,
    group: FieldGroup,
) -> impl Iterator<Item = &'static crate::domain::evaluate::FieldSpec> {
    fields(category).iter().filter(move |f| f.group == group)
}
