"""Importing meeting minutes, protocols, agreements and action plans (plain text or Markdown).

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
            f"ImportedMinutes({len(self.results)} documents, {len(self.warnings)} warnings, "
            f"corpus of {len(self.corpus)} records)"
        )


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
) -> ImportedMinutes:
    """Reads minutes and protocols into a corpus.

    Args:
        path_or_text: a file, a folder (its .txt and .md files, recursively, in
            name order, README files left out), or the text of one document.
            A str is taken as a path when it has no line break and names an
            existing file or folder.
        corpus: the Corpus to resolve names against and add to; a new one when None.
        document: for text, the name used in provenance and warnings.
        year: the year of dates written without one ("25/11") when a document
            names none.

    Returns:
        ImportedMinutes with the corpus, the meetings, action items and warnings.

    Raises:
        FileError: a file or folder could not be read.
    """
    if corpus is None:
        corpus = _core.Corpus()
    imported = ImportedMinutes(corpus=corpus)
    if isinstance(path_or_text, os.PathLike) or (isinstance(path_or_text, str) and _looks_like_path(path_or_text)):
        for path in _core.collect_documents(paths=[os.fspath(path_or_text)]):
            imported.results.append(_core.import_file(corpus=corpus, path=path, year=year))
    elif isinstance(path_or_text, str):
        imported.results.append(_core.import_text(corpus=corpus, text=path_or_text, document=document, year=year))
    else:
        raise TypeError(f"import_minutes() takes a path or the text of a document, not {type(path_or_text).__name__}")
    return imported
