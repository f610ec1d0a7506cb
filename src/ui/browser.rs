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

/// Replaces the address (no new history entry) and stores the state. Storage may be unavailable
/// (private mode, WeChat, embed sandbox): then the page simply forgets on reload.
pub fn save(query: &str, stored: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        let location = window.location();
        let path = location.pathname().unwrap_or_default();
        let url = if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        };
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
        if let Ok(Some(storage)) = window.local_storage() {
            let _ = storage.set_item(crate::ui::state::STORAGE_KEY, stored);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (query, stored);
}

/// Reads the stored state, if storage is available.
pub fn load_stored() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()?
            .local_storage()
            .ok()??
            .get_item(crate::ui::state::STORAGE_KEY)
            .ok()?
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}
