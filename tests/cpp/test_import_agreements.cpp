// The agreement and action-plan readers (src/import/documents.cpp) on the
// documents written for the project, and on hostile input.
#include <catch2/catch.hpp>

#include <samverkan/corpus.hpp>
#include <samverkan/import/documents.hpp>
#include <samverkan/io/archive.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/query.hpp>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>

namespace sv = samverkan;
namespace fs = std::filesystem;

namespace {

const fs::path documents = fs::path(SAMVERKAN_SOURCE_DIR) / "benchmarks" / "fidelity" / "agreements" / "documents";

std::string read(const std::string& name) { return sv::detail::read_file(documents / name); }

}  // namespace

TEST_CASE("an agreement alone adds no meeting; imported twice it is added once", "[import][agreements]") {
  sv::Corpus corpus;
  const auto result = sv::import::import_file(corpus, documents / "a1_overenskommelse_staten_skr.txt");
  CHECK(result.meeting.empty());
  CHECK(corpus.meetings().empty());
  REQUIRE(result.agreements.size() == 1);
  const auto& a = corpus.get(result.agreements.front());
  CHECK(a.title == "Kortare väntetider i barn- och ungdomspsykiatrin 2022");
  CHECK(a.total == sv::Money::from_kronor(520'000'000));
  // Blocks 1 and 2 and SKR's share, which the model needs to add up to the total.
  REQUIRE(a.blocks.size() == 3);
  CHECK(a.blocks[2].key == "SKR");
  CHECK(a.blocks[2].extensions.count("source.block") == 1);
  REQUIRE(a.provenance);
  CHECK(a.provenance->document == "a1_overenskommelse_staten_skr.txt");
  for (const auto& c : a.conditions) {
    REQUIRE(c.provenance);
    CHECK(c.provenance->first_line > 0);
    REQUIRE(c.indicator);
    CHECK(corpus.find(*c.indicator));
  }
  for (const auto& problem : corpus.validate()) {
    INFO(problem.str());
    CHECK(problem.severity == sv::Severity::warning);
  }
  const auto again = sv::import::import_file(corpus, documents / "a1_overenskommelse_staten_skr.txt");
  CHECK(corpus.agreements().size() == 1);
  CHECK(again.agreements == result.agreements);
  CHECK(std::any_of(again.warnings.begin(), again.warnings.end(),
                    [](const sv::import::Warning& w) { return w.message.find("already in the corpus") != std::string::npos; }));
}

TEST_CASE("a protocol deciding an extension refers to the agreement appended to it", "[import][agreements]") {
  sv::Corpus corpus;
  const auto result = sv::import::import_file(corpus, documents / "a2_protokoll_forlangning_vastmanland.txt");
  REQUIRE_FALSE(result.meeting.empty());
  REQUIRE(result.agreements.size() == 1);
  const auto& a = corpus.get(result.agreements.front());
  const auto& m = corpus.get(result.meeting);
  REQUIRE(m.items.size() == 1);
  REQUIRE_FALSE(m.items[0].decisions.empty());
  for (const auto& d : m.items[0].decisions)
    CHECK(std::find(d.references.begin(), d.references.end(), sv::EntityRef(a.id)) != d.references.end());
  REQUIRE(a.amendments.size() == 2);
  const auto& ext = a.amendments[1];
  CHECK(ext.kind == sv::AmendmentKind::extension);
  CHECK(ext.date == sv::make_date(2023, 5, 16));
  REQUIRE(ext.new_total);
  CHECK(*ext.new_total == sv::Money::from_kronor(14'400'000));
  REQUIRE(ext.decided_by);
  CHECK(ext.decided_by->kind == sv::EntityKind::decision);
  CHECK(ext.decided_by->id == m.items[0].decisions.front().id.str());
  CHECK(a.effective_validity().end == sv::make_date(2024, 12, 31));
  CHECK(a.amendments[0].reference == "Hjälpmedelsrådet 2022-09-22 § 14");
  CHECK_FALSE(a.amendments[0].new_validity);
}

