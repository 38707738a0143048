#include <samverkan/corpus.hpp>

#include <algorithm>
#include <cstdint>
#include <set>
#include <type_traits>

SAMVERKAN_BEGIN_NAMESPACE

namespace {

// Short, readable prefixes: ids show up in DataFrames and error messages.
std::string_view id_prefix(EntityKind kind) {
  switch (kind) {
    case EntityKind::organisation: return "org";
    case EntityKind::person: return "person";
    case EntityKind::membership: return "membership";
    case EntityKind::meeting: return "meeting";
    case EntityKind::decision: return "decision";
    case EntityKind::action_item: return "action";
    case EntityKind::agreement: return "agreement";
    case EntityKind::action_plan: return "plan";
    case EntityKind::goal: return "goal";
    case EntityKind::activity: return "activity";
    case EntityKind::funding_line: return "funding";
    case EntityKind::funding_pot: return "pot";
    case EntityKind::allocation: return "allocation";
    case EntityKind::indicator: return "indicator";
  }
  return "entity";
}

// The readable part of an id: "meeting/2024-10-28-styrgrupp" -> "2024-10-28-styrgrupp".
std::string_view tail(const std::string& id) {
  const auto slash = id.find('/');
  return slash == std::string::npos ? std::string_view(id) : std::string_view(id).substr(slash + 1);
}

// Long titles make unwieldy ids; cut at a word boundary. A cut slug ends in
// six hex digits of the whole slug's FNV-1a hash, so that two long names that
// share their first words ("... i Halland", "... i Östergötland") get ids
// that depend on the names alone, not on which one came first: imports of
// parts of an archive then agree with one import of all of it.
std::string short_slug(std::string_view hint) {
  constexpr std::size_t max_length = 48;
  std::string s = slug(hint);
  if (s.size() > max_length) {
    std::uint32_t hash = 2166136261u;
    for (const char c : s) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    s.resize(max_length);
    const auto dash = s.rfind('-');
    if (dash != std::string::npos && dash > max_length / 2) s.resize(dash);
    while (!s.empty() && s.back() == '-') s.pop_back();
    static constexpr char hex[] = "0123456789abcdef";
    s += '-';
    for (int shift = 20; shift >= 0; shift -= 4) s += hex[(hash >> shift) & 0xfu];
  }
  return s;
}

// First "prefix/slug", "prefix/slug-2", ... for which `taken` is false.
template <class Taken>
std::string fresh_id(EntityKind kind, std::string_view hint, std::size_t fallback_number, Taken&& taken) {
  std::string base = std::string(id_prefix(kind)) + "/";
  std::string s = short_slug(hint);
  base += s.empty() ? std::to_string(fallback_number) : s;
  if (!taken(base)) return base;
  for (std::size_t n = 2;; ++n) {
    std::string candidate = base + "-" + std::to_string(n);
    if (!taken(candidate)) return candidate;
  }
}

template <class T>
constexpr bool has_definitions = requires(const T& t) { visit_definitions(t, [](const auto&, auto&&) {}); };

}  // namespace

std::size_t Corpus::size() const noexcept {
  return std::apply([](const auto&... kind) { return (kind.size() + ...); }, tables_);
}

// ---- id assignment ----

namespace {
template <class Table>
auto taken_in(const Table& records) {
  return [&records](const std::string& candidate) {
    return records.count(typename Table::key_type(candidate)) > 0;
  };
}
}  // namespace

