//! Mounts the app. Reading the browser (language, URL, storage, today's date) happens here, before
//! the first render, so components never touch the browser while rendering.

fn main() {
    // Reading the browser waits for a task of its own too (see the first render below): the start
    // is three short tasks (instantiate, read, render) rather than one long one.
    #[cfg(target_arch = "wasm32")]
    gloo::timers::callback::Timeout::new(0, web::start).forget();
}

#[cfg(target_arch = "wasm32")]
mod web {
    use huanxin::domain::date::Date;
    use huanxin::domain::host_config::{Build, HostConfig, HostMode};
    use huanxin::domain::locale::Locale;
    use huanxin::domain::query::parse_deep_link;
    use huanxin::ui::app::AppProps;
    use huanxin::ui::browser;
    use huanxin::ui::state::Start;
    use huanxin::App;

    pub fn start() {
        // A panic never leaves a dead screen: a friendly message, then a restart (all modes). The
        // release wasm aborts at once instead (scripts/release.sh): its trap reaches tools/boot.js,
        // which shows the same message; no hook to install there.
        #[cfg(not(panic = "immediate-abort"))]
        yew::set_custom_panic_hook(Box::new(|info| {
            browser::show_crash_and_restart(&info.to_string())
        }));
        let Some(window) = web_sys::window() else {
            return;
        };
        let Some(document) = window.document() else {
            return;
        };
        let tags: Vec<String> = window
            .navigator()
            .languages()
            .iter()
            .filter_map(|v| v.as_string())
            .collect();
        let browser_locale = Locale::negotiate(tags.iter().map(String::as_str));
        let query = window.location().search().unwrap_or_default();
        let now = js_sys::Date::new_0();
        let today = Date::new(
            now.get_full_year() as i32,
            now.get_month() as u8 + 1,
            now.get_date() as u8,
        )
        .unwrap_or(Date::EARLIEST_INPUT);
        let start = Start {
            browser_locale,
            query,
            stored: browser::load_stored(),
            today,
        };
        let root = document
            .get_element_by_id("app")
            .or_else(|| document.body().map(Into::into));
        // Offline after the first visit (not inside a retailer's iframe: the host owns that page).
        let link = parse_deep_link(&start.query).ui;
        let needed = Build::needed(&link);
        if needed > huanxin::ui::BUILD && browser::reload_into_build(needed) {
            return;
        }
        if !huanxin::ui::HOST_BUILD || HostConfig::parse(&link).mode != HostMode::Embed {
            browser::register_service_worker();
        }
        if let Some(root) = root {
            let props = AppProps {
                start,
                page_base: browser::page_base().into(),
            };
            // The first render in a task of its own: starting the wasm and rendering the page are
            // then two shorter tasks instead of one long one, so a tap in between is not kept
            // waiting (Lighthouse's total blocking time counts what each task runs past 50 ms).
            gloo::timers::callback::Timeout::new(0, move || {
                yew::Renderer::<App>::with_root_and_props(root, props).render();
            })
            .forget();
        }
    }
}
