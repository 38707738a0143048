// Programmes of pots: a block of money split into groups and months by fixed
// fractions, each leaf pot shared among recipients by a rule, under
// conditions. Running a programme on recipients' inputs gives every
// recipient's amount per pot, to the öre, what was left undistributed and
// why, and an explanation per recipient; the result converts to the model's
// FundingPot and Allocation records.
#pragma once

#include <samverkan/allocate/rules.hpp>
#include <samverkan/core/date.hpp>
#include <samverkan/core/ids.hpp>
#include <samverkan/core/money.hpp>
#include <samverkan/model/funding.hpp>
#include <samverkan/model/organisation.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE

class Corpus;

namespace allocate {

/// A pot of money in a programme. A pot either applies a rule to the
/// recipients (a leaf) or is cut into child pots in proportion to their
/// weights, exactly (largest remainder; ties go to the earlier key in byte
/// order).
///
///   Pot block1{.key = "block-1", .name = "Block 1", .amount = Money::from_kronor(1'280'000'000),
///              .children = {visits, operations}};   // weight 1 each: half and half
struct Pot {
  /// Unique among its siblings; the pot's id is the path of keys from the
  /// root, joined by '/': "block-1/first-visits/2019-09".
  std::string key;
  std::string name;
  /// Only for top-level pots; a child's amount comes from its parent.
  Money amount;
  /// Share of the parent relative to the siblings' weights.
  std::uint64_t weight = 1;
  std::vector<Pot> children;
  /// The rule of a leaf pot; must be unset when there are children.
  std::optional<Rule> rule;
  /// Conditions of a leaf pot.
  Eligibility eligibility;

  /// Carried into the FundingPot record: AgreementBlock::key, the period the
  /// money is for, its purpose.
  std::string block;
  Period period;
  std::string purpose;
};

/// Why some money of a leaf pot was not paid.
struct Leftover {
  Money amount;
  /// A sentence: "no region reached step 1 (≥ 1 points) or the alternative: nothing is paid from this pot".
  std::string reason;
  friend bool operator==(const Leftover&, const Leftover&) = default;
};

/// One recipient's result in one leaf pot.
struct Share {
  /// The recipient's id.
  std::string recipient;
  /// What it is paid from the pot.
  Money amount;
  /// Staircases only: the highest step reached, 1 for the lowest, 0 for
  /// none; unset for other rules.
  std::optional<std::size_t> step;
  /// Staircases only: the step was reached through the alternative.
  bool via_alternative = false;
  /// Names of the conditions the recipient failed.
  std::vector<std::string> failed_conditions;
  /// Money the rule gave the recipient but a failed condition withheld
  /// (FailedShare::retained); it is part of the pot's undistributed money.
  Money withheld;
  /// Readable reasoning, in order: measure, step, roll-overs, conditions,
  /// the share and the amount.
  std::vector<std::string> explanation;

  friend bool operator==(const Share&, const Share&) = default;
};

/// The result for one pot.
struct PotResult {
  /// Path of keys from the top: "block-1/first_visits/2019-09".
  std::string id;
  /// The pot's own key: "2019-09".
  std::string key;
  /// The pot's name, or its id when it has none.
  std::string name;
  /// Id of the parent pot; empty for a top-level pot.
  std::string parent;
  /// The money in the pot: its own for a top-level pot, its part of the
  /// parent's otherwise.
  Money amount;
  /// Its weight among its siblings.
  std::uint64_t weight = 1;
  /// As in the Pot.
  std::string block;
  Period period;
  std::string purpose;
  /// Ids of the child pots, in order; empty for a leaf.
  std::vector<std::string> children;

  /// Leaves only: rule_name() and describe() of the rule, the conditions in
  /// words, one share per recipient (also those that got nothing, so that
  /// every recipient's explanation is complete) and the unpaid money.
  std::string rule;
  std::string rule_description;
  std::vector<std::string> conditions;
  std::vector<Share> shares;
  std::vector<Leftover> leftovers;

  bool is_leaf() const noexcept { return children.empty(); }
  /// Leaves: sum of the shares. For a pot with children use
  /// ProgrammeResult::paid.
  Money distributed() const;
  /// Leaves: sum of the leftovers.
  Money undistributed() const;
  /// The leftovers' reasons joined with "; ", each with its amount.
  std::string undistributed_reason() const;
  /// The share of a recipient, or nullptr.
  const Share* share_of(std::string_view recipient) const;
};

/// The result of running a programme: every pot (parents before children),
/// every recipient's amounts and explanations.
///
///   auto result = programme.run(recipients);
///   result.amount("uppsala", "block-1");         // all of Uppsala's Block 1 money
///   result.paid("block-1") + result.undistributed("block-1") == result.pot("block-1").amount;
///   std::cout << result.explanation_text("uppsala");
///   std::cout << result.to_json();
struct ProgrammeResult {
  /// The programme's key, name and year.
  std::string key;
  std::string name;
  std::optional<int> year;
  /// Recipient ids and names, in the order given to run().
  std::vector<std::pair<std::string, std::string>> recipients;
  std::vector<PotResult> pots;

