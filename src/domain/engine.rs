//! The computation behind [`super::evaluate::evaluate`] (first version: category only).

use super::category::Category;
use super::date::Date;
use super::evaluate::{Evaluation, FieldError, Form};

/// Runs one evaluation.
pub(crate) fn run(form: &Form, _today: Date) -> Evaluation {
    let mut errors = Vec::new();
    let category = match form.get("cat") {
        Some(text) => {
            let found = Category::from_slug(text);
            if found.is_none() {
                errors.push(FieldError {
                    field: "cat",
                    code: "unknown_category",
                    zh: "未知的电器类别".to_string(),
                    en: "Unknown appliance category".to_string(),
                });
            }
            found
        }
        None => None,
    };
    Evaluation {
        category,
        errors,
        notices: Vec::new(),
        outcome: None,
    }
}
