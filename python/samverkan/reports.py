"""The query layer's reports as pandas DataFrames, with names beside ids.

The functions in samverkan (``deadlines``, ``indicator_ranking`` ...) return
records and id tuples, which suit programs. A strategist in a notebook wants
a table that can be shown, filtered and plotted as it is: these return
DataFrames whose every ``*_id`` column has its readable name beside it.

    import samverkan as sv
    sv.reports.ranking(corpus, "Andel väntande inom 60 dagar", 2024)
    sv.reports.action_items(corpus, as_of=datetime.date(2023, 6, 1))
"""

from __future__ import annotations

import datetime
from typing import Dict, Iterable, Optional, Union

import pandas as pd

from . import _core

__all__ = [
    "names",
    "period_of",
    "find_indicator",
    "ranking",
    "series",
    "action_state",
    "action_items",
    "open_actions_by_owner",
    "attendance_by_organisation",
    "deadlines",
    "plan_gaps",
    "items",
]

PeriodLike = Union[None, int, str, _core.Period, tuple]


def period_of(period: PeriodLike) -> _core.Period:
    """A Period from None (no bounds), a year (2024 or "2024"), a (start, end) pair of dates,
    an ISO "2024-01-01/2024-06-30" range, or a Period."""
    if period is None:
        return _core.Period()
    if isinstance(period, _core.Period):
        return period
    if isinstance(period, int) or (isinstance(period, str) and period.strip().isdigit()):
        y = int(period)
        return _core.Period(start=datetime.date(y, 1, 1), end=datetime.date(y, 12, 31))
    if isinstance(period, str) and "/" in period:
        a, b = (p.strip() for p in period.split("/", 1))
        return _core.Period(start=datetime.date.fromisoformat(a) if a else None,
                            end=datetime.date.fromisoformat(b) if b else None)
    if isinstance(period, tuple) and len(period) == 2:
        return _core.Period(start=period[0], end=period[1])
    raise TypeError(f"period: expected None, a year, 'start/end', a (start, end) pair or a Period, not {period!r}")


def names(corpus: _core.Corpus) -> Dict[str, str]:
    """Readable name of every organisation, person, meeting body, indicator, agreement and plan, by id."""
    out: Dict[str, str] = {}
    for kind in ("organisations", "people", "indicators"):
        for record in getattr(corpus, kind)():
            out[record.id] = record.name
    for record in corpus.agreements():
        out[record.id] = record.short_name or record.title
    for record in corpus.plans():
        out[record.id] = record.title
    return out


def _with_names(frame: pd.DataFrame, lookup: Dict[str, str]) -> pd.DataFrame:
    """Puts a name column right after every *_id column that lacks one."""
    columns = list(frame.columns)
    for col in columns:
        if not col.endswith("_id"):
            continue
        name_col = col[: -len("_id")]
        if name_col in frame.columns:
            continue
        values = frame[col].map(lambda v: lookup.get(v, v) if isinstance(v, str) else None)
        frame.insert(list(frame.columns).index(col) + 1, name_col, values)
    return frame


def find_indicator(corpus: _core.Corpus, indicator: str) -> _core.Indicator:
    """The indicator with this id, or else with this name (ignoring case); NotFoundError otherwise,
    naming the indicators there are."""
    wanted = indicator.strip().casefold()
    held = list(corpus.indicators())
    for ind in held:
        if ind.id == indicator:
            return ind
    for ind in held:
        if ind.name.casefold() == wanted:
            return ind
    matches = [ind for ind in held if wanted in ind.name.casefold()]
    if len(matches) == 1:
        return matches[0]
    known = "; ".join(f"{i.name} ({i.id})" for i in held) or "none"
    raise _core.NotFoundError(f"indicator {indicator!r}: no indicator has this id or name; the corpus has: {known}")


def ranking(corpus: _core.Corpus, indicator: str, period: PeriodLike = None) -> pd.DataFrame:
    """Organisations ranked by their latest value in the period, best first (the indicator's
    direction), with the national value and the target for comparison.

    Columns: rank, organisation_id, organisation, value, national, target, unit.
    indicator: its id or name.
    """
    ind = find_indicator(corpus, indicator)
    p = period_of(period)
    lookup = names(corpus)
    rows = _core.indicator_ranking(corpus, ind.id, p)
    national = [o for o in ind.observations if o.organisation is None and (p.contains(o.period.start) if
                o.period.start else True)]
    national_value = national[-1].value if national else float("nan")
    targets = [t for t in ind.targets if t.period.start is None or p.overlaps(t.period)]
    target_value = targets[-1].value if targets else float("nan")
    frame = pd.DataFrame(
        {
            "rank": [r[0] for r in rows],
            "organisation_id": [r[1] for r in rows],
            "organisation": [lookup.get(r[1], r[1]) for r in rows],
            "value": [r[2] for r in rows],
        }
    )
    frame["national"] = national_value
    frame["target"] = target_value
    frame["unit"] = ind.unit
    return frame


