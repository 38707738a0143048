"""samverkan.allocation: exact splits, rules, programmes and the 2019 queue billion."""

import datetime
import decimal
import inspect
import json
import pathlib
import pickle
import threading

import pandas as pd
import pytest

import samverkan as sv
from samverkan import allocation as al
from samverkan.allocation import koemiljard2019 as k19

ROOT = pathlib.Path(__file__).resolve().parents[2]
INPUTS = ROOT / "data" / "allocation" / "koemiljard2019_inputs.csv"
kr = sv.Money.from_kronor


@pytest.fixture(scope="module")
def result():
    return k19.run(INPUTS)


# ---------------------------------------------------------------------------
# The 2019 sample run
# ---------------------------------------------------------------------------


def test_block_1_is_paid_in_full(result):
    a = result.allocation
    assert a.pot("block-1").amount == kr(1_280_000_000)
    assert a.paid("block-1") == kr(1_280_000_000)
    assert a.undistributed("block-1") == sv.Money()
    for group in ("first_visits", "operations"):
        assert a.paid(f"block-1/{group}") == kr(640_000_000)


def test_block_2_retains_vastmanlands_share(result):
    a = result.allocation
    paid, kept = a.paid("block-2"), a.undistributed("block-2")
    assert paid == sv.Money.from_kronor("311438759.79")
    assert kept == sv.Money.from_kronor("8561240.21")
    assert paid.ore + kept.ore == 32_000_000_000
    assert paid + kept == kr(320_000_000) == a.pot("block-2").amount
    assert a.paid_total() + a.undistributed("block-2") == a.amount_total() == kr(1_600_000_000)

    vastmanland = result.region("Västmanland")
    assert vastmanland.id == "vastmanland"
    assert vastmanland.block2 == sv.Money()
    assert vastmanland.failed_conditions
    (leftover,) = a.pot("block-2").leftovers
    assert leftover.amount == kept and "Västmanland" in leftover.reason
    assert [r.id for r in result.regions if r.failed_conditions] == ["vastmanland"]


def test_region_results_add_up(result):
    assert len(result.regions) == 21
    assert sum((r.total for r in result.regions), sv.Money()) == result.allocation.paid_total()
    for r in result.regions:
        assert r.block1 == r.block1_groups[0] + r.block1_groups[1]
        assert r.block1_groups[0] == sum(r.block1_months[0], sv.Money())
        assert r.total == r.block1 + r.block2
        assert result.allocation.total(r.id) == r.total


def test_inputs_from_text_and_objects():
    text = INPUTS.read_text(encoding="utf-8")
    inputs = k19.parse_csv(text, "inputs.csv")
    assert inputs == k19.read_csv(str(INPUTS)) == k19.read_csv(INPUTS)
    assert len(inputs) == 21
    stockholm = inputs[0]
    assert isinstance(stockholm, k19.RegionInputs)
    assert stockholm.region == "Stockholm" and stockholm.population == 2344124
    assert stockholm.first_visits[9].under_90_2018 == al.Percent("78,5")
    assert stockholm.reporting.status_report == datetime.date(2019, 10, 14)
    assert k19.run(inputs).to_json() == k19.run(INPUTS).to_json()


def test_parameters_change_the_reading_but_never_the_sum():
    equal = k19.run(INPUTS, k19.Parameters(step_split="equal"))
    assert equal.parameters.step_split == k19.StepSplit.equal
    assert equal.allocation.paid("block-1") + equal.allocation.undistributed("block-1") == kr(1_280_000_000)
    unconditional = k19.run(INPUTS, k19.Parameters(block2_conditional=False))
    assert unconditional.allocation.paid("block-2") == kr(320_000_000)
    redistributed = k19.run(INPUTS, k19.Parameters(block2_failed="redistributed"))
    assert redistributed.allocation.paid("block-2") == kr(320_000_000)
    assert redistributed.region("Västmanland").block2 == sv.Money()

    p = k19.Parameters()
    assert p.block1 == kr(1_280_000_000) and p.step_weights == [70, 20, 10]
    assert [str(b) for b in p.step_bounds] == ["≥ 1", "≥ 3", "> 5"]
    assert [str(b) for b in k19.Parameters.boundaries("lower")] == ["≥ 1", "≥ 3", "≥ 5"]
    assert p.status_report_deadline == datetime.date(2019, 10, 15)
    assert any("population" in line for line in p.describe())
    with pytest.raises(sv.ParseError):
        k19.Parameters.boundaries("sideways")
    with pytest.raises(sv.DataError):
        k19.Parameters(step_weights=[1, 2])


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------


