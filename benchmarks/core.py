#!/usr/bin/python3
"""The core benchmark: samverkan (Python and C++) beside the plain-Python way.

    python3 benchmarks/core.py [--meetings M] [--seed S] [--json] [--out DIR]
                               [--python PY] [--cpp BIN] [--sides peer,python,cpp]

Generates the workload W(M) (M meetings, 12 attendees and 10 agenda items
with one decision each per meeting, over a fixed pool of organisations and a
pool of people that grows with M) deterministically from the seed, and runs
each contender in a process of its own, one after the other:

- peer: what an analyst writes without samverkan: dataclasses, pickle
  protocol 5, json, pandas;
- python: the samverkan package (records built from Python, Corpus.save /
  load in every format, pickle, to_json / from_json, the frames, a grouped
  query); it also writes the workload as a binary archive for the C++ side;
- cpp: build/<...>/samverkan_core_bench on that archive: the library without
  Python (every format to and from memory and files, building by add(), a
  grouped query for a period).

Each child reports seconds per step, file sizes, the resident memory the
corpus adds and its own peak RSS (getrusage in the child). The parent prints
a table, or with --json one object {"workload", "samverkan", "peer",
"ratios"}; ratios are peer / samverkan, so above 1 means samverkan is
faster (or smaller). It is a measurement, not a test: nothing here asserts a
duration.
"""

import argparse
import datetime
import gc
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from generate_minutes import (BODY_KINDS, BODY_TOPICS, CITIES, COMMITTEES, FIRST,  # noqa: E402
                              ITEM_TOPICS, KINDS, LAST, OBJECTS, REGIONS, SENTENCES)

ATTENDEES = 12
ITEMS = 10
STATUSES = ["present"] * 9 + ["excused", "absent", "invited"]
FORMS = ["physical", "digital", "teams", "hybrid"]
PURPOSES = ["information", "dialog", "decision", "report"]
PARTIES = ["", "", "", "S", "M", "KD", "C", "L", "V", "MP", "SD"]
PERIOD = (datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))

# ---------------------------------------------------------------------------
# The workload, as plain tuples each side turns into its own records.
# ---------------------------------------------------------------------------


def organisations():
    """(id, name, kind) of every organisation: regions, municipalities and bodies."""
    out = []
    for region, _alias, municipalities, associations in REGIONS:
        out.append((len(out), region, "region"))
        for name in municipalities:
            out.append((len(out), name, "municipality"))
        for name in associations:
            out.append((len(out), name, "municipal_association"))
    for kind, _definite in BODY_KINDS:
        for topic in BODY_TOPICS:
            out.append((len(out), f"{kind} för {topic}", "collaboration_body"))
    for name in COMMITTEES:
        out.append((len(out), name, "committee"))
    return [(f"org/{i:03d}", name, kind) for i, name, kind in out]


def people(meetings, orgs):
    """(id, name, organisation id): a pool that grows with the workload."""
    rng = random.Random(7)
    count = 2000 + meetings // 20
    return [(f"person/{i:06d}", f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(orgs)[0])
            for i in range(count)]


def meetings(count, seed, orgs, persons):
    """Yields one meeting at a time, so no side holds the whole workload twice."""
    rng = random.Random(seed)
    bodies = [o for o in orgs if o[2] in ("collaboration_body", "committee")]
    first = datetime.date(2019, 1, 1).toordinal()
    span = datetime.date(2025, 12, 31).toordinal() - first
    for n in range(count):
        body = rng.choice(bodies)
        date = datetime.date.fromordinal(first + rng.randrange(span))
        mid = f"meeting/{n:07d}"
        attendance = []
        for p in rng.sample(persons, ATTENDEES):
            attendance.append((p[0], p[2], rng.choice(STATUSES),
                               "chair" if not attendance else "member", rng.choice(PARTIES)))
        items = []
        for i in range(ITEMS):
            topic = rng.choice(ITEM_TOPICS)
            kind = rng.choice(KINDS)
            text = f"{rng.choice(SENTENCES)} Gruppen {kind} {rng.choice(OBJECTS)}."
            items.append((str(i + 1), i + 1, topic, rng.choice(PURPOSES), rng.choice(persons)[0],
                          f"RS {date.year}-{rng.randrange(10000):05d}",
                          (f"decision/{n:07d}-{i + 1}", kind, text)))
        yield (mid, body[0], f"{body[1]} {date.isoformat()}", date, f"{9 + n % 4:02d}:00",
               f"{11 + n % 4:02d}:30", f"Regionens hus, {rng.choice(CITIES)}", rng.choice(FORMS),
               attendance, items)


