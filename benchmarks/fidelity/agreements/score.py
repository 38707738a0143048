#!/usr/bin/env python3
"""Agreement and action-plan fidelity: what `samverkan import` reads from the
agreements and plans in benchmarks/fidelity/agreements/documents/, against
the gold files in gold/ (format in GOLD.md).

    /usr/bin/python3 benchmarks/fidelity/agreements/score.py            # the table
    /usr/bin/python3 benchmarks/fidelity/agreements/score.py --show     # + missing and extra facts
    /usr/bin/python3 benchmarks/fidelity/agreements/score.py --check    # against baseline.json
    /usr/bin/python3 benchmarks/fidelity/agreements/score.py --record   # write baseline.json
    /usr/bin/python3 benchmarks/fidelity/agreements/score.py --held-out # only the h* documents

Shares the folding, matching, running and baseline code of the minutes
scorer (../score.py). Standard library only. Exit status as there: 0 scored,
1 --check found a drop or a new document, 2 usage or gold error.

Categories (a fact is a tuple; names fold as in ../score.py, organisations
match by name or any alias, dates are ISO strings, amounts öre):

  agreement            (field, value): title, case_number, validity_start,
                       validity_end, total.
  party                (name)
  party_role           (name, role), one per role.
  signatory            (name)
  signatory_detail     (name, field, value): title, organisation, place, date.
  share                (recipient, öre): the split of the total to whom, from
                       the agreement's extensions "source.split.N".
  block                (key, öre)
  condition            (kind, block, comparator, value, unit)
  condition_indicator  (value, indicator): the gold indicator is a phrase the
                       imported indicator's name must contain (folded).
  obligation           (deadline, to)
  payment              (öre, date, block)
  requisition          (deadline)
  amendment            (kind, date, new_end)
  amendment_reference  (kind, date, reference): the gold reference must be
                       contained in the imported one (folded, "§ 14" = "§14").
  plan                 (field, value): title, start, end, level.
  plan_extension       (new_end, decided_on)
  plan_extension_reference (new_end, reference), containment as above.
  plan_owner           (name)
  goal                 (number, title)
  goal_parent          (number, parent number)
  plan_indicator       (goal number, baseline, target); name containment is
                       not scored, the numbers and the goal are.
  activity             (key, title): key the number, else the folded title.
  activity_level       (key, level)
  activity_goal        (key, goal number)
  activity_responsible (key, organisation)
  funding              (öre, year, activity key, goal number)
  funding_budget       (öre, year, budget)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import score as base  # noqa: E402  the minutes scorer: fold, match, run_import, floor3

DEFAULT_DOCUMENTS = HERE / "documents"
DEFAULT_GOLD = HERE / "gold"
DEFAULT_BASELINE = HERE / "baseline.json"

CATEGORIES = [
    "agreement", "party", "party_role", "signatory", "signatory_detail", "share", "block", "condition",
    "condition_indicator", "obligation", "payment", "requisition", "amendment", "amendment_reference",
    "plan", "plan_extension", "plan_extension_reference", "plan_owner", "goal", "goal_parent", "plan_indicator",
    "activity", "activity_level", "activity_goal", "activity_responsible", "funding", "funding_budget",
]
CONTAINMENT = {"condition_indicator": 1, "amendment_reference": 2, "plan_extension_reference": 1}
fold = base.fold


def ref_fold(text) -> str:
    return fold(text).replace("§ ", "§")


def num(v):
    return None if v is None else round(float(v), 3)


def _empty():
    return {c: [] for c in CATEGORIES}


def gold_facts(gold: dict) -> dict:
    f = _empty()
    for a in gold.get("agreements", []):
        for k in ("title", "case_number"):
            if a.get(k):
                f["agreement"].append((k, fold(a[k])))
        v = a.get("validity") or {}
        if v.get("start"):
            f["agreement"].append(("validity_start", v["start"]))
        if v.get("end"):
            f["agreement"].append(("validity_end", v["end"]))
        if a.get("total") is not None:
            f["agreement"].append(("total", a["total"]))
        for p in a.get("parties", []):
            f["party"].append((fold(p["name"]),))
            for r in p.get("roles", []):
                f["party_role"].append((fold(p["name"]), r))
        for s in a.get("signatories", []):
            f["signatory"].append((fold(s["name"]),))
            for k in ("title", "organisation", "place", "date"):
                if s.get(k):
                    f["signatory_detail"].append((fold(s["name"]), k, s[k] if k == "date" else fold(s[k])))
        for s in a.get("recipients", []):
            f["share"].append((fold(s["to"]), s["amount"]))
        for b in a.get("blocks", []):
            f["block"].append((b["key"], b["amount"]))
        for c in a.get("conditions", []):
            f["condition"].append((c["kind"], c.get("block", ""), c["comparator"], num(c["value"]), c.get("unit", "")))
            if c.get("indicator"):
                f["condition_indicator"].append((num(c["value"]), fold(c["indicator"])))
        for o in a.get("obligations", []):
            f["obligation"].append((o["deadline"], fold(o.get("to", ""))))
        for p in a.get("payments", []):
            f["payment"].append((p["amount"], p.get("date", ""), p.get("block", "")))
        for r in a.get("requisitions", []):
            f["requisition"].append((r["deadline"],))
        for m in a.get("amendments", []):
            f["amendment"].append((m["kind"], m.get("date", ""), m.get("new_end", "")))
            if m.get("reference"):
                f["amendment_reference"].append((m["kind"], m.get("date", ""), ref_fold(m["reference"])))
    for p in gold.get("plans", []):
        f["plan"].append(("title", fold(p["title"])))
        per = p.get("period") or {}
        for k in ("start", "end"):
            if per.get(k):
                f["plan"].append((k, per[k]))
        if p.get("level"):
            f["plan"].append(("level", p["level"]))
        for e in p.get("extensions", []):
            f["plan_extension"].append((e["new_end"], e.get("decided_on", "")))
            if e.get("reference"):
                f["plan_extension_reference"].append((e["new_end"], ref_fold(e["reference"])))
        for o in p.get("owners", []):
            f["plan_owner"].append((fold(o),))
        for g in p.get("goals", []):
            f["goal"].append((g["number"], fold(g["title"])))
            if g.get("parent"):
                f["goal_parent"].append((g["number"], g["parent"]))
        for i in p.get("indicators", []):
            f["plan_indicator"].append((i.get("goal", ""), num(i.get("baseline")), num(i.get("target"))))
        for a in p.get("activities", []):
            key = a.get("number") or fold(a["title"])
            f["activity"].append((key, fold(a["title"])))
            if a.get("level"):
                f["activity_level"].append((key, a["level"]))
            for g in a.get("goals", []):
                f["activity_goal"].append((key, g))
            for r in a.get("responsible", []):
                f["activity_responsible"].append((key, fold(r)))
        for fl in p.get("funding", []):
            f["funding"].append((fl["amount"], fl.get("year"), fl.get("activity", ""), fl.get("goal", "")))
            if fl.get("budget"):
                f["funding_budget"].append((fl["amount"], fl.get("year"), fl["budget"]))
    return f


def imported_facts(corpus: dict | None) -> dict:
    f = _empty()
    if not corpus:
        return f
    orgs = {o["id"]: o for o in corpus.get("organisations", [])}
    inds = {i["id"]: i for i in corpus.get("indicators", [])}

    def org(oid):
        o = orgs.get(oid)
        if not o:
            return fold(oid or "")
        names = [o.get("name", "")] + list(o.get("aliases", []))
        names = [fold(n) for n in names if n]
        return base.Alt(names[0], names[1:]) if len(names) > 1 else names[0]

    for a in corpus.get("agreements", []):
        for k in ("title", "case_number"):
            if a.get(k):
                f["agreement"].append((k, fold(a[k])))
        v = a.get("validity") or {}
        if v.get("start"):
            f["agreement"].append(("validity_start", v["start"]))
        if v.get("end"):
            f["agreement"].append(("validity_end", v["end"]))
        if a.get("total"):
            f["agreement"].append(("total", a["total"]["ore"]))
        for p in a.get("parties", []):
            f["party"].append((org(p["organisation"]),))
            for r in p.get("roles", []):
                f["party_role"].append((org(p["organisation"]), r))
        for s in a.get("signatories", []):
            n = fold(s.get("name", ""))
            f["signatory"].append((n,))
            for k in ("title", "place", "date"):
                if s.get(k):
                    f["signatory_detail"].append((n, k, s[k] if k == "date" else fold(s[k])))
            if s.get("organisation"):
                f["signatory_detail"].append((n, "organisation", org(s["organisation"])))
        ext = a.get("extensions") or {}
        for k, v in sorted(ext.items()):
            if k.startswith("source.split.") and "\t" in v:
                to, ore = v.rsplit("\t", 1)
                f["share"].append((fold(to), int(ore)))
        for b in a.get("blocks", []):
            if (b.get("extensions") or {}).get("source.block"):
                continue  # a share made a block by the importer, not a block the text names
            f["block"].append((b["key"], b["amount"]["ore"]))
        for c in a.get("conditions", []):
            t = c.get("threshold")
            if not t:
                continue
            f["condition"].append((c.get("kind", "condition"), c.get("block", ""), t["comparator"], num(t["value"]),
                                   t.get("unit", "")))
            if c.get("indicator"):
                f["condition_indicator"].append((num(t["value"]), fold(inds.get(c["indicator"], {}).get("name", ""))))
        for o in a.get("obligations", []):
            to = org(o["to"]) if o.get("to") else fold((o.get("extensions") or {}).get("source.to", ""))
            f["obligation"].append((o.get("deadline", ""), to))
        for p in a.get("payments", []):
            f["payment"].append((p["amount"]["ore"], p.get("date", ""), p.get("block", "")))
        for r in a.get("requisition_rules", []):
            if r.get("deadline"):
                f["requisition"].append((r["deadline"],))
        for m in a.get("amendments", []):
            new_end = (m.get("new_validity") or {}).get("end", "")
            f["amendment"].append((m.get("kind", "amendment"), m.get("date", ""), new_end))
            if m.get("reference"):
                f["amendment_reference"].append((m.get("kind", "amendment"), m.get("date", ""), ref_fold(m["reference"])))
    for p in corpus.get("plans", []):
        f["plan"].append(("title", fold(p.get("title", ""))))
        per = p.get("period") or {}
        for k in ("start", "end"):
            if per.get(k):
                f["plan"].append((k, per[k]))
        if p.get("level"):
            f["plan"].append(("level", p["level"]))
        for e in p.get("period_extensions", []):
            f["plan_extension"].append((e["new_end"], e.get("decided_on", "")))
            if e.get("reference"):
                f["plan_extension_reference"].append((e["new_end"], ref_fold(e["reference"])))
        for o in p.get("owners", []):
            f["plan_owner"].append((org(o),))
        goals = {g["id"]: g for g in p.get("goals", [])}
        acts = {a["id"]: a for a in p.get("activities", [])}
        ext = p.get("extensions") or {}
        for g in p.get("goals", []):
            f["goal"].append((g.get("number", ""), fold(g.get("title", ""))))
            if g.get("parent") in goals:
                f["goal_parent"].append((g.get("number", ""), goals[g["parent"]].get("number", "")))
            for i in g.get("indicators", []):
                b = ext.get("source.baseline." + i)
                t = ext.get("source.target." + i)
                f["plan_indicator"].append((g.get("number", ""), num(b) if b else None, num(t) if t else None))

        def akey(a):
            return a.get("number") or fold(a.get("title", ""))

        for a in p.get("activities", []):
            k = akey(a)
            f["activity"].append((k, fold(a.get("title", ""))))
            if a.get("level") and not (a.get("extensions") or {}).get("source.level"):
                f["activity_level"].append((k, a["level"]))
            for g in a.get("goals", []):
                f["activity_goal"].append((k, goals.get(g, {}).get("number", g)))
            for r in a.get("responsible", []):
                f["activity_responsible"].append((k, org(r)))
        for fl in p.get("funding", []):
            ak = akey(acts[fl["activity"]]) if fl.get("activity") in acts else ""
            gk = goals[fl["goal"]].get("number", "") if fl.get("goal") in goals else ""
            f["funding"].append((fl["amount"]["ore"], fl.get("year"), ak, gk))
            f["funding_budget"].append((fl["amount"]["ore"], fl.get("year"), fl.get("budget", "committed")))
    return f


def match_containing(gold: list, imported: list, position: int) -> dict:
    """Like base.match, but the gold value at `position` need only be contained in the imported one."""
    remaining = list(gold)
    tp, extra = 0, []
    for f in imported:
        plain = base._plain(f)
        hit = None
        for k, g in enumerate(remaining):
            if all(g[i] == plain[i] for i in range(len(g)) if i != position) and g[position] and \
                    g[position] in plain[position]:
                hit = k
                break
        if hit is None:
            extra.append(plain)
        else:
            remaining.pop(hit)
            tp += 1
    return {"tp": tp, "gold": len(gold), "imported": len(imported), "missing": remaining, "extra": extra}


def score(gold: dict, corpus: dict | None) -> dict:
    g, i = gold_facts(gold), imported_facts(corpus)
    # The budget kind is scored only where the gold gives it.
    if not g["funding_budget"]:
        i["funding_budget"] = []
    cats = {}
    for c in CATEGORIES:
        if c in CONTAINMENT:
            r = match_containing(g[c], i[c], CONTAINMENT[c])
        else:
            r = base.match(g[c], i[c])
        r["recall"] = base._ratio(r["tp"], r["gold"])
        r["precision"] = base._ratio(r["tp"], r["imported"])
        cats[c] = r
    tp = sum(r["tp"] for r in cats.values())
    ng = sum(r["gold"] for r in cats.values())
    ni = sum(r["imported"] for r in cats.values())
    return {"tp": tp, "gold": ng, "imported": ni, "recall": 1.0 if ng == 0 else tp / ng,
            "precision": 1.0 if ni == 0 else tp / ni, "categories": cats}


def load_gold(path: Path) -> dict:
    try:
        g = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as e:
        raise base.ScoreError(f"{path}: cannot read gold: {e}") from None
    if not isinstance(g, dict) or g.get("format") != 1 or not ("agreements" in g or "plans" in g):
        raise base.ScoreError(f"{path}: expected format 1 with 'agreements' or 'plans'")
    return g


def evaluate(pairs, binary: Path) -> dict:
    golds = [(doc, load_gold(g)) for doc, g in pairs]
    docs = {}
    for doc, gold in golds:
        corpus, notes = base.run_import(binary, doc)
        s = score(gold, corpus)
        s["notes"] = notes
        docs[doc.name] = s
    totals = {}
    for c in CATEGORIES:
        tp = sum(d["categories"][c]["tp"] for d in docs.values())
        ng = sum(d["categories"][c]["gold"] for d in docs.values())
        ni = sum(d["categories"][c]["imported"] for d in docs.values())
        totals[c] = {"tp": tp, "gold": ng, "imported": ni, "recall": base._ratio(tp, ng),
                     "precision": base._ratio(tp, ni)}
    tp = sum(d["tp"] for d in docs.values())
    ng = sum(d["gold"] for d in docs.values())
    ni = sum(d["imported"] for d in docs.values())
    return {"categories": totals, "documents": docs,
            "all": {"tp": tp, "gold": ng, "imported": ni, "recall": base._ratio(tp, ng), "precision": base._ratio(tp, ni)}}


def format_table(fig: dict, show: bool) -> str:
    out = []
    w = max(len(c) for c in CATEGORIES)
    out.append(f"{'category':<{w}}  {'tp':>5} {'gold':>5} {'imported':>8}  {'recall':>6}  {'precision':>9}")
    for c, r in list(fig["categories"].items()) + [("all", fig["all"])]:
        if c == "all":
            out.append("-" * (w + 42))
        out.append(f"{c:<{w}}  {r['tp']:>5} {r['gold']:>5} {r['imported']:>8}  "
                   f"{base._fmt(r['recall']):>6}  {base._fmt(r['precision']):>9}")
    out.append("")
    dw = max([len(d) for d in fig["documents"]] + [8])
    for name, d in fig["documents"].items():
        out.append(f"{name:<{dw}}  {d['tp']:>5} {d['gold']:>5} {d['imported']:>8}  "
                   f"{base._fmt(d['recall']):>6}  {base._fmt(d['precision']):>9}")
        for n in d.get("notes", []):
            out.append(f"    note: {n}")
    if show:
        for name, d in fig["documents"].items():
            lines = [f"  missing {c} {base._fact_str(f)}" for c, r in d["categories"].items() for f in r["missing"]]
            lines += [f"  extra   {c} {base._fact_str(f)}" for c, r in d["categories"].items() for f in r["extra"]]
            if lines:
                out += ["", f"{name}:"] + lines
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Agreement and plan fidelity of `samverkan import`.")
    ap.add_argument("--bin", type=Path, default=base.DEFAULT_BIN)
    ap.add_argument("--documents", type=Path, default=DEFAULT_DOCUMENTS)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--doc", action="append", metavar="NAME", help="only documents with this name or prefix")
    ap.add_argument("--held-out", action="store_true", help="only the held-out documents (names starting 'h')")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--record", nargs="?", const=DEFAULT_BASELINE, type=Path, metavar="FILE")
    mode.add_argument("--check", nargs="?", const=DEFAULT_BASELINE, type=Path, metavar="FILE")
    args = ap.parse_args(argv)
    try:
        if not (args.bin.is_file() and args.bin.stat().st_mode & 0o111):
            raise base.ScoreError(f"{args.bin}: no samverkan binary there (build it, or pass --bin PATH)")
        only = args.doc or (["h"] if args.held_out else None)
        pairs, notes = base.list_documents(args.documents, args.gold, only)
        fig = evaluate(pairs, args.bin)
        if args.json:
            print(json.dumps({"all": fig["all"], "categories": fig["categories"],
                              "documents": {n: {k: v for k, v in d.items() if k != "categories"}
                                            for n, d in fig["documents"].items()}}, ensure_ascii=False, indent=2))
        else:
            print(f"Agreement and plan fidelity: {len(pairs)} documents with gold, importer {args.bin}")
            for n in notes:
                print(f"  note: {n}")
            print()
            print(format_table(fig, args.show))
        if args.record is not None:
            docs = base.read_baseline(args.record) if args.doc and args.record.is_file() else {}
            for name, d in fig["documents"].items():
                docs[name] = {"recall": base.floor3(d["recall"]), "precision": base.floor3(d["precision"])}
            args.record.write_text(json.dumps({
                "format": 1,
                "about": "Agreement and plan fidelity per document, written by "
                         "benchmarks/fidelity/agreements/score.py --record; figures rounded down to 3 decimals.",
                "documents": dict(sorted(docs.items()))}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            print(f"\nrecorded {len(fig['documents'])} documents in {args.record}")
            return 0
        if args.check is not None:
            ok, lines = base.check(fig, args.check)
            print()
            for line in lines:
                print(line)
            return 0 if ok else 1
        return 0
    except base.ScoreError as e:
        print(f"score.py: error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
