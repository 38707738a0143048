"""benchmarks/fidelity/score.py: fact mapping, matching and the baseline check.

Synthetic gold and imported corpus JSON only (the imported objects have the
shape `samverkan import FILE --json` prints); needs the standard library and
the scorer file, which is imported by path.
"""

import copy
import importlib.util
import json
import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCORER = ROOT / "benchmarks" / "fidelity" / "score.py"


def _load_scorer():
    spec = importlib.util.spec_from_file_location("fidelity_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


score = _load_scorer()

DOC = "99_synthetic.txt"

GOLD = {
    "format": 1,
    "document": DOC,
    "layout": "synthetic",
    "meeting": {
        "record_kind": "minutes",
        "body": "Styrgrupp nära vård",
        "date": "2024-03-14",
        "start": "09:00",
        "end": "11:30",
        "place": "Regionens hus, Linköping",
        "form": "teams",
        "writer": "Per Ek",
        "adjusters": ["Lisa Ström"],
        "next_meeting": "2024-05-02",
    },
    "attendees": [
        {"name": "Anna Berg", "organisation": "Västra Götalandsregionen", "roles": ["chair"]},
        {"name": "Per Ek", "organisation": "Göteborgs Stad", "roles": ["record_writer"]},
        {"name": "Lisa Ström", "organisation": "Västra Götalandsregionen", "roles": ["adjuster"]},
        {"name": "Olle Sand", "status": "excused"},
        {"name": "Henrik Carlsson", "roles": ["coopted"], "coopted_for": ["2"]},
    ],
    "items": [
        {"number": "1", "title": "Mötets öppnande",
         "decisions": [{"kind": "approved", "procedural": True}]},
        {"number": "2", "title": "Budget för 2024", "case_number": "RS 2024-00012",
         "decisions": [{"kind": "noted"}, {"kind": "assigned"}],
         "amounts": [{"ore": 2500000000, "approximate": True}],
         "action_items": [{"owner": "Per Ek", "due": "2024-04-15"}]},
        {"number": "3", "title": "Avtal", "decisions": [{"kind": "approved"}, {"kind": "approved"}]},
    ],
}


def _att(person, org=None, status="present", roles=None, **more):
    a = {"person": person, "status": status}
    if org:
        a["represents"] = org
    if roles:
        a["roles"] = roles
    a.update(more)
    a["provenance"] = {"document": DOC, "first_line": 3, "last_line": 3}
    return a


def _dec(n, kind):
    return {"id": f"decision/2024-03-14-styrgrupp-nara-vard-{n}", "kind": kind, "text": "..."}


IMPORTED = {
    "schema": "samverkan.corpus",
    "version": 2,
    "organisations": [
        {"id": "org/goteborgs-stad", "name": "Göteborgs Stad", "kind": "municipality"},
        {"id": "org/styrgrupp-nara-vard", "name": "Styrgrupp nära vård", "kind": "working_group"},
        {"id": "org/vastra-gotalandsregionen", "name": "Västra Götalandsregionen", "aliases": ["VGR"],
         "kind": "region"},
    ],
    "people": [
        {"id": "person/anna-berg", "name": "Anna Berg", "organisation": "org/vastra-gotalandsregionen"},
        {"id": "person/henrik-carlsson", "name": "Henrik Carlsson"},
        {"id": "person/lisa-strom", "name": "Lisa Ström", "organisation": "org/vastra-gotalandsregionen"},
        {"id": "person/olle-sand", "name": "Olle Sand"},
        {"id": "person/per-ek", "name": "Per Ek", "organisation": "org/goteborgs-stad"},
    ],
    "memberships": [],
    "meetings": [{
        "id": "meeting/2024-03-14-styrgrupp-nara-vard",
        "record_kind": "minutes",
        "body": "org/styrgrupp-nara-vard",
        "title": "Styrgrupp nära vård",
        "date": "2024-03-14",
        "start": "09:00",
        "end": "11:30",
        "place": "Regionens hus, Linköping",
        "form": "teams",
        "attendance": [
            _att("person/anna-berg", "org/vastra-gotalandsregionen", roles=["chair"],
                 extensions={"source.group": "Region"}),
            _att("person/per-ek", "org/goteborgs-stad", roles=["record_writer"]),
            _att("person/lisa-strom", "org/vastra-gotalandsregionen", roles=["adjuster"]),
            _att("person/olle-sand", status="excused", note="förhinder"),
            _att("person/henrik-carlsson", roles=["coopted"], coopted_for_items=["2"]),
        ],
        "items": [
            {"number": "1", "order": 1, "title": "Mötets öppnande", "purposes": ["decision"],
             "decisions": [_dec("1", "approved")]},
            {"number": "2", "order": 2, "title": "Budget för 2024", "case_number": "RS 2024-00012",
             "text": "Regionen avsätter ca 25 000 000 kr.",
             "decisions": [_dec("2", "noted"), _dec("2-2", "assigned")],
             "amounts": [{"ore": 2500000000, "currency": "SEK", "approximate": True}],
             "dates": ["2024-04-15"]},
            {"number": "3", "order": 3, "title": "Avtal",
             "decisions": [_dec("3", "approved"), _dec("3-2", "approved")]},
        ],
        "next_meeting": "2024-05-02",
        "extensions": {"source.document": DOC},
        "provenance": {"document": DOC, "first_line": 1, "last_line": 40},
    }],
    "action_items": [{
        "id": "action/2024-03-14-styrgrupp-nara-vard/2-1",
        "what": "ta fram ett förslag",
        "owner_person": "person/per-ek",
        "owner_organisation": "org/goteborgs-stad",
        "due": "2024-04-15",
        "status": "open",
        "meeting": "meeting/2024-03-14-styrgrupp-nara-vard",
        "item_number": "2",
        "decision": "decision/2024-03-14-styrgrupp-nara-vard-2-2",
    }],
    "agreements": [], "plans": [], "funding_pots": [], "allocations": [], "indicators": [],
}

# The gold holds a procedural marking that the imported JSON must carry to match fully.
IMPORTED["meetings"][0]["items"][0]["decisions"][0]["procedural"] = True


def gold():
    return copy.deepcopy(GOLD)


def imported():
    return copy.deepcopy(IMPORTED)


def cat(result, name):
    return result["categories"][name]


def test_perfect_match():
    r = score.score(score.validate_gold(gold()), imported())
    assert r["recall"] == 1.0 and r["precision"] == 1.0
    assert r["tp"] == r["gold"] == r["imported"] > 30
    for name in ("meeting", "record", "attendee", "attendee_role", "attendee_coopted", "item_case_number",
                 "decision", "procedural", "amount", "action_item", "action_due"):
        assert cat(r, name)["tp"] > 0, name


def test_missing_attendee_lowers_recall_only():
    imp = imported()
    m = imp["meetings"][0]
    m["attendance"] = [a for a in m["attendance"] if a["person"] != "person/olle-sand"]
    r = score.score(gold(), imp)
    a = cat(r, "attendee")
    assert (a["tp"], a["gold"], a["imported"]) == (4, 5, 4)
    assert a["missing"] == [("olle sand",)] and a["extra"] == []
    assert a["recall"] == 0.8 and a["precision"] == 1.0
    assert cat(r, "attendee_status")["missing"] == [("olle sand", "excused")]
    assert r["recall"] < 1.0 and r["precision"] == 1.0


def test_wrong_status_is_missing_and_extra():
    imp = imported()
    for a in imp["meetings"][0]["attendance"]:
        if a["person"] == "person/olle-sand":
            a["status"] = "absent"
    r = score.score(gold(), imp)
    s = cat(r, "attendee_status")
    assert s["missing"] == [("olle sand", "excused")]
    assert s["extra"] == [("olle sand", "absent")]
    assert s["recall"] == s["precision"] == 0.8
    assert cat(r, "attendee")["recall"] == 1.0  # the person is still found


def test_organisation_matched_by_alias():
    g = gold()
    g["attendees"][0]["organisation"] = "VGR"
    g["attendees"][2]["organisation"] = "  vgr,"  # folded
    r = score.score(g, imported())
    o = cat(r, "attendee_organisation")
    assert (o["tp"], o["gold"], o["imported"]) == (3, 3, 3)
    # An organisation that is neither the name nor an alias does not match.
    g["attendees"][0]["organisation"] = "Region Halland"
    o = cat(score.score(g, imported()), "attendee_organisation")
    assert o["missing"] == [("anna berg", "region halland")]
    assert o["extra"] == [("anna berg", "västra götalandsregionen")]


def test_decisions_are_a_multiset():
    imp = imported()
    item3 = imp["meetings"][0]["items"][2]
    item3["decisions"] = item3["decisions"][:1]  # one of the two approvals
    r = score.score(gold(), imp)
    d = cat(r, "decision")
    assert d["missing"] == [("3", "approved")]
    assert (d["tp"], d["gold"], d["imported"]) == (4, 5, 4)
    # Three approvals against two in gold: one too many.
    item3["decisions"] = [_dec("3", "approved")] * 3
    d = cat(score.score(gold(), imp), "decision")
    assert (d["tp"], d["gold"], d["imported"]) == (5, 5, 6)
    assert d["extra"] == [("3", "approved")]


def test_extra_item_counts_against_precision():
    imp = imported()
    imp["meetings"][0]["items"].append({"number": "4", "order": 4, "title": "Övriga frågor"})
    r = score.score(gold(), imp)
    it = cat(r, "item")
    assert it["recall"] == 1.0
    assert (it["tp"], it["imported"]) == (3, 4) and it["precision"] == 0.75
    assert it["extra"] == [("4",)]
    assert r["recall"] == 1.0 and r["precision"] < 1.0


def test_item_keys_and_folding():
    g = gold()
    g["items"][0]["number"] = "1."
    g["items"][1]["number"] = "2)"
    g["items"][2] = {"number": "", "title": "AVTAL ", "decisions": [{"kind": "approved"}] * 2}
    imp = imported()
    imp["meetings"][0]["items"][2]["number"] = ""
    g["attendees"][0]["name"] = "Anna  Berg (S)"
    r = score.score(g, imp)
    assert cat(r, "item")["recall"] == 1.0 and cat(r, "decision")["recall"] == 1.0
    assert cat(r, "attendee")["recall"] == 1.0
    assert score.number_key("§ 182") == "§182"
    assert score.number_key("18A.") == "18a"
    assert score.number_key("4 a") == "4a"
    assert score.number_key("§ 12 b") == "§12b"
    assert score.fold("  Karin  Öberg (vice ordförande), ") == "karin öberg"


def test_not_yet_modelled_facts_count_from_gold():
    g = gold()
    g["attendees"][0]["party"] = "S"
    g["items"][2]["reservations"] = [{"by": "Anna Berg"}]
    g["items"][2]["votes"] = [{"yes": 7, "no": 4, "abstain": 0}]
    r = score.score(g, imported())
    for name in ("attendee_party", "reservation", "vote"):
        assert cat(r, name)["gold"] == 1 and cat(r, name)["tp"] == 0 and cat(r, name)["recall"] == 0.0
    # Where the model will put them: the attendance's extensions, the decision's fields.
    imp = imported()
    m = imp["meetings"][0]
    m["attendance"][0]["extensions"]["party"] = "S"
    m["items"][2]["decisions"][0]["reservations"] = [{"person": "person/anna-berg"}]
    m["items"][2]["decisions"][0]["votes"] = [{"yes": 7, "no": 4, "abstain": 0}]
    r = score.score(g, imp)
    for name in ("attendee_party", "reservation", "vote"):
        assert cat(r, name)["recall"] == 1.0, name


def test_party_as_a_party_organisation():
    g = gold()
    g["attendees"][3]["party"] = "KD"
    imp = imported()
    imp["organisations"].append({"id": "org/kd", "name": "Kristdemokraterna", "aliases": ["KD"],
                                 "kind": "political_party"})
    imp["meetings"][0]["attendance"][3]["represents"] = "org/kd"
    r = score.score(g, imp)
    assert cat(r, "attendee_party")["recall"] == 1.0
    assert cat(r, "attendee_organisation")["precision"] == 1.0  # not also an organisation
    # Of any other kind it is an organisation, and not the one gold names.
    imp["organisations"][-1]["kind"] = "other"
    r = score.score(g, imp)
    assert cat(r, "attendee_party")["recall"] == 0.0
    assert cat(r, "attendee_organisation")["extra"] == [("olle sand", "kristdemokraterna")]


def test_first_name_owner_matches_resolved_person():
    g = gold()
    g["items"][1]["action_items"] = [{"owner": "Per", "due": "2024-04-15"}]
    r = score.score(g, imported())
    assert cat(r, "action_item")["recall"] == 1.0 and cat(r, "action_due")["recall"] == 1.0


def test_joint_owners_are_one_action_item_each():
    assert score.joint_owners("Stina Ek och Åsa Jonsson") == ["stina ek", "åsa jonsson"]
    assert score.joint_owners("Anna Berg, Per Lind och Sara Ek") == ["anna berg", "per lind", "sara ek"]
    # An organisation's name with "och" in it stays whole.
    assert score.joint_owners("Hälso- och sjukvårdsförvaltningen") == ["hälso- och sjukvårdsförvaltningen"]
    g = gold()
    g["items"][1]["action_items"] = [{"owner": "Per Lind och Anna Berg", "due": "2024-04-15"}]
    facts = score.gold_facts(g)
    assert len(facts["action_item"]) == 2 and len(facts["action_due"]) == 2


def test_gold_errors_name_file_and_key(tmp_path):
    bad = gold()
    bad["attendees"][1]["stauts"] = "present"
    with pytest.raises(score.ScoreError, match=r"x\.json: attendees\[1\]\.stauts: unknown key"):
        score.validate_gold(bad, "x.json")
    bad = gold()
    bad["items"][0]["decisions"][0]["kind"] = "approve"
    with pytest.raises(score.ScoreError, match=r"items\[0\]\.decisions\[0\]\.kind: unknown value \"approve\""):
        score.validate_gold(bad, "x.json")
    bad = gold()
    bad["meeting"]["start"] = "9.00"
    with pytest.raises(score.ScoreError, match=r"meeting\.start"):
        score.validate_gold(bad, "x.json")
    path = tmp_path / "y.txt.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(score.ScoreError, match=r"y\.txt\.json: not JSON"):
        score.load_gold(path)


def _setup(tmp_path, imp):
    (tmp_path / "documents").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "imported").mkdir()
    (tmp_path / "documents" / DOC).write_text("synthetic\n", encoding="utf-8")
    (tmp_path / "gold" / (DOC + ".json")).write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "imported" / (DOC + ".json")).write_text(json.dumps(imp, ensure_ascii=False), encoding="utf-8")
    return ["--documents", str(tmp_path / "documents"), "--gold", str(tmp_path / "gold"),
            "--imported", str(tmp_path / "imported")]


