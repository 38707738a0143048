// Funding pots and the results of allocating them. The allocation engine
// that computes results lives in samverkan/allocate/.
#pragma once

#include <samverkan/core/date.hpp>
#include <samverkan/core/ids.hpp>
#include <samverkan/core/money.hpp>
#include <samverkan/core/record.hpp>
#include <samverkan/model/visit.hpp>

#include <optional>
#include <string>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE

/// An amount to be shared out: a block of an agreement, a month's share of
/// it, a grant ("stimulansmedel").
struct FundingPot {
  using id_type = FundingPotId;

  FundingPotId id;
  std::string name;
  Money amount;
  std::optional<AgreementId> agreement;
  /// AgreementBlock::key within the agreement, when the pot is a block.
  std::string block;
  std::optional<int> year;
  Period period;
  std::string purpose;
  /// The pot this one was carved out of (a month of a block).
  std::optional<FundingPotId> parent;
  Extensions extensions;
  std::optional<Provenance> provenance;
  friend bool operator==(const FundingPot&, const FundingPot&) = default;
};

/// One recipient's result: the amount and why.
struct AllocationShare {
  OrganisationId recipient;
  Money amount;
  /// Readable steps of the reasoning, in order ("improved 3.4 points: step 2").
  std::vector<std::string> explanation;
  Extensions extensions;
  friend bool operator==(const AllocationShare&, const AllocationShare&) = default;
};

/// The result of applying a rule to a pot. Shares plus `undistributed` add up
/// to the pot's amount to the öre (validation checks it).
struct Allocation {
  using id_type = AllocationId;

  AllocationId id;
  FundingPotId pot;
  /// The rule's name and a readable statement of its parameters.
  std::string rule;
  std::string rule_description;
  std::vector<AllocationShare> shares;
  Money undistributed;
  std::string undistributed_reason;
  Extensions extensions;
  std::optional<Provenance> provenance;

  /// Sum of the shares; throws currency_mismatch_error on mixed currencies.
  Money distributed() const {
    Money sum = Money::from_ore(0, undistributed.currency());
    for (const auto& s : shares) sum += s.amount;
    return sum;
  }
  friend bool operator==(const Allocation&, const Allocation&) = default;
};

template <detail::record_of<FundingPot> R, class V>
void visit_references(R& pot, V&& visit) {
  detail::visit_optional(pot.agreement, visit, [] { return std::string("agreement"); });
  detail::visit_optional(pot.parent, visit, [] { return std::string("parent"); });
}

template <detail::record_of<Allocation> R, class V>
void visit_references(R& a, V&& visit) {
  visit(a.pot, [] { return std::string("pot"); });
  for (std::size_t i = 0; i < a.shares.size(); ++i)
    visit(a.shares[i].recipient, [i] { return detail::field_path("shares", i, ".recipient"); });
}

SAMVERKAN_END_NAMESPACE
