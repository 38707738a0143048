#!/usr/bin/env bash
# Builds examples/quickstart the three ways another application would use
# samverkan and runs each build: find_package against an installed tree (a
# fresh prefix, not the build tree), pkg-config against the same prefix, and
# add_subdirectory of the source tree.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jobs=${SAMVERKAN_JOBS:-$(nproc)}
work=build/consumers
rm -rf "$work"
mkdir -p "$work"
export CCACHE_BASEDIR="$root"

echo "== install into a fresh prefix =="
cmake -S . -B "$work/library" -DCMAKE_BUILD_TYPE=Release -DSAMVERKAN_TEST=OFF -DSAMVERKAN_CLI=OFF >/dev/null
cmake --build "$work/library" -j "$jobs"
cmake --install "$work/library" --prefix "$work/prefix" >/dev/null
test ! -e "$work/prefix/bin/samverkan_tests"
find "$work/prefix" -name '_core*' | grep -q . && { echo "the Python module was installed" >&2; exit 1; }

run() {
  "$1" data/sample/corpus.json data/allocation/koemiljard2019_inputs.csv > "$work/$2.out"
  grep -q "1 280 000 000 kr" "$work/$2.out"
  grep -q "2019-10-15" "$work/$2.out"
  echo "$2: ok"
}

echo "== find_package =="
cmake -S examples/quickstart -B "$work/find_package" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$root/$work/prefix" >/dev/null
cmake --build "$work/find_package" -j "$jobs" >/dev/null
run "$work/find_package/quickstart" find_package

echo "== pkg-config =="
export PKG_CONFIG_PATH="$root/$work/prefix/lib/pkgconfig:$root/$work/prefix/lib/x86_64-linux-gnu/pkgconfig"
# shellcheck disable=SC2046
c++ -O1 -o "$work/pkg_config_quickstart" examples/quickstart/main.cpp $(pkg-config --cflags --libs samverkan)
run "$work/pkg_config_quickstart" pkg_config

echo "== add_subdirectory =="
cmake -S tests/consumer/add_subdirectory -B "$work/add_subdirectory" -DCMAKE_BUILD_TYPE=Release \
  -DSAMVERKAN_SOURCE_DIR="$root" >/dev/null
cmake --build "$work/add_subdirectory" -j "$jobs" >/dev/null
run "$work/add_subdirectory/quickstart" add_subdirectory
