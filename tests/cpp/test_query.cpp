#include "fixtures.hpp"

#include <samverkan/query.hpp>

#include <catch2/catch.hpp>

#include <range/v3/algorithm/find_if.hpp>
#include <range/v3/algorithm/max_element.hpp>
#include <range/v3/iterator/operations.hpp>
#include <range/v3/range/conversion.hpp>
#include <range/v3/view/filter.hpp>
#include <range/v3/view/transform.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

using namespace samverkan;
namespace views = ranges::views;

namespace {

// Lazy views and pointer-returning queries must refuse a temporary corpus,
// whose records would be gone before the rows are read.
template <class C>
concept decisions_accept = requires(C&& c) { decisions(std::forward<C>(c)); };
template <class C>
concept gaps_accept = requires(C&& c) { plan_gaps(std::forward<C>(c)); };

std::vector<std::string> decision_texts(auto&& rows) {
  std::vector<std::string> texts;
  for (const DecisionRow& row : rows) texts.push_back(row.decision->text);
  return texts;
}

std::vector<std::string> whats(const std::vector<const ActionItem*>& items) {
  std::vector<std::string> result;
  for (const ActionItem* item : items) result.push_back(item->what);
  return result;
}

}  // namespace

TEST_CASE("lazy views are forward, const-iterable and refuse temporaries", "[query]") {
  const auto s = fixtures::sample();
  using Decisions = decltype(decisions(s.corpus));
  using Attendances = decltype(attendances(s.corpus));
  STATIC_REQUIRE(ranges::forward_range<const Decisions>);
  STATIC_REQUIRE(ranges::forward_range<const Attendances>);
  STATIC_REQUIRE(ranges::forward_range<const decltype(agenda_items(s.corpus))>);
  STATIC_REQUIRE(std::is_same_v<ranges::range_reference_t<decltype(meetings(s.corpus))>, const Meeting&>);
  STATIC_REQUIRE(std::is_same_v<ranges::range_reference_t<decltype(deadlines(s.corpus))>, Deadline>);
  STATIC_REQUIRE(decisions_accept<const Corpus&>);
  STATIC_REQUIRE_FALSE(decisions_accept<Corpus>);
  STATIC_REQUIRE(gaps_accept<const ActionPlan&>);
  STATIC_REQUIRE_FALSE(gaps_accept<ActionPlan>);

  const Decisions rows = decisions(s.corpus);
  CHECK(ranges::distance(rows) == 6);
  // A second pass over the same view sees the same rows.
  CHECK(ranges::distance(rows) == 6);
  CHECK(ranges::distance(meetings(s.corpus)) == 2);
  CHECK(ranges::distance(agenda_items(s.corpus)) == 5);
  CHECK(ranges::distance(attendances(s.corpus)) == 9);
  CHECK(ranges::distance(action_items(s.corpus)) == 3);

  // Rows point into the corpus itself, not into copies.
  const Meeting& working = s.corpus.get(s.working_meeting);
  const auto first_working = ranges::find_if(rows, [&](const DecisionRow& r) { return r.meeting == &working; });
  REQUIRE(first_working != ranges::end(rows));
  CHECK((*first_working).decision == &working.items[0].decisions[0]);
  CHECK((*first_working).item == &working.items[0]);

  // Forward iterators allow max_element over the rows.
  // The first row under the highest-numbered item (item 4 of the working group).
  const auto last_item = ranges::max_element(rows, {}, [](const DecisionRow& r) { return r.item->order; });
  CHECK((*last_item).decision->kind == DecisionKind::endorsed);
  CHECK((*last_item).item == &working.items[3]);
}

