"""samverkan.import_minutes: text, files and folders into a corpus."""

import datetime
import pathlib
import pickle

import pytest

import samverkan

ROOT = pathlib.Path(__file__).resolve().parents[2]
MINUTES = ROOT / "data" / "sample" / "minutes"
SHARED = ROOT.parent / "shared" / "corpus"

TEXT = """Minnesanteckningar
Styrgruppen för nära vård

Datum: 2024-03-14
Tid: 09.00-11.30
Mötesform: Teams

Närvarande:
Anna Berg, Västra Götalandsregionen (ordförande)
Per Ek, Göteborgs Stad
Lisa Ström, VGR

1. Budget för 2024
Föredragande: Anna Berg
Regionen avsätter ca 25 000 000 kr.
Beslut: Styrgruppen ger Per Ek i uppdrag att ta fram ett förslag till den 15 april.

2. Övrigt
Nästa möte: 2024-05-16
"""


def test_text_gives_a_meeting_with_its_facts():
    result = samverkan.import_minutes(TEXT, document="styrgrupp.txt")
    assert len(result.results) == 1
    (meeting,) = result.meetings
    assert meeting.date == datetime.date(2024, 3, 14)
    assert str(meeting.start) == "09:00" and str(meeting.end) == "11:30"
    assert meeting.form == samverkan.MeetingForm.teams
    assert meeting.next_meeting == datetime.date(2024, 5, 16)
    assert [item.number for item in meeting.items] == ["1", "2"]
    budget = meeting.items[0]
    assert budget.title == "Budget för 2024"
    assert [m.ore for m in budget.amounts] == [25_000_000_00]
    assert budget.amounts[0].approximate
    assert [d.kind for d in budget.decisions] == [samverkan.DecisionKind.assigned]
    (action,) = result.action_items
    assert action.what == "ta fram ett förslag"
    assert action.due == datetime.date(2024, 4, 15)
    corpus = result.corpus
    assert corpus.get_person(action.owner_person).name == "Per Ek"
    # "VGR" on Lisa Ström's line is the region Anna Berg's line names in full.
    people = {corpus.get_person(a.person).name: a for a in meeting.attendance}
    assert people["Lisa Ström"].represents == people["Anna Berg"].represents
    assert samverkan.MeetingRole.chair in people["Anna Berg"].roles
    assert budget.provenance.document == "styrgrupp.txt"
    assert (budget.provenance.first_line, budget.provenance.last_line) == (13, 16)


def test_a_folder_builds_one_connected_corpus():
    result = samverkan.import_minutes(MINUTES)
    assert len(result.results) == 6  # the folder's README is not a record
    corpus = result.corpus
    assert len(corpus.meetings()) == 6
    # Sofia Lindqvist sits in three of the groups: one person.
    assert len(corpus.resolve_person("Sofia Lindqvist")) == 1
    vgr = corpus.resolve_organisation("VGR")
    assert vgr is not None and vgr == corpus.resolve_organisation("Västra Götalandsregionen")
    frames = corpus.to_frames()
    assert len(frames["meetings"]) == 6
    assert len(frames["action_items"]) == len(result.action_items) > 0
    assert not [p for p in corpus.validate() if p.severity == samverkan.Severity.error]


def test_into_an_existing_corpus_and_not_twice(tmp_path):
    corpus = samverkan.Corpus()
    first = samverkan.import_minutes(str(MINUTES / "01_styrgrupp_nara_vard_2022-03-10.txt"), corpus)
    again = samverkan.import_minutes(MINUTES / "01_styrgrupp_nara_vard_2022-03-10.txt", corpus)
    assert first.corpus is corpus and again.corpus is corpus
    assert len(corpus.meetings()) == 1
    assert again.results[0].meeting == first.results[0].meeting
    assert any("already in the corpus" in w.message for w in again.warnings)


def test_warnings_name_document_and_line():
    text = "Protokoll\nStyrelsen\n\nDatum: den trettonde\n\n§ 1 Ärende\nBeslut: Styrelsen godkänner.\n"
    result = samverkan.import_minutes(text, document="p.txt")
    messages = [(w.document, w.line, w.message) for w in result.warnings]
    assert ("p.txt", 4, "the date could not be read") in messages
    assert str(result.warnings[0]).startswith("p.txt:4: the date could not be read")


def test_results_pickle():
    result = samverkan.import_minutes(TEXT)
    (one,) = result.results
    assert pickle.loads(pickle.dumps(one)) == one
    assert pickle.loads(pickle.dumps(result.corpus)).meetings() == result.corpus.meetings()


def test_bad_input_raises_the_right_errors(tmp_path):
    with pytest.raises(samverkan.FileError):
        samverkan.import_file(corpus=samverkan.Corpus(), path=str(tmp_path / "missing.txt"))
    with pytest.raises(samverkan.FileError):
        samverkan.collect_documents(paths=[str(tmp_path / "nowhere")])
    with pytest.raises(TypeError):
        samverkan.import_minutes(42)
    # Bytes that are not minutes at all still give a (nearly empty) meeting and warnings, not a crash.
    result = samverkan.import_minutes("\x00\xff" * 50 + "\n§§§\n1.\n")
    assert len(result.results) == 1


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/corpus is not beside the repository")
def test_the_real_working_group_minutes():
    result = samverkan.import_minutes(SHARED / "000_9c70a888c9c3dc34.txt")
    (meeting,) = result.meetings
    assert meeting.date == datetime.date(2024, 10, 28)
    assert len(meeting.attendance) == 15
    excused = [a for a in meeting.attendance if a.status == samverkan.AttendanceStatus.excused]
    assert [result.corpus.get_person(a.person).name for a in excused] == ["Jeanette Rehn"]


AGREEMENTS = ROOT / "benchmarks" / "fidelity" / "agreements" / "documents"


def test_agreements_and_plans_are_imported_with_their_links():
    result = samverkan.import_minutes(AGREEMENTS)
    # a1, h1, p1, p2, h2 stand alone; a2 is a protocol with the agreement appended.
    assert len(result.meetings) == 1
    titles = sorted(a.title for a in result.agreements)
    assert "Kortare väntetider i barn- och ungdomspsykiatrin 2022" in titles
    assert len(result.agreements) == 3 and len(result.plans) == 3
    a2 = next(a for a in result.agreements if a.title.startswith("Gemensam hjälpmedelsverksamhet"))
    decision = result.meetings[0].items[0].decisions[0]
    assert a2.id in [r.id for r in decision.references]
    assert a2.amendments[-1].new_total == samverkan.Money.from_kronor(14_400_000)
    kalmar = next(p for p in result.plans if "Kalmar" in p.title)
    assert [str(e.new_end) for e in kalmar.period_extensions] == ["2022-12-31", "2023-12-31"]
    gaps = samverkan.plan_gaps(kalmar)
    assert len(gaps.unlinked_funding) == 3
