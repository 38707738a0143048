// The importer's parts on their own: the scanners for dates, amounts, times
// and names, the encoding repair, and documents that are not minutes at all.
#include "../../src/import/classify.hpp"
#include "../../src/import/lines.hpp"
#include "../../src/import/scan.hpp"
#include "../../src/import/vocabulary.hpp"

#include <samverkan/corpus.hpp>
#include <samverkan/import/documents.hpp>
#include <samverkan/import/minutes.hpp>
#include <samverkan/io/json.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace sv = samverkan;
namespace d = samverkan::import::detail;

namespace {

std::vector<std::string> iso_dates(std::string_view text, std::optional<int> year = std::nullopt) {
  std::vector<std::string> out;
  for (const auto& found : d::find_dates(text, year)) out.push_back(sv::format_date(found.date));
  return out;
}

std::vector<std::int64_t> ore(std::string_view text) {
  std::vector<std::int64_t> out;
  for (const auto& found : d::find_amounts(text))
    if (!found.irregular) out.push_back(found.money.ore());
  return out;
}

}  // namespace

TEST_CASE("dates in the forms Swedish minutes write them", "[import][scan]") {
  CHECK(iso_dates("Datum: 2024-10-28") == std::vector<std::string>{"2024-10-28"});
  CHECK(iso_dates("Torsdag 10 mars 2022 kl. 08.30") == std::vector<std::string>{"2022-03-10"});
  CHECK(iso_dates("senast den 15 oktober 2019 till SKL") == std::vector<std::string>{"2019-10-15"});
  CHECK(iso_dates("den 15:e oktober 2019") == std::vector<std::string>{"2019-10-15"});
  CHECK(iso_dates("28.10.2024 och 1 jan. 2025") == std::vector<std::string>{"2024-10-28", "2025-01-01"});
  // Without a year only with the meeting's year to go by.
  CHECK(iso_dates("Vid nästa möte 25/11 får").empty());
  CHECK(iso_dates("Vid nästa möte 25/11 får", 2024) == std::vector<std::string>{"2024-11-25"});
  CHECK(iso_dates("den 24 och 25 mars", 2025) == std::vector<std::string>{"2025-03-24", "2025-03-25"});
  CHECK(iso_dates("den 24–25 mars", 2025) == std::vector<std::string>{"2025-03-24", "2025-03-25"});
  // Not dates: times, section numbers, "11/2019", impossible days, months alone.
  CHECK(iso_dates("kl. 09.00-15.00, avsnitt 4.4, meddelande 11/2019", 2024).empty());
  CHECK(iso_dates("2023-02-29 och 31/4", 2024).empty());
  CHECK(iso_dates("under mars 2019").empty());
  const auto found = d::find_dates("Sista dag 25/11.", 2024);
  REQUIRE(found.size() == 1);
  CHECK(found[0].year_inferred);
}

