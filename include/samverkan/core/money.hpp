// Exact money: whole öre in a 64-bit integer with an ISO 4217 currency code.
// No operation goes through floating point; overflow throws.
#pragma once

#include <samverkan/core/error.hpp>

#include <array>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

SAMVERKAN_BEGIN_NAMESPACE

/// A three-letter currency code, SEK unless stated.
class Currency {
 public:
  constexpr Currency() = default;
  /// Throws value_error unless `code` is three letters A–Z.
  explicit Currency(std::string_view code);
  static constexpr Currency sek() noexcept { return Currency(); }

  std::string code() const { return {code_.begin(), code_.end()}; }

  friend bool operator==(const Currency&, const Currency&) = default;
  friend auto operator<=>(const Currency&, const Currency&) = default;

 private:
  std::array<char, 3> code_{'S', 'E', 'K'};
};

/// An amount of money, exact to the öre (1/100 of the currency unit).
///
///   auto total = Money::parse("1 280 000 000 kr");
///   total.ore() == 128'000'000'000;
///   total.str() == "1 280 000 000 kr";
///   Money::parse("ca 25 mnkr").approximate() == true;
///
/// `approximate` records that the source said "ca", "cirka" or "drygt". It is
/// part of equality (an approximate and an exact 25 mnkr are different facts)
/// but not of ordering; arithmetic on an approximate amount is approximate.
class Money {
 public:
  constexpr Money() = default;

  static constexpr Money from_ore(std::int64_t ore, Currency currency = Currency::sek(),
                                  bool approximate = false) noexcept {
    Money m;
    m.ore_ = ore;
    m.currency_ = currency;
    m.approximate_ = approximate;
    return m;
  }
  /// Whole kronor; throws overflow_error beyond the range of öre.
  static Money from_kronor(std::int64_t kronor, Currency currency = Currency::sek());

  /// Reads the forms Swedish documents use:
  ///   "1 280 000 000 kr", "1 280 000 000 kronor", "25 mnkr", "3,5 miljoner kronor",
  ///   "150 tkr", "2 mdkr", "1 234,50 kr", "500:-", "12 000 SEK", "ca 25 000 000 kr".
  /// Thousands may be separated by spaces (also no-break), or by '.' in groups
  /// of three; the decimal separator is ',' (or '.' before one or two digits).
  /// Throws parse_error when the text is not an amount, has no currency unit,
  /// or is more precise than one öre.
  static Money parse(std::string_view text);

  constexpr std::int64_t ore() const noexcept { return ore_; }
  constexpr Currency currency() const noexcept { return currency_; }
  constexpr bool approximate() const noexcept { return approximate_; }
  /// Whole units (kronor), truncated toward zero.
  constexpr std::int64_t whole_units() const noexcept { return ore_ / 100; }
  /// The same amount marked (or unmarked) approximate.
  constexpr Money with_approximate(bool value) const noexcept {
    Money m = *this;
    m.approximate_ = value;
    return m;
  }

  /// "1 280 000 000 kr", "1 234,50 kr", "ca 25 000 000 kr", "-300 kr",
  /// "1 000 EUR". Whole amounts are written without öre.
  std::string str() const;
  /// Plain decimal, for machines: "1280000000.00" (no unit, no grouping).
  std::string decimal() const;

  Money operator-() const;
  Money& operator+=(const Money& other);
  Money& operator-=(const Money& other);
  Money& operator*=(std::int64_t factor);
  friend Money operator+(Money a, const Money& b) { return a += b; }
  friend Money operator-(Money a, const Money& b) { return a -= b; }
  friend Money operator*(Money a, std::int64_t factor) { return a *= factor; }
  friend Money operator*(std::int64_t factor, Money a) { return a *= factor; }

  friend bool operator==(const Money&, const Money&) = default;
  // Ordering compares amounts and throws currency_mismatch_error across currencies.
  friend bool operator<(const Money& a, const Money& b) { return compare(a, b) < 0; }
  friend bool operator>(const Money& a, const Money& b) { return compare(a, b) > 0; }
  friend bool operator<=(const Money& a, const Money& b) { return compare(a, b) <= 0; }
  friend bool operator>=(const Money& a, const Money& b) { return compare(a, b) >= 0; }

  friend std::ostream& operator<<(std::ostream& os, const Money& m) { return os << m.str(); }

 private:
  static int compare(const Money& a, const Money& b);

  std::int64_t ore_ = 0;
  Currency currency_{};
  bool approximate_ = false;
};

SAMVERKAN_END_NAMESPACE
