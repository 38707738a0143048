// Damaged and hostile files: every truncation and every bit flip of a small
// saved corpus, newer versions, wrong formats, and crash-safe saving.

#include "archive_support.hpp"

#include <samverkan/io/archive.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/schema.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

using namespace samverkan;

namespace {

constexpr ArchiveFormat archive_formats[] = {ArchiveFormat::binary, ArchiveFormat::text, ArchiveFormat::xml};

constexpr std::size_t envelope_size(std::string_view type) { return 36 + type.size(); }

// Loads bytes expecting either a corpus or a samverkan::error; anything else
// (another exception type, a crash under the sanitizers) fails the test.
bool loads_or_refuses_cleanly(std::string_view bytes, std::optional<Corpus>& loaded) {
  try {
    loaded = load_from_string(bytes, "damaged");
    return true;
  } catch (const samverkan::error&) {
    loaded.reset();
    return true;
  } catch (...) {
    return false;
  }
}

// A fresh directory for one test, removed afterwards.
struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& name)
      : path(std::filesystem::temp_directory_path() / ("samverkan-test-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

std::string set_u32(std::string bytes, std::size_t offset, std::uint32_t value) {
  for (std::size_t i = 0; i < 4; ++i) bytes[offset + i] = static_cast<char>((value >> (8 * i)) & 0xFFU);
  return bytes;
}

// Rebuilds the envelope around the (altered) payload so the CRCs match again,
// and the parser behind them is what gets exercised.
std::string rewrap(ArchiveFormat format, std::string_view payload, unsigned schema_version = 1) {
  return detail::wrap_payload(format, payload, "Corpus", schema_version);
}

}  // namespace

TEST_CASE("every truncation of a saved corpus is refused", "[archive]") {
  const Corpus c = archive_support::small_corpus();
  for (const auto format : archive_formats) {
    const std::string bytes = save_to_string(c, format);
    INFO(to_string(format) << ", " << bytes.size() << " bytes");
    for (std::size_t n = 0; n < bytes.size(); ++n) {
      INFO("cut at " << n);
      CHECK_THROWS_AS(load_from_string(std::string_view(bytes).substr(0, n)), corrupt_file_error);
    }
  }
}

TEST_CASE("every single-bit flip of a saved corpus is refused", "[archive]") {
  const Corpus c = archive_support::small_corpus();
  for (const auto format : archive_formats) {
    const std::string bytes = save_to_string(c, format);
    INFO(to_string(format));
    std::string damaged = bytes;
    std::size_t refused = 0;
    for (std::size_t bit = 0; bit < bytes.size() * 8; ++bit) {
      damaged[bit / 8] = static_cast<char>(bytes[bit / 8] ^ (1 << (bit % 8)));
      try {
        (void)load_from_string(damaged);
      } catch (const corrupt_file_error&) {
        ++refused;
      } catch (const schema_version_error&) {
        // A flip in the container version reads as a newer container.
        ++refused;
      }
      damaged[bit / 8] = bytes[bit / 8];
    }
    CHECK(refused == bytes.size() * 8);
  }
}

TEST_CASE("past the CRC: every truncation and bit flip of a payload loads or is refused cleanly", "[archive]") {
  const Corpus c = archive_support::small_corpus();
  for (const auto format : archive_formats) {
    const std::string bytes = save_to_string(c, format);
    const std::string payload = bytes.substr(envelope_size("Corpus"));
    INFO(to_string(format));
    for (std::size_t n = 0; n < payload.size(); ++n) {
      std::optional<Corpus> loaded;
      INFO("payload cut at " << n);
      REQUIRE(loads_or_refuses_cleanly(rewrap(format, payload.substr(0, n)), loaded));
      // Only trailing white space of a text format may go without loss.
      if (loaded) CHECK(*loaded == c);
    }
    std::string damaged = payload;
    for (std::size_t bit = 0; bit < payload.size() * 8; ++bit) {
      damaged[bit / 8] = static_cast<char>(payload[bit / 8] ^ (1 << (bit % 8)));
      std::optional<Corpus> loaded;
      INFO("payload bit " << bit);
      REQUIRE(loads_or_refuses_cleanly(rewrap(format, damaged), loaded));
      damaged[bit / 8] = payload[bit / 8];
    }
  }
}

TEST_CASE("hostile counts and lengths are refused before allocating", "[archive]") {
  const Corpus c = archive_support::small_corpus();
  const auto payload_of = [&](ArchiveFormat format) {
    return save_to_string(c, format).substr(envelope_size("Corpus"));
  };
  const auto replace = [](std::string text, std::string_view what, std::string_view with) {
    const auto at = text.find(what);
    REQUIRE(at != std::string::npos);
    return text.replace(at, what.size(), with);
  };
  // A string claiming 10^18 bytes, a table claiming 10^11 records.
  CHECK_THROWS_WITH(load_from_string(rewrap(ArchiveFormat::text, replace(payload_of(ArchiveFormat::text), "7 org/vgr",
                                                                         "1000000000000000000 org/vgr"))),
                    Catch::Contains("claims 1000000000000000000 elements"));
  CHECK_THROWS_WITH(load_from_string(rewrap(ArchiveFormat::xml,
                                            replace(payload_of(ArchiveFormat::xml), "<organisations>1</organisations>",
                                                    "<organisations>99999999999</organisations>"))),
                    Catch::Contains("organisations claims 99999999999 elements"));
  // End tags longer than expected: Boost 1.74 itself would read past the
  // expected name (caught by the fuzzer); refused cleanly instead.
  for (const std::size_t length : {3UL, 13UL, 63UL, 64UL, 500UL}) {
    INFO("end tag of " << length);
    const std::string payload =
        replace(payload_of(ArchiveFormat::xml), "</id>", "</" + std::string(length, 'a') + ">");
    CHECK_THROWS_AS(load_from_string(rewrap(ArchiveFormat::xml, payload)), corrupt_file_error);
  }
  std::string binary = payload_of(ArchiveFormat::binary);
  const std::string eight_bytes_seven("\x07\0\0\0\0\0\0\0org/vgr", 15);
  binary = replace(binary, eight_bytes_seven, std::string("\xff\xff\xff\xff\xff\xff\xff\x7forg/vgr", 15));
  CHECK_THROWS_WITH(load_from_string(rewrap(ArchiveFormat::binary, binary)), Catch::Contains("claims"));
}

TEST_CASE("wrong formats are named", "[archive]") {
  CHECK_THROWS_WITH(load_from_string("PK\x03\x04 a zip file", "x.svk"), Catch::Contains("not a samverkan file"));
  CHECK_THROWS_AS(load_from_string(""), corrupt_file_error);
  CHECK_THROWS_AS(load_from_string("{\"schema\": \"other\"}"), parse_error);
  // An envelope claiming XML around a binary payload.
  const std::string binary = save_to_string(archive_support::small_corpus(), ArchiveFormat::binary);
  CHECK_THROWS_AS(load_from_string(rewrap(ArchiveFormat::xml, binary.substr(envelope_size("Corpus")))), corrupt_file_error);
  CHECK_THROWS_AS(load_from_string(rewrap(ArchiveFormat::text, binary.substr(envelope_size("Corpus")))), corrupt_file_error);
}

TEST_CASE("files from a newer samverkan are refused with schema_version_error", "[archive]") {
  const Corpus c = archive_support::small_corpus();
  for (const auto format : archive_formats) {
    const std::string bytes = save_to_string(c, format);
    const std::string payload = bytes.substr(envelope_size("Corpus"));
    INFO(to_string(format));
    // The corpus schema in the envelope.
    try {
      (void)load_from_string(rewrap(format, payload, schema<Corpus>::version + 1), "new.svk");
      FAIL("loaded a newer schema");
    } catch (const schema_version_error& e) {
      CHECK(e.type() == "Corpus");
      CHECK(e.file_version() == schema<Corpus>::version + 1);
      CHECK(e.supported_version() == schema<Corpus>::version);
      CHECK_THAT(e.what(), Catch::StartsWith("new.svk: Corpus has version"));
    }
    // A newer container.
    std::string newer = bytes;
    newer[8] = 2;
    CHECK_THROWS_AS(load_from_string(newer), schema_version_error);
  }
  // A record's class version inside the payload, as Boost recorded it.
  const std::string xml = save_to_string(c, ArchiveFormat::xml);
  std::string payload = xml.substr(envelope_size("Corpus"));
  const std::string organisation_class = "<item class_id=\"1\" tracking_level=\"0\" version=\"";
  const auto at = payload.find(organisation_class);
  REQUIRE(at != std::string::npos);
  payload[at + organisation_class.size()] = '9';
  try {
    (void)load_from_string(rewrap(ArchiveFormat::xml, payload));
    FAIL("loaded a newer Organisation");
  } catch (const schema_version_error& e) {
    CHECK(e.type() == "Organisation");
    CHECK(e.file_version() == 9);
    CHECK(e.supported_version() == schema<Organisation>::version);
  }
}

TEST_CASE("files written by a newer Boost are refused, saying so", "[archive]") {
  const std::string bytes = save_to_string(archive_support::small_corpus(), ArchiveFormat::binary);
  // The Boost archive version lives at offset 16; the envelope CRC after the name.
  std::string newer = set_u32(bytes, 16, boost_archive_version() + 1);
  const std::size_t header = envelope_size("Corpus");
  // Fix the envelope's own CRC-32, as a newer samverkan would have written it.
  std::uint32_t crc = 0xFFFFFFFFU;
  for (std::size_t i = 0; i < header - 4; ++i) {
    crc ^= static_cast<unsigned char>(newer[i]);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320U & (0U - (crc & 1U)));
  }
  newer = set_u32(newer, header - 4, ~crc);
  try {
    (void)load_from_string(newer, "newer-boost.svk");
    FAIL("loaded an archive of a newer Boost");
  } catch (const schema_version_error& e) {
    CHECK(e.type() == "Boost archive");
    CHECK(e.file_version() == boost_archive_version() + 1);
    CHECK_THAT(e.what(), Catch::Contains("newer Boost"));
  }
}

