// Files written by earlier schema versions, committed once under
// tests/fixtures/vN/, load in every later build, upgraded step by step.

#include <samverkan/io/archive.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/schema.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

using namespace samverkan;

namespace {

const std::filesystem::path v1 = std::filesystem::path(SAMVERKAN_SOURCE_DIR) / "tests" / "fixtures" / "v1";
const std::filesystem::path v2 = std::filesystem::path(SAMVERKAN_SOURCE_DIR) / "tests" / "fixtures" / "v2";
const std::filesystem::path v3 = std::filesystem::path(SAMVERKAN_SOURCE_DIR) / "tests" / "fixtures" / "v3";

// What small_corpus() held when the v1 fixtures were written, as the current
// schema sees it.
void check_v1_content(const Corpus& c) {
  REQUIRE(c.size() == 5);
  const auto& vgr = c.get(OrganisationId("org/vgr"));
  CHECK(vgr.name == "Västra Götalandsregionen");
  CHECK(vgr.aliases == std::vector<std::string>{"VGR"});
  CHECK(vgr.kind == OrganisationKind::region);
  // The upgrade step 1 -> 2 moved the number from the extensions to the field.
  CHECK(vgr.organisation_number == "232100-0131");
  CHECK(vgr.extensions.empty());
  CHECK(c.get(PersonId("p/anna")).name == "Anna Åkesson");
  const auto& meeting = c.get(MeetingId("m/1"));
  CHECK(meeting.date == make_date(2024, 10, 28));
  REQUIRE(meeting.items.size() == 1);
  CHECK(meeting.items[0].decisions.at(0).text == "Noterar – ök");
  CHECK(c.get(FundingPotId("pot/1")).amount == Money::from_ore(161'000'000'000));
  CHECK(c.get(IndicatorId("i/1")).observations.at(0).value == 74.5);
  CHECK(c.resolve_organisation("vgr") == OrganisationId("org/vgr"));
}

}  // namespace

TEST_CASE("version 1 fixtures load and are upgraded", "[archive]") {
  for (const std::string name : {"corpus.svk", "corpus.svkt", "corpus.svkx", "corpus.json"}) {
    INFO(name);
    const Corpus c = load(v1 / name);
    check_v1_content(c);
    const auto info = inspect(detail::read_file(v1 / name));
    CHECK(info.schema_version == 1);
  }
  // The same corpus whatever the format it was saved in.
  CHECK(load(v1 / "corpus.svk") == load(v1 / "corpus.json"));
  CHECK(load(v1 / "corpus.svkt") == load(v1 / "corpus.svkx"));
}

TEST_CASE("version 2 fixtures load, their attendance and decisions with the new fields at their defaults", "[archive]") {
  for (const std::string name : {"corpus.svk", "corpus.svkt", "corpus.svkx", "corpus.json"}) {
    INFO(name);
    const Corpus c = load(v2 / name);
    REQUIRE(c.size() == 5);
    const auto& vgr = c.get(OrganisationId("org/vgr"));
    CHECK(vgr.organisation_number.empty());
    CHECK(vgr.extensions.at("organisationsnummer") == "232100-0131");
    const auto& meeting = c.get(MeetingId("m/1"));
    REQUIRE(meeting.attendance.size() == 1);
    CHECK(meeting.attendance[0].roles == std::vector<MeetingRole>{MeetingRole::chair});
    CHECK(meeting.attendance[0].party.empty());
    CHECK_FALSE(meeting.items.at(0).decisions.at(0).procedural);
    CHECK(meeting.items[0].decisions[0].text == "Noterar – ök");
  }
  CHECK(load(v2 / "corpus.svk") == load(v2 / "corpus.json"));
  CHECK(load(v2 / "corpus.svkt") == load(v2 / "corpus.svkx"));
  CHECK(from_bytes<Organisation>(detail::read_file(v2 / "organisation.bytes")) ==
        load(v2 / "corpus.svk").get(OrganisationId("org/vgr")));
}

TEST_CASE("version 3 fixtures load and their action item has no done date", "[archive]") {
  for (const std::string name : {"corpus.svk", "corpus.svkt", "corpus.svkx", "corpus.json"}) {
    INFO(name);
    const Corpus c = load(v3 / name);
    REQUIRE(c.size() == 6);
    CHECK(c.get(OrganisationId("org/vgr")).extensions.at("organisationsnummer") == "232100-0131");
    const auto& action = c.get(ActionItemId("a/1"));
    CHECK(action.what == "Återrapportera");
    CHECK(action.status == ActionStatus::done);
    CHECK(action.due == make_date(2024, 12, 1));
    CHECK(action.item_number == "§1");
    CHECK(action.decision == DecisionId("d/1"));
    CHECK_FALSE(action.done_on.has_value());
    // The fields archived after done_on's place still line up.
    CHECK(action.meeting == MeetingId("m/1"));
  }
  CHECK(load(v3 / "corpus.svk") == load(v3 / "corpus.json"));
  CHECK(load(v3 / "corpus.svkt") == load(v3 / "corpus.svkx"));
  const auto info = inspect(detail::read_file(v3 / "corpus.json"));
  CHECK(info.schema_version == 3);
}

TEST_CASE("a done date is kept by every format", "[archive]") {
  Corpus c = load(v3 / "corpus.svk");
  ActionItem action = c.get(ActionItemId("a/1"));
  action.done_on = make_date(2024, 11, 20);
  c.update(action);
  for (const auto format : {ArchiveFormat::binary, ArchiveFormat::text, ArchiveFormat::xml, ArchiveFormat::json}) {
    INFO(to_string(format));
    const Corpus back = load_from_string(save_to_string(c, format));
    CHECK(back.get(ActionItemId("a/1")).done_on == make_date(2024, 11, 20));
    CHECK(back == c);
  }
}

TEST_CASE("a version 1 record saved alone is upgraded too", "[archive]") {
  const auto org = from_bytes<Organisation>(detail::read_file(v1 / "organisation.bytes"));
  CHECK(org.organisation_number == "232100-0131");
  CHECK(org.extensions.empty());
}

TEST_CASE("the current version writes the field itself and reads it back", "[archive]") {
  Corpus c;
  c.add(Organisation{.id = OrganisationId("org/x"), .name = "Region X", .organisation_number = "232100-0000",
                     .extensions = {{"organisationsnummer", "kept: not upgraded at version 2"}}});
  for (const auto format : {ArchiveFormat::binary, ArchiveFormat::text, ArchiveFormat::xml, ArchiveFormat::json}) {
    INFO(to_string(format));
    CHECK(load_from_string(save_to_string(c, format)) == c);
  }
  CHECK(schema<Organisation>::version == 2);
  CHECK(json_version == 4);
}

TEST_CASE("the bundled version 1 JSON sample still loads", "[archive]") {
  const auto sample = std::filesystem::path(SAMVERKAN_SOURCE_DIR) / "data" / "sample" / "corpus.json";
  const Corpus c = load(sample);
  CHECK_FALSE(c.empty());
  CHECK(load_from_string(save_to_string(c, ArchiveFormat::xml)) == c);
}
