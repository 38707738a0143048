// Items read through the whole importer: case numbers written at the end of a
// title, and the passive and adjuster decisions protocols open with.
#include <samverkan/core/date.hpp>
#include <samverkan/import/minutes.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace im = samverkan::import;

TEST_CASE("items: a case number at the end of the title is the item's", "[import][items]") {
  const auto m = im::parse_minutes(
      "Protokoll\n\nSammanträdesdatum: 2024-10-01\n\n"
      "§ 80\tDelårsrapport per augusti 2024\tHSN 2024/0211\nText.\n\n"
      "§ 81 Internbudget 2025 Dnr ON 2024/103\nText.\n\n"
      "§ 82 Regionala priser 2025 (RJL 2024/2210)\nText.\n\n"
      "§ 83 Budget 2025\nText.\n",
      "p.txt", im::ParseOptions{});
  REQUIRE(m.items.size() == 4);
  CHECK(m.items[0].title == "Delårsrapport per augusti 2024");
  CHECK(m.items[0].case_number == "HSN 2024/0211");
  CHECK(m.items[1].title == "Internbudget 2025");
  CHECK(m.items[1].case_number == "ON 2024/103");
  CHECK(m.items[2].title == "Regionala priser 2025");
  CHECK(m.items[2].case_number == "RJL 2024/2210");
  CHECK(m.items[3].title == "Budget 2025");  // a year is no case number
  CHECK(m.items[3].case_number.empty());
}

TEST_CASE("items: passive approvals and the choice of adjusters are procedural decisions", "[import][items]") {
  const auto m = im::parse_minutes(
      "Protokoll\n\nSammanträdesdatum: 2024-10-01\n\n"
      "§ 31 Val av justerare\n\nNämnden utser Henrik Sundin (M) att justera dagens protokoll.\n\n"
      "§ 32 Godkännande av dagordning\n\nDagordningen godkänns.\n",
      "p.txt", im::ParseOptions{});
  REQUIRE(m.items.size() == 2);
  REQUIRE(m.items[0].decisions.size() == 1);
  CHECK(m.items[0].decisions[0].procedural);
  REQUIRE(m.items[1].decisions.size() == 1);
  CHECK(m.items[1].decisions[0].kind == samverkan::DecisionKind::approved);
  CHECK(m.items[1].decisions[0].procedural);
}

TEST_CASE("closing: signature labels side by side sign for the names below them", "[import][items]") {
  const auto m = im::parse_minutes(
      "Minnesanteckningar\n\nDatum: 2024-10-01\n\n1. Inledning\nText.\n\n2. Budget\nFrågan lyfts därför till "
      "Regionala samverkansrådet.\n\n"
      "Vid anteckningarna\t\t\tJusteras\n\nCamilla Sund\t\t\tGöran Lindqvist\n\n"
      "Anteckningarna justerade digitalt 2024-10-08.\n",
      "m.txt", im::ParseOptions{});
  CHECK(m.writer == "Camilla Sund");
  REQUIRE(m.adjusters.size() == 1);
  CHECK(m.adjusters[0] == "Göran Lindqvist");
  REQUIRE(m.adjusted_on);
  CHECK(samverkan::format_date(*m.adjusted_on) == "2024-10-08");
  REQUIRE(m.items.size() == 2);
  REQUIRE(m.items[1].escalations.size() == 1);
  CHECK(m.items[1].escalations[0].to == "Regionala samverkansrådet");
}

TEST_CASE("header: labels side by side, and what a date line leaves of its place", "[import][items]") {
  const auto a = im::parse_minutes(
      "Minnesanteckningar\n\nDatum: 2024-11-21\t\tTid: 13.00-15.30\t\tPlats: Regionens hus, Karlstad\n\n"
      "1. Inledning\nText.\n\n2. Budget\nText.\n",
      "a.txt", im::ParseOptions{});
  CHECK(a.place == "Regionens hus, Karlstad");
  REQUIRE(a.start);
  const auto b = im::parse_minutes(
      "Protokoll\n\nPlats och tid: Kulturens hus, Luleå, samt digitalt via Teams, torsdag 18 april 2024 kl. 10.00–15.00\n\n"
      "§ 1 Inledning\nText.\n",
      "b.txt", im::ParseOptions{});
  CHECK(b.place == "Kulturens hus, Luleå");
  CHECK(b.form == samverkan::MeetingForm::hybrid);
  const auto c = im::parse_minutes(
      "Protokoll\n\nTid och plats: tisdag den 14 maj 2024 kl. 13.30–16.00 i Rådhuset, Jönköping\n\n§ 1 Inledning\nText.\n",
      "c.txt", im::ParseOptions{});
  CHECK(c.place == "Rådhuset, Jönköping");
}

TEST_CASE("annex: bare numbers under a column headed by its unit are amounts", "[import][items]") {
  const auto m = im::parse_minutes(
      "Protokoll\n\nSammanträdesdatum: 2024-10-01\n\n§ 1 Fördelning\nNämnden beslutar att fördela medlen.\n\n"
      "Vid protokollet\nAnna Berg\n\nBilaga 1\n\nKommun\t\tInvånare\t\tBelopp, kr\n"
      "Linköpings kommun\t\t167 081\t\t10 244 654\nMotala kommun\t\t44 312\t\t2 717 012\n",
      "p.txt", im::ParseOptions{});
  REQUIRE(m.items.size() == 1);
  std::vector<std::int64_t> ore;
  for (const auto& a : m.items[0].amounts) ore.push_back(a.ore());
  CHECK(ore == std::vector<std::int64_t>{1'024'465'400, 271'701'200});  // the inhabitants are no amounts
}
