import datetime
import pickle

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


def test_plan_gaps_of_the_corpus(sample):
    gaps = sv.plan_gaps(sample)
    assert [g.plan for g in gaps] == [p.id for p in sample.plans()]
    (vgr,) = gaps
    assert vgr.plan == "plan/god-och-nara-vard-vastra-gotaland"
    assert not vgr.empty()
    # Copies, so they outlive the corpus they came from.
    assert [g.id for g in vgr.goals_without_indicator] == ["goal/nara-vard-1", "goal/nara-vard-3"]
    assert vgr.goals_without_activity == [] and vgr.activities_without_goal == []
    (unlinked,) = vgr.unlinked_funding
    assert isinstance(unlinked, sv.FundingLine) and unlinked.activity is None and unlinked.goal is None
    assert pickle.loads(pickle.dumps(vgr)) == vgr


def test_plan_gaps_of_one_plan_and_an_empty_plan(sample):
    plan = sample.plans()[0]
    assert sv.plan_gaps(plan) == sv.plan_gaps(sample)[0]
    assert sv.plan_gaps(sv.ActionPlan(id="plan/empty")).empty()
    lonely = sv.ActionPlan(id="plan/x", activities=[sv.Activity(id="activity/a")])
    assert [a.id for a in sv.plan_gaps(lonely).activities_without_goal] == ["activity/a"]


def test_indicator_series(sample):
    indicator = "indicator/vantande-inom-90-dagar"
    national = sv.indicator_series(sample, indicator)
    assert [(o.period.start, o.value) for o in national] == [
        (datetime.date(2018, 9, 1), 71.5),
        (datetime.date(2019, 9, 1), 73.2),
    ]
    assert all(o.organisation is None for o in national)
    halland = sv.indicator_series(sample, indicator, "org/region-halland")
    assert halland and all(o.organisation == "org/region-halland" for o in halland)
    starts = [o.period.start for o in halland]
    assert starts == sorted(starts)
    assert sv.indicator_series(sample, indicator, "org/none") == []
    with pytest.raises(sv.NotFoundError):
        sv.indicator_series(sample, "indicator/none")
