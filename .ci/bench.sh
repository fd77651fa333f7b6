#!/usr/bin/env bash
# An earlier commit's site, built for `node tests/browser/bench.mjs
# --vs-commit REV` (which runs this):
#
#   bash .ci/bench.sh REV     builds REV's dist/ and prints its path
#
# REV is checked out in a git worktree, target/bench-vs/<full sha>, and
# built there with `trunk build --release --offline`. A worktree already at
# that commit with a built dist/ is reused as it is. Every such build shares
# one cargo target directory, target/bench-vs/target, so building another
# commit recompiles only what changed. What it does goes to stderr; the
# dist/ path is the one line on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/env.sh

if [ $# -ne 1 ]; then
  echo "usage: bash .ci/bench.sh REV" >&2
  exit 2
fi
sha="$(git rev-parse --verify --quiet "$1^{commit}")" || { echo "bench.sh: $1 is not a commit" >&2; exit 2; }
cache="$root/target/bench-vs"
tree="$cache/$sha"
say() { echo "[bench-vs] $*" >&2; }

# The commit checked out at $tree, if $tree is a worktree of its own (a
# plain directory inside this one would answer with this worktree's HEAD).
tree_head() {
  [ -d "$tree" ] || return 0
  [ "$(git -C "$tree" rev-parse --show-toplevel 2>/dev/null)" = "$tree" ] || return 0
  git -C "$tree" rev-parse HEAD
}

head="$(tree_head)"
if [ "$head" = "$sha" ] && [ -f "$tree/dist/index.html" ]; then
  say "reusing $tree/dist (${sha:0:7}, already built)"
  echo "$tree/dist"
  exit 0
fi
if [ -z "$head" ]; then
  if [ -e "$tree" ]; then
    echo "bench.sh: $tree exists but is not a worktree; remove it" >&2
    exit 1
  fi
  say "git worktree add --detach $tree ${sha:0:7}"
  mkdir -p "$cache"
  # --force: the worktree may still be registered after target/ was deleted.
  git worktree add --force --detach "$tree" "$sha" >&2
elif [ "$head" != "$sha" ]; then
  say "git -C $tree checkout --detach ${sha:0:7}"
  git -C "$tree" checkout --quiet --detach "$sha"
fi
# The npm tools are this worktree's: wasm-opt is on PATH (.ci/env.sh), and
# that commit's post-build step finds what it imports.
if [ -d "$tree/tests/browser" ] && [ ! -e "$tree/tests/browser/node_modules" ]; then
  say "ln -s $root/tests/browser/node_modules $tree/tests/browser/node_modules"
  ln -s "$root/tests/browser/node_modules" "$tree/tests/browser/node_modules"
fi
say "cd $tree && CARGO_TARGET_DIR=$cache/target trunk build --release --offline"
(cd "$tree" && CARGO_TARGET_DIR="$cache/target" trunk build --release --offline) >&2
[ -f "$tree/dist/index.html" ] || { echo "bench.sh: the build wrote no $tree/dist/index.html" >&2; exit 1; }
echo "$tree/dist"
