//! Build step: renders the app's first screen to HTML with the same components the browser runs
//! (yew SSR), for the static first paint. `tools/postbuild.mjs` puts the output into
//! `dist/index.html`'s `<div id="app">`; the wasm app replaces it when it starts.
//!
//! ```text
//! cargo run --features prerender --bin prerender [-- --date YYYY-MM-DD] > target/prerender/app.html
//! ```
//!
//! The page is rendered as a first visit: Chinese, no link parameters, nothing stored. "Today" (which
//! picks the subsidy rules shown) is `--date`, else `SOURCE_DATE_EPOCH` (reproducible builds), else
//! the clock, each read as a date in China (UTC+8).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    match native::run(std::env::args().skip(1).collect()) {
        Ok(html) => println!("{html}"),
        Err(message) => {
            eprintln!("prerender: {message}");
            std::process::exit(1);
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::future::Future;
    use std::sync::Arc;
    use std::task::{Context, Poll, Wake, Waker};
    use std::thread::{self, Thread};
    use std::time::{SystemTime, UNIX_EPOCH};

    use huanxin::domain::date::Date;
    use huanxin::domain::locale::Locale;
    use huanxin::ui::app::AppProps;
    use huanxin::ui::state::Start;
    use huanxin::App;
    use yew::LocalServerRenderer;

    /// China Standard Time, seconds east of UTC: the buyer's calendar day decides the rules.
    const CHINA_OFFSET_SECONDS: i64 = 8 * 3600;
    const SECONDS_PER_DAY: i64 = 86_400;

    /// Renders the first screen for the day given by the arguments or the environment.
    pub fn run(args: Vec<String>) -> Result<String, String> {
        let today = match args.as_slice() {
            [] => build_day()?,
            [flag, day] if flag == "--date" => {
                Date::parse(day).map_err(|e| format!("--date {day:?}: {}", e.code()))?
            }
            _ => return Err("usage: prerender [--date YYYY-MM-DD]".into()),
        };
        let props = AppProps {
            start: Start {
                browser_locale: Locale::Zh,
                query: String::new(),
                stored: None,
                today,
            },
            page_base: Default::default(),
        };
        // Not hydratable: the app takes the page over instead of hydrating it, so no markers.
        let html = block_on(
            LocalServerRenderer::<App>::with_props(props)
                .hydratable(false)
                .render(),
        );
        if html.trim().is_empty() {
            return Err("the app rendered nothing".into());
        }
        Ok(html)
    }

    /// `SOURCE_DATE_EPOCH` if set, else now; as a calendar day in China.
    fn build_day() -> Result<Date, String> {
        let seconds = match std::env::var("SOURCE_DATE_EPOCH") {
            Ok(text) => text
                .trim()
                .parse::<i64>()
                .map_err(|_| format!("SOURCE_DATE_EPOCH={text:?} is not a number of seconds"))?,
            Err(_) => SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_err(|_| "the clock is before 1970".to_string())
                .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))?,
        };
        let days = seconds
            .saturating_add(CHINA_OFFSET_SECONDS)
            .div_euclid(SECONDS_PER_DAY);
        Date::from_days(days).ok_or_else(|| format!("{seconds} s since 1970 is out of range"))
    }

    /// Wakes the rendering thread.
    struct ThreadWaker(Thread);

    impl Wake for ThreadWaker {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }

    /// Runs a future to completion on this thread (the renderer needs no runtime of its own).
    fn block_on<F: Future>(future: F) -> F::Output {
        let mut future = std::pin::pin!(future);
        let waker = Waker::from(Arc::new(ThreadWaker(thread::current())));
        let mut context = Context::from_waker(&waker);
        loop {
            match future.as_mut().poll(&mut context) {
                Poll::Ready(output) => return output,
                Poll::Pending => thread::park(),
            }
        }
    }
}