# ---------------------------------------------------------------------------
# Measuring inside a child.
# ---------------------------------------------------------------------------


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def peak_rss_bytes():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


class Clock:
    def __init__(self):
        self.seconds = {}

    def time(self, name, fn, *args):
        gc.collect()
        t = time.perf_counter()
        result = fn(*args)
        self.seconds[name] = round(time.perf_counter() - t, 4)
        return result


def generate_only(m, seed):
    orgs = organisations()
    persons = people(m, orgs)
    n = 0
    for meeting in meetings(m, seed, orgs, persons):
        n += len(meeting[9])
    return n


# ---------------------------------------------------------------------------
# The plain-Python peer, written as a competent analyst would.
# ---------------------------------------------------------------------------


def run_peer(m, seed, work):
    import pickle
    from dataclasses import dataclass, field
    from typing import List, Optional

    import numpy as np
    import pandas as pd

    @dataclass(slots=True)
    class Organisation:
        id: str
        name: str
        kind: str

    @dataclass(slots=True)
    class Person:
        id: str
        name: str
        organisation: Optional[str]

    @dataclass(slots=True)
    class Attendance:
        person: str
        represents: Optional[str]
        status: str
        roles: List[str]
        party: str

    @dataclass(slots=True)
    class Decision:
        id: str
        kind: str
        text: str

    @dataclass(slots=True)
    class AgendaItem:
        number: str
        order: int
        title: str
        purposes: List[str]
        presenters: List[str]
        case_number: str
        decisions: List[Decision]

    @dataclass(slots=True)
    class Meeting:
        id: str
        body: str
        title: str
        date: Optional[datetime.date]
        start: str
        end: str
        place: str
        form: str
        attendance: List[Attendance]
        items: List[AgendaItem]

    @dataclass(slots=True)
    class Corpus:
        organisations: dict = field(default_factory=dict)
        people: dict = field(default_factory=dict)
        meetings: dict = field(default_factory=dict)

    globals().update(Organisation=Organisation, Person=Person, Attendance=Attendance, Decision=Decision,
                     AgendaItem=AgendaItem, Meeting=Meeting, Corpus=Corpus)
    for cls in (Organisation, Person, Attendance, Decision, AgendaItem, Meeting, Corpus):
        cls.__module__ = "__main__"
        cls.__qualname__ = cls.__name__

    def build():
        orgs = organisations()
        persons = people(m, orgs)
        c = Corpus()
        for i, name, kind in orgs:
            c.organisations[i] = Organisation(i, name, kind)
        for i, name, org in persons:
            c.people[i] = Person(i, name, org)
        for (mid, body, title, date, start, end, place, form, attendance, items) in meetings(m, seed, orgs, persons):
            c.meetings[mid] = Meeting(
                mid, body, title, date, start, end, place, form,
                [Attendance(p, rep, status, [role], party) for p, rep, status, role, party in attendance],
                [AgendaItem(number, order, t, [purpose], [presenter], case,
                            [Decision(did, kind, text)])
                 for number, order, t, purpose, presenter, case, (did, kind, text) in items])
        return c

    def to_plain(c):
        return {
            "organisations": [[o.id, o.name, o.kind] for o in c.organisations.values()],
            "people": [[p.id, p.name, p.organisation] for p in c.people.values()],
            "meetings": [{
                "id": x.id, "body": x.body, "title": x.title, "date": x.date.isoformat() if x.date else None,
                "start": x.start, "end": x.end, "place": x.place, "form": x.form,
                "attendance": [[a.person, a.represents, a.status, a.roles, a.party] for a in x.attendance],
                "items": [[i.number, i.order, i.title, i.purposes, i.presenters, i.case_number,
                           [[d.id, d.kind, d.text] for d in i.decisions]] for i in x.items],
            } for x in c.meetings.values()],
        }

    def from_plain(doc):
        c = Corpus()
        for i, name, kind in doc["organisations"]:
            c.organisations[i] = Organisation(i, name, kind)
        for i, name, org in doc["people"]:
            c.people[i] = Person(i, name, org)
        fromiso = datetime.date.fromisoformat
        for x in doc["meetings"]:
            c.meetings[x["id"]] = Meeting(
                x["id"], x["body"], x["title"], fromiso(x["date"]) if x["date"] else None, x["start"], x["end"],
                x["place"], x["form"], [Attendance(*a) for a in x["attendance"]],
                [AgendaItem(n, o, t, pu, pr, cn, [Decision(*d) for d in ds]) for n, o, t, pu, pr, cn, ds in x["items"]])
        return c

    def save_pickle(c, path):
        with open(path, "wb") as f:
            pickle.dump(c, f, protocol=5)

    def load_pickle(path):
        with open(path, "rb") as f:
            return pickle.load(f)

    def save_json(c, path):
        with open(path, "w", encoding="utf-8") as f:
            json.dump(to_plain(c), f, ensure_ascii=False)

    def load_json(path):
        with open(path, encoding="utf-8") as f:
            return from_plain(json.load(f))

    def decisions_frame(c):
        ids, mids, dates, numbers, kinds, texts, bodies = [], [], [], [], [], [], []
        for x in c.meetings.values():
            for i in x.items:
                for d in i.decisions:
                    ids.append(d.id)
                    mids.append(x.id)
                    dates.append(x.date)
                    numbers.append(i.number)
                    kinds.append(d.kind)
                    texts.append(d.text)
                    bodies.append(x.body)
        return pd.DataFrame({"decision_id": ids, "meeting_id": mids,
                             "date": pd.to_datetime(pd.Series(dates, dtype="object")),
                             "item_number": numbers, "kind": pd.Categorical(kinds), "text": texts,
                             "body_id": bodies})

    def frames(c):
        out = {"decisions": decisions_frame(c)}
        ms = list(c.meetings.values())
        out["meetings"] = pd.DataFrame({
            "meeting_id": [x.id for x in ms], "body_id": [x.body for x in ms],
            "body": pd.Categorical([c.organisations[x.body].name for x in ms]),
            "title": [x.title for x in ms], "date": pd.to_datetime(pd.Series([x.date for x in ms], dtype="object")),
            "start": [x.start for x in ms], "end": [x.end for x in ms], "place": [x.place for x in ms],
            "form": pd.Categorical([x.form for x in ms]),
            "attendees": np.array([len(x.attendance) for x in ms], dtype=np.int64),
            "agenda_items": np.array([len(x.items) for x in ms], dtype=np.int64)})
        rows = [(x.id, x.date, a.person, c.people[a.person].name, a.represents, a.status, "; ".join(a.roles), a.party)
                for x in ms for a in x.attendance]
        att = pd.DataFrame.from_records(rows, columns=["meeting_id", "date", "person_id", "person", "represents_id",
                                                       "status", "roles", "party"])
        att["date"] = pd.to_datetime(att["date"])
        for col in ("person", "status", "party"):
            att[col] = att[col].astype("category")
        out["attendance"] = att
        rows = [(x.id, x.date, i.number, i.order, i.title, "; ".join(i.purposes), "; ".join(i.presenters),
                 i.case_number, len(i.decisions)) for x in ms for i in x.items]
        items = pd.DataFrame.from_records(rows, columns=["meeting_id", "date", "number", "order", "title", "purposes",
                                                         "presenter_ids", "case_number", "decisions"])
        items["date"] = pd.to_datetime(items["date"])
        out["agenda_items"] = items
        out["people"] = pd.DataFrame.from_records([(p.id, p.name, p.organisation) for p in c.people.values()],
                                                  columns=["person_id", "name", "organisation_id"])
        out["organisations"] = pd.DataFrame.from_records(
            [(o.id, o.name, o.kind) for o in c.organisations.values()], columns=["organisation_id", "name", "kind"])
        return out

    def grouped(c):
        start, end = PERIOD
        counts = {}
        for x in c.meetings.values():
            if x.date is None or not (start <= x.date <= end):
                continue
            for a in x.attendance:
                org = a.represents or c.people[a.person].organisation
                if org is None:
                    continue
                per = counts.setdefault(org, {"present": 0, "absent": 0, "excused": 0, "invited": 0})
                per[a.status] += 1
        return counts

    clock = Clock()
    before = rss_bytes()
    c = clock.time("build", build)
    held = rss_bytes() - before
    pkl = os.path.join(work, "peer.pkl")
    js = os.path.join(work, "peer.json")
    clock.time("save_binary_file", save_pickle, c, pkl)
    clock.time("save_json_file", save_json, c, js)
    blob = clock.time("save_binary_memory", pickle.dumps, c, 5)
    text = clock.time("save_json_memory", lambda: json.dumps(to_plain(c), ensure_ascii=False))
    clock.time("load_binary_memory", pickle.loads, blob)
    clock.time("load_json_memory", lambda: from_plain(json.loads(text)))
    del blob, text
    del c
    c = clock.time("load_binary_file", load_pickle, pkl)
    clock.time("load_json_file", load_json, js)
    df = clock.time("decisions_frame", decisions_frame, c)
    rows = len(df)
    del df
    clock.time("to_frames", frames, c)
    clock.time("grouped_query", grouped, c)
    return {"seconds": clock.seconds, "decision_rows": rows,
            "bytes": {"binary_file": os.path.getsize(pkl), "json_file": os.path.getsize(js)},
            "held_bytes": held, "peak_rss_bytes": peak_rss_bytes()}


