#!/usr/bin/env python3
"""Import fidelity: what `samverkan import` reads from the labelled documents.

For each document in benchmarks/fidelity/documents/ that has a gold file
(benchmarks/fidelity/gold/<document>.json, format in GOLD.md), runs

    <bin> import <document> --json

and compares the corpus JSON it prints with the gold: both are mapped to
multisets of fact tuples per category, and each category and each document
gets recall (gold facts found / gold facts) and precision (imported facts
that are gold / imported facts).

    /usr/bin/python3 benchmarks/fidelity/score.py                 # the table
    /usr/bin/python3 benchmarks/fidelity/score.py --show          # + what was missed or extra
    /usr/bin/python3 benchmarks/fidelity/score.py --check         # against baseline.json
    /usr/bin/python3 benchmarks/fidelity/score.py --record        # write baseline.json

Standard library only. Exit status: 0 scored (and, with --check, nothing
dropped), 1 --check found a drop or a document missing from the baseline,
2 usage error, missing binary, unreadable or invalid gold file.

Categories and where the imported JSON is looked at (a fact the model does
not hold yet is still counted from gold, so recall shows it missing; the
places below are where the model plausibly will put it):

  meeting              (field, value) for record_kind, body, date, start, end,
                       place, form, case_number. body: the organisation's
                       name or one of its aliases; case_number: the meeting's
                       "case_number" or its extension "source.case_number";
                       form "unknown" is no fact.
  record               ("writer", name), ("adjuster", name), ("adjusted_on",
                       date), ("next_meeting", date). Writer and adjusters:
                       the meeting's "writer" / "adjusters" (or extensions
                       "source.writer" / "source.adjusters", "; "-separated)
                       when present, else the attendees with the role
                       record_writer / adjuster.
  attendee             (name)
  attendee_status      (name, status); an attendance without status is present.
  attendee_organisation (name, organisation): the attendance's "represents",
                       matched by the organisation's name or any alias.
  attendee_role        (name, role), one per role; the role "member" is not
                       counted (gold gives ordinary members no role).
  attendee_coopted     (name, item number) from "coopted_for_items".
  attendee_substitute  (name, the member stood in for) from "substitute_for".
  attendee_party       (name, party): the attendance's "party", its
                       extensions "party" / "source.party", else the
                       person's "party" or the person's extensions; a party
                       given as an organisation id is matched by name/alias.
                       An attendance that "represents" an organisation of
                       kind "party" / "political_party" gives its party
                       fact there (and no attendee_organisation fact).
  attendee_title       (name, title): the attendance's "title", its
                       extensions "title" / "source.title", else the person's
                       "title".
  item                 (item key)
  item_title           (item key, title)
  item_case_number     (item key, case number)
  decision             (item key, kind), a multiset: two decisions of one kind
                       at one item are two facts. Every decision the item
                       holds counts, also one the importer marks as a proposal.
  procedural           (item key, kind) of decisions marked procedural: the
                       decision's "procedural" (true) or its extensions
                       "procedural" / "source.procedural" ("true" or "1").
  amount               (item key, öre, approximate), a multiset, from the
                       item's "amounts".
  action_item          (item key, owner), a multiset, from the corpus's
                       "action_items" of the meeting: item from "item_order"
                       (the item's order), else "item_number" (the item's
                       number, or in older files its title when it has none);
                       owner: the owner person's name (a gold owner written
                       as the first name alone also matches), else the owner
                       organisation's name or alias.
  action_due           (item key, owner, due) for action items with a due date.
  escalation           (item key, to), a multiset, from the item's
                       "escalations" (to: organisation name or alias; "" when
                       the escalation names no body).
  reservation          (item key, by), from each decision's "reservations"
                       (the person's name), or the item's "reservations".
  vote                 (item key, yes, no, abstain), a multiset, from each
                       decision's "votes", or the item's "votes".

Matching: names, titles, bodies, places, organisations, case numbers and
owners are compared folded: Unicode NFC and casefold, runs of whitespace
collapsed, punctuation at either end stripped, a trailing parenthesis
("(S)", "(ordförande)") stripped. Diacritics are kept. The item key is the
number normalised (blank after "§" removed, lowercase, trailing "." or ")"
stripped) when the number is non-empty, else the folded title. Attendee facts
are keyed by the folded name; imported people's names come from the people
table by id. Dates are ISO strings, times HH:MM.

Recall of a document with no gold facts, and precision of a document with no
imported facts, are 1.0 (nothing to find, nothing wrong claimed); in the
per-category figures they are shown as "-" (null in JSON).
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DEFAULT_BIN = ROOT / "build" / "release" / "samverkan"
DEFAULT_DOCUMENTS = HERE / "documents"
DEFAULT_GOLD = HERE / "gold"
DEFAULT_FORMS = HERE / "forms"
DEFAULT_BASELINE = HERE / "baseline.json"
TOLERANCE = 0.0005
IMPORT_TIMEOUT = 300  # seconds per document

CATEGORIES = [
    "meeting",
    "record",
    "attendee",
    "attendee_status",
    "attendee_organisation",
    "attendee_role",
    "attendee_coopted",
    "attendee_substitute",
    "attendee_party",
    "attendee_title",
    "item",
    "item_title",
    "item_case_number",
    "decision",
    "procedural",
    "amount",
    "action_item",
    "action_due",
    "escalation",
    "reservation",
    "vote",
]
# Categories whose facts are counted once however often they occur; the others
# are multisets.
SET_CATEGORIES = {
    "meeting",
    "record",
    "attendee",
    "attendee_status",
    "attendee_organisation",
    "attendee_role",
    "attendee_coopted",
    "attendee_substitute",
    "attendee_party",
    "attendee_title",
    "item",
    "item_title",
    "item_case_number",
    "reservation",
}

RECORD_KINDS = ("minutes", "protocol", "protocol_extract")
FORMS = ("physical", "digital", "teams", "hybrid")
STATUSES = ("present", "absent", "excused", "invited")
ROLES = ("chair", "vice_chair", "secretary", "adjuster", "record_writer", "coopted", "guest")
# Organisation kinds that are political parties, should the model get one.
PARTY_KINDS = ("party", "political_party")
DECISION_KINDS = (
    "noted", "endorsed", "decided", "approved", "adopted", "assigned", "rejected", "postponed", "escalated",
)


class ScoreError(Exception):
    """A setup or input error: the message names the file and, for gold, the key."""


# ---------------------------------------------------------------- folding

_TRAILING_PAREN = re.compile(r"\s*\([^()]*\)$")


def _is_punct(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] in "PS"


def fold(text) -> str:
    """Casefolded, whitespace collapsed, end punctuation and a trailing parenthesis stripped."""
    if text is None:
        return ""
    s = " ".join(unicodedata.normalize("NFC", str(text)).casefold().split())
    while True:
        before = s
        stripped = _TRAILING_PAREN.sub("", s)
        if stripped.strip():  # never strip a value that is only a parenthesis
            s = stripped
        # Ends, keeping a closing parenthesis so that the one above can go next round.
        i, j = 0, len(s)
        while i < j and _is_punct(s[i]) and s[i] != "(":
            i += 1
        while j > i and _is_punct(s[j - 1]) and s[j - 1] != ")":
            j -= 1
        s = s[i:j]
        if s == before:
            break
    # Whatever stray brackets are left at the ends.
    i, j = 0, len(s)
    while i < j and _is_punct(s[i]):
        i += 1
    while j > i and _is_punct(s[j - 1]):
        j -= 1
    return s[i:j]


def number_key(number) -> str:
    """An item number normalised: '§ 12' -> '§12', '4.' -> '4', '5A)' -> '5a',
    '4 a' -> '4a' (the letter written apart is the same number)."""
    s = " ".join(unicodedata.normalize("NFC", str(number)).split()).casefold()
    s = re.sub(r"§\s+", "§", s)
    s = s.rstrip(".)").strip()
    return re.sub(r"^(§?\d+)\s+([a-z])$", r"\1\2", s)


def joint_owners(owner: str) -> list:
    """The owners of an action item, folded: one per person when the gold
    names several people together ("Stina Ek och Åsa Jonsson"), since the
    model keeps one owner per action item and an assignment to several
    people is one action item each. A name with a part in lower case
    ("Hälso- och sjukvårdsförvaltningen") is one owner."""
    parts = [p.strip() for p in re.split(r",| och | & ", owner)]
    def person(p):
        ws = p.split()
        return 2 <= len(ws) <= 4 and all(w[:1].isupper() for w in ws)
    if len(parts) > 1 and all(person(p) for p in parts):
        return [fold(p) for p in parts]
    return [fold(owner)]


def item_key(number, title) -> str:
    if number is not None and str(number).strip():
        return number_key(number)
    return fold(title)


class Alt:
    """An imported value that matches any of several folded forms (an
    organisation's name and aliases); `primary` is how it is shown."""

    __slots__ = ("primary", "options")

    def __init__(self, primary: str, options=()):
        self.primary = primary
        self.options = (primary,) + tuple(o for o in dict.fromkeys(options) if o and o != primary)

    def __eq__(self, other):
        return isinstance(other, Alt) and (self.primary, self.options) == (other.primary, other.options)

    def __hash__(self):
        return hash((self.primary, self.options))

    def __repr__(self):
        return self.primary


def _plain(fact: tuple) -> tuple:
    return tuple(c.primary if isinstance(c, Alt) else c for c in fact)


def _expansions(fact: tuple):
    choices = [c.options if isinstance(c, Alt) else (c,) for c in fact]
    return itertools.product(*choices)


# ---------------------------------------------------------------- gold

_DATE = re.compile(r"^-?\d{4,}-\d{2}-\d{2}$")
_TIME = re.compile(r"^\d{2}:\d{2}$")


GOLD_SPEC = {
    "format": "format",
    "document": str,
    "layout": str,
    "meeting": {
        "record_kind": RECORD_KINDS,
        "body": str,
        "date": "date",
        "start": "time",
        "end": "time",
        "place": str,
        "form": FORMS,
        "case_number": str,
        "writer": str,
        "adjusters": [str],
        "adjusted_on": "date",
        "next_meeting": "date",
    },
    "attendees": [{
        "name": str,
        "status": STATUSES,
        "organisation": str,
        "title": str,
        "roles": [ROLES],
        "coopted_for": [str],
        "substitute_for": str,
        "party": str,
    }],
    "items": [{
        "number": str,
        "title": str,
        "case_number": str,
        "decisions": [{"kind": DECISION_KINDS, "procedural": bool}],
        "amounts": [{"ore": int, "approximate": bool}],
        "action_items": [{"owner": str, "due": "date"}],
        "escalations": [{"to": str}],
        "reservations": [{"by": str}],
        "votes": [{"yes": "count", "no": "count", "abstain": "count"}],
    }],
}
GOLD_REQUIRED = {
    "": ("format",),
    "attendees": ("name",),
    "items": ("number",),
    "items.decisions": ("kind",),
    "items.amounts": ("ore",),
    "items.action_items": ("owner",),
    "items.reservations": ("by",),
}


def _validate(value, spec, path: str, shape: str, file: str):
    def fail(msg):
        raise ScoreError(f"{file}: {path or 'the file'}: {msg}")

    if isinstance(spec, dict):
        if not isinstance(value, dict):
            fail("expected an object")
        for k, v in value.items():
            where = f"{path}.{k}" if path else k
            if k not in spec:
                raise ScoreError(f"{file}: {where}: unknown key \"{k}\" (known here: {', '.join(spec)})")
            _validate(v, spec[k], where, f"{shape}.{k}" if shape else k, file)
        for k in GOLD_REQUIRED.get(shape, ()):
            if k not in value:
                fail(f"the key \"{k}\" is required")
    elif isinstance(spec, list):
        if not isinstance(value, list):
            fail("expected a list")
        for n, v in enumerate(value):
            _validate(v, spec[0], f"{path}[{n}]", shape, file)
    elif isinstance(spec, tuple):
        if not isinstance(value, str) or value not in spec:
            fail(f"unknown value {json.dumps(value, ensure_ascii=False)} (expected one of: {', '.join(spec)})")
    elif spec is str:
        if not isinstance(value, str):
            fail("expected a string")
    elif spec is bool:
        if not isinstance(value, bool):
            fail("expected true or false")
    elif spec is int:
        if not isinstance(value, int) or isinstance(value, bool):
            fail("expected an integer")
    elif spec == "count":
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            fail("expected a whole number >= 0")
    elif spec == "date":
        if not isinstance(value, str) or not _DATE.match(value):
            fail(f"expected a date YYYY-MM-DD, not {json.dumps(value, ensure_ascii=False)}")
    elif spec == "time":
        if not isinstance(value, str) or not _TIME.match(value):
            fail(f"expected a time HH:MM, not {json.dumps(value, ensure_ascii=False)}")
    elif spec == "format":
        if value != 1:
            fail(f"format {json.dumps(value)} is not known (this scorer reads format 1)")
    else:  # pragma: no cover - a mistake in GOLD_SPEC
        raise AssertionError(spec)


def validate_gold(gold, file: str = "gold") -> dict:
    """Checks a gold object against GOLD.md (format 1); raises ScoreError naming file and key."""
    _validate(gold, GOLD_SPEC, "", "", file)
    return gold


def load_gold(path: Path) -> dict:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise ScoreError(f"{path}: not UTF-8: {e}") from None
    try:
        gold = json.loads(text)
    except json.JSONDecodeError as e:
        raise ScoreError(f"{path}: not JSON: {e}") from None
    validate_gold(gold, str(path))
    expected = Path(path).name[: -len(".json")] if Path(path).name.endswith(".json") else None
    if expected and "document" in gold and gold["document"] != expected:
        raise ScoreError(f"{path}: document: \"{gold['document']}\" but the file is the gold of \"{expected}\"")
    return gold


def _empty():
    return {c: [] for c in CATEGORIES}


def gold_facts(gold: dict) -> dict:
    """Gold -> {category: [fact tuple, ...]} (the gold is assumed valid)."""
    F = _empty()
    m = gold.get("meeting", {})
    for k in ("record_kind", "form", "date", "start", "end"):
        if k in m:
            F["meeting"].append((k, m[k]))
    for k in ("body", "place", "case_number"):
        if k in m:
            F["meeting"].append((k, fold(m[k])))
    if "writer" in m:
        F["record"].append(("writer", fold(m["writer"])))
    for a in m.get("adjusters", []):
        F["record"].append(("adjuster", fold(a)))
    for k in ("adjusted_on", "next_meeting"):
        if k in m:
            F["record"].append((k, m[k]))

    for a in gold.get("attendees", []):
        n = fold(a["name"])
        F["attendee"].append((n,))
        F["attendee_status"].append((n, a.get("status", "present")))
        if "organisation" in a:
            F["attendee_organisation"].append((n, fold(a["organisation"])))
        for r in a.get("roles", []):
            F["attendee_role"].append((n, r))
        for i in a.get("coopted_for", []):
            F["attendee_coopted"].append((n, number_key(i)))
        if "substitute_for" in a:
            F["attendee_substitute"].append((n, fold(a["substitute_for"])))
        if "party" in a:
            F["attendee_party"].append((n, fold(a["party"])))
        if "title" in a:
            F["attendee_title"].append((n, fold(a["title"])))

    for it in gold.get("items", []):
        key = item_key(it.get("number", ""), it.get("title", ""))
        F["item"].append((key,))
        if it.get("title", "").strip():
            F["item_title"].append((key, fold(it["title"])))
        if "case_number" in it:
            F["item_case_number"].append((key, fold(it["case_number"])))
        for d in it.get("decisions", []):
            F["decision"].append((key, d["kind"]))
            if d.get("procedural"):
                F["procedural"].append((key, d["kind"]))
        for a in it.get("amounts", []):
            F["amount"].append((key, a["ore"], bool(a.get("approximate", False))))
        for a in it.get("action_items", []):
            for owner in joint_owners(a["owner"]):
                F["action_item"].append((key, owner))
                if "due" in a:
                    F["action_due"].append((key, owner, a["due"]))
        for e in it.get("escalations", []):
            F["escalation"].append((key, fold(e.get("to", ""))))
        for r in it.get("reservations", []):
            F["reservation"].append((key, fold(r["by"])))
        for v in it.get("votes", []):
            F["vote"].append((key, v.get("yes", 0), v.get("no", 0), v.get("abstain", 0)))
    return F


# ---------------------------------------------------------------- imported

def _truthy(v) -> bool:
    if isinstance(v, bool):
        return v
    if isinstance(v, str):
        return v.strip().casefold() in ("true", "1", "yes", "ja")
    return bool(v)


def _count(v) -> int:
    try:
        return int(v)
    except (TypeError, ValueError):
        return 0


def imported_facts(corpus: dict | None, document: str | None = None) -> dict:
    """Corpus JSON (as `samverkan import FILE --json` prints it) -> {category: [fact, ...]}.

    With `document`, only meetings whose "source.document" extension (or
    provenance) names it are read, when any meeting names a document at all.
    """
    F = _empty()
    if not isinstance(corpus, dict):
        return F
    orgs = {o.get("id"): o for o in corpus.get("organisations") or [] if isinstance(o, dict)}
    people = {p.get("id"): p for p in corpus.get("people") or [] if isinstance(p, dict)}

    def org(oid):
        o = orgs.get(oid)
        if o is None:
            return fold(oid)
        return Alt(fold(o.get("name", oid)), [fold(a) for a in o.get("aliases") or []])

    def person_name(pid):
        p = people.get(pid)
        return p.get("name", pid) if p else (pid or "")

    def name_or_id(v):
        return person_name(v) if v in people else v

    def ext(rec):
        e = rec.get("extensions")
        return e if isinstance(e, dict) else {}

    meetings = [m for m in corpus.get("meetings") or [] if isinstance(m, dict)]
    if document is not None:
        def doc_of(m):
            return ext(m).get("source.document") or (m.get("provenance") or {}).get("document")
        if any(doc_of(m) for m in meetings):
            meetings = [m for m in meetings if doc_of(m) == document]
    meeting_ids = {m.get("id") for m in meetings}

    for m in meetings:
        mx = ext(m)
        for k in ("record_kind", "date", "start", "end"):
            if m.get(k):
                F["meeting"].append((k, m[k]))
        if m.get("form") and m["form"] != "unknown":
            F["meeting"].append(("form", m["form"]))
        if m.get("body"):
            F["meeting"].append(("body", org(m["body"])))
        if m.get("place"):
            F["meeting"].append(("place", fold(m["place"])))
        case = m.get("case_number") or mx.get("source.case_number")
        if case:
            F["meeting"].append(("case_number", fold(case)))

        attendance = [a for a in m.get("attendance") or [] if isinstance(a, dict)]
        # The closing block: writer and adjusters.
        writers = m.get("writer") or mx.get("source.writer")
        if isinstance(writers, str):
            writers = [w for w in writers.split("; ") if w.strip()]
        if not writers:
            writers = [person_name(a.get("person")) for a in attendance if "record_writer" in (a.get("roles") or [])]
        for w in writers:
            F["record"].append(("writer", fold(name_or_id(w))))
        adjusters = m.get("adjusters") or mx.get("source.adjusters")
        if isinstance(adjusters, str):
            adjusters = [w for w in adjusters.split("; ") if w.strip()]
        if not adjusters:
            adjusters = [person_name(a.get("person")) for a in attendance if "adjuster" in (a.get("roles") or [])]
        for w in adjusters:
            F["record"].append(("adjuster", fold(name_or_id(w))))
        for k in ("adjusted_on", "next_meeting"):
            if m.get(k):
                F["record"].append((k, m[k]))

        for a in attendance:
            ax = ext(a)
            p = people.get(a.get("person")) or {}
            px = ext(p)
            n = fold(person_name(a.get("person")))
            F["attendee"].append((n,))
            F["attendee_status"].append((n, a.get("status") or "present"))
            party = (a.get("party") or ax.get("party") or ax.get("source.party")
                     or p.get("party") or px.get("party") or px.get("source.party"))
            rep = a.get("represents")
            if rep and (orgs.get(rep) or {}).get("kind") in PARTY_KINDS:
                party = party or rep  # a political party as the organisation represented
            elif rep:
                F["attendee_organisation"].append((n, org(rep)))
            for r in a.get("roles") or []:
                if r != "member":
                    F["attendee_role"].append((n, r))
            for i in a.get("coopted_for_items") or []:
                F["attendee_coopted"].append((n, number_key(i)))
            if a.get("substitute_for"):
                F["attendee_substitute"].append((n, fold(person_name(a["substitute_for"]))))
            if party:
                F["attendee_party"].append((n, org(party) if party in orgs else fold(party)))
            title = a.get("title") or ax.get("title") or ax.get("source.title") or p.get("title")
            if title:
                F["attendee_title"].append((n, fold(title)))

        items = [it for it in m.get("items") or [] if isinstance(it, dict)]
        for it in items:
            key = item_key(it.get("number", ""), it.get("title", ""))
            F["item"].append((key,))
            if (it.get("title") or "").strip():
                F["item_title"].append((key, fold(it["title"])))
            if it.get("case_number"):
                F["item_case_number"].append((key, fold(it["case_number"])))
            decisions = [d for d in it.get("decisions") or [] if isinstance(d, dict)]
            for d in decisions:
                kind = d.get("kind") or "decided"
                F["decision"].append((key, kind))
                dx = ext(d)
                if any(_truthy(v) for v in (d.get("procedural"), dx.get("procedural"), dx.get("source.procedural"))):
                    F["procedural"].append((key, kind))
            reservations = [r for d in decisions for r in d.get("reservations") or []]
            reservations += it.get("reservations") or []
            for r in reservations:
                if isinstance(r, dict):
                    who = person_name(r["person"]) if r.get("person") else r.get("by", "")
                else:
                    who = name_or_id(r)
                F["reservation"].append((key, fold(who)))
            votes = [v for d in decisions for v in d.get("votes") or []] + list(it.get("votes") or [])
            for v in votes:
                if isinstance(v, dict):
                    F["vote"].append((key, _count(v.get("yes")), _count(v.get("no")), _count(v.get("abstain"))))
            for a in it.get("amounts") or []:
                if isinstance(a, dict) and "ore" in a:
                    F["amount"].append((key, _count(a["ore"]), _truthy(a.get("approximate", False))))
            for e in it.get("escalations") or []:
                if isinstance(e, dict):
                    F["escalation"].append((key, org(e["to"]) if e.get("to") else ""))

        # Action items of this meeting.
        by_number = {it.get("number"): it for it in items if it.get("number")}
        by_title = {it.get("title"): it for it in items if not it.get("number")}
        by_order = {it.get("order"): it for it in items if it.get("order")}
        for a in corpus.get("action_items") or []:
            if not isinstance(a, dict) or (a.get("meeting") and a["meeting"] != m.get("id")):
                continue
            if not a.get("meeting") and len(meeting_ids) > 1:
                continue  # cannot tell which meeting it belongs to
            num = a.get("item_number", "")
            # item_order (schema 2 of ActionItem) finds unnumbered items; older
            # files named them by their title in item_number.
            it = by_order.get(a.get("item_order")) or by_number.get(num) or by_title.get(num)
            key = item_key(it.get("number", ""), it.get("title", "")) if it else item_key(num, num)
            if a.get("owner_person"):
                full = person_name(a["owner_person"])
                words = full.split()
                owner = Alt(fold(full), [fold(words[0])] if len(words) > 1 else [])
            elif a.get("owner_organisation"):
                owner = org(a["owner_organisation"])
            else:
                owner = ""
            F["action_item"].append((key, owner))
            if a.get("due"):
                F["action_due"].append((key, owner, a["due"]))
    return F


# ---------------------------------------------------------------- matching

def match(gold: list, imported: list, as_set: bool = False) -> dict:
    """Matches imported facts (which may hold Alt values) against gold facts.

    Returns {"tp", "gold", "imported", "missing": [...], "extra": [...]}.
    """
    if as_set:
        gold = list(dict.fromkeys(gold))
        imported = list(dict.fromkeys(imported))
    remaining = Counter(gold)
    tp = 0
    extra, deferred = [], []
    for f in imported:
        if any(isinstance(c, Alt) for c in f):
            deferred.append(f)
        elif remaining[f] > 0:
            remaining[f] -= 1
            tp += 1
        else:
            extra.append(f)
    taken_alt = set()
    for f in deferred:
        for cand in _expansions(f):
            if remaining[cand] > 0 and not (as_set and cand in taken_alt):
                remaining[cand] -= 1
                taken_alt.add(cand)
                tp += 1
                break
        else:
            extra.append(_plain(f))
    missing = list(remaining.elements())
    return {"tp": tp, "gold": len(gold), "imported": len(imported), "missing": missing, "extra": extra}


def _ratio(num: int, den: int):
    return None if den == 0 else num / den


def score(gold: dict, corpus: dict | None, document: str | None = None) -> dict:
    """One document's figures: per category and overall."""
    g = gold_facts(gold)
    i = imported_facts(corpus, document if document is not None else gold.get("document"))
    cats = {}
    for c in CATEGORIES:
        r = match(g[c], i[c], as_set=c in SET_CATEGORIES)
        r["recall"] = _ratio(r["tp"], r["gold"])
        r["precision"] = _ratio(r["tp"], r["imported"])
        cats[c] = r
    tp = sum(r["tp"] for r in cats.values())
    ng = sum(r["gold"] for r in cats.values())
    ni = sum(r["imported"] for r in cats.values())
    return {
        "tp": tp,
        "gold": ng,
        "imported": ni,
        "recall": 1.0 if ng == 0 else tp / ng,
        "precision": 1.0 if ni == 0 else tp / ni,
        "categories": cats,
    }


def floor3(x: float) -> float:
    """Rounded down to 3 decimals (a hair of float error is forgiven, so 0.29 stays 0.29)."""
    return int(x * 1000 + 1e-9) / 1000


# ---------------------------------------------------------------- running

def run_import(binary: Path, document: Path):
    """Runs the importer on one document; returns (corpus or None, notes)."""
    notes = []
    try:
        proc = subprocess.run(
            [str(binary), "import", str(document), "--json"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=IMPORT_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return None, [f"the importer took more than {IMPORT_TIMEOUT} s; scored as empty"]
    except OSError as e:
        raise ScoreError(f"{binary}: cannot run: {e}") from None
    if proc.returncode == 1:
        notes.append("the importer could not read the document (exit status 1)")
    elif proc.returncode != 0:
        last = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        notes.append(f"the importer exited with status {proc.returncode}: {last[0]}")
    out = proc.stdout.decode("utf-8", "replace").strip()
    if not out:
        notes.append("the importer printed no JSON; scored as empty")
        return None, notes
    try:
        return json.loads(out), notes
    except json.JSONDecodeError as e:
        notes.append(f"the importer's output is not JSON ({e}); scored as empty")
        return None, notes


def load_imported(path: Path):
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ScoreError(f"{path}: no imported JSON for this document") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise ScoreError(f"{path}: not JSON: {e}") from None


def list_documents(documents: Path, gold_dir: Path, only=None):
    """[(document path, gold path)] for documents with gold; plus notes."""
    notes = []
    if not documents.is_dir():
        raise ScoreError(f"{documents}: no such folder")
    docs = sorted(p for p in documents.iterdir() if p.is_file() and not p.name.startswith("."))
    names = {p.name for p in docs}
    pairs = []
    for p in docs:
        if only and not any(p.name == o or p.name.startswith(o) for o in only):
            continue
        g = gold_dir / (p.name + ".json")
        if g.is_file():
            pairs.append((p, g))
        else:
            notes.append(f"{p.name}: no gold file {g.name}; not scored")
    if gold_dir.is_dir():
        for g in sorted(gold_dir.glob("*.json")):
            if g.name[: -len(".json")] not in names:
                notes.append(f"{g.name}: gold without a document {g.name[:-len('.json')]}; not scored")
    return pairs, notes


def list_forms(forms: Path, documents: Path, gold_dir: Path, only=None):
    """[(form path, gold path)] for the Word and PDF forms of labelled
    documents: forms/<stem>.docx and forms/<stem>.pdf are scored against the
    gold of documents/<stem>.txt (or .md), the same facts in another form."""
    notes = []
    if not forms.is_dir():
        raise ScoreError(f"{forms}: no such folder")
    pairs = []
    for p in sorted(forms.iterdir()):
        if not p.is_file() or p.name.startswith(".") or p.suffix not in (".docx", ".pdf"):
            continue
        if only and not any(p.name == o or p.name.startswith(o) for o in only):
            continue
        golds = [gold_dir / (p.stem + ext + ".json") for ext in (".txt", ".md")]
        found = [g for g in golds if g.is_file()]
        if found:
            pairs.append((p, found[0]))
        else:
            notes.append(f"{p.name}: no gold for a document {p.stem}.txt or .md; not scored")
    return pairs, notes


def evaluate(pairs, binary: Path | None = None, imported_dir: Path | None = None) -> dict:
    """Scores each (document, gold) pair; returns the figures of the whole set."""
    golds = [(doc, load_gold(g)) for doc, g in pairs]  # all gold is checked before anything runs
    documents = {}
    for doc, gold in golds:
        if imported_dir is not None:
            corpus, notes = load_imported(imported_dir / (doc.name + ".json")), []
        else:
            corpus, notes = run_import(binary, doc)
        s = score(gold, corpus, doc.name)
        s["notes"] = notes
        documents[doc.name] = s
    totals = {}
    for c in CATEGORIES:
        tp = sum(d["categories"][c]["tp"] for d in documents.values())
        ng = sum(d["categories"][c]["gold"] for d in documents.values())
        ni = sum(d["categories"][c]["imported"] for d in documents.values())
        totals[c] = {"tp": tp, "gold": ng, "imported": ni, "recall": _ratio(tp, ng), "precision": _ratio(tp, ni)}
    tp = sum(d["tp"] for d in documents.values())
    ng = sum(d["gold"] for d in documents.values())
    ni = sum(d["imported"] for d in documents.values())
    return {
        "categories": totals,
        "all": {"tp": tp, "gold": ng, "imported": ni, "recall": _ratio(tp, ng), "precision": _ratio(tp, ni)},
        "documents": documents,
    }


# ---------------------------------------------------------------- output

def _fmt(x) -> str:
    return "-" if x is None else f"{x:.3f}"


def _fact_str(f) -> str:
    return "(" + ", ".join(json.dumps(c, ensure_ascii=False) if isinstance(c, str) else str(c) for c in f) + ")"


def format_table(fig: dict, show: bool = False) -> str:
    out = []
    w = max([len(c) for c in CATEGORIES] + [8])
    out.append(f"{'category':<{w}}  {'tp':>5} {'gold':>5} {'imported':>8}  {'recall':>6}  {'precision':>9}")
    rows = list(fig["categories"].items()) + [("all", fig["all"])]
    for c, r in rows:
        if c == "all":
            out.append("-" * (w + 42))
        out.append(f"{c:<{w}}  {r['tp']:>5} {r['gold']:>5} {r['imported']:>8}  "
                   f"{_fmt(r['recall']):>6}  {_fmt(r['precision']):>9}")
    out.append("")
    docs = fig["documents"]
    dw = max([len(d) for d in docs] + [8])
    out.append(f"{'document':<{dw}}  {'tp':>5} {'gold':>5} {'imported':>8}  {'recall':>6}  {'precision':>9}")
    for name, d in docs.items():
        out.append(f"{name:<{dw}}  {d['tp']:>5} {d['gold']:>5} {d['imported']:>8}  "
                   f"{_fmt(d['recall']):>6}  {_fmt(d['precision']):>9}")
        for n in d.get("notes", []):
            out.append(f"    note: {n}")
    if show:
        for name, d in docs.items():
            lines = []
            for c, r in d["categories"].items():
                for f in r["missing"]:
                    lines.append(f"  missing {c} {_fact_str(f)}")
                for f in r["extra"]:
                    lines.append(f"  extra   {c} {_fact_str(f)}")
            if lines:
                out.append("")
                out.append(f"{name}:")
                out.extend(lines)
    return "\n".join(out)


def figures_json(fig: dict) -> dict:
    def clean(r):
        r = dict(r)
        for k in ("missing", "extra"):
            if k in r:
                r[k] = [list(_plain(f)) for f in r[k]]
        return r

    return {
        "categories": fig["categories"],
        "all": fig["all"],
        "documents": {
            name: {**{k: v for k, v in d.items() if k != "categories"},
                   "categories": {c: clean(r) for c, r in d["categories"].items()}}
            for name, d in fig["documents"].items()
        },
    }


# ---------------------------------------------------------------- baseline

def record(fig: dict, path: Path, merge: bool = False) -> dict:
    documents = {}
    if merge and path.is_file():
        documents = read_baseline(path)
    for name, d in fig["documents"].items():
        documents[name] = {"recall": floor3(d["recall"]), "precision": floor3(d["precision"])}
    data = {
        "format": 1,
        "about": "Import fidelity per document, written by benchmarks/fidelity/score.py --record; "
                 "figures rounded down to 3 decimals. Record anew when the importer improved or gold "
                 "was added or corrected, never to hide a drop.",
        "documents": dict(sorted(documents.items())),
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return data


def read_baseline(path: Path) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ScoreError(f"{path}: no baseline; record one with --record {path}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise ScoreError(f"{path}: not JSON: {e}") from None
    docs = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(docs, dict):
        raise ScoreError(f"{path}: documents: expected an object of document -> {{recall, precision}}")
    for name, d in docs.items():
        for k in ("recall", "precision"):
            if not isinstance(d, dict) or not isinstance(d.get(k), (int, float)) or isinstance(d.get(k), bool):
                raise ScoreError(f"{path}: documents.{name}.{k}: expected a number")
    return docs


def check(fig: dict, path: Path) -> tuple[bool, list[str]]:
    """(passed, lines): each document below its recorded figure, or missing from the baseline."""
    base = read_baseline(path)
    lines, dropped, new = [], 0, 0
    for name, d in fig["documents"].items():
        if name not in base:
            new += 1
            lines.append(f"{name}: new, not in {path.name} (recall {_fmt(d['recall'])}, precision "
                         f"{_fmt(d['precision'])}); record it with --record")
            continue
        b = base[name]
        worse = [f"{k} {d[k]:.3f} < {b[k]:.3f}" for k in ("recall", "precision") if d[k] < b[k] - TOLERANCE]
        if worse:
            dropped += 1
            lines.append(f"{name}: below the baseline: {', '.join(worse)}")
    for name in base:
        if name not in fig["documents"]:
            lines.append(f"{name}: in {path.name} but not scored (no document or gold); not a failure")
    n = len(fig["documents"])
    if dropped or new:
        parts = ([f"{dropped} below the baseline"] if dropped else []) + ([f"{new} new"] if new else [])
        lines.append(f"fidelity check FAILED: {', '.join(parts)} of {n} documents ({path})")
        return False, lines
    lines.append(f"fidelity check passed: {n} documents at or above {path} "
                 f"(recall {_fmt(fig['all']['recall'])}, precision {_fmt(fig['all']['precision'])} overall)")
    return True, lines


# ---------------------------------------------------------------- main

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Import fidelity of `samverkan import` against the gold facts.")
    ap.add_argument("--bin", type=Path, default=DEFAULT_BIN,
                    help="the samverkan CLI (default: build/release/samverkan in the repository)")
    ap.add_argument("--documents", type=Path, default=DEFAULT_DOCUMENTS, help="folder of documents")
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="folder of gold files (<document>.json)")
    ap.add_argument("--imported", type=Path, metavar="DIR",
                    help="read ready corpus JSON DIR/<document>.json instead of running the importer")
    ap.add_argument("--forms", nargs="?", const=DEFAULT_FORMS, type=Path, metavar="DIR",
                    help="also score the .docx and .pdf forms in DIR (default benchmarks/fidelity/forms), "
                         "each against the gold of the .txt/.md document of the same name")
    ap.add_argument("--doc", action="append", metavar="NAME",
                    help="score only documents with this name or name prefix (repeatable)")
    ap.add_argument("--show", action="store_true", help="also list each missing and extra fact")
    ap.add_argument("--json", nargs="?", const="-", metavar="FILE",
                    help="write the figures as JSON to FILE, or to standard output instead of the table")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--record", nargs="?", const=DEFAULT_BASELINE, type=Path, metavar="FILE",
                      help="write per-document recall and precision to FILE "
                           "(default benchmarks/fidelity/baseline.json)")
    mode.add_argument("--check", nargs="?", const=DEFAULT_BASELINE, type=Path, metavar="FILE",
                      help="exit 1 if a document is below its figure in FILE or missing from it")
    args = ap.parse_args(argv)

    try:
        if args.imported is None and not (args.bin.is_file() and args.bin.stat().st_mode & 0o111):
            raise ScoreError(f"{args.bin}: no samverkan binary there (build it, or pass --bin PATH)")
        if args.imported is not None and not args.imported.is_dir():
            raise ScoreError(f"{args.imported}: no such folder")
        pairs, notes = list_documents(args.documents, args.gold, args.doc)
        if args.forms is not None:
            form_pairs, form_notes = list_forms(args.forms, args.documents, args.gold, args.doc)
            pairs += form_pairs
            notes += form_notes
        fig = evaluate(pairs, binary=args.bin, imported_dir=args.imported)
        to_stdout_json = args.json == "-"
        if not to_stdout_json:
            src = f"ready JSON in {args.imported}" if args.imported else str(args.bin)
            print(f"Import fidelity: {len(pairs)} documents with gold, importer {src}")
            for n in notes:
                print(f"  note: {n}")
            print()
            print(format_table(fig, show=args.show))
        else:
            for n in notes:
                print(f"note: {n}", file=sys.stderr)
        if args.json:
            text = json.dumps(figures_json(fig), ensure_ascii=False, indent=2)
            if to_stdout_json:
                print(text)
            else:
                Path(args.json).write_text(text + "\n", encoding="utf-8")
        report = sys.stderr if to_stdout_json else sys.stdout
        if args.record is not None:
            if not pairs:
                raise ScoreError("no document with gold to record")
            record(fig, args.record, merge=bool(args.doc))
            print(f"\nrecorded {len(fig['documents'])} documents in {args.record}", file=report)
            return 0
        if args.check is not None:
            ok, lines = check(fig, args.check)
            print(file=report)
            for line in lines:
                print(line, file=report)
            return 0 if ok else 1
        return 0
    except ScoreError as e:
        print(f"score.py: error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
