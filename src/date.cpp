#include <samverkan/core/date.hpp>
#include <samverkan/core/text.hpp>

#include <cstddef>
#include <string>

SAMVERKAN_BEGIN_NAMESPACE

namespace {

using namespace std::chrono;

// The model's dates are those of years 1-9999: what ISO 8601 writes in four
// digits without an extension, what JSON documents hold and what Python's
// datetime.date can represent. One range for every constructor and loader,
// so that whatever is saved in one format loads in every other.
constexpr int min_year = 1;
constexpr int max_year = 9999;

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

std::optional<Date> checked_date(int y, unsigned m, unsigned d) noexcept {
  if (y < min_year || y > max_year) return std::nullopt;
  const Date date{year{y}, month{m}, day{d}};
  if (!date.ok()) return std::nullopt;
  return date;
}

}  // namespace

bool is_valid_date(const Date& date) noexcept {
  const int y = static_cast<int>(date.year());
  return date.ok() && y >= min_year && y <= max_year;
}

namespace {

// Value of `count` digits at `i`, or -1 when they are not all digits.
int number_at(std::string_view text, std::size_t i, std::size_t count) noexcept {
  if (i + count > text.size()) return -1;
  int value = 0;
  for (std::size_t k = 0; k < count; ++k) {
    if (!is_digit(text[i + k])) return -1;
    value = value * 10 + (text[i + k] - '0');
  }
  return value;
}

std::string padded(long value, std::size_t width) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
  return (value < 0 ? "-" : "") + digits;
}

// ---- Swedish dates --------------------------------------------------------
//
// The text is folded first (lower case, single spaces), then scanned for the
// first place a date form starts, so that "Torsdag 10 mars 2022 kl. 09.00" and
// "Datum: den 15 oktober 2019" both yield their date and weekdays, "den" and
// labels need no special grammar of their own.

struct MonthName {
  std::string_view name;
  unsigned number;
};

// Longer spellings first, so that "sept" is not read as "sep" plus "t".
constexpr MonthName month_names[] = {
    {"januari", 1},  {"februari", 2}, {"mars", 3},      {"april", 4},     {"maj", 5},      {"juni", 6},
    {"juli", 7},     {"augusti", 8},  {"september", 9}, {"oktober", 10},  {"november", 11}, {"december", 12},
    {"sept", 9},     {"jan", 1},      {"feb", 2},       {"mar", 3},       {"apr", 4},      {"jun", 6},
    {"jul", 7},      {"aug", 8},      {"sep", 9},       {"okt", 10},      {"nov", 11},     {"dec", 12},
};

// Letters are ASCII letters and the Latin letters of two-byte UTF-8 (lead
// bytes C3–C9: å, ä, ö, é ...), so "marsch" and "majså" are not month names.
// Three-byte characters such as the en dash in "10 mars 2022–2023" separate
// words instead.
bool is_letter_lead(unsigned char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC3 && c <= 0xC9);
}

bool is_letter_at(std::string_view text, std::size_t i) noexcept {
  return i < text.size() && is_letter_lead(static_cast<unsigned char>(text[i]));
}

// Whether the character ending just before `i` is a letter or a digit.
bool alnum_before(std::string_view text, std::size_t i) noexcept {
  if (i == 0) return false;
  std::size_t lead = i - 1;
  while (lead > 0 && (static_cast<unsigned char>(text[lead]) & 0xC0) == 0x80) --lead;
  return is_digit(text[lead]) || is_letter_at(text, lead);
}

bool is_alnum_at(std::string_view text, std::size_t i) noexcept {
  return i < text.size() && (is_digit(text[i]) || is_letter_at(text, i));
}

// A run of one or two digits at `i` that is a whole number on its own:
// not preceded or followed by another digit. Returns its length, 0 if none.
std::size_t short_number_at(std::string_view text, std::size_t i) noexcept {
  if (i >= text.size() || !is_digit(text[i])) return 0;
  if (i > 0 && is_digit(text[i - 1])) return 0;
  std::size_t n = 1;
  if (i + 1 < text.size() && is_digit(text[i + 1])) n = 2;
  if (i + n < text.size() && is_digit(text[i + n])) return 0;
  return n;
}