TEST_CASE("decisions per kind and per body", "[query]") {
  const auto s = fixtures::sample();
  const auto per_kind = group_count(decisions(s.corpus), &DecisionRow::kind);
  CHECK(per_kind == std::map<DecisionKind, std::size_t>{{DecisionKind::noted, 2},
                                                        {DecisionKind::endorsed, 1},
                                                        {DecisionKind::approved, 1},
                                                        {DecisionKind::assigned, 1},
                                                        {DecisionKind::escalated, 1}});

  const auto per_body = group_count(decisions(s.corpus), &DecisionRow::deciding_body);
  CHECK(per_body == std::map<OrganisationId, std::size_t>{{s.working_group, 4}, {s.hsu, 2}});

  const auto meetings_per_body = group_count(meetings(s.corpus), &Meeting::body);
  CHECK(meetings_per_body == std::map<OrganisationId, std::size_t>{{s.working_group, 1}, {s.hsu, 1}});

  // A key from a lambda over a filtered view.
  const auto items_with_decisions_per_meeting =
      group_count(agenda_items(s.corpus) | views::filter([](const ItemRow& r) { return !r.item->decisions.empty(); }),
                  [](const ItemRow& r) { return r.meeting->id; });
  CHECK(items_with_decisions_per_meeting ==
        std::map<MeetingId, std::size_t>{{s.working_meeting, 3}, {s.hsu_meeting, 1}});

  SECTION("a decision taken by another body counts for that body") {
    auto c = s.corpus;
    auto m = c.get(s.working_meeting);
    m.items[3].decisions[1].body = s.vgr;
    c.update(m);
    const auto counts = group_count(decisions(c), &DecisionRow::deciding_body);
    CHECK(counts.at(s.working_group) == 3);
    CHECK(counts.at(s.vgr) == 1);
    // by_body still asks who held the meeting; by_organisation who decided.
    CHECK(ranges::distance(decisions(c) | views::filter(by_body(s.working_group))) == 4);
    CHECK(decision_texts(decisions(c) | views::filter(by_organisation(s.vgr))) ==
          std::vector<std::string>{"Barnperspektivet lyfts till politikerna."});
  }
}

