#!/usr/bin/env bash
# clang-tidy (.clang-tidy) on the files listed in scripts/tidied.txt, with the
# compile commands of a build directory.
#
#   bash scripts/tidy.sh [BUILD_DIR]      (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/release}"
command -v clang-tidy >/dev/null || { echo "clang-tidy is missing: run scripts/setup.sh" >&2; exit 1; }
[[ -f "$build/compile_commands.json" ]] || cmake -S . -B "$build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
mapfile -t listed < <(grep -v '^\s*\(#\|$\)' scripts/tidied.txt)
clang-tidy --quiet --extra-arg=-w -p "$build" "${listed[@]}"
echo "clang-tidy: ${#listed[@]} listed files clean"