def test_record_then_check(tmp_path, capsys):
    imp = imported()
    imp["meetings"][0]["items"].append({"number": "4", "order": 4, "title": "Övriga frågor"})
    args = _setup(tmp_path, imp)
    baseline = tmp_path / "baseline.json"

    # Not recorded yet: the document is new, the check fails and says so.
    baseline.write_text(json.dumps({"format": 1, "documents": {}}), encoding="utf-8")
    assert score.main(args + ["--check", str(baseline)]) == 1
    assert "new" in capsys.readouterr().out

    assert score.main(args + ["--record", str(baseline)]) == 0
    recorded = json.loads(baseline.read_text(encoding="utf-8"))["documents"][DOC]
    assert recorded["recall"] == 1.0
    assert 0.9 < recorded["precision"] < 1.0
    assert recorded["precision"] == int(recorded["precision"] * 1000) / 1000  # 3 decimals
    capsys.readouterr()

    # Equal figures pass.
    assert score.main(args + ["--check", str(baseline)]) == 0
    assert "passed" in capsys.readouterr().out

    # A drop fails, naming the document.
    imp["meetings"][0]["attendance"].pop()
    (tmp_path / "imported" / (DOC + ".json")).write_text(json.dumps(imp), encoding="utf-8")
    assert score.main(args + ["--check", str(baseline)]) == 1
    out = capsys.readouterr().out
    assert f"{DOC}: below the baseline: recall" in out

    # Within the tolerance: passes.
    fig = {"documents": {DOC: {"recall": 0.9996, "precision": 1.0}}, "all": {"recall": 1.0, "precision": 1.0}}
    baseline.write_text(json.dumps({"documents": {DOC: {"recall": 1.0, "precision": 1.0}}}), encoding="utf-8")
    assert score.check(fig, baseline)[0] is True
    fig["documents"][DOC]["recall"] = 0.999
    assert score.check(fig, baseline)[0] is False


def test_missing_binary_is_a_clear_error(tmp_path, capsys):
    assert score.main(["--bin", str(tmp_path / "no-such-samverkan")]) == 2
    assert "no samverkan binary" in capsys.readouterr().err


def test_json_output(tmp_path, capsys):
    args = _setup(tmp_path, imported())
    assert score.main(args + ["--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents"][DOC]["recall"] == 1.0
    assert data["categories"]["decision"]["gold"] == 5
    assert data["categories"]["vote"]["recall"] is None
