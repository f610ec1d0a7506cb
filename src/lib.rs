//! 换新算 Huanxin: compares an old appliance with a grade-1 or grade-2 replacement, entirely in the
//! browser. `domain` is the pure core; `ui` is the Yew front end built on it (feature `ui`, on by
//! default; the JS package in `js/` builds without it).

// The phones' builds speak one language each (`Locale::shown`).
#[cfg(all(feature = "only-zh", feature = "only-en"))]
compile_error!("features `only-zh` and `only-en` exclude each other");

pub mod domain;
#[cfg(feature = "ui")]
pub mod ui;

#[cfg(feature = "ui")]
pub use ui::app::App;
