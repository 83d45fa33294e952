# Recipes for working on the project. On a fresh machine start with `npm run up` / `npm test`,
# which install npm dependencies (Bun and just come from npm) and then run these.

export PATH := justfile_directory() + "/node_modules/.bin:" + env_var('PATH')

# list recipes
default:
    @just --list

# the main job: the platform against the current kube context or a local real control plane
up:
    bash scripts/ensure-system.sh
    bun scripts/up.ts

# quick local check: unit suite only, nothing started
test:
    bun test

# everything: typecheck, unit suite, real apiserver / helm / registry / browser suites
test-all:
    bash scripts/test-all.sh

# type check only
typecheck:
    tsc --noEmit -p .

# compile the multi-call binary for linux-x64 and linux-arm64 into dist/
build:
    bash scripts/build.sh

# one real control plane in the foreground; kubeconfig at .cluster/kubeconfig
cluster:
    bash scripts/ensure-system.sh
    bun tests/cluster/foreground.ts

# benchmarks: prints JSON figures and appends them to docs/benchmarks.md
bench: build
    bun bench/run.ts

# load the image into a kind cluster and install the chart (needs docker and kind)
kind: build
    bash scripts/kind.sh
