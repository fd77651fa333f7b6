#!/usr/bin/env bash
# Sets up what is missing, builds the site and serves it on this machine.
# PORT=8080 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/build.sh
port="${PORT:-8080}"
echo
echo "Repower is at http://127.0.0.1:$port/  (Ctrl-C stops the server)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
