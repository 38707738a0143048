"""samverkan.dask on a real distributed cluster: a LocalCluster of 2 worker processes.

Worker processes (not threads) so that every Part, Corpus and ImportResult
really crosses a process boundary through pickling; the archive is a few
dozen generated documents so that the module stays within seconds on 2 cores.
"""

import os
import pickle
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
dd = pytest.importorskip("dask.dataframe")

import samverkan as sv  # noqa: E402
from samverkan import dask as svd  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample" / "minutes"

# Debian's distributed 2022.12 with its tornado warns of deprecated event-loop
# calls of its own; nothing of samverkan's.
pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning"),
              pytest.mark.filterwarnings("ignore::ResourceWarning"),
              pytest.mark.filterwarnings("ignore:Port .* is already in use:UserWarning"),
              pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")]


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    out = tmp_path_factory.mktemp("archive")
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate_minutes.py"), "--files", "36", "--min-kb", "2",
         "--max-kb", "5", "--seed", "3", "--out", str(out)],
        check=True, capture_output=True)
    return out


@pytest.fixture(scope="module")
def client():
    if os.environ.get("SAMVERKAN_SANITIZED"):
        # Worker processes would start with the sanitizer runtimes preloaded,
        # several times slower, for what the threaded test below covers in
        # one process.
        pytest.skip("a cluster of worker processes is not run under the sanitizers (scripts/python_asan.sh)")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", UserWarning)
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
        c = distributed.Client(cluster)
    try:
        yield c
    finally:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            c.close()
            cluster.close()


def records(corpus, kind):
    return {r.id: r for r in getattr(corpus, kind)()}


@pytest.mark.parametrize("partition_size", [1, 5, 36])
def test_partitioned_import_gives_the_ids_and_records_of_one_import(archive, client, partition_size):
    one = sv.import_minutes(str(archive))
    many = svd.import_corpus(str(archive), client=client, partition_size=partition_size, split_every=2)
    for kind in ("organisations", "people", "meetings", "action_items"):
        assert records(many.corpus, kind) == records(one.corpus, kind), kind
    assert many.corpus == one.corpus
    assert [r.meeting for r in many.results] == [r.meeting for r in one.results]
    assert [r.new_people for r in many.results] == [r.new_people for r in one.results]
    assert [r.new_organisations for r in many.results] == [r.new_organisations for r in one.results]
    assert many.results == one.results


def test_acronym_first_met_in_another_partition_is_one_organisation(tmp_path, client):
    # "VGR" alone in the first document, the full name in the second: one
    # import takes them for one organisation; so must two partitions.
    # Likewise "Hallands region" for "Region Halland", and a name met at one
    # organisation for the same person at another.
    first = ("Styrgrupp för nära vård\nDatum: 2024-03-14\n\nNärvarande:\nAnna Berg, VGR\n"
             "Per Ek, Region Halland\nEva Lund, Borås Stad\n")
    second = ("Styrgrupp för nära vård\nDatum: 2024-04-11\n\nNärvarande:\n"
              "Anna Berg, Västra Götalandsregionen\nPer Ek, Hallands region\nEva Lund, Alingsås kommun\n")
    (tmp_path / "a.txt").write_text(first, encoding="utf-8")
    (tmp_path / "b.txt").write_text(second, encoding="utf-8")
    one = sv.import_minutes(str(tmp_path))
    # What one import makes of these, so that the equality below is not of two empty corpora.
    assert one.corpus.resolve_organisation("VGR") == one.corpus.resolve_organisation("Västra Götalandsregionen")
    assert one.corpus.resolve_organisation("VGR") is not None
    assert one.corpus.resolve_organisation("Hallands region") == one.corpus.resolve_organisation("Region Halland")
    assert len(one.corpus.resolve_person("Eva Lund")) == 1
    many = svd.import_corpus(str(tmp_path), client=client, partition_size=1)
    assert records(many.corpus, "organisations") == records(one.corpus, "organisations")
    assert records(many.corpus, "people") == records(one.corpus, "people")
    assert many.corpus == one.corpus and many.results == one.results
    # Without the importer's rules across the seam the merge alone keeps them apart.
    parts = [svd._import_partition([(i, str(p))], None)[0] for i, p in enumerate(svd.documents(str(tmp_path)))]
    plain = parts[0].corpus
    plain.merge(parts[1].corpus)
    assert len(plain.organisations()) > len(one.corpus.organisations())