def series(corpus: _core.Corpus, indicator: str, organisations: Optional[Iterable[str]] = None) -> pd.DataFrame:
    """Observations of an indicator over time, one row per organisation and period, national rows
    (organisation None, named "Riket") included, with the target valid for each period.

    Columns: indicator_id, indicator, organisation_id, organisation, start, end, value, target.
    organisations: ids or names to keep (default all).
    """
    ind = find_indicator(corpus, indicator)
    lookup = names(corpus)
    keep = None
    if organisations is not None:
        keep = set()
        for o in organisations:
            keep.add(o if o in lookup else (corpus.resolve_organisation(o) or o))
    rows = []
    for o in ind.observations:
        if keep is not None and o.organisation is not None and o.organisation not in keep:
            continue
        target = next((t.value for t in ind.targets if t.period.start is None or t.period.overlaps(o.period)), None)
        rows.append({
            "indicator_id": ind.id, "indicator": ind.name,
            "organisation_id": o.organisation,
            "organisation": lookup.get(o.organisation, o.organisation) if o.organisation else "Riket",
            "start": pd.Timestamp(o.period.start) if o.period.start else pd.NaT,
            "end": pd.Timestamp(o.period.end) if o.period.end else pd.NaT,
            "value": o.value, "target": target,
        })
    frame = pd.DataFrame(rows, columns=["indicator_id", "indicator", "organisation_id", "organisation",
                                        "start", "end", "value", "target"])
    return frame.sort_values(["organisation", "start"], kind="stable").reset_index(drop=True)


def action_state(status: str, done_on, due, as_of: datetime.date) -> str:
    """The state of one action item on the day ``as_of``: "cancelled"; "done" when its status is
    done and it was done by then (``done_on`` on or before ``as_of``, or no done date known);
    else "overdue" when its due date has passed, else "open". An item done after ``as_of`` was
    still open (or overdue) on that day."""
    if status == "cancelled":
        return "cancelled"
    if status == "done" and (done_on is None or done_on <= as_of):
        return "done"
    if due is not None and due < as_of:
        return "overdue"
    return "open"


def action_items(corpus: _core.Corpus, as_of: Optional[datetime.date] = None) -> pd.DataFrame:
    """Every action item with its owner's name, the body and date of the meeting it came from, and
    its state as of a date (``action_state``): "open", "overdue", "done" or "cancelled".

    Columns: action_item_id, what, owner (person, else organisation, else as written), owner_person_id,
    owner_organisation_id, due, status, done_on, state, meeting_id, body, meeting_date, item_id,
    item_number.
    as_of: the date the state is judged at (default today); with ActionItem.done_on set, the
    state on an earlier day is exact (done on 2023-03-16: overdue on 2023-03-01 if due before).
    """
    as_of = as_of or datetime.date.today()
    frame = corpus.frame("action_items")
    written = {a.id: a.extensions.get("owner", "") for a in corpus.action_items()}
    owner = frame["owner_person_name"].astype(object).where(frame["owner_person_name"].notna(),
                                                           frame["owner_organisation_name"].astype(object))
    owner = owner.where(owner.notna(), frame["action_item_id"].map(written))

    def day(value):
        return None if pd.isna(value) else value.date()

    states = [action_state(str(st), day(done), day(due), as_of)
              for st, done, due in zip(frame["status"], frame["done_on"], frame["due"])]
    out = pd.DataFrame({
        "action_item_id": frame["action_item_id"], "what": frame["what"], "owner": owner,
        "owner_person_id": frame["owner_person_id"].astype(object),
        "owner_organisation_id": frame["owner_organisation_id"].astype(object),
        "due": frame["due"], "status": frame["status"].astype(str), "done_on": frame["done_on"],
        "state": pd.Categorical(states, categories=["open", "overdue", "done", "cancelled"]),
        "meeting_id": frame["meeting_id"].astype(object), "body": frame["body_name"].astype(object),
        "meeting_date": frame["meeting_date"], "item_id": frame["item_id"].astype(object),
        "item_number": frame["item_number"],
    })
    return out.sort_values(["due", "action_item_id"], kind="stable", na_position="last").reset_index(drop=True)


def open_actions_by_owner(corpus: _core.Corpus, as_of: Optional[datetime.date] = None) -> pd.DataFrame:
    """Open and overdue action items counted per owner: columns owner, open, overdue, total."""
    frame = action_items(corpus, as_of)
    frame = frame[frame["state"].isin(["open", "overdue"])]
    table = frame.pivot_table(index="owner", columns="state", values="action_item_id", aggfunc="count",
                              fill_value=0, observed=False)
    for col in ("open", "overdue"):
        if col not in table.columns:
            table[col] = 0
    table = table[["open", "overdue"]].astype("int64")
    table["total"] = table["open"] + table["overdue"]
    return table.sort_values(["total", "overdue"], ascending=False).reset_index()


