#!/usr/bin/env bash
# The main job. Without arguments, on the bundled sample data: builds the
# samverkan program, imports the sample minutes into a corpus, shows what the
# sample corpus holds and what is wrong with it, splits the 2019
# queue-billion among the regions, and executes the notebooks to HTML reports
# in build/reports. With folders (`bash scripts/run.sh FOLDER...`), the same
# for your own minutes and protocols: the reports then read what those
# documents say.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j "${SAMVERKAN_JOBS:-$(nproc)}" --target samverkan_cli >/dev/null
samverkan=build/release/samverkan
mkdir -p build/reports

if [ $# -gt 0 ]; then
  echo "Importing $*:"
  rm -f build/reports/documents.svk
  "$samverkan" import "$@" --out build/reports/documents.svk
  echo
  "$samverkan" info build/reports/documents.svk
  echo
  "$samverkan" validate build/reports/documents.svk || true
  echo
else
  echo "Importing the sample minutes (six layouts, written for the project):"
  rm -f build/release/sample-minutes.svk
  "$samverkan" import data/sample/minutes --out build/release/sample-minutes.svk
  echo
  "$samverkan" info build/release/sample-minutes.svk
  echo
  "$samverkan" validate build/release/sample-minutes.svk || true
  echo

  "$samverkan" info data/sample/corpus.json
  echo
  "$samverkan" validate data/sample/corpus.json
  echo
  echo "A corpus with deliberate mistakes, for comparison:"
  "$samverkan" validate data/sample/broken.json || true
  echo
fi
echo "The 2019 queue-billion on the bundled inputs (waiting-time figures illustrative):"
"$samverkan" allocate data/allocation/koemiljard2019_inputs.csv
echo

# The notebooks run in the project's virtual environment, through a Jupyter
# kernel of its own ("Python 3 (samverkan)"), also registered for the user so
# that `jupyter notebook notebooks/` offers it.
SAMVERKAN_JOBS="${SAMVERKAN_JOBS:-$(nproc)}" bash scripts/python.sh >/dev/null
.venv/bin/python -m ipykernel install --prefix "$PWD/.venv" --name samverkan \
  --display-name "Python 3 (samverkan)" >/dev/null 2>&1
.venv/bin/python -m ipykernel install --user --name samverkan --display-name "Python 3 (samverkan)" >/dev/null 2>&1 || true
echo "The notebooks, executed to HTML:"
.venv/bin/python scripts/reports.py "$@" --out build/reports
