#!/usr/bin/env bash
# Spectral, the OpenAPI linter, from npm (pinned), for the test that lints Frontdesk's document.
#
#   spectral.sh install    install it if missing (idempotent) under $FRONTDESK_TOOLS (default ~/.cache/frontdesk-tools)
#   spectral.sh path       print the binary
set -euo pipefail

VERSION=6.16.3
DIR=${FRONTDESK_TOOLS:-$HOME/.cache/frontdesk-tools}/spectral-$VERSION
BIN=$DIR/node_modules/.bin/spectral

case "${1:-}" in
  install)
    if [ -x "$BIN" ]; then echo "spectral.sh: ready: $($BIN --version)"; exit 0; fi
    command -v npm >/dev/null || { echo "spectral.sh: npm is missing (Node.js 20 or later is needed)" >&2; exit 1; }
    mkdir -p "$DIR"
    echo "spectral.sh: installing @stoplight/spectral-cli@$VERSION"
    npm install --prefix "$DIR" --no-audit --no-fund --loglevel=error "@stoplight/spectral-cli@$VERSION" >/dev/null
    echo "spectral.sh: ready: $($BIN --version)"
    ;;
  path) echo "$BIN" ;;
  *) echo "usage: spectral.sh install|path" >&2; exit 2 ;;
esac