def attendance_by_organisation(corpus: _core.Corpus, period: PeriodLike = None) -> pd.DataFrame:
    """Attendance entries per organisation at meetings in the period, by status.

    Columns: organisation_id, organisation, present, absent, excused, invited, total, share_present.
    """
    lookup = names(corpus)
    counts = _core.attendance_per_organisation(corpus, period_of(period))
    rows = []
    for org, c in sorted(counts.items(), key=lambda kv: -kv[1].total()):
        rows.append({"organisation_id": org, "organisation": lookup.get(org, org), "present": c.present,
                     "absent": c.absent, "excused": c.excused, "invited": c.invited, "total": c.total()})
    frame = pd.DataFrame(rows, columns=["organisation_id", "organisation", "present", "absent", "excused",
                                        "invited", "total"])
    frame["share_present"] = (frame["present"] / frame["total"]).where(frame["total"] > 0)
    return frame


def deadlines(corpus: _core.Corpus, period: PeriodLike = None) -> pd.DataFrame:
    """Every dated commitment in the period (action items due, reporting, payments, requisitions,
    ends of plans and agreements, next meetings), by date: columns date, kind, what, entity_id, name."""
    lookup = names(corpus)
    rows = []
    for d in _core.deadlines(corpus, period_of(period)):
        ref = str(d.entity) if hasattr(d, "entity") else ""
        rows.append({"date": pd.Timestamp(d.date), "kind": str(d.kind), "what": d.what, "entity_id": ref,
                     "name": lookup.get(ref, "")})
    return pd.DataFrame(rows, columns=["date", "kind", "what", "entity_id", "name"])


def plan_gaps(corpus: _core.Corpus, plan: Optional[str] = None) -> pd.DataFrame:
    """The missing links of the corpus's action plans (or of one), one row per gap:
    columns plan_id, plan, gap ("goal without activity", "activity without goal",
    "funding not linked", "goal without indicator"), record_id, number, title."""
    lookup = names(corpus)
    rows = []
    for gaps in _core.plan_gaps(corpus):
        if plan is not None and gaps.plan != plan and lookup.get(gaps.plan) != plan:
            continue
        for g in gaps.goals_without_activity:
            rows.append((gaps.plan, "goal without activity", g.id, g.number, g.title, None))
        for a in gaps.activities_without_goal:
            rows.append((gaps.plan, "activity without goal", a.id, a.number, a.title, None))
        for f in gaps.unlinked_funding:
            rows.append((gaps.plan, "funding not linked", f.id, "", f.text, f.amount.ore))
        for g in gaps.goals_without_indicator:
            rows.append((gaps.plan, "goal without indicator", g.id, g.number, g.title, None))
    frame = pd.DataFrame(rows, columns=["plan_id", "gap", "record_id", "number", "title", "amount_ore"])
    frame.insert(1, "plan", frame["plan_id"].map(lambda p: lookup.get(p, p)))
    frame["amount_ore"] = frame["amount_ore"].astype("Int64")
    return frame


def items(corpus: _core.Corpus, contains: Optional[str] = None) -> pd.DataFrame:
    """Agenda items with their meeting's body and date, their decisions (kind and text joined) and
    their text, optionally only those whose title or text contains a word (ignoring case).

    Columns: item_id, meeting_id, body, date, order, number, title, decision_kinds, decisions, escalated (an
    escalation recorded or a decision of kind escalated), escalated_to (the bodies, where the record
    names them), text.
    """
    lookup = names(corpus)
    wanted = contains.casefold() if contains else None
    # The frame's item ids, in item order per meeting: the ids joins on other frames use.
    table = corpus.frame("agenda_items")
    item_ids = {m: list(ids) for m, ids in
                table.groupby("meeting_id", observed=True, sort=False)["item_id"].agg(list).items()}
    rows = []
    for m in corpus.meetings():
        for position, item in enumerate(m.items):
            if wanted and wanted not in item.title.casefold() and wanted not in item.text.casefold():
                continue
            rows.append({
                "item_id": str(item_ids[m.id][position]), "meeting_id": m.id, "body": lookup.get(m.body, m.body), "date": pd.Timestamp(m.date) if m.date else pd.NaT,
                "order": item.order, "number": item.number, "title": item.title,
                "decision_kinds": ", ".join(str(d.kind) for d in item.decisions),
                "decisions": " | ".join(d.text for d in item.decisions),
                "escalated": bool(item.escalations) or any(str(d.kind) == "escalated" for d in item.decisions),
                "escalated_to": ", ".join(lookup.get(e.to, e.to) if e.to else e.what for e in item.escalations),
                "text": item.text,
            })
    frame = pd.DataFrame(rows, columns=["item_id", "meeting_id", "body", "date", "order", "number", "title",
                                        "decision_kinds",
                                        "decisions", "escalated", "escalated_to", "text"])
    return frame.sort_values(["date", "body", "order"], kind="stable").reset_index(drop=True)
