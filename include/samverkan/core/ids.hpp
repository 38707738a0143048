// Strong, typed identifiers. An OrganisationId cannot be passed where a
// PersonId is expected; both read as strings ("org/vgr", "meeting/3") so that
// they survive JSON, DataFrames and merges unchanged. Underneath, an id is a
// 32-bit handle into one process-wide table of id texts (docs/ids.md): a
// record holds 4 bytes per id, == and hashing compare integers, and each
// distinct text is stored once.
#pragma once

#include <samverkan/core/enum.hpp>

#include <atomic>
#include <bit>
#include <compare>
#include <cstddef>
#include <cstdint>
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

namespace detail {

/// The process-wide, append-only table of id texts (src/core/ids.cpp).
/// Handle 0 is the empty text. Texts live in chunks that never move or shrink:
/// chunk k holds id_chunk_base << k texts, so 23 chunks cover every 32-bit
/// handle and a published text can be read without a lock.
inline constexpr std::uint32_t id_chunk_base = 1024;
inline constexpr std::size_t id_chunk_count = 32;
extern std::atomic<const std::string*> id_chunks[id_chunk_count];
/// The empty text of handle 0. A function-local static rather than a global:
/// clang 14 with libstdc++ 12 cannot constant-initialise a std::string, and ids
/// may be read during another file's static initialisation.
const std::string& empty_id_text() noexcept;

/// The handle of `text`, adding it to the table the first time it is seen.
/// Thread-safe. Throws std::length_error when 2^32 - 1 texts are taken.
std::uint32_t intern_id(std::string_view text);

/// The text of a handle that intern_id returned.
inline const std::string& id_text(std::uint32_t handle) noexcept {
  if (handle == 0) return empty_id_text();
  // Chunk k starts at base * (2^k - 1).
  const std::uint32_t scaled = handle / id_chunk_base + 1;
  const auto k = static_cast<unsigned>(std::bit_width(scaled) - 1);
  const std::uint32_t first = id_chunk_base * ((std::uint32_t{1} << k) - 1);
  return id_chunks[k].load(std::memory_order_acquire)[handle - first];
}

/// How many distinct texts the table holds (the empty text included).
std::size_t interned_id_count() noexcept;

}  // namespace detail

/// A typed id. `Kind` names the entity kind; ids of different kinds do not
/// convert into each other. Constructing one from text interns the text;
/// copying one copies 4 bytes.
///
///   OrganisationId vgr{"org/vgr"};
///   PersonId p = vgr;  // does not compile
template <EntityKind Kind>
class Id {
 public:
  static constexpr EntityKind kind = Kind;

  Id() = default;
  explicit Id(std::string_view value) : handle_(detail::intern_id(value)) {}
  explicit Id(const std::string& value) : Id(std::string_view(value)) {}
  explicit Id(const char* value) : Id(std::string_view(value)) {}

  /// The id as text; the reference stays valid for the life of the process.
  const std::string& str() const noexcept { return detail::id_text(handle_); }
  /// True for a default-constructed id, which the corpus replaces on add().
  bool empty() const noexcept { return handle_ == 0; }
  /// The handle in the process's id table: equal handles, equal texts. Not
  /// stable across processes, so never written anywhere.
  std::uint32_t handle() const noexcept { return handle_; }

  friend bool operator==(const Id&, const Id&) = default;
  /// Ordered by text, as the sorted outputs, archives and frames expect.
  friend std::strong_ordering operator<=>(const Id& a, const Id& b) noexcept {
    if (a.handle_ == b.handle_) return std::strong_ordering::equal;
    return a.str() <=> b.str();
  }
  friend std::ostream& operator<<(std::ostream& os, const Id& id) { return os << id.str(); }

 private:
  std::uint32_t handle_ = 0;
};

static_assert(sizeof(Id<EntityKind::meeting>) == 4, "an id is one 32-bit handle");

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
  std::size_t operator()(const samverkan::Id<K>& id) const noexcept { return std::hash<std::uint32_t>{}(id.handle()); }
};
