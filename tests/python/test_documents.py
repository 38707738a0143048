"""Word and PDF documents through samverkan.import_minutes."""

import pathlib
import shutil

import pytest

import samverkan

ROOT = pathlib.Path(__file__).resolve().parents[2]
FORMS = ROOT / "benchmarks" / "fidelity" / "forms"
TEXTS = ROOT / "benchmarks" / "fidelity" / "documents"
BAD = ROOT / "tests" / "fixtures" / "documents" / "bad"

needs_pdf = pytest.mark.skipif(not samverkan.features()["pdf"], reason="built without PDF support")


def test_features_say_what_this_build_reads():
    features = samverkan.features()
    assert features["docx"] is True
    assert isinstance(features["pdf"], bool)


def facts(imported):
    """The facts of the one meeting imported, by name, without provenance."""
    corpus = imported.corpus
    (meeting,) = imported.meetings

    def org(oid):
        return corpus.get_organisation(oid).name if oid else ""

    def person(pid):
        return corpus.get_person(pid).name

    out = {
        "date": meeting.date,
        "body": org(meeting.body),
        "title": meeting.title,
        "place": meeting.place,
        "form": meeting.form,
        "attendance": sorted(
            (person(a.person), org(a.represents), str(a.status), tuple(sorted(map(str, a.roles))))
            for a in meeting.attendance
        ),
        "items": [
            (i.number, i.title, [(str(d.kind), d.text) for d in i.decisions]) for i in meeting.items
        ],
        "actions": sorted(a.what for a in imported.action_items),
    }
    return out


@pytest.mark.parametrize("stem", ["08_natverk_varmland", "09_protokoll_hsn_halland"])
def test_txt_docx_and_pdf_forms_give_the_same_facts(stem):
    text = facts(samverkan.import_minutes(TEXTS / f"{stem}.txt"))
    word = facts(samverkan.import_minutes(FORMS / f"{stem}.docx"))
    for field, value in text.items():
        assert word[field] == value, f"{stem}.docx: {field}"
    if samverkan.features()["pdf"]:
        pdf = facts(samverkan.import_minutes(FORMS / f"{stem}.pdf"))
        for field, value in text.items():
            assert pdf[field] == value, f"{stem}.pdf: {field}"


def test_a_docx_attendance_table_pairs_names_and_organisations():
    imported = samverkan.import_minutes(FORMS / "08_natverk_varmland.docx")
    corpus = imported.corpus
    (meeting,) = imported.meetings
    by_name = {corpus.get_person(a.person).name: a for a in meeting.attendance}
    assert corpus.get_organisation(by_name["Jessica Öst"].represents).name == "Sunne kommun"
    # Provenance points into the original: the table row the fact was read from.
    assert by_name["Jessica Öst"].extensions["source.location"]== "table 2, row 9"  # the date line is table 1
    assert meeting.extensions["source.format"] == "docx"


def test_a_folder_with_bad_files_imports_the_good_ones(tmp_path):
    for f in BAD.iterdir():
        shutil.copy(f, tmp_path / f.name)
    shutil.copy(FORMS / "08_natverk_varmland.docx", tmp_path / "good.docx")
    imported = samverkan.import_minutes(tmp_path)
    names = [m.extensions["source.document"] for m in imported.meetings]
    assert "good.docx" in names
    joined = "\n".join(imported.errors)
    for name in ["damaged.docx", "bomb.docx", "deep.docx", "spreadsheet.docx", "image.pdf"]:
        assert name in joined
    if samverkan.features()["pdf"]:
        for name in ["encrypted.pdf", "damaged.pdf", "scan.pdf"]:
            assert name in joined
    assert "zip bomb" in joined


def test_a_single_bad_file_raises_naming_it():
    with pytest.raises(samverkan.FileError, match="damaged.docx"):
        samverkan.import_minutes(BAD / "damaged.docx")


@needs_pdf
def test_a_scanned_pdf_is_an_error_that_says_so():
    with pytest.raises(samverkan.FileError, match="no text"):
        samverkan.import_minutes(BAD / "scan.pdf")


@needs_pdf
def test_pdf_provenance_names_page_and_line():
    imported = samverkan.import_minutes(FORMS / "09_protokoll_hsn_halland.pdf")
    (meeting,) = imported.meetings
    locations = [i.extensions["source.location"] for i in meeting.items]
    assert all(loc.startswith("page ") for loc in locations)
    assert any(loc.startswith("page 2") or loc.startswith("page 3") for loc in locations)


@pytest.mark.skipif(samverkan.features()["pdf"], reason="built with PDF support")
def test_without_pdf_support_a_pdf_is_a_clear_error():
    with pytest.raises(samverkan.FileError, match="no PDF support"):
        samverkan.import_minutes(FORMS / "08_natverk_varmland.pdf")
