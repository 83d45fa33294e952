#!/usr/bin/env bash
# Installs what the full test suite needs on a fresh machine: npm dependencies (which bring Bun
# and just), the Debian packages in scripts/system-packages.txt, and the real control plane
# (kube-apiserver, kine, helm) built from the Go module proxy into ~/.cache. Idempotent.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if [ ! -x node_modules/.bin/bun ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "installing npm dependencies" >&2
  # Not `npm ci`: the registry here serves only some of rust-just's per-platform optional
  # packages, so the lock cannot list them all and `npm ci` refuses it; `npm install` follows the
  # lock and skips the optional packages it cannot get.
  npm install --no-audit --no-fund >&2
fi

if [ "${1:-}" != "--npm-only" ]; then
  missing=()
  while read -r pkg; do
    [[ -z "$pkg" || "$pkg" == \#* ]] && continue
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done < scripts/system-packages.txt
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing Debian packages: ${missing[*]}" >&2
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    # No daemons from package scripts: tests start their own on loopback.
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null && $SUDO chmod +x /usr/sbin/policy-rc.d
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  fi
  bash tools/build-control-plane.sh >/dev/null
fi
