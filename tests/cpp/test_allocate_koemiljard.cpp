// The 2019 queue-billion agreement ("kömiljarden 2019") as a ready-made
// programme: the figures the agreement states, its readings, the sample
// inputs, and the errors bad inputs give.
#include <samverkan/allocate/koemiljard2019.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

using namespace samverkan;
using namespace samverkan::allocate;
namespace k = samverkan::allocate::koemiljard2019;

namespace {

__extension__ using u128 = unsigned __int128;

const std::string sample_csv = std::string(SAMVERKAN_SOURCE_DIR) + "/data/allocation/koemiljard2019_inputs.csv";

const std::string visits_sep = k::pot_id(k::Group::first_visits, 9);

// A region whose share waiting < 90 days moved by `improvement` points in
// every group and month, with `within60` % waited ≤ 60 days, and that met
// every reporting condition.
k::RegionInputs region(const std::string& name, std::int64_t population, const char* improvement = "0",
                       const char* within60 = "50") {
  k::RegionInputs in;
  in.region = name;
  in.population = population;
  const Percent before = Percent::points(60);
  for (const auto g : {k::Group::first_visits, k::Group::operations})
    for (const unsigned m : k::months)
      in.figures(g)[m] = {before, before + Percent::parse(improvement), Percent::parse(within60)};
  in.reporting = {Percent::points(99), true, make_date(2019, 10, 1)};
  return in;
}

std::vector<k::RegionInputs> all_regions(const char* improvement = "2") {
  std::vector<k::RegionInputs> out;
  const std::int64_t populations[] = {2344124, 383713, 297540,  461583, 360825,  199886, 244670,
                                      59249,   159684, 1362164, 329352, 1709814, 281482, 302252,
                                      273929,  286165, 286547,  245347, 130280,  270154, 250093};
  for (std::size_t i = 0; i < k::regions().size(); ++i)
    out.push_back(region(std::string(k::regions()[i].short_name), populations[i], improvement));
  return out;
}

std::int64_t in_pot(const k::Result& r, const std::string& region_id, const std::string& pot) {
  return r.allocation.amount(region_id, pot).ore();
}

const Share& share(const k::Result& r, const std::string& region_id, const std::string& pot) {
  const auto* s = r.allocation.pot(pot).share_of(region_id);
  REQUIRE(s != nullptr);
  return *s;
}

bool mentions(const Share& s, const std::string& text) {
  for (const auto& line : s.explanation)
    if (line.find(text) != std::string::npos) return true;
  return false;
}

// ---- CSV text for the error tests ----

std::vector<std::string> csv_columns() {
  std::vector<std::string> cols{"region", "population"};
  for (const char* g : {"visits", "operations"})
    for (const char* m : {"sep", "oct", "nov"})
      for (const char* f : {"u90_2018", "u90_2019", "le60_2019"}) cols.push_back(std::string(g) + "_" + m + "_" + f);
  for (const char* c : {"response_rate_min", "reported_within_5_weeks", "status_report_date"}) cols.push_back(c);
  return cols;
}

std::string csv_row(const std::string& name, const std::map<std::string, std::string>& cells = {}) {
  std::string row;
  for (const auto& col : csv_columns()) {
    std::string value;
    if (col == "region")
      value = name;
    else if (col == "population")
      value = "383713";
    else if (col.find("u90_2018") != std::string::npos)
      value = "60,0";
    else if (col.find("u90_2019") != std::string::npos)
      value = "62,5";
    else if (col.find("le60") != std::string::npos)
      value = "50";
    else if (col == "response_rate_min")
      value = "98,5";
    else if (col == "reported_within_5_weeks")
      value = "ja";
    else
      value = "2019-10-10";
    if (const auto it = cells.find(col); it != cells.end()) value = it->second;
    row += (row.empty() ? "" : ";") + value;
  }
  return row;
}

std::string csv_text(const std::vector<std::string>& rows) {
  std::string header;
  for (const auto& col : csv_columns()) header += (header.empty() ? "" : ";") + col;
  std::string text = "# test\n" + header + "\n";
  for (const auto& r : rows) text += r + "\n";
  return text;
}

// The parse_error of a CSV text: its line and message.
std::pair<std::size_t, std::string> csv_error(const std::string& text) {
  try {
    k::parse_csv(text, "test.csv");
  } catch (const parse_error& e) {
    return {e.line(), e.what()};
  }
  FAIL("no parse_error");
  return {};
}

}  // namespace

