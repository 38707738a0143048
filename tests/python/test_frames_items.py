"""The frames a strategist charts from directly: names beside ids, item ids that join exactly
(also for unnumbered items), the item-level tables, money columns, Swedish labels, done dates."""

import datetime
import decimal

import numpy as np
import pandas as pd
import pytest

import samverkan as sv

from conftest import ROOT, SAMPLE

UNNUMBERED = "meeting/2024-10-14-gemensam-styrgrupp-for-nara-vard-i-1c51e4"


@pytest.fixture(scope="module")
def imported() -> sv.Corpus:
    """The sample corpus with the sample minutes imported (05 has unnumbered items)."""
    corpus = sv.Corpus.load(str(SAMPLE))
    for folder in ("data/sample/minutes", "data/sample/ostergotland"):
        sv.import_minutes(str(ROOT / folder), corpus=corpus)
    return corpus


def _items_of(corpus, meeting_id):
    return corpus.get_meeting(meeting_id).items


#: Each table's own id (unique per row, no name needed beside it).
OWN = {"meetings": "meeting_id", "decisions": "decision_id", "action_items": "action_item_id",
       "organisations": "organisation_id", "people": "person_id", "memberships": "membership_id",
       "agreements": "agreement_id", "plans": "plan_id", "goals": "goal_id", "activities": "activity_id",
       "funding_lines": "funding_line_id", "funding_pots": "funding_pot_id", "indicators": "indicator_id"}
#: References without a name of their own: a meeting is known by its body and date, an item by its
#: number and title, a decision by its text (all in the same rows).
UNNAMED = {"meeting_id", "item_id", "decision_id"}


def test_every_reference_has_its_name_beside_it(imported):
    frames = imported.to_frames()
    checked = 0
    for name, frame in frames.items():
        columns = list(frame.columns)
        for i, col in enumerate(columns):
            if col.endswith("_id") and col not in UNNAMED and col != OWN.get(name):
                name_col = col[:-3] + "_name"
                assert columns[i + 1] == name_col, f"{name}.{col} has no {name_col} beside it"
                assert isinstance(frame[name_col].dtype, pd.CategoricalDtype), f"{name}.{name_col}"
                checked += 1
            if col.endswith("_ids"):
                assert columns[i + 1] == col[:-4] + "_names", f"{name}.{col}"
                checked += 1
    assert checked > 40


def test_names_are_the_records_names(imported):
    orgs = {o.id: o.name for o in imported.organisations()}
    people = {p.id: p.name for p in imported.people()}
    att = imported.attendance_frame()
    assert att["represents_id"].notna().sum() > 20
    for oid, name in zip(att["represents_id"], att["represents_name"]):
        assert (pd.isna(oid) and pd.isna(name)) or name == orgs[oid]
    for pid, name in zip(att["person_id"], att["person_name"]):
        assert name == people[pid]
    for mid, body in zip(att["meeting_id"], att["body_name"]):
        assert body == orgs[imported.get_meeting(mid).body]
    obs = imported.observations_frame()
    inds = {i.id: i.name for i in imported.indicators()}
    assert (obs["indicator_name"].astype(str) == obs["indicator_id"].astype(str).map(inds)).all()
    national = obs["organisation_id"].isna()
    assert obs.loc[national, "organisation_name"].isna().all()
    assert (obs.loc[~national, "organisation_name"].astype(str)
            == obs.loc[~national, "organisation_id"].astype(str).map(orgs)).all()
    actions = imported.action_items_frame()
    owned = actions["owner_person_id"].notna()
    assert (actions.loc[owned, "owner_person_name"].astype(str)
            == actions.loc[owned, "owner_person_id"].astype(str).map(people)).all()


def test_item_ids_are_unique_and_shared_by_every_item_table(imported):
    f = imported.to_frames()
    items = f["agenda_items"]
    assert items["item_id"].is_unique
    assert items["item_id"].dtype == object  # the table's own id
    assert isinstance(f["decisions"]["item_id"].dtype, pd.CategoricalDtype)
    expected = [f"{m.id}#{it.order}" for m in imported.meetings() for it in m.items]
    assert list(items["item_id"].astype(str)) == expected
    for table in ("decisions", "escalations", "amounts", "item_dates", "attachments", "item_texts"):
        assert set(f[table]["item_id"].astype(str)) <= set(expected), table
        assert f[table]["item_id"].notna().all(), table


