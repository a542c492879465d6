#!/usr/bin/env bash
#: Installs what is needed, builds Byline and starts the desktop app.
#: The library lives at ~/.local/share/byline/byline.db (BYLINE_DB overrides).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh
bash scripts/build-app.sh
app="$PWD/target/debug/byline-app"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$app"
else
  echo "run: no display found; starting Byline on a virtual display (xvfb-run)" >&2
  exec xvfb-run -a "$app"
fi
