#include "fixtures.hpp"

#include <samverkan/io/json.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>

using namespace samverkan;

namespace {

constexpr std::int64_t max_ore = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t min_ore = std::numeric_limits<std::int64_t>::min();

Provenance at(std::size_t first, std::size_t last) {
  return Provenance{.document = "002_41110eb7b0da83e7.txt", .first_line = first, .last_line = last};
}

// One record of every kind with every optional member set, Swedish text and
// amounts at the edges of the range.
Corpus everything_set() {
  Corpus c;
  const OrganisationId region{"org/region-västra-götaland"};
  const OrganisationId hsn{"org/hsn"};
  const PersonId anna{"person/anna"};
  const PersonId goran{"person/göran"};
  c.add(Organisation{.id = region, .name = "Västra Götalandsregionen – Regionstyrelsen", .aliases = {"VGR", "Regionen"},
                     .kind = OrganisationKind::region, .parent = OrganisationId("org/sverige"),
                     .extensions = {{"source.page", "3"}, {"anteckning", "Ärendet gäller även Örebro, é"}},
                     .provenance = at(1, 2)});
  c.add(Organisation{.id = hsn, .name = "Hälso- och sjukvårdsnämnden", .kind = OrganisationKind::committee,
                     .parent = region});
  c.add(Person{.id = anna, .name = "Anna Åkesson", .title = "hälso- och sjukvårdsstrateg", .organisation = region,
               .extensions = {{"e-post", "anna@example.se"}}, .provenance = at(3, 3)});
  c.add(Person{.id = goran, .name = "Göran Öst", .organisation = hsn});
  c.add(Membership{.id = MembershipId("membership/anna-hsn"), .person = anna, .organisation = hsn,
                   .role = MembershipRole::substitute, .role_title = "ersättare för Göran",
                   .period = Period{make_date(2023, 1, 1), std::nullopt}, .on_behalf_of = region,
                   .substitute_for = goran, .extensions = {{"x", "y"}}, .provenance = at(4, 5)});

  Decision decision{.id = DecisionId("decision/hsn-§12"), .kind = DecisionKind::adopted, .procedural = true,
                    .text = "Nämnden antar handlingsplanen – med ändringar.", .proposal = "Nämnden föreslås anta planen.",
                    .body = hsn,
                    .references = {EntityRef(ActionPlanId("plan/nära-vård")), EntityRef(EntityKind::decision, "decision/x")},
                    .votes = {{.question = "Bifall eller avslag?", .yes = 9, .no = 4, .abstain = 2,
                               .votes = {{.person = goran, .option = VoteOption::no}, {.person = anna}},
                               .extensions = {{"votering", "öppen"}}}},
                    .reservations = {{.person = goran, .text = "Reservation till förmån för eget förslag.",
                                      .extensions = {{"bilaga", "1"}}}},
                    .extensions = {{"paragraf", "12"}}, .provenance = at(10, 20)};
  Meeting m{.id = MeetingId("meeting/2024-03-10-hsn"), .record_kind = RecordKind::protocol, .body = hsn,
            .title = "Sammanträde med hälso- och sjukvårdsnämnden", .date = make_date(2024, 3, 10),
            .start = TimeOfDay::make(8, 30), .end = TimeOfDay::make(24, 0), .place = "Regionens hus, Vänersborg",
            .form = MeetingForm::hybrid,
            .attendance = {{.person = anna, .represents = region, .status = AttendanceStatus::present,
                            .roles = {MeetingRole::coopted, MeetingRole::adjuster}, .coopted_for_items = {"§12", "18a"},
                            .substitute_for = goran, .party = "KD", .note = "deltar på distans", .extensions = {{"plats", "Skövde"}},
                            .provenance = at(6, 6)},
                           {.person = goran, .status = AttendanceStatus::excused}},
            .items = {{.number = "§12", .order = std::numeric_limits<std::uint32_t>::max(), .title = "Handlingsplan",
                       .purposes = {ItemPurpose::decision, ItemPurpose::dialog}, .presenters = {anna},
                       .text = "Föredragande: Anna Åkesson.\nRad två – med tankstreck.", .case_number = "HSN 2024-00012",
                       .decisions = {decision},
                       .escalations = {{.what = "Finansieringen lyfts till regionstyrelsen", .to = region,
                                        .extensions = {{"k", "v"}}, .provenance = at(21, 22)}},
                       .amounts = {Money::from_ore(max_ore, Currency::sek(), true), Money::from_ore(min_ore),
                                   Money::from_ore(-1, Currency("EUR"))},
                       .dates = {make_date(2024, 2, 29), make_date(1, 1, 1)},
                       .attachments = {"Bilaga 1 – Handlingsplan.pdf"}, .extensions = {{"é", "ü"}},
                       .provenance = at(7, 30)}},
            .adjusted_on = make_date(2024, 3, 17), .next_meeting = make_date(2024, 4, 14),
            .extensions = {{"source.format", "pdf"}}, .provenance = at(1, 40)};
  c.add(m);
  c.add(ActionItem{.id = ActionItemId("action/återrapportera"), .what = "Återrapportera till nämnden i maj",
                   .owner_person = anna, .owner_organisation = region, .due = make_date(2024, 5, 31),
                   .status = ActionStatus::cancelled, .meeting = m.id, .item_number = "§12", .decision = decision.id,
                   .extensions = {{"prio", "hög"}}, .provenance = at(30, 31)});

  Agreement a{.id = AgreementId("agreement/överenskommelse"), .title = "Överenskommelse om ökad tillgänglighet",
              .short_name = "ÖK tillgänglighet", .case_number = "S2019/03000/FS",
              .parties = {{.organisation = region, .roles = {PartyRole::recipient, PartyRole::payer}}},
              .signatories = {{.person = anna, .name = "Anna Åkesson", .title = "Regiondirektör", .organisation = region,
                               .place = "Göteborg", .date = make_date(2019, 6, 19)}},
              .validity = Period{std::nullopt, make_date(2019, 12, 31)},
              .total = Money::from_ore(max_ore, Currency::sek(), true),
              .blocks = {{.key = "1", .title = "Kortare köer", .amount = Money::from_ore(min_ore),
                          .purpose = "Tillgänglighet", .extensions = {{"del", "1"}}}},
              .conditions = {{.key = "95", .kind = ConditionKind::performance_requirement, .text = "Minst 95 %",
                              .indicator = IndicatorId("indicator/svarsfrekvens"),
                              .threshold = Threshold{.comparator = Comparator::more_than, .value = 0.1 + 0.2,
                                                     .unit = "procentenheter"},
                              .block = "1", .extensions = {{"a", "b"}}, .provenance = at(50, 51)}},
              .obligations = {{.what = "Nulägesrapport", .by = region, .to = hsn, .deadline = make_date(2019, 10, 15),
                               .status = MilestoneStatus::not_met, .extensions = {{"c", "d"}}, .provenance = at(52, 52)}},
              .payments = {{.amount = Money::from_ore(12345), .date = make_date(2019, 12, 1), .condition = "Om villkoren uppfylls",
                            .condition_keys = {"95"}, .block = "1", .payer = region, .payee = hsn,
                            .status = MilestoneStatus::met, .extensions = {{"e", "f"}}, .provenance = at(53, 54)}},
              .requisition_rules = {{.text = "Rekvireras senast den 1 december", .from = region,
                                     .deadline = make_date(2019, 12, 1)}},
              .amendments = {{.kind = AmendmentKind::extension, .date = make_date(2019, 11, 1), .text = "Förlängd",
                              .new_validity = Period{}, .new_total = Money::from_ore(0, Currency::sek(), true),
                              .decided_by = EntityRef(m.id), .reference = "HSN §12", .extensions = {{"g", "h"}},
                              .provenance = at(55, 56)}},
              .extensions = {{"i", "j"}}, .provenance = at(45, 60)};
  c.add(a);

  ActionPlan plan{.id = ActionPlanId("plan/nära-vård"), .title = "Handlingsplan för nära vård",
                  .period = Period::years(2018, 2020),
                  .period_extensions = {{.new_end = make_date(2022, 12, 31), .decided_on = make_date(2020, 6, 1),
                                         .decided_by = EntityRef(decision.id), .reference = "RS §40",
                                         .extensions = {{"k", "l"}}, .provenance = at(61, 61)}},
                  .owners = {region, hsn}, .level = ResponsibleLevel::local, .parent = ActionPlanId("plan/länet"),
                  .agreement = a.id,
                  .goals = {{.id = GoalId("goal/1"), .number = "1", .title = "Mål ett", .description = "Beskrivning",
                             .parent = GoalId("goal/0"), .indicators = {IndicatorId("indicator/svarsfrekvens")},
                             .extensions = {{"m", "n"}}, .provenance = at(62, 62)}},
                  .activities = {{.id = ActivityId("activity/1.1"), .number = "1.1", .title = "Utbilda",
                                  .description = "Utbildning i SIP", .goals = {GoalId("goal/1")},
                                  .level = ResponsibleLevel::sub_regional, .responsible = {hsn},
                                  .period = Period{make_date(2019, 1, 1), std::nullopt}, .extensions = {{"o", "p"}},
                                  .provenance = at(63, 63)}},
                  .funding = {{.id = FundingLineId("funding/1"), .amount = Money::from_ore(50'000'00, Currency("NOK")),
                               .activity = ActivityId("activity/1.1"), .goal = GoalId("goal/1"),
                               .pot = FundingPotId("pot/block-1"), .year = -2024, .budget = BudgetKind::indicative,
                               .text = "Medel för utbildning", .extensions = {{"q", "r"}}, .provenance = at(64, 64)}},
                  .extensions = {{"s", "t"}}, .provenance = at(61, 70)};
  c.add(plan);

  c.add(FundingPot{.id = FundingPotId("pot/block-1"), .name = "Block 1 – december", .amount = Money::from_ore(max_ore),
                   .agreement = a.id, .block = "1", .year = 2019, .period = Period::month(2019, 12),
                   .purpose = "Kortare väntetider", .parent = FundingPotId("pot/hela"), .extensions = {{"u", "v"}},
                   .provenance = at(71, 72)});
  c.add(Allocation{.id = AllocationId("allocation/1"), .pot = FundingPotId("pot/block-1"), .rule = "trappa",
                   .rule_description = "70 / 20 / 10 %",
                   .shares = {{.recipient = region, .amount = Money::from_ore(1),
                               .explanation = {"förbättrade 3,4 procentenheter", "steg 2"}, .extensions = {{"w", "x"}}}},
                   .undistributed = Money::from_ore(-7, Currency::sek(), true), .undistributed_reason = "avrundning",
                   .extensions = {{"y", "z"}}, .provenance = at(73, 74)});
  c.add(Indicator{.id = IndicatorId("indicator/svarsfrekvens"), .name = "Svarsfrekvens", .area = "Tillgänglighet",
                  .serves = "Vården ska vara tillgänglig", .unit = "%", .direction = Direction::lower_is_better,
                  .definition = "Andel – med tankstreck",
                  .targets = {{.value = 95.5, .kind = TargetKind::chosen, .period = Period::years(2019, 2019),
                               .note = "egen målnivå"}},
                  .observations = {{.organisation = region, .period = Period::month(2019, 9), .value = -1e-300,
                                    .note = "preliminärt", .extensions = {{"källa", "SKR"}}, .provenance = at(75, 75)},
                                   {.value = std::numeric_limits<double>::infinity()},
                                   {.value = 1.7976931348623157e308}},
                  .extensions = {{"ä", "ö"}}, .provenance = at(76, 80)});
  return c;
}

// A document with one record in the named table, the rest empty.
std::string document_with(const std::string& table, const std::string& record) {
  return R"({"schema": "samverkan.corpus", "version": 1, ")" + table + R"(": [)" + record + "]}";
}

// The parse_error message for a text that must be refused.
std::string refusal(const std::string& text) {
  try {
    from_json(text, "test.json");
  } catch (const parse_error& e) {
    CHECK(e.source() == "test.json");
    return e.what();
  }
  FAIL("no parse_error for: " << text);
  return {};
}

const std::string meeting_prefix =
    R"({"id": "meeting/1", "body": "org/a", "attendance": [{"person": "p/1"}, {"person": "p/2"}, )";

std::filesystem::path fresh_directory(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("samverkan-test-json-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("the sample corpus survives a round trip exactly", "[json]") {
  const auto s = fixtures::sample();
  const std::string text = to_json(s.corpus);
  const Corpus back = from_json(text, "sample.json");
  CHECK(back == s.corpus);
  CHECK(back.size() == s.corpus.size());
  // Deterministic: the same corpus gives the same text, also when rebuilt.
  CHECK(to_json(back) == text);
  CHECK(to_json(fixtures::sample().corpus) == text);
  // The indexes are rebuilt, not only the tables.
  CHECK(back.resolve_organisation("vgr") == s.vgr);
  CHECK(back.meetings_of(s.hsu) == std::vector<MeetingId>{s.hsu_meeting});
  CHECK(from_json(to_json(s.corpus, -1)) == s.corpus);
  CHECK(to_json(s.corpus, -1).find('\n') == std::string::npos);
}

TEST_CASE("the layout is the documented one", "[json]") {
  const auto s = fixtures::sample();
  const std::string text = to_json(s.corpus);
  CHECK(text.rfind(R"({
  "schema": "samverkan.corpus",
  "version": 4,
  "organisations": [)",
                   0) == 0);
  CHECK(text.find(R"("total": {
        "ore": 161000000000,
        "currency": "SEK"
      })") != std::string::npos);
  CHECK(text.find(R"("validity": {
        "start": "2019-01-01",
        "end": "2019-12-31"
      })") != std::string::npos);
  CHECK(text.find(R"("status": "excused")") != std::string::npos);
  CHECK(text.find(R"("start": "09:00")") != std::string::npos);
  CHECK(text.find("\"Västra Götalandsregionen\"") != std::string::npos);  // not \u escaped
  CHECK(text.find("approximate") == std::string::npos);                   // only when set
  // Unset optionals and empty lists are left out.
  CHECK(text.find("\"parent\": null") == std::string::npos);
  CHECK(text.find(R"("allocations": [])") != std::string::npos);
  CHECK(text.find(R"("aliases": [])") == std::string::npos);
  CHECK(text.find(R"("title": "")") == std::string::npos);
  // Tables in the fixed order.
  const std::string tables[] = {"organisations", "people", "memberships", "meetings", "action_items",
                                "agreements", "plans", "funding_pots", "allocations", "indicators"};
  std::size_t last = 0;
  for (const auto& table : tables) {
    const auto where = text.find("\n  \"" + table + "\": [");
    INFO(table);
    REQUIRE(where != std::string::npos);
    CHECK(where > last);
    last = where;
  }
}

TEST_CASE("every member of every record survives a round trip", "[json]") {
  const Corpus c = everything_set();
  const std::string text = to_json(c);
  const Corpus back = from_json(text);
  CHECK(back == c);
  CHECK(to_json(back) == text);

  CHECK(text.find(R"("ore": 9223372036854775807,
        "currency": "SEK",
        "approximate": true)") != std::string::npos);
  CHECK(text.find(R"("ore": -9223372036854775808)") != std::string::npos);
  CHECK(text.find(R"("currency": "EUR")") != std::string::npos);
  CHECK(text.find("\"Västra Götalandsregionen – Regionstyrelsen\"") != std::string::npos);
  CHECK(text.find(R"("end": "24:00")") != std::string::npos);
  CHECK(text.find(R"("value": "Infinity")") != std::string::npos);
  CHECK(text.find(R"("dates": [
            "2024-02-29",
            "0001-01-01"
          ])") != std::string::npos);
  // An open period stays distinct from no period at all.
  const auto& amendment = back.get(AgreementId("agreement/överenskommelse")).amendments.at(0);
  REQUIRE(amendment.new_validity.has_value());
  CHECK(*amendment.new_validity == Period{});
  CHECK(back.get(AgreementId("agreement/överenskommelse")).conditions.at(0).threshold->value == 0.1 + 0.2);
}

TEST_CASE("an empty corpus", "[json]") {
  const std::string text = to_json(Corpus{});
  CHECK(text.find(R"("indicators": [])") != std::string::npos);
  CHECK(from_json(text).empty());
  CHECK(from_json(R"({"schema": "samverkan.corpus", "version": 1})").empty());
  CHECK(from_json(R"({"schema": "samverkan.corpus", "version": 1, "meetings": null})").empty());
}

TEST_CASE("hand-written input: Swedish vocabulary, defaults, nested ids assigned", "[json]") {
  const Corpus c = from_json(R"({
    "schema": "samverkan.corpus", "version": 1,
    "organisations": [{"id": "org/a", "name": "Kommunalförbundet", "kind": "kommunalförbund"}],
    "meetings": [{"id": "meeting/1", "body": "org/a", "record_kind": "Protokollsutdrag", "form": "via Teams",
                  "date": "2024-10-28", "start": "9.00",
                  "attendance": [{"person": "person/x", "status": "förhinder", "roles": ["Ordförande"]}],
                  "items": [{"number": "1", "decisions": [{"kind": "noterar informationen"}]}]}],
    "funding_pots": [{"id": "pot/1", "name": "Pott", "amount": {"ore": 100}}]
  })");
  CHECK(c.get(OrganisationId("org/a")).kind == OrganisationKind::municipal_association);
  const auto& m = c.get(MeetingId("meeting/1"));
  CHECK(m.record_kind == RecordKind::protocol_extract);
  CHECK(m.form == MeetingForm::teams);
  CHECK(m.start == TimeOfDay::make(9, 0));
  CHECK(m.attendance.at(0).status == AttendanceStatus::excused);
  CHECK(m.attendance.at(0).roles == std::vector<MeetingRole>{MeetingRole::chair});
  CHECK(m.items.at(0).decisions.at(0).kind == DecisionKind::noted);
  CHECK_FALSE(m.items.at(0).decisions.at(0).id.empty());
  CHECK(c.get(FundingPotId("pot/1")).amount == Money::from_ore(100));
  // Written back in canonical English.
  const std::string text = to_json(c);
  CHECK(text.find(R"("status": "excused")") != std::string::npos);
  CHECK(text.find("förhinder") == std::string::npos);
}

TEST_CASE("unknown keys survive a round trip", "[json]") {
  const std::string text = R"({"schema": "samverkan.corpus", "version": 1,
    "organisations": [{"id": "org/a", "name": "A", "founded": 1998, "tags": ["x", "ö"],
                       "extensions": {"source.page": "4", "json.name": "not a member"}}],
    "meetings": [{"id": "meeting/1", "body": "org/a",
                  "attendance": [{"person": "p/1", "seat": {"row": 3, "side": "vänster"}}],
                  "items": [{"number": "1", "decisions": [{"id": "decision/1", "weight": null}]}]}]})";
  const Corpus c = from_json(text);
  const auto& org = c.get(OrganisationId("org/a"));
  CHECK(org.extensions.at("json.founded") == "1998");
  CHECK(org.extensions.at("json.tags") == R"(["x","ö"])");
  CHECK(org.extensions.at("source.page") == "4");
  const auto& m = c.get(MeetingId("meeting/1"));
  CHECK(m.attendance.at(0).extensions.at("json.seat") == R"({"row":3,"side":"vänster"})");
  CHECK(m.items.at(0).decisions.at(0).extensions.at("json.weight") == "null");

