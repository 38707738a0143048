// Shared by the OParl, Popolo and OCDS writers and readers: the corpus as a
// JSON tree in its own layout (to_json / from_json are the only way in and
// out, so every field crosses through one documented format), the
// "samverkan:" extension properties, bounded parsing and a few text helpers.
#pragma once

#include <samverkan/io/standards.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE
namespace standards {

using json = nlohmann::ordered_json;

/// Prefix of every extension property this library writes.
inline constexpr std::string_view ext = "samverkan:";

/// The corpus in its JSON layout (a copy the writers may take apart).
json corpus_tree(const Corpus& corpus);

/// The corpus from a tree in its JSON layout, with record arrays named as in
/// to_json. `source` names the input in errors.
Corpus corpus_from_tree(json tree, std::string_view source);

/// The JSON text of a document, bounded in depth (max_json_depth); throws
/// parse_error naming `source`.
json parse_document(std::string_view text, std::string_view source);

/// Pretty JSON text with a final newline.
std::string dump(const json& value);

/// The string at `key` of an object; "" when `o` is no object or the value no string.
std::string text_of(const json& o, std::string_view key);

/// Takes `key` out of `record` (null when absent).
json take(json& record, std::string_view key);
std::string take_string(json& record, std::string_view key);

/// Writes what is left of `rest` into `object` as "samverkan:<key>", when on.
void carry(json& object, const json& rest, bool on);

/// The reading side of one standard object: properties are taken as they are
/// used; what is left at the end goes to the record's extensions.
class Reader {
 public:
  Reader(json object, std::string standard, std::string where)
      : object_(std::move(object)), standard_(std::move(standard)), where_(std::move(where)) {
    if (!object_.is_object()) fail("", "is not a JSON object");
  }
  bool has(std::string_view key) const { return object_.is_object() && object_.contains(key); }
  /// The property, taken; null when absent.
  json take(std::string_view key);
  /// A string property, taken; "" when absent or null; throws when of another type.
  std::string string(std::string_view key);
  /// An array property, taken; [] when absent or null; throws when not an array.
  json array(std::string_view key);
  /// An object property, taken; null when absent; throws when not an object.
  json object(std::string_view key);
  /// An integer property, taken; throws when present but not an integer.
  std::optional<std::int64_t> integer(std::string_view key);
  std::optional<bool> boolean(std::string_view key);
  /// The "samverkan:" properties, taken, as record fields (overriding those set).
  void restore(json& record);
  /// Every property not taken into record["extensions"] as "<standard>.<key>".
  void leftovers(json& record);
  [[noreturn]] void fail(std::string_view key, std::string_view what) const;
  const std::string& where() const noexcept { return where_; }

 private:
  json object_;
  std::string standard_;
  std::string where_;
};

/// "org/vgr" → "org%2Fvgr"-free URL path: unreserved characters and '/'
/// pass, everything else is %XX.
std::string url_encode(std::string_view id);
/// The inverse of url_encode; leaves malformed escapes as they are.
std::string url_decode(std::string_view text);

/// A date "YYYY-MM-DD" at the start of `text` (a date or date-time), or "".
std::string date_part(std::string_view text);
/// "HH:MM" of a date-time "YYYY-MM-DDTHH:MM...", or "".
std::string time_part(std::string_view text);
/// True for "YYYY-MM-DD" with a real month and day.
bool is_date(std::string_view text);
/// True for an RFC 3339 date-time with seconds and an offset or Z.
bool is_date_time(std::string_view text);
/// "YYYY-MM-DDTHH:MM:00+01:00" in Swedish time (CET, or CEST between the last
/// Sundays of March and October).
std::string stockholm_date_time(std::string_view date, std::string_view time);
/// The current UTC time, RFC 3339.
std::string now_utc();

/// Money in the corpus layout ({"ore": n, "currency": "SEK"}) as an OCDS
/// Value: amount a JSON number in whole units, exact öre beside it.
json money_value(const json& money, bool with_ore);
/// The inverse; throws through `reader`-style messages via `where`.
json value_money(const json& value, const std::string& where);

// The three standards, one translation unit each.
std::vector<StandardFile> export_oparl(const Corpus& corpus, const ExportOptions& options);
StandardImport import_oparl(const std::vector<StandardFile>& files);
std::vector<std::string> check_oparl(const std::vector<StandardFile>& files);
std::vector<StandardFile> export_popolo(const Corpus& corpus, const ExportOptions& options);
StandardImport import_popolo(const std::vector<StandardFile>& files);
std::vector<std::string> check_popolo(const std::vector<StandardFile>& files);
std::vector<StandardFile> export_ocds(const Corpus& corpus, const ExportOptions& options);
StandardImport import_ocds(const std::vector<StandardFile>& files);
std::vector<std::string> check_ocds(const std::vector<StandardFile>& files);

/// The record arrays of the corpus layout, in to_json's order.
inline constexpr std::string_view record_arrays[] = {"organisations", "people",  "memberships", "meetings",
                                                     "action_items",  "agreements", "plans", "funding_pots",
                                                     "allocations",   "indicators"};

/// The root object's "samverkan:records": every record array of `tree` the
/// standard has no place for (names not in `carried`), when extensions are on.
json other_records(const json& tree, std::initializer_list<std::string_view> carried);
/// Adds the arrays of a "samverkan:records" value to the tree being built.
void add_other_records(json& tree, const json& records, const std::string& where);

}  // namespace standards
SAMVERKAN_END_NAMESPACE