def test_decisions_join_items_exactly_for_unnumbered_items(imported):
    items = imported.agenda_items_frame()
    decisions = imported.decisions_frame()
    meeting_items = items[items["meeting_id"] == UNNUMBERED]
    assert (meeting_items["item_number"] == "").sum() >= 2, "the sample meeting has unnumbered items"
    joined = decisions.merge(items, on="item_id", how="left", suffixes=("", "_item"), validate="many_to_one")
    assert len(joined) == len(decisions)
    assert joined["title"].notna().all()
    # Exactly the item that holds the decision, by the model.
    holder = {d.id: it.title for m in imported.meetings() for it in m.items for d in it.decisions}
    assert list(joined["title"]) == [holder[d] for d in joined["decision_id"]]
    mine = joined[joined["meeting_id"] == UNNUMBERED]
    assert mine["title"].nunique() == len({holder[d] for d in mine["decision_id"]}) >= 2
    # Joining on (meeting, number) instead would put every decision of the unnumbered items on one
    # number: the reason item_id exists.
    assert (mine["item_number"] == "").sum() >= 2


def test_action_items_name_their_item(imported):
    actions = imported.action_items_frame()
    items = imported.agenda_items_frame().set_index("item_id")
    unnumbered = actions[actions["meeting_id"] == UNNUMBERED]
    assert len(unnumbered) == 2
    # The number, which the item does not have; not its title.
    assert (unnumbered["item_number"] == "").all()
    for _, a in unnumbered.iterrows():
        item = items.loc[a["item_id"]]
        assert item["meeting_id"] == UNNUMBERED
        held = imported.find_decision(a["decision_id"])
        assert held is not None
        titles = [it.title for it in _items_of(imported, UNNUMBERED) if any(d.id == a["decision_id"]
                                                                            for d in it.decisions)]
        assert item["title"] == titles[0]
    # The importer names the item by its order in the record, not by its title.
    for _, a in unnumbered.iterrows():
        record = imported.get_action_item(a["action_item_id"])
        assert record.item_number == ""
        assert f"{UNNUMBERED}#{record.item_order}" == a["item_id"]
    # Every imported action item that came from a meeting has its item.
    from_minutes = actions[actions["action_item_id"].str.startswith("action/20")]
    assert from_minutes["item_id"].notna().all()
    assert actions["body_name"].notna().all()


def test_action_items_of_older_files_find_their_item_by_title():
    c = sv.Corpus()
    org = c.add(sv.Organisation(id="org/g", name="Gruppen"))
    c.add(sv.Meeting(id="meeting/m", body=org, items=[
        sv.AgendaItem(order=1, title="Inledning"), sv.AgendaItem(order=2, title="Budget"),
        sv.AgendaItem(number="3", order=3, title="Övrigt")]))
    # How ActionItem 1 named an unnumbered item: by its title in item_number.
    c.add(sv.ActionItem(id="action/a", what="x", meeting="meeting/m", item_number="Budget"))
    c.add(sv.ActionItem(id="action/b", what="y", meeting="meeting/m", item_order=1))
    c.add(sv.ActionItem(id="action/c", what="z", meeting="meeting/m", item_number="3"))
    frame = c.action_items_frame().set_index("action_item_id")
    assert frame.loc["action/a", "item_id"] == "meeting/m#2"
    assert frame.loc["action/a", "item_number"] == ""
    assert frame.loc["action/b", "item_id"] == "meeting/m#1"
    assert frame.loc["action/c", "item_id"] == "meeting/m#3"
    assert frame.loc["action/c", "item_number"] == "3"


def test_items_without_order_get_distinct_ids():
    c = sv.Corpus()
    c.add(sv.Meeting(id="meeting/m", body="org/x", items=[sv.AgendaItem(title="a"), sv.AgendaItem(title="b"),
                                                          sv.AgendaItem(order=5, title="c")]))
    assert list(c.agenda_items_frame()["item_id"].astype(str)) == ["meeting/m#@1", "meeting/m#@2", "meeting/m#5"]


def test_item_tables_hold_what_the_items_hold(imported):
    f = imported.to_frames()
    meetings = imported.meetings()
    amounts = [a for m in meetings for it in m.items for a in it.amounts]
    frame = f["amounts"]
    assert len(frame) == len(amounts) > 5
    assert list(frame["amount_ore"]) == [a.ore for a in amounts]
    assert frame["amount_ore"].dtype == np.int64
    assert frame["amount_kr"].dtype == np.float64
    assert (frame["amount_kr"] == frame["amount_ore"] / 100).all()
    assert list(frame["amount_kr_exact"]) == [a.kronor for a in amounts]
    assert all(isinstance(v, decimal.Decimal) for v in frame["amount_kr_exact"])
    assert list(frame["approximate"]) == [a.approximate for a in amounts]
    assert list(frame["amount_currency"].astype(str)) == [a.currency.code for a in amounts]

    escalations = [(m, e) for m in meetings for it in m.items for e in it.escalations]
    esc = f["escalations"]
    assert len(esc) == len(escalations) > 0
    assert list(esc["what"]) == [e.what for _, e in escalations]
    orgs = {o.id: o.name for o in imported.organisations()}
    for (m, e), to_id, to_name, body in zip(escalations, esc["to_id"], esc["to_name"], esc["body_name"]):
        assert (pd.isna(to_id) if e.to is None else to_id == e.to)
        assert (pd.isna(to_name) if e.to is None else to_name == orgs[e.to])
        assert body == orgs[m.body]

    attachments = [a for m in meetings for it in m.items for a in it.attachments]
    assert list(f["attachments"]["attachment"]) == attachments
    dates = [d for m in meetings for it in m.items for d in it.dates]
    assert [d.date() for d in f["item_dates"]["mentioned"]] == dates
    texts = [(it.title, it.text) for m in meetings for it in m.items if it.text]
    assert list(zip(f["item_texts"]["title"], f["item_texts"]["text"])) == texts
    items = f["agenda_items"]
    assert items["amounts"].sum() == len(amounts)
    assert items["escalations"].sum() == len(escalations)


