// JSON interchange of a corpus, layout "samverkan.corpus" version 3.
//
// Versions: 1 had no organisation_number (it was kept in extensions as
// "organisationsnummer"); 2 had no attendance[].party and no
// decisions[].procedural. Older documents load through the upgrade steps
// of src/io/upgrade.hpp. docs/corpus.schema.json is the JSON Schema, generated
// from the field descriptions (corpus_json_schema below).
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
#include <samverkan/io/fields.hpp>
#include <samverkan/io/json.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
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
#include <tuple>
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

// Records: their described fields (io/fields.hpp), in declaration order.
template <described T>
constexpr auto make_keys() {
  return std::apply([](const auto&... field) { return std::array<std::string_view, sizeof...(field)>{field.name...}; },
                    description<T>::fields);
}
template <described T>
constexpr auto keys_of = make_keys<T>();

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

std::string element(const std::string& path, std::size_t index) { return path + "[" + std::to_string(index) + "]"; }

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
  requires(!std::same_as<I, bool>) static json of(I value) { return value; }
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
  template <described T>
  static json of(const T& record);
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
};

// What "unset" means for the omission rule of the layout.
bool is_blank(const std::string& text) { return text.empty(); }
// A flag is written only when set: false is the default and the common case.
bool is_blank(bool flag) { return !flag; }
bool is_blank(const Period& period) { return !period.start && !period.end; }
// Only nested records (decisions, goals, ...) have ids that may be left out.
template <EntityKind K>
bool is_blank(const Id<K>& id) {
  return id.empty();
}
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

// A record: its described fields in declaration order, each written always
// or only when set as its description says; extensions as Out::extensions.
template <described T>
json Encode::of(const T& record) {
  Out out(keys_of<T>);
  for_each_field<T>([&](const auto& field) {
    const auto& value = record.*field.member;
    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(value)>, Extensions>)
      out.extensions(value);
    else if (field.json == json_presence::optional)
      out.field(field.name, value);
    else
      out.always(field.name, value);
  });
  return out.done();
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
  explicit Reader(std::string source, unsigned version = json_version)
      : source_(std::move(source)), version_(version) {}

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
  requires(!std::same_as<I, bool>) void read(const json& value, const std::string& path, I& out) const {
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
    out = Id<K>(value.get_ref<const std::string&>());
  }
  void read(const json& value, const std::string& path, Date& out) const;
  void read(const json& value, const std::string& path, TimeOfDay& out) const;
  void read(const json& value, const std::string& path, Money& out) const;
  void read(const json& value, const std::string& path, Period& out) const;
  void read(const json& value, const std::string& path, EntityRef& out) const;
  void read(const json& value, const std::string& path, Provenance& out) const;
  template <described T>
  void read(const json& value, const std::string& path, T& record) const;
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

 private:
  std::string source_;
  // The document's layout version: records are upgraded from the schema
  // version they have in it (upgrade.hpp).
  unsigned version_;
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

// A record: required fields must be there, the others may be; a record
// with extensions keeps unknown keys there, one without refuses them.
template <described T>
void Reader::read(const json& value, const std::string& path, T& record) const {
  const Fields f(*this, value, path, keys_of<T>, has_extensions<T>() ? Openness::open : Openness::closed);
  for_each_field<T>([&](const auto& field) {
    auto& member = record.*field.member;
    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(member)>, Extensions>)
      f.extensions(member);
    else if (field.json == json_presence::required)
      f.required(field.name, member);
    else
      f.optional(field.name, member);
  });
  detail::upgrade(record, detail::version_in_json<T>(version_));
}

