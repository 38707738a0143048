#!/usr/bin/env bash
# Import throughput of `samverkan import` beside a plain Python regex parser.
#
#   bash benchmarks/run.sh [MB]        (default 100; SEED=n to vary the data)
#
# Builds the release CLI in build/bench, generates MB megabytes (10^6 bytes)
# of minutes into build/bench/minutes (kept and reused while size, seed and
# generator are unchanged), times each contender and writes the table to
# build/bench/results.md. Nothing here asserts a duration: the numbers depend
# on the machine and are for reading, not for pass/fail.
set -euo pipefail

MB="${1:-100}"
SEED="${SEED:-1}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY=/usr/bin/python3
OUT=build/bench
DATA="$OUT/minutes"
BIN="$OUT/samverkan"
CORPUS="$OUT/bench.svk"
LOGS="$OUT/logs"

if ! [[ "$MB" =~ ^[0-9]+([.][0-9]+)?$ ]]; then
  echo "usage: bash benchmarks/run.sh [MB]" >&2
  exit 2
fi

echo "== building the release CLI in $OUT" >&2
mkdir -p "$OUT"
cmake -S . -B "$OUT" -DCMAKE_BUILD_TYPE=Release -DSAMVERKAN_TEST=OFF >"$OUT/configure.log" 2>&1 \
  || { cat "$OUT/configure.log" >&2; echo "run.sh: cmake configure failed" >&2; exit 1; }
# The program's target is samverkan_cli (output name samverkan); `samverkan`
# alone is the library.
cmake --build "$OUT" --target samverkan_cli -j "$(nproc)" >&2

if ! "$BIN" import --help >/dev/null 2>&1; then
  echo "run.sh: '$BIN import' is not available: this build of samverkan has no import command yet." >&2
  echo "run.sh: the Python baseline alone can be run with: $PY benchmarks/regex_minutes.py --summary $DATA" >&2
  exit 1
fi
HAS_DRY_RUN=0
if "$BIN" import --help 2>&1 | grep -q -- '--dry-run'; then HAS_DRY_RUN=1; fi

echo "== data: $MB MB, seed $SEED, in $DATA" >&2
if ! "$PY" - "$DATA/manifest.json" "$MB" "$SEED" benchmarks/generate_minutes.py <<'EOF'
import hashlib, json, sys
path, mb, seed, gen = sys.argv[1:]
try:
    m = json.load(open(path, encoding="utf-8"))
except OSError:
    sys.exit(1)
sha = hashlib.sha256(open(gen, "rb").read()).hexdigest()
ok = m.get("mb") == float(mb) and m.get("seed") == int(seed) and m.get("generator_sha256") == sha
sys.exit(0 if ok else 1)
EOF
then
  "$PY" benchmarks/generate_minutes.py --mb "$MB" --seed "$SEED" --out "$DATA"
else
  echo "   reusing the generated files (manifest matches)" >&2
fi

# Small inputs are cheap to repeat, and the best of three hides a cold cache.
RUNS=1
if awk -v mb="$MB" 'BEGIN { exit !(mb <= 20) }'; then RUNS=3; fi

mkdir -p "$LOGS"
# time_best NAME CMD...: best wall time of RUNS runs into $BEST; the last
# run's stdout/stderr stay in $LOGS/NAME.{out,err}. A failing run stops the
# benchmark, since its time would mean nothing; exit status 1 from
# `samverkan import` means some documents were not read and the rest were
# imported, which is timed but reported.
time_best() {
  local name="$1"; shift
  BEST=""
  local i t0 t1 secs rc
  for ((i = 0; i < RUNS; i++)); do
    if [[ "$name" == import ]]; then rm -f "$CORPUS"; fi
    t0=$(date +%s%N)
    rc=0
    "$@" >"$LOGS/$name.out" 2>"$LOGS/$name.err" || rc=$?
    t1=$(date +%s%N)
    if ((rc > 1)) || { ((rc == 1)) && [[ "$name" == python ]]; }; then
      echo "run.sh: '$*' failed (exit status $rc); its stderr ends with:" >&2
      tail -n 20 "$LOGS/$name.err" >&2
      exit 1
    fi
    if ((rc == 1)); then
      echo "run.sh: warning: '$*' could not read some documents (exit status 1); see $LOGS/$name.err" >&2
    fi
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    if [[ -z "$BEST" ]] || awk -v s="$secs" -v b="$BEST" 'BEGIN { exit !(s < b) }'; then BEST="$secs"; fi
  done
  echo "   $name: $BEST s (best of $RUNS)" >&2
}

echo "== timing" >&2
time_best import "$BIN" import --quiet --out "$CORPUS" "$DATA"
T_IMPORT="$BEST"
"$BIN" info "$CORPUS" >"$LOGS/import.info" 2>&1 || true
T_DRY=""
if [[ "$HAS_DRY_RUN" == 1 ]]; then
  time_best dry-run "$BIN" import --quiet --dry-run "$DATA"
  T_DRY="$BEST"
fi
time_best python "$PY" benchmarks/regex_minutes.py --summary "$DATA"
T_PY="$BEST"

"$PY" - "$DATA/manifest.json" "$LOGS" "$T_IMPORT" "$T_DRY" "$T_PY" "$RUNS" "$OUT/results.md" <<'EOF'
import json, os, platform, re, subprocess, sys, time
manifest_path, logs, t_import, t_dry, t_py, runs, results = sys.argv[1:]
man = json.load(open(manifest_path, encoding="utf-8"))
mb = man["bytes"] / 1e6

def read(name):
    try:
        return open(os.path.join(logs, name), encoding="utf-8", errors="replace").read()
    except OSError:
        return ""

