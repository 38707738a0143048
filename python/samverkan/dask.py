"""Importing and analysing an archive too large for one process, on Dask.

    import samverkan as sv
    from samverkan import dask as svd

    imported = svd.import_corpus("arkiv/")               # LocalCluster by default
    imported = svd.import_corpus("arkiv/", client=client) # or any distributed.Client
    frames = svd.to_dask_frames(imported.corpus, client=client)   # dask.dataframe per table
    frames["decisions"].groupby("kind").size().compute()

The documents (a folder tree, a list of paths, or an fsspec URL or glob) are
cut into partitions of consecutive documents, in the order a one-process
import reads them. Each partition is imported on a worker into a corpus of
its own, one document at a time (`import_file`), so a worker holds one
partition's corpus and one document's text, never the archive. The
partitions' corpora are then merged with `Corpus.merge` in a tree
(`split_every` at a time, neighbours only, left before right), so no one
process merges everything and documents keep their order.

Ids: the library makes an id from a record's name ("org/region-halland"),
with "-2", "-3" ... when it is taken, and the importer resolves a name
against what earlier documents made. A partition's import starts empty and
sees none of them; what makes the ids come out as a one-process import's is
the order of the merge (earlier partitions first, so the first spelling and
the first namesake keep the plain id) and samverkan._reconcile, which before
each merge resolves the right-hand side's organisations and people against
the left-hand side's as the importer would have (acronyms, a region's core
name, a namesake elsewhere), and after it keeps what the importer never
changes once made. docs/scale.md says what is and is not the same.

Everything that crosses a worker boundary pickles through the library's
binary archive (`Corpus.__reduce__`, records, ImportResult); import, merge
and pickling release the GIL, so threaded and process workers both run in
parallel.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from . import _core
from .importing import ImportedMinutes

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag
    import dask.dataframe
    import distributed

__all__ = [
    "Part",
    "documents",
    "import_bag",
    "merge_parts",
    "import_corpus",
    "to_dask_frames",
    "MEETING_TABLES",
]

#: Tables with one row per meeting or per something inside one: partitioned
#: by the meeting's year (or body). The others are small and stay whole.
MEETING_TABLES = ("meetings", "attendance", "agenda_items", "decisions", "action_items")

_GLOB_CHARS = set("*?[")


def _is_url_or_glob(path: str) -> bool:
    return "://" in path or any(c in _GLOB_CHARS for c in path)


def documents(source: Union[str, "os.PathLike[str]", Sequence[Union[str, "os.PathLike[str]"]]]) -> List[str]:
    """The documents an import of `source` reads, in the order it reads them.

    Args:
        source: a folder (its .txt and .md files, recursively, README files
            left out), a file, a list of files and folders, or an fsspec URL
            or glob ("s3://arkiv/**/*.txt", "arkiv/2024/*.md"); local paths are
            listed exactly as `samverkan.import_minutes` lists them.

    Raises:
        FileError: a path does not exist.
    """
    items = [source] if isinstance(source, (str, os.PathLike)) else list(source)
    out: List[str] = []
    local: List[str] = []

    def flush() -> None:
        if local:
            out.extend(_core.collect_documents(paths=list(local)))
            local.clear()

    for item in items:
        text = os.fspath(item)
        if isinstance(text, bytes):
            text = text.decode()
        if _is_url_or_glob(text):
            flush()
            import fsspec

            fs, _, paths = fsspec.get_fs_token_paths(text)
            protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
            found = sorted(p for p in paths if p.rsplit(".", 1)[-1].lower() in ("txt", "md", "markdown"))
            out.extend(p if protocol == "file" else f"{protocol}://{p}" for p in found)
        else:
            local.append(text)
    flush()
    return out


@dataclass
class Part:
    """What importing a run of consecutive documents gave: a corpus and, per document, its result.

    Pickles through the corpus's binary archive and the results' fields, so it
    travels between workers like a saved file.
    """

    first: int
    """Index of the first document in the whole import."""
    corpus: _core.Corpus
    """The documents' records, ids as a one-process import of them would make."""
    paths: List[str] = field(default_factory=list)
    """The documents, in import order."""
    results: List[_core.ImportResult] = field(default_factory=list)
    """One ImportResult per document, its ids in `corpus`."""


def _read_text(path: str) -> Tuple[str, str]:
    import fsspec

    with fsspec.open(path, "rt", encoding="utf-8") as f:
        text = f.read()
    return text, path.rsplit("/", 1)[-1]


def _import_partition(entries: Iterable[Tuple[int, str]], year: Optional[int]) -> List[Part]:
    part: Optional[Part] = None
    for index, path in entries:
        if part is None:
            part = Part(first=index, corpus=_core.Corpus())
        # One document at a time: only its text is in memory beside the corpus.
        if "://" in path:
            text, name = _read_text(path)
            result = _core.import_text(corpus=part.corpus, text=text, document=name, year=year)
        else:
            result = _core.import_file(corpus=part.corpus, path=path, year=year)
        part.paths.append(path)
        part.results.append(result)
    return [part] if part is not None else []


