// libFuzzer target of the Python pickle state: Python pickles every
// top-level record and a Corpus through to_bytes<T> and unpickles with
// from_bytes<T> (python/src/bindings.hpp, python/src/corpus.cpp), so the
// bytes handed to from_bytes may come from anywhere a pickle does.
//
// The first byte picks the type (modulo 11: 0 Corpus, then the record types
// in the order of record_types), the rest goes to from_bytes<T>. Refusing
// with samverkan::error is fine. When it loads:
//  - to_bytes must write it and from_bytes read that back as an equal value
//    (a value that unpickles must pickle again, unchanged);
//  - for a Corpus, when to_json writes it (it may refuse with
//    samverkan::error, e.g. text that is not UTF-8), from_json must read the
//    text back as an equal corpus: what `samverkan convert x.svk x.json`
//    writes must load.
// Anything else aborts with a message on stderr (round_trip.hpp, where NaN
// equals NaN).
//
// Mutation is structure-aware (archive_mutator.hpp), past the type byte.
// Seeds (fuzz/seeds/pickle/) are written by make_seeds.cpp.

#include "archive_mutator.hpp"
#include "round_trip.hpp"

#include <samverkan/corpus.hpp>
#include <samverkan/io/archive.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/schema.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace sv = samverkan;

namespace {

template <class T>
void check(std::string_view bytes) {
  std::optional<T> value;
  try {
    value = sv::from_bytes<T>(bytes);
  } catch (const sv::error&) {
    return;  // A clean refusal.
  }
  fuzz::check_bytes_round_trip(*value);
  if constexpr (std::is_same_v<T, sv::Corpus>) fuzz::check_round_trip(*value, sv::ArchiveFormat::json);
}

using Types = std::tuple<sv::Corpus, sv::Organisation, sv::Person, sv::Membership, sv::Meeting, sv::ActionItem,
                         sv::Agreement, sv::ActionPlan, sv::FundingPot, sv::Allocation, sv::Indicator>;
constexpr std::size_t type_count = std::tuple_size_v<Types>;

// The type byte's order is that of fuzz::root_types (the mutator's list).
template <std::size_t... I>
constexpr bool same_order(std::index_sequence<I...>) {
  return ((sv::schema<std::tuple_element_t<I, Types>>::name == fuzz::root_types[I]) && ...);
}
static_assert(std::size(fuzz::root_types) == type_count && same_order(std::make_index_sequence<type_count>{}));

template <std::size_t... I>
void dispatch(std::size_t pick, std::string_view bytes, std::index_sequence<I...>) {
  (void)((pick == I ? (check<std::tuple_element_t<I, Types>>(bytes), true) : false) || ...);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  dispatch(data[0] % type_count, bytes, std::make_index_sequence<type_count>{});
  return 0;
}

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size,
                                               unsigned int seed) {
  return fuzz::mutate(data, size, max_size, seed, /*prefix=*/1);
}

extern "C" std::size_t LLVMFuzzerCustomCrossOver(const std::uint8_t* data1, std::size_t size1,
                                                 const std::uint8_t* data2, std::size_t size2, std::uint8_t* out,
                                                 std::size_t max_out, unsigned int seed) {
  return fuzz::cross_over(data1, size1, data2, size2, out, max_out, seed, /*prefix=*/1);
}
