import datetime
import pickle

import pytest

import samverkan as sv


def make_meeting() -> sv.Meeting:
    return sv.Meeting(
        id="meeting/1",
        body="org/group",
        title="Arbetsgrupp",
        date=datetime.date(2024, 10, 28),
        start=sv.TimeOfDay.parse("09.00"),
        form="teams",
        attendance=[
            sv.Attendance(person="person/jenny", represents="org/vgr", roles=[sv.MeetingRole.chair]),
            sv.Attendance(person="person/ann", status=sv.AttendanceStatus.excused),
        ],
        items=[
            sv.AgendaItem(
                number="4",
                order=4,
                title="Avtal",
                decisions=[sv.Decision(kind=sv.DecisionKind.assigned, text="Ger i uppdrag")],
                amounts=[sv.Money.parse("25 mnkr")],
                dates=[datetime.date(2024, 11, 1)],
            )
        ],
        extensions={"source.file": "minutes.txt"},
    )


def test_keyword_constructors_and_properties():
    m = make_meeting()
    assert m.id == "meeting/1" and isinstance(m.id, str)
    assert m.date == datetime.date(2024, 10, 28)
    assert m.form == sv.MeetingForm.teams
    assert m.attendance[0].roles == [sv.MeetingRole.chair]
    assert m.items[0].amounts[0].ore == 2_500_000_000
    assert m.extensions == {"source.file": "minutes.txt"}
    assert m.item("4").title == "Avtal"
    assert m.item("99") is None
    assert sv.Meeting().date is None
    assert sv.Organisation().kind == sv.OrganisationKind.other


def test_lists_are_copies():
    m = make_meeting()
    m.attendance.append(sv.Attendance(person="person/x"))
    assert len(m.attendance) == 2
    m.attendance = m.attendance + [sv.Attendance(person="person/x")]
    assert len(m.attendance) == 3


def test_repr_and_equality():
    org = sv.Organisation(id="org/vgr", name="Västra Götalandsregionen", aliases=["VGR"], kind="region",
                          organisation_number="232100-0131")
    assert repr(org) == "Organisation(id='org/vgr', name='Västra Götalandsregionen', kind=<OrganisationKind.region: 0>)"
    assert org.organisation_number == "232100-0131"
    assert org != sv.Organisation(id="org/vgr", name="Västra Götalandsregionen", aliases=["VGR"], kind="region")
    assert org != sv.Organisation(id="org/vgr")
    assert make_meeting() == make_meeting()


def test_bad_arguments_raise():
    with pytest.raises(TypeError):
        sv.Meeting(date="2024-10-28")
    with pytest.raises(TypeError):
        sv.Organisation(kind="planet")
    with pytest.raises(TypeError):
        sv.Organisation(nonsense=1)
    with pytest.raises(sv.DataError):
        sv.PlanExtension()
    assert sv.PlanExtension(new_end=datetime.date(2022, 12, 31)).new_end == datetime.date(2022, 12, 31)


def make_records():
    return [
        make_meeting(),
        sv.Organisation(id="org/vgr", name="VGR", parent="org/x", provenance=sv.Provenance(document="d", first_line=1)),
        sv.Person(name="Jenny Nilsson", organisation="org/vgr"),
        sv.Membership(person="p", organisation="o", period=sv.Period.years(2024, 2024)),
        sv.ActionItem(what="Skicka", due=datetime.date(2024, 12, 1), status="pågår"),
        sv.Agreement(
            title="Kömiljarden",
            total=sv.Money.parse("1 000 000 000 kr"),
            parties=[sv.Party(organisation="org/staten", roles=[sv.PartyRole.funder])],
            payments=[sv.Payment(amount=sv.Money.parse("320 mnkr"), date=datetime.date(2019, 12, 1))],
            conditions=[sv.Condition(key="1", threshold=sv.Threshold(comparator="minst", value=95.0, unit="%"))],
            amendments=[sv.Amendment(kind="förlängning", new_validity=sv.Period.years(2020, 2021))],
            requisition_rules=[sv.RequisitionRule(text="Rekvireras", from_="org/kammarkollegiet")],
        ),
        sv.ActionPlan(
            title="Plan",
            goals=[sv.Goal(number="1")],
            activities=[sv.Activity(number="1.1", goals=["goal/1"])],
            funding=[sv.FundingLine(amount=sv.Money(ore=100), year=2019)],
            period_extensions=[sv.PlanExtension(new_end=datetime.date(2022, 12, 31))],
        ),
        sv.FundingPot(name="Block 1", amount=sv.Money(ore=1), year=2019),
        sv.Allocation(pot="pot/1", shares=[sv.AllocationShare(recipient="org/vgr", amount=sv.Money(ore=1))]),
        sv.Indicator(name="Väntan", observations=[sv.Observation(value=61.2, period=sv.Period.month(2019, 9))]),
        sv.Problem(message="x"),
    ]


@pytest.mark.parametrize("record", make_records(), ids=lambda r: type(r).__name__)
def test_records_pickle(record):
    assert pickle.loads(pickle.dumps(record)) == record


def test_copy_and_deepcopy():
    import copy

    m = make_meeting()
    assert copy.copy(m) == m
    assert copy.deepcopy(m) == m
