use std::rc::Rc;

use yew::prelude::*;

use crate::domain::category::Category;
use crate::domain::evaluate::FieldGroup;
use crate::domain::locale::Locale;
use crate::ui::browser;
use crate::ui::components::assumptions_panel::AssumptionsPanel;
use crate::ui::components::category_picker::CategoryPicker;
use crate::ui::components::cost_chart::CostChart;
use crate::ui::components::form_section::FormSection;
use crate::ui::components::grade_comparison::GradeComparison;
use crate::ui::components::label_diagram::LabelDiagram;
use crate::ui::components::notice_list::{NoticeList, NoticeText};
use crate::ui::components::result_summary::ResultSummary;
use crate::ui::components::rules_banner::RulesBanner;
use crate::ui::components::site_header::SiteHeader;
use crate::ui::components::trade_in_guide::TradeInGuide;
use crate::ui::i18n::strings;
use crate::ui::state::{Action, AppState, Start, StorageNotice};

/// What `main.rs` read from the browser before the first render.
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub start: Start,
}

/// The whole calculator page.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer_eq({
        let start = props.start.clone();
        move || AppState::start(&start)
    });
    // False in the static (server-rendered) page; true once the wasm app runs: tests wait for it.
    let mounted = use_state_eq(|| false);
    {
        let mounted = mounted.clone();
        use_effect_with((), move |_| mounted.set(true));
    }
    use_effect_with(state.locale, |locale| {
        browser::set_document_language(*locale)
    });
    // Keep the address and the stored state in step with what is on screen.
    use_effect_with((state.query(), state.stored()), |(query, stored)| {
        browser::save(query, stored)
    });

    let locale = state.locale;
    let text = strings(locale);
    let onlocale = {
        let state = state.clone();
        Callback::from(move |l: Locale| state.dispatch(Action::SetLocale(l)))
    };
    let onselect = {
        let state = state.clone();
        Callback::from(move |c: Category| state.dispatch(Action::SelectCategory(c)))
    };
    let onedit = {
        let state = state.clone();
        Callback::from(move |(param, text): (&'static str, String)| {
            state.dispatch(Action::SetField(param, text))
        })
    };
    let onelder = {
        let state = state.clone();
        Callback::from(move |on: bool| state.dispatch(Action::SetElder(on)))
    };
    let ondismiss = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::DismissNotices))
    };
    let onreset = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Reset))
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

    html! {
        <div
            class={classes!("hx-app", state.elder.then_some("hx-elder"))}
            lang={locale.html_lang()}
            data-testid="app-ready"
            data-hydrated={if *mounted { "true" } else { "false" }}
        >
            <SiteHeader {locale} {onlocale} elder={state.elder} {onelder} />
            <NoticeList notices={link_notices} {locale} testid="link-notices" warning=true ondismiss={Some(ondismiss)} />
            <main class="hx-main">
                <RulesBanner {locale} today={state.today} />
                <CategoryPicker {locale} selected={category} {onselect} />
                if let Some(category) = category {
                    <div class="hx-layout">
                        <div class="hx-layout__inputs">
                            <FormSection {category} group={FieldGroup::Old}
                                title={locale.pick("旧机：看旧机标签，或填购买年份", "Old unit: its label, or the year you bought it")}
                                form={state.form.clone()} evaluation={evaluation.clone()} {locale} onedit={onedit.clone()}>
                                <LabelDiagram {category} {locale} highlight={first_label_field(category)} />
                            </FormSection>
                            <FormSection {category} group={FieldGroup::New}
                                title={locale.pick("新机：看店里新机的标签", "New unit: the label of the one in the store")}
                                hint={Some(AttrValue::from(locale.pick("不填则按所选等级的典型值计算。", "Leave empty to use typical figures for the grade.")))}
                                form={state.form.clone()} evaluation={evaluation.clone()} {locale} onedit={onedit.clone()} />
                            <FormSection {category} group={FieldGroup::Purchase}
                                title={locale.pick("价格与补贴", "Price and subsidy")}
                                form={state.form.clone()} evaluation={evaluation.clone()} {locale} onedit={onedit.clone()} />
                            <FormSection {category} group={FieldGroup::Usage}
                                title={locale.pick("家里怎么用", "How you use it")}
                                form={state.form.clone()} evaluation={evaluation.clone()} {locale} onedit={onedit.clone()} />
                        </div>
                        <div class="hx-layout__results" data-testid="results">
                            if let Some(outcome) = evaluation.outcome.clone() {
                                <ResultSummary outcome={Rc::new(outcome)} {locale} />
                            }
                            <NoticeList notices={result_notices} {locale} testid="result-notices" />
                            <CostChart {locale} evaluation={evaluation.clone()} />
                            <GradeComparison {locale} evaluation={evaluation.clone()} />
                            <FormSection {category} group={FieldGroup::Prices}
                                title={locale.pick("电价、水价、气价", "Electricity, water and gas prices")}
                                form={state.form.clone()} evaluation={evaluation.clone()} {locale} onedit={onedit.clone()} />
                            <AssumptionsPanel {locale} evaluation={evaluation.clone()} form={state.form.clone()} onedit={onedit.clone()} />
                        </div>
                    </div>
                    <TradeInGuide
                        {category}
                        region={evaluation.outcome.as_ref().and_then(|o| o.region).map(AttrValue::from)}
                        purchase={evaluation.outcome.as_ref().map(|o| o.date).unwrap_or(state.today)}
                        old_age_years={state.old_age_years()}
                        {locale}
                        host={state.host_channels.clone()}
                        host_error={state.host_channels_error.clone()}
                    />
                    <div class="hx-actions">
                        <button type="button" class="hx-button hx-button--ghost" data-testid="start-over" onclick={onreset}>
                            {locale.pick("重新开始", "Start over")}
                        </button>
                    </div>
                }
            </main>
            <footer class="hx-footer">
                <p>{text.privacy_note}</p>
            </footer>
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
