// Schema names and versions of every persisted type, stated once each.
//
// A type's version is the layout of its own fields in an archive. Boost
// records it in every archive (BOOST_CLASS_VERSION is fed from here), the
// loader upgrades older layouts step by step (src/io/upgrade.hpp) and refuses
// newer ones with schema_version_error. Ids, dates, enums and optionals are
// written inline as part of the type that holds them. docs/versioning.md says
// when and how to bump a version.
#pragma once

#include <samverkan/corpus.hpp>

#include <string_view>

SAMVERKAN_BEGIN_NAMESPACE

/// Specialised once per persisted type with its `name` and current `version`.
template <class T>
struct schema;

/// A type that has a schema and can therefore be archived.
template <class T>
concept persisted = requires {
  { schema<T>::name } -> std::convertible_to<std::string_view>;
  { schema<T>::version } -> std::convertible_to<unsigned>;
};

#define SAMVERKAN_SCHEMA(Type, Version)                   \
  template <>                                             \
  struct schema<Type> {                                   \
    static constexpr std::string_view name = #Type;       \
    static constexpr unsigned version = Version;          \
  }

// The whole corpus: its tables in the order of record_types.
SAMVERKAN_SCHEMA(Corpus, 1);

// Value types.
SAMVERKAN_SCHEMA(Money, 1);
SAMVERKAN_SCHEMA(Period, 1);
SAMVERKAN_SCHEMA(TimeOfDay, 1);
SAMVERKAN_SCHEMA(EntityRef, 1);
SAMVERKAN_SCHEMA(Provenance, 1);

// Top-level records.
SAMVERKAN_SCHEMA(Organisation, 2);  // 2: organisation_number
SAMVERKAN_SCHEMA(Person, 1);
SAMVERKAN_SCHEMA(Membership, 1);
SAMVERKAN_SCHEMA(Meeting, 1);
SAMVERKAN_SCHEMA(ActionItem, 2);  // 2: done_on, item_order
SAMVERKAN_SCHEMA(Agreement, 1);
SAMVERKAN_SCHEMA(ActionPlan, 1);
SAMVERKAN_SCHEMA(FundingPot, 1);
SAMVERKAN_SCHEMA(Allocation, 1);
SAMVERKAN_SCHEMA(Indicator, 1);

// Parts of records.
SAMVERKAN_SCHEMA(Attendance, 2);  // 2: party
SAMVERKAN_SCHEMA(VoteCast, 1);
SAMVERKAN_SCHEMA(Vote, 1);
SAMVERKAN_SCHEMA(Reservation, 1);
SAMVERKAN_SCHEMA(Decision, 2);  // 2: procedural
SAMVERKAN_SCHEMA(Escalation, 1);
SAMVERKAN_SCHEMA(AgendaItem, 1);
SAMVERKAN_SCHEMA(Party, 1);
SAMVERKAN_SCHEMA(Signatory, 1);
SAMVERKAN_SCHEMA(AgreementBlock, 1);
SAMVERKAN_SCHEMA(Threshold, 1);
SAMVERKAN_SCHEMA(Condition, 1);
SAMVERKAN_SCHEMA(ReportingObligation, 1);
SAMVERKAN_SCHEMA(Payment, 1);
SAMVERKAN_SCHEMA(RequisitionRule, 1);
SAMVERKAN_SCHEMA(Amendment, 1);
SAMVERKAN_SCHEMA(PlanExtension, 1);
SAMVERKAN_SCHEMA(Goal, 1);
SAMVERKAN_SCHEMA(Activity, 1);
SAMVERKAN_SCHEMA(FundingLine, 1);
SAMVERKAN_SCHEMA(AllocationShare, 1);
SAMVERKAN_SCHEMA(Target, 1);
SAMVERKAN_SCHEMA(Observation, 1);

#undef SAMVERKAN_SCHEMA

SAMVERKAN_END_NAMESPACE
