// The id table behind Id<Kind>: one handle per text, the same handle from
// every thread, text order kept, the empty id free.
#include <samverkan/core/ids.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

using namespace samverkan;

TEST_CASE("an id is one 32-bit handle; the same text gives the same handle", "[ids]") {
  STATIC_REQUIRE(sizeof(MeetingId) == 4);
  const std::string text = "meeting/2022-11-17-lansledningsgruppen-for-vard-och-39f47d";
  const MeetingId a{text};
  const MeetingId b{std::string_view(text)};
  const MeetingId c{text.c_str()};
  CHECK(a.handle() != 0);
  CHECK(a.handle() == b.handle());
  CHECK(a.handle() == c.handle());
  CHECK(a == b);
  CHECK(a.str() == text);
  // The text is stored once: every id of it reads the same string.
  CHECK(&a.str() == &c.str());
  // Kinds share the table but stay different types; the handle is the text's.
  const DecisionId d{text};
  CHECK(d.handle() == a.handle());
  CHECK(MeetingId{"meeting/other"} != a);
  CHECK(std::hash<MeetingId>{}(a) == std::hash<MeetingId>{}(b));
}

TEST_CASE("the empty id is handle 0 and needs no table", "[ids]") {
  const PersonId none;
  CHECK(none.empty());
  CHECK(none.handle() == 0);
  CHECK(none.str().empty());
  CHECK(PersonId{""} == none);
  CHECK(PersonId{std::string()}.empty());
  CHECK_FALSE(PersonId{"person/a"}.empty());
  std::ostringstream os;
  os << PersonId{"person/anna-berg"} << "|" << none;
  CHECK(os.str() == "person/anna-berg|");
}

TEST_CASE("ids order by their text, not by when they were interned", "[ids]") {
  // Interned in reverse order, so handle order is the opposite of text order.
  const OrganisationId z{"org/test-order-zz"}, m{"org/test-order-mm"}, a{"org/test-order-aa"};
  REQUIRE(z.handle() < a.handle());
  CHECK(a < m);
  CHECK(m < z);
  CHECK((a <=> a) == std::strong_ordering::equal);
  CHECK(OrganisationId{} < a);  // empty text sorts first, as before
  std::set<OrganisationId> sorted{z, m, a, OrganisationId{"org/test-order-mm"}};
  std::vector<std::string> texts;
  for (const auto& id : sorted) texts.push_back(id.str());
  CHECK(texts == std::vector<std::string>{"org/test-order-aa", "org/test-order-mm", "org/test-order-zz"});
}

TEST_CASE("interning from several threads gives one handle per text", "[ids]") {
  // Each thread interns the same 5000 new texts in its own order, so they
  // race to add each one first.
  constexpr int threads = 4;
  constexpr int texts = 5000;
  const std::size_t before = detail::interned_id_count();
  std::vector<std::vector<std::uint32_t>> seen(threads, std::vector<std::uint32_t>(texts));
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([t, &seen] {
      for (int i = 0; i < texts; ++i) {
        const int n = (t % 2 == 0) ? i : texts - 1 - i;
        const ActionItemId id{"action/threads/" + std::to_string(n)};
        seen[static_cast<std::size_t>(t)][static_cast<std::size_t>(n)] = id.handle();
        if (id.str() != "action/threads/" + std::to_string(n)) seen[static_cast<std::size_t>(t)][0] = 0;
      }
    });
  for (auto& th : pool) th.join();
  for (int t = 1; t < threads; ++t) CHECK(seen[static_cast<std::size_t>(t)] == seen[0]);
  std::unordered_set<std::uint32_t> distinct(seen[0].begin(), seen[0].end());
  CHECK(distinct.size() == texts);
  CHECK(distinct.count(0) == 0);
  CHECK(detail::interned_id_count() == before + texts);
  for (int i = 0; i < texts; i += 997)
    CHECK(ActionItemId{"action/threads/" + std::to_string(i)}.handle() == seen[0][static_cast<std::size_t>(i)]);
}

TEST_CASE("handles past the first chunks read back their texts", "[ids]") {
  // 1024 texts fill chunk 0; these reach chunks 1-4, whose first handles sit
  // at the chunk boundaries.
  std::vector<GoalId> ids;
  for (int i = 0; i < 40000; ++i) ids.emplace_back("goal/chunks/" + std::to_string(i));
  for (int i = 0; i < 40000; ++i) REQUIRE(ids[static_cast<std::size_t>(i)].str() == "goal/chunks/" + std::to_string(i));
}
