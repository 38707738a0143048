#include "fixtures.hpp"

#include <samverkan/corpus.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

using namespace samverkan;

namespace {

// Records whose id differs from the key they are stored under, and nested
// records without an id, cannot be made through Corpus's public interface
// (add() and update() assign ids), yet a loader writing the tables directly
// can produce them. Access checking does not apply to the arguments of an
// explicit instantiation, which lets this test reach the tables without
// widening the header for it.
template <auto Member>
struct tables_access {
  friend auto& raw_tables(Corpus& corpus) { return corpus.*Member; }
};
template struct tables_access<&Corpus::tables_>;
auto& raw_tables(Corpus& corpus);

template <corpus_record T>
Corpus::table<T>& raw_table(Corpus& corpus) {
  return std::get<Corpus::table<T>>(raw_tables(corpus));
}

std::string listing(const std::vector<Problem>& problems) {
  std::ostringstream out;
  for (const auto& p : problems) out << "  " << p.str() << '\n';
  return out.str();
}

bool has_problem(const std::vector<Problem>& problems, Severity severity, const EntityRef& entity,
                 const std::string& field, const std::string& message_part) {
  return std::any_of(problems.begin(), problems.end(), [&](const Problem& p) {
    return p.severity == severity && p.entity == entity && p.field == field &&
           p.message.find(message_part) != std::string::npos;
  });
}

std::vector<Problem> of_severity(const std::vector<Problem>& problems, Severity severity) {
  std::vector<Problem> out;
  std::copy_if(problems.begin(), problems.end(), std::back_inserter(out),
               [severity](const Problem& p) { return p.severity == severity; });
  return out;
}

// The expected problem is printed with the whole list, so a failure says
// what was reported instead.
#define CHECK_PROBLEM(problems, severity, entity, field, message)               \
  do {                                                                           \
    INFO("expected " << to_string(severity) << " at " << describe(entity) << ": " \
                     << (field) << ": ..." << (message) << "...\nreported:\n"    \
                     << listing(problems));                                      \
    CHECK(has_problem(problems, severity, entity, field, message));             \
  } while (false)

Money kr(std::int64_t kronor) { return Money::from_kronor(kronor); }
Money eur(std::int64_t units) { return Money::from_ore(units * 100, Currency("EUR")); }
Date d(int y, unsigned m, unsigned day) { return make_date(y, m, day); }
Period backwards(int first_year) { return Period{d(first_year + 1, 1, 1), d(first_year, 12, 31)}; }

const auto E = Severity::error;
const auto W = Severity::warning;

}  // namespace

TEST_CASE("Problem::str names severity, entity, field and message", "[validate]") {
  Problem p{Severity::error, EntityRef(MeetingId("meeting/1")), "attendance[2].person",
            "refers to person person/x, which does not exist"};
  CHECK(p.str() == "error: meeting meeting/1: attendance[2].person: refers to person person/x, which does not exist");
  Problem w{Severity::warning, EntityRef(AgreementId("agreement/a")), "", "the agreement names no parties"};
  CHECK(w.str() == "warning: agreement agreement/a: the agreement names no parties");
}

TEST_CASE("the sample corpus has no errors, only the plan gaps", "[validate]") {
  auto s = fixtures::sample();
  const auto problems = s.corpus.validate();
  INFO(listing(problems));
  CHECK(of_severity(problems, Severity::error).empty());

  const auto& plan = s.corpus.get(s.plan);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].severity == W);
  CHECK(problems[0].entity == EntityRef(s.plan));
  CHECK(problems[0].field == "goals[0]");
  CHECK(problems[0].message.find(plan.goals[0].id.str()) != std::string::npos);
  CHECK(problems[0].message.find("has no activity") != std::string::npos);
  CHECK(problems[1].severity == W);
  CHECK(problems[1].entity == EntityRef(s.plan));
  CHECK(problems[1].field == "funding[1]");
  CHECK(problems[1].message.find("500 000 kr") != std::string::npos);
  CHECK(problems[1].message.find("tied to no activity or goal") != std::string::npos);
}

