"""Indicator observations from the tables strategists download.

Exports of indicator figures ("Vården i siffror", Kolada, a region's own
statistics) come as CSV or Excel files with one row per organisation and
period. ``read_observations`` reads such a table into a corpus: it finds the
columns by their headers (Swedish or English) or takes them from ``columns``,
resolves each organisation against the corpus (by name, alias, "Stockholm" for
"Region Stockholm", or county code "01"), reads decimal commas, and adds or
extends the indicators. A row for "Riket" or "Sverige" is the national value.

    report = sv.indicators.read_observations("observations.csv", corpus)
    report.indicators        # ids of the indicators read
    report.warnings          # rows skipped, each with its line and why
"""

from __future__ import annotations

import csv
import dataclasses
import datetime
import io
import os
import re
import unicodedata
from typing import Dict, List, Mapping, Optional, Sequence, Tuple, Union

from . import _core

__all__ = ["ObservationReport", "read_observations", "COUNTY_CODES"]

#: Sweden's county codes (länskoder) and the region each belongs to.
COUNTY_CODES: Dict[str, str] = {
    "01": "Region Stockholm", "03": "Region Uppsala", "04": "Region Sörmland",
    "05": "Region Östergötland", "06": "Region Jönköpings län", "07": "Region Kronoberg",
    "08": "Region Kalmar län", "09": "Region Gotland", "10": "Region Blekinge",
    "12": "Region Skåne", "13": "Region Halland", "14": "Västra Götalandsregionen",
    "17": "Region Värmland", "18": "Region Örebro län", "19": "Region Västmanland",
    "20": "Region Dalarna", "21": "Region Gävleborg", "22": "Region Västernorrland",
    "23": "Region Jämtland Härjedalen", "24": "Region Västerbotten", "25": "Region Norrbotten",
}

# Header words per role, folded (lower case, no punctuation). The first
# column whose folded header equals or starts with one of these takes the role.
_HEADERS: Dict[str, Tuple[str, ...]] = {
    "indicator": ("indikator", "indicator", "matt", "mått", "systemmatt", "systemmått", "nyckeltal", "kpi"),
    "unit": ("enhet", "unit"),
    "code": ("lanskod", "länskod", "kommunkod", "regionkod", "kod", "code", "county code"),
    "organisation": ("region", "kommun", "organisation", "landsting", "lan", "län", "area", "organisation name"),
    "period": ("ar", "år", "year", "period", "manad", "månad", "month", "kvartal", "quarter", "tertial"),
    "value": ("varde", "värde", "value", "utfall", "andel", "resultat"),
    "national": ("riket", "national", "sverige", "rikssnitt", "riksgenomsnitt"),
    "target": ("malniva", "målnivå", "mal", "mål", "target", "malvarde", "målvärde"),
}
_NATIONAL_NAMES = {"riket", "sverige", "hela riket", "alla regioner", "nationellt", "national", "sweden"}
_MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"])}


@dataclasses.dataclass
class ObservationReport:
    """What read_observations did: indicators touched, observations added, rows skipped."""

    source: str
    indicators: List[str] = dataclasses.field(default_factory=list)
    observations_added: int = 0
    targets_added: int = 0
    organisations_added: List[str] = dataclasses.field(default_factory=list)
    warnings: List[str] = dataclasses.field(default_factory=list)

    def __str__(self) -> str:
        lines = [f"{self.source}: {self.observations_added} observations of {len(self.indicators)} indicator(s),"
                 f" {self.targets_added} target(s), {len(self.organisations_added)} organisation(s) added,"
                 f" {len(self.warnings)} warning(s)"]
        lines += [f"  warning: {w}" for w in self.warnings]
        return "\n".join(lines)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text).strip().lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _slug(text: str) -> str:
    return _fold(text).replace(" ", "-")[:60] or "indikator"


def _rows_of(path: Union[str, os.PathLike], sheet: Optional[str]) -> Tuple[List[List[str]], str]:
    """The table's rows as text cells, from CSV (any of ; , tab) or .xlsx."""
    path = os.fspath(path)
    with open(path, "rb") as f:
        head = f.read(4)
        f.seek(0)
        data = f.read()
    if head.startswith(b"PK\x03\x04"):
        try:
            import openpyxl  # Debian: python3-openpyxl
        except ImportError as e:  # pragma: no cover - depends on the machine
            raise _core.FileError(f"{path}: an Excel file, but openpyxl is not installed (python3-openpyxl)") from e
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        ws = book[sheet] if sheet else book.worksheets[0]
        rows = [["" if v is None else (str(v) if not isinstance(v, float) else repr(v)) for v in r]
                for r in ws.iter_rows(values_only=True)]
        return rows, path
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    return [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)], path


