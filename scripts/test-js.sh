#!/usr/bin/env bash
# The JS package (js/): lints it, builds it for Node (js/pkg-node) and browsers (js/pkg), runs its
# wasm-bindgen tests under Node and in headless Chromium, prints its size, and runs the parity test
# (package vs app on the same inputs) against the release dist/.
#   bash scripts/test-js.sh             everything (builds dist/ first if it is missing)
#   bash scripts/test-js.sh build       both package builds only (tests/e2e/js_parity.test.mjs uses it)
#   bash scripts/test-js.sh build-node  the Node build only
# Nothing is downloaded: wasm-pack runs with --mode no-install, takes wasm-bindgen 0.2.130 from
# ~/.cargo/bin (it uses a PATH copy whose version equals Cargo.lock's), wasm-opt 132 from
# tools/node and the system chromedriver. Tools missing? Run scripts/setup.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/tools/node/node_modules/.bin:$HOME/.cargo/bin:$PATH"
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
step() { printf '\n\033[1;32m== js: %s ==\033[0m\n' "$*" >&2; }
fail() { printf '\033[1;31mjs: %s\033[0m\n' "$*" >&2; exit 1; }

command -v wasm-pack >/dev/null || fail "wasm-pack is missing (scripts/setup.sh installs it)"
wasm-bindgen --version 2>/dev/null | grep -q ' 0\.2\.130' || fail "wasm-bindgen 0.2.130 is not on PATH"
wasm-opt --version 2>/dev/null | grep -q 'version 132' || fail "wasm-opt 132 (tools/node) is not on PATH"

build() { # target out-dir
  wasm-pack --log-level warn build js --release --mode no-install --target "$1" --out-dir "$2"
}

case "${1:-all}" in
  build-node)
    build nodejs pkg-node
    exit 0
    ;;
  build)
    build nodejs pkg-node
    build web pkg
    exit 0
    ;;
  all) ;;
  *) fail "unknown command: $1" ;;
esac

step "lint: rustfmt and clippy (native and wasm32, -D warnings)"
cargo fmt -p huanxin-js --check
cargo clippy --quiet -p huanxin-js --all-targets -- -D warnings
cargo clippy --quiet -p huanxin-js --all-targets --target wasm32-unknown-unknown -- -D warnings

step "build: js/pkg-node (nodejs) and js/pkg (web)"
build nodejs pkg-node
build web pkg

step "size"
node js/size.mjs js/pkg/huanxin_js_bg.wasm

step "wasm-bindgen tests under Node"
wasm-pack test --node --mode no-install js

step "wasm-bindgen tests in headless Chromium"
# Without run_in_browser the tests default to Node; WASM_BINDGEN_USE_BROWSER runs the same ones
# in the browser.
WASM_BINDGEN_USE_BROWSER=1 WASM_BINDGEN_TEST_TIMEOUT=120 \
  wasm-pack test --headless --chrome --chromedriver "$CHROMEDRIVER" --mode no-install js

step "parity: package vs app (dist/)"
# HX_DIST points the parity test at another build (tests/e2e/harness.mjs); else dist/ is used.
[ -n "${HX_DIST:-}" ] || [ -f dist/index.html ] || bash scripts/release.sh
HX_JS_FRESH=1 node --test --test-reporter=spec tests/e2e/js_parity.test.mjs