TEST_CASE("validation is deterministic and ordered by kind, then id", "[validate]") {
  auto s = fixtures::sample();
  s.corpus.remove(s.vastkom);
  s.corpus.remove(s.jenny);
  const auto first = s.corpus.validate();
  CHECK(first == s.corpus.validate());
  REQUIRE(first.size() > 5);
  const std::vector<EntityKind> order{EntityKind::organisation, EntityKind::person,      EntityKind::membership,
                                      EntityKind::meeting,      EntityKind::action_item, EntityKind::agreement,
                                      EntityKind::action_plan,  EntityKind::funding_pot, EntityKind::allocation,
                                      EntityKind::indicator};
  const auto rank = [&](const Problem& p) {
    return std::pair(std::find(order.begin(), order.end(), p.entity.kind) - order.begin(), p.entity.id);
  };
  CHECK(std::is_sorted(first.begin(), first.end(), [&](const Problem& a, const Problem& b) { return rank(a) < rank(b); }));
  // Within one record, problems come as found: attendance before items.
  const auto meeting_problems = [&] {
    std::vector<std::string> fields;
    for (const auto& p : first)
      if (p.entity == EntityRef(s.working_meeting)) fields.push_back(p.field);
    return fields;
  }();
  CHECK(meeting_problems == std::vector<std::string>{"attendance[0].person", "attendance[3].represents"});
}

TEST_CASE("removing an organisation turns references to it into dangling-reference errors", "[validate]") {
  auto s = fixtures::sample();
  const auto referrers = s.corpus.referring_to(s.vastkom);
  REQUIRE(referrers.size() >= 5);
  REQUIRE(s.corpus.remove(s.vastkom));
  const auto problems = s.corpus.validate();

  const std::string dangling = "refers to organisation " + s.vastkom.str() + ", which does not exist";
  for (const auto& referrer : referrers) {
    INFO(describe(referrer));
    CHECK(std::any_of(problems.begin(), problems.end(), [&](const Problem& p) {
      return p.entity == referrer && p.severity == E && p.message == dangling;
    }));
  }
  CHECK_PROBLEM(problems, E, s.malin, "organisation", dangling);
  CHECK_PROBLEM(problems, E, s.working_meeting, "attendance[3].represents", dangling);
  CHECK_PROBLEM(problems, E, s.signup_action, "owner_organisation", dangling);
  CHECK_PROBLEM(problems, E, s.plan, "owners[1]", dangling);
  CHECK_PROBLEM(problems, E, s.plan, "activities[0].responsible[0]", dangling);
  const auto& membership = s.corpus.memberships().rbegin()->second;
  REQUIRE(membership.person == s.malin);
  CHECK_PROBLEM(problems, E, membership.id, "on_behalf_of", dangling);

  // Every error is one of those references; nothing else broke.
  for (const auto& p : of_severity(problems, E)) {
    INFO(p.str());
    CHECK(p.message == dangling);
  }
  CHECK(of_severity(problems, E).size() == 6);
}

TEST_CASE("mixed currencies are reported, never thrown", "[validate]") {
  Corpus c;
  const auto region = c.add(Organisation{.id = OrganisationId("org/region"), .name = "Region"});
  c.add(Agreement{.id = AgreementId("agreement/mixed"), .parties = {{.organisation = region}},
                  .total = kr(1000),
                  .blocks = {{.key = "1", .amount = eur(600)}, {.key = "2", .amount = kr(400)}},
                  .payments = {{.amount = eur(2000), .block = "1"}}});
  const auto pot = c.add(FundingPot{.id = FundingPotId("pot/eur"), .name = "Pot", .amount = eur(100)});
  c.add(ActionPlan{.id = ActionPlanId("plan/p"),
                   .goals = {{.id = GoalId("goal/g")}},
                   .activities = {{.id = ActivityId("activity/a"), .goals = {GoalId("goal/g")}}},
                   .funding = {{.id = FundingLineId("funding/f"), .amount = kr(50), .activity = ActivityId("activity/a"),
                                .pot = pot}}});
  c.add(Allocation{.id = AllocationId("allocation/mixed"), .pot = pot,
                   .shares = {{.recipient = region, .amount = eur(60)}},
                   .undistributed = kr(40)});
  // Nothing left undistributed is 0 kr by default, which must not clash with a pot in euros.
  const auto in_euros = c.add(Allocation{.id = AllocationId("allocation/eur"), .pot = pot,
                                         .shares = {{.recipient = region, .amount = eur(100)}}});

  std::vector<Problem> problems;
  REQUIRE_NOTHROW(problems = c.validate());
  const EntityRef agreement(AgreementId("agreement/mixed"));
  CHECK_PROBLEM(problems, E, agreement, "blocks[0].amount", "is in EUR, but total is in SEK");
  CHECK_PROBLEM(problems, E, agreement, "payments[0].amount", "is in EUR, but total is in SEK");
  // No sums over mixed currencies: the mismatch is the problem to fix.
  CHECK_FALSE(std::any_of(problems.begin(), problems.end(),
                          [&](const Problem& p) { return p.entity == agreement && (p.field == "blocks" || p.field == "payments"); }));
  CHECK_PROBLEM(problems, E, pot, "amount", "cannot be added up");
  CHECK_PROBLEM(problems, E, AllocationId("allocation/mixed"), "shares", "cannot be added up");
  CHECK(std::none_of(problems.begin(), problems.end(), [&](const Problem& p) { return p.entity == EntityRef(in_euros); }));
}

