use yew::prelude::*;

use crate::domain::category::Category;
use crate::domain::evaluate::{Evaluation, FieldGroup, Form};
use crate::domain::locale::Locale;
use crate::ui::components::field_input::FieldInput;
use crate::ui::state::fields_in;

#[derive(Properties, PartialEq)]
pub struct FormSectionProps {
    pub category: Category,
    pub group: FieldGroup,
    /// Shared, not copied: the page hands the same form to every section.
    pub form: std::rc::Rc<Form>,
    pub evaluation: std::rc::Rc<Evaluation>,
    pub locale: Locale,
    pub onedit: Callback<(&'static str, String)>,
    /// Drawn beside the fields (e.g. the label diagram).
    #[prop_or_default]
    pub children: Html,
}

/// A titled group of inputs (old unit, new unit, usage, prices) for one category.
#[component]
pub fn FormSection(props: &FormSectionProps) -> Html {
    let locale = props.locale;
    let (slug, title, hint) = match props.group {
        FieldGroup::Old => (
            "old",
            locale.pick(
                "旧机：看旧机标签，或填购买年份",
                "Old unit: its label, or the year you bought it",
            ),
            None,
        ),
        FieldGroup::New => (
            "new",
            locale.pick(
                "新机：看店里新机的标签",
                "New unit: the label of the one in the store",
            ),
            Some(locale.pick(
                "不填则按所选等级的典型值计算。",
                "Leave empty to use typical figures for the grade.",
            )),
        ),
        FieldGroup::Purchase => (
            "purchase",
            locale.pick("价格与补贴", "Price and subsidy"),
            None,
        ),
        FieldGroup::Usage => ("usage", locale.pick("家里怎么用", "How you use it"), None),
        FieldGroup::Prices => (
            "prices",
            locale.pick("电价、水价、气价", "Electricity, water and gas prices"),
            None,
        ),
    };
    html! {
        <fieldset class={format!("hx-card hx-form-section hx-form-section--{slug}")} data-testid={format!("section-{slug}")}>
            <legend class="hx-section-title">{title}</legend>
            if let Some(hint) = hint {
                <p class="hx-hint">{hint}</p>
            }
            {props.children.clone()}
            <div class="hx-form-section__fields">
                for spec in fields_in(props.category, props.group) {
                    <FieldInput
                        key={spec.param}
                        {spec}
                        value={AttrValue::from(props.form.get(spec.param).unwrap_or_default().to_string())}
                        error={props.evaluation.error(spec.param).cloned()}
                        locale={props.locale}
                        onedit={props.onedit.clone()}
                    />
                }
            </div>
        </fieldset>
    }
}
