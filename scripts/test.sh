#!/usr/bin/env bash
# Runs every test from a clean Debian 12 machine: installs dependencies, builds
# and runs the C++ suite, then the same suite under AddressSanitizer and
# UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

jobs=${SAMVERKAN_JOBS:-$(nproc)}

echo "== build and test (release) =="
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DSAMVERKAN_TEST=ON >/dev/null
cmake --build build/release -j "$jobs"
ctest --test-dir build/release --output-on-failure -j "$jobs"

echo "== build and test (address and undefined-behaviour sanitizers) =="
cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DSAMVERKAN_TEST=ON \
  -DSAMVERKAN_SANITIZE=address,undefined -DCMAKE_CXX_FLAGS="-O1" >/dev/null
cmake --build build/asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/asan --output-on-failure -j "$jobs"
