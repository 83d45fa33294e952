#!/usr/bin/env bash
# `npm run up` / `npm test` on a fresh machine: install npm dependencies (Bun, just), then run
# the named just recipe.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/ensure-system.sh --npm-only
exec node_modules/.bin/just "$@"
