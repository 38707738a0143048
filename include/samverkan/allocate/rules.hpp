// Everything under samverkan/allocate/ lives in namespace samverkan::allocate.
//
// Funding rules as values: who the recipients are and what is known about
// them, the rules that share a pot among them (equal split, population share,
// fixed amounts, a weighted formula, a performance staircase) and the
// conditions a recipient must meet to be paid at all.
//
// A rule is data, not a spreadsheet formula: it can be described, stored,
// re-run on new inputs and explained recipient by recipient. Programmes of
// pots that apply these rules are in <samverkan/allocate/programme.hpp>.
#pragma once

#include <samverkan/allocate/percent.hpp>
#include <samverkan/core/date.hpp>
#include <samverkan/core/money.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE
namespace allocate {

/// A recipient of money (a region, a municipality) and the facts rules read
/// about it, each under a key the rules name.
///
///   Recipient uppsala{.id = "uppsala", .name = "Region Uppsala",
///                     .numbers = {{"population", 383713}},
///                     .percents = {{"visits/2019-09/under_90_2019", Percent::parse("71,4")}},
///                     .flags = {{"reported_within_five_weeks", true}}};
///
/// `id` is unique within a run, appears in results and breaks ties when
/// öre are rounded; `name` is for people to read.
struct Recipient {
  std::string id;
  std::string name;
  /// Counts and other integers: population, number of patients.
  std::map<std::string, std::int64_t> numbers;
  /// Shares and differences in percentage points.
  std::map<std::string, Percent> percents;
  /// Yes/no facts: reported in time, agreement signed.
  std::map<std::string, bool> flags;
  /// Dates on which something happened; a key that is absent means it has
  /// not happened (e.g. no status report was submitted).
  std::map<std::string, Date> dates;

  /// The name, or the id when there is none.
  const std::string& label() const noexcept { return name.empty() ? id : name; }

  /// The value under `key`; throws value_error naming the recipient and the
  /// key when there is none.
  std::int64_t number(const std::string& key) const;
  Percent percent(const std::string& key) const;
  bool flag(const std::string& key) const;
  /// The date under `key`, or nullopt when the event has not happened.
  std::optional<Date> date(const std::string& key) const;

  friend bool operator==(const Recipient&, const Recipient&) = default;
};

/// What happens to the share of a recipient that fails a condition.
enum class FailedShare {
  /// Computed as if the recipient had qualified, then not paid: the money
  /// stays undistributed (with the failure as its reason). Others get exactly
  /// what they would have got anyway.
  retained,
  /// The recipient is left out before the pot is shared, so the others share
  /// the whole pot.
  redistributed,
};

/// What happens to the money of a staircase step that no recipient reached.
enum class RollOver {
  /// It moves to the step below (and further down while those are empty);
  /// money that reaches an empty lowest step stays undistributed.
  to_step_below,
  /// It stays undistributed.
  none,
};

/// Whether a recipient that reaches a step also shares the steps below it.
enum class StepMembership {
  /// Reaching step 3 means sharing steps 1, 2 and 3 ("a further 20 %").
  cumulative,
  /// A recipient shares only the highest step it reached.
  exclusive,
};

/// A condition a recipient must meet to be paid from a pot ("kriterier" in
/// the 2019 agreement; named so as not to clash with the model's
/// agreement Condition, which records the text of a condition).
///
///   auto c = Criterion::percent_at_least("lowest_response_rate", "response rate",
///                                        Bound::at_least(Percent::points(95)));
///   c.check(recipient);  // nullopt when met, else why not: "response rate is 93.5 %, needs ≥ 95 %"
struct Criterion {
  /// Short name for messages and results ("response rate").
  std::string name;
  /// The requirement in words ("lowest monthly response rate ≥ 95 %").
  std::string description;
  /// Returns nullopt when the recipient meets the condition, else the reason
  /// it does not. May throw value_error when an input is missing.
  std::function<std::optional<std::string>(const Recipient&)> test;

  std::optional<std::string> check(const Recipient& r) const;

  /// The percentage under `key` must reach `bound`.
  static Criterion percent_at_least(std::string key, std::string name, Bound bound);
  /// The flag under `key` must be true.
  static Criterion flag_set(std::string key, std::string name);
  /// The date under `key` must be present and on or before `deadline`.
  static Criterion on_or_before(std::string key, std::string name, Date deadline);
};

/// The conditions of a pot and what happens to the share of a recipient that
/// fails one of them.
struct Eligibility {
  std::vector<Criterion> conditions;
  FailedShare failed = FailedShare::retained;

