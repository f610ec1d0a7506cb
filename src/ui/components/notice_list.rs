use yew::prelude::*;

use crate::domain::locale::Locale;
use crate::ui::markup::Markup;

/// One message for the buyer, in both languages.
#[derive(Clone, Debug, PartialEq)]
pub struct NoticeText {
    pub code: String,
    pub zh: String,
    pub en: String,
}

#[derive(Properties, PartialEq)]
pub struct NoticeListProps {
    pub notices: Vec<NoticeText>,
    pub locale: Locale,
    /// `data-testid` of the list.
    pub testid: AttrValue,
    /// Shown as a dismiss button when given.
    #[prop_or_default]
    pub ondismiss: Option<Callback<()>>,
    #[prop_or_default]
    pub warning: bool,
}

/// A list of notices (ignored link parameters, rule-set gaps, assumptions used).
#[component]
pub fn NoticeList(props: &NoticeListProps) -> Html {
    if props.notices.is_empty() {
        return Html::default();
    }
    let locale = props.locale;
    // The list as text (`Markup`); the status region around it stays, so screen readers announce
    // what changes in it.
    let mut list = Markup::new();
    list.raw("<ul>");
    for n in &props.notices {
        list.raw("<li").attr("data-code", &n.code).element(
            ">",
            locale.pick(n.zh.as_str(), n.en.as_str()),
            "</li>",
        );
    }
    list.raw("</ul>");
    html! {
        <div
            class={if props.warning { "hx-notices hx-notices--warning" } else { "hx-notices" }}
            data-testid={props.testid.clone()}
            role="status"
        >
            { list.into_html() }
            if let Some(ondismiss) = &props.ondismiss {
                <button
                    type="button"
                    class="hx-button hx-button--ghost hx-button--small"
                    data-testid={format!("{}-dismiss", props.testid)}
                    onclick={ondismiss.reform(|_| ())}
                >
                    {locale.pick("知道了", "OK")}
                </button>
            }
        </div>
    }
}