def test_swedish_labels(imported):
    en = imported.attendance_frame()
    swedish = imported.attendance_frame(language="sv")
    assert list(swedish["status"].cat.categories) == [s.swedish for s in sv.AttendanceStatus.__members__.values()]
    assert (swedish["status"].cat.codes == en["status"].cat.codes).all()
    assert "förhinder" in set(swedish["status"].astype(str))
    roles = {r.name if hasattr(r, "name") else str(r): r.swedish for r in sv.MeetingRole.__members__.values()}
    assert "ordförande" in "; ".join(swedish["roles"])
    assert set(roles.values()) >= {"ordförande"}
    decisions = imported.decisions_frame(language="sv")
    assert list(decisions["kind"].cat.categories) == [k.swedish for k in sv.DecisionKind.__members__.values()]
    frames = imported.to_frames(language="sv")
    assert frames.language == "sv"
    assert list(frames["meetings"]["form"].cat.categories) == [f.swedish for f in sv.MeetingForm.__members__.values()]
    assert imported.frame("action_items", language="sv")["status"].cat.categories[2] == "klar"
    with pytest.raises(sv.DataError, match="unknown language 'de'"):
        imported.to_frames(language="de")
    with pytest.raises(sv.DataError):
        imported.frame("meetings", language="fr")


def test_done_date_is_set_from_python_and_kept_by_every_format(tmp_path):
    c = sv.Corpus()
    c.add(sv.ActionItem(id="action/x", what="Återrapportera", due=datetime.date(2023, 3, 1)))
    item = c.get_action_item("action/x")
    assert item.done_on is None and item.item_order == 0
    item.status = sv.ActionStatus.done
    item.done_on = datetime.date(2023, 3, 16)
    c.update(item)
    for ext in ("svk", "svkt", "svkx", "json"):
        path = tmp_path / f"c.{ext}"
        c.save(str(path))
        back = sv.Corpus.load(str(path))
        assert back.get_action_item("action/x").done_on == datetime.date(2023, 3, 16), ext
        assert back == c
    assert '"done_on": "2023-03-16"' in c.to_json()
    frame = c.action_items_frame()
    assert frame["done_on"][0] == pd.Timestamp("2023-03-16")
    assert frame["done_on"].dtype == np.dtype("datetime64[ns]")


def test_open_done_overdue_as_of_a_date():
    c = sv.Corpus()
    c.add(sv.ActionItem(id="action/done-late", what="a", due=datetime.date(2023, 3, 1), status="done",
                        done_on=datetime.date(2023, 3, 16)))
    c.add(sv.ActionItem(id="action/done-unknown", what="b", due=datetime.date(2023, 3, 1), status="done"))
    c.add(sv.ActionItem(id="action/open", what="c", due=datetime.date(2023, 6, 1)))
    c.add(sv.ActionItem(id="action/cancelled", what="d", status="cancelled"))

    def states(day):
        frame = sv.reports.action_items(c, as_of=day).set_index("action_item_id")
        return {k: str(v) for k, v in frame["state"].items()}

    assert states(datetime.date(2023, 2, 1)) == {"action/done-late": "open", "action/done-unknown": "done",
                                                 "action/open": "open", "action/cancelled": "cancelled"}
    assert states(datetime.date(2023, 3, 10))["action/done-late"] == "overdue"
    assert states(datetime.date(2023, 3, 16))["action/done-late"] == "done"
    assert states(datetime.date(2023, 7, 1))["action/open"] == "overdue"
    by_owner = sv.reports.open_actions_by_owner(c, as_of=datetime.date(2023, 3, 10))
    assert int(by_owner["overdue"].sum()) == 1 and int(by_owner["open"].sum()) == 1


def test_docs_list_every_table_and_column():
    """docs/frames.md's table of tables is what the code builds."""
    text = (ROOT / "docs" / "frames.md").read_text(encoding="utf-8")
    documented = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0].startswith("`"):
            documented[cells[0].strip("`")] = [c.strip().strip("`") for c in cells[2].split(",")]
    frames = sv.Corpus().to_frames()
    assert list(documented) == list(sv.FRAME_NAMES)
    for name, frame in frames.items():
        assert documented[name] == list(frame.columns), name
