//! The few places the UI touches the browser. Called from effects and `main.rs` only, never during
//! render; on native targets (SSR tests) they do nothing.

use crate::domain::host_config::Build;
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

/// How long typing must pause before the address and storage are written. `replaceState` and
/// `localStorage` cost about 1.4 ms per keystroke on a fast desktop, 20 ms on a low-end phone,
/// which is most of a keystroke's budget; written once per pause instead.
#[cfg(target_arch = "wasm32")]
const SAVE_DELAY_MS: u32 = 300;

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The write waiting for a pause: (address query, stored state or `None` in a kiosk) and its
    /// timer.
    static PENDING_SAVE: std::cell::RefCell<PendingSave> = std::cell::RefCell::new(PendingSave::default());
    /// The page-leave listeners (registered once, with the first save or `on_page_leave`), whether
    /// the page is hidden or being left, and the app's hook to run first when it is.
    static PAGE_LEAVE: std::cell::RefCell<PageLeave> = std::cell::RefCell::new(PageLeave::default());
}

#[cfg(target_arch = "wasm32")]
#[derive(Default)]
struct PendingSave {
    write: Option<(String, Option<String>)>,
    timer: Option<gloo::timers::callback::Timeout>,
}

#[cfg(target_arch = "wasm32")]
#[derive(Default)]
struct PageLeave {
    leaving: bool,
    hook: Option<yew::Callback<()>>,
    listeners: Vec<gloo::events::EventListener>,
}

