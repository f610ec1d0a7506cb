//! The few places the UI touches the browser. Called from effects and `main.rs` only, never during
//! render; on native targets (SSR tests) they do nothing.

use crate::domain::locale::Locale;
#[cfg(target_arch = "wasm32")]
use crate::ui::i18n::strings;

/// Sets `<html lang>` and the document title for the current language.
pub fn set_document_language(locale: Locale) {
    #[cfg(target_arch = "wasm32")]
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", locale.html_lang());
        }
        doc.set_title(strings(locale).document_title);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = locale;
}
