"""Rich display in Jupyter for the corpus, records and results.

Jupyter shows an object as HTML through IPython's formatters. When samverkan
is imported in IPython, ``install`` registers ``html_of`` for every class of
``samverkan._core`` and for ImportedMinutes: a table built from the record's
own fields (the C++ data, read through its properties), lists of parts as
nested tables (the first rows, with the count), money in Swedish form, enum
values with their Swedish names; for a corpus its counts per kind, the span of
its meetings and its problems. Outside IPython nothing changes.
"""

from __future__ import annotations

import datetime
import html
import inspect
from typing import Any, List

from . import _core

MAX_ROWS = 20
"""Rows of a nested list shown before "… and N more"."""


def _swedish(value: Any) -> str:
    name = str(value)
    sw = getattr(value, "swedish", None)
    if isinstance(sw, str) and sw and sw != name:
        return f"{html.escape(sw)} <span style='color:#888'>({html.escape(name)})</span>"
    return html.escape(name)


def _fields(obj: Any) -> List[str]:
    cls = type(obj)
    names = []
    for name, member in inspect.getmembers(cls):
        if name.startswith("_") or not isinstance(member, property):
            continue
        names.append(name)
    # Keep the keyword constructor's order where there is one: it is the description's order.
    try:
        doc = cls.__init__.__doc__ or ""
        first = doc.split("\n", 1)[0]
        order = [p.split(":")[0].strip() for p in first[first.find("(") + 1: first.rfind(")")].split(",")]
        rank = {n: i for i, n in enumerate(order)}
        names.sort(key=lambda n: rank.get(n, len(rank)))
    except Exception:  # pragma: no cover - docstrings are informative only
        pass
    return names


def _is_record(value: Any) -> bool:
    return type(value).__module__.startswith("samverkan") and bool(_fields(value))


