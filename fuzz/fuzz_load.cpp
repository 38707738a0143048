// libFuzzer target for one loader, chosen at compile time by
// SAMVERKAN_FUZZ_FORMAT (0 binary, 1 text, 2 XML, 3 JSON).
//
// An archive's CRC-32 stops almost every random input at the envelope, which
// would leave the payload parser untested; so each input is tried twice: as a
// whole file, and as a payload wrapped in a valid envelope. Loading may
// succeed or throw samverkan::error; any other exception, a crash, a
// sanitizer report, a hang or a huge allocation is a finding.

#include <samverkan/io/archive.hpp>
#include <samverkan/io/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#ifndef SAMVERKAN_FUZZ_FORMAT
#error "define SAMVERKAN_FUZZ_FORMAT"
#endif

namespace {

constexpr auto format = static_cast<samverkan::ArchiveFormat>(SAMVERKAN_FUZZ_FORMAT);

template <class F>
void expect_clean(F&& load) {
  try {
    load();
  } catch (const samverkan::error&) {
    // A clean refusal.
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if constexpr (format == samverkan::ArchiveFormat::json) {
    expect_clean([&] { (void)samverkan::from_json(bytes, "fuzz.json"); });
    expect_clean([&] { (void)samverkan::load_from_string(bytes, "fuzz.json"); });
  } else {
    expect_clean([&] { (void)samverkan::load_from_string(bytes, "fuzz"); });
    expect_clean([&] { (void)samverkan::load_from_string(samverkan::detail::wrap_payload(format, bytes), "fuzz"); });
    expect_clean([&] {
      (void)samverkan::from_bytes<samverkan::Meeting>(samverkan::detail::wrap_payload(format, bytes, "Meeting", 1));
    });
  }
  return 0;
}
