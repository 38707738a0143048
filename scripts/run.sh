#!/usr/bin/env bash
# The main job on the bundled sample data: builds the samverkan program,
# imports the sample minutes into a corpus, shows what the sample corpus holds
# and what is wrong with it, and splits the 2019 queue-billion among the
# regions.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j "${SAMVERKAN_JOBS:-$(nproc)}" --target samverkan_cli >/dev/null
samverkan=build/release/samverkan

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
echo "The 2019 queue-billion on the bundled inputs (waiting-time figures illustrative):"
"$samverkan" allocate data/allocation/koemiljard2019_inputs.csv
