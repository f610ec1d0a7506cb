//! The Yew front end. It maps browser events to domain calls and renders what the domain returns;
//! browser access (storage, URL, timers) happens only in effects and in `main.rs`, never in render.

pub mod app;
pub mod browser;
pub mod components;
pub mod i18n;
pub mod modes;
pub mod pacer;
pub mod state;

/// Whether this is the full build, with the kiosk's parts (keypad, QR codes, idle reset, attract
/// screen). The phones' wasm leaves them out (`--no-default-features --features ui`, about 45 KB
/// raw); a link that needs them
/// ([`HostConfig::needs_full_build`](crate::domain::host_config::HostConfig::needs_full_build))
/// loads the full build instead (`tools/boot.js`), and a phone build that meets one anyway reloads
/// into it (`main.rs`). Everything they use is behind `FULL_BUILD &&`, so the compiler drops it
/// from the phone build.
pub const FULL_BUILD: bool = cfg!(feature = "full");