  const std::string out = to_json(c);
  CHECK(out.find(R"("founded": 1998)") != std::string::npos);
  CHECK(out.find(R"("side": "vänster")") != std::string::npos);
  CHECK(out.find(R"("weight": null)") != std::string::npos);
  // An extension named like a member stays inside "extensions".
  CHECK(out.find(R"("json.name": "not a member")") != std::string::npos);
  CHECK(from_json(out) == c);
  CHECK(to_json(from_json(out)) == out);

  // Extensions set by a program, in forms the reader would not produce,
  // are kept verbatim too.
  Corpus made;
  made.add(Organisation{.id = OrganisationId("org/b"), .name = "B",
                        .extensions = {{"json.spaced", "{ \"a\" : 1 }"}, {"json.", "x"}, {"json.bad", "{"},
                                       {"json.text", "\"ok\""}}});
  const std::string made_text = to_json(made);
  CHECK(made_text.find(R"("text": "ok")") != std::string::npos);
  CHECK(from_json(made_text) == made);
}

TEST_CASE("each malformed document gives a parse_error naming the field", "[json]") {
  using Catch::Matchers::Contains;

  SECTION("not JSON") {
    const std::string text = "{\"schema\": \"samverkan.corpus\",\n \"version\": 1,\n \"people\": [}";
    try {
      from_json(text, "test.json");
      FAIL("accepted");
    } catch (const parse_error& e) {
      CHECK_THAT(e.what(), Contains("test.json:3: malformed JSON"));
      CHECK(e.line() == 3);
    }
    CHECK_THAT(refusal(""), Contains("malformed JSON"));
    CHECK_THAT(refusal("{} trailing"), Contains("malformed JSON"));
    CHECK_THAT(refusal("{\"schema\": \"a\xff\"}"), Contains("malformed JSON"));
  }
  SECTION("not a corpus") {
    CHECK_THAT(refusal("[]"), Contains("found array"));
    CHECK_THAT(refusal(R"({"version": 1})"), Contains("schema: missing"));
    CHECK_THAT(refusal(R"({"schema": "other", "version": 1})"), Contains("schema: 'other' is not a samverkan corpus"));
    CHECK_THAT(refusal(R"({"schema": 7, "version": 1})"), Contains("schema: expected a string, found number"));
    CHECK_THAT(refusal(R"({"schema": "samverkan.corpus"})"), Contains("version: missing"));
    CHECK_THAT(refusal(R"({"schema": "samverkan.corpus", "version": "1"})"), Contains("version: expected an integer"));
    CHECK_THAT(refusal(R"({"schema": "samverkan.corpus", "version": 0})"), Contains("version"));
    CHECK_THAT(refusal(R"({"schema": "samverkan.corpus", "version": 1, "visits": []})"),
               Contains("visits: unknown key"));
    CHECK_THAT(refusal(R"({"schema": "samverkan.corpus", "version": 1, "people": {}})"),
               Contains("people: expected an array, found object"));
  }
  SECTION("a newer version is refused before anything else") {
    const auto message = refusal(R"({"schema": "samverkan.corpus", "version": 5, "visits": [{}]})");
    CHECK_THAT(message, Contains("test.json: version: the document has version 5, newer than this samverkan reads (4)"));
  }
  SECTION("missing required members") {
    CHECK_THAT(refusal(document_with("people", R"({"name": "Anna"})")), Contains("test.json: people[0].id: required but missing"));
    CHECK_THAT(refusal(document_with("people", R"({"id": "person/a"})")), Contains("people[0].name: required but missing"));
    CHECK_THAT(refusal(document_with("people", R"({"id": null, "name": "A"})")), Contains("people[0].id: required but null"));
    CHECK_THAT(refusal(document_with("people", R"({"id": "", "name": "A"})")), Contains("people[0].id: must not be empty"));
    CHECK_THAT(refusal(document_with("meetings", R"({"id": "meeting/1"})")), Contains("meetings[0].body: required"));
    CHECK_THAT(refusal(document_with("meetings", meeting_prefix + R"({"status": "present"}]})")),
               Contains("meetings[0].attendance[2].person: required but missing"));
    CHECK_THAT(refusal(document_with("funding_pots", R"({"id": "pot/1", "name": "P", "amount": {"currency": "SEK"}})")),
               Contains("funding_pots[0].amount.ore: required but missing"));
  }
  SECTION("wrong types") {
    CHECK_THAT(refusal(document_with("organisations", R"({"id": "org/a", "name": 12})")),
               Contains("organisations[0].name: expected a string, found number"));
    CHECK_THAT(refusal(document_with("organisations", R"({"id": "org/a", "name": "A", "aliases": "VGR"})")),
               Contains("organisations[0].aliases: expected an array, found string"));
    CHECK_THAT(refusal(document_with("organisations", R"({"id": "org/a", "name": "A", "aliases": ["VGR", 1]})")),
               Contains("organisations[0].aliases[1]: expected a string, found number"));
    CHECK_THAT(refusal(document_with("people", R"("person/a")")), Contains("people[0]: expected an object, found string"));
    CHECK_THAT(refusal(document_with("organisations", R"({"id": "org/a", "name": "A", "extensions": {"k": 1}})")),
               Contains("organisations[0].extensions.k: expected a string, found number"));
    CHECK_THAT(refusal(document_with("meetings", R"({"id": "m/1", "body": "o", "items": [{"order": -1}]})")),
               Contains("meetings[0].items[0].order: -1 is out of range"));
    CHECK_THAT(refusal(document_with("meetings", R"({"id": "m/1", "body": "o", "items": [{"order": 1.5}]})")),
               Contains("meetings[0].items[0].order: expected an integer, found number"));
    CHECK_THAT(refusal(document_with("indicators", R"({"id": "i/1", "name": "I", "observations": [{"value": "many"}]})")),
               Contains("indicators[0].observations[0].value: expected a number, found string"));
  }
  SECTION("unknown vocabulary values") {
    const auto message = refusal(document_with("meetings", meeting_prefix + R"({"person": "p/3", "status": "sleeping"}]})"));
    CHECK_THAT(message, Contains("test.json: meetings[0].attendance[2].status: unknown AttendanceStatus 'sleeping'"));
    CHECK_THAT(message, Contains("excused (förhinder)"));
    CHECK_THAT(refusal(document_with("organisations", R"({"id": "org/a", "name": "A", "kind": 3})")),
               Contains("organisations[0].kind: expected a string"));
  }
  SECTION("bad dates and times") {
    CHECK_THAT(refusal(document_with("meetings", R"({"id": "m/1", "body": "o", "date": "2019-02-30"})")),
               Contains("meetings[0].date: cannot read '2019-02-30' as a date"));
    CHECK_THAT(refusal(document_with("meetings", R"({"id": "m/1", "body": "o", "date": "28 oktober 2024"})")),
               Contains("meetings[0].date:"));
    CHECK_THAT(refusal(document_with("meetings", R"({"id": "m/1", "body": "o", "start": "25:00"})")),
               Contains("meetings[0].start:"));
    CHECK_THAT(refusal(document_with("memberships", R"({"id": "x", "person": "p", "organisation": "o",
                                                       "period": {"start": "2024-13-01"}})")),
               Contains("memberships[0].period.start:"));
  }
  SECTION("bad money") {
    CHECK_THAT(refusal(document_with("agreements", R"({"id": "a/1", "title": "T", "total": {"ore": 1.5}})")),
               Contains("agreements[0].total.ore: expected an integer"));
    CHECK_THAT(refusal(document_with("agreements", R"({"id": "a/1", "title": "T", "total": {"ore": 9223372036854775808}})")),
               Contains("agreements[0].total.ore: 9223372036854775808 is out of range"));
    CHECK_THAT(refusal(document_with("agreements", R"({"id": "a/1", "title": "T", "total": {"ore": 1, "currency": "kr"}})")),
               Contains("agreements[0].total.currency:"));
    CHECK_THAT(refusal(document_with("agreements", R"({"id": "a/1", "title": "T", "total": "25 mnkr"})")),
               Contains("agreements[0].total: expected an object, found string"));
    CHECK_THAT(refusal(document_with("agreements", R"({"id": "a/1", "title": "T", "total": {"ore": 1, "kronor": 1}})")),
               Contains("agreements[0].total.kronor: unknown key"));
  }
  SECTION("an unknown key that clashes with an extension") {
    CHECK_THAT(refusal(document_with("people", R"({"id": "p", "name": "A", "x": 1, "extensions": {"json.x": "2"}})")),
               Contains("people[0].x: the key is also given as extensions"));
  }
}

