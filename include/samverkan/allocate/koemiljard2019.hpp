// The 2019 queue-billion agreement ("En ny, uppdaterad kömiljard 2019",
// state and SKL, June 2019) as a ready-made programme: give it each region's
// population, waiting-time shares and reporting, and it computes each
// region's Block 1 and Block 2 money to the öre, with an explanation.
//
// What the agreement states (section 4.3–4.4.1):
//   * Block 1, 1 280 000 000 kr: half for first visits, half for operations
//     and procedures, each cut into September, October and November 2019
//     (≈ 213 330 000 kr per group and month). Per group and month a staircase
//     on the change, in percentage points, of the share of the waiting who
//     have waited under 90 days, against the same month of 2018: improving
//     "one to three" points shares 70 %, "three to five" a further 20 %,
//     "more than five" a further 10 %. A region where at least 71 % of the
//     waiting have waited 60 days or less may share the 70 % step without
//     improving, but is paid for one reason only. A step no region reaches
//     passes its money to the step below; if no region reaches the lowest,
//     nothing is paid for that group and month.
//   * Block 2, 320 000 000 kr, in relation to population share, on
//     conditions: a response rate of at least 95 % every month, actual
//     waiting times reported within five weeks, a status report by
//     15 October 2019.
//   * The 10 000 000 kr to SKL are not shared among regions and are not part
//     of the programme.
//
// Everything the text leaves open is a member of Parameters with a
// documented default.
#pragma once

#include <samverkan/allocate/programme.hpp>

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE
namespace allocate::koemiljard2019 {

/// One of the 21 regions.
struct Region {
  /// Stable id used in results and ties: "vastra-gotaland".
  std::string_view id;
  /// The county's short name: "Västra Götaland".
  std::string_view short_name;
  /// The region's own name: "Västra Götalandsregionen".
  std::string_view official_name;
  /// Further accepted spellings, separated by '|'.
  std::string_view aliases;
};

/// The 21 regions in county-code order (Stockholm, Uppsala, Södermanland …
/// Norrbotten).
const std::vector<Region>& regions();

/// The region a name denotes, ignoring case and spacing: the short name
/// ("Jönköping"), the official name ("Region Jönköpings län"), "Region
/// <short name>", "<short name> län", "<short name>s län" and aliases
/// ("VGR", "Sörmland"). nullptr when none.
const Region* find_region(std::string_view name);

/// The two performance groups of Block 1.
enum class Group { first_visits, operations };

/// "first_visits" / "operations".
std::string_view group_key(Group g) noexcept;
/// "first visits" / "operations".
std::string_view group_label(Group g) noexcept;

/// The measured months of 2019: September, October, November.
inline constexpr std::array<unsigned, 3> months{9, 10, 11};

/// "September" … for months 9–11.
std::string_view month_name(unsigned month);

/// One group's figures for one month, from the national waiting-time database.
struct MonthFigures {
  /// Share of the waiting who had waited under 90 days, same month of 2018.
  Percent under_90_2018;
  /// The same share in 2019.
  Percent under_90_2019;
  /// Share of the waiting who had waited 60 days or less in 2019 (the 71 % alternative).
  Percent within_60_2019;

  friend bool operator==(const MonthFigures&, const MonthFigures&) = default;
};

/// What a region reported in 2019 (the Block 2 conditions).
struct Reporting {
  /// The lowest monthly response rate of the year.
  Percent lowest_response_rate;
  /// Actual waiting times were in the database within five weeks of every month.
  bool actual_waits_within_five_weeks = false;
  /// When the status report ("nulägesrapport") was submitted; nullopt: not at all.
  std::optional<Date> status_report;

  friend bool operator==(const Reporting&, const Reporting&) = default;
};

/// One region's inputs.
///
///   RegionInputs uppsala{.region = "Uppsala", .population = 383713};
///   uppsala.first_visits[9] = {Percent::parse("70,2"), Percent::parse("72,9"), Percent::parse("61,0")};
///   ...  // months 10 and 11, and the same for operations
///   uppsala.reporting = {Percent::parse("98,5"), true, make_date(2019, 10, 10)};
struct RegionInputs {
  /// Any spelling find_region() accepts.
  std::string region;
  std::int64_t population = 0;
  /// Figures per month (9, 10, 11).
  std::map<unsigned, MonthFigures> first_visits;
  std::map<unsigned, MonthFigures> operations;
  Reporting reporting;