// Four digits at `i` standing alone, as a year. -1 if none.
int year_at(std::string_view text, std::size_t i) noexcept {
  const int y = number_at(text, i, 4);
  if (y < 0 || (i + 4 < text.size() && is_digit(text[i + 4]))) return -1;
  return y;
}

struct Month {
  unsigned number;
  std::size_t end;  // just past the name and an abbreviating '.'
};

std::optional<Month> month_at(std::string_view text, std::size_t i) noexcept {
  for (const auto& m : month_names) {
    if (text.substr(i, m.name.size()) != m.name) continue;
    std::size_t end = i + m.name.size();
    if (is_letter_at(text, end)) continue;  // "marsch", "junior"
    if (end < text.size() && text[end] == '.') ++end;
    return Month{m.number, end};
  }
  return std::nullopt;
}

// ISO "2024-10-28" at `i`, standing alone: "RS 2019-01234" is a case number.
std::optional<Date> iso_at(std::string_view text, std::size_t i) noexcept {
  if (i > 0 && is_digit(text[i - 1])) return std::nullopt;
  if (i + 10 > text.size() || text[i + 4] != '-' || text[i + 7] != '-') return std::nullopt;
  if (i + 10 < text.size() && is_digit(text[i + 10])) return std::nullopt;
  const int y = number_at(text, i, 4);
  const int m = number_at(text, i + 5, 2);
  const int d = number_at(text, i + 8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  return checked_date(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

// A date starting with the day number at `i`: "10 mars 2022", "1 jan. 2025",
// "28.10.2024", "28/10 2024", "28/10/2024", and without a year, when one is
// given by context, "27 september" and "25/11".
std::optional<Date> day_first_at(std::string_view text, std::size_t i, std::optional<int> context_year) noexcept {
  if (alnum_before(text, i) || (i > 0 && (text[i - 1] == '.' || text[i - 1] == '/'))) return std::nullopt;
  const std::size_t day_length = short_number_at(text, i);
  if (day_length == 0) return std::nullopt;
  const auto d = static_cast<unsigned>(number_at(text, i, day_length));
  std::size_t k = i + day_length;

  // The year closing a date: four digits, and then no further digits or a
  // letter glued on.
  const auto year_then_end = [&](std::size_t at) -> std::optional<int> {
    const int y = year_at(text, at);
    if (y < 0 || is_letter_at(text, at + 4)) return std::nullopt;
    return y;
  };

  if (k < text.size() && (text[k] == '.' || text[k] == '/')) {
    const char separator = text[k];
    const std::size_t month_length = short_number_at(text, k + 1);
    if (month_length == 0) return std::nullopt;
    const auto m = static_cast<unsigned>(number_at(text, k + 1, month_length));
    k += 1 + month_length;
    // "28.10.2024" and "28/10/2024".
    if (k < text.size() && text[k] == separator)
      if (const auto y = year_then_end(k + 1)) return checked_date(*y, m, d);
    // "28/10 2024". Dots are left out: "4.4 2019" is more likely a section
    // number and a year than a date.
    if (separator == '/' && k + 1 < text.size() && text[k] == ' ')
      if (const auto y = year_then_end(k + 1)) return checked_date(*y, m, d);
    // "25/11" with the year from context; "4.4" alone is a section number.
    if (separator == '/' && context_year && !is_alnum_at(text, k) && (k >= text.size() || text[k] != '/'))
      return checked_date(*context_year, m, d);
    return std::nullopt;
  }

  // Ordinals as written in running text: "1:a", "2:a", "10:e".
  if (k + 1 < text.size() && text[k] == ':' && (text[k + 1] == 'a' || text[k + 1] == 'e') &&
      !is_letter_at(text, k + 2))
    k += 2;
  if (k >= text.size() || text[k] != ' ') return std::nullopt;
  const auto month = month_at(text, k + 1);
  if (!month) return std::nullopt;
  k = month->end;
  if (k + 1 < text.size() && text[k] == ' ')
    if (const auto y = year_then_end(k + 1)) return checked_date(*y, month->number, d);
  if (context_year) return checked_date(*context_year, month->number, d);
  return std::nullopt;
}

bool valid_clock(int hour, int minute) noexcept {
  return (hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59) || (hour == 24 && minute == 0);
}

}  // namespace

Date make_date(int y, unsigned m, unsigned d) {
  if (const auto date = checked_date(y, m, d)) return *date;
  throw value_error("no such date: year " + std::to_string(y) + ", month " + std::to_string(m) + ", day " +
                    std::to_string(d));
}

Date parse_date(std::string_view text) {
  const int y = number_at(text, 0, 4);
  const int m = number_at(text, 5, 2);
  const int d = number_at(text, 8, 2);
  if (text.size() != 10 || y < 0 || m < 0 || d < 0 || text[4] != '-' || text[7] != '-')
    throw parse_error("cannot read " + quoted(text) + " as a date: expected YYYY-MM-DD");
  if (const auto date = checked_date(y, static_cast<unsigned>(m), static_cast<unsigned>(d))) return *date;
  throw parse_error("cannot read " + quoted(text) + " as a date: there is no such day");
}

std::optional<Date> parse_swedish_date(std::string_view text, std::optional<int> context_year) {
  if (context_year && (*context_year < min_year || *context_year > max_year)) context_year.reset();
  const std::string folded = fold(text);
  const std::string_view s = folded;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!is_digit(s[i])) continue;
    if (const auto date = iso_at(s, i)) return date;
    if (const auto date = day_first_at(s, i, context_year)) return date;
  }
  return std::nullopt;
}

