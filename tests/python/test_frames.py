import collections.abc
import decimal

import numpy as np
import pandas as pd
import pytest

import samverkan as sv


def test_every_table(sample):
    frames = sample.to_frames()
    assert list(frames) == list(sv.FRAME_NAMES)
    for name, frame in frames.items():
        assert isinstance(frame, pd.DataFrame)
        assert frame.equals(sample.frame(name))
        assert frame.equals(getattr(sample, name + "_frame")())


def test_row_counts(sample):
    f = sample.to_frames()
    assert len(f["meetings"]) == len(sample.meetings()) == 3
    assert len(f["organisations"]) == 18
    assert len(f["people"]) == 15
    assert len(f["memberships"]) == 11
    assert len(f["action_items"]) == 4
    assert len(f["agreements"]) == 1
    assert len(f["plans"]) == 1
    assert len(f["funding_pots"]) == 4
    assert len(f["attendance"]) == sum(len(m.attendance) for m in sample.meetings())
    assert len(f["agenda_items"]) == sum(len(m.items) for m in sample.meetings())
    assert len(f["decisions"]) == sum(len(i.decisions) for m in sample.meetings() for i in m.items)
    agreement = sample.agreements()[0]
    assert len(f["payments"]) == len(agreement.payments)
    assert len(f["obligations"]) == len(agreement.obligations)
    plan = sample.plans()[0]
    assert len(f["goals"]) == len(plan.goals)
    assert len(f["activities"]) == len(plan.activities)
    assert len(f["funding_lines"]) == len(plan.funding)
    assert len(f["indicators"]) == 3
    assert len(f["observations"]) == sum(len(i.observations) for i in sample.indicators())


def test_dtypes(sample):
    meetings = sample.meetings_frame()
    assert meetings["date"].dtype == np.dtype("datetime64[ns]")
    assert meetings["meeting_id"].dtype == object
    assert isinstance(meetings["form"].dtype, pd.CategoricalDtype)
    assert list(meetings["form"].cat.categories) == [str(v) for v in sv.MeetingForm.__members__.values()]
    assert isinstance(meetings["body_name"].dtype, pd.CategoricalDtype)
    assert meetings["attendees"].dtype == np.int64

    payments = sample.payments_frame()
    assert payments["amount_ore"].dtype == np.int64
    assert payments["amount_kr"].dtype == np.float64
    assert (payments["amount_kr"] == payments["amount_ore"] / 100).all()
    assert all(isinstance(v, decimal.Decimal) for v in payments["amount_kr_exact"])
    assert (payments["amount_kr_exact"] * 100 == payments["amount_ore"].map(decimal.Decimal)).all()
    assert list(payments.columns[3:7]) == ["amount_ore", "amount_kr", "amount_kr_exact", "amount_currency"]
    assert payments["approximate"].dtype == bool

    agreements = sample.agreements_frame()
    assert str(agreements["total_ore"].dtype) == "Int64"
    assert agreements["total_ore"][0] == sample.agreements()[0].total.ore
    assert agreements["total_kr"][0] == sample.agreements()[0].total.ore / 100
    assert agreements["total_kr_exact"][0] == sample.agreements()[0].total.kronor

    observations = sample.observations_frame()
    assert observations["value"].dtype == np.float64
    assert observations["is_national"].dtype == bool

    lines = sample.funding_lines_frame()
    assert str(lines["year"].dtype) == "Int64"


def test_tables_join(sample):
    f = sample.to_frames()
    joined = f["attendance"].merge(f["people"], on="person_id", how="left")
    assert len(joined) == len(f["attendance"])
    assert joined["name"].notna().any()


def test_missing_dates_are_nat():
    c = sv.Corpus()
    c.add(sv.Meeting(id="meeting/undated", body="org/x"))
    frame = c.meetings_frame()
    assert pd.isna(frame["date"][0])
    assert frame["start"][0] is None


def test_empty_corpus_gives_empty_typed_frames():
    frames = sv.Corpus().to_frames()
    assert all(len(f) == 0 for f in frames.values())
    assert frames["meetings"]["date"].dtype == np.dtype("datetime64[ns]")


def test_unknown_table():
    with pytest.raises(sv.DataError):
        sv.Corpus().frame("nonsense")


def test_reference_ids_are_categoricals_and_own_ids_str(sample):
    decisions = sample.decisions_frame()
    assert decisions["decision_id"].dtype == object
    assert isinstance(decisions["meeting_id"].dtype, pd.CategoricalDtype)
    expected = [m.id for m in sample.meetings() for i in m.items for _ in i.decisions]
    assert list(decisions["meeting_id"].astype(object)) == expected
    # One category per id that occurs, in the order first seen.
    assert list(decisions["meeting_id"].cat.categories) == list(dict.fromkeys(expected))

    attendance = sample.attendance_frame()
    assert isinstance(attendance["person_id"].dtype, pd.CategoricalDtype)
    names = {p.id: p.name for p in sample.people()}
    for pid, name in zip(attendance["person_id"], attendance["person_name"]):
        assert (name == names[pid]) if pid in names else pd.isna(name)
    # Missing references are missing values, not empty strings.
    represents = [a.represents for m in sample.meetings() for a in m.attendance]
    assert [None if pd.isna(v) else v for v in attendance["represents_id"]] == represents


def test_equal_texts_share_one_object(sample):
    items = sample.agenda_items_frame()
    numbers = [v for v in items["item_number"] if v == "1"]
    assert len(numbers) > 1
    assert all(v is numbers[0] for v in numbers)


def test_to_frames_builds_only_what_is_asked_for(sample):
    frames = sample.to_frames()
    assert isinstance(frames, collections.abc.Mapping)
    assert frames.built() == []
    decisions = frames["decisions"]
    assert frames.built() == ["decisions"]
    assert frames["decisions"] is decisions
    assert "decisions" in frames and "nonsense" not in frames
    assert frames.get("nonsense") is None
    with pytest.raises(KeyError):
        frames["nonsense"]
    assert len(frames) == len(sv.FRAME_NAMES)
    assert list(frames.keys()) == list(sv.FRAME_NAMES)
    assert [name for name, _ in frames.items()] == list(sv.FRAME_NAMES)
    assert frames.built() == list(sv.FRAME_NAMES)


def test_frames_keep_the_corpus_alive():
    c = sv.Corpus()
    c.add(sv.Meeting(id="meeting/1", body="org/x"))
    frames = c.to_frames()
    del c
    assert list(frames["meetings"]["meeting_id"]) == ["meeting/1"]