void Corpus::assign_ids(Organisation& r) {
  if (r.id.empty()) r.id = OrganisationId(fresh_id(EntityKind::organisation, r.name, organisations().size() + 1, taken_in(organisations())));
}
void Corpus::assign_ids(Person& r) {
  if (r.id.empty()) r.id = PersonId(fresh_id(EntityKind::person, r.name, people().size() + 1, taken_in(people())));
}
void Corpus::assign_ids(Membership& r) {
  if (r.id.empty()) {
    const std::string hint = std::string(tail(r.person.str())) + "-" + std::string(tail(r.organisation.str()));
    r.id = MembershipId(fresh_id(EntityKind::membership, hint, memberships().size() + 1, taken_in(memberships())));
  }
}
void Corpus::assign_ids(ActionItem& r) {
  if (r.id.empty()) r.id = ActionItemId(fresh_id(EntityKind::action_item, r.what, action_items().size() + 1, taken_in(action_items())));
}
void Corpus::assign_ids(Agreement& r) {
  if (r.id.empty())
    r.id = AgreementId(fresh_id(EntityKind::agreement, r.short_name.empty() ? r.title : r.short_name,
                                agreements().size() + 1, taken_in(agreements())));
}
void Corpus::assign_ids(FundingPot& r) {
  if (r.id.empty()) r.id = FundingPotId(fresh_id(EntityKind::funding_pot, r.name, funding_pots().size() + 1, taken_in(funding_pots())));
}
void Corpus::assign_ids(Allocation& r) {
  if (r.id.empty()) {
    const std::string hint = std::string(tail(r.pot.str())) + "-" + r.rule;
    r.id = AllocationId(fresh_id(EntityKind::allocation, hint, allocations().size() + 1, taken_in(allocations())));
  }
}
void Corpus::assign_ids(Indicator& r) {
  if (r.id.empty()) r.id = IndicatorId(fresh_id(EntityKind::indicator, r.name, indicators().size() + 1, taken_in(indicators())));
}

void Corpus::assign_ids(Meeting& r) {
  if (r.id.empty()) {
    std::string hint = r.date ? format_date(*r.date) + " " : std::string();
    hint += r.title.empty() ? std::string(tail(r.body.str())) : r.title;
    r.id = MeetingId(fresh_id(EntityKind::meeting, hint, meetings().size() + 1, taken_in(meetings())));
  }
  // Decisions are named after their meeting and item so they read well in tables.
  if (!needs_nested_ids(r)) return;
  std::set<std::string> local;
  visit_definitions(r, [&](const auto& id, auto&&) { local.insert(id.str()); });
  std::size_t number = 0;
  for (auto& item : r.items)
    for (auto& decision : item.decisions) {
      ++number;
      if (!decision.id.empty()) continue;
      const std::string hint = std::string(tail(r.id.str())) + "-" + (item.number.empty() ? std::to_string(item.order) : item.number);
      decision.id = DecisionId(fresh_id(EntityKind::decision, hint, number, [&](const std::string& c) {
        return local.count(c) > 0 || indexes_.holders.contains(EntityRef(EntityKind::decision, c));
      }));
      local.insert(decision.id.str());
    }
}

void Corpus::assign_ids(ActionPlan& r) {
  if (r.id.empty()) r.id = ActionPlanId(fresh_id(EntityKind::action_plan, r.title, plans().size() + 1, taken_in(plans())));
  if (!needs_nested_ids(r)) return;
  std::set<std::string> local;
  visit_definitions(r, [&](const auto& id, auto&&) { local.insert(id.str()); });
  const std::string plan_tail(tail(r.id.str()));
  const auto assign = [&](auto& id, EntityKind kind, const std::string& number, std::size_t index) {
    if (!id.empty()) return;
    const std::string hint = plan_tail + "-" + (number.empty() ? std::to_string(index + 1) : number);
    id = std::remove_reference_t<decltype(id)>(fresh_id(kind, hint, index + 1, [&](const std::string& c) {
      return local.count(c) > 0 || indexes_.holders.contains(EntityRef(kind, c));
    }));
    local.insert(id.str());
  };
  for (std::size_t i = 0; i < r.goals.size(); ++i) assign(r.goals[i].id, EntityKind::goal, r.goals[i].number, i);
  for (std::size_t i = 0; i < r.activities.size(); ++i)
    assign(r.activities[i].id, EntityKind::activity, r.activities[i].number, i);
  for (std::size_t i = 0; i < r.funding.size(); ++i)
    assign(r.funding[i].id, EntityKind::funding_line, std::string(), i);
}

