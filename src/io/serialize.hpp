// Private: how every persisted type is written to and read from a Boost
// archive. Only the archive_<format>.cpp files include this, so the heavy
// templates are instantiated there and nowhere else.
//
// Boost trusts the counts and lengths it reads: its own vector and string
// loading resizes to whatever the file says. Here every collection and string
// goes through io(), which checks the count against the bytes that remain in
// the payload before allocating anything, so no file can make the loader
// allocate more than a small multiple of its size. bool and enums are written
// as integers and range-checked, doubles as bits (binary) or shortest
// round-trip text (text, XML).
#pragma once

#include "payload.hpp"
#include "upgrade.hpp"

#include <samverkan/io/archive.hpp>
#include <samverkan/io/fields.hpp>
#include <samverkan/io/schema.hpp>

#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>
#include <boost/serialization/level.hpp>
#include <boost/serialization/nvp.hpp>
#include <boost/serialization/tracking.hpp>
#include <boost/serialization/version.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <istream>
#include <map>
#include <optional>
#include <ostream>
#include <sstream>
#include <streambuf>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <vector>

// Boost reads the class version from here; it is the schema version.
// Tracking is off: records are archived by value, never through pointers,
// and an untracked archive is smaller and has no object ids to trust.
namespace boost::serialization {
template <samverkan::persisted T>
struct version<T> {
  using tag = mpl::integral_c_tag;
  using type = mpl::int_<static_cast<int>(samverkan::schema<T>::version)>;
  BOOST_STATIC_CONSTANT(int, value = version::type::value);
};
template <samverkan::persisted T>
struct tracking_level<T> {
  using tag = mpl::integral_c_tag;
  using type = mpl::int_<track_never>;
  BOOST_STATIC_CONSTANT(int, value = tracking_level::type::value);
};
}  // namespace boost::serialization

SAMVERKAN_BEGIN_NAMESPACE

namespace detail {

/// A read-only stream buffer over the payload that can tell how many bytes
/// are left: the bound for every count and length read.
class span_buf : public std::streambuf {
 public:
  explicit span_buf(std::string_view bytes) {
    // std::streambuf wants char*; nothing writes through it (no put area).
    char* begin = const_cast<char*>(bytes.data());
    setg(begin, begin, begin + bytes.size());
  }
  std::size_t remaining() const noexcept { return static_cast<std::size_t>(egptr() - gptr()); }
};

/// What io() needs beyond the archive: Boost archives carry no user data, so
/// the stream of the archive being read or written is published here for the
/// duration of one save or load on this thread.
struct archive_context {
  std::istream* in = nullptr;
  const span_buf* buf = nullptr;
  std::ostream* out = nullptr;
};

inline thread_local archive_context* current_archive = nullptr;

class context_guard {
 public:
  explicit context_guard(archive_context& context) : previous_(current_archive) { current_archive = &context; }
  ~context_guard() { current_archive = previous_; }
  context_guard(const context_guard&) = delete;
  context_guard& operator=(const context_guard&) = delete;