/// Listens for the page being hidden, left or shown again, once.
#[cfg(target_arch = "wasm32")]
fn watch_page_leave() {
    PAGE_LEAVE.with(|page| {
        let mut page = page.borrow_mut();
        if !page.listeners.is_empty() {
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        page.listeners.push(gloo::events::EventListener::new(
            &window,
            "pagehide",
            |_| page_hidden(true),
        ));
        // Back from the back-forward cache: saving waits for pauses again.
        page.listeners.push(gloo::events::EventListener::new(
            &window,
            "pageshow",
            |_| page_hidden(false),
        ));
        if let Some(doc) = window.document() {
            let watched = doc.clone();
            page.listeners.push(gloo::events::EventListener::new(
                &doc,
                "visibilitychange",
                move |_| page_hidden(watched.hidden()),
            ));
        }
    });
}

/// The page was hidden or left (`true`), or shown again. When hidden: the app's hook first (it may
/// save a last edit at once), then whatever write still waits for a pause.
#[cfg(target_arch = "wasm32")]
fn page_hidden(hidden: bool) {
    let hook = PAGE_LEAVE.with(|page| {
        let mut page = page.borrow_mut();
        page.leaving = hidden;
        page.hook.clone()
    });
    if hidden {
        if let Some(hook) = hook {
            hook.emit(());
        }
        flush_save();
    }
}

/// Clears the page-leave hook when its `Subscription` drops.
#[cfg(target_arch = "wasm32")]
struct LeaveHookGuard;

#[cfg(target_arch = "wasm32")]
impl Drop for LeaveHookGuard {
    fn drop(&mut self) {
        PAGE_LEAVE.with(|page| page.borrow_mut().hook = None);
    }
}

/// Calls `on_leave` when the page is hidden or left: the last moment to apply what was typed. Until
/// the page is shown again, `save_soon` writes at once.
pub fn on_page_leave(on_leave: yew::Callback<()>) -> Subscription {
    #[cfg(target_arch = "wasm32")]
    {
        PAGE_LEAVE.with(|page| page.borrow_mut().hook = Some(on_leave));
        watch_page_leave();
        Subscription {
            _inner: vec![Box::new(LeaveHookGuard)],
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = on_leave;
        Subscription::none()
    }
}

/// Replaces the address and stores the state (a kiosk passes `None`: address only), once typing
/// pauses for `SAVE_DELAY_MS`; a page hidden or left before then writes at once, so nothing typed
/// is lost.
pub fn save_soon(query: &str, stored: Option<&str>) {
    #[cfg(target_arch = "wasm32")]
    {
        if PAGE_LEAVE.with(|page| page.borrow().leaving) {
            // The page is being hidden or left: there is no "later", and an older write still
            // waiting must not land after this one.
            PENDING_SAVE.with(|pending| *pending.borrow_mut() = PendingSave::default());
            replace_address(query);
            if let Some(stored) = stored {
                store_state(stored);
            }
            return;
        }
        PENDING_SAVE.with(|pending| {
            let mut pending = pending.borrow_mut();
            pending.write = Some((query.to_string(), stored.map(str::to_string)));
            pending.timer = Some(gloo::timers::callback::Timeout::new(
                SAVE_DELAY_MS,
                flush_save,
            ));
        });
        watch_page_leave();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (query, stored);
}

/// Writes the pending address and state now, if any.
#[cfg(target_arch = "wasm32")]
fn flush_save() {
    let write = PENDING_SAVE.with(|pending| {
        let mut pending = pending.borrow_mut();
        pending.timer = None;
        pending.write.take()
    });
    if let Some((query, stored)) = write {
        // Unchanged writes are skipped: `replaceState` alone costs ~3 ms on a fast desktop and far
        // more on a slow phone, and at start the address and storage usually hold these already.
        let address = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        if address.strip_prefix('?').unwrap_or(&address) != query {
            replace_address(&query);
        }
        if let Some(stored) = stored {
            if load_stored().as_deref() != Some(stored.as_str()) {
                store_state(&stored);
            }
        }
    }
}

/// Stores the state. Storage may be unavailable (private mode, WeChat, embed sandbox): then the
/// page simply forgets on reload.
#[cfg(target_arch = "wasm32")]
fn store_state(stored: &str) {
    if let Some(Ok(Some(storage))) = web_sys::window().map(|w| w.local_storage()) {
        let _ = storage.set_item(crate::ui::state::STORAGE_KEY, stored);
    }
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

// ---- Kiosk, embed and phone (issue 6): theme, idle activity, host messages, share, worker ----

/// Keeps a browser listener, timer or observer alive; dropping it removes it. Effects return a
/// closure that drops it.
#[must_use = "dropping a Subscription stops it at once"]
pub struct Subscription {
    #[cfg(target_arch = "wasm32")]
    _inner: Vec<Box<dyn std::any::Any>>,
}

// Explicit so that effects' clean-ups can say `drop(subscription)` on every target; the listeners,
// timers and observers inside stop when their own fields drop.
impl Drop for Subscription {
    fn drop(&mut self) {}
}

impl Subscription {
    #[cfg(not(target_arch = "wasm32"))]
    fn none() -> Subscription {
        Subscription {}
    }
}

/// While it lives, the siblings of the element with `id` are `inert`: a modal overlay (kiosk idle
/// warning, link QR, attract screen) is all a screen reader, a keyboard or a stray tap can reach.
/// Dropping it removes `inert` from exactly the elements it set it on, so nested overlays compose.
pub struct InertOthers {
    #[cfg(target_arch = "wasm32")]
    set: Vec<web_sys::Element>,
}

impl Drop for InertOthers {
    fn drop(&mut self) {
        #[cfg(target_arch = "wasm32")]
        for el in self.set.drain(..) {
            let _ = el.remove_attribute("inert");
        }
    }
}

pub fn make_others_inert(id: &str) -> InertOthers {
    #[cfg(target_arch = "wasm32")]
    {
        let mut set = Vec::new();
        let overlay = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id));
        if let Some(parent) = overlay.as_ref().and_then(|o| o.parent_element()) {
            let children = parent.children();
            for i in 0..children.length() {
                let Some(child) = children.item(i) else {
                    continue;
                };
                if Some(&child) != overlay.as_ref() && !child.has_attribute("inert") {
                    let _ = child.set_attribute("inert", "");
                    set.push(child);
                }
            }
        }
        InertOthers { set }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = id;
        InertOthers {}
    }
}

/// A plain value in a message to the embedding page.
#[derive(Clone, Debug, PartialEq)]
pub enum MessageValue {
    Text(String),
    /// Only finite numbers are sent; anything else goes as `null`.
    Number(f64),
    Null,
}

/// How a share ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareOutcome {
    /// The system share sheet took it.
    Shared,
    /// The buyer closed the share sheet.
    Cancelled,
    /// The link is on the clipboard.
    Copied,
    /// Neither sharing nor the clipboard is available (e.g. WeChat): show the link to copy by hand.
    Unavailable,
}

/// Sets the host's theme colours as custom properties on `<html>` (through the CSSOM, which a CSP
/// without `'unsafe-inline'` allows, unlike a `style` attribute).
pub fn apply_theme(properties: &[(&'static str, String)]) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(root) = root {
            let style = root.style();
            // The previous theme (e.g. before 长辈模式 was switched on) goes first.
            for name in crate::domain::host_config::theme_properties() {
                let _ = style.remove_property(name);
            }
            for (name, value) in properties {
                let _ = style.set_property(name, value);
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = properties;
}

/// A warning in the browser console (for hosts checking their configuration).
pub fn console_warn(text: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::warn_1(&wasm_bindgen::JsValue::from_str(text));
    #[cfg(not(target_arch = "wasm32"))]
    let _ = text;
}

/// Replaces the address (no new history entry) without storing anything: kiosks keep nothing.
pub fn replace_address(query: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        let path = window.location().pathname().unwrap_or_default();
        let url = if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        };
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = query;
}

/// The sessionStorage key that makes `tools/boot.js` load a bigger build in this tab
/// (`host` or `full`, [`Build::name`]).
pub const BUILD_KEY: &str = "huanxin.build";

/// This build was opened with a link that needs a bigger one and that `boot.js` did not spot: note
/// it for this tab and reload, so that build starts. False (and no reload) when the note cannot be
/// kept, which would otherwise reload forever.
pub fn reload_into_build(build: Build) -> bool {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        if let Ok(Some(s)) = window.session_storage() {
            let kept = s.set_item(BUILD_KEY, build.name()).is_ok()
                && s.get_item(BUILD_KEY).ok().flatten().as_deref() == Some(build.name());
            if !kept {
                return false;
            }
            return reload(&window);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = build;
    false
}

/// The sessionStorage key naming the language (`zh` or `en`) that `tools/preload.js` loads the
/// phones' build for, when neither the address nor the stored state names one.
pub const LANG_KEY: &str = "huanxin.lang";

/// A one-language build (the phones') was asked for the other language: write the address and the
/// stored state now (both carry `lang`), note the language for this tab and reload, so that
/// language's build starts. False (and no reload) when the note cannot be kept, or was already made
/// for this language: that build did not start, and this one shows its own language rather than
/// reload forever.
pub fn reload_into_language(locale: Locale) -> bool {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        if let Ok(Some(s)) = window.session_storage() {
            let code = locale.code();
            if s.get_item(LANG_KEY).ok().flatten().as_deref() == Some(code) {
                return false;
            }
            let kept = s.set_item(LANG_KEY, code).is_ok()
                && s.get_item(LANG_KEY).ok().flatten().as_deref() == Some(code);
            if !kept {
                return false;
            }
            flush_save();
            return reload(&window);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = locale;
    false
}

/// Reloads the page. Through Reflect and `call1` (its argument is ignored): all builds share one JS
/// glue (the full build's), which imports neither `Location::reload` nor `call0`, as the full build
/// never calls them.
#[cfg(target_arch = "wasm32")]
fn reload(window: &web_sys::Window) -> bool {
    use wasm_bindgen::JsCast;
    let location = window.location();
    js_sys::Reflect::get(&location, &"reload".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .is_some_and(|f| {
            f.call1(&location, &wasm_bindgen::JsValue::UNDEFINED)
                .is_ok()
        })
}

/// Empties localStorage and sessionStorage of this origin (a kiosk reset leaves nothing behind).
pub fn clear_storage() {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        if let Ok(Some(s)) = window.local_storage() {
            let _ = s.clear();
        }
        if let Ok(Some(s)) = window.session_storage() {
            let _ = s.clear();
        }
    }
}

/// The page's address without query or fragment (`https://host/path/`), for share links.
pub fn page_base() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .map(|w| {
                let l = w.location();
                format!(
                    "{}{}",
                    l.origin().unwrap_or_default(),
                    l.pathname().unwrap_or_default()
                )
            })
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

/// Milliseconds since the epoch (follows a test's fake clock).
pub fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    0.0
}

/// Marks the app root settled (`data-settled="true"`) or holding an edit (`"false"`); see `pacer.rs`.
pub fn set_settled(settled: bool) {
    #[cfg(target_arch = "wasm32")]
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| {
        d.query_selector("[data-testid=\"app-ready\"]")
            .ok()
            .flatten()
    }) {
        let _ = root.set_attribute("data-settled", if settled { "true" } else { "false" });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = settled;
}

/// Moves the keyboard focus to the element with `id`, if it exists.
pub fn focus_by_id(id: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = id;
}

/// Scrolls the element with `id` to the middle of the screen (e.g. the field the kiosk keypad is
/// typing into, which must stay clear of the keypad docked at the bottom).
pub fn scroll_into_view(id: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        use wasm_bindgen::{JsCast, JsValue};
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"block".into(), &"center".into());
        let scroll = js_sys::Reflect::get(&el, &JsValue::from_str("scrollIntoView"))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        match scroll {
            Some(f) => {
                let _ = f.call1(&el, &options);
            }
            None => el.scroll_into_view_with_bool(true),
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = id;
}

/// Kiosk: no context menu (long press) anywhere on the page.
pub fn block_context_menu() -> Subscription {
    #[cfg(target_arch = "wasm32")]
    {
        let mut inner: Vec<Box<dyn std::any::Any>> = Vec::new();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            inner.push(Box::new(gloo::events::EventListener::new_with_options(
                &doc,
                "contextmenu",
                options,
                |e| e.prevent_default(),
            )));
        }
        Subscription { _inner: inner }
    }
    #[cfg(not(target_arch = "wasm32"))]
    Subscription::none()
}

/// Calls `on_activity` on any touch, click, key, wheel or input anywhere in the page.
pub fn on_user_activity(on_activity: yew::Callback<()>) -> Subscription {
    #[cfg(target_arch = "wasm32")]
    {
        let mut inner: Vec<Box<dyn std::any::Any>> = Vec::new();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            for kind in ["pointerdown", "keydown", "touchstart", "wheel", "input"] {
                let cb = on_activity.clone();
                let options = gloo::events::EventListenerOptions::run_in_capture_phase();
                inner.push(Box::new(gloo::events::EventListener::new_with_options(
                    &doc,
                    kind,
                    options,
                    move |_| cb.emit(()),
                )));
            }
        }
        Subscription { _inner: inner }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = on_activity;
        Subscription::none()
    }
}

/// Calls `tick` once a second.
pub fn every_second(tick: yew::Callback<()>) -> Subscription {
    #[cfg(target_arch = "wasm32")]
    {
        let interval = gloo::timers::callback::Interval::new(1_000, move || tick.emit(()));
        Subscription {
            _inner: vec![Box::new(interval)],
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = tick;
        Subscription::none()
    }
}

/// Embed: posts `{ source: "huanxin", type: kind, …fields }` to the parent window, addressed to
/// the host's exact origin (never `"*"`): the browser drops it if the parent is anyone else.
pub fn post_to_parent(origin: &str, kind: &str, fields: &[(&str, MessageValue)]) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;
        let Some(window) = web_sys::window() else {
            return;
        };
        let Ok(Some(parent)) = window.parent() else {
            return;
        };
        let message = js_sys::Object::new();
        let set = |k: &str, v: JsValue| {
            let _ = js_sys::Reflect::set(&message, &JsValue::from_str(k), &v);
        };
        set("source", JsValue::from_str("huanxin"));
        set("version", JsValue::from_f64(1.0));
        set("type", JsValue::from_str(kind));
        for (k, v) in fields {
            let value = match v {
                MessageValue::Text(t) => JsValue::from_str(t),
                MessageValue::Number(n) if n.is_finite() => JsValue::from_f64(*n),
                MessageValue::Number(_) | MessageValue::Null => JsValue::NULL,
            };
            set(k, value);
        }
        let _ = parent.post_message(&message, origin);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (origin, kind, fields);
}

/// Embed: calls `on_height` with the page's content height (CSS px) now and whenever it changes.
pub fn watch_content_height(on_height: yew::Callback<u32>) -> Subscription {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::prelude::Closure;
        use wasm_bindgen::JsCast;
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return Subscription { _inner: Vec::new() };
        };
        let Some(root) = doc
            .get_element_by_id("app")
            .or_else(|| doc.body().map(Into::into))
        else {
            return Subscription { _inner: Vec::new() };
        };
        let measure = {
            let root = root.clone();
            move || {
                // The bottom edge of the app plus the body's margin: what the iframe must show.
                let bottom = root.get_bounding_client_rect().bottom()
                    + web_sys::window()
                        .and_then(|w| w.scroll_y().ok())
                        .unwrap_or(0.0);
                if bottom.is_finite() && bottom > 0.0 {
                    on_height.emit(
                        crate::domain::number::clamp(bottom.ceil(), 0.0, 100_000.0) as u32 + 16,
                    );
                }
            }
        };
        measure();
        let callback = Closure::<dyn FnMut()>::new(measure);
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
        if let Some(o) = &observer {
            o.observe(&root);
        }
        // The closure must live as long as the observer that calls it.
        struct Observed(
            Option<web_sys::ResizeObserver>,
            #[allow(dead_code)] Closure<dyn FnMut()>,
        );
        impl Drop for Observed {
            fn drop(&mut self) {
                if let Some(o) = &self.0 {
                    o.disconnect();
                }
            }
        }
        Subscription {
            _inner: vec![Box::new(Observed(observer, callback))],
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = on_height;
        Subscription::none()
    }
}

/// Embed: calls `on_message` with the `type` of each namespaced message from the parent window at
/// exactly `origin`; messages from any other origin or window are ignored.
pub fn on_parent_message(origin: String, on_message: yew::Callback<String>) -> Subscription {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::{JsCast, JsValue};
        let Some(window) = web_sys::window() else {
            return Subscription { _inner: Vec::new() };
        };
        let listener = gloo::events::EventListener::new(&window, "message", move |event| {
            let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
                return;
            };
            if event.origin() != origin {
                return;
            }
            let parent = web_sys::window().and_then(|w| w.parent().ok().flatten());
            let from_parent = match (event.source(), parent) {
                (Some(source), Some(parent)) => js_sys::Object::is(&source, &parent),
                _ => false,
            };
            if !from_parent {
                return;
            }
            let data = event.data();
            let field = |k: &str| js_sys::Reflect::get(&data, &JsValue::from_str(k)).ok();
            let namespaced =
                field("source").and_then(|s| s.as_string()).as_deref() == Some("huanxin");
            if let (true, Some(kind)) = (namespaced, field("type").and_then(|t| t.as_string())) {
                if kind.len() <= 32 {
                    on_message.emit(kind);
                }
            }
        });
        Subscription {
            _inner: vec![Box::new(listener)],
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (origin, on_message);
        Subscription::none()
    }
}

