import datetime
import pickle

import pytest

import samverkan as sv
from conftest import BROKEN, SAMPLE


def test_load_sample(sample):
    counts = sample.counts()
    assert counts["organisations"] == 18
    assert counts["meetings"] == 3
    assert len(sample) == sum(counts.values())
    assert sample.validate() == [] or all(isinstance(p, sv.Problem) for p in sample.validate())


def test_save_and_load_round_trip(sample, tmp_path):
    path = tmp_path / "copy.json"
    sample.save(str(path))
    assert sv.Corpus.load(str(path)) == sample
    for fmt in ["json", "binary", "text", "xml", sv.ArchiveFormat.binary]:
        other = tmp_path / f"copy-{fmt}.data"
        sample.save(str(other), format=fmt)
        assert sv.Corpus.load(str(other)) == sample
    sample.save(str(tmp_path / "copy.svk"))
    assert (tmp_path / "copy.svk").read_bytes()[:4] == b"\x89SVK"


def test_corpus_pickles(sample):
    assert pickle.loads(pickle.dumps(sample)) == sample


def test_add_get_update_remove():
    c = sv.Corpus()
    vgr = c.add(sv.Organisation(name="Västra Götalandsregionen", aliases=["VGR"], kind="region"))
    assert vgr == "org/vastra-gotalandsregionen"
    assert c.resolve_organisation("vgr") == vgr
    assert c.resolve_organisation("nobody") is None
    jenny = c.resolve_or_add_person("Jenny Nilsson", vgr)
    assert c.resolve_person("Jenny Nilsson") == [jenny]
    group = c.resolve_or_add_organisation("Arbetsgrupp", sv.OrganisationKind.working_group)
    meeting = c.add(sv.Meeting(body=group, date=datetime.date(2024, 10, 28),
                               attendance=[sv.Attendance(person=jenny, represents=vgr)]))
    assert c.get_meeting(meeting).body == group
    assert c.find_meeting("meeting/none") is None
    assert c.meetings_in(sv.Period.years(2024, 2024)) == [meeting]
    assert c.meetings_of(group) == [meeting]
    assert sv.EntityRef(sv.EntityKind.meeting, meeting) in c.referring_to(sv.EntityRef(sv.EntityKind.person, jenny))
    assert sv.EntityRef(kind="organisation", id=vgr) in c

    org = c.get_organisation(vgr)
    org.aliases = ["VGR", "Regionen"]
    c.update(org)
    assert c.get_organisation(vgr).aliases == ["VGR", "Regionen"]
    assert [o.id for o in c.organisations()] == sorted([vgr, group])

    assert c.remove_meeting(meeting)
    assert not c.remove_meeting(meeting)
    assert c.validate() == []


def test_errors_become_python_exceptions():
    c = sv.Corpus()
    c.add(sv.Organisation(id="org/a", name="A"))
    with pytest.raises(sv.DuplicateIdError) as dup:
        c.add(sv.Organisation(id="org/a", name="A"))
    assert "org/a" in str(dup.value)
    with pytest.raises(sv.NotFoundError) as missing:
        c.get_organisation("org/b")
    assert isinstance(missing.value, KeyError) and "org/b" in str(missing.value)
    with pytest.raises(KeyError):
        c.update(sv.Person(id="person/nobody"))
    with pytest.raises(sv.FileError) as io:
        sv.Corpus.load("/nonexistent/corpus.json")
    assert isinstance(io.value, OSError)
    with pytest.raises(sv.DataError):
        c.save("/tmp/corpus.unknown-format")
    with pytest.raises(sv.ParseError):
        c.save("/tmp/corpus.json", format="pdf")


