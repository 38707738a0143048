"""Every table of a corpus to one Excel workbook or a folder of CSV files.

    sv.spreadsheet.to_excel(corpus, "korpus.xlsx", language="sv")   # one sheet per table
    sv.spreadsheet.to_csv(corpus, "tabeller/", language="sv")       # one file per table

With ``language="sv"`` the column headers and the values of the vocabulary
columns (status, kind, form ...) are Swedish; ids stay as they are, so the
sheets still join. Money columns are written as whole öre (exact) and as
kronor (a number Excel can sum); exact ``Decimal`` columns become numbers with
two decimals. Dates are written as dates.
"""

from __future__ import annotations

import decimal
import os
import pathlib
from typing import Dict, Iterable, Optional, Union

import pandas as pd

from . import _core

__all__ = ["frames", "to_excel", "to_csv", "SWEDISH_COLUMNS"]

#: Swedish column headers, by English column name (the part before a _id/_ore/_kr suffix is
#: translated with the suffix kept).
SWEDISH_COLUMNS: Dict[str, str] = {
    "meeting": "möte", "body": "organ", "title": "rubrik", "record_kind": "slag av anteckning",
    "date": "datum", "start": "start", "end": "slut", "place": "plats", "form": "mötesform",
    "attendees": "deltagare", "agenda_items": "punkter", "adjusted_on": "justerad", "next_meeting": "nästa möte",
    "person": "person", "represents": "företräder", "status": "status", "roles": "roller",
    "coopted_for_items": "adjungerad för punkter", "substitute_for": "ersätter", "party": "parti", "note": "anteckning",
    "number": "nummer", "order": "ordning", "purposes": "syften", "presenter": "föredragande",
    "presenter_ids": "föredragande (id)", "case_number": "diarienummer", "decisions": "beslut",
    "decision": "beslut", "item_number": "punkt", "kind": "slag", "procedural": "formalia", "text": "text",
    "proposal": "förslag", "references": "hänvisningar", "action_item": "uppdrag", "what": "vad",
    "owner_person": "ansvarig person", "owner_organisation": "ansvarig organisation", "due": "klart senast",
    "is_open": "öppet", "organisation": "organisation", "name": "namn", "organisation_number": "organisationsnummer",
    "parent": "överordnad", "aliases": "andra namn", "membership": "uppdrag i organ", "role": "roll",
    "role_title": "titel i rollen", "on_behalf_of": "för", "agreement": "överenskommelse", "short_name": "kortnamn",
    "effective_end": "gäller till", "total": "totalt", "party_ids": "parter (id)", "payments": "utbetalningar",
    "index": "nr", "amount": "belopp", "approximate": "ungefärligt", "block": "block", "condition": "villkor",
    "payer": "betalare", "payee": "mottagare", "by": "av", "to": "till", "deadline": "senast", "plan": "plan",
    "level": "nivå", "owner_ids": "ägare (id)", "goals": "mål", "activities": "aktiviteter",
    "funding_lines": "medel", "goal": "mål", "indicator_ids": "indikatorer (id)", "activity": "aktivitet",
    "goal_ids": "mål (id)", "responsible_ids": "ansvariga (id)", "funding_line": "medelsrad", "pot": "pott",
    "year": "år", "budget": "budget", "is_linked": "kopplad", "indicator": "indikator", "area": "område",
    "serves": "tjänar", "unit": "enhet", "direction": "riktning", "targets": "målnivåer",
    "observations": "observationer", "is_national": "riket", "value": "värde", "funding_pot": "pott",
    "meetings": "möten", "currency": "valuta",
    "item": "punkt", "item_title": "punktens rubrik", "decided_by": "beslutat av", "done_on": "klart den",
    "meeting_date": "mötesdatum", "mentioned": "nämnt datum", "attachment": "bilaga", "attachments": "bilagor",
    "escalations": "lyfta frågor", "amounts": "belopp", "text_length": "textlängd", "owner": "ägare",
    "responsible": "ansvariga", "party_ids": "parter (id)", "party_names": "parter",
}
_SUFFIXES = {"_ids": " (id)", "_names": "", "_id": " (id)", "_name": "", "_ore": " (öre)", "_kr": " (kr)",
             "_currency": " (valuta)"}


