#!/usr/bin/env bash
# Runs the Python test suite against a samverkan._core built with
# AddressSanitizer and UndefinedBehaviorSanitizer; any sanitizer report fails.
#
# The module is built in the C++ sanitizer build, build/asan, configured as
# scripts/test.sh configures it plus -DSAMVERKAN_PYTHON=ON, so one
# instrumented libsamverkan serves the C++ tests and the Python module (only
# the _core target is built here). The package is assembled from
# python/samverkan and that module in build/asan/python-package and put first
# on PYTHONPATH; CPython itself is not instrumented, so libasan and libubsan
# are preloaded, Python's small-object allocator is turned off
# (PYTHONMALLOC=malloc) so that ASan sees every Python object, and leak
# detection is off (CPython does not free everything at exit). Reports are
# written to files and printed at the end, so that one in a subprocess whose
# failure a test expects still fails this script. SAMVERKAN_SANITIZED=1 tells
# tests that cannot run here to skip.
#
#   bash scripts/python_asan.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
jobs=${SAMVERKAN_JOBS:-$(nproc)}
build=build/asan

if [ ! -x .venv/bin/python ]; then
  SAMVERKAN_JOBS=$jobs bash scripts/python.sh   # numpy, pandas, pytest, pybind11 through the venv
fi
python=$root/.venv/bin/python

echo "== Python module under address and undefined-behaviour sanitizers ($build) =="
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DSAMVERKAN_TEST=ON \
  -DSAMVERKAN_SANITIZE=address,undefined -DCMAKE_CXX_FLAGS="-O1" \
  -DSAMVERKAN_PYTHON=ON -DPython_EXECUTABLE="$python" >/dev/null
cmake --build "$build" --target _core -j "$jobs"

module=$(find "$build/python" -maxdepth 1 -name "_core$("$python" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')" -print -quit)
if [ -z "$module" ]; then
  echo "python_asan: no _core module in $build/python" >&2
  exit 1
fi

package=$root/$build/python-package
rm -rf "$package"
mkdir -p "$package/samverkan"
for f in python/samverkan/*; do
  ln -s "$root/$f" "$package/samverkan/"
done
ln -s "$root/$module" "$package/samverkan/"

reports=$(mktemp -d)
trap 'rm -rf "$reports"' EXIT

libasan=$(g++ -print-file-name=libasan.so)
libubsan=$(g++ -print-file-name=libubsan.so)
status=0
env PYTHONPATH="$package${PYTHONPATH:+:$PYTHONPATH}" \
  LD_PRELOAD="$libasan $libubsan" \
  PYTHONMALLOC=malloc \
  ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:log_path=$reports/asan:log_exe_name=1" \
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$reports/ubsan:log_exe_name=1" \
  SAMVERKAN_SANITIZED=1 \
  "$python" -m pytest -q -p no:cacheprovider "$@" || status=$?

if compgen -G "$reports/*" >/dev/null; then
  for report in "$reports"/*; do
    echo "== sanitizer report: $(basename "$report") ==" >&2
    cat "$report" >&2
  done
  echo "python_asan: sanitizer reports (above)" >&2
  exit 1
fi
exit $status
