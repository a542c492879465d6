#!/usr/bin/env bash
# Builds the app and runs the end-to-end tests in its real window, under a
# virtual display. Needs: xvfb, webkit2gtk-driver (WebKitWebDriver), node,
# a C compiler with libx11-dev, and tauri-driver (cargo install tauri-driver --locked).
# Prints "e2e: N passed, M failed" and exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

# The app, and the byline command that one test runs beside it.
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  scripts/build-app.sh
  cargo build -p byline-cli
fi

export PATH="$HOME/.cargo/bin:$PATH"
for tool in xvfb-run WebKitWebDriver tauri-driver node; do
  command -v "$tool" >/dev/null || { echo "e2e: $tool is not installed" >&2; exit 1; }
done

if [[ ! -d tests/e2e/node_modules ]] || [[ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]]; then
  (cd tests/e2e && npm ci --no-audit --no-fund)
fi

# A tiny X client that closes the window like a window manager would.
mkdir -p target/e2e
cc -O1 -o target/e2e/close-window tests/e2e/close-window.c -lX11
export BYLINE_CLOSE_WINDOW="$PWD/target/e2e/close-window"

# Without a display the app hangs instead of failing, hence the timeout.
timeout "${E2E_TIMEOUT:-600}" xvfb-run -a --server-args="-screen 0 1400x900x24" node tests/e2e/run.mjs "$@"
