// The corpus's indexes: the flat index on its own against a reference
// multiset, and indexes built in bulk (after a load) against indexes kept
// record by record, through adds, updates and removes on both sides.
#include "fixtures.hpp"

#include <samverkan/core/flat_index.hpp>
#include <samverkan/io/archive.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/query.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <climits>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace samverkan;

namespace {

std::vector<int> values_under(const detail::flat_index<int, int>& index, int key) {
  std::vector<int> out;
  index.for_each(key, [&out](int v) { out.push_back(v); });
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<int> values_under(const std::multiset<std::pair<int, int>>& reference, int key) {
  std::vector<int> out;
  for (auto it = reference.lower_bound({key, INT_MIN}); it != reference.end() && it->first == key; ++it)
    out.push_back(it->second);
  return out;
}

// W(n) in small: meetings of a few bodies, people recurring, decisions with ids.
Corpus workload(int meetings) {
  Corpus c;
  for (int o = 0; o < 12; ++o)
    c.add(Organisation{.id = OrganisationId("org/" + std::to_string(o)), .name = "Organisation " + std::to_string(o),
                       .aliases = {"O" + std::to_string(o)}});
  for (int p = 0; p < 60; ++p)
    c.add(Person{.id = PersonId("person/" + std::to_string(p)), .name = "Person " + std::to_string(p % 45),
                 .organisation = OrganisationId("org/" + std::to_string(p % 12))});
  std::mt19937 rng(5);
  for (int m = 0; m < meetings; ++m) {
    Meeting meeting;
    meeting.id = MeetingId("meeting/" + std::to_string(m));
    meeting.body = OrganisationId("org/" + std::to_string(rng() % 4));
    if (m % 17 != 0) meeting.date = make_date(2019 + static_cast<int>(rng() % 6), static_cast<unsigned>(1 + rng() % 12), static_cast<unsigned>(1 + rng() % 28));
    for (int a = 0; a < 5; ++a)
      meeting.attendance.push_back(Attendance{.person = PersonId("person/" + std::to_string(rng() % 60)),
                                              .represents = OrganisationId("org/" + std::to_string(rng() % 12))});
    for (int i = 0; i < 3; ++i) {
      AgendaItem item{.number = std::to_string(i + 1), .order = static_cast<std::uint32_t>(i + 1)};
      item.decisions.push_back(Decision{.kind = static_cast<DecisionKind>(rng() % 9), .text = "beslut"});
      meeting.items.push_back(std::move(item));
    }
    c.add(std::move(meeting));
  }
  return c;
}

// Every index answers alike in both corpora.
void same_answers(const Corpus& a, const Corpus& b) {
  REQUIRE(a == b);
  for (const auto& [id, org] : a.organisations()) {
    CHECK(a.referring_to(EntityRef(id)) == b.referring_to(EntityRef(id)));
    CHECK(a.meetings_of(id) == b.meetings_of(id));
    CHECK(a.resolve_organisation(org.name) == b.resolve_organisation(org.name));
    for (const auto& alias : org.aliases) CHECK(a.resolve_organisation(alias) == b.resolve_organisation(alias));
  }
  for (const auto& [id, person] : a.people()) {
    CHECK(a.referring_to(EntityRef(id)) == b.referring_to(EntityRef(id)));
    CHECK(a.resolve_person(person.name) == b.resolve_person(person.name));
  }
  for (const auto& [id, meeting] : a.meetings())
    for (const auto& item : meeting.items)
      for (const auto& d : item.decisions) {
        CHECK(a.holder_of(d.id) == b.holder_of(d.id));
        CHECK(b.holder_of(d.id) == EntityRef(id));
        CHECK(b.find_decision(d.id) == &b.get(id).items[static_cast<std::size_t>(&item - meeting.items.data())].decisions[0]);
      }
  for (int year = 2018; year <= 2025; ++year) {
    CHECK(a.meetings_in(Period::years(year, year)) == b.meetings_in(Period::years(year, year)));
    CHECK(a.meetings_in(Period::month(year, 3)) == b.meetings_in(Period::month(year, 3)));
  }
  CHECK(a.meetings_in(Period{}) == b.meetings_in(Period{}));
  CHECK(a.meetings_in(Period::from(make_date(2022, 6, 1))) == b.meetings_in(Period::from(make_date(2022, 6, 1))));
}

}  // namespace

TEST_CASE("the flat index answers as a multiset through inserts, erases and compactions", "[corpus][index]") {
  detail::flat_index<int, int> index;
  std::multiset<std::pair<int, int>> reference;
  std::vector<std::pair<int, int>> initial;
  std::mt19937 rng(11);
  for (int i = 0; i < 500; ++i) initial.emplace_back(static_cast<int>(rng() % 50), static_cast<int>(rng() % 20));
  index.assign(initial);
  reference.insert(initial.begin(), initial.end());
  for (int step = 0; step < 5000; ++step) {
    const int key = static_cast<int>(rng() % 60);
    const int value = static_cast<int>(rng() % 20);
    if (rng() % 3 == 0) {
      const auto found = reference.find({key, value});
      const bool had = found != reference.end();
      if (had) reference.erase(found);
      CHECK(index.erase(key, value) == had);
    } else {
      index.insert(key, value);
      reference.emplace(key, value);
    }
    if (step % 97 == 0) {
      REQUIRE(index.size() == reference.size());
      for (int k = 0; k < 60; ++k) {
        CHECK(values_under(index, k) == values_under(reference, k));
        CHECK(index.contains(k) == !values_under(reference, k).empty());
        CHECK(index.count(k) == values_under(reference, k).size());
        const auto first = index.first(k);
        CHECK(first == (values_under(reference, k).empty() ? std::optional<int>() : values_under(reference, k)[0]));
      }
      const int low = static_cast<int>(rng() % 30), high = low + static_cast<int>(rng() % 30);
      std::multiset<std::pair<int, int>> between;
      index.for_each_between(&low, &high, [&](int k, int v) { between.emplace(k, v); });
      CHECK(between == std::multiset<std::pair<int, int>>(reference.lower_bound({low, INT_MIN}),
                                                          reference.upper_bound({high, INT_MAX})));
    }
  }
}

TEST_CASE("indexes built in one pass after a load answer as those kept record by record", "[corpus][index]") {
  const Corpus built = workload(700);  // enough adds to fold the recent entries into the arrays several times
  Corpus binary = load_from_string(save_to_string(built, ArchiveFormat::binary));
  Corpus json = from_json(to_json(built));
  same_answers(built, binary);
  same_answers(built, json);
  same_answers(built, Corpus(binary));  // a copy keeps them

  // Single changes after the bulk build keep the indexes right.
  Corpus kept = built;
  for (Corpus* c : {&kept, &binary}) {
    Meeting moved = c->get(MeetingId("meeting/3"));
    moved.date = make_date(2030, 1, 1);
    moved.body = OrganisationId("org/11");
    moved.attendance.clear();
    c->update(moved);
    c->remove(MeetingId("meeting/5"));
    c->add(Meeting{.id = MeetingId("meeting/new"), .body = OrganisationId("org/0"), .date = make_date(2024, 2, 2)});
    c->add(Person{.id = PersonId("person/new"), .name = "Person 3"});
  }
  same_answers(kept, binary);
  CHECK(binary.meetings_in(Period::years(2030, 2030)) == std::vector<MeetingId>{MeetingId("meeting/3")});
  CHECK(binary.meetings_of(OrganisationId("org/11")) == std::vector<MeetingId>{MeetingId("meeting/3")});
  CHECK_FALSE(binary.contains(EntityRef(MeetingId("meeting/5"))));
  CHECK(binary.resolve_person("Person 3").size() == 3);
}

TEST_CASE("a loaded record that needs nested ids gets ones no other record holds", "[corpus][index]") {
  Corpus c;
  c.add(Meeting{.id = MeetingId("meeting/a"),
                .body = OrganisationId("org/x"),
                .items = {AgendaItem{.number = "1", .decisions = {Decision{.id = DecisionId("decision/b-1")}}}}});
  c.add(Meeting{.id = MeetingId("meeting/b"), .body = OrganisationId("org/x"),
                .items = {AgendaItem{.number = "1", .decisions = {Decision{}}}}});
  // The second meeting's decision was named decision/b-1-2: decision/b-1 was taken.
  const DecisionId assigned = c.get(MeetingId("meeting/b")).items[0].decisions[0].id;
  CHECK(assigned != DecisionId("decision/b-1"));

  // A document whose later meeting lacks a decision id: the loader must
  // index what it has read before it names the decision.
  std::string text = to_json(c);
  const auto at = text.find(assigned.str());
  REQUIRE(at != std::string::npos);
  text.replace(at, assigned.str().size(), "");
  const Corpus loaded = from_json(text);
  CHECK(loaded.get(MeetingId("meeting/b")).items[0].decisions[0].id == assigned);
  CHECK(loaded.holder_of(DecisionId("decision/b-1")) == EntityRef(MeetingId("meeting/a")));
}

TEST_CASE("queries for a period go through the date index and agree with a full scan", "[query][index]") {
  const Corpus c = workload(300);
  for (const Period& period : {Period::years(2021, 2021), Period::month(2023, 5), Period{},
                               Period::from(make_date(2024, 1, 1))}) {
    const auto indexed = decisions_in(c, period);
    auto scanned = decisions(c) | ranges::views::filter(in_period(period)) | ranges::to<std::vector>();
    CHECK(indexed.size() == scanned.size());
    const auto as_set = [](const std::vector<DecisionRow>& rows) {
      std::set<const Decision*> out;
      for (const auto& r : rows) out.insert(r.decision);
      return out;
    };
    CHECK(as_set(indexed) == as_set(scanned));
    CHECK(group_count(decisions_in(c, period), &DecisionRow::kind) ==
          group_count(decisions(c) | ranges::views::filter(in_period(period)), &DecisionRow::kind));
    // Date order, as documented.
    CHECK(std::is_sorted(indexed.begin(), indexed.end(), [](const DecisionRow& a, const DecisionRow& b) {
      return a.meeting->date.value_or(Date{}) < b.meeting->date.value_or(Date{});
    }) == (period.start || period.end));

    std::map<OrganisationId, AttendanceCount> counted;
    for (const AttendanceRow& row : attendances(c) | ranges::views::filter(in_period(period)))
      if (const auto* org = row.organisation()) {
        auto& n = counted[*org];
        if (row.status() == AttendanceStatus::present) ++n.present;
        if (row.status() == AttendanceStatus::absent) ++n.absent;
        if (row.status() == AttendanceStatus::excused) ++n.excused;
        if (row.status() == AttendanceStatus::invited) ++n.invited;
      }
    CHECK(attendance_per_organisation(c, period) == counted);
  }
}