# ---------------------------------------------------------------------------
# samverkan from Python.
# ---------------------------------------------------------------------------


def run_python(m, seed, work):
    import pickle

    import pandas  # noqa: F401  imported before the clock runs, as the peer's is
    import samverkan as sv

    def build():
        orgs = organisations()
        persons = people(m, orgs)
        c = sv.Corpus()
        for i, name, kind in orgs:
            c.add(sv.Organisation(id=i, name=name, kind=kind))
        for i, name, org in persons:
            c.add(sv.Person(id=i, name=name, organisation=org))
        Meeting, Attendance, AgendaItem, Decision = sv.Meeting, sv.Attendance, sv.AgendaItem, sv.Decision
        TimeOfDay = sv.TimeOfDay
        for (mid, body, title, date, start, end, place, form, attendance, items) in meetings(m, seed, orgs, persons):
            c.add(Meeting(
                id=mid, body=body, title=title, date=date, start=TimeOfDay.parse(start), end=TimeOfDay.parse(end),
                place=place, form=form,
                attendance=[Attendance(person=p, represents=rep, status=status, roles=[role], party=party)
                            for p, rep, status, role, party in attendance],
                items=[AgendaItem(number=number, order=order, title=t, purposes=[purpose], presenters=[presenter],
                                  case_number=case, decisions=[Decision(id=did, kind=kind, text=text)])
                       for number, order, t, purpose, presenter, case, (did, kind, text) in items]))
        return c

    clock = Clock()
    before = rss_bytes()
    c = clock.time("build", build)
    held = rss_bytes() - before
    paths = {fmt: os.path.join(work, "samverkan" + ext)
             for fmt, ext in (("binary", ".svk"), ("text", ".svkt"), ("xml", ".svkx"), ("json", ".json"))}
    for fmt, path in paths.items():
        clock.time(f"save_{fmt}_file", c.save, path)
    blob = clock.time("save_binary_memory", pickle.dumps, c, 5)
    text = clock.time("save_json_memory", c.to_json, 0)
    clock.time("load_binary_memory", pickle.loads, blob)
    clock.time("load_json_memory", sv.Corpus.from_json, text)
    del blob, text
    del c
    for fmt, path in paths.items():
        loaded = clock.time(f"load_{fmt}_file", sv.Corpus.load, path)
        if fmt == "binary":
            c = loaded
        del loaded
    df = clock.time("decisions_frame", c.decisions_frame)
    rows = len(df)
    del df
    # Every table taken, as the peer builds every table (to_frames() alone builds nothing yet).
    clock.time("to_frames", lambda: dict(c.to_frames().items()))
    period = sv.Period(start=PERIOD[0], end=PERIOD[1])
    clock.time("grouped_query", sv.attendance_per_organisation, c, period)
    return {"seconds": clock.seconds, "decision_rows": rows,
            "bytes": {f"{fmt}_file": os.path.getsize(p) for fmt, p in paths.items()},
            "held_bytes": held, "peak_rss_bytes": peak_rss_bytes(), "archive": paths["binary"]}


