use yew::prelude::*;

use crate::domain::locale::Locale;
use crate::domain::number::MAX_INPUT_CHARS;

/// A key of the on-screen keypad.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Digit(u8),
    /// The decimal point (shown as “。/.”; the number parser reads both).
    Point,
    /// 万 (ten thousand), for prices: “1.2万”.
    Wan,
    /// The date separator, for date fields instead of 万.
    Dash,
    Backspace,
    Clear,
}

/// The text after pressing `key` on `text`. Pure, so the keypad's behaviour is tested natively.
/// Keeps within the input's length limit and never builds an impossible number (two points, two
/// 万, 万 before any digit).
pub fn apply_key(text: &str, key: Key) -> String {
    let full = text.chars().count() >= MAX_INPUT_CHARS;
    let mut out = text.to_string();
    match key {
        Key::Digit(d) if !full && d <= 9 && !out.ends_with('万') => {
            out.push(char::from(b'0' + d));
        }
        Key::Point if !full && !out.contains(['.', '。', '万']) => {
            if out.is_empty() {
                out.push('0');
            }
            out.push('.');
        }
        Key::Wan
            if !full
                && !out.contains('万')
                && out.chars().last().is_some_and(|c| c.is_ascii_digit()) =>
        {
            out.push('万');
        }
        Key::Dash if !full && out.chars().last().is_some_and(|c| c.is_ascii_digit()) => {
            out.push('-');
        }
        Key::Backspace => {
            out.pop();
        }
        Key::Clear => out.clear(),
        _ => {}
    }
    out
}

/// Given by the app (as a Yew context, `None` outside kiosk mode): in a kiosk number fields become read-only (no system
/// keyboard) and a tap on one opens the keypad for it.
#[derive(Clone, Debug, PartialEq)]
pub struct KeypadContext {
    /// The field the keypad is typing into.
    pub active: Option<&'static str>,
    /// The field the keypad just closed on (its focus does not reopen the keypad).
    pub just_closed: Option<&'static str>,
    /// Called with a field's parameter when it is tapped or focused.
    pub onactivate: Callback<&'static str>,
}

#[derive(Properties, PartialEq)]
pub struct KeypadProps {
    /// The parameter being typed (passed back with each edit).
    pub param: &'static str,
    /// The field's label, read out with the keypad.
    pub label: AttrValue,
    /// The text so far.
    pub value: AttrValue,
    /// A date field: a “-” key instead of 万.
    #[prop_or_default]
    pub date: bool,
    pub locale: Locale,
    /// Called with (parameter, new text) on every key.
    pub onedit: Callback<(&'static str, String)>,
    /// Called when the buyer taps “完成 / Done”.
    pub ondone: Callback<()>,
}

/// The kiosk's on-screen numeric keypad: digits, point, 万 (or “-” for dates), backspace, clear and
/// done, every key at least 48 CSS px. No system keyboard opens in kiosk mode (the inputs are
/// read-only there); this is the only way to type.
#[component]
pub fn Keypad(props: &KeypadProps) -> Html {
    let locale = props.locale;
    let press = |key: Key| {
        let onedit = props.onedit.clone();
        let param = props.param;
        let value = props.value.to_string();
        Callback::from(move |_: MouseEvent| onedit.emit((param, apply_key(&value, key))))
    };
    let digit = |d: u8| {
        html! {
            <button type="button" class="hx-keypad__key" data-testid={format!("key-{d}")} onclick={press(Key::Digit(d))}>
                {d.to_string()}
            </button>
        }
    };
    let ondone = {
        let ondone = props.ondone.clone();
        Callback::from(move |_: MouseEvent| ondone.emit(()))
    };
    let title = locale.pick(
        format!("数字键盘：{}", props.label),
        format!("Keypad: {}", props.label),
    );
    html! {
        <div class="hx-keypad" role="group" aria-label={title.clone()} data-testid="keypad" data-param={props.param}>
            <div class="hx-keypad__display">
                <span class="hx-keypad__label">{props.label.clone()}</span>
                <output class="hx-keypad__value" data-testid="keypad-value" aria-live="polite">
                    {props.value.clone()}
                </output>
            </div>
            <div class="hx-keypad__grid">
                { for (1..=9).map(digit) }
                if props.date {
                    <button type="button" class="hx-keypad__key" data-testid="key-dash"
                        aria-label={locale.pick("- 横线", "- dash")} onclick={press(Key::Dash)}>{"-"}</button>
                } else {
                    <button type="button" class="hx-keypad__key" data-testid="key-point"
                        aria-label={locale.pick("。/. 小数点", "。/. decimal point")} onclick={press(Key::Point)}>{"。/."}</button>
                }
                { digit(0) }
                if props.date {
                    <span class="hx-keypad__gap" aria-hidden="true"></span>
                } else {
                    <button type="button" class="hx-keypad__key" data-testid="key-wan"
                        lang="zh-CN" onclick={press(Key::Wan)}>{"万"}</button>
                }
                <button type="button" class="hx-keypad__key hx-keypad__key--tool" data-testid="key-backspace"
                    aria-label={locale.pick("退格", "Backspace")} onclick={press(Key::Backspace)}>{"⌫"}</button>
                <button type="button" class="hx-keypad__key hx-keypad__key--tool" data-testid="key-clear"
                    onclick={press(Key::Clear)}>{locale.pick("清除", "Clear")}</button>
                <button type="button" class="hx-keypad__key hx-keypad__key--done" data-testid="key-done"
                    onclick={ondone}>{locale.pick("完成", "Done")}</button>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(keys: &[Key]) -> String {
        keys.iter().fold(String::new(), |t, k| apply_key(&t, *k))
    }

    #[test]
    fn builds_numbers() {
        use Key::*;
        assert_eq!(typed(&[Digit(5), Digit(9), Digit(9), Digit(9)]), "5999");
        assert_eq!(typed(&[Digit(1), Point, Digit(2), Wan]), "1.2万");
        assert_eq!(typed(&[Point, Digit(5)]), "0.5");
        assert_eq!(typed(&[Digit(1), Point, Point, Digit(2)]), "1.2");
        assert_eq!(typed(&[Wan, Digit(3), Wan, Wan, Digit(4)]), "3万");
        assert_eq!(typed(&[Digit(1), Digit(2), Backspace, Digit(3)]), "13");
        assert_eq!(typed(&[Digit(1), Clear, Digit(7)]), "7");
        assert_eq!(typed(&[Backspace, Backspace]), "");
        assert_eq!(typed(&[Digit(2), Digit(0), Dash, Dash, Digit(1)]), "20-1");
        assert_eq!(apply_key("1", Digit(10)), "1");
    }

    #[test]
    fn stops_at_the_length_limit() {
        let long = "9".repeat(MAX_INPUT_CHARS);
        assert_eq!(apply_key(&long, Key::Digit(1)), long);
        assert_eq!(apply_key(&long, Key::Point), long);
        assert_eq!(apply_key(&long, Key::Backspace).len(), MAX_INPUT_CHARS - 1);
    }

    #[test]
    fn backspace_removes_a_whole_character() {
        assert_eq!(apply_key("3万", Key::Backspace), "3");
        assert_eq!(apply_key("１２", Key::Backspace), "１");
    }
}
