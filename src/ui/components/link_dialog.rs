use yew::prelude::*;

use crate::domain::locale::Locale;
use crate::ui::browser;
use crate::ui::components::qr_code::QrCode;

#[derive(Properties, PartialEq)]
pub struct LinkDialogProps {
    /// The address of the link that was tapped.
    pub url: AttrValue,
    pub locale: Locale,
    pub onclose: Callback<()>,
}

/// Kiosk: a link to another site is shown as a QR code to scan with a phone, so the kiosk never
/// navigates away from the calculator.
#[component]
pub fn LinkDialog(props: &LinkDialogProps) -> Html {
    let locale = props.locale;
    let onclick = {
        let onclose = props.onclose.clone();
        Callback::from(move |_: MouseEvent| onclose.emit(()))
    };
    // Modal: the page behind is inert while the dialog is open.
    use_effect_with((), |_| {
        let inert = browser::make_others_inert("hx-link-dialog");
        move || drop(inert)
    });
    html! {
        <div id="hx-link-dialog" class="hx-idle hx-link-dialog" data-testid="link-dialog">
            <div class="hx-idle__dialog" role="dialog" aria-modal="true" aria-labelledby="hx-link-title">
                <h2 id="hx-link-title" class="hx-idle__title">
                    {locale.pick("用手机扫码打开", "Scan to open on your phone")}
                </h2>
                <QrCode text={props.url.clone()} {locale} testid="link-qr" />
                <button id="hx-link-close" type="button" class="hx-button hx-idle__continue" data-testid="link-close" {onclick}>
                    {locale.pick("关闭", "Close")}
                </button>
            </div>
        </div>
    }
}
