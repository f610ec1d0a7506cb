use yew::prelude::*;

use crate::domain::locale::Locale;
use crate::ui::i18n::strings;

#[derive(Properties, PartialEq)]
pub struct SiteHeaderProps {
    pub locale: Locale,
    /// Called with the locale the user switches to.
    pub onlocale: Callback<Locale>,
    /// 长辈模式 is on.
    pub elder: bool,
    /// Called with the new 长辈模式 setting.
    pub onelder: Callback<bool>,
}

/// Product name, what Huanxin does, and the language switch.
#[component]
pub fn SiteHeader(props: &SiteHeaderProps) -> Html {
    let text = strings(props.locale);
    let other = props.locale.pick(Locale::En, Locale::Zh);
    let onclick = {
        let onlocale = props.onlocale.clone();
        move |_| onlocale.emit(other)
    };
    let onelder = {
        let onelder = props.onelder.clone();
        let elder = props.elder;
        move |_| onelder.emit(!elder)
    };
    html! {
        <header class="hx-header">
            <div class="hx-header__bar">
                <h1 class="hx-header__title" data-testid="product-name">
                    <span class="hx-header__logo" aria-hidden="true">{"⟳"}</span>
                    {text.product_name}
                </h1>
                <div class="hx-header__tools">
                <button
                    type="button"
                    class="hx-button hx-button--ghost"
                    aria-pressed={if props.elder { "true" } else { "false" }}
                    data-testid="elder-toggle"
                    onclick={onelder}
                >
                    {props.locale.pick("长辈模式", "Large text")}
                </button>
                <button
                    type="button"
                    class="hx-button hx-button--ghost"
                    lang={other.html_lang()}
                    aria-label={text.switch_language_label}
                    data-testid="lang-switch"
                    {onclick}
                >
                    {text.switch_language}
                </button>
                </div>
            </div>
            <p class="hx-header__tagline">{text.tagline}</p>
        </header>
    }
}
