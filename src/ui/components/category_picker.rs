use yew::prelude::*;

use crate::domain::category::Category;
use crate::domain::locale::Locale;
use crate::ui::i18n::strings;

#[derive(Properties, PartialEq)]
pub struct CategoryPickerProps {
    pub locale: Locale,
    pub selected: Option<Category>,
    /// Called with the category the user picks.
    pub onselect: Callback<Category>,
}

/// The appliance categories as large buttons; the chosen one is pressed.
#[component]
pub fn CategoryPicker(props: &CategoryPickerProps) -> Html {
    let text = strings(props.locale);
    html! {
        <fieldset class="hx-picker" data-testid="category-picker">
            <legend class="hx-section-title">{text.choose_category}</legend>
            <p class="hx-hint">{text.choose_category_hint}</p>
            <div class="hx-picker__grid">
                for category in Category::ALL {
                    { render_option(category, props) }
                }
            </div>
        </fieldset>
    }
}

fn render_option(category: Category, props: &CategoryPickerProps) -> Html {
    let pressed = props.selected == Some(category);
    let onclick = {
        let onselect = props.onselect.clone();
        move |_| onselect.emit(category)
    };
    html! {
        <button
            key={category.slug()}
            type="button"
            class={if pressed { "hx-picker__option hx-picker__option--on" } else { "hx-picker__option" }}
            aria-pressed={if pressed { "true" } else { "false" }}
            data-testid={format!("cat-{}", category.slug())}
            {onclick}
        >
            {category.name(props.locale)}
        </button>
    }
}
