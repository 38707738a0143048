#include <samverkan/allocate/percent.hpp>
#include <samverkan/core/text.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

SAMVERKAN_BEGIN_NAMESPACE
namespace allocate {

namespace {

constexpr std::string_view minus_sign = "\xE2\x88\x92";     // U+2212
constexpr std::string_view greater_equal = "\xE2\x89\xA5";  // U+2265

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

[[noreturn]] void fail(std::string_view text, const std::string& why) {
  throw parse_error("cannot read " + quoted(text) + " as a percentage: " + why);
}

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

std::int64_t checked_add(std::int64_t a, std::int64_t b, const char* what) {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) throw overflow_error(std::string("percentage overflow in ") + what);
  return sum;
}

}  // namespace

Percent Percent::points(std::int64_t whole) {
  std::int64_t h = 0;
  if (__builtin_mul_overflow(whole, scale, &h))
    throw overflow_error(std::to_string(whole) + " percentage points are beyond the range of exact percentages");
  return from_hundredths(h);
}

Percent Percent::parse(std::string_view original) {
  std::string_view text = trim(original);
  if (text.empty()) fail(original, "the text is empty");
  bool negative = false;
  if (text.front() == '+' || text.front() == '-') {
    negative = text.front() == '-';
    text.remove_prefix(1);
  } else if (text.substr(0, minus_sign.size()) == minus_sign) {
    negative = true;
    text.remove_prefix(minus_sign.size());
  }
  if (!text.empty() && text.back() == '%') text = trim(text.substr(0, text.size() - 1));
  if (text.empty()) fail(original, "there is no number");

  std::uint64_t whole = 0;
  std::size_t i = 0;
  bool any_digit = false;
  // Leaves room for the two fractional digits added below.
  constexpr std::uint64_t limit = static_cast<std::uint64_t>((std::numeric_limits<std::int64_t>::max() - 99) / scale);
  for (; i < text.size() && is_digit(text[i]); ++i) {
    whole = whole * 10 + static_cast<std::uint64_t>(text[i] - '0');
    if (whole > limit) fail(original, "the number is too large");
    any_digit = true;
  }
  std::uint64_t fraction = 0;
  if (i < text.size() && (text[i] == ',' || text[i] == '.')) {
    ++i;
    std::size_t digits = 0;
    for (; i < text.size() && is_digit(text[i]); ++i, ++digits) {
      any_digit = true;
      const auto d = static_cast<std::uint64_t>(text[i] - '0');
      if (digits < 2)
        fraction = fraction * 10 + d;
      else if (d != 0)
        fail(original, "it is more precise than 0.01 percentage points");
    }
    if (digits == 0) fail(original, "no digits after the decimal separator");
    if (digits == 1) fraction *= 10;
  }
  if (!any_digit) fail(original, "there is no number");
  if (i != text.size()) fail(original, "unexpected " + quoted(text.substr(i)));
  const auto magnitude = static_cast<std::int64_t>(whole) * scale + static_cast<std::int64_t>(fraction);
  return from_hundredths(negative ? -magnitude : magnitude);
}

Percent Percent::from_double(double percent) {
  if (!std::isfinite(percent)) throw value_error("a percentage must be a finite number");
  if (std::fabs(percent) >= 9.0e16) throw value_error("the percentage " + std::to_string(percent) + " is too large");
  if (percent == 0.0) return Percent();
  // The double is m * 2^e with an integer m of at most 53 bits; m * 100 fits
  // in 64 bits, so the rounding below is done on the exact binary value.
  int exponent = 0;
  const double mantissa = std::frexp(std::fabs(percent), &exponent);
  const auto m = static_cast<std::uint64_t>(std::ldexp(mantissa, 53));
  const int e = exponent - 53;
  const std::uint64_t product = m * static_cast<std::uint64_t>(scale);
  std::uint64_t rounded = 0;
  if (e >= 0) {
    rounded = product << e;  // |percent| < 9e16 keeps this in range
  } else if (e > -64) {
    const auto shift = static_cast<unsigned>(-e);
    rounded = product >> shift;
    const std::uint64_t rest = product & ((std::uint64_t{1} << shift) - 1);
    if (rest >= (std::uint64_t{1} << (shift - 1))) ++rounded;
  }
  const auto value = static_cast<std::int64_t>(rounded);
  return from_hundredths(percent < 0 ? -value : value);
}

std::string Percent::str() const {
  const bool negative = hundredths_ < 0;
  // Magnitude in unsigned arithmetic so that INT64_MIN prints too.
  const std::uint64_t abs =
      negative ? std::uint64_t{0} - static_cast<std::uint64_t>(hundredths_) : static_cast<std::uint64_t>(hundredths_);
  const auto unit = static_cast<std::uint64_t>(scale);
  std::string out = negative ? "-" : "";
  out += std::to_string(abs / unit);
  if (const std::uint64_t frac = abs % unit; frac != 0) {
    out += '.';
    out += static_cast<char>('0' + frac / 10);
    if (frac % 10 != 0) out += static_cast<char>('0' + frac % 10);
  }
  return out;
}

Percent Percent::operator-() const {
  if (hundredths_ == std::numeric_limits<std::int64_t>::min()) throw overflow_error("percentage overflow in negation");
  return from_hundredths(-hundredths_);
}

Percent& Percent::operator+=(Percent other) {
  hundredths_ = checked_add(hundredths_, other.hundredths_, "addition");
  return *this;
}

Percent& Percent::operator-=(Percent other) {
  std::int64_t diff = 0;
  if (__builtin_sub_overflow(hundredths_, other.hundredths_, &diff))
    throw overflow_error("percentage overflow in subtraction");
  hundredths_ = diff;
  return *this;
}

std::string Bound::str() const { return std::string(inclusive ? greater_equal : ">") + " " + value.str(); }

Bound Bound::parse(std::string_view original) {
  std::string_view text = trim(original);
  bool inclusive = true;
  if (text.substr(0, 2) == ">=") {
    text.remove_prefix(2);
  } else if (text.substr(0, greater_equal.size()) == greater_equal) {
    text.remove_prefix(greater_equal.size());
  } else if (text.substr(0, 1) == ">") {
    inclusive = false;
    text.remove_prefix(1);
  }
  try {
    return Bound{Percent::parse(text), inclusive};
  } catch (const parse_error& e) {
    throw parse_error("cannot read " + quoted(original) + " as a bound (\">=3\", \">5\"): " + e.what());
  }
}

}  // namespace allocate
SAMVERKAN_END_NAMESPACE
