"""OParl, Popolo and OCDS from Python: export, check, import back."""

import json
import pathlib

import pytest

import samverkan as sv

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample" / "corpus.json"
DATE = "2025-01-31T12:00:00Z"


@pytest.fixture(scope="module")
def sample():
    return sv.Corpus.load(str(SAMPLE))


@pytest.mark.parametrize("standard", ["oparl", "popolo", "ocds"])
def test_round_trip_through_each_standard_is_exact(sample, standard):
    files = sv.export_standard(sample, standard, date=DATE)
    assert files and all(name.endswith(".json") for name in files)
    assert sv.check_standard(standard, files) == []
    back, warnings = sv.import_standard(standard, files)
    assert warnings == []
    assert back == sample
    assert back.to_json() == sample.to_json()


@pytest.mark.parametrize("standard", list(sv.Standard.__members__.values()))
def test_directory_out_and_in(sample, standard, tmp_path):
    names = sv.write_standard(sample, standard, tmp_path / "out", date=DATE)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(names)
    back, _ = sv.import_standard(standard, tmp_path / "out")
    assert back == sample


def test_oparl_ids_are_urls_under_the_base(sample):
    files = sv.export_standard(sample, sv.Standard.oparl, base_url="https://data.example.se/oparl")
    system = json.loads(files["system.json"])
    assert system["type"] == "https://schema.oparl.org/1.1/System"
    meetings = json.loads(files["meetings.json"])["data"]
    ids = {m["id"] for m in meetings}
    assert "https://data.example.se/oparl/meeting/2019-09-24-hsu" in ids
    hsu = next(m for m in meetings if m["id"].endswith("2019-09-24-hsu"))
    assert [i["number"] for i in hsu["agendaItem"]][:2] == ["§182", "§183"]
    assert [i["order"] for i in hsu["agendaItem"]][:2] == [1, 2]
    # Another base, other ids; the same base, the same text.
    assert sv.export_standard(sample, "oparl", base_url="https://data.example.se/oparl") == files
    other = sv.export_standard(sample, "oparl", base_url="https://other.example/o")
    assert "https://other.example/o/meeting/2019-09-24-hsu" in other["meetings.json"]


def test_ocds_money_is_exact(sample):
    files = sv.export_standard(sample, "ocds", date=DATE)
    package = json.loads(files["release-package.json"])
    contract = package["releases"][0]["contracts"][0]
    agreement = sample.get_agreement("agreement/komiljarden-2019")
    assert contract["value"]["samverkan:ore"] == agreement.total.ore
    assert contract["value"]["amount"] == agreement.total.ore // 100
    assert contract["value"]["currency"] == "SEK"
    roles = {p["id"]: p["roles"] for p in package["releases"][0]["parties"]}
    assert "funder" in roles["org/socialdepartementet"]
    types = {m["type"] for m in contract["milestones"]}
    assert types == {"payment", "reporting"}


def test_without_extensions_only_the_standard_crosses(sample):
    files = sv.export_standard(sample, "popolo", extensions=False)
    assert "samverkan:" not in files["popolo.json"]
    back, _ = sv.import_standard("popolo", files)
    assert back.counts()["meetings"] == sample.counts()["meetings"]
    assert back.counts()["agreements"] == 0  # Popolo has no place for agreements
    person = back.get_person("person/ali-hassan")
    assert person.name == "Ali Hassan" and person.title == ""  # no job title in Popolo


def test_unknown_properties_are_kept_and_bad_input_is_named():
    doc = {
        "organizations": [{"id": "o", "name": "Nämnden", "founding_date": "1998"}],
        "persons": [{"id": "p", "name": "Eva"}],
        "speeches": [],
    }
    corpus, warnings = sv.import_standard("popolo", {"popolo.json": json.dumps(doc)})
    assert corpus.get_organisation("o").extensions["popolo.founding_date"] == '"1998"'
    assert any("speeches" in w for w in warnings)
    with pytest.raises(sv.ParseError, match=r"popolo.json: persons\[0\]: name: should be a string"):
        sv.import_standard("popolo", {"popolo.json": '{"persons": [{"id": "p", "name": 1}]}'})
    with pytest.raises(sv.ParseError, match="nested deeper than"):
        sv.import_standard("oparl", {"x.json": "[" * 10000 + "]" * 10000})
    with pytest.raises(sv.FileError):
        sv.import_standard("oparl", "/nonexistent/dir")
    with pytest.raises(TypeError):  # no such Standard
        sv.export_standard(sv.Corpus(), "nonsense")


def test_check_names_what_breaks_the_rules(sample):
    files = sv.export_standard(sample, "ocds", date=DATE)
    package = json.loads(files["release-package.json"])
    package["releases"][0]["tag"] = ["signed"]
    problems = sv.check_standard("ocds", {"release-package.json": json.dumps(package)})
    assert problems == ['release-package.json: releases[0].tag: "signed" is not a release tag']
