#!/usr/bin/env bash
# Builds the Byline desktop app: the UI with Vite into ui/dist, then the
# shell with the UI embedded (the custom-protocol feature), into
# target/debug/byline-app. The Tauri CLI is not used: it rejects our layout
# (tauri.conf.json at the top). Pass --release for an optimised build.
set -euo pipefail
cd "$(dirname "$0")/.."

profile=()
if [[ "${1:-}" == "--release" ]]; then profile=(--release); fi

if [[ ! -d ui/node_modules ]] || [[ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]]; then
  (cd ui && npm ci --no-audit --no-fund)
fi
(cd ui && npm run build)
cargo build -p byline-app "${profile[@]}"
echo "build-app: built target/$([[ ${#profile[@]} -gt 0 ]] && echo release || echo debug)/byline-app"
