//! Every text of the interface, once per language. A `Strings` value must set every field, so a
//! text that exists in one language only does not compile.

use crate::domain::locale::Locale;

/// The interface texts of one language.
#[derive(Debug, PartialEq, Eq)]
pub struct Strings {
    pub product_name: &'static str,
    pub document_title: &'static str,
    pub tagline: &'static str,
    pub switch_language: &'static str,
    pub switch_language_label: &'static str,
    pub choose_category: &'static str,
    pub choose_category_hint: &'static str,
    pub privacy_note: &'static str,
}

pub const ZH: Strings = Strings {
    product_name: "换新算",
    document_title: "换新算 · 家电以旧换新省钱计算器",
    tagline: "旧家电换一级/二级能效新机，每年省多少、补贴多少、几年回本，一算便知。",
    switch_language: "English",
    switch_language_label: "Switch to English",
    choose_category: "选择家电类别",
    choose_category_hint: "先选要换的家电，再填旧机和新机的信息。",
    privacy_note: "全部计算在本机完成，您输入的内容不会上传。",
};

pub const EN: Strings = Strings {
    product_name: "Huanxin",
    document_title: "Huanxin · appliance trade-in savings calculator",
    tagline: "Trade in an old appliance for a grade-1 or grade-2 one: see what you save each year, the subsidy, and when it pays back.",
    switch_language: "中文",
    switch_language_label: "切换到中文",
    choose_category: "Choose an appliance",
    choose_category_hint: "Pick what you are replacing, then describe the old and the new unit.",
    privacy_note: "Everything is calculated on this device; nothing you type is sent anywhere.",
};

/// The texts for a locale.
pub fn strings(locale: Locale) -> &'static Strings {
    match locale.shown() {
        Locale::Zh => &ZH,
        Locale::En => &EN,
    }
}
