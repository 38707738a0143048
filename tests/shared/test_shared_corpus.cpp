// The importer on the real documents in ../shared/corpus (see
// ../shared/DOMAIN.md). They are not part of the repository: when the folder
// is absent this program says so and exits 77, which ctest reports as
// skipped, so the rest of the suite does not depend on it.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <samverkan/corpus.hpp>
#include <samverkan/allocate/koemiljard2019.hpp>
#include <samverkan/import/documents.hpp>
#include <samverkan/import/minutes.hpp>
#include <samverkan/io/archive.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>

namespace sv = samverkan;
namespace fs = std::filesystem;

namespace {

const fs::path corpus_dir = SAMVERKAN_SHARED_CORPUS_DIR;

std::string read(const std::string& name) { return sv::detail::read_file(corpus_dir / name); }

const sv::import::ParsedAttendee& attendee(const sv::import::ParsedMinutes& m, const std::string& name) {
  const auto it = std::find_if(m.attendees.begin(), m.attendees.end(),
                               [&](const sv::import::ParsedAttendee& a) { return a.name == name; });
  if (it == m.attendees.end()) FAIL("no attendee " << name);
  return *it;
}

bool has_role(const sv::import::ParsedAttendee& a, sv::MeetingRole role) {
  return std::find(a.roles.begin(), a.roles.end(), role) != a.roles.end();
}

}  // namespace

TEST_CASE("working-group minutes of 2024-10-28: header, attendance by side, items, escalations", "[shared]") {
  const auto m = sv::import::parse_minutes(read("000_9c70a888c9c3dc34.txt"), "000_9c70a888c9c3dc34.txt");
  CHECK(m.record_kind == sv::RecordKind::minutes);
  CHECK(m.body == "Arbetsgrupp nytt hälso- och sjukvårdsavtal");
  REQUIRE(m.date);
  CHECK(*m.date == sv::make_date(2024, 10, 28));
  REQUIRE(m.start);
  REQUIRE(m.end);
  CHECK(m.start->str() == "09:00");
  CHECK(m.end->str() == "15:00");
  CHECK(m.form == sv::MeetingForm::physical);
  CHECK(m.place == "Godståget, Stationshuset, Regionens hus, Göteborg");

  // Fifteen called, listed under "Region" and "Kommun", each with an organisation.
  REQUIRE(m.attendees.size() == 15);
  const std::pair<const char*, const char*> expected[] = {
      {"Jenny Nilsson", "Västra Götalandsregionen"},
      {"Ann-Sofie Rundberg", "Västra Götalandsregionen"},
      {"Isabelle Alknäs", "Västra Götalandsregionen"},
      {"Jeanette Rehn", "Regionhälsan"},
      {"Markus Jonebrant", "Sahlgrenska Universitetssjukhuset"},
      {"Christina Nyström", "Sjukhusen i Väster"},
      {"Karolina Wedne Lindberg", "Närhälsan"},
      {"Snezana Hadziselimovic", "Medtanken Group"},
      {"Malin Swärd Davidsson", "VästKom"},
      {"Kristina Lännergren", "VästKom"},
      {"Marie Elm", "Borås kommunalförbund"},
      {"Maria Ljung", "Göteborgs Stad"},
      {"Elisabet Lindholm", "Skaraborgs kommunalförbund"},
      {"Eva-Maria Persdotter", "Fyrbodals kommunalförbund"},
      {"Mona Månsson", "Göteborgs Stad"},
  };
  for (std::size_t i = 0; i < std::size(expected); ++i) {
    INFO(expected[i].first);
    CHECK(m.attendees[i].name == expected[i].first);
    CHECK(m.attendees[i].organisation == expected[i].second);
    CHECK(m.attendees[i].group == (i < 8 ? "Region" : "Kommun"));
  }
  // The one marked "(förhindrad)" is excused; the others took part.
  for (const auto& a : m.attendees) {
    INFO(a.name);
    CHECK(a.status == (a.name == "Jeanette Rehn" ? sv::AttendanceStatus::excused : sv::AttendanceStatus::present));
  }
  CHECK(attendee(m, "Jeanette Rehn").note == "förhindrad");
  CHECK(attendee(m, "Jeanette Rehn").provenance.first_line == 22);
  // "Vid anteckningarna: Isabelle Alknäs"
  CHECK(m.writer == "Isabelle Alknäs");
  CHECK(has_role(attendee(m, "Isabelle Alknäs"), sv::MeetingRole::record_writer));

  // Heading-structured agenda: eight items in order, no numbers written.
  const char* titles[] = {"Besök",           "Reflektioner",   "Dialog",
                          "Aktuell information", "Omvärldsbevakning", "Avtalsstruktur",
                          "In- och utskrivning", "Avslut och förberedelser inför nästa möte"};
  REQUIRE(m.items.size() == std::size(titles));
  for (std::size_t i = 0; i < m.items.size(); ++i) {
    CHECK(m.items[i].title == titles[i]);
    CHECK(m.items[i].number.empty());
  }
  CHECK(m.items[0].provenance.first_line == 40);
  CHECK(m.items[0].text.find("Samordnad Individuell Plan (SIP)") != std::string::npos);

  // The working group's position on the agreement's economic regulation.
  const auto& structure = m.items[5];
  REQUIRE(structure.decisions.size() == 1);
  CHECK(structure.decisions[0].kind == sv::DecisionKind::endorsed);
  CHECK(structure.decisions[0].text.starts_with("Arbetsgruppen är enig om att överenskommelsen"));

  // "save the date" for the conferences of 24 and 25 March: the next March.
  const auto& news = m.items[3];
  CHECK(std::count(news.dates.begin(), news.dates.end(), sv::make_date(2025, 3, 24)) == 1);
  CHECK(std::count(news.dates.begin(), news.dates.end(), sv::make_date(2025, 3, 25)) == 1);

  // "Vid nästa möte 25/11": the next meeting, in the record's year.
  REQUIRE(m.next_meeting);
  CHECK(*m.next_meeting == sv::make_date(2024, 11, 25));

  // Four questions escalated to the political reference group.
  const auto& last = m.items.back();
  REQUIRE(last.escalations.size() == 4);
  for (const auto& e : last.escalations) CHECK(e.to == "Politiska referensgruppen");
  CHECK(last.escalations[1].what == "Regionen önskar att man följer lagen");
  CHECK(m.items[4].dates == std::vector<sv::Date>{sv::make_date(2025, 1, 1)});
  CHECK(m.warnings.empty());
}