TEST_CASE("filters compose by period, body, kind and person", "[query]") {
  const auto s = fixtures::sample();
  const auto y2019 = Period::years(2019, 2019);
  const auto y2024 = Period::years(2024, 2024);

  // The brief's example: two filters in a pipeline, and the same as one predicate.
  CHECK(decision_texts(decisions(s.corpus) | views::filter(in_period(y2024)) |
                       views::filter(of_kind(DecisionKind::assigned))) ==
        std::vector<std::string>{"Arbetsgruppen ger VGR i uppdrag att distribuera ett uppdaterat avtalsutkast."});
  CHECK(ranges::distance(decisions(s.corpus) | views::filter(in_period(y2024) && of_kind(DecisionKind::assigned))) ==
        1);
  CHECK(ranges::distance(decisions(s.corpus) | views::filter(in_period(y2019) && of_kind(DecisionKind::assigned))) ==
        0);

  CHECK(decision_texts(decisions(s.corpus) | views::filter(in_period(y2019) && by_body(s.hsu))) ==
        std::vector<std::string>{"godkänna insändande av föreslagen nulägesrapport och redovisning",
                                 "notera informationen och lägga den till handlingarna"});
  CHECK(ranges::distance(decisions(s.corpus) | views::filter(in_period(y2024) && by_body(s.hsu))) == 0);

  const auto noted_or_endorsed = of_kind(DecisionKind::noted) || of_kind(DecisionKind::endorsed);
  CHECK(ranges::distance(decisions(s.corpus) | views::filter(by_body(s.working_group) && noted_or_endorsed)) == 2);
  CHECK(ranges::distance(decisions(s.corpus) | views::filter(!of_kind(DecisionKind::noted))) == 4);
  CHECK(ranges::distance(decisions(s.corpus) | views::filter(!(in_period(y2019) || in_period(y2024)))) == 0);

  // Open-ended and unbounded periods.
  CHECK(ranges::distance(meetings(s.corpus) | views::filter(in_period(Period::from(make_date(2020, 1, 1))))) == 1);
  CHECK(ranges::distance(meetings(s.corpus) | views::filter(in_period(Period{}))) == 2);

  SECTION("by person: attended, presented") {
    // Ingemar was co-opted for item 1 only: he attended its decision, not the others.
    CHECK(decision_texts(decisions(s.corpus) | views::filter(attended_by(s.ingemar))) ==
          std::vector<std::string>{"Arbetsgruppen noterar informationen."});
    CHECK(ranges::distance(decisions(s.corpus) | views::filter(attended_by(s.jenny))) == 4);
    // Excused is not attended.
    CHECK(ranges::distance(decisions(s.corpus) | views::filter(attended_by(s.jeanette))) == 0);
    CHECK(ranges::distance(meetings(s.corpus) | views::filter(attended_by(s.jeanette))) == 0);
    CHECK(ranges::distance(meetings(s.corpus) | views::filter(attended_by(s.mikaela))) == 1);

    CHECK(ranges::distance(agenda_items(s.corpus) | views::filter(presented_by(s.camilla))) == 1);
    CHECK(ranges::distance(decisions(s.corpus) | views::filter(presented_by(s.camilla))) == 1);
    CHECK(ranges::distance(decisions(s.corpus) | views::filter(presented_by(s.jenny))) == 0);
    CHECK(ranges::distance(decisions(s.corpus) |
                           views::filter(attended_by(s.malin) && !presented_by(s.ingemar))) == 3);
  }

  SECTION("by organisation") {
    CHECK(ranges::distance(meetings(s.corpus) | views::filter(by_organisation(s.vgr))) == 1);
    // Regionhälsan's only representative was excused: it took part in no meeting.
    CHECK(ranges::distance(meetings(s.corpus) | views::filter(by_organisation(s.regionhalsan))) == 0);
    CHECK(ranges::distance(meetings(s.corpus) | views::filter(by_organisation(s.hsu))) == 1);
    // The protocol's attendees represent no one; they count for Region Halland through their person records.
    CHECK(ranges::distance(attendances(s.corpus) | views::filter(by_organisation(s.halland))) == 2);
    CHECK(ranges::distance(attendances(s.corpus) | views::filter(by_organisation(s.halland) && in_period(y2024))) ==
          0);
  }

  SECTION("attendance rows") {
    const auto excused = attendances(s.corpus) | views::filter(with_status(AttendanceStatus::excused)) |
                         ranges::to<std::vector>();
    REQUIRE(excused.size() == 1);
    CHECK(excused[0].attendance->person == s.jeanette);
    CHECK(excused[0].person == s.corpus.find(s.jeanette));
    CHECK(excused[0].attendance->note == "förhindrad");
    REQUIRE(excused[0].organisation());
    CHECK(*excused[0].organisation() == s.regionhalsan);

    const auto is_coopted = where([](const AttendanceRow& r) { return r.attendance->has_role(MeetingRole::coopted); });
    const auto coopted = attendances(s.corpus) | views::filter(is_coopted) | ranges::to<std::vector>();
    REQUIRE(coopted.size() == 2);
    // Co-opted people with no organisation anywhere count for nobody.
    CHECK(coopted[0].organisation() == nullptr);
    CHECK(coopted[1].organisation() == nullptr);
  }

  SECTION("action items") {
    CHECK(ranges::distance(action_items(s.corpus) | views::filter(owned_by(s.vastkom))) == 1);
    CHECK(ranges::distance(action_items(s.corpus) | views::filter(owned_by(s.malin))) == 1);
    CHECK(ranges::distance(action_items(s.corpus) | views::filter(where(&ActionItem::is_open) && owned_by(s.malin))) ==
          0);
    CHECK(ranges::distance(action_items(s.corpus) | views::filter(with_status(ActionStatus::in_progress))) == 1);
    CHECK(ranges::distance(action_items(s.corpus) |
                           views::filter(in_period(Period::month(2024, 11)) && by_organisation(s.vgr))) == 1);
  }
}

