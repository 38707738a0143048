// Archives: round trips of every type in every format, generated corpora,
// extreme values, and the JSON → archive → JSON path.

#include "archive_support.hpp"
#include "fixtures.hpp"

#include <samverkan/io/archive.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/schema.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <limits>
#include <string>

using namespace samverkan;
using archive_support::random_corpus;

namespace {

constexpr ArchiveFormat archive_formats[] = {ArchiveFormat::binary, ArchiveFormat::text, ArchiveFormat::xml};
constexpr ArchiveFormat all_formats[] = {ArchiveFormat::binary, ArchiveFormat::text, ArchiveFormat::xml,
                                         ArchiveFormat::json};

Corpus round_trip(const Corpus& c, ArchiveFormat format) {
  return load_from_string(save_to_string(c, format), "test");
}

template <class T>
void check_record_round_trip(const T& record) {
  CHECK(from_bytes<T>(to_bytes(record)) == record);
}

}  // namespace

TEST_CASE("the sample corpus survives every format exactly", "[archive]") {
  const Corpus c = fixtures::sample().corpus;
  for (const auto format : all_formats) {
    INFO(to_string(format));
    const Corpus back = round_trip(c, format);
    CHECK(back == c);
    // The indexes are rebuilt, not just the tables.
    CHECK(back.resolve_organisation("VGR") == c.resolve_organisation("VGR"));
    CHECK(back.meetings_in(Period{}) == c.meetings_in(Period{}));
    CHECK(back.validate() == c.validate());
  }
}

TEST_CASE("an empty corpus in every format", "[archive]") {
  for (const auto format : all_formats) {
    INFO(to_string(format));
    CHECK(round_trip(Corpus{}, format).empty());
  }
}

TEST_CASE("generated corpora round-trip exactly in every format", "[archive]") {
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    const Corpus c = random_corpus(seed, 3);
    for (const auto format : all_formats) {
      INFO("seed " << seed << ", " << to_string(format));
      const Corpus back = round_trip(c, format);
      CHECK(back == c);
    }
  }
}

TEST_CASE("the same corpus gives the same bytes", "[archive]") {
  const Corpus c = random_corpus(7);
  for (const auto format : all_formats) CHECK(save_to_string(c, format) == save_to_string(random_corpus(7), format));
}

TEST_CASE("every record type round-trips alone, empty and full", "[archive]") {
  archive_support::Generator g(99);
  for (int i = 0; i < 5; ++i) {
    check_record_round_trip(g.organisation());
    check_record_round_trip(g.person());
    check_record_round_trip(g.membership());
    check_record_round_trip(g.meeting());
    check_record_round_trip(g.action_item());
    check_record_round_trip(g.agreement());
    check_record_round_trip(g.plan());
    check_record_round_trip(g.pot());
    check_record_round_trip(g.allocation());
    check_record_round_trip(g.indicator());
  }
  check_record_round_trip(Organisation{});
  check_record_round_trip(Person{});
  check_record_round_trip(Membership{});
  check_record_round_trip(Meeting{});
  check_record_round_trip(ActionItem{});
  check_record_round_trip(Agreement{});
  check_record_round_trip(ActionPlan{});
  check_record_round_trip(FundingPot{});
  check_record_round_trip(Allocation{});
  check_record_round_trip(Indicator{});
  check_record_round_trip(fixtures::sample().corpus);
}

TEST_CASE("bytes of one type are refused as another", "[archive]") {
  const auto bytes = to_bytes(Person{.id = PersonId("p/1"), .name = "Anna"});
  CHECK_THROWS_AS(from_bytes<Organisation>(bytes), corrupt_file_error);
  CHECK_THROWS_WITH(from_bytes<Organisation>(bytes), Catch::Contains("holds a Person, not a Organisation"));
  CHECK_THROWS_AS(load_from_string(bytes), corrupt_file_error);
}

TEST_CASE("extreme values: öre at the limits, 1 MB texts, every character", "[archive]") {
  std::string long_text;
  while (long_text.size() < (1U << 20)) long_text += "Västra Götalandsregionen – åäö é <&> \"' \n\t";
  std::string every_byte;
  for (int b = 0; b < 256; ++b) every_byte += static_cast<char>(b);
  Corpus c;
  c.add(Organisation{.id = OrganisationId("org/å"), .name = long_text, .aliases = {"", " leading", "trailing ", "\n"},
                     .extensions = {{"", ""}, {"långt", long_text}, {"k", "  "}}});
  c.add(FundingPot{.id = FundingPotId("pot/max"), .name = "max",
                   .amount = Money::from_ore(std::numeric_limits<std::int64_t>::max(), Currency("EUR"), true),
                   .year = std::numeric_limits<int>::min()});
  c.add(FundingPot{.id = FundingPotId("pot/min"), .name = "min",
                   .amount = Money::from_ore(std::numeric_limits<std::int64_t>::min())});
  for (const auto format : all_formats) {
    INFO(to_string(format));
    CHECK(round_trip(c, format) == c);
  }
  // Bytes JSON cannot carry (not UTF-8) are still exact in binary and text.
  Corpus raw;
  raw.add(Person{.id = PersonId("p/raw"), .name = every_byte});
  CHECK(round_trip(raw, ArchiveFormat::binary) == raw);
  CHECK(round_trip(raw, ArchiveFormat::text) == raw);
}

TEST_CASE("JSON → corpus → archive → corpus → JSON is exact", "[archive]") {
  const std::filesystem::path sample = std::filesystem::path(SAMVERKAN_SOURCE_DIR) / "data" / "sample" / "corpus.json";
  std::vector<std::string> documents = {to_json(load_json(sample)), to_json(fixtures::sample().corpus)};
  for (std::uint64_t seed = 20; seed < 24; ++seed) documents.push_back(to_json(random_corpus(seed)));
  for (const auto& json : documents) {
    for (const auto format : archive_formats) {
      INFO(to_string(format));
      const Corpus through = load_from_string(save_to_string(from_json(json), format));
      CHECK(to_json(through) == json);
    }
  }
}

TEST_CASE("the extension names the format", "[archive]") {
  CHECK(format_from_extension("a.svk") == ArchiveFormat::binary);
  CHECK(format_from_extension("a.SVKB") == ArchiveFormat::binary);
  CHECK(format_from_extension("a.svkt") == ArchiveFormat::text);
  CHECK(format_from_extension("a.svkx") == ArchiveFormat::xml);
  CHECK(format_from_extension("a.xml") == ArchiveFormat::xml);
  CHECK(format_from_extension("a.json") == ArchiveFormat::json);
  CHECK_FALSE(format_from_extension("a.txt"));
  CHECK_THROWS_AS(save(Corpus{}, std::filesystem::temp_directory_path() / "samverkan-no-format.txt"), value_error);
}

TEST_CASE("inspect tells format, versions and size without loading", "[archive]") {
  const Corpus c = fixtures::sample().corpus;
  for (const auto format : archive_formats) {
    const auto info = inspect(save_to_string(c, format));
    CHECK(info.format == format);
    CHECK(info.type == "Corpus");
    CHECK(info.schema_version == schema<Corpus>::version);
    CHECK(info.container_version == 1);
    CHECK(info.boost_archive_version == boost_archive_version());
  }
  const auto json = inspect(save_to_string(c, ArchiveFormat::json));
  CHECK(json.format == ArchiveFormat::json);
  CHECK(json.schema_version == static_cast<unsigned>(json_version));
  CHECK(boost_archive_version() == 18);
}
