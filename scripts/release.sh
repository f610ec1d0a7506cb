#!/usr/bin/env bash
# Builds the release dist/ for deployment: trunk (wasm-opt 132); the static first paint rendered natively
# from the same components (src/bin/prerender.rs); postbuild (static HTML, CSP-safe boot module, inlined CSS,
# dist/_headers); then .br/.gz beside each file, then the size report.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
trunk build --release
mkdir -p target/prerender
cargo run --quiet --features prerender --bin prerender > target/prerender/app.html
node tools/postbuild.mjs dist --prerendered target/prerender/app.html
node tools/sw-manifest.mjs dist
node tools/compress.mjs dist
node tools/size-report.mjs dist
