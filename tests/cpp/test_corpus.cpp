#include "fixtures.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace samverkan;

TEST_CASE("typed ids do not convert into each other", "[corpus][ids]") {
  STATIC_REQUIRE_FALSE(std::is_convertible_v<OrganisationId, PersonId>);
  STATIC_REQUIRE_FALSE(std::is_constructible_v<PersonId, OrganisationId>);
  STATIC_REQUIRE_FALSE(std::is_convertible_v<std::string, MeetingId>);
  STATIC_REQUIRE(std::is_same_v<record_for<MeetingId>, Meeting>);
  STATIC_REQUIRE(std::is_same_v<record_for<IndicatorId>, Indicator>);
  OrganisationId a{"org/a"};
  CHECK(a.str() == "org/a");
  CHECK(EntityRef(a) == EntityRef(EntityKind::organisation, "org/a"));
  CHECK(EntityRef(a) != EntityRef(EntityKind::person, "org/a"));
  CHECK(describe(EntityRef(a)) == "organisation org/a");
}

TEST_CASE("add assigns readable, unique ids and rejects taken ones", "[corpus]") {
  Corpus c;
  auto vgr = c.add(Organisation{.name = "Västra Götalandsregionen", .kind = OrganisationKind::region});
  CHECK(vgr.str() == "org/vastra-gotalandsregionen");
  auto twin = c.add(Organisation{.name = "Västra Götalandsregionen"});
  CHECK(twin.str() == "org/vastra-gotalandsregionen-2");
  auto unnamed = c.add(Organisation{});
  CHECK(unnamed.str() == "org/3");
  auto own = c.add(Organisation{.id = OrganisationId("org/vgr"), .name = "VGR"});
  CHECK(own.str() == "org/vgr");
  CHECK_THROWS_AS(c.add(Organisation{.id = OrganisationId("org/vgr"), .name = "Other"}), duplicate_id_error);
  CHECK_THROWS_WITH(c.add(Organisation{.id = OrganisationId("org/vgr")}), Catch::Contains("organisation org/vgr"));
  CHECK(c.size() == 4);
}

TEST_CASE("nested decisions, goals, activities and funding lines get ids", "[corpus]") {
  auto s = fixtures::sample();
  const auto& meeting = s.corpus.get(s.working_meeting);
  // Long titles are cut at a word boundary so ids stay readable, and end in a
  // hash of the whole title so that other titles with the same start differ.
  CHECK(meeting.id.str() == "meeting/2024-10-28-arbetsgrupp-nytt-halso-och-600a75");
  std::set<std::string> ids;
  for (const auto& item : meeting.items)
    for (const auto& d : item.decisions) {
      CHECK_FALSE(d.id.empty());
      ids.insert(d.id.str());
    }
  CHECK(ids.size() == 4);
  CAPTURE(ids);
  CHECK(ids.count("decision/2024-10-28-arbetsgrupp-nytt-halso-och-600a75-4-2") == 1);

  const auto& plan = s.corpus.get(s.plan);
  REQUIRE(plan.goals.size() == 2);
  CHECK(plan.goals[0].id.str() == "goal/handlingsplan-for-god-och-nara-vard-1");
  CHECK(plan.activities[0].id.str() == "activity/handlingsplan-for-god-och-nara-vard-1-1");
  CHECK(plan.funding[1].id.str() == "funding/handlingsplan-for-god-och-nara-vard-2");
}

TEST_CASE("find, get, update and remove by id", "[corpus]") {
  auto s = fixtures::sample();
  Corpus& c = s.corpus;
  REQUIRE(c.find(s.jenny) != nullptr);
  CHECK(c.find(s.jenny)->name == "Jenny Nilsson");
  CHECK(c.find(PersonId("person/nobody")) == nullptr);
  CHECK_THROWS_AS(c.get(PersonId("person/nobody")), not_found_error);
  CHECK_THROWS_WITH(c.get(PersonId("person/nobody")), Catch::Contains("person person/nobody"));

  auto jenny = c.get(s.jenny);
  jenny.title = "Strateg";
  c.update(jenny);
  CHECK(c.get(s.jenny).title == "Strateg");
  CHECK_THROWS_AS(c.update(Person{.id = PersonId("person/nobody"), .name = "X"}), not_found_error);

  CHECK(c.remove(s.done_action));
  CHECK_FALSE(c.remove(s.done_action));
  CHECK(c.find(s.done_action) == nullptr);
}

