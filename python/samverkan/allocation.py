"""Sharing money among recipients by the rules of an agreement, exact to the öre.

The engine is samverkan's C++ allocation library; this module gives it
shorter names and a few conveniences. Money is always samverkan.Money (int
öre) and percentages Percent (hundredths of a point): never float.

    from samverkan import allocation as al

    result = al.koemiljard2019.run("data/allocation/koemiljard2019_inputs.csv")
    result.allocation.paid("block-1")         # Money('1 280 000 000 kr')
    result.regions_frame()                    # one row per region, öre and kronor columns
    print(result.explain("Västmanland"))      # why it got what it got

    al.split(Money.from_kronor(640_000_000), ["2019-09", "2019-10", "2019-11"])

Programmes of your own are built from pots and rules:

    programme = al.Programme(key="demo", name="Demo", pots=[
        al.Pot(key="all", name="All", amount=Money.from_kronor(1000), rule=al.population_share())])
    result = programme.run([al.Recipient(id="a", numbers={"population": 3}),
                            al.Recipient(id="b", numbers={"population": 1})])
    result.shares_frame()

Results (ProgrammeResult, koemiljard2019.Result) give pandas tables
(shares_frame, pots_frame, undistributed_frame, recipients_frame,
to_frames) with the conventions of Corpus.to_frames(), the explanation per
recipient as text (explain) or in JSON form (explanation), and pickle.
Criteria and formulas made from Python functions do not pickle, nor do
pots and programmes holding them.
"""

from __future__ import annotations

import datetime
import os
import pathlib
from typing import Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import _core
from ._core import (
    Alternative,
    Bound,
    Criterion,
    Eligibility,
    EqualSplit,
    FailedShare,
    FixedAmounts,
    Leftover,
    Measure,
    MemberSplit,
    Money,
    Percent,
    Pot,
    PotResult,
    Programme,
    ProgrammeResult,
    Recipient,
    RollOver,
    Share,
    Staircase,
    Step,
    StepMembership,
    WeightedFormula,
    WeightedSplit,
    describe_rule,
    rule_name,
    split_equally,
)

Rule = Union[EqualSplit, WeightedSplit, FixedAmounts, WeightedFormula, Staircase]
"""Any rule a leaf Pot can apply."""

__all__ = [
    "Alternative",
    "Bound",
    "Criterion",
    "Eligibility",
    "EqualSplit",
    "FailedShare",
    "FixedAmounts",
    "Leftover",
    "Measure",
    "MemberSplit",
    "Percent",
    "Pot",
    "PotResult",
    "Programme",
    "ProgrammeResult",
    "Recipient",
    "RollOver",
    "Rule",
    "Share",
    "Staircase",
    "Step",
    "StepMembership",
    "WeightedFormula",
    "WeightedSplit",
    "describe_rule",
    "eligibility",
    "equal",
    "fixed",
    "flag_set",
    "koemiljard2019",
    "on_or_before",
    "percent_at_least",
    "population_share",
    "rule_name",
    "split",
    "split_equally",
    "staircase",
    "weighted",
]

# The compiled objects this module re-exports; samverkan/__init__.py keeps
# them out of the top-level namespace, where names such as `split` or
# `Koemiljard2019Result` would only confuse.
_CORE_NAMES: Tuple[str, ...] = tuple(
    sorted(
        {name for name in __all__ if hasattr(_core, name) and name != "Money"}
        | {name for name in dir(_core) if name.startswith(("Koemiljard2019", "koemiljard2019_"))}
    )
)


# ---------------------------------------------------------------------------
# Splitting
# ---------------------------------------------------------------------------


def _weight(key: str, weight: object) -> int:
    if isinstance(weight, bool) or not isinstance(weight, int):
        raise TypeError(f"the weight of {key!r} must be an int, not {type(weight).__name__}")
    if weight < 0:
        raise _core.DataError(f"the weight of {key!r} is negative: {weight}")
    return weight


def split(
    pot: Money, parts: Union[Mapping[str, int], Iterable[str], Iterable[Tuple[str, int]]]
) -> List[Money]:
    """Splits an amount exactly over parts (largest remainder); the amounts add up to the pot.

    Args:
        pot: the Money to split.
        parts: keys (equal weights), a mapping of key to int weight, or (key, weight) pairs.
            Leftover öre go to the largest remainders, then the larger weight, then the
            key in byte order.

    Returns:
        One Money per part, in the order given.

    Raises:
        DataError: a negative pot or weight, no parts, a repeated key, all weights 0.

        >>> split(Money.from_kronor(640_000_000), ["2019-09", "2019-10", "2019-11"])
        [Money('213 333 333,34 kr'), Money('213 333 333,33 kr'), Money('213 333 333,33 kr')]
    """
    if isinstance(parts, Mapping):
        pairs = [(str(key), _weight(str(key), weight)) for key, weight in parts.items()]
    else:
        pairs = []
        for part in parts:
            if isinstance(part, str):
                pairs.append((part, 1))
            else:
                key, weight = part
                pairs.append((key, _weight(key, weight)))
    return _core.split(pot, pairs)