def _swedish_header(column: str) -> str:
    if column in SWEDISH_COLUMNS:
        return SWEDISH_COLUMNS[column]
    for suffix, label in _SUFFIXES.items():
        if column.endswith(suffix) and column[: -len(suffix)] in SWEDISH_COLUMNS:
            return SWEDISH_COLUMNS[column[: -len(suffix)]] + label
    return column


def _for_writing(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    # A sheet has one kronor column per amount: <x>_kr (float64) beside the exact <x>_ore; the
    # Decimal <x>_kr_exact would only repeat it.
    out = frame.drop(columns=[c for c in frame.columns if c.endswith("_kr_exact")])
    for col in out.columns:
        s = out[col]
        if s.dtype == object and len(s) and any(isinstance(v, decimal.Decimal) for v in s.head(50)):
            out[col] = pd.to_numeric(s.map(lambda v: float(v) if isinstance(v, decimal.Decimal) else v))
    if language == "sv":
        out.columns = [_swedish_header(c) for c in out.columns]
    return out


def frames(corpus: _core.Corpus, tables: Optional[Iterable[str]] = None, language: str = "en") -> Dict[str, pd.DataFrame]:
    """The corpus's tables (all, or those named) ready to write: money as öre and kronor numbers
    (the exact Decimal columns left out), and with language="sv" Swedish headers and vocabulary
    values (the frames' own language="sv")."""
    if language not in ("en", "sv"):
        raise ValueError(f"language: 'en' or 'sv', not {language!r}")
    names = list(tables) if tables is not None else list(_core.FRAME_NAMES)
    unknown = [n for n in names if n not in _core.FRAME_NAMES]
    if unknown:
        raise ValueError(f"tables: no table {unknown[0]!r}; the tables are {', '.join(_core.FRAME_NAMES)}")
    return {name: _for_writing(corpus.frame(name, language=language), language) for name in names}


def to_excel(corpus: _core.Corpus, path: Union[str, os.PathLike], *, tables: Optional[Iterable[str]] = None,
             language: str = "en") -> str:
    """Writes every table (or those named) to one .xlsx workbook, one sheet per table, the sheet
    named as the table (Swedish with language="sv"). Needs openpyxl (Debian: python3-openpyxl).
    Returns the path written."""
    try:
        import openpyxl  # noqa: F401
    except ImportError as e:  # pragma: no cover - depends on the machine
        raise _core.FileError(f"{path}: writing Excel needs openpyxl (python3-openpyxl)") from e
    written = frames(corpus, tables, language)
    path = os.fspath(path)
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, frame in written.items():
            sheet = (_swedish_header(name) if language == "sv" else name)[:31]
            frame.to_excel(writer, sheet_name=sheet, index=False)
            ws = writer.sheets[sheet]
            ws.freeze_panes = "A2"
            for i, col in enumerate(frame.columns, start=1):
                width = max([len(str(col))] + [len(str(v)) for v in frame[col].head(200)]) + 2
                ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width = min(width, 60)
    return path


def to_csv(corpus: _core.Corpus, folder: Union[str, os.PathLike], *, tables: Optional[Iterable[str]] = None,
           language: str = "en") -> Dict[str, str]:
    """Writes every table (or those named) as folder/<table>.csv (UTF-8 with a byte-order mark, so
    Excel reads å, ä, ö; with language="sv" separated by ';' with decimal commas, as Swedish Excel
    expects). Returns the path of each table's file."""
    folder = pathlib.Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out: Dict[str, str] = {}
    for name, frame in frames(corpus, tables, language).items():
        path = folder / f"{name}.csv"
        if language == "sv":
            frame.to_csv(path, index=False, sep=";", decimal=",", encoding="utf-8-sig")
        else:
            frame.to_csv(path, index=False, encoding="utf-8-sig")
        out[name] = str(path)
    return out