// ---- indexes ----

namespace {

// Hands every index entry a record contributes to a sink, so that single
// adds, removes and the bulk build agree on what is indexed.
template <class T, class Sink>
void index_entries(const T& record, Sink&& sink) {
  const EntityRef self(record.id);
  // A record naming a target twice (a body that also attends) refers to it once.
  std::vector<EntityRef> targets;
  visit_references(record, [&](const auto& id, auto&&) { targets.emplace_back(id); });
  std::sort(targets.begin(), targets.end());
  targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
  for (auto& target : targets) sink.referrer(std::move(target), self);
  if constexpr (has_definitions<T>)
    visit_definitions(record, [&](const auto& id, auto&&) { sink.holder(EntityRef(id), self); });
  if constexpr (std::is_same_v<T, Meeting>) {
    if (record.date) sink.date(*record.date, record.id);
    sink.body(record.body, record.id);
  } else if constexpr (std::is_same_v<T, Organisation>) {
    std::set<std::string> keys{fold(record.name)};
    for (const auto& alias : record.aliases) keys.insert(fold(alias));
    for (const auto& key : keys)
      if (!key.empty()) sink.organisation_name(key, record.id);
  } else if constexpr (std::is_same_v<T, Person>) {
    if (auto key = fold(record.name); !key.empty()) sink.person_name(std::move(key), record.id);
  }
}

// Applies each entry to the indexes: insert when adding, erase when removing.
template <class Indexes, bool Insert>
struct apply_sink {
  Indexes& x;
  template <class Index, class K, class V>
  static void apply(Index& index, K&& key, const V& value) {
    if constexpr (Insert)
      index.insert(std::forward<K>(key), value);
    else
      index.erase(key, value);
  }
  void referrer(EntityRef target, const EntityRef& self) { apply(x.referrers, std::move(target), self); }
  void holder(EntityRef nested, const EntityRef& self) { apply(x.holders, std::move(nested), self); }
  void date(const Date& d, const MeetingId& id) { apply(x.meetings_by_date, d, id); }
  void body(const OrganisationId& b, const MeetingId& id) { apply(x.meetings_by_body, b, id); }
  void organisation_name(const std::string& key, const OrganisationId& id) { apply(x.organisation_names, key, id); }
  void person_name(std::string key, const PersonId& id) { apply(x.person_names, std::move(key), id); }
};

// Collects the entries of every record, to be sorted once per index.
struct collect_sink {
  std::vector<std::pair<Date, MeetingId>> dates;
  std::vector<std::pair<OrganisationId, MeetingId>> bodies;
  std::vector<std::pair<EntityRef, EntityRef>> referrers;
  std::vector<std::pair<EntityRef, EntityRef>> holders;
  std::vector<std::pair<std::string, OrganisationId>> organisation_names;
  std::vector<std::pair<std::string, PersonId>> person_names;

  void referrer(EntityRef target, const EntityRef& self) { referrers.emplace_back(std::move(target), self); }
  void holder(EntityRef nested, const EntityRef& self) { holders.emplace_back(std::move(nested), self); }
  void date(const Date& d, const MeetingId& id) { dates.emplace_back(d, id); }
  void body(const OrganisationId& b, const MeetingId& id) { bodies.emplace_back(b, id); }
  void organisation_name(const std::string& key, const OrganisationId& id) { organisation_names.emplace_back(key, id); }
  void person_name(std::string key, const PersonId& id) { person_names.emplace_back(std::move(key), id); }
};

}  // namespace

template <corpus_record T>
void Corpus::index(const T& record) {
  index_entries(record, apply_sink<indexes, true>{indexes_});
}

template <corpus_record T>
void Corpus::unindex(const T& record) {
  index_entries(record, apply_sink<indexes, false>{indexes_});
}