TEST_CASE("amounts: exact öre, approximate marks, words, slips reported", "[import][scan]") {
  CHECK(ore("1 280 000 000 kronor") == std::vector<std::int64_t>{128'000'000'000});
  CHECK(ore("ca 25 000 000 kr") == std::vector<std::int64_t>{2'500'000'000});
  CHECK(d::find_amounts("ca 25 000 000 kr")[0].money.approximate());
  CHECK_FALSE(d::find_amounts("25 000 000 kr")[0].money.approximate());
  CHECK(ore("3,5 mnkr och 150 tkr") == std::vector<std::int64_t>{350'000'000, 15'000'000});
  CHECK(ore("fyra miljoner kronor") == std::vector<std::int64_t>{400'000'000});
  CHECK(ore("en miljard kronor per år") == std::vector<std::int64_t>{100'000'000'000});
  CHECK(ore("avsätter fyra miljoner till insatser") == std::vector<std::int64_t>{400'000'000});
  CHECK(ore("1 234,50 kr") == std::vector<std::int64_t>{123'450});
  // Not money: counts, percentages, people.
  CHECK(ore("1 900 hembesök, 80% av medlen, fyra miljoner invånare, 2019").empty());
  const auto slip = d::find_amounts("totalt 1 61000 000 000 kronor");
  REQUIRE(slip.size() == 1);
  CHECK(slip[0].irregular);
  // Too large for öre in 64 bits: skipped, not wrapped.
  CHECK(ore("999999999999999 miljarder kronor").empty());
}

TEST_CASE("times and ranges", "[import][scan]") {
  const auto range = d::find_times("Tid: 09.00-15:00");
  REQUIRE(range);
  CHECK(range->start.str() == "09:00");
  REQUIRE(range->end);
  CHECK(range->end->str() == "15:00");
  const auto dash = d::find_times("kl. 13.00–16.10");
  REQUIRE((dash && dash->end));
  CHECK(dash->end->str() == "16:10");
  const auto hours = d::find_times("kl 9-12");
  REQUIRE((hours && hours->end));
  CHECK(hours->start.str() == "09:00");
  CHECK(hours->end->str() == "12:00");
  CHECK_FALSE(d::find_times("28.10.2024"));
  CHECK_FALSE(d::find_times("9 personer"));
}

TEST_CASE("names of people and of organisations", "[import][scan]") {
  for (const char* person : {"Jenny Nilsson", "Lise-Lotte Bensköld Olsson", "Karolina Wedne Lindberg",
                             "Ann-Sofie Rundberg", "Jan af Klint"})
    CHECK(d::looks_like_person(person));
  for (const char* other : {"Region Halland", "Göteborgs Stad", "Medtanken Group", "Sjukhusen i Väster", "VGR",
                            "Skaraborgs kommunalförbund", "Västra Götalandsregionen", "Anna", "Anna Berg 2"})
    CHECK_FALSE(d::looks_like_person(other));
  for (const char* org : {"Region Halland", "Göteborgs Stad", "VästKom", "SKR", "Närhälsan"})
    CHECK(d::looks_like_organisation(org));
  CHECK(d::guess_kind("Region Östergötland") == sv::OrganisationKind::region);
  CHECK(d::guess_kind("Västra Götalandsregionen") == sv::OrganisationKind::region);
  CHECK(d::guess_kind("Linköpings kommun") == sv::OrganisationKind::municipality);
  CHECK(d::guess_kind("Fyrbodals kommunalförbund") == sv::OrganisationKind::municipal_association);
  CHECK(d::guess_kind("Regionstyrelsens hälso- och sjukvårdsutskott") == sv::OrganisationKind::committee);
  CHECK(d::guess_kind("Arbetsgrupp nytt hälso- och sjukvårdsavtal") == sv::OrganisationKind::working_group);
  CHECK(d::region_core("Region Västra Götaland") == d::region_core("Västra Götalandsregionen"));
  CHECK(d::acronyms("Västra Götalandsregionen").front() == "vgr");
  CHECK(d::acronyms("Sveriges Kommuner och Regioner").front() == "skr");
  CHECK(d::split_list("Anna Berg, Per Ek och Lisa Ström (ordförande)") ==
        std::vector<std::string>{"Anna Berg", "Per Ek", "Lisa Ström (ordförande)"});
}

TEST_CASE("encodings: UTF-8 kept, Windows-1252 read, stray bytes replaced", "[import][encoding]") {
  d::Encoding encoding{};
  std::size_t replaced = 0;
  CHECK(d::to_utf8("Västra Götaland", encoding, replaced) == "Västra Götaland");
  CHECK(encoding == d::Encoding::utf8);
  CHECK(d::to_utf8("V\xe4stra G\xf6taland \x80", encoding, replaced) == "Västra Götaland €");
  CHECK(encoding == d::Encoding::windows1252);
  CHECK(d::to_utf8("Västra \xff Götaland", encoding, replaced) == "Västra \xEF\xBF\xBD Götaland");
  CHECK(encoding == d::Encoding::repaired);
  CHECK(replaced == 1);

  // A Windows-1252 document reads like its UTF-8 twin, with a warning.
  const auto parsed = sv::import::parse_minutes(
      "Minnesanteckningar\nStyrgruppen f\xf6r n\xe4ra v\xe5rd\n\nDatum: 2024-03-14\nN\xe4rvarande:\n"
      "Anna \xd6""berg, Region \xd6sterg\xf6tland\n",
      "latin1.txt");
  CHECK(parsed.body == "Styrgruppen för nära vård");
  REQUIRE(parsed.attendees.size() == 1);
  CHECK(parsed.attendees[0].organisation == "Region Östergötland");
  REQUIRE_FALSE(parsed.warnings.empty());
  CHECK(parsed.warnings[0].message == "the document is not UTF-8; it was read as Windows-1252");
}

TEST_CASE("any bytes: no crash, and what is imported writes as JSON", "[import][robust]") {
  // The first fuzzing find: a stray byte in an item's text made the corpus
  // unwritable as JSON.
  const std::string stray = "Minnesanteckningar\nGrupp\n\nDatum: 2024-01-02\n\n1. Punkt ett\nText \xc3 med fel.\n"
                            "2. Punkt tv\xe5\nMer text.\n";
  std::mt19937 random(20241129);
  std::vector<std::string> inputs{stray, "", "\n\n\n", std::string(5000, '('), std::string(3000, '*'),
                                  "§", "1.\n2.\n3.", "Närvarande:\n" + std::string(2000, ',')};
  for (int i = 0; i < 300; ++i) {
    std::string bytes(static_cast<std::size_t>(random() % 400), '\0');
    for (auto& c : bytes) c = static_cast<char>(random() % 256);
    inputs.push_back(bytes);
    // Mutations of a real layout reach deeper than noise.
    std::string mutated = stray;
    for (int k = 0; k < 5; ++k) mutated[random() % mutated.size()] = static_cast<char>(random() % 256);
    inputs.push_back(mutated);
  }
  for (const auto& input : inputs) {
    sv::Corpus corpus;
    REQUIRE_NOTHROW(sv::import::import_minutes(corpus, input, "random.txt"));
    REQUIRE_NOTHROW(sv::to_json(corpus));
  }
}

TEST_CASE("resolution: acronyms and region names learned, first names, the same meeting not added twice",
          "[import][resolve]") {
  sv::Corpus corpus;
  const auto vgr = corpus.add(sv::Organisation{.name = "Västra Götalandsregionen", .kind = sv::OrganisationKind::region});
  const std::string text = "Minnesanteckningar\nStyrgruppen\n\nDatum: 2024-03-14\n\nNärvarande:\nAnna Berg, VGR\n"
                           "Per Ek, Region Västra Götaland\n\n1. Budget\nBeslut: Styrgruppen ger Per i uppdrag att "
                           "ta fram en budget till den 1 april.\n2. Övrigt\nInget.\n";
  const auto first = sv::import::import_minutes(corpus, text, "a.txt");
  const auto& meeting = corpus.get(first.meeting);
  REQUIRE(meeting.attendance.size() == 2);
  CHECK(meeting.attendance[0].represents == vgr);
  CHECK(meeting.attendance[1].represents == vgr);  // the region's other spelling
  const auto& org = corpus.get(vgr);
  CHECK(std::find(org.aliases.begin(), org.aliases.end(), "VGR") != org.aliases.end());
  REQUIRE(first.action_items.size() == 1);
  const auto& action = corpus.get(first.action_items[0]);
  // "Per" alone is the one attendee of that first name.
  REQUIRE(action.owner_person);
  CHECK(corpus.get(*action.owner_person).name == "Per Ek");
  CHECK(action.due == sv::make_date(2024, 4, 1));

  const auto size = corpus.size();
  const auto again = sv::import::import_minutes(corpus, text, "a-copy.txt");
  CHECK(again.meeting == first.meeting);
  CHECK(corpus.size() == size);
  CHECK(again.warnings.back().message.find("already in the corpus") != std::string::npos);

  // A meeting of another body already holds the id this one would get: the
  // import picks a fresh id, and the corpus stays consistent.
  sv::Corpus target;
  target.add(sv::Meeting{.id = sv::MeetingId("meeting/2024-03-14-styrgruppen"),
                         .body = target.add(sv::Organisation{.name = "Annat organ"})});
  REQUIRE_NOTHROW(sv::import::import_minutes(target, text, "a.txt"));
  CHECK(target.meetings().size() == 2);
  for (const auto& problem : target.validate()) CHECK(problem.severity == sv::Severity::warning);
}

namespace {
sv::import::ParsedMinutes fixture(const std::string& name) {
  std::ifstream in(std::string(SAMVERKAN_SOURCE_DIR) + "/tests/fixtures/minutes/" + name, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return sv::import::parse_minutes(text.str(), name);
}
}  // namespace

TEST_CASE("a committee protocol: § with case numbers, party marks, a serving substitute", "[import][layouts]") {
  const auto m = fixture("namnd_protokoll_2023-03-14.txt");
  CHECK(m.record_kind == sv::RecordKind::protocol);
  CHECK(m.body == "Socialnämnden");
  CHECK(m.date == sv::make_date(2023, 3, 14));
  CHECK(m.place == "Stadshuset, sal 3");
  REQUIRE(m.end);
  CHECK(m.end->str() == "15:30");
  REQUIRE(m.attendees.size() == 6);
  CHECK(m.attendees[0].name == "Anna Berg");
  CHECK(m.attendees[0].party == "S");
  CHECK(m.attendees[0].organisation.empty());
  CHECK(m.attendees[3].name == "Karl Holm");
  CHECK(m.attendees[3].substitute_for == "Eva Lund");
  CHECK(m.attendees[4].title == "socialchef");
  CHECK(m.adjusters == std::vector<std::string>{"Per Ek"});
  CHECK(m.adjusted_on == sv::make_date(2023, 3, 20));
  REQUIRE(m.items.size() == 3);
  CHECK(m.items[0].number == "§45");
  CHECK(m.items[0].title == "Val av justerare");
  CHECK(m.items[0].case_number == "SN 2023/12");
  const auto& budget = m.items[1];
  REQUIRE(budget.decisions.size() == 1);
  CHECK(budget.decisions[0].kind == sv::DecisionKind::assigned);
  CHECK(budget.decisions[0].proposal == "Socialnämnden godkänner budgetuppföljningen.");
  REQUIRE(budget.assignments.size() == 1);
  CHECK(budget.assignments[0].owner == "förvaltningen");
  CHECK(budget.amounts == std::vector<sv::Money>{sv::Money::from_kronor(4'200'000)});
  REQUIRE(m.items[2].decisions.size() == 1);
  CHECK(m.items[2].decisions[0].kind == sv::DecisionKind::noted);
  CHECK(m.warnings.empty());
}

TEST_CASE("minutes with §1-style items, an inline attendance line and the time on the title line",
          "[import][layouts]") {
  const auto m = fixture("narvard_paragrafer_2023-11-08.txt");
  CHECK(m.body == "Samverkansgruppen Närvård Sjuhärad");
  CHECK(m.form == sv::MeetingForm::teams);
  REQUIRE(m.start);
  CHECK(m.start->str() == "10:00");
  REQUIRE(m.attendees.size() == 5);
  CHECK(m.attendees[3].name == "Karin Ek");
  CHECK(m.attendees[3].roles == std::vector<sv::MeetingRole>{sv::MeetingRole::secretary});
  CHECK(m.attendees[4].status == sv::AttendanceStatus::excused);
  REQUIRE(m.items.size() == 4);
  CHECK(m.items[2].amounts[0].approximate());
  REQUIRE(m.items[2].assignments.size() == 1);
  CHECK(m.items[2].assignments[0].owner == "Per Ek");
  CHECK(m.items[2].assignments[0].what == "skickar ut presentationen");
  CHECK(m.items[2].assignments[0].due == sv::make_date(2023, 11, 15));
  CHECK(m.next_meeting == sv::make_date(2023, 12, 6));
}

TEST_CASE("an agenda listed before the minutes, groups headed 'Region Halland:', a passive decision",
          "[import][layouts]") {
  const auto m = fixture("vardsamverkan_agenda_2023-02-15.txt");
  CHECK(m.body == "Vårdsamverkan Fyrbodal");
  CHECK(m.date == sv::make_date(2023, 2, 15));
  REQUIRE(m.attendees.size() == 5);
  CHECK(m.attendees[1].name == "Jonas Berg");
  CHECK(m.attendees[1].organisation == "Region Halland");
  CHECK(m.attendees[2].organisation == "Trollhättans stad");
  CHECK(m.attendees[4].status == sv::AttendanceStatus::absent);
  // The agenda's three lines are not three more items.
  REQUIRE(m.items.size() == 3);
  CHECK(m.extensions.at("source.agenda") == "1 Mötets öppnande; 2 Ekonomi; 3 Övriga frågor");
  REQUIRE(m.items[0].decisions.size() == 1);
  CHECK(m.items[0].decisions[0].body.empty());  // "Dagordningen godkändes": no body took it by name
  REQUIRE(m.items[1].assignments.size() == 1);
  CHECK(m.items[1].assignments[0].what == "tar fram en ny prognos till nästa möte");
  CHECK(m.writer == "Karin Ek");
}

TEST_CASE("page furniture is its own stage: page numbers, stamps and running headers go, source lines stay", "[import][lines]") {
  CHECK(d::is_page_number_line("sida 3 av 7"));
  CHECK(d::is_page_number_line("3 (7)"));
  CHECK(d::is_page_number_line("\xE2\x80\x93 4 \xE2\x80\x93"));
  CHECK(d::is_page_number_line("- 4 -"));
  CHECK(d::is_page_number_line("blad 2"));
  CHECK(d::is_page_number_line("kommunförbundet väst\tsida 2 av 4"));
  CHECK_FALSE(d::is_page_number_line("4"));  // an item number, perhaps
  CHECK_FALSE(d::is_page_number_line("sidan 4 i bilagan visar utfallet"));
  CHECK(d::is_page_stamp("justerandes sign\tutdragsbestyrkande"));
  CHECK_FALSE(d::is_page_stamp("justerandes sign: se nedan."));
  CHECK_FALSE(d::is_page_stamp("utdragsbestyrkande"));  // a label: the certifier's name follows

  const auto lines = d::split_lines(
      "Kommunförbundet Väst | Minnesanteckningar | 2025-01-20\n"
      "Punkt 1\n"
      "Gruppen diskuterade vårdplaneringen och kostnaden på ca 2 mnkr per\n"
      "\n"
      "Kommunförbundet Väst | Minnesanteckningar | 2025-01-20\n"
      "Sida 2 av 3\n"
      "\n"
      "kommun och år.\n"
      "Justerandes sign\t\tUtdragsbestyrkande\n");
  std::vector<std::string> texts;
  for (const auto& l : lines) texts.emplace_back(l.text());
  // The first showing of the running header stays; the repeat, the page
  // number, the stamp and the blank lines inside the sentence go.
  CHECK(texts == std::vector<std::string>{"Kommunförbundet Väst | Minnesanteckningar | 2025-01-20", "Punkt 1",
                                          "Gruppen diskuterade vårdplaneringen och kostnaden på ca 2 mnkr per",
                                          "kommun och år."});
  REQUIRE(lines.size() == 4);
  CHECK(lines[3].first == 8);  // provenance: the source line
}

TEST_CASE("a word hyphenated across lines is joined; a compound's shared dash is kept", "[import][lines]") {
  const auto lines = d::split_lines(
      "Arbetsgruppen följer antalet utskriv-\n"
      "ningsklara patienter varje vecka.\n"
      "Både hälso- och\n"
      "sjukvården och Region-/\n"
      "kommunledningen deltar. SKR-\n"
      "rapporten kom i går.\n");
  REQUIRE(lines.size() == 6);
  CHECK(lines[0].text() == "Arbetsgruppen följer antalet utskrivningsklara");
  CHECK(lines[0].last == 2);  // the joined word came from source line 2
  CHECK(lines[1].text() == "patienter varje vecka.");
  CHECK(lines[2].text() == "Både hälso- och");
  CHECK(lines[3].text() == "sjukvården och Region-/");
  CHECK(lines[4].text() == "kommunledningen deltar. SKR-");  // an acronym's dash is no break
  CHECK(lines[5].text() == "rapporten kom i går.");
}

TEST_CASE("a party mark after a name is the member's party, never an organisation", "[import][attendance]") {
  CHECK(d::party_mark("KD") == "KD");
  CHECK(d::party_mark(" MP ") == "MP");
  CHECK(d::party_mark("SKR").empty());
  const auto m = sv::import::parse_minutes(
      "PROTOKOLL\nOmsorgsnämnden\nSammanträdesdatum: 2025-02-11\n\n"
      "Beslutande\n"
      "Ingela Frisk (MP), ordförande\n"
      "Tor Halvarsson (SD)\n"
      "Mira Öhman (C), ersätter Bo Lind (C)\n"
      "\n§ 3 Dnr ON 2025/17\nVal av justerare\nNämnden beslutar att utse Tor Halvarsson att justera protokollet.\n",
      "p.txt");
  REQUIRE(m.attendees.size() == 3);
  CHECK(m.attendees[0].party == "MP");
  CHECK(m.attendees[0].organisation.empty());
  CHECK(m.attendees[1].party == "SD");
  CHECK(m.attendees[2].party == "C");
  CHECK(m.attendees[2].substitute_for == "Bo Lind");
  REQUIRE(m.items.size() == 1);
  CHECK(m.items[0].case_number == "ON 2025/17");  // "Dnr" is the label, not the number
  REQUIRE(m.items[0].decisions.size() == 1);
  CHECK(m.items[0].decisions[0].procedural);
}

TEST_CASE("procedural decisions, numbered att-clauses, and 'punkt N' inside prose", "[import][decisions]") {
  CHECK(d::is_procedural_decision("dagordningen fastställs."));
  CHECK(d::is_procedural_decision("minnesanteckningarna från förra mötet läggs till handlingarna."));
  CHECK(d::is_procedural_decision("att förklara paragrafen omedelbart justerad."));
  CHECK_FALSE(d::is_procedural_decision("nämnden godkänner budgeten för 2025."));
  CHECK(d::case_number_value("Dnr: KS 2025-0042") == "KS 2025-0042");
  CHECK(d::case_number_value("Diarienummer SN 2025/3") == "SN 2025/3");
  CHECK(d::case_number_value("KS 2025-0042") == "KS 2025-0042");

  const auto m = sv::import::parse_minutes(
      "Minnesanteckningar\nVårdsamverkan Mitt\nDatum: 2025-04-02\n\n"
      "1) Inledning\nDagordningen godkändes. Frågan om hjälpmedel tas upp under\npunkt 3.\n\n"
      "2) Ekonomi\nBeslut\nStyrgruppen beslutar\n1. att avsätta 300 000 kronor till utbildning,\n"
      "2. att ge kansliet i uppdrag att följa upp satsningen.\n\n"
      "3) Hjälpmedel\nStyrgruppen noterar informationen.\n",
      "m.txt");
  REQUIRE(m.items.size() == 3);
  CHECK(m.items[0].number == "1");
  REQUIRE(m.items[0].decisions.size() == 1);
  CHECK(m.items[0].decisions[0].procedural);
  CHECK(m.items[1].number == "2");
  REQUIRE(m.items[1].decisions.size() == 2);  // the lead-in "Styrgruppen beslutar" is no decision of its own
  CHECK(m.items[1].decisions[0].kind == sv::DecisionKind::decided);
  CHECK(m.items[1].decisions[1].kind == sv::DecisionKind::assigned);
  CHECK_FALSE(m.items[1].decisions[0].procedural);
  CHECK(m.items[2].title == "Hjälpmedel");
}

TEST_CASE("vote counts in the ways protocols write them", "[import][votes]") {
  auto counts = [](std::string_view s) {
    const auto c = d::vote_counts(sv::import::detail::lower(s));
    return c ? std::vector<std::uint32_t>{c->yes, c->no, c->abstain} : std::vector<std::uint32_t>{};
  };
  CHECK(counts("Med 8 ja-röster mot 5 nej-röster och 2 som avstår bifaller styrelsen förslaget.") ==
        std::vector<std::uint32_t>{8, 5, 2});
  CHECK(counts("Ja-röster: 6, Nej-röster: 4, Avstår: 1") == std::vector<std::uint32_t>{6, 4, 1});
  CHECK(counts("Omröstningen utföll med tio ja mot tre nej.") == std::vector<std::uint32_t>{10, 3, 0});
  CHECK(counts("Med 4 ja-röster mot 4 nej-röster och ordförandens utslagsröst") == std::vector<std::uint32_t>{4, 4, 0});
  CHECK(counts("5 ja-röster, 3 nej-röster, 1 ledamot avstod") == std::vector<std::uint32_t>{5, 3, 1});
  CHECK(counts("Ja-röst för arbetsutskottets förslag, nej-röst för återremiss.").empty());
  CHECK(counts("Ja, vi ses den 4 maj.").empty());
  CHECK(d::vote_word("avstår") == 2);
  CHECK(d::vote_word("nej-röster") == 1);
  CHECK_FALSE(d::vote_word("jag"));
}

TEST_CASE("debate sub-headings and phrases are recognised, not read as decisions", "[import][votes]") {
  CHECK(d::proceeding_heading("reservation") == d::Proceeding::reservation);
  CHECK(d::proceeding_heading("reservationer") == d::Proceeding::reservation);
  CHECK(d::proceeding_heading("propositionsordning och omröstning") == d::Proceeding::vote);
  CHECK(d::proceeding_heading("yrkanden") == d::Proceeding::motions);
  CHECK(d::proceeding_heading("protokollsanteckning: bilaga 2") == d::Proceeding::note);
  CHECK(d::proceeding_heading("omröstning begärs och verkställs.") == d::Proceeding::none);
  CHECK(d::is_proceeding_sentence("lena holm (v) yrkar avslag på förslaget."));
  CHECK(d::is_proceeding_sentence("ordföranden ställer proposition på förslagen och finner att styrelsen bifaller."));
  CHECK_FALSE(d::is_proceeding_sentence("styrelsen beslutar att godkänna årsredovisningen."));
  CHECK(d::reservation_phrase("per ek (c) reserverade sig mot beslutet.") != std::string_view::npos);
  CHECK(d::party_of_word("kristdemokraternas") == "KD");
  CHECK(d::party_of_word("moderata") == "M");
}

TEST_CASE("votes and reservations are tied to the decision of their paragraph", "[import][votes]") {
  const auto m = sv::import::parse_minutes(
      "PROTOKOLL\nOmsorgsnämnden\nSammanträdesdatum 2025-03-11\n\n"
      "Beslutande\tIda Rask (M), ordförande\n\tPer Ek (C)\n\tLena Holm (V)\n\tJon Sand (KD)\n\tAli Noor (KD)\n"
      "Ersättare\tEva Lund (KD)\n\n"
      "§ 12 Taxa för trygghetslarm\n"
      "Yrkanden\nLena Holm (V) yrkar avslag på förslaget.\n"
      "Propositionsordning\nOrdföranden ställer proposition på förslaget mot avslag och finner att nämnden\n"
      "beslutar enligt förslaget.\n"
      "Omröstning\nJa-röst för förslaget, nej-röst för avslag.\nJa: Ida Rask (M), Per Ek (C)\nNej: Lena Holm (V)\n"
      "Avstår: Jon Sand (KD), Ali Noor (KD)\n"
      "Beslut\nOmsorgsnämnden fastställer taxan för trygghetslarm.\n"
      "Reservation\nLena Holm (V) reserverar sig mot beslutet.\n"
      "Protokollsanteckning\nPer Ek (C) lämnar en protokollsanteckning, bilaga 1.\n\n"
      "§ 13 Riktlinjer för hemtjänst\n"
      "Beslut\nOmsorgsnämnden antar riktlinjerna.\n"
      "Kristdemokraternas ledamöter reserverar sig till förmån för eget förslag.\n"
      "Med 3 ja-röster mot 2 nej-röster bifaller nämnden förslaget.\n",
      "p.txt");
  REQUIRE(m.items.size() == 2);
  const auto& a = m.items[0];
  REQUIRE(a.decisions.size() == 1);  // the proposition and the vote are no decisions of their own
  REQUIRE(a.decisions[0].votes.size() == 1);
  const auto& v = a.decisions[0].votes[0];
  CHECK(v.yes == 2);
  CHECK(v.no == 1);
  CHECK(v.abstain == 2);
  CHECK(v.question == "Ja-röst för förslaget, nej-röst för avslag.");
  REQUIRE(v.casts.size() == 5);
  CHECK(v.casts[2].name == "Lena Holm");
  CHECK(v.casts[2].option == sv::VoteOption::no);
  REQUIRE(a.decisions[0].reservations.size() == 1);  // a note to the protocol is no reservation
  CHECK(a.decisions[0].reservations[0].name == "Lena Holm");
  CHECK(a.decisions[0].reservations[0].party == "V");
  CHECK(a.decisions[0].text.find("Reservation") == std::string::npos);

  const auto& b = m.items[1];
  REQUIRE(b.decisions.size() == 1);
  REQUIRE(b.decisions[0].votes.size() == 1);
  CHECK(b.decisions[0].votes[0].yes == 3);
  // The party's serving members; the substitute who did not serve is not one.
  REQUIRE(b.decisions[0].reservations.size() == 2);
  CHECK(b.decisions[0].reservations[0].name == "Jon Sand");
  CHECK(b.decisions[0].reservations[1].name == "Ali Noor");

  sv::Corpus corpus;
  const auto result = sv::import::add_to_corpus(corpus, m);
  const auto& meeting = corpus.get(result.meeting);
  REQUIRE(meeting.items[0].decisions[0].reservations.size() == 1);
  CHECK(corpus.get(meeting.items[0].decisions[0].reservations[0].person).name == "Lena Holm");
  CHECK(meeting.items[0].decisions[0].votes[0].votes.size() == 5);
}

TEST_CASE("plain statements of work, 'Ansvarig' lines and action lists become action items", "[import][actions]") {
  CHECK(d::action_verb("lisa ek återkommer med en tidplan.") != std::string_view::npos);
  CHECK(d::action_verb("kansliet skickar ut kallelsen.") != std::string_view::npos);
  CHECK(d::action_verb("kansliet skickade ut kallelsen.") == std::string_view::npos);  // done, not to do
  CHECK(d::reports_earlier("vid förra mötet gavs kansliet i uppdrag att ta fram en plan."));
  CHECK_FALSE(d::reports_earlier("gruppen fick i uppdrag att ta fram en plan."));
  CHECK(d::action_column("ansvarig") == d::ActionColumn::owner);
  CHECK(d::action_column("klart senast") == d::ActionColumn::due);

  const auto m = sv::import::parse_minutes(
      "Minnesanteckningar\nNätverket för hjälpmedel\nDatum: 2025-02-06\n\n"
      "Närvarande:\nLisa Ek, Region Kronoberg\nOlof Hed, Växjö kommun\n\n"
      "1. Inledning\nDagordningen godkändes.\n\n"
      "2. Förskrivning\nNätverket diskuterade förskrivningen. Lisa återkommer med en tidplan till nästa möte.\n"
      "Olof Hed skickar ut enkäten senast 2025-02-20. Regionstyrelsen har beslutat att avgiften höjs.\n\n"
      "3. Rutiner\nNätverket beslutade att rutinen ses över.\nAnsvarig: Olof Hed, klart 2025-03-15.\n"
      "Kansliet fick i uppdrag att boka lokal till den 1 mars.\n\n"
      "4. Avslut\nMötet avslutades.\n\n"
      "Åtgärdslista\nÅtgärd\tAnsvarig\tKlart\tPunkt\nSammanställa svaren\tLisa Ek\t2025-03-01\t2\n",
      "a.txt");
  REQUIRE(m.items.size() == 4);
  const auto& two = m.items[1];
  REQUIRE(two.assignments.size() == 3);
  CHECK(two.assignments[0].owner == "Lisa");
  CHECK(two.assignments[0].what == "återkommer med en tidplan till nästa möte");
  CHECK(two.assignments[1].owner == "Olof Hed");
  CHECK(sv::format_date(*two.assignments[1].due) == "2025-02-20");
  CHECK(two.assignments[2].owner == "Lisa Ek");  // from the action list, by its "Punkt" column
  CHECK(sv::format_date(*two.assignments[2].due) == "2025-03-01");
  CHECK(two.decisions.empty());  // a decision reported from elsewhere is not this meeting's
  const auto& three = m.items[2];
  REQUIRE(three.assignments.size() == 2);
  CHECK(three.assignments[0].owner == "Olof Hed");
  CHECK(sv::format_date(*three.assignments[0].due) == "2025-03-15");
  CHECK(three.assignments[1].owner == "Kansliet");
  REQUIRE(three.decisions.size() == 2);
  CHECK(three.decisions[1].kind == sv::DecisionKind::assigned);
}

TEST_CASE("items numbered without punctuation, '1 a' and '1 b' among them", "[import][items]") {
  const auto m = sv::import::parse_minutes(
      "MINNESANTECKNINGAR\nLänsgruppen för äldres hälsa\n\nDatum: 2025-01-21\n\n"
      "1 a Val av justerare\nGruppen utser Per Ek att justera anteckningarna.\n\n"
      "1 b Dagordning\nDagordningen godkänns.\n\n"
      "2 Fallprevention\nArbetet i kommunerna har kommit olika långt, 3 kommuner har\nbörjat.\n\n"
      "3 Nästa möte\nNästa möte hålls 2025-03-18.\n",
      "n.txt");
  REQUIRE(m.items.size() == 4);
  CHECK(m.items[0].number == "1a");
  CHECK(m.items[0].title == "Val av justerare");
  CHECK(m.items[1].number == "1b");
  CHECK(m.items[2].number == "2");
  CHECK(m.items[2].text.find("3 kommuner") != std::string::npos);  // a count inside prose is no item
  CHECK(m.items[3].title == "Nästa möte");
}

TEST_CASE("serving substitutes: 'för X', 'ersätter X', a line ending in 'för', a mark on the next line", "[import][attendance]") {
  const auto m = sv::import::parse_minutes(
      "PROTOKOLL\nKultur- och omsorgsnämnden\nSammanträdesdatum 2025-05-14\n\n"
      "Beslutande: Nils Ahl (S), ordförande, Stina Berg (M)\n"
      "Tjänstgörande ersättare: Greta Ulf (C) för Hugo Lind (C)\n"
      "Närvarande ersättare: Tor Ek (L) ersätter Mira Sten (L), Nybro kommun\n\n"
      "Ledamöter\nOla Frank (V)\n(ersätter Berit Jonsson)\nKim Ros (KD), Emmaboda kommun,\n  tjänstgör för Alva Björk\n\n"
      "§ 1 Val av justerare\nNämnden beslutar att utse Stina Berg att justera protokollet.\n",
      "s.txt");
  auto find = [&](std::string_view name) -> const sv::import::ParsedAttendee* {
    for (const auto& a : m.attendees)
      if (a.name == name) return &a;
    return nullptr;
  };
  REQUIRE(find("Greta Ulf"));
  CHECK(find("Greta Ulf")->substitute_for == "Hugo Lind");
  CHECK(find("Greta Ulf")->party == "C");
  CHECK_FALSE(find("Hugo Lind"));  // the member stood in for is not present
  REQUIRE(find("Tor Ek"));
  CHECK(find("Tor Ek")->substitute_for == "Mira Sten");
  CHECK(find("Tor Ek")->organisation == "Nybro kommun");
  REQUIRE(find("Ola Frank"));
  CHECK(find("Ola Frank")->substitute_for == "Berit Jonsson");
  REQUIRE(find("Kim Ros"));
  CHECK(find("Kim Ros")->substitute_for == "Alva Björk");
  CHECK_FALSE(find("Berit Jonsson"));
  CHECK_FALSE(find("Alva Björk"));

  const auto m2 = sv::import::parse_minutes(
      "PROTOKOLL\nDirektionen\nSammanträdesdatum 2025-05-14\n\n"
      "Tjänstgörande ersättare: Pia Holm (S), Ljungby kommun, för\nJens Ström (S), Ljungby kommun\n\n"
      "§ 1 Mötets öppnande\nOrdföranden öppnar mötet.\n",
      "s2.txt");
  REQUIRE(m2.attendees.size() == 1);
  CHECK(m2.attendees[0].name == "Pia Holm");
  CHECK(m2.attendees[0].substitute_for == "Jens Ström");
  CHECK(m2.attendees[0].title.empty());
}

TEST_CASE("attendance tables read by their column headings; titles in a list are no people", "[import][attendance]") {
  const auto m = sv::import::parse_minutes(
      "# PROTOKOLL\n\nOmsorgsnämnden\n\nSammanträdesdatum: 2025-06-03\n\n## Närvarolista\n\n"
      "| Namn | Parti | Funktion | Närvaro |\n|---|---|---|---|\n"
      "| Rut Ek | S | ordförande | Närvarande |\n| Bo Sahl | M | ledamot | Förhinder |\n"
      "| Li Wern | M | tjänstgörande ersättare för Bo Sahl | Närvarande |\n| Ines Hjort | KD | ersättare | Frånvarande |\n\n"
      "Övriga närvarande: Maj Ulv, ekonomichef, Tage Rask, utredare\n\n"
      "## § 5 Budget\n\nNämnden godkänner budgeten.\n",
      "t.txt");
  auto find = [&](std::string_view name) -> const sv::import::ParsedAttendee* {
    for (const auto& a : m.attendees)
      if (a.name == name) return &a;
    return nullptr;
  };
  REQUIRE(find("Rut Ek"));
  CHECK(find("Rut Ek")->party == "S");
  CHECK(find("Rut Ek")->organisation.empty());  // neither the party nor the heading "Närvarolista"
  CHECK(find("Rut Ek")->roles == std::vector<sv::MeetingRole>{sv::MeetingRole::chair});
  REQUIRE(find("Bo Sahl"));
  CHECK(find("Bo Sahl")->status == sv::AttendanceStatus::excused);
  CHECK(find("Bo Sahl")->roles.empty());
  REQUIRE(find("Li Wern"));
  CHECK(find("Li Wern")->substitute_for == "Bo Sahl");
  REQUIRE(find("Ines Hjort"));
  CHECK(find("Ines Hjort")->status == sv::AttendanceStatus::absent);
  CHECK(find("Ines Hjort")->title.empty());
  REQUIRE(find("Maj Ulv"));
  CHECK(find("Maj Ulv")->title == "ekonomichef");
  REQUIRE(find("Tage Rask"));
  CHECK(find("Tage Rask")->title == "utredare");
  CHECK(m.attendees.size() == 6);

  // A list after a label, broken over lines, is one list.
  const auto b = sv::import::parse_minutes(
      "PROTOKOLL\nTekniska nämnden\nSammanträdesdatum 2025-06-03\n\n"
      "Beslutande: Arne Sjö (S), ordförande, Elin Dal (M),\nvice ordförande, Ture\nBrink (C), Vera Ask (V)\n\n"
      "§ 7 Taxor\nNämnden antar taxorna.\n",
      "b.txt");
  REQUIRE(b.attendees.size() == 4);
  CHECK(b.attendees[1].roles == std::vector<sv::MeetingRole>{sv::MeetingRole::vice_chair});
  CHECK(b.attendees[2].name == "Ture Brink");
  CHECK(b.attendees[2].party == "C");
}

TEST_CASE("a header table in two rows, people after their organisation, invited beside present", "[import][attendance]") {
  const auto m = sv::import::parse_minutes(
      "MINNESANTECKNINGAR\n\nSamverkansgruppen för rehabilitering\n\n"
      "Datum\tTid\tPlats\n2025-09-09\t13:00-15:30\tStadshuset, Sundsvall\n\n"
      "Närvarande:\nRegion Västernorrland: Åke Holm (ordförande), Nora Lind\nTimrå kommun: Siv Berg\n\n"
      "Inbjudna:\nLeo Falk, Härnösands kommun\nNorrland Health Partners\n\n"
      "1 Inledning\nGruppen godkänner dagordningen.\n\n2 Rehabkedjan\nSiv Berg tar fram en karta över kedjan.\n\n"
      "3 Övrigt\nInga övriga frågor.\n",
      "h.txt");
  REQUIRE(m.date);
  CHECK(sv::format_date(*m.date) == "2025-09-09");
  REQUIRE(m.start);
  CHECK(m.place.find("Stadshuset") != std::string::npos);
  auto find = [&](std::string_view name) -> const sv::import::ParsedAttendee* {
    for (const auto& a : m.attendees)
      if (a.name == name) return &a;
    return nullptr;
  };
  REQUIRE(find("Åke Holm"));
  CHECK(find("Åke Holm")->organisation == "Region Västernorrland");
  CHECK(find("Åke Holm")->roles == std::vector<sv::MeetingRole>{sv::MeetingRole::chair});
  REQUIRE(find("Nora Lind"));
  CHECK(find("Nora Lind")->organisation == "Region Västernorrland");
  REQUIRE(find("Siv Berg"));
  CHECK(find("Siv Berg")->organisation == "Timrå kommun");
  REQUIRE(find("Leo Falk"));
  CHECK(find("Leo Falk")->status == sv::AttendanceStatus::invited);
  CHECK_FALSE(find("Norrland Health Partners"));  // a company named without a person
  CHECK(find("Siv Berg")->status == sv::AttendanceStatus::present);
  REQUIRE(m.items.size() == 3);
}

TEST_CASE("the secretary is the record's writer when no one else is named", "[import][closing]") {
  const auto m = sv::import::parse_minutes(
      "PROTOKOLL\nByggnadsnämnden\nSammanträdesdatum 2025-10-07\n\n"
      "Beslutande: Ulla Rye (S), ordförande, Hans Tell (M)\nSekreterare: Agda Moll\n\n"
      "§ 3 Taxa\nNämnden antar taxan.\n",
      "w.txt");
  CHECK(m.writer == "Agda Moll");
  sv::Corpus corpus;
  const auto result = sv::import::add_to_corpus(corpus, m);
  CHECK(corpus.get(result.meeting).extensions.at("source.writer") == "Agda Moll");

  const auto named = sv::import::parse_minutes(
      "Minnesanteckningar\nStyrgruppen\nDatum: 2025-10-07\n\nNärvarande:\nAgda Moll (sekreterare)\nHans Tell\n\n"
      "1. Inledning\nMötet öppnades.\n\nVid anteckningarna\nHans Tell\n",
      "w2.txt");
  CHECK(named.writer == "Hans Tell");
}

TEST_CASE("a time range whose end is a bare hour after a full start time", "[import][scan]") {
  const auto t = d::find_times("2025-09-09\t13:00-15\tStadshuset");
  REQUIRE(t);
  REQUIRE(t->end);
  CHECK(t->end->hour == 15);
  CHECK(t->end->minute == 0);
  const auto bare = d::find_times("mellan 3-5 personer");
  CHECK((!bare || !bare->end));  // counts are no times
}

TEST_CASE("members and their personal substitutes side by side, under their region", "[import][attendance]") {
  const auto m = sv::import::parse_minutes(
      "PROTOKOLL\nGemensamma nämnden\nSammanträdesdatum 2025-11-20\n\nNÄRVARO\n"
      "Ledamöter                      Närv.   Ersättare              Närv.\n\n"
      "Region Gotland\n"
      "Siri Lax (S), ordförande       X       Olle Brand (S)         -\n"
      "Bert Ahl (M)                   F       Gun Fors (M)           T\n"
      "Region Blekinge\n"
      "Nina Kvist (C), 1:e vice ordförande   X   Tim Rud (C)   X\n\n"
      "§ 1 Budget\nNämnden godkänner budgeten.\n",
      "d.txt");
  auto find = [&](std::string_view name) -> const sv::import::ParsedAttendee* {
    for (const auto& a : m.attendees)
      if (a.name == name) return &a;
    return nullptr;
  };
  REQUIRE(m.attendees.size() == 6);
  REQUIRE(find("Siri Lax"));
  CHECK(find("Siri Lax")->organisation == "Region Gotland");
  CHECK(find("Siri Lax")->roles == std::vector<sv::MeetingRole>{sv::MeetingRole::chair});
  REQUIRE(find("Olle Brand"));
  CHECK(find("Olle Brand")->status == sv::AttendanceStatus::absent);
  CHECK(find("Bert Ahl")->status == sv::AttendanceStatus::excused);
  REQUIRE(find("Gun Fors"));
  CHECK(find("Gun Fors")->status == sv::AttendanceStatus::present);
  CHECK(find("Gun Fors")->substitute_for == "Bert Ahl");
  CHECK(find("Gun Fors")->party == "M");
  REQUIRE(find("Nina Kvist"));
  CHECK(find("Nina Kvist")->organisation == "Region Blekinge");
  CHECK(find("Nina Kvist")->roles == std::vector<sv::MeetingRole>{sv::MeetingRole::vice_chair});
  CHECK(find("Tim Rud")->substitute_for.empty());
}

TEST_CASE("the body that met, not the organisation of the letterhead", "[import][header]") {
  CHECK(d::names_a_body("vårdsamverkansgruppen i norra länet"));
  CHECK(d::names_a_body("hälso- och sjukvårdsutskottet"));
  CHECK(d::names_a_body("lss-nätverket"));
  CHECK(d::names_a_body("kommunstyrelsen"));
  CHECK_FALSE(d::names_a_body("region kronoberg"));
  CHECK_FALSE(d::names_a_body("växjö kommun"));
  CHECK_FALSE(d::names_a_body("kommunalförbund"));

  // An organisation first, the body on a line of its own after the kind.
  const auto a = sv::import::parse_minutes(
      "Region Kronoberg\nMinnesanteckningar\n\nVårdsamverkansgruppen i norra länet\n\n"
      "Datum: 2025-02-06\n\n1. Inledning\nGruppen noterar informationen.\n",
      "a.txt");
  CHECK(a.body == "Vårdsamverkansgruppen i norra länet");

  // The body in a cell of a letterhead beside its organisation.
  const auto b = sv::import::parse_minutes(
      "Växjö kommun · Omsorgsnämnden\nPROTOKOLL\nSammanträdesdatum 2025-03-04\n\n§ 1 Budget\nNämnden godkänner budgeten.\n",
      "b.txt");
  CHECK(b.body == "Omsorgsnämnden");

  // A name broken over two lines in capitals; the kind in two languages.
  const auto c = sv::import::parse_minutes(
      "REGION KRONOBERG\nMinnesanteckningar / Minutes\n\nREGIONAL SAMVERKANSGRUPP FÖR PSYKISK HÄLSA\n"
      "OCH MISSBRUK I KRONOBERG\n\nDatum: 2025-04-10\n\n1. Inledning\nGruppen noterar informationen.\n",
      "c.txt");
  CHECK(c.body == "REGIONAL SAMVERKANSGRUPP FÖR PSYKISK HÄLSA OCH MISSBRUK I KRONOBERG");

  // The record's case number in a letterhead cell; the body later.
  const auto e = sv::import::parse_minutes(
      "SMÅLANDS KOMMUNER\tSAMMANTRÄDESPROTOKOLL\nKommunalförbund\tDnr SK 2025/0031\n\nSTYRELSEN\n\n"
      "§ 1 Budget\nStyrelsen godkänner budgeten.\n",
      "e.txt");
  CHECK(e.body == "STYRELSEN");
  REQUIRE(e.extensions.count("source.case_number"));
  CHECK(e.extensions.at("source.case_number") == "SK 2025/0031");
}

TEST_CASE("lists side by side and numbers in a column and owners together and a role after a party mark", "[import][layout]") {
  const auto m = sv::import::parse_minutes(
      "MINNESANTECKNINGAR\nLänsgruppen för äldres hälsa\nDatum: 2025-03-06\n\n"
      "NÄRVARANDE\n"
      "Region Kronoberg                    Kommunerna\n"
      "Sofia Hed, ordförande               Per Lund, Växjö kommun, vice ordförande\n"
      "Erik Wall, verksamhetschef          Monika Eld, Ljungby kommun\n\n"
      "1 a  Val av justerare\nGruppen beslutade att utse Monika Eld att jämte ordföranden justera.\n\n"
      "2    Uppföljning\nGruppen noterade informationen.\n"
      "Ansvarig: Erik Wall och Per Lund sammanställer en rapport till\n"
      "huvudmännen, klart senast 2025-04-15.\n\n"
      "3    Budget                          Dnr RS 2025/12\n"
      "Av medlen avsätts drygt\n2,5 mnkr till utbildning.\n",
      "a.txt");
  REQUIRE(m.attendees.size() == 4);
  // Row by row, each cell an attendee; the left column's heading is its organisation.
  CHECK(m.attendees[0].name == "Sofia Hed");
  CHECK(m.attendees[0].organisation == "Region Kronoberg");
  CHECK(m.attendees[1].name == "Per Lund");
  CHECK(m.attendees[1].organisation == "Växjö kommun");
  CHECK(m.attendees[2].title == "verksamhetschef");
  CHECK(m.attendees[2].organisation == "Region Kronoberg");
  CHECK(m.attendees[3].organisation == "Ljungby kommun");
  REQUIRE(m.items.size() == 3);
  CHECK(m.items[1].number == "2");
  CHECK(m.items[2].title == "Budget");
  CHECK(m.items[2].case_number == "RS 2025/12");
  REQUIRE(m.items[0].decisions.size() == 1);
  CHECK(m.items[0].decisions[0].procedural);
  // One action item per owner, with the work and the due date from the broken line.
  const auto& work = m.items[1].assignments;
  REQUIRE(work.size() == 2);
  CHECK(work[0].owner == "Erik Wall");
  CHECK(work[1].owner == "Per Lund");
  CHECK(work[0].what.starts_with("sammanställer en rapport"));
  REQUIRE(work[1].due);
  CHECK(sv::format_date(*work[1].due) == "2025-04-15");
  REQUIRE(m.items[2].amounts.size() == 1);
  CHECK(m.items[2].amounts[0].approximate());

  const auto p = sv::import::parse_minutes(
      "PROTOKOLL\nSocialnämnden\nDatum: 2026-10-22\n\n"
      "Beslutande\tBirgitta Olsson (S) ordförande\n\tNiklas Ström (M) 1:e vice ordförande\n\n"
      "§ 1 Bygget\nÄrendet skjuts upp till nästa sammanträde.\n",
      "p.txt");
  REQUIRE(p.attendees.size() >= 2);
  CHECK(p.attendees[0].name == "Birgitta Olsson");
  CHECK(p.attendees[0].party == "S");
  CHECK(p.attendees[1].party == "M");
  REQUIRE(p.items.size() == 1);
  REQUIRE(p.items[0].decisions.size() == 1);
  CHECK(p.items[0].decisions[0].kind == sv::DecisionKind::postponed);
}

TEST_CASE("a flattened table with party marks and a run of co-opted entries ended by their items", "[import][layout]") {
  const auto m = sv::import::parse_minutes(
      "PROTOKOLL\nStyrelsen för Samordningsförbundet Norr\nDatum: 2019-05-22\n\n"
      "Närvarande ledamöter\nNamn Huvudman\n"
      "Maria Sten (S) Jelena Kovač Rolf Axén (V)\nHaninge kommun Försäkringskassan Region Stockholm\n\n"
      "Adjungerade\nSamira Aziz (5) Jonas Berglöf (5) Pia Lindh (7)\n\n"
      "§ 5 Budget\nStyrelsen godkänner budgeten.\n\n§ 7 Uppföljning\nStyrelsen noterar informationen.\n",
      "a.txt");
  REQUIRE(m.attendees.size() == 6);
  CHECK(m.attendees[0].name == "Maria Sten");
  CHECK(m.attendees[0].party == "S");
  CHECK(m.attendees[0].organisation == "Haninge kommun");
  CHECK(m.attendees[1].name == "Jelena Kovač");
  CHECK(m.attendees[1].organisation == "Försäkringskassan");
  CHECK(m.attendees[2].party == "V");
  CHECK(m.attendees[5].name == "Pia Lindh");
  CHECK(m.attendees[5].coopted_for_items == std::vector<std::string>{"\xC2\xA7" "7"});
}

TEST_CASE("a long run of blank lines is kept short; the lines after it keep their numbers", "[import][lines][limits]") {
  std::string text = "Punkt 1\n";
  text += std::string(20, '\n');
  text += "  \t\n\n";
  text += "Punkt 2\n";
  std::size_t dropped = 0;
  const auto lines = d::split_lines(text, &dropped);
  // 22 blank source lines (2 to 23): eight kept, fourteen not.
  CHECK(dropped == 14);
  REQUIRE(lines.size() == 10);
  CHECK(lines.front().text() == "Punkt 1");
  CHECK(lines.back().text() == "Punkt 2");
  CHECK(lines.back().first == 24);
  // A final newline is no line, whether or not the run before it was cut.
  std::size_t none = 1;
  CHECK(d::split_lines("a\n", &none).size() == 1);
  CHECK(none == 0);
  CHECK(d::split_lines(std::string(30, '\n'), &none).size() == 8);
  CHECK(none == 22);  // thirty blank lines
  // The meeting's provenance still spans every source line.
  const auto m = sv::import::parse_minutes("Styrgruppen\n" + std::string(100, '\n') + "Datum: 2024-03-14\n", "blank.txt");
  CHECK(m.line_count == 102);
}

TEST_CASE("a text numbering thousands of items keeps the first 5 000 and says so", "[import][limits]") {
  std::string text;
  for (int k = 0; k < 6000; ++k) text += "\xC2\xA7" + std::to_string(k + 1) + " Punkt\n";
  const auto m = sv::import::parse_minutes(text, "many.txt");
  CHECK(m.items.size() == 5000);
  CHECK(m.items.back().number == "\xC2\xA7" "5000");
  bool said = false;
  for (const auto& w : m.warnings)
    if (w.message.find("more than 5000 agenda items") != std::string::npos) said = w.line == 5001;
  CHECK(said);
}

TEST_CASE("a phrase set finds what a search per phrase finds", "[import][vocabulary]") {
  const d::PhraseSet set{"har beslutat", "beslut", "x", "reserverar sig"};
  CHECK(set.any_in("styrelsen har beslutat att"));
  CHECK(set.any_in("ett x"));
  CHECK_FALSE(set.any_in("inget av orden"));
  CHECK_FALSE(set.any_in(""));
  CHECK_FALSE(set.any_in("har beslu"));  // a phrase cut at the end of the text
  // The position of the first phrase in list order that occurs at all.
  CHECK(set.first_listed_in("beslut ... nu har beslutat") == 14);
  CHECK(set.first_listed_in("reserverar sig mot beslutet") == 19);
  CHECK(set.first_listed_in("reserverar sig") == 0);
  CHECK(set.first_listed_in("ingenting") == std::string_view::npos);
  CHECK(d::reservation_phrase("anna (v) reserverar sig mot beslutet") == 9);
  CHECK(d::is_proceeding_sentence("ordföranden ställer proposition på förslagen"));
  CHECK_FALSE(d::is_proceeding_sentence("styrgruppen godkänner planen"));
}

TEST_CASE("both readings of a text split once equal the two readers run apart", "[import][lines]") {
  std::ifstream in(std::string(SAMVERKAN_SOURCE_DIR) + "/benchmarks/fidelity/agreements/documents/h1_samverkansavtal_blekinge.txt");
  REQUIRE(in);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = "Protokoll\nDatum: 2024-03-14\n\n1. Budget\nStyrgruppen beslutar att godkänna budgeten.\n\n" + buffer.str();
  const auto both = sv::import::parse_text_all(text, "both.txt");
  const auto minutes = sv::import::parse_minutes(text, "both.txt");
  const auto documents = sv::import::parse_documents(text, "both.txt", {}, &minutes);
  sv::Corpus a, b;
  sv::import::add_to_corpus(a, both.minutes, both.documents);
  sv::import::add_to_corpus(b, minutes, documents);
  CHECK(sv::to_json(a) == sv::to_json(b));
  CHECK(both.minutes.items.size() == minutes.items.size());
  CHECK(both.documents.agreements.size() == documents.agreements.size());
  CHECK_FALSE(documents.agreements.empty());
}

TEST_CASE("a protocol front page under a letterhead with its signature block", "[import][layout]") {
  // The body beside the date under the letterhead, a label longer than its
  // column, "name, title" entries one a line, and the roles beside the
  // signature lines.
  const auto m = sv::import::parse_minutes(
      "KALMAR KOMMUN                         SAMMANTRÄDESPROTOKOLL        1(2)\n"
      "Socialnämnden                         2026-10-22\n\n"
      "Beslutande       Birgitta Olsson (S) ordförande\n"
      "                 Niklas Ström (M)\n"
      "                 Yvonne Lax (C)\n\n"
      "Övriga deltagande Kristina Molin, förvaltningschef socialförvaltningen\n"
      "                  Oscar Sand, nämndsekreterare\n\n"
      "Underskrifter    Sekreterare  _______________________\n"
      "                              Oscar Sand\n"
      "                 Ordförande   _______________________\n"
      "                              Birgitta Olsson\n"
      "                 Justerande   ..............   ..............\n"
      "                              Niklas Ström     Yvonne Lax\n\n"
      "§ 1 Budget\nNämnden beslutar att godkänna budgeten.\n",
      "k.txt");
  CHECK(m.body == "Socialnämnden");
  REQUIRE(m.date);
  CHECK(sv::format_date(*m.date) == "2026-10-22");
  CHECK(m.place.empty());
  REQUIRE(m.attendees.size() == 5);
  CHECK(m.attendees[3].name == "Kristina Molin");
  CHECK(m.attendees[3].title == "förvaltningschef socialförvaltningen");
  CHECK(m.attendees[3].organisation.empty());
  CHECK(m.attendees[4].name == "Oscar Sand");
  CHECK(m.attendees[4].title == "nämndsekreterare");
  CHECK(m.writer == "Oscar Sand");
  CHECK(m.adjusters == std::vector<std::string>{"Niklas Ström", "Yvonne Lax"});

  // The same block with the roles first and the names after them, in order.
  const auto n = sv::import::parse_minutes(
      "PROTOKOLL\nSocialnämnden\nDatum: 2026-10-22\n\n"
      "Beslutande: Anna Berg (S), ordförande\nPer Lind (M)\n\n"
      "Underskrifter\nSekreterare\nOrdförande\nJusterande\nLisa Ek\nAnna Berg\nPer Lind\n\n"
      "§ 1 Budget\nNämnden beslutar att godkänna budgeten.\n",
      "n.txt");
  CHECK(n.writer == "Lisa Ek");
  CHECK(n.adjusters == std::vector<std::string>{"Per Lind"});
}

TEST_CASE("attendance written as prose with a substitute and a relative clause", "[import][layout]") {
  const auto m = sv::import::parse_minutes(
      "MINNESANTECKNINGAR\nBEREDNINGEN FÖR VÄLFÄRD\n\nTisdagen den 5 maj 2020, kl. 13.00–15.00\n"
      "Mötet hölls på distans via Zoom.\n\nNÄRVARO\n\n"
      "Vid mötet deltog beredningens ledamöter Eva Strand (S), Ale kommun,\n"
      "ordförande, Nils Berg (M), Lerums kommun, och Åsa Lund (C), Alingsås kommun.\n\n"
      "För Jon Ek (L), Partille kommun, som hade anmält förhinder,\n"
      "tjänstgjorde Pia Ek (L), Partille kommun. Även Rut Alm (C), Ale kommun, hade anmält förhinder.\n\n"
      "Från kansliet deltog Ola Sand, förbundsdirektör, och Mia Holm,\n"
      "utvecklingsledare, som förde anteckningarna. Dessutom deltog Kim Ros,\n"
      "regionutvecklare vid Västra Götalandsregionen.\n\n"
      "BUDGET\n\nBeredningen godkände budgeten för nästa år efter en kort diskussion om medlen.\n\n"
      "NÄSTA MÖTE\n\nNästa möte hålls tisdagen den 9 juni 2020 kl. 13.00–15.00.\n",
      "p.txt");
  CHECK(m.form == sv::MeetingForm::digital);
  CHECK(m.place.empty());
  const auto find = [&](std::string_view name) -> const sv::import::ParsedAttendee* {
    for (const auto& a : m.attendees)
      if (a.name == name) return &a;
    return nullptr;
  };
  const auto* chair = find("Eva Strand");
  REQUIRE(chair);
  CHECK(chair->party == "S");
  CHECK(chair->organisation == "Ale kommun");
  CHECK(std::find(chair->roles.begin(), chair->roles.end(), sv::MeetingRole::chair) != chair->roles.end());
  const auto* member = find("Jon Ek");
  REQUIRE(member);
  CHECK(member->status == sv::AttendanceStatus::excused);
  const auto* substitute = find("Pia Ek");
  REQUIRE(substitute);
  CHECK(substitute->status == sv::AttendanceStatus::present);
  CHECK(substitute->substitute_for == "Jon Ek");
  const auto* also = find("Rut Alm");
  REQUIRE(also);
  CHECK(also->status == sv::AttendanceStatus::excused);
  const auto* writer = find("Mia Holm");
  REQUIRE(writer);
  CHECK(writer->title == "utvecklingsledare");
  CHECK(m.writer == "Mia Holm");
  const auto* guest = find("Kim Ros");
  REQUIRE(guest);
  CHECK(guest->title == "regionutvecklare");
  CHECK(guest->organisation == "Västra Götalandsregionen");
  CHECK(find("Ola Sand"));
  CHECK(m.attendees.size() == 9);
  // "NÄSTA MÖTE" standing alone is the last item; its sentence gives the date.
  REQUIRE(m.items.size() == 2);
  CHECK(m.items[1].title == "NÄSTA MÖTE");
  REQUIRE(m.next_meeting);
  CHECK(sv::format_date(*m.next_meeting) == "2020-06-09");
}

TEST_CASE("roman and sub-numbered items and attendance in segments by organisation", "[import][layout]") {
  const auto m = sv::import::parse_minutes(
      "MINNESANTECKNINGAR\nSamverkansberedningen i Länet\nSammanträde 2026-12-03, kl. 13.15–16.30\n"
      "Plats: Stadshuset, sal B, Ystad. En ledamot deltog på distans via Teams.\n\n"
      "Närvarande var för Region Skåne Eva Lind (S), ordförande, och Per Ek (M); för Ystads kommun\n"
      "Ola Berg (M), vice ordförande; för Sjöbo kommun Ali Nur (S), som tjänstgjorde i stället för\n"
      "Lena Ås (S). Förhinder hade anmälts av Bo Ström (C), Tomelilla kommun.\n\n"
      "Gäst under punkt II: Kim Ros, utredare, Myndigheten för vård- och omsorgsanalys.\n\n"
      "I. Mötets öppnande\n\nDagordningen godkändes och mötet öppnades av ordföranden.\n\n"
      "II. Uppföljning\n\nBeredningen tog del av informationen om uppföljningen under hösten.\n\n"
      "III. Barn och unga\n\nFrågan kunde inte lösas och lyftes till Regionala samverkansrådet i Skåne.\n",
      "r.txt");
  CHECK(m.place == "Stadshuset, sal B, Ystad");
  CHECK(m.form == sv::MeetingForm::hybrid);
  const auto find = [&](std::string_view name) -> const sv::import::ParsedAttendee* {
    for (const auto& a : m.attendees)
      if (a.name == name) return &a;
    return nullptr;
  };
  REQUIRE(find("Per Ek"));
  CHECK(find("Per Ek")->organisation == "Region Skåne");
  REQUIRE(find("Ola Berg"));
  CHECK(find("Ola Berg")->organisation == "Ystads kommun");
  REQUIRE(find("Ali Nur"));
  CHECK(find("Ali Nur")->substitute_for == "Lena Ås");
  CHECK(find("Ali Nur")->organisation == "Sjöbo kommun");
  REQUIRE(find("Bo Ström"));
  CHECK(find("Bo Ström")->status == sv::AttendanceStatus::excused);
  REQUIRE(find("Kim Ros"));
  CHECK(find("Kim Ros")->organisation == "Myndigheten för vård- och omsorgsanalys");
  CHECK(std::find(find("Kim Ros")->roles.begin(), find("Kim Ros")->roles.end(), sv::MeetingRole::guest) !=
        find("Kim Ros")->roles.end());
  std::vector<std::string> numbers;
  for (const auto& it : m.items) numbers.push_back(it.number);
  CHECK(numbers == std::vector<std::string>{"I", "II", "III"});
  REQUIRE(m.items[1].decisions.size() == 1);
  CHECK(m.items[1].decisions[0].kind == sv::DecisionKind::noted);
  REQUIRE(m.items[2].escalations.size() == 1);
  CHECK(m.items[2].escalations[0].to == "Regionala samverkansrådet i Skåne");

  const auto n = sv::import::parse_minutes(
      "Minnesanteckningar\nNätverket för MAS\nDatum: 2026-11-25\n\nNärvarande: Eva Lind, Per Ek\n\n"
      "1. Inledning\nMötet öppnades och dagordningen godkändes utan ändringar av deltagarna.\n\n"
      "2. Läkemedel\n\n"
      "2.1 Genomgångar\nNätverket beslutade att rekommendera kommunerna att anta rutinen för genomgångar.\n\n"
      "2.2 Rutin\nFrågan bordlades till nästa möte i avvaktan på underlag från regionen.\n\n"
      "3. Övrigt\nInga övriga frågor.\n",
      "n.txt");
  numbers.clear();
  for (const auto& it : n.items) numbers.push_back(it.number);
  // "2. Läkemedel" only heads 2.1 and 2.2: no item of its own.
  CHECK(numbers == std::vector<std::string>{"1", "2.1", "2.2", "3"});
  REQUIRE(n.items.size() == 4);
  REQUIRE(n.items[1].decisions.size() == 1);
  CHECK(n.items[1].decisions[0].kind == sv::DecisionKind::decided);
  REQUIRE(n.items[2].decisions.size() == 1);
  CHECK(n.items[2].decisions[0].kind == sv::DecisionKind::postponed);
}

TEST_CASE("attendance marked with check boxes and a legend and items in a number column", "[import][layout]") {
  const auto m = sv::import::parse_minutes(
      "LEDNINGSGRUPPEN FÖR VÅRD\nMinnesanteckningar\n\nMötesdatum:\t2026-11-17\n\n"
      "Deltagare     (☒ = närvarande   ☐ = frånvarande   F = anmält förhinder)\n\n"
      "Region Norr\n☒ Eva Lind, hälso- och sjukvårdsdirektör\n☐ Per Ek, primärvårdsdirektör\n"
      "☒ Ola Berg, ekonom (adjungerad ärende 2 a)\n\nKommunerna\n"
      "F  Åsa Dahl, socialchef, Ånge kommun\n☒ Mia Ros, avdelningschef, Ånge kommun (ersätter Åsa Dahl)\n\n"
      "Ärende 1\tInledning\nBeslut:\tDagordningen godkänns.\n\n"
      "Ärende 2\tEkonomi\n\nÄrende 2 a\tBudget\nBeslut:\tGodkänns.\n"
      "Åtgärd:\tSkicka budgeten till kommunerna\nAnsvar:\tOla Berg\nTidplan:\tSenast 2026-12-11\n\n"
      "Ärende 3\tNästa möte\nNoteringar:\t2027-01-19 kl. 08.30–12.00, Härnösand.\n",
      "c.txt");
  const auto find = [&](std::string_view name) -> const sv::import::ParsedAttendee* {
    for (const auto& a : m.attendees)
      if (a.name == name) return &a;
    return nullptr;
  };
  REQUIRE(m.attendees.size() == 5);
  CHECK(find("Eva Lind")->status == sv::AttendanceStatus::present);
  CHECK(find("Per Ek")->status == sv::AttendanceStatus::absent);
  REQUIRE(find("Åsa Dahl"));
  CHECK(find("Åsa Dahl")->status == sv::AttendanceStatus::excused);
  CHECK(find("Mia Ros")->substitute_for == "Åsa Dahl");
  CHECK(find("Ola Berg")->coopted_for_items == std::vector<std::string>{"2a"});
  std::vector<std::string> numbers;
  for (const auto& it : m.items) numbers.push_back(it.number);
  // "Ärende 2 Ekonomi" only groups 2 a: no item of its own.
  CHECK(numbers == std::vector<std::string>{"1", "2a", "3"});
  REQUIRE(m.items[1].assignments.size() == 1);
  CHECK(m.items[1].assignments[0].owner == "Ola Berg");
  REQUIRE(m.items[1].assignments[0].due);
  CHECK(sv::format_date(*m.items[1].assignments[0].due) == "2026-12-11");
  REQUIRE(m.next_meeting);
  CHECK(sv::format_date(*m.next_meeting) == "2027-01-19");
}

TEST_CASE("party letters in lower case and a decision listed in numbered clauses under the body's label", "[import][layout]") {
  const auto m = sv::import::parse_minutes(
      "PROTOKOLL\nHälso- och sjukvårdsnämnden\nSammanträdesdatum 2026-11-26\n\n"
      "Beslutande ledamöter\nLars Ek (s), ordförande\nKarin Sund (m)\n\n"
      "Ej tjänstgörande ersättare\nJenny Lund (s), Arne Björk (m)\n\n"
      "§ 63   Reglering\n\nRegionen och kommunerna har förhandlat fram en ny överenskommelse.\n\n"
      "Nämndens beslut\nHälso- och sjukvårdsnämnden beslutar\n1. att godkänna överenskommelsen\n"
      "   2027–2029,\n2. att ersättningen räknas upp med 2,8 procent per år.\n",
      "l.txt");
  REQUIRE(m.attendees.size() == 4);
  CHECK(m.attendees[0].party == "S");
  CHECK(m.attendees[1].party == "M");
  CHECK(m.attendees[2].name == "Jenny Lund");
  CHECK(m.attendees[3].party == "M");
  REQUIRE(m.items.size() == 1);
  REQUIRE(m.items[0].decisions.size() == 2);
  CHECK(m.items[0].decisions[0].kind == sv::DecisionKind::approved);
  CHECK(m.items[0].decisions[1].kind == sv::DecisionKind::decided);
}

TEST_CASE("a members table with substitutes beside them under a letterhead in spaced capitals", "[import][layout]") {
  const auto m = sv::import::parse_minutes(
      "S A M O R D N I N G S F Ö R B U N D E T\n\nP R O T O K O L L                    Dnr SF 2026/23\n"
      "Styrelsen, sammanträde nr 6/2026\n\nDatum:        2026-11-18\n"
      "Plats:        Kommunhuset, sammanträdesrum Bysjön, Åtvidaberg\n\n"
      "Närvarolista  (tjg = tjänstgör, ej tjg = närvarande ej tjänstgörande)\n\n"
      "Huvudman                  Ledamot                          Ersättare\n"
      "Linköpings kommun         Tove Berg (S), ordf.             Kent Öst (S), ej tjg\n"
      "Försäkringskassan         Nadia Karim\n"
      "Arbetsförmedlingen        Olle Sten, frånvarande           Lisa Ahl, tjg\n\n"
      "Adjungerade:  förbundschef Linnea Borg, sekreterare\n"
      "              ekonom Jakob Frisk, § 48–49\n\n"
      "§ 48  Mötets öppnande\nOrdföranden förklarar mötet öppnat.\n\n"
      "§ 49  Budget\nStyrelsen godkänner budgeten.\n",
      "s.txt");
  CHECK(m.body == "Styrelsen");
  CHECK(m.form == sv::MeetingForm::physical);
  CHECK(m.extensions.at("source.case_number") == "SF 2026/23");
  const auto find = [&](std::string_view name) -> const sv::import::ParsedAttendee* {
    for (const auto& a : m.attendees)
      if (a.name == name) return &a;
    return nullptr;
  };
  REQUIRE(find("Kent Öst"));
  CHECK(find("Kent Öst")->organisation == "Linköpings kommun");
  CHECK(find("Kent Öst")->substitute_for.empty());
  REQUIRE(find("Nadia Karim"));
  CHECK(find("Nadia Karim")->organisation == "Försäkringskassan");
  CHECK(find("Olle Sten")->status == sv::AttendanceStatus::absent);
  REQUIRE(find("Lisa Ahl"));
  CHECK(find("Lisa Ahl")->substitute_for == "Olle Sten");
  REQUIRE(find("Linnea Borg"));
  CHECK(find("Linnea Borg")->title == "förbundschef");
  REQUIRE(find("Jakob Frisk"));
  CHECK(find("Jakob Frisk")->coopted_for_items == std::vector<std::string>{"\xC2\xA7" "48", "\xC2\xA7" "49"});
}

TEST_CASE("a decision log kept as a table with wrapped cells and comments on its items after it", "[import][layout]") {
  const auto m = sv::import::parse_minutes(
      "Beredningen för vård\nAnteckningar från sammanträde\n\nDatum\t2026-12-01\n\n"
      "Närvarande: Anna Berg (HSF), ordförande, Per Lind (SLSO)\n\nBESLUTSLOGG\n\n"
      "Nr\tÄrende\tFöredragande\tBeslut/åtgärd\n"
      "1\tMötets öppnande, val av\tOrdf.\tPer Lind utsågs att justera\n"
      "\tjusterare\t\tanteckningarna. Dagordningen\n"
      "\t\t\tgodkändes.\n"
      "2\tHandlingsplan för\tAnna Berg\tBeredningen ställer sig bakom\n"
      "\tkompetens\t\tplanen.\n"
      "3\tÖvrigt\t\t–\n\n"
      "KOMMENTARER\n\n"
      "Punkt 2. Planen omfattar insatser för ca 12 mnkr under två år, varav\n"
      "4 mnkr söks från fonden.\n",
      "t.txt");
  REQUIRE(m.items.size() == 3);
  CHECK(m.items[0].title == "Mötets öppnande, val av justerare");
  CHECK(m.items[1].title == "Handlingsplan för kompetens");
  CHECK(m.items[2].number == "3");
  REQUIRE(m.items[0].decisions.size() == 2);
  CHECK(m.items[0].decisions[1].kind == sv::DecisionKind::approved);
  REQUIRE(m.items[1].decisions.size() == 1);
  CHECK(m.items[1].decisions[0].kind == sv::DecisionKind::endorsed);
  REQUIRE(m.items[1].presenters.size() == 1);
  CHECK(m.items[1].presenters[0] == "Anna Berg");
  // The comment's amounts are item 2's, not the last item's.
  CHECK(m.items[1].amounts.size() == 2);
  CHECK(m.items[2].amounts.empty());
  CHECK(m.items[2].decisions.empty());
}

TEST_CASE("Markdown notes with a numbered list of those present and tasks under the decisions", "[import][layout]") {
  const auto m = sv::import::parse_minutes(
      "# Styrgrupp för vårdsamverkan Sjuhärad\n\n**Minnesanteckningar** från mötet den 26 november 2026\n\n"
      "## Närvarande\n\n1. **Karin Alm**, *förvaltningschef*, Borås Stad – **ordförande**\n"
      "2. **Jörgen Sand**, *områdeschef*, Närhälsan – vice ordförande\n\n"
      "## 1) Mötets öppnande\n\nOrdföranden öppnade mötet.\n\n> **Beslut:** Dagordningen fastställdes.\n\n"
      "## 2) Uppföljning\n\nKarin Alm redovisade utfallet för året och de nya målen.\n\n"
      "> **Beslut:** Styrgruppen ger Karin Alm i uppdrag att ta fram en modell.\n\n"
      "- [ ] **Karin Alm:** modell – *senast 2027-02-15*\n"
      "- [ ] **Ansvar: Jörgen Sand** – skrivelse till samrådsgruppen, *klart 2026-12-18*\n",
      "m.md");
  CHECK(m.body == "Styrgrupp för vårdsamverkan Sjuhärad");
  REQUIRE(m.attendees.size() == 2);
  CHECK(m.attendees[0].name == "Karin Alm");
  CHECK(m.attendees[0].title == "förvaltningschef");
  CHECK(m.attendees[0].organisation == "Borås Stad");
  REQUIRE(m.items.size() == 2);
  REQUIRE(m.items[0].decisions.size() == 1);
  CHECK(m.items[0].decisions[0].kind == sv::DecisionKind::approved);
  const auto& work = m.items[1].assignments;
  REQUIRE(work.size() == 2);
  CHECK(work[0].owner == "Karin Alm");
  CHECK(work[0].what == "ta fram en modell");
  REQUIRE(work[0].due);
  CHECK(sv::format_date(*work[0].due) == "2027-02-15");
  CHECK(work[1].owner == "Jörgen Sand");
  CHECK(work[1].what.starts_with("skrivelse"));
  REQUIRE(work[1].due);
  CHECK(sv::format_date(*work[1].due) == "2026-12-18");
}

TEST_CASE("minutes pasted into an e-mail below its header and greeting", "[import][layout]") {
  // The mail program's lines name a sender, a date sent and recipients that
  // are not the meeting's; the greeting and signature stand before a rule.
  const std::string text =
      "Från:\tSara Lind <sara.lind@kalmar.se>\nSkickat:\tden 27 november 2026 14:02\n"
      "Till:\tMAS-nätverket Kalmar län; Jonas Ek\nÄmne:\tMinnesanteckningar 2026-11-25\n\n"
      "Hej alla!\n\nHär kommer anteckningarna från mötet.\n\nHälsningar\nSara\n\n"
      "----------------------------------------\n\n"
      "MINNESANTECKNINGAR\nMAS/MAR-nätverket i Kalmar län\n\nDatum: onsdag 25 november 2026\nTid: 9–12\n\n"
      "Deltagare: Sara Lind, MAS Kalmar kommun (ordf.); Helena Berg, chefläkare Region Kalmar län\n"
      "Förhinder: Camilla Nord (Torsås kommun)\nSaknas: Ronny Ask (Mönsterås kommun)\n\n"
      "1. Inledning\nSara hälsade välkomna. Föregående anteckningar godkändes utan ändringar.\n\n"
      "2. Uppföljning\nAndelen var 64 procent. Nätverket noterade uppföljningen. Rutinen lyfts till "
      "Ledningsgruppen för samverkan i Kalmar län för fastställande.\n\n"
      "3. Avvikelser\nMats Öhman sammanställer en analys till nästa möte.\n\n"
      "Nästa möte: 2027-02-03\n";
  const auto m = sv::import::parse_minutes(text, "mail.txt");
  CHECK(m.body == "MAS/MAR-nätverket i Kalmar län");
  REQUIRE(m.date);
  CHECK(sv::format_date(*m.date) == "2026-11-25");
  REQUIRE(m.start);
  REQUIRE(m.end);
  CHECK(m.start->hour == 9);
  CHECK(m.end->hour == 12);
  REQUIRE(m.attendees.size() == 4);
  CHECK(m.attendees[0].title == "MAS");
  CHECK(m.attendees[0].organisation == "Kalmar kommun");
  CHECK(m.attendees[1].title == "chefläkare");
  CHECK(m.attendees[1].organisation == "Region Kalmar län");
  CHECK(m.attendees[2].status == sv::AttendanceStatus::excused);
  CHECK(m.attendees[3].name == "Ronny Ask");
  CHECK(m.attendees[3].status == sv::AttendanceStatus::absent);
  CHECK(m.attendees[3].organisation == "Mönsterås kommun");
  REQUIRE(m.items.size() >= 3);
  REQUIRE(m.items[0].decisions.size() == 1);
  CHECK(m.items[0].decisions[0].kind == sv::DecisionKind::approved);
  CHECK(m.items[0].decisions[0].procedural);
  REQUIRE(m.items[1].decisions.size() == 2);
  CHECK(m.items[1].decisions[0].kind == sv::DecisionKind::noted);
  REQUIRE(m.items[1].escalations.size() == 1);
  CHECK(m.items[1].escalations[0].to == "Ledningsgruppen för samverkan i Kalmar län");
  // "till nästa möte" names no date: the work keeps the words, and no due date.
  REQUIRE(m.items[2].assignments.size() == 1);
  CHECK_FALSE(m.items[2].assignments[0].due);
  CHECK(m.items[2].assignments[0].what.find("nästa möte") != std::string::npos);
}

TEST_CASE("organisations as short names in parentheses and a decision log's relative clause of work", "[import][layout]") {
  const auto m = sv::import::parse_minutes(
      "Anteckningar från sammanträde\nTjänstemannaberedningen för vård och omsorg\n\n"
      "Datum\ttisdag 2026-12-01\nMötesform\tFysiskt möte med möjlighet att delta via Teams\n"
      "Plats\tRum Riddarfjärden, Stockholm\n\n"
      "Närvarande: Anders Wahlberg (HSF), ordförande, Lina Sjöberg (Storsthlm),\n"
      "vice ordförande, Carl-Johan Wik (Norrtälje kommun, ersätter Sofie Lund), Teresia Blomqvist (Storsthlm),\n"
      "sekreterare\nFörhinder: Sofie Lund (Norrtälje kommun), Gustav Ahl (HSF)\n"
      "Adjungerad punkt 4: Ola Granberg (HSF), controller\n\n"
      "1. Föregående anteckningar\nLades till handlingarna.\n\n"
      "4. Ersättningsmodell\nÅterremitteras till arbetsgruppen, som återkommer till beredningen 2027-02-09.\n",
      "t.txt");
  CHECK(m.form == sv::MeetingForm::hybrid);
  REQUIRE(m.attendees.size() == 7);
  CHECK(m.attendees[0].organisation == "HSF");
  CHECK(m.attendees[1].organisation == "Storsthlm");
  CHECK(m.attendees[2].organisation == "Norrtälje kommun");
  CHECK(m.attendees[2].substitute_for == "Sofie Lund");
  CHECK(m.attendees[3].name == "Teresia Blomqvist");
  CHECK(std::find(m.attendees[3].roles.begin(), m.attendees[3].roles.end(), sv::MeetingRole::secretary) !=
        m.attendees[3].roles.end());
  CHECK(m.attendees[3].title.empty());
  CHECK(m.attendees[5].name == "Gustav Ahl");
  CHECK(m.attendees[5].status == sv::AttendanceStatus::excused);
  CHECK(m.attendees[6].name == "Ola Granberg");
  CHECK(m.attendees[6].coopted_for_items == std::vector<std::string>{"4"});
  REQUIRE(m.items.size() == 2);
  REQUIRE(m.items[0].decisions.size() == 1);
  CHECK(m.items[0].decisions[0].procedural);
  REQUIRE(m.items[1].assignments.size() == 1);
  CHECK(m.items[1].assignments[0].owner == "arbetsgruppen");
  REQUIRE(m.items[1].assignments[0].due);
  CHECK(sv::format_date(*m.items[1].assignments[0].due) == "2027-02-09");
}

TEST_CASE("a Word table saved one cell a line is read as the table it was", "[import][layout]") {
  const auto m = sv::import::parse_minutes(
      "PROTOKOLL\nRegionstyrelsens arbetsutskott\n\nSammanträdesdatum\n2026-11-24\nDiarienummer\nRS-2026-0019\n"
      "Beslutande\n\nNamn\nParti\nFunktion\nAnmärkning\n"
      "Monica Ekstrand\nS\nOrdförande\n\n"
      "Per-Olof Hägg\nC\nErsättare\nTjänstgör för Ann-Britt Sved (C)\n"
      "Emma Wikström\nV\nLedamot\nFrån kl. 09.40\n\n"
      "Övriga närvarande\n\nNamn\nBefattning\nKarin Strömberg\nRegiondirektör\nJohanna Falk\nNämndsekreterare\n"
      "Justeringens plats och tid\nRegionhuset, Nyköping, 2026-11-27\nParagrafer\n§ 101–102\n\n"
      "§ 101\nFördelning av statsbidrag\n\nFörslaget till fördelning:\n\nMottagare\nBelopp (tkr)\n"
      "Primärvården Sörmland\n14 600\nRegiongemensamma insatser\n3 450\n\n"
      "Arbetsutskottets beslut\nArbetsutskottet beslutar\natt återremittera ärendet till regionledningskontoret, samt\n"
      "att ge regionledningskontoret i uppdrag att återkomma senast 2027-01-15.\n",
      "w.txt");
  CHECK(m.extensions.at("source.case_number") == "RS-2026-0019");
  REQUIRE(m.adjusted_on);
  CHECK(sv::format_date(*m.adjusted_on) == "2026-11-27");
  REQUIRE(m.attendees.size() == 5);
  CHECK(m.attendees[0].party == "S");
  CHECK(m.attendees[1].party == "C");
  CHECK(m.attendees[1].substitute_for == "Ann-Britt Sved");
  CHECK(m.attendees[1].organisation.empty());
  CHECK(m.attendees[2].name == "Emma Wikström");
  CHECK(m.attendees[3].title == "Regiondirektör");
  CHECK(m.attendees[3].organisation.empty());
  // "Paragrafer § 101–102" lists the items; it is none of them.
  REQUIRE(m.items.size() == 1);
  const auto& item = m.items[0];
  std::vector<std::int64_t> ore;
  for (const auto& a : item.amounts) ore.push_back(a.ore());
  CHECK(std::find(ore.begin(), ore.end(), 1460000000) != ore.end());
  CHECK(std::find(ore.begin(), ore.end(), 345000000) != ore.end());
  REQUIRE(item.decisions.size() == 2);
  CHECK(item.decisions[0].kind == sv::DecisionKind::postponed);
  CHECK(item.decisions[0].text == "att återremittera ärendet till regionledningskontoret");
  CHECK(item.decisions[1].kind == sv::DecisionKind::assigned);
}

TEST_CASE("a role or job in a column of its own before each person", "[import][layout]") {
  const auto m = sv::import::parse_minutes(
      "SAMMANTRÄDESPROTOKOLL\nDIREKTIONEN\n\nPLATS OCH TID:   Kulturens hus, Luleå, torsdag 18 april 2024\n\n"
      "BESLUTANDE:\nOrdförande             Britt Lindqvist (S), Piteå kommun\n"
      "1:e vice ordförande    Roger Falk (M), Kiruna kommun\n"
      "Ledamöter              Ingela Brännström (S), Bodens kommun\n\n"
      "ÖVRIGA NÄRVARANDE:\nFörbundsdirektör       Anneli Rönnbäck, Norrbottens Kommuner\n"
      "Sekreterare            Jonas Wiklund, Norrbottens Kommuner\n\n"
      "§ 41 VAL AV JUSTERARE\nDirektionen utser Roger Falk (M) att justera protokollet.\n",
      "r.txt");
  REQUIRE(m.attendees.size() == 5);
  CHECK(m.attendees[0].name == "Britt Lindqvist");
  CHECK(m.attendees[0].party == "S");
  CHECK(m.attendees[0].organisation == "Piteå kommun");
  CHECK(m.attendees[0].roles == std::vector<sv::MeetingRole>{sv::MeetingRole::chair});
  CHECK(m.attendees[1].organisation == "Kiruna kommun");
  CHECK(std::find(m.attendees[1].roles.begin(), m.attendees[1].roles.end(), sv::MeetingRole::vice_chair) !=
        m.attendees[1].roles.end());
  CHECK(m.attendees[3].name == "Anneli Rönnbäck");
  CHECK(m.attendees[3].title == "Förbundsdirektör");
  CHECK(m.attendees[3].organisation == "Norrbottens Kommuner");
  CHECK(m.attendees[4].name == "Jonas Wiklund");
  CHECK(std::find(m.attendees[4].roles.begin(), m.attendees[4].roles.end(), sv::MeetingRole::secretary) !=
        m.attendees[4].roles.end());
}

TEST_CASE("a header value broken over lines and entries with their organisation in a column", "[import][layout]") {
  const auto m = sv::import::parse_minutes(
      "MINNESANTECKNINGAR\nPOLITISK SAMVERKANSGRUPP FÖR VÅRD\n\n"
      "Tid och plats: tisdag den 8 oktober 2024\nkl. 13.00–16.00, Regionhuset, sal Runn,\nFalun (fysiskt möte)\n\n"
      "LEDAMÖTER\nGunilla Dahl (S), ordförande    Region Dalarna\nLennart Björk (M), vice ordf.   Mora kommun\n"
      "Ingrid Sahlin (KD), förhindrad  Ludvika kommun\n\n1. Mötets öppnande\nMötet öppnades.\n",
      "c.txt");
  REQUIRE(m.start);
  CHECK(m.start->hour == 13);
  CHECK(m.place.starts_with("Regionhuset, sal Runn, Falun"));
  CHECK(m.form == sv::MeetingForm::physical);
  REQUIRE(m.attendees.size() == 3);
  CHECK(m.attendees[0].organisation == "Region Dalarna");
  CHECK(m.attendees[0].roles == std::vector<sv::MeetingRole>{sv::MeetingRole::chair});
  CHECK(m.attendees[1].organisation == "Mora kommun");
  CHECK(m.attendees[2].status == sv::AttendanceStatus::excused);
  CHECK(m.attendees[2].organisation == "Ludvika kommun");
}

TEST_CASE("an e-mail whose message is the record keeps its subject as the title line", "[import][lines]") {
  auto lines = d::split_lines("Från: Per Ek\nSkickat: den 3 mars 2026\nTill: Styrgruppen\n"
                              "Ämne: SV: Anteckningar styrgruppen 2026-03-02\n\nNärvarande: Per Ek, Lisa Berg\n");
  std::vector<std::string> kept;
  for (const auto& l : lines)
    if (!l.blank()) kept.emplace_back(l.text());
  CHECK(kept == std::vector<std::string>{"Anteckningar styrgruppen 2026-03-02", "Närvarande: Per Ek, Lisa Berg"});
  // Two labels are no envelope: "Till:" and "Från:" also head minutes' lines.
  auto plain = d::split_lines("Från: Region Kalmar län\nTill: Kommunerna\n\nNärvarande: Per Ek\n");
  CHECK(plain[0].text() == "Från: Region Kalmar län");
}

TEST_CASE("a title and an organisation with no comma between them", "[import][scan]") {
  const auto mas = d::title_then_organisation("MAS Vimmerby kommun");
  REQUIRE(mas);
  CHECK(mas->first == "MAS");
  CHECK(mas->second == "Vimmerby kommun");
  const auto long_title = d::title_then_organisation("medicinskt ansvarig sjuksköterska Region Kalmar län");
  REQUIRE(long_title);
  CHECK(long_title->first == "medicinskt ansvarig sjuksköterska");
  CHECK_FALSE(d::title_then_organisation("områdeschef BUP"));
  CHECK_FALSE(d::title_then_organisation("Kalmar kommun"));
  CHECK_FALSE(d::title_then_organisation("MAS"));
}

TEST_CASE("lines are views into one buffer per document", "[import][lines]") {
  const std::string text = "Datum: 2024-03-14\n§1\n§1\nanna berg\nHälso-\nOch sjukvård\n";
  auto lines = d::split_lines(text);
  REQUIRE(lines.size() == 6);
  // Lower-cased byte for byte; a line without capitals is its own lower case.
  CHECK(lines[0].low() == "datum: 2024-03-14");
  CHECK(lines[3].low().data() == lines[3].text().data());
  CHECK(lines[0].low().data() != lines[0].text().data());
  // A line that repeats the one before it views the same bytes.
  CHECK(lines[2].text().data() == lines[1].text().data());
  const std::size_t held = lines.text_bytes();
  // "Datum: 2024-03-14" twice (text and lower case), "§1" once, "anna berg" once, ...
  CHECK(held < 2 * text.size());
  // Cutting a line with capitals keeps both forms at the same offsets, and
  // the other lines' views stay where they were.
  const std::string_view before = lines[3].text();
  lines.narrow(lines[0], 7);
  CHECK(lines[0].text() == "2024-03-14");
  CHECK(lines[0].low() == "2024-03-14");
  lines.set_text(lines[4], "Hälso- och Sjukvård");
  CHECK(lines[4].text() == "Hälso- och Sjukvård");
  CHECK(lines[4].low() == "hälso- och sjukvård");
  CHECK(lines[3].text().data() == before.data());
  CHECK(lines[3].text() == "anna berg");
  // A copy shares the text and rewrites its own lines only.
  auto copy = lines;
  copy.set_text(copy[3], "Per Lind");
  CHECK(copy[3].low() == "per lind");
  CHECK(lines[3].text() == "anna berg");
  lines[5].clear();
  CHECK(lines[5].blank());
  CHECK(lines[5].low().empty());
  CHECK(copy[5].text() == "Och sjukvård");
  // Row cells live beside the lines, not in each.
  CHECK(lines.cells(lines[1]).empty());
  lines.set_cells(lines[1], {"Namn", "", "Region"});
  CHECK(lines.cells(lines[1]) == std::vector<std::string>{"Namn", "", "Region"});
  CHECK(lines.cells(lines[2]).empty());
  // A probe owns its text.
  const d::ProbeLine probe("Närvarande:");
  CHECK(probe.low() == "närvarande:");
  CHECK(d::read_label(probe.line).kind == d::LabelKind::present);
}
