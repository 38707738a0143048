// Dispatch to the three standards, reading and writing export directories,
// and the helpers they share (standards_common.hpp).

#include "standards_common.hpp"

#include <samverkan/io/archive.hpp>
#include <samverkan/io/json.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <set>
#include <system_error>

SAMVERKAN_BEGIN_NAMESPACE
namespace standards {

json corpus_tree(const Corpus& corpus) { return json::parse(to_json(corpus, -1)); }

Corpus corpus_from_tree(json tree, std::string_view source) {
  tree["schema"] = std::string(json_schema);
  tree["version"] = json_version;
  // Key order matters to no reader, but the schema and version come first
  // in every corpus document, so keep them first here too.
  json doc = json::object();
  doc["schema"] = tree["schema"];
  doc["version"] = tree["version"];
  for (auto& [key, value] : tree.items())
    if (key != "schema" && key != "version") doc[key] = std::move(value);
  return from_json(doc.dump(), source);
}

json parse_document(std::string_view text, std::string_view source) {
  const std::string where(source);
  // nlohmann keeps one of two equal keys without a word; a standard document
  // saying a thing twice is refused, as corpus JSON is.
  std::vector<std::set<std::string>> keys;
  std::string error;
  json::parser_callback_t check = [&](int depth, json::parse_event_t event, json& parsed) {
    if (static_cast<std::size_t>(depth) > max_json_depth) {
      if (error.empty()) error = "nested deeper than " + std::to_string(max_json_depth) + " levels";
      throw std::length_error(error);
    }
    if (event == json::parse_event_t::object_start) keys.emplace_back();
    else if (event == json::parse_event_t::object_end && !keys.empty()) keys.pop_back();
    else if (event == json::parse_event_t::key && !keys.empty()) {
      const auto& k = parsed.get_ref<const std::string&>();
      if (!keys.back().insert(k).second) {
        error = "key \"" + k + "\" given twice in one object";
        throw std::length_error(error);
      }
    }
    return true;
  };
  try {
    return json::parse(text.begin(), text.end(), check);
  } catch (const std::length_error&) {
    throw parse_error(error, where);
  } catch (const json::exception& e) {
    std::string message = e.what();
    if (const auto at = message.find("] "); at != std::string::npos) message = message.substr(at + 2);
    throw parse_error("not JSON: " + message, where);
  }
}

std::string dump(const json& value) { return value.dump(2, ' ', false, json::error_handler_t::strict) + "\n"; }

std::string text_of(const json& o, std::string_view key) {
  if (!o.is_object()) return {};
  const auto it = o.find(key);
  return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

json take(json& record, std::string_view key) {
  if (!record.is_object()) return nullptr;
  const auto it = record.find(key);
  if (it == record.end()) return nullptr;
  json value = std::move(*it);
  record.erase(it);
  return value;
}

std::string take_string(json& record, std::string_view key) {
  json v = take(record, key);
  return v.is_string() ? v.get<std::string>() : std::string();
}

void carry(json& object, const json& rest, bool on) {
  if (!on || !rest.is_object()) return;
  for (const auto& [key, value] : rest.items()) object[std::string(ext) + key] = value;
}

json Reader::take(std::string_view key) { return standards::take(object_, key); }

std::string Reader::string(std::string_view key) {
  json v = take(key);
  if (v.is_null()) return {};
  if (!v.is_string()) fail(key, "should be a string, not " + std::string(v.type_name()));
  return v.get<std::string>();
}

json Reader::array(std::string_view key) {
  json v = take(key);
  if (v.is_null()) return json::array();
  if (!v.is_array()) fail(key, "should be an array, not " + std::string(v.type_name()));
  return v;
}

json Reader::object(std::string_view key) {
  json v = take(key);
  if (!v.is_null() && !v.is_object()) fail(key, "should be an object, not " + std::string(v.type_name()));
  return v;
}

std::optional<std::int64_t> Reader::integer(std::string_view key) {
  json v = take(key);
  if (v.is_null()) return std::nullopt;
  if (!v.is_number_integer()) fail(key, "should be an integer, not " + v.dump());
  return v.get<std::int64_t>();
}

std::optional<bool> Reader::boolean(std::string_view key) {
  json v = take(key);
  if (v.is_null()) return std::nullopt;
  if (!v.is_boolean()) fail(key, "should be true or false, not " + v.dump());
  return v.get<bool>();
}

void Reader::restore(json& record) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : object_.items())
    if (key.starts_with(ext)) keys.push_back(key);
  for (const auto& key : keys) {
    json value = take(key);
    const std::string field = key.substr(ext.size());
    if (field == "extensions" && record.contains("extensions") && value.is_object()) {
      // Extensions the standard's own properties produced stay beside the
      // ones the export carried.
      for (auto& [k, v] : value.items()) record["extensions"][k] = std::move(v);
    } else {
      record[field] = std::move(value);
    }
  }
}

