#!/usr/bin/env bash
# clang-format (.clang-format) on the files listed in scripts/formatted.txt.
#
#   bash scripts/format.sh --check     fails naming every listed file that is not formatted
#   bash scripts/format.sh FILE...     formats those files in place (add them to the list)
#   bash scripts/format.sh             formats every listed file in place
#
# Only listed files are checked while other branches are in flight; the whole
# tree is formatted in one commit once they have landed (CONTRIBUTING.md).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "clang-format is missing: run scripts/setup.sh" >&2; exit 1; }
mapfile -t listed < <(grep -v '^\s*\(#\|$\)' scripts/formatted.txt)
if [[ "${1:-}" == "--check" ]]; then
  bad=0
  for f in "${listed[@]}"; do
    if ! clang-format --dry-run --Werror "$f" 2>/dev/null; then
      echo "not formatted: $f (bash scripts/format.sh $f)" >&2
      bad=1
    fi
  done
  (( bad == 0 )) && echo "formatting: ${#listed[@]} listed files formatted"
  exit $bad
fi
if (( $# )); then clang-format -i "$@"; else clang-format -i "${listed[@]}"; fi