TEST_CASE("attendance per organisation", "[query]") {
  const auto s = fixtures::sample();

  const auto all = attendance_per_organisation(s.corpus);
  CHECK(all == std::map<OrganisationId, AttendanceCount>{
                   {s.vgr, {.present = 2}},
                   {s.vastkom, {.present = 1}},
                   {s.goteborg, {.present = 1}},
                   {s.regionhalsan, {.excused = 1}},
                   {s.halland, {.present = 2}},
               });
  CHECK(all.at(s.regionhalsan).of(AttendanceStatus::excused) == 1);
  CHECK(all.at(s.regionhalsan).of(AttendanceStatus::present) == 0);
  CHECK(all.at(s.vgr).total() == 2);

  const auto in_2024 = attendance_per_organisation(s.corpus, Period::years(2024, 2024));
  CHECK(in_2024.size() == 4);
  CHECK(in_2024.count(s.halland) == 0);
  CHECK(in_2024.at(s.regionhalsan) == AttendanceCount{.excused = 1});

  const auto in_2019 = attendance_per_organisation(s.corpus, Period::years(2019, 2019));
  CHECK(in_2019 == std::map<OrganisationId, AttendanceCount>{{s.halland, {.present = 2}}});

  CHECK(attendance_per_organisation(s.corpus, Period::years(2020, 2023)).empty());

  SECTION("every status is counted; undated meetings only without a period") {
    auto c = s.corpus;
    Meeting m;
    m.body = s.working_group;
    m.title = "Arbetsgrupp, odaterat möte";
    m.attendance = {{.person = s.jenny, .represents = s.vgr, .status = AttendanceStatus::absent},
                    {.person = s.ann_sofie, .status = AttendanceStatus::invited},
                    {.person = s.jeanette, .represents = s.regionhalsan, .status = AttendanceStatus::excused}};
    c.add(m);
    const auto counts = attendance_per_organisation(c);
    CHECK(counts.at(s.vgr) == AttendanceCount{.present = 2, .absent = 1, .invited = 1});
    CHECK(counts.at(s.regionhalsan) == AttendanceCount{.excused = 2});
    CHECK(attendance_per_organisation(c, Period::years(2024, 2024)).at(s.vgr) == AttendanceCount{.present = 2});
  }
}

TEST_CASE("open action items grouped by owner, by due date", "[query]") {
  const auto s = fixtures::sample();
  const auto groups = open_action_items_by_owner(s.corpus);
  const Owner jenny_at_vgr{s.jenny, s.vgr};
  const Owner vastkom{std::nullopt, s.vastkom};
  REQUIRE(groups.size() == 2);
  REQUIRE(groups.count(jenny_at_vgr) == 1);
  REQUIRE(groups.count(vastkom) == 1);
  CHECK(groups.at(jenny_at_vgr) == std::vector<const ActionItem*>{s.corpus.find(s.draft_action)});
  // In progress is still open.
  CHECK(groups.at(vastkom) == std::vector<const ActionItem*>{s.corpus.find(s.signup_action)});
  // The done one ("Boka lokal", Malin) is nowhere.
  CHECK(groups.count(Owner{s.malin, std::nullopt}) == 0);

  SECTION("sorted by due date, undated last; ownerless items kept") {
    auto c = s.corpus;
    c.add(ActionItem{.what = "Ta fram kommunikationsplan", .owner_organisation = s.vastkom});
    c.add(ActionItem{.what = "Sammanställ remissvar", .owner_organisation = s.vastkom, .due = make_date(2024, 11, 5)});
    c.add(ActionItem{.what = "Avbokad uppföljning", .owner_organisation = s.vastkom, .due = make_date(2024, 11, 2),
                     .status = ActionStatus::cancelled});
    c.add(ActionItem{.what = "Utse kontaktperson", .due = make_date(2024, 12, 1)});
    const auto regrouped = open_action_items_by_owner(c);
    CHECK(whats(regrouped.at(vastkom)) == std::vector<std::string>{"Sammanställ remissvar",
                                                                   "Skicka anmälningslista för dialogkonferenser",
                                                                   "Ta fram kommunikationsplan"});
    REQUIRE(regrouped.count(Owner{}) == 1);
    CHECK(whats(regrouped.at(Owner{})) == std::vector<std::string>{"Utse kontaktperson"});
    CHECK(regrouped.begin()->first.empty());
  }
}

