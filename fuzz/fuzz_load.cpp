// libFuzzer target for one loader, chosen at compile time by
// SAMVERKAN_FUZZ_FORMAT (0 binary, 1 text, 2 XML, 3 JSON).
//
// An archive's CRC-32 stops almost every random input at the envelope, which
// would leave the payload parser untested; so each input is tried as a whole
// file, as the archive of the root type its envelope names (any record type,
// not only Corpus), and as a payload wrapped in a valid envelope (of a Corpus
// and of a Meeting). The archive targets also mutate structure-aware
// (archive_mutator.hpp): the payload of an input with a valid envelope is
// mutated and wrapped again, so mutants keep valid CRCs and reach the
// payload parsers. Loading may succeed or throw samverkan::error; any other
// exception, a crash, a sanitizer report, a hang or a huge allocation is a
// finding. So is a loaded value that does not survive a round trip
// (round_trip.hpp): a corpus must save again in the format it came in and
// load back equal, and so through a second format: JSON for an archive (it
// may refuse archive text that is not UTF-8, but what it writes must load
// back equal), binary for JSON; a record must go through to_bytes and
// from_bytes.
//
// The JSON and XML targets have dictionaries, fuzz/json.dict and
// fuzz/xml.dict, that scripts/fuzz.sh passes with -dict=.

#include <samverkan/io/archive.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/schema.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#ifndef SAMVERKAN_FUZZ_FORMAT
#error "define SAMVERKAN_FUZZ_FORMAT"
#endif

#include "round_trip.hpp"

#if SAMVERKAN_FUZZ_FORMAT != 3
#include "archive_mutator.hpp"
#endif

namespace {

namespace sv = samverkan;

constexpr auto format = static_cast<sv::ArchiveFormat>(SAMVERKAN_FUZZ_FORMAT);

// Runs the loader; a value it returns goes through `check`.
template <class F, class C>
void expect_clean(F&& load, C&& check) {
  std::optional<decltype(load())> value;
  try {
    value.emplace(load());
  } catch (const sv::error&) {
    return;  // A clean refusal.
  }
  check(*value);
}

// A corpus read from `from` goes back through `from`'s writer, and through
// JSON (from an archive) or a binary archive (from JSON).
void corpus_round_trip(const sv::Corpus& corpus, sv::ArchiveFormat from) {
  const bool json = from == sv::ArchiveFormat::json;
  fuzz::check_round_trip(corpus, from, /*json_must_write=*/json);
  fuzz::check_round_trip(corpus, json ? sv::ArchiveFormat::binary : sv::ArchiveFormat::json);
}

void corpus_round_trip(const sv::Corpus& corpus) { corpus_round_trip(corpus, format); }

#if SAMVERKAN_FUZZ_FORMAT != 3
template <class T>
bool load_as(std::string_view type, std::string_view bytes) {
  if (type != sv::schema<T>::name) return false;
  expect_clean([&] { return sv::from_bytes<T>(bytes); }, [](const T& value) { fuzz::check_bytes_round_trip(value); });
  return true;
}

// from_bytes of the root type the envelope names (Corpus went through
// load_from_string already).
void load_named_root(std::string_view bytes) {
  const auto envelope = fuzz::read_envelope(bytes);
  if (!envelope || envelope->type == "Corpus") return;
  const std::string_view type = envelope->type;
  (void)(load_as<sv::Organisation>(type, bytes) || load_as<sv::Person>(type, bytes) ||
         load_as<sv::Membership>(type, bytes) || load_as<sv::Meeting>(type, bytes) ||
         load_as<sv::ActionItem>(type, bytes) || load_as<sv::Agreement>(type, bytes) ||
         load_as<sv::ActionPlan>(type, bytes) || load_as<sv::FundingPot>(type, bytes) ||
         load_as<sv::Allocation>(type, bytes) || load_as<sv::Indicator>(type, bytes));
}
#endif

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if constexpr (format == sv::ArchiveFormat::json) {
    expect_clean([&] { return sv::from_json(bytes, "fuzz.json"); },
                 [](const sv::Corpus& corpus) { corpus_round_trip(corpus); });
    // load_from_string takes JSON only after sniffing it; the value is the same.
    expect_clean([&] { return sv::load_from_string(bytes, "fuzz.json"); }, [](const sv::Corpus&) {});
  } else {
#if SAMVERKAN_FUZZ_FORMAT != 3
    // The whole input: a file in any format (the envelope says which).
    expect_clean([&] { return sv::load_from_string(bytes, "fuzz"); }, [&](const sv::Corpus& corpus) {
      const auto envelope = fuzz::read_envelope(bytes);
      corpus_round_trip(corpus, envelope ? envelope->format : sv::ArchiveFormat::json);
    });
    load_named_root(bytes);
    expect_clean([&] { return sv::load_from_string(sv::detail::wrap_payload(format, bytes), "fuzz"); },
                 [](const sv::Corpus& corpus) { corpus_round_trip(corpus); });
    expect_clean([&] { return sv::from_bytes<sv::Meeting>(sv::detail::wrap_payload(format, bytes, "Meeting", 1)); },
                 [](const sv::Meeting& meeting) { fuzz::check_bytes_round_trip(meeting); });
#endif
  }
  return 0;
}

#if SAMVERKAN_FUZZ_FORMAT != 3
extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size,
                                               unsigned int seed) {
  return fuzz::mutate(data, size, max_size, seed);
}

extern "C" std::size_t LLVMFuzzerCustomCrossOver(const std::uint8_t* data1, std::size_t size1,
                                                 const std::uint8_t* data2, std::size_t size2, std::uint8_t* out,
                                                 std::size_t max_out, unsigned int seed) {
  return fuzz::cross_over(data1, size1, data2, size2, out, max_out, seed);
}
#endif