void Reader::leftovers(json& record) {
  for (auto& [key, value] : object_.items()) {
    if (key == "type" || key == "id") continue;
    record["extensions"][standard_ + "." + key] = value.dump();
  }
  object_ = json::object();
}

void Reader::fail(std::string_view key, std::string_view what) const {
  std::string message = key.empty() ? std::string(what) : std::string(key) + ": " + std::string(what);
  throw parse_error(message, where_);
}

std::string url_encode(std::string_view id) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : id) {
    const auto c = static_cast<unsigned char>(ch);
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                       c == '.' || c == '_' || c == '~' || c == '/';
    if (plain) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string url_decode(std::string_view text) {
  const auto value = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      const int hi = value(text[i + 1]);
      const int lo = value(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

namespace {
bool digits(std::string_view s, std::size_t from, std::size_t n) {
  if (s.size() < from + n) return false;
  for (std::size_t i = from; i < from + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}
int number(std::string_view s, std::size_t from, std::size_t n) {
  int v = 0;
  for (std::size_t i = from; i < from + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}
// Days since 1970-01-01 of a civil date (proleptic Gregorian).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
int days_in_month(int y, int m) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : days[m - 1];
}
// Day of the month of the last Sunday.
int last_sunday(int y, int m) {
  const int last = days_in_month(y, m);
  const long weekday = (days_from_civil(y, m, last) + 4) % 7;  // 1970-01-01 was a Thursday (4)
  return last - static_cast<int>((weekday + 7) % 7);
}
}  // namespace

bool is_date(std::string_view t) {
  if (t.size() != 10 || !digits(t, 0, 4) || t[4] != '-' || !digits(t, 5, 2) || t[7] != '-' || !digits(t, 8, 2))
    return false;
  const int y = number(t, 0, 4), m = number(t, 5, 2), d = number(t, 8, 2);
  return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

bool is_date_time(std::string_view t) {
  if (t.size() < 20 || !is_date(t.substr(0, 10)) || (t[10] != 'T' && t[10] != 't')) return false;
  if (!digits(t, 11, 2) || t[13] != ':' || !digits(t, 14, 2) || t[16] != ':' || !digits(t, 17, 2)) return false;
  if (number(t, 11, 2) > 23 || number(t, 14, 2) > 59 || number(t, 17, 2) > 60) return false;
  std::size_t i = 19;
  if (i < t.size() && t[i] == '.') {
    ++i;
    const std::size_t start = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    if (i == start) return false;
  }
  const std::string_view zone = t.substr(i);
  if (zone == "Z" || zone == "z") return true;
  return zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && digits(zone, 1, 2) && zone[3] == ':' &&
         digits(zone, 4, 2) && number(zone, 1, 2) <= 23 && number(zone, 4, 2) <= 59;
}

std::string date_part(std::string_view text) {
  return text.size() >= 10 && is_date(text.substr(0, 10)) ? std::string(text.substr(0, 10)) : std::string();
}

std::string time_part(std::string_view text) {
  if (text.size() < 16 || (text[10] != 'T' && text[10] != 't') || !digits(text, 11, 2) || text[13] != ':' ||
      !digits(text, 14, 2))
    return {};
  return std::string(text.substr(11, 5));
}

std::string stockholm_date_time(std::string_view date, std::string_view time) {
  const int y = number(date, 0, 4), m = number(date, 5, 2), d = number(date, 8, 2);
  const int h = time.size() >= 5 ? number(time, 0, 2) : 0;
  // Summer time from 02:00 on the last Sunday of March to 03:00 on the last
  // Sunday of October, local time.
  const int march = last_sunday(y, 3), october = last_sunday(y, 10);
  bool summer = false;
  if (m > 3 && m < 10) summer = true;
  else if (m == 3) summer = d > march || (d == march && h >= 2);
  else if (m == 10) summer = d < october || (d == october && h < 3);
  std::string out(date);
  out += 'T';
  out += time.size() >= 5 ? std::string(time.substr(0, 5)) : std::string("00:00");
  out += summer ? ":00+02:00" : ":00+01:00";
  return out;
}

std::string now_utc() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

json money_value(const json& money, bool with_ore) {
  json value = json::object();
  const std::int64_t ore = money.at("ore").get<std::int64_t>();
  // A whole amount is written as an integer; öre as the nearest double,
  // which the exact "samverkan:ore" beside it makes good.
  if (ore % 100 == 0) value["amount"] = ore / 100;
  else value["amount"] = static_cast<double>(ore) / 100.0;
  value["currency"] = money.contains("currency") ? money["currency"] : json("SEK");
  if (with_ore) {
    value[std::string(ext) + "ore"] = ore;
    if (money.contains("approximate")) value[std::string(ext) + "approximate"] = money["approximate"];
  }
  return value;
}

json value_money(const json& value, const std::string& where) {
  if (!value.is_object()) throw parse_error("a value should be an object with amount and currency", where);
  json money = json::object();
  const auto ore = value.find(std::string(ext) + "ore");
  const auto amount = value.find("amount");
  if (ore != value.end()) {
    if (!ore->is_number_integer()) throw parse_error("samverkan:ore should be an integer", where);
    money["ore"] = *ore;
  } else if (amount != value.end() && amount->is_number()) {
    // Whole units to öre: integers exactly, fractions to the nearest öre.
    if (amount->is_number_integer()) {
      const auto units = amount->get<std::int64_t>();
      if (units > INT64_MAX / 100 || units < INT64_MIN / 100)
        throw parse_error("amount " + amount->dump() + " is too large", where);
      money["ore"] = units * 100;
    } else {
      const double units = amount->get<double>();
      if (!(units < 9.2e16 && units > -9.2e16)) throw parse_error("amount " + amount->dump() + " is too large", where);
      money["ore"] = static_cast<std::int64_t>(units * 100.0 + (units < 0 ? -0.5 : 0.5));
    }
  } else {
    throw parse_error("a value needs a numeric amount", where);
  }
  const auto currency = value.find("currency");
  if (currency != value.end() && currency->is_string()) money["currency"] = *currency;
  const auto approx = value.find(std::string(ext) + "approximate");
  if (approx != value.end()) money["approximate"] = *approx;
  return money;
}

json other_records(const json& tree, std::initializer_list<std::string_view> carried) {
  json out = json::object();
  for (const auto name : record_arrays) {
    if (std::find(carried.begin(), carried.end(), name) != carried.end()) continue;
    const auto it = tree.find(name);
    if (it != tree.end() && it->is_array() && !it->empty()) out[std::string(name)] = *it;
  }
  return out;
}

void add_other_records(json& tree, const json& records, const std::string& where) {
  if (records.is_null()) return;
  if (!records.is_object()) throw parse_error("samverkan:records should be an object of record arrays", where);
  for (const auto& [name, array] : records.items()) {
    if (std::find(std::begin(record_arrays), std::end(record_arrays), name) == std::end(record_arrays))
      throw parse_error("samverkan:records: unknown record kind '" + name + "'", where);
    if (!array.is_array()) throw parse_error("samverkan:records." + name + " should be an array", where);
    for (const auto& r : array) tree[name].push_back(r);
  }
}

}  // namespace standards

std::vector<StandardFile> export_standard(const Corpus& corpus, Standard standard, const ExportOptions& options) {
  switch (standard) {
    case Standard::oparl: return standards::export_oparl(corpus, options);
    case Standard::popolo: return standards::export_popolo(corpus, options);
    case Standard::ocds: return standards::export_ocds(corpus, options);
  }
  throw value_error("unknown standard");
}

StandardImport import_standard(Standard standard, const std::vector<StandardFile>& files) {
  // The readers check the types of what they use; a value of a type they did
  // not foresee, deep in a structure, is still an error of the data, never
  // an exception of the JSON library.
  try {
    switch (standard) {
      case Standard::oparl: return standards::import_oparl(files);
      case Standard::popolo: return standards::import_popolo(files);
      case Standard::ocds: return standards::import_ocds(files);
    }
  } catch (const nlohmann::json::exception& e) {
    std::string names;
    for (const auto& f : files) names += (names.empty() ? "" : ", ") + f.path;
    throw parse_error(std::string(to_string(standard)) + " data has a value of an unexpected type or shape (" +
                          e.what() + ")",
                      names);
  }
  throw value_error("unknown standard");
}

std::vector<std::string> check_standard(Standard standard, const std::vector<StandardFile>& files) {
  try {
    switch (standard) {
      case Standard::oparl: return standards::check_oparl(files);
      case Standard::popolo: return standards::check_popolo(files);
      case Standard::ocds: return standards::check_ocds(files);
    }
  } catch (const nlohmann::json::exception& e) {
    return {"the documents have a value of an unexpected type or shape (" + std::string(e.what()) + ")"};
  }
  throw value_error("unknown standard");
}

void write_standard_files(const std::vector<StandardFile>& files, const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw io_error("cannot create the directory: " + ec.message(), dir.string());
  for (const auto& f : files) detail::write_file_atomically(dir / f.path, f.text);
}

StandardImport import_standard_directory(Standard standard, const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw io_error("not a directory of " + std::string(to_string(standard)) + " documents", dir.string());
  std::vector<std::filesystem::path> paths;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".json") paths.push_back(it->path());
  if (ec) throw io_error("cannot list the directory: " + ec.message(), dir.string());
  if (paths.empty()) throw io_error("holds no .json file", dir.string());
  std::sort(paths.begin(), paths.end());
  std::vector<StandardFile> files;
  for (const auto& p : paths) files.push_back({p.filename().string(), detail::read_file(p)});
  try {
    return import_standard(standard, files);
  } catch (const parse_error& e) {
    throw parse_error(e.what(), dir.string());
  }
}

SAMVERKAN_END_NAMESPACE
