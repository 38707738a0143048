// Agreements ("överenskommelser", "avtal") between the state, regions and
// municipalities: parties, money, conditions, obligations and payments.
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

enum class PartyRole { party, principal, funder, recipient, payer, coordinator };
enum class ConditionKind { condition, performance_requirement };
enum class Comparator { at_least, more_than, at_most, less_than, equal };
enum class MilestoneStatus { scheduled, met, not_met };
enum class AmendmentKind { amendment, extension };

template <>
struct enum_traits<PartyRole> {
  static constexpr std::string_view type_name = "PartyRole";
  static constexpr std::array<enum_entry<PartyRole>, 6> entries{{
      {PartyRole::party, "party", "part", "avtalspart|parter"},
      {PartyRole::principal, "principal", "huvudman", "huvudmän"},
      {PartyRole::funder, "funder", "finansiär", "bidragsgivare|medelsgivare"},
      {PartyRole::recipient, "recipient", "mottagare", "bidragsmottagare|medelsmottagare"},
      {PartyRole::payer, "payer", "utbetalare", "utbetalande"},
      {PartyRole::coordinator, "coordinator", "samordnare", "samordnande"},
  }};
};

template <>
struct enum_traits<ConditionKind> {
  static constexpr std::string_view type_name = "ConditionKind";
  static constexpr std::array<enum_entry<ConditionKind>, 2> entries{{
      {ConditionKind::condition, "condition", "villkor", "krav"},
      {ConditionKind::performance_requirement, "performance_requirement", "prestationskrav", "prestation"},
  }};
};

template <>
struct enum_traits<Comparator> {
  static constexpr std::string_view type_name = "Comparator";
  static constexpr std::array<enum_entry<Comparator>, 5> entries{{
      {Comparator::at_least, "at_least", "minst", ">=|≥|lägst|åtminstone"},
      {Comparator::more_than, "more_than", "mer än", ">|över|mer|fler än"},
      {Comparator::at_most, "at_most", "högst", "<=|≤|maximalt|som mest"},
      {Comparator::less_than, "less_than", "mindre än", "<|under|färre än"},
      {Comparator::equal, "equal", "lika med", "=|==|exakt"},
  }};
};

template <>
struct enum_traits<MilestoneStatus> {
  static constexpr std::string_view type_name = "MilestoneStatus";
  static constexpr std::array<enum_entry<MilestoneStatus>, 3> entries{{
      {MilestoneStatus::scheduled, "scheduled", "planerad", "planerat|kommande"},
      {MilestoneStatus::met, "met", "uppfylld", "uppfyllt|utbetald|genomförd|klar"},
      {MilestoneStatus::not_met, "not_met", "ej uppfylld", "ej uppfyllt|inte uppfylld|uteblev"},
  }};
};

template <>
struct enum_traits<AmendmentKind> {
  static constexpr std::string_view type_name = "AmendmentKind";
  static constexpr std::array<enum_entry<AmendmentKind>, 2> entries{{
      {AmendmentKind::amendment, "amendment", "ändring", "tillägg|tilläggsöverenskommelse|revidering"},
      {AmendmentKind::extension, "extension", "förlängning", "förlängs|förlängd"},
  }};
};

/// A party and its roles; one organisation can be both funder and payer.
struct Party {
  OrganisationId organisation;
  std::vector<PartyRole> roles;
  friend bool operator==(const Party&, const Party&) = default;
};

/// Who signed, as written under the agreement.
struct Signatory {
  std::optional<PersonId> person;
  std::string name;
  std::string title;
  std::optional<OrganisationId> organisation;
  std::string place;
  std::optional<Date> date;
  friend bool operator==(const Signatory&, const Signatory&) = default;
};

/// A named part of the agreement's money ("Del 1", "Block 2").
struct AgreementBlock {
  /// Short key that conditions and payments refer to, e.g. "1".
  std::string key;
  std::string title;
  Money amount;
  std::string purpose;
  Extensions extensions;
  friend bool operator==(const AgreementBlock&, const AgreementBlock&) = default;
};

/// "at least 95 %": a comparison against a value in a unit.
struct Threshold {
  Comparator comparator = Comparator::at_least;
  double value = 0;
  /// "%", "procentenheter", "dagar" ...
  std::string unit;
  bool is_met_by(double observed) const noexcept {
    switch (comparator) {
      case Comparator::at_least: return observed >= value;
      case Comparator::more_than: return observed > value;
      case Comparator::at_most: return observed <= value;
      case Comparator::less_than: return observed < value;
      case Comparator::equal: return observed == value;
    }
    return false;
  }
  friend bool operator==(const Threshold&, const Threshold&) = default;
};

/// A condition or performance requirement, tied to an indicator and a
/// threshold where the text gives one.
struct Condition {
  std::string key;
  ConditionKind kind = ConditionKind::condition;
  std::string text;
  std::optional<IndicatorId> indicator;
  std::optional<Threshold> threshold;
  /// The block it governs (AgreementBlock::key); empty for the whole agreement.
  std::string block;
  Extensions extensions;
  std::optional<Provenance> provenance;
  friend bool operator==(const Condition&, const Condition&) = default;
};