TEST_CASE("a corpus with every kind of error reports each of them", "[validate]") {
  Corpus c;
  // ---- organisations and people ----
  const auto a = c.add(Organisation{.id = OrganisationId("org/a"), .name = "Region A", .aliases = {"RA"}});
  const auto b = c.add(Organisation{.id = OrganisationId("org/b"), .name = "Kommun B", .aliases = {"ra"}});
  const auto nameless = c.add(Organisation{.id = OrganisationId("org/nameless"), .name = "  "});
  const auto self = c.add(Organisation{.id = OrganisationId("org/self"), .name = "Self",
                                       .parent = OrganisationId("org/self")});
  const auto c1 = c.add(Organisation{.id = OrganisationId("org/c1"), .name = "C1", .parent = OrganisationId("org/c2")});
  const auto c2 = c.add(Organisation{.id = OrganisationId("org/c2"), .name = "C2", .parent = OrganisationId("org/c1")});
  const auto below_cycle = c.add(Organisation{.id = OrganisationId("org/below"), .name = "Below", .parent = c1});
  const auto orphan = c.add(Organisation{.id = OrganisationId("org/orphan"), .name = "Orphan",
                                         .parent = OrganisationId("org/ghost")});

  const auto anna = c.add(Person{.id = PersonId("person/anna"), .name = "Anna"});
  const auto bertil = c.add(Person{.id = PersonId("person/bertil"), .name = "Bertil"});
  const auto cecilia = c.add(Person{.id = PersonId("person/cecilia"), .name = "Cecilia"});
  const auto david = c.add(Person{.id = PersonId("person/david"), .name = "David"});
  const auto noname = c.add(Person{.id = PersonId("person/noname"), .name = ""});
  const auto homeless = c.add(Person{.id = PersonId("person/homeless"), .name = "Homeless",
                                     .organisation = OrganisationId("org/missing")});

  const auto membership = c.add(Membership{.id = MembershipId("membership/m"), .person = anna, .organisation = a,
                                           .period = backwards(2021), .substitute_for = anna});

  // ---- meetings and action items ----
  Meeting m1;
  m1.id = MeetingId("meeting/1");
  m1.body = a;
  m1.date = d(2024, 5, 10);
  m1.start = TimeOfDay::make(10, 0);
  m1.end = TimeOfDay::make(9, 0);
  m1.adjusted_on = d(2024, 5, 1);
  m1.next_meeting = d(2024, 4, 1);
  m1.attendance = {
      {.person = anna},
      {.person = anna},
      {.person = bertil, .status = AttendanceStatus::excused, .substitute_for = bertil},
      {.person = cecilia, .roles = {MeetingRole::coopted}, .coopted_for_items = {"9"}},
      {.person = PersonId("person/x")},
      {.person = david, .coopted_for_items = {"1"}},
  };
  m1.items = {
      {.number = "1", .order = 1, .presenters = {bertil},
       .decisions = {{.id = DecisionId("decision/d1"), .kind = DecisionKind::assigned,
                      .references = {EntityRef(EntityKind::agreement, "agreement/none")},
                      .votes = {{.question = "Q", .yes = 1, .no = 1,
                                 .votes = {{.person = anna, .option = VoteOption::yes},
                                           {.person = cecilia, .option = VoteOption::yes}}}}}}},
      // Voters named but not counted: the counts stay 0 and contradict nothing.
      {.number = "1", .order = 1,
       .decisions = {{.id = DecisionId("decision/d2"), .kind = DecisionKind::decided,
                      .votes = {{.question = "Q2", .votes = {{.person = anna, .option = VoteOption::no}}}}}}},
      {.number = "2", .order = 3, .decisions = {{.id = DecisionId("decision/d1"), .kind = DecisionKind::noted}}},
  };
  const auto meeting1 = c.add(m1);

  Meeting m2;
  m2.id = MeetingId("meeting/2");
  m2.body = a;
  m2.items = {{.number = "1", .decisions = {{.id = DecisionId("decision/d3"), .kind = DecisionKind::assigned}}}};
  const auto meeting2 = c.add(m2);

  const auto bodiless = c.add(Meeting{.id = MeetingId("meeting/3"), .title = "No body"});

  const auto ownerless = c.add(ActionItem{.id = ActionItemId("action/ownerless"), .what = "X", .meeting = meeting2});
  const auto misplaced = c.add(ActionItem{.id = ActionItemId("action/misplaced"), .what = "Y", .owner_person = anna,
                                          .meeting = meeting2, .decision = DecisionId("decision/d2")});
  c.add(ActionItem{.id = ActionItemId("action/fine"), .what = "Z", .owner_organisation = a, .meeting = meeting2,
                   .decision = DecisionId("decision/d3")});
  const auto undone = c.add(ActionItem{.id = ActionItemId("action/undone"), .what = "W", .owner_person = anna,
                                       .status = ActionStatus::in_progress, .done_on = d(2023, 3, 16)});
  const auto lost = c.add(ActionItem{.id = ActionItemId("action/lost"), .what = "V", .owner_person = anna,
                                     .status = ActionStatus::done, .done_on = d(2023, 3, 16), .meeting = meeting2,
                                     .item_order = 7});

  // ---- agreements ----
  const auto money = c.add(Agreement{
      .id = AgreementId("agreement/money"),
      .validity = backwards(2019),
      .total = kr(1000),
      .blocks = {{.key = "1", .amount = kr(600)}, {.key = "2", .amount = kr(300)}},
      .conditions = {{.key = "c1", .block = "7"},
                     {.key = "c2", .threshold = Threshold{.value = std::numeric_limits<double>::quiet_NaN()}}},
      .payments = {{.amount = kr(900), .block = "1"},
                   {.amount = kr(300), .condition_keys = {"c1", "nope"}, .block = "9"},
                   {.amount = kr(-100)}},
      .amendments = {{.kind = AmendmentKind::extension},
                     {.kind = AmendmentKind::amendment, .new_validity = backwards(2024)}}});
  const auto dates = c.add(Agreement{
      .id = AgreementId("agreement/dates"),
      .parties = {{.organisation = a}},
      .signatories = {{.name = "Late", .date = d(2020, 2, 1)}, {.name = "On time", .date = d(2019, 1, 10)}},
      .validity = Period::years(2019, 2019),
      .obligations = {{.what = "Premature report", .deadline = d(2018, 12, 1)},
                      {.what = "Report", .deadline = d(2019, 10, 15)},
                      {.what = "Final accounts", .deadline = d(2020, 3, 31)}}});
  const auto negative = c.add(Agreement{.id = AgreementId("agreement/negative"), .parties = {{.organisation = a}},
                                        .total = kr(-5), .blocks = {{.key = "1", .amount = kr(-5)}}});

  // ---- plans, pots, allocations ----
  const auto pot = c.add(FundingPot{.id = FundingPotId("pot/small"), .name = "Small", .amount = kr(1000),
                                    .period = backwards(2019)});
  const auto negative_pot = c.add(FundingPot{.id = FundingPotId("pot/negative"), .name = "Neg", .amount = kr(-1)});

  const auto other_plan = c.add(ActionPlan{
      .id = ActionPlanId("plan/other"),
      .goals = {{.id = GoalId("goal/q1")}},
      .activities = {{.id = ActivityId("activity/qa1"), .goals = {GoalId("goal/q1")}}},
      .funding = {{.id = FundingLineId("funding/q1"), .amount = kr(300), .activity = ActivityId("activity/qa1"),
                   .pot = pot}}});
  const auto plan = c.add(ActionPlan{
      .id = ActionPlanId("plan/p1"),
      .period = Period::years(2018, 2020),
      .period_extensions = {{.new_end = d(2022, 12, 31)}, {.new_end = d(2021, 12, 31)}},
      .goals = {{.id = GoalId("goal/g1"), .parent = GoalId("goal/g1")},
                {.id = GoalId("goal/g2"), .parent = GoalId("goal/q1")},
                {.id = GoalId("goal/g3"), .number = "3", .title = "Unserved"},
                {.id = GoalId("goal/g4"), .parent = GoalId("goal/g5")},
                {.id = GoalId("goal/g5"), .title = "Parent"}},
      .activities = {{.id = ActivityId("activity/a1"), .goals = {GoalId("goal/q1"), GoalId("goal/g1"), GoalId("goal/g2")},
                      .period = backwards(2020)},
                     {.id = ActivityId("activity/a2")},
                     {.id = ActivityId("activity/a3"), .goals = {GoalId("goal/g4")}}},
      .funding = {{.id = FundingLineId("funding/f1"), .amount = kr(100), .activity = ActivityId("activity/qa1")},
                  {.id = FundingLineId("funding/f2"), .amount = kr(100), .goal = GoalId("goal/q1")},
                  {.id = FundingLineId("funding/f3"), .amount = kr(-50), .text = "Loose"},
                  {.id = FundingLineId("funding/f4"), .amount = kr(800), .activity = ActivityId("activity/a2"), .pot = pot},
                  {.id = FundingLineId("funding/f1"), .amount = kr(1), .goal = GoalId("goal/g1")}}});
  const auto bad_period_plan = c.add(ActionPlan{.id = ActionPlanId("plan/bad-period"), .period = backwards(2020)});

  const auto allocation = c.add(Allocation{.id = AllocationId("allocation/x"), .pot = pot,
                                           .shares = {{.recipient = a, .amount = kr(600)},
                                                      {.recipient = b, .amount = kr(300)},
                                                      {.recipient = a, .amount = kr(50)}}});
  const auto negative_allocation = c.add(Allocation{.id = AllocationId("allocation/neg"), .pot = negative_pot,
                                                    .shares = {{.recipient = a, .amount = kr(-1)}}});

  // ---- indicators ----
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  const auto indicator = c.add(Indicator{
      .id = IndicatorId("indicator/i"),
      .name = "I",
      .targets = {{.value = nan, .period = backwards(2019)}},
      .observations = {{.organisation = a, .period = Period::years(2019, 2019), .value = 1},
                       {.organisation = b, .period = Period::years(2019, 2019), .value = inf},
                       {.organisation = a, .period = Period::years(2019, 2019), .value = 2},
                       {.period = Period::years(2019, 2019), .value = 3},
                       {.period = Period::years(2019, 2019), .value = 4},
                       {.organisation = b, .period = Period{d(2019, 12, 31), d(2019, 1, 1)}, .value = 5}}});

  // ---- records edited behind the corpus's back, as a file loader might ----
  auto& meetings = raw_table<Meeting>(c);
  meetings.at(meeting2).items[0].decisions.push_back(Decision{.kind = DecisionKind::noted});
  auto& people = raw_table<Person>(c);
  people.at(david).id = PersonId("person/daniel");
  people.at(cecilia).id = PersonId();

  std::vector<Problem> problems;
  REQUIRE_NOTHROW(problems = c.validate());
  const auto& p = problems;

  SECTION("dangling references, of every kind of link") {
    CHECK_PROBLEM(p, E, orphan, "parent", "refers to organisation org/ghost, which does not exist");
    CHECK_PROBLEM(p, E, homeless, "organisation", "refers to organisation org/missing, which does not exist");
    CHECK_PROBLEM(p, E, meeting1, "attendance[4].person", "refers to person person/x, which does not exist");
    CHECK_PROBLEM(p, E, meeting1, "items[0].decisions[0].references[0]",
                  "refers to agreement agreement/none, which does not exist");
    CHECK_PROBLEM(p, E, bodiless, "body", "is empty; it must name an organisation");
  }

  SECTION("ids") {
    CHECK_PROBLEM(p, E, meeting1, "items[2].decisions[0].id",
                  "defines decision decision/d1 a second time; it is already defined at meeting meeting/1 "
                  "items[0].decisions[0].id");
    CHECK_PROBLEM(p, E, plan, "funding[4].id", "defines funding_line funding/f1 a second time");
    CHECK_PROBLEM(p, E, meeting2, "items[0].decisions[1].id", "is empty; a decision needs an id of its own");
    CHECK_PROBLEM(p, E, david, "id", "is person/daniel, but the record is stored under person/david");
    CHECK_PROBLEM(p, E, cecilia, "id", "is empty; the record is stored under person/cecilia");
  }

  SECTION("periods") {
    CHECK_PROBLEM(p, E, membership, "period", "ends 2021-12-31, before it starts 2022-01-01");
    CHECK_PROBLEM(p, E, money, "validity", "ends 2019-12-31, before it starts 2020-01-01");
    CHECK_PROBLEM(p, E, money, "amendments[1].new_validity", "ends 2024-12-31, before it starts 2025-01-01");
    CHECK_PROBLEM(p, W, money, "amendments[0].new_validity", "is missing although the amendment is an extension");
    CHECK_PROBLEM(p, E, bad_period_plan, "period", "before it starts");
    CHECK_PROBLEM(p, E, plan, "activities[0].period", "before it starts");
    CHECK_PROBLEM(p, E, pot, "period", "before it starts");
    CHECK_PROBLEM(p, E, indicator, "targets[0].period", "before it starts");
    CHECK_PROBLEM(p, E, indicator, "observations[5].period", "ends 2019-01-01, before it starts 2019-12-31");
    CHECK_PROBLEM(p, E, plan, "period_extensions[1].new_end",
                  "2021-12-31 does not extend the plan: the end it extends is 2022-12-31");
    CHECK_FALSE(has_problem(p, E, plan, "period_extensions[0].new_end", ""));
  }

  SECTION("money") {
    CHECK_PROBLEM(p, E, money, "payments", "add up to 1 100 kr, more than the total (total) 1 000 kr");
    CHECK_PROBLEM(p, E, money, "blocks", "add up to 900 kr, but the total (total) is 1 000 kr");
    CHECK_PROBLEM(p, E, money, "payments[1].block", "names block '9', which the agreement does not have");
    CHECK_PROBLEM(p, E, money, "conditions[0].block", "names block '7', which the agreement does not have");
    CHECK_PROBLEM(p, E, money, "payments[1].condition_keys[1]", "names condition 'nope'");
    CHECK_FALSE(has_problem(p, E, money, "payments[1].condition_keys[0]", ""));
    CHECK_PROBLEM(p, E, money, "payments[2].amount", "is negative (-100 kr)");
    CHECK_PROBLEM(p, E, negative, "total", "is negative (-5 kr)");
    CHECK_PROBLEM(p, E, negative, "blocks[0].amount", "is negative (-5 kr)");
    CHECK_PROBLEM(p, E, plan, "funding[2].amount", "is negative (-50 kr)");
    CHECK_PROBLEM(p, E, negative_pot, "amount", "is negative (-1 kr)");
    CHECK_PROBLEM(p, E, negative_allocation, "shares[0].amount", "is negative (-1 kr)");
    CHECK_PROBLEM(p, E, pot, "amount", "is 1 000 kr, less than the 1 100 kr the funding lines drawing on it");
    CHECK_PROBLEM(p, E, pot, "amount", "plan/other funding[0], plan/p1 funding[3]");
    CHECK_PROBLEM(p, E, allocation, "shares", "add up to 950 kr, not the 1 000 kr of funding_pot pot/small");
    CHECK_PROBLEM(p, E, allocation, "shares[2].recipient", "org/a already has a share at shares[0]");
    CHECK_FALSE(has_problem(p, E, negative_allocation, "shares", ""));
  }

  SECTION("meetings") {
    CHECK_PROBLEM(p, E, meeting1, "end", "09:00 is before the start time 10:00");
    CHECK_PROBLEM(p, E, meeting1, "attendance[1].person", "person/anna is already listed at attendance[0]");
    CHECK_PROBLEM(p, E, meeting1, "attendance[2].substitute_for", "names the attendee themself (person/bertil)");
    CHECK_PROBLEM(p, E, meeting1, "attendance[3].coopted_for_items[0]", "names item '9', which is not on the meeting's agenda");
    CHECK_PROBLEM(p, W, meeting1, "attendance[5].coopted_for_items", "does not have the role coopted");
    CHECK_PROBLEM(p, E, meeting1, "items[1].number", "item number '1' is already used by items[0]");
    CHECK_PROBLEM(p, W, meeting1, "items[1].order", "1 is already the order of items[0]");
    CHECK_PROBLEM(p, E, meeting1, "adjusted_on", "2024-05-01 is before the meeting date 2024-05-10");
    CHECK_PROBLEM(p, W, meeting1, "next_meeting", "2024-04-01 is before the meeting date 2024-05-10");
    CHECK_PROBLEM(p, W, meeting2, "date", "is missing although the record has 1 agenda items");
    CHECK_PROBLEM(p, E, meeting1, "items[0].decisions[0].votes[0].yes", "records 1 yes votes, but 2 individual votes are yes");
    CHECK_FALSE(has_problem(p, E, meeting1, "items[0].decisions[0].votes[0].no", ""));
    CHECK_FALSE(has_problem(p, E, meeting1, "items[1].decisions[0].votes[0].no", ""));
    CHECK_PROBLEM(p, W, meeting1, "items[0].presenters[0]", "person/bertil presents the item but is excused (attendance[2])");
  }

  SECTION("action items") {
    CHECK_PROBLEM(p, E, ownerless, "owner_person", "has no owner");
    CHECK_PROBLEM(p, E, misplaced, "decision",
                  "decision decision/d2 was taken at meeting meeting/1, not at meeting meeting/2");
    CHECK_PROBLEM(p, W, meeting1, "items[0].decisions[0]", "decision decision/d1 gives an assignment, but no action item");
    CHECK_FALSE(has_problem(p, W, meeting2, "items[0].decisions[0]", ""));
    CHECK_PROBLEM(p, W, undone, "done_on", "2023-03-16 is set, but the status is in_progress");
    CHECK_FALSE(has_problem(p, W, lost, "done_on", ""));
    CHECK_PROBLEM(p, W, lost, "item_order", "meeting meeting/2 has no agenda item of order 7");
  }

  SECTION("organisations and people") {
    CHECK_PROBLEM(p, E, nameless, "name", "is empty");
    CHECK_PROBLEM(p, E, noname, "name", "is empty");
    CHECK_PROBLEM(p, E, self, "parent", "names the organisation itself (org/self)");
    CHECK_PROBLEM(p, E, c1, "parent", "is part of a cycle of parents: org/c1 \xE2\x86\x92 org/c2 \xE2\x86\x92 org/c1");
    CHECK_PROBLEM(p, E, c2, "parent", "is part of a cycle of parents: org/c2 \xE2\x86\x92 org/c1 \xE2\x86\x92 org/c2");
    // Under a cycle but not in it.
    CHECK_FALSE(has_problem(p, E, below_cycle, "parent", ""));
    CHECK_PROBLEM(p, W, a, "aliases[0]", "'RA' is also a name or alias of org/b");
    CHECK_PROBLEM(p, W, b, "aliases[0]", "'ra' is also a name or alias of org/a");
    CHECK_PROBLEM(p, E, membership, "substitute_for", "names the member themself (person/anna)");
  }

  SECTION("plans") {
    CHECK_PROBLEM(p, E, plan, "activities[0].goals[0]", "goal goal/q1 belongs to action_plan plan/other, not to plan/p1");
    CHECK_FALSE(has_problem(p, E, plan, "activities[0].goals[1]", ""));
    CHECK_PROBLEM(p, E, plan, "goals[0].parent", "names the goal itself (goal/g1)");
    CHECK_PROBLEM(p, E, plan, "goals[1].parent", "goal goal/q1 belongs to action_plan plan/other");
    CHECK_PROBLEM(p, E, plan, "funding[0].activity", "activity activity/qa1 belongs to action_plan plan/other");
    CHECK_PROBLEM(p, E, plan, "funding[1].goal", "goal goal/q1 belongs to action_plan plan/other");
    CHECK_PROBLEM(p, W, plan, "goals[2]", "goal goal/g3 (3 Unserved) has no activity");
    CHECK_PROBLEM(p, W, plan, "activities[1].goals", "activity activity/a2 serves no goal");
    CHECK_PROBLEM(p, W, plan, "funding[2]", "funding_line funding/f3 (-50 kr, Loose) is tied to no activity or goal");
    // A parent goal is served through its sub-goals' activities.
    CHECK_FALSE(has_problem(p, W, plan, "goals[4]", ""));
    CHECK_FALSE(has_problem(p, W, plan, "goals[3]", ""));
    CHECK(std::none_of(p.begin(), p.end(), [&](const Problem& x) { return x.entity == EntityRef(other_plan); }));
  }

  SECTION("agreements") {
    CHECK_PROBLEM(p, W, money, "parties", "names no parties");
    CHECK_PROBLEM(p, W, dates, "obligations[0].deadline", "2018-12-01 is before the agreement's validity 2019-01-01");
    CHECK_FALSE(has_problem(p, W, dates, "obligations[1].deadline", ""));
    CHECK_FALSE(has_problem(p, W, dates, "obligations[2].deadline", ""));
    CHECK_PROBLEM(p, W, dates, "signatories[0].date", "2020-02-01 is after the agreement's validity ends 2019-12-31");
    CHECK_FALSE(has_problem(p, W, dates, "signatories[1].date", ""));
    CHECK_PROBLEM(p, E, money, "conditions[1].threshold.value", "is not a finite number (NaN)");
  }

  SECTION("indicators") {
    CHECK_PROBLEM(p, E, indicator, "observations[2]",
                  "repeats the observation of org/a for 2019-01-01\xE2\x80\x93" "2019-12-31 at observations[0]");
    CHECK_PROBLEM(p, E, indicator, "observations[4]", "repeats the observation of the nation");
    CHECK_PROBLEM(p, E, indicator, "targets[0].value", "is not a finite number (NaN)");
    CHECK_PROBLEM(p, E, indicator, "observations[1].value", "is not a finite number (infinity)");
  }
}