def import_bag(
    source: Union[str, "os.PathLike[str]", Sequence[Union[str, "os.PathLike[str]"]]],
    *,
    partition_size: int = 100,
    npartitions: Optional[int] = None,
    year: Optional[int] = None,
) -> "dask.bag.Bag":
    """The import as a dask.bag: one Part per partition of consecutive documents.

    Nothing runs until the bag is computed (or reduced by `merge_parts`).

    Args:
        source: what `documents` takes.
        partition_size: documents per partition (a worker imports one
            partition at a time, so this bounds its memory).
        npartitions: the number of partitions instead of their size.
        year: the year of dates written without one, as in `import_minutes`.
    """
    import dask.bag as db

    paths = documents(source)
    entries = list(enumerate(paths))
    if npartitions is not None:
        bag = db.from_sequence(entries, npartitions=max(1, min(npartitions, len(entries) or 1)))
    else:
        bag = db.from_sequence(entries, partition_size=max(1, partition_size))
    return bag.map_partitions(_import_partition, year)


def _ids_of(corpus: _core.Corpus) -> Tuple[set, set]:
    return ({o.id for o in corpus.organisations()}, {p.id for p in corpus.people()})


def _merge_two(left: Part, right: Part) -> Part:
    from . import _reconcile

    before_orgs, before_people = _ids_of(left.corpus)
    _reconcile.reconcile(left.corpus, right.corpus)
    kept = _reconcile.snapshot(left.corpus)
    report = left.corpus.merge(right.corpus)
    _reconcile.restore(left.corpus, kept)
    mapping: Dict[Tuple[str, str], str] = {(str(theirs.kind), theirs.id): ours.id for theirs, ours in report.renamed}

    def m(kind: str, value: str) -> str:
        return mapping.get((kind, value), value)

    for result in right.results:
        # A record right made that left already had is not new in the merged corpus.
        result.meeting = m("meeting", result.meeting)
        result.action_items = [m("action_item", i) for i in result.action_items]
        result.new_organisations = [
            i for i in (m("organisation", o) for o in result.new_organisations) if i not in before_orgs
        ]
        result.new_people = [i for i in (m("person", p) for p in result.new_people) if i not in before_people]
        left.results.append(result)
    left.paths.extend(right.paths)
    return left


def merge_parts(parts: Sequence[Part]) -> Part:
    """Merges neighbouring parts, left before right, into one (the first part is changed and returned)."""
    parts = [p for p in parts if p is not None]
    if not parts:
        return Part(first=0, corpus=_core.Corpus())
    out = parts[0]
    for part in parts[1:]:
        out = _merge_two(out, part)
    return out


def _flatten(parts: Iterable[Part]) -> Optional[Part]:
    parts = list(parts)
    return merge_parts(parts) if parts else None


def _aggregate(partials: Iterable[Optional[Part]]) -> Optional[Part]:
    partials = [p for p in partials if p is not None]
    return merge_parts(partials) if partials else None


def _reduction(bag: "dask.bag.Bag", split_every: int) -> Any:
    return bag.reduction(_flatten, _aggregate, split_every=split_every)


def import_corpus(
    source: Union[str, "os.PathLike[str]", Sequence[Union[str, "os.PathLike[str]"]]],
    client: Optional["distributed.Client"] = None,
    *,
    partition_size: int = 100,
    npartitions: Optional[int] = None,
    split_every: int = 4,
    year: Optional[int] = None,
    n_workers: Optional[int] = None,
    processes: bool = True,
) -> ImportedMinutes:
    """Imports the documents on a Dask cluster into one corpus.

    Args:
        source: what `documents` takes.
        client: a distributed.Client to run on; None starts a LocalCluster
            (`n_workers`, `processes`) for this call and closes it after.
        partition_size, npartitions, year: as in `import_bag`.
        split_every: parts merged by one task of the tree.

    Returns:
        ImportedMinutes: the corpus and one ImportResult per document, in the
        order a one-process import gives them.
    """
    bag = import_bag(source, partition_size=partition_size, npartitions=npartitions, year=year)
    if bag.npartitions == 0:
        return ImportedMinutes(corpus=_core.Corpus())
    total = _reduction(bag, max(2, split_every))
    own = None
    if client is None:
        from distributed import Client, LocalCluster

        cluster = LocalCluster(n_workers=n_workers, processes=processes, threads_per_worker=1,
                               dashboard_address=":0")
        own = Client(cluster)
        client = own
    try:
        part = client.compute(total).result()
    finally:
        if own is not None:
            cluster = own.cluster
            own.close()
            cluster.close()
    if part is None:
        return ImportedMinutes(corpus=_core.Corpus())
    return ImportedMinutes(corpus=part.corpus, results=list(part.results))


# ---- frames ----


