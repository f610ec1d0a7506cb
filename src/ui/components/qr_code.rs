use yew::prelude::*;

use crate::domain::locale::Locale;
use crate::domain::qr::{QrCode as Symbol, QrOptions};

/// Quiet zone around the symbol, in modules (the standard asks for four).
const QUIET_ZONE: usize = 4;
/// The largest version used: a share link of about 200 bytes fits version 10 at level M.
const MAX_VERSION: u8 = 10;

#[derive(Properties, PartialEq)]
pub struct QrCodeProps {
    /// The text to encode (a link); also shown below the code.
    pub text: AttrValue,
    pub locale: Locale,
    /// A caption above the link text, e.g. "扫码在手机上打开".
    #[prop_or_default]
    pub caption: Option<AttrValue>,
    /// `data-testid` of the figure.
    #[prop_or(AttrValue::Static("qr-code"))]
    pub testid: AttrValue,
}

/// A QR code drawn as inline SVG, generated on the device (no network), with the encoded text
/// printed below it so it can also be typed. When the text is too long for a scannable code, only
/// the text is shown.
#[component]
pub fn QrCode(props: &QrCodeProps) -> Html {
    let locale = props.locale;
    let text = props.text.clone();
    let symbol = use_memo(text.clone(), |text| {
        Symbol::encode_with(
            text.as_bytes(),
            QrOptions {
                max_version: MAX_VERSION,
                ..QrOptions::default()
            },
        )
        .ok()
    });
    let label = locale.pick(format!("二维码：{text}"), format!("QR code for {text}"));
    html! {
        <figure class="hx-qr" data-testid={props.testid.clone()} data-url={text.clone()}>
            if let Some(code) = symbol.as_ref() {
                { svg(code, &label) }
            }
            <figcaption class="hx-qr__caption">
                if let Some(caption) = &props.caption {
                    <span class="hx-qr__title">{caption.clone()}</span>
                }
                <span class="hx-qr__text" data-testid="qr-text">{text}</span>
            </figcaption>
        </figure>
    }
}

fn svg(code: &Symbol, label: &str) -> Html {
    let side = code.size() + 2 * QUIET_ZONE;
    let view_box = format!("0 0 {side} {side}");
    html! {
        <svg
            class="hx-qr__svg"
            xmlns="http://www.w3.org/2000/svg"
            viewBox={view_box}
            role="img"
            aria-label={label.to_string()}
            shape-rendering="crispEdges"
            data-version={code.version().to_string()}
        >
            <rect width={side.to_string()} height={side.to_string()} fill="#ffffff" />
            <path d={code.svg_path(QUIET_ZONE)} fill="#000000" />
        </svg>
    }
}
