#include <samverkan/allocate/split.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <set>
#include <string>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE
namespace allocate {

namespace {
__extension__ using u128 = unsigned __int128;
}  // namespace

std::vector<Money> split(const Money& pot, const std::vector<SplitPart>& parts) {
  if (pot.ore() < 0) throw value_error("cannot split a negative amount (" + pot.str() + ")");
  if (parts.empty()) throw value_error("cannot split " + pot.str() + " into no parts");
  std::uint64_t total = 0;
  std::set<std::string_view> keys;
  for (const auto& part : parts) {
    if (!keys.insert(part.key).second)
      throw value_error("cannot split " + pot.str() + ": the key '" + part.key + "' appears twice");
    if (__builtin_add_overflow(total, part.weight, &total))
      throw overflow_error("cannot split " + pot.str() + ": the weights add up beyond 2^64 - 1");
  }
  const auto amount = static_cast<std::uint64_t>(pot.ore());
  std::vector<Money> result(parts.size(), Money::from_ore(0, pot.currency(), pot.approximate()));
  if (amount == 0) return result;
  if (total == 0) throw value_error("cannot split " + pot.str() + ": every part has weight 0");

  std::vector<std::uint64_t> floors(parts.size());
  std::vector<std::uint64_t> remainders(parts.size());
  std::uint64_t handed_out = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const u128 product = static_cast<u128>(amount) * parts[i].weight;
    floors[i] = static_cast<std::uint64_t>(product / total);
    remainders[i] = static_cast<std::uint64_t>(product % total);
    handed_out += floors[i];
  }
  // Each part lost less than one öre to the floor, so fewer öre than parts remain.
  const std::uint64_t left = amount - handed_out;
  std::vector<std::size_t> order(parts.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (remainders[a] != remainders[b]) return remainders[a] > remainders[b];
    if (parts[a].weight != parts[b].weight) return parts[a].weight > parts[b].weight;
    return parts[a].key < parts[b].key;
  });
  for (std::size_t k = 0; k < left; ++k) ++floors[order[k]];
  for (std::size_t i = 0; i < parts.size(); ++i)
    result[i] = Money::from_ore(static_cast<std::int64_t>(floors[i]), pot.currency(), pot.approximate());
  return result;
}

std::vector<Money> split_equally(const Money& pot, const std::vector<std::string>& keys) {
  std::vector<SplitPart> parts;
  parts.reserve(keys.size());
  for (const auto& key : keys) parts.push_back({key, 1});
  return split(pot, parts);
}

}  // namespace allocate
SAMVERKAN_END_NAMESPACE