void Corpus::build_indexes() {
  collect_sink all;
  std::apply(
      [&all](const auto&... kind) {
        (..., [&all](const auto& records) {
          for (const auto& entry : records) index_entries(entry.second, all);
        }(kind));
      },
      tables_);
  indexes_.meetings_by_date.assign(std::move(all.dates));
  indexes_.meetings_by_body.assign(std::move(all.bodies));
  indexes_.referrers.assign(std::move(all.referrers));
  indexes_.holders.assign(std::move(all.holders));
  indexes_.organisation_names.assign(std::move(all.organisation_names));
  indexes_.person_names.assign(std::move(all.person_names));
  deferred_ = false;
}

namespace detail {
bulk_add::bulk_add(Corpus& corpus) : corpus_(&corpus) { corpus_->deferred_ = true; }
bulk_add::~bulk_add() { corpus_->deferred_ = false; }
void bulk_add::finish() {
  if (corpus_->deferred_) corpus_->build_indexes();
}
}  // namespace detail

#define SAMVERKAN_INSTANTIATE_INDEX(T)          \
  template void Corpus::index<T>(const T&); \
  template void Corpus::unindex<T>(const T&);
SAMVERKAN_INSTANTIATE_INDEX(Organisation)
SAMVERKAN_INSTANTIATE_INDEX(Person)
SAMVERKAN_INSTANTIATE_INDEX(Membership)
SAMVERKAN_INSTANTIATE_INDEX(Meeting)
SAMVERKAN_INSTANTIATE_INDEX(ActionItem)
SAMVERKAN_INSTANTIATE_INDEX(Agreement)
SAMVERKAN_INSTANTIATE_INDEX(ActionPlan)
SAMVERKAN_INSTANTIATE_INDEX(FundingPot)
SAMVERKAN_INSTANTIATE_INDEX(Allocation)
SAMVERKAN_INSTANTIATE_INDEX(Indicator)
#undef SAMVERKAN_INSTANTIATE_INDEX

// ---- look-ups ----

bool Corpus::contains(const EntityRef& ref) const {
  switch (ref.kind) {
    case EntityKind::organisation: return find(OrganisationId(ref.id)) != nullptr;
    case EntityKind::person: return find(PersonId(ref.id)) != nullptr;
    case EntityKind::membership: return find(MembershipId(ref.id)) != nullptr;
    case EntityKind::meeting: return find(MeetingId(ref.id)) != nullptr;
    case EntityKind::action_item: return find(ActionItemId(ref.id)) != nullptr;
    case EntityKind::agreement: return find(AgreementId(ref.id)) != nullptr;
    case EntityKind::action_plan: return find(ActionPlanId(ref.id)) != nullptr;
    case EntityKind::funding_pot: return find(FundingPotId(ref.id)) != nullptr;
    case EntityKind::allocation: return find(AllocationId(ref.id)) != nullptr;
    case EntityKind::indicator: return find(IndicatorId(ref.id)) != nullptr;
    case EntityKind::decision:
    case EntityKind::goal:
    case EntityKind::activity:
    case EntityKind::funding_line: return indexes_.holders.contains(ref);
  }
  return false;
}

std::optional<EntityRef> Corpus::holder_of(const EntityRef& nested) const { return indexes_.holders.first(nested); }

const Decision* Corpus::find_decision(const DecisionId& id) const {
  auto holder = holder_of(id);
  if (!holder) return nullptr;
  if (const auto* meeting = find(MeetingId(holder->id)))
    for (const auto& item : meeting->items)
      for (const auto& decision : item.decisions)
        if (decision.id == id) return &decision;
  return nullptr;
}

namespace {
template <class Nested, class IdT>
const Nested* find_in_plan(const ActionPlan* plan, const std::vector<Nested>& (*members)(const ActionPlan&),
                           const IdT& id) {
  if (!plan) return nullptr;
  for (const auto& n : members(*plan))
    if (n.id == id) return &n;
  return nullptr;
}
}  // namespace