TEST_CASE("sums of approximate amounts that do not add up are warnings", "[validate]") {
  Corpus c;
  const auto region = c.add(Organisation{.id = OrganisationId("org/region"), .name = "Region"});
  const auto approximate = c.add(Agreement{
      .id = AgreementId("agreement/ca"), .parties = {{.organisation = region}}, .total = kr(640'000'000),
      .blocks = {{.key = "1", .amount = Money::parse("ca 213 330 000 kr")},
                 {.key = "2", .amount = Money::parse("ca 213 330 000 kr")},
                 {.key = "3", .amount = Money::parse("ca 213 330 000 kr")}}});
  const auto exact = c.add(Agreement{.id = AgreementId("agreement/exact"), .parties = {{.organisation = region}},
                                     .total = kr(640'000'000),
                                     .blocks = {{.key = "1", .amount = kr(213'330'000)}},
                                     .amendments = {{.new_total = kr(213'330'000)}}});
  const auto problems = c.validate();
  CHECK_PROBLEM(problems, W, approximate, "blocks", "add up to ca 639 990 000 kr, but the total (total) is 640 000 000 kr");
  CHECK_FALSE(has_problem(problems, E, approximate, "blocks", ""));
  // The total as last amended is what the blocks must add up to.
  CHECK_FALSE(has_problem(problems, E, exact, "blocks", ""));
  CHECK(of_severity(problems, E).empty());
}