# ---------------------------------------------------------------------------
# Rules and conditions, with the C++ defaults
# ---------------------------------------------------------------------------


def equal() -> EqualSplit:
    """Everyone gets the same; öre that do not divide go to the first ids."""
    return EqualSplit()


def population_share(key: str = "population", label: str = "population") -> WeightedSplit:
    """In proportion to a number every recipient has ("befolkningsandel").

    Args:
        key: the number input (Recipient.numbers) weighting the split.
        label: the word for it in explanations.
    """
    return WeightedSplit(key=key, label=label)


def fixed(amounts: Mapping[str, Money]) -> FixedAmounts:
    """Named amounts per recipient id; what they leave of the pot stays undistributed.

    Args:
        amounts: recipient id to Money.
    """
    return FixedAmounts(amounts=dict(amounts))


def weighted(
    numbers: Optional[Mapping[str, int]] = None, percents: Optional[Mapping[str, int]] = None
) -> WeightedFormula:
    """In proportion to a linear weight: Σ coefficient × number + Σ coefficient × percent in hundredths.

    Args:
        numbers: number input (Recipient.numbers) to its int coefficient.
        percents: percent input (Recipient.percents) to its int coefficient; a
            percentage enters as hundredths of a point.

    For any other formula use WeightedFormula(description, function).
    """
    return WeightedFormula.linear(list((numbers or {}).items()), list((percents or {}).items()))


def _bound(value: Union[Bound, str, int, Percent]) -> Bound:
    if isinstance(value, Bound):
        return value
    if isinstance(value, str):
        return Bound.parse(value)
    return Bound.at_least(value if isinstance(value, Percent) else Percent(value))


def staircase(
    key: str,
    steps: Sequence[Union[Step, Tuple[str, int, Union[Bound, str, int, Percent]]]],
    *,
    baseline_key: str = "",
    label: str = "",
    membership: Union[StepMembership, str] = StepMembership.cumulative,
    roll_over: Union[RollOver, str] = RollOver.to_step_below,
    split_by: Optional[str] = None,
    split_label: str = "",
    alternative: Optional[Alternative] = None,
) -> Staircase:
    """A performance staircase: the pot is cut into steps by weight, and the recipients whose
    measure reaches a step's bound share its money.

        staircase("u90_2019", [("step 1", 70, ">=1"), ("step 2", 20, ">=3"), ("step 3", 10, ">5")],
                  baseline_key="u90_2018", label="share waiting < 90 days", split_by="population")

    Args:
        key: the percent input ranked (this year's share).
        steps: lowest first, as Step or (name, weight, bound); a bound is a Bound, text
            (">=3", ">5"; a bare number means at least) or a number meaning at least.
        baseline_key: when given, the measure is percent(key) − percent(baseline_key), in points.
        label: what the measure is, in words.
        membership: cumulative (default: reaching step 3 shares steps 1–3) or exclusive.
        roll_over: to_step_below (default: an unreached step's money moves down) or none.
        split_by: a number input (e.g. "population") to share a step by; None shares equally.
        split_label: the word for split_by in explanations (default: split_by).
        alternative: another way into a step (Alternative), or None.

    Raises:
        DataError: no steps, every weight 0, bounds that do not rise, an alternative's step missing.
    """
    made = [s if isinstance(s, Step) else Step(name=s[0], weight=s[1], bound=_bound(s[2])) for s in steps]
    rule = Staircase(
        measure=Measure(key=key, baseline_key=baseline_key, label=label or key),
        steps=made,
        membership=membership if isinstance(membership, StepMembership) else StepMembership.from_string(membership),
        roll_over=roll_over if isinstance(roll_over, RollOver) else RollOver.from_string(roll_over),
        split=MemberSplit.equal() if split_by is None else MemberSplit.by(split_by, split_label or split_by),
        alternative=alternative,
    )
    rule.check()
    return rule


