#!/usr/bin/env bash
# Installs what is missing, builds the release app and serves it on http://127.0.0.1:${PORT:-8080}/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/release.sh"
cd "$ROOT"
exec node tools/serve.mjs --dir dist --port "${PORT:-8080}"
