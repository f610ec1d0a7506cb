//! The Yew front end. It maps browser events to domain calls and renders what the domain returns;
//! browser access (storage, URL, timers) happens only in effects and in `main.rs`, never in render.

pub mod app;
pub mod browser;
pub mod components;
pub mod i18n;
pub mod modes;
pub mod pacer;
pub mod state;

/// Whether this build has the kiosk's parts (keypad, QR codes, idle reset, attract screen). The
/// phones' wasm leaves them out (`--no-default-features --features ui`, about 25 KB); a kiosk link
/// loads the full build instead (`tools/boot.js`), and a phone build that meets a kiosk link
/// anyway reloads into it (`main.rs`). Everything kiosk-only is behind `KIOSK_BUILD &&`, so the
/// compiler drops it from the phone build.
pub const KIOSK_BUILD: bool = cfg!(feature = "kiosk");