def test_frames_row_counts(result):
    frames = result.to_frames()
    assert {name: len(df) for name, df in frames.items()} == {
        "shares": 21 * 7,  # six Block 1 months and Block 2, per region
        "pots": 10,  # block-1, two groups, six months, block-2
        "undistributed": 1,  # Västmanland's retained Block 2 share
        "recipients": 21,
        "regions": 21,
        "months": 21 * 6,
    }


def test_frames_dtypes(result):
    shares = result.allocation.shares_frame()
    assert shares["amount_ore"].dtype == "int64"
    assert shares["withheld_ore"].dtype == "int64"
    assert shares["step"].dtype == "Int64"
    assert shares["via_alternative"].dtype == bool
    assert shares["start"].dtype == "datetime64[ns]"
    assert isinstance(shares["recipient_name"].dtype, pd.CategoricalDtype)
    assert all(isinstance(v, decimal.Decimal) for v in shares["amount_kr_exact"])
    assert shares["amount_kr"].dtype == "float64"
    assert shares["recipient_id"].map(type).eq(str).all()
    # Block 2 has no steps.
    block2 = shares[shares["pot_id"] == "block-2"]
    assert block2["step"].isna().all() and shares.loc[shares["pot_id"] != "block-2", "step"].notna().all()

    regions = result.regions_frame()
    assert list(regions["region_id"]) == [r.id for r in result.regions]
    for money in ("block1_first_visits", "block1_operations", "block1", "block2", "total"):
        assert regions[f"{money}_ore"].dtype == "int64"
        assert regions[f"{money}_kr_exact"].map(type).eq(decimal.Decimal).all()
        assert (regions[f"{money}_kr"] == regions[f"{money}_ore"] / 100).all()
    assert regions["population"].dtype == "int64"
    assert list(result.months_frame()["group"].cat.categories) == ["first_visits", "operations"]


def test_frames_are_exact(result):
    shares = result.allocation.shares_frame()
    by_block = shares.assign(block1=shares["pot_id"].str.startswith("block-1")).groupby("block1")["amount_ore"].sum()
    assert by_block[True] == 128_000_000_000
    assert by_block[False] == 31_143_875_979
    assert sum(shares["amount_kr_exact"]) == decimal.Decimal("1591438759.79")
    undistributed = result.undistributed_frame()
    assert list(undistributed["amount_ore"]) == [856_124_021]
    assert undistributed["amount_kr_exact"][0] == decimal.Decimal("8561240.21")
    assert undistributed["amount_kr"][0] == 8561240.21
    assert "Västmanland" in undistributed["reason"][0]
    pots = result.allocation.pots_frame()
    top = pots[pots["parent_id"].isna()].set_index("pot_id")
    assert (top["paid_ore"] + top["undistributed_ore"]).to_dict() == top["amount_ore"].to_dict()
    regions = result.regions_frame().set_index("region_id")
    assert regions.loc["vastmanland", "block2_ore"] == 0
    assert regions["total_ore"].sum() == result.allocation.paid_total().ore


# ---------------------------------------------------------------------------
# Explanations
# ---------------------------------------------------------------------------


def test_explain_names_the_region_and_its_amounts(result):
    text = result.explain("Västmanland")
    assert text.startswith("Region Västmanland")
    assert "8 561 240,21 kr" in text and "retained" in text
    assert text.rstrip().endswith("total: " + str(result.region("Västmanland").total))
    assert result.explain("vastmanland") == result.explain("Region Västmanland") == text
    assert result.allocation.explain("vastmanland") == text
    vgr = result.explain("VGR")
    assert "Västra Götalandsregionen" in vgr and str(result.region("VGR").total) in vgr


def test_explanation_in_json_form(result):
    explanation = result.explanation("Uppsala")
    assert explanation["id"] == "uppsala" and explanation["name"] == "Region Uppsala"
    assert explanation["total"] == {"ore": result.region("uppsala").total.ore, "currency": "SEK"}
    assert [s["pot"] for s in explanation["shares"]][-1] == "block-2"
    assert len(explanation["shares"]) == 7
    assert sum(s["amount"]["ore"] for s in explanation["shares"]) == explanation["total"]["ore"]
    assert explanation["explanation"] == result.allocation.explanation_lines("uppsala")
    json.dumps(explanation)  # plain JSON types only
    whole = result.to_dict()
    assert whole["schema"] == "samverkan.koemiljard2019"
    assert whole["allocation"]["schema"] == "samverkan.allocation"


