import datetime
import decimal
import pickle

import pytest

import samverkan as sv


def test_version_is_the_libraries():
    assert sv.__version__ == sv.version()
    assert sv.__version__.count(".") == 2


def test_money_is_exact():
    total = sv.Money.parse("1 280 000 000 kr")
    assert total.ore == 128_000_000_000
    assert str(total) == "1 280 000 000 kr"
    assert total.kronor == decimal.Decimal("1280000000.00")
    assert isinstance(total.kronor, decimal.Decimal)
    assert sv.Money(ore=150).kronor == decimal.Decimal("1.50")
    assert sv.Money.from_kronor(25_000_000) == sv.Money(ore=2_500_000_000)
    assert sv.Money.from_kronor(decimal.Decimal("1234.50")).ore == 123_450
    assert sv.Money.from_kronor("0.01").ore == 1
    approx = sv.Money.parse("ca 25 mnkr")
    assert approx.approximate
    assert str(approx) == "ca 25 000 000 kr"
    assert approx != sv.Money.from_kronor(25_000_000)


def test_money_arithmetic_and_order():
    a, b = sv.Money(ore=100), sv.Money(ore=250)
    assert (a + b).ore == 350
    assert (b - a).ore == 150
    assert (-a).ore == -100
    assert (a * 3).ore == 300 and (3 * a).ore == 300
    assert a < b <= b and b > a >= a
    assert sum([a, b]) == sv.Money(ore=350)
    assert sorted([b, a]) == [a, b]
    assert hash(sv.Money(ore=1)) == hash(sv.Money(ore=1))
    assert sv.Money(ore=5, currency="EUR").currency == sv.Currency("EUR")
    assert str(sv.Money(ore=5, currency="EUR").currency) == "EUR"


def test_money_errors():
    with pytest.raises(sv.CurrencyMismatchError):
        sv.Money(ore=1) + sv.Money(ore=1, currency="EUR")
    with pytest.raises(sv.CurrencyMismatchError):
        sv.Money(ore=1) < sv.Money(ore=1, currency="EUR")
    with pytest.raises(sv.AmountOverflowError):
        sv.Money(ore=2**62) * 4
    with pytest.raises(OverflowError):
        sv.Money.from_kronor(2**62)
    with pytest.raises(sv.ParseError) as info:
        sv.Money.parse("tolv kronor")
    assert "tolv" in str(info.value)
    assert isinstance(info.value, ValueError) and isinstance(info.value, sv.Error)
    with pytest.raises(sv.DataError):
        sv.Money.from_kronor("0.001")
    with pytest.raises(TypeError):
        sv.Money.from_kronor(1.5)
    with pytest.raises(sv.DataError):
        sv.Currency("kronor")


def test_dates_and_periods():
    assert sv.parse_date("2024-10-28") == datetime.date(2024, 10, 28)
    assert sv.parse_swedish_date("Torsdag 10 mars 2022") == datetime.date(2022, 3, 10)
    assert sv.parse_swedish_date("ingen dag här") is None
    assert sv.format_date(datetime.date(2019, 1, 2)) == "2019-01-02"
    with pytest.raises(sv.ParseError):
        sv.parse_date("2023-02-29")
    with pytest.raises(TypeError):
        sv.format_date(datetime.datetime(2019, 1, 2, 10, 0))
    p = sv.Period.years(2018, 2020)
    assert p.start == datetime.date(2018, 1, 1) and p.end == datetime.date(2020, 12, 31)
    assert datetime.date(2019, 6, 1) in p
    assert sv.Period(start=datetime.date(2025, 1, 1)).is_open_ended()
    assert sv.Period().start is None
    assert str(p) == "2018-01-01–2020-12-31"
    assert p == sv.Period(start=datetime.date(2018, 1, 1), end=datetime.date(2020, 12, 31))


def test_time_of_day():
    t = sv.TimeOfDay.parse("09.00")
    assert (t.hour, t.minute) == (9, 0) and str(t) == "09:00"
    assert sv.TimeOfDay(hour=8, minute=30) < t
    with pytest.raises(sv.DataError):
        sv.TimeOfDay(hour=25)


def test_enums_accept_swedish_and_english():
    assert sv.AttendanceStatus.from_string("förhinder") == sv.AttendanceStatus.excused
    assert sv.AttendanceStatus.from_string("Excused") == sv.AttendanceStatus.excused
    assert sv.MeetingForm.from_string("Teams") == sv.MeetingForm.teams
    assert str(sv.MeetingRole.vice_chair) == "vice_chair"
    assert sv.MeetingRole.vice_chair.swedish == "vice ordförande"
    assert sv.OrganisationKind("kommun") == sv.OrganisationKind.municipality
    with pytest.raises(sv.ParseError) as info:
        sv.OrganisationKind.from_string("planet")
    assert "expected one of" in str(info.value)


@pytest.mark.parametrize(
    "value",
    [
        sv.Money.parse("ca 25 mnkr"),
        sv.Money(ore=-5, currency="EUR"),
        sv.Period.years(2018, 2020),
        sv.Period(),
        sv.TimeOfDay(hour=9, minute=30),
        sv.Currency("NOK"),
        sv.EntityRef(kind=sv.EntityKind.meeting, id="meeting/1"),
        sv.Provenance(document="x.txt", first_line=3, last_line=4),
        sv.MeetingRole.chair,
    ],
)
def test_values_pickle(value):
    assert pickle.loads(pickle.dumps(value)) == value
