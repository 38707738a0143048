// Exact splitting of an amount of money into parts: the one primitive every
// allocation rule is built on. The parts always add up to the whole, to the
// öre, and the same input always gives the same öre to the same part.
#pragma once

#include <samverkan/core/money.hpp>

#include <cstdint>
#include <string>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE
namespace allocate {

/// One part of a split: a key that identifies it (a recipient id, a month,
/// a step) and its weight relative to the other parts.
struct SplitPart {
  std::string key;
  std::uint64_t weight = 1;

  friend bool operator==(const SplitPart&, const SplitPart&) = default;
};

/// Splits `pot` over `parts` in proportion to their weights by the largest-
/// remainder method: each part first gets ⌊pot × weight ÷ total weight⌋ öre,
/// then the öre left over (fewer than there are parts) go one each to the
/// parts with the largest remainders. Ties are broken, in this order, by
///   1. the larger remainder,
///   2. the larger weight,
///   3. the key, ascending in byte order (so "2019-09" before "2019-10").
/// The products are formed in 128-bit arithmetic, so any weight up to 2^64 − 1
/// is exact. A part of weight 0 gets nothing.
///
/// Returns one amount per part, in the order given; they add up to `pot`
/// exactly and carry its currency and its approximate mark.
///
///   split(Money::from_kronor(640'000'000), {{"2019-09"}, {"2019-10"}, {"2019-11"}})
///     == {21 333 333 334 öre, 21 333 333 333 öre, 21 333 333 333 öre}
///
/// Throws value_error when the pot is negative, there are no parts, two parts
/// share a key, or every weight is 0 while the pot is not; overflow_error when
/// the weights add up beyond 2^64 − 1.
std::vector<Money> split(const Money& pot, const std::vector<SplitPart>& parts);

/// Splits `pot` equally over the keys (split() with every weight 1): the
/// öre that do not divide evenly go to the first keys in byte order.
std::vector<Money> split_equally(const Money& pot, const std::vector<std::string>& keys);

}  // namespace allocate
SAMVERKAN_END_NAMESPACE
