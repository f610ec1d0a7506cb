//! The pure domain core: no yew, web-sys, gloo or js-sys. All maths, rules, data, parsing of user
//! numbers, rounding and formatting live here and are tested natively with `cargo test`.

pub mod category;
pub mod data;
pub mod date;
mod engine;
pub mod evaluate;
pub mod form_fields;
pub mod guide;
pub mod host_config;
pub mod json;
pub mod locale;
mod model;
pub mod money;
pub mod number;
pub mod qr;
pub mod query;
pub mod subsidy;

pub use data::{regions, rule_sets, DATA_AS_OF, DATA_VERSION};
pub use evaluate::{evaluate, fields, Evaluation, FieldError, FieldSpec, Form, Outcome};
pub use subsidy::subsidy_for;
