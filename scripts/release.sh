#!/usr/bin/env bash
# Builds the release dist/ for deployment: trunk (wasm-opt 132), then .br/.gz beside each file, then the size report.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
trunk build --release
node tools/postbuild.mjs dist
node tools/compress.mjs dist
node tools/size-report.mjs dist