TEST_CASE("deadlines in date order", "[query]") {
  const auto s = fixtures::sample();

  const auto in_2019 = deadlines(s.corpus, Period::years(2019, 2019));
  REQUIRE(in_2019.size() == 5);
  std::vector<std::pair<std::string, DeadlineKind>> seen;
  for (const Deadline& d : in_2019) seen.emplace_back(format_date(d.date), d.kind);
  CHECK(seen == std::vector<std::pair<std::string, DeadlineKind>>{
                    {"2019-06-30", DeadlineKind::payment},
                    {"2019-10-15", DeadlineKind::reporting_obligation},
                    {"2019-12-01", DeadlineKind::requisition},
                    {"2019-12-15", DeadlineKind::payment},
                    {"2019-12-31", DeadlineKind::agreement_end},
                });
  for (const Deadline& d : in_2019) CHECK(d.entity == EntityRef(s.koemiljard));
  CHECK(in_2019[0].settled);  // the June payment is marked met
  CHECK_FALSE(in_2019[3].settled);
  CHECK(in_2019[0].what == "Kömiljarden 2019: 320 000 000 kr (block 2)");
  CHECK(in_2019[1].what == "Kömiljarden 2019: Nulägesrapport");
  CHECK(in_2019[2].what == "Kömiljarden 2019: Rekvirering av medel ska ske senast den 1 december 2019");
  CHECK(in_2019[4].what == "Kömiljarden 2019");

  const auto in_2024 = deadlines(s.corpus, Period::years(2024, 2024));
  std::vector<std::pair<std::string, DeadlineKind>> seen_2024;
  for (const Deadline& d : in_2024) seen_2024.emplace_back(format_date(d.date), d.kind);
  CHECK(seen_2024 == std::vector<std::pair<std::string, DeadlineKind>>{
                         {"2024-10-20", DeadlineKind::action_item_due},
                         {"2024-11-01", DeadlineKind::action_item_due},
                         {"2024-11-15", DeadlineKind::action_item_due},
                         {"2024-11-25", DeadlineKind::next_meeting},
                         {"2024-12-31", DeadlineKind::plan_end},  // 2018–2020, extended twice
                     });
  CHECK(in_2024[0].settled);  // "Boka lokal" is done
  CHECK(in_2024[0].entity == EntityRef(s.done_action));
  CHECK(in_2024[3].entity == EntityRef(s.working_meeting));
  CHECK(in_2024[4].entity == EntityRef(s.plan));
  CHECK(in_2024[4].what == "Handlingsplan för god och nära vård");

  // The lazy view holds all ten, unordered; filters apply to it too.
  CHECK(ranges::distance(deadlines(s.corpus)) == 10);
  CHECK(ranges::distance(deadlines(s.corpus) | views::filter(of_kind(DeadlineKind::payment))) == 2);
  CHECK(ranges::distance(deadlines(s.corpus) |
                         views::filter(of_kind(DeadlineKind::action_item_due) &&
                                       where([](const Deadline& d) { return !d.settled; }))) == 2);
  CHECK(deadlines(s.corpus, Period{}).size() == 10);
  CHECK(deadlines(s.corpus, Period::years(2020, 2023)).empty());

  SECTION("same-day deadlines follow DeadlineKind order") {
    auto c = s.corpus;
    c.add(ActionItem{.what = "Förbered nulägesrapport", .owner_organisation = s.vgr, .due = make_date(2019, 10, 15)});
    const auto day = deadlines(c, Period{make_date(2019, 10, 15), make_date(2019, 10, 15)});
    REQUIRE(day.size() == 2);
    CHECK(day[0].kind == DeadlineKind::action_item_due);
    CHECK(day[1].kind == DeadlineKind::reporting_obligation);
  }

  SECTION("an agreement's extension moves its end") {
    auto c = s.corpus;
    auto a = c.get(s.koemiljard);
    a.amendments.push_back({.kind = AmendmentKind::extension, .new_validity = Period::years(2019, 2020)});
    c.update(a);
    const auto ends = deadlines(c) | views::filter(of_kind(DeadlineKind::agreement_end)) |
                      ranges::to<std::vector>();
    REQUIRE(ends.size() == 1);
    CHECK(format_date(ends[0].date) == "2020-12-31");
  }
}