# ---------------------------------------------------------------------------
# The parent: runs the children, prints the table.
# ---------------------------------------------------------------------------


def child(side, args, work):
    if side == "cpp":
        archive = os.path.join(work, "samverkan.svk")
        cmd = [args.cpp, archive, str(PERIOD[0]), str(PERIOD[1])]
    else:
        cmd = [args.python if side == "python" else "/usr/bin/python3", os.path.abspath(__file__),
               "--child", side, "--meetings", str(args.meetings), "--seed", str(args.seed), "--out", work]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"core benchmark: the {side} side failed (exit status {proc.returncode}): {' '.join(cmd)}")
    return json.loads(proc.stdout)


RATIOS = [
    # (name, peer key, samverkan side, samverkan key)
    ("build", "build", "python", "build"),
    ("save binary file (pickle / .svk)", "save_binary_file", "python", "save_binary_file"),
    ("load binary file (pickle / .svk)", "load_binary_file", "python", "load_binary_file"),
    ("save binary memory (pickle.dumps)", "save_binary_memory", "python", "save_binary_memory"),
    ("load binary memory (pickle.loads)", "load_binary_memory", "python", "load_binary_memory"),
    ("save JSON file", "save_json_file", "python", "save_json_file"),
    ("load JSON file", "load_json_file", "python", "load_json_file"),
    ("save JSON memory", "save_json_memory", "python", "save_json_memory"),
    ("load JSON memory", "load_json_memory", "python", "load_json_memory"),
    ("decisions -> DataFrame", "decisions_frame", "python", "decisions_frame"),
    ("to_frames()", "to_frames", "python", "to_frames"),
    ("grouped query for a period", "grouped_query", "python", "grouped_query"),
    ("load binary memory, C++", "load_binary_memory", "cpp", "load_binary_memory"),
    ("save binary memory, C++", "save_binary_memory", "cpp", "save_binary_memory"),
    ("grouped query, C++", "grouped_query", "cpp", "grouped_query"),
]


