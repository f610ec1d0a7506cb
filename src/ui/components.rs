//! One component per file.

pub mod assumptions_panel;
pub mod category_picker;
pub mod cost_chart;
pub mod field_input;
pub mod form_section;
pub mod grade_comparison;
pub mod label_diagram;
pub mod notice_list;
pub mod result_summary;
pub mod rules_banner;
pub mod site_header;
pub mod trade_in_guide;
