#!/usr/bin/env bash
# Builds the libFuzzer targets of the four loaders (binary, text, XML, JSON),
# of the Python pickle state (from_bytes<T> of every record type and Corpus),
# of the minutes importer and of the Word and PDF readers with clang under AddressSanitizer and
# UndefinedBehaviorSanitizer in build/fuzz, and gives each FUZZ_SECONDS
# (default 60; eight targets, so eight minutes in all, besides the build).
# SAMVERKAN_FUZZ_TARGETS="json pickle" runs only those.
#
# Inputs: the committed seeds in fuzz/seeds/<target>/ (the importer's are the
# sample minutes in data/sample/minutes/) and reproducers of past findings in
# fuzz/regressions/<target>/, both only read; and each target's own corpus,
# kept outside the clone in SAMVERKAN_FUZZ_CORPUS/<target> (default
# ~/.cache/samverkan/fuzz-corpus), so that it grows from run to run (CI runs
# on fresh clones of the same machine).
#
# A target's FUZZ_SECONDS are fuzzing and then merging: the corpus is merged
# and minimised (-merge=1 into a fresh directory that then replaces it) in
# the time left, at least a sixth of FUZZ_SECONDS (a third for the
# importer); merges take a few seconds. A merge cut off keeps the corpus
# unmerged, as does a run with a finding (so that an input of the corpus that
# crashes stays, to be found again). The importer runs only about 100 inputs
# a second and nearly every input differs in some loop's hit count, so its
# corpus is minimised on edges alone (-use_counters=0 in the merge): kept on
# hit counts it would grow by a thousand inputs a run, and replaying it
# would soon take the whole run.
#
# The JSON and XML targets get dictionaries (fuzz/json.dict, fuzz/xml.dict).
# The targets run with a stack of SAMVERKAN_FUZZ_STACK_KB (default 1024 KB,
# an eighth of the usual 8 MB): recursion that the input bounds nowhere then
# overflows at a depth the inputs can reach within -max_len (nesting of a
# few thousand levels; 8 MB needs some 30 000, more than -max_len allows),
# while the 512 levels JSON allows need under 512 KB.
#
# Any crash, sanitizer report, hang, oversized allocation or failed round
# trip fails the script; the finding is left in build/fuzz/findings/. Prints
# per target the executions, executions per second and the corpus size
# before, after fuzzing and after merging.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
jobs=${SAMVERKAN_JOBS:-$(nproc)}
corpus_root=${SAMVERKAN_FUZZ_CORPUS:-${HOME:-/tmp}/.cache/samverkan/fuzz-corpus}
stack_kb=${SAMVERKAN_FUZZ_STACK_KB:-1024}
read -r -a targets <<<"${SAMVERKAN_FUZZ_TARGETS:-binary text xml json pickle minutes docx pdf}"

if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz: SKIPPED: clang++ is not installed (scripts/setup.sh installs clang and libclang-rt-14-dev)"
  exit 0
fi

# The PDF reader needs Poppler; without it that target is not built.
if ! pkg-config --exists poppler-cpp 2>/dev/null; then
  kept=()
  for t in "${targets[@]}"; do [ "$t" = pdf ] || kept+=("$t"); done
  targets=("${kept[@]}")
  echo "fuzz: pdf SKIPPED: libpoppler-cpp-dev is not installed"
fi

started=$(date +%s)
echo "== build the fuzz targets (clang, address and undefined-behaviour sanitizers) =="
# Warnings are not errors here: clang warns where g++ does not, and a new
# clang warning in unrelated code must not hide the fuzzing.
CXX=clang++ cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSAMVERKAN_FUZZ=ON \
  -DSAMVERKAN_TEST=OFF -DSAMVERKAN_CLI=OFF -DSAMVERKAN_INSTALL=OFF -DSAMVERKAN_WERROR=OFF \
  -DSAMVERKAN_SANITIZE=address,undefined -DCMAKE_CXX_COMPILER_LAUNCHER= >/dev/null
cmake --build build/fuzz -j "$jobs" --target "${targets[@]/#/samverkan_fuzz_}"

