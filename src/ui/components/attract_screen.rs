use yew::prelude::*;

use crate::domain::locale::Locale;
use crate::ui::browser;

#[derive(Properties, PartialEq)]
pub struct AttractScreenProps {
    pub locale: Locale,
    /// The store's name, when the kiosk's URL gives one.
    #[prop_or_default]
    pub store: Option<AttrValue>,
    /// Called when someone taps to start.
    pub onstart: Callback<()>,
}

/// The kiosk's waiting screen: one big button in both languages, so a passer-by in either language
/// knows what it is and how to start.
#[component]
pub fn AttractScreen(props: &AttractScreenProps) -> Html {
    let onclick = {
        let onstart = props.onstart.clone();
        Callback::from(move |_: MouseEvent| onstart.emit(()))
    };
    let (first, second) = match props.locale {
        Locale::Zh => (("点我开始计算", "zh-CN"), ("Tap to start", "en")),
        Locale::En => (("Tap to start", "en"), ("点我开始计算", "zh-CN")),
    };
    // Covers the page: what is behind it is inert until someone taps.
    use_effect_with((), |_| {
        let inert = browser::make_others_inert("hx-attract");
        move || drop(inert)
    });
    html! {
        <div id="hx-attract" class="hx-attract" data-testid="attract">
            <button type="button" class="hx-attract__button" data-testid="attract-start" {onclick}>
                <span class="hx-attract__logo" aria-hidden="true">{"⟳"}</span>
                <span class="hx-attract__name" lang="zh-CN">{"换新算"}</span>
                if let Some(store) = &props.store {
                    <span class="hx-attract__store" data-testid="attract-store">{store.clone()}</span>
                }
                <span class="hx-attract__pitch" lang="zh-CN">{"旧家电换新，每年省多少、补贴多少、几年回本"}</span>
                <span class="hx-attract__pitch" lang="en">{"Trade in an old appliance: yearly savings, subsidy, payback"}</span>
                <span class="hx-attract__cta" lang={first.1}>{first.0}</span>
                <span class="hx-attract__cta hx-attract__cta--second" lang={second.1}>{second.0}</span>
            </button>
        </div>
    }
}
