//! The Yew front end. It maps browser events to domain calls and renders what the domain returns;
//! browser access (storage, URL, timers) happens only in effects and in `main.rs`, never in render.

pub mod app;
pub mod browser;
pub mod components;
pub mod i18n;
pub mod modes;
pub mod pacer;
pub mod state;
