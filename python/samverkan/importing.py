"""Importing minutes, protocols, agreements and action plans (text, Markdown, Word .docx and PDF).

    import samverkan as sv
    result = sv.import_minutes("data/sample/minutes")      # a folder, a file, or the text itself
    result.meetings[0].date, len(result.warnings)
    result.corpus.to_frames()["decisions"]

Names are resolved against the corpus given (or a new one): an organisation
written "VGR" in one document and "Västra Götalandsregionen" in another is one
organisation, a person met in several meetings one person.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional, Union

from . import _core


@dataclass
class ImportedMinutes:
    """What samverkan.import_minutes read: the corpus it added to, and per document what came of it."""

    corpus: _core.Corpus
    """The corpus the documents were added to (the one given, or a new one)."""
    results: List[_core.ImportResult] = field(default_factory=list)
    """One ImportResult per document, in the order read."""
    documents: List[str] = field(default_factory=list)
    """The document each result came from (its path, or the name given for text), in the same order."""

    def summary(self):
        """One row per document: document, meeting_id, body, date, title, attendees, items,
        decisions, action_items, warnings (a pandas DataFrame)."""
        import pandas as pd

        rows = []
        for document, r in zip(self.documents, self.results):
            m = self.corpus.find_meeting(r.meeting) if r.meeting else None
            body = self.corpus.find_organisation(m.body) if m is not None and m.body else None
            rows.append({
                "document": document, "meeting_id": r.meeting,
                "body": body.name if body is not None else None,
                "date": pd.Timestamp(m.date) if m is not None and m.date else pd.NaT,
                "title": m.title if m is not None else None,
                "attendees": len(m.attendance) if m is not None else 0,
                "items": len(m.items) if m is not None else 0,
                "decisions": sum(len(i.decisions) for i in m.items) if m is not None else 0,
                "action_items": len(r.action_items), "warnings": len(r.warnings),
            })
        return pd.DataFrame(rows, columns=["document", "meeting_id", "body", "date", "title", "attendees", "items",
                                           "decisions", "action_items", "warnings"])
    errors: List[str] = field(default_factory=list)
    """For a folder: one message per file that could not be read (damaged, encrypted, a scan, not a
    document), naming the file; the folder's other documents are still imported."""

    @property
    def meetings(self) -> List[_core.Meeting]:
        """The meetings the documents hold, as records (copies) from the corpus. A document that
        is only an agreement or an action plan holds none."""
        return [self.corpus.get_meeting(r.meeting) for r in self.results if r.meeting]

    @property
    def agreements(self) -> List[_core.Agreement]:
        """The agreements the documents hold (alone, or appended after a protocol), as records (copies)."""
        return [self.corpus.get_agreement(i) for r in self.results for i in r.agreements]

    @property
    def plans(self) -> List[_core.ActionPlan]:
        """The action plans the documents hold, as records (copies)."""
        return [self.corpus.get_plan(i) for r in self.results for i in r.plans]

    @property
    def action_items(self) -> List[_core.ActionItem]:
        """The action items the documents' decisions gave, as records (copies)."""
        return [self.corpus.get_action_item(i) for r in self.results for i in r.action_items]

    @property
    def warnings(self) -> List[_core.ImportWarning]:
        """Everything the importer could not read, each naming its document and line."""
        return [w for r in self.results for w in r.warnings]

    def __repr__(self) -> str:
        return (
            f"ImportedMinutes({len(self.results)} documents, {len(self.errors)} not read, "
            f"{len(self.warnings)} warnings, "
            f"corpus of {len(self.corpus)} records)"
        )


def _in_notebook() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"


def _progress(items: list, wanted: Optional[bool], label: str):
    """items, wrapped in a tqdm bar when wanted (None: in a notebook, for more than 20)."""
    show = wanted if wanted is not None else (len(items) > 20 and _in_notebook())
    if not show:
        return items
    try:
        from tqdm.auto import tqdm  # Debian: python3-tqdm
    except ImportError:
        return items
    return tqdm(items, desc=label, unit="dok")


def _looks_like_path(value: str) -> bool:
    # Text of minutes has line breaks; a path has none and exists.
    if "\n" in value or len(value) > 4096:
        return False
    try:
        return Path(value).exists()
    except (OSError, ValueError):
        return False


def import_minutes(
    path_or_text: Union[str, "os.PathLike[str]"],
    corpus: Optional[_core.Corpus] = None,
    *,
    document: str = "",
    year: Optional[int] = None,
    progress: Optional[bool] = None,
    update_existing: bool = True,
) -> ImportedMinutes:
    """Reads minutes and protocols into a corpus.

    Args:
        path_or_text: a file (text, Markdown, .docx or PDF, told by its content),
            a folder (its .txt, .md, .docx and .pdf files, recursively, in name
            order, README files left out), or the text of one document. PDF
            needs a build with PDF support (samverkan.features()["pdf"]).
            A str is taken as a path when it has no line break and names an
            existing file or folder.
        corpus: the Corpus to resolve names against and add to; a new one when None.
        document: for text, the name used in provenance and warnings.
        year: the year of dates written without one ("25/11") when a document
            names none.
        progress: show a progress bar (tqdm) while a folder is read; None shows one in a
            Jupyter notebook for more than 20 documents and stays silent in scripts.
        update_existing: a meeting already in the corpus (same body, date and
            title, e.g. a second set of notes of one meeting) takes in what the
            document adds to it: attendees, items, decisions, action items; a
            warning says what. False leaves the meeting as it was.

    Returns:
        ImportedMinutes with the corpus, the meetings, action items and warnings.

    Raises:
        FileError: a file could not be read, or a folder could not be listed.
            Of a folder's files, those that cannot be read are listed in
            ImportedMinutes.errors instead and the others imported.
    """
    if corpus is None:
        corpus = _core.Corpus()
    imported = ImportedMinutes(corpus=corpus)
    if isinstance(path_or_text, os.PathLike) or (isinstance(path_or_text, str) and _looks_like_path(path_or_text)):
        target = os.fspath(path_or_text)
        folder = os.path.isdir(target)
        paths = _core.collect_documents(paths=[target])
        for path in _progress(paths, progress, "importerar"):
            try:
                imported.results.append(_core.import_file(corpus=corpus, path=path, year=year,
                                                                 update_existing=update_existing))
                imported.documents.append(path)
            except _core.FileError as e:
                if not folder:
                    raise
                imported.errors.append(str(e))
    elif isinstance(path_or_text, str):
        imported.results.append(_core.import_text(corpus=corpus, text=path_or_text, document=document, year=year,
                                                         update_existing=update_existing))
        imported.documents.append(document)
    else:
        raise TypeError(f"import_minutes() takes a path or the text of a document, not {type(path_or_text).__name__}")
    return imported
