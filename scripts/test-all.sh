#!/usr/bin/env bash
# The README's test command: installs what is missing, then runs the type check, the unit suite
# and every integration suite (real apiserver, helm, registry, browser) against one shared
# control plane. Ends with the line "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/ensure-system.sh || { echo "0 passed, 1 failed"; exit 1; }
export PATH="$root/node_modules/.bin:$PATH"
log=$(mktemp)
failed_steps=0

echo "== typecheck" >&2
if ! tsc --noEmit -p .; then failed_steps=$((failed_steps + 1)); fi

echo "== unit suite (bun test)" >&2
bun test 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || failed_steps=$((failed_steps + 1))

mapfile -t itests < <(find tests -name '*.itest.ts' | sort | sed 's#^#./#')
if [ ${#itests[@]} -gt 0 ]; then
  echo "== integration suites (${#itests[@]} files, one shared real control plane)" >&2
  bun tests/cluster/withControlPlane.ts bun test --timeout 120000 "${itests[@]}" 2>&1 | tee -a "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || failed_steps=$((failed_steps + 1))
fi

passed=$(grep -E '^ *[0-9]+ pass$' "$log" | awk '{s+=$1} END {print s+0}')
failed=$(grep -E '^ *[0-9]+ fail$' "$log" | awk '{s+=$1} END {print s+0}')
rm -f "$log"
# A step that failed without failing a test (typecheck, a crash) still counts as a failure.
if [ "$failed" -eq 0 ] && [ "$failed_steps" -gt 0 ]; then failed=$failed_steps; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$failed_steps" -eq 0 ]