def test_sample_minutes_in_partitions_of_one(client):
    one = sv.import_minutes(str(SAMPLE))
    many = svd.import_corpus(str(SAMPLE), client=client, partition_size=1, split_every=3)
    assert many.corpus == one.corpus


def test_the_bag_holds_parts_that_pickle_through_the_archive(archive, client):
    bag = svd.import_bag(str(archive), partition_size=10)
    assert bag.npartitions == 4
    parts = client.compute(bag).result()
    assert [p.first for p in parts] == [0, 10, 20, 30]
    assert sum(len(p.results) for p in parts) == 36
    state = parts[0].corpus.__reduce__()[2]
    assert state[0].startswith(b"\x89SVK")  # the library's binary archive, not fields one by one
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(parts[1], protocol=protocol))
        assert back.corpus == parts[1].corpus and back.results == parts[1].results
    # Scattered to a worker process and brought back.
    future = client.scatter(parts[2])
    assert client.submit(lambda p: len(p.corpus.meetings()), future).result() == 10
    assert future.result().corpus == parts[2].corpus


def test_documents_from_an_fsspec_glob_are_the_folders(archive):
    listed = svd.documents(str(archive))
    globbed = svd.documents(str(archive) + "/**/*.txt") + svd.documents(str(archive) + "/**/*.md")
    assert sorted(globbed) == sorted(listed)
    assert len(listed) == 36
    url = svd.documents("file://" + str(archive) + "/*/*.md")
    assert url and all(u.startswith("file://") or u.startswith("/") for u in url)


def test_an_fsspec_url_imports_like_the_path(archive, client):
    one = sv.import_minutes(str(archive))
    many = svd.import_corpus("file://" + str(archive) + "/*/*", client=client, partition_size=9)
    assert many.corpus == one.corpus


@pytest.fixture(scope="module")
def imported(archive):
    return sv.import_minutes(str(archive)).corpus


@pytest.mark.parametrize("by", ["year", "body"])
def test_dask_frames_have_the_columns_dtypes_and_rows_of_the_pandas_frames(imported, client, by):
    frames = svd.to_dask_frames(imported, client=client, by=by, npartitions=3)
    pandas = imported.to_frames()
    assert set(frames) == set(sv.FRAME_NAMES)
    for name, ddf in frames.items():
        expected = pandas[name]
        got = ddf.compute()
        assert list(got.columns) == list(expected.columns), name
        assert dict(got.dtypes) == dict(expected.dtypes), name
        # Rows come in partition order; compare them as sorted text.
        a = got.astype(str).sort_values(list(got.columns)).reset_index(drop=True)
        b = expected.astype(str).sort_values(list(expected.columns)).reset_index(drop=True)
        assert a.equals(b), name
    years = {m.date.year for m in imported.meetings() if m.date}
    if by == "year":
        assert frames["decisions"].npartitions == len(years)


def test_a_grouped_query_runs_on_the_cluster(imported, client):
    frames = svd.to_dask_frames(imported, client=client)
    got = frames["decisions"].groupby("kind").size().compute()
    expected = imported.to_frames()["decisions"].groupby("kind").size()
    assert got.sort_index().to_dict() == expected.sort_index().to_dict()
    # The small tables join as pandas frames (dask 2022.12 fails to cull a
    # broadcast join with a one-partition frame made from_delayed).
    attendance = frames["attendance"].merge(frames["people"].compute(), on="person_id")
    assert len(attendance) == len(imported.to_frames()["attendance"])


def test_threaded_workers_give_the_same_corpus(archive):
    # Threads of one process share the corpus objects (no pickling between
    # tasks); import and merge release the GIL so the threads run at once.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", UserWarning)
        cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=":0")
        c = distributed.Client(cluster)
    try:
        many = svd.import_corpus(str(archive), client=c, partition_size=4)
    finally:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            c.close()
            cluster.close()
    assert many.corpus == sv.import_minutes(str(archive)).corpus