TEST_CASE("saving and loading files in every format", "[archive]") {
  TempDir dir("files");
  const Corpus c = archive_support::random_corpus(3);
  for (const std::string name : {"c.svk", "c.svkb", "c.svkt", "c.svkx", "c.xml", "c.json"}) {
    INFO(name);
    save(c, dir.path / name);
    CHECK(load(dir.path / name) == c);
  }
  // The format argument wins over the name, and load reads the content.
  save(c, dir.path / "odd.svk", ArchiveFormat::xml);
  CHECK(inspect(detail::read_file(dir.path / "odd.svk")).format == ArchiveFormat::xml);
  CHECK(load(dir.path / "odd.svk") == c);
  CHECK_THROWS_WITH(load(dir.path / "missing.svk"), Catch::Contains("no such file"));
  CHECK_THROWS_WITH(load(dir.path), Catch::Contains("directory"));
  // No temporary files are left behind.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path)) ++files;
  CHECK(files == 7);
}

namespace {
detail::SaveStep failing_step{};
bool fail_at_step(detail::SaveStep step) { return step != failing_step; }
struct HookReset {
  ~HookReset() { detail::set_save_fault_hook(nullptr); }
};
}  // namespace

TEST_CASE("a save that fails at any step leaves the previous file intact", "[archive]") {
  TempDir dir("crash");
  const Corpus before = archive_support::random_corpus(11);
  const Corpus after = archive_support::random_corpus(12);
  const HookReset reset;
  using S = detail::SaveStep;
  for (const auto step : {S::open, S::write, S::flush, S::sync_file, S::close, S::rename, S::sync_directory}) {
    for (const std::string name : {"c.svk", "c.svkx", "c.json"}) {
      const auto path = dir.path / name;
      detail::set_save_fault_hook(nullptr);
      save(before, path);
      failing_step = step;
      detail::set_save_fault_hook(fail_at_step);
      INFO(name << ", step " << static_cast<int>(step));
      try {
        if (name == "c.json") save_json(after, path);
        else save(after, path);
        FAIL("the injected failure was not reported");
      } catch (const io_error& e) {
        CHECK(e.path() == path.string());
        CHECK_THAT(e.what(), Catch::Contains("could not"));
      }
      detail::set_save_fault_hook(nullptr);
      // Up to the rename the old file stands; after it the new one, complete.
      CHECK(load(path) == (step == S::sync_directory ? after : before));
      std::size_t files = 0;
      for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path)) ++files;
      CHECK(files == 1);
      std::filesystem::remove(path);
    }
  }
}

TEST_CASE("a save into a missing directory names the step and the path", "[archive]") {
  const auto path = std::filesystem::temp_directory_path() / "samverkan-no-such-dir" / "c.svk";
  CHECK_THROWS_WITH(save(Corpus{}, path), Catch::Contains("could not create the temporary file") &&
                                               Catch::Contains("samverkan-no-such-dir"));
}