std::string format_date(const Date& date) {
  return padded(static_cast<int>(date.year()), 4) + "-" + padded(static_cast<unsigned>(date.month()), 2) + "-" +
         padded(static_cast<unsigned>(date.day()), 2);
}

Period Period::years(int first, int last) {
  return Period{make_date(first, 1, 1), make_date(last, 12, 31)};
}

Period Period::month(int y, unsigned m) {
  const Date first = make_date(y, m, 1);
  const Date last{year_month_day_last{first.year(), month_day_last{first.month()}}};
  return Period{first, last};
}

std::string Period::str() const {
  return (start ? format_date(*start) : std::string()) + "\xE2\x80\x93" + (end ? format_date(*end) : std::string());
}

TimeOfDay TimeOfDay::parse(std::string_view text) {
  const std::string_view t = trim(text);
  // "9.00" or "09.00"; ':' as well as '.' because both are in use.
  const std::size_t hour_digits = t.size() == 4 ? 1 : 2;
  const int hour = number_at(t, 0, hour_digits);
  const int minute = number_at(t, hour_digits + 1, 2);
  if ((t.size() != 4 && t.size() != 5) || hour < 0 || minute < 0 || (t[hour_digits] != '.' && t[hour_digits] != ':'))
    throw parse_error("cannot read " + quoted(text) + " as a time of day: expected HH.MM or HH:MM");
  if (!valid_clock(hour, minute))
    throw parse_error("cannot read " + quoted(text) + " as a time of day: there is no such time");
  return TimeOfDay{static_cast<std::uint8_t>(hour), static_cast<std::uint8_t>(minute)};
}

TimeOfDay TimeOfDay::make(int hour, int minute) {
  if (!valid_clock(hour, minute))
    throw value_error("no such time of day: " + std::to_string(hour) + ":" + std::to_string(minute));
  return TimeOfDay{static_cast<std::uint8_t>(hour), static_cast<std::uint8_t>(minute)};
}

std::string TimeOfDay::str() const { return padded(hour, 2) + ":" + padded(minute, 2); }

SAMVERKAN_END_NAMESPACE