# ---------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------


def test_unknown_regions(result, tmp_path):
    with pytest.raises(sv.NotFoundError, match="Atlantis"):
        result.explain("Atlantis")
    with pytest.raises(KeyError):
        result.allocation.explain("atlantis")
    inputs = k19.read_csv(INPUTS)
    bad = inputs[0]
    bad.region = "Atlantis"
    with pytest.raises(sv.DataError, match="Atlantis"):
        k19.run([bad] + inputs[1:])
    text = INPUTS.read_text(encoding="utf-8").replace("Gotland;", "Atlantis;")
    with pytest.raises(sv.ParseError, match="Atlantis") as caught:
        k19.parse_csv(text, "regions.csv")
    assert "regions.csv" in str(caught.value)
    assert isinstance(caught.value, ValueError)
    only_some = k19.run(k19.read_csv(INPUTS)[:3])
    with pytest.raises(sv.NotFoundError):
        only_some.explain("Norrbotten")


def test_bad_files(tmp_path):
    with pytest.raises(sv.FileError) as caught:
        k19.run(tmp_path / "missing.csv")
    assert isinstance(caught.value, OSError)
    broken = tmp_path / "broken.csv"
    broken.write_text("region;population\nUppsala;many\n", encoding="utf-8")
    with pytest.raises(sv.ParseError, match="broken.csv"):
        k19.read_csv(broken)


def test_percent_is_exact():
    assert al.Percent("65,3").hundredths == 6530
    assert al.Percent("75.8") - al.Percent("72.4") == al.Percent("3.4")
    assert al.Percent(71) == al.Percent.points(71) == al.Percent("71,00 %")
    assert al.Percent(decimal.Decimal("65.30")) == al.Percent.from_hundredths(6530)
    assert al.Percent.from_float(65.3) == al.Percent("65.3")
    assert al.Percent("65.3").decimal == decimal.Decimal("65.30")
    assert str(al.Percent("-0.05")) == "-0.05" and repr(al.Percent("71")) == "Percent('71')"
    assert al.Percent("3") < al.Percent("3.01") and hash(al.Percent(3)) == hash(al.Percent("3.00"))
    with pytest.raises(sv.ParseError):
        al.Percent("65,333")
    with pytest.raises(TypeError):
        al.Percent(65.3)
    assert al.Bound.at_least(3).admits(al.Percent(3)) and not al.Bound.more_than(5).admits(al.Percent(5))
    assert al.Bound.parse("> 5,5") == al.Bound(value="5.5", inclusive=False)


# ---------------------------------------------------------------------------
# Splits
# ---------------------------------------------------------------------------


def test_split_of_640_million_over_three_months():
    months = ["2019-09", "2019-10", "2019-11"]
    parts = al.split(kr(640_000_000), months)
    assert [m.ore for m in parts] == [21_333_333_334, 21_333_333_333, 21_333_333_333]
    assert sum(parts, sv.Money()) == kr(640_000_000)
    assert al.split(kr(640_000_000), {m: 1 for m in months}) == parts
    assert al.split(kr(640_000_000), [(m, 1) for m in months]) == parts
    assert al.split_equally(kr(640_000_000), months) == parts


def test_split_by_weight_and_its_errors():
    assert [m.ore for m in al.split(sv.Money(ore=100), {"a": 70, "b": 20, "c": 10})] == [70, 20, 10]
    assert [m.ore for m in al.split(sv.Money(ore=10), {"b": 1, "a": 1, "c": 1})] == [3, 4, 3]
    with pytest.raises(sv.DataError):
        al.split(kr(1), [])
    with pytest.raises(sv.DataError):
        al.split(kr(1), ["a", "a"])
    with pytest.raises(sv.DataError):
        al.split(kr(-1), ["a"])
    with pytest.raises(sv.DataError):
        al.split(kr(1), {"a": -1})
    with pytest.raises(TypeError):
        al.split(kr(1), {"a": 0.5})
    with pytest.raises(TypeError):
        al.split(640_000_000, ["a"])


# ---------------------------------------------------------------------------
# Programmes of one's own
# ---------------------------------------------------------------------------


