#include <samverkan/core/money.hpp>
#include <samverkan/core/text.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

SAMVERKAN_BEGIN_NAMESPACE

namespace {

constexpr std::uint64_t max_positive = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
// |INT64_MIN| is one more than INT64_MAX; magnitudes are kept unsigned so the
// most negative amount can be parsed and printed like any other.
constexpr std::uint64_t max_negative = max_positive + 1;

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

[[noreturn]] void fail(std::string_view text, const std::string& why) {
  throw parse_error("cannot read " + quoted(text) + " as an amount of money: " + why);
}

[[noreturn]] void overflow(std::string_view text) {
  throw overflow_error("the amount " + quoted(text) +
                       " is beyond the range of exact money (±92 233 720 368 547 758 kr)");
}

// Byte length of a space at `i` that may separate groups of digits or words:
// ASCII space and tab, U+00A0, U+2009 and U+202F. 0 when there is none.
std::size_t space_at(std::string_view text, std::size_t i) noexcept {
  if (i >= text.size()) return 0;
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  if (text[i] == ' ' || text[i] == '\t') return 1;
  if (i + 1 < text.size() && byte(i) == 0xC2 && byte(i + 1) == 0xA0) return 2;
  if (i + 2 < text.size() && byte(i) == 0xE2 && byte(i + 1) == 0x80 && (byte(i + 2) == 0x89 || byte(i + 2) == 0xAF))
    return 3;
  return 0;
}

std::size_t skip_spaces(std::string_view text, std::size_t i) noexcept {
  while (std::size_t n = space_at(text, i)) i += n;
  return i;
}

std::string_view trim_spaces(std::string_view text) noexcept {
  text = text.substr(skip_spaces(text, 0));
  // Trailing spaces are found by walking forward: UTF-8 spaces cannot be
  // recognised from their last byte alone.
  std::size_t end = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (const std::size_t n = space_at(text, i)) {
      i += n;
    } else {
      ++i;
      end = i;
    }
  }
  return text.substr(0, end);
}

bool digits_at(std::string_view text, std::size_t i, std::size_t count) noexcept {
  if (i + count > text.size()) return false;
  for (std::size_t k = 0; k < count; ++k)
    if (!is_digit(text[i + k])) return false;
  return true;
}

// Exactly three digits at `i`, not followed by a fourth: the shape of a
// thousands group.
bool group_at(std::string_view text, std::size_t i) noexcept {
  return digits_at(text, i, 3) && (i + 3 == text.size() || !is_digit(text[i + 3]));
}

bool starts_with_word(std::string_view folded, std::string_view word) noexcept {
  return folded.substr(0, word.size()) == word;
}

// Words saying the amount is approximate, already folded to lower case.
constexpr std::string_view approximate_words[] = {"ca.", "ca", "cirka", "circa", "omkring",
                                                  "ungefär", "drygt", "knappt", "runt"};

// Length in bytes of an approximation word opening `text`, with the spaces
// after it; 0 when there is none. A word must be followed by a space (or be
// "ca." itself), so "carl" or "runtom" are not taken for one.
std::size_t approximate_prefix(std::string_view text) {
  // Only the first few bytes matter; folding the whole text would cost a copy
  // of arbitrary length.
  const std::string head = fold(text.substr(0, 16));
  for (const std::string_view word : approximate_words) {
    if (!starts_with_word(head, word)) continue;
    // fold() lowers ASCII and Latin-1 letters without changing their byte
    // length, so the word has the same length in the original text.
    const std::size_t after = skip_spaces(text, word.size());
    if (after > word.size() || word.back() == '.') return after;
  }
  return 0;
}