const Goal* Corpus::find_goal(const GoalId& id) const {
  auto holder = holder_of(id);
  return holder ? find_in_plan<Goal>(find(ActionPlanId(holder->id)), [](const ActionPlan& p) -> const std::vector<Goal>& { return p.goals; }, id)
                : nullptr;
}
const Activity* Corpus::find_activity(const ActivityId& id) const {
  auto holder = holder_of(id);
  return holder ? find_in_plan<Activity>(find(ActionPlanId(holder->id)), [](const ActionPlan& p) -> const std::vector<Activity>& { return p.activities; }, id)
                : nullptr;
}
const FundingLine* Corpus::find_funding_line(const FundingLineId& id) const {
  auto holder = holder_of(id);
  return holder ? find_in_plan<FundingLine>(find(ActionPlanId(holder->id)), [](const ActionPlan& p) -> const std::vector<FundingLine>& { return p.funding; }, id)
                : nullptr;
}

std::vector<MeetingId> Corpus::meetings_in(const Period& period) const {
  std::vector<std::pair<Date, MeetingId>> found;
  indexes_.meetings_by_date.for_each_between(period.start ? &*period.start : nullptr,
                                             period.end ? &*period.end : nullptr,
                                             [&found](const Date& date, const MeetingId& id) { found.emplace_back(date, id); });
  std::sort(found.begin(), found.end());
  std::vector<MeetingId> ids;
  ids.reserve(found.size());
  for (auto& [date, id] : found) ids.push_back(std::move(id));
  return ids;
}

std::vector<MeetingId> Corpus::meetings_of(const OrganisationId& body) const {
  // Undated meetings sort last, then by id, so the order is stable.
  std::vector<std::pair<std::pair<bool, Date>, MeetingId>> found;
  indexes_.meetings_by_body.for_each(body, [&](const MeetingId& id) {
    const auto& date = get(id).date;
    found.push_back({{!date.has_value(), date.value_or(Date{})}, id});
  });
  std::sort(found.begin(), found.end());
  std::vector<MeetingId> ids;
  ids.reserve(found.size());
  for (auto& entry : found) ids.push_back(std::move(entry.second));
  return ids;
}

std::vector<EntityRef> Corpus::referring_to(const EntityRef& target) const {
  std::vector<EntityRef> found;
  indexes_.referrers.for_each(target, [&found](const EntityRef& r) { found.push_back(r); });
  std::sort(found.begin(), found.end());
  return found;
}

// ---- names ----

std::optional<OrganisationId> Corpus::resolve_organisation(std::string_view name) const {
  std::optional<OrganisationId> found;
  bool ambiguous = false;
  indexes_.organisation_names.for_each(fold(name), [&](const OrganisationId& id) {
    if (found && *found != id) ambiguous = true;
    found = id;
  });
  if (ambiguous) return std::nullopt;
  return found;
}

std::vector<PersonId> Corpus::resolve_person(std::string_view name) const {
  std::vector<PersonId> ids;
  indexes_.person_names.for_each(fold(name), [&ids](const PersonId& id) { ids.push_back(id); });
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

OrganisationId Corpus::resolve_or_add_organisation(std::string_view name, OrganisationKind kind) {
  if (auto id = resolve_organisation(name)) return *id;
  Organisation org;
  org.name = std::string(trim(name));
  org.kind = kind;
  return add(std::move(org));
}

PersonId Corpus::resolve_or_add_person(std::string_view name, const std::optional<OrganisationId>& organisation) {
  const auto candidates = resolve_person(name);
  // The same name at the same organisation is the same person. Without an
  // organisation to tell them apart, one namesake is taken to be the person;
  // several namesakes at other organisations make a new person.
  if (organisation) {
    for (const auto& id : candidates)
      if (get(id).organisation == organisation) return id;
    for (const auto& id : candidates)
      if (!get(id).organisation) return id;
    if (candidates.size() == 1) return candidates.front();
  } else if (!candidates.empty()) {
    return candidates.front();
  }
  Person person;
  person.name = std::string(trim(name));
  person.organisation = organisation;
  return add(std::move(person));
}

SAMVERKAN_END_NAMESPACE
