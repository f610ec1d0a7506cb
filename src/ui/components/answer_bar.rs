use std::rc::Rc;

use yew::prelude::*;

use crate::domain::evaluate::Evaluation;
use crate::domain::locale::Locale;
use crate::domain::money::{format_money, format_number};
use crate::ui::markup::Markup;

#[derive(Properties, PartialEq)]
pub struct AnswerBarProps {
    pub evaluation: Rc<Evaluation>,
    pub locale: Locale,
}

/// On a phone the answer sits below the inputs: this bar keeps the headline (saved per year and
/// payback) in view while typing, and jumps to the full answer.
#[component]
pub fn AnswerBar(props: &AnswerBarProps) -> Html {
    let Some(outcome) = props.evaluation.outcome.as_ref() else {
        return Html::default();
    };
    let locale = props.locale;
    let chosen = outcome.chosen();
    let payback = match (chosen.price_fen, chosen.payback_years) {
        (None, _) => None,
        (Some(_), Some(y)) => Some(locale.pick(
            format!("{} 年回本", format_number(y, 1, locale)),
            format!("pays back in {} yrs", format_number(y, 1, locale)),
        )),
        (Some(_), None) => Some(locale.pick("无法回本", "no payback").to_string()),
    };
    // Written as text (`Markup`): no events.
    let mut m = Markup::new();
    m.raw(r#"<aside class="hx-answer-bar""#)
        .attr("aria-label", locale.pick("结果摘要", "Answer summary"))
        .element(
            r#"><p class="hx-answer-bar__text">"#,
            locale.pick("每年省 ", "Saves "),
            "",
        )
        .element(
            "<strong>",
            &format_money(chosen.money_saved_fen, locale),
            "</strong>",
        )
        .text(locale.pick("", " a year"));
    if let Some(p) = payback {
        m.raw(" · ").text(&p);
    }
    m.element(
        r##"</p><a class="hx-button hx-answer-bar__link" href="#hx-summary-title">"##,
        locale.pick("看结果", "See answer"),
        "</a></aside>",
    );
    m.into_html()
}