TEST_CASE("Kömiljarden 2019: the pots the agreement states", "[allocate]") {
  const auto r = k::run(all_regions());
  const auto& a = r.allocation;
  CHECK(a.pot("block-1").amount == Money::from_kronor(1'280'000'000));
  CHECK(a.pot("block-2").amount == Money::from_kronor(320'000'000));
  for (const auto g : {k::Group::first_visits, k::Group::operations}) {
    CHECK(a.pot(k::pot_id(g)).amount == Money::from_kronor(640'000'000));
    // "ca 213 330 000 kr" per group and month; exactly:
    CHECK(a.pot(k::pot_id(g, 9)).amount.ore() == 21'333'333'334);
    CHECK(a.pot(k::pot_id(g, 10)).amount.ore() == 21'333'333'333);
    CHECK(a.pot(k::pot_id(g, 11)).amount.ore() == 21'333'333'333);
    CHECK(a.pot(k::pot_id(g, 9)).period == Period::month(2019, 9));
  }
  CHECK(a.amount_total() == Money::from_kronor(1'600'000'000));
  CHECK(a.paid_total() == Money::from_kronor(1'600'000'000));
}

TEST_CASE("Kömiljarden 2019: the steps are about 149 330 000 / 42 670 000 / 21 330 000 kr", "[allocate]") {
  // With exclusive steps and one region in each, a region's money is its step's.
  k::Parameters p;
  p.membership = StepMembership::exclusive;
  const auto r = k::run({region("Uppsala", 1, "2"), region("Gotland", 1, "4"), region("Kalmar", 1, "6")}, p);
  CHECK(in_pot(r, "uppsala", visits_sep) == 14'933'333'334);
  CHECK(in_pot(r, "gotland", visits_sep) == 4'266'666'667);
  CHECK(in_pot(r, "kalmar", visits_sep) == 2'133'333'333);
  const auto oct = k::pot_id(k::Group::operations, 10);
  CHECK(in_pot(r, "uppsala", oct) == 14'933'333'333);
  CHECK(in_pot(r, "gotland", oct) == 4'266'666'667);
  CHECK(in_pot(r, "kalmar", oct) == 2'133'333'333);
  // Over both groups and three months.
  CHECK(r.regions[0].block1.ore() + r.regions[1].block1.ore() + r.regions[2].block1.ore() == 128'000'000'000);
}

TEST_CASE("Kömiljarden 2019: 320 000 000 kr by population share, exactly", "[allocate]") {
  const auto inputs = all_regions();
  const auto r = k::run(inputs);
  std::uint64_t total_population = 0;
  for (const auto& in : inputs) total_population += static_cast<std::uint64_t>(in.population);
  CHECK(total_population == 10'238'853);
  std::int64_t sum = 0;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const std::int64_t got = r.regions[i].block2.ore();
    sum += got;
    const u128 lhs = static_cast<u128>(got) * total_population;
    const u128 rhs = static_cast<u128>(32'000'000'000) * static_cast<std::uint64_t>(inputs[i].population);
    CHECK((lhs > rhs ? lhs - rhs : rhs - lhs) < total_population);
  }
  CHECK(sum == 32'000'000'000);
  CHECK(r.regions[0].block2.ore() == 7'326'208'121);  // Stockholm: 73 262 081,21 kr
}

TEST_CASE("Kömiljarden 2019: step boundaries at exactly 1.0, 3.0 and 5.0 points", "[allocate]") {
  struct Case {
    const char* reading;
    std::array<std::size_t, 7> steps;  // for 0.99, 1.00, 2.99, 3.00, 3.01, 5.00, 5.01
  };
  const Case cases[] = {
      {"text", {0, 1, 1, 2, 2, 2, 3}},      // ≥ 1, ≥ 3, > 5 (default)
      {"lower", {0, 1, 1, 2, 2, 3, 3}},     // ≥ 1, ≥ 3, ≥ 5
      {"upper", {0, 1, 1, 1, 2, 2, 3}},     // ≥ 1, > 3, > 5
      {">1,>3,>5", {0, 0, 1, 1, 2, 2, 3}},  // all strict
      {">=1,>=3,>=5", {0, 1, 1, 2, 2, 3, 3}},
  };
  const char* improvements[] = {"0,99", "1", "2,99", "3,00", "3,01", "5.0", "5,01"};
  for (const auto& c : cases) {
    k::Parameters p;
    p.step_bounds = k::Parameters::boundaries(c.reading);
    for (std::size_t i = 0; i < 7; ++i) {
      INFO(c.reading << ", improvement " << improvements[i]);
      // A reference region reaches every step, so the probe's money depends on its own step only.
      const auto r = k::run({region("Uppsala", 100, improvements[i]), region("Skåne", 100, "10")}, p);
      CHECK(share(r, "uppsala", visits_sep).step == c.steps[i]);
      // Odd öre in a tie go to "skane", the smaller id.
      const std::int64_t expected = c.steps[i] == 0   ? 0
                                    : c.steps[i] == 1 ? 7'466'666'667
                                    : c.steps[i] == 2 ? 7'466'666'667 + 2'133'333'333
                                                      : 7'466'666'667 + 2'133'333'333 + 1'066'666'666;
      CHECK(in_pot(r, "uppsala", visits_sep) == expected);
    }
  }
  CHECK(k::Parameters{}.step_bounds == k::Parameters::boundaries("text"));
  CHECK_THROWS_AS(k::Parameters::boundaries("middle"), parse_error);
  CHECK_THROWS_AS(k::Parameters::boundaries(">=1,>=3"), parse_error);
  CHECK_THROWS_AS(k::Parameters::boundaries(">=1,>=3,>5,>7"), parse_error);
  // Bounds that do not rise are refused when the programme is run.
  k::Parameters falling;
  falling.step_bounds = k::Parameters::boundaries(">=3,>=1,>5");
  CHECK_THROWS_AS(k::run({region("Uppsala", 1, "2")}, falling), value_error);
}

TEST_CASE("Kömiljarden 2019: roll-over within one group and month", "[allocate]") {
  SECTION("nobody improves by more than five: step 3's money goes to the 3–5 regions") {
    const auto r = k::run({region("Uppsala", 300, "4"), region("Gotland", 100, "2")});
    // Step 1: 14 933 333 334 by population 3:1; steps 2 and 3 to Uppsala alone.
    CHECK(in_pot(r, "gotland", visits_sep) == 3'733'333'333);
    CHECK(in_pot(r, "uppsala", visits_sep) == 11'200'000'001 + 4'266'666'667 + 2'133'333'333);
    CHECK(mentions(share(r, "uppsala", visits_sep), "rolled over from step 3"));
  }
  SECTION("nobody improves by three: everything to step 1") {
    const auto r = k::run({region("Uppsala", 300, "1"), region("Gotland", 100, "2,5")});
    // Both remainders are one half; the larger population takes the öre.
    CHECK(in_pot(r, "uppsala", visits_sep) == 16'000'000'001);
    CHECK(in_pot(r, "gotland", visits_sep) == 5'333'333'333);
  }
  SECTION("nobody improves in one group and month: nothing is paid for it, the rest is unaffected") {
    auto uppsala = region("Uppsala", 300, "2");
    auto gotland = region("Gotland", 100, "2");
    uppsala.operations[10].under_90_2019 = Percent::parse("60,5");
    gotland.operations[10].under_90_2019 = Percent::parse("59");
    const auto r = k::run({uppsala, gotland});
    const auto oct = k::pot_id(k::Group::operations, 10);
    CHECK(r.allocation.paid(oct).ore() == 0);
    CHECK(r.allocation.undistributed(oct).ore() == 21'333'333'333);
    CHECK_THAT(r.allocation.pot(oct).undistributed_reason(),
               Catch::Contains("no region reached step 1") && Catch::Contains("nothing is paid"));
    CHECK(r.allocation.undistributed(visits_sep).ore() == 0);
    CHECK(r.allocation.paid("block-1").ore() == 128'000'000'000 - 21'333'333'333);
  }
}

TEST_CASE("Kömiljarden 2019: the 71 % alternative, and a region paid once", "[allocate]") {
  SECTION("at 71 % without improving: step 1") {
    const auto r = k::run({region("Halland", 100, "-1", "71"), region("Gotland", 100, "2")});
    CHECK(share(r, "halland", visits_sep).via_alternative);
    CHECK(in_pot(r, "halland", visits_sep) == in_pot(r, "gotland", visits_sep));
  }
  SECTION("the alternative off") {
    k::Parameters p;
    p.alternative = false;
    const auto r = k::run({region("Halland", 100, "-1", "80"), region("Gotland", 100, "2")}, p);
    CHECK(in_pot(r, "halland", visits_sep) == 0);
    CHECK(in_pot(r, "gotland", visits_sep) == 21'333'333'334);
  }
  SECTION("improving and over 71 %: paid for the improvement, once") {
    const auto r = k::run({region("Jönköping", 100, "2", "80"), region("Gotland", 100, "2", "50")});
    CHECK(in_pot(r, "jonkoping", visits_sep) == in_pot(r, "gotland", visits_sep));
    CHECK_FALSE(share(r, "jonkoping", visits_sep).via_alternative);
    CHECK(share(r, "jonkoping", visits_sep).step == std::size_t{1});
  }
  SECTION("improving 4 points and over 71 %: steps 1 and 2, each once") {
    const auto r = k::run({region("Jönköping", 100, "4", "80"), region("Gotland", 100, "4", "50")});
    CHECK(in_pot(r, "jonkoping", visits_sep) == in_pot(r, "gotland", visits_sep));
    CHECK(share(r, "jonkoping", visits_sep).step == std::size_t{2});
    CHECK(in_pot(r, "jonkoping", visits_sep) + in_pot(r, "gotland", visits_sep) == 21'333'333'334);
  }
  SECTION("strict reading: improving 0.5 points closes the alternative") {
    k::Parameters p;
    p.alternative_only_without_improvement = true;
    const auto r = k::run({region("Halland", 100, "0,5", "80"), region("Gotland", 100, "2")}, p);
    CHECK(in_pot(r, "halland", visits_sep) == 0);
    const auto r2 = k::run({region("Halland", 100, "0,5", "80"), region("Gotland", 100, "2")});
    CHECK(in_pot(r2, "halland", visits_sep) == in_pot(r2, "gotland", visits_sep));
  }
}

TEST_CASE("Kömiljarden 2019: step money split by population or equally", "[allocate]") {
  const std::vector<k::RegionInputs> in{region("Stockholm", 2344124, "2"), region("Gotland", 59249, "2")};
  const auto by_population = k::run(in);
  CHECK(in_pot(by_population, "stockholm", visits_sep) > 39 * in_pot(by_population, "gotland", visits_sep));
  k::Parameters p;
  p.step_split = k::StepSplit::equal;
  const auto equal = k::run(in, p);
  CHECK(in_pot(equal, "stockholm", visits_sep) == 10'666'666'667);
  CHECK(in_pot(equal, "gotland", visits_sep) == 10'666'666'667);
}

TEST_CASE("Kömiljarden 2019: Block 2 conditions, retained or redistributed", "[allocate]") {
  auto inputs = all_regions();
  const auto all_pass = k::run(inputs);
  inputs[14].reporting.lowest_response_rate = Percent::parse("94,9");  // Västmanland
  inputs[7].reporting.status_report = make_date(2019, 10, 16);         // Gotland, a day late
  inputs[2].reporting.actual_waits_within_five_weeks = false;          // Södermanland

  SECTION("retained (default): the others get exactly what they would have") {
    const auto r = k::run(inputs);
    std::int64_t withheld = 0;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      const bool failing = i == 14 || i == 7 || i == 2;
      INFO(r.regions[i].id);
      CHECK(r.regions[i].block2.ore() == (failing ? 0 : all_pass.regions[i].block2.ore()));
      CHECK(r.regions[i].failed_conditions.empty() == !failing);
      if (failing) withheld += all_pass.regions[i].block2.ore();
      // Block 1 does not depend on reporting.
      CHECK(r.regions[i].block1 == all_pass.regions[i].block1);
    }
    CHECK(r.allocation.undistributed("block-2").ore() == withheld);
    CHECK(r.allocation.paid("block-2").ore() + withheld == 32'000'000'000);
    CHECK(r.regions[14].failed_conditions == std::vector<std::string>{"lowest monthly response rate"});
    CHECK(r.regions[7].failed_conditions == std::vector<std::string>{"status report"});
    CHECK_THAT(r.allocation.pot("block-2").undistributed_reason(),
               Catch::Contains("Region Västmanland") && Catch::Contains("94.9 %"));
  }
  SECTION("redistributed: the regions that met the conditions share all of it") {
    k::Parameters p;
    p.block2_failed = FailedShare::redistributed;
    const auto r = k::run(inputs, p);
    CHECK(r.allocation.paid("block-2").ore() == 32'000'000'000);
    CHECK(r.regions[14].block2.ore() == 0);
    CHECK(r.regions[0].block2 > all_pass.regions[0].block2);
  }
  SECTION("unconditional Block 2, as the agreement times the June payment") {
    k::Parameters p;
    p.block2_conditional = false;
    const auto r = k::run(inputs, p);
    for (std::size_t i = 0; i < inputs.size(); ++i) CHECK(r.regions[i].block2 == all_pass.regions[i].block2);
    CHECK(r.allocation.pot("block-2").conditions.empty());
  }
  SECTION("the five-week condition can be switched off") {
    k::Parameters p;
    p.require_five_week_reporting = false;
    const auto r = k::run(inputs, p);
    CHECK(r.regions[2].block2 == all_pass.regions[2].block2);
  }
}

TEST_CASE("Kömiljarden 2019: the sample inputs", "[allocate]") {
  const auto inputs = k::read_csv(sample_csv);
  REQUIRE(inputs.size() == 21);
  CHECK(inputs[0].region == "Stockholm");
  CHECK(inputs[0].population == 2344124);
  CHECK(inputs[3].first_visits.at(10).under_90_2018 == Percent::parse("86,9"));  // a cell with a decimal point
  const auto r = k::run(inputs);
  const auto& a = r.allocation;
  CHECK(a.paid("block-1") == Money::from_kronor(1'280'000'000));
  CHECK((a.paid("block-2") + a.undistributed("block-2")) == Money::from_kronor(320'000'000));
  std::int64_t sum = 0;
  for (const auto& reg : r.regions) sum += reg.total.ore();
  CHECK(sum == a.paid_total().ore());

  // The cases the sample was made to show.
  CHECK(r.regions[14].failed_conditions == std::vector<std::string>{"lowest monthly response rate"});  // Västmanland
  CHECK(r.regions[14].block2.ore() == 0);
  CHECK(a.undistributed("block-2").ore() == 856'124'021);
  CHECK(r.regions[2].block1.ore() == 0);  // Södermanland got worse everywhere
  CHECK(share(r, "uppsala", k::pot_id(k::Group::first_visits, 10)).step == std::size_t{2});    // exactly +3.0
  CHECK(share(r, "kronoberg", k::pot_id(k::Group::first_visits, 10)).step == std::size_t{2});  // exactly +5.0
  CHECK(share(r, "uppsala", k::pot_id(k::Group::operations, 11)).step == std::size_t{1});      // exactly +1.0
  CHECK(share(r, "halland", visits_sep).via_alternative);  // 71.0 % exactly, +0.6 points
  CHECK(share(r, "stockholm", visits_sep).step == std::size_t{1});
  CHECK_FALSE(share(r, "stockholm", visits_sep).via_alternative);  // +2.1 and 71.1 %: paid once
  CHECK(mentions(share(r, "dalarna", k::pot_id(k::Group::operations, 11)), "rolled over from step 3"));
  // Regression values: the sample under the default parameters.
  CHECK(r.regions[1].total.str() == "128 434 196,35 kr");  // Uppsala
  CHECK(r.regions[0].total.str() == "214 051 069,70 kr");  // Stockholm
}

TEST_CASE("Kömiljarden 2019: the table and the JSON add up", "[allocate]") {
  const auto r = k::run(k::read_csv(sample_csv));
  const std::string table = r.table();
  CHECK_THAT(table, Catch::Contains("Region") && Catch::Contains("Block 1 visits") && Catch::Contains("Block 2") &&
                        Catch::Contains("Västra Götaland") && Catch::Contains("1 280 000 000 kr") &&
                        Catch::Contains("1 600 000 000 kr") && Catch::Contains("Undistributed") &&
                        Catch::Contains("Västmanland *"));
  CHECK_THAT(r.table(true), Catch::Contains("Visits Sep") && Catch::Contains("213 333 333,34 kr"));

  const auto j = nlohmann::json::parse(r.to_json());
  CHECK(j["schema"] == "samverkan.koemiljard2019");
  REQUIRE(j["regions"].size() == 21);
  std::int64_t block1 = 0, block2 = 0;
  for (const auto& reg : j["regions"]) {
    block1 += reg["block1"]["total"]["ore"].get<std::int64_t>();
    block2 += reg["block2"]["ore"].get<std::int64_t>();
    CHECK(reg["block1"]["first_visits"]["2019-09"]["ore"].is_number_integer());
  }
  CHECK(block1 == 128'000'000'000);
  CHECK(block2 + j["totals"]["block-2"]["undistributed"]["ore"].get<std::int64_t>() == 32'000'000'000);
  CHECK(j["allocation"]["schema"] == "samverkan.allocation");
  CHECK(j["allocation"]["pots"].size() == 10);
}

TEST_CASE("Kömiljarden 2019: regions are found by any usual name", "[allocate]") {
  CHECK(k::regions().size() == 21);
  for (const char* name :
       {"Västra Götaland", "VGR", "Västra Götalandsregionen", "västra  götaland", "Region Västra Götaland"})
    CHECK(k::find_region(name) == k::find_region("vastra-gotaland"));
  CHECK(k::find_region("Region Jönköpings län")->id == "jonkoping");
  CHECK(k::find_region("Jönköpings län")->id == "jonkoping");
  CHECK(k::find_region("Sörmland")->id == "sodermanland");
  CHECK(k::find_region("Region Sörmland")->id == "sodermanland");
  CHECK(k::find_region("Jämtland")->id == "jamtland-harjedalen");
  CHECK(k::find_region("ÖREBRO")->id == "orebro");
  CHECK(k::find_region("Stockholms län")->id == "stockholm");
  CHECK(k::find_region("Lappland") == nullptr);
}

TEST_CASE("Kömiljarden 2019: bad inputs name the region and the field", "[allocate]") {
  const auto fails = [](std::vector<k::RegionInputs> in, std::vector<std::string> needles) {
    try {
      k::run(in);
      FAIL("no error");
    } catch (const value_error& e) {
      for (const auto& n : needles) CHECK_THAT(e.what(), Catch::Contains(n));
    }
  };
  auto over = region("Uppsala", 1, "2");
  over.first_visits[10].under_90_2018 = Percent::parse("100,01");
  fails({over}, {"Uppsala", "first_visits[10].under_90_2018", "100.01 %", "October"});
  auto negative = region("Uppsala", 1, "2");
  negative.operations[9].within_60_2019 = Percent::parse("-0,5");
  fails({negative}, {"Uppsala", "operations[9].within_60_2019", "-0.5 %"});
  auto missing = region("Gotland", 1, "2");
  missing.operations.erase(11);
  fails({missing}, {"Gotland", "operations[11]", "no figures for operations, November 2019"});
  auto extra = region("Gotland", 1, "2");
  extra.first_visits[12] = extra.first_visits[11];
  fails({extra}, {"Gotland", "first_visits[12]", "not measured"});
  fails({region("Kalmar", -5)}, {"Kalmar", "population", "-5"});
  fails({region("Kalmar", 0)}, {"Kalmar", "population"});
  fails({region("Lappland", 5)}, {"unknown region 'Lappland'"});
  fails({region("VGR", 5), region("Västra Götaland", 5)}, {"Västra Götaland", "twice", "'VGR'"});
  auto response = region("Kalmar", 1);
  response.reporting.lowest_response_rate = Percent::parse("101");
  fails({response}, {"Kalmar", "reporting.lowest_response_rate"});
}

TEST_CASE("Kömiljarden 2019: the CSV reader", "[allocate]") {
  SECTION("a good file, with ';' and decimal commas") {
    const auto in =
        k::parse_csv(csv_text({csv_row("Uppsala"), csv_row("Region Gotland", {{"status_report_date", ""}})}));
    REQUIRE(in.size() == 2);
    CHECK(in[0].first_visits.at(9).under_90_2019 == Percent::parse("62,5"));
    CHECK(in[0].reporting.status_report == make_date(2019, 10, 10));
    CHECK_FALSE(in[1].reporting.status_report.has_value());
  }
  SECTION("',' as separator, quoted decimal commas, CRLF, a BOM and columns in another order") {
    auto cols = csv_columns();
    std::reverse(cols.begin(), cols.end());
    std::string text = "\xEF\xBB\xBF";
    for (std::size_t i = 0; i < cols.size(); ++i) text += (i ? "," : "") + cols[i];
    text += "\r\n";
    std::string row;
    for (std::size_t i = 0; i < cols.size(); ++i) {
      std::string v = cols[i] == "region"                    ? "\"Region Jönköpings län\""
                      : cols[i] == "population"              ? "\"360 825\""
                      : cols[i] == "reported_within_5_weeks" ? "yes"
                      : cols[i] == "status_report_date"      ? "-"
                      : cols[i] == "response_rate_min"       ? "99.1"
                                                             : "\"71,5\"";
      row += (i ? "," : "") + v;
    }
    text += row + "\r\n\r\n# trailing comment\r\n";
    const auto in = k::parse_csv(text, "comma.csv");
    REQUIRE(in.size() == 1);
    CHECK(in[0].population == 360825);
    CHECK(in[0].operations.at(11).within_60_2019 == Percent::parse("71,5"));
    CHECK(in[0].reporting.actual_waits_within_five_weeks);
    CHECK_FALSE(in[0].reporting.status_report.has_value());
  }
  SECTION("errors name file, line, region and column") {
    struct Case {
      std::string text;
      std::size_t line;
      std::vector<std::string> needles;
    };
    const std::vector<Case> cases{
        {csv_text({csv_row("Uppsala"), csv_row("Gotland", {{"visits_oct_u90_2018", "104,2"}})}),
         4,
         {"test.csv:4", "Gotland", "visits_oct_u90_2018", "104.2 %"}},
        {csv_text({csv_row("Gotland", {{"operations_nov_le60_2019", "-1"}})}),
         3,
         {"Gotland", "operations_nov_le60_2019"}},
        {csv_text({csv_row("Gotland", {{"visits_sep_u90_2019", "7o,2"}})}),
         3,
         {"Gotland", "visits_sep_u90_2019", "7o,2"}},
        {csv_text({csv_row("Gotland", {{"visits_sep_u90_2019", "65,333"}})}), 3, {"visits_sep_u90_2019", "0.01"}},
        {csv_text({csv_row("Gotland", {{"operations_oct_u90_2019", ""}})}),
         3,
         {"Gotland", "operations_oct_u90_2019", "operations, October 2019 are missing"}},
        {csv_text({csv_row("Gotland", {{"population", "-59249"}})}), 3, {"Gotland", "population", "negative"}},
        {csv_text({csv_row("Gotland", {{"population", "59 249,5"}})}), 3, {"Gotland", "population"}},
        {csv_text({csv_row("Lappland")}), 3, {"unknown region 'Lappland'"}},
        {csv_text({csv_row("Gotland"), csv_row("Kalmar"), csv_row("Region Gotland")}),
         5,
         {"Gotland", "twice", "first on line 3"}},
        {csv_text({csv_row("Gotland", {{"reported_within_5_weeks", "kanske"}})}),
         3,
         {"Gotland", "reported_within_5_weeks"}},
        {csv_text({csv_row("Gotland", {{"status_report_date", "15 okt"}})}), 3, {"Gotland", "status_report_date"}},
        {csv_text({csv_row("Gotland") + ";extra"}), 3, {"cells"}},
        {"region;population;bogus\n", 1, {"unknown column 'bogus'"}},
        {"region;population\n", 1, {"missing columns", "visits_sep_u90_2018"}},
        {"region;region\n", 1, {"appears twice"}},
        {csv_text({"\"Gotland;1"}), 3, {"quoted cell"}},
        {"# only a comment\n", 0, {"test.csv: no header"}},
    };
    for (const auto& c : cases) {
      INFO(c.text);
      const auto [line, message] = csv_error(c.text);
      CHECK(line == c.line);
      for (const auto& n : c.needles) CHECK_THAT(message, Catch::Contains(n));
    }
  }
  SECTION("a file that is not there") { CHECK_THROWS_AS(k::read_csv("/nonexistent/inputs.csv"), io_error); }
}

TEST_CASE("Kömiljarden 2019: parameters describe themselves", "[allocate]") {
  const auto lines = k::Parameters{}.describe();
  REQUIRE(lines.size() == 5);
  CHECK_THAT(lines[1], Catch::Contains("≥ 1 / ≥ 3 / > 5"));
  CHECK_THAT(lines[2], Catch::Contains("cumulative") && Catch::Contains("by population"));
  CHECK_THAT(lines[4], Catch::Contains("retained"));
  const auto prog = k::programme();
  CHECK_NOTHROW(prog.check());
  CHECK(prog.pots.size() == 2);
  CHECK(k::figure_key(k::Group::operations, 11, "within_60_2019") == "operations/2019-11/within_60_2019");
}