def _find_columns(header: Sequence[str], given: Mapping[str, str]) -> Dict[str, int]:
    folded = [_fold(h) for h in header]
    found: Dict[str, int] = {}
    for role, name in given.items():
        if role not in _HEADERS:
            raise ValueError(f"columns: unknown role {role!r}; roles are {', '.join(_HEADERS)}")
        try:
            found[role] = folded.index(_fold(name))
        except ValueError:
            raise ValueError(f"columns: no column {name!r} for {role}; the header is {list(header)}") from None
    # Exact header matches first, then prefixes, so "Region" is not taken by "Regionkod".
    for exact in (True, False):
        for role, words in _HEADERS.items():
            if role in found:
                continue
            for i, h in enumerate(folded):
                if i in found.values():
                    continue
                if any((h == _fold(w)) if exact else h.startswith(_fold(w)) for w in words):
                    found[role] = i
                    break
    return found


def _number(text: str) -> Optional[float]:
    t = str(text).strip().replace("\u00a0", "").replace(" ", "").replace("%", "")
    if not t or t in {"-", "..", "…", "x", "NA", "n/a"}:
        return None
    if "," in t and "." in t:  # 1.234,5 or 1,234.5
        t = t.replace(".", "").replace(",", ".") if t.rfind(",") > t.rfind(".") else t.replace(",", "")
    else:
        t = t.replace(",", ".")
    try:
        return float(t)
    except ValueError:
        return None


def _period(text: str) -> Optional[_core.Period]:
    t = _fold(text)
    d = datetime.date
    if m := re.fullmatch(r"(\d{4})", t):
        y = int(m[1])
        return _core.Period(start=d(y, 1, 1), end=d(y, 12, 31))
    if m := re.fullmatch(r"(\d{4}) (\d{1,2})(?: \d{1,2})?", t):  # 2024-03 or 2024-03-01
        y, mo = int(m[1]), int(m[2])
        if 1 <= mo <= 12:
            nxt = d(y + (mo == 12), mo % 12 + 1, 1)
            return _core.Period(start=d(y, mo, 1), end=nxt - datetime.timedelta(days=1))
    if m := re.fullmatch(r"(\d{4}) (?:q|kv|kvartal) ?([1-4])", t) or re.fullmatch(r"(?:q|kv) ?([1-4]) (\d{4})", t):
        y, q = (int(m[1]), int(m[2])) if len(m[1]) == 4 else (int(m[2]), int(m[1]))
        end = d(y + (q == 4), (3 * q) % 12 + 1, 1) - datetime.timedelta(days=1)
        return _core.Period(start=d(y, 3 * q - 2, 1), end=end)
    if m := re.fullmatch(r"(\d{4}) t ?([1-3])|(\d{4}) tertial ([1-3])", t):
        y, tt = (int(m[1]), int(m[2])) if m[1] else (int(m[3]), int(m[4]))
        end = d(y + (tt == 3), (4 * tt) % 12 + 1, 1) - datetime.timedelta(days=1)
        return _core.Period(start=d(y, 4 * tt - 3, 1), end=end)
    if m := re.fullmatch(r"([a-z]{3})[a-z]* (\d{4})", t):
        mo = _MONTHS.get(m[1])
        if mo:
            return _period(f"{m[2]}-{mo:02d}")
    return None


class _Resolver:
    """Organisations by name, short name, county code; remembers what it added."""

    def __init__(self, corpus: _core.Corpus, add_missing: bool, report: ObservationReport):
        self.corpus, self.add_missing, self.report = corpus, add_missing, report
        self.cache: Dict[Tuple[str, str], Optional[str]] = {}

    def __call__(self, name: str, code: str) -> Tuple[bool, Optional[str]]:
        """(national?, organisation id or None when it cannot be resolved)."""
        if _fold(name) in _NATIONAL_NAMES or code.strip() in {"00", "0"}:
            return True, None
        key = (name, code)
        if key not in self.cache:
            self.cache[key] = self._resolve(name.strip(), code.strip())
        return False, self.cache[key]

    def _resolve(self, name: str, code: str) -> Optional[str]:
        candidates = [name] if name else []
        if code and code.zfill(2) in COUNTY_CODES:
            candidates.append(COUNTY_CODES[code.zfill(2)])
        if name and not _fold(name).startswith("region"):
            candidates += [f"Region {name}", f"Region {name} län"]
        if _fold(name).startswith("region "):
            candidates.append(name.split(" ", 1)[1])
        for candidate in candidates:
            found = self.corpus.resolve_organisation(candidate)
            if found is not None:
                return found
        if not self.add_missing or not (name or code):
            return None
        full = COUNTY_CODES.get(code.zfill(2)) if code else None
        full = full or name
        folded = _fold(full)
        kind = ("region" if folded.startswith("region") or folded.endswith("regionen")
                else "municipality" if folded.endswith(("kommun", "stad")) else "other")
        org = self.corpus.resolve_or_add_organisation(full, kind)
        self.report.organisations_added.append(org)
        return org


