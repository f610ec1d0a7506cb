//! Mounts the app. Reading the browser (language, URL, storage) happens here, before the first render.

fn main() {
    #[cfg(target_arch = "wasm32")]
    web::start();
}

#[cfg(target_arch = "wasm32")]
mod web {
    use huanxin::domain::locale::Locale;
    use huanxin::ui::app::AppProps;
    use huanxin::App;

    pub fn start() {
        let window = web_sys::window().expect("no window");
        let document = window.document().expect("no document");
        let languages = window.navigator().languages();
        let tags: Vec<String> = languages.iter().filter_map(|v| v.as_string()).collect();
        let locale = Locale::negotiate(tags.iter().map(String::as_str));
        let root = document
            .get_element_by_id("app")
            .unwrap_or_else(|| document.body().expect("no body").into());
        yew::Renderer::<App>::with_root_and_props(root, AppProps { locale }).render();
    }
}
