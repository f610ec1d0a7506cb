use yew::prelude::*;

use crate::domain::category::Category;
use crate::domain::locale::Locale;
use crate::ui::components::category_picker::CategoryPicker;
use crate::ui::components::site_header::SiteHeader;
use crate::ui::i18n::strings;

/// What `main.rs` read from the browser before the first render.
#[derive(Properties, PartialEq, Default, Clone)]
pub struct AppProps {
    #[prop_or_default]
    pub locale: Locale,
}

/// The whole calculator page.
#[component]
pub fn App(props: &AppProps) -> Html {
    let locale = use_state_eq(|| props.locale);
    let category = use_state_eq(|| None::<Category>);
    // False in the static (server-rendered) page; true once the wasm app runs: tests wait for it.
    let mounted = use_state_eq(|| false);
    {
        let mounted = mounted.clone();
        use_effect_with((), move |_| mounted.set(true));
    }
    use_effect_with(*locale, |locale| {
        crate::ui::browser::set_document_language(*locale)
    });

    let onlocale = {
        let locale = locale.clone();
        Callback::from(move |l: Locale| locale.set(l))
    };
    let onselect = {
        let category = category.clone();
        Callback::from(move |c: Category| category.set(Some(c)))
    };
    let text = strings(*locale);
    html! {
        <div
            class="hx-app"
            lang={locale.html_lang()}
            data-testid="app-ready"
            data-hydrated={if *mounted { "true" } else { "false" }}
        >
            <SiteHeader locale={*locale} {onlocale} />
            <main class="hx-main">
                <CategoryPicker locale={*locale} selected={*category} {onselect} />
            </main>
            <footer class="hx-footer">
                <p>{text.privacy_note}</p>
            </footer>
        </div>
    }
}
