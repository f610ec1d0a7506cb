//! One component per file.

pub mod category_picker;
pub mod site_header;