template <corpus_record T>
void read_table(const Reader& reader, const json& doc, std::string_view key, Corpus& corpus) {
  const auto it = doc.find(key);
  if (it == doc.end() || it->is_null()) return;
  const std::string path(key);
  if (!it->is_array()) reader.wrong_type(*it, path, "an array");
  for (std::size_t i = 0; i < it->size(); ++i) {
    const std::string at = element(path, i);
    T record{};
    reader.read((*it)[i], at, record);
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
  if (!doc.is_object())
    reader.fail("", "expected a samverkan corpus (a JSON object), found " + std::string(doc.type_name()));

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
  if (version < 1)
    reader.fail("version", "version " + std::to_string(version) + " does not exist; versions start at 1");
  for (const auto& [key, member] : doc.items())
    if (!is_known(document_keys, key)) reader.fail(key, "unknown key; expected one of: " + list_keys(document_keys));

  // Records are upgraded from the versions they have in this layout.
  const Reader versioned(reader.source(), static_cast<unsigned>(version));
  Corpus corpus;
  detail::bulk_add bulk(corpus);  // indexes built once, after every table
  read_table<Organisation>(versioned, doc, "organisations", corpus);
  read_table<Person>(versioned, doc, "people", corpus);
  read_table<Membership>(versioned, doc, "memberships", corpus);
  read_table<Meeting>(versioned, doc, "meetings", corpus);
  read_table<ActionItem>(versioned, doc, "action_items", corpus);
  read_table<Agreement>(versioned, doc, "agreements", corpus);
  read_table<ActionPlan>(versioned, doc, "plans", corpus);
  read_table<FundingPot>(versioned, doc, "funding_pots", corpus);
  read_table<Allocation>(versioned, doc, "allocations", corpus);
  read_table<Indicator>(versioned, doc, "indicators", corpus);
  bulk.finish();
  return corpus;
}

// ================================ the JSON Schema ================================
//
// docs/corpus.schema.json is this function's output (scripts/schema.sh), and
// the test suite checks that it still is. The value objects are stated here
// once; every record's definition comes from its description.

// The definitions of the value objects, which have encoders of their own.
constexpr std::string_view value_definitions =
    R"json({"id":{"type":"string","minLength":1,"description":"An id such as \"org/vgr\""},"date":{"type":"string","pattern":"^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}$","description":"ISO 8601 date, YYYY-MM-DD"},"time":{"type":"string","pattern":"^[0-9]{2}:[0-9]{2}$","description":"Time of day HH:MM (24:00 is end of day)"},"measure":{"oneOf":[{"type":"number"},{"enum":["NaN","Infinity","-Infinity"]}],"description":"A measured value; JSON has no literal for NaN and infinities"},"count":{"type":"integer","minimum":0},"vocabulary":{"type":"string","minLength":1,"description":"A closed vocabulary value: its English name (Swedish names and synonyms are accepted on input)"},"extensions":{"type":"object","additionalProperties":{"type":"string"},"description":"Data this version does not know, kept through every round trip"},"money":{"type":"object","properties":{"ore":{"type":"integer","description":"Whole öre (1/100 of the currency unit), never floating point"},"currency":{"type":"string","pattern":"^[A-Z]{3}$"},"approximate":{"const":true}},"required":["ore"],"additionalProperties":false},"period":{"type":"object","properties":{"start":{"oneOf":[{"$ref":"#/$defs/date"},{"type":"null"}]},"end":{"oneOf":[{"$ref":"#/$defs/date"},{"type":"null"}]}},"additionalProperties":false},"entity_ref":{"type":"object","properties":{"kind":{"$ref":"#/$defs/vocabulary"},"id":{"$ref":"#/$defs/id"}},"required":["kind","id"],"additionalProperties":false},"provenance":{"type":"object","properties":{"document":{"type":"string"},"first_line":{"$ref":"#/$defs/count"},"last_line":{"$ref":"#/$defs/count"}},"required":["document"],"additionalProperties":false}})json";

json reference(std::string_view definition) { return json{{"$ref", "#/$defs/" + std::string(definition)}}; }

template <class M>
json schema_of() {
  if constexpr (std::is_same_v<M, std::string>)
    return json{{"type", "string"}};
  else if constexpr (std::is_same_v<M, bool>)
    return json{{"type", "boolean"}};
  else if constexpr (std::is_same_v<M, double>)
    return reference("measure");
  else if constexpr (std::is_integral_v<M> && std::is_unsigned_v<M>)
    return reference("count");
  else if constexpr (std::is_integral_v<M>)
    return json{{"type", "integer"}};
  else if constexpr (vocabulary<M>)
    return reference("vocabulary");
  else if constexpr (std::is_same_v<M, Date>)
    return reference("date");
  else if constexpr (std::is_same_v<M, TimeOfDay>)
    return reference("time");
  else if constexpr (std::is_same_v<M, Money>)
    return reference("money");
  else if constexpr (std::is_same_v<M, Period>)
    return reference("period");
  else if constexpr (std::is_same_v<M, EntityRef>)
    return reference("entity_ref");
  else if constexpr (std::is_same_v<M, Provenance>)
    return reference("provenance");
  else if constexpr (std::is_same_v<M, Extensions>)
    return reference("extensions");
  else if constexpr (described<M>)
    return reference(description<M>::json_name);
  else if constexpr (requires(const M& id) {
                       id.str();
                       id.empty();
                     })
    return reference("id");
  else if constexpr (requires {
                       typename M::value_type;
                       M().has_value();
                     })
    return schema_of<typename M::value_type>();
  else
    return json{{"type", "array"}, {"items", schema_of<typename M::value_type>()}};
}

