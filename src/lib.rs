//! 换新算 Huanxin: compares an old appliance with a grade-1 or grade-2 replacement, entirely in the
//! browser. `domain` is the pure core; `ui` is the Yew front end built on it.

pub mod domain;
pub mod ui;

pub use ui::app::App;
