#!/usr/bin/env bash
# Builds the static site into dist/ (release: size-tuned wasm, wasm-opt).
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
source .ci/env.sh
cargo fetch --quiet
trunk build --release --offline