/// Shares `url` with the system share sheet where there is one (phones), else copies it to the
/// clipboard, else reports that neither works (WeChat's in-app browser, insecure pages) so the UI
/// can show the link to copy by hand. Feature-detected: no API is called that may be missing.
pub fn share_link(url: String, title: String, done: yew::Callback<ShareOutcome>) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::{JsCast, JsValue};
        let Some(window) = web_sys::window() else {
            done.emit(ShareOutcome::Unavailable);
            return;
        };
        let navigator = window.navigator();
        let method = |target: &JsValue, name: &str| {
            js_sys::Reflect::get(target, &JsValue::from_str(name))
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        };
        // 1. Web Share.
        if let Some(share) = method(&navigator, "share") {
            let data = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&data, &"title".into(), &JsValue::from_str(&title));
            let _ = js_sys::Reflect::set(&data, &"url".into(), &JsValue::from_str(&url));
            if let Ok(promise) = share.call1(&navigator, &data) {
                if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
                    yew::platform::spawn_local(async move {
                        match wasm_bindgen_futures::JsFuture::from(promise).await {
                            Ok(_) => done.emit(ShareOutcome::Shared),
                            Err(e) => {
                                // AbortError: the buyer closed the sheet. Anything else: copy.
                                let name = js_sys::Reflect::get(&e, &"name".into())
                                    .ok()
                                    .and_then(|n| n.as_string());
                                if name.as_deref() == Some("AbortError") {
                                    done.emit(ShareOutcome::Cancelled);
                                } else {
                                    copy_link(url, done).await;
                                }
                            }
                        }
                    });
                    return;
                }
            }
        }
        // 2. Clipboard.
        yew::platform::spawn_local(copy_link(url, done));
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (url, title);
        done.emit(ShareOutcome::Unavailable);
    }
}

