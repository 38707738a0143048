// Strong, typed identifiers. An OrganisationId cannot be passed where a
// PersonId is expected; both are readable strings ("org/vgr", "meeting/3") so
// that they survive JSON, DataFrames and merges unchanged.
#pragma once

#include <samverkan/core/enum.hpp>

#include <compare>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

SAMVERKAN_BEGIN_NAMESPACE

/// Every kind of entity that has an id of its own.
enum class EntityKind {
  organisation,
  person,
  membership,
  meeting,
  decision,
  action_item,
  agreement,
  action_plan,
  goal,
  activity,
  funding_line,
  funding_pot,
  allocation,
  indicator,
};

template <>
struct enum_traits<EntityKind> {
  static constexpr std::string_view type_name = "EntityKind";
  static constexpr std::array<enum_entry<EntityKind>, 14> entries{{
      {EntityKind::organisation, "organisation", "organisation", "organization"},
      {EntityKind::person, "person", "person"},
      {EntityKind::membership, "membership", "medlemskap"},
      {EntityKind::meeting, "meeting", "möte", "sammanträde"},
      {EntityKind::decision, "decision", "beslut"},
      {EntityKind::action_item, "action_item", "åtgärd", "uppdrag|action"},
      {EntityKind::agreement, "agreement", "överenskommelse", "avtal|ök"},
      {EntityKind::action_plan, "action_plan", "handlingsplan", "plan|genomförandeplan|aktivitetsplan"},
      {EntityKind::goal, "goal", "mål", "delmål"},
      {EntityKind::activity, "activity", "aktivitet", "insats"},
      {EntityKind::funding_line, "funding_line", "finansiering"},
      {EntityKind::funding_pot, "funding_pot", "medel", "pot|stimulansmedel|statsbidrag"},
      {EntityKind::allocation, "allocation", "fördelning"},
      {EntityKind::indicator, "indicator", "indikator", "systemmått"},
  }};
};

/// A typed id. `Tag` names the entity kind; ids of different kinds do not
/// convert into each other.
///
///   OrganisationId vgr{"org/vgr"};
///   PersonId p = vgr;  // does not compile
template <EntityKind Kind>
class Id {
 public:
  static constexpr EntityKind kind = Kind;

  Id() = default;
  explicit Id(std::string value) : value_(std::move(value)) {}
  explicit Id(const char* value) : value_(value) {}

  /// The id as text.
  const std::string& str() const noexcept { return value_; }
  /// True for a default-constructed id, which the corpus replaces on add().
  bool empty() const noexcept { return value_.empty(); }

  friend bool operator==(const Id&, const Id&) = default;
  friend auto operator<=>(const Id&, const Id&) = default;
  friend std::ostream& operator<<(std::ostream& os, const Id& id) { return os << id.value_; }

 private:
  std::string value_;
};

using OrganisationId = Id<EntityKind::organisation>;
using PersonId = Id<EntityKind::person>;
using MembershipId = Id<EntityKind::membership>;
using MeetingId = Id<EntityKind::meeting>;
using DecisionId = Id<EntityKind::decision>;
using ActionItemId = Id<EntityKind::action_item>;
using AgreementId = Id<EntityKind::agreement>;
using ActionPlanId = Id<EntityKind::action_plan>;
using GoalId = Id<EntityKind::goal>;
using ActivityId = Id<EntityKind::activity>;
using FundingLineId = Id<EntityKind::funding_line>;
using FundingPotId = Id<EntityKind::funding_pot>;
using AllocationId = Id<EntityKind::allocation>;
using IndicatorId = Id<EntityKind::indicator>;

/// A reference to an entity of any kind, for links whose target kind varies
/// (what a decision refers to, who decided an amendment).
struct EntityRef {
  EntityKind kind = EntityKind::organisation;
  std::string id;

  EntityRef() = default;
  EntityRef(EntityKind k, std::string i) : kind(k), id(std::move(i)) {}
  template <EntityKind K>
  EntityRef(const Id<K>& typed) : kind(K), id(typed.str()) {}  // NOLINT: implicit on purpose

  friend bool operator==(const EntityRef&, const EntityRef&) = default;
  friend auto operator<=>(const EntityRef&, const EntityRef&) = default;
};

/// "meeting meeting/3" – for messages.
inline std::string describe(const EntityRef& ref) { return std::string(to_string(ref.kind)) + " " + ref.id; }

SAMVERKAN_END_NAMESPACE

template <samverkan::EntityKind K>
struct std::hash<samverkan::Id<K>> {
  std::size_t operator()(const samverkan::Id<K>& id) const noexcept { return std::hash<std::string>{}(id.str()); }
};
