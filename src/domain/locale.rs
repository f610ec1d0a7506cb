//! The two languages Huanxin speaks.

/// A user-interface language. Chinese first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Locale {
    #[default]
    Zh,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::Zh, Locale::En];

    /// The `lang` deep-link value and the `<html lang>` tag.
    pub fn code(self) -> &'static str {
        match self {
            Locale::Zh => "zh",
            Locale::En => "en",
        }
    }

    /// BCP 47 tag for `<html lang>`.
    pub fn html_lang(self) -> &'static str {
        match self {
            Locale::Zh => "zh-CN",
            Locale::En => "en",
        }
    }

    /// Parses `zh`, `zh-CN`, `zh-Hans-CN`, `en`, `en-US` … (any case). Unknown tags give `None`.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Locale::Zh),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// Picks a locale from the browser's language list: the first tag we speak wins, else Chinese.
    pub fn negotiate<'a>(tags: impl IntoIterator<Item = &'a str>) -> Locale {
        tags.into_iter()
            .find_map(Locale::from_tag)
            .unwrap_or_default()
    }

    /// The language the interface shows for this choice: itself, except in a one-language build
    /// (feature `only-zh` or `only-en`, the phones' builds), which shows its own language while it
    /// hands a page in the other one to the other build.
    pub fn shown(self) -> Locale {
        if cfg!(feature = "only-zh") {
            Locale::Zh
        } else if cfg!(feature = "only-en") {
            Locale::En
        } else {
            self
        }
    }

    /// Chooses between a Chinese and an English text.
    pub fn pick<T>(self, zh: T, en: T) -> T {
        match self.shown() {
            Locale::Zh => zh,
            Locale::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tags() {
        assert_eq!(Locale::from_tag("zh-CN"), Some(Locale::Zh));
        assert_eq!(Locale::from_tag("EN_us"), Some(Locale::En));
        assert_eq!(Locale::from_tag("fr"), None);
        assert_eq!(Locale::from_tag(""), None);
    }

    #[test]
    fn negotiates_first_known() {
        assert_eq!(Locale::negotiate(["fr", "en-GB", "zh"]), Locale::En);
        assert_eq!(Locale::negotiate(["de"]), Locale::Zh);
    }
}