TEST_CASE("DeadlineKind is a vocabulary", "[query]") {
  CHECK(to_string(DeadlineKind::reporting_obligation) == "reporting_obligation");
  CHECK(swedish_name(DeadlineKind::requisition) == "rekvisition");
  CHECK(from_string<DeadlineKind>("Utbetalning") == DeadlineKind::payment);
  CHECK(from_string<DeadlineKind>("nästa sammanträde") == DeadlineKind::next_meeting);
  CHECK(from_string<DeadlineKind>("plan end") == DeadlineKind::plan_end);
  CHECK(try_from_string<DeadlineKind>("rekvireras senast") == DeadlineKind::requisition);
  CHECK_FALSE(try_from_string<DeadlineKind>("möte"));
  CHECK(all_values<DeadlineKind>().size() == 7);
}

TEST_CASE("plan gaps", "[query]") {
  const auto s = fixtures::sample();
  const ActionPlan& plan = s.corpus.get(s.plan);

  const PlanGaps gaps = plan_gaps(plan);
  CHECK(gaps.plan == &plan);
  REQUIRE(gaps.goals_without_activity.size() == 1);
  CHECK(gaps.goals_without_activity[0] == &plan.goals[0]);
  CHECK(gaps.goals_without_activity[0]->number == "1");
  CHECK(gaps.activities_without_goal.empty());
  REQUIRE(gaps.unlinked_funding.size() == 1);
  CHECK(gaps.unlinked_funding[0]->text == "Administration");
  CHECK(gaps.unlinked_funding[0]->amount == Money::from_kronor(500'000));
  REQUIRE(gaps.goals_without_indicator.size() == 1);
  CHECK(gaps.goals_without_indicator[0]->number == "2");
  CHECK_FALSE(gaps.empty());

  const auto all = plan_gaps(s.corpus);
  REQUIRE(all.size() == 1);
  CHECK(all[0].plan == &plan);
  CHECK(all[0].goals_without_activity == gaps.goals_without_activity);
  CHECK(all[0].unlinked_funding == gaps.unlinked_funding);

  SECTION("a goal served through a sub-goal is no gap; an activity without goal is") {
    auto c = s.corpus;
    auto p = c.get(s.plan);
    p.goals.push_back({.number = "1.1", .title = "Kortare väntetider", .parent = p.goals[0].id});
    c.update(p);
    p = c.get(s.plan);
    p.activities.push_back({.number = "1.1.1", .title = "Produktionsplanering", .goals = {p.goals[2].id}});
    p.activities.push_back({.number = "9", .title = "Övrigt utvecklingsarbete"});
    // Money tied straight to a goal is linked, even without an activity.
    p.funding.push_back({.amount = Money::from_kronor(300'000), .goal = p.goals[1].id, .year = 2024});
    c.update(p);
    const ActionPlan& updated = c.get(s.plan);
    const PlanGaps g = plan_gaps(updated);
    CHECK(g.goals_without_activity.empty());
    REQUIRE(g.unlinked_funding.size() == 1);
    CHECK(g.unlinked_funding[0]->text == "Administration");
    REQUIRE(g.activities_without_goal.size() == 1);
    CHECK(g.activities_without_goal[0]->title == "Övrigt utvecklingsarbete");
    // 1.1 has no indicator of its own; goal 1 has one, which does not cover its sub-goal.
    REQUIRE(g.goals_without_indicator.size() == 2);
    CHECK(g.goals_without_indicator[0]->number == "2");
    CHECK(g.goals_without_indicator[1]->number == "1.1");
  }

  SECTION("in the corpus, a sub-regional plan's activities serve the county-wide goals") {
    auto c = s.corpus;
    ActionPlan local;
    local.title = "Genomförandeplan Göteborg";
    local.level = ResponsibleLevel::sub_regional;
    local.parent = s.plan;
    local.activities = {{.number = "1", .title = "Väntetidsuppföljning", .goals = {plan.goals[0].id}}};
    const auto local_id = c.add(local);
    const auto per_plan = plan_gaps(c);
    REQUIRE(per_plan.size() == 2);
    const auto& county = per_plan[0].plan->id == s.plan ? per_plan[0] : per_plan[1];
    const auto& sub = per_plan[0].plan->id == s.plan ? per_plan[1] : per_plan[0];
    CHECK(county.goals_without_activity.empty());
    CHECK(county.unlinked_funding.size() == 1);
    CHECK(sub.plan->id == local_id);
    CHECK(sub.empty());
    // Judged alone, the county-wide plan still lacks an activity for goal 1.
    CHECK(plan_gaps(c.get(s.plan)).goals_without_activity.size() == 1);
  }
}

TEST_CASE("indicator ranking and series", "[query]") {
  const auto s = fixtures::sample();
  const auto september = Period::month(2019, 9);

  const auto ranking = indicator_ranking(s.corpus, s.waiting_90, september);
  REQUIRE(ranking.size() == 2);  // the national 68.0 is not a contestant
  CHECK(ranking[0].rank == 1);
  CHECK(ranking[0].organisation == s.halland);
  CHECK(ranking[0].value == 74.5);
  CHECK(ranking[1].rank == 2);
  CHECK(ranking[1].organisation == s.vgr);
  CHECK(ranking[1].value == 61.2);
  CHECK(ranking[1].observation == &s.corpus.get(s.waiting_90).observations[1]);

  CHECK(indicator_ranking(s.corpus, s.waiting_90, Period::years(2019, 2019)) == ranking);
  CHECK(indicator_ranking(s.corpus, s.waiting_90, Period::month(2019, 10)).empty());
  CHECK_THROWS_AS(indicator_ranking(s.corpus, IndicatorId{"indicator/none"}, september), not_found_error);

  SECTION("lower is better reverses the order") {
    auto c = s.corpus;
    auto ind = c.get(s.waiting_90);
    ind.direction = Direction::lower_is_better;
    c.update(ind);
    const auto r = indicator_ranking(c, s.waiting_90, september);
    REQUIRE(r.size() == 2);
    CHECK(r[0].organisation == s.vgr);
    CHECK(r[1].organisation == s.halland);
  }

  SECTION("ties share a rank and are listed by organisation id; the latest observation counts") {
    auto c = s.corpus;
    auto ind = c.get(s.waiting_90);
    ind.observations.push_back({.organisation = s.goteborg, .period = september, .value = 61.2});
    ind.observations.push_back({.organisation = s.halland, .period = Period::month(2019, 10), .value = 50.0});
    ind.observations.push_back(
        {.organisation = s.vastkom, .period = september, .value = std::numeric_limits<double>::quiet_NaN()});
    c.update(ind);

    const auto sept = indicator_ranking(c, s.waiting_90, september);
    REQUIRE(sept.size() == 3);
    CHECK(sept[0].organisation == s.halland);
    CHECK(sept[1].organisation == s.goteborg);  // "org/goteborgs-stad" < "org/vastra-gotalandsregionen"
    CHECK(sept[2].organisation == s.vgr);
    CHECK(sept[1].rank == 2);
    CHECK(sept[2].rank == 2);

    const auto year = indicator_ranking(c, s.waiting_90, Period::years(2019, 2019));
    REQUIRE(year.size() == 3);
    CHECK(year[0].organisation == s.goteborg);
    CHECK(year[0].rank == 1);
    CHECK(year[1].organisation == s.vgr);
    CHECK(year[1].rank == 1);
    CHECK(year[2].organisation == s.halland);
    CHECK(year[2].value == 50.0);
    CHECK(year[2].rank == 3);

    const auto series = indicator_series(c, s.waiting_90, s.halland);
    REQUIRE(series.size() == 2);
    CHECK(series[0]->value == 74.5);
    CHECK(series[1]->value == 50.0);
  }

  SECTION("series") {
    const auto halland = indicator_series(s.corpus, s.waiting_90, s.halland);
    REQUIRE(halland.size() == 1);
    CHECK(halland[0]->value == 74.5);
    CHECK(halland[0]->period == september);
    const auto national = indicator_series(s.corpus, s.waiting_90, std::nullopt);
    REQUIRE(national.size() == 1);
    CHECK(national[0]->value == 68.0);
    CHECK(indicator_series(s.corpus, s.waiting_90, s.goteborg).empty());
  }
}