def _meeting_years(corpus: _core.Corpus) -> Dict[Any, List[str]]:
    groups: Dict[Any, List[str]] = {}
    for meeting in corpus.meetings():
        key = meeting.date.year if meeting.date is not None else None
        groups.setdefault(key, []).append(meeting.id)
    return groups


def _meeting_bodies(corpus: _core.Corpus, n: int) -> Dict[Any, List[str]]:
    by_body: Dict[str, List[str]] = {}
    for meeting in corpus.meetings():
        by_body.setdefault(meeting.body, []).append(meeting.id)
    bodies = sorted(by_body)
    groups: Dict[Any, List[str]] = {}
    for k, body in enumerate(bodies):
        groups.setdefault(k * n // max(1, len(bodies)), []).extend(by_body[body])
    return groups


def _sub_corpus(corpus: _core.Corpus, meeting_ids: Sequence[str]) -> _core.Corpus:
    # Every organisation and person (the frames look names up), and only
    # these meetings and their action items.
    sub = _core.Corpus()
    for org in corpus.organisations():
        sub.add(org)
    for person in corpus.people():
        sub.add(person)
    wanted = set(meeting_ids)
    for mid in meeting_ids:
        sub.add(corpus.get_meeting(mid))
    for action in corpus.action_items():
        if action.meeting in wanted:
            sub.add(action)
    return sub


def _partition_frames(corpus: _core.Corpus, meeting_ids: Sequence[str]) -> Dict[str, Any]:
    sub = _sub_corpus(corpus, meeting_ids)
    return {name: sub.frame(name) for name in MEETING_TABLES}


def _whole_frame(corpus: _core.Corpus, name: str) -> Any:
    return corpus.frame(name)


def _meta(name: str) -> Any:
    import dask.dataframe as dd

    empty = _core.Corpus().frame(name)
    # Names (bodies, people ...) are categoricals whose categories depend on
    # the partition; vocabularies have every value as a category everywhere.
    unknown = [c for c in empty.columns if str(empty[c].dtype) == "category" and len(empty[c].cat.categories) == 0]
    return dd.utils.clear_known_categories(empty, cols=unknown) if unknown else empty


def to_dask_frames(
    corpus: Union[_core.Corpus, "distributed.Future"],
    client: Optional["distributed.Client"] = None,
    *,
    by: str = "year",
    npartitions: int = 8,
    tables: Optional[Sequence[str]] = None,
) -> Dict[str, "dask.dataframe.DataFrame"]:
    """The corpus's tables as dask DataFrames, with the columns and dtypes of `Corpus.to_frames()`.

    The meeting tables (MEETING_TABLES) have one partition per year of the
    meetings (by="year", undated meetings last) or per group of bodies
    (by="body", `npartitions` groups); each partition is built on a worker from
    the corpus, scattered to the cluster once. The other tables are one
    partition each.

    Args:
        corpus: a Corpus, or a Future of one already on the cluster.
        client: the distributed.Client; None uses the default one, or builds
            the partitions with the scheduler dask is configured with.
        by: "year" or "body".
        npartitions: groups of bodies for by="body".
        tables: the tables wanted; every table by default.
    """
    import dask
    import dask.dataframe as dd

    names = list(tables) if tables is not None else list(_core.FRAME_NAMES)
    for name in names:
        if name not in _core.FRAME_NAMES:
            raise ValueError(f"no table {name!r}; the tables are {', '.join(_core.FRAME_NAMES)}")
    if by not in ("year", "body"):
        raise ValueError(f"by must be 'year' or 'body', not {by!r}")
    local = corpus if isinstance(corpus, _core.Corpus) else None
    if client is None:
        try:
            from distributed import get_client

            client = get_client()
        except (ImportError, ValueError):
            client = None
    if local is None:
        local = corpus.result()  # type: ignore[union-attr]
    groups = _meeting_years(local) if by == "year" else _meeting_bodies(local, npartitions)
    keys = sorted(groups, key=lambda k: (k is None, k if k is not None else 0))
    shared: Any = local
    if client is not None:
        shared = corpus if not isinstance(corpus, _core.Corpus) else client.scatter(corpus, broadcast=True)

    out: Dict[str, dd.DataFrame] = {}
    meeting_names = [n for n in names if n in MEETING_TABLES]
    if meeting_names:
        built = [dask.delayed(_partition_frames, pure=True)(shared, groups[k]) for k in keys] or [
            dask.delayed(_partition_frames, pure=True)(shared, [])
        ]
        for name in meeting_names:
            pieces = [dask.delayed(lambda d, n=name: d[n], pure=True)(b) for b in built]
            out[name] = dd.from_delayed(pieces, meta=_meta(name), verify_meta=False)
    for name in names:
        if name in MEETING_TABLES:
            continue
        out[name] = dd.from_delayed([dask.delayed(_whole_frame, pure=True)(shared, name)], meta=_meta(name),
                                    verify_meta=False)
    return {name: out[name] for name in names}
