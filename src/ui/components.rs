//! One component per file.

pub mod answer_bar;
pub mod assumptions_panel;
pub mod attract_screen;
pub mod category_picker;
pub mod cost_chart;
pub mod field_input;
pub mod form_section;
pub mod grade_comparison;
pub mod idle_guard;
pub mod keypad;
pub mod label_diagram;
pub mod link_dialog;
pub mod notice_list;
pub mod qr_code;
pub mod result_summary;
pub mod rules_banner;
pub mod share_button;
pub mod site_header;
pub mod trade_in_guide;
