// JSON interchange of a corpus, layout "samverkan.corpus" version 3.
//
// Versions: 1 had no organisation_number (it was kept in extensions as
// "organisationsnummer"); 2 had no attendance[].party and no
// decisions[].procedural. Older documents load through the upgrade steps
// of src/io/upgrade.hpp. docs/corpus.schema.json is the JSON Schema.
//
// The layout
// ----------
// A document is one object:
//
//   {"schema": "samverkan.corpus", "version": 3,
//    "organisations": [...], "people": [...], "memberships": [...], "meetings": [...],
//    "action_items": [...], "agreements": [...], "plans": [...], "funding_pots": [...],
//    "allocations": [...], "indicators": [...]}
//
// Every table is written, empty or not, with its records in id order. A record
// is an object whose keys are the C++ member names, in declaration order, so
// the model headers are the reference for the meaning of each key. Values:
//
//   ids              strings: "org/vgr"
//   vocabularies     the English name: "excused"; the Swedish name and the
//                    synonyms of core/enum.hpp are accepted on input ("förhinder")
//   dates            "2019-10-15"
//   times of day     "09:00"
//   Period           {"start": "2018-01-01", "end": null}; either end may be null
//   Money            {"ore": 161000000000, "currency": "SEK"}, plus
//                    "approximate": true only when the amount is approximate.
//                    Amounts are integers in öre, never floating point.
//   EntityRef        {"kind": "meeting", "id": "meeting/2019-09-24-hsu"}
//   Provenance       {"document": "002.txt", "first_line": 12, "last_line": 40}
//   extensions       an object of strings: {"source.page": "3"}
//   measured values  JSON numbers; "NaN", "Infinity" and "-Infinity" as strings
//                    because JSON has no literal for them
//
// Optional members that are unset, empty strings, empty lists and periods
// open at both ends are left out; vocabularies, amounts and counts are always
// written; the members a record cannot do without are always written and
// required on input:
//
//   organisations id, name          people      id, name
//   memberships   id, person, organisation
//   meetings      id, body          action_items id, what
//   agreements    id, title         plans       id, title
//   funding_pots  id, name, amount  allocations id, pot
//   indicators    id, name
//
// and inside records: attendance.person, votes[].person, reservations.person,
// parties.organisation, blocks.amount, payments.amount, funding.amount,
// period_extensions.new_end, shares.recipient and .amount, targets.value,
// observations.value, threshold.value, money's ore, an EntityRef's kind and id,
// a provenance's document. Ids of decisions, goals, activities and funding
// lines may be left out; the corpus then assigns them.
//
// Forward compatibility
// ---------------------
// A key this version does not know, in a record that has `extensions`, is
// kept there as "json.<key>" holding the value's JSON text, and written back
// under its own key, so what a newer version adds survives a round trip here.
// Small value objects without extensions (Period, Money, EntityRef, Party,
// Signatory, Threshold, RequisitionRule, VoteCast, Target, Provenance) have
// nowhere to keep such data, so an unknown key there is an error rather than
// data silently lost. A document of a newer version is refused outright.

#include "io/upgrade.hpp"

#include <samverkan/io/archive.hpp>
#include <samverkan/io/json.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <concepts>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <limits>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <unordered_set>
#include <utility>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE

