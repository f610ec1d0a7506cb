#!/usr/bin/env bash
# Installs whatever Huanxin needs that is missing, skipping what is already there at the right version.
# Safe to run again: a second run takes seconds. Sourced by serve.sh / test.sh / release.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
WASM_BINDGEN_VERSION="0.2.130"
log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*" >&2; }
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"

export PATH="$HOME/.cargo/bin:$PATH"

# 1. Rust target for the browser.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 1b. A pinned nightly, for the release wasm only (scripts/release.sh): it rebuilds std for size and
# makes a panic abort at once, so no panic messages or their formatting ship (−45 KB raw, −14 KB
# brotli). Tests, lints and the JS package stay on stable. About 10 s to install.
HX_NIGHTLY="nightly-2026-05-20"
if ! rustup toolchain list | grep -q "^$HX_NIGHTLY" \
  || ! rustup component list --toolchain "$HX_NIGHTLY" --installed | grep -q '^rust-src'; then
  log "installing $HX_NIGHTLY (minimal profile, rust-src) for the release wasm"
  rustup toolchain install "$HX_NIGHTLY" --profile minimal --component rust-src
fi
export HX_NIGHTLY

# 2. Debian packages: headless browser, its driver, CJK fonts so Chinese renders.
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need_apt+=(fonts-noto-cjk)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# 3. Node packages (wasm-opt 132, playwright-core, axe-core, lighthouse), pinned by tools/node/package-lock.json.
if [ ! -x tools/node/node_modules/.bin/wasm-opt ] || [ tools/node/package-lock.json -nt tools/node/node_modules/.stamp ]; then
  log "npm ci in tools/node"
  (cd tools/node && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.stamp)
fi
export PATH="$ROOT/tools/node/node_modules/.bin:$PATH"

# 4. Cargo-installed tools, each at its pinned version.
have_version() { command -v "$1" >/dev/null && "$1" --version 2>/dev/null | grep -q "$2"; }
if ! have_version trunk "$TRUNK_VERSION"; then
  log "cargo install trunk@$TRUNK_VERSION (about 7 minutes)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi
if ! have_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then
  log "cargo install wasm-bindgen-cli@$WASM_BINDGEN_VERSION (about 2 minutes)"
  cargo install --force "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
fi
if ! command -v wasm-pack >/dev/null; then
  log "cargo install wasm-pack (about 2 minutes)"
  cargo install wasm-pack
fi

# 5. Crates for offline builds (trunk runs with offline = true).
if [ -f Cargo.lock ]; then
  cargo fetch --quiet
fi
export CHROMEDRIVER=/usr/bin/chromedriver
log "tools ready"
