#!/usr/bin/env bash
# The UI's fast tests (vitest, no window): type-checks, then runs them.
set -euo pipefail
cd "$(dirname "$0")/../ui"
if [[ ! -d node_modules ]]; then npm ci --no-audit --no-fund; fi
npx tsc --noEmit
npx vitest run
