// The corpus: the one place that owns records of every kind, keeps them
// linked by id, indexes them, resolves names, merges and validates.
#pragma once

#include <samverkan/core/error.hpp>
#include <samverkan/core/flat_index.hpp>
#include <samverkan/model.hpp>

#include <cstddef>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE

/// The record types a corpus holds at top level, each under its own id type.
/// Decisions (inside meetings) and goals, activities and funding lines (inside
/// plans) have ids of their own but live inside their parent record.
template <class... Ts>
struct type_list {};
using record_types = type_list<Organisation, Person, Membership, Meeting, ActionItem, Agreement, ActionPlan,
                               FundingPot, Allocation, Indicator>;

namespace detail {
template <class T, class List>
struct in_list;
template <class T, class... Ts>
struct in_list<T, type_list<Ts...>> : std::bool_constant<(std::is_same_v<T, Ts> || ...)> {};

template <class IdT, class List>
struct record_by_id;
template <class IdT, class T, class... Ts>
struct record_by_id<IdT, type_list<T, Ts...>>
    : std::conditional_t<std::is_same_v<typename T::id_type, IdT>, std::type_identity<T>,
                         record_by_id<IdT, type_list<Ts...>>> {};

template <class List>
struct tables_of;
template <class... Ts>
struct tables_of<type_list<Ts...>> {
  using type = std::tuple<std::map<typename Ts::id_type, Ts>...>;
};
}  // namespace detail

/// A type the corpus stores at top level.
template <class T>
concept corpus_record = detail::in_list<T, record_types>::value;

/// The record type for an id type: record_for<MeetingId> is Meeting.
template <class IdT>
using record_for = typename detail::record_by_id<IdT, record_types>::type;

enum class Severity { error, warning };

template <>
struct enum_traits<Severity> {
  static constexpr std::string_view type_name = "Severity";
  static constexpr std::array<enum_entry<Severity>, 2> entries{{
      {Severity::error, "error", "fel"},
      {Severity::warning, "warning", "varning"},
  }};
};

/// One thing wrong with a corpus: which entity, which field, what.
struct Problem {
  Severity severity = Severity::error;
  EntityRef entity;
  /// Path of the field inside the entity, e.g. "attendance[2].person".
  std::string field;
  std::string message;

  /// "error: meeting meeting/1: attendance[2].person: refers to person person/x, which does not exist"
  std::string str() const;
  friend bool operator==(const Problem&, const Problem&) = default;
};

/// What Corpus::merge did.
struct MergeReport {
  std::size_t added = 0;
  /// Records of the other corpus recognised as records already held.
  std::size_t merged = 0;
  /// Other corpus's id → id it has in this corpus, where they differ.
  std::vector<std::pair<EntityRef, EntityRef>> renamed;
  /// Fields where the two disagreed; this corpus's value was kept.
  std::vector<std::string> conflicts;
};

class Corpus;

namespace detail {
/// For loaders: while one lives, adds to the corpus skip index upkeep;
/// finish() builds every index in one pass. A corpus whose bulk_add ended
/// without finish() (a load that threw) has no indexes and is to be dropped.
struct bulk_add {
  explicit bulk_add(Corpus& corpus);
  ~bulk_add();
  bulk_add(const bulk_add&) = delete;
  bulk_add& operator=(const bulk_add&) = delete;
  void finish();

 private:
  Corpus* corpus_;
};
}  // namespace detail

/// Owns records of every kind by id.
///
///   Corpus corpus;
///   auto vgr = corpus.add(Organisation{.name = "Västra Götalandsregionen", .aliases = {"VGR"},
///                                      .kind = OrganisationKind::region});
///   corpus.resolve_organisation("vgr") == vgr;
///   for (const auto& problem : corpus.validate()) std::cout << problem.str() << '\n';
///
/// Const member functions do not modify anything (no lazy caches), so a corpus
/// may be read from several threads at once.
class Corpus {
 public:
  template <corpus_record T>
  using table = std::map<typename T::id_type, T>;

  Corpus() = default;