  bool empty() const noexcept { return conditions.empty(); }
};

/// Everyone gets the same; öre that do not divide go to the first ids.
struct EqualSplit {
  friend bool operator==(const EqualSplit&, const EqualSplit&) = default;
};

/// In proportion to a number every recipient has, usually its population
/// ("befolkningsandel").
///
///   WeightedSplit{.key = "population", .label = "population"}
struct WeightedSplit {
  std::string key = "population";
  /// Word for the weight in explanations.
  std::string label = "population";
  friend bool operator==(const WeightedSplit&, const WeightedSplit&) = default;
};

/// Named amounts per recipient id; recipients not named get nothing. What the
/// amounts leave of the pot stays undistributed; amounts beyond the pot are
/// an error.
struct FixedAmounts {
  std::map<std::string, Money> amounts;
  friend bool operator==(const FixedAmounts&, const FixedAmounts&) = default;
};

/// In proportion to a weight computed from each recipient's inputs.
///
///   // population plus ten times the number of patients waiting
///   auto w = WeightedFormula::linear({{"population", 1}, {"waiting", 10}}, {});
///
/// The weight must be a non-negative integer; fixed-point inputs (Percent)
/// enter as hundredths.
struct WeightedFormula {
  /// The formula in words, for explanations and stored results.
  std::string description;
  std::function<std::uint64_t(const Recipient&)> weight;

  /// Σ coefficient × number + Σ coefficient × percent-in-hundredths. Throws
  /// value_error, naming the recipient, when the sum is negative, and
  /// overflow_error when it does not fit.
  static WeightedFormula linear(std::vector<std::pair<std::string, std::int64_t>> number_terms,
                                std::vector<std::pair<std::string, std::int64_t>> percent_terms);
};

/// The value a staircase ranks recipients by: a percentage input, or the
/// difference of two in percentage points (this year's share minus last
/// year's).
struct Measure {
  /// The percentage input read (this year's share).
  std::string key;
  /// When set, the measure is percent(key) − percent(baseline_key).
  std::string baseline_key;
  /// What the measure is, in words: "share waiting < 90 days".
  std::string label;

  /// The measure for one recipient; throws value_error naming the recipient
  /// and the input when one is missing.
  Percent of(const Recipient& r) const;
};

/// One step of a staircase: its part of the pot (relative to the other
/// steps' weights: 70, 20, 10) and the bound on the measure that reaches it.
struct Step {
  /// Unique within the staircase; names the step in explanations and breaks
  /// rounding ties between steps of equal weight.
  std::string name;
  std::uint64_t weight = 0;
  Bound bound;
  friend bool operator==(const Step&, const Step&) = default;
};

/// A second way into a step without reaching its bound on the measure: the
/// 2019 queue billion lets a region where ≥ 71 % of the waiting have waited
/// 60 days or less share the lowest step. A recipient that qualifies both
/// ways is counted once, at the higher of the two steps ("paid for one
/// reason only").
struct Alternative {
  /// The percentage input it reads, what that is in words, and the bound it
  /// must reach ("share waited ≤ 60 days", ≥ 71).
  std::string key;
  std::string label;
  Bound bound;
  /// Index of the step it opens (0 = lowest).
  std::size_t step = 0;
  /// The strict reading of "a region that improved and reached 71 % is paid
  /// for the improvement only": when true, a recipient whose measure is above
  /// 0 (it improved at all) cannot use the alternative, even if its
  /// improvement reaches no step. Off by default: that reading would pay a
  /// region nothing for improving 0.5 points while one that stood still at
  /// 71 % is paid.
  bool only_without_improvement = false;
};

/// How a step's money is shared among the recipients in it.
struct MemberSplit {
  /// Empty for an equal split; otherwise the number input weighting it.
  std::string weight_key;
  std::string label;

  static MemberSplit equal() { return {}; }
  static MemberSplit by(std::string key, std::string label) { return {std::move(key), std::move(label)}; }
  bool is_equal() const noexcept { return weight_key.empty(); }
};

/// A performance staircase ("prestationstrappa"): the pot is cut into steps
/// by their weights; the recipients whose measure reaches a step's bound
/// share that step's money.
///
///   Staircase s{.measure = {"u90_2019", "u90_2018", "share waiting < 90 days"},
///               .steps = {{"step 1", 70, Bound::at_least(Percent::points(1))},
///                         {"step 2", 20, Bound::at_least(Percent::points(3))},
///                         {"step 3", 10, Bound::more_than(Percent::points(5))}}};
///
/// A recipient's step is the highest whose bound it reaches (or the
/// alternative's step, if higher). Money of a step nobody reached rolls down
/// (RollOver); if nobody reaches the lowest step nothing is paid and the
/// whole pot stays undistributed.
struct Staircase {
  /// What recipients are ranked by.
  Measure measure;
  /// Lowest first; bounds must rise strictly from step to step.
  std::vector<Step> steps;
  StepMembership membership = StepMembership::cumulative;
  RollOver roll_over = RollOver::to_step_below;
  MemberSplit split = MemberSplit::equal();
  std::optional<Alternative> alternative;

  /// Throws value_error when there are no steps, a weight is 0 for every
  /// step, the bounds do not rise, or the alternative names a missing step.
  void check() const;
};

/// Any rule a leaf pot can apply.
using Rule = std::variant<EqualSplit, WeightedSplit, FixedAmounts, WeightedFormula, Staircase>;

/// The rule's kind: "equal_split", "weighted_split", "fixed_amounts",
/// "weighted_formula", "staircase".
std::string rule_name(const Rule& rule);
/// The rule with its parameters in words, e.g.
/// "staircase on the change in share waiting < 90 days (points): step 1 ≥ 1 → 70, ...".
std::string describe(const Rule& rule);

}  // namespace allocate
SAMVERKAN_END_NAMESPACE
