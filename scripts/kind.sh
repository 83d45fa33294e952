#!/usr/bin/env bash
# `just kind`: build the image, load it into a kind cluster and install the chart with the
# in-cluster backend. Needs docker and kind on the user's machine (neither runs in this
# project's CI sandbox, so this script is exercised by users, not by the test suite).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="$root/node_modules/.bin:$PATH"
cluster=${KIND_CLUSTER:-ks}
tag=${KS_IMAGE_TAG:-dev}
for tool in docker kind; do
  command -v "$tool" >/dev/null || { echo "just kind needs $tool on PATH" >&2; exit 1; }
done
helm=$(command -v helm || true)
[ -n "$helm" ] || helm="$(bash tools/build-control-plane.sh)/helm"
docker build -t "ks:$tag" .
kind get clusters | grep -qx "$cluster" || kind create cluster --name "$cluster"
kind load docker-image "ks:$tag" --name "$cluster"
"$helm" upgrade --install kubescape helm/kubescape-cloud-operator \
  --kube-context "kind-$cluster" --namespace kubescape --create-namespace \
  --set image.repository=ks --set image.tag="$tag" --set image.pullPolicy=Never \
  --set account="${KS_ACCOUNT:-00000000-0000-0000-0000-000000000001}" \
  --set clusterName="kind-$cluster" --set backend.enabled=true \
  ${KS_ADMIN_PASSWORD:+--set backend.admin.password="$KS_ADMIN_PASSWORD"}
echo "installed; dashboard: kubectl --context kind-$cluster -n kubescape port-forward svc/backend 8080:8080"