TEST_CASE("plans: extensions, goals and links as written, and the gaps the document leaves", "[import][plans]") {
  sv::Corpus corpus;
  const auto r = sv::import::import_file(corpus, documents / "h2_handlingsplan_kalmar.md");
  REQUIRE(r.plans.size() == 1);
  const auto& plan = corpus.get(r.plans.front());
  CHECK(plan.effective_period().end == sv::make_date(2023, 12, 31));
  REQUIRE(plan.period_extensions.size() == 2);
  CHECK(plan.period_extensions[0].decided_on == sv::make_date(2021, 11, 19));
  const auto gaps = sv::plan_gaps(plan);
  // The budget is not tied to activities, and A4 names no goal.
  CHECK(gaps.unlinked_funding.size() == 3);
  REQUIRE(gaps.activities_without_goal.size() == 1);
  CHECK(gaps.activities_without_goal[0]->number == "A4");
  // Indicators with their baseline and target.
  const auto& goal1 = plan.goals.front();
  REQUIRE(goal1.indicators.size() == 1);
  const auto& ind = corpus.get(goal1.indicators.front());
  REQUIRE(ind.observations.size() == 1);
  CHECK(ind.observations[0].value == 61);
  CHECK(ind.observations[0].period.start == sv::make_date(2018, 1, 1));
  REQUIRE(ind.targets.size() == 1);
  CHECK(ind.targets[0].value == 80);
  CHECK(ind.unit == "%");
  // The plan with funding links has none unlinked.
  const auto r2 = sv::import::import_file(corpus, documents / "p1_genomforandeplan_fyrbodal.txt");
  REQUIRE(r2.plans.size() == 1);
  CHECK(sv::plan_gaps(corpus.get(r2.plans.front())).unlinked_funding.empty());
  for (const auto& problem : corpus.validate()) {
    INFO(problem.str());
    CHECK(problem.severity == sv::Severity::warning);
  }
}

TEST_CASE("what an agreement leaves out is a warning", "[import][agreements]") {
  const auto docs = sv::import::parse_documents("Samverkansavtal om något\n\nParterna ska samverka.\n", "x.txt");
  REQUIRE(docs.agreements.size() <= 1);
  if (!docs.agreements.empty()) {
    const auto has = [&](std::string_view what) {
      return std::any_of(docs.warnings.begin(), docs.warnings.end(),
                         [&](const sv::import::Warning& w) { return w.message.find(what) != std::string::npos; });
    };
    CHECK(has("without signatures"));
    CHECK(has("without a total"));
  }
  const auto plan = sv::import::parse_documents("Handlingsplan för X\n\nMål 1 Bättre vård\n", "p.txt");
  REQUIRE(plan.plans.size() == 1);
  CHECK(std::any_of(plan.warnings.begin(), plan.warnings.end(),
                    [](const sv::import::Warning& w) { return w.message.find("without a period") != std::string::npos; }));
}

TEST_CASE("agreement and plan readers on hostile input: no crash, bounded, valid corpus", "[import][robust]") {
  std::vector<std::string> inputs{
      "Överenskommelse mellan " + std::string(20000, 'A') + " och B",
      std::string(3000, '\n') + "Samverkansavtal\n" + std::string(3000, '\t'),
      "Handlingsplan\n" + [] {
        std::string s;
        for (int i = 0; i < 3000; ++i) s += "Mål 1 Samma mål\nDelmål 1.1 Igen\nAktivitet 1.1 X (lokal, " + std::to_string(i) + ")\n";
        return s;
      }(),
      "Avtal mellan A och B\n" + [] {
        std::string s;
        for (int i = 0; i < 3000; ++i) s += "Block " + std::to_string(i % 7) + ": del – " + std::to_string(i) + " kronor\nminst 9" + std::to_string(i) + " procent\n";
        return s;
      }(),
      "Bidragsöverenskommelse\n\nFör " + std::string(5000, 'x') + " genom\n\n" + std::string(4000, '(') + "\n",
      "Genomförandeplan\nAktivitet\tÅr\tBelopp\n" + std::string(2000, '\t') + "\n1\t2020\t1 kr\n",
  };
  std::mt19937 random(20261202);
  const std::string seed = read("a2_protokoll_forlangning_vastmanland.txt") + read("p1_genomforandeplan_fyrbodal.txt");
  for (int i = 0; i < 60; ++i) {
    std::string mutated = seed;
    for (int k = 0; k < 20; ++k) mutated[random() % mutated.size()] = static_cast<char>(random() % 256);
    inputs.push_back(mutated);
  }
  for (const auto& input : inputs) {
    sv::Corpus corpus;
    REQUIRE_NOTHROW(sv::import::import_minutes(corpus, input, "hostile.txt"));
    REQUIRE_NOTHROW(sv::to_json(corpus));
    REQUIRE_NOTHROW(corpus.validate());
  }
}