TEST_CASE("protocol extract §182 with appended documents: decisions, adjusters, amounts", "[shared]") {
  const auto m = sv::import::parse_minutes(read("002_41110eb7b0da83e7.txt"), "002_41110eb7b0da83e7.txt");
  CHECK(m.record_kind == sv::RecordKind::protocol_extract);
  CHECK(m.body == "Regionstyrelsens hälso- och sjukvårdsutskott");
  // The extract names no meeting date; that is a warning, not a guess.
  CHECK_FALSE(m.date);
  REQUIRE(m.items.size() == 1);
  const auto& item = m.items[0];
  CHECK(item.number == "§182");
  CHECK(item.title == "God och nära vård En omställning av hälso- och sjukvården med fokus på primärvården");
  CHECK(item.case_number == "RS190971");
  REQUIRE(item.decisions.size() == 2);
  CHECK(item.decisions[0].kind == sv::DecisionKind::approved);
  CHECK(item.decisions[0].text.starts_with("godkänna insändande av föreslagen nulägesrapport"));
  CHECK(item.decisions[1].kind == sv::DecisionKind::noted);
  CHECK(item.decisions[1].text == "notera informationen och lägga den till handlingarna");
  // The proposal said the same, so it is not kept apart.
  CHECK(item.decisions[0].proposal.empty());
  CHECK(item.decisions[0].provenance.first_line == 17);
  REQUIRE(item.attachments.size() == 4);
  CHECK(item.attachments[3] == "God och nära vård HSU 24 sep 2019");
  CHECK(item.sent_to == std::vector<std::string>{"Driftnämnd Hallands sjukhus", "Driftnämnd Psykiatri",
                                                 "Driftnämnd Närsjukvården"});
  // "senast 15 oktober 2019" in the item's text.
  CHECK(std::count(item.dates.begin(), item.dates.end(), sv::make_date(2019, 10, 15)) == 1);

  CHECK(m.writer == "Maria Fransson");
  CHECK(m.adjusters == std::vector<std::string>{"Mikaela Waltersson", "Lise-Lotte Bensköld Olsson"});
  REQUIRE(m.adjusted_on);
  CHECK(*m.adjusted_on == sv::make_date(2019, 10, 9));
  CHECK(m.extensions.at("source.extract_certified_by") == "Ylva Johansson");

  // The agreement appended to the extract: its money, exact to the krona.
  const auto has_amount = [&](std::int64_t kronor) {
    return std::any_of(item.amounts.begin(), item.amounts.end(),
                       [&](const sv::Money& a) { return a.ore() == kronor * 100 && !a.approximate(); });
  };
  CHECK(has_amount(1'610'000'000));
  CHECK(has_amount(1'600'000'000));
  CHECK(has_amount(1'280'000'000));
  CHECK(has_amount(320'000'000));
  CHECK(has_amount(640'000'000));
  CHECK(has_amount(10'000'000));
  CHECK(has_amount(1'000'000'000));  // "en miljard kronor per år"
  CHECK(std::any_of(item.amounts.begin(), item.amounts.end(), [](const sv::Money& a) {
    return a.ore() == 213'330'000'00 && a.approximate();  // "ca 213 330 000 kronor"
  }));
  // "1 61000 000 000 kronor" is a typing slip in the source: reported, not guessed.
  REQUIRE(std::any_of(m.warnings.begin(), m.warnings.end(), [](const sv::import::Warning& w) {
    return w.line == 442 && w.text == "1 61000 000 000 kronor";
  }));
}

TEST_CASE("both documents into one corpus: one region, valid references", "[shared]") {
  sv::Corpus corpus;
  for (const auto& name : {"000_9c70a888c9c3dc34.txt", "002_41110eb7b0da83e7.txt"})
    sv::import::import_file(corpus, corpus_dir / name);
  CHECK(corpus.meetings().size() == 2);
  // 18 met in the meetings, and the agreement's two signatories.
  CHECK(corpus.people().size() == 20);
  const auto region = corpus.resolve_organisation("Västra Götalandsregionen");
  REQUIRE(region);
  CHECK(corpus.get(*region).kind == sv::OrganisationKind::region);
  const auto committee = corpus.resolve_organisation("Regionstyrelsens hälso- och sjukvårdsutskott");
  REQUIRE(committee);
  CHECK(corpus.get(*committee).kind == sv::OrganisationKind::committee);
  // The region's people point at it; the committee's meeting at the committee.
  CHECK(corpus.referring_to(sv::EntityRef(*region)).size() >= 4);
  for (const auto& problem : corpus.validate()) {
    INFO(problem.str());
    CHECK(problem.severity == sv::Severity::warning);
  }
}

// The state–SKL agreement "En ny, uppdaterad kömiljard 2019" is appended
// after the protocol extract in 002; the allocation engine's koemiljard2019
// programme was written from the same agreement, so the two must agree.
TEST_CASE("the queue-billion agreement appended to 002 agrees with the koemiljard2019 programme", "[shared]") {
  namespace k = sv::allocate::koemiljard2019;
  const std::string name = "002_41110eb7b0da83e7.txt";
  const std::string text = read(name);
  const auto minutes = sv::import::parse_minutes(text, name);
  const auto docs = sv::import::parse_documents(text, name, {}, &minutes);
  CHECK_FALSE(docs.standalone);
  REQUIRE(docs.agreements.size() == 1);
  const auto& a = docs.agreements.front();
  CHECK(a.title == "En ny, uppdaterad kömiljard 2019");
  const k::Parameters programme;

  // Total and split: 1 610 000 000 kr, of which 1 600 000 000 to the regions
  // (Block 1 + Block 2) and 10 000 000 to SKL.
  REQUIRE(a.total);
  CHECK(a.total->ore() == sv::Money::from_kronor(1'610'000'000).ore());
  REQUIRE(a.shares.size() == 2);
  CHECK(a.shares[0].amount.ore() == (programme.block1 + programme.block2).ore());
  CHECK(a.shares[1].to == "SKL");
  CHECK(a.shares[1].amount.ore() == sv::Money::from_kronor(10'000'000).ore());
  CHECK(a.total->ore() == (programme.block1 + programme.block2).ore() + a.shares[1].amount.ore());

  // Blocks.
  REQUIRE(a.blocks.size() == 2);
  CHECK(a.blocks[0].key == "1");
  CHECK(a.blocks[0].amount.ore() == programme.block1.ore());
  CHECK(a.blocks[1].key == "2");
  CHECK(a.blocks[1].amount.ore() == programme.block2.ore());

  // Block 2's conditions: response rate at least 95 %, status report by 15 October 2019.
  const auto rate = std::find_if(a.conditions.begin(), a.conditions.end(), [](const auto& c) {
    return c.block == "2" && c.threshold.comparator == sv::Comparator::at_least && c.threshold.unit == "%";
  });
  REQUIRE(rate != a.conditions.end());
  CHECK(rate->threshold.value * 100 == double(programme.response_rate.value.hundredths()));
  CHECK(programme.response_rate.inclusive);
  CHECK(rate->kind == sv::ConditionKind::performance_requirement);
  // Block 1's absolute alternative: at least 71 % within 60 days.
  CHECK(std::any_of(a.conditions.begin(), a.conditions.end(), [](const auto& c) {
    return c.block == "1" && c.threshold.comparator == sv::Comparator::at_least && c.threshold.value == 71;
  }));
  std::vector<std::string> to_by_deadline;
  for (const auto& o : a.obligations)
    if (o.deadline == programme.status_report_deadline) to_by_deadline.push_back(o.to);
  CHECK(to_by_deadline == std::vector<std::string>{"SKL", "Socialstyrelsen"});

  // Payments: Block 1 in December 2019, Block 2 in June.
  REQUIRE(a.payments.size() == 2);
  CHECK(a.payments[0].amount.ore() == programme.block1.ore());
  CHECK(a.payments[0].date == sv::make_date(2019, 12, 31));
  CHECK(a.payments[0].month_only);
  CHECK(a.payments[0].block == "1");
  CHECK(a.payments[1].amount.ore() == programme.block2.ore());
  CHECK(a.payments[1].date == sv::make_date(2019, 6, 30));
  CHECK(a.payments[1].block == "2");
  REQUIRE(a.requisitions.size() == 1);
  CHECK(a.requisitions[0].deadline == sv::make_date(2019, 12, 1));

  // Parties and signatories, with title, place and date.
  REQUIRE(a.parties.size() == 2);
  CHECK(a.parties[0].name == "Socialdepartementet");
  CHECK(a.parties[0].aliases == std::vector<std::string>{"staten"});
  CHECK(a.parties[1].name == "Sveriges Kommuner och Landsting");
  REQUIRE(a.signatories.size() == 2);
  CHECK(a.signatories[0].name == "Maja Fjaestad");
  CHECK(a.signatories[0].title == "Statssekreterare");
  CHECK(a.signatories[0].organisation == "Socialdepartementet");
  CHECK(a.signatories[0].place == "Stockholm");
  CHECK(a.signatories[0].date == sv::make_date(2019, 6, 19));
  CHECK(a.signatories[1].name == "Vesna Jovic");
  CHECK(a.signatories[1].title == "Verkställande direktör");
  CHECK(a.signatories[1].date == sv::make_date(2019, 6, 26));
  CHECK(a.start == sv::make_date(2019, 1, 1));
  CHECK(a.end == sv::make_date(2019, 12, 31));

  // Into a corpus: the agreement, and the protocol item referring to it.
  sv::Corpus corpus;
  const auto result = sv::import::import_file(corpus, corpus_dir / name);
  REQUIRE(result.agreements.size() == 1);
  const auto& stored = corpus.get(result.agreements.front());
  CHECK(stored.block("1")->amount == programme.block1);
  CHECK(stored.block("2")->amount == programme.block2);
  const auto& meeting = corpus.get(result.meeting);
  REQUIRE(meeting.items.size() == 1);
  REQUIRE_FALSE(meeting.items[0].decisions.empty());
  for (const auto& d : meeting.items[0].decisions)
    CHECK(std::find(d.references.begin(), d.references.end(), sv::EntityRef(stored.id)) != d.references.end());
  for (const auto& problem : corpus.validate()) {
    INFO(problem.str());
    CHECK(problem.severity == sv::Severity::warning);
  }
}

int main(int argc, char* argv[]) {
  if (!fs::is_directory(corpus_dir)) {
    std::cout << "skipped: " << corpus_dir.string() << " is not there\n";
    return 77;
  }
  return Catch::Session().run(argc, argv);
}
