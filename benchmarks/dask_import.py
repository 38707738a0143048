#!/usr/bin/env python3
"""Import throughput of samverkan.dask on 1 and 2 workers, the merge's share, and a model for N.

    .venv/bin/python benchmarks/dask_import.py [--files 20000] [--out build/bench/dask-minutes]
                                               [--partition-size 200] [--split-every 4]

Generates the archive with benchmarks/generate_minutes.py (--files documents,
reused when its manifest matches), then times, wall clock:

- the one-process import (samverkan.import_minutes), for reference;
- on a LocalCluster of 1 and then 2 worker processes (one thread each): the
  map (each partition imported on a worker, results kept on the cluster)
  and the tree of merges, separately, and the documents per second of both.

The model for N workers is stated, not measured: the map divides by N
(partitions are independent; its time on 1 worker over N), the merge tree
has ceil(log_split_every(partitions)) levels, and a level's merges run in
parallel but the last ones grow to the whole corpus, so the tree costs about
the 2-worker merge time scaled by how many of its levels still have at
least N merges. Printed as a table; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def generate(files: int, out: str, seed: int) -> None:
    manifest = os.path.join(out, "manifest.json")
    if os.path.exists(manifest):
        with open(manifest, encoding="utf-8") as f:
            m = json.load(f)
        if m.get("files_asked") == files and m.get("seed") == seed:
            return
    subprocess.run([sys.executable, os.path.join(HERE, "generate_minutes.py"), "--files", str(files),
                    "--seed", str(seed), "--out", out], check=True)


def run_cluster(workers: int, source: str, partition_size: int, split_every: int):
    from distributed import Client, LocalCluster, wait

    from samverkan import dask as svd

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        bag = svd.import_bag(source, partition_size=partition_size)
        t0 = time.perf_counter()
        parts = client.persist(bag)
        wait(parts)
        t_map = time.perf_counter() - t0
        t1 = time.perf_counter()
        total = client.compute(svd._reduction(parts, split_every)).result()
        t_merge = time.perf_counter() - t1
        return t_map, t_merge, total, bag.npartitions


def compare(one, many) -> str:
    """How far the partitioned import's corpus is from the one-process import's."""
    if one == many:
        return "same corpus as one process"
    out = []
    for kind in ("organisations", "people", "meetings", "action_items"):
        a = {r.id: r for r in getattr(one, kind)()}
        b = {r.id: r for r in getattr(many, kind)()}
        differ = len(set(a) ^ set(b)) + sum(1 for k in set(a) & set(b) if a[k] != b[k])
        out.append(f"{kind} {differ}/{len(a)}")
    return "differs: " + ", ".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="build/bench/dask-minutes")
    ap.add_argument("--partition-size", type=int, default=200)
    ap.add_argument("--split-every", type=int, default=4)
    ap.add_argument("--skip-one", action="store_true", help="leave out the one-process reference")
    args = ap.parse_args(argv)

    import samverkan as sv

    generate(args.files, args.out, args.seed)
    n = args.files
    rows = []
    if not args.skip_one:
        t0 = time.perf_counter()
        one = sv.import_minutes(args.out)
        t_one = time.perf_counter() - t0
        rows.append(("one process (import_minutes)", t_one, None, n / t_one))
    else:
        one = None
    measured = {}
    for workers in (1, 2):
        t_map, t_merge, total, parts = run_cluster(workers, args.out, args.partition_size, args.split_every)
        measured[workers] = (t_map, t_merge)
        rows.append((f"dask, {workers} worker(s), {parts} partitions", t_map + t_merge, t_merge / (t_map + t_merge),
                     n / (t_map + t_merge)))
        if one is not None:
            rows[-1] = rows[-1] + (compare(one.corpus, total.corpus),)
    print(f"{n} documents, {sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(args.out) for f in fs) / 1e6:.0f} MB")
    print("| run | seconds | merge share | documents/s | |")
    print("|---|---:|---:|---:|---|")
    for row in rows:
        share = "" if row[2] is None else f"{100 * row[2]:.0f} %"
        print(f"| {row[0]} | {row[1]:.1f} | {share} | {row[3]:.0f} | {row[4] if len(row) > 4 else ''} |")
    # The model (stated as such): map scales as 1/N; the merge tree's levels
    # run their merges in parallel up to N at a time.
    parts = math.ceil(n / args.partition_size)
    levels = max(1, math.ceil(math.log(parts, args.split_every)))
    map1, merge1 = measured[1]
    print()
    print(f"Model, not a measurement: map time {map1:.1f} s / N; merge tree of {levels} levels measured at "
          f"{merge1:.1f} s on 1 worker, level k (k = 0 at the leaves) holding {parts} / {args.split_every}^(k+1) "
          f"merges of size {args.split_every}^k partitions, run min(N, merges) at a time.")
    print("| N | map s | merge s | documents/s | merge share |")
    print("|---:|---:|---:|---:|---:|")
    # Each level costs about the same on one worker (the whole corpus passes
    # through it once); on N workers a level with m merges takes ceil(m/N)/m of that.
    per_level = merge1 / levels
    for workers in (1, 2, 4, 8, 16, 32, 64):
        merge_n = 0.0
        for k in range(levels):
            merges = max(1, math.ceil(parts / args.split_every ** (k + 1)))
            merge_n += per_level * math.ceil(merges / workers) / merges
        map_n = map1 / workers
        print(f"| {workers} | {map_n:.1f} | {merge_n:.1f} | {n / (map_n + merge_n):.0f} | "
              f"{100 * merge_n / (map_n + merge_n):.0f} % |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
