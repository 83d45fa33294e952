#!/usr/bin/env bash
# Compiles src/main.ts into single-file binaries: dist/ks (this machine) and dist/ks-linux-{x64,arm64}.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="$root/node_modules/.bin:$PATH"
mkdir -p dist
bun build --compile --bytecode --minify --sourcemap=none --target=bun-linux-x64 src/main.ts --outfile dist/ks-linux-x64 >&2
if [ "${KS_BUILD_ALL:-1}" = "1" ]; then
  # Cross-compiling fetches the target's Bun runtime from npm (@oven/bun-linux-aarch64).
  bun build --compile --bytecode --minify --sourcemap=none --target=bun-linux-arm64 src/main.ts --outfile dist/ks-linux-arm64 >&2 \
    || echo "warning: linux-arm64 build failed (the arm64 Bun runtime could not be fetched)" >&2
fi
# Copy then rename: a running dist/ks (a test, `just up`) keeps its old inode.
case "$(uname -m)" in
  aarch64|arm64) cp dist/ks-linux-arm64 dist/ks.new ;;
  *) cp dist/ks-linux-x64 dist/ks.new ;;
esac
mv -f dist/ks.new dist/ks
for f in dist/ks dist/ks-linux-x64 dist/ks-linux-arm64; do
  if [ -f "$f" ]; then awk -v f="$f" -v b="$(stat -c %s "$f")" 'BEGIN { printf "%-22s %6.1f MiB\n", f, b / 1048576 }'; fi
done
