#!/usr/bin/env bash
# Installs the samverkan Python package into .venv, a virtual environment made
# from Debian's Python with its packages visible (numpy, pandas, pytest,
# pybind11 come from apt; no package index is needed). Safe to re-run: it
# rebuilds incrementally in build/python and reinstalls.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

if [ ! -x .venv/bin/python ]; then
  /usr/bin/python3 -m venv --system-site-packages .venv
fi
SAMVERKAN_JOBS=${SAMVERKAN_JOBS:-$(nproc)} \
  .venv/bin/python -m pip install --quiet --no-build-isolation --no-deps --no-index .