def test_bad_files_raise_and_do_not_crash(tmp_path):
    for text in ["", "{", "[]", '{"schema": "samverkan.corpus", "version": 99}',
                 '{"schema": "samverkan.corpus", "version": 1, "meetings": [{"id": 3}]}',
                 '\xff\xfe garbage']:
        path = tmp_path / "bad.json"
        path.write_text(text, encoding="utf-8", errors="surrogateescape")
        with pytest.raises(sv.Error):
            sv.Corpus.load(str(path))
    with pytest.raises(sv.ParseError):
        sv.Corpus.from_json("not json", "inline")


def test_damaged_archive_raises_corrupt_file_error(sample, tmp_path):
    path = tmp_path / "corpus.svk"
    sample.save(str(path))
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(sv.CorruptFileError):
        sv.Corpus.load(str(path))
    path.write_bytes(bytes(data[:40]))
    with pytest.raises(sv.FileError):
        sv.Corpus.load(str(path))


def test_validate_broken_file():
    broken = sv.Corpus.load(str(BROKEN))
    problems = broken.validate()
    assert problems
    first = problems[0]
    assert isinstance(first.severity, sv.Severity)
    assert isinstance(first.entity, sv.EntityRef)
    assert str(first).startswith(str(first.severity))
    assert first.message in str(first)


def test_merge(sample):
    other = sv.Corpus.load(str(SAMPLE))
    report = sample.merge(other)
    assert report.added == 0
    assert report.merged == len(other)
    assert sample == other


def test_random_and_mutated_input_raises_cleanly(sample, tmp_path):
    import random

    rng = random.Random(6)
    originals = {}
    for fmt in ["json", "binary", "text", "xml"]:
        path = tmp_path / f"sample.{fmt}"
        sample.save(str(path), format=fmt)
        originals[fmt] = path.read_bytes()
    target = tmp_path / "mutated"
    for round_ in range(200):
        data = bytearray(originals[["json", "binary", "text", "xml"][round_ % 4]])
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if round_ % 5 == 0:
            data = data[: rng.randrange(len(data))]
        target.write_bytes(bytes(data))
        try:
            sv.Corpus.load(str(target))
        except sv.Error:
            pass
    for _ in range(50):
        blob = bytes(rng.randrange(256) for _ in range(rng.randint(0, 200)))
        with pytest.raises(sv.Error):
            sv.Corpus.from_json(blob.decode("latin-1"))


def _size(corpus):
    return len(corpus), corpus.counts()


def test_corpus_travels_to_worker_processes(sample):
    import concurrent.futures
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=context) as pool:
        assert pool.submit(_size, sample).result() == (len(sample), sample.counts())


def test_party_and_procedural_reach_python_frames_and_pickles(tmp_path):
    corpus = sv.Corpus()
    body = corpus.add(sv.Organisation(name="Hälso- och sjukvårdsnämnden", kind="committee"))
    anna = corpus.resolve_or_add_person("Anna Berg", body)
    meeting = sv.Meeting(
        body=body, date=datetime.date(2024, 3, 14),
        attendance=[sv.Attendance(person=anna, party="KD")],
        items=[sv.AgendaItem(number="§1", decisions=[sv.Decision(kind="approved", procedural=True,
                                                                 text="Dagordningen godkänns.")])])
    corpus.add(meeting)
    frames = corpus.to_frames()
    assert list(frames["attendance"]["party"]) == ["KD"]
    assert list(frames["decisions"]["procedural"]) == [True]
    back = pickle.loads(pickle.dumps(corpus))
    assert back == corpus
    path = tmp_path / "c.json"
    corpus.save(str(path))
    assert sv.Corpus.load(str(path)) == corpus


def test_save_refuses_a_read_only_file_unless_forced(tmp_path):
    path = tmp_path / "c.svk"
    sv.Corpus().save(str(path))
    path.chmod(0o444)
    before = path.read_bytes()
    corpus = sv.Corpus.load(str(SAMPLE))
    with pytest.raises(sv.FileError, match="read-only"):
        corpus.save(str(path))
    assert path.read_bytes() == before
    corpus.save(str(path), force=True)
    assert sv.Corpus.load(str(path)) == corpus