def ratios(result):
    peer = result["peer"]
    sam = result["samverkan"]
    out = {}
    if not peer:
        return out
    generate = result["workload"].get("generate_seconds", 0.0)
    for name, pkey, side, skey in RATIOS:
        p = peer["seconds"].get(pkey)
        s = sam.get(side, {}).get("seconds", {}).get(skey)
        if p is None or s is None:
            continue
        if pkey == "build":
            p, s = p - generate, s - generate
        out[name] = round(p / s, 2) if s > 0 and p > 0 else None
    if "python" in sam:
        out["file size (pickle / .svk)"] = round(peer["bytes"]["binary_file"] / sam["python"]["bytes"]["binary_file"], 2)
        out["peak RSS, Python side"] = round(peer["peak_rss_bytes"] / sam["python"]["peak_rss_bytes"], 2)
        out["corpus held in memory"] = round(peer["held_bytes"] / max(sam["python"]["held_bytes"], 1), 2)
    if "cpp" in sam:
        out["peak RSS, C++ side"] = round(peer["peak_rss_bytes"] / sam["cpp"]["peak_rss_bytes"], 2)
    return out


def table(result):
    lines = []
    w = result["workload"]
    lines.append(f"W({w['meetings']}): {w['meetings']} meetings, {w['attendance_rows']} attendance rows, "
                 f"{w['decisions']} decisions, {w['people']} people, {w['organisations']} organisations; "
                 f"seed {w['seed']}; load average {w['load_average']}")
    lines.append(f"generating the workload alone: {w['generate_seconds']:.2f} s (subtracted from build in the ratio)")
    peer = result["peer"]
    sam = result["samverkan"]
    keys = []
    for side in [peer] + [sam.get(s, {}) for s in ("python", "cpp")]:
        for k in side.get("seconds", {}):
            if k not in keys:
                keys.append(k)
    fmt = "| {:<22} | {:>10} | {:>10} | {:>10} |"
    lines.append(fmt.format("seconds", "peer", "samverkan", "C++ core"))
    lines.append(fmt.format("-" * 22, "-" * 10, "-" * 10, "-" * 10))
    cell = lambda side, k: f"{side['seconds'][k]:.3f}" if side and k in side.get("seconds", {}) else "-"
    for k in keys:
        lines.append(fmt.format(k, cell(peer, k), cell(sam.get("python"), k), cell(sam.get("cpp"), k)))
    mb = lambda v: f"{v / 1e6:.1f}"
    for key in ("binary_file", "text_file", "xml_file", "json_file"):
        vals = [side.get("bytes", {}).get(key) for side in (peer, sam.get("python", {}), sam.get("cpp", {}))]
        if any(vals):
            lines.append(fmt.format(f"MB {key}", *[mb(v) if v else "-" for v in vals]))
    for key in ("held_bytes", "peak_rss_bytes"):
        vals = [side.get(key) for side in (peer, sam.get("python", {}), sam.get("cpp", {}))]
        lines.append(fmt.format(f"MB {key}", *[mb(v) if v else "-" for v in vals]))
    lines.append("")
    lines.append("ratios (peer / samverkan; above 1: samverkan faster or smaller):")
    for name, value in result["ratios"].items():
        lines.append(f"  {name:<38} {value}")
    return "\n".join(lines)


