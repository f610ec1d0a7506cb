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
    pub title: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
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
    let slug = match props.group {
        FieldGroup::Purchase => "purchase",
        FieldGroup::Old => "old",
        FieldGroup::New => "new",
        FieldGroup::Usage => "usage",
        FieldGroup::Prices => "prices",
    };
    html! {
        <fieldset class={classes!("hx-card", "hx-form-section", format!("hx-form-section--{slug}"))} data-testid={format!("section-{slug}")}>
            <legend class="hx-section-title">{props.title.clone()}</legend>
            if let Some(hint) = &props.hint {
                <p class="hx-hint">{hint.clone()}</p>
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
