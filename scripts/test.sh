#!/usr/bin/env bash
# Runs every test from a clean Debian 12 machine: installs dependencies, checks
# the formatting of the listed files, builds
# and runs the C++ suite, then the importer's fidelity on the labelled set
# (benchmarks/fidelity), then the same suite under AddressSanitizer and
# UndefinedBehaviorSanitizer, then the Python package's tests and stub check
# (scripts/python.sh, tests/python, scripts/stubs.sh), then executes the
# notebooks on the sample corpus (scripts/reports.py), then the same pytest
# suite against the extension built with the sanitizers (scripts/python_asan.sh),
# then builds the example
# against an installed tree and embedded (scripts/consumers.sh), then fuzzes the file
# loaders (scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

jobs=${SAMVERKAN_JOBS:-$(nproc)}

# ccache: paths relative to the checkout and the working directory left out
# of the hash, so that a fresh clone elsewhere (CI's) reuses the objects an
# earlier run compiled from the same sources.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true

echo "== style: formatting of the listed files (scripts/formatted.txt) =="
bash scripts/format.sh --check

echo "== build and test (release) =="
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DSAMVERKAN_TEST=ON >/dev/null
cmake --build build/release -j "$jobs"
ctest --test-dir build/release --output-on-failure -j "$jobs"

echo "== the JSON Schema is the one the field descriptions give (scripts/schema.sh); clang-tidy on the listed files =="
bash scripts/schema.sh --check build/release
bash scripts/tidy.sh build/release

echo "== import fidelity on the labelled set (benchmarks/fidelity) and its Word and PDF forms: no document below its recorded figures =="
/usr/bin/python3 benchmarks/fidelity/score.py --check --forms --bin build/release/samverkan

echo "== agreement and plan fidelity (benchmarks/fidelity/agreements): no document below its recorded figures =="
/usr/bin/python3 benchmarks/fidelity/agreements/score.py --check --bin build/release/samverkan

echo "== build and test (address and undefined-behaviour sanitizers) =="
cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DSAMVERKAN_TEST=ON \
  -DSAMVERKAN_SANITIZE=address,undefined -DCMAKE_CXX_FLAGS="-O1" >/dev/null
cmake --build build/asan -j "$jobs"
LSAN_OPTIONS="suppressions=$PWD/fuzz/lsan.supp" \
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/asan --output-on-failure -j "$jobs"

echo "== Python package: install into .venv, pytest, stubs up to date =="
SAMVERKAN_JOBS=$jobs bash scripts/python.sh
.venv/bin/python -m pytest
bash scripts/stubs.sh --check

echo "== notebooks: each executed on the sample corpus, any error fails (scripts/reports.py) =="
.venv/bin/python -m ipykernel install --prefix "$PWD/.venv" --name samverkan \
  --display-name "Python 3 (samverkan)" >/dev/null
.venv/bin/python scripts/reports.py --out build/reports
echo "== core benchmark, smoke run at a tiny size (benchmarks/core.py; no duration is asserted) =="
/usr/bin/python3 benchmarks/core.py --meetings 20 --cpp build/release/samverkan_core_bench >/dev/null

SAMVERKAN_JOBS=$jobs bash scripts/python_asan.sh

echo "== the library as other applications use it: find_package, pkg-config, add_subdirectory =="
SAMVERKAN_JOBS=$jobs bash scripts/consumers.sh

# Each loader (binary, text, XML, JSON) under libFuzzer for FUZZ_SECONDS
# (default 60) each; any crash fails. FUZZ_SECONDS=0 skips it.
if [ "${FUZZ_SECONDS:-60}" != 0 ]; then
  bash scripts/fuzz.sh
else
  echo "== fuzzing skipped (FUZZ_SECONDS=0) =="
fi
