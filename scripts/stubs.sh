#!/usr/bin/env bash
# Type stubs for the compiled module, generated, never written by hand:
#   bash scripts/stubs.sh          regenerate python/samverkan/_core.pyi
#   bash scripts/stubs.sh --check  fail when the shipped stub is stale, then
#                                  check it against the module with stubtest
# Works on the package installed in .venv (bash scripts/python.sh), so what is
# checked is what users import; SAMVERKAN_VENV names another virtual
# environment (a path, relative to the repository or absolute), so that a
# second build can be checked without touching .venv. After regenerating,
# reinstall so the new stub ships.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
venv=${SAMVERKAN_VENV:-.venv}
case $venv in
  /*) ;;
  *) venv=$root/$venv ;;
esac
python=$venv/bin/python
stub=python/samverkan/_core.pyi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# From an empty directory, so the installed package is the one imported.
# Debian's mypy is compiled, so `python -m mypy.stubgen` cannot run it; the
# entry points are called the way /usr/bin/stubgen does, with the venv's Python.
(cd "$out" && "$python" -c 'import sys; from mypy.stubgen import main; sys.exit(main())' \
  --quiet -p samverkan._core -o "$out/stubs")
generated=$out/stubs/samverkan/_core.pyi
(cd "$out" && "$python" "$root/scripts/stubs_staticmethods.py" "$generated")

if [ "${1:-}" = "--check" ]; then
  if ! diff -u "$stub" "$generated"; then
    echo "stubs: $stub is stale; run bash scripts/stubs.sh and reinstall" >&2
    exit 1
  fi
  (cd "$out" && "$python" -c 'import sys; from mypy.stubtest import main; sys.exit(main())' samverkan._core \
    --allowlist "$root/python/stubtest-allowlist.txt")
else
  cp "$generated" "$stub"
  echo "stubs: wrote $stub"
fi
