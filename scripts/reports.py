"""Builds a corpus from documents and executes the notebooks on it, to HTML.

    .venv/bin/python scripts/reports.py                 # the bundled sample documents
    .venv/bin/python scripts/reports.py FOLDER [...]    # your own minutes and protocols
    .venv/bin/python scripts/reports.py --out DIR --only a_en_grupps_ar

Without a folder the corpus is the sample corpus (data/sample/corpus.json:
an agreement, an action plan, indicators) with the sample minutes imported
into it and the sample indicator table read. With folders, the corpus holds
what those documents say, and nothing else. The corpus is saved as
DIR/corpus.svk; each notebook in notebooks/ runs with SAMVERKAN_CORPUS set to
it and becomes DIR/<notebook>.html. A notebook that fails stops the run with
its error (exit 1), naming the cell.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def mark_done(corpus, path: pathlib.Path) -> int:
    """Sets status done and the done date of each action item the CSV lists (action_item_id,
    done_on); an id the corpus does not hold is an error naming the file and line."""
    import csv
    import datetime

    import samverkan as sv

    count = 0
    with open(path, encoding="utf-8", newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            item = corpus.find_action_item(row["action_item_id"])
            if item is None:
                raise SystemExit(f"{path}:{line}: no action item {row['action_item_id']!r} in the corpus")
            item.status = sv.ActionStatus.done
            item.done_on = datetime.date.fromisoformat(row["done_on"])
            corpus.update(item)
            count += 1
    return count


def build_corpus(folders, out: pathlib.Path):
    import samverkan as sv

    if folders:
        corpus = sv.Corpus()
        for folder in folders:
            imported = sv.import_minutes(folder, corpus=corpus)
            print(f"  {folder}: {len(imported.results)} documents, {len(imported.warnings)} warnings")
    else:
        corpus = sv.Corpus.load(str(ROOT / "data/sample/corpus.json"))
        for folder in ("data/sample/minutes", "data/sample/ostergotland"):
            imported = sv.import_minutes(str(ROOT / folder), corpus=corpus)
            print(f"  {folder}: {len(imported.results)} documents, {len(imported.warnings)} warnings")
        report = sv.indicators.read_observations(str(ROOT / "data/sample/indicators/observations.csv"), corpus)
        print(f"  {report}")
        # Assignments the later minutes say were reported: a strategist marks them done, on the
        # day of the meeting that heard the report (data/sample/ostergotland/assignments_done.csv).
        marked = mark_done(corpus, ROOT / "data/sample/ostergotland/assignments_done.csv")
        print(f"  {marked} action items marked done")
    problems = corpus.validate()
    errors = [p for p in problems if str(p.severity) == "error"]
    print(f"  corpus: {corpus!r}; {len(problems)} problems ({len(errors)} errors)")
    out.mkdir(parents=True, exist_ok=True)
    path = out / "corpus.svk"
    corpus.save(str(path), force=True)
    return path


def run_notebooks(corpus_path: pathlib.Path, out: pathlib.Path, only, timeout: int) -> int:
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from nbconvert import HTMLExporter

    os.environ["SAMVERKAN_CORPUS"] = str(corpus_path)
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # the kernel's debugger notice is noise here
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    exporter = HTMLExporter()
    failed = 0
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    if only:
        notebooks = [n for n in notebooks if any(n.stem.startswith(o) for o in only)]
    for nb_path in notebooks:
        nb = nbformat.read(nb_path, as_version=4)
        started = time.monotonic()
        client = NotebookClient(nb, timeout=timeout, kernel_name=os.environ.get("SAMVERKAN_KERNEL", "samverkan"),
                                resources={"metadata": {"path": str(nb_path.parent)}})
        try:
            client.execute()
            status = "ok"
        except CellExecutionError as e:
            failed += 1
            status = f"FAILED\n{e}"
        html, _ = exporter.from_notebook_node(nb)
        target = out / f"{nb_path.stem}.html"
        target.write_text(html, encoding="utf-8")
        print(f"  {target}  ({time.monotonic() - started:.1f} s) {status}")
    return failed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", help="folders or files of minutes (default: the sample documents)")
    parser.add_argument("--out", default=str(ROOT / "build/reports"), help="where the corpus and HTML go")
    parser.add_argument("--only", action="append", help="run only notebooks whose name starts with this")
    parser.add_argument("--timeout", type=int, default=600, help="seconds a cell may take")
    args = parser.parse_args(argv)
    out = pathlib.Path(args.out).resolve()
    print("Building the corpus:")
    corpus_path = build_corpus([os.path.abspath(f) for f in args.folders], out)
    print("Executing the notebooks:")
    failed = run_notebooks(corpus_path, out, args.only, args.timeout)
    if failed:
        print(f"{failed} notebook(s) failed", file=sys.stderr)
        return 1
    print(f"Reports in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
