#!/usr/bin/env bash
# Installs what building and testing Repower needs, only where it is missing.
# Idempotent: on a machine that has everything it returns in about a second.
# Sources: the Rust crate registry, npm and Debian packages only.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/env.sh   # cargo's bin folder and the npm tools on PATH

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal the `=` pin of wasm-bindgen in Cargo.toml
say() { printf '[setup] %s\n' "$*"; }

# Rust target for the browser build.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for comp in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$comp"; then
    rustup component add "$comp"
  fi
done

# Trunk (0.22 needs a newer rustc than this machine has).
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  say "installing trunk $TRUNK_VERSION (takes several minutes once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen CLI matching the crate pin (no --locked: one locked dependency
# is not in the registry). Also provides wasm-bindgen-test-runner.
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\b"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Debian packages: headless Chromium (wasm tests, page tests), Node.js and
# npm (the npm tools, Trunk's post-build step), python3 (the local server).
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  say "installing ${need[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi

# npm tools: binaryen (wasm-opt 132; Debian's is too old), terser (minifies the
# glue script at build) and playwright-core
# (drives the system Chromium; it never downloads a browser). Reinstalled
# when the lock file changes.
stamp=tests/browser/node_modules/.repower-lock
if ! cmp -s tests/browser/package-lock.json "$stamp"; then
  say "installing npm tools in tests/browser"
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
  cp tests/browser/package-lock.json "$stamp"
fi