// The first layout version whose records of type T have schema version `since`.
template <described T>
unsigned json_version_of(unsigned since) {
  for (unsigned version = 1; version <= static_cast<unsigned>(json_version); ++version)
    if (detail::version_in_json<T>(version) >= since) return version;
  return static_cast<unsigned>(json_version);
}

template <described T>
void define(json& definitions) {
  json properties = json::object();
  json required = json::array();
  for_each_field<T>([&](const auto& field) {
    using M = typename std::remove_cvref_t<decltype(field)>::member_type;
    json property = schema_of<M>();
    if (field.since > 1)
      property["description"] =
          "Since version " + std::to_string(json_version_of<T>(field.since)) + ": " + std::string(field.doc) + ".";
    properties[std::string(field.name)] = std::move(property);
    if (field.json == json_presence::required) required.push_back(std::string(field.name));
  });
  json definition = json::object();
  definition["type"] = "object";
  definition["properties"] = std::move(properties);
  if (!required.empty()) definition["required"] = std::move(required);
  if (!has_extensions<T>()) definition["additionalProperties"] = false;
  definitions[std::string(description<T>::json_name)] = std::move(definition);
}

template <class... T>
void define_all(json& definitions) {
  (define<T>(definitions), ...);
}

template <corpus_record T>
void table_schema(json& properties, std::string_view key) {
  properties[std::string(key)] = json{{"type", "array"}, {"items", reference(description<T>::json_name)}};
}

}  // namespace

std::string corpus_json_schema() {
  json schema = json::object();
  schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
  schema["$id"] = "https://samverkan.example/corpus.schema.json";
  schema["title"] = "samverkan corpus";
  schema["description"] =
      "A whole corpus as written by samverkan::to_json / save_json (src/io_json.cpp): schema \"" +
      std::string(json_schema) + "\", versions 1 to " + std::to_string(json_version) +
      ". Records are objects keyed by the C++ member names; records with extensions may carry keys a newer "
      "version added, so they are open; small value objects are closed. Generated from "
      "include/samverkan/io/fields.hpp by samverkan::corpus_json_schema() (scripts/schema.sh); not edited by hand.";
  schema["type"] = "object";
  schema["required"] = json::array({"schema", "version"});
  schema["additionalProperties"] = false;
  json versions = json::array();
  for (int version = 1; version <= json_version; ++version) versions.push_back(version);
  json properties = json::object();
  properties["schema"] = json{{"const", std::string(json_schema)}};
  properties["version"] = json{{"type", "integer"}, {"enum", std::move(versions)}};
  table_schema<Organisation>(properties, "organisations");
  table_schema<Person>(properties, "people");
  table_schema<Membership>(properties, "memberships");
  table_schema<Meeting>(properties, "meetings");
  table_schema<ActionItem>(properties, "action_items");
  table_schema<Agreement>(properties, "agreements");
  table_schema<ActionPlan>(properties, "plans");
  table_schema<FundingPot>(properties, "funding_pots");
  table_schema<Allocation>(properties, "allocations");
  table_schema<Indicator>(properties, "indicators");
  schema["properties"] = std::move(properties);
  json definitions = json::parse(value_definitions);
  define_all<Organisation, Person, Membership, Attendance, VoteCast, Vote, Reservation, Decision, Escalation,
             AgendaItem, Meeting, ActionItem, Party, Signatory, AgreementBlock, Threshold, Condition,
             ReportingObligation, Payment, RequisitionRule, Amendment, Agreement, PlanExtension, Goal, Activity,
             FundingLine, ActionPlan, FundingPot, AllocationShare, Allocation, Target, Observation, Indicator>(
      definitions);
  schema["$defs"] = std::move(definitions);
  return schema.dump(2, ' ', /*ensure_ascii=*/false) + "\n";
}

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