def percent_at_least(key: str, name: str, bound: Union[Bound, str, int, Percent]) -> Criterion:
    """Condition: the percentage under key must reach bound.

    Args:
        key: the percent input.
        name: short name for messages ("response rate").
        bound: a Bound, text (">=95") or a number meaning at least.
    """
    return Criterion.percent_at_least(key, name, _bound(bound))


def flag_set(key: str, name: str) -> Criterion:
    """Condition: the flag under key must be true.

    Args:
        key: the flag input.
        name: short name for messages.
    """
    return Criterion.flag_set(key, name)


def on_or_before(key: str, name: str, deadline: datetime.date) -> Criterion:
    """Condition: the date under key must be present and on or before deadline.

    Args:
        key: the date input.
        name: short name for messages.
        deadline: the last allowed datetime.date.
    """
    return Criterion.on_or_before(key, name, deadline)


def eligibility(*conditions: Criterion, failed: Union[FailedShare, str] = FailedShare.retained) -> Eligibility:
    """The conditions of a pot.

    Args:
        conditions: the Criterion values a recipient must all meet.
        failed: retained (default: a failing recipient's share stays unpaid) or
            redistributed (it is left out, the others share the whole pot).
    """
    return Eligibility(
        conditions=list(conditions),
        failed=failed if isinstance(failed, FailedShare) else FailedShare.from_string(failed),
    )


# ---------------------------------------------------------------------------
# The 2019 queue billion
# ---------------------------------------------------------------------------


class koemiljard2019:  # noqa: N801  (a namespace, named as the C++ one)
    """The 2019 queue-billion agreement ("En ny, uppdaterad kömiljard 2019") as a ready programme.

    Block 1 (1 280 000 000 kr) by a staircase per group and month, Block 2
    (320 000 000 kr) by population share on reporting conditions; every reading
    the text leaves open is a Parameters field with a documented default.

        result = koemiljard2019.run("data/allocation/koemiljard2019_inputs.csv")
        result = koemiljard2019.run(inputs, koemiljard2019.Parameters(step_split="equal"))

    A namespace: not meant to be instantiated.
    """

    Parameters = _core.Koemiljard2019Parameters
    RegionInputs = _core.Koemiljard2019RegionInputs
    MonthFigures = _core.Koemiljard2019MonthFigures
    Reporting = _core.Koemiljard2019Reporting
    Result = _core.Koemiljard2019Result
    RegionResult = _core.Koemiljard2019RegionResult
    Region = _core.Koemiljard2019Region
    Group = _core.Koemiljard2019Group
    StepSplit = _core.Koemiljard2019StepSplit

    regions = staticmethod(_core.koemiljard2019_regions)
    find_region = staticmethod(_core.koemiljard2019_find_region)
    figure_key = staticmethod(_core.koemiljard2019_figure_key)
    pot_id = staticmethod(_core.koemiljard2019_pot_id)
    programme = staticmethod(_core.koemiljard2019_programme)
    recipients = staticmethod(_core.koemiljard2019_recipients)
    parse_csv = staticmethod(_core.koemiljard2019_parse_csv)

    def __init__(self) -> None:
        raise TypeError("koemiljard2019 is a namespace; call koemiljard2019.run(...)")

    @staticmethod
    def read_csv(path: Union[str, "os.PathLike[str]"]) -> List[_core.Koemiljard2019RegionInputs]:
        """Reads the regions' inputs from a CSV file (format: data/allocation/README.md).

        Args:
            path: the file.

        Raises:
            FileError: the file cannot be read.
            ParseError: a malformed file or cell, an unknown region; the message names
                the file, line, region and column.
        """
        return _core.koemiljard2019_read_csv(pathlib.Path(path))

    @staticmethod
    def run(
        inputs: Union[str, "os.PathLike[str]", Sequence[_core.Koemiljard2019RegionInputs]],
        parameters: Optional[_core.Koemiljard2019Parameters] = None,
    ) -> _core.Koemiljard2019Result:
        """Runs the programme (without holding the GIL).

        Args:
            inputs: a CSV file's path (str or os.PathLike; CSV text goes through
                parse_csv), or a list of RegionInputs.
            parameters: the Parameters; None for the agreement's defaults.

        Raises:
            FileError, ParseError: the file cannot be read or parsed.
            DataError: an unknown or repeated region, a population that is not
                positive, a share outside 0–100 %, a missing month.
        """
        if isinstance(inputs, (str, os.PathLike)):
            inputs = koemiljard2019.read_csv(inputs)
        chosen = parameters if parameters is not None else _core.Koemiljard2019Parameters()
        return _core.koemiljard2019_run(list(inputs), chosen)
