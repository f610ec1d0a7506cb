use std::rc::Rc;

use yew::prelude::*;

use crate::domain::category::Category;
use crate::domain::evaluate::{FieldGroup, FieldKind};
use crate::domain::host_config::{HostMode, Section, COUNTDOWN_SECONDS};
use crate::domain::locale::Locale;
use crate::ui::browser;
use crate::ui::components::answer_bar::AnswerBar;
use crate::ui::components::assumptions_panel::AssumptionsPanel;
use crate::ui::components::attract_screen::AttractScreen;
use crate::ui::components::category_picker::CategoryPicker;
use crate::ui::components::cost_chart::CostChart;
use crate::ui::components::form_section::FormSection;
use crate::ui::components::grade_comparison::GradeComparison;
use crate::ui::components::idle_guard::IdleGuard;
use crate::ui::components::keypad::{Keypad, KeypadContext};
use crate::ui::components::label_diagram::LabelDiagram;
use crate::ui::components::link_dialog::LinkDialog;
use crate::ui::components::notice_list::{NoticeList, NoticeText};
use crate::ui::components::qr_code::QrCode;
use crate::ui::components::result_summary::ResultSummary;
use crate::ui::components::rules_banner::RulesBanner;
use crate::ui::components::share_button::ShareButton;
use crate::ui::components::site_header::SiteHeader;
use crate::ui::components::trade_in_guide::TradeInGuide;
use crate::ui::i18n::strings;
use crate::ui::modes;
use crate::ui::pacer::use_paced_dispatch;
use crate::ui::state::{Action, AppState, Start, StorageNotice};

/// What `main.rs` read from the browser before the first render.
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub start: Start,
    /// The page's own address without its query, for share links and the kiosk's "take it to your
    /// phone" code; read by `main.rs` before the first render, empty in the static page.
    #[prop_or_default]
    pub page_base: AttrValue,
}

