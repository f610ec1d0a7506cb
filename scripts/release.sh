#!/usr/bin/env bash
# Builds the release dist/ for deployment: trunk (wasm-opt 132) for the full app, then the phones' build; the static first paint rendered natively
# from the same components (src/bin/prerender.rs); postbuild (static HTML, CSP-safe boot module, inlined CSS,
# dist/_headers); then .br/.gz beside each file, then the size report.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
# Both wasm builds use the pinned nightly (setup.sh): std rebuilt for size, a panic is an immediate
# abort (a trap that tools/boot.js turns into the "restarting" message). Only the wasm commands get
# these settings; the native prerender below stays on stable.
wasm_env=(
  RUSTUP_TOOLCHAIN="$HX_NIGHTLY"
  CARGO_UNSTABLE_BUILD_STD="std,panic_abort"
  CARGO_UNSTABLE_BUILD_STD_FEATURES="optimize_for_size"
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
)
env "${wasm_env[@]}" CARGO_TARGET_DIR=target/full trunk build --release
# The smaller builds (src/ui.rs): the host's (a retailer's page: no kiosk parts) and the phones' two
# (no host or kiosk parts; one language each), built like trunk builds the full one; postbuild names
# all four and tools/choose-build.js picks one. They share a target dir of their own (the same dependencies, so each
# keeps its cached artifacts) apart from trunk's.
for build in host:host en:ui,only-en phone:ui,only-zh; do
  name="${build%%:*}"
  env "${wasm_env[@]}" cargo build --quiet --release --target wasm32-unknown-unknown --bin huanxin --no-default-features --features "${build#*:}" --target-dir target/phone
  wasm-bindgen --target web --no-typescript --out-dir "target/phone/bindgen-$name" target/phone/wasm32-unknown-unknown/release/huanxin.wasm
  # --low-memory-unused: Rust puts the stack first and the data above 1 MiB, so the lowest KiB is
  # never addressed and wasm-opt may fold pointer arithmetic into load and store offsets (-0.9 KB
  # brotli on the phones' build); --converge repeats -Oz while it still gains (-0.1 KB).
  wasm-opt --output="dist/${name}_bg.wasm" -Oz --low-memory-unused --converge "target/phone/bindgen-$name/huanxin_bg.wasm"
  # Its own glue, which postbuild matches its imports against (then deletes): the page runs the full one.
  cp "target/phone/bindgen-$name/huanxin.js" "dist/${name}_glue.js"
done
mkdir -p target/prerender
cargo run --quiet --features prerender --bin prerender > target/prerender/app.html
node tools/postbuild.mjs dist --prerendered target/prerender/app.html
node tools/sw-manifest.mjs dist
node tools/compress.mjs dist
node tools/size-report.mjs dist