# Files and bytes in a directory: "12 files, 34 KB".
size_of() {
  local files bytes
  files=$(find "$1" -type f | wc -l)
  bytes=$(find "$1" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')
  echo "$files files, $(( (bytes + 1023) / 1024 )) KB"
}

# Runs a fuzz target (or its merge) with the small stack.
run_target() { (ulimit -s "$stack_kb" && exec "$@"); }

# A value from libFuzzer's -print_final_stats=1 output.
final_stat() { grep -Eo "^stat::$1: *[0-9]+" "$2" | tail -1 | grep -Eo '[0-9]+$' || echo '?'; }

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# fontconfig, under Poppler, keeps its configuration until exit (fuzz/lsan.supp).
export LSAN_OPTIONS="suppressions=$PWD/fuzz/lsan.supp"
# A single allocation above 64 MB, an input taking over 10 s, or more than
# 1 GB resident counts as a finding.
limits=(-max_len=16384 -malloc_limit_mb=64 -rss_limit_mb=1024 -timeout=10)
# Word packages and PDFs are larger than minutes as text.
document_limits=(-max_len=65536 -malloc_limit_mb=128 -rss_limit_mb=1024 -timeout=10)

mkdir -p build/fuzz/findings "$corpus_root"
status=0
summary=()
fuzz_started=$(date +%s)
for target in "${targets[@]}"; do
  binary=build/fuzz/fuzz/samverkan_fuzz_$target
  if [ ! -x "$binary" ]; then
    # samverkan_fuzz_pdf exists only where Poppler is installed.
    summary+=("$target: SKIPPED (not built: no libpoppler-cpp?)")
    continue
  fi
  inputs=(fuzz/seeds/$target)
  [ "$target" = minutes ] && inputs=(data/sample/minutes)
  [ -d "fuzz/regressions/$target" ] && inputs+=("fuzz/regressions/$target")
  options=()
  [ -f "fuzz/$target.dict" ] && options+=("-dict=fuzz/$target.dict")
  # The Word reader's XML half mutates well with the XML dictionary.
  [ "$target" = docx ] && options+=("-dict=fuzz/xml.dict")
  merge_options=()
  target_limits=("${limits[@]}")
  case "$target" in docx | pdf) target_limits=("${document_limits[@]}") ;; esac
  reserve=$(( seconds / 6 > 5 ? seconds / 6 : 5 ))
  if [ "$target" = minutes ]; then
    merge_options+=(-use_counters=0)
    reserve=$(( seconds / 3 > 10 ? seconds / 3 : 10 ))
  fi
  fuzz_seconds=$(( seconds > reserve ? seconds - reserve : 1 ))
  corpus=$corpus_root/$target
  mkdir -p "$corpus"
  before=$(size_of "$corpus")
  log=build/fuzz/$target.log
  echo "== fuzz $target for ${fuzz_seconds}s, then merge (corpus $corpus: $before) =="
  slot_started=$(date +%s)
  # New inputs go to the persistent corpus; seeds and regressions are only read.
  if run_target "$binary" "$corpus" "${inputs[@]}" "${options[@]}" "${target_limits[@]}" -max_total_time="$fuzz_seconds" \
      -artifact_prefix="build/fuzz/findings/$target-" -print_final_stats=1 >"$log" 2>&1; then
    result="no findings"
  else
    status=1
    tail -n 60 "$log"
    result="FAILED (see $log and build/fuzz/findings/)"
  fi
  line="$target: $(final_stat number_of_executed_units "$log") executions, $(final_stat average_exec_per_sec "$log") exec/s"
  line+=" in ${fuzz_seconds}s, $result; corpus $before before, $(size_of "$corpus") after fuzzing"

  # Merge and minimise: the inputs that add coverage, into a fresh directory
  # that replaces the corpus, in what is left of the target's time. Not
  # after a finding: the merge would drop an input of the corpus that
  # crashes, and the next run must find it again.
  if [ "$result" != "no findings" ]; then
    summary+=("$line, not merged")
    continue
  fi
  left=$(( seconds - ($(date +%s) - slot_started) ))
  [ "$left" -lt "$reserve" ] && left=$reserve
  fresh=$corpus_root/.$target.merge.$$
  rm -rf "$fresh"
  mkdir -p "$fresh"
  merge_started=$(date +%s)
  if run_target timeout -k 5 "$left" "$binary" -merge=1 "${merge_options[@]}" "${target_limits[@]}" "$fresh" "$corpus" \
      >"build/fuzz/$target.merge.log" 2>&1; then
    old=$corpus_root/.$target.old.$$
    mv "$corpus" "$old" && mv "$fresh" "$corpus" && rm -rf "$old"
    line+=", $(size_of "$corpus") merged in $(( $(date +%s) - merge_started ))s"
  else
    rm -rf "$fresh"
    line+=", unmerged (the merge did not finish in ${left}s)"
  fi
  summary+=("$line")
done
finished=$(date +%s)

echo "== fuzzing summary (corpora in $corpus_root) =="
printf '  %s\n' "${summary[@]}"
echo "  fuzzing and merging took $(( finished - fuzz_started ))s, with the build $(( finished - started ))s"
exit $status