TEST_CASE("indexes by date, body, organisation and person follow every change", "[corpus][index]") {
  auto s = fixtures::sample();
  Corpus& c = s.corpus;

  CHECK(c.meetings_in(Period::years(2024, 2024)) == std::vector<MeetingId>{s.working_meeting});
  CHECK(c.meetings_in(Period::years(2019, 2024)) == std::vector<MeetingId>{s.hsu_meeting, s.working_meeting});
  CHECK(c.meetings_in(Period{}).size() == 2);
  CHECK(c.meetings_in(Period::month(2019, 10)).empty());
  CHECK(c.meetings_of(s.hsu) == std::vector<MeetingId>{s.hsu_meeting});

  // Everything that names Göteborgs Stad: Maria Ljung and the working-group
  // meeting, ordered by kind then id.
  auto refs = c.referring_to(s.goteborg);
  CHECK(refs == std::vector<EntityRef>{EntityRef(s.maria), EntityRef(s.working_meeting)});
  // The state is named by the agreement (party, signatory, payer) once, not three times.
  CHECK(c.referring_to(s.state) == std::vector<EntityRef>{EntityRef(s.koemiljard)});
  // Jenny: her membership, the meeting she chaired, the action item she owns.
  auto jenny_refs = c.referring_to(s.jenny);
  CHECK(std::count(jenny_refs.begin(), jenny_refs.end(), EntityRef(s.draft_action)) == 1);
  CHECK(std::count(jenny_refs.begin(), jenny_refs.end(), EntityRef(s.working_meeting)) == 1);

  // Moving the meeting to another date and body moves it in the indexes.
  auto m = c.get(s.working_meeting);
  m.date = make_date(2019, 10, 1);
  m.body = s.hsu;
  m.attendance.pop_back();
  m.attendance.pop_back();
  m.attendance.pop_back();
  m.attendance.pop_back();  // Maria Ljung of Göteborgs Stad no longer listed
  c.update(m);
  CHECK(c.meetings_in(Period::month(2019, 10)) == std::vector<MeetingId>{s.working_meeting});
  CHECK(c.meetings_in(Period::years(2024, 2024)).empty());
  CHECK(c.meetings_of(s.working_group).empty());
  CHECK(c.meetings_of(s.hsu).size() == 2);
  CHECK(c.referring_to(s.goteborg) == std::vector<EntityRef>{EntityRef(s.maria)});

  const DecisionId noted = c.get(s.working_meeting).items[0].decisions[0].id;
  REQUIRE(c.find_decision(noted) != nullptr);
  c.remove(s.working_meeting);
  CHECK(c.meetings_of(s.hsu) == std::vector<MeetingId>{s.hsu_meeting});
  CHECK(c.find_decision(noted) == nullptr);
  CHECK_FALSE(c.contains(noted));
}

TEST_CASE("nested records are found through their holder", "[corpus][index]") {
  auto s = fixtures::sample();
  const Corpus& c = s.corpus;
  const auto& meeting = c.get(s.hsu_meeting);
  const auto decision_id = meeting.items[0].decisions[1].id;
  const Decision* d = c.find_decision(decision_id);
  REQUIRE(d != nullptr);
  CHECK(d->kind == DecisionKind::noted);
  CHECK(c.holder_of(decision_id) == EntityRef(s.hsu_meeting));
  CHECK(c.contains(decision_id));
  CHECK_FALSE(c.contains(EntityRef(EntityKind::decision, "decision/none")));

  const auto& plan = c.get(s.plan);
  const Goal* g = c.find_goal(plan.goals[1].id);
  REQUIRE(g != nullptr);
  CHECK(g->title == "Samordnad individuell plan");
  CHECK(c.find_activity(plan.activities[0].id)->number == "1.1");
  CHECK(c.find_funding_line(plan.funding[0].id)->amount == Money::from_kronor(2'000'000));
  CHECK(c.holder_of(plan.goals[0].id) == EntityRef(s.plan));
  CHECK(c.contains(s.koemiljard));
  CHECK_FALSE(c.contains(AgreementId("agreement/none")));
}