TEST_CASE("duplicate ids raise duplicate_id_error naming the record", "[json]") {
  const std::string text = R"({"schema": "samverkan.corpus", "version": 1,
    "people": [{"id": "person/a", "name": "A"}, {"id": "person/a", "name": "B"}]})";
  try {
    from_json(text, "dup.json");
    FAIL("accepted");
  } catch (const duplicate_id_error& e) {
    CHECK_THAT(e.what(), Catch::Matchers::Contains("dup.json: people[1].id: person person/a already exists"));
  }
}

TEST_CASE("text that is not UTF-8 cannot be written and is named", "[json]") {
  Corpus c;
  c.add(Organisation{.id = OrganisationId("org/a"), .name = "G\xf6teborg"});
  try {
    (void)to_json(c);
    FAIL("written");
  } catch (const value_error& e) {
    CHECK_THAT(e.what(), Catch::Matchers::Contains("organisations[0].name is not valid UTF-8"));
  }
}

TEST_CASE("measured values JSON cannot spell", "[json]") {
  Corpus c;
  c.add(Indicator{.id = IndicatorId("i/1"), .name = "I",
                  .observations = {{.value = std::numeric_limits<double>::quiet_NaN()},
                                   {.value = -std::numeric_limits<double>::infinity()}}});
  const std::string text = to_json(c);
  CHECK(text.find(R"("value": "NaN")") != std::string::npos);
  CHECK(text.find(R"("value": "-Infinity")") != std::string::npos);
  const auto back = from_json(text);
  const auto& observations = back.get(IndicatorId("i/1")).observations;
  CHECK(std::isnan(observations.at(0).value));
  CHECK(observations.at(1).value == -std::numeric_limits<double>::infinity());
}

