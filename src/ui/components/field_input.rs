use yew::prelude::*;

use crate::domain::data::{region, regions};
use crate::domain::evaluate::{choice_value, FieldError, FieldKind, FieldSpec};
use crate::domain::locale::Locale;
use crate::domain::money::format_number_trimmed;
use crate::ui::components::keypad::KeypadContext;

#[derive(Properties, PartialEq)]
pub struct FieldInputProps {
    pub spec: &'static FieldSpec,
    /// The raw text as typed (empty when unset).
    pub value: AttrValue,
    pub error: Option<FieldError>,
    pub locale: Locale,
    /// Called with (parameter, raw text) on every edit.
    pub onedit: Callback<(&'static str, String)>,
}

/// One labelled input with its unit, help and inline error. The text is kept exactly as typed;
/// the domain parses it.
#[component]
pub fn FieldInput(props: &FieldInputProps) -> Html {
    let spec = props.spec;
    let locale = props.locale;
    let id = format!("f-{}", spec.param);
    let help_id = format!("h-{}", spec.param);
    let error_id = format!("e-{}", spec.param);
    let described = if props.error.is_some() {
        format!("{error_id} {help_id}")
    } else {
        help_id.clone()
    };
    let invalid = if props.error.is_some() {
        "true"
    } else {
        "false"
    };
    let unit = locale.pick(spec.unit_zh, spec.unit_en);
    // Kiosk: no system keyboard; a tap opens the on-screen keypad for this field.
    let keypad = use_context::<Option<KeypadContext>>()
        .flatten()
        .filter(|_| crate::ui::FULL_BUILD);
    let control = match spec.kind {
        FieldKind::Number | FieldKind::Date => {
            let oninput = {
                let onedit = props.onedit.clone();
                let param = spec.param;
                move |e: InputEvent| {
                    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                    onedit.emit((param, input.value()));
                }
            };
            let (mode, placeholder) = match spec.kind {
                FieldKind::Date => ("numeric", "YYYY-MM-DD".to_string()),
                _ => (
                    "decimal",
                    spec.default
                        .map(|d| format_number_trimmed(d, 3, locale))
                        .unwrap_or_default(),
                ),
            };
            let typing = keypad
                .as_ref()
                .is_some_and(|k| k.active == Some(spec.param));
            let mode = if keypad.is_some() { "none" } else { mode };
            let param = spec.param;
            let onclick = keypad
                .as_ref()
                .map(|k| k.onactivate.reform(move |_: MouseEvent| param));
            // Focus opens the keypad too (keyboard users), except when the keypad just handed the
            // focus back to this field.
            let onfocus = keypad
                .as_ref()
                .filter(|k| k.just_closed != Some(param))
                .map(|k| k.onactivate.reform(move |_: FocusEvent| param));
            html! {
                <input
                    id={id.clone()}
                    class={if typing { "hx-field__input hx-field__input--typing" } else { "hx-field__input" }}
                    type="text"
                    readonly={keypad.is_some()}
                    {onclick}
                    {onfocus}
                    inputmode={mode}
                    autocomplete="off"
                    enterkeyhint="next"
                    data-testid={spec.param}
                    value={props.value.clone()}
                    {placeholder}
                    aria-invalid={invalid}
                    aria-describedby={described}
                    maxlength="40"
                    {oninput}
                />
            }
        }
        FieldKind::Choice | FieldKind::Region => {
            let onchange = {
                let onedit = props.onedit.clone();
                let param = spec.param;
                move |e: Event| {
                    let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                    onedit.emit((param, select.value()));
                }
            };
            // The option the engine reads from the raw text; none (the default) when it reads
            // nothing, so a refused value never shows as some other option.
            let current = if spec.kind == FieldKind::Region {
                region(props.value.as_str()).map(|r| r.code)
            } else {
                choice_value(spec, props.value.as_str())
            }
            .unwrap_or_default();
            let options: Vec<(&str, &str)> = if spec.kind == FieldKind::Region {
                regions()
                    .iter()
                    .map(|r| (r.code, locale.pick(r.name_zh, r.name_en)))
                    .collect()
            } else {
                spec.choices
                    .iter()
                    .map(|c| (c.value, locale.pick(c.label_zh, c.label_en)))
                    .collect()
            };
            let empty_label = match spec.kind {
                FieldKind::Region => locale.pick("全国（默认）", "National (default)"),
                _ => locale.pick("默认", "Default"),
            };
            html! {
                <select
                    id={id.clone()}
                    class="hx-field__input hx-field__select"
                    data-testid={spec.param}
                    aria-invalid={invalid}
                    aria-describedby={described}
                    {onchange}
                >
                    <option value="" selected={current.is_empty()}>{empty_label}</option>
                    for (value, label) in options {
                        <option key={value} {value} selected={value == current}>{label}</option>
                    }
                </select>
            }
        }
    };
    html! {
        <div class={match (props.error.is_some(), spec.on_label) {
            (false, false) => "hx-field",
            (true, false) => "hx-field hx-field--error",
            (false, true) => "hx-field hx-field--label",
            (true, true) => "hx-field hx-field--error hx-field--label",
        }}>
            <label class="hx-field__label" for={id}>
                {locale.pick(spec.label_zh, spec.label_en)}
                if !unit.is_empty() {
                    <span class="hx-field__unit">{locale.pick(format!("（{unit}）"), format!(" ({unit})"))}</span>
                }
            </label>
            <div class="hx-field__control">
                {control}
            </div>
            if let Some(error) = &props.error {
                <p id={error_id} class="hx-field__error" data-testid={format!("error-{}", spec.param)}>
                    {locale.pick(error.zh.as_str(), error.en.as_str())}
                </p>
            }
            <p id={help_id} class="hx-field__help">{locale.pick(spec.help_zh, spec.help_en)}</p>
        </div>
    }
}