  std::map<unsigned, MonthFigures>& figures(Group g) { return g == Group::first_visits ? first_visits : operations; }
  const std::map<unsigned, MonthFigures>& figures(Group g) const {
    return g == Group::first_visits ? first_visits : operations;
  }

  friend bool operator==(const RegionInputs&, const RegionInputs&) = default;
};

/// How a step's money is shared among the regions in it.
enum class StepSplit { population, equal };

/// The readings the agreement leaves open, and its fixed figures, each with
/// its default.
struct Parameters {
  Money block1 = Money::from_kronor(1'280'000'000);
  Money block2 = Money::from_kronor(320'000'000);

  /// Step weights: 70, 20 and 10 % of each group-month pot.
  std::array<std::uint64_t, 3> step_weights{70, 20, 10};

  /// The bound on the improvement (percentage points) that reaches each
  /// step. Default ≥ 1, ≥ 3, > 5 (boundaries("text")): "one to three" is
  /// read as [1, 3), "three to five" as [3, 5] and "more than five" as
  /// (5, ∞). "More than five" is the one strict wording, so exactly 5.0 stays
  /// in step 2; an improvement of exactly 3.0 points has improved "by
  /// three", which reads as the start of "three to five".
  std::array<Bound, 3> step_bounds = boundaries("text");

  /// Default cumulative: the text says the 3–5 group shares "a further"
  /// ("ytterligare") 20 %, on top of the 70 % it shares as an improver.
  StepMembership membership = StepMembership::cumulative;

  /// Default population: the text says only that regions "share" ("dela på")
  /// a step. By population is chosen because (1) the agreement's other block
  /// is paid "in relation to population share", and earlier queue-billion
  /// agreements shared among qualifying county councils the same way; (2)
  /// an equal split would pay Gotland (59 000 inhabitants) as much as
  /// Stockholm (2.3 million), about forty times more per inhabitant, though
  /// the money is for shorter waits for patients; (3) the stated aim is to
  /// even out the regions' different conditions, which a per-inhabitant
  /// payment does and a per-region payment does not.
  StepSplit step_split = StepSplit::population;

  /// Default to_step_below, as the text says.
  RollOver roll_over = RollOver::to_step_below;

  /// The 71 % alternative ("minst 71 procent", so inclusive); default on.
  bool alternative = true;
  Bound alternative_bound = Bound::at_least(Percent::points(71));
  /// Default false: a region that improved too little to reach step 1 may
  /// still use the alternative. See Alternative::only_without_improvement
  /// for the strict reading this turns on.
  bool alternative_only_without_improvement = false;

  /// What happens to the Block 2 share of a region that fails a condition.
  /// Default retained: Block 2 is paid "in relation to population share",
  /// i.e. each region's share is fixed by its part of the population; the
  /// text provides no redistribution for Block 2 (as it does, by roll-over,
  /// for Block 1), the conditions are obligations of each region rather
  /// than a competition, and state grants not earned are not paid out. A
  /// failing region therefore does not raise the others' payments.
  FailedShare block2_failed = FailedShare::retained;

  /// Whether the conditions decide the Block 2 payment. Default true, as
  /// DOMAIN.md and the issue read the agreement. The agreement itself
  /// (section 4.3) pays Block 2 in June 2019, before the conditions can be
  /// checked, and says a region that fails them cannot take part in the
  /// money meant for 2020; false models that timing: Block 2 goes to every
  /// region by population share, and the conditions are not applied.
  bool block2_conditional = true;

  /// Block 2 conditions.
  Bound response_rate = Bound::at_least(Percent::points(95));
  bool require_five_week_reporting = true;
  Date status_report_deadline = make_date(2019, 10, 15);

  /// Named sets of step bounds, or an explicit list:
  ///   "text"  ≥ 1, ≥ 3, > 5  (default; see step_bounds)
  ///   "lower" ≥ 1, ≥ 3, ≥ 5  (each band includes its lower end)
  ///   "upper" ≥ 1, > 3, > 5  (each band includes its upper end: "one to three" includes 3)
  ///   ">=1,>=3,>5"           (three bounds, '≥' or '>' each)
  /// Throws parse_error for anything else.
  static std::array<Bound, 3> boundaries(std::string_view spec);

  /// The parameters in words, one per line.
  std::vector<std::string> describe() const;
};

/// Keys of the inputs the programme reads from each Recipient:
/// "population", "first_visits/2019-09/under_90_2018" (…/under_90_2019,
/// …/within_60_2019), "lowest_response_rate" (percents),
/// "actual_waits_within_five_weeks" (flag), "status_report" (date).
std::string figure_key(Group g, unsigned month, std::string_view figure);

/// Pot ids: "block-1", "block-1/first_visits", "block-1/first_visits/2019-09", "block-2".
std::string pot_id(Group g, unsigned month);
std::string pot_id(Group g);

/// The programme for the parameters: pots "block-1" (two groups × three
/// months, each a staircase) and "block-2" (population share on conditions).
Programme programme(const Parameters& parameters = {});

/// Checks the inputs and turns them into recipients (ids from regions()).
/// Throws value_error naming the region and the field for: an unknown or
/// repeated region, a population that is not positive, a share below 0 or
/// above 100 %, a missing month, a month other than September–November.
std::vector<Recipient> recipients(const std::vector<RegionInputs>& inputs);

/// One region's money.
struct RegionResult {
  /// Region::id and Region::official_name.
  std::string id;
  std::string name;
  std::int64_t population = 0;
  /// Block 1 per group and month: [group][0..2] for September..November.
  std::array<std::array<Money, 3>, 2> block1_months{};
  /// Block 1 per group: [0] first visits, [1] operations.
  std::array<Money, 2> block1_groups{};
  Money block1;
  Money block2;
  /// block1 + block2.
  Money total;
  /// Names of the Block 2 conditions it failed.
  std::vector<std::string> failed_conditions;
};

/// The result of a run.
struct Result {
  Parameters parameters;
  /// The full result: every pot, share, leftover and explanation.
  ProgrammeResult allocation;
  /// In the order of the inputs.
  std::vector<RegionResult> regions;