  /// Adds a record and returns its id. An empty id is replaced by a readable
  /// one made from the record's name ("org/vastra-gotalandsregionen"), made
  /// unique; so are empty ids of nested decisions, goals, activities and
  /// funding lines. Throws duplicate_id_error when the id is taken.
  template <corpus_record T>
  typename T::id_type add(T record) {
    if (deferred_ && needs_nested_ids(record)) build_indexes();
    assign_ids(record);
    auto& tab = std::get<table<T>>(tables_);
    // The key is built before the record is moved; a taken key leaves the record alone.
    auto [it, inserted] = tab.try_emplace(record.id, std::move(record));
    if (!inserted) throw duplicate_id_error(describe(EntityRef(record.id)) + " already exists");
    if (!deferred_) index(it->second);
    return it->first;
  }

  /// The record with this id, or nullptr.
  template <class IdT>
  const record_for<IdT>* find(const IdT& id) const noexcept {
    const auto& tab = std::get<table<record_for<IdT>>>(tables_);
    auto it = tab.find(id);
    return it == tab.end() ? nullptr : &it->second;
  }

  /// The record with this id; throws not_found_error.
  template <class IdT>
  const record_for<IdT>& get(const IdT& id) const {
    if (const auto* r = find(id)) return *r;
    throw not_found_error(describe(EntityRef(id)) + " does not exist in the corpus");
  }

  /// Replaces the record with the same id; throws not_found_error when there
  /// is none. Empty nested ids are assigned as in add().
  template <corpus_record T>
  void update(T record) {
    if (deferred_) build_indexes();
    auto& tab = std::get<table<T>>(tables_);
    auto it = tab.find(record.id);
    if (it == tab.end()) throw not_found_error(describe(EntityRef(record.id)) + " does not exist in the corpus");
    assign_ids(record);
    unindex(it->second);
    it->second = std::move(record);
    index(it->second);
  }

  /// Removes the record; false when there was none. References to it from
  /// other records are left for validate() to report.
  template <class IdT>
  bool remove(const IdT& id) {
    if (deferred_) build_indexes();
    auto& tab = std::get<table<record_for<IdT>>>(tables_);
    auto it = tab.find(id);
    if (it == tab.end()) return false;
    unindex(it->second);
    tab.erase(it);
    return true;
  }

  /// All records of one kind, ordered by id.
  template <corpus_record T>
  const table<T>& all() const noexcept {
    return std::get<table<T>>(tables_);
  }

  const table<Organisation>& organisations() const noexcept { return all<Organisation>(); }
  const table<Person>& people() const noexcept { return all<Person>(); }
  const table<Membership>& memberships() const noexcept { return all<Membership>(); }
  const table<Meeting>& meetings() const noexcept { return all<Meeting>(); }
  const table<ActionItem>& action_items() const noexcept { return all<ActionItem>(); }
  const table<Agreement>& agreements() const noexcept { return all<Agreement>(); }
  const table<ActionPlan>& plans() const noexcept { return all<ActionPlan>(); }
  const table<FundingPot>& funding_pots() const noexcept { return all<FundingPot>(); }
  const table<Allocation>& allocations() const noexcept { return all<Allocation>(); }
  const table<Indicator>& indicators() const noexcept { return all<Indicator>(); }

  /// Number of top-level records of every kind together.
  std::size_t size() const noexcept;
  bool empty() const noexcept { return size() == 0; }

  /// True when an entity of any kind, top-level or nested, has this id.
  bool contains(const EntityRef& ref) const;

  /// Nested records, found through the index of the record that holds them.
  const Decision* find_decision(const DecisionId& id) const;
  const Goal* find_goal(const GoalId& id) const;
  const Activity* find_activity(const ActivityId& id) const;
  const FundingLine* find_funding_line(const FundingLineId& id) const;
  /// The top-level record that holds a nested one: meeting of a decision,
  /// plan of a goal. nullopt when unknown.
  std::optional<EntityRef> holder_of(const EntityRef& nested) const;

  // ---- indexes ----

  /// Meetings whose date lies in the period, by date then id.
  std::vector<MeetingId> meetings_in(const Period& period) const;
  /// Meetings held by a body, by date.
  std::vector<MeetingId> meetings_of(const OrganisationId& body) const;
  /// Every top-level record that refers to the target (an organisation,
  /// a person, an agreement ...), in id order.
  std::vector<EntityRef> referring_to(const EntityRef& target) const;

  // ---- names ----