/// The whole calculator page.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer_eq({
        let start = props.start.clone();
        move || AppState::start(&start)
    });
    // False in the static (server-rendered) page; true from the wasm app's first render on (no
    // second render at start just to flip it): tests wait for it.
    let mounted = cfg!(target_arch = "wasm32");
    use_effect_with(state.locale, |locale| {
        browser::set_document_language(locale.shown())
    });
    let host = state.host.clone();
    let kiosk = crate::ui::FULL_BUILD && host.mode == HostMode::Kiosk;
    let embed = host.mode == HostMode::Embed;
    // Keep the address and the stored state in step with what is on screen; the address keeps the
    // host's parameters (mode, look) too. A kiosk stores nothing.
    use_effect_with(
        (state.address_query(), state.stored(), kiosk),
        |(query, stored, kiosk)| browser::save_soon(query, (!*kiosk).then_some(stored.as_str())),
    );
    // The phones' builds speak one language each: a page in the other one (a link, the stored
    // state or the language button) continues in that build, after the address and storage above
    // were written.
    use_effect_with(state.locale, |locale| {
        if locale.shown() != *locale {
            browser::reload_into_language(*locale);
        }
    });
    modes::use_host_setup(host.clone(), state.elder);
    modes::use_kiosk_wipe(state.kiosk_resets);
    // Only an embed sends it (`modes::use_embed_messages`); the phones' build skips the work.
    let result_message = use_memo(state.evaluation.clone(), |e| {
        if crate::ui::HOST_BUILD {
            modes::result_message(e)
        } else {
            Vec::new()
        }
    });
    modes::use_embed_messages(host.clone(), result_message);
    let page_base = &props.page_base;
    // Kiosk keypad: the field it types into, and the one it just closed on.
    let keypad_field = use_state_eq(|| None::<&'static str>);
    let keypad_closed = use_state_eq(|| None::<&'static str>);
    let onactivate = {
        let field = keypad_field.setter();
        let closed = keypad_closed.setter();
        use_callback((), move |param: &'static str, _| {
            closed.set(None);
            field.set(Some(param));
        })
    };
    let onkeypad_done = {
        let field = keypad_field.clone();
        let closed = keypad_closed.setter();
        Callback::from(move |()| {
            closed.set(*field);
            field.set(None);
        })
    };
    use_effect_with(*keypad_field, |field| {
        if let Some(param) = field {
            browser::scroll_into_view(&format!("f-{param}"));
        }
    });
    use_effect_with(*keypad_closed, |closed| {
        if let Some(param) = closed {
            browser::focus_by_id(&format!("f-{param}"));
        }
    });
    {
        // An idle reset closes the keypad with everything else.
        let field = keypad_field.setter();
        use_effect_with(state.kiosk_resets, move |_| field.set(None));
    }
    let link_dialog = modes::use_kiosk_link_dialog(kiosk, state.kiosk_resets);
    let onlink_close = {
        let setter = link_dialog.setter();
        Callback::from(move |()| setter.set(None))
    };
    // Callbacks made once (`use_callback`), so a child's props compare equal between renders and
    // yew skips it: typing a digit re-renders only what that digit changed.
    // Edits wait for a pause in typing on a slow phone (`pacer.rs`); other actions go first.
    let dispatch = use_paced_dispatch(&state);
    let onwake = {
        let d = dispatch.clone();
        use_callback((), move |(), _| d.dispatch(Action::Wake))
    };
    let onidle_reset = {
        let d = dispatch.clone();
        use_callback((), move |(), _| d.dispatch(Action::KioskReset))
    };

    let locale = state.locale;
    let text = strings(locale);
    let onlocale = {
        let d = dispatch.clone();
        use_callback((), move |l: Locale, _| d.dispatch(Action::SetLocale(l)))
    };
    let onselect = {
        let d = dispatch.clone();
        use_callback((), move |c: Category, _| {
            d.dispatch(Action::SelectCategory(c))
        })
    };
    let onedit = {
        let d = dispatch.clone();
        use_callback((), move |(param, text): (&'static str, String), _| {
            d.edit(param, text)
        })
    };
    // The kiosk keypad shows the field's text from the state, so its keys apply at once.
    let onkeypad_edit = {
        let d = dispatch.clone();
        use_callback((), move |(param, text): (&'static str, String), _| {
            d.dispatch(Action::SetField(param, text))
        })
    };
    let onelder = {
        let d = dispatch.clone();
        use_callback((), move |on: bool, _| d.dispatch(Action::SetElder(on)))
    };
    let ondismiss = {
        let d = dispatch.clone();
        use_callback((), move |(), _| d.dispatch(Action::DismissNotices))
    };
    let onreset = {
        let d = dispatch;
        use_callback((), move |_: MouseEvent, _| d.dispatch(Action::Reset))
    };

    let mut link_notices: Vec<NoticeText> = state
        .link_notices
        .iter()
        .enumerate()
        .map(|(i, n)| NoticeText {
            code: format!("{}-{i}", n.code),
            zh: n.message(Locale::Zh),
            en: n.message(Locale::En),
        })
        .collect();
    if state.storage_notice == Some(StorageNotice::Corrupt) {
        link_notices.push(NoticeText {
            code: "storage".into(),
            zh: "上次保存的内容无法读取，已重新开始。".into(),
            en: "What was saved last time could not be read, so we started afresh.".into(),
        });
    }
    let evaluation = state.evaluation.clone();
    // One copy of the form for all six sections instead of one each (props compare it by value).
    let form = Rc::new(state.form.clone());
    let result_notices: Vec<NoticeText> = evaluation
        .notices
        .iter()
        .map(|n| NoticeText {
            code: n.code.to_string(),
            zh: n.zh.clone(),
            en: n.en.clone(),
        })
        .collect();
    let category = state.category();
    // Ignored host values are named in the console; outside kiosk and embed also on the page.
    if crate::ui::HOST_BUILD && host.mode == HostMode::Standard {
        link_notices.extend(host.warnings.iter().enumerate().map(|(i, w)| NoticeText {
            code: format!("host-{i}"),
            zh: w.message(Locale::Zh),
            en: w.message(Locale::En),
        }));
    }
    let share_url = (!page_base.is_empty()).then(|| {
        let query = state.query();
        if query.is_empty() {
            page_base.to_string()
        } else {
            format!("{page_base}?{query}")
        }
    });
    let keypad = match (kiosk, *keypad_field, category) {
        (true, Some(param), Some(category)) => crate::domain::evaluate::fields(category)
            .iter()
            .find(|f| f.param == param),
        _ => None,
    };
    let keypad_context = kiosk.then(|| KeypadContext {
        active: *keypad_field,
        just_closed: *keypad_closed,
        onactivate: onactivate.clone(),
    });

    let main = html! {
        <main class="hx-main">
            <RulesBanner {locale} today={state.today} />
            if !host.hides(Section::Picker) || category.is_none() {
                <CategoryPicker {locale} selected={category} {onselect} />
            }
            if let Some(category) = category {
                <div class="hx-layout">
                    <div class="hx-layout__inputs">
                        <FormSection {category} group={FieldGroup::Old}
                            form={form.clone()} evaluation={evaluation.clone()} {locale} onedit={onedit.clone()}>
                            <LabelDiagram {category} {locale} highlight={first_label_field(category)} />
                        </FormSection>
                        <FormSection {category} group={FieldGroup::New}
                            form={form.clone()} evaluation={evaluation.clone()} {locale} onedit={onedit.clone()} />
                        <FormSection {category} group={FieldGroup::Purchase}
                            form={form.clone()} evaluation={evaluation.clone()} {locale} onedit={onedit.clone()} />
                        <FormSection {category} group={FieldGroup::Usage}
                            form={form.clone()} evaluation={evaluation.clone()} {locale} onedit={onedit.clone()} />
                    </div>
                    <div class="hx-layout__results" data-testid="results">
                        if let Some(outcome) = evaluation.outcome.clone() {
                            <ResultSummary outcome={Rc::new(outcome)} {locale} />
                        }
                        <NoticeList notices={result_notices} {locale} testid="result-notices" />
                        if kiosk && !host.hides(Section::Share) {
                            if let Some(url) = share_url.clone() {
                                <section class="hx-card hx-handoff" data-testid="phone-handoff" aria-labelledby="hx-handoff-title">
                                    <h2 id="hx-handoff-title" class="hx-section-title">
                                        {locale.pick("把结果带回家：用手机扫码", "Take this result to your phone: scan the code")}
                                    </h2>
                                    <QrCode text={url} {locale} testid="phone-qr" />
                                </section>
                            }
                        }
                        if !host.hides(Section::Chart) {
                            <CostChart {locale} evaluation={evaluation.clone()} />
                        }
                        if !host.hides(Section::Comparison) {
                            <GradeComparison {locale} evaluation={evaluation.clone()} />
                        }
                        if !host.hides(Section::Prices) {
                            <FormSection {category} group={FieldGroup::Prices}
                                form={form.clone()} evaluation={evaluation.clone()} {locale} onedit={onedit.clone()} />
                        }
                        if !host.hides(Section::Assumptions) {
                            <AssumptionsPanel {locale} evaluation={evaluation.clone()} form={form.clone()} onedit={onedit.clone()} />
                        }
                    </div>
                </div>
                if !kiosk && !host.hides(Section::Share) {
                    if let Some(url) = share_url.clone() {
                        <ShareButton url={url} {locale} print={!embed}
                            title={locale.pick("换新算：我的以旧换新账", "Huanxin: my trade-in numbers")} />
                    }
                }
                <AnswerBar {locale} evaluation={evaluation.clone()} />
                if !host.hides(Section::Guide) {
                <TradeInGuide
                    {kiosk}
                    {category}
                    region={evaluation.outcome.as_ref().and_then(|o| o.region).map(AttrValue::from)}
                    purchase={evaluation.outcome.as_ref().map(|o| o.date).unwrap_or(state.today)}
                    old_age_years={state.old_age_years()}
                    {locale}
                    host={state.host_channels.clone()}
                    host_error={state.host_channels_error.clone()}
                />
                }
                <div class="hx-actions">
                    <button type="button" class="hx-button hx-button--ghost" data-testid="start-over" onclick={onreset}>
                        {locale.pick("重新开始", "Start over")}
                    </button>
                </div>
            }
        </main>
    };
    // Only a kiosk's keypad reads this context; the other builds leave the provider out.
    let main = if crate::ui::FULL_BUILD {
        html! {
            <ContextProvider<Option<KeypadContext>> context={keypad_context}>{main}</ContextProvider<Option<KeypadContext>>>
        }
    } else {
        main
    };
    // Plain strings, not `classes!`: its set type is code the page does not need.
    let mut app_class = String::from("hx-app");
    for (on, class) in [
        (state.elder, " hx-elder"),
        (kiosk, " hx-kiosk"),
        (keypad.is_some(), " hx-kiosk--typing"),
        (embed, " hx-embed"),
    ] {
        if on {
            app_class.push_str(class);
        }
    }
    html! {
        <div
            class={app_class}
            lang={locale.shown().html_lang()}
            data-testid="app-ready"
            data-hydrated={if mounted { "true" } else { "false" }}
            data-settled="true"
        >
            if let Some(store) = host.store.as_ref().filter(|_| crate::ui::HOST_BUILD) {
                <p class="hx-store" data-testid="store-name">{store.clone()}</p>
            }
            if !host.hides(Section::Header) {
                <SiteHeader {locale} {onlocale} elder={state.elder} {onelder} />
            }
            <NoticeList notices={link_notices} {locale} testid="link-notices" warning=true ondismiss={Some(ondismiss)} />
            { main }
            if !host.hides(Section::Footer) {
                <footer class="hx-footer">
                    <p>{text.privacy_note}</p>
                </footer>
            }
            if let Some(spec) = keypad {
                <div class="hx-keypad-dock">
                    <Keypad param={spec.param} label={locale.pick(spec.label_zh, spec.label_en)}
                        value={AttrValue::from(state.form.get(spec.param).unwrap_or_default().to_string())}
                        date={spec.kind == FieldKind::Date} {locale} onedit={onkeypad_edit} ondone={onkeypad_done} />
                </div>
            }
            if kiosk {
                if let Some(url) = (*link_dialog).clone() {
                    <LinkDialog url={url} {locale} onclose={onlink_close} />
                }
            }
            if kiosk && state.attract {
                <AttractScreen {locale} store={host.store.clone().map(AttrValue::from)} onstart={onwake} />
            } else if kiosk {
                <IdleGuard idle_seconds={host.idle_seconds} countdown_seconds={COUNTDOWN_SECONDS} {locale} onreset={onidle_reset} />
            }
        </div>
    }
}

/// The first figure of the old unit's label the form asks for: the one the drawing points at.
fn first_label_field(category: Category) -> Option<&'static str> {
    crate::domain::evaluate::fields(category)
        .iter()
        .find(|f| f.group == FieldGroup::Old && f.on_label && f.param != "old_grade")
        .map(|f| f.param)
}