/// What must be reported, by whom, to whom and by when ("senast den 15 oktober").
struct ReportingObligation {
  std::string what;
  std::optional<OrganisationId> by;
  std::optional<OrganisationId> to;
  std::optional<Date> deadline;
  MilestoneStatus status = MilestoneStatus::scheduled;
  Extensions extensions;
  std::optional<Provenance> provenance;
  friend bool operator==(const ReportingObligation&, const ReportingObligation&) = default;
};

/// A payment or payment milestone.
struct Payment {
  Money amount;
  std::optional<Date> date;
  /// The condition as written, and the keys of the Conditions it depends on.
  std::string condition;
  std::vector<std::string> condition_keys;
  /// AgreementBlock::key the payment belongs to; empty when not split.
  std::string block;
  std::optional<OrganisationId> payer;
  std::optional<OrganisationId> payee;
  MilestoneStatus status = MilestoneStatus::scheduled;
  Extensions extensions;
  std::optional<Provenance> provenance;
  friend bool operator==(const Payment&, const Payment&) = default;
};

/// How funds are requisitioned ("rekvireras senast ...").
struct RequisitionRule {
  std::string text;
  std::optional<OrganisationId> from;
  std::optional<Date> deadline;
  friend bool operator==(const RequisitionRule&, const RequisitionRule&) = default;
};

/// A change to an agreement, or an extension of its validity, and who decided it.
struct Amendment {
  AmendmentKind kind = AmendmentKind::amendment;
  std::optional<Date> date;
  /// What changed and why.
  std::string text;
  std::optional<Period> new_validity;
  std::optional<Money> new_total;
  /// The decision or meeting that decided it, when the corpus holds it.
  std::optional<EntityRef> decided_by;
  /// The deciding reference as written ("KS §182, dnr 2019/123").
  std::string reference;
  Extensions extensions;
  std::optional<Provenance> provenance;
  friend bool operator==(const Amendment&, const Amendment&) = default;
};

/// An agreement between parties.
struct Agreement {
  using id_type = AgreementId;

  AgreementId id;
  std::string title;
  std::string short_name;
  std::string case_number;
  std::vector<Party> parties;
  std::vector<Signatory> signatories;
  Period validity;
  std::optional<Money> total;
  std::vector<AgreementBlock> blocks;
  std::vector<Condition> conditions;
  std::vector<ReportingObligation> obligations;
  std::vector<Payment> payments;
  std::vector<RequisitionRule> requisition_rules;
  std::vector<Amendment> amendments;
  Extensions extensions;
  std::optional<Provenance> provenance;

  const AgreementBlock* block(std::string_view key) const noexcept {
    for (const auto& b : blocks)
      if (b.key == key) return &b;
    return nullptr;
  }
  /// The validity after every extension, in order of the amendments.
  Period effective_validity() const {
    Period p = validity;
    for (const auto& a : amendments)
      if (a.new_validity) p = *a.new_validity;
    return p;
  }
  friend bool operator==(const Agreement&, const Agreement&) = default;
};

template <detail::record_of<Agreement> R, class V>
void visit_references(R& a, V&& visit) {
  using detail::field_path;
  for (std::size_t i = 0; i < a.parties.size(); ++i)
    visit(a.parties[i].organisation, [i] { return field_path("parties", i, ".organisation"); });
  for (std::size_t i = 0; i < a.signatories.size(); ++i) {
    detail::visit_optional(a.signatories[i].person, visit, [i] { return field_path("signatories", i, ".person"); });
    detail::visit_optional(a.signatories[i].organisation, visit,
                           [i] { return field_path("signatories", i, ".organisation"); });
  }
  for (std::size_t i = 0; i < a.conditions.size(); ++i)
    detail::visit_optional(a.conditions[i].indicator, visit,
                           [i] { return field_path("conditions", i, ".indicator"); });
  for (std::size_t i = 0; i < a.obligations.size(); ++i) {
    detail::visit_optional(a.obligations[i].by, visit, [i] { return field_path("obligations", i, ".by"); });
    detail::visit_optional(a.obligations[i].to, visit, [i] { return field_path("obligations", i, ".to"); });
  }
  for (std::size_t i = 0; i < a.payments.size(); ++i) {
    detail::visit_optional(a.payments[i].payer, visit, [i] { return field_path("payments", i, ".payer"); });
    detail::visit_optional(a.payments[i].payee, visit, [i] { return field_path("payments", i, ".payee"); });
  }
  for (std::size_t i = 0; i < a.requisition_rules.size(); ++i)
    detail::visit_optional(a.requisition_rules[i].from, visit,
                           [i] { return field_path("requisition_rules", i, ".from"); });
  for (std::size_t i = 0; i < a.amendments.size(); ++i)
    detail::visit_optional(a.amendments[i].decided_by, visit,
                           [i] { return field_path("amendments", i, ".decided_by"); });
}

SAMVERKAN_END_NAMESPACE