def recipients():
    return [
        al.Recipient(id="a", name="Alfa", numbers={"population": 300}, percents={"now": "75", "then": "70"},
                     flags={"reported": True}),
        al.Recipient(id="b", name="Beta", numbers={"population": 100}, percents={"now": "71", "then": "70"},
                     flags={"reported": False}),
        al.Recipient(id="c", name="Gamma", numbers={"population": 600}, percents={"now": "69", "then": "70"},
                     flags={"reported": True}),
    ]


def test_population_share_on_conditions():
    def programme(failed):
        pot = al.Pot(key="grant", name="Grant", amount=kr(1000), rule=al.population_share(),
                     eligibility=al.eligibility(al.flag_set("reported", "reporting"), failed=failed))
        return al.Programme(key="demo", name="Demo", pots=[pot])

    kept = programme("retained").run(recipients())
    assert [kept.total(r) for r in "abc"] == [kr(300), sv.Money(), kr(600)]
    assert kept.undistributed("grant") == kr(100)
    assert kept.pot("grant").share_of("b").failed_conditions == ["reporting"]
    assert kept.pot("grant").share_of("b").withheld == kr(100)
    shared = programme("redistributed").run(recipients())
    assert [shared.total(r).ore for r in "abc"] == [33_333, 0, 66_667]
    assert shared.paid("grant") == kr(1000)


def test_staircase_equal_fixed_and_formula():
    stairs = al.staircase("now", [("step 1", 70, ">=1"), ("step 2", 30, ">=3")], baseline_key="then",
                          label="share", split_by="population")
    assert al.rule_name(stairs) == "staircase" and "share" in al.describe_rule(stairs)
    pots = [
        al.Pot(key="stairs", name="Stairs", amount=kr(1000), rule=stairs),
        al.Pot(key="equal", name="Equal", amount=sv.Money(ore=100), rule=al.equal()),
        al.Pot(key="fixed", name="Fixed", amount=kr(50), rule=al.fixed({"a": kr(20)})),
        al.Pot(key="formula", name="Formula", amount=kr(100), rule=al.weighted(numbers={"population": 1})),
    ]
    result = al.Programme(key="demo", name="Demo", pots=pots).run(recipients())
    stairs_pot = result.pot("stairs")
    assert stairs_pot.share_of("a").step == 2 and stairs_pot.share_of("b").step == 1
    assert stairs_pot.share_of("c").step == 0
    assert result.amount("a", "stairs") + result.amount("b", "stairs") == kr(1000)
    assert [result.amount(r, "equal").ore for r in "abc"] == [34, 33, 33]
    assert result.amount("a", "fixed") == kr(20) and result.undistributed("fixed") == kr(30)
    assert [result.amount(r, "formula") for r in "abc"] == [kr(30), kr(10), kr(60)]
    assert result.paid_total() + sum((result.undistributed(p.key) for p in pots), sv.Money()) == kr(1150) + sv.Money(ore=100)
    frames = result.to_frames()
    assert len(frames["shares"]) == 12 and len(frames["pots"]) == 4
    assert set(frames["pots"]["rule"]) == {"staircase", "equal_split", "fixed_amounts", "weighted_formula"}
    assert "Alfa" in result.explain("a")


def test_python_functions_as_criteria_and_formulas():
    seen = []

    def big(r):
        seen.append(r.id)
        return None if r.number("population") >= 300 else f"{r.label()} is too small"

    formula = al.WeightedFormula("twice the population", lambda r: 2 * r.number("population"))
    pot = al.Pot(key="p", name="P", amount=kr(900), rule=formula,
                 eligibility=al.eligibility(al.Criterion("size", "population >= 300", big), failed="redistributed"))
    result = al.Programme(key="demo", name="Demo", pots=[pot]).run(recipients())
    assert sorted(set(seen)) == ["a", "b", "c"]
    assert [result.total(r) for r in "abc"] == [kr(300), sv.Money(), kr(600)]
    assert "Beta is too small" in result.explain("b")


