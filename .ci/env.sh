# Sourced by the scripts in .ci/: tools on PATH, offline builds.
# The npm tools (wasm-opt 132, terser, playwright-core) live in tests/browser/node_modules.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/tests/browser/node_modules/.bin:${CARGO_HOME:-${HOME:-/root}/.cargo}/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
