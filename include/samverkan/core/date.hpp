// Calendar dates, periods that may be open at either end, and times of day.
#pragma once

#include <samverkan/core/error.hpp>

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

SAMVERKAN_BEGIN_NAMESPACE

/// A calendar date. std::chrono's type, so callers can do date arithmetic
/// with the standard library.
using Date = std::chrono::year_month_day;

/// Builds a date and throws value_error when it does not exist (2023-02-29)
/// or its year is outside 1-9999, the range every format can hold.
Date make_date(int year, unsigned month, unsigned day);

/// Whether `date` is one the model holds: a real day of a year in 1-9999.
/// Every loader refuses other dates and every writer refuses to write them
/// (a default `Date{}`, 0000-00-00, is no date).
bool is_valid_date(const Date& date) noexcept;

/// ISO 8601 "2024-10-28". Throws parse_error for anything else or an
/// impossible date.
Date parse_date(std::string_view text);

/// Reads the forms Swedish documents use: "2024-10-28", "Torsdag 10 mars 2022",
/// "10 mars 2022", "den 15 oktober 2019", "1 jan. 2025", "28.10.2024",
/// "28/10 2024"; and, when `context_year` is given (the meeting's year),
/// "den 27 september" and "25/11". Weekday names are accepted and ignored.
/// Returns nullopt when the text holds no date.
std::optional<Date> parse_swedish_date(std::string_view text,
                                       std::optional<int> context_year = std::nullopt);

/// ISO 8601 "2024-10-28".
std::string format_date(const Date& date);

/// A span of days, inclusive at both ends; either end may be open.
///
///   Period p{make_date(2018, 1, 1), make_date(2020, 12, 31)};
///   p.contains(make_date(2019, 6, 1)) == true;
///   Period::from(make_date(2025, 1, 1)).is_open_ended() == true;
struct Period {
  std::optional<Date> start;
  std::optional<Date> end;

  /// Whole calendar years: Period::years(2018, 2020) is 2018-01-01 to 2020-12-31.
  static Period years(int first, int last);
  /// One calendar month: Period::month(2019, 9).
  static Period month(int year, unsigned month);
  /// From `start` with no end.
  static Period from(Date start) { return Period{start, std::nullopt}; }

  bool is_open_ended() const noexcept { return !start || !end; }
  /// False when both ends are set and the end is before the start.
  bool is_valid() const noexcept { return !start || !end || *start <= *end; }
  bool contains(const Date& day) const noexcept {
    return (!start || *start <= day) && (!end || day <= *end);
  }
  bool overlaps(const Period& other) const noexcept {
    return (!start || !other.end || *start <= *other.end) && (!other.start || !end || *other.start <= *end);
  }
  /// "2018-01-01–2020-12-31", "2025-01-01–" or "–2020-12-31".
  std::string str() const;

  friend bool operator==(const Period&, const Period&) = default;
};

/// A time of day to the minute, as meetings state it.
struct TimeOfDay {
  std::uint8_t hour = 0;
  std::uint8_t minute = 0;

  /// "09.00", "9:00", "15:00", "08.30"; throws parse_error otherwise.
  static TimeOfDay parse(std::string_view text);
  /// Throws value_error outside 00:00–23:59 (24:00 is accepted as end of day).
  static TimeOfDay make(int hour, int minute);
  /// "09:00".
  std::string str() const;
  int minutes_since_midnight() const noexcept { return hour * 60 + minute; }

  friend bool operator==(const TimeOfDay&, const TimeOfDay&) = default;
  friend auto operator<=>(const TimeOfDay&, const TimeOfDay&) = default;
};

inline std::ostream& operator<<(std::ostream& os, const Period& p) { return os << p.str(); }
inline std::ostream& operator<<(std::ostream& os, const TimeOfDay& t) { return os << t.str(); }

SAMVERKAN_END_NAMESPACE