def test_bad_programmes():
    with pytest.raises(sv.DataError):
        al.staircase("now", [("step 1", 70, ">=3"), ("step 2", 30, ">=1")])
    with pytest.raises(sv.DataError):
        al.Programme(key="x", name="X", pots=[al.Pot(key="p", amount=kr(1))]).run(recipients())  # no rule
    with pytest.raises(sv.DataError, match="appears twice"):
        al.Programme(key="x", name="X", pots=[al.Pot(key="p", amount=kr(1), rule=al.equal())]).run(
            recipients() + recipients()[:1])
    with pytest.raises(sv.DataError, match="missing"):
        al.Programme(key="x", name="X", pots=[al.Pot(key="p", amount=kr(1), rule=al.weighted({"missing": 1}))]).run(
            recipients())


# ---------------------------------------------------------------------------
# Pickling and threads
# ---------------------------------------------------------------------------


def test_values_and_results_pickle(result):
    for value in [al.Percent("65.3"), al.Bound.more_than(5), recipients()[0], k19.Parameters(step_split="equal"),
                  k19.read_csv(INPUTS)[0], al.Step(name="s", weight=7, bound=al.Bound.at_least(1))]:
        assert pickle.loads(pickle.dumps(value)) == value
    copy = pickle.loads(pickle.dumps(result))
    assert copy.to_json() == result.to_json()
    assert copy.explain("Västmanland") == result.explain("Västmanland")
    assert copy.parameters.step_split == result.parameters.step_split
    assert pickle.loads(pickle.dumps(result.allocation)).to_json() == result.allocation.to_json()
    assert pickle.loads(pickle.dumps(k19.find_region("VGR"))) == k19.find_region("Västra Götaland")
    stairs = al.staircase("now", [("one", 1, 1)])
    assert repr(pickle.loads(pickle.dumps(stairs))) == repr(stairs)
    plain = al.Programme(key="x", name="X", pots=[al.Pot(key="p", amount=kr(1), rule=stairs)])
    assert pickle.loads(pickle.dumps(plain)).run(recipients()).to_json() == plain.run(recipients()).to_json()


def test_functions_do_not_pickle():
    with pytest.raises(TypeError):
        pickle.dumps(al.flag_set("reported", "reporting"))
    with pytest.raises(TypeError):
        pickle.dumps(al.eligibility(al.flag_set("reported", "reporting")))
    with pytest.raises(TypeError):
        pickle.dumps(k19.programme())


def test_runs_in_threads():
    inputs = k19.read_csv(INPUTS)
    expected = k19.run(inputs).to_json()
    out = []
    threads = [threading.Thread(target=lambda: out.append(k19.run(inputs).to_json())) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert out == [expected] * 4


# ---------------------------------------------------------------------------
# The module
# ---------------------------------------------------------------------------


def test_namespace():
    assert sv.allocation is al
    assert not hasattr(sv, "split") and not hasattr(sv, "Koemiljard2019Result")
    assert "allocation" in sv.__all__ and "Percent" not in sv.__all__
    assert all(hasattr(al, name) for name in al.__all__)
    assert len(k19.regions()) == 21 and k19.find_region("Sörmland").id == "sodermanland"
    assert k19.find_region("Atlantis") is None
    assert k19.pot_id(k19.Group.first_visits, 9) == "block-1/first_visits/2019-09"
    assert k19.figure_key("operations", 11, "within_60_2019") == "operations/2019-11/within_60_2019"
    with pytest.raises(TypeError):
        k19()


def test_everything_in_the_module_is_documented():
    def documented(obj):
        return bool((inspect.getdoc(obj) or "").strip())

    missing = [name for name in al.__all__ if name != "Rule" and not documented(getattr(al, name))]
    missing += [f"koemiljard2019.{name}" for name, member in vars(k19).items()
                if not name.startswith("_") and not documented(getattr(k19, name))]
    assert missing == []
    init = inspect.getdoc(k19.Parameters.__init__)
    for argument in ["block1", "step_split", "block2_failed", "status_report_deadline"]:
        assert f"    {argument}: " in init
    assert "    steps: " in inspect.getdoc(al.staircase)


def test_every_bound_parameter_takes_the_same_string_forms():
    k = al.koemiljard2019
    assert str(k.Parameters(response_rate=">=93").response_rate) == str(al.Bound.at_least(93))
    assert str(k.Parameters(alternative_bound="> 70,5").alternative_bound) == str(al.Bound.more_than("70,5"))
    assert str(k.Parameters(response_rate=90).response_rate) == str(al.Bound.at_least(90))
    assert str(al.Bound(">=3")) == str(al.Bound.parse(">=3"))
    with pytest.raises((sv.ParseError, TypeError)):
        k.Parameters(response_rate="about ninety")
