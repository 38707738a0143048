#include "fixtures.hpp"

#include "../../src/merge_hooks.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

using namespace samverkan;

namespace {

// Two corpora as two imports would make them: the working group's own minutes
// (a) and a colleague's notes of the same meeting plus a committee extract
// (b). Each import numbered its ids from scratch.
struct Documents {
  Corpus a, b;
  OrganisationId vgr, group;                  // in a
  PersonId jenny, ann;                        // in a
  MeetingId meeting{"meeting/1"};             // in a
  OrganisationId b_vgr, b_group, b_halland, b_hsu;  // in b
  PersonId b_jenny, b_per;                    // in b
  AgreementId b_agreement{"agreement/1"};     // in b, a different agreement than a's agreement/1
  MeetingId b_same{"meeting/2"};              // in b, a's meeting/1
  MeetingId b_other{"meeting/1"};             // in b, a committee meeting
};

Documents documents() {
  Documents d;
  Corpus& a = d.a;
  d.vgr = a.add(Organisation{.name = "Västra Götalandsregionen", .aliases = {"VGR"}, .kind = OrganisationKind::region,
                             .extensions = {{"kolada", "0014"}, {"source", "protokoll-a.txt"}}});
  d.group = a.add(Organisation{.name = "Arbetsgrupp nytt hälso- och sjukvårdsavtal",
                               .kind = OrganisationKind::working_group, .parent = d.vgr});
  d.jenny = a.add(Person{.name = "Jenny Nilsson", .organisation = d.vgr});
  d.ann = a.add(Person{.name = "Ann-Sofie Rundberg", .organisation = d.vgr});
  a.add(Membership{.person = d.jenny, .organisation = d.group, .role = MembershipRole::chair,
                   .period = Period::from(make_date(2024, 1, 1))});
  a.add(Agreement{.id = AgreementId("agreement/1"), .title = "Hälso- och sjukvårdsavtal",
                  .validity = Period::years(2024, 2027)});
  a.add(Meeting{.id = d.meeting,
                .body = d.group,
                .title = "Arbetsgrupp nytt hälso- och sjukvårdsavtal",
                .date = make_date(2024, 10, 28),
                .place = "Regionens hus",
                .attendance = {{.person = d.jenny, .roles = {MeetingRole::chair}}, {.person = d.ann}},
                .items = {{.number = "1", .order = 1, .title = "Besök",
                           .decisions = {{.id = DecisionId("decision/1"), .kind = DecisionKind::noted,
                                          .text = "Arbetsgruppen noterar informationen."}}},
                          {.number = "2", .order = 2, .title = "Dialog"}}});
  a.add(ActionItem{.id = ActionItemId("action/1"), .what = "Boka lokal", .owner_person = d.jenny,
                   .meeting = d.meeting, .item_number = "1", .decision = DecisionId("decision/1")});

  Corpus& b = d.b;
  d.b_vgr = b.add(Organisation{.id = OrganisationId("org/vgr"), .name = "VGR", .aliases = {"Region Västra Götaland"},
                               .kind = OrganisationKind::municipality,
                               .extensions = {{"scb", "14"}, {"source", "minnesanteckning-b.txt"}}});
  d.b_group = b.add(Organisation{.id = OrganisationId("org/arbetsgruppen"),
                                 .name = "Arbetsgrupp nytt hälso- och sjukvårdsavtal",
                                 .kind = OrganisationKind::working_group, .parent = d.b_vgr});
  d.b_halland = b.add(Organisation{.name = "Region Halland", .kind = OrganisationKind::region});
  d.b_hsu = b.add(Organisation{.name = "Hälso- och sjukvårdsutskottet", .aliases = {"HSU"},
                               .kind = OrganisationKind::committee, .parent = d.b_halland});
  d.b_jenny = b.add(Person{.id = PersonId("person/jn"), .name = "Jenny  NILSSON", .title = "Strateg",
                           .organisation = d.b_vgr});
  d.b_per = b.add(Person{.name = "Per Persson", .organisation = d.b_vgr});
  b.add(Membership{.person = d.b_jenny, .organisation = d.b_group, .role = MembershipRole::chair,
                   .period = Period::from(make_date(2024, 1, 1))});
  b.add(Agreement{.id = d.b_agreement, .title = "Överenskommelse om kömiljarden", .validity = Period::years(2019, 2019)});
  b.add(Meeting{.id = d.b_same,
                .body = d.b_group,
                .title = "Arbetsgrupp nytt hälso- och sjukvårdsavtal",
                .date = make_date(2024, 10, 28),
                .start = TimeOfDay::make(9, 0),
                .place = "Regionens hus, Göteborg",
                .form = MeetingForm::physical,
                .attendance = {{.person = d.b_jenny}, {.person = d.b_per, .status = AttendanceStatus::excused}},
                .items = {{.number = "1", .order = 1, .title = "Besök",
                           .decisions = {{.id = DecisionId("decision/2"), .kind = DecisionKind::noted,
                                          .text = "Arbetsgruppen  noterar  informationen."}}},
                          {.number = "3", .order = 3, .title = "Avtalsstruktur",
                           .decisions = {{.id = DecisionId("decision/1"), .kind = DecisionKind::endorsed,
                                          .text = "Arbetsgruppen ställer sig bakom avtalsstrukturen.",
                                          .references = {EntityRef(d.b_agreement)}}}}}});
  b.add(Meeting{.id = d.b_other,
                .record_kind = RecordKind::protocol_extract,
                .body = d.b_hsu,
                .title = "Hälso- och sjukvårdsutskottet",
                .date = make_date(2019, 9, 24),
                .attendance = {{.person = d.b_per}},
                .items = {{.number = "§182", .order = 1, .title = "God och nära vård",
                           .decisions = {{.id = DecisionId("decision/3"), .kind = DecisionKind::approved,
                                          .text = "godkänna nulägesrapporten"}}}}});
  b.add(ActionItem{.id = ActionItemId("action/1"), .what = "Skicka nulägesrapporten", .owner_person = d.b_per,
                   .meeting = d.b_other, .item_number = "§182", .decision = DecisionId("decision/3")});
  b.add(ActionItem{.id = ActionItemId("action/2"), .what = "Sammanställa synpunkter på avtalsstrukturen",
                   .owner_organisation = d.b_vgr, .meeting = d.b_same, .item_number = "3",
                   .decision = DecisionId("decision/1")});
  return d;
}

std::optional<EntityRef> renamed_to(const MergeReport& report, const EntityRef& from) {
  for (const auto& [old_id, new_id] : report.renamed)
    if (old_id == from) return new_id;
  return std::nullopt;
}

bool has(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

template <class T>
void collect_dangling(const Corpus& c, std::vector<std::string>& out) {
  for (const auto& [id, record] : c.all<T>())
    visit_references(record, [&](const auto& ref, auto&& path) {
      if (!c.contains(EntityRef(ref))) out.push_back(describe(EntityRef(id)) + ": " + path());
    });
}

// Checked directly, so the test does not depend on what else validate() reports.
std::vector<std::string> dangling(const Corpus& c) {
  std::vector<std::string> out;
  collect_dangling<Organisation>(c, out);
  collect_dangling<Person>(c, out);
  collect_dangling<Membership>(c, out);
  collect_dangling<Meeting>(c, out);
  collect_dangling<ActionItem>(c, out);
  collect_dangling<Agreement>(c, out);
  collect_dangling<ActionPlan>(c, out);
  collect_dangling<FundingPot>(c, out);
  collect_dangling<Allocation>(c, out);
  collect_dangling<Indicator>(c, out);
  return out;
}

// The problems a merge could cause: links to nothing, an id defined twice, a
// person listed twice, an item number used twice.
std::vector<std::string> merge_problems(const Corpus& c) {
  std::vector<std::string> out;
  for (const auto& problem : c.validate()) {
    const auto& m = problem.message;
    if (m.find("does not exist") != std::string::npos || m.find("a second time") != std::string::npos ||
        m.find("already listed") != std::string::npos || m.find("already used") != std::string::npos)
      out.push_back(problem.str());
  }
  return out;
}

}  // namespace

TEST_CASE("two imports of one meeting become one record", "[merge]") {
  auto d = documents();
  Corpus& c = d.a;
  const auto size_before = c.size();
  const auto report = c.merge(d.b);

  SECTION("organisations match by name and alias") {
    CHECK(c.organisations().size() == 4);
    CHECK(c.resolve_organisation("VGR") == d.vgr);
    CHECK(c.resolve_organisation("Region Västra Götaland") == d.vgr);
    CHECK(c.resolve_organisation("Västra Götalandsregionen") == d.vgr);
    const auto& vgr = c.get(d.vgr);
    CHECK(vgr.name == "Västra Götalandsregionen");
    CHECK(vgr.aliases == std::vector<std::string>{"VGR", "Region Västra Götaland"});
    CHECK(vgr.kind == OrganisationKind::region);
    CHECK(renamed_to(report, d.b_vgr) == EntityRef(d.vgr));
    CHECK(renamed_to(report, d.b_group) == EntityRef(d.group));
    // b's organisations that a did not know keep their ids, and their links.
    REQUIRE(c.find(d.b_hsu) != nullptr);
    CHECK(c.get(d.b_hsu).parent == d.b_halland);
  }

  SECTION("extensions are unioned and disagreements reported") {
    const Extensions expected{{"kolada", "0014"}, {"scb", "14"}, {"source", "protokoll-a.txt"}};
    CHECK(c.get(d.vgr).extensions == expected);
    INFO(Catch::Detail::stringify(report.conflicts));
    CHECK(has(report.conflicts, "organisation " + d.vgr.str() + ": kind: region vs municipality (kept region)"));
    CHECK(has(report.conflicts, "organisation " + d.vgr.str() +
                                    ": extensions[source]: protokoll-a.txt vs minnesanteckning-b.txt (kept protokoll-a.txt)"));
    CHECK(has(report.conflicts, "meeting meeting/1: place: Regionens hus vs Regionens hus, Göteborg (kept Regionens hus)"));
  }

  SECTION("a person listed in both is one person, with the missing title filled in") {
    CHECK(c.people().size() == 3);
    CHECK(c.resolve_person("Jenny Nilsson") == std::vector<PersonId>{d.jenny});
    CHECK(c.get(d.jenny).title == "Strateg");
    CHECK(c.get(d.jenny).name == "Jenny Nilsson");
    CHECK(renamed_to(report, d.b_jenny) == EntityRef(d.jenny));
    CHECK(c.memberships().size() == 1);
  }

  SECTION("the meeting gains the attendee and the item only b recorded") {
    const auto& m = c.get(d.meeting);
    REQUIRE(m.attendance.size() == 3);
    CHECK(m.attendance[0].person == d.jenny);
    CHECK(m.attendance[1].person == d.ann);
    CHECK(m.attendance[2].person == d.b_per);
    CHECK(m.attendance[2].status == AttendanceStatus::excused);
    CHECK(m.start == TimeOfDay::make(9, 0));
    CHECK(m.form == MeetingForm::physical);
    CHECK(m.place == "Regionens hus");
    REQUIRE(m.items.size() == 3);
    CHECK(m.items[2].number == "3");
    CHECK(m.items[2].order == 3);
    // The same decision (same text, spacing aside) is not repeated.
    REQUIRE(m.items[0].decisions.size() == 1);
    CHECK(m.items[0].decisions[0].id == DecisionId("decision/1"));
    CHECK(renamed_to(report, EntityRef(DecisionId("decision/2"))) == EntityRef(DecisionId("decision/1")));
    CHECK(c.meetings_of(d.group) == std::vector<MeetingId>{d.meeting});
    const auto per_refs = c.referring_to(d.b_per);
    CHECK(std::count(per_refs.begin(), per_refs.end(), EntityRef(d.meeting)) == 1);
  }

  SECTION("colliding ids are renamed and references follow") {
    // b's decision/1 is another decision than a's: it gets a fresh id in a's meeting.
    const auto& item3 = c.get(d.meeting).items[2];
    REQUIRE(item3.decisions.size() == 1);
    const DecisionId endorsed = item3.decisions[0].id;
    CHECK(endorsed != DecisionId("decision/1"));
    CHECK(renamed_to(report, EntityRef(DecisionId("decision/1"))) == EntityRef(endorsed));
    CHECK(c.holder_of(endorsed) == EntityRef(d.meeting));
    CHECK(c.find_decision(DecisionId("decision/1"))->kind == DecisionKind::noted);

    // b's agreement/1 collides with a's and is renamed; the decision's EntityRef follows.
    const auto agreement = renamed_to(report, EntityRef(d.b_agreement));
    REQUIRE(agreement);
    CHECK(agreement->id != "agreement/1");
    CHECK(c.get(AgreementId(agreement->id)).title == "Överenskommelse om kömiljarden");
    CHECK(c.get(AgreementId("agreement/1")).title == "Hälso- och sjukvårdsavtal");
    CHECK(item3.decisions[0].references == std::vector<EntityRef>{*agreement});

    // b's meeting/1 is a committee meeting, not a's meeting/1.
    const auto committee = renamed_to(report, EntityRef(d.b_other));
    REQUIRE(committee);
    const MeetingId committee_id(committee->id);
    CHECK(committee_id != d.meeting);
    CHECK(c.get(committee_id).title == "Hälso- och sjukvårdsutskottet");
    CHECK(c.meetings_of(d.b_hsu) == std::vector<MeetingId>{committee_id});
    CHECK(c.get(d.meeting).title == "Arbetsgrupp nytt hälso- och sjukvårdsavtal");

    // b's action/1 collides with a's; renamed, it still points at its (renamed) meeting.
    const auto action = renamed_to(report, EntityRef(ActionItemId("action/1")));
    REQUIRE(action);
    const auto& sent = c.get(ActionItemId(action->id));
    CHECK(sent.what == "Skicka nulägesrapporten");
    CHECK(sent.meeting == committee_id);
    CHECK(sent.decision == DecisionId("decision/3"));
    CHECK(c.holder_of(DecisionId("decision/3")) == EntityRef(committee_id));
    CHECK(c.get(ActionItemId("action/1")).what == "Boka lokal");

    // b's action/2 keeps its free id and now points at a's meeting and the renamed decision.
    const auto& gather = c.get(ActionItemId("action/2"));
    CHECK(gather.meeting == d.meeting);
    CHECK(gather.decision == endorsed);
    CHECK(gather.owner_organisation == d.vgr);
    CHECK_FALSE(renamed_to(report, EntityRef(ActionItemId("action/2"))));
  }

  SECTION("counts, and nothing left dangling") {
    // vgr, the working group, Jenny, her membership and the meeting matched.
    CHECK(report.merged == 5);
    CHECK(report.added == d.b.size() - 5);
    CHECK(c.size() == size_before + report.added);
    CHECK(dangling(c).empty());
    CHECK(merge_problems(c).empty());
  }
}

TEST_CASE("merging the same document again changes nothing", "[merge]") {
  auto d = documents();
  d.a.merge(d.b);
  const Corpus once = d.a;
  const auto again = d.a.merge(d.b);
  CHECK(d.a == once);
  CHECK(again.added == 0);
  CHECK(again.merged == d.b.size());
}

TEST_CASE("merging is deterministic", "[merge]") {
  auto first = documents();
  auto second = documents();
  const auto r1 = first.a.merge(first.b);
  const auto r2 = second.a.merge(second.b);
  CHECK(first.a == second.a);
  CHECK(r1.renamed == r2.renamed);
  CHECK(r1.conflicts == r2.conflicts);
  CHECK(r1.added == r2.added);
}

TEST_CASE("merging a corpus into itself changes nothing", "[merge]") {
  const auto s = fixtures::sample();

  Corpus copy = s.corpus;
  const auto report = copy.merge(s.corpus);
  CHECK(copy == s.corpus);
  CHECK(report.added == 0);
  CHECK(report.merged == s.corpus.size());
  CHECK(report.renamed.empty());
  CHECK(report.conflicts.empty());

  // The same object: merge must not read what it writes.
  Corpus same = s.corpus;
  const auto own = same.merge(same);
  CHECK(same == s.corpus);
  CHECK(own.added == 0);
  CHECK(own.merged == s.corpus.size());
  CHECK(same.resolve_organisation("VGR") == s.vgr);
  CHECK(same.referring_to(s.goteborg) == s.corpus.referring_to(s.goteborg));
}

TEST_CASE("merging into an empty corpus gives the other corpus", "[merge]") {
  const auto s = fixtures::sample();
  Corpus c;
  const auto report = c.merge(s.corpus);
  CHECK(c == s.corpus);
  CHECK(report.added == s.corpus.size());
  CHECK(report.merged == 0);
  CHECK(report.renamed.empty());
  CHECK(report.conflicts.empty());

  // The indexes are built, not just the tables.
  CHECK(c.resolve_organisation("vgr") == s.vgr);
  CHECK(c.resolve_person("Jenny Nilsson") == std::vector<PersonId>{s.jenny});
  CHECK(c.meetings_of(s.hsu) == std::vector<MeetingId>{s.hsu_meeting});
  CHECK(c.meetings_in(Period::years(2019, 2024)) == s.corpus.meetings_in(Period::years(2019, 2024)));
  CHECK(c.referring_to(s.goteborg) == s.corpus.referring_to(s.goteborg));
  const auto decision = s.corpus.get(s.hsu_meeting).items[0].decisions[1].id;
  CHECK(c.holder_of(decision) == EntityRef(s.hsu_meeting));
  CHECK(c.find_goal(s.corpus.get(s.plan).goals[1].id)->title == "Samordnad individuell plan");
}

TEST_CASE("plans: nested ids that collide are renewed, links follow, goals are unioned", "[merge]") {
  auto s = fixtures::sample();
  const ActionPlan original = s.corpus.get(s.plan);
  const GoalId goal1 = original.goals[0].id;
  const ActivityId activity = original.activities[0].id;
  const FundingLineId line = original.funding[0].id;

  Corpus other;
  const auto vgr = other.add(Organisation{.id = OrganisationId("org/vgr"), .name = "VGR", .kind = OrganisationKind::region});
  // Another plan that happens to use the sample plan's ids, top-level and nested.
  other.add(ActionPlan{.id = s.plan,
                       .title = "Handlingsplan för psykisk hälsa",
                       .period = Period::years(2020, 2023),
                       .owners = {vgr},
                       .goals = {{.id = goal1, .number = "1", .title = "Tidiga insatser"}},
                       .activities = {{.id = activity, .number = "1.1", .title = "Första linjen", .goals = {goal1}}},
                       .funding = {{.id = line, .amount = Money::from_kronor(1'000'000), .activity = activity}}});
  // The sample plan as another document lists it: one more goal, and an
  // activity that links goal 1 to it.
  other.add(ActionPlan{.id = ActionPlanId("plan/1"),
                       .title = "Handlingsplan för god och nära vård",
                       .period = Period::years(2018, 2020),
                       .goals = {{.id = GoalId("goal/a"), .number = "1", .title = "Ökad tillgänglighet"},
                                 {.id = GoalId("goal/b"), .number = "3", .title = "Digitala vårdmöten"}},
                       .activities = {{.id = ActivityId("activity/a"), .number = "1.2", .title = "Gemensam väntelista",
                                       .goals = {GoalId("goal/a"), GoalId("goal/b")}}}});
  other.add(Meeting{.body = vgr,
                    .title = "Styrgrupp",
                    .date = make_date(2020, 3, 1),
                    .items = {{.number = "1",
                               .decisions = {{.kind = DecisionKind::adopted, .text = "Styrgruppen antar handlingsplanen.",
                                              .references = {EntityRef(s.plan), EntityRef(goal1)}}}}}});

  const auto report = s.corpus.merge(other);
  INFO(Catch::Detail::stringify(report.conflicts));

  // The sample plan is unchanged except for what the other document added.
  const auto& merged = s.corpus.get(s.plan);
  REQUIRE(merged.goals.size() == 3);
  CHECK(merged.goals[0] == original.goals[0]);
  CHECK(merged.goals[2].id == GoalId("goal/b"));
  REQUIRE(merged.activities.size() == 2);
  CHECK(merged.activities[1].goals == std::vector<GoalId>{goal1, GoalId("goal/b")});
  CHECK(merged.funding == original.funding);
  CHECK(renamed_to(report, EntityRef(ActionPlanId("plan/1"))) == EntityRef(s.plan));
  CHECK(renamed_to(report, EntityRef(GoalId("goal/a"))) == EntityRef(goal1));

  // The other plan is renamed, and so is every nested id it shared.
  const auto renamed = renamed_to(report, EntityRef(s.plan));
  REQUIRE(renamed);
  const auto& psykisk = s.corpus.get(ActionPlanId(renamed->id));
  CHECK(psykisk.title == "Handlingsplan för psykisk hälsa");
  REQUIRE(psykisk.goals.size() == 1);
  REQUIRE(psykisk.activities.size() == 1);
  REQUIRE(psykisk.funding.size() == 1);
  CHECK(psykisk.goals[0].id != goal1);
  CHECK(psykisk.activities[0].id != activity);
  CHECK(psykisk.funding[0].id != line);
  CHECK(psykisk.activities[0].goals == std::vector<GoalId>{psykisk.goals[0].id});
  CHECK(psykisk.funding[0].activity == psykisk.activities[0].id);
  CHECK(psykisk.owners == std::vector<OrganisationId>{s.vgr});
  CHECK(s.corpus.holder_of(psykisk.goals[0].id) == EntityRef(psykisk.id));
  CHECK(s.corpus.holder_of(goal1) == EntityRef(s.plan));

  // EntityRefs to the renamed plan and goal follow them.
  const auto meetings = s.corpus.meetings_of(s.vgr);
  REQUIRE(meetings.size() == 1);
  const auto& decision = s.corpus.get(meetings[0]).items[0].decisions[0];
  CHECK(decision.references == std::vector<EntityRef>{EntityRef(psykisk.id), EntityRef(psykisk.goals[0].id)});

  CHECK(dangling(s.corpus).empty());
  CHECK(merge_problems(s.corpus).empty());
}

TEST_CASE("organisations are all mapped before their parents are rewritten", "[merge]") {
  Corpus a;
  const auto regionhalsan = a.add(Organisation{.name = "Regionhälsan", .kind = OrganisationKind::unit});

  Corpus b;
  // Another organisation under a's id, and a child that sorts before it.
  const auto taken = b.add(Organisation{.id = regionhalsan, .name = "Regionhälsan Halland", .kind = OrganisationKind::unit});
  const auto child = b.add(Organisation{.id = OrganisationId("org/a-vardcentral"), .name = "Vårdcentral Achima",
                                        .kind = OrganisationKind::private_provider, .parent = taken});
  b.add(Person{.name = "Eva Ek", .organisation = taken});

  const auto report = a.merge(b);
  const auto renamed = renamed_to(report, EntityRef(taken));
  REQUIRE(renamed);
  const OrganisationId halland(renamed->id);
  CHECK(a.get(halland).name == "Regionhälsan Halland");
  CHECK(a.get(regionhalsan).name == "Regionhälsan");
  CHECK(a.get(child).parent == halland);
  const auto eva = a.resolve_person("Eva Ek");
  REQUIRE(eva.size() == 1);
  CHECK(a.get(eva[0]).organisation == halland);
  CHECK(a.referring_to(halland) == std::vector<EntityRef>{EntityRef(child), EntityRef(eva[0])});
  CHECK(a.referring_to(regionhalsan).empty());
  CHECK(report.added == 3);
  CHECK(dangling(a).empty());
}

TEST_CASE("indicators, pots and allocations match through mapped references", "[merge]") {
  auto s = fixtures::sample();
  const auto pot = s.corpus.add(FundingPot{.name = "Kömiljarden del 1", .agreement = s.koemiljard, .year = 2019});

  Corpus other;
  const auto halland = other.add(Organisation{.id = OrganisationId("org/halland"), .name = "Region Halland"});
  const auto agreement = other.add(Agreement{.id = AgreementId("agreement/kom"), .title = "En ny, uppdaterad kömiljard 2019",
                                             .validity = Period::years(2019, 2019)});
  const auto indicator = other.add(Indicator{
      .id = IndicatorId("indicator/1"),
      .name = "ANDEL väntande inom 90 dagar",
      .observations = {{.organisation = halland, .period = Period::month(2019, 9), .value = 74.0},
                       {.organisation = halland, .period = Period::month(2019, 10), .value = 75.1}}});
  const auto other_pot = other.add(FundingPot{.id = FundingPotId("pot/1"), .name = "Kömiljarden del 1",
                                              .amount = Money::from_kronor(1'280'000'000), .agreement = agreement,
                                              .year = 2019});
  other.add(Allocation{.pot = other_pot, .rule = "population_share",
                       .shares = {{.recipient = halland, .amount = Money::from_kronor(1'280'000'000)}}});

  const auto report = s.corpus.merge(other);
  CHECK(renamed_to(report, EntityRef(agreement)) == EntityRef(s.koemiljard));
  CHECK(renamed_to(report, EntityRef(indicator)) == EntityRef(s.waiting_90));
  CHECK(renamed_to(report, EntityRef(other_pot)) == EntityRef(pot));
  CHECK(renamed_to(report, EntityRef(halland)) == EntityRef(s.halland));

  // One organisation's value for one period is one fact: ours is kept, the
  // new month is added.
  const auto& observations = s.corpus.get(s.waiting_90).observations;
  REQUIRE(observations.size() == 4);
  CHECK(observations[0].value == 74.5);
  CHECK(observations[3].organisation == s.halland);
  CHECK(observations[3].value == 75.1);
  INFO(Catch::Detail::stringify(report.conflicts));
  CHECK(std::count_if(report.conflicts.begin(), report.conflicts.end(), [&](const std::string& line) {
          return line.rfind("indicator " + s.waiting_90.str() + ": observations[", 0) == 0 &&
                 line.find(": 74.5 vs 74 (kept 74.5)") != std::string::npos;
        }) == 1);

  // The pot's unset amount is filled in; the allocation lands on our pot.
  CHECK(s.corpus.get(pot).amount == Money::from_kronor(1'280'000'000));
  REQUIRE(s.corpus.allocations().size() == 1);
  const auto& allocation = s.corpus.allocations().begin()->second;
  CHECK(allocation.pot == pot);
  CHECK(allocation.shares[0].recipient == s.halland);
  CHECK(report.added == 1);
  CHECK(report.merged == 4);
  CHECK(dangling(s.corpus).empty());
}

TEST_CASE("a merge into itself, in place, does not read what it writes", "[merge]") {
  const auto s = fixtures::sample();
  Corpus same = s.corpus;
  same.merge(same);
  CHECK(same == s.corpus);
}

TEST_CASE("long names that share their first words get ids that do not depend on order", "[merge][corpus]") {
  const std::string halland = "Ledningsgruppen för hälso- och sjukvårdsavtalet mellan kommunerna och regionen i Halland";
  const std::string ostergotland =
      "Ledningsgruppen för hälso- och sjukvårdsavtalet mellan kommunerna och regionen i Östergötland";
  Corpus one, other;
  const auto h1 = one.add(Organisation{.name = halland});
  const auto o1 = one.add(Organisation{.name = ostergotland});
  const auto o2 = other.add(Organisation{.name = ostergotland});
  const auto h2 = other.add(Organisation{.name = halland});
  CHECK(h1 == h2);
  CHECK(o1 == o2);
  CHECK(h1 != o1);
  CHECK(h1.str().rfind("org/ledningsgruppen-for-halso-och-sjukvardsavtalet", 0) == 0);
  // The same long name again is a namesake: the usual suffix.
  const auto again = one.add(Organisation{.name = halland});
  CHECK(again.str() == h1.str() + "-2");
  // Merging the two corpora recognises both organisations under their ids.
  const auto report = one.merge(other);
  CHECK(report.renamed.empty());
}

TEST_CASE("a merge that fails leaves the corpus as it was", "[merge]") {
  // Every point of failure: after the first change, the second, ... until a
  // merge runs through.
  const auto reference = [] {
    auto d = documents();
    d.a.merge(d.b);
    return d.a;
  }();
  for (std::size_t n = 1;; ++n) {
    auto d = documents();
    const Corpus before = d.a;
    detail::merge_fail_after_changes = n;
    bool failed = false;
    try {
      d.a.merge(d.b);
    } catch (const std::runtime_error&) {
      failed = true;
    }
    detail::merge_fail_after_changes = 0;
    if (!failed) {
      CHECK(d.a == reference);
      CHECK(n > 3);
      break;
    }
    INFO("failed after change " << n);
    CHECK(d.a == before);
    // The indexes are as they were, not only the tables.
    CHECK(d.a.resolve_organisation("VGR") == before.resolve_organisation("VGR"));
    CHECK(d.a.meetings_in(Period::years(2019, 2026)) == before.meetings_in(Period::years(2019, 2026)));
    CHECK(d.a.referring_to(d.vgr) == before.referring_to(d.vgr));
    // And the corpus still takes the merge.
    d.a.merge(d.b);
    CHECK(d.a == reference);
  }
}