TEST_CASE("names resolve through aliases, case and spacing", "[corpus][names]") {
  auto s = fixtures::sample();
  Corpus& c = s.corpus;
  CHECK(c.resolve_organisation("VGR") == s.vgr);
  CHECK(c.resolve_organisation("vgr") == s.vgr);
  CHECK(c.resolve_organisation("  Västra   GÖTALANDSREGIONEN ") == s.vgr);
  CHECK(c.resolve_organisation("SKR") == s.skl);
  CHECK_FALSE(c.resolve_organisation("Region Skåne").has_value());

  // An alias shared by two organisations is ambiguous, not silently the first.
  c.add(Organisation{.name = "Vänersborgs Gymnasieregion", .aliases = {"VGR"}});
  CHECK_FALSE(c.resolve_organisation("VGR").has_value());
  CHECK(c.resolve_organisation("Västra Götalandsregionen") == s.vgr);

  // Adding a name that resolves returns the existing record.
  CHECK(c.resolve_or_add_organisation("göteborgs stad") == s.goteborg);
  const auto before = c.organisations().size();
  auto skane = c.resolve_or_add_organisation(" Region Skåne ", OrganisationKind::region);
  CHECK(c.organisations().size() == before + 1);
  CHECK(c.get(skane).name == "Region Skåne");
  CHECK(c.get(skane).kind == OrganisationKind::region);
  // Renaming updates the name index.
  auto renamed = c.get(skane);
  renamed.name = "Region Skåne (RS)";
  c.update(renamed);
  CHECK_FALSE(c.resolve_organisation("Region Skåne").has_value());
  CHECK(c.resolve_organisation("region skåne (rs)") == skane);
}

TEST_CASE("a person listed in many meetings is one person", "[corpus][names]") {
  auto s = fixtures::sample();
  Corpus& c = s.corpus;
  CHECK(c.resolve_person("jenny nilsson") == std::vector<PersonId>{s.jenny});
  CHECK(c.resolve_or_add_person("Jenny Nilsson", s.vgr) == s.jenny);
  CHECK(c.resolve_or_add_person("Jenny  Nilsson") == s.jenny);
  // Listed under a unit this time: still one namesake, so the same person.
  CHECK(c.resolve_or_add_person("Jenny Nilsson", s.regionhalsan) == s.jenny);
  // A second Jenny Nilsson at another organisation makes the name ambiguous;
  // a third listing at yet another organisation becomes a new person.
  const auto other = c.add(Person{.name = "Jenny Nilsson", .organisation = s.goteborg});
  CHECK(c.resolve_or_add_person("Jenny Nilsson", s.goteborg) == other);
  const auto third = c.resolve_or_add_person("Jenny Nilsson", s.halland);
  CHECK(third != s.jenny);
  CHECK(third != other);
  CHECK(c.resolve_person("Jenny Nilsson").size() == 3);
}

TEST_CASE("records compare by value and corpora by content", "[corpus][model]") {
  auto a = fixtures::sample();
  auto b = fixtures::sample();
  CHECK(a.corpus == b.corpus);
  auto m = b.corpus.get(b.working_meeting);
  m.attendance[2].status = AttendanceStatus::present;
  b.corpus.update(m);
  CHECK_FALSE(a.corpus == b.corpus);

  Organisation x{.name = "A", .extensions = {{"source.format", "pdf"}}};
  Organisation y = x;
  CHECK(x == y);
  y.extensions["source.format"] = "docx";
  CHECK(x != y);
  y = x;
  y.provenance = Provenance{.document = "000.txt", .first_line = 3, .last_line = 4};
  CHECK(x != y);
}