TEST_CASE("saving and loading files", "[json]") {
  const auto dir = fresh_directory("files");
  const auto s = fixtures::sample();
  const auto path = dir / "korpus med å.json";
  save_json(s.corpus, path);
  CHECK(read_file(path) == to_json(s.corpus) + "\n");
  CHECK(load_json(path) == s.corpus);
  CHECK_FALSE(std::filesystem::exists(dir / "korpus med å.json.tmp"));
  save_json(Corpus{}, path);  // replaces
  CHECK(load_json(path).empty());

  CHECK_THROWS_AS(load_json(dir / "missing.json"), io_error);
  try {
    load_json(dir / "missing.json");
  } catch (const io_error& e) {
    CHECK(e.path() == (dir / "missing.json").string());
    CHECK_THAT(e.what(), Catch::Matchers::Contains("missing.json: no such file"));
  }
  CHECK_THROWS_AS(load_json(dir), io_error);
  CHECK_THROWS_AS(save_json(s.corpus, dir / "no-such-directory" / "x.json"), io_error);

  {
    std::ofstream broken(dir / "broken.json");
    broken << R"({"schema": "samverkan.corpus", "version": 1, "people": [{"id": "p"}]})";
  }
  try {
    load_json(dir / "broken.json");
    FAIL("accepted");
  } catch (const parse_error& e) {
    CHECK(e.source() == (dir / "broken.json").string());
    CHECK_THAT(e.what(), Catch::Matchers::Contains("broken.json: people[0].name: required but missing"));
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("the bundled sample data loads", "[json]") {
  const std::filesystem::path data = std::filesystem::path(SAMVERKAN_SOURCE_DIR) / "data" / "sample";
  const Corpus sample = load_json(data / "corpus.json");
  CHECK(from_json(to_json(sample)) == sample);
  CHECK(sample.meetings().size() >= 2);
  const auto* agreement = [&]() -> const Agreement* {
    for (const auto& [id, a] : sample.agreements())
      if (a.total == Money::from_kronor(1'610'000'000)) return &a;
    return nullptr;
  }();
  REQUIRE(agreement);
  REQUIRE(agreement->blocks.size() == 3);
  Money sum;
  for (const auto& block : agreement->blocks) sum += block.amount;
  CHECK(sum == *agreement->total);
  CHECK(agreement->signatories.size() == 2);
  bool extended = false;
  for (const auto& [id, plan] : sample.plans())
    if (plan.effective_period() == Period::years(2018, 2024)) extended = true;
  CHECK(extended);

  const Corpus broken = load_json(data / "broken.json");
  CHECK_FALSE(broken.empty());
}