  /// The pot with this id; find_pot returns nullptr, pot throws
  /// not_found_error, when there is none.
  const PotResult* find_pot(std::string_view id) const noexcept;
  const PotResult& pot(std::string_view id) const;
  /// The leaves at or below a pot, in order.
  std::vector<const PotResult*> leaves(std::string_view pot_id) const;
  /// What a recipient gets from a pot and everything below it.
  Money amount(std::string_view recipient, std::string_view pot_id) const;
  /// What a recipient gets from the whole programme.
  Money total(std::string_view recipient) const;
  /// Paid to recipients from a pot and everything below it.
  Money paid(std::string_view pot_id) const;
  /// Left undistributed in a pot and everything below it.
  Money undistributed(std::string_view pot_id) const;
  /// Sum of the top-level pots.
  Money amount_total() const;
  /// Paid from the whole programme.
  Money paid_total() const;

  /// The recipient's explanation lines from every leaf pot, each prefixed
  /// with the pot's name. Throws not_found_error for an unknown recipient.
  std::vector<std::string> explain(std::string_view recipient) const;
  /// explain() as a block of text, ending with the recipient's total.
  std::string explanation_text(std::string_view recipient) const;

  /// The whole result as JSON (schema "samverkan.allocation", version 1):
  /// {"schema", "version", "programme": {"key", "name", "year"},
  ///  "recipients": [{"id", "name", "total"}],
  ///  "pots": [{"id", "name", "parent", "amount", "paid", "undistributed",
  ///            "rule", "rule_description", "conditions", "leftovers": [{"amount", "reason"}],
  ///            "shares": [{"recipient", "amount", "step", "via_alternative",
  ///                        "failed_conditions", "withheld", "explanation"}]}]}
  /// Money is {"ore": 2133333333, "currency": "SEK"}, as in a saved corpus.
  /// `indent` < 0 writes one line.
  std::string to_json(int indent = 2) const;
};

/// A named set of top-level pots.
struct Programme {
  /// Short, id-safe key ("koemiljard-2019") prefixing record ids.
  std::string key;
  std::string name;
  std::string description;
  std::optional<int> year;
  /// What explanations call a recipient: "recipient", "region".
  std::string recipient_noun = "recipient";
  std::vector<Pot> pots;

  /// Throws value_error naming the pot when the tree is malformed: an empty
  /// or repeated key, a key with '/', a leaf without a rule, a pot with both
  /// children and a rule, a child with an amount of its own, a negative
  /// amount, children whose weights are all 0, conditions on a pot with
  /// children, or a staircase that fails Staircase::check().
  void check() const;

  /// Runs every pot on the recipients. Throws value_error for an empty or
  /// repeated recipient id, and for missing or unusable inputs (naming the
  /// recipient and the input).
  ProgrammeResult run(const std::vector<Recipient>& recipients) const;
};

/// How results become records.
struct RecordOptions {
  /// Prefix of the ids: "pot/<prefix>/<pot id>" and "allocation/<prefix>/<pot id>".
  /// Empty: the programme's key.
  std::string id_prefix;
  /// The agreement the money comes from, if it is in the corpus.
  std::optional<AgreementId> agreement;
  /// Kind given to organisations add_to_corpus has to create.
  OrganisationKind recipient_kind = OrganisationKind::region;
};

/// The records of a result: one FundingPot per pot (parents first) and one
/// Allocation per leaf pot, whose shares and undistributed money add up to
/// the pot.
struct AllocationRecords {
  std::vector<FundingPot> pots;
  std::vector<Allocation> allocations;
};

/// Converts a result to records; `organisation_of` maps a recipient id to
/// the organisation it is. Each AllocationShare keeps the explanation and,
/// in its extensions, "allocate.step", "allocate.via" (improvement or
/// alternative), "allocate.withheld_ore" and "allocate.failed_conditions"
/// where they apply.
AllocationRecords to_records(const ProgrammeResult& result,
                             const std::function<OrganisationId(const std::string& recipient)>& organisation_of,
                             const RecordOptions& options = {});

/// Converts a result to records and adds them to the corpus. Recipients are
/// matched to organisations by name (Corpus::resolve_organisation), and
/// organisations of kind options.recipient_kind are added for those not
/// found. Returns the records as added. Throws duplicate_id_error, before
/// changing the corpus, when a pot or allocation id is already taken.
AllocationRecords add_to_corpus(const ProgrammeResult& result, Corpus& corpus, const RecordOptions& options = {});

}  // namespace allocate
SAMVERKAN_END_NAMESPACE