namespace {

// Insertion order is the output order, which is what makes output deterministic.
using json = nlohmann::ordered_json;
using Keys = std::span<const std::string_view>;

// ---- the keys of each object, in output order ----
//
// One list per type serves both directions: the reader treats any other key
// as unknown, the writer refuses to restore an unknown key that would shadow
// one of these.

constexpr std::string_view document_keys[] = {"schema",      "version",      "organisations", "people",
                                              "memberships", "meetings",     "action_items",  "agreements",
                                              "plans",       "funding_pots", "allocations",   "indicators"};
constexpr std::string_view money_keys[] = {"ore", "currency", "approximate"};
constexpr std::string_view period_keys[] = {"start", "end"};
constexpr std::string_view entity_ref_keys[] = {"kind", "id"};
constexpr std::string_view provenance_keys[] = {"document", "first_line", "last_line"};

constexpr std::string_view organisation_keys[] = {"id",     "name",       "aliases",   "kind", "organisation_number",
                                                  "parent", "extensions", "provenance"};
constexpr std::string_view person_keys[] = {"id", "name", "title", "organisation", "extensions", "provenance"};
constexpr std::string_view membership_keys[] = {"id",     "person",       "organisation",   "role",
                                                "role_title", "period",   "on_behalf_of",   "substitute_for",
                                                "extensions", "provenance"};

constexpr std::string_view attendance_keys[] = {"person",         "represents", "status", "roles",      "coopted_for_items",
                                                "substitute_for", "party",      "note",   "extensions", "provenance"};
constexpr std::string_view vote_cast_keys[] = {"person", "option"};
constexpr std::string_view vote_keys[] = {"question", "yes", "no", "abstain", "votes", "extensions"};
constexpr std::string_view reservation_keys[] = {"person", "text", "extensions"};
constexpr std::string_view decision_keys[] = {"id",         "kind",  "procedural",   "text",       "proposal",  "body",
                                              "references", "votes", "reservations", "extensions", "provenance"};
constexpr std::string_view escalation_keys[] = {"what", "to", "extensions", "provenance"};
constexpr std::string_view agenda_item_keys[] = {"number",      "order",     "title",   "purposes",    "presenters",
                                                 "text",        "case_number", "decisions", "escalations", "amounts",
                                                 "dates",       "attachments", "extensions", "provenance"};
constexpr std::string_view meeting_keys[] = {"id",         "record_kind", "body",  "title",      "date",
                                             "start",      "end",         "place", "form",       "attendance",
                                             "items",      "adjusted_on", "next_meeting", "extensions", "provenance"};
constexpr std::string_view action_item_keys[] = {"id",      "what",        "owner_person", "owner_organisation",
                                                 "due",     "status",      "meeting",      "item_number",
                                                 "decision", "extensions", "provenance"};

constexpr std::string_view party_keys[] = {"organisation", "roles"};
constexpr std::string_view signatory_keys[] = {"person", "name", "title", "organisation", "place", "date"};
constexpr std::string_view block_keys[] = {"key", "title", "amount", "purpose", "extensions"};
constexpr std::string_view threshold_keys[] = {"comparator", "value", "unit"};
constexpr std::string_view condition_keys[] = {"key",   "kind",  "text",       "indicator",
                                               "threshold", "block", "extensions", "provenance"};
constexpr std::string_view obligation_keys[] = {"what",   "by",         "to",        "deadline",
                                                "status", "extensions", "provenance"};
constexpr std::string_view payment_keys[] = {"amount", "date",  "condition", "condition_keys", "block",
                                             "payer",  "payee", "status",    "extensions",     "provenance"};
constexpr std::string_view requisition_keys[] = {"text", "from", "deadline"};
constexpr std::string_view amendment_keys[] = {"kind",       "date",      "text",       "new_validity", "new_total",
                                               "decided_by", "reference", "extensions", "provenance"};
constexpr std::string_view agreement_keys[] = {"id",         "title",       "short_name",   "case_number",
                                               "parties",    "signatories", "validity",     "total",
                                               "blocks",     "conditions",  "obligations",  "payments",
                                               "requisition_rules", "amendments", "extensions", "provenance"};

constexpr std::string_view plan_extension_keys[] = {"new_end",   "decided_on", "decided_by",
                                                    "reference", "extensions", "provenance"};
constexpr std::string_view goal_keys[] = {"id",     "number",     "title",     "description",
                                          "parent", "indicators", "extensions", "provenance"};
constexpr std::string_view activity_keys[] = {"id",    "number",      "title",  "description", "goals",
                                              "level", "responsible", "period", "extensions",  "provenance"};
constexpr std::string_view funding_line_keys[] = {"id",   "amount", "activity", "goal",       "pot",
                                                  "year", "budget", "text",     "extensions", "provenance"};
constexpr std::string_view plan_keys[] = {"id",     "title",     "period",     "period_extensions", "owners",
                                          "level",  "parent",    "agreement",  "goals",             "activities",
                                          "funding", "extensions", "provenance"};

constexpr std::string_view pot_keys[] = {"id",     "name",    "amount", "agreement",  "block",     "year",
                                         "period", "purpose", "parent", "extensions", "provenance"};
constexpr std::string_view share_keys[] = {"recipient", "amount", "explanation", "extensions"};
constexpr std::string_view allocation_keys[] = {"id",     "pot",           "rule",
                                                "rule_description", "shares", "undistributed",
                                                "undistributed_reason", "extensions", "provenance"};

constexpr std::string_view target_keys[] = {"value", "kind", "period", "note"};
constexpr std::string_view observation_keys[] = {"organisation", "period", "value", "note", "extensions", "provenance"};
constexpr std::string_view indicator_keys[] = {"id",         "name",    "area",         "serves",
                                               "unit",       "direction", "definition", "targets",
                                               "observations", "extensions", "provenance"};

bool is_known(Keys keys, std::string_view key) { return std::find(keys.begin(), keys.end(), key) != keys.end(); }

std::string list_keys(Keys keys) {
  std::string out;
  for (const auto key : keys) {
    if (!out.empty()) out += ", ";
    out += key;
  }
  return out;
}

std::string child(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string element(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

// ---- reading JSON text into a tree, bounded ----
//
// nlohmann's own DOM parser keeps the last of two equal keys (silently
// dropping a whole table when "organisations" is given twice), inserts into
// an ordered object by a linear search per key (quadratic in the number of
// keys), and builds trees of any depth that its recursive dump() then cannot
// write without overflowing the stack. This builder, fed by the SAX parser,
// refuses a repeated key with its path, appends members without a search,
// and refuses nesting deeper than max_json_depth.

class TreeBuilder {
 public:
  struct Failure {
    std::string path;
    std::string message;
    /// For syntax errors: the byte offset the parser reports (from 1).
    std::size_t byte = 0;
    bool syntax = false;
  };

  explicit TreeBuilder(json& root) : root_(root) {}

  bool null() { return put(json(nullptr)); }
  bool boolean(bool value) { return put(json(value)); }
  bool number_integer(json::number_integer_t value) { return put(json(value)); }
  bool number_unsigned(json::number_unsigned_t value) { return put(json(value)); }
  bool number_float(json::number_float_t value, const json::string_t&) { return put(json(value)); }
  bool string(json::string_t& value) { return put(json(std::move(value))); }
  bool binary(json::binary_t& value) { return put(json::binary(std::move(value))); }
  bool start_object(std::size_t) { return open(json::object()); }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(json::string_t& name) {
    Level& level = levels_.back();
    if (!level.keys.insert(name).second) {
      level.key = std::move(name);
      return refuse("the key appears twice in this object; a key may be given once");
    }
    level.key = std::move(name);
    return true;
  }
  bool parse_error(std::size_t byte, const std::string&, const nlohmann::detail::exception& error) {
    failure_ = Failure{{}, error.what(), byte, true};
    return false;
  }

  const std::optional<Failure>& failure() const noexcept { return failure_; }

 private:
  struct Level {
    json* container;
    std::string key;  // the member being read, in an object
    std::unordered_set<std::string> keys;
  };

  // Appends without the ordered object's linear search: key() has already
  // made sure the key is new.
  json* place(json value) {
    if (levels_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    json& container = *levels_.back().container;
    if (container.is_array()) {
      auto& array = container.get_ref<json::array_t&>();
      array.push_back(std::move(value));
      return &array.back();
    }
    auto& object = container.get_ref<json::object_t&>();
    object.emplace_back(levels_.back().key, std::move(value));
    return &object.back().second;
  }
  bool put(json value) {
    place(std::move(value));
    return true;
  }
  bool open(json container) {
    if (levels_.size() >= max_json_depth)
      return refuse("nested deeper than " + std::to_string(max_json_depth) + " levels of arrays and objects");
    json* placed = place(std::move(container));
    levels_.push_back(Level{placed, {}, {}});
    return true;
  }
  bool close() {
    levels_.pop_back();
    return true;
  }
  bool refuse(std::string message) {
    failure_ = Failure{path(), std::move(message), 0, false};
    return false;
  }
  // The path of the value being read, shortened in the middle when deep.
  std::string path() const {
    std::string out;
    constexpr std::size_t shown = 8;
    for (std::size_t i = 0; i < levels_.size(); ++i) {
      if (levels_.size() > 2 * shown && i == shown) {
        out += "...";
        i = levels_.size() - shown;
      }
      const Level& level = levels_[i];
      if (level.container->is_array())
        out = element(out, level.container->size() - (i + 1 < levels_.size() ? 1 : 0));
      else
        out = child(out, level.key);
    }
    return out;
  }

  json& root_;
  std::vector<Level> levels_;
  std::optional<Failure> failure_;
};

// Parses JSON text with TreeBuilder's bounds; nullopt with `failure` set
// when the text is not JSON or breaks a bound.
std::optional<json> parse_bounded(std::string_view text, std::optional<TreeBuilder::Failure>* failure = nullptr) {
  json root;
  TreeBuilder builder(root);
  const bool ok = json::sax_parse(text.begin(), text.end(), &builder);
  if (ok && !builder.failure()) return root;
  if (failure) {
    *failure = builder.failure();
    if (!*failure) *failure = TreeBuilder::Failure{{}, "malformed JSON", 0, true};
  }
  return std::nullopt;
}

constexpr std::string_view extension_prefix = "json.";

// JSON numbers cannot express these; JSON5 and Python spell them so.
constexpr std::string_view not_a_number = "NaN";
constexpr std::string_view infinity = "Infinity";
constexpr std::string_view minus_infinity = "-Infinity";

// ================================ writing ================================

struct Encode {
  static json of(const std::string& text) { return text; }
  static json of(bool flag) { return flag; }
  static json of(double value);
  template <std::integral I>
    requires(!std::same_as<I, bool>)
  static json of(I value) {
    return value;
  }
  template <vocabulary E>
  static json of(E value) {
    return std::string(to_string(value));
  }
  template <EntityKind K>
  static json of(const Id<K>& id) {
    return id.str();
  }
  static json of(const Date& date) {
    // What parse_date would refuse is not written: the file must load again.
    if (!is_valid_date(date))
      throw value_error("cannot write " + format_date(date) + " as a date (days of years 1-9999 only)");
    return format_date(date);
  }
  static json of(const TimeOfDay& time) { return time.str(); }
  static json of(const Money& money);
  static json of(const Period& period);
  static json of(const EntityRef& ref);
  static json of(const Provenance& provenance);
  template <class T>
  static json of(const std::vector<T>& values) {
    json array = json::array();
    for (const auto& value : values) array.push_back(of(value));
    return array;
  }
  template <class T>
  static json of(const std::optional<T>& value) {
    return value ? of(*value) : json(nullptr);
  }

  static json of(const Organisation&);
  static json of(const Person&);
  static json of(const Membership&);
  static json of(const Attendance&);
  static json of(const VoteCast&);
  static json of(const Vote&);
  static json of(const Reservation&);
  static json of(const Decision&);
  static json of(const Escalation&);
  static json of(const AgendaItem&);
  static json of(const Meeting&);
  static json of(const ActionItem&);
  static json of(const Party&);
  static json of(const Signatory&);
  static json of(const AgreementBlock&);
  static json of(const Threshold&);
  static json of(const Condition&);
  static json of(const ReportingObligation&);
  static json of(const Payment&);
  static json of(const RequisitionRule&);
  static json of(const Amendment&);
  static json of(const Agreement&);
  static json of(const PlanExtension&);
  static json of(const Goal&);
  static json of(const Activity&);
  static json of(const FundingLine&);
  static json of(const ActionPlan&);
  static json of(const FundingPot&);
  static json of(const AllocationShare&);
  static json of(const Allocation&);
  static json of(const Target&);
  static json of(const Observation&);
  static json of(const Indicator&);
};

// What "unset" means for the omission rule of the layout.
bool is_blank(const std::string& text) { return text.empty(); }
// A flag is written only when set: false is the default and the common case.
bool is_blank(bool flag) { return !flag; }
bool is_blank(const Period& period) { return !period.start && !period.end; }
template <class T>
bool is_blank(const std::vector<T>& values) {
  return values.empty();
}
template <class T>
bool is_blank(const std::optional<T>& value) {
  return !value.has_value();
}
template <class T>
bool is_blank(const T&) {
  return false;
}

// Builds one object in the order its members are given.
class Out {
 public:
  explicit Out(Keys keys) : keys_(keys), object_(json::object()) {}

  /// Written whatever its value: required members, vocabularies, amounts.
  template <class T>
  Out& always(std::string_view key, const T& value) {
    try {
      object_[std::string(key)] = Encode::of(value);
    } catch (const value_error& e) {
      throw value_error(std::string(key) + ": " + e.what());
    }
    return *this;
  }
  /// Left out when unset or empty.
  template <class T>
  Out& field(std::string_view key, const T& value) {
    if (!is_blank(value)) always(key, value);
    return *this;
  }
  /// Extensions that came from unknown keys go back to their own key at the
  /// end; the rest is written under "extensions".
  Out& extensions(const Extensions& extensions) {
    // Appended, not inserted by key: the keys of a map are distinct, and an
    // ordered object's insertion searches linearly (quadratic over many keys).
    json rest = json::object();
    auto& members = rest.get_ref<json::object_t&>();
    for (const auto& [key, value] : extensions) {
      if (auto restored = restorable(key, value))
        restored_.emplace_back(key.substr(extension_prefix.size()), std::move(*restored));
      else
        members.emplace_back(key, value);
    }
    if (!rest.empty()) object_["extensions"] = std::move(rest);
    return *this;
  }
  json done() {
    // Restored keys are no member of this object (restorable() checks) and
    // distinct among themselves, so they are appended without a search.
    auto& members = object_.get_ref<json::object_t&>();
    for (auto& [key, value] : restored_) members.emplace_back(std::move(key), std::move(value));
    return std::move(object_);
  }

 private:
  // Only what reading back turns into the very same extension may leave the
  // "extensions" object: a key that is no member of this object, holding JSON
  // text in exactly the form the reader stores.
  std::optional<json> restorable(const std::string& key, const std::string& value) const {
    if (!key.starts_with(extension_prefix)) return std::nullopt;
    const std::string_view name = std::string_view(key).substr(extension_prefix.size());
    if (name.empty() || is_known(keys_, name)) return std::nullopt;
    // Bounded: an extension may hold any text, also one nested too deep
    // for dump() to write back; that one stays a string under "extensions".
    auto parsed = parse_bounded(value);
    if (!parsed || parsed->dump() != value) return std::nullopt;
    return parsed;
  }

  Keys keys_;
  json object_;
  std::vector<std::pair<std::string, json>> restored_;
};

json Encode::of(double value) {
  if (std::isnan(value)) return std::string(not_a_number);
  if (std::isinf(value)) return std::string(value > 0 ? infinity : minus_infinity);
  return value;
}

json Encode::of(const Money& money) {
  json out = json::object();
  out["ore"] = money.ore();
  out["currency"] = money.currency().code();
  if (money.approximate()) out["approximate"] = true;
  return out;
}

json Encode::of(const Period& period) {
  json out = json::object();
  out["start"] = of(period.start);
  out["end"] = of(period.end);
  return out;
}

json Encode::of(const EntityRef& ref) {
  json out = json::object();
  out["kind"] = of(ref.kind);
  out["id"] = ref.id;
  return out;
}

json Encode::of(const Provenance& p) {
  return Out(provenance_keys)
      .always("document", p.document)
      .always("first_line", p.first_line)
      .always("last_line", p.last_line)
      .done();
}

json Encode::of(const Organisation& r) {
  return Out(organisation_keys)
      .always("id", r.id)
      .always("name", r.name)
      .field("aliases", r.aliases)
      .always("kind", r.kind)
      .field("organisation_number", r.organisation_number)
      .field("parent", r.parent)
      .extensions(r.extensions)
      .field("provenance", r.provenance)
      .done();
}

json Encode::of(const Person& r) {
  return Out(person_keys)
      .always("id", r.id)
      .always("name", r.name)
      .field("title", r.title)
      .field("organisation", r.organisation)
      .extensions(r.extensions)
      .field("provenance", r.provenance)
      .done();
}

json Encode::of(const Membership& r) {
  return Out(membership_keys)
      .always("id", r.id)
      .always("person", r.person)
      .always("organisation", r.organisation)
      .always("role", r.role)
      .field("role_title", r.role_title)
      .field("period", r.period)
      .field("on_behalf_of", r.on_behalf_of)
      .field("substitute_for", r.substitute_for)
      .extensions(r.extensions)
      .field("provenance", r.provenance)
      .done();
}

json Encode::of(const Attendance& r) {
  return Out(attendance_keys)
      .always("person", r.person)
      .field("represents", r.represents)
      .always("status", r.status)
      .field("roles", r.roles)
      .field("coopted_for_items", r.coopted_for_items)
      .field("substitute_for", r.substitute_for)
      .field("party", r.party)
      .field("note", r.note)
      .extensions(r.extensions)
      .field("provenance", r.provenance)
      .done();
}

json Encode::of(const VoteCast& r) {
  return Out(vote_cast_keys).always("person", r.person).always("option", r.option).done();
}

json Encode::of(const Vote& r) {
  return Out(vote_keys)
      .field("question", r.question)
      .always("yes", r.yes)
      .always("no", r.no)
      .always("abstain", r.abstain)
      .field("votes", r.votes)
      .extensions(r.extensions)
      .done();
}

json Encode::of(const Reservation& r) {
  return Out(reservation_keys).always("person", r.person).field("text", r.text).extensions(r.extensions).done();
}

json Encode::of(const Decision& r) {
  return Out(decision_keys)
      .field("id", r.id.str())
      .always("kind", r.kind)
      .field("procedural", r.procedural)
      .field("text", r.text)
      .field("proposal", r.proposal)
      .field("body", r.body)
      .field("references", r.references)
      .field("votes", r.votes)
      .field("reservations", r.reservations)
      .extensions(r.extensions)
      .field("provenance", r.provenance)
      .done();
}

json Encode::of(const Escalation& r) {
  return Out(escalation_keys)
      .field("what", r.what)
      .field("to", r.to)
      .extensions(r.extensions)
      .field("provenance", r.provenance)
      .done();
}

json Encode::of(const AgendaItem& r) {
  return Out(agenda_item_keys)
      .field("number", r.number)
      .always("order", r.order)
      .field("title", r.title)
      .field("purposes", r.purposes)
      .field("presenters", r.presenters)
      .field("text", r.text)
      .field("case_number", r.case_number)
      .field("decisions", r.decisions)
      .field("escalations", r.escalations)
      .field("amounts", r.amounts)
      .field("dates", r.dates)
      .field("attachments", r.attachments)
      .extensions(r.extensions)
      .field("provenance", r.provenance)
      .done();
}

json Encode::of(const Meeting& r) {
  return Out(meeting_keys)
      .always("id", r.id)
      .always("record_kind", r.record_kind)
      .always("body", r.body)
      .field("title", r.title)
      .field("date", r.date)
      .field("start", r.start)
      .field("end", r.end)
      .field("place", r.place)
      .always("form", r.form)
      .field("attendance", r.attendance)
      .field("items", r.items)
      .field("adjusted_on", r.adjusted_on)
      .field("next_meeting", r.next_meeting)
      .extensions(r.extensions)
      .field("provenance", r.provenance)
      .done();
}

json Encode::of(const ActionItem& r) {
  return Out(action_item_keys)
      .always("id", r.id)
      .always("what", r.what)
      .field("owner_person", r.owner_person)
      .field("owner_organisation", r.owner_organisation)
      .field("due", r.due)
      .always("status", r.status)
      .field("meeting", r.meeting)
      .field("item_number", r.item_number)
      .field("decision", r.decision)
      .extensions(r.extensions)
      .field("provenance", r.provenance)
      .done();
}

json Encode::of(const Party& r) {
  return Out(party_keys).always("organisation", r.organisation).field("roles", r.roles).done();
}

json Encode::of(const Signatory& r) {
  return Out(signatory_keys)
      .field("person", r.person)
      .field("name", r.name)
      .field("title", r.title)
      .field("organisation", r.organisation)
      .field("place", r.place)
      .field("date", r.date)
      .done();
}

json Encode::of(const AgreementBlock& r) {
  return Out(block_keys)
      .field("key", r.key)
      .field("title", r.title)
      .always("amount", r.amount)
      .field("purpose", r.purpose)
      .extensions(r.extensions)
      .done();
}

json Encode::of(const Threshold& r) {
  return Out(threshold_keys).always("comparator", r.comparator).always("value", r.value).field("unit", r.unit).done();
}

json Encode::of(const Condition& r) {
  return Out(condition_keys)
      .field("key", r.key)
      .always("kind", r.kind)
      .field("text", r.text)
      .field("indicator", r.indicator)
      .field("threshold", r.threshold)
      .field("block", r.block)
      .extensions(r.extensions)
      .field("provenance", r.provenance)
      .done();
}

json Encode::of(const ReportingObligation& r) {
  return Out(obligation_keys)
      .field("what", r.what)
      .field("by", r.by)
      .field("to", r.to)
      .field("deadline", r.deadline)
      .always("status", r.status)
      .extensions(r.extensions)
      .field("provenance", r.provenance)
      .done();
}

json Encode::of(const Payment& r) {
  return Out(payment_keys)
      .always("amount", r.amount)
      .field("date", r.date)
      .field("condition", r.condition)
      .field("condition_keys", r.condition_keys)
      .field("block", r.block)
      .field("payer", r.payer)
      .field("payee", r.payee)
      .always("status", r.status)
      .extensions(r.extensions)
      .field("provenance", r.provenance)
      .done();
}

json Encode::of(const RequisitionRule& r) {
  return Out(requisition_keys).field("text", r.text).field("from", r.from).field("deadline", r.deadline).done();
}

json Encode::of(const Amendment& r) {
  return Out(amendment_keys)
      .always("kind", r.kind)
      .field("date", r.date)
      .field("text", r.text)
      .field("new_validity", r.new_validity)
      .field("new_total", r.new_total)
      .field("decided_by", r.decided_by)
      .field("reference", r.reference)
      .extensions(r.extensions)
      .field("provenance", r.provenance)
      .done();
}

json Encode::of(const Agreement& r) {
  return Out(agreement_keys)
      .always("id", r.id)
      .always("title", r.title)
      .field("short_name", r.short_name)
      .field("case_number", r.case_number)
      .field("parties", r.parties)
      .field("signatories", r.signatories)
      .field("validity", r.validity)
      .field("total", r.total)
      .field("blocks", r.blocks)
      .field("conditions", r.conditions)
      .field("obligations", r.obligations)
      .field("payments", r.payments)
      .field("requisition_rules", r.requisition_rules)
      .field("amendments", r.amendments)
      .extensions(r.extensions)
      .field("provenance", r.provenance)
      .done();
}

json Encode::of(const PlanExtension& r) {
  return Out(plan_extension_keys)
      .always("new_end", r.new_end)
      .field("decided_on", r.decided_on)
      .field("decided_by", r.decided_by)
      .field("reference", r.reference)
      .extensions(r.extensions)
      .field("provenance", r.provenance)
      .done();
}

json Encode::of(const Goal& r) {
  return Out(goal_keys)
      .field("id", r.id.str())
      .field("number", r.number)
      .field("title", r.title)
      .field("description", r.description)
      .field("parent", r.parent)
      .field("indicators", r.indicators)
      .extensions(r.extensions)
      .field("provenance", r.provenance)
      .done();
}

json Encode::of(const Activity& r) {
  return Out(activity_keys)
      .field("id", r.id.str())
      .field("number", r.number)
      .field("title", r.title)
      .field("description", r.description)
      .field("goals", r.goals)
      .always("level", r.level)
      .field("responsible", r.responsible)
      .field("period", r.period)
      .extensions(r.extensions)
      .field("provenance", r.provenance)
      .done();
}

json Encode::of(const FundingLine& r) {
  return Out(funding_line_keys)
      .field("id", r.id.str())
      .always("amount", r.amount)
      .field("activity", r.activity)
      .field("goal", r.goal)
      .field("pot", r.pot)
      .field("year", r.year)
      .always("budget", r.budget)
      .field("text", r.text)
      .extensions(r.extensions)
      .field("provenance", r.provenance)
      .done();
}

json Encode::of(const ActionPlan& r) {
  return Out(plan_keys)
      .always("id", r.id)
      .always("title", r.title)
      .field("period", r.period)
      .field("period_extensions", r.period_extensions)
      .field("owners", r.owners)
      .always("level", r.level)
      .field("parent", r.parent)
      .field("agreement", r.agreement)
      .field("goals", r.goals)
      .field("activities", r.activities)
      .field("funding", r.funding)
      .extensions(r.extensions)
      .field("provenance", r.provenance)
      .done();
}

json Encode::of(const FundingPot& r) {
  return Out(pot_keys)
      .always("id", r.id)
      .always("name", r.name)
      .always("amount", r.amount)
      .field("agreement", r.agreement)
      .field("block", r.block)
      .field("year", r.year)
      .field("period", r.period)
      .field("purpose", r.purpose)
      .field("parent", r.parent)
      .extensions(r.extensions)
      .field("provenance", r.provenance)
      .done();
}

json Encode::of(const AllocationShare& r) {
  return Out(share_keys)
      .always("recipient", r.recipient)
      .always("amount", r.amount)
      .field("explanation", r.explanation)
      .extensions(r.extensions)
      .done();
}

json Encode::of(const Allocation& r) {
  return Out(allocation_keys)
      .always("id", r.id)
      .always("pot", r.pot)
      .field("rule", r.rule)
      .field("rule_description", r.rule_description)
      .field("shares", r.shares)
      .always("undistributed", r.undistributed)
      .field("undistributed_reason", r.undistributed_reason)
      .extensions(r.extensions)
      .field("provenance", r.provenance)
      .done();
}

json Encode::of(const Target& r) {
  return Out(target_keys)
      .always("value", r.value)
      .always("kind", r.kind)
      .field("period", r.period)
      .field("note", r.note)
      .done();
}

json Encode::of(const Observation& r) {
  return Out(observation_keys)
      .field("organisation", r.organisation)
      .field("period", r.period)
      .always("value", r.value)
      .field("note", r.note)
      .extensions(r.extensions)
      .field("provenance", r.provenance)
      .done();
}

json Encode::of(const Indicator& r) {
  return Out(indicator_keys)
      .always("id", r.id)
      .always("name", r.name)
      .field("area", r.area)
      .field("serves", r.serves)
      .field("unit", r.unit)
      .always("direction", r.direction)
      .field("definition", r.definition)
      .field("targets", r.targets)
      .field("observations", r.observations)
      .extensions(r.extensions)
      .field("provenance", r.provenance)
      .done();
}

template <corpus_record T>
json table(const Corpus& corpus) {
  json array = json::array();
  for (const auto& [id, record] : corpus.all<T>()) {
    try {
      array.push_back(Encode::of(record));
    } catch (const value_error& e) {
      // Say which record: the value alone is not enough to find it.
      throw value_error(id.str() + ": " + e.what());
    }
  }
  return array;
}

json document(const Corpus& corpus) {
  json doc = json::object();
  doc["schema"] = std::string(json_schema);
  doc["version"] = json_version;
  doc["organisations"] = table<Organisation>(corpus);
  doc["people"] = table<Person>(corpus);
  doc["memberships"] = table<Membership>(corpus);
  doc["meetings"] = table<Meeting>(corpus);
  doc["action_items"] = table<ActionItem>(corpus);
  doc["agreements"] = table<Agreement>(corpus);
  doc["plans"] = table<ActionPlan>(corpus);
  doc["funding_pots"] = table<FundingPot>(corpus);
  doc["allocations"] = table<Allocation>(corpus);
  doc["indicators"] = table<Indicator>(corpus);
  return doc;
}

bool is_valid_utf8(const std::string& text) {
  try {
    (void)json(text).dump();
    return true;
  } catch (const json::type_error&) {
    return false;
  }
}

// The path of the first string (or key) the serialiser refuses, to name the
// field in the error instead of leaving the user to search the whole corpus.
std::optional<std::string> find_invalid_utf8(const json& value, const std::string& path) {
  if (value.is_string()) {
    if (!is_valid_utf8(value.get_ref<const std::string&>())) return path;
  } else if (value.is_object()) {
    for (const auto& [key, member] : value.items()) {
      if (!is_valid_utf8(key)) return path + " (a key)";
      if (auto found = find_invalid_utf8(member, child(path, key))) return found;
    }
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i)
      if (auto found = find_invalid_utf8(value[i], element(path, i))) return found;
  }
  return std::nullopt;
}

// ================================ reading ================================

class Fields;

// Reads values into members, naming the source and the path of the value in
// every error.
class Reader {
 public:
  explicit Reader(std::string source) : source_(std::move(source)) {}

  [[noreturn]] void fail(const std::string& path, const std::string& what) const {
    throw parse_error(path.empty() ? what : path + ": " + what, source_);
  }
  [[noreturn]] void wrong_type(const json& value, const std::string& path, std::string_view expected) const {
    fail(path, "expected " + std::string(expected) + ", found " + std::string(value.type_name()));
  }
  const std::string& source() const noexcept { return source_; }

  void read(const json& value, const std::string& path, std::string& out) const;
  void read(const json& value, const std::string& path, bool& out) const;
  void read(const json& value, const std::string& path, double& out) const;
  template <std::integral I>
    requires(!std::same_as<I, bool>)
  void read(const json& value, const std::string& path, I& out) const {
    if (!value.is_number_integer()) wrong_type(value, path, "an integer");
    const bool fits = value.is_number_unsigned() ? std::in_range<I>(value.get<std::uint64_t>())
                                                 : std::in_range<I>(value.get<std::int64_t>());
    if (!fits)
      fail(path, value.dump() + " is out of range (" + std::to_string(std::numeric_limits<I>::min()) + " to " +
                     std::to_string(std::numeric_limits<I>::max()) + ")");
    out = value.is_number_unsigned() ? static_cast<I>(value.get<std::uint64_t>())
                                     : static_cast<I>(value.get<std::int64_t>());
  }
  template <vocabulary E>
  void read(const json& value, const std::string& path, E& out) const {
    if (!value.is_string()) wrong_type(value, path, "a string");
    try {
      out = from_string<E>(value.get_ref<const std::string&>());
    } catch (const error& e) {
      fail(path, e.what());
    }
  }
  template <EntityKind K>
  void read(const json& value, const std::string& path, Id<K>& out) const {
    if (!value.is_string()) wrong_type(value, path, "an id (a string)");
    out = Id<K>(value.get<std::string>());
  }
  void read(const json& value, const std::string& path, Date& out) const;
  void read(const json& value, const std::string& path, TimeOfDay& out) const;
  void read(const json& value, const std::string& path, Money& out) const;
  void read(const json& value, const std::string& path, Period& out) const;
  void read(const json& value, const std::string& path, EntityRef& out) const;
  void read(const json& value, const std::string& path, Provenance& out) const;
  template <class T>
  void read(const json& value, const std::string& path, std::vector<T>& out) const {
    if (!value.is_array()) wrong_type(value, path, "an array");
    out.clear();
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
      T item{};
      read(value[i], element(path, i), item);
      out.push_back(std::move(item));
    }
  }
  template <class T>
  void read(const json& value, const std::string& path, std::optional<T>& out) const {
    T item{};
    read(value, path, item);
    out = std::move(item);
  }

  void read(const json& value, const std::string& path, Organisation& out) const;
  void read(const json& value, const std::string& path, Person& out) const;
  void read(const json& value, const std::string& path, Membership& out) const;
  void read(const json& value, const std::string& path, Attendance& out) const;
  void read(const json& value, const std::string& path, VoteCast& out) const;
  void read(const json& value, const std::string& path, Vote& out) const;
  void read(const json& value, const std::string& path, Reservation& out) const;
  void read(const json& value, const std::string& path, Decision& out) const;
  void read(const json& value, const std::string& path, Escalation& out) const;
  void read(const json& value, const std::string& path, AgendaItem& out) const;
  void read(const json& value, const std::string& path, Meeting& out) const;
  void read(const json& value, const std::string& path, ActionItem& out) const;
  void read(const json& value, const std::string& path, Party& out) const;
  void read(const json& value, const std::string& path, Signatory& out) const;
  void read(const json& value, const std::string& path, AgreementBlock& out) const;
  void read(const json& value, const std::string& path, Threshold& out) const;
  void read(const json& value, const std::string& path, Condition& out) const;
  void read(const json& value, const std::string& path, ReportingObligation& out) const;
  void read(const json& value, const std::string& path, Payment& out) const;
  void read(const json& value, const std::string& path, RequisitionRule& out) const;
  void read(const json& value, const std::string& path, Amendment& out) const;
  void read(const json& value, const std::string& path, Agreement& out) const;
  void read(const json& value, const std::string& path, PlanExtension& out) const;
  void read(const json& value, const std::string& path, Goal& out) const;
  void read(const json& value, const std::string& path, Activity& out) const;
  void read(const json& value, const std::string& path, FundingLine& out) const;
  void read(const json& value, const std::string& path, ActionPlan& out) const;
  void read(const json& value, const std::string& path, FundingPot& out) const;
  void read(const json& value, const std::string& path, AllocationShare& out) const;
  void read(const json& value, const std::string& path, Allocation& out) const;
  void read(const json& value, const std::string& path, Target& out) const;
  void read(const json& value, const std::string& path, Observation& out) const;
  void read(const json& value, const std::string& path, Indicator& out) const;

 private:
  std::string source_;
};

enum class Openness {
  // Unknown keys become extensions "json.<key>".
  open,
  // The type has no extensions; an unknown key is an error.
  closed,
};

// The members of one JSON object being read into a record.
class Fields {
 public:
  Fields(const Reader& reader, const json& value, const std::string& path, Keys keys, Openness openness)
      : reader_(reader), value_(value), path_(path), keys_(keys) {
    if (!value.is_object()) reader.wrong_type(value, path, "an object");
    if (openness == Openness::closed)
      for (const auto& [key, member] : value.items())
        if (!is_known(keys, key)) reader.fail(child(path, key), "unknown key; expected one of: " + list_keys(keys));
  }

  /// Leaves `out` as it is when the key is missing or null.
  template <class T>
  void optional(std::string_view key, T& out) const {
    if (const json* member = find(key)) reader_.read(*member, child(path_, key), out);
  }
  template <class T>
  void required(std::string_view key, T& out) const {
    const json* member = find(key);
    if (!member) {
      const auto it = value_.find(key);
      reader_.fail(child(path_, key), it == value_.end() ? "required but missing" : "required but null");
    }
    reader_.read(*member, child(path_, key), out);
  }
  /// "extensions" together with every unknown key.
  void extensions(Extensions& out) const {
    out.clear();
    if (const json* member = find("extensions")) {
      const std::string path = child(path_, "extensions");
      if (!member->is_object()) reader_.wrong_type(*member, path, "an object of strings");
      for (const auto& [key, text] : member->items()) {
        if (!text.is_string()) reader_.wrong_type(text, child(path, key), "a string");
        out.emplace(key, text.get<std::string>());
      }
    }
    for (const auto& [key, member] : value_.items()) {
      if (is_known(keys_, key)) continue;
      const std::string name = std::string(extension_prefix) + key;
      if (out.count(name))
        reader_.fail(child(path_, key), "the key is also given as extensions[\"" + name + "\"]; keep one of them");
      out.emplace(name, member.dump());
    }
  }

 private:
  const json* find(std::string_view key) const {
    const auto it = value_.find(key);
    return it == value_.end() || it->is_null() ? nullptr : &*it;
  }

  const Reader& reader_;
  const json& value_;
  const std::string& path_;
  Keys keys_;
};

void Reader::read(const json& value, const std::string& path, std::string& out) const {
  if (!value.is_string()) wrong_type(value, path, "a string");
  out = value.get<std::string>();
}

void Reader::read(const json& value, const std::string& path, bool& out) const {
  if (!value.is_boolean()) wrong_type(value, path, "true or false");
  out = value.get<bool>();
}

void Reader::read(const json& value, const std::string& path, double& out) const {
  if (value.is_number()) {
    out = value.get<double>();
  } else if (value.is_string() && value.get_ref<const std::string&>() == not_a_number) {
    out = std::numeric_limits<double>::quiet_NaN();
  } else if (value.is_string() && value.get_ref<const std::string&>() == infinity) {
    out = std::numeric_limits<double>::infinity();
  } else if (value.is_string() && value.get_ref<const std::string&>() == minus_infinity) {
    out = -std::numeric_limits<double>::infinity();
  } else {
    wrong_type(value, path, "a number");
  }
}

void Reader::read(const json& value, const std::string& path, Date& out) const {
  if (!value.is_string()) wrong_type(value, path, "a date (\"YYYY-MM-DD\")");
  try {
    out = parse_date(value.get_ref<const std::string&>());
  } catch (const error& e) {
    fail(path, e.what());
  }
}

void Reader::read(const json& value, const std::string& path, TimeOfDay& out) const {
  if (!value.is_string()) wrong_type(value, path, "a time of day (\"HH:MM\")");
  try {
    out = TimeOfDay::parse(value.get_ref<const std::string&>());
  } catch (const error& e) {
    fail(path, e.what());
  }
}

void Reader::read(const json& value, const std::string& path, Money& out) const {
  const Fields f(*this, value, path, money_keys, Openness::closed);
  std::int64_t ore = 0;
  std::string code = Currency::sek().code();
  bool approximate = false;
  f.required("ore", ore);
  f.optional("currency", code);
  f.optional("approximate", approximate);
  try {
    out = Money::from_ore(ore, Currency(code), approximate);
  } catch (const error& e) {
    fail(child(path, "currency"), e.what());
  }
}

void Reader::read(const json& value, const std::string& path, Period& out) const {
  const Fields f(*this, value, path, period_keys, Openness::closed);
  out = Period{};
  f.optional("start", out.start);
  f.optional("end", out.end);
}

void Reader::read(const json& value, const std::string& path, EntityRef& out) const {
  const Fields f(*this, value, path, entity_ref_keys, Openness::closed);
  f.required("kind", out.kind);
  f.required("id", out.id);
}

void Reader::read(const json& value, const std::string& path, Provenance& out) const {
  const Fields f(*this, value, path, provenance_keys, Openness::closed);
  f.required("document", out.document);
  f.optional("first_line", out.first_line);
  f.optional("last_line", out.last_line);
}

void Reader::read(const json& value, const std::string& path, Organisation& r) const {
  const Fields f(*this, value, path, organisation_keys, Openness::open);
  f.required("id", r.id);
  f.required("name", r.name);
  f.optional("aliases", r.aliases);
  f.optional("kind", r.kind);
  f.optional("organisation_number", r.organisation_number);
  f.optional("parent", r.parent);
  f.extensions(r.extensions);
  f.optional("provenance", r.provenance);
}

void Reader::read(const json& value, const std::string& path, Person& r) const {
  const Fields f(*this, value, path, person_keys, Openness::open);
  f.required("id", r.id);
  f.required("name", r.name);
  f.optional("title", r.title);
  f.optional("organisation", r.organisation);
  f.extensions(r.extensions);
  f.optional("provenance", r.provenance);
}

void Reader::read(const json& value, const std::string& path, Membership& r) const {
  const Fields f(*this, value, path, membership_keys, Openness::open);
  f.required("id", r.id);
  f.required("person", r.person);
  f.required("organisation", r.organisation);
  f.optional("role", r.role);
  f.optional("role_title", r.role_title);
  f.optional("period", r.period);
  f.optional("on_behalf_of", r.on_behalf_of);
  f.optional("substitute_for", r.substitute_for);
  f.extensions(r.extensions);
  f.optional("provenance", r.provenance);
}

void Reader::read(const json& value, const std::string& path, Attendance& r) const {
  const Fields f(*this, value, path, attendance_keys, Openness::open);
  f.required("person", r.person);
  f.optional("represents", r.represents);
  f.optional("status", r.status);
  f.optional("roles", r.roles);
  f.optional("coopted_for_items", r.coopted_for_items);
  f.optional("substitute_for", r.substitute_for);
  f.optional("party", r.party);
  f.optional("note", r.note);
  f.extensions(r.extensions);
  f.optional("provenance", r.provenance);
}

void Reader::read(const json& value, const std::string& path, VoteCast& r) const {
  const Fields f(*this, value, path, vote_cast_keys, Openness::closed);
  f.required("person", r.person);
  f.optional("option", r.option);
}

void Reader::read(const json& value, const std::string& path, Vote& r) const {
  const Fields f(*this, value, path, vote_keys, Openness::open);
  f.optional("question", r.question);
  f.optional("yes", r.yes);
  f.optional("no", r.no);
  f.optional("abstain", r.abstain);
  f.optional("votes", r.votes);
  f.extensions(r.extensions);
}

void Reader::read(const json& value, const std::string& path, Reservation& r) const {
  const Fields f(*this, value, path, reservation_keys, Openness::open);
  f.required("person", r.person);
  f.optional("text", r.text);
  f.extensions(r.extensions);
}

void Reader::read(const json& value, const std::string& path, Decision& r) const {
  const Fields f(*this, value, path, decision_keys, Openness::open);
  f.optional("id", r.id);
  f.optional("kind", r.kind);
  f.optional("procedural", r.procedural);
  f.optional("text", r.text);
  f.optional("proposal", r.proposal);
  f.optional("body", r.body);
  f.optional("references", r.references);
  f.optional("votes", r.votes);
  f.optional("reservations", r.reservations);
  f.extensions(r.extensions);
  f.optional("provenance", r.provenance);
}

void Reader::read(const json& value, const std::string& path, Escalation& r) const {
  const Fields f(*this, value, path, escalation_keys, Openness::open);
  f.optional("what", r.what);
  f.optional("to", r.to);
  f.extensions(r.extensions);
  f.optional("provenance", r.provenance);
}

void Reader::read(const json& value, const std::string& path, AgendaItem& r) const {
  const Fields f(*this, value, path, agenda_item_keys, Openness::open);
  f.optional("number", r.number);
  f.optional("order", r.order);
  f.optional("title", r.title);
  f.optional("purposes", r.purposes);
  f.optional("presenters", r.presenters);
  f.optional("text", r.text);
  f.optional("case_number", r.case_number);
  f.optional("decisions", r.decisions);
  f.optional("escalations", r.escalations);
  f.optional("amounts", r.amounts);
  f.optional("dates", r.dates);
  f.optional("attachments", r.attachments);
  f.extensions(r.extensions);
  f.optional("provenance", r.provenance);
}

void Reader::read(const json& value, const std::string& path, Meeting& r) const {
  const Fields f(*this, value, path, meeting_keys, Openness::open);
  f.required("id", r.id);
  f.optional("record_kind", r.record_kind);
  f.required("body", r.body);
  f.optional("title", r.title);
  f.optional("date", r.date);
  f.optional("start", r.start);
  f.optional("end", r.end);
  f.optional("place", r.place);
  f.optional("form", r.form);
  f.optional("attendance", r.attendance);
  f.optional("items", r.items);
  f.optional("adjusted_on", r.adjusted_on);
  f.optional("next_meeting", r.next_meeting);
  f.extensions(r.extensions);
  f.optional("provenance", r.provenance);
}

void Reader::read(const json& value, const std::string& path, ActionItem& r) const {
  const Fields f(*this, value, path, action_item_keys, Openness::open);
  f.required("id", r.id);
  f.required("what", r.what);
  f.optional("owner_person", r.owner_person);
  f.optional("owner_organisation", r.owner_organisation);
  f.optional("due", r.due);
  f.optional("status", r.status);
  f.optional("meeting", r.meeting);
  f.optional("item_number", r.item_number);
  f.optional("decision", r.decision);
  f.extensions(r.extensions);
  f.optional("provenance", r.provenance);
}

void Reader::read(const json& value, const std::string& path, Party& r) const {
  const Fields f(*this, value, path, party_keys, Openness::closed);
  f.required("organisation", r.organisation);
  f.optional("roles", r.roles);
}

void Reader::read(const json& value, const std::string& path, Signatory& r) const {
  const Fields f(*this, value, path, signatory_keys, Openness::closed);
  f.optional("person", r.person);
  f.optional("name", r.name);
  f.optional("title", r.title);
  f.optional("organisation", r.organisation);
  f.optional("place", r.place);
  f.optional("date", r.date);
}

void Reader::read(const json& value, const std::string& path, AgreementBlock& r) const {
  const Fields f(*this, value, path, block_keys, Openness::open);
  f.optional("key", r.key);
  f.optional("title", r.title);
  f.required("amount", r.amount);
  f.optional("purpose", r.purpose);
  f.extensions(r.extensions);
}

void Reader::read(const json& value, const std::string& path, Threshold& r) const {
  const Fields f(*this, value, path, threshold_keys, Openness::closed);
  f.optional("comparator", r.comparator);
  f.required("value", r.value);
  f.optional("unit", r.unit);
}

void Reader::read(const json& value, const std::string& path, Condition& r) const {
  const Fields f(*this, value, path, condition_keys, Openness::open);
  f.optional("key", r.key);
  f.optional("kind", r.kind);
  f.optional("text", r.text);
  f.optional("indicator", r.indicator);
  f.optional("threshold", r.threshold);
  f.optional("block", r.block);
  f.extensions(r.extensions);
  f.optional("provenance", r.provenance);
}

void Reader::read(const json& value, const std::string& path, ReportingObligation& r) const {
  const Fields f(*this, value, path, obligation_keys, Openness::open);
  f.optional("what", r.what);
  f.optional("by", r.by);
  f.optional("to", r.to);
  f.optional("deadline", r.deadline);
  f.optional("status", r.status);
  f.extensions(r.extensions);
  f.optional("provenance", r.provenance);
}

void Reader::read(const json& value, const std::string& path, Payment& r) const {
  const Fields f(*this, value, path, payment_keys, Openness::open);
  f.required("amount", r.amount);
  f.optional("date", r.date);
  f.optional("condition", r.condition);
  f.optional("condition_keys", r.condition_keys);
  f.optional("block", r.block);
  f.optional("payer", r.payer);
  f.optional("payee", r.payee);
  f.optional("status", r.status);
  f.extensions(r.extensions);
  f.optional("provenance", r.provenance);
}

void Reader::read(const json& value, const std::string& path, RequisitionRule& r) const {
  const Fields f(*this, value, path, requisition_keys, Openness::closed);
  f.optional("text", r.text);
  f.optional("from", r.from);
  f.optional("deadline", r.deadline);
}

void Reader::read(const json& value, const std::string& path, Amendment& r) const {
  const Fields f(*this, value, path, amendment_keys, Openness::open);
  f.optional("kind", r.kind);
  f.optional("date", r.date);
  f.optional("text", r.text);
  f.optional("new_validity", r.new_validity);
  f.optional("new_total", r.new_total);
  f.optional("decided_by", r.decided_by);
  f.optional("reference", r.reference);
  f.extensions(r.extensions);
  f.optional("provenance", r.provenance);
}

void Reader::read(const json& value, const std::string& path, Agreement& r) const {
  const Fields f(*this, value, path, agreement_keys, Openness::open);
  f.required("id", r.id);
  f.required("title", r.title);
  f.optional("short_name", r.short_name);
  f.optional("case_number", r.case_number);
  f.optional("parties", r.parties);
  f.optional("signatories", r.signatories);
  f.optional("validity", r.validity);
  f.optional("total", r.total);
  f.optional("blocks", r.blocks);
  f.optional("conditions", r.conditions);
  f.optional("obligations", r.obligations);
  f.optional("payments", r.payments);
  f.optional("requisition_rules", r.requisition_rules);
  f.optional("amendments", r.amendments);
  f.extensions(r.extensions);
  f.optional("provenance", r.provenance);
}

void Reader::read(const json& value, const std::string& path, PlanExtension& r) const {
  const Fields f(*this, value, path, plan_extension_keys, Openness::open);
  f.required("new_end", r.new_end);
  f.optional("decided_on", r.decided_on);
  f.optional("decided_by", r.decided_by);
  f.optional("reference", r.reference);
  f.extensions(r.extensions);
  f.optional("provenance", r.provenance);
}

void Reader::read(const json& value, const std::string& path, Goal& r) const {
  const Fields f(*this, value, path, goal_keys, Openness::open);
  f.optional("id", r.id);
  f.optional("number", r.number);
  f.optional("title", r.title);
  f.optional("description", r.description);
  f.optional("parent", r.parent);
  f.optional("indicators", r.indicators);
  f.extensions(r.extensions);
  f.optional("provenance", r.provenance);
}

void Reader::read(const json& value, const std::string& path, Activity& r) const {
  const Fields f(*this, value, path, activity_keys, Openness::open);
  f.optional("id", r.id);
  f.optional("number", r.number);
  f.optional("title", r.title);
  f.optional("description", r.description);
  f.optional("goals", r.goals);
  f.optional("level", r.level);
  f.optional("responsible", r.responsible);
  f.optional("period", r.period);
  f.extensions(r.extensions);
  f.optional("provenance", r.provenance);
}

void Reader::read(const json& value, const std::string& path, FundingLine& r) const {
  const Fields f(*this, value, path, funding_line_keys, Openness::open);
  f.optional("id", r.id);
  f.required("amount", r.amount);
  f.optional("activity", r.activity);
  f.optional("goal", r.goal);
  f.optional("pot", r.pot);
  f.optional("year", r.year);
  f.optional("budget", r.budget);
  f.optional("text", r.text);
  f.extensions(r.extensions);
  f.optional("provenance", r.provenance);
}

void Reader::read(const json& value, const std::string& path, ActionPlan& r) const {
  const Fields f(*this, value, path, plan_keys, Openness::open);
  f.required("id", r.id);
  f.required("title", r.title);
  f.optional("period", r.period);
  f.optional("period_extensions", r.period_extensions);
  f.optional("owners", r.owners);
  f.optional("level", r.level);
  f.optional("parent", r.parent);
  f.optional("agreement", r.agreement);
  f.optional("goals", r.goals);
  f.optional("activities", r.activities);
  f.optional("funding", r.funding);
  f.extensions(r.extensions);
  f.optional("provenance", r.provenance);
}

void Reader::read(const json& value, const std::string& path, FundingPot& r) const {
  const Fields f(*this, value, path, pot_keys, Openness::open);
  f.required("id", r.id);
  f.required("name", r.name);
  f.required("amount", r.amount);
  f.optional("agreement", r.agreement);
  f.optional("block", r.block);
  f.optional("year", r.year);
  f.optional("period", r.period);
  f.optional("purpose", r.purpose);
  f.optional("parent", r.parent);
  f.extensions(r.extensions);
  f.optional("provenance", r.provenance);
}

void Reader::read(const json& value, const std::string& path, AllocationShare& r) const {
  const Fields f(*this, value, path, share_keys, Openness::open);
  f.required("recipient", r.recipient);
  f.required("amount", r.amount);
  f.optional("explanation", r.explanation);
  f.extensions(r.extensions);
}

void Reader::read(const json& value, const std::string& path, Allocation& r) const {
  const Fields f(*this, value, path, allocation_keys, Openness::open);
  f.required("id", r.id);
  f.required("pot", r.pot);
  f.optional("rule", r.rule);
  f.optional("rule_description", r.rule_description);
  f.optional("shares", r.shares);
  f.optional("undistributed", r.undistributed);
  f.optional("undistributed_reason", r.undistributed_reason);
  f.extensions(r.extensions);
  f.optional("provenance", r.provenance);
}

void Reader::read(const json& value, const std::string& path, Target& r) const {
  const Fields f(*this, value, path, target_keys, Openness::closed);
  f.required("value", r.value);
  f.optional("kind", r.kind);
  f.optional("period", r.period);
  f.optional("note", r.note);
}

void Reader::read(const json& value, const std::string& path, Observation& r) const {
  const Fields f(*this, value, path, observation_keys, Openness::open);
  f.optional("organisation", r.organisation);
  f.optional("period", r.period);
  f.required("value", r.value);
  f.optional("note", r.note);
  f.extensions(r.extensions);
  f.optional("provenance", r.provenance);
}

void Reader::read(const json& value, const std::string& path, Indicator& r) const {
  const Fields f(*this, value, path, indicator_keys, Openness::open);
  f.required("id", r.id);
  f.required("name", r.name);
  f.optional("area", r.area);
  f.optional("serves", r.serves);
  f.optional("unit", r.unit);
  f.optional("direction", r.direction);
  f.optional("definition", r.definition);
  f.optional("targets", r.targets);
  f.optional("observations", r.observations);
  f.extensions(r.extensions);
  f.optional("provenance", r.provenance);
}

template <corpus_record T>
void read_table(const Reader& reader, const json& doc, std::string_view key, Corpus& corpus, unsigned version) {
  const auto it = doc.find(key);
  if (it == doc.end() || it->is_null()) return;
  const std::string path(key);
  if (!it->is_array()) reader.wrong_type(*it, path, "an array");
  for (std::size_t i = 0; i < it->size(); ++i) {
    const std::string at = element(path, i);
    T record{};
    reader.read((*it)[i], at, record);
    detail::upgrade(record, detail::version_in_json<T>(version));
    // The corpus would invent an id for an empty one, and references to the
    // record written in the file could then never match.
    if (record.id.empty()) reader.fail(child(at, "id"), "must not be empty");
    try {
      corpus.add(std::move(record));
    } catch (const duplicate_id_error& e) {
      const std::string where = child(at, "id") + ": " + e.what();
      throw duplicate_id_error(reader.source().empty() ? where : reader.source() + ": " + where);
    }
  }
}

// nlohmann's message reads "[json.exception.parse_error.101] parse error at
// line 3, column 7: syntax error while parsing ..."; the line goes into the
// parse_error's own line, the rest is kept without the library's jargon.
std::string describe_syntax_error(const std::string& what) {
  std::string message = what;
  if (const auto bracket = message.find("] "); message.starts_with("[json.exception") && bracket != std::string::npos)
    message = message.substr(bracket + 2);
  constexpr std::string_view located = "parse error at line ";
  if (message.starts_with(located)) {
    const auto column = message.find(", column ");
    const auto colon = message.find(": ", located.size());
    if (column != std::string::npos && colon != std::string::npos && column < colon)
      return "malformed JSON at column " + message.substr(column + 9, colon - column - 9) + ": " +
             message.substr(colon + 2);
  }
  return "malformed JSON: " + message;
}

std::size_t line_of(std::string_view text, std::size_t byte) {
  byte = std::min(byte, text.size());
  return static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(byte), '\n')) + 1;
}