#[cfg(target_arch = "wasm32")]
async fn copy_link(url: String, done: yew::Callback<ShareOutcome>) {
    use wasm_bindgen::{JsCast, JsValue};
    let outcome = async {
        let navigator = web_sys::window()?.navigator();
        let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok()?;
        if clipboard.is_undefined() || clipboard.is_null() {
            return None;
        }
        let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        let promise = write
            .call1(&clipboard, &JsValue::from_str(&url))
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()?;
        wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
        Some(ShareOutcome::Copied)
    }
    .await;
    done.emit(outcome.unwrap_or(ShareOutcome::Unavailable));
}

/// Opens the print dialog, where the browser has one.
pub fn print_page() {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Registers the service worker (`sw.js` beside the page) so the app opens offline after the first
/// visit. Only on secure pages of browsers that have service workers; failures are ignored (the
/// app works online without it).
pub fn register_service_worker() {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::{JsCast, JsValue};
        let Some(window) = web_sys::window() else {
            return;
        };
        if !window.is_secure_context() {
            return;
        }
        let navigator = window.navigator();
        let Ok(container) = js_sys::Reflect::get(&navigator, &"serviceWorker".into()) else {
            return;
        };
        if container.is_undefined() || container.is_null() {
            return;
        }
        let register = js_sys::Reflect::get(&container, &"register".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let Some(register) = register {
            // The full build asks its worker to keep the full build offline too (assets/sw.js).
            // Not the host build: a tab that goes between plain and branded links would swap the
            // worker back and forth; the worker keeps the host build once it has fetched it.
            let script = if crate::ui::BUILD == Build::Full {
                "sw.js?build=full"
            } else {
                "sw.js"
            };
            if let Ok(promise) = register.call1(&container, &JsValue::from_str(script)) {
                if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
                    // Await it so a rejection is handled, not reported as an uncaught error.
                    yew::platform::spawn_local(async move {
                        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
                    });
                }
            }
        }
    }
}