def _cell(value: Any, depth: int) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return "<span style='color:#aaa'>–</span>"
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, (datetime.date, int, float)):
        return html.escape(str(value))
    if isinstance(value, _core.Money):
        return f"<span style='white-space:nowrap'>{html.escape(str(value))}</span>"
    if isinstance(value, _core.Period):
        a = value.start.isoformat() if value.start else "…"
        b = value.end.isoformat() if value.end else "…"
        return f"{a} – {b}"
    if isinstance(value, str):
        text = value if len(value) <= 300 else value[:300] + "…"
        return html.escape(text).replace("\n", "<br>")
    if isinstance(value, dict):
        return "<br>".join(f"{html.escape(str(k))}: {html.escape(str(v))}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        if value and _is_record(value[0]) and depth < 2:
            return _list_table(value, depth + 1)
        return html.escape(", ".join(str(v) for v in value))
    if hasattr(value, "swedish") or type(value).__name__ in ("ArchiveFormat",):
        return _swedish(value)
    if _is_record(value) and depth < 2:
        return _record_table(value, depth + 1)
    return html.escape(str(value))


_STYLE = ("border-collapse:collapse;font-size:90%;margin:2px 0",
          "text-align:left;vertical-align:top;padding:2px 8px;border-bottom:1px solid #e4e4e4")


def _record_table(obj: Any, depth: int = 0, title: str = "") -> str:
    rows = []
    for name in _fields(obj):
        if name in ("provenance",) and depth > 0:
            continue
        try:
            value = getattr(obj, name)
        except Exception:  # a property that raises is shown as such, not hidden
            value = "(unreadable)"
        if depth > 0 and (value is None or value == "" or value == [] or value == {}):
            continue
        rows.append(f"<tr><th style='{_STYLE[1]};color:#555;font-weight:normal'>{html.escape(name)}</th>"
                    f"<td style='{_STYLE[1]}'>{_cell(value, depth)}</td></tr>")
    caption = f"<caption style='text-align:left;font-weight:bold'>{html.escape(title)}</caption>" if title else ""
    return f"<table style='{_STYLE[0]}'>{caption}{''.join(rows)}</table>"


def _list_table(values: List[Any], depth: int) -> str:
    columns: List[str] = []
    for v in values[:MAX_ROWS]:
        for f in _fields(v):
            if f in ("provenance", "extensions"):
                continue
            try:
                val = getattr(v, f)
            except Exception:
                continue
            if f not in columns and not (val is None or val == "" or val == [] or val == {}):
                columns.append(f)
    head = "".join(f"<th style='{_STYLE[1]}'>{html.escape(c)}</th>" for c in columns)
    body = []
    for v in values[:MAX_ROWS]:
        cells = "".join(f"<td style='{_STYLE[1]}'>{_cell(getattr(v, c), depth + 1)}</td>" for c in columns)
        body.append(f"<tr>{cells}</tr>")
    more = (f"<tr><td colspan='{len(columns)}' style='color:#888'>… och {len(values) - MAX_ROWS} till</td></tr>"
            if len(values) > MAX_ROWS else "")
    return f"<table style='{_STYLE[0]}'><tr>{head}</tr>{''.join(body)}{more}</table>"


def _record_html(self: Any) -> str:
    title = type(self).__name__
    ident = getattr(self, "id", "") or getattr(self, "name", "")
    return _record_table(self, 0, f"{title} {ident}".strip())


def _corpus_html(self: "_core.Corpus") -> str:
    counts = self.counts()
    rows = "".join(f"<tr><td style='{_STYLE[1]}'>{html.escape(k)}</td><td style='{_STYLE[1]};text-align:right'>"
                   f"{v:,}".replace(",", "\u00a0") + "</td></tr>" for k, v in counts.items() if v)
    meetings = self.meetings()
    dates = sorted(m.date for m in meetings if m.date)
    span = f"möten {dates[0]} – {dates[-1]}" if dates else "inga daterade möten"
    if len(self) <= 50_000:
        problems = self.validate()
        errors = sum(1 for p in problems if str(p.severity) == "error")
        check = f"{len(problems)} problem ({errors} fel) enligt validate()"
    else:
        check = "kör corpus.validate() för att granska"
    return (f"<div><b>Corpus</b>: {len(self):,} poster".replace(",", "\u00a0") + f"; {span}; {check}"
            f"<table style='{_STYLE[0]}'>{rows}</table></div>")


def _imported_html(self: Any) -> str:
    rows = []
    for r in self.results:
        m = self.corpus.get_meeting(r.meeting) if r.meeting else None
        rows.append(f"<tr><td style='{_STYLE[1]}'>{html.escape(str(getattr(r, 'document', '') or ''))}</td>"
                    f"<td style='{_STYLE[1]}'>{html.escape(m.title if m else '–')}</td>"
                    f"<td style='{_STYLE[1]}'>{m.date if m and m.date else '–'}</td>"
                    f"<td style='{_STYLE[1]};text-align:right'>{len(m.attendance) if m else 0}</td>"
                    f"<td style='{_STYLE[1]};text-align:right'>{len(m.items) if m else 0}</td>"
                    f"<td style='{_STYLE[1]};text-align:right'>{len(r.warnings)}</td></tr>")
    head = "".join(f"<th style='{_STYLE[1]}'>{h}</th>" for h in
                   ("dokument", "möte", "datum", "deltagare", "punkter", "varningar"))
    return (f"<div><b>{len(self.results)} dokument inlästa</b>, {len(self.warnings)} varningar"
            f"<table style='{_STYLE[0]}'><tr>{head}</tr>{''.join(rows)}</table></div>")


def html_of(obj: Any) -> str:
    """The HTML Jupyter shows for a samverkan object (corpus, record, import result)."""
    from .importing import ImportedMinutes

    if isinstance(obj, _core.Corpus):
        return _corpus_html(obj)
    if isinstance(obj, ImportedMinutes):
        return _imported_html(obj)
    return _record_html(obj)


def _display_classes() -> List[type]:
    from .importing import ImportedMinutes

    classes: List[type] = [ImportedMinutes]
    for name in dir(_core):
        cls = getattr(_core, name)
        if not inspect.isclass(cls) or name.startswith("_") or issubclass(cls, BaseException):
            continue
        if cls is _core.Corpus or any(isinstance(m, property) for _, m in inspect.getmembers(cls)):
            classes.append(cls)
    return classes


def install(shell: Any = None) -> bool:
    """Registers html_of as the HTML formatter of every samverkan class with IPython, so Jupyter
    shows corpora, records and import results as tables. Does nothing outside IPython (scripts stay
    plain) and leaves the classes themselves unchanged. Returns whether it registered."""
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return False
        shell = get_ipython()
    if shell is None or not hasattr(shell, "display_formatter"):
        return False
    formatter = shell.display_formatter.formatters["text/html"]
    for cls in _display_classes():
        formatter.for_type(cls, html_of)
    return True