bool is_iso_code(std::string_view code) noexcept {
  if (code.size() != 3) return false;
  for (const char c : code)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

struct Unit {
  Currency currency;
  std::uint64_t ore_per_unit = 100;
};

// Öre per unit for a currency word. The full words only stand apart
// ("3 miljoner kronor"); glued to a scale only the abbreviations occur ("mnkr").
std::optional<std::uint64_t> currency_word_multiplier(std::string_view word, bool spaced) {
  if (word == "kr" || word == "kr." || word == "sek") return 100;
  if (spaced && (word == "kronor" || word == "krona")) return 100;
  return std::nullopt;
}

// Reads the unit after the number. `unit` is trimmed; `folded` is fold(unit).
std::optional<Unit> read_unit(std::string_view unit, const std::string& folded) {
  if (folded == "öre") return Unit{Currency::sek(), 1};
  if (folded == ":-" || folded == ",-") return Unit{Currency::sek(), 100};
  if (const auto m = currency_word_multiplier(folded, true)) return Unit{Currency::sek(), *m};
  // Another currency is written as its ISO code in capitals ("12 000 EUR");
  // lower-case three-letter words are more likely prose than a currency.
  if (is_iso_code(unit)) return Unit{Currency(unit), 100};

  struct Scale {
    std::string_view word;
    std::uint64_t factor;
  };
  // Abbreviations glued to the currency: "tkr", "mnkr", "mdkr", "tsek", "ksek", "msek".
  static constexpr Scale glued[] = {
      {"mdr", 1'000'000'000}, {"md", 1'000'000'000}, {"mn", 1'000'000}, {"m", 1'000'000},
      {"t", 1'000},           {"k", 1'000},
  };
  // Words and abbreviations written before a separate currency word:
  // "tusen kronor", "milj. kr", "miljoner kronor", "mdr kr".
  static constexpr Scale spaced[] = {
      {"tusen", 1'000},           {"milj.", 1'000'000},         {"milj", 1'000'000},
      {"miljon", 1'000'000},      {"miljoner", 1'000'000},      {"mn", 1'000'000},
      {"mn.", 1'000'000},         {"md", 1'000'000'000},        {"mdr", 1'000'000'000},
      {"mdr.", 1'000'000'000},    {"miljard", 1'000'000'000},   {"miljarder", 1'000'000'000},
  };
  for (const auto& scale : glued) {
    if (!starts_with_word(folded, scale.word)) continue;
    if (const auto m = currency_word_multiplier(std::string_view(folded).substr(scale.word.size()), false))
      return Unit{Currency::sek(), *m * scale.factor};
  }
  const auto space = folded.find(' ');
  if (space == std::string::npos) return std::nullopt;
  const std::string_view head = std::string_view(folded).substr(0, space);
  const std::string_view tail = std::string_view(folded).substr(space + 1);
  for (const auto& scale : spaced) {
    if (head != scale.word) continue;
    if (const auto m = currency_word_multiplier(tail, true)) return Unit{Currency::sek(), *m * scale.factor};
    // "12 miljoner EUR": the code is the last three bytes of both the original
    // and the folded text, since folding only trimmed and lowered it.
    if (tail.size() != 3) continue;
    const std::string_view code = unit.substr(unit.size() - 3);
    if (is_iso_code(code)) return Unit{Currency(code), 100 * scale.factor};
  }
  return std::nullopt;
}

std::string group_thousands(std::uint64_t value) {
  std::string digits = std::to_string(value);
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  return out;
}

std::uint64_t magnitude(std::int64_t value) noexcept {
  // Negating in unsigned arithmetic is well defined for INT64_MIN too.
  return value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
}

std::string two_digits(std::uint64_t value) {
  return std::string(1, static_cast<char>('0' + value / 10)) + static_cast<char>('0' + value % 10);
}

[[noreturn]] void mismatch(const char* what, const Money& a, const Money& b) {
  throw currency_mismatch_error(std::string("cannot ") + what + " amounts in different currencies: " +
                                a.currency().code() + " (" + a.str() + ") and " + b.currency().code() + " (" +
                                b.str() + ")");
}

}  // namespace

Currency::Currency(std::string_view code) {
  if (!is_iso_code(code)) throw value_error("currency code " + quoted(code) + " must be three letters A-Z");
  for (std::size_t i = 0; i < 3; ++i) code_[i] = code[i];
}

Money Money::from_kronor(std::int64_t kronor, Currency currency) {
  std::int64_t ore = 0;
  if (__builtin_mul_overflow(kronor, std::int64_t{100}, &ore))
    throw overflow_error(std::to_string(kronor) + " " + currency.code() +
                         " is beyond the range of exact money (±92 233 720 368 547 758)");
  return from_ore(ore, currency);
}

Money Money::parse(std::string_view text) {
  const std::string_view body = trim_spaces(text);
  if (body.empty()) fail(text, "the text is empty");

  std::size_t i = approximate_prefix(body);
  const bool approximate = i > 0;

  bool negative = false;
  if (i < body.size() && body[i] == '-') {
    negative = true;
    ++i;
  } else if (body.substr(i, 3) == "\xE2\x88\x92") {  // U+2212 MINUS SIGN
    negative = true;
    i += 3;
  }
  if (i >= body.size() || !is_digit(body[i])) fail(text, "it does not start with a number");

  // Integer part: the digits, with the group separators dropped.
  std::string whole;
  while (i < body.size() && is_digit(body[i])) whole += body[i++];
  // A number opening with 0 is not grouped ("0.500 kr" is half a krona), and
  // grouped digits lead with at most three ("2019 100 kr" is two numbers).
  const bool may_group = whole[0] != '0';
  bool grouped = false;
  while (may_group) {
    if (i < body.size() && body[i] == '.' && group_at(body, i + 1)) {
      i += 1;
    } else if (const std::size_t n = space_at(body, i); n > 0 && group_at(body, i + n)) {
      i += n;
    } else {
      break;
    }
    if (!grouped && whole.size() > 3)
      fail(text, "the digits before the first thousands separator are more than three");
    grouped = true;
    whole.append(body.substr(i, 3));
    i += 3;
  }

  // Fraction: ',' always; '.' only when it is not a thousands separator,
  // which the loop above has already consumed.
  std::string fraction;
  if (i + 1 < body.size() && (body[i] == ',' || body[i] == '.') && is_digit(body[i + 1])) {
    ++i;
    while (i < body.size() && is_digit(body[i])) fraction += body[i++];
  }

  const std::string_view unit_text = trim_spaces(body.substr(i));
  if (unit_text.empty()) fail(text, "a currency unit (kr, tkr, mnkr, SEK ...) is missing");
  const auto unit = read_unit(unit_text, fold(unit_text));
  if (!unit) fail(text, "'" + std::string(unit_text) + "' is not a currency unit");

  // Trailing zeros add no precision: "3,50 mnkr" is as exact as "3,5 mnkr".
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  // The unit is a power of ten öre, so the amount is whole öre exactly when
  // the unit has at least as many factors of ten as the fraction has digits.
  std::uint64_t fraction_scale = 1;
  for (std::size_t k = 0; k < fraction.size(); ++k) {
    if (unit->ore_per_unit % (fraction_scale * 10) != 0) fail(text, "it is more precise than one öre");
    fraction_scale *= 10;
  }

  const std::uint64_t limit = negative ? max_negative : max_positive;
  std::uint64_t units = 0;
  for (const char c : whole) {
    if (__builtin_mul_overflow(units, std::uint64_t{10}, &units) ||
        __builtin_add_overflow(units, static_cast<std::uint64_t>(c - '0'), &units))
      overflow(text);
  }
  std::uint64_t fraction_value = 0;
  for (const char c : fraction) fraction_value = fraction_value * 10 + static_cast<std::uint64_t>(c - '0');

  std::uint64_t ore = 0;
  if (__builtin_mul_overflow(units, unit->ore_per_unit, &ore) ||
      __builtin_add_overflow(ore, fraction_value * (unit->ore_per_unit / fraction_scale), &ore) || ore > limit)
    overflow(text);

  const std::int64_t signed_ore =
      negative ? (ore == max_negative ? std::numeric_limits<std::int64_t>::min() : -static_cast<std::int64_t>(ore))
               : static_cast<std::int64_t>(ore);
  return from_ore(signed_ore, unit->currency, approximate);
}

std::string Money::str() const {
  const std::uint64_t abs = magnitude(ore_);
  std::string out;
  if (approximate_) out += "ca ";
  if (ore_ < 0) out += '-';
  out += group_thousands(abs / 100);
  if (abs % 100 != 0) out += "," + two_digits(abs % 100);
  out += ' ';
  out += currency_ == Currency::sek() ? std::string("kr") : currency_.code();
  return out;
}

std::string Money::decimal() const {
  const std::uint64_t abs = magnitude(ore_);
  return (ore_ < 0 ? "-" : "") + std::to_string(abs / 100) + "." + two_digits(abs % 100);
}

Money Money::operator-() const {
  if (ore_ == std::numeric_limits<std::int64_t>::min())
    throw overflow_error("cannot negate " + str() + ": the result is beyond the range of exact money");
  return from_ore(-ore_, currency_, approximate_);
}

Money& Money::operator+=(const Money& other) {
  if (currency_ != other.currency_) mismatch("add", *this, other);
  std::int64_t sum = 0;
  if (__builtin_add_overflow(ore_, other.ore_, &sum))
    throw overflow_error("the sum of " + str() + " and " + other.str() + " is beyond the range of exact money");
  ore_ = sum;
  approximate_ = approximate_ || other.approximate_;
  return *this;
}

Money& Money::operator-=(const Money& other) {
  if (currency_ != other.currency_) mismatch("subtract", *this, other);
  std::int64_t difference = 0;
  if (__builtin_sub_overflow(ore_, other.ore_, &difference))
    throw overflow_error("the difference of " + str() + " and " + other.str() +
                         " is beyond the range of exact money");
  ore_ = difference;
  approximate_ = approximate_ || other.approximate_;
  return *this;
}

Money& Money::operator*=(std::int64_t factor) {
  std::int64_t product = 0;
  if (__builtin_mul_overflow(ore_, factor, &product))
    throw overflow_error(str() + " times " + std::to_string(factor) + " is beyond the range of exact money");
  ore_ = product;
  return *this;
}

int Money::compare(const Money& a, const Money& b) {
  if (a.currency_ != b.currency_) mismatch("compare", a, b);
  return a.ore_ < b.ore_ ? -1 : (a.ore_ > b.ore_ ? 1 : 0);
}

SAMVERKAN_END_NAMESPACE