 private:
  archive_context* previous_;
};

[[noreturn]] inline void corrupt(const std::string& what) { throw corrupt_file_error("damaged archive: " + what, {}); }

inline std::size_t bytes_remaining() {
  return current_archive && current_archive->buf ? current_archive->buf->remaining() : 0;
}

// Every element, character or entry takes at least one byte in every format,
// so a count above the bytes left cannot be genuine.
inline void check_count(std::uint64_t count, const char* name) {
  if (count > bytes_remaining())
    corrupt(std::string(name) + " claims " + std::to_string(count) + " elements but only " +
            std::to_string(bytes_remaining()) + " bytes remain");
}

template <class Ar>
inline constexpr bool is_binary_archive =
    std::is_same_v<Ar, boost::archive::binary_iarchive> || std::is_same_v<Ar, boost::archive::binary_oarchive>;
template <class Ar>
inline constexpr bool is_text_archive =
    std::is_same_v<Ar, boost::archive::text_iarchive> || std::is_same_v<Ar, boost::archive::text_oarchive>;

template <class Ar>
constexpr bool loading() {
  return Ar::is_loading::value;
}

using boost::serialization::make_nvp;

// Boost 1.74's XML reader checks an end tag by comparing the expected name
// with the tag read from the file over the length of the latter, reading past
// the end of a shorter expected name (found by fuzz/fuzz_load.cpp). So the
// names it gets point into zeroed room of xml_name_room bytes, and payloads
// with a longer end tag are refused before Boost sees them.
inline constexpr std::size_t xml_name_room = 64;

template <class Ar>
const char* tag(const char* name) {
  if constexpr (std::is_same_v<Ar, boost::archive::xml_iarchive>) {
    thread_local std::map<const char*, std::array<char, xml_name_room>> room;
    auto [it, added] = room.try_emplace(name);
    if (added) {
      it->second.fill('\0');
      std::strncpy(it->second.data(), name, xml_name_room - 1);
    }
    return it->second.data();
  } else {
    return name;
  }
}

inline void check_xml_end_tags(std::string_view payload) {
  for (auto at = payload.find("</"); at != std::string_view::npos; at = payload.find("</", at + 2)) {
    std::size_t length = 0;
    for (auto i = at + 2;
         i < payload.size() && payload[i] != '>' && !std::isspace(static_cast<unsigned char>(payload[i])); ++i)
      ++length;
    if (length >= xml_name_room) corrupt("an XML end tag of " + std::to_string(length) + " characters");
  }
}

// ---- scalars ----

template <class Ar, class I>
requires(std::is_integral_v<I> && !std::is_same_v<I, bool>) void io(Ar& ar, const char* name, I& value) {
  ar& make_nvp(tag<Ar>(name), value);
}

template <class Ar>
void io(Ar& ar, const char* name, bool& value) {
  std::uint8_t flag = value ? 1 : 0;
  ar& make_nvp(tag<Ar>(name), flag);
  if constexpr (loading<Ar>()) {
    if (flag > 1) corrupt(std::string(name) + " is " + std::to_string(flag) + ", not a truth value");
    value = flag == 1;
  }
}

template <class Ar>
void io(Ar& ar, const char* name, std::string& text) {
  if constexpr (is_binary_archive<Ar> || is_text_archive<Ar>) {
    std::uint64_t size = text.size();
    ar& make_nvp(tag<Ar>(name), size);
    if constexpr (loading<Ar>()) {
      check_count(size, name);
      text.assign(static_cast<std::size_t>(size), '\0');
      if (size == 0) return;
      if constexpr (is_binary_archive<Ar>) {
        ar.load_binary(text.data(), text.size());
      } else {
        // Boost's own text layout: the length, one space, the bytes.
        std::istream& in = *current_archive->in;
        if (in.get() != ' ') corrupt(std::string(name) + ": expected a space after the length");
        in.read(text.data(), static_cast<std::streamsize>(text.size()));
        if (static_cast<std::size_t>(in.gcount()) != text.size()) corrupt(std::string(name) + " is cut short");
      }
    } else {
      if (size == 0) return;
      if constexpr (is_binary_archive<Ar>) {
        ar.save_binary(text.data(), text.size());
      } else {
        std::ostream& out = *current_archive->out;
        out.put(' ');
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
      }
    }
  } else {
    // The XML parser reads a string up to the next '<', so it is bounded by
    // the input already.
    ar& make_nvp(tag<Ar>(name), text);
  }
}

template <class Ar>
void io(Ar& ar, const char* name, double& value) {
  if constexpr (is_binary_archive<Ar>) {
    auto bits = std::bit_cast<std::uint64_t>(value);
    ar& make_nvp(tag<Ar>(name), bits);
    if constexpr (loading<Ar>()) value = std::bit_cast<double>(bits);
  } else {
    // Boost writes "nan" and "inf" that it cannot read back; to_chars gives
    // the shortest text that reads back to the same double, NaN and ±∞ included.
    std::string text;
    if constexpr (!loading<Ar>()) {
      char buffer[64];
      const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
      text.assign(buffer, result.ptr);
    }
    io(ar, name, text);
    if constexpr (loading<Ar>()) {
      const char* end = text.data() + text.size();
      const auto result = std::from_chars(text.data(), end, value);
      if (result.ec != std::errc() || result.ptr != end)
        corrupt(std::string(name) + " is not a number: '" + text + "'");
    }
  }
}

template <class Ar, vocabulary E>
void io(Ar& ar, const char* name, E& value) {
  auto number = static_cast<std::uint32_t>(value);
  ar& make_nvp(tag<Ar>(name), number);
  if constexpr (loading<Ar>()) {
    const auto values = all_values<E>();
    const auto found =
        std::find_if(values.begin(), values.end(), [number](E v) { return static_cast<std::uint32_t>(v) == number; });
    if (found == values.end())
      corrupt(std::string(name) + ": " + std::to_string(number) + " is no " + std::string(enum_traits<E>::type_name));
    value = *found;
  }
}

// An id is written as its text, as before ids became handles, so the bytes
// of every archive are unchanged; loading interns the text.
template <class Ar, EntityKind K>
void io(Ar& ar, const char* name, Id<K>& id) {
  if constexpr (loading<Ar>()) {
    // One buffer per thread: reading an id allocates nothing once the
    // buffer has grown to the longest id.
    thread_local std::string text;
    io(ar, name, text);
    id = Id<K>(std::string_view(text));
  } else {
    // Saving only reads the string; the table's text is not copied.
    io(ar, name, const_cast<std::string&>(id.str()));
  }
}

// A date is one number, readable in text and XML: 2024-10-28 is 20241028.
// Only real days of years 1-9999 are written or read (is_valid_date), the
// same as the constructors and the JSON reader accept: an archive must not
// carry what another format could not.
template <class Ar>
void io(Ar& ar, const char* name, Date& date) {
  if constexpr (!loading<Ar>()) {
    if (!is_valid_date(date))
      throw value_error(std::string("cannot save ") + name + ": " + format_date(date) +
                        " is not a date (days of years 1-9999 only)");
  }
  const int year = static_cast<int>(date.year());
  const auto month_day =
      static_cast<std::int32_t>(static_cast<unsigned>(date.month()) * 100 + static_cast<unsigned>(date.day()));
  std::int32_t number = year * 10000 + month_day;
  io(ar, name, number);
  if constexpr (loading<Ar>()) {
    const std::int32_t y = number / 10000;
    const std::int32_t rest = number % 10000;
    const Date read{std::chrono::year{std::clamp(y, -32767, 32767)},
                    std::chrono::month{static_cast<unsigned>(std::abs(rest) / 100)},
                    std::chrono::day{static_cast<unsigned>(std::abs(rest) % 100)}};
    if (number < 0 || !is_valid_date(read))
      corrupt(std::string(name) + ": " + std::to_string(number) + " is not a date (days of years 1-9999 only)");
    date = read;
  }
}

// ---- records and value objects: through Boost's class machinery ----

template <class Ar, persisted T>
void io(Ar& ar, const char* name, T& value) {
  ar& make_nvp(tag<Ar>(name), value);
}

// ---- wrappers ----

template <class Ar, class T>
void io(Ar& ar, const char* name, std::optional<T>& value) {
  bool present = value.has_value();
  io(ar, name, present);
  if constexpr (loading<Ar>()) {
    if (!present) {
      value.reset();
      return;
    }
    value.emplace();
  } else if (!present) {
    return;
  }
  io(ar, "value", *value);
}

template <class Ar, class T>
void io(Ar& ar, const char* name, std::vector<T>& values) {
  std::uint64_t count = values.size();
  io(ar, name, count);
  if constexpr (loading<Ar>()) {
    check_count(count, name);
    values.clear();
    // No reserve: growth follows the elements actually read.
    for (std::uint64_t i = 0; i < count; ++i) {
      T element{};
      io(ar, "item", element);
      values.push_back(std::move(element));
    }
  } else {
    for (auto& element : values) io(ar, "item", element);
  }
}

template <class Ar>
void io(Ar& ar, const char* name, Extensions& map) {
  std::uint64_t count = map.size();
  io(ar, name, count);
  if constexpr (loading<Ar>()) {
    check_count(count, name);
    map.clear();
    for (std::uint64_t i = 0; i < count; ++i) {
      std::string key, value;
      io(ar, "key", key);
      io(ar, "value", value);
      if (!map.emplace(std::move(key), std::move(value)).second) corrupt(std::string(name) + " has a key twice");
    }
  } else {
    for (auto& [key, value] : map) {
      std::string k = key;
      io(ar, "key", k);
      io(ar, "value", value);
    }
  }
}

// ---- the fields of each type ----
// `version` is the schema version the archive holds (see io/schema.hpp).
// Value objects are written by hand; records from their description.

template <class Ar>
void fields(Ar& ar, Money& m, unsigned) {
  std::int64_t ore = m.ore();
  std::string currency = m.currency().code();
  bool approximate = m.approximate();
  io(ar, "ore", ore);
  io(ar, "currency", currency);
  io(ar, "approximate", approximate);
  if constexpr (loading<Ar>()) {
    if (currency.size() != 3 ||
        !std::all_of(currency.begin(), currency.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
      corrupt("currency '" + currency + "' is not three letters A-Z");
    m = Money::from_ore(ore, Currency(currency), approximate);
  }
}

template <class Ar>
void fields(Ar& ar, Period& p, unsigned) {
  io(ar, "start", p.start);
  io(ar, "end", p.end);
}

template <class Ar>
void fields(Ar& ar, TimeOfDay& t, unsigned) {
  io(ar, "hour", t.hour);
  io(ar, "minute", t.minute);
  if constexpr (loading<Ar>())
    if (t.hour > 24 || t.minute > 59 || (t.hour == 24 && t.minute != 0)) corrupt("time of day out of range");
}

template <class Ar>
void fields(Ar& ar, EntityRef& r, unsigned) {
  io(ar, "kind", r.kind);
  io(ar, "id", r.id);
}

template <class Ar>
void fields(Ar& ar, Provenance& p, unsigned) {
  std::uint64_t first = p.first_line, last = p.last_line;
  io(ar, "document", p.document);
  io(ar, "first_line", first);
  io(ar, "last_line", last);
  if constexpr (loading<Ar>()) {
    p.first_line = static_cast<std::size_t>(first);
    p.last_line = static_cast<std::size_t>(last);
  }
}

// Every described record (io/fields.hpp), field by field in declaration
// order. A field added in version N is read only from archives of version N
// or later; one marked late_in_archive is written just before `extensions`.
template <class Ar, described T>
void fields(Ar& ar, T& r, unsigned version) {
  const auto one = [&](const auto& field) {
    if (version >= field.since) io(ar, field.name.data(), r.*field.member);
  };
  for_each_field<T>([&](const auto& field) {
    if (field.archived_before_extensions) return;
    if constexpr (std::is_same_v<typename std::remove_cvref_t<decltype(field)>::member_type, Extensions>)
      for_each_field<T>([&](const auto& late) {
        if (late.archived_before_extensions) one(late);
      });
    one(field);
  });
}

// The corpus: each table as a count and its records in id order; loading
// goes through Corpus::add, which rebuilds every index.
template <corpus_record T, class Ar>
void table(Ar& ar, const char* name, Corpus& corpus) {
  std::uint64_t count = corpus.all<T>().size();
  io(ar, name, count);
  if constexpr (loading<Ar>()) {
    check_count(count, name);
    for (std::uint64_t i = 0; i < count; ++i) {
      T record{};
      io(ar, "item", record);
      if (record.id.empty()) corrupt(std::string(name) + " holds a record without an id");
      try {
        corpus.add(std::move(record));
      } catch (const duplicate_id_error& e) {
        corrupt(std::string(name) + ": " + e.what());
      }
    }
  } else {
    for (const auto& [id, record] : corpus.all<T>()) {
      // Boost's save path takes the object by const reference already.
      ar& make_nvp("item", record);
    }
  }
}

template <class Ar>
void fields(Ar& ar, Corpus& c, unsigned) {
  table<Organisation>(ar, "organisations", c);
  table<Person>(ar, "people", c);
  table<Membership>(ar, "memberships", c);
  table<Meeting>(ar, "meetings", c);
  table<ActionItem>(ar, "action_items", c);
  table<Agreement>(ar, "agreements", c);
  table<ActionPlan>(ar, "plans", c);
  table<FundingPot>(ar, "funding_pots", c);
  table<Allocation>(ar, "allocations", c);
  table<Indicator>(ar, "indicators", c);
}

// ---- whole payloads ----

inline constexpr unsigned archive_flags = boost::archive::no_header | boost::archive::no_codecvt;

template <class OArchive, class T>
std::string save_payload(const T& value) {
  std::ostringstream out(std::ios::binary);
  archive_context context{.out = &out};
  const context_guard guard(context);
  {
    OArchive ar(out, archive_flags);
    ar << make_nvp(schema<T>::name.data(), value);
  }
  return std::move(out).str();
}

template <class IArchive, class T>
void load_payload_from(std::istream& in, const span_buf& buffer, unsigned library_version, T& value);

template <class IArchive, class T>
void load_payload(std::string_view payload, unsigned library_version, T& value) {
  span_buf buffer(payload);
  std::istream in(&buffer);
  archive_context context{.in = &in, .buf = &buffer};
  const context_guard guard(context);
  try {
    if constexpr (std::is_same_v<IArchive, boost::archive::xml_iarchive>) check_xml_end_tags(payload);
    load_payload_from<IArchive>(in, buffer, library_version, value);
  } catch (const error&) {
    throw;
  } catch (const boost::archive::archive_exception& e) {
    if (e.code == boost::archive::archive_exception::unsupported_version)
      throw schema_version_error("written with a newer Boost serialization library than this build reads",
                                 "Boost archive", library_version, boost_archive_version(), {});
    corrupt(e.what());
  } catch (const std::bad_alloc&) {
    corrupt("more data than memory allows");
  } catch (const std::exception& e) {
    corrupt(e.what());
  }
}

template <class IArchive, class T>
void load_payload_from(std::istream& in, const span_buf& buffer, unsigned library_version, T& value) {
  IArchive ar(in, archive_flags);
  // Without Boost's own header the archive would assume its own library
  // version; the envelope says which one wrote the payload.
  ar.set_library_version(boost::serialization::library_version_type(library_version));
  ar >> make_nvp(tag<IArchive>(schema<T>::name.data()), value);
  if constexpr (!is_binary_archive<IArchive>) {
    // Text formats may end in white space.
    while (buffer.remaining() && std::isspace(in.peek())) in.get();
  }
  if (buffer.remaining()) corrupt(std::to_string(buffer.remaining()) + " bytes after the end of the data");
}

}  // namespace detail

// Found by Boost through argument-dependent lookup.
template <class Ar, persisted T>
void serialize(Ar& ar, T& value, const unsigned int version) {
  if constexpr (Ar::is_loading::value) {
    if (version > schema<T>::version)
      throw schema_version_error(std::string(schema<T>::name), version, schema<T>::version);
  }
  detail::fields(ar, value, version);
  if constexpr (Ar::is_loading::value) detail::upgrade(value, version);
}

SAMVERKAN_END_NAMESPACE
