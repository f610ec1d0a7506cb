use yew::prelude::*;

use crate::domain::locale::Locale;
use crate::ui::browser::{self, ShareOutcome};

#[derive(Properties, PartialEq)]
pub struct ShareButtonProps {
    /// The link to share (the current deep link).
    pub url: AttrValue,
    /// The title for the share sheet.
    pub title: AttrValue,
    pub locale: Locale,
    /// Also offer “打印 / Print” (not inside an embed, where the host owns the page).
    #[prop_or(true)]
    pub print: bool,
}

/// Share the result: the system share sheet where there is one, else copy the link, else (WeChat's
/// in-app browser, no clipboard access) the link in a text field to select and copy by hand.
#[component]
pub fn ShareButton(props: &ShareButtonProps) -> Html {
    let locale = props.locale;
    let outcome = use_state_eq(|| None::<ShareOutcome>);
    let onshare = {
        let outcome = outcome.clone();
        let url = props.url.to_string();
        let title = props.title.to_string();
        Callback::from(move |_: MouseEvent| {
            let outcome = outcome.clone();
            outcome.set(None);
            browser::share_link(
                url.clone(),
                title.clone(),
                Callback::from(move |o| outcome.set(Some(o))),
            );
        })
    };
    let onprint = Callback::from(|_: MouseEvent| browser::print_page());
    let onfocus = Callback::from(|e: FocusEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.select();
    });
    html! {
        <div class="hx-share" data-testid="share">
            <div class="hx-share__buttons">
                <button type="button" class="hx-button" data-testid="share-button" onclick={onshare}>
                    {locale.pick("分享结果", "Share the result")}
                </button>
                if props.print {
                    <button type="button" class="hx-button hx-button--ghost" data-testid="print-button" onclick={onprint}>
                        {locale.pick("打印 / 存为 PDF", "Print or save as PDF")}
                    </button>
                }
            </div>
            <p class="hx-share__status" role="status" data-testid="share-status">
                { match *outcome {
                    Some(ShareOutcome::Copied) => locale.pick("链接已复制，可以粘贴发给家人。", "Link copied: paste it to your family."),
                    Some(ShareOutcome::Shared) => locale.pick("已分享。", "Shared."),
                    _ => "",
                } }
            </p>
            if *outcome == Some(ShareOutcome::Unavailable) {
                <div class="hx-share__manual">
                    <label class="hx-field__label" for="hx-share-link">
                        {locale.pick("长按或全选下面的链接复制：", "Select the link below and copy it:")}
                    </label>
                    <input id="hx-share-link" class="hx-field__input" type="text" readonly=true
                        data-testid="share-link" value={props.url.clone()} {onfocus} />
                </div>
            }
        </div>
    }
}
