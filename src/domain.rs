//! The pure domain core: no yew, web-sys, gloo or js-sys. All maths, rules, data, parsing of user
//! numbers, rounding and formatting live here and are tested natively with `cargo test`.

pub mod category;
pub mod date;
pub mod json;
pub mod locale;
pub mod money;
pub mod number;
