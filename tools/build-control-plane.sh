#!/usr/bin/env bash
# Builds the real control plane used by the tests (kube-apiserver, kine, helm) from the Go module
# proxy into a versioned cache outside the repo. Each binary is rebuilt only when missing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
K8S=${K8S_VERSION:-v1.34.2}
KINE=${KINE_VERSION:-v0.17.5}
HELM=${HELM_VERSION:-v3.21.4}
BIN=${KS_TEST_BINS:-$HOME/.cache/ks-test-bins}/k8s-$K8S-kine-$KINE-helm-$HELM
mkdir -p "$BIN"
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod
MINOR=$(cut -d. -f2 <<<"$K8S")

if ! "$BIN/kube-apiserver" --version 2>/dev/null | grep -q "Kubernetes $K8S\$"; then
  echo "building kube-apiserver $K8S (first time on this machine: 15-30 min)" >&2
  LDF="-s -w"
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    LDF+=" -X $p.gitVersion=$K8S -X $p.gitMajor=1 -X $p.gitMinor=$MINOR -X $p.gitTreeState=clean -X $p.buildDate=1970-01-01T00:00:00Z"
  done
  (cd "$here/k8s" && go build -trimpath -ldflags "$LDF" -o "$BIN/kube-apiserver" k8s.io/kubernetes/cmd/kube-apiserver)
fi
if [ ! -x "$BIN/kine" ]; then
  echo "building kine $KINE" >&2
  (cd "$here/kine" && go build -trimpath -ldflags "-s -w" -o "$BIN/kine" github.com/k3s-io/kine)
fi
if ! "$BIN/helm" version --short 2>/dev/null | grep -q "^$HELM"; then
  echo "building helm $HELM" >&2
  (cd "$here/helm" && go build -trimpath -ldflags "-s -w -X helm.sh/helm/v3/internal/version.version=$HELM" -o "$BIN/helm" helm.sh/helm/v3/cmd/helm)
fi
echo "$BIN"
