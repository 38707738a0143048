// The field descriptions (io/fields.hpp) against everything made from them:
// every described field, set to a value other than its default, survives
// every format, appears in the JSON Schema, and the checked-in schema is the
// generated one. A field added to a description is covered here without a
// line of this file changing.
#include "../../src/io/upgrade.hpp"

#include <samverkan/io/archive.hpp>
#include <samverkan/io/fields.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/schema.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

using namespace samverkan;

namespace {

template <class M>
struct is_optional : std::false_type {};
template <class M>
struct is_optional<std::optional<M>> : std::true_type {};
template <class M>
struct is_vector : std::false_type {};
template <class M>
struct is_vector<std::vector<M>> : std::true_type {};

// A value of type M that is not M's default, so that a field the formats
// forgot to carry would come back different.
template <class M>
M filled(int salt) {
  if constexpr (std::is_same_v<M, std::string>) {
    return "värde " + std::to_string(salt);
  } else if constexpr (std::is_same_v<M, bool>) {
    return true;
  } else if constexpr (std::is_same_v<M, double>) {
    return 2.5 + salt;
  } else if constexpr (std::is_integral_v<M>) {
    return static_cast<M>(7 + salt);
  } else if constexpr (vocabulary<M>) {
    for (const M value : all_values<M>())
      if (value != M{}) return value;
    return M{};
  } else if constexpr (std::is_same_v<M, Date>) {
    return Date{std::chrono::year{2024}, std::chrono::month{10},
                std::chrono::day{static_cast<unsigned>(1 + salt % 28)}};
  } else if constexpr (std::is_same_v<M, TimeOfDay>) {
    return TimeOfDay::make(9, 30);
  } else if constexpr (std::is_same_v<M, Money>) {
    return Money::from_ore(123456 + salt, Currency::sek());
  } else if constexpr (std::is_same_v<M, Period>) {
    return Period{filled<Date>(salt), filled<Date>(salt + 1)};
  } else if constexpr (std::is_same_v<M, EntityRef>) {
    return EntityRef(EntityKind::meeting, "meeting/m" + std::to_string(salt));
  } else if constexpr (std::is_same_v<M, Provenance>) {
    return Provenance{.document = "doc.txt", .first_line = 3, .last_line = 9};
  } else if constexpr (std::is_same_v<M, Extensions>) {
    return Extensions{{"källa", "sida " + std::to_string(salt)}};
  } else if constexpr (is_optional<M>::value) {
    return M(filled<typename M::value_type>(salt));
  } else if constexpr (is_vector<M>::value) {
    return M{filled<typename M::value_type>(salt)};
  } else if constexpr (described<M>) {
    M record{};
    int n = salt;
    for_each_field<M>([&](const auto& field) {
      using F = typename std::remove_cvref_t<decltype(field)>::member_type;
      record.*field.member = filled<F>(++n);
    });
    return record;
  } else {
    // An id.
    return M("id/" + std::to_string(salt));
  }
}

// The described fields of T still at their default value.
template <described T>
std::vector<std::string> defaulted_fields(const T& record) {
  std::vector<std::string> names;
  const T defaults{};
  for_each_field<T>([&](const auto& field) {
    if (record.*field.member == defaults.*field.member) names.emplace_back(field.name);
  });
  return names;
}

template <corpus_record T>
void round_trips_everywhere() {
  Corpus corpus;
  const T added = corpus.get(corpus.add(filled<T>(0)));
  INFO(schema<T>::name);
  CHECK(defaulted_fields(added).empty());
  for (const auto format : {ArchiveFormat::binary, ArchiveFormat::text, ArchiveFormat::xml, ArchiveFormat::json}) {
    INFO(to_string(format));
    const Corpus loaded = load_from_string(save_to_string(corpus, format));
    const T* back = loaded.find(added.id);
    REQUIRE(back != nullptr);
    CHECK(*back == added);
  }
  CHECK(from_bytes<T>(to_bytes(added)) == added);
}

template <described T>
void in_schema(const nlohmann::json& definitions) {
  INFO(schema<T>::name);
  const auto& definition = definitions.at(std::string(description<T>::json_name));
  std::vector<std::string> required;
  for_each_field<T>([&](const auto& field) {
    INFO(field.name);
    CHECK(definition.at("properties").contains(std::string(field.name)));
    if (field.json == json_presence::required) required.emplace_back(field.name);
    // A field is never newer than its type.
    CHECK(field.since <= schema<T>::version);
  });
  CHECK(definition.value("required", std::vector<std::string>{}) == required);
  CHECK(definition.at("properties").size() == std::tuple_size_v<std::remove_cvref_t<decltype(description<T>::fields)>>);
  // The JSON layout's steps reach the type's current version.
  CHECK(detail::version_in_json<T>(static_cast<unsigned>(json_version)) == schema<T>::version);
}

template <class... T>
void all_in_schema(const nlohmann::json& definitions) {
  (in_schema<T>(definitions), ...);
}

}  // namespace

TEST_CASE("every described field round-trips through every format", "[fields]") {
  round_trips_everywhere<Organisation>();
  round_trips_everywhere<Person>();
  round_trips_everywhere<Membership>();
  round_trips_everywhere<Meeting>();
  round_trips_everywhere<ActionItem>();
  round_trips_everywhere<Agreement>();
  round_trips_everywhere<ActionPlan>();
  round_trips_everywhere<FundingPot>();
  round_trips_everywhere<Allocation>();
  round_trips_everywhere<Indicator>();
}

TEST_CASE("every described field is in the JSON Schema, and docs/corpus.schema.json is generated", "[fields]") {
  const std::string generated = corpus_json_schema();
  const auto schema = nlohmann::json::parse(generated);
  all_in_schema<Organisation, Person, Membership, Attendance, VoteCast, Vote, Reservation, Decision, Escalation,
                AgendaItem, Meeting, ActionItem, Party, Signatory, AgreementBlock, Threshold, Condition,
                ReportingObligation, Payment, RequisitionRule, Amendment, Agreement, PlanExtension, Goal, Activity,
                FundingLine, ActionPlan, FundingPot, AllocationShare, Allocation, Target, Observation, Indicator>(
      schema.at("$defs"));

  std::ifstream in(std::string(SAMVERKAN_SOURCE_DIR) + "/docs/corpus.schema.json", std::ios::binary);
  std::stringstream checked_in;
  checked_in << in.rdbuf();
  INFO("docs/corpus.schema.json is stale: run scripts/schema.sh");
  CHECK(checked_in.str() == generated);
}

TEST_CASE("upgrades come from one registry, the same for archives and JSON", "[fields]") {
  // Organisation 1 kept the organisation number in an extension.
  Organisation old{.id = OrganisationId("org/a"), .name = "A", .extensions = {{"organisationsnummer", "232100-0131"}}};
  detail::upgrade(old, 1);
  CHECK(old.organisation_number == "232100-0131");
  CHECK(old.extensions.empty());
  Organisation current{.id = OrganisationId("org/b"), .name = "B", .extensions = {{"organisationsnummer", "x"}}};
  detail::upgrade(current, schema<Organisation>::version);
  CHECK(current.extensions.size() == 1);

  CHECK(detail::version_in_json<Organisation>(1) == 1);
  CHECK(detail::version_in_json<Organisation>(2) == 2);
  CHECK(detail::version_in_json<Attendance>(2) == 1);
  CHECK(detail::version_in_json<Attendance>(3) == 2);
  CHECK(detail::version_in_json<Meeting>(1) == 1);
}
