// OParl, Popolo and OCDS: exports checked against the standards' rules,
// round trips back into a corpus (exact with the samverkan: extensions; with
// them left out, equal apart from the fields listed here as not crossing),
// money to the öre, stable ids, and bad input.

#include "archive_support.hpp"

#include <samverkan/io/json.hpp>
#include <samverkan/io/standards.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <string>

using namespace samverkan;
using nlohmann::json;

namespace {

const std::filesystem::path sample_path =
    std::filesystem::path(SAMVERKAN_SOURCE_DIR) / "data" / "sample" / "corpus.json";

constexpr Standard all_standards[] = {Standard::oparl, Standard::popolo, Standard::ocds};

ExportOptions fixed(bool extensions = true) {
  ExportOptions o;
  o.base_url = "https://data.example.se/oparl";
  o.date = "2025-01-31T12:00:00Z";
  o.extensions = extensions;
  return o;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

// "" when equal; else the first line that differs, with the two before it.
std::string difference(const std::string& got, const std::string& want) {
  if (got == want) return {};
  std::vector<std::string> a, b;
  for (const auto* text : {&got, &want}) {
    auto& lines = text == &got ? a : b;
    std::size_t from = 0;
    for (std::size_t at; (at = text->find('\n', from)) != std::string::npos; from = at + 1)
      lines.push_back(text->substr(from, at - from));
    lines.push_back(text->substr(from));
  }
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  std::string out = "line " + std::to_string(i + 1) + ":\n";
  for (std::size_t k = i >= 3 ? i - 3 : 0; k < i; ++k) out += "  " + a[k] + "\n";
  out += "got:  " + (i < a.size() ? a[i] : std::string("(end)")) + "\n";
  out += "want: " + (i < b.size() ? b[i] : std::string("(end)")) + "\n";
  return out;
}

const StandardFile& file(const std::vector<StandardFile>& files, const std::string& path) {
  for (const auto& f : files)
    if (f.path == path) return f;
  FAIL("no file " << path);
  throw std::logic_error("unreachable");
}

// A corpus with what each standard is for: a committee with members on
// behalf of municipalities, a substitute, a protocol with a roll-call vote
// and two decisions under one item, and an agreement whose money has öre,
// three payment states and a reporting obligation.
Corpus constructed() {
  Corpus c;
  const auto region = c.add(Organisation{.id = OrganisationId("org/region-halland"), .name = "Region Halland",
                                         .aliases = {"RH", "Halland"}, .kind = OrganisationKind::region,
                                         .organisation_number = "232100-0215"});
  const auto nämnd = c.add(Organisation{.id = OrganisationId("org/hälso-och-sjukvårdsnämnden"),
                                        .name = "Hälso- och sjukvårdsnämnden", .kind = OrganisationKind::committee,
                                        .parent = region});
  const auto kommun = c.add(Organisation{.id = OrganisationId("org/falkenberg"), .name = "Falkenbergs kommun",
                                         .kind = OrganisationKind::municipality});
  const auto state = c.add(Organisation{.id = OrganisationId("org/staten"), .name = "Socialdepartementet",
                                        .kind = OrganisationKind::government});
  const auto kammarkollegiet = c.add(Organisation{.id = OrganisationId("org/kammarkollegiet"), .name = "Kammarkollegiet",
                                                  .kind = OrganisationKind::state_agency});
  const auto anna = c.add(Person{.id = PersonId("person/anna"), .name = "Anna Berg", .title = "regionråd",
                                 .organisation = region});
  const auto bo = c.add(Person{.id = PersonId("person/bo"), .name = "Bo Ek"});
  const auto cia = c.add(Person{.id = PersonId("person/cia"), .name = "Cia Lund", .organisation = kommun});
  const auto dan = c.add(Person{.id = PersonId("person/dan"), .name = "Dan Åberg"});
  c.add(Membership{.id = MembershipId("membership/anna"), .person = anna, .organisation = nämnd,
                   .role = MembershipRole::chair, .period = {make_date(2023, 1, 1), make_date(2026, 12, 31)}});
  c.add(Membership{.id = MembershipId("membership/cia"), .person = cia, .organisation = nämnd,
                   .role = MembershipRole::member, .period = Period::from(make_date(2023, 1, 1)),
                   .on_behalf_of = kommun});
  c.add(Membership{.id = MembershipId("membership/dan"), .person = dan, .organisation = nämnd,
                   .role = MembershipRole::substitute, .role_title = "tjänstgörande ersättare",
                   .on_behalf_of = kommun, .substitute_for = bo});
  c.add(Membership{.id = MembershipId("membership/bo"), .person = bo, .organisation = nämnd,
                   .role = MembershipRole::other, .role_title = "politisk sekreterare"});

  Meeting m;
  m.id = MeetingId("meeting/2024-03-12-hsn");
  m.record_kind = RecordKind::protocol;
  m.body = nämnd;
  m.title = "Hälso- och sjukvårdsnämnden";
  m.date = make_date(2024, 3, 12);
  m.start = TimeOfDay{9, 0};
  m.end = TimeOfDay{12, 30};
  m.place = "Regionens hus, Halmstad";
  m.form = MeetingForm::physical;
  m.attendance = {{.person = anna, .roles = {MeetingRole::chair}, .party = "S"},
                  {.person = cia, .represents = kommun, .party = "M"},
                  {.person = dan, .substitute_for = bo},
                  {.person = bo, .status = AttendanceStatus::excused}};
  AgendaItem budget{.number = "§12", .order = 1, .title = "Budget 2025", .case_number = "HSN 2024/0042"};
  Decision approve{.id = DecisionId("decision/hsn-12a"), .kind = DecisionKind::approved,
                   .text = "Nämnden godkänner budgeten.", .proposal = "Förvaltningens förslag"};
  approve.votes.push_back(Vote{.question = "Bifall till förvaltningens förslag", .yes = 2, .no = 1, .abstain = 0,
                               .votes = {{anna, VoteOption::yes}, {cia, VoteOption::no}, {dan, VoteOption::yes}}});
  approve.reservations.push_back(Reservation{.person = cia, .text = "Till förmån för eget förslag."});
  Decision assign{.id = DecisionId("decision/hsn-12b"), .kind = DecisionKind::assigned, .text = "Uppdrar åt förvaltningen att följa upp.",
                  .body = nämnd};
  budget.decisions = {approve, assign};
  AgendaItem info{.number = "§13", .order = 2, .title = "Information om vårdplatser",
                  .purposes = {ItemPurpose::information}, .case_number = "HSN 2024/0050"};
  AgendaItem noted{.number = "§14", .order = 3, .title = "Anmälningsärenden"};
  noted.decisions.push_back(Decision{.id = DecisionId("decision/hsn-14"), .kind = DecisionKind::noted,
                                     .text = "Informationen noteras."});
  m.items = {budget, info, noted};
  m.adjusted_on = make_date(2024, 3, 19);
  c.add(m);

  Meeting short_meeting{.id = MeetingId("meeting/2024-04-02-hsn"), .body = nämnd, .title = "Extra sammanträde",
                        .date = make_date(2024, 4, 2)};
  c.add(short_meeting);

  Agreement a;
  a.id = AgreementId("agreement/god-och-nära-vård-2024");
  a.title = "God och nära vård 2024";
  a.short_name = "GNV 2024";
  a.parties = {{state, {PartyRole::party, PartyRole::funder}}, {region, {PartyRole::party, PartyRole::recipient}}};
  a.signatories = {{.person = anna, .name = "Anna Berg", .organisation = region, .date = make_date(2024, 2, 1)}};
  a.validity = {make_date(2024, 1, 1), make_date(2024, 12, 31)};
  a.total = Money::from_ore(12'345'678'912);  // 123 456 789,12 kr
  a.blocks = {{.key = "1", .title = "Primärvård", .amount = Money::from_ore(10'000'000'000)},
              {.key = "2", .title = "Psykiatri", .amount = Money::from_ore(2'345'678'912)}};
  a.conditions = {{.key = "redovisning", .text = "Regionen redovisar insatserna senast den 15 oktober."}};
  a.obligations = {{.what = "Redovisning av insatser", .by = region, .to = state, .deadline = make_date(2024, 10, 15),
                    .status = MilestoneStatus::met},
                   {.what = "Slutrapport", .by = region, .to = state, .deadline = make_date(2025, 3, 31)}};
  a.payments = {{.amount = Money::from_ore(6'000'000'050), .date = make_date(2024, 6, 30), .condition = "Efter beslut",
                 .block = "1", .payer = kammarkollegiet, .payee = region, .status = MilestoneStatus::met},
                {.amount = Money::from_ore(6'345'678'762), .date = make_date(2024, 11, 30),
                 .condition = "Efter redovisning", .condition_keys = {"redovisning"}, .payer = kammarkollegiet,
                 .payee = region, .status = MilestoneStatus::scheduled},
                {.amount = Money::from_ore(100).with_approximate(true), .status = MilestoneStatus::not_met}};
  c.add(a);
  c.add(ActionItem{.id = ActionItemId("action/uppfoljning"), .what = "Följa upp budgeten", .owner_organisation = nämnd,
                   .meeting = m.id, .item_number = "§12", .decision = DecisionId("decision/hsn-12b")});
  return c;
}

StandardImport round_trip(const Corpus& c, Standard s, const ExportOptions& o) {
  const auto files = export_standard(c, s, o);
  INFO(to_string(s));
  CHECK(joined(check_standard(s, files)).empty());
  return import_standard(s, files);
}

// ---- what does not cross without the samverkan: extensions ----
//
// Each function turns a corpus into what a reader of the plain standard
// gets back; the round-trip tests below hold the import to exactly that.

// Copies, so that the corpus may change while they are walked.
template <class T>
std::vector<T> records(const Corpus& c) {
  std::vector<T> out;
  for (const auto& [id, r] : c.all<T>()) out.push_back(r);
  return out;
}

void keep_only(Corpus& c, bool people_and_meetings, bool agreements) {
  if (!people_and_meetings) {
    for (const auto& r : records<Person>(c)) c.remove(r.id);
    for (const auto& r : records<Membership>(c)) c.remove(r.id);
    for (const auto& r : records<Meeting>(c)) c.remove(r.id);
  }
  if (!agreements)
    for (const auto& r : records<Agreement>(c)) c.remove(r.id);
  for (const auto& r : records<ActionItem>(c)) c.remove(r.id);
  for (const auto& r : records<ActionPlan>(c)) c.remove(r.id);
  for (const auto& r : records<FundingPot>(c)) c.remove(r.id);
  for (const auto& r : records<Allocation>(c)) c.remove(r.id);
  for (const auto& r : records<Indicator>(c)) c.remove(r.id);
}

// OParl: Organization (name, shortName = first alias, classification = kind,
// subOrganizationOf), Person (name, status = title), Membership (all but
// substitute_for; role only through its text), Meeting (title, date, times,
// place, body, present attendees), AgendaItem (number, order, title,
// resolutionText), Paper/Consultation (decision id, kind, body, case number).
Corpus plain_oparl(const Corpus& original) {
  Corpus c = original;
  keep_only(c, true, false);
  for (auto o : records<Organisation>(c)) {
    if (o.aliases.size() > 1) o.aliases.resize(1);
    o.organisation_number.clear();
    o.extensions.clear();
    o.provenance.reset();
    c.update(o);
  }
  for (auto p : records<Person>(c)) {
    p.organisation.reset();
    p.extensions.clear();
    p.provenance.reset();
    c.update(p);
  }
  for (auto m : records<Membership>(c)) {
    const MembershipRole role = m.role;
    if (!m.role_title.empty()) m.role = try_from_string<MembershipRole>(m.role_title).value_or(MembershipRole::other);
    m.substitute_for.reset();
    m.extensions.clear();
    // votingRight, written from the role, says more than the role read back from its text.
    const auto votes = [](MembershipRole r) -> std::optional<bool> {
      if (r == MembershipRole::member || r == MembershipRole::chair || r == MembershipRole::vice_chair) return true;
      if (r == MembershipRole::other) return std::nullopt;
      return false;
    };
    if (votes(role) && votes(role) != votes(m.role)) m.extensions["oparl.votingRight"] = *votes(role) ? "true" : "false";
    m.provenance.reset();
    c.update(m);
  }
  for (auto m : records<Meeting>(c)) {
    m.record_kind = RecordKind::minutes;
    m.form = MeetingForm::unknown;
    m.adjusted_on.reset();
    m.next_meeting.reset();
    m.extensions.clear();
    m.provenance.reset();
    std::vector<Attendance> present;
    for (const auto& a : m.attendance)
      if (a.status == AttendanceStatus::present) present.push_back(Attendance{.person = a.person});
    m.attendance = present;
    for (auto& item : m.items) {
      item.purposes.clear();
      item.presenters.clear();
      item.text.clear();
      item.escalations.clear();
      item.amounts.clear();
      item.dates.clear();
      item.attachments.clear();
      item.extensions.clear();
      item.provenance.reset();
      for (auto& d : item.decisions) {
        if (d.body == m.body) d.body.reset();
        d.proposal.clear();
        d.procedural = false;
        d.references.clear();
        d.votes.clear();
        d.reservations.clear();
        d.extensions.clear();
        d.provenance.reset();
      }
    }
    c.update(m);
  }
  return c;
}

// Popolo: Organization (name, other_names = aliases, identifiers = number,
// classification = kind, parent_id), Person (name), Membership (all but
// substitute_for; role only through its text), Event (title, date, times,
// place, body, present attendees), and the votes as motions and vote events
// under new decisions of the items the motions name.
Corpus plain_popolo(const Corpus& original) {
  Corpus c = original;
  keep_only(c, true, false);
  for (auto o : records<Organisation>(c)) {
    o.extensions.clear();
    o.provenance.reset();
    c.update(o);
  }
  for (auto p : records<Person>(c)) {
    p.title.clear();
    p.organisation.reset();
    p.extensions.clear();
    p.provenance.reset();
    c.update(p);
  }
  for (auto m : records<Membership>(c)) {
    if (!m.role_title.empty()) m.role = try_from_string<MembershipRole>(m.role_title).value_or(MembershipRole::other);
    m.substitute_for.reset();
    m.extensions.clear();
    m.provenance.reset();
    c.update(m);
  }
  for (auto m : records<Meeting>(c)) {
    Meeting plain{.id = m.id, .body = m.body, .title = m.title, .date = m.date, .start = m.start, .end = m.end,
                  .place = m.place};
    for (const auto& a : m.attendance)
      if (a.status == AttendanceStatus::present) plain.attendance.push_back(Attendance{.person = a.person});
    for (const auto& item : m.items)
      for (const auto& d : item.decisions)
        for (const auto& v : d.votes) {
          AgendaItem* target = nullptr;
          for (auto& i : plain.items)
            if (i.number == item.number) target = &i;
          if (!target) {
            plain.items.push_back(AgendaItem{.number = item.number, .order = static_cast<std::uint32_t>(plain.items.size() + 1)});
            target = &plain.items.back();
          }
          Decision nd{.kind = DecisionKind::decided, .text = v.question};
          if (d.body && d.body != m.body) nd.body = d.body;
          Vote nv = v;
          nv.question = v.question;
          nv.extensions.clear();
          nd.votes.push_back(nv);
          target->decisions.push_back(nd);
        }
    c.update(plain);
  }
  return c;
}

// OCDS: parties (name, organisation number, the roles funder, payer and
// payee), the contract (title, validity, total), payment milestones (amount,
// date, status, condition text; payer and payee once paid), reporting
// milestones (what, deadline, status). Payers and payees that were no party
// come back as parties.
Corpus plain_ocds(const Corpus& original) {
  Corpus c = original;
  keep_only(c, false, true);
  std::set<OrganisationId> named;
  for (auto a : records<Agreement>(c)) {
    Agreement plain{.id = a.id, .title = a.title, .validity = a.validity};
    if (a.total) plain.total = a.total->with_approximate(false);
    std::set<OrganisationId> listed;
    for (const auto& p : a.parties) {
      Party q{.organisation = p.organisation};
      for (auto role : p.roles)
        if (role == PartyRole::funder || role == PartyRole::payer || role == PartyRole::recipient) q.roles.push_back(role);
      plain.parties.push_back(q);
      listed.insert(p.organisation);
    }
    for (const auto& p : a.payments)
      for (const auto& [org, role] : {std::pair{p.payer, PartyRole::payer}, std::pair{p.payee, PartyRole::recipient}})
        if (org && !listed.count(*org)) {
          plain.parties.push_back(Party{.organisation = *org, .roles = {role}});
          listed.insert(*org);
        }
    for (const auto& p : a.payments) {
      Payment q{.amount = p.amount.with_approximate(false), .date = p.date, .condition = p.condition, .status = p.status};
      if (p.status == MilestoneStatus::met) {
        q.payer = p.payer;
        q.payee = p.payee;
      }
      plain.payments.push_back(q);
    }
    for (const auto& r : a.obligations)
      plain.obligations.push_back(ReportingObligation{.what = r.what, .deadline = r.deadline, .status = r.status});
    named.insert(listed.begin(), listed.end());
    c.update(plain);
  }
  for (auto o : records<Organisation>(c)) {
    if (!named.count(o.id)) {
      c.remove(o.id);
      continue;
    }
    Organisation plain{.id = o.id, .name = o.name, .organisation_number = o.organisation_number};
    c.update(plain);
  }
  return c;
}

Corpus plain(const Corpus& c, Standard s) {
  switch (s) {
    case Standard::oparl: return plain_oparl(c);
    case Standard::popolo: return plain_popolo(c);
    case Standard::ocds: return plain_ocds(c);
  }
  return c;
}

}  // namespace

TEST_CASE("the sample corpus goes out in each standard, conforms, and comes back whole", "[standards]") {
  const Corpus sample = load_json(sample_path);
  for (const auto s : all_standards) {
    INFO(to_string(s));
    const auto back = round_trip(sample, s, fixed());
    CHECK(back.warnings.empty());
    CHECK(difference(to_json(back.corpus), to_json(sample)) == "");
  }
}

TEST_CASE("votes, memberships and agreements with payments come back whole", "[standards]") {
  const Corpus c = constructed();
  for (const auto& p : c.validate()) FAIL_CHECK(p.str());
  for (const auto s : all_standards) {
    INFO(to_string(s));
    const auto back = round_trip(c, s, fixed());
    CHECK(back.warnings.empty());
    CHECK(difference(to_json(back.corpus), to_json(c)) == "");
  }
}

TEST_CASE("random corpora with every member set come back whole", "[standards]") {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    const Corpus c = archive_support::random_corpus(seed, 3);
    for (const auto s : all_standards) {
      INFO("seed " << seed << ", " << to_string(s));
      const auto files = export_standard(c, s, fixed());
      const auto back = import_standard(s, files);
      CHECK(difference(to_json(back.corpus), to_json(c)) == "");
    }
  }
}

TEST_CASE("without the extensions, a reader gets what the standard holds and nothing else", "[standards]") {
  for (const Corpus& c : {constructed(), load_json(sample_path)}) {
    for (const auto s : all_standards) {
      INFO(to_string(s));
      const auto files = export_standard(c, s, fixed(false));
      for (const auto& f : files) CHECK(f.text.find("samverkan:") == std::string::npos);
      CHECK(joined(check_standard(s, files)).empty());
      const auto back = import_standard(s, files);
      CHECK(difference(to_json(back.corpus), to_json(plain(c, s))) == "");
    }
  }
}

TEST_CASE("OParl: objects, ids as URLs under the base, agenda items and papers", "[standards][oparl]") {
  const Corpus c = constructed();
  const auto files = export_standard(c, Standard::oparl, fixed());
  std::vector<std::string> names;
  for (const auto& f : files) names.push_back(f.path);
  CHECK(names == std::vector<std::string>{"system.json", "bodies.json", "organizations.json", "people.json",
                                          "meetings.json", "papers.json"});
  const json system = json::parse(file(files, "system.json").text);
  CHECK(system["type"] == "https://schema.oparl.org/1.1/System");
  CHECK(system["oparlVersion"] == "https://schema.oparl.org/1.1/");
  CHECK(system["body"] == "https://data.example.se/oparl/bodies");

  const json orgs = json::parse(file(files, "organizations.json").text)["data"];
  const auto org = std::find_if(orgs.begin(), orgs.end(), [](const json& o) { return o["name"] == "Hälso- och sjukvårdsnämnden"; });
  REQUIRE(org != orgs.end());
  // Non-ASCII ids are percent-encoded; the same record gets the same URL every time.
  CHECK((*org)["id"] == "https://data.example.se/oparl/org/h%C3%A4lso-och-sjukv%C3%A5rdsn%C3%A4mnden");
  CHECK((*org)["subOrganizationOf"] == "https://data.example.se/oparl/org/region-halland");
  CHECK((*org)["organizationType"] == "Gremium");
  CHECK((*org)["classification"] == "committee");

  const json people = json::parse(file(files, "people.json").text)["data"];
  const auto cia = std::find_if(people.begin(), people.end(), [](const json& p) { return p["name"] == "Cia Lund"; });
  REQUIRE(cia != people.end());
  const json& membership = (*cia)["membership"][0];
  CHECK(membership["type"] == "https://schema.oparl.org/1.1/Membership");
  CHECK(membership["onBehalfOf"] == "https://data.example.se/oparl/org/falkenberg");
  CHECK(membership["role"] == "ledamot");
  CHECK(membership["votingRight"] == true);
  CHECK(membership["startDate"] == "2023-01-01");

  const json meeting = json::parse(file(files, "meetings.json").text)["data"][0];
  CHECK(meeting["start"] == "2024-03-12T09:00:00+01:00");
  CHECK(meeting["end"] == "2024-03-12T12:30:00+01:00");
  CHECK(meeting["location"]["description"] == "Regionens hus, Halmstad");
  CHECK(meeting["participant"].size() == 3);  // the excused member is no participant
  const json& item = meeting["agendaItem"][0];
  CHECK(item["number"] == "§12");
  CHECK(item["order"] == 1);
  CHECK(item["name"] == "Budget 2025");
  CHECK(item["resolutionText"] == "Nämnden godkänner budgeten.\n\nUppdrar åt förvaltningen att följa upp.");
  CHECK(item["consultation"] == "https://data.example.se/oparl/decision/hsn-12a/consultation");
  // What OParl has no field for travels as vendor properties.
  CHECK(meeting["samverkan:record_kind"] == "protocol");
  CHECK(meeting["samverkan:attendance"].size() == 4);

  const json papers = json::parse(file(files, "papers.json").text)["data"];
  REQUIRE(papers.size() == 4);  // three decisions and the case of §13
  CHECK(papers[0]["id"] == "https://data.example.se/oparl/decision/hsn-12a");
  CHECK(papers[0]["reference"] == "HSN 2024/0042");
  CHECK(papers[0]["consultation"][0]["agendaItem"] == item["id"]);
  CHECK(papers[0]["consultation"][0]["authoritative"] == true);
  CHECK(papers[0]["consultation"][0]["role"] == "godkänner");
  CHECK(papers[2]["reference"] == "HSN 2024/0050");
  CHECK(papers[2]["consultation"][0]["authoritative"] == false);

  // Summer time: an April meeting is +02:00; a meeting without a time starts at midnight.
  const json second = json::parse(file(files, "meetings.json").text)["data"][1];
  CHECK(second["start"] == "2024-04-02T00:00:00+02:00");

  // Equal corpora give identical text.
  CHECK(export_standard(c, Standard::oparl, fixed()) == files);
}

TEST_CASE("Popolo: memberships on behalf of, events, motions, vote events with counts and votes", "[standards][popolo]") {
  const auto files = export_standard(constructed(), Standard::popolo, fixed());
  REQUIRE(files.size() == 1);
  const json doc = json::parse(files[0].text);
  const auto by_id = [&](const char* list, const std::string& id) {
    for (const auto& o : doc[list])
      if (o["id"] == id) return o;
    FAIL("no " << id << " in " << list);
    return json();
  };
  CHECK(by_id("memberships", "membership/cia")["on_behalf_of_id"] == "org/falkenberg");
  CHECK(by_id("memberships", "membership/dan")["role"] == "tjänstgörande ersättare");
  CHECK(by_id("organizations", "org/region-halland")["identifiers"][0]["identifier"] == "232100-0215");
  CHECK(by_id("organizations", "org/region-halland")["other_names"].size() == 2);
  const json event = by_id("events", "meeting/2024-03-12-hsn");
  CHECK(event["start_date"] == "2024-03-12T09:00:00+01:00");
  CHECK(event["organization_id"] == "org/hälso-och-sjukvårdsnämnden");
  REQUIRE(doc["motions"].size() == 1);
  CHECK(doc["motions"][0]["text"] == "Bifall till förvaltningens förslag");
  CHECK(doc["motions"][0]["legislative_session_id"] == "meeting/2024-03-12-hsn");
  REQUIRE(doc["vote_events"].size() == 1);
  const json& ve = doc["vote_events"][0];
  CHECK(ve["motion_id"] == doc["motions"][0]["id"]);
  CHECK(ve["counts"] == json::parse(R"([{"option":"yes","value":2},{"option":"no","value":1},{"option":"abstain","value":0}])"));
  CHECK(ve["votes"][1] == json::parse(R"({"voter_id":"person/cia","option":"no"})"));
}

TEST_CASE("OCDS: parties with roles, contract, milestones, transactions, money exact", "[standards][ocds]") {
  const auto files = export_standard(constructed(), Standard::ocds, fixed());
  REQUIRE(files.size() == 1);
  const json pkg = json::parse(files[0].text);
  CHECK(pkg["version"] == "1.1");
  CHECK(pkg["publishedDate"] == "2025-01-31T12:00:00Z");
  const json& r = pkg["releases"][0];
  CHECK(r["ocid"] == "ocds-svkn00-agreement/god-och-nära-vård-2024");
  CHECK(r["tag"] == json::parse(R"(["contract", "implementation"])"));
  const auto party = [&](const std::string& id) {
    for (const auto& p : r["parties"])
      if (p["id"] == id) return p;
    FAIL("no party " << id);
    return json();
  };
  CHECK(party("org/staten")["roles"] == json::parse(R"(["funder"])"));
  CHECK(party("org/region-halland")["roles"] == json::parse(R"(["payee"])"));
  CHECK(party("org/region-halland")["identifier"]["id"] == "232100-0215");
  CHECK(party("org/kammarkollegiet")["roles"] == json::parse(R"(["payer"])"));  // a payer is a party in OCDS
  const json& contract = r["contracts"][0];
  CHECK(contract["awardID"] == r["awards"][0]["id"]);
  CHECK(contract["period"]["startDate"] == "2024-01-01T00:00:00+01:00");
  CHECK(contract["period"]["endDate"] == "2024-12-31T23:59:59+01:00");
  // 123 456 789,12 kr: a JSON number of kronor, and the öre exactly beside it.
  CHECK(contract["value"]["amount"].get<double>() == 123456789.12);
  CHECK(contract["value"]["currency"] == "SEK");
  CHECK(contract["value"]["samverkan:ore"] == 12345678912);
  CHECK(files[0].text.find("\"amount\": 123456789.12,") != std::string::npos);
  const json& ms = contract["milestones"];
  REQUIRE(ms.size() == 5);
  CHECK(ms[0]["type"] == "payment");
  CHECK(ms[0]["status"] == "met");
  CHECK(ms[1]["status"] == "scheduled");
  CHECK(ms[2]["status"] == "notMet");
  CHECK(ms[3]["type"] == "reporting");
  CHECK(ms[3]["title"] == "Redovisning av insatser");
  CHECK(ms[3]["dueDate"] == "2024-10-15T00:00:00+02:00");
  const json& t = contract["implementation"]["transactions"];
  REQUIRE(t.size() == 1);  // only the payment made
  CHECK(t[0]["value"]["amount"].get<double>() == 60000000.5);
  CHECK(t[0]["payer"]["id"] == "org/kammarkollegiet");
  CHECK(t[0]["payee"]["name"] == "Region Halland");

  // Another publisher's amounts have no öre beside them: rounded to the nearest öre.
  json foreign = pkg;
  foreign["releases"][0]["contracts"][0]["value"].erase("samverkan:ore");
  foreign["releases"][0]["contracts"][0]["value"]["amount"] = 1234.565;
  const auto back = import_standard(Standard::ocds, {{"release-package.json", foreign.dump()}});
  CHECK(back.corpus.get(AgreementId("agreement/god-och-nära-vård-2024")).total->ore() == 123457);
}

TEST_CASE("the checks catch what breaks each standard's rules", "[standards]") {
  const Corpus c = constructed();
  {
    auto files = export_standard(c, Standard::oparl, fixed());
    for (auto& f : files)
      if (f.path == "meetings.json") {
        json doc = json::parse(f.text);
        doc["data"][0]["agendaItem"][0].erase("order");
        doc["data"][0]["participant"].push_back("https://data.example.se/oparl/person/nobody");
        doc["data"][0]["start"] = "2024-03-12 09:00";
        doc["data"][0]["color"] = "blue";
        f.text = doc.dump();
      }
    const std::string problems = joined(check_standard(Standard::oparl, files));
    CHECK_THAT(problems, Catch::Contains("meetings.json: data[0].agendaItem[0].order: is required in AgendaItem"));
    CHECK_THAT(problems, Catch::Contains("participant: refers to https://data.example.se/oparl/person/nobody, which the export does not hold"));
    CHECK_THAT(problems, Catch::Contains("data[0].start: should be an RFC 3339 date-time"));
    CHECK_THAT(problems, Catch::Contains("data[0].color: is no property of Meeting"));
  }
  {
    auto files = export_standard(c, Standard::popolo, fixed());
    json doc = json::parse(files[0].text);
    doc["vote_events"][0]["counts"][0]["option"] = "ja";
    doc["memberships"][0]["organization_id"] = "org/none";
    doc["events"][0]["start_date"] = "12 mars 2024";
    files[0].text = doc.dump();
    const std::string problems = joined(check_standard(Standard::popolo, files));
    CHECK_THAT(problems, Catch::Contains("counts[0].option: 'ja' is not in Popolo's option code list"));
    CHECK_THAT(problems, Catch::Contains("memberships[0].organization_id: refers to org/none, which is not among the organizations"));
    CHECK_THAT(problems, Catch::Contains("events[0].start_date: '12 mars 2024' is not an ISO 8601 date"));
  }
  {
    auto files = export_standard(c, Standard::ocds, fixed());
    json doc = json::parse(files[0].text);
    doc["releases"][0]["contracts"][0]["milestones"][0]["status"] = "done";
    doc["releases"][0]["contracts"][0]["awardID"] = "missing";
    doc["releases"][0].erase("initiationType");
    doc["releases"][0]["contracts"][0]["implementation"]["transactions"][0]["payer"]["id"] = "org/x";
    doc["releases"][0]["contracts"][0]["value"]["currency"] = "kr";
    files[0].text = doc.dump();
    const std::string problems = joined(check_standard(Standard::ocds, files));
    CHECK_THAT(problems, Catch::Contains("milestones[0].status: \"done\" is not in the code list"));
    CHECK_THAT(problems, Catch::Contains("awardID: \"missing\" names no award of the release"));
    CHECK_THAT(problems, Catch::Contains("releases[0].initiationType: is required in a release"));
    CHECK_THAT(problems, Catch::Contains("payer: names org/x, which is not among the release's parties"));
    CHECK_THAT(problems, Catch::Contains("value.currency: should be an ISO 4217 code"));
  }
}

TEST_CASE("another publisher's OParl: unknown properties and types kept or reported, URLs as ids", "[standards][oparl]") {
  const std::string meetings = R"({"data": [
    {"id": "https://ris.example.de/meeting/7", "type": "https://schema.oparl.org/1.1/Meeting",
     "name": "Finanzausschuss", "start": "2023-05-04T17:00:00+02:00",
     "organization": ["https://ris.example.de/organization/3"], "keyword": ["Haushalt"],
     "agendaItem": [{"id": "https://ris.example.de/agendaitem/70", "type": "https://schema.oparl.org/1.1/AgendaItem",
                     "number": "Ö 4", "order": 4, "name": "Haushalt", "resolutionText": "Beschlossen.",
                     "result": "ungeändert beschlossen", "public": true}],
     "acme:color": "blue"},
    {"id": "https://ris.example.de/file/1", "type": "https://schema.oparl.org/1.1/File", "accessUrl": "https://ris.example.de/f.pdf"}
  ], "pagination": {}, "links": {}})";
  const auto read = import_standard(Standard::oparl, {{"meetings.json", meetings}});
  REQUIRE(read.warnings.size() == 1);
  CHECK_THAT(read.warnings[0], Catch::Contains("meetings.json: data[1]: object of type 'https://schema.oparl.org/1.1/File' has no place in a corpus"));
  const auto& m = read.corpus.get(MeetingId("https://ris.example.de/meeting/7"));
  CHECK(m.body == OrganisationId("https://ris.example.de/organization/3"));
  CHECK(m.start == TimeOfDay{17, 0});
  CHECK(m.extensions.at("oparl.keyword") == R"(["Haushalt"])");
  CHECK(m.extensions.at("oparl.acme:color") == R"("blue")");
  REQUIRE(m.items.size() == 1);
  CHECK(m.items[0].number == "Ö 4");
  CHECK(m.items[0].order == 4);
  CHECK(m.items[0].extensions.at("oparl.public") == "true");
  REQUIRE(m.items[0].decisions.size() == 1);
  CHECK(m.items[0].decisions[0].text == "Beschlossen.");
  CHECK(m.items[0].decisions[0].extensions.at("oparl.result") == R"("ungeändert beschlossen")");
  // The organisation that met is not in the data: validation says so.
  const auto problems = read.corpus.validate();
  REQUIRE(!problems.empty());
  CHECK_THAT(problems[0].str(), Catch::Contains("organisation https://ris.example.de/organization/3, which does not exist"));
}

TEST_CASE("bad input is an error naming file and place, never a crash", "[standards]") {
  CHECK_THROWS_WITH(import_standard(Standard::popolo, {{"p.json", "{\"persons\": [}"}}), Catch::StartsWith("p.json: not JSON"));
  CHECK_THROWS_WITH(import_standard(Standard::ocds, {{"r.json", "{\"releases\": [], \"releases\": []}"}}),
                    Catch::Contains("r.json: key \"releases\" given twice in one object"));
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  CHECK_THROWS_WITH(import_standard(Standard::oparl, {{"deep.json", deep}}), Catch::Contains("deep.json: nested deeper than"));
  CHECK_THROWS_WITH(import_standard(Standard::popolo, {{"p.json", R"({"persons": [{"id": "p/1", "name": 7}]})"}}),
                    Catch::Contains("p.json: persons[0]: name: should be a string"));
  CHECK_THROWS_WITH(import_standard(Standard::oparl, {{"m.json", R"({"data": [{"id": "https://x.se/m/1",
      "type": "https://schema.oparl.org/1.1/Meeting", "organization": ["https://x.se/o/1"],
      "agendaItem": [{"id": "https://x.se/i/1", "type": "https://schema.oparl.org/1.1/AgendaItem"}]}]})"}}),
                    Catch::Contains("m.json: data[0].agendaItem[0]: order: an agenda item needs its order"));
  CHECK_THROWS_WITH(import_standard(Standard::ocds, {{"r.json", R"({"releases": [{"ocid": "ocds-abcdef-1",
      "contracts": [{"id": "1", "milestones": [{"id": "m", "type": "payment", "status": "paid"}]}]}]})"}}),
                    Catch::Contains("r.json: releases[0].contracts[0].milestones[0]: status: 'paid' is not a milestone status"));
  CHECK_THROWS_AS(import_standard(Standard::popolo, {{"p.json", R"({"persons": [{"id": "p/1"}, {"id": "p/1"}]})"}}),
                  duplicate_id_error);
  // Popolo vote options outside what a corpus knows are kept beside the vote.
  const auto read = import_standard(Standard::popolo, {{"p.json", R"({
    "organizations": [{"id": "o"}], "events": [{"id": "e", "organization_id": "o", "start_date": "2024-01-02"}],
    "motions": [{"id": "m", "legislative_session_id": "e", "text": "Bifall", "identifier": "3", "result": "pass"}],
    "vote_events": [{"id": "v", "motion_id": "m", "counts": [{"option": "yes", "value": 5}, {"option": "absent", "value": 2}],
                     "votes": [{"voter_id": "x", "option": "paired"}]}]})"}});
  const auto& d = read.corpus.get(MeetingId("e")).items.at(0).decisions.at(0);
  CHECK(d.kind == DecisionKind::approved);
  CHECK(d.votes.at(0).yes == 5);
  CHECK(d.votes.at(0).extensions.at("popolo.counts") == R"([{"option":"absent","value":2}])");
  CHECK(d.votes.at(0).extensions.at("popolo.votes") == R"([{"voter_id":"x","option":"paired"}])");
}

TEST_CASE("an OCDS package needs a release", "[standards][ocds]") {
  Corpus c;
  c.add(Organisation{.name = "Region Halland"});
  const auto files = export_standard(c, Standard::ocds, fixed());
  CHECK(check_standard(Standard::ocds, files) ==
        std::vector<std::string>{"release-package.json.releases: a release package needs at least one release (no agreement to publish)"});
  CHECK(import_standard(Standard::ocds, files).corpus == c);  // the organisation travels in samverkan:records
}

TEST_CASE("export options are checked; directories written and read", "[standards]") {
  const Corpus c = constructed();
  CHECK_THROWS_AS(export_standard(c, Standard::oparl, {.base_url = "ftp://x"}), value_error);
  CHECK_THROWS_AS(export_standard(c, Standard::ocds, {.ocid_prefix = "ocds-1"}), value_error);
  CHECK_THROWS_AS(export_standard(c, Standard::ocds, {.date = "yesterday"}), value_error);
  const auto dir = std::filesystem::temp_directory_path() / "samverkan_test_standards";
  std::filesystem::remove_all(dir);
  write_standard_files(export_standard(c, Standard::oparl, fixed()), dir);
  CHECK(std::filesystem::exists(dir / "meetings.json"));
  CHECK(to_json(import_standard_directory(Standard::oparl, dir).corpus) == to_json(c));
  std::filesystem::remove_all(dir);
  CHECK_THROWS_AS(import_standard_directory(Standard::oparl, dir), io_error);
}

namespace {

// Every value of the document replaced, one at a time, by values of every
// other JSON type.
template <class F>
void each_mutation(const json& doc, F&& visit) {
  const json replacements[] = {nullptr, json(0), json(-1), json(1e300), json("x"), json(""), json::array(),
                               json::object(), json(true), json::array({json::object()})};
  std::vector<json::json_pointer> pointers;
  const std::function<void(const json&, const json::json_pointer&)> walk = [&](const json& v, const json::json_pointer& at) {
    pointers.push_back(at);
    if (v.is_object())
      for (const auto& [k, child] : v.items()) walk(child, at / k);
    else if (v.is_array())
      for (std::size_t i = 0; i < v.size(); ++i) walk(v[i], at / i);
  };
  walk(doc, json::json_pointer());
  for (const auto& at : pointers)
    for (const auto& r : replacements) {
      json mutated = doc;
      mutated[at] = r;
      visit(mutated, at);
    }
}

}  // namespace

TEST_CASE("damaged documents: every value of every type, an error or a corpus, never a crash", "[standards]") {
  const Corpus c = constructed();
  for (const auto s : all_standards) {
    const auto files = export_standard(c, s, fixed());
    std::size_t imported = 0, refused = 0;
    for (std::size_t f = 0; f < files.size(); ++f) {
      each_mutation(json::parse(files[f].text), [&](const json& mutated, const json::json_pointer& at) {
        auto damaged = files;
        damaged[f].text = mutated.dump();
        try {
          const auto back = import_standard(s, damaged);
          (void)back.corpus.validate();
          (void)check_standard(s, damaged);
          ++imported;
        } catch (const samverkan::error&) {
          ++refused;
        } catch (const std::exception& e) {
          FAIL_CHECK(to_string(s) << " " << files[f].path << " " << at.to_string() << ": " << e.what());
        }
      });
    }
    INFO(to_string(s));
    CHECK(imported > 0);
    CHECK(refused > 0);
  }
}
