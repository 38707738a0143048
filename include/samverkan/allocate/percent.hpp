// Exact percentages for allocation rules. Funding rules draw lines at
// exactly 1.0, 3.0 or 71 per cent; a binary floating-point share such as
// 70.99999999 would fall on the wrong side of such a line, so shares and
// their differences are kept as whole hundredths of a percentage point.
#pragma once

#include <samverkan/core/error.hpp>

#include <compare>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

SAMVERKAN_BEGIN_NAMESPACE
namespace allocate {

/// A percentage (a share of 0–100 %) or a difference of percentages in
/// percentage points, exact to 0.01.
///
///   auto share = Percent::parse("65,3");          // also "65.30", "65,3 %"
///   share.hundredths() == 6530;
///   Percent::parse("75.8") - Percent::parse("72.4") == Percent::parse("3.4");
///   Percent::points(71) == Percent::parse("71,00");
///   share.str() == "65.3";
class Percent {
 public:
  /// Units per percentage point: the resolution is 1/100 of a point.
  static constexpr std::int64_t scale = 100;

  constexpr Percent() = default;

  /// From whole hundredths of a percentage point: from_hundredths(6530) is 65.3 %.
  static constexpr Percent from_hundredths(std::int64_t hundredths) noexcept {
    Percent p;
    p.hundredths_ = hundredths;
    return p;
  }
  /// Whole percentage points: points(71) is 71 %. Throws overflow_error when
  /// the value does not fit.
  static Percent points(std::int64_t whole);

  /// Reads decimal text exactly: an optional sign ('+', '-' or U+2212), digits,
  /// optionally ',' or '.' and at most two further significant digits
  /// ("65,300" is accepted, "65,333" is not), optionally followed by '%'.
  /// Surrounding white space is ignored. Throws parse_error naming the text
  /// otherwise; a value finer than 0.01 is refused rather than rounded,
  /// because rounding could move it across a threshold unnoticed.
  static Percent parse(std::string_view text);

  /// From a floating-point number of percent, rounded to the nearest 0.01
  /// (halves away from zero, judged on the double's exact binary value, so
  /// 65.005 — stored as 65.00499999… — becomes 65.00). For callers whose
  /// data arrive as doubles; prefer parse() or from_hundredths() where the
  /// decimal text is available. Throws value_error for NaN, infinities and
  /// values beyond the representable range.
  static Percent from_double(double percent);

  constexpr std::int64_t hundredths() const noexcept { return hundredths_; }

  /// Shortest decimal form with '.' as separator: "65.3", "71", "-0.05".
  std::string str() const;

  Percent operator-() const;
  Percent& operator+=(Percent other);
  Percent& operator-=(Percent other);
  friend Percent operator+(Percent a, Percent b) { return a += b; }
  friend Percent operator-(Percent a, Percent b) { return a -= b; }

  friend constexpr bool operator==(Percent, Percent) = default;
  friend constexpr auto operator<=>(Percent, Percent) = default;
  friend std::ostream& operator<<(std::ostream& os, Percent p) { return os << p.str(); }

 private:
  std::int64_t hundredths_ = 0;
};

/// A line a value must reach: at least (≥) or more than (>) a percentage.
///
///   Bound::at_least(Percent::points(3)).admits(Percent::points(3)) == true;
///   Bound::more_than(Percent::points(5)).admits(Percent::points(5)) == false;
struct Bound {
  Percent value;
  /// True for "at least" (≥), false for "more than" (>).
  bool inclusive = true;

  static constexpr Bound at_least(Percent v) noexcept { return Bound{v, true}; }
  static constexpr Bound more_than(Percent v) noexcept { return Bound{v, false}; }

  constexpr bool admits(Percent v) const noexcept { return inclusive ? v >= value : v > value; }

  /// "≥ 3", "> 5".
  std::string str() const;
  /// Reads ">=3", "≥ 3", ">5", "> 5,5" (a bare number means "at least").
  /// Throws parse_error naming the text.
  static Bound parse(std::string_view text);

  friend constexpr bool operator==(const Bound&, const Bound&) = default;
};

}  // namespace allocate
SAMVERKAN_END_NAMESPACE