TEST_CASE("derived views on records", "[model]") {
  auto s = fixtures::sample();
  const auto& plan = s.corpus.get(s.plan);
  CHECK(plan.effective_period() == Period{make_date(2018, 1, 1), make_date(2024, 12, 31)});
  CHECK(plan.period == Period::years(2018, 2020));

  auto agreement = s.corpus.get(s.koemiljard);
  CHECK(agreement.block("2")->amount == Money::from_kronor(320'000'000));
  CHECK(agreement.block("3") == nullptr);
  CHECK(agreement.effective_validity() == Period::years(2019, 2019));
  agreement.amendments.push_back({.kind = AmendmentKind::extension, .new_validity = Period::years(2019, 2020)});
  CHECK(agreement.effective_validity() == Period::years(2019, 2020));

  const auto& meeting = s.corpus.get(s.working_meeting);
  CHECK(meeting.item("4")->title == "Avtalsstruktur");
  CHECK(meeting.item("9") == nullptr);
  CHECK(meeting.attendance[0].has_role(MeetingRole::chair));
  CHECK_FALSE(meeting.attendance[1].has_role(MeetingRole::chair));

  Threshold at_least_95{.comparator = Comparator::at_least, .value = 95, .unit = "%"};
  CHECK(at_least_95.is_met_by(95.0));
  CHECK_FALSE(at_least_95.is_met_by(94.9));
  Threshold over_5{.comparator = Comparator::more_than, .value = 5};
  CHECK_FALSE(over_5.is_met_by(5.0));

  const auto& indicator = s.corpus.get(s.waiting_90);
  CHECK(indicator.better(74.5, 61.2));
  CHECK(indicator.observations[2].is_national());

  const auto& open = s.corpus.get(s.signup_action);
  CHECK(open.is_open());
  CHECK(open.has_owner());
  CHECK_FALSE(s.corpus.get(s.done_action).is_open());

  Allocation alloc{.shares = {{.amount = Money::from_ore(150)}, {.amount = Money::from_ore(250)}}};
  CHECK(alloc.distributed() == Money::from_ore(400));
}

namespace {
template <class E>
void check_vocabulary() {
  std::set<std::string> names;
  for (E value : all_values<E>()) {
    const auto name = std::string(to_string(value));
    INFO(enum_traits<E>::type_name << " " << name);
    CHECK(names.insert(name).second);
    CHECK(from_string<E>(name) == value);
    CHECK(from_string<E>(swedish_name(value)) == value);
  }
  CHECK_THROWS_AS(from_string<E>("no such value"), parse_error);
}
}  // namespace

TEST_CASE("every vocabulary converts both ways, in English and Swedish", "[model][enum]") {
  check_vocabulary<EntityKind>();
  check_vocabulary<OrganisationKind>();
  check_vocabulary<MembershipRole>();
  check_vocabulary<RecordKind>();
  check_vocabulary<MeetingForm>();
  check_vocabulary<AttendanceStatus>();
  check_vocabulary<MeetingRole>();
  check_vocabulary<ItemPurpose>();
  check_vocabulary<DecisionKind>();
  check_vocabulary<VoteOption>();
  check_vocabulary<ActionStatus>();
  check_vocabulary<PartyRole>();
  check_vocabulary<ConditionKind>();
  check_vocabulary<Comparator>();
  check_vocabulary<MilestoneStatus>();
  check_vocabulary<AmendmentKind>();
  check_vocabulary<ResponsibleLevel>();
  check_vocabulary<BudgetKind>();
  check_vocabulary<Direction>();
  check_vocabulary<TargetKind>();
  check_vocabulary<Severity>();
}

TEST_CASE("the Swedish phrases of DOMAIN.md map to their concepts", "[model][enum]") {
  CHECK(from_string<DecisionKind>("lägger till handlingarna") == DecisionKind::noted);
  CHECK(from_string<DecisionKind>("Ställer sig bakom") == DecisionKind::endorsed);
  CHECK(from_string<DecisionKind>("godkänner") == DecisionKind::approved);
  CHECK(from_string<DecisionKind>("antar") == DecisionKind::adopted);
  CHECK(from_string<DecisionKind>("eskaleringsfråga") == DecisionKind::escalated);
  CHECK(from_string<AttendanceStatus>("förhindrad") == AttendanceStatus::excused);
  CHECK(from_string<AttendanceStatus>("Kallade") == AttendanceStatus::invited);
  CHECK(from_string<MeetingRole>("Vid protokollet") == MeetingRole::record_writer);
  CHECK(from_string<MeetingRole>("vice ordförande") == MeetingRole::vice_chair);
  CHECK(from_string<MeetingRole>("adjungerad") == MeetingRole::coopted);
  CHECK(from_string<OrganisationKind>("kommunalförbund") == OrganisationKind::municipal_association);
  CHECK(from_string<ItemPurpose>("Ställningstagande") == ItemPurpose::decision);
  CHECK(from_string<ConditionKind>("prestationskrav") == ConditionKind::performance_requirement);
  CHECK(from_string<ResponsibleLevel>("delregional") == ResponsibleLevel::sub_regional);
  CHECK(from_string<Direction>("lägre är bättre") == Direction::lower_is_better);
}
