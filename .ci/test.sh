#!/usr/bin/env bash
# Sets up what is missing and runs every test: formatting, lints (native and
# wasm32), native tests (model tables, properties, evaluator, golden charts,
# UI state), wasm tests in headless Chromium, the release build, and the
# page tests of the built site in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
source .ci/env.sh

step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy (native, all targets)"
cargo clippy --all-targets --quiet -- -D warnings
step "clippy (wasm32)"
cargo clippy --target wasm32-unknown-unknown --lib --bins --quiet -- -D warnings
step "clippy (wasm32, the page in English: feature baked-en)"
cargo clippy --target wasm32-unknown-unknown --bin repower-web --features baked-en --quiet -- -D warnings
step "clippy (wasm32, the page in Portuguese: feature baked-pt-br)"
cargo clippy --target wasm32-unknown-unknown --bin repower-web-pt --features baked-pt-br --quiet -- -D warnings

step "native tests"
cargo test --quiet

step "wasm tests in headless Chromium"
# (no --quiet: cargo would pass it on to the runner, which refuses it)
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --test web --test web_fuzz

step "release build (trunk)"
cargo fetch --quiet
trunk build --release --offline

step "page tests in headless Chromium"
node tests/browser/run.mjs