  /// The table the CLI prints: one row per region with Block 1 per group,
  /// Block 1, Block 2 and total (with `per_month`, Block 1 per group and
  /// month instead), then rows for the money paid, left undistributed and
  /// the pots, which add up exactly; then the undistributed money's reasons.
  /// Amounts as "1 280 000 000 kr".
  std::string table(bool per_month = false) const;

  /// JSON: {"schema": "samverkan.koemiljard2019", "version": 1,
  ///        "parameters": [...], "regions": [{"id", "name", "population",
  ///        "block1": {"first_visits": {"2019-09": money, ..., "total"}, "operations": {...},
  ///        "total"}, "block2", "total", "failed_conditions"}],
  ///        "totals": {...}, "allocation": <ProgrammeResult::to_json object>}
  std::string to_json(int indent = 2) const;
};

/// Runs the programme on the inputs (see recipients() for the errors).
///
///   auto result = koemiljard2019::run(koemiljard2019::read_csv("inputs.csv"));
///   std::cout << result.table();
///   std::cout << result.allocation.explanation_text("uppsala");
Result run(const std::vector<RegionInputs>& inputs, const Parameters& parameters = {});

/// Reads the CSV format of data/allocation/README.md: a header row naming
/// the columns (any order) region, population, then for g in visits,
/// operations and m in sep, oct, nov: g_m_u90_2018, g_m_u90_2019,
/// g_m_le60_2019, then response_rate_min, reported_within_5_weeks,
/// status_report_date. Cells are separated by ';' when the header contains
/// one, else by ','; cells may be quoted ("65,3"). Percentages take a
/// decimal comma or point; yes/no cells ja/nej, yes/no, true/false, 1/0;
/// dates YYYY-MM-DD, empty or '-' for "not submitted". Lines starting with
/// '#' and blank lines are skipped.
///
/// Throws parse_error with `source` and the line for a malformed file or
/// cell, naming the region and the column; the checks of recipients() are
/// made here too, so their errors carry the line.
std::vector<RegionInputs> parse_csv(std::string_view text, std::string_view source = "");

/// parse_csv on a file's contents, with its path as source. Throws io_error
/// when it cannot be read.
std::vector<RegionInputs> read_csv(const std::filesystem::path& path);

}  // namespace allocate::koemiljard2019
SAMVERKAN_END_NAMESPACE
