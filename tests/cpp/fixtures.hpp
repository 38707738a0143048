// Real-looking data shared by the tests: a working-group meeting with an
// excused member and co-opted presenters (after the 2024-10-28 minutes in
// ../shared/corpus), a committee protocol extract with § numbering, and the
// 2019 queue-billion agreement with two blocks, a reporting deadline and a
// payment schedule.
#pragma once

#include <samverkan/corpus.hpp>

namespace fixtures {

using namespace samverkan;

struct Sample {
  Corpus corpus;
  OrganisationId vgr, vastkom, goteborg, regionhalsan, working_group, state, skl, halland, hsu;
  PersonId jenny, ann_sofie, jeanette, malin, maria, ingemar, camilla, maria_fransson, mikaela;
  MeetingId working_meeting, hsu_meeting;
  AgreementId koemiljard;
  ActionItemId draft_action, signup_action, done_action;
  IndicatorId waiting_90;
  ActionPlanId plan;
};

inline Sample sample() {
  Sample s;
  Corpus& c = s.corpus;
  s.vgr = c.add(Organisation{.name = "Västra Götalandsregionen", .aliases = {"VGR"}, .kind = OrganisationKind::region});
  s.vastkom = c.add(Organisation{.name = "VästKom", .aliases = {"Västsvenska kommunalförbundens samorganisation"},
                                 .kind = OrganisationKind::municipal_association});
  s.goteborg = c.add(Organisation{.name = "Göteborgs Stad", .kind = OrganisationKind::municipality});
  s.regionhalsan = c.add(Organisation{.name = "Regionhälsan", .kind = OrganisationKind::unit, .parent = s.vgr});
  s.working_group = c.add(Organisation{.name = "Arbetsgrupp nytt hälso- och sjukvårdsavtal",
                                       .kind = OrganisationKind::working_group, .parent = s.vgr});
  s.state = c.add(Organisation{.name = "Socialdepartementet", .aliases = {"Staten"}, .kind = OrganisationKind::government});
  s.skl = c.add(Organisation{.name = "Sveriges Kommuner och Landsting", .aliases = {"SKL", "SKR"},
                             .kind = OrganisationKind::national_association});
  s.halland = c.add(Organisation{.name = "Region Halland", .kind = OrganisationKind::region});
  s.hsu = c.add(Organisation{.name = "Regionstyrelsens hälso- och sjukvårdsutskott", .aliases = {"HSU"},
                             .kind = OrganisationKind::committee, .parent = s.halland});

  s.jenny = c.add(Person{.name = "Jenny Nilsson", .organisation = s.vgr});
  s.ann_sofie = c.add(Person{.name = "Ann-Sofie Rundberg", .organisation = s.vgr});
  s.jeanette = c.add(Person{.name = "Jeanette Rehn", .organisation = s.regionhalsan});
  s.malin = c.add(Person{.name = "Malin Swärd Davidsson", .organisation = s.vastkom});
  s.maria = c.add(Person{.name = "Maria Ljung", .organisation = s.goteborg});
  s.ingemar = c.add(Person{.name = "Ingemar Blomqvist", .title = "vårdsamverkan"});
  s.camilla = c.add(Person{.name = "Camilla Lundqvist", .title = "vårdsamverkan"});
  s.maria_fransson = c.add(Person{.name = "Maria Fransson", .organisation = s.halland});
  s.mikaela = c.add(Person{.name = "Mikaela Waltersson", .organisation = s.halland});

  c.add(Membership{.person = s.jenny, .organisation = s.working_group, .role = MembershipRole::chair,
                   .period = Period::from(make_date(2024, 1, 1)), .on_behalf_of = s.vgr});
  c.add(Membership{.person = s.malin, .organisation = s.working_group, .role = MembershipRole::member,
                   .period = Period::from(make_date(2024, 1, 1)), .on_behalf_of = s.vastkom});

  Meeting m;
  m.record_kind = RecordKind::minutes;
  m.body = s.working_group;
  m.title = "Arbetsgrupp nytt hälso- och sjukvårdsavtal";
  m.date = make_date(2024, 10, 28);
  m.start = TimeOfDay::make(9, 0);
  m.end = TimeOfDay::make(15, 0);
  m.place = "Godståget, Stationshuset, Regionens hus, Göteborg";
  m.form = MeetingForm::physical;
  m.attendance = {
      {.person = s.jenny, .represents = s.vgr, .roles = {MeetingRole::chair}},
      {.person = s.ann_sofie, .represents = s.vgr},
      {.person = s.jeanette, .represents = s.regionhalsan, .status = AttendanceStatus::excused, .note = "förhindrad"},
      {.person = s.malin, .represents = s.vastkom, .roles = {MeetingRole::record_writer}},
      {.person = s.maria, .represents = s.goteborg},
      {.person = s.ingemar, .roles = {MeetingRole::coopted}, .coopted_for_items = {"1"}},
      {.person = s.camilla, .roles = {MeetingRole::coopted}, .coopted_for_items = {"1"}},
  };
  m.items = {
      {.number = "1", .order = 1, .title = "Besök", .purposes = {ItemPurpose::information},
       .presenters = {s.ingemar, s.camilla},
       .text = "Projekt om avvikelser vid in- och utskrivning samt SIP.",
       .decisions = {{.kind = DecisionKind::noted, .text = "Arbetsgruppen noterar informationen."}}},
      {.number = "2", .order = 2, .title = "Dialog", .purposes = {ItemPurpose::dialog}},
      {.number = "3", .order = 3, .title = "Aktuell information", .purposes = {ItemPurpose::information},
       .text = "Isabelle skickar save the date för tjänstemannakonferenserna den 24 och 25 mars.",
       .decisions = {{.kind = DecisionKind::assigned,
                      .text = "Arbetsgruppen ger VGR i uppdrag att distribuera ett uppdaterat avtalsutkast."}},
       .dates = {make_date(2025, 3, 24), make_date(2025, 3, 25)}},
      {.number = "4", .order = 4, .title = "Avtalsstruktur", .purposes = {ItemPurpose::decision},
       .decisions = {{.kind = DecisionKind::endorsed,
                      .text = "Arbetsgruppen ställer sig bakom att överenskommelserna ska vara fristående."},
                     {.kind = DecisionKind::escalated, .text = "Barnperspektivet lyfts till politikerna."}},
       .escalations = {{.what = "Barnperspektivet i avtalet", .to = s.vgr}}},
  };
  m.next_meeting = make_date(2024, 11, 25);
  s.working_meeting = c.add(m);
  const auto& stored = c.get(s.working_meeting);
  const DecisionId assignment = stored.items[2].decisions[0].id;

  s.draft_action = c.add(ActionItem{.what = "Distribuera uppdaterat avtalsutkast till arbetsgruppen",
                                    .owner_person = s.jenny, .owner_organisation = s.vgr,
                                    .due = make_date(2024, 11, 1), .meeting = s.working_meeting,
                                    .item_number = "3", .decision = assignment});
  s.signup_action = c.add(ActionItem{.what = "Skicka anmälningslista för dialogkonferenser",
                                     .owner_organisation = s.vastkom, .due = make_date(2024, 11, 15),
                                     .status = ActionStatus::in_progress, .meeting = s.working_meeting,
                                     .item_number = "3"});
  s.done_action = c.add(ActionItem{.what = "Boka lokal", .owner_person = s.malin, .due = make_date(2024, 10, 20),
                                   .status = ActionStatus::done, .meeting = s.working_meeting});

  s.waiting_90 = c.add(Indicator{.name = "Andel väntande inom 90 dagar", .area = "Tillgänglighet",
                                 .serves = "Kortare väntetider i specialiserad vård", .unit = "%",
                                 .direction = Direction::higher_is_better,
                                 .definition = "Andel av de väntande som väntat kortare än 90 dagar",
                                 .targets = {{.value = 71, .kind = TargetKind::national, .period = Period::years(2019, 2019)}},
                                 .observations = {{.organisation = s.halland, .period = Period::month(2019, 9), .value = 74.5},
                                                  {.organisation = s.vgr, .period = Period::month(2019, 9), .value = 61.2},
                                                  {.period = Period::month(2019, 9), .value = 68.0}}});

  Agreement a;
  a.title = "En ny, uppdaterad kömiljard 2019";
  a.short_name = "Kömiljarden 2019";
  a.parties = {{.organisation = s.state, .roles = {PartyRole::party, PartyRole::funder}},
               {.organisation = s.skl, .roles = {PartyRole::party, PartyRole::coordinator}}};
  a.signatories = {{.name = "Maja Fjaestad", .title = "Statssekreterare", .organisation = s.state,
                    .place = "Stockholm", .date = make_date(2019, 6, 19)},
                   {.name = "Vesna Jovic", .title = "Verkställande direktör", .organisation = s.skl,
                    .place = "Stockholm", .date = make_date(2019, 6, 26)}};
  a.validity = Period::years(2019, 2019);
  a.total = Money::from_kronor(1'610'000'000);
  a.blocks = {{.key = "1", .title = "Kortare väntetider", .amount = Money::from_kronor(1'280'000'000)},
              {.key = "2", .title = "Rapportering och nulägesrapport", .amount = Money::from_kronor(320'000'000)},
              {.key = "SKL", .title = "Medel till SKL", .amount = Money::from_kronor(10'000'000)}};
  a.conditions = {{.key = "svarsfrekvens", .kind = ConditionKind::condition,
                   .text = "Rapporterat till väntetidsdatabasen alla månader med en svarsfrekvens om 95 %",
                   .threshold = Threshold{.comparator = Comparator::at_least, .value = 95, .unit = "%"}, .block = "2"},
                  {.key = "90-dagar", .kind = ConditionKind::performance_requirement,
                   .text = "Förbättrad andel väntande inom 90 dagar jämfört med samma månad 2018",
                   .indicator = s.waiting_90, .block = "1"}};
  a.obligations = {{.what = "Nulägesrapport", .to = s.skl, .deadline = make_date(2019, 10, 15)}};
  a.payments = {{.amount = Money::from_kronor(320'000'000), .date = make_date(2019, 6, 30), .block = "2",
                 .payer = s.state, .status = MilestoneStatus::met},
                {.amount = Money::from_kronor(1'280'000'000), .date = make_date(2019, 12, 15),
                 .condition = "Förbättrade väntetider september–november", .condition_keys = {"90-dagar"},
                 .block = "1", .payer = s.state}};
  a.requisition_rules = {{.text = "Rekvirering av medel ska ske senast den 1 december 2019",
                          .deadline = make_date(2019, 12, 1)}};
  s.koemiljard = c.add(a);

  Meeting p;
  p.record_kind = RecordKind::protocol_extract;
  p.body = s.hsu;
  p.title = "Regionstyrelsens hälso- och sjukvårdsutskott";
  p.date = make_date(2019, 9, 24);
  p.adjusted_on = make_date(2019, 10, 9);
  p.attendance = {{.person = s.maria_fransson, .roles = {MeetingRole::record_writer}},
                  {.person = s.mikaela, .roles = {MeetingRole::adjuster}}};
  p.items = {{.number = "§182", .order = 1,
              .title = "God och nära vård En omställning av hälso- och sjukvården med fokus på primärvården",
              .purposes = {ItemPurpose::decision}, .case_number = "RS190971",
              .decisions = {{.kind = DecisionKind::approved,
                             .text = "godkänna insändande av föreslagen nulägesrapport och redovisning"},
                            {.kind = DecisionKind::noted, .text = "notera informationen och lägga den till handlingarna"}}}};
  s.hsu_meeting = c.add(p);

  ActionPlan plan;
  plan.title = "Handlingsplan för god och nära vård";
  plan.period = Period::years(2018, 2020);
  plan.period_extensions = {{.new_end = make_date(2022, 12, 31), .reference = "RS §12 2020"},
                            {.new_end = make_date(2024, 12, 31), .reference = "RS §40 2022"}};
  plan.owners = {s.vgr, s.vastkom};
  plan.goals = {{.number = "1", .title = "Ökad tillgänglighet", .indicators = {s.waiting_90}},
                {.number = "2", .title = "Samordnad individuell plan"}};
  s.plan = c.add(plan);
  auto stored_plan = c.get(s.plan);
  stored_plan.activities = {{.number = "1.1", .title = "Gemensam utbildning i SIP", .goals = {stored_plan.goals[1].id},
                             .level = ResponsibleLevel::sub_regional, .responsible = {s.vastkom}}};
  c.update(stored_plan);
  stored_plan = c.get(s.plan);
  // Goal 1 has no activity and the second funding line is tied to nothing:
  // the gaps plan evaluations keep finding.
  stored_plan.funding = {{.amount = Money::from_kronor(2'000'000), .activity = stored_plan.activities[0].id, .year = 2024},
                         {.amount = Money::from_kronor(500'000), .year = 2024, .text = "Administration"}};
  c.update(stored_plan);
  return s;
}

}  // namespace fixtures
