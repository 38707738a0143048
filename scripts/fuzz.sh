#!/usr/bin/env bash
# Builds the libFuzzer targets of the four loaders (binary, text, XML, JSON)
# and of the minutes importer
# with clang under AddressSanitizer and UndefinedBehaviorSanitizer in
# build/fuzz, and runs each for FUZZ_SECONDS (default 60) from the seeds in
# fuzz/seeds/<format>/ (the importer's seeds are the
# sample minutes in data/sample/minutes/). Any crash, sanitizer report, hang or oversized
# allocation fails the script; the finding is left in build/fuzz/findings/.
# Prints the executions each target reached.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
jobs=${SAMVERKAN_JOBS:-$(nproc)}

if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz: SKIPPED: clang++ is not installed (scripts/setup.sh installs clang and libclang-rt-14-dev)"
  exit 0
fi

echo "== build the fuzz targets (clang, address and undefined-behaviour sanitizers) =="
# Warnings are not errors here: clang warns where g++ does not, and a new
# clang warning in unrelated code must not hide the fuzzing.
CXX=clang++ cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSAMVERKAN_FUZZ=ON \
  -DSAMVERKAN_TEST=OFF -DSAMVERKAN_CLI=OFF -DSAMVERKAN_INSTALL=OFF -DSAMVERKAN_WERROR=OFF \
  -DSAMVERKAN_SANITIZE=address,undefined -DCMAKE_CXX_COMPILER_LAUNCHER= >/dev/null
cmake --build build/fuzz -j "$jobs" --target samverkan_fuzz_binary samverkan_fuzz_text samverkan_fuzz_xml samverkan_fuzz_json \
  samverkan_fuzz_minutes

mkdir -p build/fuzz/findings
status=0
summary=()
for format in binary text xml json minutes; do
  seeds=fuzz/seeds/$format
  [ "$format" = minutes ] && seeds=data/sample/minutes
  echo "== fuzz $format for ${seconds}s =="
  corpus=build/fuzz/corpus/$format
  mkdir -p "$corpus"
  log=build/fuzz/$format.log
  # New inputs go to the scratch corpus; the committed seeds are only read.
  # A single allocation above 64 MB, an input taking over 10 s, or more
  # than 1 GB resident counts as a finding.
  if ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "build/fuzz/fuzz/samverkan_fuzz_$format" "$corpus" "$seeds" \
      -max_total_time="$seconds" -max_len=16384 -malloc_limit_mb=64 -rss_limit_mb=1024 -timeout=10 \
      -artifact_prefix="build/fuzz/findings/$format-" -print_final_stats=1 >"$log" 2>&1; then
    runs=$(grep -Eo 'Done [0-9]+ runs' "$log" | tail -1 | grep -Eo '[0-9]+' || true)
    summary+=("$format: ${runs:-?} executions in ${seconds}s, no findings")
  else
    status=1
    tail -n 60 "$log"
    summary+=("$format: FAILED (see $log and build/fuzz/findings/)")
  fi
done

echo "== fuzzing summary =="
printf '  %s\n' "${summary[@]}"
exit $status