Corpus read_document(const Reader& reader, std::string_view text) {
  std::optional<TreeBuilder::Failure> failure;
  auto parsed = parse_bounded(text, &failure);
  if (!parsed) {
    // The byte counts from 1 and points just past the offending character.
    if (failure->syntax)
      throw parse_error(describe_syntax_error(failure->message), reader.source(),
                        line_of(text, failure->byte > 0 ? failure->byte - 1 : 0));
    reader.fail(failure->path, failure->message);
  }
  json doc = std::move(*parsed);
  if (!doc.is_object()) reader.fail("", "expected a samverkan corpus (a JSON object), found " + std::string(doc.type_name()));

  // Schema and version first: a newer document is refused as such, not for
  // the unknown keys it may contain.
  std::string schema;
  const auto schema_at = doc.find("schema");
  if (schema_at == doc.end()) reader.fail("schema", "missing; this is not a samverkan corpus document");
  reader.read(*schema_at, "schema", schema);
  if (schema != json_schema)
    reader.fail("schema", "'" + schema + "' is not a samverkan corpus (expected '" + std::string(json_schema) + "')");
  std::int64_t version = 0;
  const auto version_at = doc.find("version");
  if (version_at == doc.end()) reader.fail("version", "missing");
  reader.read(*version_at, "version", version);
  if (version > json_version)
    reader.fail("version", "the document has version " + std::to_string(version) +
                               ", newer than this samverkan reads (" + std::to_string(json_version) +
                               "); upgrade samverkan to read it");
  if (version < 1) reader.fail("version", "version " + std::to_string(version) + " does not exist; versions start at 1");
  for (const auto& [key, member] : doc.items())
    if (!is_known(document_keys, key)) reader.fail(key, "unknown key; expected one of: " + list_keys(document_keys));

  Corpus corpus;
  detail::bulk_add bulk(corpus);  // indexes built once, after every table
  read_table<Organisation>(reader, doc, "organisations", corpus, static_cast<unsigned>(version));
  read_table<Person>(reader, doc, "people", corpus, static_cast<unsigned>(version));
  read_table<Membership>(reader, doc, "memberships", corpus, static_cast<unsigned>(version));
  read_table<Meeting>(reader, doc, "meetings", corpus, static_cast<unsigned>(version));
  read_table<ActionItem>(reader, doc, "action_items", corpus, static_cast<unsigned>(version));
  read_table<Agreement>(reader, doc, "agreements", corpus, static_cast<unsigned>(version));
  read_table<ActionPlan>(reader, doc, "plans", corpus, static_cast<unsigned>(version));
  read_table<FundingPot>(reader, doc, "funding_pots", corpus, static_cast<unsigned>(version));
  read_table<Allocation>(reader, doc, "allocations", corpus, static_cast<unsigned>(version));
  read_table<Indicator>(reader, doc, "indicators", corpus, static_cast<unsigned>(version));
  bulk.finish();
  return corpus;
}

}  // namespace

std::string to_json(const Corpus& corpus, int indent) {
  const json doc = document(corpus);
  try {
    return doc.dump(indent < 0 ? -1 : indent, ' ', /*ensure_ascii=*/false);
  } catch (const json::exception&) {
    // Only text can make dump() fail; say which.
    const auto path = find_invalid_utf8(doc, "");
    throw value_error("cannot write the corpus as JSON: " + (path ? *path : std::string("a text")) +
                      " is not valid UTF-8");
  }
}

Corpus from_json(std::string_view text, std::string_view source) {
  const Reader reader{std::string(source)};
  try {
    return read_document(reader, text);
  } catch (const json::exception& e) {
    // Every access is type-checked first, so this is a bug; it must still
    // arrive as the library's own error.
    throw parse_error(std::string("unexpected JSON error: ") + e.what(), reader.source());
  }
}

void save_json(const Corpus& corpus, const std::filesystem::path& path, const SaveOptions& options) {
  // The same crash-safe writer as the archives: temporary file, fsync, rename, fsync of the directory.
  detail::write_file_atomically(path, to_json(corpus) + "\n", options);
}

Corpus load_json(const std::filesystem::path& path) { return from_json(detail::read_file(path), path.string()); }

SAMVERKAN_END_NAMESPACE