def summary_counts(text):
    # The CLI's summary wording may change; take whatever counts it names.
    out = {}
    for key, pat in (("meetings", r"(\d+) meetings?\b"), ("attendees", r"(\d+) (?:attendees|attendances?)\b"),
                     ("decisions", r"(\d+) decisions?\b")):
        m = re.findall(pat, text)
        if m:
            out[key] = int(m[-1])
    return out

imp = summary_counts(read("import.err"))
if "meetings" not in imp:
    # `samverkan info` lists counts as "meetings  N" or "meetings: N".
    m = re.search(r"^\s*meetings\b\D*(\d+)", read("import.info"), re.M)
    if m:
        imp["meetings"] = int(m.group(1))
dry = summary_counts(read("dry-run.err")) if t_dry else {}
py = json.loads(read("python.out") or "{}")
gen = man["generated"]

rows = [("samverkan import --out (parse, resolve, save)", t_import, imp),
        ("samverkan import --dry-run (parse, resolve)", t_dry, dry),
        ("Python regex parser (benchmarks/regex_minutes.py)", t_py,
         {"meetings": py.get("meetings"), "attendees": py.get("attendees"), "decisions": py.get("decisions")})]

def cell(v):
    return "–" if v in (None, "") else str(v)

cpu = ""
try:
    for line in open("/proc/cpuinfo", encoding="utf-8"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
except OSError:
    pass
lines = [
    "# Import benchmark",
    "",
    f"{time.strftime('%Y-%m-%d %H:%M')}, {platform.node()}, {cpu or platform.machine()}, {os.cpu_count()} CPUs.",
    f"Input: {man['files']} generated files, {mb:.1f} MB (10^6 bytes), seed {man['seed']}; "
    f"best of {runs} run(s). Machine-dependent; not a test.",
    "",
    "| contender | MB | seconds | MB/s | meetings | attendees | decisions |",
    "|---|---:|---:|---:|---:|---:|---:|",
]
for name, t, c in rows:
    if not t:
        lines.append(f"| {name} | – | not available | – | – | – | – |")
        continue
    secs = float(t)
    lines.append(f"| {name} | {mb:.1f} | {secs:.2f} | {mb / secs:.1f} | {cell(c.get('meetings'))} | "
                 f"{cell(c.get('attendees'))} | {cell(c.get('decisions'))} |")
lines.append(f"| generated (what the files hold) | {mb:.1f} | | | {gen['meetings']} | {gen['attendances']} | "
             f"{gen['decisions']} |")
lines += ["", "A dash in a count: the contender did not report it (see build/bench/logs/)."]
text = "\n".join(lines) + "\n"
open(results, "w", encoding="utf-8").write(text)
print(text, end="")
EOF

# Word and PDF: the first DOCS generated documents (default 60) written as
# .docx and PDF by scripts/make_documents.py (python3-docx, python3-reportlab),
# then read with --dry-run: documents per second for .docx, pages per second
# for PDF, beside the text rows above. Not a test either.
DOCS="${DOCS:-60}"
DOCDIR="$OUT/documents"
if "$PY" -c "import docx, reportlab" 2>/dev/null; then
  if [[ ! -f "$DOCDIR/.made-$DOCS-$SEED-$MB" ]]; then
    rm -rf "$DOCDIR"
    mkdir -p "$DOCDIR/docx" "$DOCDIR/pdf"
    mapfile -t SOURCES < <(find "$DATA" -name '*.txt' | sort | head -n "$DOCS")
    echo "== writing ${#SOURCES[@]} documents as .docx and PDF into $DOCDIR" >&2
    "$PY" scripts/make_documents.py "${SOURCES[@]}" --out "$DOCDIR/mixed" 2>/dev/null
    mv "$DOCDIR"/mixed/*.docx "$DOCDIR/docx/" && mv "$DOCDIR"/mixed/*.pdf "$DOCDIR/pdf/" && rmdir "$DOCDIR/mixed"
    touch "$DOCDIR/.made-$DOCS-$SEED-$MB"
  fi
  N_DOCX=$(find "$DOCDIR/docx" -name '*.docx' | wc -l)
  N_PDF=$(find "$DOCDIR/pdf" -name '*.pdf' | wc -l)
  PAGES=$("$PY" -c 'import re,sys,pathlib; print(sum(len(re.findall(rb"/Type */Page[^s]", p.read_bytes())) for p in pathlib.Path(sys.argv[1]).glob("*.pdf")))' "$DOCDIR/pdf")
  time_best docx "$BIN" import --quiet --dry-run "$DOCDIR/docx"
  T_DOCX="$BEST"
  T_PDF=""
  if "$BIN" import --help | grep -q "PDF support: yes"; then
    time_best pdf "$BIN" import --quiet --dry-run "$DOCDIR/pdf"
    T_PDF="$BEST"
  fi
  {
    echo
    echo "| documents | files | pages | seconds | documents/s | pages/s |"
    echo "|---|---:|---:|---:|---:|---:|"
    awk -v n="$N_DOCX" -v t="$T_DOCX" 'BEGIN { printf "| .docx (python3-docx) | %d | – | %.2f | %.1f | – |\n", n, t, n / t }'
    if [[ -n "$T_PDF" ]]; then
      awk -v n="$N_PDF" -v p="$PAGES" -v t="$T_PDF" \
        'BEGIN { printf "| PDF (reportlab) | %d | %d | %.2f | %.1f | %.1f |\n", n, p, t, n / t, p / t }'
    else
      echo "| PDF | $N_PDF | $PAGES | this build has no PDF support | – | – |"
    fi
  } | tee -a "$OUT/results.md"
else
  echo "== .docx and PDF: SKIPPED (python3-docx and python3-reportlab are not installed)" >&2
fi
echo "== written to $OUT/results.md" >&2