/// After a panic: hands over to the boot script's `hxRestart` (tools/boot.js), which shows the static
/// page's friendly message (`#hx-crash`) and reloads after 3 s, at most three times in two minutes.
/// Runs inside the panic hook, so it only calls a plain JavaScript function: no Rust closure would
/// have to call back into the (now unusable) wasm instance.
pub fn show_crash_and_restart(detail: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::{JsCast, JsValue};
        web_sys::console::error_1(&JsValue::from_str(&format!("Huanxin stopped: {detail}")));
        let restart = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("hxRestart"))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let Some(restart) = restart {
            let _ = restart.call0(&JsValue::UNDEFINED);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = detail;
}

/// Kiosk: a tap on a link to another site does not navigate; `on_link` gets its address instead
/// (the app shows it as a QR code to scan). Covers every link on the page, whoever rendered it.
pub fn intercept_external_links(on_link: yew::Callback<String>) -> Subscription {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let mut inner: Vec<Box<dyn std::any::Any>> = Vec::new();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            for kind in ["click", "auxclick"] {
                let on_link = on_link.clone();
                let options = gloo::events::EventListenerOptions {
                    phase: gloo::events::EventListenerPhase::Capture,
                    passive: false,
                };
                inner.push(Box::new(gloo::events::EventListener::new_with_options(
                    &doc,
                    kind,
                    options,
                    move |event| {
                        let anchor = event
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                            .and_then(|el| el.closest("a[href]").ok().flatten());
                        let Some(anchor) = anchor else {
                            return;
                        };
                        let href = anchor.get_attribute("href").unwrap_or_default();
                        let own = web_sys::window()
                            .and_then(|w| w.location().origin().ok())
                            .unwrap_or_default();
                        let absolute = href.starts_with("https://") || href.starts_with("http://");
                        if absolute && !href.starts_with(&format!("{own}/")) {
                            event.prevent_default();
                            event.stop_propagation();
                            on_link.emit(href);
                        }
                    },
                )));
            }
        }
        Subscription { _inner: inner }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = on_link;
        Subscription::none()
    }
}
