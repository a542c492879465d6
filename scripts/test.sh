#!/usr/bin/env bash
#: Installs what is needed, then runs every check and test Byline has:
#: formatting, clippy (warnings are errors), the Rust tests, the UI tests,
#: HTML validity of exports, and the end-to-end test in the real app window.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/.tools/venv/bin:$PATH"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "setup"
bash scripts/setup.sh

step "build the UI (the shell embeds it)"
(cd ui && npm run --silent build)

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Rust tests"
cargo test --workspace --locked

step "UI tests (type check and vitest)"
bash scripts/ui-test.sh

step "exported HTML passes the Nu HTML Checker"
bash scripts/validate-html.sh

step "end-to-end tests in the real app window"
bash scripts/e2e.sh

step "all checks passed"