  /// The organisation whose name or alias matches, ignoring case and spacing:
  /// "VGR", "vgr" and "Västra  Götalandsregionen" resolve alike. nullopt when
  /// no organisation, or more than one, matches.
  std::optional<OrganisationId> resolve_organisation(std::string_view name) const;
  /// Every person with this name (names are not unique).
  std::vector<PersonId> resolve_person(std::string_view name) const;
  /// Resolves the name, or adds an organisation of that name and kind.
  OrganisationId resolve_or_add_organisation(std::string_view name, OrganisationKind kind = OrganisationKind::other);
  /// Resolves the name (preferring a person listed with `organisation`), or
  /// adds the person.
  PersonId resolve_or_add_person(std::string_view name,
                                 const std::optional<OrganisationId>& organisation = std::nullopt);

  // ---- whole-corpus operations ----

  /// Takes in every record of `other`, whose ids were made independently of
  /// ours. A record of `other` that is one already held becomes one record
  /// with it: an organisation by id and name, or by any name or alias of one
  /// equal to a name or alias of the other; a person by name and organisation
  /// (or either without one); a meeting by body, date and title; an agreement
  /// by title and start; an action plan by title and start; an indicator by
  /// name; a funding pot by name, agreement and year; a membership by person,
  /// organisation, role and period; an action item by text and meeting; an
  /// allocation by pot and rule. Names and titles compare as fold() does; a
  /// record without the name or title it would be known by (a meeting with
  /// neither date nor title) is recognised only under the same id.
  /// Our values are kept; fields empty here are filled from `other`, aliases
  /// and extensions are unioned, a meeting gains the attendees and agenda
  /// items (and, under an item both list, the decisions) only `other` has, a
  /// plan the goals, activities and funding lines; every disagreement is
  /// listed in the report's conflicts. Other records keep their id when it is
  /// free and get a fresh one when it is taken; so do nested decisions, goals,
  /// activities and funding lines. Every reference in the incoming records,
  /// typed ids and EntityRefs alike, follows the id mapping, which the report
  /// lists where it changes an id. Deterministic; merging a corpus into
  /// itself changes nothing.
  /// If it throws, this corpus is left unchanged. It works on this corpus
  /// itself, not a copy: the cost follows the size of `other`, not of this.
  MergeReport merge(const Corpus& other);

  /// Every problem found, errors and warnings, each with entity, field and
  /// message. An empty list means the corpus is consistent.
  std::vector<Problem> validate() const;

  friend bool operator==(const Corpus& a, const Corpus& b) { return a.tables_ == b.tables_; }

 private:
  using tables = typename detail::tables_of<record_types>::type;

  template <corpus_record T>
  table<T>& mutable_table() noexcept {
    return std::get<table<T>>(tables_);
  }
  friend class CorpusMerger;

  // Defined for every record type in corpus.cpp.
  void assign_ids(Organisation&);
  void assign_ids(Person&);
  void assign_ids(Membership&);
  void assign_ids(Meeting&);
  void assign_ids(ActionItem&);
  void assign_ids(Agreement&);
  void assign_ids(ActionPlan&);
  void assign_ids(FundingPot&);
  void assign_ids(Allocation&);
  void assign_ids(Indicator&);
  template <corpus_record T>
  void index(const T&);
  template <corpus_record T>
  void unindex(const T&);
  // Every index in one pass over the records, each as one sorted array.
  void build_indexes();
  // True when add() would have to make ids for nested records, which needs
  // the indexes of the records added so far.
  template <corpus_record T>
  static bool needs_nested_ids(const T& record) {
    bool empty = false;
    if constexpr (requires { visit_definitions(record, [](const auto&, auto&&) {}); })
      visit_definitions(record, [&empty](const auto& id, auto&&) { empty = empty || id.empty(); });
    return empty;
  }
  // Loaders add every record first and index them all at once.
  friend struct detail::bulk_add;

  tables tables_;
  // Sorted flat arrays built in one pass after a load or merge, kept right by
  // single adds, updates and removes (see detail::flat_index).
  struct indexes {
    detail::flat_index<Date, MeetingId> meetings_by_date;
    detail::flat_index<OrganisationId, MeetingId> meetings_by_body;
    detail::flat_index<EntityRef, EntityRef> referrers;  // target -> top-level records naming it, once each
    detail::flat_index<EntityRef, EntityRef> holders;    // nested id -> top-level record holding it
    detail::flat_index<std::string, OrganisationId> organisation_names;  // folded name or alias
    detail::flat_index<std::string, PersonId> person_names;              // folded name
  } indexes_;
  // While true (only inside detail::bulk_add), add() leaves the indexes alone.
  bool deferred_ = false;
};

SAMVERKAN_END_NAMESPACE
