#include "fixtures.hpp"

#include <catch2/catch.hpp>

using namespace samverkan;

TEST_CASE("typed ids do not convert into each other", "[corpus][ids]") {
  STATIC_REQUIRE_FALSE(std::is_convertible_v<OrganisationId, PersonId>);
  STATIC_REQUIRE_FALSE(std::is_constructible_v<PersonId, OrganisationId>);
  STATIC_REQUIRE(std::is_same_v<record_for<MeetingId>, Meeting>);
  OrganisationId a{"org/a"};
  CHECK(a.str() == "org/a");
  CHECK(EntityRef(a) == EntityRef(EntityKind::organisation, "org/a"));
  CHECK(describe(EntityRef(a)) == "organisation org/a");
}

TEST_CASE("the sample corpus builds", "[corpus]") {
  auto s = fixtures::sample();
  CHECK(s.corpus.organisations().size() == 9);
  CHECK(s.corpus.get(s.working_meeting).attendance.size() == 7);
}