def read_observations(
    path: Union[str, os.PathLike],
    corpus: _core.Corpus,
    *,
    indicator: Optional[str] = None,
    unit: Optional[str] = None,
    direction: Optional[Union[str, _core.Direction]] = None,
    columns: Optional[Mapping[str, str]] = None,
    sheet: Optional[str] = None,
    add_organisations: bool = True,
) -> ObservationReport:
    """Reads a table of indicator observations (CSV or .xlsx) into the corpus.

    Args:
        path: the file; CSV separated by ``;``, ``,`` or tabs (decimal commas read), or an
            Excel workbook (its first sheet, or ``sheet``), told apart by content.
        corpus: the Corpus to add to; indicators found by name (case-insensitive) are extended.
        indicator: the indicator's name (or id) when the table has no indicator column.
        unit: the unit when the table has no unit column (a new indicator's unit).
        direction: for new indicators: "higher_is_better" (default), "lower_is_better", or
            the Swedish names; the table cannot say it.
        columns: the column of each role by header, where detection would fail, e.g.
            ``{"organisation": "Län", "value": "Andel (%)"}``. Roles: indicator, unit, code,
            organisation, period, value, national, target.
        sheet: the Excel sheet's name.
        add_organisations: add an organisation the corpus does not know (kind from its
            name); when False such rows are skipped with a warning.

    Returns:
        An ObservationReport. Rows that cannot be read are skipped, each with a warning
        naming the file and line; an observation already held (same organisation, period
        and value) is not added twice.
    """
    rows, source = _rows_of(path, sheet)
    report = ObservationReport(source=source)
    header_at = next((i for i, r in enumerate(rows) if sum(1 for c in r if str(c).strip()) >= 2), None)
    if header_at is None:
        raise _core.ParseError(f"{source}: no table (no line with two or more cells)")
    header = rows[header_at]
    found = _find_columns(header, columns or {})
    for role in ("period", "value"):
        if role not in found:
            raise _core.ParseError(f"{source}:{header_at + 1}: no {role} column in {header}; give it in columns=")
    if "organisation" not in found and "code" not in found:
        raise _core.ParseError(f"{source}:{header_at + 1}: no organisation or code column in {header}")
    if "indicator" not in found and not indicator:
        raise _core.ParseError(f"{source}:{header_at + 1}: no indicator column; give indicator=")

    resolve = _Resolver(corpus, add_organisations, report)
    by_name: Dict[str, _core.Indicator] = {}
    for ind in corpus.indicators():
        by_name[_fold(ind.name)] = ind
        by_name[_fold(ind.id)] = ind
    touched: Dict[str, _core.Indicator] = {}
    new_direction = _core.Direction(direction) if isinstance(direction, str) else direction

    def cell(row: Sequence[str], role: str) -> str:
        i = found.get(role)
        return str(row[i]).strip() if i is not None and i < len(row) else ""

    for lineno, row in enumerate(rows[header_at + 1:], start=header_at + 2):
        if not any(str(c).strip() for c in row):
            continue
        where = f"{source}:{lineno}"
        name = cell(row, "indicator") or indicator or ""
        key = _fold(name)
        ind = touched.get(key) or by_name.get(key)
        if ind is None:
            ind = _core.Indicator(id=f"indicator/{_slug(name)}", name=name, unit=cell(row, "unit") or unit or "")
            if new_direction is not None:
                ind.direction = new_direction
        touched[key] = ind
        by_name[key] = ind
        period = _period(cell(row, "period"))
        if period is None:
            report.warnings.append(f"{where}: period {cell(row, 'period')!r} not understood; row skipped")
            continue
        national, org = resolve(cell(row, "organisation"), cell(row, "code"))
        if not national and org is None:
            report.warnings.append(f"{where}: organisation {cell(row, 'organisation') or cell(row, 'code')!r}"
                                   " not in the corpus; row skipped")
            continue
        value = _number(cell(row, "value"))
        observations = list(ind.observations)
        if value is None:
            if cell(row, "value"):
                report.warnings.append(f"{where}: value {cell(row, 'value')!r} is not a number; skipped")
        else:
            obs = _core.Observation(organisation=org, period=period, value=value)
            if not any(o.organisation == org and o.period == period and o.value == value for o in observations):
                observations.append(obs)
                report.observations_added += 1
        national_value = _number(cell(row, "national"))
        if national_value is not None:
            obs = _core.Observation(organisation=None, period=period, value=national_value)
            if not any(o.organisation is None and o.period == period for o in observations):
                observations.append(obs)
                report.observations_added += 1
        ind.observations = observations
        target_value = _number(cell(row, "target"))
        if target_value is not None:
            targets = list(ind.targets)
            if not any(t.period == period and t.value == target_value for t in targets):
                targets.append(_core.Target(value=target_value, kind=_core.TargetKind.national, period=period))
                ind.targets = targets
                report.targets_added += 1
    for ind in touched.values():
        if corpus.find_indicator(ind.id) is not None:
            corpus.update(ind)
        else:
            corpus.add(ind)
        report.indicators.append(ind.id)
    return report