def default_cpp():
    for build in ("build/release", "build/bench"):
        path = os.path.join(ROOT, build, "samverkan_core_bench")
        if os.access(path, os.X_OK):
            return path
    return os.path.join(ROOT, "build/release/samverkan_core_bench")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--meetings", type=int, default=10000, help="M, the number of meetings (default 10000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    ap.add_argument("--out", help="folder for the files written (default: a temporary one, removed after)")
    ap.add_argument("--python", default=os.path.join(ROOT, ".venv/bin/python"),
                    help="the Python that has samverkan installed (default .venv/bin/python)")
    ap.add_argument("--cpp", default=None, help="the C++ side (default build/release/samverkan_core_bench)")
    ap.add_argument("--sides", default="peer,python,cpp", help="which sides to run, comma-separated")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.meetings < 1:
        ap.error("--meetings must be at least 1")

    if args.child:
        run = {"peer": run_peer, "python": run_python}[args.child]
        json.dump(run(args.meetings, args.seed, args.out), sys.stdout)
        return 0

    args.cpp = args.cpp or default_cpp()
    sides = [s.strip() for s in args.sides.split(",") if s.strip()]
    unknown = set(sides) - {"peer", "python", "cpp"}
    if unknown:
        ap.error(f"unknown side(s): {', '.join(sorted(unknown))}")
    if "cpp" in sides and "python" not in sides:
        ap.error("the cpp side reads the archive the python side writes: run both")

    with tempfile.TemporaryDirectory(prefix="svk-core-") as tmp:
        work = args.out or tmp
        os.makedirs(work, exist_ok=True)
        t = time.perf_counter()
        decisions = generate_only(args.meetings, args.seed)
        generate = time.perf_counter() - t
        orgs = organisations()
        result = {
            "workload": {"meetings": args.meetings, "seed": args.seed, "attendance_rows": args.meetings * ATTENDEES,
                         "decisions": decisions, "people": len(people(args.meetings, orgs)),
                         "organisations": len(orgs), "generate_seconds": round(generate, 4),
                         "load_average": [round(x, 2) for x in os.getloadavg()],
                         "cpus": os.cpu_count()},
            "samverkan": {}, "peer": {},
        }
        if "peer" in sides:
            result["peer"] = child("peer", args, work)
        for side in ("python", "cpp"):
            if side in sides:
                result["samverkan"][side] = child(side, args, work)
        result["workload"]["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
        result["ratios"] = ratios(result)
    if args.json:
        json.dump(result, sys.stdout, indent=1)
        print()
    else:
        print(table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
