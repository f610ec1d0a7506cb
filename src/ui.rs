//! The Yew front end. It maps browser events to domain calls and renders what the domain returns;
//! browser access (storage, URL, timers) happens only in effects and in `main.rs`, never in render.

pub mod app;
pub mod browser;
pub mod components;
pub mod i18n;
pub mod markup;
pub mod modes;
pub mod pacer;
pub mod state;

/// Whether this is the full build, with the kiosk's parts (keypad, QR codes, idle reset, attract
/// screen). The other two builds leave them out (about 45 KB raw). A link picks its build
/// ([`Build::needed`](crate::domain::host_config::Build::needed)): `tools/boot.js` loads it, and a
/// smaller build that meets a link anyway reloads into the one it needs (`main.rs`). Everything
/// they use is behind `FULL_BUILD &&`, so the compiler drops it from the smaller builds.
pub const FULL_BUILD: bool = cfg!(feature = "full");

/// Whether this build reads the host's parameters (embed mode and its messages, look, store name,
/// hidden sections, channel list; the full build does too). The phones' build (`--features ui`)
/// leaves their parsing out (about 23 KB raw, 9 KB brotli): on a plain link they are all absent.
pub const HOST_BUILD: bool = cfg!(feature = "host");

/// This build, as [`Build::needed`](crate::domain::host_config::Build::needed) names it.
pub const BUILD: crate::domain::host_config::Build = if FULL_BUILD {
    crate::domain::host_config::Build::Full
} else if HOST_BUILD {
    crate::domain::host_config::Build::Host
} else {
    crate::domain::host_config::Build::Phone
};
