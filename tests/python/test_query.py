import datetime

import pytest

import samverkan as sv


def test_deadlines(sample):
    everything = sv.deadlines(sample)
    assert everything
    assert [d.date for d in everything] == sorted(d.date for d in everything)
    assert all(isinstance(d.kind, sv.DeadlineKind) and isinstance(d.entity, sv.EntityRef) for d in everything)
    in_2019 = sv.deadlines(sample, sv.Period.years(2019, 2019))
    assert all(d.date.year == 2019 for d in in_2019)


def test_attendance_per_organisation(sample):
    counts = sv.attendance_per_organisation(sample)
    assert counts
    assert all(isinstance(k, str) and isinstance(v, sv.AttendanceCount) for k, v in counts.items())
    assert sum(c.total() for c in counts.values()) <= len(sample.attendance_frame())


def test_open_action_items_by_owner(sample):
    groups = sv.open_action_items_by_owner(sample)
    items = [item for _, _, group in groups for item in group]
    assert all(item.is_open() for item in items)
    assert len(items) == int(sample.action_items_frame()["is_open"].sum())


def test_indicator_ranking(sample):
    indicator = sample.indicators()[0].id
    ranking = sv.indicator_ranking(sample, indicator)
    assert [rank for rank, _, _ in ranking] == sorted(rank for rank, _, _ in ranking)
    with pytest.raises(sv.NotFoundError):
        sv.indicator_ranking(sample, "indicator/none")
    assert datetime.date  # the module stays importable alongside
