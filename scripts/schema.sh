#!/usr/bin/env bash
# Writes docs/corpus.schema.json from the field descriptions
# (include/samverkan/io/fields.hpp), or with --check says whether it is
# current. The test suite checks it too ("docs/corpus.schema.json is generated").
#
#   bash scripts/schema.sh [--check] [BUILD_DIR]     (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
check=0
if [[ "${1:-}" == "--check" ]]; then check=1; shift; fi
build="${1:-build/release}"
cmake --build "$build" --target samverkan_export_corpora -j2 >/dev/null
generated="$(mktemp)"
trap 'rm -f "$generated"' EXIT
"$build/tests/samverkan_export_corpora" --schema >"$generated"
if (( check )); then
  if cmp -s "$generated" docs/corpus.schema.json; then
    echo "docs/corpus.schema.json is current"
  else
    echo "docs/corpus.schema.json is stale: run bash scripts/schema.sh" >&2
    diff -u docs/corpus.schema.json "$generated" | head -40 >&2 || true
    exit 1
  fi
else
  cp "$generated" docs/corpus.schema.json
  echo "wrote docs/corpus.schema.json"
fi
