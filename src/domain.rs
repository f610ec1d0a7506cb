//! The pure domain core: no yew, web-sys, gloo or js-sys. All maths, rules, data, parsing of user
//! numbers, rounding and formatting live here and are tested natively with `cargo test`.

/// A Chinese text of the compiled data or a field table; empty in an English-only build (feature `only-en`).
macro_rules! zh {
    ($text:expr) => {
        if cfg!(feature = "only-en") {
            ""
        } else {
            $text
        }
    };
}

/// An English text of the compiled data or a field table; empty in a Chinese-only build (feature `only-zh`).
macro_rules! en {
    ($text:expr) => {
        if cfg!(feature = "only-zh") {
            ""
        } else {
            $text
        }
    };
}

/// A Chinese text built at run time; not built in an English-only build (an empty string).
macro_rules! zh_string {
    ($text:expr) => {
        if cfg!(feature = "only-en") {
            String::new()
        } else {
            $text
        }
    };
}

/// An English text built at run time; not built in a Chinese-only build (an empty string).
macro_rules! en_string {
    ($text:expr) => {
        if cfg!(feature = "only-zh") {
            String::new()
        } else {
            $text
        }
    };
}

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
